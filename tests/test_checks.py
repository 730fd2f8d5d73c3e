"""Every cross-value check of a year, one scenario each, with the whole message an editor reads.

In-process and fast (these are what mutation testing runs): the 2023 year as
loaded, changed the way an editor could change it, then `check_year`.
Expected messages are written out here, as the editor should read them.
"""

from __future__ import annotations

import dataclasses
import datetime
from types import MappingProxyType

import pytest

from macros.checks import check_year, evaluate, operand
from macros.errors import EditorError
from macros.models import (Card, Chart, ChartSeries, EqualCheck, Erratum, KnownDiscrepancy, NotAboveCheck,
                           PresentationFile, RatioCheck, ReviewEntry, SumCheck, YearsCheck)
from macros.site_data import Place, load_site
from macros.written import parse
from tests.conftest import ROOT

FIGURES = "data/2023/so-lieu.yml"
SHOWN = "data/2023/trinh-bay.yml"
SECTIONS = "I, I.1, I.2, I.3, I.4, II, III"


@pytest.fixture(scope="module")
def year():
    return load_site(ROOT).years[2023]


def figure(data, key: str, **changes):
    """The year with one figure changed."""
    figures = dict(data.figures)
    figures[key] = figures[key].model_copy(update=changes)
    return dataclasses.replace(data, figures=MappingProxyType(figures))


def with_check(data, check, line: int = 7):
    return dataclasses.replace(data, checks=((check, Place(FIGURES, line)),))


def only(errors: list[EditorError]) -> EditorError:
    assert len(errors) == 1, errors
    return errors[0]


# -- References: notes, sections, errata --------------------------------------

def test_a_published_figure_without_a_value(year):
    error = only(check_year(figure(year, "thu_ngan_sach.tong", gia_tri=None)))
    assert (error.file, error.line, error.key) == (FIGURES, year.place("so_lieu", "thu_ngan_sach.tong").line,
                                                   "thu_ngan_sach.tong")
    assert error.problem == "Năm 2023 đã công bố nhưng số liệu này chưa có giá trị."
    assert error.fix == "Điền giá trị theo bản báo cáo, hoặc chuyển năm về trang_thai: du_thao."


def test_a_draft_figure_without_a_value_waits(year):
    draft = dataclasses.replace(year, report=year.report.model_copy(update={"trang_thai": "du_thao"}))
    assert check_year(figure(draft, "ke_hoach_5_nam.so_nam", gia_tri=None)) == []


def test_a_figure_in_a_section_the_report_does_not_have(year):
    error = only(check_year(figure(year, "thu_ngan_sach.tong", muc="IV.2")))
    assert (error.file, error.key) == (FIGURES, "thu_ngan_sach.tong.muc") and error.line
    assert error.problem == 'Mục "IV.2" không có trong mục lục của báo cáo năm 2023.'
    assert error.fix == f"Dùng số mục như trong bao-cao.yml ({SECTIONS}), hoặc Mở đầu / Đầu văn bản / Kết thúc."


@pytest.mark.parametrize(("kind", "attribute", "file"), [("van_ban", "documents", "data/2023/van-ban.yml"),
                                                         ("ghi_chu", "notes", "data/2023/ghi-chu.yml")])
def test_a_document_or_note_in_a_section_the_report_does_not_have(year, kind, attribute, file):
    entries = dict(getattr(year, attribute))
    key = next(iter(entries))
    entries[key] = entries[key].model_copy(update={"muc": "V"})
    error = only(check_year(dataclasses.replace(year, **{attribute: MappingProxyType(entries)})))
    assert (error.file, error.key, error.problem) == (file, f"{key}.muc",
                                                      'Mục "V" không có trong mục lục của báo cáo năm 2023.')
    assert error.line == year.place(kind, key).line


def test_a_figure_naming_a_note_that_does_not_exist(year):
    error = only(check_year(figure(year, "thu_ngan_sach.tong", ghi_chu="khong-co")))
    assert (error.file, error.line, error.key) == (FIGURES, 227, "thu_ngan_sach.tong")
    assert error.problem == 'Ghi chú biên tập "khong-co" không có trong data/2023/ghi-chu.yml.'
    assert error.fix == "Sửa tên ghi chú, hoặc thêm ghi chú đó vào ghi-chu.yml."


