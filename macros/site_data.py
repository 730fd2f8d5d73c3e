"""Every year's report data, loaded from `data/<year>/` and checked against the schema.

One folder per year keeps years independent: adding 2024 adds a folder and
cannot change what 2023 says. Each folder holds four files, one concern each:
`bao-cao.yml` (the document: title, number, signature, table of contents),
`so-lieu.yml` (figures and the checks between them), `van-ban.yml` (documents
the report cites) and `ghi-chu.yml` (editorial notes). Loading collects every
schema error of every file before giving up, so an editor sees them all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from pydantic import TypeAdapter

from macros.errors import EditorError, EditorErrors
from macros.models import (FIGURE_KINDS, Check, Document, DocumentsFile, ErrataFile, Erratum, Figure,
                           FigureBase, FiguresFile, GlossaryFile, Note, NotesFile, PresentationFile, Report,
                           ReviewEntry, ReviewFile, Section, Term, Year)
from macros.schema_errors import validate
from macros.yaml_loader import LoadedYaml, load_yaml

REPORT_FILE, FIGURES_FILE, DOCUMENTS_FILE, NOTES_FILE = (
    "bao-cao.yml", "so-lieu.yml", "van-ban.yml", "ghi-chu.yml")
ERRATA_FILE = "dinh-chinh.yml"
REVIEW_FILE = "ra-soat.yml"
PRESENTATION_FILE = "trinh-bay.yml"
GLOSSARY_FILE = "data/thuat-ngu.yml"
YEAR_DIR = re.compile(r"^\d{4}$")
# Parts of the document outside its numbered sections, valid as a figure's "muc".
UNNUMBERED_PARTS = ("Đầu văn bản", "Mở đầu", "Kết thúc", "Toàn văn")
DERIVED_GROUP = "nam"

_FIGURE = TypeAdapter(Figure)
# A count typed bare the Vietnamese way ("06", "85.000") is read as written, not as YAML reads it (6, 85.0).
_TYPED_AS_WRITTEN = re.compile(r"0\d+|\d{1,3}(?:\.\d{3})+")
_CHECK = TypeAdapter(Check)
_FIGURE_FIELDS = {kind: sorted(model.model_fields) for kind, model in FIGURE_KINDS.items()}


@dataclass(frozen=True)
class Place:
    """Where an item was written: file shown to editors, and line."""

    file: str
    line: int | None


@dataclass(frozen=True)
class TocEntry:
    """An entry of the table of contents: its full number (I, I.1, II), its section, its group if any.

    A page has a `slug`; a group of pages (I. KẾT QUẢ THỰC HIỆN) has none.
    """

    number: str
    section: Section
    parent: Section | None

    @property
    def slug(self) -> str | None:
        return self.section.trang

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else 1

    @property
    def title(self) -> str:
        return f"{self.section.so_muc}. {self.section.tieu_de}"


@dataclass(frozen=True)
class YearData:
    """One year's validated report data."""

    year: int
    report: Report
    figures: Mapping[str, FigureBase]
    documents: Mapping[str, Document]
    notes: Mapping[str, Note]
    checks: tuple[tuple[Check, Place], ...]
    places: Mapping[str, Place] = field(repr=False)
    presentation: PresentationFile
    errata: tuple[Erratum, ...] = ()
    review: tuple[tuple[ReviewEntry, Place], ...] = ()
    source_size: int = 0

    @property
    def published(self) -> bool:
        return self.report.published

    @property
    def folder(self) -> str:
        return f"data/{self.year}"

    def file(self, name: str) -> str:
        return f"{self.folder}/{name}"

    @property
    def source_file(self) -> str | None:
        """The document this year was made from, as received (data/<năm>/<tep_goc>)."""
        return self.file(self.report.nguon.tep_goc) if self.report.nguon else None

    def place(self, kind: str, key: str) -> Place:
        """Where figure/document/note `key` was written (kind: so_lieu, van_ban, ghi_chu)."""
        return self.places.get(f"{kind}:{key}", Place(self.file(REPORT_FILE), None))

    def toc(self) -> list[TocEntry]:
        """The table of contents in the report's order: each group followed by its pages.

        The one walk of `muc_luc`: pages, navigation, the table of contents and
        section numbers are all read from it.
        """
        found: list[TocEntry] = []
        for top in self.report.muc_luc:
            found.append(TocEntry(top.so_muc, top, None))
            found += [TocEntry(f"{top.so_muc}.{child.so_muc}", child, top) for child in top.muc_con]
        return found

    def pages(self) -> list[TocEntry]:
        """Report pages in the report's order."""
        return [entry for entry in self.toc() if entry.slug]

    def entry(self, slug: str) -> TocEntry | None:
        """The page `slug` of the table of contents."""
        return next((entry for entry in self.pages() if entry.slug == slug), None)

    def group_of(self, entry: TocEntry) -> str | None:
        """"I. KẾT QUẢ THỰC HIỆN" for the first page of that group, which shows it above its own title."""
        if entry.parent is None or not entry.parent.muc_con or entry.parent.muc_con[0] is not entry.section:
            return None
        return f"{entry.parent.so_muc}. {entry.parent.tieu_de}"

    def section_numbers(self) -> set[str]:
        return {entry.number for entry in self.toc()}

    def valid_section(self, muc: str) -> bool:
        """A part of the report a figure or note may name: a numbered section, a subsection of a page
        ("I.3.a", "II.1": the page's own headings), or a part without a number. Under a group, only its pages."""
        return muc in UNNUMBERED_PARTS or any(
            muc == entry.number or (entry.slug is not None and muc.startswith(entry.number + ".")
                                    and len(muc) > len(entry.number) + 1)
            for entry in self.toc())


