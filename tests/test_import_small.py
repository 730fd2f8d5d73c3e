"""Small reports imported into a copy of the project: what each part of a report becomes, and what is missing.

A few lines each, written in the test: a whole small report as the first year
of a site, a report that leaves out its header and closing, one with a blank
number and day, a province above the city. Each import runs
`macros.importer.main` in this process (a fraction of a second); the expected
files and review items are written out from the report text by hand.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
from pathlib import Path

import pytest

from macros import importer
from tests.conftest import ROOT, ProjectCopy, copy_project
from tests.test_import_data import Draft, refused, run_command, run_import
from tests.source_blocks import write

TITLE = "BÁO CÁO\nCông tác chính quyền năm 2024 và nhiệm vụ năm 2025"
HEADER = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI DƯƠNG\n\nSố: 15/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\n\nHải Dương, ngày 12 tháng 01 năm 2025\n\n")
BODY = ("\n\nNăm 2024 thành phố hoàn thành các nhiệm vụ.\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
        "Tổng thu ngân sách đạt 1.633 tỷ 225 triệu đồng, bằng 125% dự toán; tổ chức 52 phiên họp.\n\n"
        "II. NHIỆM VỤ NĂM 2025\n\nTiếp tục thực hiện 10 chỉ tiêu chủ yếu.\n\n")
CLOSING = "Nơi nhận:\n\n- Thường trực Thành ủy;\n- Lưu: VT.\n\n**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n\nTrần Hồ Đăng\n"
WHOLE = HEADER + TITLE + BODY + CLOSING
SMALL = TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\nCó 12 hộ.\n\n" + CLOSING
# What the 2023 report (the year before) says, which a draft falls back on.
SIGNER_2023 = {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Hồ Đăng"}
RECIPIENTS_2023 = ["Thường trực Thành ủy (để báo cáo);", "Thường trực HĐND Tp (để báo cáo);",
                   "Đảng ủy Khối chính quyền;", "Công đoàn Khối chính quyền;", "Chủ tịch, các Phó Chủ tịch UBND Tp;",
                   "Thủ trưởng phòng, ban, đơn vị Tp;", "Lưu: VT."]


def import_text(tmp_path: Path, text: str, first: bool = False, edit=None) -> Draft:
    """`text` imported as 2024's report; `first`: into a site that has no year yet (and no docs folder);
    `edit(project)` changes the copy first."""
    project = ProjectCopy(copy_project(tmp_path / "project", code=False))
    if first:
        project.remove_year(2023)
        shutil.rmtree(project.root / "docs")
    if edit:
        edit(project)
    draft = run_import(project.root, 2024, write(tmp_path, text, "bao-cao-nhan-duoc.txt"))
    assert draft.code == 0, draft.printed
    return draft


def header_review(draft: Draft) -> list[str]:
    return [item["noi_dung"] for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "dau_van_ban"]


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Draft:
    return import_text(tmp_path_factory.mktemp("first"), WHOLE, first=True)


def test_a_first_year_takes_every_detail_of_the_document_from_the_report(first):
    report = first.data(2024, "bao-cao.yml")
    source = (first.root / "data/2024/bao-cao-cong-tac-chinh-quyen-2024.txt").read_bytes()
    assert source == WHOLE.encode("utf-8")
    assert report == {
        "nam": 2024, "trang_thai": "du_thao", "ngay_cong_bo": None, "loai_van_ban": "BÁO CÁO",
        "tieu_de": "Công tác chính quyền năm 2024 và nhiệm vụ năm 2025",
        "co_quan": "Ủy ban nhân dân thành phố Hải Dương", "dong_co_quan": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG"],
        "quoc_hieu": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "dia_danh": "Hải Dương",
        "so_hieu": {"so_van_ban": "15", "ky_hieu": "BC-UBND"}, "ngay_ky": {"ngay": 12, "thang": 1, "nam": 2025},
        "nguoi_ky": SIGNER_2023, "noi_nhan": ["Thường trực Thành ủy;", "Lưu: VT."],
        "muc_luc": [{"so_muc": "I", "tieu_de": "KẾT QUẢ THỰC HIỆN", "trang": "ket-qua-thuc-hien"},
                    {"so_muc": "II", "tieu_de": "NHIỆM VỤ NĂM 2025", "trang": "nhiem-vu-nam-2025"}],
        "nguon": {"tep_goc": "bao-cao-cong-tac-chinh-quyen-2024.txt", "sha256": hashlib.sha256(source).hexdigest(),
                  "mo_ta": report["nguon"]["mo_ta"]},
    }
    assert report["nguon"]["mo_ta"].startswith("Văn bản gốc nhận được (bao-cao-nhan-duoc.txt), nhập bằng make "
                                               "nhap-bao-cao ngày ")


def test_a_first_year_asks_to_check_the_agency_name_and_the_cards_it_chose(first):
    assert header_review(first) == ["Tên cơ quan lấy từ đầu văn bản: «Ủy ban nhân dân thành phố Hải Dương»."]
    assert first.data(2024, "trinh-bay.yml")["the_so_lieu"] == [
        {"khoa": "ket_qua_thuc_hien.tong_thu_ngan_sach"}, {"khoa": "ket_qua_thuc_hien.sach_ty_trieu_dong"}]
    assert first.data(2024, "trinh-bay.yml")["bieu_do"] == []


def test_a_first_year_gets_the_default_overview_and_print_view(first):
    assert (first.root / "docs/2024/index.md").read_text(encoding="utf-8") == (
        "{{ dau_van_ban() }}\n\n## Số liệu chính\n\n{{ the_so_lieu() }}\n\n## Mở đầu\n\n"
        'Năm {{ so("nam.bao_cao") }} thành phố hoàn thành các nhiệm vụ.\n\n## Mục lục\n\n{{ muc_luc() }}\n\n'
        "[Bản in toàn văn báo cáo](ban-in.md) (mọi mục trên một trang, để in hoặc lưu thành PDF).\n\n"
        "## Dữ liệu và trích dẫn\n\n{{ tai_du_lieu() }}\n\nTrích dẫn báo cáo này:\n\n{{ trich_dan() }}\n")
    assert (first.root / "docs/2024/ban-in.md").read_text(encoding="utf-8") == (
        "---\nsearch:\n  exclude: true\n---\n\n{{ toan_van() }}\n")
    last = (first.root / "docs/2024/nhiem-vu-nam-2025.md").read_text(encoding="utf-8")
    assert last == ('# {{ tieu_de() }}\n\nTiếp tục thực hiện {{ so("nhiem_vu_nam_2025.chi_tieu_chu") }} chỉ tiêu '
                    "chủ yếu.\n\n{{ ket_thuc_van_ban() }}\n")


def test_a_first_year_prints_what_it_made(first):
    assert first.printed.splitlines()[0] == ("Đã nhập báo cáo năm 2024 (dự thảo): 2 trang, 4 số liệu (0 giữ khóa của "
                                             "năm trước), 0 văn bản viện dẫn.")


def test_what_the_report_leaves_out_is_taken_from_last_year_and_listed_for_review(tmp_path):
    draft = import_text(tmp_path, TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\nTổng thu ngân sách đạt 1.633 tỷ 225 triệu "
                                          "đồng.\n")
    report = draft.data(2024, "bao-cao.yml")
    assert (report["co_quan"], report["co_quan_chu_quan"], report["dia_danh"]) == (
        "Ủy ban nhân dân thành phố Hải Dương", "Tỉnh Hải Dương", "Hải Dương")
    assert "dong_co_quan" not in report and "quoc_hieu" not in report
    assert report["so_hieu"] == {"so_van_ban": None, "ky_hieu": "BC-UBND"}
    assert report["ngay_ky"] == {"ngay": None, "thang": None, "nam": 2025}
    assert (report["nguoi_ky"], report["noi_nhan"]) == (SIGNER_2023, RECIPIENTS_2023)
    assert header_review(draft) == [
        "Văn bản gốc không ghi tên cơ quan ở đầu trang; đã ghi «Ủy ban nhân dân thành phố Hải Dương».",
        "Không thấy dòng địa danh, ngày tháng (ví dụ «Hải Dương, ngày … tháng … năm …»).",
        "Không thấy dòng «Số: …/BC-UBND» ở đầu văn bản.",
        "Không nhận ra khối chữ ký ở cuối văn bản; đã ghi tạm người ký của năm trước.",
        "Không nhận ra phần «Nơi nhận» ở cuối văn bản; đã ghi tạm danh sách của năm trước.",
    ]


def test_a_blank_number_and_day_stay_blank_with_a_note_and_a_province_is_the_parent_body(tmp_path):
    draft = import_text(tmp_path, "UBND TỈNH HẢI DƯƠNG\nUBND THÀNH PHỐ HẢI DƯƠNG\n\nSố:      /BC-UBND\n\n"
                                  "Hải Dương, ngày    tháng 01 năm 2025\n\n" + TITLE + BODY + CLOSING)
    report = draft.data(2024, "bao-cao.yml")
    assert (report["co_quan"], report["co_quan_chu_quan"]) == (
        "Ủy ban nhân dân thành phố Hải Dương", "Ủy ban nhân dân tỉnh Hải Dương")
    assert report["so_hieu"] == {"so_van_ban": None, "ky_hieu": "BC-UBND", "ghi_chu": "so-hieu-de-trong"}
    assert report["ngay_ky"] == {"ngay": None, "thang": 1, "nam": 2025, "ghi_chu": "ngay-ky-de-trong"}
    assert draft.data(2024, "ghi-chu.yml")["ghi_chu"] == {
        "so-hieu-de-trong": {"muc": "Đầu văn bản", "noi_dung": 'Bản gốc để trống số văn bản ("Số: /BC-UBND"). Trang '
                             "này giữ nguyên như bản gốc; số văn bản sẽ được bổ sung khi có bản đã đăng ký số."},
        "ngay-ky-de-trong": {"muc": "Đầu văn bản", "noi_dung": 'Bản gốc để trống ngày ký ("ngày … tháng … năm …" '
                             "chưa điền đủ). Trang này giữ nguyên như bản gốc."},
    }
    assert header_review(draft) == [
        "Bản gốc để trống số văn bản; đã đề xuất ghi chú biên tập «so-hieu-de-trong».",
        "Bản gốc để trống ngày (hoặc tháng) ký; đã đề xuất ghi chú biên tập «ngay-ky-de-trong».",
    ]


# --------------------------------------------------------------------------
# Nothing half-written
# --------------------------------------------------------------------------

def test_a_year_whose_pages_folder_exists_is_refused_naming_it(project, tmp_path):
    (project.root / "docs/2024").mkdir()
    source = write(tmp_path, WHOLE)
    assert refused(project, "2024", str(source)) == (
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- docs/2024:\n"
        "    Năm 2024 đã có tệp; lệnh nhập không bao giờ ghi đè.\n"
        "    Cách sửa: Nếu muốn nhập lại từ đầu, xóa (hoặc đổi tên) thư mục data/2024 và docs/2024 trước.\n")


def test_an_error_names_the_file_as_the_editor_gave_it(project, tmp_path):
    source = write(tmp_path, WHOLE, "bao-cao-2025.txt")
    assert refused(project, "2025", str(source)).startswith(
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- bao-cao-2025.txt:\n"
        '    Tên văn bản "Công tác chính quyền năm 2024 và nhiệm vụ năm 2025" năm 2024, không phải năm 2025.\n')
    missing = refused(project, "2024", str(tmp_path / "khong-co.docx"))
    assert missing.startswith("Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- khong-co.docx:\n"
                              "    Không tìm thấy tệp này.\n")


def test_a_failure_while_moving_the_year_into_place_leaves_nothing(project, tmp_path, monkeypatch):
    source = write(tmp_path, WHOLE)
    moved, real_move = [], shutil.move

    def move(origin: str, target: str) -> None:
        if "docs" in Path(target).parts:
            raise OSError(28, "No space left on device")
        moved.append(target)
        real_move(origin, target)

    monkeypatch.setattr(importer.shutil, "move", move)
    output = refused(project, "2024", str(source))
    assert moved == [str(project.root / "data" / "2024")]
    assert "Lỗi không mong đợi của chương trình nhập (OSError: [Errno 28] No space left on device)" in output


# --------------------------------------------------------------------------
# Totals the source breaks
# --------------------------------------------------------------------------

def table_report(households: str, people: str) -> str:
    return (TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\n| Chỉ tiêu | Số hộ | Số người |\n| --- | --- | --- |\n"
            f"| Phường A | 10 | 30 |\n| Phường B | 20 | 40 |\n| Tổng cộng | {households} | {people} |\n\n" + CLOSING)


def test_totals_the_source_breaks_are_set_aside_and_each_is_listed_with_its_figures(tmp_path):
    draft = import_text(tmp_path, table_report("31", "71"), first=True)
    assert "kiem_tra" not in draft.data(2024, "so-lieu.yml")
    broken = [item for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "tong_lech"]
    assert [(item["noi_dung"], item["khoa"]) for item in broken] == [
        ("Tổng không khớp: ket_qua_thuc_hien.tong_cong_nguoi = 71, nhưng ket_qua_thuc_hien.phuong_a_nguoi (30) + "
         "ket_qua_thuc_hien.phuong_b_nguoi (40) = 70. Các số: «71» (Tổng cộng — Số người); «30» (Phường A — Số "
         "người); «40» (Phường B — Số người).", "ket_qua_thuc_hien.tong_cong_nguoi"),
        ("Tổng không khớp: ket_qua_thuc_hien.tong_cong_ho = 31, nhưng ket_qua_thuc_hien.phuong_a_ho (10) + "
         "ket_qua_thuc_hien.phuong_b_ho (20) = 30. Các số: «31» (Tổng cộng — Số hộ); «10» (Phường A — Số hộ); "
         "«20» (Phường B — Số hộ).", "ket_qua_thuc_hien.tong_cong_ho"),
    ]
    assert broken[0]["de_xuat"] == (
        "Đối chiếu với văn bản gốc. Nếu đúng là bản gốc không khớp, thêm lại kiểm tra này vào kiem_tra trong "
        "so-lieu.yml với sai_lech_nguon và một ghi chú biên tập (như năm 2023); nếu các số không có quan hệ này, "
        "bỏ qua.")


def test_a_total_that_adds_up_is_kept_as_a_check_beside_one_that_does_not(tmp_path):
    draft = import_text(tmp_path, table_report("31", "70"), first=True)
    assert draft.data(2024, "so-lieu.yml")["kiem_tra"] == [
        {"loai": "tong_cac_phan", "tong": "ket_qua_thuc_hien.tong_cong_nguoi",
         "cac_phan": ["ket_qua_thuc_hien.phuong_a_nguoi", "ket_qua_thuc_hien.phuong_b_nguoi"]}]
    assert [item["khoa"] for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "tong_lech"] == [
        "ket_qua_thuc_hien.tong_cong_ho"]


def test_a_site_with_no_year_and_a_report_with_no_agency_says_so(tmp_path):
    draft = import_text(tmp_path, table_report("30", "70"), first=True)
    assert draft.data(2024, "bao-cao.yml")["co_quan"] == "Ủy ban nhân dân"
    assert header_review(draft)[0] == "Văn bản gốc không ghi tên cơ quan ở đầu trang; đã ghi «Ủy ban nhân dân»."
    assert draft.data(2024, "trinh-bay.yml")["the_so_lieu"] == [{"khoa": "ket_qua_thuc_hien.phuong_a_ho"}]


def test_a_title_without_a_year_is_refused(project, tmp_path):
    source = write(tmp_path, "BÁO CÁO\nCông tác chính quyền và nhiệm vụ\n\nI. KẾT QUẢ\n\nNội dung.\n")
    assert refused(project, "2024", str(source)) == (
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- bao-cao.txt:\n"
        '    Tên văn bản "Công tác chính quyền và nhiệm vụ" không nêu năm, không phải năm 2024.\n'
        "    Cách sửa: Chọn đúng tệp báo cáo năm 2024, hoặc sửa YEAR=... cho đúng năm của báo cáo.\n")


# --------------------------------------------------------------------------
# Small parts
# --------------------------------------------------------------------------

OVERVIEW = "{{ dau_van_ban() }}\n\n## Số liệu chính\n\n## Mở đầu\n\nNăm trước.\n\n## Mục lục\n"


@pytest.mark.parametrize(("overview", "opening", "result"), [
    (OVERVIEW, "Năm nay.\n\n", "{{ dau_van_ban() }}\n\n## Số liệu chính\n\n## Mở đầu\n\nNăm nay.\n\n## Mục lục\n"),
    (OVERVIEW, "", "{{ dau_van_ban() }}\n\n## Số liệu chính\n\n## Mục lục\n"),
    (OVERVIEW + "## Mở đầu\n\nMột lần nữa.\n", "Mới.",
     "{{ dau_van_ban() }}\n\n## Số liệu chính\n\n## Mở đầu\n\nMới.\n\n## Mục lục\n## Mở đầu\n\nMột lần nữa.\n"),
    ("---\ntitle: x\n---\n{{ dau_van_ban() }}\n## Mục lục\n", "Mới.",
     "---\ntitle: x\n---\n{{ dau_van_ban() }}\n\n## Mở đầu\n\nMới.\n\n## Mục lục\n"),
    ("{{ dau_van_ban() }}\n\n## Mở đầu (trích)\n\nCũ.\n", "Mới.", "{{ dau_van_ban() }}\n\n## Mở đầu\n\nMới.\n\n"),
    ("{{ dau_van_ban() }}\n\n## Mục lục\n", "Mới.", "{{ dau_van_ban() }}\n\n## Mở đầu\n\nMới.\n\n\n## Mục lục\n"),
    ("{{ dau_van_ban() }}\n\n## Mục lục\n", "", "{{ dau_van_ban() }}\n\n## Mục lục\n"),
    ("## Mục lục\n", "Mới.", "\n## Mở đầu\n\nMới.\n\n## Mục lục\n"),
])
def test_this_years_opening_replaces_last_years_under_its_heading(overview, opening, result):
    assert importer._with_opening(overview, opening) == result


def test_the_figures_a_check_names_are_its_keys_without_numerator_or_denominator():
    assert importer._check_keys({"loai": "tong_cac_phan", "tong": "a.tong", "cac_phan": ["a.mot", "a.hai"],
                                 "sai_lech_nguon": {"ghi_chu": "x"}}) == ["a.tong", "a.mot", "a.hai"]
    assert importer._check_keys({"loai": "ti_le_cua_ti_so", "phan_tram": "b.ti_le", "ti_so": "b.don.tu_so",
                                 "mau_so": "b.don.mau_so"}) == ["b.ti_le", "b.don", "b.don"]


# --------------------------------------------------------------------------
# What carries over from last year: cards, charts, relations, the overview
# --------------------------------------------------------------------------

FIXTURE_LINES = (ROOT / "tests" / "fixtures" / "bao-cao-2024.txt").read_text(encoding="utf-8").splitlines()
BUDGET, SERVICES, POVERTY = (next(line for line in FIXTURE_LINES if words in line) for words in (
    "Tổng thu ngân sách nhà nước ước đạt", "giải quyết TTHC số lượng lớn", "tỉ lệ hộ nghèo giảm còn"))
ONLINE = ", tỷ lệ hồ sơ trực tuyến đạt trên 96% (tăng 2% so với năm 2023)"


def carried_report(*statements: str) -> str:
    """A report with the 2023 sections (so their pages keep their addresses) and a few sentences of 2024's."""
    return (TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\n1. Công tác chỉ đạo thực hiện kế hoạch năm 2024\n\nNội dung.\n\n"
            "2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan\n\nNội dung.\n\n"
            "3. Kết quả thực hiện các nhiệm vụ, quyền hạn\n\n" + "\n\n".join(statements)
            + "\n\nII. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN\n\nNội dung.\n\n" + CLOSING)


