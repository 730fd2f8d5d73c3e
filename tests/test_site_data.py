"""The loaded site: years in order, the table of contents, sections (in this process)."""

from __future__ import annotations

import pytest

from macros.errors import EditorErrors
from macros.site_data import Place, load_site
from tests.conftest import ROOT
from tests.test_freeze import another_year


@pytest.fixture(scope="module")
def year():
    return load_site(ROOT).years[2023]


def test_the_table_of_contents_in_the_reports_order(year):
    assert [(entry.number, entry.slug) for entry in year.toc()] == [
        ("I", None), ("I.1", "chi-dao-thuc-hien-ke-hoach"), ("I.2", "chi-dao-dieu-hanh"),
        ("I.3", "ket-qua-nhiem-vu-quyen-han"), ("I.4", "quan-he-phoi-hop"), ("II", "han-che-nguyen-nhan"),
        ("III", "phuong-huong-nhiem-vu")]
    assert [entry.slug for entry in year.pages()] == [slug for _, slug in
                                                      [(e.number, e.slug) for e in year.toc()] if slug]


def test_only_the_first_page_of_a_group_shows_the_group(year):
    assert [year.group_of(entry) for entry in year.toc()] == [
        None, "I. KẾT QUẢ THỰC HIỆN", None, None, None, None, None]


def test_a_page_is_found_by_its_slug(year):
    assert year.entry("chi-dao-dieu-hanh").number == "I.2"
    assert year.entry("ban-in") is None and year.entry("khong-co") is None


@pytest.mark.parametrize(("muc", "valid"), [
    ("I", True), ("I.3", True), ("I.3.a", True), ("II", True), ("III", True), ("Mở đầu", True),
    ("Đầu văn bản", True), ("Kết thúc", True), ("IV", False), ("I.5", False), ("I3", False), ("", False),
    ("II.1", True), ("I.", False), ("II.", False), ("III.2.b", True)])
def test_which_sections_a_figure_may_name(year, muc, valid):
    assert year.valid_section(muc) is valid


def test_where_things_were_written(year):
    assert year.place("so_lieu", "thu_ngan_sach.tong") == Place("data/2023/so-lieu.yml", 227)
    assert year.place("so_lieu", "khong.co") == Place("data/2023/bao-cao.yml", None)
    assert year.file("so-lieu.yml") == "data/2023/so-lieu.yml"


def test_years_newest_first_and_the_latest_published(project):
    another_year(project, 2022, published=True)
    another_year(project, 2024, published=False)
    site = load_site(project.root)
    assert [data.year for data in site.newest_first()] == [2023, 2022]
    assert [data.year for data in site.newest_first(drafts=True)] == [2024, 2023, 2022]
    assert site.latest().year == 2023


def test_no_published_year_has_no_latest(project):
    project.edit("data/2023/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: du_thao")
    site = load_site(project.root)
    assert site.latest() is None and site.newest_first() == []
    assert [data.year for data in site.newest_first(drafts=True)] == [2023]


def loading_errors(project) -> list:
    with pytest.raises(EditorErrors) as raised:
        load_site(project.root)
    return raised.value.errors


