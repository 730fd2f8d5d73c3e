"""What a macro call names, found or refused with the message an editor reads (in this process)."""

from __future__ import annotations

import pytest

from macros import lookup
from macros.lookup import Missing
from macros.site_data import load_site
from tests.conftest import ROOT
from tests.test_freeze import another_year


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.fixture
def two_years(project):
    another_year(project, 2022, published=True)
    project.edit("data/2022/so-lieu.yml", "      gia_tri: 1.484 tỷ 750 triệu đồng\n", "      gia_tri:\n")
    return load_site(project.root)


def refused(call, *args) -> Missing:
    with pytest.raises(Missing) as raised:
        call(*args)
    return raised.value


def test_a_missing_thing_reads_as_its_problem_and_fix():
    missing = Missing("Không có.", "Thêm vào.")
    assert (missing.args, str(missing)) == (("Không có.",), "Không có. Cách sửa: Thêm vào.")


def test_the_year_of_a_call(site):
    assert lookup.year(site, None, 2023, "so").year == 2023
    assert lookup.year(site, 2023, None, "so").year == 2023


@pytest.mark.parametrize(("named", "page_year", "problem", "fix"), [
    (None, None, "so(...) chỉ dùng được trong trang của một năm báo cáo (docs/<năm>/).",
     'Chuyển trang vào thư mục năm, hoặc ghi rõ năm: so("nhom.ten", nam=2023).'),
    (2019, 2023, "so(...) dùng năm 2019 nhưng không có dữ liệu năm đó (data/2019/).",
     "Dùng một năm có dữ liệu: 2023."),
    ("2023", 2023, "so(...) dùng năm 2023 nhưng không có dữ liệu năm đó (data/2023/).",
     "Dùng một năm có dữ liệu: 2023."),
    (True, 2023, "so(...) dùng năm True nhưng không có dữ liệu năm đó (data/True/).",
     "Dùng một năm có dữ liệu: 2023."),
])
def test_a_year_without_data_is_refused(site, named, page_year, problem, fix):
    missing = refused(lookup.year, site, named, page_year, "so")
    assert (missing.problem, missing.fix) == (problem, fix)


@pytest.mark.parametrize(("macro", "key", "kind"), [("so", "thu_ngan_sach.tong", "Money"),
                                                   ("vb", "kl-92-tu", "Document"),
                                                   ("ghi_chu", "so-hieu-de-trong", "Note")])
def test_keys_are_found(site, macro, key, kind):
    assert type(lookup.keyed(site, site.years[2023], macro, key)).__name__ == kind


@pytest.mark.parametrize(("macro", "key", "problem", "fix"), [
    ("so", 5, "so(...) cần tên khóa đặt trong dấu ngoặc kép.", 'Viết so("ten_khoa").'),
    ("so", "thu_ngan_sach.tongg", 'Không có số liệu "thu_ngan_sach.tongg" trong data/2023/so-lieu.yml. '
     "Có phải ý bạn là: thu_ngan_sach.tong, thu_ngan_sach.tien_su_dung_dat, thu_ngan_sach.tong_so_du_toan_tinh?",
     "Sửa tên khóa cho đúng, hoặc thêm số liệu đó vào so-lieu.yml."),
    ("vb", "kl-93-tu", 'Không có văn bản "kl-93-tu" trong data/2023/van-ban.yml. Có phải ý bạn là: kl-92-tu?',
     "Sửa tên khóa cho đúng, hoặc thêm văn bản đó vào van-ban.yml."),
    ("ghi_chu", "khong-co-gi", 'Không có ghi chú biên tập "khong-co-gi" trong data/2023/ghi-chu.yml.',
     "Sửa tên khóa cho đúng, hoặc thêm ghi chú biên tập đó vào ghi-chu.yml."),
    ("so_sanh", "thu_ngan_sach.tong", 'so_sanh cần số liệu "thu_ngan_sach.tong" của năm 2022, nhưng năm đó không có.',
     "Chỉ so sánh số liệu có cùng tên khóa ở cả hai năm."),
])
def test_unknown_keys_are_refused(site, macro, key, problem, fix):
    missing = refused(lookup.keyed, site, site.years[2023], macro, key)
    assert (missing.problem, missing.fix) == (problem, fix)


def test_a_document_part_that_does_not_exist(site):
    missing = refused(lookup.keyed, site, site.years[2023], "vb", "kl-92-tu", "so")
    assert (missing.problem, missing.fix) == ('vb(...) không có phần "so".',
                                              'Dùng vb("khoa") cho số hiệu, vb("khoa", "ngay") cho ngày ban hành.')


def test_a_document_date_the_data_does_not_have(project):
    project.edit("data/2023/van-ban.yml", "    ngay: 2022-12-19\n", "")
    site = load_site(project.root)
    missing = refused(lookup.keyed, site, site.years[2023], "vb", "kl-92-tu", "ngay")
    assert (missing.problem, missing.fix) == ('Văn bản "kl-92-tu" không có ngày ban hành trong dữ liệu.',
                                              "Thêm ngay: ... cho văn bản trong van-ban.yml, hoặc bỏ lệnh này.")


def test_a_dated_document_gives_its_date(site):
    assert str(lookup.keyed(site, site.years[2023], "vb", "kl-92-tu", "ngay").ngay) == "2022-12-19"


def test_a_comparison_with_the_year_before(two_years):
    before, said = lookup.comparison(two_years, two_years.years[2023], "thu_ngan_sach.tien_su_dung_dat")
    assert before.year == 2022 and said == "không đổi so với năm 2022"


def test_a_comparison_with_a_value_missing(two_years):
    missing = refused(lookup.comparison, two_years, two_years.years[2023], "thu_ngan_sach.tong")
    assert missing.problem == 'Không so sánh được "thu_ngan_sach.tong": không phải số, hoặc một năm chưa có giá trị.'
    assert missing.fix == "Chỉ so sánh số tiền, số lượng hay tỉ lệ đã có giá trị ở cả hai năm."


def test_the_entry_of_a_page(site):
    assert lookup.entry(site.years[2023], "ket-qua-nhiem-vu-quyen-han").number == "I.3"
    missing = refused(lookup.entry, site.years[2023], "khong-co")
    assert (missing.problem, missing.fix) == ('Trang "khong-co" không có trong mục lục năm 2023.',
                                              "Thêm trang vào muc_luc trong data/2023/bao-cao.yml, hoặc bỏ lệnh tieu_de().")


def test_a_year_without_data_lists_every_year_that_has_some(two_years):
    missing = refused(lookup.year, two_years, 2019, None, "so")
    assert missing.fix == "Dùng một năm có dữ liệu: 2022, 2023."