@dataclass(frozen=True)
class Site:
    """All years, and the abbreviations they share."""

    years: Mapping[int, YearData]
    glossary: Mapping[str, Term]

    def newest_first(self, drafts: bool = False) -> list[YearData]:
        """Published years, newest first; with `drafts`, draft years too (preview)."""
        return [self.years[year] for year in sorted(self.years, reverse=True)
                if drafts or self.years[year].published]

    def latest(self) -> YearData | None:
        """The newest published year."""
        return next(iter(self.newest_first()), None)


def year_folders(data_dir: Path) -> list[int]:
    """Years that have a data folder."""
    if not data_dir.is_dir():
        return []
    return sorted(int(path.name) for path in data_dir.iterdir()
                  if path.is_dir() and YEAR_DIR.match(path.name))


def load_site(root: Path) -> Site:
    """Load and schema-check every year under `root/data`; raise `EditorErrors` on problems."""
    errors: list[EditorError] = []
    years: dict[int, YearData] = {}
    for year in year_folders(root / "data"):
        try:
            years[year] = load_year(root, year)
        except EditorErrors as found:
            errors.extend(found.errors)
    glossary = _load_glossary(root, errors)
    if errors:
        raise EditorErrors(errors)
    return Site(MappingProxyType(years), MappingProxyType(glossary))


def _load_glossary(root: Path, errors: list[EditorError]) -> dict[str, Term]:
    path = root / GLOSSARY_FILE
    if not path.is_file():
        errors.append(EditorError(GLOSSARY_FILE, None, None, "Thiếu tệp thuật ngữ viết tắt.",
                                  "Tạo lại tệp data/thuat-ngu.yml (xem README)."))
        return {}
    try:
        source = load_yaml(path, GLOSSARY_FILE)
    except EditorErrors as found:
        errors.extend(found.errors)
        return {}
    return _load_entries(source, GlossaryFile, "thuat_ngu", Term, {}, errors)


