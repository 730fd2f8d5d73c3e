"""Values as Vietnamese reports write them: read the written text, write it back exactly.

A report writes "1.484 tỷ 750 triệu đồng", "13,6%", "06", "27/393",
"09/5/2023", "2021-2026". Each kind of written value here is a small frozen
object that holds both its machine value and every detail of how it was
written (decimals, leading zeros, thousands grouping, date padding), so that
writing it back gives the very same text. The importer reads a new report's
numbers with these classes and `so-lieu.yml` accepts values typed the same
way: one code path for both, proven by a round-trip property test. Numbers
follow Babel's CLDR rules for `vi`: "." groups thousands, "," marks decimals.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Union

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALE = "vi"

_UNGROUPED = re.compile(r"(\d+)(?:,(\d+))?")
_GROUPED = re.compile(r"([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?")
NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
"""A written number inside a longer text (regular expression)."""


class NotWritten(ValueError):
    """The text is not a value of the expected kind; the message (and `fix`, what to do) is for an editor."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.fix = fix


def _decimal(value: Decimal | int | float) -> Decimal:
    """The decimal an editor typed: 0.1 stays 0.1, not 0.1000000000000000055."""
    if isinstance(value, bool):
        raise NotWritten("Giá trị đúng/sai không phải là một con số.")
    if not isinstance(value, (Decimal, int, float)):
        raise NotWritten(f"Giá trị {value} không phải là một con số.")
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise NotWritten(f"Giá trị {value} không phải là một con số hữu hạn.")
    return number


def decimals_of(value: Decimal | int | float) -> int:
    """Decimals once trailing zeros are dropped: 6.80 -> 1, 1484 -> 0."""
    exponent = _decimal(value).normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # only infinity and NaN have another, and _decimal refuses them
    return max(0, -exponent)


@dataclass(frozen=True)
class Number:
    """A number as written: its value, decimals kept, leading zeros, thousands grouping.

    "06" has width 2; "345,250" has 3 decimals; "8000" (if a report writes it
    so) is not grouped, "8.000" is.
    """

    value: Decimal
    decimals: int = 0
    width: int = 1
    grouped: bool = True

    def __post_init__(self) -> None:
        if self.value < 0 or not 0 <= self.decimals <= 6 or not 1 <= self.width <= 6:
            raise NotWritten("Số âm, hoặc quá nhiều chữ số thập phân hay chữ số 0 ở đầu.")
        if self.value >= 10 ** 15:
            raise NotWritten("Số quá lớn (hơn 15 chữ số).")
        if self.grouped and self.width > 3:
            raise NotWritten("Số có các số 0 ở đầu thì không có dấu chấm ngăn cách hàng nghìn.")

    @classmethod
    def of(cls, value: Decimal | int | float, decimals: int | None = None, width: int = 1,
           grouped: bool = True) -> Number:
        """A machine value, written with `decimals` (default: as many as it has)."""
        number = _decimal(value)
        return cls(number, decimals_of(number) if decimals is None else decimals, width, grouped)

    @property
    def text(self) -> str:
        integer = ("#,##0"[:5 - self.width] + "0" * self.width) if self.grouped else "0" * self.width
        pattern = integer + ("." + "0" * self.decimals if self.decimals else "")
        return format_decimal(self.value, format=pattern, locale=LOCALE, decimal_quantization=True)

    @classmethod
    def parse(cls, text: str) -> Number:
        grouped = _GROUPED.fullmatch(text)
        ungrouped = None if grouped else _UNGROUPED.fullmatch(text)
        found = grouped or ungrouped
        if found is None:
            raise NotWritten(f'"{text}" không phải là một số viết theo kiểu Việt Nam (ví dụ 1.484 hay 13,6).')
        integer, fraction = found.group(1), found.group(2) or ""
        try:
            value = parse_decimal(text, locale=LOCALE, strict=True)
        except NumberFormatError:
            raise NotWritten(f'"{text}" không phải là một số viết theo kiểu Việt Nam.') from None
        width = len(integer) if ungrouped and integer.startswith("0") and len(integer) > 1 else 1
        number = cls(value, len(fraction), width, bool(grouped) or len(integer) < 4)
        return _exact(number, text)


