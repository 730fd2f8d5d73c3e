"""An editor's mistake stops the build with a Vietnamese message, and nothing is written.

Each scenario breaks a copy of the project the way an editor could and checks
what the editor would read: the file, the line, the key and what to do. The
message is the one the build prints: `macros.validation` is what the build
runs before rendering anything, and these scenarios run it in this process.
The last ones run the real `mkdocs build --strict` end to end: the build
stops with that same message, no Python traceback and no site written.
"""

from __future__ import annotations

import re

import pytest

FIGURES = "data/2023/so-lieu.yml"
REPORT = "data/2023/bao-cao.yml"
PRESENTATION = "data/2023/trinh-bay.yml"
PAGE_I3 = "docs/2023/ket-qua-nhiem-vu-quyen-han.md"
HEADING = re.compile(r"Không dựng được trang web: có \d+ lỗi cần sửa \(chưa có trang nào được tạo hay thay đổi\)\.\n- ")


def reported(project) -> str:
    """What the editor reads for the broken copy (a change to the sealed 2023 is one more problem)."""
    said = project.problems()
    assert HEADING.match(said), said
    return said


# --------------------------------------------------------------------------
# YAML and the schema
# --------------------------------------------------------------------------

def test_a_key_without_its_colon_is_named_on_its_own_line(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ 750 triệu đồng\n", "      gia_tri 1.484 tỷ 750 triệu đồng\n")
    said = reported(project)
    line = project.line_of(FIGURES, "gia_tri 1.484 tỷ")
    assert f'- {FIGURES}, dòng {line}:\n    Tệp YAML viết sai cú pháp ở dòng: "gia_tri 1.484 tỷ 750 triệu đồng".' in said
    assert "Cách sửa: Kiểm tra thụt lề" in said


def test_a_key_out_of_line_is_named_on_its_own_line(project):
    project.edit(FIGURES, "    tong:\n      loai: tien", "    tong:\n      loai: tien\n     gia_tri 1")
    assert f"- {FIGURES}, dòng {project.line_of(FIGURES, 'gia_tri 1')}:" in reported(project)


def test_duplicate_key_in_one_mapping(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ 750 triệu đồng\n",
                 "      gia_tri: 1.484 tỷ 750 triệu đồng\n      gia_tri: 1.485 tỷ đồng\n")
    said = reported(project)
    first, second = (project.line_of(FIGURES, "gia_tri: 1.484 tỷ"), project.line_of(FIGURES, "gia_tri: 1.485 tỷ"))
    assert f'{FIGURES}, dòng {second}, khóa "so_lieu.thu_ngan_sach.tong.gia_tri"' in said
    assert f"bị lặp lại (đã có ở dòng {first})" in said


def test_missing_required_field(project):
    project.edit(FIGURES, "      y_nghia: Tổng thu ngân sách nhà nước năm 2023 (ước đạt)\n", "")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "    tong:")}, khóa "so_lieu.thu_ngan_sach.tong.y_nghia"' in said
    assert 'Thiếu trường bắt buộc "y_nghia"' in said


def test_misspelt_field_suggests_the_right_one(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ", "      gia_tr: 1.484 tỷ")
    said = reported(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, 'gia_tr: 1.484 tỷ')}" in said
    assert "Có phải ý bạn là: gia_tri?" in said


def test_a_key_with_marks_or_spaces_is_refused(project):
    project.edit(FIGURES, "  thu_ngan_sach:\n", "  Thu ngân sách:\n")
    said = project.problems()
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "  Thu ngân sách:")}, khóa "so_lieu.Thu ngân sách"' in said
    assert 'Tên khóa "Thu ngân sách" có ký tự không dùng được trong tên khóa.' in said


def test_percentage_in_words(project):
    project.edit(FIGURES, "      gia_tri: 122%\n", "      gia_tri: 122 phần trăm\n")
    said = reported(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, '122 phần trăm')}" in said
    assert '"122 phần trăm" không phải là một tỷ lệ phần trăm (ví dụ 13,6%)' in said


