"""Write figures the way the report writes them, with Babel's Vietnamese rules.

Vietnamese groups thousands with "." and writes decimals with "," (1.484;
839,617). Babel's CLDR data for `vi` supplies those symbols; this module only
chooses the pattern (decimals kept, leading zeros, no grouping in years), so
there is no hand-made digit juggling anywhere else.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, format_percent

from macros.models import Count, Date, FigureBase, Money, Name, Percent, Ratio, Span, Year

LOCALE = "vi"
MISSING = "[chưa có số liệu]"


def _exact(value: float | int | Decimal) -> Decimal:
    """The decimal the editor typed (0.1 stays 0.1, not 0.1000000000000000055)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def decimals_of(value: Decimal) -> int:
    """How many decimals a value has once trailing zeros are dropped: 6.80 -> 1, 1484 -> 0."""
    return max(0, -value.normalize().as_tuple().exponent)


def number_pattern(decimals: int = 0, min_digits: int = 1, grouping: bool = True) -> str:
    """A CLDR number pattern: '#,##0.000', '#,#00', '0'..."""
    if not 1 <= min_digits <= 3:
        raise ValueError("min_digits must be 1, 2 or 3")
    integer = "#,##0"[:5 - min_digits] + "0" * min_digits if grouping else "0" * min_digits
    return integer + ("." + "0" * decimals if decimals else "")


def format_number(value: float | int | Decimal, decimals: int = 0,
                  min_digits: int = 1, grouping: bool = True) -> str:
    """85000 -> '85.000'; 839.617 (3) -> '839,617'; 6 (min 2) -> '06'."""
    return format_decimal(_exact(value), format=number_pattern(decimals, min_digits, grouping),
                          locale=LOCALE, decimal_quantization=True)


def format_money(figure: Money) -> str:
    """'839,617 tỷ đồng', or split as '1.484 tỷ 750 triệu đồng'."""
    if figure.cach_viet == "ty_trieu":
        billions, millions = divmod(_exact(figure.gia_tri) * 1000, 1000)
        text = f"{format_number(billions)} tỷ"
        if millions:
            text += f" {format_number(millions)} triệu"
        return text + " đồng"
    return f"{format_number(figure.gia_tri, figure.so_thap_phan)} tỷ đồng"


def format_percentage(value: float | Decimal, decimals: int = 0) -> str:
    """99.9 (1) -> '99,9%'; 13.6 (1) -> '13,6%'; 3 -> '3%'."""
    return format_percent(_exact(value) / 100, format=number_pattern(decimals) + "%",
                          locale=LOCALE, decimal_quantization=True)


def format_day(value: datetime.date, pattern: str) -> str:
    """date(2023, 5, 9) with 'dd/M/yyyy' -> '09/5/2023'."""
    return babel_format_date(value, format=pattern, locale=LOCALE)


def format_year(value: int) -> str:
    """2023 -> '2023' (never '2.023')."""
    return format_number(value, grouping=False)


def format_span(figure: Span) -> str:
    """'2021-2026' or '30/10/1954-30/10/2024'."""
    def end(value: int | datetime.date) -> str:
        return format_day(value, figure.mau) if isinstance(value, datetime.date) else format_year(value)
    return f"{end(figure.tu)}-{end(figure.den)}"


def format_figure(figure: FigureBase) -> str:
    """A figure's value written as the report writes it (before any source quirk)."""
    match figure:
        case Money():
            return format_money(figure)
        case Percent():
            return format_percentage(figure.gia_tri, figure.so_thap_phan)
        case Count():
            return format_number(figure.gia_tri, min_digits=figure.chu_so_toi_thieu) + figure.hau_to
        case Ratio():
            return f"{format_number(figure.tu, grouping=False)}/{format_number(figure.mau, grouping=False)}"
        case Date():
            return format_day(figure.gia_tri, figure.mau)
        case Year():
            return format_year(figure.gia_tri)
        case Span():
            return format_span(figure)
        case Name():
            return figure.gia_tri
    raise TypeError(f"unknown figure kind: {type(figure).__name__}")


def displayed(figure: FigureBase) -> str:
    """What the page shows: the source's own text where it differs, else the formatted value.

    A draft year's figure without a value shows a visible "[chưa có số liệu]".
    """
    if figure.missing():
        return MISSING
    return figure.nguyen_van if figure.nguyen_van is not None else format_figure(figure)
