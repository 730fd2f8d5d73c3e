"""Relations between figures, page checks and escaping, without building the site."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from macros import rendering
from macros.checks import check_year
from macros.models import Money, Name, Note, Percent, Ratio, SumCheck
from macros.pages import typed_digits
from macros.site_data import Place, load_site
from macros.written import parse
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def year():
    return load_site(ROOT).years[2023]


def with_figures(data, **changes):
    """The year with some figures changed; a written value ("850,8 tỷ đồng") is read as its kind reads it."""
    figures = dict(data.figures)
    for key, update in changes.items():
        figure = figures[key.replace("__", ".")]
        if isinstance(update.get("gia_tri"), str):
            update = {**update, "gia_tri": parse(figure.loai, update["gia_tri"])}
        figures[key.replace("__", ".")] = figure.model_copy(update=update)
    return dataclasses.replace(data, figures=MappingProxyType(figures))


def test_the_published_year_has_no_problems(year):
    assert check_year(year) == []


def test_parts_that_do_not_add_up_are_named(year):
    errors = check_year(with_figures(year, thu_ngan_sach__khong_ke_tien_su_dung_dat={"gia_tri": "850,8 tỷ đồng"}))
    assert len(errors) == 1
    assert "thu_ngan_sach.khong_ke_tien_su_dung_dat (850,8)" in errors[0].problem
    assert errors[0].file == "data/2023/so-lieu.yml" and errors[0].line


def test_a_corrected_source_discrepancy_must_drop_its_acknowledgement(year):
    errors = check_year(with_figures(year, tiep_dan__ti_le_don_cham={"gia_tri": "6,9%"}))
    assert [e.key for e in errors] == ["kiem_tra.sai_lech_nguon"]


def test_a_figure_above_its_ceiling_is_reported(year):
    errors = check_year(with_figures(year, giam_ngheo__ti_le_ho_ngheo={"gia_tri": "1,2%"}))
    assert "vượt ngưỡng giam_ngheo.chi_tieu_ho_ngheo" in errors[0].problem


def test_years_between_dates_must_match(year):
    errors = check_year(with_figures(year, ky_niem__thanh_dong_so_nam={"gia_tri": "221"}))
    assert "khoảng ky_niem.thanh_dong_khoang dài 220 năm" in errors[0].problem


def test_a_check_naming_a_missing_figure_is_reported(year):
    bad = (SumCheck(loai="tong_cac_phan", tong="khong.co", cac_phan=["a.b", "c.d"]), Place("so-lieu.yml", 9))
    errors = check_year(dataclasses.replace(year, checks=(*year.checks, bad)))
    assert errors[0].line == 9 and 'Không có số liệu "khong.co"' in errors[0].problem


def test_source_text_without_a_note_is_refused(year):
    errors = check_year(with_figures(year, dau_tu_cong__tong_muc_theo_tham_quyen={"ghi_chu": None}))
    assert any("không có ghi chú" in e.problem for e in errors)


def test_a_figure_in_an_unknown_section_is_refused(year):
    errors = check_year(with_figures(year, hop__phien_hop_ubnd={"muc": "IV.2"}))
    assert 'Mục "IV.2" không có trong mục lục' in errors[0].problem


@pytest.mark.parametrize(("line", "typed"), [
    ("## 1. Hạn chế", False),
    ("1. Chủ động triển khai", False),
    ('Năm {{ so("nam.bao_cao") }} là năm bản lề', False),
    ("Xem [mục](muc-2.md)", False),
    ("Năm 2023 là năm bản lề", True),
    ("- tỷ lệ đạt 99,9%", True),
    ("## Mục 2 của báo cáo", True),
])
def test_typed_digits_are_found_outside_macros_and_numbering(line, typed):
    assert bool(typed_digits(line + "\n", "x.md")) is typed


def test_typed_digit_errors_name_the_line():
    errors = typed_digits("---\ntitle: a\n---\n# Tiêu đề\n\nCó 25 dự án.\n", "docs/2023/x.md", body_start=3)
    assert [(e.file, e.line) for e in errors] == [("docs/2023/x.md", 6)]


def test_a_macro_over_several_lines_keeps_the_lines_after_it_counted():
    source = '# Tiêu đề\n\nTổng {{ so(\n  "thu_ngan_sach.tong"\n) }} đồng.\nCó 25 dự án.\n'
    assert [(e.line, e.problem) for e in typed_digits(source, "x.md")] == [
        (6, 'Có số gõ trực tiếp vào trang: "Có 25 dự án.".')]


def test_data_text_cannot_become_html_or_markdown():
    value = Name(loai="ten", gia_tri='<img src=x onerror="alert(1)"> **đậm** _x_ `y` [z](u)',
                 y_nghia='"><script>', muc="I")
    html = rendering.figure("a.b", value)
    assert "<img" not in html and "<script>" not in html and "**" not in html
    assert 'title="&quot;&gt;&lt;script&gt;' in html
    note = rendering.note("k", Note(muc="I", noi_dung="<b>x</b>"))
    assert "&lt;b&gt;x&lt;/b&gt;" in note


def test_a_figure_with_a_note_carries_a_visible_marker():
    value = Money(loai="tien", gia_tri="1 tỷ đồng", ghi_chu="n", y_nghia="x", muc="I")
    assert 'href="#ghi-chu-n"' in rendering.figure("a.b", value)


def test_percent_ratio_relation_uses_the_percent_precision(year):
    figures = dict(year.figures)
    figures["tiep_dan.don_cham"] = Ratio(loai="ti_so", gia_tri="27/393", don_vi="đơn", y_nghia="x", muc="II.1")
    figures["tiep_dan.ti_le_don_cham"] = Percent(loai="ti_le", gia_tri="6,87%", ghi_chu="ti-le-don-cham",
                                                 y_nghia="x", muc="II.1")
    errors = check_year(dataclasses.replace(year, figures=MappingProxyType(figures)))
    assert [e.key for e in errors] == ["kiem_tra.sai_lech_nguon"]