def test_percentage_without_its_sign(project):
    project.edit(FIGURES, "      gia_tri: 13,6%\n", "      gia_tri: 13,6\n")
    said = reported(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, 'gia_tri: 13,6')}" in said
    assert '"13,6" không phải là một tỷ lệ phần trăm' in said


def test_a_misplaced_thousands_dot(project):
    project.edit(FIGURES, "      gia_tri: 633 tỷ 900 triệu đồng\n", "      gia_tri: 63.39 tỷ đồng\n")
    said = reported(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, '63.39 tỷ')}" in said
    assert '"63.39" không phải là một số viết theo kiểu Việt Nam' in said


def test_percentage_out_of_range(project):
    project.edit(FIGURES, "      gia_tri: 99,9%\n", "      gia_tri: 199,9%\n")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "199,9%")}, khóa "so_lieu.tthc.dung_va_truoc_han.gia_tri"' \
        in said
    assert "199,9% nằm ngoài khoảng cho phép" in said


def test_negative_count(project):
    project.edit(FIGURES, "      gia_tri: 50\n", "      gia_tri: -50\n")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "-50")}, khóa "so_lieu.hop.phien_hop_ubnd.gia_tri"' in said
    assert "Số âm" in said


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf", ".NaN", "+.Inf"])
def test_infinity_and_not_a_number(project, value):
    project.edit(FIGURES, "      gia_tri: 50\n", f"      gia_tri: {value}\n")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, value)}, khóa "so_lieu.hop.phien_hop_ubnd.gia_tri"' in said
    assert "không phải là một con số hữu hạn" in said


def test_a_year_whose_report_names_another_year(project):
    project.edit(REPORT, "nam: 2023\n", "nam: 2022\n")
    said = project.problems()
    assert f'{REPORT}, dòng {project.line_of(REPORT, "nam: 2022")}, khóa "nam":' in said
    assert "Năm 2022 khác tên thư mục data/2023." in said
    assert "Sửa thành nam: 2023, hoặc đặt tệp vào đúng thư mục năm." in said


def test_the_derived_year_group_is_reserved(project):
    project.edit(FIGURES, "  thu_ngan_sach:\n", "  nam:\n    bao_cao:\n      loai: nam\n      gia_tri: 2023\n"
                 "      y_nghia: x\n      muc: I\n  thu_ngan_sach:\n")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "  nam:")}, khóa "so_lieu.nam":' in said
    assert 'Nhóm "nam" do chương trình tự tạo (nam.bao_cao, nam.truoc, nam.ke_hoach).' in said


# --------------------------------------------------------------------------
# Relations between figures
# --------------------------------------------------------------------------

def test_total_contradicting_its_parts(project):
    project.edit(FIGURES, "      gia_tri: 633 tỷ 900 triệu đồng\n", "      gia_tri: 633 tỷ 800 triệu đồng\n")
    said = reported(project)
    assert ("Tổng không khớp: thu_ngan_sach.tong = 1.484,75, nhưng thu_ngan_sach.tien_su_dung_dat (633,8) + "
            "thu_ngan_sach.khong_ke_tien_su_dung_dat (850,85) = 1.484,65.") in said


def test_unacknowledged_source_discrepancy(project):
    project.edit(FIGURES, "    sai_lech_nguon:\n      ghi_chu: ti-le-don-cham\n", "")
    said = reported(project)
    assert ("Tỷ lệ không khớp: tiep_dan.don_cham = 27/393 = 6,87%, làm tròn là 6,9%, nhưng "
            "tiep_dan.ti_le_don_cham = 6,8%.") in said


def test_the_same_number_stated_twice_must_agree(project):
    project.edit(FIGURES, "      gia_tri: 10\n      don_vi: chỉ tiêu\n      y_nghia: Số chỉ tiêu chủ yếu",
                 "      gia_tri: 11\n      don_vi: chỉ tiêu\n      y_nghia: Số chỉ tiêu chủ yếu")
    said = reported(project)
    line = project.line_of(FIGURES, "  - loai: bang_nhau")
    assert (f'{FIGURES}, dòng {line}, khóa "kiem_tra":\n    Các số phải bằng nhau nhưng khác nhau: '
            "chi_tieu.dat_va_vuot.mau_so = 10, ke_hoach_nam.chi_tieu_chu_yeu = 11.") in said


