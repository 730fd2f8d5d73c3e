"""The schema of a year's data: what an editor may write, and nothing else.

Pydantic models in strict mode, so that "122%" typed where a number belongs,
or a misspelt field, is an error instead of a silent guess. Messages raised
here are already Vietnamese; `validation` turns pydantic's own error codes
into Vietnamese too and adds file and line. The same models give the JSON
Schema published with the open data.
"""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

DatePattern = Literal["dd/M/yyyy", "dd/MM/yyyy", "d/M/yyyy"]
Text = Annotated[str, Field(min_length=1)]
# Section numbers such as 1 or "I" are written bare by editors; keep them as text.
SectionNumber = Annotated[str, BeforeValidator(lambda value: str(value) if isinstance(value, int) else value)]


class Strict(BaseModel):
    """Base: unknown fields are errors, types are not coerced, values are frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --------------------------------------------------------------------------
# Figures (so-lieu.yml)
# --------------------------------------------------------------------------

class FigureBase(Strict):
    """What every figure carries besides its value: meaning, place, notes."""

    y_nghia: Text = Field(description="What the figure measures, in plain Vietnamese.")
    muc: Text = Field(description="Section of the report that states it, e.g. I.3.")
    ghi_chu: str | None = Field(None, description="Key of an editorial note about this figure.")
    nguyen_van: str | None = Field(
        None, description="The text exactly as the report writes it, where that differs "
        "from the figure's correct rendering; requires an editorial note.")

    @property
    def unit(self) -> str:
        """Unit shown in tooltips and downloads; fixed by the kind unless counted."""
        return ""

    # The fields that hold the figure's value (empty only in a draft year).
    VALUES: ClassVar[tuple[str, ...]] = ("gia_tri",)

    def missing(self) -> bool:
        """True while a draft year's figure has no value yet."""
        return any(getattr(self, name) is None for name in self.VALUES)


class Money(FigureBase):
    """An amount of money, in tỷ (billion) đồng."""

    loai: Literal["tien"]
    gia_tri: Annotated[float, Field(ge=0)] | None = Field(
        description="Amount in tỷ đồng; 1484.75 is 1.484 tỷ 750 triệu. Empty only in a draft.")
    so_thap_phan: int = Field(0, ge=0, le=6, description="Decimals written, trailing zeros kept.")
    cach_viet: Literal["thap_phan", "ty_trieu"] = Field(
        "thap_phan", description='"thap_phan": 839,617 tỷ đồng; "ty_trieu": 1.484 tỷ 750 triệu đồng.')

    @property
    def unit(self) -> str:
        return "tỷ đồng"


PERCENT_RANGES: dict[str, tuple[float, float, str]] = {
    "ti_le": (0, 100, "tỷ lệ (phần của một tổng) phải từ 0 đến 100"),
    "muc_dat": (0, 1000, "mức đạt so với kế hoạch/dự toán phải từ 0 đến 1000"),
    "tang_truong": (-100, 1000, "mức tăng/giảm phải từ -100 đến 1000"),
}


class Percent(FigureBase):
    """A percentage: a share (ti_le), attainment of a plan (muc_dat) or a change (tang_truong)."""

    loai: Literal["ti_le", "muc_dat", "tang_truong"]
    gia_tri: float | None
    so_thap_phan: int = Field(0, ge=0, le=3)

    @property
    def unit(self) -> str:
        return "%"

    @field_validator("gia_tri")
    @classmethod
    def _in_range(cls, value: float | None, info) -> float | None:
        low, high, rule = PERCENT_RANGES[info.data.get("loai", "ti_le")]
        if value is not None and not low <= value <= high:
            raise ValueError(f"Giá trị {value:g}% nằm ngoài khoảng cho phép: {rule}.")
        return value


