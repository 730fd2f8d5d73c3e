"""Each year's figures as open data: CSV (UTF-8 with BOM, so Excel reads Vietnamese) and JSON.

Files are written during the build from the same data as the pages (nothing
is checked in), with a JSON Schema that describes the JSON file. Columns:
key, meaning, kind, machine-readable value, value as the report writes it,
unit, section, and the source document.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field

from macros.formatting import displayed
from macros import written
from macros.models import FigureBase
from macros.rendering import report_name
from macros.site_data import YearData

FOLDER = "du-lieu"
SCHEMA = f"{FOLDER}/so-lieu.schema.json"


class Record(BaseModel):
    """One figure of one year's report."""

    khoa: str = Field(description="Stable key of the figure in the site's data.")
    y_nghia: str = Field(description="What the figure measures.")
    loai: str = Field(description="Kind: tien (tỷ đồng), ti_le/muc_dat/tang_truong (%), so, ti_so, ngay, nam, khoang, ten.")
    gia_tri: float | int | str | None = Field(description="Machine-readable value: a number, a ratio 25/35, "
                                                          "an ISO date or period, or text.")
    gia_tri_nhu_bao_cao: str = Field(description="The value exactly as the report writes it.")
    don_vi: str = Field(description="Unit.")
    muc: str = Field(description="Section of the report that states it.")
    nguon: str = Field(description="The source document.")


class SourceInfo(BaseModel):
    """The document the year's site was made from, as received from the agency."""

    tep: str = Field(description="Address of the file, relative to this dataset.")
    dinh_dang: str = Field(description="Format: docx, txt or md.")
    kich_thuoc: int = Field(description="Size in bytes.")
    sha256: str = Field(description="SHA-256 checksum of the file.")


class ReportInfo(BaseModel):
    nam: int
    ten: str
    co_quan: str
    so_hieu: str
    ngay_cong_bo: datetime.date | None
    ngay_cap_nhat: datetime.date | None
    van_ban_goc: SourceInfo | None = None


class Dataset(BaseModel):
    """A year's figures, as published in du-lieu/<năm>/so-lieu.json."""

    bao_cao: ReportInfo
    so_lieu: list[Record]


COLUMNS = list(Record.model_fields)


def machine_value(figure: FigureBase) -> float | int | str | None:
    """The value for programs: a number, "25/35", an ISO 8601 date, month or period, or text."""
    if figure.missing():
        return None
    return _machine(figure.gia_tri)


def _machine(value: written.Written) -> float | int | str:
    match value:
        case written.Fraction():
            return f"{_number(value.numerator.value)}/{_number(value.denominator.value)}"
        case written.Period():
            return f"{_machine(value.start)}/{_machine(value.end)}"
        case written.Day():
            return value.date.isoformat() if value.date else f"--{value.month:02d}-{value.day:02d}"
        case written.Month():
            return f"{value.year:04d}-{value.month:02d}"
        case written.Label():
            return value.text
    return _number(value.value)


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def dataset(data: YearData) -> Dataset:
    report = data.report
    number = report.so_hieu.text
    source = f"{report_name(data)}, {report.co_quan}, số {number}"
    original = None
    if report.nguon is not None:
        original = SourceInfo(tep=report.nguon.tep_goc, dinh_dang=Path(report.nguon.tep_goc).suffix.lstrip("."),
                              kich_thuoc=data.source_size, sha256=report.nguon.sha256)
    return Dataset(
        bao_cao=ReportInfo(nam=data.year, ten=report_name(data), co_quan=report.co_quan, so_hieu=number,
                           ngay_cong_bo=report.ngay_cong_bo, ngay_cap_nhat=report.ngay_cap_nhat,
                           van_ban_goc=original),
        so_lieu=[Record(khoa=key, y_nghia=figure.y_nghia, loai=figure.loai, gia_tri=machine_value(figure),
                        gia_tri_nhu_bao_cao=displayed(figure), don_vi=figure.unit, muc=figure.muc, nguon=source)
                 for key, figure in data.figures.items()])


def csv_text(data: YearData) -> str:
    """The figures as CSV (RFC 4180: comma-separated, CRLF; a missing value is an empty cell)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(record.model_dump() for record in dataset(data).so_lieu)
    return buffer.getvalue()


def files(data: YearData) -> dict[str, str]:
    """Where a year's files are published, relative to the site root (its source document too)."""
    found = {"csv": f"{FOLDER}/{data.year}/so-lieu.csv", "json": f"{FOLDER}/{data.year}/so-lieu.json"}
    if data.report.nguon is not None:
        found["goc"] = f"{FOLDER}/{data.year}/{data.report.nguon.tep_goc}"
    return found


def write(root: Path, site_dir: Path, years: list[YearData]) -> None:
    """Write every shown year's CSV and JSON and copy its source document; write the schema.

    The CSV starts with a byte order mark, so that Excel reads it as UTF-8; the
    JSON keeps Vietnamese letters as they are, one space per level of indent.
    Writing again into the same folder (a preview rebuilding) replaces them.
    """
    (site_dir / FOLDER).mkdir(exist_ok=True)
    for data in years:
        paths = files(data)
        (site_dir / paths["csv"]).parent.mkdir(exist_ok=True)
        (site_dir / paths["csv"]).write_bytes(codecs.BOM_UTF8 + csv_text(data).encode())
        (site_dir / paths["json"]).write_bytes(dataset(data).model_dump_json(indent=1).encode())
        if "goc" in paths:
            shutil.copyfile(root / data.source_file, site_dir / paths["goc"])
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Dataset.model_json_schema()}
    (site_dir / SCHEMA).write_bytes(json.dumps(schema, indent=1).encode())
