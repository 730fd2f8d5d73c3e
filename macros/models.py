"""The schema of a year's data: what an editor may write, and nothing else.

Pydantic models in strict mode, so that "122%" typed where a number belongs,
or a misspelt field, is an error instead of a silent guess. Messages raised
here are already Vietnamese; `validation` turns pydantic's own error codes
into Vietnamese too and adds file and line. The same models give the JSON
Schema published with the open data.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Callable, ClassVar, Literal, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PlainValidator,
                      ValidationInfo, WithJsonSchema, model_validator)

from macros import written

DatePattern = Literal[written.DATE_PATTERNS]  # type: ignore[valid-type]
Text = Annotated[str, Field(min_length=1)]
# A key of figures, documents and notes: it names them in pages, anchors, addresses and the open data.
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
# Section numbers such as 1 or "I" are written bare by editors; keep them as text.
SectionNumber = Annotated[str, BeforeValidator(lambda value: str(value) if isinstance(value, int) else value),
                          WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})]


class Strict(BaseModel):
    """Base: unknown fields are errors, types are not coerced, values are frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --------------------------------------------------------------------------
# Figures (so-lieu.yml)
# --------------------------------------------------------------------------

def _written_value(kind: str, machine: Callable[..., written.Written] | None = None,
                   hints: tuple[str, ...] = (),
                   check: Callable[[written.Written, dict[str, Any]], None] | None = None) -> Any:
    """The `gia_tri` field of a kind of figure: as the report writes it, or in machine form.

    Text ("1.484 tỷ 750 triệu đồng", "13,6%", "27/393") is read by
    `macros.written`, which refuses anything that would not be written back
    exactly. A bare number (1484.75) or date is the machine form; the fields
    named in `hints` (declared before `gia_tri`) then say how to write it.
    `check` refuses values the kind does not allow (a share above 100%).
    """
    def read(value: Any, given: dict[str, Any]) -> written.Written:
        if isinstance(value, written.Written.__args__):
            return value
        if isinstance(value, str):
            if given:
                raise ValueError(f"gia_tri đã viết như báo cáo nên không dùng thêm {', '.join(given)}: "
                                 "xóa dòng đó.")
            try:
                return written.parse(kind, value)
            except written.NotWritten as error:
                raise written.NotWritten(str(error), f"Viết giá trị đúng như bản báo cáo viết, ví dụ: "
                                                     f"{EXAMPLES[kind]}.") from None
        if isinstance(value, bool):
            raise ValueError(f"Giá trị đúng/sai (true/false) không phải là một con số: viết giá trị như báo cáo, "
                             f"ví dụ {EXAMPLES[kind]}.")
        if machine is None:
            raise ValueError(f'Giá trị phải viết như báo cáo (ví dụ {EXAMPLES[kind]}), đặt trong dấu ngoặc kép '
                             "nếu cần.")
        return machine(value, **given)

    def validate(value: Any, info: ValidationInfo) -> written.Written | None:
        if value is None:
            return None
        found = read(value, {name: info.data[name] for name in hints if info.data.get(name) is not None})
        if check is not None:
            check(found, info.data)
        return found

    example = {"anyOf": [{"type": "string", "examples": [EXAMPLES[kind]]}, {"type": "number"}, {"type": "null"}]}
    if kind in ("ngay", "nam"):
        example["anyOf"][1] = {"type": "string", "format": "date"} if kind == "ngay" else {"type": "integer"}
    return PlainValidator(validate, json_schema_input_type=Any), WithJsonSchema(example), \
        PlainSerializer(lambda value: None if value is None else value.text, return_type=str | None)


EXAMPLES = {"tien": "1.484 tỷ 750 triệu đồng", "ti_le": "99,9%", "muc_dat": "122%", "tang_truong": "13,6%",
            "so_luong": "85.000", "ti_so": "25/35", "ngay": "09/5/2023", "thang": "6/2024", "nam": "2040",
            "khoang": "2021-2026", "ten": "Kênh T2"}


