"""Every number in a report's sentence, found and classified.

Each number a report writes becomes a figure of the site, so the importer
must find all of them and know what each is: an amount of money ("1.484 tỷ
750 triệu đồng"), a percentage, a count ("06 dự án", "600m"), a ratio
("27/393"), a date, a month, a year, a period ("2021-2026"), a name with
digits ("Kênh T2"), or a cited document ("Quyết định số 6368/QĐ-UBND ngày
28/12/2022"). Matchers run from the most specific to the most general; a
stretch of text claimed by one is not looked at again. Every value found is
read by `macros.written`, which guarantees it writes back exactly; a number
that would not is kept as written (a name) and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from macros import written
from macros.written import NUMBER, NotWritten

DOCUMENT_KINDS = {
    "QĐ": "Quyết định", "NQ": "Nghị quyết", "KL": "Kết luận", "KH": "Kế hoạch", "CTr": "Chương trình",
    "CTTr": "Chương trình", "CT": "Chỉ thị", "TB": "Thông báo", "BC": "Báo cáo", "TTr": "Tờ trình",
    "HD": "Hướng dẫn", "QC": "Quy chế", "CV": "Công văn", "ĐA": "Đề án", "NĐ": "Nghị định", "TT": "Thông tư",
    "QH": "Luật", "QĐi": "Quy định", "TTg": "Quyết định", "UBND": "Văn bản",
}
_DOCUMENT = re.compile(r"(?<![\w/.-])(\d{1,6}(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ]*\d*)(?:[-/][A-ZĐa-zđ0-9]+)*)(?![\w/])")
# "số 26/NQ-HĐND của HĐND thành phố ngày 20/12/2022", "339/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ"
_ISSUER = r"của\s+(?P<{name}>[^,;()“”\"]{{2,60}}?)"
_DOCUMENT_DATE = re.compile(rf"(?:\s+{_ISSUER.format(name='before')})?\s+ngày\s+(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}})"
                            rf"(?![\d/])(?:\s+{_ISSUER.format(name='after')}(?=[,;().]|\s+(?:về|và|đã)\s|$))?")
_YEAR_CUES = {"năm", "đến", "từ", "đoạn", "kỳ", "khóa", "khoá", "tháng", "quý", "cuối", "đầu", "trước", "sau",
              "xuân", "tết", "niên", "học", "hoạch", "tầm", "nhìn", "trong", "vụ", "mùa", "giai"}
_NOT_UNITS = {"và", "là", "của", "với", "so", "trong", "đã", "đạt", "bằng", "tăng", "giảm", "các", "những", "được",
              "có", "cho", "theo", "tại", "từ", "đến", "về", "khi", "thì", "như", "năm", "này", "đó", "trên", "dưới",
              "gần", "khoảng", "hơn", "gồm", "trong", "hoặc"}


@dataclass(frozen=True)
class Found:
    """A number of the text: where it is, what kind of figure, as written, and its value.

    For a cited document, `kind` is "van_ban" (its number, in `document`, with
    its issuer where the sentence names it) or "van_ban_ngay" (its date, which
    follows "ngày").
    """

    start: int
    end: int
    kind: str
    text: str
    value: written.Written | None = None
    document: str | None = None
    exact: bool = True
    issuer: str | None = None


def document_kind(number: str) -> str:
    """"Quyết định" for "6368/QĐ-UBND", "Kết luận" for "92-KL/TU"."""
    parts = re.split(r"[-/]", number)
    for part in parts[1:]:
        letters = re.sub(r"\d+$", "", part)  # "QH14": a law of the 14th National Assembly
        if letters in DOCUMENT_KINDS and letters != "UBND":
            return DOCUMENT_KINDS[letters]
    return "Văn bản"


def _words_before(text: str, at: int, count: int = 2) -> list[str]:
    return re.findall(r"[\wÀ-ỹ]+", text[:at].lower())[-count:]


def _word_after(text: str, at: int) -> str:
    found = re.match(r"\s+([\wÀ-ỹ]+)", text[at:])
    return found.group(1).lower() if found else ""


class _Finder:
    """Claims stretches of one text, most specific matcher first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Found] = []
        self.year: int | None = None

    def free(self, start: int, end: int) -> bool:
        return all(end <= other.start or start >= other.end for other in self.found)

    def claim(self, start: int, end: int, kind: str, value: written.Written | None = None,
              document: str | None = None, issuer: str | None = None) -> bool:
        if not self.free(start, end):
            return False
        self.found.append(Found(start, end, kind, self.text[start:end], value, document, issuer=issuer))
        return True

    def each(self, pattern: re.Pattern[str] | str, handle: Callable[[re.Match[str]], None]) -> None:
        for match in re.finditer(pattern, self.text):
            if self.free(*match.span()):
                handle(match)

    def value(self, match: re.Match[str], kind: str, group: int = 0) -> None:
        """Claim `match` as a figure of `kind`; if it does not write back exactly, keep it as written."""
        start, end = match.span(group)
        try:
            self.claim(start, end, kind, written.parse(kind, self.text[start:end]))
        except NotWritten:
            if self.claim(start, end, "ten", written.Label(self.text[start:end])):
                self.found[-1] = Found(start, end, "ten", self.text[start:end], written.Label(self.text[start:end]),
                                       exact=False)