def _exact(value: Written, text: str) -> Written:
    """`value` if it writes back as `text`; the round trip is what makes a figure exact."""
    if value.text != text:
        raise NotWritten(f'"{text}" không viết lại được đúng như vậy (đọc thành "{value.text}").')
    return value


# --------------------------------------------------------------------------
# The kinds of written values
# --------------------------------------------------------------------------

MONEY_UNITS = ("nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "nghìn đồng", "đồng",
               "tỷ USD", "triệu USD", "nghìn USD", "USD")
_UNIT_WORDS = "|".join(re.escape(unit) for unit in MONEY_UNITS)
_MONEY = re.compile(rf"(\S+) ({_UNIT_WORDS})")
_SPLIT_MONEY = re.compile(r"(\S+) tỷ (\S+) triệu đồng")


@dataclass(frozen=True)
class Amount:
    """Money: "839,617 tỷ đồng", or split as "1.484 tỷ 750 triệu đồng" (value in tỷ đồng)."""

    number: Number
    unit: str = "tỷ đồng"
    millions: Number | None = None

    @property
    def value(self) -> Decimal:
        """In `unit`; the split form counts in tỷ đồng (750 triệu is 0,75 tỷ)."""
        return self.number.value + (self.millions.value / 1000 if self.millions else 0)

    @property
    def text(self) -> str:
        if self.millions is not None:
            return f"{self.number.text} tỷ {self.millions.text} triệu đồng"
        return f"{self.number.text} {self.unit}"

    @classmethod
    def of(cls, value: Decimal | int | float, unit: str = "tỷ đồng", split: bool = False,
           decimals: int | None = None) -> Amount:
        """A machine amount in `unit`; `split` writes tỷ and triệu (unit must be tỷ đồng)."""
        number = _decimal(value)
        if not split:
            return cls(Number.of(number, decimals), unit)
        if unit != "tỷ đồng":
            raise NotWritten('Chỉ số tiền tính bằng "tỷ đồng" mới viết được dạng "... tỷ ... triệu đồng".')
        billions, millions = divmod(number * 1000, 1000)
        if not millions:
            return cls(Number.of(billions, 0), unit)
        return cls(Number.of(billions, 0), unit, Number.of(millions, decimals))

    @classmethod
    def parse(cls, text: str) -> Amount:
        split = _SPLIT_MONEY.fullmatch(text)
        if split:
            return _exact(cls(Number.parse(split.group(1)), "tỷ đồng", Number.parse(split.group(2))), text)
        plain = _MONEY.fullmatch(text)
        if plain is None:
            raise NotWritten(f'"{text}" không phải là một số tiền như báo cáo viết (ví dụ "839,617 tỷ đồng" '
                             'hay "1.484 tỷ 750 triệu đồng").')
        return _exact(cls(Number.parse(plain.group(1)), plain.group(2)), text)


@dataclass(frozen=True)
class Percentage:
    """A percentage: "13,6%", "0,97%", "122%" (or "13,6 %" where a report spaces it)."""

    number: Number
    spaced: bool = False

    @property
    def value(self) -> Decimal:
        return self.number.value

    @property
    def text(self) -> str:
        return self.number.text + (" %" if self.spaced else "%")

    @classmethod
    def parse(cls, text: str) -> Percentage:
        if not text.endswith("%"):
            raise NotWritten(f'"{text}" không phải là một tỷ lệ phần trăm (ví dụ 13,6%).')
        spaced = text.endswith(" %")
        return _exact(cls(Number.parse(text[:-2] if spaced else text[:-1]), spaced), text)