def presentation_review(draft: Draft) -> list[str]:
    return [item["noi_dung"] for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "trinh_bay"]


@pytest.fixture(scope="module")
def carried(tmp_path_factory) -> Draft:
    return import_text(tmp_path_factory.mktemp("carried"), carried_report(BUDGET, SERVICES))


def test_last_years_cards_and_charts_stay_where_this_year_has_their_figures(carried):
    shown = carried.data(2024, "trinh-bay.yml")
    assert shown["the_so_lieu"] == [
        {"khoa": "thu_ngan_sach.tong",
         "so_voi": ["thu_ngan_sach.tong_so_du_toan_tinh", "thu_ngan_sach.tong_so_du_toan_thanh_pho"]},
        {"khoa": "tthc.dung_va_truoc_han", "so_voi": ["tthc.truc_tuyen", "tthc.so_hoa"]}]
    assert [(chart["ma"], chart["tieu_de"], [bar["khoa"] for bar in chart["cot"]]) for chart in shown["bieu_do"]] == [
        ("co-cau-thu-ngan-sach", "Tổng thu ngân sách nhà nước năm 2024 gồm tiền sử dụng đất và các khoản thu khác",
         ["thu_ngan_sach.tien_su_dung_dat", "thu_ngan_sach.khong_ke_tien_su_dung_dat"]),
        ("thu-ngan-sach-so-voi-du-toan",
         "Thu ngân sách năm 2024 so với dự toán (tổng thu, và thu không kể tiền sử dụng đất)",
         ["thu_ngan_sach.tong_so_du_toan_tinh", "thu_ngan_sach.tong_so_du_toan_thanh_pho",
          "thu_ngan_sach.khong_ke_so_du_toan_tinh", "thu_ngan_sach.khong_ke_so_du_toan_thanh_pho"]),
        ("thu-tuc-hanh-chinh", "Giải quyết thủ tục hành chính năm 2024",
         ["tthc.dung_va_truoc_han", "tthc.so_hoa", "tthc.truc_tuyen"])]
    second = shown["bieu_do"][1]
    assert (second["kieu"], second["moc"], second["nhan_moc"], second["trang"]) == (
        "phan_tram", 100, "Dự toán", "ket-qua-nhiem-vu-quyen-han")
    assert second["cot"][0] == {"khoa": "thu_ngan_sach.tong_so_du_toan_tinh", "nhan": "Tổng thu / dự toán tỉnh"}
    assert presentation_review(carried) == [
        "Thẻ số liệu «dau_tu_cong.giai_ngan» của năm trước không có số tương ứng năm nay nên đã bỏ.",
        "Thẻ số liệu «giam_ngheo.ti_le_ho_ngheo» của năm trước không có số tương ứng năm nay nên đã bỏ.",
        "Thẻ số liệu «gpmb.gia_tri_phe_duyet» của năm trước không có số tương ứng năm nay nên đã bỏ.",
        "Thẻ số liệu «chi_tieu.dat_va_vuot» của năm trước không có số tương ứng năm nay nên đã bỏ.",
        "Biểu đồ «tang-truong-gia-tri-san-xuat» của năm trước thiếu số liệu hoặc trang năm nay nên đã bỏ.",
        "Biểu đồ «muc-do-hoan-thanh» của năm trước thiếu số liệu hoặc trang năm nay nên đã bỏ.",
    ]