def find(text: str, names: Iterable[str] = (), year: int | None = None) -> list[Found]:
    """Every figure and cited document of `text`, in order.

    `names` are known names with digits ("5 rõ, 6 dám"); `year` is the
    report's year, so that "công 2023 nguồn vốn" is read as a year.
    """
    finder = _Finder(text)
    finder.year = year
    _documents(finder)
    for name in sorted(set(names), key=len, reverse=True):
        finder.each(rf"(?<![\w]){re.escape(name)}(?![\w])", lambda m: finder.value(m, "ten"))
    finder.each(r"(?<![\w.,/])[A-ZĐ]{1,4}\d+[A-Za-z0-9]*(?![\w])|(?<![\w])[A-Za-z]+-\d+(?![\w/])",
                lambda m: finder.value(m, "ten"))
    # Roads are named by a number: "Vành đai 1", "Quốc lộ 5", "đường tỉnh 390".
    finder.each(r"(?<![\w])(?:[Vv]ành [Đđ]ai|[Qq]uốc lộ|[Tt]ỉnh lộ|[Đđ]ường tỉnh|[Cc]ao tốc) \d+[A-Z]?(?![\w])",
                lambda m: finder.value(m, "ten"))
    money_units = "|".join(re.escape(unit) for unit in written.MONEY_UNITS)
    finder.each(rf"(?<![\w.,]){NUMBER} tỷ {NUMBER} triệu đồng(?!\w)", lambda m: finder.value(m, "tien"))
    finder.each(rf"(?<![\w.,])(?:{NUMBER}) (?:{money_units})(?!\w)", lambda m: finder.value(m, "tien"))
    finder.each(rf"(?<![\w.,])(?:{NUMBER}) ?%", lambda m: finder.value(m, "ti_le"))
    date = r"\d{1,2}/\d{1,2}/\d{4}"
    finder.each(rf"(?<![\w/.,])(?:{date}\s?[-–]\s?{date}|\d{{4}}\s?[-–]\s?\d{{4}})(?![\w/.,]\d)",
                lambda m: _period(finder, m))
    finder.each(rf"(?<![\w/.,]){date}(?![\w/])", lambda m: finder.value(m, "ngay"))
    finder.each(r"(?<=tháng )\d{1,2}/\d{4}(?![\w/])", lambda m: finder.value(m, "thang"))
    finder.each(r"(?<=ngày )\d{1,2}/\d{1,2}(?![\w/])", lambda m: finder.value(m, "ngay"))
    finder.each(rf"(?<![\w/.,])(?:{NUMBER})/(?:{NUMBER})(?![\w/])", lambda m: _ratio(finder, m))
    finder.each(r"(?<![\w.,/])\d{4}(?![\w.,/]\d|\w)", lambda m: _year(finder, m))
    finder.each(rf"(?<![\w.,/])(?:{NUMBER})(?:[a-zA-Zµ²³]{{1,3}}[23]?)?(?![\w/]|[.,]\d)",
                lambda m: finder.value(m, "so_luong"))
    _leftovers(finder)
    return sorted(finder.found, key=lambda found: found.start)