class FigureBase(Strict):
    """What every figure carries besides its value: meaning, place, notes."""

    y_nghia: Text = Field(description="What the figure measures, in plain Vietnamese.")
    muc: Text = Field(description="Section of the report that states it, e.g. I.3.")
    ghi_chu: str | None = Field(None, description="Key of an editorial note about this figure.")
    nguyen_van: str | None = Field(
        None, description="The text exactly as the report writes it, where that differs "
        "from the figure's correct rendering; requires an editorial note.")

    # Fields that only say how to write a machine-form value; the value itself carries that.
    HINTS: ClassVar[tuple[str, ...]] = ()

    @property
    def unit(self) -> str:
        """Unit shown in tooltips and downloads; fixed by the kind unless counted."""
        return ""

    def missing(self) -> bool:
        """True while a draft year's figure has no value yet."""
        return getattr(self, "gia_tri", None) is None


def _money(value: Any, don_vi: str = "tỷ đồng", cach_viet: str = "thap_phan",
           so_thap_phan: int | None = None) -> written.Amount:
    return written.Amount.of(value, don_vi, cach_viet == "ty_trieu", so_thap_phan)


class Money(FigureBase):
    """An amount of money: "839,617 tỷ đồng", "1.484 tỷ 750 triệu đồng"."""

    loai: Literal["tien"]
    don_vi: Literal[written.MONEY_UNITS] | None = Field(  # type: ignore[valid-type]
        None, description="Machine form only: the unit of a bare number (tỷ đồng if not given).")
    cach_viet: Literal["thap_phan", "ty_trieu"] | None = Field(
        None, description='Machine form only: "thap_phan" 839,617 tỷ đồng; "ty_trieu" 1.484 tỷ 750 triệu đồng.')
    so_thap_phan: int | None = Field(None, ge=0, le=6, description="Machine form only: decimals written.")
    HINTS: ClassVar[tuple[str, ...]] = ("don_vi", "cach_viet", "so_thap_phan")
    gia_tri: Annotated[written.Amount | None, *_written_value("tien", _money, HINTS)] = Field(
        description='As written ("1.484 tỷ 750 triệu đồng"), or a bare number in tỷ đồng. Empty only in a draft.')

    @property
    def unit(self) -> str:
        return self.gia_tri.unit if self.gia_tri is not None else (self.don_vi or "tỷ đồng")


PERCENT_RANGES: dict[str, tuple[int, int, str]] = {
    "ti_le": (0, 100, "tỷ lệ (phần của một tổng) phải từ 0 đến 100"),
    "muc_dat": (0, 1000, "mức đạt so với kế hoạch/dự toán phải từ 0 đến 1000"),
    "tang_truong": (0, 1000, "mức tăng/giảm (viết không dấu trừ) phải từ 0 đến 1000"),
}


def _percentage(value: Any, so_thap_phan: int | None = None) -> written.Percentage:
    return written.Percentage(written.Number.of(value, so_thap_phan))


def _percent_in_range(value: written.Percentage, fields: dict[str, Any]) -> None:
    low, high, rule = PERCENT_RANGES.get(fields.get("loai", "ti_le"), PERCENT_RANGES["ti_le"])
    if not low <= value.value <= high:
        raise ValueError(f"Giá trị {value.text} nằm ngoài khoảng cho phép: {rule}.")


class Percent(FigureBase):
    """A percentage: a share (ti_le), attainment of a plan (muc_dat) or a change (tang_truong)."""

    loai: Literal["ti_le", "muc_dat", "tang_truong"]
    so_thap_phan: int | None = Field(None, ge=0, le=3, description="Machine form only: decimals written.")
    HINTS: ClassVar[tuple[str, ...]] = ("so_thap_phan",)
    gia_tri: Annotated[written.Percentage | None, *_written_value(
        "ti_le", _percentage, HINTS, _percent_in_range)] = Field(
        description='As written ("99,9%"), or a bare number.')

    @property
    def unit(self) -> str:
        return "%"


def _quantity(value: Any, so_thap_phan: int | None = None, chu_so_toi_thieu: int = 1,
              hau_to: str = "") -> written.Quantity:
    return written.Quantity(written.Number.of(value, so_thap_phan, chu_so_toi_thieu), hau_to)


