"""What figures, notes and the parts of the document become on a page.

Each function gathers the values a fragment shows and hands them to its
template (see `fragments`); none writes HTML itself. Addresses between pages
are worked out here, once.
"""

from __future__ import annotations

import posixpath
from typing import Mapping

from macros.fragments import code, render
from macros.formatting import displayed, format_day, format_number, signing_parts
from macros.models import Document, FigureBase, Note, Term
from macros.site_data import TocEntry, YearData

DAY = "dd/MM/yyyy"
HOME_CARDS = 4
FORMATS = {"docx": "tệp Word (DOCX)", "txt": "tệp văn bản (TXT)", "md": "tệp văn bản (Markdown)"}


# --------------------------------------------------------------------------
# Addresses
# --------------------------------------------------------------------------

def relative(from_page: str, to_page: str) -> str:
    """Markdown link target from one docs-relative .md path to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one built page address to another ("2023/a/" -> "2024/a/" is "../../2024/a/")."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath(to_url or ".", base or ".")
    return target + "/" if to_url.endswith("/") and not target.endswith("/") else target


def note_anchor(key: str) -> str:
    return f"ghi-chu-{key}"


def figure_anchor(key: str) -> str:
    """The stable anchor of a figure's first mention on a page: "so-lieu-thu_ngan_sach-tong"."""
    return "so-lieu-" + key.replace(".", "-")


# --------------------------------------------------------------------------
# Figures, documents and notes in running text
# --------------------------------------------------------------------------

def figure(key: str, value: FigureBase, anchored: bool = False) -> str:
    """A figure in running text: as the report writes it, with its meaning on hover or tap.

    The first mention of a figure on a page carries its stable anchor, so that
    key-figure cards and citations can link to the sentence that states it.
    """
    return render("figure.html", key=code(key), shown=displayed(value), meaning=value.y_nghia, section=value.muc,
                  unit=value.unit, missing=value.missing(), anchor=code(figure_anchor(key)) if anchored else None,
                  note=code(note_anchor(value.ghi_chu)) if value.ghi_chu else None)


def document_title(document: Document) -> str:
    """"Kết luận số 92-KL/TU ngày 19/12/2022 của Ban Chấp hành Đảng bộ thành phố"."""
    parts = [f"{document.loai} số {document.so_hieu}"]
    if document.ngay:
        parts.append(f"ngày {format_day(document.ngay, document.mau_ngay)}")
    if document.co_quan:
        parts.append(f"của {document.co_quan}")
    if document.trich_yeu:
        parts.append(f"về {document.trich_yeu}")
    return " ".join(parts)


def document(key: str, value: Document, part: str) -> str:
    """A cited document's number ("so_hieu") or date ("ngay")."""
    shown = value.so_hieu if part == "so_hieu" else format_day(value.ngay, value.mau_ngay)
    return render("document.html", key=code(key), shown=shown, reference=document_title(value))


def note(key: str, value: Note) -> str:
    """An editorial note, placed by the editor after the passage it explains."""
    return render("note.html", anchor=code(note_anchor(key)), text=value.noi_dung)


def comparison(key: str, said: str, year: int, previous: int) -> str:
    """A year-over-year change, worked out from two years' data (see `comparison`)."""
    return render("comparison.html", key=code(key), said=said, year=year, previous=previous)


# --------------------------------------------------------------------------
# The document's own parts
# --------------------------------------------------------------------------

def report_name(data: YearData) -> str:
    """"Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024" (plain text)."""
    kind, title = data.report.loai_van_ban, data.report.tieu_de
    return f"{kind.capitalize()} {title[:1].lower()}{title[1:]}"


def document_header(data: YearData) -> str:
    """Number, place and date, kind and title, as at the top of the signed document, and their notes."""
    report = data.report
    day, month, year = signing_parts(report.ngay_ky)
    agency, motto = report.dong_co_quan, report.quoc_hieu
    pairs = [(agency[i:i + 1], motto[i:i + 1]) for i in range(max(len(agency), len(motto)))]
    header = render("header.html", symbol=report.so_hieu.text, place=report.dia_danh, day=day, month=month,
                    year=year, agency=agency, motto=motto, pairs=pairs, layout=report.bo_cuc.dau_van_ban,
                    kind=report.loai_van_ban, title=report.tieu_de)
    notes = [key for key in (report.so_hieu.ghi_chu, report.ngay_ky.ghi_chu) if key]
    return header + "".join(f"\n\n{note(key, data.notes[key])}" for key in notes)


def closing(data: YearData) -> str:
    """"Nơi nhận" and the signature block, laid out side by side as on paper."""
    report = data.report
    signer = report.nguoi_ky
    titles = [signer.quyen_han, *(signer.chuc_vu or "").split("\n")]
    return render("closing.html", recipients=report.noi_nhan, titles=[line for line in titles if line],
                  signed=signer.ghi_ky, signer=signer.ho_ten,
                  signature_first=report.bo_cuc.ket_thuc == "chu_ky_truoc")


def table_of_contents(data: YearData, from_page: str) -> str:
    """The report's numbered sections as a nested Markdown list of links."""
    entries = [{"depth": entry.depth, "label": entry.title,
                "link": code(relative(from_page, f"{data.year}/{entry.slug}.md")) if entry.slug else None}
               for entry in data.toc()]
    return render("toc.md", entries=entries)


