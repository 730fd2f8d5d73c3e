"""The data of an imported year: a key, a kind and a meaning for every number, and what to review.

Given every number of the new report (`draft_pages.Occurrence`), this module
decides the figures of `so-lieu.yml` and the documents of `van-ban.yml`:

- the report's own year and the years either side are the derived figures
  `nam.bao_cao`, `nam.truoc`, `nam.ke_hoach`;
- a cited document keeps the key it had in an earlier year (same number);
- a name with digits that last year had keeps its key;
- a number among the same words as one of last year's figures takes its key,
  kind, unit and meaning (years moved on) — see `carry_over`;
- any other number gets a readable ASCII key from the words before it, its
  kind from what it is and the words around it, and a draft meaning: the
  clause that states it. Each of those is a review item.

It also notices what a careful reader would (a percentage that contradicts
its stated ratio, parts that do not add up to their whole, words that cannot
be Vietnamese syllables) and proposes editorial notes and checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from macros import written
from macros.carry_over import FAMILIES, Candidate, Context, Mention, match
from macros.draft_pages import SEQUENCE_COLUMNS, Occurrence
from macros.figure_finder import document_kind, unit_after
from macros.models import PERCENT_RANGES
from macros.folding import fold
from macros.site_data import DERIVED_GROUP, YearData
from macros.syllables import misspellings
from macros.yaml_writer import Bare

STOPWORDS = {"va", "la", "cua", "voi", "da", "dat", "duoc", "co", "cac", "nhung", "tai", "tren", "gan", "khoang",
             "hon", "trong", "den", "tu", "cho", "theo", "so", "nay", "do", "thi", "con", "bang", "len", "vao", "nam",
             "mot", "ve", "nhu", "ra", "o", "the", "nhat", "moi", "tai", "tren", "duoi", "uoc"}
DERIVED = {0: "bao_cao", -1: "truoc", 1: "ke_hoach"}


@dataclass
class ReviewItem:
    """One thing the editor must look at before publishing."""

    loai: str
    noi_dung: str
    trang: str | None = None
    khoa: str | None = None
    de_xuat: str | None = None


@dataclass
class DraftData:
    """Everything the importer writes into data/<năm>/ besides the report's own details."""

    year: int
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    # Checks carried from last year's data: the relation is assumed, not stated by this report.
    assumed_checks: list[dict[str, Any]] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    macros: dict[int, str] = field(default_factory=dict)
    notes_after: dict[int, list[str]] = field(default_factory=dict)
    # Where each figure is stated: (page, paragraph or table) of each mention, in order.
    mentions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    carried: int = 0

    def note(self, key: str, section: str, text: str) -> str:
        """Add an editorial note (proposed: the editor reviews its wording); return its key."""
        base, count = key, 2
        while key in self.notes:
            key, count = f"{base}-{count}", count + 1
        self.notes[key] = {"muc": section, "noi_dung": text}
        return key

    def attach(self, figure: str, note: str) -> None:
        """The note explains `figure`: shown after the first paragraph stating it on each page
        (and named by the figure, unless it already has a note)."""
        self.figures[figure].setdefault("ghi_chu", note)
        pages: set[str] = set()
        for page, paragraph in self.mentions.get(figure, []):
            if page not in pages:
                pages.add(page)
                self.notes_after.setdefault(paragraph, []).append(note)

    def state(self, occurrence: Occurrence, macro: str) -> None:
        """`occurrence` is written as `macro`; remember where a figure is stated."""
        self.macros[occurrence.ident] = macro
        key = re.search(r'so\("([^"]+)"\)', macro)
        if key:
            where = occurrence.table if occurrence.table is not None else occurrence.paragraph
            self.mentions.setdefault(key.group(1), []).append((occurrence.page, where))


def _clause(before: str, after: str) -> tuple[str, str]:
    """The clause around a number: up to ten words back to the last , ; : ( ) and six words on to the next."""
    head = re.split(r"[;:()\n]|[.!?] |, ", before.rstrip(" ,("))[-1]
    tail = re.split(r"[;:()\n]|[.!?](?: |$)|, ", after)[0]
    return " ".join(head.split()[-10:]), " ".join(tail.split()[:6])