class Count(FigureBase):
    """A number of things, or a measure: meetings, projects, files, metres ("85.000", "06", "600m")."""

    loai: Literal["so_luong"]
    don_vi: Text = Field(description="What is counted, e.g. phiên họp.")
    so_thap_phan: int | None = Field(None, ge=0, le=6, description="Machine form only: decimals written.")
    chu_so_toi_thieu: int | None = Field(None, ge=1, le=3, description="Machine form only: 2 writes 6 as 06.")
    hau_to: str | None = Field(None, description='Machine form only: written right after, e.g. "m" in 600m.')
    HINTS: ClassVar[tuple[str, ...]] = ("so_thap_phan", "chu_so_toi_thieu", "hau_to")
    gia_tri: Annotated[written.Quantity | None, *_written_value("so_luong", _quantity, HINTS)] = Field(
        description='As written ("85.000", "06", "600m"), or a bare number.')

    @property
    def unit(self) -> str:
        return self.don_vi


def _part_within_whole(value: written.Fraction, fields: dict[str, Any]) -> None:
    if value.numerator.value > value.denominator.value:
        raise ValueError(f"Tử số lớn hơn mẫu số: {value.text}.")


class Ratio(FigureBase):
    """A part of a whole, or a scale: "25/35", "1/2000"."""

    loai: Literal["ti_so"]
    don_vi: Text = Field(description="What is counted, e.g. dự án.")
    gia_tri: Annotated[written.Fraction | None, *_written_value("ti_so", check=_part_within_whole)] = Field(
        description='As written: "25/35".')

    @property
    def unit(self) -> str:
        return self.don_vi


def _day(value: Any, mau_ngay: str = "dd/M/yyyy") -> written.Day:
    if not isinstance(value, datetime.date):
        raise ValueError("Ngày viết dạng 2023-05-09 (không đặt trong dấu ngoặc kép), hoặc như báo cáo: "
                         '"09/5/2023".')
    return written.Day.of(value, mau_ngay)


class Date(FigureBase):
    """A calendar date: "09/5/2023", "27/02/2023", or "20/12" where the report omits the year."""

    loai: Literal["ngay"]
    mau_ngay: DatePattern | None = Field(None, description="Machine form only: how the date is written.")
    HINTS: ClassVar[tuple[str, ...]] = ("mau_ngay",)
    gia_tri: Annotated[written.Day | None, *_written_value("ngay", _day, HINTS)] = Field(
        description='As written ("09/5/2023"), or a date 2023-05-09.')


class MonthOfYear(FigureBase):
    """A month of a year: "6/2024"."""

    loai: Literal["thang"]
    gia_tri: Annotated[written.Month | None, *_written_value("thang")] = Field(description='As written: "6/2024".')


def _year(value: Any) -> written.CalendarYear:
    if not isinstance(value, int):
        raise ValueError("Năm viết bằng bốn chữ số, ví dụ 2040.")
    return written.CalendarYear(value)


class Year(FigureBase):
    """A calendar year (2040 in "đến năm 2040")."""

    loai: Literal["nam"]
    gia_tri: Annotated[written.CalendarYear | None, *_written_value("nam", _year)] = Field(
        description="A year: 2040.")


class Span(FigureBase):
    """A period: years ("2021-2026"), months, or dates ("30/10/1954-30/10/2024")."""

    loai: Literal["khoang"]
    gia_tri: Annotated[written.Period | None, *_written_value("khoang")] = Field(
        description='As written: "2021-2026".')


class Name(FigureBase):
    """A name or slogan that contains digits (Kênh T2, "5 rõ, 6 dám")."""

    loai: Literal["ten"]
    gia_tri: Annotated[written.Label | None, *_written_value("ten")] = Field(description='As written: "Kênh T2".')


Figure = Annotated[
    Union[Money, Percent, Count, Ratio, Date, MonthOfYear, Year, Span, Name], Field(discriminator="loai")
]
FIGURE_KINDS: dict[str, type[FigureBase]] = {
    "tien": Money, "ti_le": Percent, "muc_dat": Percent, "tang_truong": Percent, "so_luong": Count,
    "ti_so": Ratio, "ngay": Date, "thang": MonthOfYear, "nam": Year, "khoang": Span, "ten": Name,
}


# --------------------------------------------------------------------------
# Checks between figures (so-lieu.yml, kiem_tra)
# --------------------------------------------------------------------------

