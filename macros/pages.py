"""Check every Markdown page before anything is rendered.

mkdocs-macros only finds a wrong figure key while rendering, and then stops
with a Python traceback. Reading each page's Jinja syntax tree first lets the
build name the page, line and key, suggest the closest existing keys, and
stop before any page is written. The same pass enforces the rule that report
pages contain no typed figures: every digit comes from data.
"""

from __future__ import annotations

import functools
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

# Every macro editors write, with its parameters in order and how many are required (see editor_macros).
MACROS: dict[str, tuple[tuple[str, ...], int]] = {
    "so": (("khoa", "nam"), 1), "vb": (("khoa", "phan", "nam"), 1), "ghi_chu": (("khoa", "nam"), 1),
    "so_sanh": (("khoa", "nam"), 1),
    **{name: ((), 0) for name in ("tieu_de", "dau_van_ban", "muc_luc", "ket_thuc_van_ban", "toan_van", "the_so_lieu",
                                  "bieu_do_nam", "tai_du_lieu", "trich_dan", "danh_sach_bao_cao", "lich_su_cap_nhat",
                                  "bang_thuat_ngu", "danh_sach_du_lieu")},
}
# Macros that only make sense on a page of a year's report.
YEAR_MACROS = {"tieu_de", "dau_van_ban", "muc_luc", "ket_thuc_van_ban", "the_so_lieu", "bieu_do_nam",
               "tai_du_lieu", "trich_dan", "toan_van", *KEYED_MACROS}
# Pages every year has besides its sections: the overview and the print view.
SPECIAL_PAGES = {"index", "ban-in"}

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


def check_pages(docs_dir: Path, site: Site) -> tuple[list[EditorError], list[PageUse]]:
    """Every page problem of the site, in file order, and what each year's pages use."""
    errors: list[EditorError] = []
    uses: list[PageUse] = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        use = _check_page(file, f"docs/{path}", path, site, errors)
        if use is not None:
            uses.append(use)
    errors += _check_across_pages(site, uses)
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


def _check_page(file: Path, shown: str, path: str, site: Site, errors: list[EditorError]) -> PageUse | None:
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
    if front:
        try:
            yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            errors.append(EditorError(shown, 1, None, "Phần đầu trang (giữa hai dòng ---) viết sai cú pháp.",
                                      "Kiểm tra dấu hai chấm và thụt lề trong phần đầu trang."))
    try:
        tree = _syntax_tree(source)
    except jinja2.TemplateSyntaxError as error:
        errors.append(EditorError(shown, error.lineno, None,
                                  f'Lệnh chèn số liệu viết sai cú pháp ở dòng: "{_quoted(source.splitlines(), error.lineno)}".',
                                  'Mỗi lệnh có dạng {{ so("nhom.ten") }}: kiểm tra đủ hai cặp ngoặc nhọn, '
                                  "ngoặc tròn và dấu ngoặc kép."))
        return None
    use = PageUse(path, year) if year is not None else None
    _check_calls(tree, shown, source.splitlines(), data, site, use, errors)
    if year is not None:
        body_start = source[:front.end()].count("\n") if front else 0
        errors += typed_digits(source, shown, body_start)
    return use


@functools.lru_cache(maxsize=256)
def _syntax_tree(source: str) -> nodes.Template:
    """A page's Jinja syntax tree (read only; parsed once per text)."""
    return jinja2.Environment().parse(source)


def _check_calls(tree: nodes.Template, shown: str, lines: list[str], data: YearData | None, site: Site,
                 use: PageUse | None, errors: list[EditorError]) -> None:
    """Each {{ … }} of a page is one call of an editor's macro with plain values, and what it names exists."""
    for node in tree.body:
        if isinstance(node, nodes.Output):
            for part in node.nodes:
                if not isinstance(part, nodes.TemplateData):
                    _check_call(part, shown, lines, data, site, use, errors)
        else:
            errors.append(EditorError(shown, node.lineno, None,
                                      f'Trang dùng lệnh khối "{{% … %}}" ở dòng: "{_quoted(lines, node.lineno)}".',
                                      "Trong trang chỉ dùng các lệnh chèn như {{ so(\"nhom.ten\") }}; bỏ phần "
                                      "{% … %}, hoặc nhờ nhóm phát triển nếu cần một lệnh mới."))
    if use is not None:
        use.header = any(isinstance(c.node, nodes.Name) and c.node.name == "dau_van_ban"
                         for c in tree.find_all(nodes.Call))