def test_last_years_overview_and_print_view_are_kept_with_this_years_opening(carried):
    last = (ROOT / "docs/2023/index.md").read_text(encoding="utf-8")
    start = last.index("## Mở đầu")
    end = last.index("\n## ", start) + 1
    assert (carried.root / "docs/2024/index.md").read_text(encoding="utf-8") == last[:start] + last[end:]
    assert (carried.root / "docs/2024/ban-in.md").read_bytes() == (ROOT / "docs/2023/ban-in.md").read_bytes()


def test_figures_stated_again_keep_last_years_keys_and_relations(carried):
    figures = carried.figures(2024)
    assert figures["thu_ngan_sach.tong"]["gia_tri"] == "1.633 tỷ 225 triệu đồng"
    assert carried.printed.splitlines()[0] == (
        "Đã nhập báo cáo năm 2024 (dự thảo): 4 trang, 13 số liệu (13 giữ khóa của năm trước), 0 văn bản viện dẫn.")
    assert carried.data(2024, "so-lieu.yml")["kiem_tra"] == [
        {"loai": "tong_cac_phan", "tong": "thu_ngan_sach.tong",
         "cac_phan": ["thu_ngan_sach.tien_su_dung_dat", "thu_ngan_sach.khong_ke_tien_su_dung_dat"]}]


