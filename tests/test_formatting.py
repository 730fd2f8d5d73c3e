"""Figures are written the Vietnamese way, exactly as the report writes them."""

from __future__ import annotations

import datetime

import pytest

from macros.formatting import displayed, format_day, format_figure, format_number, format_percentage
from macros.models import Count, Date, Money, Name, Percent, Ratio, Span, Year

COMMON = {"y_nghia": "thử", "muc": "I.3"}


@pytest.mark.parametrize(("figure", "written"), [
    (Money(loai="tien", gia_tri=1484.75, cach_viet="ty_trieu", **COMMON), "1.484 tỷ 750 triệu đồng"),
    (Money(loai="tien", gia_tri=633.9, cach_viet="ty_trieu", **COMMON), "633 tỷ 900 triệu đồng"),
    (Money(loai="tien", gia_tri=510, cach_viet="ty_trieu", **COMMON), "510 tỷ đồng"),
    (Money(loai="tien", gia_tri=839.617, so_thap_phan=3, **COMMON), "839,617 tỷ đồng"),
    (Money(loai="tien", gia_tri=345.25, so_thap_phan=3, **COMMON), "345,250 tỷ đồng"),
    (Percent(loai="ti_le", gia_tri=99.9, so_thap_phan=1, **COMMON), "99,9%"),
    (Percent(loai="ti_le", gia_tri=0.97, so_thap_phan=2, **COMMON), "0,97%"),
    (Percent(loai="muc_dat", gia_tri=122, **COMMON), "122%"),
    (Count(loai="so", gia_tri=85000, don_vi="hồ sơ", **COMMON), "85.000"),
    (Count(loai="so", gia_tri=6, chu_so_toi_thieu=2, don_vi="dự án", **COMMON), "06"),
    (Count(loai="so", gia_tri=600, don_vi="mét", hau_to="m", **COMMON), "600m"),
    (Ratio(loai="ti_so", tu=1, mau=2000, don_vi="tỷ lệ", **COMMON), "1/2000"),
    (Date(loai="ngay", gia_tri=datetime.date(2023, 5, 9), **COMMON), "09/5/2023"),
    (Date(loai="ngay", gia_tri=datetime.date(2023, 2, 27), mau="dd/MM/yyyy", **COMMON), "27/02/2023"),
    (Year(loai="nam", gia_tri=2040, **COMMON), "2040"),
    (Span(loai="khoang", tu=2021, den=2026, **COMMON), "2021-2026"),
    (Span(loai="khoang", tu=datetime.date(1954, 10, 30), den=datetime.date(2024, 10, 30), **COMMON),
     "30/10/1954-30/10/2024"),
    (Name(loai="ten", gia_tri="5 rõ, 6 dám", **COMMON), "5 rõ, 6 dám"),
])
def test_written_as_the_report_writes_it(figure, written):
    assert format_figure(figure) == written


def test_the_sources_own_text_is_shown_where_it_differs():
    figure = Money(loai="tien", gia_tri=127.765, so_thap_phan=3, nguyen_van="127.765 tỷ đồng",
                   ghi_chu="x", **COMMON)
    assert format_figure(figure) == "127,765 tỷ đồng"
    assert displayed(figure) == "127.765 tỷ đồng"


def test_years_are_never_grouped_but_amounts_are():
    assert format_number(2023, grouping=False) == "2023"
    assert format_number(1003) == "1.003"


def test_binary_floats_do_not_leak_into_the_page():
    assert format_percentage(0.1 + 0.2, 2) == "0,30%"
    assert format_number(0.1 + 0.2, 1) == "0,3"


def test_days_follow_the_reports_padding():
    assert format_day(datetime.date(2023, 4, 3), "dd/M/yyyy") == "03/4/2023"
