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

A figure is looked up in the year of the page's folder (docs/2023/... uses
data/2023/); `nam=2023` names another year. Pages are checked before
rendering (see `pages`), so a lookup here only fails for keys built at render
time; it then raises `MacroError` with a Vietnamese message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from macros import rendering
from macros.comparison import NotComparable, change
from macros.pages import page_year
from macros.site_data import PageEntry, Site, YearData


class MacroError(Exception):
    """A macro was called with something the data does not have."""


@dataclass(frozen=True)
class EditorMacros:
    """Macros bound to the loaded site and to a way of knowing the current page."""

    site: Site
    current_page: Callable[[], str]
    current_url: Callable[[], str]
    preview: bool = False

    def functions(self) -> dict[str, Callable[..., str]]:
        return {"so": self.so, "vb": self.vb, "ghi_chu": self.ghi_chu, "tieu_de": self.tieu_de,
                "dau_van_ban": self.dau_van_ban, "muc_luc": self.muc_luc,
                "ket_thuc_van_ban": self.ket_thuc_van_ban, "danh_sach_bao_cao": self.danh_sach_bao_cao,
                "bang_thuat_ngu": self.bang_thuat_ngu, "so_sanh": self.so_sanh,
                "lich_su_cap_nhat": self.lich_su_cap_nhat}

    def years(self) -> list[YearData]:
        """The years this build shows: published ones, and drafts in preview."""
        return self.site.newest_first(drafts=self.preview)

    def _year(self, nam: int | None) -> YearData:
        year = nam if nam is not None else page_year(self.current_page())
        if year is None:
            raise MacroError(f"Trang {self.current_page()} không thuộc năm nào: ghi rõ nam=...")
        if year not in self.site.years:
            raise MacroError(f"Không có dữ liệu năm {year} (data/{year}/).")
        return self.site.years[year]

    def _entry(self, data: YearData) -> PageEntry | None:
        slug = self.current_page().split("/", 1)[-1].removesuffix(".md")
        return next((entry for entry in data.pages() if entry.slug == slug), None)

    def so(self, khoa: str, nam: int | None = None) -> str:
        data = self._year(nam)
        if khoa not in data.figures:
            raise MacroError(f'Không có số liệu "{khoa}" trong data/{data.year}/so-lieu.yml.')
        return rendering.figure(khoa, data.figures[khoa])

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
            raise MacroError(f"Trang {self.current_page()} không có trong mục lục năm {data.year}.")
        return rendering.page_title(entry)

    def dau_van_ban(self) -> str:
        return rendering.document_header(self._year(None))

    def muc_luc(self) -> str:
        return rendering.table_of_contents(self._year(None), self.current_page())

    def ket_thuc_van_ban(self) -> str:
        return rendering.closing(self._year(None))

    def danh_sach_bao_cao(self) -> str:
        return rendering.report_list(self.years(), self.current_page())

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
        return rendering.history(self.years(), self.current_page())

    def bang_thuat_ngu(self) -> str:
        return rendering.glossary_table(self.site.glossary)

    def page_context(self) -> dict[str, object]:
        """What the theme shows around the current page (see overrides/main.html)."""
        year = page_year(self.current_page())
        data = self.site.years.get(year) if year is not None else None
        entry = self._entry(data) if data else None
        slug = (entry.slug if entry else "index") if data else None
        context: dict[str, object] = {
            "cac_nam": rendering.year_links(self.years(), data, slug, self.current_url())}
        if data is None:
            return context
        latest = self.site.latest()
        context["bao_cao"] = rendering.banner(data, entry)
        context["du_thao"] = not data.published
        context["dinh_chinh"] = rendering.errata_for_page(data, slug)
        if latest and latest.year > data.year:
            context["moi_hon"] = {"nam": str(latest.year), "ten": rendering.report_name(latest),
                                  "url": rendering.relative_url(self.current_url(), f"{latest.year}/")}
        return context