@pytest.mark.parametrize("part", ["so_hieu", "ngay_ky"])
def test_the_document_header_naming_a_note_that_does_not_exist(year, part):
    report = year.report.model_copy(update={part: getattr(year.report, part).model_copy(update={"ghi_chu": "x"})})
    error = only(check_year(dataclasses.replace(year, report=report)))
    assert (error.file, error.line, error.key) == ("data/2023/bao-cao.yml", None, f"{part}.ghi_chu")
    assert error.problem == 'Ghi chú biên tập "x" không có trong data/2023/ghi-chu.yml.'


def test_an_original_form_equal_to_the_usual_one(year):
    key = "tiep_dan.ti_le_don_cham"
    error = only(check_year(figure(year, key, nguyen_van="6,8%")))
    assert (error.file, error.line, error.key) == (FIGURES, year.place("so_lieu", key).line, key)
    assert error.problem == '"nguyen_van" giống hệt cách hiển thị thông thường nên không cần.'
    assert error.fix == "Xóa dòng nguyen_van (và ghi chú nếu không còn cần)."


def test_every_relation_is_checked_after_one_that_cannot_be(year):
    waiting = EqualCheck(loai="bang_nhau", cac_khoa=["ke_hoach_5_nam.so_nam", "ke_hoach_5_nam.so_nam_giai_doan"])
    wrong = EqualCheck(loai="bang_nhau", cac_khoa=["khong.co", "ke_hoach_5_nam.so_nam"])
    unequal = EqualCheck(loai="bang_nhau", cac_khoa=["ke_hoach_5_nam.so_nam", "tiep_dan.don_cham.tu_so"])
    draft = dataclasses.replace(year, report=year.report.model_copy(update={"trang_thai": "du_thao"}))
    data = dataclasses.replace(figure(draft, "ke_hoach_5_nam.so_nam_giai_doan", gia_tri=None), checks=(
        (waiting, Place(FIGURES, 1)), (wrong, Place(FIGURES, 2)), (unequal, Place(FIGURES, 3))))
    assert [(error.line, error.key) for error in check_year(data)] == [(2, "kiem_tra"), (3, "kiem_tra")]


def test_an_original_form_without_a_note(year):
    key = "dau_tu_cong.tong_muc_theo_tham_quyen"
    error = only(check_year(figure(year, key, ghi_chu=None)))
    assert (error.file, error.line, error.key) == (FIGURES, year.place("so_lieu", key).line, key) and error.line
    assert error.problem == ('Có "nguyen_van" (cách viết khác trong bản gốc) nhưng không có ghi chú biên tập '
                             "giải thích cho người đọc.")
    assert error.fix == 'Thêm "ghi_chu: <tên ghi chú>" và viết ghi chú trong ghi-chu.yml.'


def test_an_erratum_naming_a_page_the_year_does_not_have(year):
    erratum = Erratum(ngay=datetime.date(2024, 3, 1), trang="khong-co", noi_dung="Sửa số", gia_tri_cu="1",
                      gia_tri_moi="2", ly_do="Gõ nhầm")
    error = only(check_year(dataclasses.replace(year, errata=(erratum,))))
    assert (error.file, error.line, error.key) == ("data/2023/dinh-chinh.yml", None, "khong-co")
    assert error.problem == 'Đính chính ngày 2024-03-01 nói tới trang "khong-co" nhưng mục lục không có trang đó.'
    assert error.fix == "Ghi đúng tên trang (tên tệp trong docs/<năm>/, không có .md)."


@pytest.mark.parametrize("slug", ["index", "ket-qua-nhiem-vu-quyen-han"])
def test_an_erratum_of_an_existing_page_is_accepted(year, slug):
    erratum = Erratum(ngay=datetime.date(2024, 3, 1), trang=slug, noi_dung="Sửa số", gia_tri_cu="1",
                      gia_tri_moi="2", ly_do="Gõ nhầm")
    assert check_year(dataclasses.replace(year, errata=(erratum,))) == []


# -- The review list -----------------------------------------------------------

def review(*done: bool):
    return tuple((ReviewEntry(loai="so_lieu_moi", noi_dung=f"Việc {index + 1}: xem lại số liệu", xong=flag),
                  Place("data/2023/ra-soat.yml", 4 + 5 * index)) for index, flag in enumerate(done))


def test_a_published_year_with_open_review_items(year):
    error = only(check_year(dataclasses.replace(year, review=review(True, False, False))))
    assert (error.file, error.line, error.key) == ("data/2023/ra-soat.yml", 9, "viec")
    assert error.problem == ("Năm 2023 đã chuyển sang công bố nhưng danh sách rà soát còn 2 việc chưa xong "
                             "(việc đầu tiên: Việc 2: xem lại số liệu).")
    assert error.fix == ("Xem lại từng việc trong bản xem trước (make xem-truoc), sửa dữ liệu hoặc trang nếu cần, "
                         'rồi ghi "xong: true" cho việc đó. Chỉ công bố khi mọi việc đã xong.')