def test_a_year_without_its_source_document(project):
    (project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt").unlink()
    [error] = loading_errors(project)
    assert (error.file, error.line, error.key) == ("data/2023/bao-cao.yml", 74, "nguon.tep_goc")
    assert error.problem == "Không có tệp văn bản gốc data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt."
    assert error.fix == "Đặt văn bản gốc (tệp .docx hoặc .txt nhận được) vào thư mục năm, đúng tên này."


def test_a_changed_source_document(project):
    source = project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    [error] = loading_errors(project)
    assert (error.file, error.line, error.key) == ("data/2023/bao-cao.yml", 75, "nguon.sha256")
    assert error.problem == ("Tệp văn bản gốc data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt đã bị thay đổi "
                             "(mã sha256 không khớp).")
    assert error.fix == ("Văn bản gốc phải giữ nguyên như khi nhận: khôi phục tệp cũ. Nếu cơ quan gửi lại "
                         "bản khác, nhập lại bằng make nhap-bao-cao.")


def test_a_figure_written_as_a_bare_value_is_a_located_error(project):
    project.edit("data/2023/so-lieu.yml", "    tong:\n      loai: tien\n", "    tong: 1484\n    tong_cu:\n      loai: tien\n")
    errors = loading_errors(project)
    assert [(error.line, error.key) for error in errors][:1] == [(227, "so_lieu.thu_ngan_sach.tong")]


REVIEW = """nguon: Nhập từ bản báo cáo
viec:
  - loai: so_lieu_moi
    noi_dung: Số liệu mới, xem lại ý nghĩa
    xong: true
  - loai: khac
    noi_dung: Kiểm tra bảng
    xong: true
"""


def test_review_items_remember_their_lines(project):
    project.write("data/2023/ra-soat.yml", REVIEW)
    review = load_site(project.root).years[2023].review
    assert [(entry.noi_dung, place) for entry, place in review] == [
        ("Số liệu mới, xem lại ý nghĩa", Place("data/2023/ra-soat.yml", 3)),
        ("Kiểm tra bảng", Place("data/2023/ra-soat.yml", 6))]


@pytest.mark.parametrize(("file", "text", "line", "key"), [
    ("data/2023/ra-soat.yml", "nguon: x\nviec:\n  - loai: khac\n    noi_dung: Kiểm tra\n    xong: roi\n", 5,
     "viec.0.xong"),
    ("data/2023/dinh-chinh.yml", "nguon: x\ndinh_chinh:\n  - ngay: hôm qua\n", 3, "dinh_chinh.0.ngay"),
])
def test_a_mistake_in_an_optional_file_is_located_in_it(project, file, text, line, key):
    project.write(file, text)
    errors = loading_errors(project)
    assert (errors[0].file, errors[0].line, errors[0].key) == (file, line, key)


def test_folders_that_are_not_years_are_left_alone(project):
    (project.root / "data" / "hinh-anh").mkdir()
    (project.root / "data" / "2024").write_text("không phải thư mục", encoding="utf-8")
    assert list(load_site(project.root).years) == [2023]


def test_the_glossary_file_is_required(project):
    (project.root / "data" / "thuat-ngu.yml").unlink()
    [error] = loading_errors(project)
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/thuat-ngu.yml", None, None, "Thiếu tệp thuật ngữ viết tắt.", "Tạo lại tệp data/thuat-ngu.yml (xem README).")


def test_the_derived_group_name_is_reserved_and_later_groups_still_load(project):
    project.edit("data/2023/so-lieu.yml", "so_lieu:\n", "so_lieu:\n  nam:\n    khac:\n      loai: nam\n"
                 "      gia_tri: 2023\n      y_nghia: x\n      muc: I\n", 1)
    project.edit("data/2023/so-lieu.yml", "    tong:\n      loai: tien\n", "    tong:\n      loai: tienn\n")
    errors = loading_errors(project)
    assert [(error.key, error.fix) for error in errors][0] == ("so_lieu.nam", "Đổi tên nhóm này.")
    assert errors[0].problem == 'Nhóm "nam" do chương trình tự tạo (nam.bao_cao, nam.truoc, nam.ke_hoach).'
    assert [error.key for error in errors][1:] == ["so_lieu.thu_ngan_sach.tong"]  # kind "tienn" does not exist


@pytest.mark.parametrize(("old", "new", "line", "key"), [
    ("  - loai: tong_cac_phan\n", "  - loai: tong_cac_phann\n", 589, "kiem_tra.0"),
    ("kiem_tra:\n  - loai: tong_cac_phan\n", "kiem_tra: 5\nkhong_dung:\n  - loai: tong_cac_phan\n", 588, "kiem_tra"),
])
def test_a_mistake_in_a_check_is_located(project, old, new, line, key):
    project.edit("data/2023/so-lieu.yml", old, new)
    errors = loading_errors(project)
    assert (errors[0].file, errors[0].line, errors[0].key) == ("data/2023/so-lieu.yml", line, key)


def test_a_mistake_in_the_documents_file_is_located(project):
    project.edit("data/2023/van-ban.yml", "van_ban:\n", "van_ban: 5\nkhac:\n")
    errors = loading_errors(project)
    assert (errors[0].file, errors[0].key) == ("data/2023/van-ban.yml", "van_ban") and errors[0].line == 8


def test_the_years_around_the_report_are_figures(year):
    derived = {key: (figure.gia_tri.year, figure.y_nghia) for key, figure in year.figures.items() if key.startswith("nam.")}
    assert derived == {"nam.bao_cao": (2023, "Năm của báo cáo"), "nam.truoc": (2022, "Năm trước năm báo cáo"),
                       "nam.ke_hoach": (2024, "Năm kế hoạch (năm sau năm báo cáo)")}


def test_the_source_documents_size_is_its_size_in_bytes(year):
    assert year.source_size == (ROOT / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt").stat().st_size


def test_a_missing_data_file_says_which_and_what_to_do(project):
    (project.root / "data/2023/ghi-chu.yml").unlink()
    [error] = loading_errors(project)
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/2023/ghi-chu.yml", None, None, "Thiếu tệp ghi-chu.yml của năm 2023.",
        "Tạo tệp ghi-chu.yml theo mẫu của năm trước (xem README, mục Dữ liệu).")


@pytest.mark.parametrize("file", ["data/thuat-ngu.yml", "data/2023/dinh-chinh.yml", "data/2023/ra-soat.yml"])
def test_a_file_that_is_not_yaml_is_located(project, file):
    project.write(file, "nguon: x\nviec: [\n")
    [error] = loading_errors(project)
    assert (error.file, error.line) == (file, 2)


def test_a_document_number_typed_with_a_leading_zero_keeps_it(project):
    project.edit("data/2023/bao-cao.yml", "  so_van_ban:\n", "  so_van_ban: 08\n")
    assert load_site(project.root).years[2023].report.so_hieu.so_van_ban == "08"


@pytest.mark.parametrize(("file", "old", "new", "line", "key"), [
    ("data/2023/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: xong", 9, "trang_thai"),
    ("data/2023/trinh-bay.yml", "    kieu: phan_tram\n", "    kieu: banh\n", 33, "bieu_do.1.kieu"),
])
def test_a_mistake_in_the_report_or_presentation_file_is_located(project, file, old, new, line, key):
    project.edit(file, old, new)
    errors = loading_errors(project)
    assert (errors[0].file, errors[0].line, errors[0].key) == (file, line, key)


@pytest.mark.parametrize("at_the_end", [False, True])
def test_a_year_that_is_not_its_folders_is_refused_at_its_line(project, at_the_end):
    project.edit("data/2023/bao-cao.yml", "nam: 2023\n", "" if at_the_end else "nam: 2022\n")
    if at_the_end:
        project.write("data/2023/bao-cao.yml",
                      (project.root / "data/2023/bao-cao.yml").read_text(encoding="utf-8") + "nam: 2022\n")
    line = len((project.root / "data/2023/bao-cao.yml").read_text(encoding="utf-8").splitlines()) if at_the_end else 6
    [error] = loading_errors(project)
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/2023/bao-cao.yml", line, "nam", "Năm 2022 khác tên thư mục data/2023.",
        "Sửa thành nam: 2023, hoặc đặt tệp vào đúng thư mục năm.")


@pytest.mark.parametrize("text", ["", "- a\n", "so_lieu: 5\n"])
def test_a_figures_file_without_its_groups_is_located(project, text):
    project.write("data/2023/so-lieu.yml", text)
    errors = loading_errors(project)
    assert errors and {error.file for error in errors} == {"data/2023/so-lieu.yml"}


def test_only_a_count_keeps_the_leading_zero_of_a_bare_value(project):
    project.edit("data/2023/so-lieu.yml", "      gia_tri: 100%\n", "      gia_tri: 090\n")
    figures = load_site(project.root).years[2023].figures
    assert figures["nhiem_vu_cap_tren.ti_le_trien_khai"].gia_tri.text == "90%"