class KnownDiscrepancy(Strict):
    """The source itself is off here; the build accepts it knowingly."""

    ghi_chu: Text = Field(description="Key of the editorial note shown to readers.")


class CheckBase(Strict):
    sai_lech_nguon: KnownDiscrepancy | None = None


class SumCheck(CheckBase):
    """tong = the sum of cac_phan (a figure's key, or "key.tu_so" / "key.mau_so" for a ratio's parts)."""

    loai: Literal["tong_cac_phan"]
    tong: Text = Field(description="Key of the total.")
    cac_phan: list[Text] = Field(min_length=2, description="Keys of the parts.")


class RatioCheck(CheckBase):
    """A percentage stated for a ratio (27/393 = 6,8%) agrees with it when rounded."""

    loai: Literal["ti_le_cua_ti_so"]
    phan_tram: Text = Field(description="Key of the percentage.")
    ti_so: Text = Field(description="Key of the ratio it is computed from.")


class EqualCheck(CheckBase):
    """The same quantity stated in several places."""

    loai: Literal["bang_nhau"]
    cac_khoa: list[Text] = Field(min_length=2, description="Keys of the figures that must be equal.")


class YearsCheck(CheckBase):
    """A number of years (220 năm) equals the length of a stated period (1804-2024)."""

    loai: Literal["so_nam_cua_khoang"]
    so_nam: Text = Field(description="Key of the number of years.")
    khoang: Text = Field(description="Key of the period.")


class NotAboveCheck(CheckBase):
    """A figure does not exceed a threshold (poverty rate below its target)."""

    loai: Literal["khong_vuot"]
    khoa: Text = Field(description="Key of the figure.")
    nguong: Text = Field(description="Key of the threshold it must not exceed.")


Check = Annotated[
    Union[SumCheck, RatioCheck, EqualCheck, YearsCheck, NotAboveCheck], Field(discriminator="loai")
]


class FiguresFile(Strict):
    nguon: Text = Field(description="Which report these figures come from.")
    so_lieu: dict[Key, dict[Key, dict]] = Field(description="Groups of figures; validated one by one.")
    kiem_tra: list[dict] = Field(default_factory=list)


# --------------------------------------------------------------------------
# Documents cited (van-ban.yml) and editorial notes (ghi-chu.yml)
# --------------------------------------------------------------------------

class Document(Strict):
    """A legal or administrative document the report cites."""

    loai: Text = Field(description="Kết luận, Nghị quyết, Quyết định, Kế hoạch, Chương trình...")
    so_hieu: Text = Field(description="Number and symbol as written, e.g. 92-KL/TU.")
    co_quan: str | None = Field(None, description="Issuing body, where the report gives it.")
    ngay: datetime.date | None = Field(None, description="Date of issue, where the report gives it.")
    mau_ngay: DatePattern = "dd/M/yyyy"
    trich_yeu: str | None = Field(None, description="What the document is about, per the report.")
    muc: Text


class DocumentsFile(Strict):
    nguon: Text
    van_ban: dict[Key, dict]


class Note(Strict):
    """An editorial note: where the site shows the source as it is, and why."""

    muc: Text
    noi_dung: Text


class NotesFile(Strict):
    nguon: Text
    ghi_chu: dict[Key, dict]


# --------------------------------------------------------------------------
# The report itself (bao-cao.yml)
# --------------------------------------------------------------------------

class DocumentNumber(Strict):
    """"Số: 25/BC-UBND": the number, as written (leading zeros kept), and the symbol."""

    so_van_ban: Annotated[str, BeforeValidator(lambda value: str(value) if isinstance(value, int) else value),
                          Field(pattern=r"^\d{1,6}$"),
                          WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})] | None = Field(
        None, description="The number before the slash; blank in the source: leave empty.")
    ky_hieu: Text
    ghi_chu: str | None = None

    @property
    def text(self) -> str:
        """"25/BC-UBND", or "/BC-UBND" where the source leaves the number blank."""
        return f"{self.so_van_ban or ''}/{self.ky_hieu}"


class SigningDate(Strict):
    ngay: int | None = Field(None, ge=1, le=31)
    thang: int | None = Field(None, ge=1, le=12)
    nam: int = Field(ge=1000, le=2200)
    ghi_chu: str | None = None


