"""Check every Markdown page before anything is rendered.

mkdocs-macros only finds a wrong figure key while rendering, and then stops
with a Python traceback. Reading each page's Jinja syntax tree first lets the
build name the page, line and key, suggest the closest existing keys, and
stop before any page is written. The same pass enforces the rule that report
pages contain no typed figures: every digit comes from data.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml
from jinja2 import nodes

from macros.errors import EditorError
from macros.site_data import (DOCUMENTS_FILE, FIGURES_FILE, NOTES_FILE, REPORT_FILE, YEAR_DIR,
                              Site, YearData)

# What each editor macro's first argument names, and in which file it lives.
KEYED_MACROS = {"so": ("figures", FIGURES_FILE, "số liệu"),
                "so_sanh": ("figures", FIGURES_FILE, "số liệu"),
                "vb": ("documents", DOCUMENTS_FILE, "văn bản"),
                "ghi_chu": ("notes", NOTES_FILE, "ghi chú biên tập")}
# Macros that only make sense on a page of a year's report.
YEAR_MACROS = {"tieu_de", "dau_van_ban", "muc_luc", "ket_thuc_van_ban", "the_so_lieu", "bieu_do_nam",
               "tai_du_lieu", "trich_dan", "toan_van", *KEYED_MACROS}
DOCUMENT_PARTS = ("so_hieu", "ngay")
# Pages every year has besides its sections: the overview and the print view.
SPECIAL_PAGES = {"index", "ban-in"}
JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "page"}

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_JINJA_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# Section and list numbering typed at the start of a line: "1. ", "1\. " (kept from becoming a list), "## 1.2. ".
_NUMBERING = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\d{1,2}(?:\.\d{1,2})*\\?\.|\d{1,2}(?:\.\d{1,2})+)\s")
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]*>|&#?\w+;")


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
        kwargs = {kw.key: kw.value for kw in call.kwargs}
        target = data
        if "nam" in kwargs:
            year = kwargs["nam"].value if isinstance(kwargs["nam"], nodes.Const) else None
            target = site.years.get(year) if isinstance(year, int) else None
            if target is None:
                errors.append(EditorError(shown, line, f"nam={year}",
                                          f"{name}(...) dùng năm {year} nhưng không có dữ liệu năm đó.",
                                          f"Dùng một năm có dữ liệu: {', '.join(map(str, site.years))}."))
                continue
        if target is None:
            errors.append(EditorError(shown, line, None,
                                      f"{name}(...) chỉ dùng được trong trang của một năm báo cáo (docs/<năm>/).",
                                      'Chuyển trang vào thư mục năm, hoặc ghi rõ năm: so("nhom.ten", nam=2023).'))
            continue
        if name not in KEYED_MACROS:
            continue
        if not call.args or not isinstance(call.args[0], nodes.Const) or not isinstance(call.args[0].value, str):
            errors.append(EditorError(shown, line, None, f"{name}(...) cần tên khóa đặt trong dấu ngoặc kép.",
                                      f'Viết {name}("ten_khoa").'))
            continue
        key = call.args[0].value
        attribute, file_name, label = KEYED_MACROS[name]
        entries = getattr(target, attribute)
        if key not in entries:
            close = difflib.get_close_matches(key, list(entries), n=3, cutoff=0.6)
            hint = f" Các khóa gần giống: {', '.join(close)}." if close else ""
            errors.append(EditorError(shown, line, key,
                                      f'Không có {label} "{key}" trong data/{target.year}/{file_name}.{hint}',
                                      f"Sửa tên khóa cho đúng, hoặc thêm {label} đó vào {file_name}."))
            continue
        if name == "so_sanh":
            previous = site.years.get(target.year - 1)
            if previous is None or key not in previous.figures:
                errors.append(EditorError(shown, line, key,
                                          f'so_sanh cần số liệu "{key}" của năm {target.year - 1}, nhưng năm đó '
                                          "không có.",
                                          "Chỉ so sánh số liệu có cùng tên khóa ở cả hai năm."))
        if name == "vb":
            part = call.args[1].value if len(call.args) > 1 and isinstance(call.args[1], nodes.Const) else "so_hieu"
            if part not in DOCUMENT_PARTS:
                errors.append(EditorError(shown, line, key, f'vb(...) không có phần "{part}".',
                                          'Dùng vb("khoa") cho số hiệu, vb("khoa", "ngay") cho ngày ban hành.'))
            elif part == "ngay" and entries[key].ngay is None:
                errors.append(EditorError(shown, line, key, f'Văn bản "{key}" không có ngày ban hành trong dữ liệu.',
                                          f"Thêm ngay: ... cho văn bản trong {file_name}, hoặc bỏ lệnh này."))
        if use is not None and target is data:
            if name == "so":
                use.figures.append((key, line))
            elif name == "ghi_chu":
                use.notes.append((key, line))
    if use is not None:
        use.header = any(isinstance(c.node, nodes.Name) and c.node.name == "dau_van_ban"
                         for c in tree.find_all(nodes.Call))


def _check_names(tree: nodes.Template, shown: str, known: set[str], errors: list[EditorError]) -> None:
    assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known and node.name not in assigned:
            close = difflib.get_close_matches(node.name, sorted(known), n=3, cutoff=0.6)
            hint = f" Có phải ý bạn là: {', '.join(close)}?" if close else ""
            errors.append(EditorError(shown, node.lineno, node.name,
                                      f'Không có lệnh hay biến tên "{node.name}".{hint}',
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