def test_a_chart_missing_some_bars_keeps_the_others(tmp_path):
    draft = import_text(tmp_path, carried_report(BUDGET, SERVICES.replace(ONLINE, "")))
    shown = draft.data(2024, "trinh-bay.yml")
    assert shown["the_so_lieu"][1] == {"khoa": "tthc.dung_va_truoc_han", "so_voi": ["tthc.so_hoa"]}
    assert [bar["khoa"] for bar in shown["bieu_do"][2]["cot"]] == ["tthc.dung_va_truoc_han", "tthc.so_hoa"]
    assert ("Biểu đồ «thu-tuc-hanh-chinh» của năm trước thiếu số liệu hoặc trang năm nay: đã bỏ các cột thiếu."
            in presentation_review(draft))


def test_last_years_relation_carries_over_and_is_listed_when_this_year_breaks_it(tmp_path):
    kept = import_text(tmp_path / "giu", carried_report(POVERTY))
    assert {"loai": "khong_vuot", "khoa": "giam_ngheo.ti_le_ho_ngheo", "nguong": "giam_ngheo.chi_tieu_ho_ngheo"} in (
        kept.data(2024, "so-lieu.yml")["kiem_tra"])
    broken = import_text(tmp_path / "vuot", carried_report(POVERTY.replace("0,72%", "0,95%")))
    assert "kiem_tra" not in broken.data(2024, "so-lieu.yml")
    [item] = [item for item in broken.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "tong_lech"]
    assert item["noi_dung"] == (
        "giam_ngheo.ti_le_ho_ngheo = 0,95 vượt ngưỡng giam_ngheo.chi_tieu_ho_ngheo = 0,9. Quan hệ này đúng ở báo "
        "cáo năm trước. Các số: «0,95%» (Tỷ lệ hộ nghèo cuối năm 2024 (càng thấp càng tốt)); «0,90%» (Chỉ tiêu kế "
        "hoạch về tỷ lệ hộ nghèo năm 2024 (mức tối đa)).")
    assert item["khoa"] == "giam_ngheo.ti_le_ho_ngheo"


