"""Check every Markdown page before anything is rendered.

mkdocs-macros only finds a wrong figure key while rendering, and then stops
with a Python traceback. Reading each page's Jinja syntax tree first lets the
build name the page, line and key, suggest the closest existing keys, and
stop before any page is written. The same pass enforces the rule that report
pages contain no typed figures: every digit comes from data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml
from jinja2 import nodes

from macros import lookup
from macros.errors import EditorError, did_you_mean
from macros.lookup import KEYED_MACROS
from macros.site_data import REPORT_FILE, YEAR_DIR, Site, YearData

# The positional parameters of the macros that name something in the data (see editor_macros).
MACRO_PARAMETERS = {"so": ("khoa", "nam"), "so_sanh": ("khoa", "nam"), "vb": ("khoa", "phan", "nam"),
                    "ghi_chu": ("khoa", "nam")}
# Macros that only make sense on a page of a year's report.
YEAR_MACROS = {"tieu_de", "dau_van_ban", "muc_luc", "ket_thuc_van_ban", "the_so_lieu", "bieu_do_nam",
               "tai_du_lieu", "trich_dan", "toan_van", *KEYED_MACROS}
# Pages every year has besides its sections: the overview and the print view.
SPECIAL_PAGES = {"index", "ban-in"}
JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "page"}

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_JINJA_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# Section and list numbering typed at the start of a line: "1. ", "1\. " (kept from becoming a list), "## 1.2. ".
_NUMBERING = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\d{1,2}(?:\.\d{1,2})*\\?\.|\d{1,2}(?:\.\d{1,2})+)\s")
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]*>|&#?\w+;")


class _Expression:
    """An argument written as an expression, not a plain value: the check cannot know what it names."""

    def __str__(self) -> str:
        return "(biểu thức)"


_EXPRESSION = _Expression()


@dataclass
class PageUse:
    """What one page of a year uses, for the checks that span pages."""

    path: str
    year: int
    figures: list[tuple[str, int]] = field(default_factory=list)
    notes: list[tuple[str, int]] = field(default_factory=list)
    header: bool = False


def page_year(path: str) -> int | None:
    """2023 for "2023/x.md"; None for pages outside a year's folder."""
    first = path.split("/", 1)[0]
    return int(first) if "/" in path and YEAR_DIR.match(first) else None


def page_slug(path: str) -> str:
    """"ket-qua-nhiem-vu-quyen-han" for "2023/ket-qua-nhiem-vu-quyen-han.md"."""
    return path.split("/", 1)[-1].removesuffix(".md")


def check_pages(docs_dir: Path, site: Site, known_names: set[str]) -> tuple[list[EditorError], list[PageUse]]:
    """Every page problem of the site, in file order, and what each year's pages use."""
    errors: list[EditorError] = []
    uses: list[PageUse] = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        use = _check_page(file, f"docs/{path}", path, site, known_names, errors)
        if use is not None:
            uses.append(use)
    errors += _check_across_pages(docs_dir, site, uses)
    return errors, uses


def first_pages(data: YearData, uses: list[PageUse]) -> dict[str, str]:
    """For each figure, the first page of the report (in reading order) that states it."""
    order = ["index", *(entry.slug for entry in data.pages())]
    by_slug = {page_slug(use.path): use for use in uses if use.year == data.year}
    found: dict[str, str] = {}
    for slug in order:
        for key, _ in by_slug[slug].figures if slug in by_slug else []:
            found.setdefault(key, slug)
    return found


def _check_page(file: Path, shown: str, path: str, site: Site, known_names: set[str],
                errors: list[EditorError]) -> PageUse | None:
    try:
        source = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        errors.append(EditorError(shown, None, None, "Trang không phải văn bản UTF-8.",
                                  "Lưu lại tệp với mã hóa UTF-8."))
        return None
    year = page_year(path)
    data = site.years.get(year) if year is not None else None
    if year is not None and data is None:
        errors.append(EditorError(shown, None, None,
                                  f"Trang thuộc năm {year} nhưng không có dữ liệu data/{year}/.",
                                  f"Tạo thư mục data/{year}/ với các tệp dữ liệu của năm đó, "
                                  "hoặc chuyển trang vào đúng thư mục năm."))
        return None
    front = _FRONT_MATTER.match(source)
    page_names = set(JINJA_GLOBALS)
    if front:
        try:
            meta = yaml.safe_load(front.group(1)) or {}
            page_names |= set(meta) if isinstance(meta, dict) else set()
        except yaml.YAMLError:
            errors.append(EditorError(shown, 1, None, "Phần đầu trang (giữa hai dòng ---) viết sai cú pháp.",
                                      "Kiểm tra dấu hai chấm và thụt lề trong phần đầu trang."))
    try:
        tree = jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError as error:
        line = error.lineno
        quoted = source.splitlines()[line - 1].strip() if 0 < line <= len(source.splitlines()) else ""
        errors.append(EditorError(shown, line, None,
                                  f'Lệnh chèn số liệu viết sai cú pháp ở dòng: "{quoted}".',
                                  'Mỗi lệnh có dạng {{ so("nhom.ten") }}: kiểm tra đủ hai cặp ngoặc nhọn, '
                                  "ngoặc tròn và dấu ngoặc kép."))
        return None
    use = PageUse(path, year) if year is not None else None
    _check_calls(tree, shown, path, data, site, use, errors)
    _check_names(tree, shown, known_names | page_names, errors)
    if year is not None:
        body_start = source[:front.end()].count("\n") if front else 0
        errors += typed_digits(source, shown, body_start)
    return use


