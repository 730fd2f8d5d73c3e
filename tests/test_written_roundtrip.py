"""Round trip, over generated Vietnamese-written values: read, then write, gives the same text.

This is what lets a page show a figure exactly as the signed report writes
it while the site keeps its value: any number a report may write ("1.484",
"06", "345,250", "1234"), money, percentages, counts with units, ratios,
dates, months, years and periods.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.written import MONEY_UNITS, Amount, Number, parse

DIGITS = "0123456789"


@st.composite
def integer_parts(draw) -> str:
    """How a report writes the whole part: 7, 06, 170, 1.484, 1.234.567, 1234."""
    style = draw(st.sampled_from(["small", "leading_zero", "grouped", "ungrouped"]))
    if style == "small":
        return str(draw(st.integers(0, 999)))
    if style == "leading_zero":
        return "0" + draw(st.text(DIGITS, min_size=1, max_size=2))
    if style == "grouped":
        head = str(draw(st.integers(1, 999)))
        groups = draw(st.lists(st.text(DIGITS, min_size=3, max_size=3), min_size=1, max_size=4))
        return ".".join([head, *groups])
    return str(draw(st.integers(1000, 10**9)))


@st.composite
def numbers(draw) -> str:
    whole = draw(integer_parts())
    fraction = draw(st.one_of(st.just(""), st.text(DIGITS, min_size=1, max_size=6)))
    return f"{whole},{fraction}" if fraction else whole


@st.composite
def money(draw) -> str:
    if draw(st.booleans()):
        return f"{draw(integer_parts().filter(lambda t: not t.startswith('0')))} tỷ {draw(numbers())} triệu đồng"
    return f"{draw(numbers())} {draw(st.sampled_from(MONEY_UNITS))}"


def days(with_year: bool = True):
    @st.composite
    def build(draw) -> str:
        date = draw(st.dates(datetime.date(1000, 1, 1), datetime.date(2200, 12, 31)))
        day = f"{date.day:02d}" if draw(st.booleans()) else str(date.day)
        month = f"{date.month:02d}" if draw(st.booleans()) else str(date.month)
        separator = draw(st.sampled_from("/-."))
        return separator.join([day, month] + ([f"{date.year:04d}"] if with_year else []))
    return build()


@st.composite
def periods(draw) -> str:
    joiner = draw(st.sampled_from(["-", " - ", "–", " – "]))
    kind = draw(st.sampled_from(["year", "date"]))
    if kind == "year":
        start = draw(st.integers(1000, 2199))
        return f"{start}{joiner}{draw(st.integers(start, 2200))}"
    first, second = sorted(draw(st.lists(st.dates(datetime.date(1000, 1, 1), datetime.date(2200, 12, 31)),
                                         min_size=2, max_size=2)))
    return f"{first.day:02d}/{first.month:02d}/{first.year}{joiner}{second.day:02d}/{second.month:02d}/{second.year}"


WRITTEN = st.one_of(
    st.tuples(st.just("tien"), money()),
    st.tuples(st.sampled_from(["ti_le", "muc_dat", "tang_truong"]),
              st.builds(lambda n, spaced: n + (" %" if spaced else "%"), numbers(), st.booleans())),
    st.tuples(st.just("so_luong"), st.builds(lambda n, unit: n + unit, numbers(),
                                             st.sampled_from(["", "m", "km", "ha", "m2", "kg"]))),
    st.tuples(st.just("ti_so"), st.builds(lambda a, b: f"{a}/{b}", integer_parts(),
                                          integer_parts().filter(lambda t: t.strip("0.")))),
    st.tuples(st.just("ngay"), st.one_of(days(), days(with_year=False))),
    st.tuples(st.just("thang"), st.builds(lambda m, y, pad: f"{m:02d}/{y}" if pad else f"{m}/{y}",
                                          st.integers(1, 12), st.integers(1000, 2200), st.booleans())),
    st.tuples(st.just("nam"), st.integers(1000, 2200).map(str)),
    st.tuples(st.just("khoang"), periods()),
)


@settings(max_examples=600, deadline=None)
@given(WRITTEN)
def test_reading_then_writing_gives_back_the_same_text(written):
    kind, text = written
    value = parse(kind, text)
    assert value.text == text
    assert parse(kind, value.text) == value


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
       st.integers(0, 6), st.integers(1, 3))
def test_a_machine_number_is_written_so_that_it_reads_back_the_same(value, decimals, width):
    number = Number.of(value.quantize(Decimal(1).scaleb(-decimals)), decimals, width)
    assert Number.parse(number.text).value == number.value
    assert Number.parse(number.text).text == number.text


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_money_in_billions_and_millions_reads_back_the_same(value):
    amount = Amount.of(value, split=True)
    assert parse("tien", amount.text).value == value
