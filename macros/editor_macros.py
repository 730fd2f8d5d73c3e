"""The macros editors write in pages: short Vietnamese names, one job each.

    {{ so("thu_ngan_sach.tong") }}        a figure, as the report writes it
    {{ vb("kl-92-tu") }}                  a cited document's number
    {{ vb("kl-92-tu", "ngay") }}          its date
    {{ ghi_chu("so-hieu-de-trong") }}     an editorial note block
    {{ tieu_de() }}                       this page's numbered section title
    {{ dau_van_ban() }}                   number, date and title of the report
    {{ muc_luc() }}                       the report's table of contents
    {{ ket_thuc_van_ban() }}              "Nơi nhận" and the signature block
    {{ danh_sach_bao_cao() }}             every year with its key figures (home page)
    {{ bang_thuat_ngu() }}                the abbreviations table (glossary page)
    {{ so_sanh("thu_ngan_sach.tong") }}   change of a figure since the previous year
    {{ lich_su_cap_nhat() }}              publication dates and errata of every year
    {{ the_so_lieu() }}                   key-figure cards (year overview; chosen in trinh-bay.yml)
    {{ bieu_do_nam() }}                   the year's charts with their data tables
    {{ tai_du_lieu() }}                   download links of the year's figures (CSV, JSON)
    {{ trich_dan() }}                     how to cite the report
    {{ danh_sach_du_lieu() }}             every dataset of every year (open data page)
    {{ toan_van() }}                      the whole report as one page (print view)

A figure is looked up in the year of the page's folder (docs/2023/... uses
data/2023/); `nam=2023` names another year. Pages are checked before
rendering (see `pages`), so a lookup here only fails for keys built at render
time; it then raises `MacroError` with a Vietnamese message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from macros import open_data, presentation, rendering
from macros.comparison import NotComparable, change
from macros.pages import PageUse, first_pages, page_slug, page_year
from macros.site_data import PageEntry, Site, YearData


@dataclass(frozen=True)
class BuildContext:
    """What the macros need from the build: addresses, licence, the pages' sources."""

    docs_dir: Path
    site_url: str = ""
    licence: str = ""
    render: Callable[[str], str] = str
    uses: tuple[PageUse, ...] = ()


class MacroError(Exception):
    """A macro was called with something the data does not have."""


