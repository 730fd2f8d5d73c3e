"""The HTML and Markdown that figures, notes and document parts become on a page.

Every string from data goes through `macros.escaping` on its way in.
"""

from __future__ import annotations

import html
import posixpath
from typing import Mapping

from macros.escaping import attribute, text
from macros.formatting import displayed, format_day, format_number
from macros.models import Document, FigureBase, Note, Term
from macros.site_data import PageEntry, YearData


def note_anchor(key: str) -> str:
    return f"ghi-chu-{key}"


def note_marker(key: str) -> str:
    """A visible link from a figure to the editorial note about it."""
    return (f'<sup class="ghi-chu-dau"><a href="#{attribute(note_anchor(key))}" '
            f'title="Xem ghi chú biên tập">{text("[ghi chú]")}</a></sup>')


def figure_anchor(key: str) -> str:
    """The stable anchor of a figure's first mention on a page: "so-lieu-thu_ngan_sach-tong"."""
    return "so-lieu-" + key.replace(".", "-")


def figure(key: str, value: FigureBase, anchored: bool = False) -> str:
    """A figure in running text: as the report writes it, with its meaning on hover or tap.

    The first mention of a figure on a page carries its stable anchor, so that
    key-figure cards and citations can link to the sentence that states it.
    """
    unit = f"; đơn vị: {value.unit}" if value.unit else ""
    title = f"{value.y_nghia} (mục {value.muc}{unit})"
    kind = "so-lieu so-lieu--thieu" if value.missing() else "so-lieu"
    anchor = f' id="{attribute(figure_anchor(key))}"' if anchored else ""
    shown = (f'<span class="{kind}"{anchor} data-khoa="{attribute(key)}" title="{attribute(title)}">'
             f"{text(displayed(value))}</span>")
    return shown + (note_marker(value.ghi_chu) if value.ghi_chu else "")


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
    return (f'<span class="van-ban" data-khoa="{attribute(key)}" '
            f'title="{attribute(document_title(value))}">{text(shown)}</span>')


def note(key: str, value: Note) -> str:
    """An editorial note, placed by the editor after the passage it explains.

    Built from spans (shown as blocks by CSS) so that it is valid HTML both on
    its own line and inside an indented list item, where Markdown wraps it in
    a paragraph.
    """
    return (f'<span class="admonition note ghi-chu-bien-tap" role="note" '
            f'id="{attribute(note_anchor(key))}">'
            f'<span class="admonition-title">Ghi chú biên tập</span>'
            f'<span class="ghi-chu-bien-tap__noi-dung">{text(value.noi_dung)}</span></span>')


def document_header(data: YearData) -> str:
    """Number, place and date, type and title, as at the top of the signed document."""
    report = data.report
    signed = report.ngay_ky

    def blank_or(value: int | None) -> str:
        if value is None:
            return '<span class="de-trong" title="Bản gốc để trống">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
        return format_number(value, min_digits=2)

    notes = [key for key in (report.so_hieu.ghi_chu, signed.ghi_chu) if key]
    number_line = f'<p class="so-hieu">Số: {text(report.so_hieu.text)}</p>'
    date_line = (f'<p class="dia-danh-ngay"><em>{text(report.dia_danh)}, ngày {blank_or(signed.ngay)} '
                 f'tháng {blank_or(signed.thang)} năm {format_number(signed.nam, grouping=False)}</em></p>')
    top = [number_line, date_line]
    if report.dong_co_quan or report.quoc_hieu:
        # As on paper, two columns: the agency over the number, the national motto over the place and date;
        # the cells follow each other in the order the document reads (see Layout).
        def lines(values: list[str], kind: str) -> str:
            return f'<p class="{kind}"><strong>{"<br>".join(text(line) for line in values)}</strong></p>'
        agency, motto = report.dong_co_quan, report.quoc_hieu
        match report.bo_cuc.dau_van_ban:
            case "cot":
                cells = [lines(agency, "co-quan") + number_line, lines(motto, "quoc-hieu") + date_line]
            case "hang":
                cells = [lines(agency, "co-quan"), lines(motto, "quoc-hieu"), number_line, date_line]
            case _:
                pairs = [(agency[i:i + 1], motto[i:i + 1]) for i in range(max(len(agency), len(motto)))]
                cells = [cell for left, right in pairs for cell in (lines(left, "co-quan"), lines(right, "quoc-hieu"))]
                cells += [number_line, date_line]
        top = ['<div class="dau-van-ban__luoi">', *(f"<div>{cell}</div>" for cell in cells), "</div>"]
    lines = [
        '<div class="dau-van-ban">', *top,
        f'<h1 class="ten-van-ban"><span class="loai-van-ban">{text(report.loai_van_ban)}</span> '
        f'<span class="trich-yeu">{text(report.tieu_de)}</span></h1>',
        "</div>",
    ]
    return "".join(lines) + "".join(f"\n\n{note(key, data.notes[key])}" for key in notes)