def load_year(root: Path, year: int) -> YearData:
    folder = f"data/{year}"
    errors: list[EditorError] = []
    sources: dict[str, LoadedYaml] = {}
    for name in (REPORT_FILE, FIGURES_FILE, DOCUMENTS_FILE, NOTES_FILE, PRESENTATION_FILE):
        path = root / folder / name
        if not path.is_file():
            errors.append(EditorError(
                f"{folder}/{name}", None, None, f"Thiếu tệp {name} của năm {year}.",
                f"Tạo tệp {name} theo mẫu của năm trước (xem README, mục Dữ liệu)."))
            continue
        try:
            sources[name] = load_yaml(path, f"{folder}/{name}")
        except EditorErrors as found:
            errors.extend(found.errors)
    if errors:
        raise EditorErrors(errors)

    typed = sources[REPORT_FILE].numbers_as_typed.get(("so_hieu", "so_van_ban"))
    if typed is not None:  # "Số: 08/…" typed bare: keep the leading zero YAML would drop
        sources[REPORT_FILE].data["so_hieu"]["so_van_ban"] = typed  # the path exists: its text was recorded
    report, found = validate(Report, sources[REPORT_FILE].data, sources[REPORT_FILE], ())
    errors += found
    if report is not None and report.nam != year:
        errors.append(EditorError(sources[REPORT_FILE].file, sources[REPORT_FILE].line_of(("nam",)),
                                  "nam", f"Năm {report.nam} khác tên thư mục {folder}.",
                                  f"Sửa thành nam: {year}, hoặc đặt tệp vào đúng thư mục năm."))
    if report is not None and report.nguon is not None:
        errors += _check_source(root, folder, report, sources[REPORT_FILE])
    source_size = (root / folder / report.nguon.tep_goc).stat().st_size if not errors and report.nguon else 0
    places: dict[str, Place] = {}
    figures = _load_figures(sources[FIGURES_FILE], places, errors)
    checks = _load_checks(sources[FIGURES_FILE], errors)
    documents = _load_entries(sources[DOCUMENTS_FILE], DocumentsFile, "van_ban", Document, places, errors)
    notes = _load_entries(sources[NOTES_FILE], NotesFile, "ghi_chu", Note, places, errors)
    errata = _load_errata(root / folder / ERRATA_FILE, f"{folder}/{ERRATA_FILE}", errors)
    review = _load_review(root / folder / REVIEW_FILE, f"{folder}/{REVIEW_FILE}", errors)
    presentation, found = validate(PresentationFile, sources[PRESENTATION_FILE].data, sources[PRESENTATION_FILE], ())
    errors += found
    if errors:
        raise EditorErrors(errors)
    for name, meaning, value in (("bao_cao", "Năm của báo cáo", year),
                                 ("truoc", "Năm trước năm báo cáo", year - 1),
                                 ("ke_hoach", "Năm kế hoạch (năm sau năm báo cáo)", year + 1)):
        figures[f"{DERIVED_GROUP}.{name}"] = Year(loai="nam", gia_tri=value, y_nghia=meaning,
                                                  muc="Toàn văn")
    return YearData(year, report, MappingProxyType(figures), MappingProxyType(documents),
                    MappingProxyType(notes), tuple(checks), MappingProxyType(places), presentation,
                    tuple(errata), tuple(review), source_size)


def _check_source(root: Path, folder: str, report: Report, source: LoadedYaml) -> list[EditorError]:
    """The document the year was made from is in the project, unchanged."""
    shown = f"{folder}/{report.nguon.tep_goc}"
    path = root / shown
    if not path.is_file():
        return [EditorError(source.file, source.line_of(("nguon", "tep_goc")), "nguon.tep_goc",
                            f"Không có tệp văn bản gốc {shown}.",
                            "Đặt văn bản gốc (tệp .docx hoặc .txt nhận được) vào thư mục năm, đúng tên này.")]
    if hashlib.sha256(path.read_bytes()).hexdigest() != report.nguon.sha256:
        return [EditorError(source.file, source.line_of(("nguon", "sha256")), "nguon.sha256",
                            f"Tệp văn bản gốc {shown} đã bị thay đổi (mã sha256 không khớp).",
                            "Văn bản gốc phải giữ nguyên như khi nhận: khôi phục tệp cũ. Nếu cơ quan gửi lại "
                            "bản khác, nhập lại bằng make nhap-bao-cao.")]
    return []