def meaning(occurrence: Occurrence) -> str:
    """A draft meaning: the clause that states the number, the number itself left out."""
    if occurrence.label:  # a table cell: its row and its column say what it is
        said = occurrence.label
    else:
        head, tail = _clause(occurrence.before, occurrence.after)
        if len(head.split()) < 3:  # "… đạt 86,7%": the clause is too short, the sentence says more
            head = " ".join(occurrence.before.split(". ")[-1].split()[-10:])
        said = f"{head} … {tail}".strip(" …,") if head or tail else occurrence.found.text
    said = re.sub(r"\s+", " ", said)
    if len(said) > 160:
        said = said[:157].rsplit(" ", 1)[0] + "…"
    return said[:1].upper() + said[1:]


def ascii_words(text: str) -> list[str]:
    return [word for word in re.findall(r"[a-z0-9]+", fold(text)) if not word.isdigit()]


def _percent_kind(occurrence: Occurrence, value: Decimal) -> str:
    before = fold(occurrence.before[-30:])
    after = fold(occurrence.after[:40])
    if re.search(r"\b(tang|giam)\b[^,;]{0,20}$", before):
        return "tang_truong"
    if value > 100 or re.search(r"\b(ke hoach|du toan|chi tieu|so voi)\b", after):
        return "muc_dat"
    return "ti_le"