class Signature(Strict):
    quyen_han: Text = Field(description="TM. ỦY BAN NHÂN DÂN")
    chuc_vu: str | None = Field(None, description="CHỦ TỊCH (several lines where the document has them).")
    ghi_ky: str | None = Field(None, description='What the document writes between the titles and the name, '
                                                 'e.g. "(Đã ký)".')
    ho_ten: Text


class Layout(Strict):
    """In which order the document's two-column parts read (what a reader of the original meets first)."""

    dau_van_ban: Literal["cot", "hang", "dong"] = Field(
        "cot", description='Header: "cot" agency and number, then motto and date (one row of two cells); '
                          '"hang" agency, motto, then number, date (two rows); "dong" line by line across.')
    ket_thuc: Literal["noi_nhan_truoc", "chu_ky_truoc"] = Field(
        "noi_nhan_truoc", description="Closing: Nơi nhận before the signature, or the signature first.")


class Section(Strict):
    """An entry of the table of contents; a page (trang) or a group (muc_con)."""

    so_muc: SectionNumber
    tieu_de: Text
    trang: str | None = Field(None, pattern=r"^[a-z0-9-]+$",
                              description="Page file name in docs/<năm>/ without .md")
    muc_con: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _page_or_group(self) -> Section:
        if (self.trang is None) == (not self.muc_con):
            raise ValueError("Mỗi mục phải có đúng một trong hai: \"trang\" (một trang) "
                             "hoặc \"muc_con\" (nhóm các mục con).")
        return self


class Provenance(Strict):
    """The document this year's site was made from, kept in data/<năm>/ as received."""

    tep_goc: str = Field(pattern=r"^[A-Za-z0-9._-]+\.(docx|txt|md)$",
                         description="File name of the document in data/<năm>/.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Checksum of that file (make nhap-bao-cao writes it).")
    mo_ta: Text


class Report(Strict):
    nam: int = Field(ge=1000, le=2200)
    trang_thai: Literal["du_thao", "cong_bo"] = Field(
        description='"du_thao": draft, not published; "cong_bo": published, then frozen.')
    ngay_cong_bo: datetime.date | None = None
    ngay_cap_nhat: datetime.date | None = None
    loai_van_ban: Text
    tieu_de: Text
    co_quan: Text = Field(description="The issuing body, as named in running text.")
    co_quan_chu_quan: str | None = Field(None, description="The body it belongs to, where known.")
    dong_co_quan: list[Text] = Field(default_factory=list,
                                     description="The agency lines at the top left of the document, as written.")
    quoc_hieu: list[Text] = Field(default_factory=list,
                                  description="The national motto lines at the top right, as written.")
    bo_cuc: Layout = Field(default_factory=Layout, description="Reading order of the two-column parts.")
    dia_danh: Text
    so_hieu: DocumentNumber
    ngay_ky: SigningDate
    nguoi_ky: Signature
    noi_nhan: list[Text] = Field(min_length=1)
    muc_luc: list[Section] = Field(min_length=1)
    nguon: Provenance | None = Field(None, description="The document this year was made from; required once "
                                                       "published.")

    @property
    def published(self) -> bool:
        return self.trang_thai == "cong_bo"

    @model_validator(mode="after")
    def _two_levels(self) -> Report:
        for top in self.muc_luc:
            for child in top.muc_con:
                if child.muc_con:
                    raise ValueError(f'Mục {top.so_muc}.{child.so_muc} có "muc_con": mục lục chỉ có hai cấp '
                                     '(nhóm và trang); hãy ghi "trang" cho mục này.')
        return self

    @model_validator(mode="after")
    def _dated_when_published(self) -> Report:
        if self.published and self.ngay_cong_bo is None:
            raise ValueError('Báo cáo đã công bố (trang_thai: cong_bo) phải có "ngay_cong_bo".')
        if self.published and self.nguon is None:
            raise ValueError('Báo cáo đã công bố phải có "nguon": văn bản gốc lưu trong thư mục năm '
                             "(make nhap-bao-cao ghi phần này).")
        return self