def test_each_data_file_names_its_schema_what_it_holds_and_where_it_came_from(first):
    today = datetime.date.today().strftime("%d/%m/%Y")
    made = f"Nhập từ văn bản gốc bằng make nhap-bao-cao ngày {today} (dự thảo)."
    source = "Báo cáo công tác chính quyền năm 2024 và nhiệm vụ năm 2025, Ủy ban nhân dân thành phố Hải Dương"
    expected = {
        "bao-cao.yml": [
            "# Báo cáo năm 2024: thông tin của văn bản (số hiệu, ngày ký, người ký, nơi nhận, mục lục).", f"# {made}",
            "# trang_thai: du_thao (dự thảo, chưa đăng) hoặc cong_bo (đã công bố: cần ngay_cong_bo, mọi việc trong "
            "ra-soat.yml đã xong, rồi make niem-phong).", "nam: 2024"],
        "so-lieu.yml": [
            f"# Số liệu của báo cáo năm 2024. {made}",
            "# Mỗi số liệu: loai, gia_tri (viết đúng như văn bản gốc), y_nghia (số này đo cái gì), muc (mục nêu số).",
            "# Khóa giống năm trước được giữ nguyên; khóa và ý nghĩa mới cần rà soát (xem ra-soat.yml).",
            f"nguon: {source}"],
        "van-ban.yml": [f"# Văn bản được báo cáo năm 2024 viện dẫn. {made}", f"nguon: {source}"],
        "ghi-chu.yml": ["# Ghi chú biên tập của báo cáo năm 2024: chương trình đề xuất, biên tập viên duyệt lại lời văn.",
                        f"# {made}", f"nguon: {source}"],
        "trinh-bay.yml": [f"# Cách trình bày số liệu năm 2024: thẻ số liệu chính và biểu đồ. {made}", f"nguon: {source}"],
        "ra-soat.yml": [
            "# Danh sách rà soát: những gì chương trình tự đặt hoặc nhận thấy khi nhập văn bản gốc.",
            "# Xem từng việc trong bản xem trước (make xem-truoc), sửa dữ liệu hoặc trang nếu cần, rồi ghi xong: true.",
            "# Năm chỉ công bố được khi mọi việc đã xong.", f"nguon: Nhập từ bao-cao-nhan-duoc.txt ngày {today}"],
    }
    for name, lines in expected.items():
        text = (first.root / "data/2024" / name).read_text(encoding="utf-8").splitlines()
        schema = name.replace(".yml", ".schema.json")
        assert text[:len(lines) + 1] == [f"# yaml-language-server: $schema=../../schemas/{schema}", *lines], name