_QUANTITY = re.compile(rf"({NUMBER})([A-Za-zµ]+[23²³]?)?")


@dataclass(frozen=True)
class Quantity:
    """A count or measure: "85.000", "06", "12,5", "600m" (a unit written right after)."""

    number: Number
    suffix: str = ""

    @property
    def value(self) -> Decimal:
        return self.number.value

    @property
    def text(self) -> str:
        return self.number.text + self.suffix

    @classmethod
    def parse(cls, text: str) -> Quantity:
        found = _QUANTITY.fullmatch(text)
        if found is None:
            raise NotWritten(f'"{text}" không phải là một số lượng như báo cáo viết (ví dụ 85.000, 06, 600m).')
        return _exact(cls(Number.parse(found.group(1)), found.group(2) or ""), text)


@dataclass(frozen=True)
class Fraction:
    """A part of a whole, or a scale: "25/35", "27/393", "1/2000"."""

    numerator: Number
    denominator: Number

    @property
    def text(self) -> str:
        return f"{self.numerator.text}/{self.denominator.text}"

    @classmethod
    def parse(cls, text: str) -> Fraction:
        parts = text.split("/")
        if len(parts) != 2:
            raise NotWritten(f'"{text}" không phải là một tỷ số dạng 25/35.')
        fraction = cls(Number.parse(parts[0]), Number.parse(parts[1]))
        if fraction.denominator.value == 0:
            raise NotWritten(f'"{text}": mẫu số bằng 0.')
        return _exact(fraction, text)


_DAY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_PATTERNS = ("dd/M/yyyy", "dd/MM/yyyy", "d/M/yyyy", "d/MM/yyyy")


@dataclass(frozen=True)
class Day:
    """A date: "09/5/2023", "27/02/2023", or day and month alone ("20/12")."""

    day: int
    month: int
    year: int | None = None
    day_width: int = 2
    month_width: int = 1
    separator: str = "/"

    def __post_init__(self) -> None:
        try:
            datetime.date(self.year or 2000, self.month, self.day)
        except ValueError:
            shown = f"{self.day}/{self.month}" + (f"/{self.year}" if self.year else "")
            raise NotWritten(f"Ngày {shown} không có trên lịch.") from None

    @property
    def date(self) -> datetime.date | None:
        return datetime.date(self.year, self.month, self.day) if self.year else None

    @property
    def text(self) -> str:
        parts = [f"{self.day:0{self.day_width}d}", f"{self.month:0{self.month_width}d}"]
        return self.separator.join(parts + ([f"{self.year:04d}"] if self.year else []))

    @property
    def pattern(self) -> str:
        """The CLDR pattern of this way of writing a date ("dd/M/yyyy")."""
        year = f"{self.separator}yyyy" if self.year else ""
        return f"{'d' * self.day_width}{self.separator}{'M' * self.month_width}{year}"

    @classmethod
    def of(cls, date: datetime.date, pattern: str = "dd/M/yyyy") -> Day:
        """A machine date written with a CLDR pattern of `DATE_PATTERNS`."""
        day, month, _ = pattern.split("/")
        return cls(date.day, date.month, date.year, len(day), len(month))

    @classmethod
    def parse(cls, text: str) -> Day:
        found = _DAY.fullmatch(text)
        if found is None:
            iso = " (ngày dạng 2023-05-09 thì không đặt trong dấu ngoặc kép)" if _ISO_DATE.fullmatch(text) else ""
            raise NotWritten(f'"{text}" không phải là một ngày viết dạng 09/5/2023{iso}.')
        day, separator, month, year = found.groups()
        return _exact(cls(int(day), int(month), int(year) if year else None, len(day), len(month), separator),
                      text)


_MONTH = re.compile(r"(\d{1,2})([/.-])(\d{4})")