def _load_optional(path: Path, shown: str, model: type, errors: list[EditorError]) -> tuple[Any, LoadedYaml | None]:
    """A data file a year may not have yet (errata, review list): its model and source, or None."""
    if not path.is_file():
        return None, None
    try:
        source = load_yaml(path, shown)
    except EditorErrors as found:
        errors.extend(found.errors)
        return None, None
    loaded, found = validate(model, source.data, source, ())
    errors += found
    return loaded, source


def _load_errata(path: Path, shown: str, errors: list[EditorError]) -> list[Erratum]:
    """Errata of a published year; the file is optional until the first correction."""
    errata, _ = _load_optional(path, shown, ErrataFile, errors)
    return list(errata.dinh_chinh) if errata else []


def _load_review(path: Path, shown: str, errors: list[EditorError]) -> list[tuple[ReviewEntry, Place]]:
    """The review list an import leaves beside the data (optional)."""
    review, source = _load_optional(path, shown, ReviewFile, errors)
    if review is None:
        return []
    return [(entry, Place(shown, source.line_of(("viec", index)))) for index, entry in enumerate(review.viec)]


def _load_figures(source: LoadedYaml, places: dict[str, Place],
                  errors: list[EditorError]) -> dict[str, FigureBase]:
    shell, found = validate(FiguresFile, source.data, source, ())
    errors += found
    figures: dict[str, FigureBase] = {}
    if shell is None:
        return figures
    for group, members in shell.so_lieu.items():
        if group == DERIVED_GROUP:
            errors.append(EditorError(
                source.file, source.line_of(("so_lieu", group)), f"so_lieu.{group}",
                f'Nhóm "{group}" do chương trình tự tạo (nam.bao_cao, nam.truoc, nam.ke_hoach).',
                "Đổi tên nhóm này."))
            continue
        for name, value in members.items():
            path = ("so_lieu", group, name)
            figure, found = validate(_FIGURE, _as_written(value, source, path), source, path, _FIGURE_FIELDS)
            errors += found
            if figure is not None:
                figures[f"{group}.{name}"] = figure
                places[f"so_lieu:{group}.{name}"] = Place(source.file, source.line_of(path))
    return figures


def _as_written(value: object, source: LoadedYaml, path: tuple[str, ...]) -> object:
    """A count whose bare value was typed the Vietnamese way ("06", "85.000") keeps that text."""
    if not isinstance(value, dict) or value.get("loai") != "so_luong":
        return value
    typed = source.numbers_as_typed.get((*path, "gia_tri"))
    return {**value, "gia_tri": typed} if typed and _TYPED_AS_WRITTEN.fullmatch(typed) else value


def _load_checks(source: LoadedYaml, errors: list[EditorError]) -> list[tuple[Check, Place]]:
    checks = []
    data = source.data if isinstance(source.data, dict) else {}
    raw = data.get("kiem_tra") or []
    for index, value in enumerate(raw if isinstance(raw, list) else []):
        path = ("kiem_tra", index)
        check, found = validate(_CHECK, value, source, path)
        errors += found
        if check is not None:
            checks.append((check, Place(source.file, source.line_of(path))))
    return checks


def _load_entries(source: LoadedYaml, shell_model, section: str, model,
                  places: dict[str, Place], errors: list[EditorError]) -> dict:
    shell, found = validate(shell_model, source.data, source, ())
    errors += found
    entries = {}
    if shell is None:
        return entries
    for key, value in getattr(shell, section).items():
        path = (section, key)
        entry, found = validate(model, value, source, path)
        errors += found
        if entry is not None:
            entries[key] = entry
            places[f"{section}:{key}"] = Place(source.file, source.line_of(path))
    return entries