def relative(from_page: str, to_page: str) -> str:
    """Markdown link target from one docs-relative .md path to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def table_of_contents(data: YearData, from_page: str) -> str:
    """The report's numbered sections as a nested Markdown list of links."""
    lines: list[str] = []
    for top in data.report.muc_luc:
        label = text(f"{top.so_muc}. {top.tieu_de}")
        if top.trang:
            lines.append(f"- [{label}]({relative(from_page, f'{data.year}/{top.trang}.md')})")
        else:
            lines.append(f"- {label}")
        for child in top.muc_con:
            target = relative(from_page, f"{data.year}/{child.trang}.md")
            lines.append(f"    - [{text(f'{child.so_muc}. {child.tieu_de}')}]({target})")
    return "\n".join(lines)


def page_heading(data: YearData, entry: PageEntry | None, slug: str) -> str:
    """The browser title of a report page: unique across sections and years (plain text)."""
    if entry is not None:
        return f"{entry.title} – Báo cáo năm {data.year}"
    if slug == "ban-in":
        return f"Bản in toàn văn – Báo cáo năm {data.year}"
    return f"Báo cáo năm {data.year}: {report_name(data)}"


def page_title(entry: PageEntry) -> str:
    return text(entry.title)


def closing(data: YearData) -> str:
    """"Nơi nhận" and the signature block, laid out side by side as on paper."""
    report = data.report
    recipients = "".join(f"<li>{text(item)}</li>" for item in report.noi_nhan)
    signer = report.nguoi_ky
    titles = "<br>".join(text(line) for line in [signer.quyen_han, *(signer.chuc_vu or "").split("\n")] if line)
    signed = f'<p class="ghi-ky"><em>{text(signer.ghi_ky)}</em></p>' if signer.ghi_ky else ""
    parts = [f'<div class="noi-nhan"><p><strong><em>Nơi nhận:</em></strong></p><ul>{recipients}</ul></div>',
             f'<div class="chu-ky"><p><strong>{titles}</strong></p>{signed}'
             f'<p class="ho-ten"><strong>{text(signer.ho_ten)}</strong></p></div>']
    if report.bo_cuc.ket_thuc == "chu_ky_truoc":
        parts.reverse()
    return '<div class="ket-thuc-van-ban">' + "".join(parts) + "</div>"


def report_name(data: YearData) -> str:
    """"Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024"."""
    kind, title = data.report.loai_van_ban, data.report.tieu_de
    return f"{kind.capitalize()} {title[:1].lower()}{title[1:]}"


HOME_CARDS = 4


def report_list(years: list[YearData], from_page: str) -> str:
    """Home page: every year, newest first, with its key figures."""
    blocks: list[str] = []
    for data in years:
        link = relative(from_page, f"{data.year}/index.md")
        heading = text(f"Năm {data.year}: {report_name(data)}")
        items = [f"- {text(data.figures[card.khoa].y_nghia)}: **{figure(card.khoa, data.figures[card.khoa])}**"
                 for card in data.presentation.the_so_lieu[:HOME_CARDS]]
        blocks.append("\n".join([f"### [{heading}]({link})", "",
                                 text(data.report.co_quan), "", *items]))
    return "\n\n".join(blocks)


