"""Year-over-year change of a figure, computed from two years' data, never typed.

`{{ so_sanh("thu_ngan_sach.tong") }}` on a 2024 page reads the same key in
2024 and 2023 and writes the change the Vietnamese way: "tăng 120,5 tỷ đồng
(+8,1%) so với năm 2023". Percentages change by percentage points.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from macros.formatting import format_number, format_year
from macros.models import Count, FigureBase, Money, Percent
from macros.written import Amount, decimals_of

COMPARABLE = (Money, Count, Percent)


class NotComparable(Exception):
    """The figure is not a number that can be compared, or a year lacks its value."""


def _value(figure: FigureBase) -> Decimal:
    if not isinstance(figure, COMPARABLE) or figure.missing():
        raise NotComparable
    return figure.gia_tri.value


def _decimals(*values: Decimal) -> int:
    return max(decimals_of(value) for value in values)


def change(current: FigureBase, previous: FigureBase, previous_year: int) -> str:
    """"tăng 29 phiên họp (+138,1%) so với năm 2022"; "không đổi so với năm 2022"."""
    if type(current) is not type(previous) or current.unit != previous.unit:
        raise NotComparable
    now, before = _value(current), _value(previous)
    difference = now - before
    since = f"so với năm {format_year(previous_year)}"
    if difference == 0:
        return f"không đổi {since}"
    direction = "tăng" if difference > 0 else "giảm"
    size = abs(difference)
    if isinstance(current, Money):
        amount = Amount.of(size, current.unit, decimals=_decimals(now, before)).text
    elif isinstance(current, Percent):
        amount = f"{format_number(size, _decimals(now, before))} điểm phần trăm"
    else:
        amount = f"{format_number(size)} {current.don_vi}"
    if isinstance(current, Percent) or before == 0:
        return f"{direction} {amount} {since}"
    relative = (difference / before * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "+" if difference > 0 else "−"
    return f"{direction} {amount} ({sign}{format_number(abs(relative), 1)}%) {since}"