def test_a_long_review_item_is_cut_at_120_characters(year):
    long = ((ReviewEntry(loai="khac", noi_dung="x" * 130), Place("data/2023/ra-soat.yml", 4)),)
    assert only(check_year(dataclasses.replace(year, review=long))).problem.endswith(f"(việc đầu tiên: {'x' * 120}).")


def test_a_published_year_whose_review_is_done(year):
    assert check_year(dataclasses.replace(year, review=review(True, True))) == []


def test_a_draft_may_have_open_review_items(year):
    draft = dataclasses.replace(year, report=year.report.model_copy(update={"trang_thai": "du_thao"}),
                                review=review(False))
    assert check_year(draft) == []


# -- Cards and charts ------------------------------------------------------------

def shown(year, cards=None, charts=None):
    presentation = PresentationFile(nguon="x", the_so_lieu=cards or list(year.presentation.the_so_lieu),
                                    bieu_do=list(year.presentation.bieu_do) if charts is None else charts)
    return dataclasses.replace(year, presentation=presentation)


def chart(kind: str, *keys: str, page: str = "ket-qua-nhiem-vu-quyen-han") -> Chart:
    return Chart(ma="thu", tieu_de="Thử", kieu=kind, trang=page,
                 cot=[ChartSeries(khoa=key, nhan=key) for key in keys])


def test_a_card_naming_an_unknown_figure(year):
    error = only(check_year(shown(year, cards=[Card(khoa="thu_ngan_sach.tongg")])))
    assert (error.file, error.line, error.key) == (SHOWN, None, "the_so_lieu: thu_ngan_sach.tongg")
    assert error.problem == ('Không có số liệu "thu_ngan_sach.tongg" trong so-lieu.yml. Có phải ý bạn là: '
                             "thu_ngan_sach.tong, thu_ngan_sach.tien_su_dung_dat, thu_ngan_sach.tong_so_du_toan_tinh?")
    assert error.fix == "Sửa tên số liệu cho đúng với so-lieu.yml."


def test_a_card_compared_with_an_unknown_figure(year):
    error = only(check_year(shown(year, cards=[Card(khoa="thu_ngan_sach.tong", so_voi=["khong.co"])])))
    assert error.key == "the_so_lieu: thu_ngan_sach.tong" and error.problem.startswith('Không có số liệu "khong.co"')


def test_a_chart_on_a_page_the_year_does_not_have(year):
    error = only(check_year(shown(year, charts=[chart("gia_tri", "thu_ngan_sach.tong", page="trang-khac")])))
    assert (error.file, error.key) == (SHOWN, "bieu_do: thu")
    assert error.problem == 'Trang "trang-khac" không có trong mục lục.'
    assert error.fix == "Ghi tên trang (tên tệp trong docs/<năm>/, không có .md)."


@pytest.mark.parametrize(("kind", "keys", "wrong"), [
    ("gia_tri", ["thu_ngan_sach.tong", "tiep_dan.ti_le_don_cham"], "tiep_dan.ti_le_don_cham"),
    ("phan_tram", ["tiep_dan.ti_le_don_cham", "thu_ngan_sach.tong", "tiep_dan.don_cham"],
     "thu_ngan_sach.tong, tiep_dan.don_cham"),
    ("ti_so", ["tiep_dan.don_cham", "ke_hoach_5_nam.so_nam"], "ke_hoach_5_nam.so_nam"),
])
def test_a_chart_that_cannot_draw_a_kind_of_figure(year, kind, keys, wrong):
    error = only(check_year(shown(year, charts=[chart(kind, *keys)])))
    assert error.problem == f'Biểu đồ kiểu "{kind}" không vẽ được số liệu: {wrong}.'
    assert error.fix == "gia_tri: tiền hoặc số lượng; phan_tram: tỷ lệ %; ti_so: dạng 25/35."


@pytest.mark.parametrize(("kind", "keys"), [("gia_tri", ["thu_ngan_sach.tong", "ke_hoach_5_nam.so_nam"])])
def test_a_chart_mixing_units(year, kind, keys):
    error = only(check_year(shown(year, charts=[chart(kind, *keys)])))
    assert error.problem == "Các cột của biểu đồ có đơn vị khác nhau."
    assert error.fix == "Chỉ đặt cạnh nhau những số liệu cùng đơn vị."