def _check_call(node: nodes.Node, shown: str, lines: list[str], data: YearData | None, site: Site,
                use: PageUse | None, errors: list[EditorError]) -> None:
    line = node.lineno
    named = node.node if isinstance(node, nodes.Call) else node
    if not isinstance(named, nodes.Name) or named.name not in MACROS:
        name = named.name if isinstance(named, nodes.Name) else None
        problem = (f'Không có lệnh tên "{name}".{did_you_mean(name, MACROS)}' if name is not None else
                   f'Đoạn {{{{ … }}}} ở dòng này không phải là một lệnh: "{_quoted(lines, line)}".')
        errors.append(EditorError(shown, line, name, problem,
                                  "Mỗi lệnh có dạng {{ ten_lenh(...) }}, ví dụ {{ so(\"nhom.ten\") }}; các lệnh "
                                  "được liệt kê trong README và hướng dẫn biên tập."))
        return
    name = named.name
    if not isinstance(node, nodes.Call):
        errors.append(EditorError(shown, line, name, f'Lệnh "{name}" thiếu cặp ngoặc tròn.', _usage(name)))
        return
    problem = _arguments_problem(node)
    if problem is not None:
        errors.append(EditorError(shown, line, None, problem, _usage(name)))
        return
    if name not in YEAR_MACROS:
        return
    parameters, _ = MACROS[name]
    arguments = {keyword.key: keyword.value for keyword in node.kwargs}
    arguments.update(zip(parameters, node.args))
    values = {key: value.value if isinstance(value, nodes.Const) else _EXPRESSION for key, value in arguments.items()}
    try:
        target = lookup.year(site, values.get("nam"), data.year if data else None, name)
    except lookup.Missing as missing:
        where = f"nam={values['nam']}" if "nam" in values else None
        errors.append(EditorError(shown, line, where, missing.problem, missing.fix))
        return
    key = values.get("khoa")
    if name in KEYED_MACROS:
        try:
            lookup.keyed(site, target, name, key, values.get("phan", "so_hieu"))
        except lookup.Missing as missing:
            errors.append(EditorError(shown, line, key if isinstance(key, str) else None,
                                      missing.problem, missing.fix))
            return
    if use is not None and target is data:
        if name == "so":
            use.figures.append((key, line))
        elif name == "ghi_chu":
            use.notes.append((key, line))


def _quoted(lines: list[str], line: int) -> str:
    return lines[line - 1].strip()[:80] if 0 < line <= len(lines) else ""


def _arguments_problem(call: nodes.Call) -> str | None:
    """What is wrong with the arguments of a macro call, said for an editor; None if nothing."""
    name = call.node.name
    parameters, required = MACROS[name]
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return f"{name}(...) được viết với * hoặc **, lệnh này không nhận cách viết đó."
    if len(call.args) > len(parameters):
        return (f"{name}(...) nhận nhiều nhất {len(parameters)} giá trị, ở đây có {len(call.args)}."
                if parameters else f"{name}() không nhận giá trị nào trong ngoặc.")
    given = set(parameters[:len(call.args)])
    for keyword in call.kwargs:
        if keyword.key not in parameters:
            return f'{name}(...) không có phần "{keyword.key}".'
        if keyword.key in given:
            return f'{name}(...) được ghi "{keyword.key}" hai lần.'
        given.add(keyword.key)
    missing = [parameter for parameter in parameters[:required] if parameter not in given]
    if missing:
        return f"{name}(...) cần {', '.join(missing)}."
    return None


def _usage(name: str) -> str:
    """How the macro is written, for the fix."""
    parameters, required = MACROS[name]
    examples = {"khoa": '"ten_khoa"', "phan": '"ngay"', "nam": "nam=2023"}
    shown = ", ".join(examples[parameter] for parameter in parameters[:required])
    optional = [examples[parameter] for parameter in parameters[required:]]
    return f"Viết {{{{ {name}({shown}) }}}}" + (f" (có thể thêm {', '.join(optional)})." if optional else ".")


def typed_digits(source: str, shown: str, body_start: int = 0) -> list[EditorError]:
    """Digits typed by hand in a report page, outside macros and section numbering."""
    without_macros = _JINJA_SPAN.sub(lambda match: "\n" * match.group().count("\n"), source)
    written = source.splitlines()  # the same lines: a macro's text is replaced by its line breaks only
    errors: list[EditorError] = []
    for number, line in enumerate(without_macros.splitlines()[body_start:], start=body_start + 1):
        rest = _NOT_TEXT.sub("", _NUMBERING.sub("", line))
        if re.search(r"\d", rest):
            errors.append(EditorError(
                shown, number, None, f'Có số gõ trực tiếp vào trang: "{_quoted(written, number)}".',
                'Mọi số liệu phải nằm trong data/<năm>/so-lieu.yml và được chèn bằng {{ so("nhom.ten") }} '
                "(chỉ số thứ tự mục như \"1.\" được gõ trực tiếp)."))
    return errors


def _check_across_pages(site: Site, uses: list[PageUse]) -> list[EditorError]:
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
