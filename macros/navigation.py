"""The site's navigation, built from each year's table of contents.

The order and numbering of a report's sections are data (`muc_luc` in
bao-cao.yml), so the menu mirrors the report and adding a year adds its
section to the menu without anyone editing mkdocs.yml.
"""

from __future__ import annotations

import html
from pathlib import Path

from macros.site_data import YearData

NavItem = str | dict[str, "str | list[NavItem]"]


def year_nav(data: YearData) -> list[NavItem]:
    """One year: its overview, then its sections in the report's order."""
    items: list[NavItem] = [{f"Tổng quan năm {data.year}": f"{data.year}/index.md"}]
    for top in data.report.muc_luc:
        title = _title(f"{top.so_muc}. {top.tieu_de}")
        if top.trang:
            items.append({title: f"{data.year}/{top.trang}.md"})
        else:
            items.append({title: [{_title(f"{child.so_muc}. {child.tieu_de}"): f"{data.year}/{child.trang}.md"}
                                  for child in top.muc_con]})
    return items


def _title(value: str) -> str:
    """Section titles come from data and the theme prints them as they are: escape them."""
    return html.escape(value, quote=False)


def site_nav(shown: list[YearData], docs_dir: Path) -> list[NavItem]:
    """Home, the shown years newest first, then the other top-level pages by file name."""
    others = sorted(path.name for path in docs_dir.glob("*.md") if path.name != "index.md")
    years: list[NavItem] = [{f"Năm {data.year}" + ("" if data.published else " (dự thảo)"): year_nav(data)}
                            for data in shown]
    return ["index.md", *years, *others]
