"""Key-figure cards and chart blocks for a year's overview page.

What is shown is chosen in `data/<năm>/trinh-bay.yml`; this module gathers
it for its templates (`cards.md`, `chart.md`). A card gives a figure as the
report writes it, what the report measures it against, its change since the
previous year where that year has the same figure, and a link to the
sentence that states it. A chart block is the SVG (see `charts`) followed by
its data table.
"""

from __future__ import annotations

from macros import charts
from macros.comparison import NotComparable, change
from macros.formatting import displayed
from macros.fragments import code, render
from macros.models import Card, Chart
from macros.rendering import figure_anchor, relative
from macros.site_data import YearData


def card(data: YearData, item: Card, previous: YearData | None, source_page: str | None,
         from_page: str) -> dict[str, object]:
    """What one key-figure card shows."""
    value = data.figures[item.khoa]
    said = None
    if previous is not None and item.khoa in previous.figures:
        try:
            said = change(value, previous.figures[item.khoa], previous.year)
        except NotComparable:
            said = None
    link = relative(from_page, f"{data.year}/{source_page}.md") + "#" + figure_anchor(item.khoa) if source_page else None
    return {"meaning": value.y_nghia, "value": displayed(value), "section": value.muc, "change": said,
            "against": [{"value": displayed(data.figures[key]), "meaning": data.figures[key].y_nghia}
                        for key in item.so_voi],
            "link": code(link) if link else None}


def cards(data: YearData, previous: YearData | None, first_pages: dict[str, str], from_page: str) -> str:
    """The overview's key-figure cards (Markdown inside HTML blocks, so the build checks their links)."""
    return render("cards.md", cards=[card(data, item, previous, first_pages.get(item.khoa), from_page)
                                     for item in data.presentation.the_so_lieu])


def chart_block(data: YearData, chart: Chart, from_page: str) -> str:
    """A chart, its data table (collapsible) and a link to the passage it comes from."""
    found = charts.bars(chart, data)
    if not found:
        return render("chart-missing.html", title=chart.tieu_de)
    return render("chart.md", name=chart.ma, title=chart.tieu_de, svg=code(charts.render_svg(chart, found)),
                  bars=[{"label": bar.label, "shown": bar.shown, "meaning": data.figures[bar.key].y_nghia}
                        for bar in found],
                  section=data.figures[found[0].key].muc,
                  link=code(relative(from_page, f"{data.year}/{chart.trang}.md")))


def all_charts(data: YearData, from_page: str) -> str:
    return "\n\n".join(chart_block(data, chart, from_page) for chart in data.presentation.bieu_do)
