"""An editor's mistake stops the build with a Vietnamese message, and nothing is written.

Each scenario breaks a copy of the project the way an editor could, runs the
real `mkdocs build --strict`, and checks what the editor would read: the
file, the line, the key and what to do, never a Python traceback.
"""

from __future__ import annotations

import pytest

FIGURES = "data/2023/so-lieu.yml"
PAGE_I3 = "docs/2023/ket-qua-nhiem-vu-quyen-han.md"


def failed(project) -> str:
    """Build the copy; it must fail cleanly. Return what the editor reads."""
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert "Không dựng được trang web" in output, output
    assert not (project.root / "site").exists(), "a failed build must not write a site"
    return output


def test_malformed_yaml(project):
    project.edit(FIGURES, "    tong:\n      loai: tien", "    tong:\n      loai: tien\n     gia_tri 1")
    output = failed(project)
    line = project.line_of(FIGURES, "gia_tri 1")
    assert f"{FIGURES}, dòng" in output and "sai cú pháp" in output
    assert str(line) in output or str(line + 1) in output


def test_duplicate_key_in_one_mapping(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ 750 triệu đồng\n",
                 "      gia_tri: 1.484 tỷ 750 triệu đồng\n      gia_tri: 1.485 tỷ đồng\n")
    output = failed(project)
    first, second = (project.line_of(FIGURES, "gia_tri: 1.484 tỷ"), project.line_of(FIGURES, "gia_tri: 1.485 tỷ"))
    assert f"{FIGURES}, dòng {second}" in output
    assert 'khóa "so_lieu.thu_ngan_sach.tong.gia_tri"' in output
    assert f"bị lặp lại (đã có ở dòng {first})" in output


def test_missing_required_field(project):
    project.edit(FIGURES, "      y_nghia: Tổng thu ngân sách nhà nước năm 2023 (ước đạt)\n", "")
    output = failed(project)
    assert 'khóa "so_lieu.thu_ngan_sach.tong.y_nghia"' in output
    assert 'Thiếu trường bắt buộc "y_nghia"' in output


def test_misspelt_field_suggests_the_right_one(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ", "      gia_tr: 1.484 tỷ")
    output = failed(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, 'gia_tr: 1.484 tỷ')}" in output
    assert "Có phải ý bạn là: gia_tri" in output


def test_percentage_in_words(project):
    project.edit(FIGURES, "      gia_tri: 122%\n", "      gia_tri: 122 phần trăm\n")
    output = failed(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, '122 phần trăm')}" in output
    assert '"122 phần trăm" không phải là một tỷ lệ phần trăm (ví dụ 13,6%)' in output


def test_percentage_without_its_sign(project):
    project.edit(FIGURES, "      gia_tri: 13,6%\n", "      gia_tri: 13,6\n")
    output = failed(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, 'gia_tri: 13,6')}" in output
    assert '"13,6" không phải là một tỷ lệ phần trăm' in output


def test_a_misplaced_thousands_dot(project):
    project.edit(FIGURES, "      gia_tri: 633 tỷ 900 triệu đồng\n", "      gia_tri: 63.39 tỷ đồng\n")
    output = failed(project)
    assert f"{FIGURES}, dòng {project.line_of(FIGURES, '63.39 tỷ')}" in output
    assert '"63.39" không phải là một số viết theo kiểu Việt Nam' in output


def test_percentage_out_of_range(project):
    project.edit(FIGURES, "      gia_tri: 99,9%\n", "      gia_tri: 199,9%\n")
    output = failed(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, "199,9%")}, khóa "so_lieu.tthc.dung_va_truoc_han.gia_tri"' \
        in output
    assert "199,9% nằm ngoài khoảng cho phép" in output


