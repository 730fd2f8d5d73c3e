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

This module is the registry: each macro finds what it names (see `lookup`,
the same code that checks pages before rendering) and hands it to
`rendering`, `presentation` or `print_view`. A figure is looked up in the
year of the page's folder (docs/2023/... uses data/2023/); `nam=2023` names
another year. What a macro needs to know about the page being rendered is in
one explicit `PageState`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from macros import lookup, open_data, presentation, print_view, rendering
from macros.pages import MACROS, PageUse, first_pages, page_slug, page_year
from macros.site_data import Site, YearData


MACRO_NAMES = tuple(MACROS)


@dataclass
class PageState:
    """The page being rendered: its source (docs-relative), its address, the figures it has anchored.

    A figure's first mention on a page carries its anchor; the print view
    renders other pages' text as those pages (their year and slug), into
    this page's address and anchors.
    """

    path: str
    url: str
    anchored: set[tuple[int, str]] = field(default_factory=set)

    def anchor(self, year: int, key: str) -> bool:
        """True the first time a figure is shown on this page."""
        first = (year, key) not in self.anchored
        self.anchored.add((year, key))
        return first

    def rendered_as(self, path: str) -> PageState:
        return PageState(path, self.url, self.anchored)


@dataclass(frozen=True)
class BuildContext:
    """What the macros need from the build: pages' folder, addresses, licence, a way to render Markdown."""

    docs_dir: Path
    site_url: str = ""
    licence: str = ""
    render: Callable[[str], str] = str
    uses: tuple[PageUse, ...] = ()


@dataclass
class EditorMacros:
    """The editors' macros, bound to the loaded site, the build and the page being rendered."""

    site: Site
    preview: bool = False
    build: BuildContext = field(default_factory=lambda: BuildContext(Path("docs")))
    page: PageState = field(default_factory=lambda: PageState("index.md", ""))

    def functions(self) -> dict[str, Callable[..., str]]:
        """Each macro by the name editors write (the method of the same name)."""
        return {name: getattr(self, name) for name in MACRO_NAMES}

    def years(self) -> list[YearData]:
        """The years this build shows: published ones, and drafts in preview."""
        return self.site.newest_first(drafts=self.preview)

    def _year(self, macro: str, nam: object = None) -> YearData:
        return lookup.year(self.site, nam, page_year(self.page.path), macro)

    # Keyed macros --------------------------------------------------------

    def so(self, khoa: str, nam: int | None = None) -> str:
        data = self._year("so", nam)
        figure = lookup.keyed(self.site, data, "so", khoa)
        return rendering.figure(khoa, figure, anchored=self.page.anchor(data.year, khoa))

    def vb(self, khoa: str, phan: str = "so_hieu", nam: int | None = None) -> str:
        data = self._year("vb", nam)
        return rendering.document(khoa, lookup.keyed(self.site, data, "vb", khoa, phan), phan)

    def ghi_chu(self, khoa: str, nam: int | None = None) -> str:
        data = self._year("ghi_chu", nam)
        return rendering.note(khoa, lookup.keyed(self.site, data, "ghi_chu", khoa))

    def so_sanh(self, khoa: str, nam: int | None = None) -> str:
        data = self._year("so_sanh", nam)
        previous, said = lookup.comparison(self.site, data, khoa)
        return rendering.comparison(khoa, said, data.year, previous.year)

    # The document's parts ------------------------------------------------

    def tieu_de(self) -> str:
        data = self._year("tieu_de")
        return rendering.page_title(lookup.entry(data, page_slug(self.page.path)))

    def dau_van_ban(self) -> str:
        return rendering.document_header(self._year("dau_van_ban"))

    def muc_luc(self) -> str:
        return rendering.table_of_contents(self._year("muc_luc"), self.page.path)

    def ket_thuc_van_ban(self) -> str:
        return rendering.closing(self._year("ket_thuc_van_ban"))

    def toan_van(self) -> str:
        data = self._year("toan_van")
        outer = self.page
        rendered = []
        for slug, part in print_view.parts(data, self.build.docs_dir):
            self.page = outer.rendered_as(f"{data.year}/{slug}.md")
            try:
                rendered.append(self.build.render(part))
            finally:
                self.page = outer
        rendered.append(f"## Biểu đồ {print_view.NEW_SHEET}\n\n" + presentation.all_charts(data, outer.path))
        return "\n\n".join(rendered)

    # A year's overview ---------------------------------------------------

    def the_so_lieu(self) -> str:
        data = self._year("the_so_lieu")
        previous = self.site.years.get(data.year - 1)
        if previous is not None and not (previous.published or self.preview):
            previous = None
        return presentation.cards(data, previous, first_pages(data, list(self.build.uses)), self.page.path)

    def bieu_do_nam(self) -> str:
        return presentation.all_charts(self._year("bieu_do_nam"), self.page.path)

    def _downloads(self, data: YearData) -> dict[str, str]:
        """Links from the current page to a year's data files, its source document and their schema."""
        links = {**open_data.files(data), "schema": open_data.SCHEMA}
        return {kind: rendering.relative_url(self.page.url, path) for kind, path in links.items()}

    def tai_du_lieu(self) -> str:
        data = self._year("tai_du_lieu")
        return rendering.downloads(data, self._downloads(data))

    def trich_dan(self) -> str:
        data = self._year("trich_dan")
        address = (self.build.site_url.rstrip("/") + f"/{data.year}/") if self.build.site_url else ""
        return rendering.citation(data, address)

    # Pages of the whole site ---------------------------------------------

    def danh_sach_bao_cao(self) -> str:
        return rendering.report_list(self.years(), self.page.path)

    def lich_su_cap_nhat(self) -> str:
        return rendering.history(self.years(), self.page.path)

    def bang_thuat_ngu(self) -> str:
        return rendering.glossary_table(self.site.glossary)

    def danh_sach_du_lieu(self) -> str:
        rows = [(data, self._downloads(data)) for data in self.years()]
        schema = rendering.relative_url(self.page.url, open_data.SCHEMA)
        return rendering.open_data_table(rows, schema, self.build.licence)
