"""What the theme shows around a page: year switcher, document banner, notices.

`overrides/main.html` lays these out; this module decides them, as plain
values (text is escaped by the theme's template), so the theme holds no logic
and another theme or generator could show the same things.
"""

from __future__ import annotations

from macros import rendering
from macros.formatting import format_day
from macros.pages import page_slug, page_year
from macros.site_data import Site, TocEntry, YearData


def year_links(years: list[YearData], current: YearData | None, slug: str | None,
               from_url: str) -> list[dict[str, str | bool]]:
    """The year switcher: each year's same section where it exists, else its overview."""
    links = []
    for data in years:
        same = slug if slug and data.entry(slug) is not None else None
        target = f"{data.year}/{same}/" if same else f"{data.year}/"
        links.append({"nam": str(data.year), "url": rendering.relative_url(from_url, target),
                      "hien_tai": current is not None and data.year == current.year,
                      "du_thao": not data.published})
    return links


def banner(data: YearData, entry: TocEntry | None) -> dict[str, str]:
    """The document's identity above each report page: body, name, number, date, section."""
    report = data.report
    return {"co_quan": report.co_quan, "van_ban": rendering.report_name(data),
            "so_hieu": f"Số: {report.so_hieu.text}", "ngay": rendering.signing_date(data),
            "muc": entry.title if entry else "Tổng quan", "nam": str(data.year)}


def errata(data: YearData, slug: str) -> list[dict[str, str]]:
    """Errata that concern one page, for the notice at its top."""
    return [{"ngay": format_day(erratum.ngay, rendering.DAY), "noi_dung": erratum.noi_dung,
             "gia_tri_cu": erratum.gia_tri_cu, "gia_tri_moi": erratum.gia_tri_moi, "ly_do": erratum.ly_do}
            for erratum in data.errata if erratum.trang == slug]


def review_items(data: YearData, slug: str | None) -> list[dict[str, str]]:
    """The open review items a draft page shows in preview: the page's own, or all of them on the overview."""
    return [{"loai": entry.loai, "noi_dung": entry.noi_dung, "de_xuat": entry.de_xuat or "",
             "vi_tri": f"{place.file}, dòng {place.line}"}
            for entry, place in data.review if not entry.xong and (slug is None or entry.trang == slug)]


def page_context(site: Site, shown: list[YearData], path: str, url: str, preview: bool) -> dict[str, object]:
    """Everything `overrides/main.html` shows around the page `path` (docs-relative), built at `url`."""
    year = page_year(path)
    data = site.years.get(year) if year is not None else None
    slug = page_slug(path) if data else None
    context: dict[str, object] = {"cac_nam": year_links(shown, data, slug, url)}
    if data is None or slug is None:
        return context
    entry = data.entry(slug)
    context.update({"tieu_de_trang": rendering.page_heading(data, entry, slug), "bao_cao": banner(data, entry),
                    "du_thao": not data.published, "dinh_chinh": errata(data, slug)})
    group = data.group_of(entry) if entry is not None else None
    if group is not None:
        context["nhom_muc"] = group
    if preview and not data.published:
        context["ra_soat"] = review_items(data, None if slug == "index" else slug)
    latest = site.latest()
    if latest and latest.year > data.year:
        context["moi_hon"] = {"nam": str(latest.year), "ten": rendering.report_name(latest),
                              "url": rendering.relative_url(url, f"{latest.year}/")}
    return context