@dataclass(frozen=True)
class EditorMacros:
    """Macros bound to the loaded site and to a way of knowing the current page."""

    site: Site
    current_page: Callable[[], str]
    current_url: Callable[[], str]
    preview: bool = False
    build: BuildContext = field(default_factory=lambda: BuildContext(Path("docs")))
    # Per page being rendered: figures already anchored, and the page rendered "as" (print view).
    _anchored: set[str] = field(default_factory=set, repr=False)
    _as_page: list[str] = field(default_factory=list, repr=False)

    def start_page(self) -> None:
        """Called before each page: its first mention of each figure gets the anchor."""
        self._anchored.clear()

    def page(self) -> str:
        return self._as_page[-1] if self._as_page else self.current_page()

    def functions(self) -> dict[str, Callable[..., str]]:
        return {"so": self.so, "vb": self.vb, "ghi_chu": self.ghi_chu, "tieu_de": self.tieu_de,
                "dau_van_ban": self.dau_van_ban, "muc_luc": self.muc_luc,
                "ket_thuc_van_ban": self.ket_thuc_van_ban, "danh_sach_bao_cao": self.danh_sach_bao_cao,
                "bang_thuat_ngu": self.bang_thuat_ngu, "so_sanh": self.so_sanh,
                "lich_su_cap_nhat": self.lich_su_cap_nhat, "the_so_lieu": self.the_so_lieu,
                "bieu_do_nam": self.bieu_do_nam, "tai_du_lieu": self.tai_du_lieu, "trich_dan": self.trich_dan,
                "danh_sach_du_lieu": self.danh_sach_du_lieu, "toan_van": self.toan_van}

    def years(self) -> list[YearData]:
        """The years this build shows: published ones, and drafts in preview."""
        return self.site.newest_first(drafts=self.preview)

    def _year(self, nam: int | None) -> YearData:
        year = nam if nam is not None else page_year(self.page())
        if year is None:
            raise MacroError(f"Trang {self.page()} không thuộc năm nào: ghi rõ nam=...")
        if year not in self.site.years:
            raise MacroError(f"Không có dữ liệu năm {year} (data/{year}/).")
        return self.site.years[year]

    def _entry(self, data: YearData) -> PageEntry | None:
        slug = page_slug(self.page())
        return next((entry for entry in data.pages() if entry.slug == slug), None)

    def so(self, khoa: str, nam: int | None = None) -> str:
        data = self._year(nam)
        if khoa not in data.figures:
            raise MacroError(f'Không có số liệu "{khoa}" trong data/{data.year}/so-lieu.yml.')
        anchored = f"{data.year}:{khoa}" not in self._anchored
        self._anchored.add(f"{data.year}:{khoa}")
        return rendering.figure(khoa, data.figures[khoa], anchored)

    def vb(self, khoa: str, phan: str = "so_hieu", nam: int | None = None) -> str:
        data = self._year(nam)
        if khoa not in data.documents:
            raise MacroError(f'Không có văn bản "{khoa}" trong data/{data.year}/van-ban.yml.')
        if phan not in ("so_hieu", "ngay") or (phan == "ngay" and data.documents[khoa].ngay is None):
            raise MacroError(f'Văn bản "{khoa}" không có phần "{phan}".')
        return rendering.document(khoa, data.documents[khoa], phan)

    def ghi_chu(self, khoa: str, nam: int | None = None) -> str:
        data = self._year(nam)
        if khoa not in data.notes:
            raise MacroError(f'Không có ghi chú biên tập "{khoa}" trong data/{data.year}/ghi-chu.yml.')
        return rendering.note(khoa, data.notes[khoa])

    def tieu_de(self) -> str:
        data = self._year(None)
        entry = self._entry(data)
        if entry is None:
            raise MacroError(f"Trang {self.page()} không có trong mục lục năm {data.year}.")
        return rendering.page_title(entry)

    def dau_van_ban(self) -> str:
        return rendering.document_header(self._year(None))

    def muc_luc(self) -> str:
        return rendering.table_of_contents(self._year(None), self.page())

    def ket_thuc_van_ban(self) -> str:
        return rendering.closing(self._year(None))

    def danh_sach_bao_cao(self) -> str:
        return rendering.report_list(self.years(), self.page())

    def so_sanh(self, khoa: str, nam: int | None = None) -> str:
        data = self._year(nam)
        previous = self.site.years.get(data.year - 1)
        if previous is None or khoa not in previous.figures or khoa not in data.figures:
            raise MacroError(f'Không so sánh được "{khoa}": năm {data.year - 1} không có số liệu này.')
        try:
            said = change(data.figures[khoa], previous.figures[khoa], previous.year)
        except NotComparable:
            raise MacroError(f'Không so sánh được "{khoa}": không phải số, hoặc một năm chưa có giá trị.') from None
        return (f'<span class="so-sanh" data-khoa="{rendering.attribute(khoa)}" '
                f'title="Tính từ số liệu năm {data.year} và năm {previous.year}">{rendering.text(said)}</span>')

    def lich_su_cap_nhat(self) -> str:
        return rendering.history(self.years(), self.page())

    def bang_thuat_ngu(self) -> str:
        return rendering.glossary_table(self.site.glossary)

    def the_so_lieu(self) -> str:
        data = self._year(None)
        previous = self.site.years.get(data.year - 1)
        if previous is not None and not (previous.published or self.preview):
            previous = None
        return presentation.cards(data, previous, first_pages(data, list(self.build.uses)), self.page())

    def bieu_do_nam(self) -> str:
        return presentation.all_charts(self._year(None), self.page())

    def _downloads(self, data: YearData) -> dict[str, str]:
        """Links from the current page to a year's data files, its source document and their schema."""
        links = {**open_data.files(data), "schema": open_data.SCHEMA}
        return {kind: rendering.relative_url(self.current_url(), path) for kind, path in links.items()}

    def tai_du_lieu(self) -> str:
        data = self._year(None)
        links = self._downloads(data)
        return rendering.downloads(data, links, links["schema"])

    def trich_dan(self) -> str:
        data = self._year(None)
        address = (self.build.site_url.rstrip("/") + f"/{data.year}/") if self.build.site_url else ""
        return rendering.citation(data, address)

    def danh_sach_du_lieu(self) -> str:
        rows = [(data, self._downloads(data)) for data in self.years()]
        schema = rendering.relative_url(self.current_url(), open_data.SCHEMA)
        return rendering.open_data_table(rows, schema, self.build.licence)

    def toan_van(self) -> str:
        """The whole report on one page: header, opening, every section in order, charts."""
        data = self._year(None)
        folder = self.build.docs_dir / str(data.year)
        parts = [("index", "{{ dau_van_ban() }}"), ("index", opening(folder / "index.md"))]
        for entry in data.pages():
            group = data.group_of(entry)
            if group is not None:  # "I. KẾT QUẢ THỰC HIỆN" above its first numbered section
                parts.append((entry.slug, f"## {rendering.text(group)} {{ .muc-chinh }}"))
            page = (folder / f"{entry.slug}.md").read_text(encoding="utf-8")
            parts.append((entry.slug, demote(page, levels=2 if entry.parent else 1, new_sheet=entry.parent is None)))
        rendered = []
        for slug, part in parts:
            self._as_page.append(f"{data.year}/{slug}.md")
            try:
                rendered.append(self.build.render(part))
            finally:
                self._as_page.pop()
        rendered.append("## Biểu đồ { .muc-chinh }\n\n" + presentation.all_charts(data, self.page()))
        return "\n\n".join(rendered)

    def page_context(self) -> dict[str, object]:
        """What the theme shows around the current page (see overrides/main.html)."""
        year = page_year(self.page())
        data = self.site.years.get(year) if year is not None else None
        entry = self._entry(data) if data else None
        slug = page_slug(self.page()) if data else None
        context: dict[str, object] = {
            "cac_nam": rendering.year_links(self.years(), data, slug, self.current_url())}
        if data is None:
            return context
        latest = self.site.latest()
        context["tieu_de_trang"] = rendering.page_heading(data, entry, slug)
        context["bao_cao"] = rendering.banner(data, entry)
        if entry is not None and data.group_of(entry) is not None:
            context["nhom_muc"] = data.group_of(entry)
        if self.preview and not data.published:
            context["ra_soat"] = rendering.review_items(data, None if slug == "index" else slug)
        context["du_thao"] = not data.published
        context["dinh_chinh"] = rendering.errata_for_page(data, slug)
        if latest and latest.year > data.year:
            context["moi_hon"] = {"nam": str(latest.year), "ten": rendering.report_name(latest),
                                  "url": rendering.relative_url(self.current_url(), f"{latest.year}/")}
        return context


def opening(overview: Path) -> str:
    """The report's opening paragraphs, kept under "## Mở đầu" on the year's overview page."""
    source = overview.read_text(encoding="utf-8")
    found = re.search(r"^## Mở đầu[^\n]*\n(.*?)(?=^## |\Z)", source, re.S | re.M)
    return found.group(1).strip() if found else ""


def demote(page: str, levels: int = 1, new_sheet: bool = True) -> str:
    """A section page inside the print view: headings `levels` deeper; a main section starts a new sheet."""
    page = re.sub(r"^(#{1,4}) ", lambda match: "#" * levels + match.group(1) + " ", page, flags=re.M)
    if not new_sheet:
        return page
    return re.sub(r"^## (.*)$", r"## \1 { .muc-chinh }", page, count=1, flags=re.M)