def test_a_chart_with_an_unknown_bar(year):
    error = only(check_year(shown(year, charts=[chart("gia_tri", "thu_ngan_sach.tong", "khong.co")])))
    assert (error.key, error.problem) == ("bieu_do: thu", 'Không có số liệu "khong.co" trong so-lieu.yml.')


@pytest.mark.parametrize(("kind", "keys"), [("gia_tri", ["thu_ngan_sach.tong", "thu_ngan_sach.tien_su_dung_dat"]),
                                            ("phan_tram", ["tiep_dan.ti_le_don_cham"]),
                                            ("ti_so", ["tiep_dan.don_cham", "chi_tieu.dat_va_vuot"])])
def test_charts_of_the_right_kind_pass(year, kind, keys):
    assert check_year(shown(year, charts=[chart(kind, *keys)])) == []


# -- Relations between figures ------------------------------------------------------

def test_operands_name_figures_and_ratio_parts(year):
    assert str(operand(year, "tiep_dan.don_cham.tu_so")) == "27"
    assert str(operand(year, "tiep_dan.don_cham.mau_so")) == "393"
    assert str(operand(year, "ke_hoach_5_nam.so_nam")) == "5"
    assert str(operand(year, "thu_ngan_sach.tong")) == "1484.75"


@pytest.mark.parametrize(("ref", "problem"), [
    ("khong.co", 'Không có số liệu "khong.co".'),
    ("tiep_dan.don_cham", '"tiep_dan.don_cham" là tỷ số: ghi rõ "tiep_dan.don_cham.tu_so" hoặc '
                          '"tiep_dan.don_cham.mau_so".'),
    ("thu_ngan_sach.tong.tu_so", '"thu_ngan_sach.tong" không phải tỷ số nên không có ".tu_so".'),
    ("ten_rieng.kv1", '"ten_rieng.kv1" không phải là một con số để cộng trừ, so sánh.'),
])
def test_a_check_naming_what_is_not_a_number(year, ref, problem):
    error = only(check_year(with_check(year, EqualCheck(loai="bang_nhau", cac_khoa=[ref, "ke_hoach_5_nam.so_nam"]))))
    assert (error.file, error.line, error.key, error.problem) == (FIGURES, 7, "kiem_tra", problem)
    assert error.fix == "Sửa tên số liệu trong phần kiem_tra cho đúng với so_lieu."


def test_a_check_on_a_draft_figure_without_value_waits(year):
    data = figure(with_check(year, EqualCheck(loai="bang_nhau", cac_khoa=["ke_hoach_5_nam.so_nam",
                                                                          "ke_hoach_5_nam.so_nam_giai_doan"])),
                  "ke_hoach_5_nam.so_nam", gia_tri=None)
    assert [error.key for error in check_year(data)] == ["ke_hoach_5_nam.so_nam"]  # only "no value yet"


def test_a_sum_that_does_not_add_up(year):
    data = figure(year, "thu_ngan_sach.tien_su_dung_dat", gia_tri=year.figures["thu_ngan_sach.tong"].gia_tri)
    error = only(check_year(with_check(data, year.checks[0][0], 589)))
    assert error.problem == ("Tổng không khớp: thu_ngan_sach.tong = 1.484,75, nhưng thu_ngan_sach.tien_su_dung_dat "
                             "(1.484,75) + thu_ngan_sach.khong_ke_tien_su_dung_dat (850,85) = 2.335,6.")
    assert (error.file, error.line, error.key) == (FIGURES, 589, "kiem_tra")
    assert error.fix == ("Kiểm tra lại các số với bản báo cáo. Nếu chính bản gốc sai, giữ số của bản gốc và thêm "
                         '"sai_lech_nguon: {ghi_chu: <tên ghi chú>}" cùng một ghi chú biên tập.')


def test_a_percentage_that_does_not_match_its_ratio(year):
    check = RatioCheck(loai="ti_le_cua_ti_so", phan_tram="tiep_dan.ti_le_don_cham", ti_so="tiep_dan.don_cham")
    error = only(check_year(with_check(year, check)))
    assert error.problem == ("Tỷ lệ không khớp: tiep_dan.don_cham = 27/393 = 6,87%, làm tròn là 6,9%, "
                             "nhưng tiep_dan.ti_le_don_cham = 6,8%.")