def test_only_the_last_page_closes_the_document(first):
    opening = (first.root / "docs/2024/ket-qua-thuc-hien.md").read_text(encoding="utf-8")
    assert opening == ('# {{ tieu_de() }}\n\nTổng thu ngân sách đạt {{ so("ket_qua_thuc_hien.tong_thu_ngan_sach") }}, '
                       'bằng {{ so("ket_qua_thuc_hien.sach_ty_trieu_dong") }} dự toán; tổ chức '
                       '{{ so("ket_qua_thuc_hien.phien_hop") }} phiên họp.\n')


def test_a_header_typed_with_tabs_and_a_signature_before_the_recipients_are_kept_as_laid_out(tmp_path):
    draft = import_text(tmp_path, (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HẢI DƯƠNG\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số:\t15/BC-UBND\tHải Dương, ngày 12 tháng 01 năm 2025\n\n" + TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\nCó 12 hộ.\n\n"
        "**TM. ỦY BAN NHÂN DÂN**\n\n**KT. CHỦ TỊCH**\n\n**PHÓ CHỦ TỊCH**\n\n(Đã ký)\n\n**Lê Thị Thu Hà**\n\n"
        "Nơi nhận:\n\n- Như trên;\n- Lưu: VT.\n"))
    report = draft.data(2024, "bao-cao.yml")
    assert report["bo_cuc"] == {"dau_van_ban": "dong", "ket_thuc": "chu_ky_truoc"}
    assert report["nguoi_ky"] == {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                                  "ghi_ky": "(Đã ký)", "ho_ten": "Lê Thị Thu Hà"}
    assert (report["so_hieu"], report["noi_nhan"]) == ({"so_van_ban": "15", "ky_hieu": "BC-UBND"},
                                                       ["Như trên;", "Lưu: VT."])
    assert header_review(draft) == []


def test_a_first_year_that_leaves_out_its_header_and_signer_is_drafted_with_blanks_to_fill(tmp_path):
    draft = import_text(tmp_path, TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\nCó 12 hộ.\n\n**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n",
                        first=True)
    report = draft.data(2024, "bao-cao.yml")
    assert (report["co_quan"], report["dia_danh"], report["so_hieu"], report["nguoi_ky"], report["noi_nhan"]) == (
        "Ủy ban nhân dân", "(chưa rõ)", {"so_van_ban": None, "ky_hieu": "BC-UBND"},
        {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "ho_ten": "(chưa rõ)"}, ["(chưa rõ)"])
    items = [(item["noi_dung"], item["de_xuat"]) for item in draft.data(2024, "ra-soat.yml")["viec"]
             if item["loai"] == "dau_van_ban"]
    assert items == [
        ("Văn bản gốc không ghi tên cơ quan ở đầu trang; đã ghi «Ủy ban nhân dân».",
         "Kiểm tra co_quan trong bao-cao.yml."),
        ("Không thấy dòng địa danh, ngày tháng (ví dụ «Hải Dương, ngày … tháng … năm …»).",
         "Điền dia_danh và ngay_ky trong bao-cao.yml theo văn bản gốc."),
        ("Không thấy dòng «Số: …/BC-UBND» ở đầu văn bản.", "Điền so_hieu trong bao-cao.yml."),
        ("Không nhận ra khối chữ ký ở cuối văn bản; đã ghi tạm người ký «(chưa rõ)».",
         "Điền nguoi_ky trong bao-cao.yml theo văn bản gốc."),
        ("Không nhận ra phần «Nơi nhận» ở cuối văn bản; đã ghi tạm «(chưa rõ)».",
         "Điền noi_nhan trong bao-cao.yml theo văn bản gốc."),
    ]


def test_what_each_header_review_asks_the_editor_to_do(tmp_path):
    draft = import_text(tmp_path, "UBND TỈNH HẢI DƯƠNG\nUBND THÀNH PHỐ HẢI DƯƠNG\n\nSố:      /BC-UBND\n\n"
                                  "Hải Dương, ngày    tháng 01 năm 2025\n\n" + TITLE + BODY + CLOSING, first=True)
    assert [(item["noi_dung"], item["de_xuat"]) for item in draft.data(2024, "ra-soat.yml")["viec"]
            if item["loai"] == "dau_van_ban"] == [
        ("Tên cơ quan lấy từ đầu văn bản: «Ủy ban nhân dân thành phố Hải Dương».",
         "Kiểm tra co_quan trong bao-cao.yml (chữ hoa của tên riêng)."),
        ("Bản gốc để trống số văn bản; đã đề xuất ghi chú biên tập «so-hieu-de-trong».",
         "Nếu đã có số, điền so_van_ban và xóa ghi chú; nếu không, giữ ghi chú."),
        ("Bản gốc để trống ngày (hoặc tháng) ký; đã đề xuất ghi chú biên tập «ngay-ky-de-trong».",
         "Nếu đã có ngày ký, điền vào ngay_ky và xóa ghi chú."),
    ]


