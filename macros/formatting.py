"""Write numbers and dates the Vietnamese way, with Babel's rules for `vi`.

Vietnamese groups thousands with "." and writes decimals with "," (1.484;
839,617). A figure of the report is written back exactly as the report wrote
it by its own value (see `macros.written`); this module writes what the site
computes itself (changes between years, sums in messages, dates of the site's
own records), so there is no hand-made digit juggling anywhere else.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal as babel_format_decimal

from macros.models import FigureBase, SigningDate
from macros.written import Number, Percentage

LOCALE = "vi"
MISSING = "[chưa có số liệu]"


def format_number(value: float | int | Decimal, decimals: int = 0,
                  min_digits: int = 1, grouping: bool = True) -> str:
    """85000 -> '85.000'; 839.617 (3) -> '839,617'; 6 (min 2) -> '06'."""
    return Number.of(value, decimals, min_digits, grouping).text


def format_any(value: float | int | Decimal) -> str:
    """A bound or value said in a message, negative ones too: 1000.0 -> '1.000', -1 -> '-1', 13.6 -> '13,6'."""
    return babel_format_decimal(value, locale=LOCALE)


def format_percent(value: float | int | Decimal) -> str:
    """99.5 -> '99,5%' (a percentage the site states itself, e.g. a chart's reference line)."""
    return Percentage(Number.of(value)).text


def format_day(value: datetime.date, pattern: str) -> str:
    """date(2023, 5, 9) with 'dd/M/yyyy' -> '09/5/2023'."""
    return babel_format_date(value, format=pattern, locale=LOCALE)


def format_year(value: int) -> str:
    """2023 -> '2023' (never '2.023')."""
    return format_number(value, grouping=False)


def format_figure(figure: FigureBase) -> str:
    """A figure's value written as the report writes it (before any source quirk)."""
    return figure.gia_tri.text


def displayed(figure: FigureBase) -> str:
    """What the page shows: the source's own text where it differs, else the formatted value.

    A draft year's figure without a value shows a visible "[chưa có số liệu]".
    """
    if figure.missing():
        return MISSING
    return figure.nguyen_van if figure.nguyen_van is not None else format_figure(figure)


def signing_parts(signed: SigningDate) -> tuple[str | None, str | None, str]:
    """The signing date as the document writes it: ("09", "01", "2024"); a blank day or month is None."""
    def two_digits(value: int | None) -> str | None:
        return None if value is None else format_number(value, min_digits=2)
    return two_digits(signed.ngay), two_digits(signed.thang), format_year(signed.nam)