def _leftovers(finder: _Finder) -> None:
    """Any digit still unclaimed ("Quý4", "x2") is kept, with the word it is part of, as a name."""
    for match in re.finditer(r"\d", finder.text):
        if not finder.free(*match.span()):
            continue
        start, end = match.start(), match.end()
        while start > 0 and re.match(r"[\w./%-]", finder.text[start - 1]) and finder.free(start - 1, start):
            start -= 1
        while end < len(finder.text) and re.match(r"[\w./%-]", finder.text[end]) and finder.free(end, end + 1):
            end += 1
        while finder.text[end - 1] in ".,-/" and end - 1 > match.start():
            end -= 1
        finder.claim(start, end, "ten", written.Label(finder.text[start:end]))


def _documents(finder: _Finder) -> None:
    for match in _DOCUMENT.finditer(finder.text):
        number = match.group(1)
        if not re.search(r"[A-ZĐ]", number) or document_kind(number) == "Văn bản" and "UBND" not in number \
                and not re.search(r"(?:số|Quyết định|Nghị quyết|Kế hoạch|Kết luận)\s*$", finder.text[:match.start()]):
            continue
        date = _DOCUMENT_DATE.match(finder.text, match.end())
        issuer = date and (date.group("before") or date.group("after"))
        finder.claim(*match.span(1), "van_ban", document=number, issuer=issuer.strip() if issuer else None)
        if date:
            try:
                value = written.parse("ngay", date.group("date"))
            except NotWritten:
                continue
            finder.claim(*date.span("date"), "van_ban_ngay", value, document=number)


def _period(finder: _Finder, match: re.Match[str]) -> None:
    try:
        value = written.parse("khoang", match.group())
    except NotWritten:
        return  # "10-15" or a range of counts: each number is found on its own
    finder.claim(*match.span(), "khoang", value)


def _ratio(finder: _Finder, match: re.Match[str]) -> None:
    try:
        value = written.parse("ti_so", match.group())
    except NotWritten:
        return
    if value.numerator.value <= value.denominator.value:
        finder.claim(*match.span(), "ti_so", value)
        return
    try:  # "8/3" written where a day and month are meant
        finder.claim(*match.span(), "ngay", written.parse("ngay", match.group()))
    except NotWritten:
        finder.claim(*match.span(), "ten", written.Label(match.group()))


def _year(finder: _Finder, match: re.Match[str]) -> None:
    number = int(match.group())
    cue = set(_words_before(finder.text, match.start())) & _YEAR_CUES
    follows = _word_after(finder.text, match.end())
    near_report = finder.year is not None and abs(number - finder.year) <= 2
    if 1900 <= number <= 2100 and (cue or near_report or not follows or follows in _NOT_UNITS):
        finder.value(match, "nam")


def unit_after(text: str, end: int) -> str:
    """The noun a count counts: the word(s) right after it ("50 phiên họp" -> "phiên họp")."""
    words = re.findall(r"[\wÀ-ỹ]+", text[end:end + 40])
    kept: list[str] = []
    for word in words[:2]:
        if word.lower() in _NOT_UNITS or not word[0].isalpha() or (kept and word[0].isupper()):
            break
        kept.append(word)
    if re.match(r"\s*[,.;:)(]", text[end:]) or not re.match(r"\s", text[end:end + 1] or "."):
        kept = []
    return " ".join(kept)