def test_a_report_without_a_single_figure_is_refused(project, tmp_path):
    source = write(tmp_path, TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\nNội dung.\n", "trich.txt")
    assert refused(project, "2024", str(source)) == (
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- trich.txt:\n"
        "    Không tìm thấy số liệu nào trong văn bản (ngoài các năm của báo cáo).\n"
        "    Cách sửa: Kiểm tra tệp có đúng là toàn văn báo cáo công tác chính quyền (không phải bản trích hay trang "
        "bìa).\n")


def test_last_years_own_overview_and_print_view_are_the_new_years_starting_point(tmp_path):
    def customise(project: ProjectCopy) -> None:
        project.edit("docs/2023/index.md", "## Dữ liệu và trích dẫn\n",
                     "Đoạn riêng của trang tổng quan.\n\n## Dữ liệu và trích dẫn\n")
        project.edit("docs/2023/ban-in.md", "{{ toan_van() }}", "Bản in riêng.\n\n{{ toan_van() }}")
    draft = import_text(tmp_path, carried_report(BUDGET), edit=customise)
    assert "Đoạn riêng của trang tổng quan.\n\n## Dữ liệu và trích dẫn\n" in (draft.root / "docs/2024/index.md").read_text(
        encoding="utf-8")
    assert "Bản in riêng.\n\n{{ toan_van() }}" in (draft.root / "docs/2024/ban-in.md").read_text(encoding="utf-8")


def test_what_a_report_says_about_names_years_documents_ratios_and_spelling_is_drafted(tmp_path):
    draft = import_text(tmp_path, carried_report(
        "Kiểm điểm theo hướng 5 rõ, 6 dám; kế hoạch đầu tư công 2024 nguồn vốn tỉnh.",
        "Thực hiện Kết luận số 92-KL/TU; có 31/412 đơn chậm = 7,9%; thực hiện quyêt định."))
    figures = draft.figures(2024)
    assert figures["nguyen_tac.nam_ro_sau_dam"]["gia_tri"] == "5 rõ, 6 dám"
    page = (draft.root / "docs/2024/ket-qua-nhiem-vu-quyen-han.md").read_text(encoding="utf-8")
    assert 'kế hoạch đầu tư công {{ so("nam.bao_cao") }} nguồn vốn tỉnh' in page
    assert 'Thực hiện Kết luận số {{ vb("kl-92-tu") }}' in page
    [ratio_check] = [check for check in draft.data(2024, "so-lieu.yml")["kiem_tra"]
                     if check["loai"] == "ti_le_cua_ti_so"]
    assert "sai_lech_nguon" in ratio_check
    [spelling] = [item for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "chinh_ta"]
    line = page.splitlines().index(next(text for text in page.splitlines() if "quyêt" in text)) + 1
    assert spelling["de_xuat"].startswith(f"Đối chiếu với văn bản gốc (docs/…/ket-qua-nhiem-vu-quyen-han.md, dòng "
                                          f"{line}).")


def test_text_after_the_signature_is_kept_at_the_end_of_the_last_page(tmp_path):
    draft = import_text(tmp_path, TITLE + BODY + "III. KIẾN NGHỊ\n\nKhông có.\n\n" + CLOSING
                        + "\nPhụ lục kèm theo: 02 biểu.\n", first=True)
    last = (draft.root / "docs/2024/kien-nghi.md").read_text(encoding="utf-8")
    assert last == ('# {{ tieu_de() }}\n\nKhông có.\n\nPhụ lục kèm theo: {{ so("kien_nghi.phu_luc_kem") }} biểu.\n\n'
                    "{{ ket_thuc_van_ban() }}\n")
    assert draft.figures(2024)["kien_nghi.phu_luc_kem"]["muc"] == "III"
    assert "Phụ lục" not in (draft.root / "docs/2024/nhiem-vu-nam-2025.md").read_text(encoding="utf-8")


def test_the_review_list_starts_with_nothing_done(first):
    assert {item["xong"] for item in first.data(2024, "ra-soat.yml")["viec"]} == {False}


def test_a_year_whose_data_folder_exists_is_refused_naming_it(project, tmp_path):
    (project.root / "data/2024").mkdir()
    source = write(tmp_path, WHOLE)
    assert refused(project, "2024", str(source)).startswith(
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- data/2024:\n"
        "    Năm 2024 đã có tệp; lệnh nhập không bao giờ ghi đè.\n")


@pytest.mark.parametrize(("text", "said"), [
    ("I. KẾT QUẢ\n\nNội dung 5 hộ.\n",
     '- ghi-chu.txt:\n    Không tìm thấy tên văn bản (dòng "BÁO CÁO" và dòng tên báo cáo ngay sau).\n'
     "    Cách sửa: Kiểm tra tệp có đúng là báo cáo công tác chính quyền, với dòng BÁO CÁO ở đầu văn bản.\n"),
    (TITLE + "\n\nMột đoạn văn, không có mục, 5 hộ.\n",
     "- ghi-chu.txt:\n    Không nhận ra các mục đánh số của báo cáo (I., II., III. ...).\n"
     '    Cách sửa: Các mục lớn phải bắt đầu bằng số La Mã và dấu chấm ở đầu đoạn, ví dụ "I. KẾT QUẢ THỰC HIỆN".\n'),
])
def test_a_file_that_is_not_a_report_is_refused_saying_what_is_missing(project, tmp_path, text, said):
    source = write(tmp_path, text, "ghi-chu.txt")
    assert refused(project, "2024", str(source)) == (
        "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n" + said)


def test_the_summary_goes_to_standard_output_and_problems_to_standard_error(project, tmp_path):
    source = write(tmp_path, SMALL)
    code, out, err = run_command(project.root, "2024", str(source))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Đã nhập báo cáo năm 2024 (dự thảo): 1 trang, 1 số liệu (0 giữ khóa của năm trước), 0 văn bản viện dẫn.",
        *out.splitlines()[1:-1],
        "Xem trước: make xem-truoc, rồi mở trang năm 2024"]
    items = Draft(project.root, out, code).data(2024, "ra-soat.yml")["viec"]
    assert out.splitlines()[1] == f"Danh sách rà soát: data/2024/ra-soat.yml ({len(items)} việc):"
    assert out.splitlines()[2:-1] == [f"  - [{item['loai']}] {item['noi_dung']}" for item in items]
    code, out, err = run_command(project.root, "2024", str(source))
    assert (code, out) == (1, "") and err.startswith("Không nhập được báo cáo")
    code, out, err = run_command(project.root, "24", str(source))
    assert (code, out, err) == (2, "", "Cách dùng: make nhap-bao-cao YEAR=2024 FILE=đường/dẫn/bao-cao.docx\n")