# --------------------------------------------------------------------------
# Abbreviations (data/thuat-ngu.yml), shared by all years
# --------------------------------------------------------------------------

class Term(Strict):
    """An abbreviation the reports use, keyed by how it is usually written."""

    day_du: Text = Field(description="The long form, e.g. giải phóng mặt bằng.")
    bien_the: list[Text] = Field(default_factory=list,
                                 description="Other spellings searched alike, e.g. KT-XH, HDND.")
    giai_thich: str | None = Field(None, description="A short explanation, where the long form is not enough.")


class GlossaryFile(Strict):
    nguon: Text
    thuat_ngu: dict[str, dict]


# --------------------------------------------------------------------------
# Errata of a published year (data/<year>/dinh-chinh.yml)
# --------------------------------------------------------------------------

class Erratum(Strict):
    """A correction to a published, frozen report: what changed, when and why."""

    ngay: datetime.date
    trang: str = Field(pattern=r"^[a-z0-9-]+$", description="Page affected (file name in docs/<năm>/).")
    noi_dung: Text = Field(description="What was corrected.")
    gia_tri_cu: Text
    gia_tri_moi: Text
    ly_do: Text


class ErrataFile(Strict):
    nguon: Text
    dinh_chinh: list[Erratum] = Field(default_factory=list)


# --------------------------------------------------------------------------
# What an editor must review before publishing (data/<year>/ra-soat.yml)
# --------------------------------------------------------------------------

REVIEW_KINDS = ("so_lieu_moi", "ti_le_lech", "tong_lech", "chinh_ta", "dau_van_ban", "trinh_bay", "khac")


class ReviewEntry(Strict):
    """One thing to look at: a figure whose key or meaning was made up, an oddity of the source..."""

    loai: Literal[REVIEW_KINDS] = Field(  # type: ignore[valid-type]
        description="so_lieu_moi: key and meaning to check; ti_le_lech, tong_lech: the source's figures "
                    "disagree; chinh_ta: a word that cannot be Vietnamese; dau_van_ban: header or signature; "
                    "trinh_bay: cards and charts; khac: anything else.")
    noi_dung: Text = Field(description="What was noticed.")
    trang: str | None = Field(None, pattern=r"^[a-z0-9-]+$", description="The page concerned (file name in docs/<năm>/).")
    khoa: str | None = Field(None, description="The figure concerned, if any.")
    de_xuat: str | None = Field(None, description="What to do.")
    xong: bool = Field(False, description="true once reviewed; publishing needs every item done.")


class ReviewFile(Strict):
    nguon: Text
    viec: list[ReviewEntry] = Field(default_factory=list)


# --------------------------------------------------------------------------
# How a year's figures are presented (data/<year>/trinh-bay.yml)
# --------------------------------------------------------------------------

Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]


class Card(Strict):
    """A key-figure card: a figure and what the report measures it against."""

    khoa: Text = Field(description="The figure's key in so-lieu.yml.")
    so_voi: list[Text] = Field(default_factory=list,
                               description="Figures it is measured against: target, plan, estimate.")


class ChartSeries(Strict):
    """One bar of a chart."""

    khoa: Text = Field(description="The figure's key in so-lieu.yml.")
    nhan: Text = Field(description="Short label shown on the chart.")


class Chart(Strict):
    """A chart drawn from figures: bars of money or counts, percentages, or parts of wholes."""

    ma: Slug = Field(description="Stable name; the chart's anchor on the page.")
    tieu_de: Text
    kieu: Literal["gia_tri", "phan_tram", "ti_so"] = Field(
        description='"gia_tri": amounts in one unit; "phan_tram": percentages; "ti_so": parts of wholes (25/35).')
    cot: list[ChartSeries] = Field(min_length=1, description="The bars, in order.")
    moc: float | None = Field(None, ge=0, le=1000, allow_inf_nan=False,
                              description="A reference line, e.g. 100 for the plan (percent charts).")
    nhan_moc: str | None = Field(None, description="Label of the reference line.")
    trang: Slug = Field(description="The report page that states these figures.")


class PresentationFile(Strict):
    nguon: Text
    the_so_lieu: list[Card] = Field(min_length=1)
    bieu_do: list[Chart] = Field(default_factory=list)