def test_negative_count(project):
    project.edit(FIGURES, "      gia_tri: 50\n", "      gia_tri: -50\n")
    output = failed(project)
    assert 'khóa "so_lieu.hop.phien_hop_ubnd.gia_tri"' in output and "Số âm" in output


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf"])
def test_infinity_and_not_a_number(project, value):
    project.edit(FIGURES, "      gia_tri: 50\n", f"      gia_tri: {value}\n")
    output = failed(project)
    assert f'{FIGURES}, dòng {project.line_of(FIGURES, value)}, khóa "so_lieu.hop.phien_hop_ubnd.gia_tri"' in output
    assert "không phải là một con số hữu hạn" in output


def test_unknown_figure_key_in_a_page(project):
    project.edit(PAGE_I3, 'so("thu_ngan_sach.tong")', 'so("thu_ngan_sach.tongg")')
    output = failed(project)
    assert f"{PAGE_I3}, dòng {project.line_of(PAGE_I3, 'thu_ngan_sach.tongg')}" in output
    assert 'khóa "thu_ngan_sach.tongg"' in output
    assert "Có phải ý bạn là: thu_ngan_sach.tong" in output


def test_total_contradicting_its_parts(project):
    project.edit(FIGURES, "      gia_tri: 633 tỷ 900 triệu đồng\n", "      gia_tri: 633 tỷ 800 triệu đồng\n")
    output = failed(project)
    assert "Tổng không khớp: thu_ngan_sach.tong = 1.484,75" in output
    assert "thu_ngan_sach.tien_su_dung_dat (633,8)" in output


def test_unacknowledged_source_discrepancy(project):
    project.edit(FIGURES, "    sai_lech_nguon:\n      ghi_chu: ti-le-don-cham\n", "")
    output = failed(project)
    assert "27/393 = 6,87%, làm tròn là 6,9%, nhưng tiep_dan.ti_le_don_cham = 6,8%" in output


def test_page_for_a_year_without_data(project):
    project.write("docs/2031/index.md", "# Báo cáo\n")
    output = failed(project)
    assert "docs/2031/index.md" in output and "không có dữ liệu data/2031/" in output


def test_number_typed_into_a_report_page(project):
    project.edit(PAGE_I3, "quyết toán {{ so(\"dau_tu_cong.quyet_toan\") }} công trình",
                 "quyết toán 25 công trình")
    output = failed(project)
    assert f"{PAGE_I3}, dòng {project.line_of(PAGE_I3, 'quyết toán 25 công trình')}" in output
    assert "Có số gõ trực tiếp vào trang" in output


def test_broken_macro_syntax(project):
    project.edit(PAGE_I3, 'so("thu_ngan_sach.tong") }}', 'so("thu_ngan_sach.tong" }}')
    output = failed(project)
    assert f"{PAGE_I3}, dòng" in output and "viết sai cú pháp" in output


def test_figure_note_must_be_shown_with_the_figure(project):
    project.edit(PAGE_I3, '{{ ghi_chu("tong-muc-dau-tu-13-du-an") }}', "")
    output = failed(project)
    assert "dau_tu_cong.tong_muc_theo_tham_quyen" in output and "chưa hiển thị ghi chú" in output


def test_all_mistakes_are_reported_together(project):
    project.edit(FIGURES, "      gia_tri: 99,9%\n", "      gia_tri: 199,9%\n")
    project.edit(FIGURES, "      gia_tri: 50\n", "      gia_tri: -50\n")
    assert "có 2 lỗi cần sửa" in failed(project)


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


def test_a_changed_source_document_is_refused(project):
    source = project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("1.484 tỷ", "1.485 tỷ"), encoding="utf-8")
    output = failed(project)
    line = project.line_of("data/2023/bao-cao.yml", "sha256:")
    assert f'data/2023/bao-cao.yml, dòng {line}, khóa "nguon.sha256"' in output
    assert "đã bị thay đổi (mã sha256 không khớp)" in output


def test_a_missing_source_document_is_refused(project):
    (project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt").unlink()
    output = failed(project)
    assert "Không có tệp văn bản gốc data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt" in output