class Count(FigureBase):
    """A whole number of things (meetings, projects, files, metres...)."""

    loai: Literal["so"]
    gia_tri: Annotated[int, Field(ge=0)] | None
    don_vi: Text = Field(description="What is counted, e.g. phiên họp.")
    chu_so_toi_thieu: int = Field(1, ge=1, le=3, description="2 writes 6 as 06, as the report does.")
    hau_to: str = Field("", description='Written right after the number, e.g. "m" in 600m.')

    @property
    def unit(self) -> str:
        return self.don_vi


class Ratio(FigureBase):
    """A part of a whole written "25/35"."""

    loai: Literal["ti_so"]
    VALUES: ClassVar[tuple[str, ...]] = ("tu", "mau")
    tu: Annotated[int, Field(ge=0)] | None
    mau: Annotated[int, Field(ge=1)] | None
    don_vi: Text

    @property
    def unit(self) -> str:
        return self.don_vi

    @model_validator(mode="after")
    def _part_within_whole(self) -> Ratio:
        if self.tu is not None and self.mau is not None and self.tu > self.mau:
            raise ValueError(f"Tử số {self.tu} lớn hơn mẫu số {self.mau}.")
        return self


class Date(FigureBase):
    """A calendar date, written as the report writes it (09/5/2023 or 27/02/2023)."""

    loai: Literal["ngay"]
    gia_tri: datetime.date | None
    mau: DatePattern = "dd/M/yyyy"


class Year(FigureBase):
    """A calendar year (2040 in "đến năm 2040")."""

    loai: Literal["nam"]
    gia_tri: Annotated[int, Field(ge=1000, le=2200)] | None


class Span(FigureBase):
    """A period: years (2021-2026) or dates (30/10/1954-30/10/2024)."""

    loai: Literal["khoang"]
    VALUES: ClassVar[tuple[str, ...]] = ("tu", "den")
    tu: int | datetime.date | None
    den: int | datetime.date | None
    mau: DatePattern = "dd/MM/yyyy"

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.tu is None or self.den is None:
            return self
        if type(self.tu) is not type(self.den):
            raise ValueError("Hai đầu của khoảng phải cùng kiểu: cùng là năm hoặc cùng là ngày.")
        if self.den < self.tu:
            raise ValueError(f"Khoảng kết thúc ({self.den}) trước khi bắt đầu ({self.tu}).")
        return self


class Name(FigureBase):
    """A name or slogan that contains digits (Kênh T2, "5 rõ, 6 dám")."""

    loai: Literal["ten"]
    gia_tri: Text | None