def test_the_length_of_the_plan_stated_twice_must_agree(project):
    project.edit(FIGURES, "      gia_tri: 5\n      don_vi: năm\n      y_nghia: Độ dài giai đoạn 5 năm",
                 "      gia_tri: 6\n      don_vi: năm\n      y_nghia: Độ dài giai đoạn 5 năm")
    said = reported(project)
    assert "Các số phải bằng nhau nhưng khác nhau: ke_hoach_5_nam.so_nam = 5, ke_hoach_5_nam.so_nam_giai_doan = 6." \
        in said


def test_an_original_form_equal_to_the_usual_one_is_not_needed(project):
    project.edit(FIGURES, "      gia_tri: 6,8%\n", "      gia_tri: 6,8%\n      nguyen_van: 6,8%\n")
    said = reported(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "    ti_le_don_cham:")}, khóa "tiep_dan.ti_le_don_cham":' in said
    assert '"nguyen_van" giống hệt cách hiển thị thông thường nên không cần.' in said
    assert "Cách sửa: Xóa dòng nguyen_van (và ghi chú nếu không còn cần)." in said


# --------------------------------------------------------------------------
# Charts and cards (trinh-bay.yml)
# --------------------------------------------------------------------------

def test_a_chart_that_cannot_draw_its_figure(project):
    project.edit(PRESENTATION, "      - khoa: thu_ngan_sach.tien_su_dung_dat\n", "      - khoa: tthc.dung_va_truoc_han\n")
    said = reported(project)
    assert f'{PRESENTATION}, khóa "bieu_do: co-cau-thu-ngan-sach":' in said
    assert 'Biểu đồ kiểu "gia_tri" không vẽ được số liệu: tthc.dung_va_truoc_han.' in said
    assert "gia_tri: tiền hoặc số lượng; phan_tram: tỷ lệ %; ti_so: dạng 25/35." in said


def test_a_chart_whose_bars_have_different_units(project):
    project.edit(PRESENTATION, "      - khoa: thu_ngan_sach.tien_su_dung_dat\n", "      - khoa: hop.phien_hop_ubnd\n")
    said = reported(project)
    assert f'{PRESENTATION}, khóa "bieu_do: co-cau-thu-ngan-sach":' in said
    assert "Các cột của biểu đồ có đơn vị khác nhau." in said
    assert "Chỉ đặt cạnh nhau những số liệu cùng đơn vị." in said


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------

def test_unknown_figure_key_in_a_page(project):
    project.edit(PAGE_I3, 'so("thu_ngan_sach.tong")', 'so("thu_ngan_sach.tongg")')
    said = reported(project)
    assert (f'{PAGE_I3}, dòng {project.line_of(PAGE_I3, "thu_ngan_sach.tongg")}, khóa "thu_ngan_sach.tongg":\n'
            '    Không có số liệu "thu_ngan_sach.tongg" trong data/2023/so-lieu.yml. '
            "Có phải ý bạn là: thu_ngan_sach.tong, ") in said  # the closest first


def test_a_year_macro_outside_a_year_page(project):
    project.edit("docs/thuat-ngu.md", "{{ bang_thuat_ngu() }}", '{{ bang_thuat_ngu() }}\n\n{{ so("hop.phien_hop_ubnd") }}')
    said = reported(project)
    assert (f'docs/thuat-ngu.md, dòng {project.line_of("docs/thuat-ngu.md", "phien_hop_ubnd")}:\n'
            "    so(...) chỉ dùng được trong trang của một năm báo cáo (docs/<năm>/).") in said