@pytest.mark.parametrize(("ratio", "percent", "problem"), [
    ("1/8", "12%", "Tỷ lệ không khớp: tiep_dan.don_cham = 1/8 = 12,5%, làm tròn là 13%, "
                   "nhưng tiep_dan.ti_le_don_cham = 12%."),            # halves round up, as people round
    ("1/8", "13%", None),
    ("1/800", "0,2%", "Tỷ lệ không khớp: tiep_dan.don_cham = 1/800 = 0,13%, làm tròn là 0,1%, "
                      "nhưng tiep_dan.ti_le_don_cham = 0,2%."),
])
def test_a_percentage_is_rounded_half_up_to_its_own_decimals(year, ratio, percent, problem):
    data = figure(figure(year, "tiep_dan.don_cham", gia_tri=parse("ti_so", ratio)),
                  "tiep_dan.ti_le_don_cham", gia_tri=parse("ti_le", percent))
    check = RatioCheck(loai="ti_le_cua_ti_so", phan_tram="tiep_dan.ti_le_don_cham", ti_so="tiep_dan.don_cham")
    assert evaluate(data, check) == problem


def test_a_ratio_check_needs_a_percentage(year):
    check = RatioCheck(loai="ti_le_cua_ti_so", phan_tram="ke_hoach_5_nam.so_nam", ti_so="tiep_dan.don_cham")
    assert only(check_year(with_check(year, check))).problem == '"ke_hoach_5_nam.so_nam" không phải là số phần trăm.'


def test_a_known_discrepancy_of_the_source_is_accepted_with_its_note(year):
    check = RatioCheck(loai="ti_le_cua_ti_so", phan_tram="tiep_dan.ti_le_don_cham", ti_so="tiep_dan.don_cham",
                       sai_lech_nguon=KnownDiscrepancy(ghi_chu="ti-le-don-cham"))
    assert check_year(with_check(year, check)) == []


def test_a_known_discrepancy_needs_an_existing_note(year):
    check = RatioCheck(loai="ti_le_cua_ti_so", phan_tram="tiep_dan.ti_le_don_cham", ti_so="tiep_dan.don_cham",
                       sai_lech_nguon=KnownDiscrepancy(ghi_chu="khong-co"))
    error = only(check_year(with_check(year, check)))
    assert (error.file, error.line, error.key, error.problem) == (
        FIGURES, 7, "kiem_tra.sai_lech_nguon.ghi_chu", 'Ghi chú biên tập "khong-co" không có.')
    assert error.fix == "Thêm ghi chú đó vào ghi-chu.yml hoặc sửa tên."


def test_a_known_discrepancy_that_no_longer_is_one(year):
    check = EqualCheck(loai="bang_nhau", cac_khoa=["ke_hoach_5_nam.so_nam", "ke_hoach_5_nam.so_nam_giai_doan"],
                       sai_lech_nguon=KnownDiscrepancy(ghi_chu="ti-le-don-cham"))
    error = only(check_year(with_check(year, check)))
    assert (error.file, error.line, error.key, error.problem) == (
        FIGURES, 7, "kiem_tra.sai_lech_nguon", "Đã ghi nhận sai lệch của bản gốc nhưng các số hiện đã khớp nhau.")
    assert error.fix == "Xóa phần sai_lech_nguon (và ghi chú biên tập nếu không còn cần)."


def test_equal_figures_that_differ(year):
    check = EqualCheck(loai="bang_nhau", cac_khoa=["ke_hoach_5_nam.so_nam", "tiep_dan.don_cham.tu_so"])
    assert evaluate(year, check) == ("Các số phải bằng nhau nhưng khác nhau: ke_hoach_5_nam.so_nam = 5, "
                                     "tiep_dan.don_cham.tu_so = 27.")


def test_a_threshold_that_is_exceeded_and_one_that_is_not(year):
    above = NotAboveCheck(loai="khong_vuot", khoa="tiep_dan.don_cham.mau_so", nguong="tiep_dan.don_cham.tu_so")
    assert evaluate(year, above) == "tiep_dan.don_cham.mau_so = 393 vượt ngưỡng tiep_dan.don_cham.tu_so = 27."
    equal = NotAboveCheck(loai="khong_vuot", khoa="ke_hoach_5_nam.so_nam", nguong="ke_hoach_5_nam.so_nam_giai_doan")
    assert evaluate(year, equal) is None


def test_a_number_of_years_needs_a_period(year):
    check = YearsCheck(loai="so_nam_cua_khoang", so_nam="ky_niem.thanh_dong_so_nam", khoang="thu_ngan_sach.tong")
    error = only(check_year(with_check(year, check)))
    assert error.problem == '"thu_ngan_sach.tong" không phải là một khoảng thời gian.'