def page_heading(data: YearData, entry: TocEntry | None, slug: str) -> str:
    """The browser title of a report page: unique across sections and years (plain text)."""
    if entry is not None:
        return f"{entry.title} – Báo cáo năm {data.year}"
    if slug == "ban-in":
        return f"Bản in toàn văn – Báo cáo năm {data.year}"
    return f"Báo cáo năm {data.year}: {report_name(data)}"


def page_title(entry: TocEntry) -> str:
    """The page's numbered title, from the table of contents (its `# {{ tieu_de() }}`)."""
    return render("title.md", title=entry.title)


def signing_date(data: YearData) -> str:
    """"ngày 09 tháng 01 năm 2024", "tháng 01 năm 2024" where the day is blank (plain text)."""
    day, month, year = signing_parts(data.report.ngay_ky)
    date = f"tháng {month} năm {year}" if month else f"năm {year}"
    return f"ngày {day} {date}" if day and month else date


# --------------------------------------------------------------------------
# Pages of the whole site
# --------------------------------------------------------------------------

def report_list(years: list[YearData], from_page: str) -> str:
    """Home page: every year, newest first, with its key figures."""
    return render("report-list.md", years=[{
        "year": data.year, "name": report_name(data), "agency": data.report.co_quan,
        "link": code(relative(from_page, f"{data.year}/index.md")),
        "figures": [{"meaning": data.figures[card.khoa].y_nghia,
                   "figure": code(figure(card.khoa, data.figures[card.khoa]))}
                  for card in data.presentation.the_so_lieu[:HOME_CARDS]],
    } for data in years])


def glossary_table(glossary: Mapping[str, Term]) -> str:
    """The glossary page: every abbreviation, its long form and explanation, A to Z."""
    return render("glossary.md", terms=[{"spellings": [short, *glossary[short].bien_the],
                                         "long": glossary[short].day_du,
                                         "explanation": glossary[short].giai_thich or ""}
                                        for short in sorted(glossary, key=str.casefold)])


def abbreviations(glossary: Mapping[str, Term]) -> str:
    """Markdown abbreviation definitions, appended to every page (hover/tap explanations)."""
    lines = []
    for short, term in glossary.items():
        explained = term.day_du + (f" ({term.giai_thich})" if term.giai_thich else "")
        lines += [f"*[{spelled}]: {explained}" for spelled in [short, *term.bien_the]]
    return "\n".join(lines)


def history(years: list[YearData], from_page: str) -> str:
    """The change history: publication and update dates, and every erratum, per year."""
    return render("history.md", years=[{
        "year": data.year, "draft": not data.report.published,
        "published": format_day(data.report.ngay_cong_bo, DAY) if data.report.ngay_cong_bo else "",
        "updated": format_day(data.report.ngay_cap_nhat, DAY) if data.report.ngay_cap_nhat else "",
        "errata": [{"date": format_day(erratum.ngay, DAY), "page": erratum.trang, "what": erratum.noi_dung,
                    "old": erratum.gia_tri_cu, "new": erratum.gia_tri_moi, "why": erratum.ly_do,
                    "link": code(relative(from_page, f"{data.year}/{erratum.trang}.md"))}
                   for erratum in data.errata],
    } for data in years])


def source_description(data: YearData) -> str:
    """"tệp Word (DOCX), 41,2 KB; mã kiểm tra SHA-256: 6c62…" for a year's source document."""
    source = data.report.nguon
    kind = FORMATS.get(source.tep_goc.rsplit(".", 1)[-1], source.tep_goc)
    return f"{kind}, {format_number(data.source_size / 1024, 1)} KB; mã kiểm tra SHA-256: {source.sha256}"


def _links(links: dict[str, str]) -> dict[str, object]:
    return {kind: code(link) for kind, link in links.items()}


def downloads(data: YearData, links: dict[str, str]) -> str:
    """Download links for a year's figures and its source document (files written by the build, see open_data)."""
    return render("downloads.html", year=data.year, links=_links(links),
                  original=source_description(data) if "goc" in links else "")


def citation(data: YearData, address: str) -> str:
    """How to cite the report: body, title, number and date, address, access date."""
    report = data.report
    _, month, year = signing_parts(report.ngay_ky)
    when = f"tháng {month}/{year}" if month else year
    where = f" {address}." if address else f" Trang Báo cáo năm {data.year} của trang web này."
    said = (f"{report.co_quan}. {report_name(data)}. Số: {report.so_hieu.text}, {report.dia_danh}, {when}.{where} "
            "Truy cập ngày [ngày/tháng/năm].")
    return render("citation.html", said=said)


def open_data_table(rows: list[tuple[YearData, dict[str, str]]], schema: str, licence: str) -> str:
    """The open-data page's list: every dataset of every year, licence and last update."""
    listed = []
    for data, links in rows:
        updated = data.report.ngay_cap_nhat or data.report.ngay_cong_bo
        listed.append({"year": data.year, "name": report_name(data), "links": _links(links),
                       "original": source_description(data) if "goc" in links else "",
                       "updated": format_day(updated, DAY) if updated else "dự thảo"})
    return render("open-data.html", rows=listed, schema=code(schema), licence=licence)