def _check_calls(tree: nodes.Template, shown: str, path: str, data: YearData | None, site: Site,
                 use: PageUse | None, errors: list[EditorError]) -> None:
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in YEAR_MACROS:
            continue
        name, line = call.node.name, call.lineno
        arguments = {keyword.key: keyword.value for keyword in call.kwargs}
        arguments.update(zip(MACRO_PARAMETERS.get(name, ()), call.args))
        values = {key: value.value if isinstance(value, nodes.Const) else _EXPRESSION
                  for key, value in arguments.items()}
        try:
            target = lookup.year(site, values.get("nam"), data.year if data else None, name)
        except lookup.Missing as missing:
            where = f"nam={values['nam']}" if "nam" in values else None
            errors.append(EditorError(shown, line, where, missing.problem, missing.fix))
            continue
        key = values.get("khoa")
        try:
            if name in KEYED_MACROS:
                lookup.keyed(site, target, name, key, values.get("phan", "so_hieu"))
        except lookup.Missing as missing:
            errors.append(EditorError(shown, line, key if isinstance(key, str) else None,
                                      missing.problem, missing.fix))
            continue
        if use is not None and target is data:
            if name == "so":
                use.figures.append((values["khoa"], line))
            elif name == "ghi_chu":
                use.notes.append((values["khoa"], line))
    if use is not None:
        use.header = any(isinstance(c.node, nodes.Name) and c.node.name == "dau_van_ban"
                         for c in tree.find_all(nodes.Call))


def _check_names(tree: nodes.Template, shown: str, known: set[str], errors: list[EditorError]) -> None:
    assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known and node.name not in assigned:
            errors.append(EditorError(shown, node.lineno, node.name,
                                      f'Không có lệnh hay biến tên "{node.name}".{did_you_mean(node.name, known)}',
                                      "Sửa lại tên lệnh (các lệnh được liệt kê trong README)."))


def typed_digits(source: str, shown: str, body_start: int = 0) -> list[EditorError]:
    """Digits typed by hand in a report page, outside macros and section numbering."""
    without_macros = _JINJA_SPAN.sub(lambda match: "\n" * match.group().count("\n"), source)
    errors: list[EditorError] = []
    for number, line in enumerate(without_macros.splitlines()[body_start:], start=body_start + 1):
        rest = _NOT_TEXT.sub("", _NUMBERING.sub("", line))
        if re.search(r"\d", rest):
            errors.append(EditorError(
                shown, number, None, f'Có số gõ trực tiếp vào trang: "{line.strip()[:80]}".',
                'Mọi số liệu phải nằm trong data/<năm>/so-lieu.yml và được chèn bằng {{ so("nhom.ten") }} '
                "(chỉ số thứ tự mục như \"1.\" được gõ trực tiếp)."))
    return errors


def _check_across_pages(docs_dir: Path, site: Site, uses: list[PageUse]) -> list[EditorError]:
    errors: list[EditorError] = []
    for data in site.years.values():
        report_file = data.file(REPORT_FILE)
        pages = {entry.slug for entry in data.pages()}
        year_uses = [use for use in uses if use.year == data.year]
        present = {use.path for use in year_uses}
        for slug in sorted(pages | SPECIAL_PAGES):
            if f"{data.year}/{slug}.md" not in present:
                errors.append(EditorError(report_file, None, f"muc_luc: {slug}",
                                          f"Mục lục có trang \"{slug}\" nhưng không có tệp docs/{data.year}/{slug}.md.",
                                          "Tạo trang đó, hoặc sửa tên trang trong mục lục."))
        shown_notes: Counter[str] = Counter()
        for use in year_uses:
            slug = page_slug(use.path)
            if slug not in SPECIAL_PAGES and slug not in pages:
                errors.append(EditorError(f"docs/{use.path}", None, None,
                                          f"Trang không có trong mục lục (muc_luc) của năm {data.year}.",
                                          f"Thêm trang vào muc_luc trong {report_file}, hoặc xóa trang."))
            here = [key for key, _ in use.notes]
            if use.header:
                here += [key for key in (data.report.so_hieu.ghi_chu, data.report.ngay_ky.ghi_chu) if key]
            for key, count in Counter(here).items():
                if count > 1:
                    errors.append(EditorError(f"docs/{use.path}", None, key,
                                              f'Ghi chú biên tập "{key}" được chèn {count} lần trong cùng một trang.',
                                              "Giữ lại một lần, ngay sau đoạn văn mà nó giải thích."))
            shown_notes.update(set(here))
            for key, line in use.figures:
                note = data.figures[key].ghi_chu
                if note and note not in here:
                    errors.append(EditorError(f"docs/{use.path}", line, key,
                                              f'Số liệu "{key}" có ghi chú biên tập "{note}" nhưng trang chưa hiển thị ghi chú đó.',
                                              f'Thêm {{{{ ghi_chu("{note}") }}}} ngay sau đoạn văn này.'))
        for key in data.notes:
            if not shown_notes[key]:
                place = data.place("ghi_chu", key)
                errors.append(EditorError(place.file, place.line, key,
                                          "Ghi chú biên tập không được hiển thị ở trang nào.",
                                          f'Chèn {{{{ ghi_chu("{key}") }}}} vào trang của mục {data.notes[key].muc}, '
                                          "hoặc xóa ghi chú."))
    return errors