def test_a_fault_of_the_importer_itself_is_said_plainly_and_writes_nothing(project, tmp_path, monkeypatch):
    source = write(tmp_path, SMALL)
    monkeypatch.setattr(importer, "_files", lambda prepared: 1 / 0)
    code, out, err = run_command(project.root, "2024", str(source))
    assert (code, out) == (1, "")
    assert err == ("Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):\n- Lỗi không mong đợi của chương "
                   "trình nhập (ZeroDivisionError: division by zero).\n    Cách sửa: Xin gửi tệp báo cáo và thông báo "
                   "này cho nhóm phát triển.\n")
    assert not (project.root / "data/2024").exists() and not list(project.root.glob(".nhap-*"))


def test_a_draft_the_importer_itself_wrote_wrong_is_reported_as_its_fault(project, tmp_path, monkeypatch):
    from macros.errors import EditorError
    source = write(tmp_path, SMALL)
    monkeypatch.setattr(importer, "problems", lambda site, docs: (
        [EditorError("docs/2024/ket-qua-thuc-hien.md", 3, None, "Trang lỗi.", "Sửa.")], []))
    code, _, err = run_command(project.root, "2024", str(source))
    assert code == 1 and err.startswith(
        "Lỗi của chương trình nhập (xin báo cho nhóm phát triển); không có tệp nào được tạo:\n"
        "- docs/2024/ket-qua-thuc-hien.md, dòng 3:\n    Trang lỗi.\n")
    real_load = importer.load_year

    def broken_load(root, year):
        (root / "data" / str(year) / "so-lieu.yml").write_text("so_lieu: [\n", encoding="utf-8")
        return real_load(root, year)
    monkeypatch.setattr(importer, "load_year", broken_load)
    code, _, err = run_command(project.root, "2024", str(source))
    assert code == 1 and err.startswith(
        "Lỗi của chương trình nhập (báo cho nhóm phát triển); không có tệp nào được tạo:\n- data/2024/so-lieu.yml")
    assert not (project.root / "data/2024").exists()


def test_what_is_said_of_each_card_and_chart_dropped_or_chosen(carried, first):
    dropped = [(item["noi_dung"], item.get("khoa"), item["de_xuat"]) for item in
               carried.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "trinh_bay"]
    assert dropped[0] == ("Thẻ số liệu «dau_tu_cong.giai_ngan» của năm trước không có số tương ứng năm nay nên đã bỏ.",
                          "dau_tu_cong.giai_ngan", "Thêm một thẻ khác trong trinh-bay.yml nếu cần.")
    assert dropped[-1] == ("Biểu đồ «muc-do-hoan-thanh» của năm trước thiếu số liệu hoặc trang năm nay nên đã bỏ.",
                           None, "Kiểm tra biểu đồ trong trinh-bay.yml.")
    [chosen] = [(item["noi_dung"], item.get("khoa"), item["de_xuat"]) for item in
                first.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "trinh_bay"]
    assert chosen == ("Thẻ số liệu chính ở trang tổng quan do chương trình chọn: ket_qua_thuc_hien.tong_thu_ngan_sach, "
                      "ket_qua_thuc_hien.sach_ty_trieu_dong.", None, "Chọn lại các số liệu chính trong trinh-bay.yml.")
    charts = carried.data(2024, "trinh-bay.yml")["bieu_do"]
    assert sorted(charts[0]) == ["cot", "kieu", "ma", "tieu_de", "trang"]  # nothing left empty
    assert sorted(charts[0]["cot"][0]) == ["khoa", "nhan"]


def test_at_most_four_cards_are_chosen_for_a_first_year(tmp_path):
    amounts = " ".join(f"Khoản {name} đạt {number} tỷ đồng." for name, number in
                       (("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5)))
    draft = import_text(tmp_path, TITLE + "\n\nI. KẾT QUẢ THỰC HIỆN\n\n" + amounts + "\n\n" + CLOSING, first=True)
    assert len(draft.data(2024, "trinh-bay.yml")["the_so_lieu"]) == 4


def test_a_carried_charts_title_moves_on_a_year_with_every_year_it_names(tmp_path):
    def retitle(project: ProjectCopy) -> None:
        project.edit("data/2023/trinh-bay.yml",
                     "tieu_de: Tổng thu ngân sách nhà nước năm 2023 gồm tiền sử dụng đất và các khoản thu khác",
                     "tieu_de: Tổng thu năm 2023 so với năm 2022 và kế hoạch năm 2024")
    draft = import_text(tmp_path, carried_report(BUDGET), edit=retitle)
    assert draft.data(2024, "trinh-bay.yml")["bieu_do"][0]["tieu_de"] == (
        "Tổng thu năm 2024 so với năm 2023 và kế hoạch năm 2025")


def test_a_document_cited_last_year_keeps_last_years_key(tmp_path):
    draft = import_text(tmp_path, carried_report("Thực hiện Chương trình số 110/CTTr-UBND với 12 nhóm việc."))
    page = (draft.root / "docs/2024/ket-qua-nhiem-vu-quyen-han.md").read_text(encoding="utf-8")
    assert 'Chương trình số {{ vb("ct-110-ubnd") }}' in page  # 2023's key, not one made from the number