def banner(data: YearData, entry: PageEntry | None) -> dict[str, str]:
    """Plain-text document metadata that the theme shows above each report page."""
    report = data.report
    signed = report.ngay_ky
    date = (f"tháng {format_number(signed.thang, min_digits=2)} năm {signed.nam}"
            if signed.thang else f"năm {signed.nam}")
    if signed.ngay and signed.thang:
        date = f"ngày {format_number(signed.ngay, min_digits=2)} {date}"
    return {
        "co_quan": report.co_quan,
        "van_ban": report_name(data),
        "so_hieu": f"Số: {report.so_hieu.text}",
        "ngay": date,
        "muc": entry.title if entry else "Tổng quan",
        "nam": str(data.year),
    }


def glossary_table(glossary: Mapping[str, Term]) -> str:
    """The glossary page: every abbreviation, its long form and explanation, A to Z."""
    rows = ["| Viết tắt | Viết đầy đủ | Giải thích |", "| --- | --- | --- |"]
    for short in sorted(glossary, key=lambda key: key.casefold()):
        term = glossary[short]
        spelled = ", ".join(text(value) for value in [short, *term.bien_the])
        rows.append(f"| {spelled} | {text(term.day_du)} | {text(term.giai_thich or '')} |")
    return "\n".join(rows)


def abbreviations(glossary: Mapping[str, Term]) -> str:
    """Markdown abbreviation definitions, appended to every page (hover/tap explanations)."""
    lines = []
    for short, term in glossary.items():
        explained = term.day_du + (f" ({term.giai_thich})" if term.giai_thich else "")
        for spelled in [short, *term.bien_the]:
            lines.append(f"*[{spelled}]: {explained}")
    return "\n".join(lines)


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one built page address to another ("2023/a/" -> "2024/a/" is "../../2024/a/")."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath(to_url or ".", base or ".")
    return target + "/" if to_url.endswith("/") and not target.endswith("/") else target


def year_links(years: list[YearData], current: YearData | None, slug: str | None,
               from_url: str) -> list[dict[str, str | bool]]:
    """The year switcher: each year's same section where it exists, else its overview."""
    links = []
    for data in years:
        same = slug if slug and slug in {entry.slug for entry in data.pages()} else None
        target = f"{data.year}/{same}/" if same else f"{data.year}/"
        links.append({"nam": str(data.year), "url": relative_url(from_url, target),
                      "hien_tai": current is not None and data.year == current.year,
                      "du_thao": not data.published})
    return links


def history(years: list[YearData], from_page: str) -> str:
    """The change history: publication and update dates, and every erratum, per year."""
    blocks = []
    for data in years:
        report = data.report
        lines = [f"## Năm {data.year}", ""]
        if report.ngay_cong_bo:
            lines.append(f"- Công bố trên trang này: {format_day(report.ngay_cong_bo, 'dd/MM/yyyy')}")
        if report.ngay_cap_nhat:
            lines.append(f"- Cập nhật lần cuối: {format_day(report.ngay_cap_nhat, 'dd/MM/yyyy')}")
        if not report.published:
            lines.append("- Dự thảo, chưa công bố")
        lines.append("")
        if not data.errata:
            lines.append("Chưa có đính chính.")
        for erratum in data.errata:
            target = relative(from_page, f"{data.year}/{erratum.trang}.md")
            lines += [f"### Đính chính ngày {format_day(erratum.ngay, 'dd/MM/yyyy')}", "",
                      f"- Trang: [{text(erratum.trang)}]({target})", f"- Nội dung: {text(erratum.noi_dung)}",
                      f"- Giá trị cũ: {text(erratum.gia_tri_cu)}", f"- Giá trị mới: {text(erratum.gia_tri_moi)}",
                      f"- Lý do: {text(erratum.ly_do)}", ""]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def errata_for_page(data: YearData, slug: str) -> list[dict[str, str]]:
    """Errata that concern one page, as plain text for the theme's notice."""
    return [{"ngay": format_day(e.ngay, "dd/MM/yyyy"), "noi_dung": e.noi_dung, "gia_tri_cu": e.gia_tri_cu,
             "gia_tri_moi": e.gia_tri_moi, "ly_do": e.ly_do} for e in data.errata if e.trang == slug]


def latest_redirect(data: YearData, site_name: str) -> str:
    """The /moi-nhat/ page: a static redirect to the newest published report, with a plain link."""
    target = f"../{data.year}/"
    name = html.escape(report_name(data))
    return (f'<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Báo cáo mới nhất - {html.escape(site_name)}</title>\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n<link rel="canonical" href="{target}">\n'
            f'<meta name="robots" content="noindex">\n</head>\n<body>\n'
            f'<p>Báo cáo mới nhất: <a href="{target}">{name}</a>.</p>\n</body>\n</html>\n')