@dataclass(frozen=True)
class Month:
    """A month of a year: "6/2024", "06/2024"."""

    month: int
    year: int
    month_width: int = 1
    separator: str = "/"

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise NotWritten(f"Tháng {self.month} không có trên lịch.")

    @property
    def text(self) -> str:
        return f"{self.month:0{self.month_width}d}{self.separator}{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        found = _MONTH.fullmatch(text)
        if found is None:
            raise NotWritten(f'"{text}" không phải là một tháng viết dạng 6/2024.')
        month, separator, year = found.groups()
        return _exact(cls(int(month), int(year), len(month), separator), text)


@dataclass(frozen=True)
class CalendarYear:
    """A year: "2023", "2040" (never grouped)."""

    year: int

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 2200:
            raise NotWritten(f"Năm {self.year} nằm ngoài khoảng 1000–2200.")

    @property
    def value(self) -> Decimal:
        return Decimal(self.year)

    @property
    def text(self) -> str:
        return str(self.year)

    @classmethod
    def parse(cls, text: str) -> CalendarYear:
        if not re.fullmatch(r"\d{4}", text):
            raise NotWritten(f'"{text}" không phải là một năm viết bằng bốn chữ số.')
        return cls(int(text))


End = Union[CalendarYear, Day, Month]
_JOINER = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True)
class Period:
    """A period between two years, months or dates: "2021-2026", "30/10/1954-30/10/2024"."""

    start: End
    end: End
    joiner: str = "-"

    def __post_init__(self) -> None:
        if type(self.start) is not type(self.end):
            raise NotWritten("Hai đầu của khoảng phải cùng kiểu: cùng là năm, cùng là tháng hoặc cùng là ngày.")
        if _order(self.end) < _order(self.start):
            raise NotWritten(f"Khoảng kết thúc ({self.end.text}) trước khi bắt đầu ({self.start.text}).")

    @property
    def years(self) -> int:
        """Whole years from start to end (for "220 năm ... 1804-2024")."""
        return _order(self.end)[0] - _order(self.start)[0]

    @property
    def text(self) -> str:
        return f"{self.start.text}{self.joiner}{self.end.text}"

    @classmethod
    def parse(cls, text: str) -> Period:
        for joiner in _JOINER.finditer(text):
            head, tail = text[:joiner.start()], text[joiner.end():]
            for kind in (CalendarYear, Month, Day):
                try:
                    ends = kind.parse(head), kind.parse(tail)
                except NotWritten:
                    continue
                return _exact(cls(*ends, joiner.group()), text)
        raise NotWritten(f'"{text}" không phải là một khoảng thời gian dạng 2021-2026 hay '
                         "30/10/1954-30/10/2024.")


def _order(end: End) -> tuple[int, int, int]:
    if isinstance(end, CalendarYear):
        return (end.year, 0, 0)
    if isinstance(end, Month):
        return (end.year, end.month, 0)
    return (end.year or 0, end.month, end.day)


@dataclass(frozen=True)
class Label:
    """A name or slogan that contains digits, kept as written: "T2", "5 rõ, 6 dám"."""

    text: str

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise NotWritten("Tên đang để trống.")

    @classmethod
    def parse(cls, text: str) -> Label:
        return cls(text)


Written = Union[Number, Amount, Percentage, Quantity, Fraction, Day, Month, CalendarYear, Period, Label]

READERS: dict[str, Callable[[str], Written]] = {
    "tien": Amount.parse, "ti_le": Percentage.parse, "muc_dat": Percentage.parse,
    "tang_truong": Percentage.parse, "so_luong": Quantity.parse, "ti_so": Fraction.parse,
    "ngay": Day.parse, "thang": Month.parse, "nam": CalendarYear.parse, "khoang": Period.parse,
    "ten": Label.parse,
}
"""How each kind of figure (`loai` in so-lieu.yml) is written."""


def parse(kind: str, text: str) -> Written:
    """The value of kind `kind` written as `text`; `NotWritten` if it is not exactly that."""
    return READERS[kind](text)

