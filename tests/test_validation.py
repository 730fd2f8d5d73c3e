"""One validation before anything is rendered: every problem at once, notices for the preview."""

from __future__ import annotations

import pytest

from macros.errors import EditorErrors
from macros.validation import validate
from tests.test_freeze import another_year

FIGURES_2024 = "data/2024/so-lieu.yml"
REVIEW = """# yaml-language-server: $schema=../../schemas/ra-soat.schema.json
nguon: Nhập từ bản báo cáo
viec:
  - loai: so_lieu_moi
    noi_dung: Số liệu mới, xem lại ý nghĩa
  - loai: chinh_ta
    noi_dung: Từ không phải âm tiết tiếng Việt
    xong: true
  - loai: khac
    noi_dung: Kiểm tra bảng
"""


def test_a_clean_project_has_no_problem_and_no_notice(project):
    checked = validate(project.root)
    assert list(checked.site.years) == [2023] and checked.notices == []
    assert {use.path for use in checked.uses} >= {"2023/index.md", "2023/ket-qua-nhiem-vu-quyen-han.md"}
    assert all(use.year == 2023 for use in checked.uses)


def test_every_problem_is_reported_at_once(project):
    project.edit("data/2023/so-lieu.yml", "      muc: I.3\n", "      muc: IV.9\n")
    project.edit("docs/2023/ket-qua-nhiem-vu-quyen-han.md", '{{ so("thu_ngan_sach.tong") }}',
                 '{{ so("thu_ngan_sach.khong_co") }}')
    with pytest.raises(EditorErrors) as raised:
        validate(project.root, preview=True)
    said = str(raised.value)
    assert 'Mục "IV.9" không có trong mục lục của báo cáo năm 2023.' in said
    assert 'Không có số liệu "thu_ngan_sach.khong_co"' in said
    assert said.startswith("Không dựng được trang web: có 2 lỗi cần sửa")


def test_pages_are_read_from_the_folder_given(project, tmp_path):
    other = tmp_path / "other-docs"
    (other / "2023").mkdir(parents=True)
    (other / "2023" / "index.md").write_text('# x\n\n{{ so("khong.co") }}\n', encoding="utf-8")
    with pytest.raises(EditorErrors) as raised:
        validate(project.root, docs_dir=other)
    assert 'Không có số liệu "khong.co"' in str(raised.value)


def test_a_change_to_a_sealed_year_stops_a_build_and_is_a_notice_in_the_preview(project):
    project.edit("data/2023/so-lieu.yml", "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    with pytest.raises(EditorErrors) as raised:
        validate(project.root)
    assert "data/2023/so-lieu.yml" in str(raised.value)
    notices = validate(project.root, preview=True).notices
    assert len(notices) == 1 and notices[0].startswith("Xem trước (chưa niêm phong): ")
    assert "data/2023/so-lieu.yml" in notices[0]


def test_a_draft_year_lists_what_is_left_to_do(project):
    another_year(project, 2024, published=False)
    project.edit(FIGURES_2024, "      gia_tri: 1.484 tỷ 750 triệu đồng\n", "      gia_tri:\n")
    project.edit(FIGURES_2024, "      gia_tri: 510 tỷ đồng\n", "      gia_tri:\n")
    project.write("data/2024/ra-soat.yml", REVIEW)
    assert validate(project.root, preview=True).notices == [
        "Việc cần làm, năm 2024 (dự thảo): 2 số liệu chưa có giá trị: thu_ngan_sach.tong, gpmb.gia_tri_phe_duyet",
        "Việc cần làm, năm 2024 (dự thảo): 2 việc rà soát chưa xong trong data/2024/ra-soat.yml."]


def test_a_finished_draft_has_nothing_left_to_do(project):
    another_year(project, 2024, published=False)
    assert validate(project.root, preview=True).notices == []