FORMATS = {"docx": "tệp Word (DOCX)", "txt": "tệp văn bản (TXT)", "md": "tệp văn bản (Markdown)"}


def source_description(data: YearData) -> str:
    """"Word (DOCX), 41,2 KB; SHA-256: 6c62…" for a year's source document."""
    source = data.report.nguon
    kind = FORMATS.get(source.tep_goc.rsplit(".", 1)[-1], source.tep_goc)
    return f"{kind}, {format_number(data.source_size / 1024, 1)} KB; mã kiểm tra SHA-256: {source.sha256}"


def downloads(data: YearData, links: dict[str, str], schema: str) -> str:
    """Download links for a year's figures and its source document (files written by the build, see open_data)."""
    original = ""
    if "goc" in links:
        original = (f'<li><a href="{attribute(links["goc"])}" download>Văn bản gốc năm {data.year}</a> '
                    f'({text(source_description(data))})</li>')
    return (f'<ul class="tai-du-lieu">'
            f'<li><a href="{attribute(links["csv"])}" download>Số liệu năm {data.year}, tệp CSV</a> '
            f'(mở được bằng Excel)</li>'
            f'<li><a href="{attribute(links["json"])}" download>Số liệu năm {data.year}, tệp JSON</a> '
            f'(theo <a href="{attribute(schema)}">lược đồ JSON Schema</a>)</li>{original}</ul>')


def citation(data: YearData, address: str) -> str:
    """How to cite the report: body, title, number and date, address, access date."""
    report = data.report
    signed = report.ngay_ky
    when = f"tháng {format_number(signed.thang, min_digits=2)}/{signed.nam}" if signed.thang else str(signed.nam)
    where = f" {address}." if address else f" Trang Báo cáo năm {data.year} của trang web này."
    said = (f"{report.co_quan}. {report_name(data)}. Số: {report.so_hieu.text}, {report.dia_danh}, {when}.{where} "
            "Truy cập ngày [ngày/tháng/năm].")
    return f'<blockquote class="trich-dan"><p>{text(said)}</p></blockquote>'


def open_data_table(rows: list[tuple[YearData, dict[str, str]]], schema: str, licence: str) -> str:
    """The open-data page's list: every dataset of every year, licence and last update."""
    body = []
    for data, links in rows:
        updated = data.report.ngay_cap_nhat or data.report.ngay_cong_bo
        original = (f'<a href="{attribute(links["goc"])}" download>Văn bản gốc</a> '
                    f'<small>({text(source_description(data))})</small>') if "goc" in links else ""
        body.append(f"<tr><td>{data.year}</td><td>{text(report_name(data))}</td>"
                    f'<td><a href="{attribute(links["csv"])}" download>CSV</a>, '
                    f'<a href="{attribute(links["json"])}" download>JSON</a></td>'
                    f"<td>{original}</td>"
                    f"<td>{format_day(updated, 'dd/MM/yyyy') if updated else 'dự thảo'}</td>"
                    f"<td>{text(licence)}</td></tr>")
    return ('<table class="du-lieu-mo"><thead><tr><th scope="col">Năm</th><th scope="col">Báo cáo</th>'
            '<th scope="col">Số liệu</th><th scope="col">Văn bản gốc</th><th scope="col">Cập nhật</th>'
            '<th scope="col">Giấy phép</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>\n\n"
            f'<p>Cấu trúc tệp JSON: <a href="{attribute(schema)}">so-lieu.schema.json</a> (JSON Schema). '
            "Tệp CSV có cùng các cột, mã hóa UTF-8 có BOM để Excel hiển thị đúng tiếng Việt.</p>")


def review_items(data: YearData, slug: str | None) -> list[dict[str, str]]:
    """The open review items a draft page shows in preview: the page's own, or all of them on the overview."""
    return [{"loai": entry.loai, "noi_dung": entry.noi_dung, "de_xuat": entry.de_xuat or "",
             "vi_tri": f"{place.file}, dòng {place.line}"}
            for entry, place in data.review if not entry.xong and (slug is None or entry.trang == slug)]
