"""Finding what an editor's macro call names: its year, a figure, a document, a note, a page.

The same question is asked twice: before rendering, when `pages` reads every
macro call of every page and reports what is missing as a located
`EditorError`, and while rendering, when a macro is given a key the check
could not see (the print view renders other pages' text). Both ask here, so
an editor reads the same Vietnamese message either way.
"""

from __future__ import annotations

from typing import Any

from macros.comparison import NotComparable, change
from macros.errors import did_you_mean
from macros.site_data import DOCUMENTS_FILE, FIGURES_FILE, NOTES_FILE, REPORT_FILE, Site, TocEntry, YearData

# What each keyed macro's first argument names: the YearData attribute, its file, what editors call it.
KEYED_MACROS = {"so": ("figures", FIGURES_FILE, "số liệu"),
                "so_sanh": ("figures", FIGURES_FILE, "số liệu"),
                "vb": ("documents", DOCUMENTS_FILE, "văn bản"),
                "ghi_chu": ("notes", NOTES_FILE, "ghi chú biên tập")}
DOCUMENT_PARTS = ("so_hieu", "ngay")


class Missing(Exception):
    """What a macro call names is not in the data: the problem and how to fix it, in Vietnamese."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.problem} Cách sửa: {self.fix}"


def year(site: Site, named: object, page_year: int | None, macro: str) -> YearData:
    """The year a call of `macro` is about: `nam=…` when given, else the year of the page's folder."""
    if named is None:
        if page_year is None:
            raise Missing(f"{macro}(...) chỉ dùng được trong trang của một năm báo cáo (docs/<năm>/).",
                          'Chuyển trang vào thư mục năm, hoặc ghi rõ năm: so("nhom.ten", nam=2023).')
        named = page_year
    if not isinstance(named, int) or isinstance(named, bool) or named not in site.years:
        raise Missing(f"{macro}(...) dùng năm {named} nhưng không có dữ liệu năm đó (data/{named}/).",
                      f"Dùng một năm có dữ liệu: {', '.join(map(str, sorted(site.years)))}.")
    return site.years[named]


def keyed(site: Site, data: YearData, macro: str, key: object, part: object = "so_hieu") -> Any:
    """The figure, document or note `key` of `data` that `macro` shows, checked as that macro needs it."""
    attribute, file_name, label = KEYED_MACROS[macro]
    if not isinstance(key, str):
        raise Missing(f"{macro}(...) cần tên khóa đặt trong dấu ngoặc kép.", f'Viết {macro}("ten_khoa").')
    entries = getattr(data, attribute)
    if key not in entries:
        raise Missing(f'Không có {label} "{key}" trong data/{data.year}/{file_name}.{did_you_mean(key, entries)}',
                      f"Sửa tên khóa cho đúng, hoặc thêm {label} đó vào {file_name}.")
    found = entries[key]
    if macro == "so_sanh" and key not in getattr(site.years.get(data.year - 1), "figures", {}):
        raise Missing(f'so_sanh cần số liệu "{key}" của năm {data.year - 1}, nhưng năm đó không có.',
                      "Chỉ so sánh số liệu có cùng tên khóa ở cả hai năm.")
    if macro == "vb":
        if part not in DOCUMENT_PARTS:
            raise Missing(f'vb(...) không có phần "{part}".',
                          'Dùng vb("khoa") cho số hiệu, vb("khoa", "ngay") cho ngày ban hành.')
        if part == "ngay" and found.ngay is None:
            raise Missing(f'Văn bản "{key}" không có ngày ban hành trong dữ liệu.',
                          f"Thêm ngay: ... cho văn bản trong {file_name}, hoặc bỏ lệnh này.")
    return found


def comparison(site: Site, data: YearData, key: str) -> tuple[YearData, str]:
    """The year `so_sanh` compares with, and the change it says ("tăng 12,5% so với năm 2022").

    Worked out while rendering: a draft's figure may still be waiting for its value.
    """
    keyed(site, data, "so_sanh", key)
    before = site.years[data.year - 1]
    try:
        said = change(data.figures[key], before.figures[key], before.year)
    except NotComparable:
        raise Missing(f'Không so sánh được "{key}": không phải số, hoặc một năm chưa có giá trị.',
                      "Chỉ so sánh số tiền, số lượng hay tỉ lệ đã có giá trị ở cả hai năm.") from None
    return before, said


def entry(data: YearData, slug: str) -> TocEntry:
    """The table-of-contents entry of the page `slug` (for its numbered title)."""
    found = data.entry(slug)
    if found is None:
        raise Missing(f'Trang "{slug}" không có trong mục lục năm {data.year}.',
                      f"Thêm trang vào muc_luc trong {data.file(REPORT_FILE)}, hoặc bỏ lệnh tieu_de().")
    return found