class Keys:
    """Keys given so far, unique."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, group: str, words: list[str]) -> str:
        name = "_".join(words) or "so_lieu"
        key, count = f"{group}.{name}", 2
        while key in self.used:
            key, count = f"{group}.{name}_{count}", count + 1
        self.used.add(key)
        return key


def group_of(page: str) -> str:
    """A figure group named after its page: "ket-qua-nhiem-vu-quyen-han" -> "ket_qua_nhiem_vu"."""
    if page == "index":
        return "mo_dau"
    return "_".join(page.split("-")[:4])


def build(occurrences: list[Occurrence], year: int, previous: YearData | None, earlier_documents: dict[str, str],
          mentions: list[Mention]) -> DraftData:
    """Keys and data for every number; `earlier_documents` maps a document number to its key in any year."""
    draft = DraftData(year)
    keys = Keys()
    old_figures = previous.figures if previous else {}
    families = {key: FAMILIES[figure.loai] for key, figure in old_figures.items()}
    old_names = {figure.gia_tri.text: key for key, figure in old_figures.items()
                 if figure.loai == "ten" and not figure.missing()}
    keys.used |= {key for text, key in old_names.items()
                  if any(o.found.kind == "ten" and o.found.text == text for o in occurrences)}
    pending: list[Occurrence] = []
    for occurrence in occurrences:
        found = occurrence.found
        if found.kind in ("van_ban", "van_ban_ngay"):
            draft.state(occurrence, _document(draft, occurrence, earlier_documents))
        elif found.kind == "nam" and found.value.year - year in DERIVED:
            draft.state(occurrence, _so(f"{DERIVED_GROUP}.{DERIVED[found.value.year - year]}"))
        elif found.kind == "ten" and found.text in old_names:
            _carry(draft, keys, occurrence, old_names[found.text], old_figures, previous)
        else:
            pending.append(occurrence)
    candidates = [Candidate(o.ident, FAMILIES[o.found.kind], o.found.text, o.page,
                            Context.around(o.before, o.after)) for o in pending]
    carried = match(candidates, mentions, families) if previous else {}
    keys.used |= set(carried.values())  # a key made up for a new number must not be one that carries over
    for occurrence in pending:
        old_key = carried.get(occurrence.ident)
        if old_key is not None:
            _carry(draft, keys, occurrence, old_key, old_figures, previous)
        else:
            _new(draft, keys, occurrence)
    return draft


def _so(key: str) -> str:
    return f'{{{{ so("{key}") }}}}'


def _written_value(text: str, kind: str) -> Any:
    """The value as the report writes it, typed so that YAML keeps it so (a bare 06 for a count, text for a name)."""
    if kind == "so_luong" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+|0\d+|\d+", text):
        return Bare(text)
    if kind == "nam":
        return int(text)
    return text


def _figure(occurrence: Occurrence, kind: str, meaning_text: str, unit: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"loai": kind, "gia_tri": _written_value(occurrence.found.text, kind)}
    if kind in ("so_luong", "ti_so"):
        entry["don_vi"] = unit or "số"
    entry["y_nghia"] = meaning_text
    entry["muc"] = occurrence.section
    return entry


def _carry(draft: DraftData, keys: Keys, occurrence: Occurrence, key: str, old_figures: Any,
           previous: YearData | None) -> None:
    draft.state(occurrence, _so(key))
    if key in draft.figures:
        return
    keys.used.add(key)
    old = old_figures[key]
    kind = old.loai
    if FAMILIES[kind] == "phan_tram":
        low, high, _ = PERCENT_RANGES[kind]
        if not low <= occurrence.found.value.value <= high:
            kind = _percent_kind(occurrence, occurrence.found.value.value)
    meaning_text = shift_years(old.y_nghia, previous.year, draft.year) if previous else old.y_nghia
    draft.figures[key] = _figure(occurrence, kind, meaning_text, getattr(old, "don_vi", None))
    draft.carried += 1


def shift_years(text: str, old_year: int, new_year: int) -> str:
    """"năm 2023 … năm 2024" -> "năm 2024 … năm 2025" for a meaning or a chart title carried from last year."""
    if not old_year or old_year == new_year:
        return text
    return re.sub(rf"\b({old_year - 1}|{old_year}|{old_year + 1})\b",
                  lambda m: str(int(m.group()) + new_year - old_year), text)


def _new(draft: DraftData, keys: Keys, occurrence: Occurrence) -> None:
    found = occurrence.found
    kind = found.kind
    if FAMILIES.get(kind) == "phan_tram":
        kind = _percent_kind(occurrence, found.value.value)
    head, tail = _clause(occurrence.before, occurrence.after)
    row, column = occurrence.row, occurrence.column
    if occurrence.table is not None and fold(column) in SEQUENCE_COLUMNS:
        kind = "ten"  # a row number of a table ("TT"): a label, not a quantity
    if occurrence.label:  # a table cell: named by its row and its column
        words = [w for w in ascii_words(row) if w not in STOPWORDS][:3] + \
            [w for w in ascii_words(re.sub(r"\(.*?\)", "", column)) if w not in STOPWORDS][:3]
    else:
        before = [w for w in ascii_words(head) if w not in STOPWORDS]
        if len(before) < 2:  # "… đạt 86,7%": the clause is too short, the sentence says more
            before = [w for w in ascii_words(occurrence.before.split(". ")[-1]) if w not in STOPWORDS][-4:]
        after = [w for w in ascii_words(tail) if w not in STOPWORDS][:3]
        # A count is named by what it counts ("50 phiên họp" -> phien_hop); other figures by their subject.
        words = after if kind in ("so_luong", "ti_so") and len(after) >= 2 else before[:4]
        if len(words) < 2:
            words = (before[-4:] + after) if kind in ("so_luong", "ti_so") else (before[:4] + after)
    key = keys.new(group_of(occurrence.page), words[:6])
    unit = None
    if kind in ("so_luong", "ti_so") and occurrence.table is not None:
        in_heading = re.search(r"\(([^()]+)\)", column) or re.search(r"\(([^()]+)\)", row)
        unit = in_heading.group(1) if in_heading else None
    elif kind in ("so_luong", "ti_so"):
        unit = (unit_after(occurrence.found.text + occurrence.after, len(occurrence.found.text)) or
                " ".join(occurrence.before.split()[-2:]).strip(" (,"))
    draft.state(occurrence, _so(key))
    draft.figures[key] = _figure(occurrence, kind, meaning(occurrence), unit)
    exact = "" if found.exact else (" Số này không đọc được đúng kiểu Việt Nam nên được giữ nguyên như "
                                     "một tên; kiểm tra lại với văn bản gốc.")
    draft.review.append(ReviewItem(
        "so_lieu_moi", f"Số liệu mới «{found.text}» (mục {occurrence.section}): khóa «{key}» và ý nghĩa "
        f"«{draft.figures[key]['y_nghia']}» do chương trình đặt.{exact}", occurrence.page, key,
        "Sửa y_nghia trong so-lieu.yml cho rõ số này đo cái gì; đổi tên khóa nếu muốn (đổi cả trong trang)."))


def _document(draft: DraftData, occurrence: Occurrence, earlier: dict[str, str]) -> str:
    found = occurrence.found
    number = found.document or found.text
    key = earlier.get(number) or next((k for k, d in draft.documents.items() if d["so_hieu"] == number), None)
    if key is None:
        parts = ascii_words(re.sub(r"[/-]", " ", number))  # the letters: kind, then issuer ("qd", "ubnd")
        key = "-".join([*parts[:1], re.match(r"\d+", number).group(), *parts[1:]][:4])
        base, count = key, 2
        while key in draft.documents and draft.documents[key]["so_hieu"] != number:
            key, count = f"{base}-{count}", count + 1
    entry = draft.documents.setdefault(key, {"loai": document_kind(number), "so_hieu": number})
    if found.issuer and "co_quan" not in entry:
        entry["co_quan"] = found.issuer
    if found.kind == "van_ban_ngay":
        day = found.value
        entry["ngay"] = day.date
        entry["mau_ngay"] = day.pattern
        entry.setdefault("muc", occurrence.section)
        return f'{{{{ vb("{key}", "ngay") }}}}'
    entry.setdefault("muc", occurrence.section)
    return f'{{{{ vb("{key}") }}}}'


# --------------------------------------------------------------------------
# What a careful reader would notice
# --------------------------------------------------------------------------

def ratio_percentages(draft: DraftData, occurrences: list[Occurrence]) -> None:
    """A percentage stated right after a ratio ("27/393 đơn chậm = 6,8%"): checked, noted when it differs."""
    by_paragraph: dict[int, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_paragraph.setdefault(occurrence.paragraph, []).append(occurrence)
    for found in by_paragraph.values():
        for ratio, percent in zip(found, found[1:]):
            if ratio.found.kind != "ti_so" or FAMILIES.get(percent.found.kind) != "phan_tram":
                continue
            gap = percent.before[len(ratio.before) + len(ratio.found.text):]
            if len(gap) > 40 or re.search(r"[;.]|tăng|giảm|so với", gap):
                continue
            _ratio_check(draft, ratio, percent)


def _key_of(draft: DraftData, occurrence: Occurrence) -> str:
    return re.search(r'"([^"]+)"', draft.macros[occurrence.ident]).group(1)


def _ratio_check(draft: DraftData, ratio: Occurrence, percent: Occurrence) -> None:
    fraction: written.Fraction = ratio.found.value
    stated: written.Percentage = percent.found.value
    exact = fraction.numerator.value / fraction.denominator.value * 100
    rounded = exact.quantize(Decimal(1).scaleb(-stated.number.decimals), rounding=ROUND_HALF_UP)
    ratio_key, percent_key = _key_of(draft, ratio), _key_of(draft, percent)
    check: dict[str, Any] = {"loai": "ti_le_cua_ti_so", "phan_tram": percent_key, "ti_so": ratio_key}
    if any(c.get("phan_tram") == percent_key for c in draft.checks):
        return
    draft.checks.append(check)
    if rounded == stated.value:
        return
    shown = written.Number.of(rounded, stated.number.decimals).text
    two = written.Number.of(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), 2).text
    note = draft.note(f"ti-le-{percent_key.split('.')[-1].replace('_', '-')}", percent.section,
                      f"Bản gốc ghi «{ratio.found.text} … {stated.text}». Phép chia {fraction.text} cho {two}%, "
                      f"làm tròn là {shown}%. Trang này giữ nguyên tỷ lệ {stated.text} của bản gốc.")
    check["sai_lech_nguon"] = {"ghi_chu": note}
    draft.attach(percent_key, note)
    draft.review.append(ReviewItem(
        "ti_le_lech", f"Tỷ lệ không khớp với tỷ số (mục {percent.section}): {fraction.text} = {two}%, làm tròn là "
        f"{shown}%, nhưng bản gốc ghi {stated.text}. Đã giữ số của bản gốc và đề xuất ghi chú biên tập «{note}».",
        percent.page, percent_key, "Đối chiếu với cơ quan soạn báo cáo; sửa lời ghi chú nếu cần."))


def sums_in_sentences(draft: DraftData, occurrences: list[Occurrence]) -> None:
    """"Tổng … A, gồm B và C" and "Loại trừ B thì … C" (after a total A): the whole must equal its parts."""
    by_paragraph: dict[int, list[Occurrence]] = {}
    for occurrence in occurrences:
        if occurrence.found.kind in ("tien", "so_luong") and occurrence.ident in draft.macros:
            by_paragraph.setdefault(occurrence.paragraph, []).append(occurrence)
    for found in by_paragraph.values():
        for index, whole in enumerate(found):
            rest = found[index + 1:]
            if not rest:
                continue
            between = rest[0].before[len(whole.before) + len(whole.found.text):]
            sentence_end = next((i for i, o in enumerate(rest) if re.search(r"[.;]\s", o.before[len(whole.before):])),
                                len(rest))
            parts = [o for o in rest[:sentence_end] if _same_unit(o, whole)]
            if re.search(r"\b(gồm|bao gồm)\b", between) and len(parts) >= 2:
                _sum_check(draft, whole, parts)
        for index, removed in enumerate(found):
            if index == 0 or not re.search(r"(loại trừ|không kể)\s[^,;]*$", removed.before, re.I):
                continue
            remaining = next((o for o in found[index + 1:] if o.found.kind == removed.found.kind), None)
            whole = next((o for o in reversed(found[:index]) if o.found.kind == removed.found.kind), None)
            if remaining and whole and re.search(r"\bthì\b", remaining.before[len(removed.before):]):
                _sum_check(draft, whole, [removed, remaining])


def _same_unit(one: Occurrence, other: Occurrence) -> bool:
    if one.found.kind != other.found.kind:
        return False
    return one.found.kind != "tien" or one.found.value.unit == other.found.value.unit


def _sum_check(draft: DraftData, whole: Occurrence, parts: list[Occurrence]) -> None:
    check = {"loai": "tong_cac_phan", "tong": _key_of(draft, whole), "cac_phan": [_key_of(draft, p) for p in parts]}
    if check not in draft.checks and len(set(check["cac_phan"])) == len(parts):
        draft.checks.append(check)


# Columns of rates, not amounts: their "Tổng" row is not a sum.
_RATE = re.compile(r"%|\bty le\b|\bti le\b|so sanh|so voi|binh quan|tang truong|\bth/kh\b|\bchi so\b")


def table_totals(draft: DraftData, occurrences: list[Occurrence]) -> None:
    """A table row labelled "Tổng"/"Cộng": each of its numbers must be the sum of the column above."""
    columns: dict[tuple[int, str], list[Occurrence]] = {}
    for occurrence in occurrences:
        if occurrence.table is not None and occurrence.column and occurrence.row \
                and occurrence.ident in draft.macros and occurrence.found.kind in ("tien", "so_luong") \
                and not _RATE.search(fold(occurrence.column)):
            columns.setdefault((occurrence.table, occurrence.column), []).append(occurrence)
    for cells in columns.values():
        for total in (o for o in cells if re.match(r"(tổng|cộng)", o.row.lower())):
            parts = [o for o in cells if o is not total and _same_unit(o, total)]
            if len(parts) >= 2:
                _sum_check(draft, total, parts)


def spelling(draft: DraftData, texts: dict[int, tuple[str, str, str]], lines: dict[int, int]) -> None:
    for paragraph, (page, section, text) in texts.items():
        for word in misspellings(text):
            maybe = f" Có thể là: {', '.join(word.suggestions)}." if word.suggestions else ""
            where = f"docs/…/{page}.md, dòng {lines.get(paragraph, 1)}" if page else ""
            draft.review.append(ReviewItem(
                "chinh_ta", f"«{word.word}» (mục {section}) không thể là một âm tiết tiếng Việt: {word.reason}."
                f"{maybe}", page, None,
                f"Đối chiếu với văn bản gốc ({where}). Giữ nguyên chữ của bản gốc và thêm ghi chú biên tập nếu "
                "đúng là lỗi gõ, như các ghi chú của năm 2023."))
