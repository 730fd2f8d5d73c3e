"""The site's navigation, built from each year's table of contents.

The order and numbering of a report's sections are data (`muc_luc` in
bao-cao.yml), so the menu mirrors the report and adding a year adds its
section to the menu without anyone editing mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from macros.fragments import inert
from macros.site_data import YearData

NavItem = str | dict[str, "str | list[NavItem]"]


def year_nav(data: YearData) -> list[NavItem]:
    """One year: its overview, then its sections in the report's order (a group holds its pages)."""
    items: list[NavItem] = [{f"Tổng quan năm {data.year}": f"{data.year}/index.md"}]
    for entry in data.toc():
        page = {_title(entry.title): f"{data.year}/{entry.slug}.md"}
        if entry.depth:
            items[-1][next(iter(items[-1]))].append(page)  # type: ignore[union-attr]
        else:
            items.append(page if entry.slug else {_title(entry.title): []})
    return items


def _title(value: str) -> str:
    """Section titles come from data; the theme prints them as they are and mkdocs-macros reads them as
    templates: make them inert for both."""
    return str(inert(value))


def site_nav(shown: list[YearData], docs_dir: Path) -> list[NavItem]:
    """Home, the shown years newest first, then the other top-level pages by file name."""
    others = sorted(path.name for path in docs_dir.glob("*.md") if path.name != "index.md")
    years: list[NavItem] = [{f"Năm {data.year}" + ("" if data.published else " (dự thảo)"): year_nav(data)}
                            for data in shown]
    return ["index.md", *years, *others]
