"""Key-figure cards and chart blocks for a year's overview page.

What is shown is chosen in `data/<năm>/trinh-bay.yml`; this module lays it
out. A card gives a figure as the report writes it, what the report measures
it against, its change since the previous year where that year has the same
figure, and a link to the sentence that states it. A chart block is the SVG
(see `charts`) followed by its data table.
"""

from __future__ import annotations

from macros import charts
from macros.comparison import NotComparable, change
from macros.escaping import text
from macros.formatting import displayed
from macros.models import Card, Chart
from macros.rendering import figure_anchor, relative
from macros.site_data import YearData


def card(data: YearData, item: Card, previous: YearData | None, source_page: str | None,
         from_page: str) -> str:
    """One key-figure card (Markdown inside an HTML block, so links are checked by the build)."""
    value = data.figures[item.khoa]
    lines = ['<div class="the-so-lieu__the" markdown>', "",
             f'<p class="the-so-lieu__y-nghia">{text(value.y_nghia)}</p>',
             f'<p class="the-so-lieu__gia-tri">{text(displayed(value))}</p>', ""]
    for key in item.so_voi:
        other = data.figures[key]
        lines.append(f"- {text(displayed(other))}: {text(other.y_nghia)}")
    if previous is not None and item.khoa in previous.figures:
        try:
            lines.append(f"- {text(change(value, previous.figures[item.khoa], previous.year))}")
        except NotComparable:
            pass
    if source_page:
        target = relative(from_page, f"{data.year}/{source_page}.md")
        lines += ["", f"[Xem câu nêu số liệu này (mục {text(value.muc)})]({target}#{figure_anchor(item.khoa)})"]
    lines += ["", "</div>"]
    return "\n".join(lines)


def cards(data: YearData, previous: YearData | None, first_pages: dict[str, str], from_page: str) -> str:
    blocks = [card(data, item, previous, first_pages.get(item.khoa), from_page)
              for item in data.presentation.the_so_lieu]
    return '<div class="the-so-lieu" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"


def chart_block(data: YearData, chart: Chart, from_page: str) -> str:
    """A chart, its data table (collapsible) and a link to the passage it comes from."""
    found = charts.bars(chart, data)
    if not found:
        return f'<p class="so-lieu--thieu">{text(chart.tieu_de)}: [chưa có số liệu]</p>'
    rows = "".join(f"<tr><td>{text(bar.label)}</td><td>{text(bar.shown)}</td>"
                   f"<td>{text(data.figures[bar.key].y_nghia)}</td></tr>" for bar in found)
    target = relative(from_page, f"{data.year}/{chart.trang}.md")
    return "\n".join([
        f'<figure class="bieu-do" id="bieu-do-{chart.ma}" markdown>',
        f'<figcaption>{text(chart.tieu_de)}</figcaption>',
        charts.render_svg(chart, found),
        '<details class="bieu-do__bang">',
        "<summary>Bảng số liệu của biểu đồ</summary>",
        '<table><thead><tr><th scope="col">Số liệu</th><th scope="col">Giá trị (như báo cáo ghi)</th>'
        f'<th scope="col">Ý nghĩa</th></tr></thead><tbody>{rows}</tbody></table>',
        "</details>",
        "",
        f"Nguồn: [mục {text(data.figures[found[0].key].muc)} của báo cáo]({target}).",
        "",
        "</figure>",
    ])


def all_charts(data: YearData, from_page: str) -> str:
    return "\n\n".join(chart_block(data, chart, from_page) for chart in data.presentation.bieu_do)
