"""The whole report on one page, for printing and saving as PDF (`{{ toan_van() }}`).

The print view is put together from the year's own pages, so it can never
say something the pages do not: the header, the opening kept on the overview,
then every section in the report's order, headings moved down one or two
levels so the outline stays that of the document, each main section on a
new sheet.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.fragments import render
from macros.site_data import YearData

OPENING = "## Mở đầu"
NEW_SHEET = "{ .muc-chinh }"


def parts(data: YearData, docs_dir: Path) -> list[tuple[str, str]]:
    """The report's Markdown in reading order, each part with the slug of the page it is rendered as."""
    folder = docs_dir / str(data.year)
    found = [("index", "{{ dau_van_ban() }}"), ("index", opening(folder / "index.md"))]
    for entry in data.pages():
        group = data.group_of(entry)
        if group is not None:  # "I. KẾT QUẢ THỰC HIỆN" above its first numbered section
            found.append((entry.slug, f"## {render('title.md', title=group)} {NEW_SHEET}"))
        page = (folder / f"{entry.slug}.md").read_text(encoding="utf-8")
        found.append((entry.slug, demote(page, levels=2 if entry.parent else 1, new_sheet=entry.parent is None)))
    return found


def opening(overview: Path) -> str:
    """The report's opening paragraphs, kept under "## Mở đầu" on the year's overview page."""
    source = overview.read_text(encoding="utf-8")
    found = re.search(rf"^{OPENING}[^\n]*\n(.*?)(?=^## |\Z)", source, re.S | re.M)
    return found.group(1).strip() if found else ""


def demote(page: str, levels: int = 1, new_sheet: bool = True) -> str:
    """A section page inside the print view: headings `levels` deeper; a main section starts a new sheet."""
    page = re.sub(r"^(#{1,4}) ", lambda match: "#" * levels + match.group(1) + " ", page, flags=re.M)
    if not new_sheet:
        return page
    return re.sub(r"^## (.*)$", rf"## \1 {NEW_SHEET}", page, count=1, flags=re.M)