def test_a_figure_of_a_year_without_data(project):
    project.edit(PAGE_I3, 'so("thu_ngan_sach.tong")', 'so("thu_ngan_sach.tong", nam=2019)')
    said = reported(project)
    assert f'{PAGE_I3}, dòng {project.line_of(PAGE_I3, "nam=2019")}, khóa "nam=2019"' in said
    assert "so(...) dùng năm 2019 nhưng không có dữ liệu năm đó (data/2019/)." in said


def test_a_comparison_needs_the_previous_year(project):
    project.edit(PAGE_I3, '{{ so("thu_ngan_sach.tong") }}', '{{ so("thu_ngan_sach.tong") }} {{ so_sanh("thu_ngan_sach.tong") }}')
    said = reported(project)
    assert ('so_sanh cần số liệu "thu_ngan_sach.tong" của năm 2022, nhưng năm đó không có.') in said


def test_a_document_date_that_the_data_does_not_have(project):
    project.edit("data/2023/van-ban.yml", "    ngay: 2022-12-19\n", "")
    said = project.problems()
    assert 'Văn bản "kl-92-tu" không có ngày ban hành trong dữ liệu.' in said
    assert "Thêm ngay: ... cho văn bản trong van-ban.yml, hoặc bỏ lệnh này." in said


def test_a_document_part_that_does_not_exist(project):
    project.edit(PAGE_I3, '{{ so("thu_ngan_sach.tong") }}', '{{ so("thu_ngan_sach.tong") }} {{ vb("kl-92-tu", "ngayy") }}')
    said = reported(project)
    assert 'vb(...) không có phần "ngayy".' in said


def test_page_for_a_year_without_data(project):
    project.write("docs/2031/index.md", "# Báo cáo\n")
    said = reported(project)
    assert ("- docs/2031/index.md:\n    Trang thuộc năm 2031 nhưng không có dữ liệu data/2031/.") in said


def test_number_typed_into_a_report_page(project):
    project.edit(PAGE_I3, "quyết toán {{ so(\"dau_tu_cong.quyet_toan\") }} công trình",
                 "quyết toán 25 công trình")
    said = reported(project)
    assert f"{PAGE_I3}, dòng {project.line_of(PAGE_I3, 'quyết toán 25 công trình')}:\n    Có số gõ trực tiếp" in said


def test_broken_macro_syntax(project):
    project.edit(PAGE_I3, 'so("thu_ngan_sach.tong") }}', 'so("thu_ngan_sach.tong" }}')
    said = reported(project)
    line = project.line_of(PAGE_I3, 'so("thu_ngan_sach.tong" }}')
    assert f"{PAGE_I3}, dòng {line}:" in said
    assert "Lệnh chèn số liệu viết sai cú pháp" in said


def test_figure_note_must_be_shown_with_the_figure(project):
    project.edit(PAGE_I3, '{{ ghi_chu("tong-muc-dau-tu-13-du-an") }}', "")
    said = project.problems()
    line = project.line_of(PAGE_I3, "dau_tu_cong.tong_muc_theo_tham_quyen")
    assert (f'{PAGE_I3}, dòng {line}, khóa "dau_tu_cong.tong_muc_theo_tham_quyen":\n    Số liệu '
            '"dau_tu_cong.tong_muc_theo_tham_quyen" có ghi chú biên tập "tong-muc-dau-tu-13-du-an" nhưng trang chưa '
            "hiển thị ghi chú đó.") in said


def test_a_note_shown_on_no_page(project):
    project.edit("docs/2023/phuong-huong-nhiem-vu.md", '{{ ghi_chu("chao-mung-lap") }}', "")
    said = reported(project)
    notes = "data/2023/ghi-chu.yml"
    assert (f'{notes}, dòng {project.line_of(notes, "  chao-mung-lap:")}, khóa "chao-mung-lap":\n'
            "    Ghi chú biên tập không được hiển thị ở trang nào.") in said


