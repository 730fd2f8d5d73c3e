"""Charts drawn at build time from the figures, as static, self-contained SVG.

Each chart is named in `data/<năm>/trinh-bay.yml` by the figures it draws;
this module turns it into a Vega-Lite specification and renders it offline
with vl-convert (no chart JavaScript on the page, no request to another
host). Bars carry their value written as the report writes it, the SVG has a
title and a description for screen readers, and every chart is followed by
its data table. Colours (Okabe-Ito blue) are set by CSS per light, dark and
print palette; text uses the page's colour.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

import vl_convert
from babel.numbers import get_decimal_symbol, get_group_symbol

from macros.formatting import LOCALE, displayed, format_percent
from macros.fragments import code, markdown_inert, render
from macros.models import Chart, Ratio
from macros.site_data import YearData

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
# Vega's number format (d3-format locale), from Babel's Vietnamese symbols.
VIETNAMESE_NUMBERS = {"decimal": get_decimal_symbol(LOCALE), "thousands": get_group_symbol(LOCALE),
                      "grouping": [3], "currency": ["", " đ"]}
_SVG = re.compile(r"<svg (?P<attributes>[^>]*)>(?P<body>.*)</svg>\s*\Z", re.S)
BAR_STEP = 46
WIDTH = 320


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the length drawn, and the value as the report writes it."""

    key: str
    label: str
    length: float
    shown: str


def bars(chart: Chart, data: YearData) -> list[Bar]:
    found = []
    for series in chart.cot:
        figure = data.figures[series.khoa]
        if figure.missing():
            continue
        if isinstance(figure, Ratio):
            fraction = figure.gia_tri
            length = float(fraction.numerator.value / fraction.denominator.value * 100)
            shown = f"{displayed(figure)} {figure.unit}"
        else:
            length = float(figure.gia_tri.value)
            shown = displayed(figure)
        found.append(Bar(series.khoa, series.nhan, length, shown))
    return found


def specification(chart: Chart, found: list[Bar]) -> dict:
    """The Vega-Lite specification of one chart: one bar per figure, its label and value above it.

    Labels sit above the bars, not beside them, so that the chart stays legible
    when a phone scales it to the width of the screen.
    """
    top = max([bar.length for bar in found] + [chart.moc or 0, 100 if chart.kieu == "ti_so" else 0])
    x = {"field": "do_dai", "type": "quantitative", "title": None, "axis": None,
         "scale": {"domain": [0, top * 1.05]}}
    y = {"field": "nhan", "type": "nominal", "sort": None, "title": None, "axis": None,
         "scale": {"paddingInner": 0.62, "paddingOuter": 0.45}}
    bar = {"mark": {"type": "bar", "color": "#0072B2"}, "encoding": {"x": x, "y": y}}
    label = {"mark": {"type": "text", "align": "left", "baseline": "bottom", "dy": -11, "fontSize": 14,
                      "color": "currentColor"},
             "encoding": {"x": {"datum": 0, "type": "quantitative", "scale": x["scale"]}, "y": y,
                          "text": {"field": "chu"}}}
    reference: list[dict] = []
    if chart.moc is not None:
        at = {"datum": chart.moc, "type": "quantitative", "scale": x["scale"]}
        reference = [
            {"mark": {"type": "rule", "strokeDash": [4, 3], "color": "currentColor", "opacity": 0.55},
             "encoding": {"x": at}},
            {"mark": {"type": "text", "align": "center", "baseline": "top", "y": {"expr": "height"}, "dy": 3,
                      "fontSize": 12, "color": "currentColor"},
             "encoding": {"x": at, "text": {"value": reference_label(chart)}}},
        ]
    # Drawn in this order: the labels stay readable over the reference line.
    layers = [bar, *reference, label]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH,
        "height": {"step": BAR_STEP},
        "padding": {"top": 4, "left": 2, "right": 8, "bottom": 20 if chart.moc is not None else 4},
        "data": {"values": [{"nhan": bar.label, "do_dai": bar.length, "chu": f"{bar.label}: {bar.shown}"}
                            for bar in found]},
        "layer": layers,
        "config": {"background": None, "font": FONT, "view": {"stroke": None}, "aria": False},
    }


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _printable(value: Any) -> Any:
    """Text without control characters: vl-convert aborts the whole process on a NUL in a label
    (YAML lets an editor write one as "\\0")."""
    if isinstance(value, str):
        return _CONTROL.sub(" ", value)
    if isinstance(value, dict):
        return {key: _printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_printable(item) for item in value]
    return value


@functools.lru_cache(maxsize=128)
def _vega_svg(spec: str) -> str:
    """Render once per specification: the overview and the print view draw the same charts."""
    return vl_convert.vegalite_to_svg(_printable(json.loads(spec)), format_locale=VIETNAMESE_NUMBERS)


def reference_label(chart: Chart) -> str:
    """"Kế hoạch (100%)": the reference line's label and where it stands."""
    return f"{chart.nhan_moc or ''} ({format_percent(chart.moc)})".strip() if chart.moc is not None else ""


def description(chart: Chart, found: list[Bar]) -> str:
    """What the chart shows, in words, for screen readers."""
    said = "; ".join(f"{bar.label}: {bar.shown}" for bar in found)
    if chart.moc is not None:
        said += f". Đường kẻ: {reference_label(chart)}"
    return said + "."


def render_svg(chart: Chart, found: list[Bar]) -> str:
    """The chart as inline SVG with a title and a description (template `chart-svg.html`)."""
    svg = _vega_svg(json.dumps(specification(chart, found), ensure_ascii=False, sort_keys=True))
    # The chart is one image with a title and a description; Vega's own roles on
    # the groups inside would make screen readers announce unnamed graphics.
    svg = re.sub(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"', "", svg)
    drawn = _SVG.match(svg)
    if drawn is None:
        raise ValueError("vl-convert did not return one SVG element")
    return render("chart-svg.html", ident=f"bieu-do-{chart.ma}", title=chart.tieu_de,
                  description=description(chart, found), attributes=code(drawn.group("attributes")),
                  body=code(markdown_inert(drawn.group("body"))))