Figure = Annotated[
    Union[Money, Percent, Count, Ratio, Date, Year, Span, Name], Field(discriminator="loai")
]
FIGURE_KINDS: dict[str, type[FigureBase]] = {
    "tien": Money, "ti_le": Percent, "muc_dat": Percent, "tang_truong": Percent,
    "so": Count, "ti_so": Ratio, "ngay": Date, "nam": Year, "khoang": Span, "ten": Name,
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
    """tong = sum of thanh_phan (operands may be "key", "key.tu", "key.mau")."""

    loai: Literal["tong"]
    tong: Text
    thanh_phan: list[Text] = Field(min_length=2)


class RatioCheck(CheckBase):
    """A percentage stated for a ratio (27/393 = 6,8%) agrees with it when rounded."""

    loai: Literal["ti_le"]
    ti_le: Text
    ti_so: Text


class EqualCheck(CheckBase):
    """The same quantity stated in several places."""

    loai: Literal["bang"]
    cac_so: list[Text] = Field(min_length=2)


class YearsCheck(CheckBase):
    """A number of years (220 năm) equals the length of a stated period (1804-2024)."""

    loai: Literal["so_nam"]
    so_nam: Text
    khoang: Text


class NotAboveCheck(CheckBase):
    """A figure does not exceed a threshold (poverty rate below its target)."""

    loai: Literal["khong_vuot"]
    so: Text
    nguong: Text


Check = Annotated[
    Union[SumCheck, RatioCheck, EqualCheck, YearsCheck, NotAboveCheck], Field(discriminator="loai")
]


class FiguresFile(Strict):
    nguon: Text = Field(description="Which report these figures come from.")
    so_lieu: dict[str, dict[str, dict]] = Field(description="Groups of figures; validated one by one.")
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
    van_ban: dict[str, dict]


class Note(Strict):
    """An editorial note: where the site shows the source as it is, and why."""

    muc: Text
    noi_dung: Text


class NotesFile(Strict):
    nguon: Text
    ghi_chu: dict[str, dict]


# --------------------------------------------------------------------------
# The report itself (bao-cao.yml)
# --------------------------------------------------------------------------

class DocumentNumber(Strict):
    so: int | None = Field(None, ge=1, description="Blank in the source: leave empty.")
    ky_hieu: Text
    ghi_chu: str | None = None


class SigningDate(Strict):
    ngay: int | None = Field(None, ge=1, le=31)
    thang: int | None = Field(None, ge=1, le=12)
    nam: int = Field(ge=1000, le=2200)
    ghi_chu: str | None = None


class Signature(Strict):
    quyen_han: Text = Field(description="TM. ỦY BAN NHÂN DÂN")
    chuc_vu: Text
    ho_ten: Text


class Section(Strict):
    """An entry of the table of contents; a page (trang) or a group (muc_con)."""

    so: SectionNumber
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
    tep_goc: Text = Field(description="The source text this year was transcribed from.")
    mo_ta: Text


class Report(Strict):
    nam: int = Field(ge=1000, le=2200)
    trang_thai: Literal["du_thao", "cong_bo"] = Field(
        description='"du_thao": draft, not published; "cong_bo": published, then frozen.')
    ngay_cong_bo: datetime.date | None = None
    ngay_cap_nhat: datetime.date | None = None
    loai_van_ban: Text
    tieu_de: Text
    co_quan: Text
    co_quan_chu_quan: Text
    dia_danh: Text
    so_hieu: DocumentNumber
    ngay_ky: SigningDate
    nguoi_ky: Signature
    noi_nhan: list[Text] = Field(min_length=1)
    muc_luc: list[Section] = Field(min_length=1)
    nguon: Provenance

    @property
    def published(self) -> bool:
        return self.trang_thai == "cong_bo"

    @model_validator(mode="after")
    def _dated_when_published(self) -> Report:
        if self.published and self.ngay_cong_bo is None:
            raise ValueError('Báo cáo đã công bố (trang_thai: cong_bo) phải có "ngay_cong_bo".')
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
# How a year's figures are presented (data/<year>/trinh-bay.yml)
# --------------------------------------------------------------------------

Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]


class Card(Strict):
    """A key-figure card: a figure and what the report measures it against."""

    so: Text = Field(description="The figure's key in so-lieu.yml.")
    so_voi: list[Text] = Field(default_factory=list,
                               description="Figures it is measured against: target, plan, estimate.")


class ChartSeries(Strict):
    so: Text = Field(description="The figure's key in so-lieu.yml.")
    nhan: Text = Field(description="Short label shown on the chart.")


class Chart(Strict):
    """A chart drawn from figures: bars of money or counts, percentages, or parts of wholes."""

    ma: Slug = Field(description="Stable name; the chart's anchor on the page.")
    tieu_de: Text
    kieu: Literal["thanh", "phan_tram", "ti_so"] = Field(
        description='"thanh": amounts in one unit; "phan_tram": percentages; "ti_so": parts of wholes (25/35).')
    cac_so: list[ChartSeries] = Field(min_length=1)
    moc: float | None = Field(None, description="A reference line, e.g. 100 for the plan (percent charts).")
    nhan_moc: str | None = Field(None, description="Label of the reference line.")
    trang: Slug = Field(description="The report page that states these figures.")


class PresentationFile(Strict):
    nguon: Text
    the_so_lieu: list[Card] = Field(min_length=1)
    bieu_do: list[Chart] = Field(default_factory=list)