def test_a_note_shown_twice_on_one_page(project):
    page = "docs/2023/phuong-huong-nhiem-vu.md"
    project.edit(page, '{{ ghi_chu("chao-mung-lap") }}', '{{ ghi_chu("chao-mung-lap") }}\n\n{{ ghi_chu("chao-mung-lap") }}')
    said = reported(project)
    assert f'{page}, khóa "chao-mung-lap":\n    Ghi chú biên tập "chao-mung-lap" được chèn 2 lần trong cùng một trang.' \
        in said


def test_all_mistakes_are_reported_together(project):
    project.edit(FIGURES, "      gia_tri: 99,9%\n", "      gia_tri: 199,9%\n")
    project.edit(FIGURES, "      gia_tri: 50\n", "      gia_tri: -50\n")
    said = reported(project)
    assert said.startswith("Không dựng được trang web: có 2 lỗi cần sửa")
    assert "199,9%" in said and "Số âm" in said


def test_a_mistake_in_the_glossary(project):
    project.edit("data/thuat-ngu.yml", "    day_du: giải phóng mặt bằng", "    day_du: giải phóng mặt bằng\n    nghia: x")
    said = reported(project)
    assert f'data/thuat-ngu.yml, dòng {project.line_of("data/thuat-ngu.yml", "nghia: x")}, khóa "thuat_ngu.GPMB.nghia"' \
        in said


# --------------------------------------------------------------------------
# Sealed years and their source documents
# --------------------------------------------------------------------------

def test_a_published_year_cannot_become_a_draft_again(project):
    project.edit(REPORT, "trang_thai: cong_bo", "trang_thai: du_thao")
    said = project.problems()
    assert (f'{REPORT}, khóa "trang_thai":\n    Năm 2023 đã công bố và niêm phong, không thể chuyển lại thành dự thảo.\n'
            "    Cách sửa: Giữ trang_thai: cong_bo; sửa nội dung bằng đính chính.") in said


def test_a_changed_source_document_is_refused(project):
    source = project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("1.484 tỷ", "1.485 tỷ"), encoding="utf-8")
    said = project.problems()
    line = project.line_of(REPORT, "sha256:")
    assert f'{REPORT}, dòng {line}, khóa "nguon.sha256"' in said
    assert "đã bị thay đổi (mã sha256 không khớp)" in said


def test_a_missing_source_document_is_refused(project):
    (project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt").unlink()
    assert "Không có tệp văn bản gốc data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt" in project.problems()


# --------------------------------------------------------------------------
# The real build, end to end
# --------------------------------------------------------------------------

@pytest.mark.site
@pytest.mark.parametrize("mistake", ["yaml", "page", "infinity"])
def test_the_build_stops_with_the_message_and_writes_nothing(project, mistake):
    if mistake == "yaml":
        project.edit(FIGURES, "      gia_tri: 1.484 tỷ 750 triệu đồng\n", "      gia_tri 1.484 tỷ 750 triệu đồng\n")
    elif mistake == "page":
        project.edit(PAGE_I3, 'so("thu_ngan_sach.tong")', 'so("thu_ngan_sach.tongg")')
    else:
        project.edit(FIGURES, "      gia_tri: 50\n", "      gia_tri: .inf\n")
    expected = project.problems()
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert expected and expected in output
    assert not (project.root / "site").exists(), "a failed build must not write a site"


@pytest.mark.site
@pytest.mark.parametrize("where", ["figure", "note"])
def test_html_in_data_is_shown_as_text(project, where):
    attack = '<script>alert("x")</script> *đậm* [liên kết](http://example.com)'
    if where == "figure":
        project.edit(FIGURES, "      gia_tri: K132\n", f"      gia_tri: '{attack}'\n")
        page = "2023/quan-he-phoi-hop/index.html"
    else:
        project.edit("data/2023/ghi-chu.yml", "      Bản gốc lặp từ", f"      {attack} Bản gốc lặp từ")
        page = "2023/phuong-huong-nhiem-vu/index.html"
    project.reseal()
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project.root / "site" / page).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<em>đậm</em>" not in html
    assert 'href="http://example.com"' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
