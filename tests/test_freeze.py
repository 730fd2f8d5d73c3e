"""Sealing published years: what changes a seal, what is refused, and what the editor reads.

Run in this process on a copy of the project (`macros.freeze`, as `make
niem-phong` and the build run it).
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from macros import freeze
from macros.errors import EditorErrors
from macros.site_data import load_site

FIGURES = "data/2023/so-lieu.yml"
ERRATA = "data/2023/dinh-chinh.yml"
I3 = "ket-qua-nhiem-vu-quyen-han"
ERRATUM = ("nguon: Đính chính báo cáo năm 2023 (thử nghiệm)\n"
           "dinh_chinh:\n"
           "  - ngay: 2026-02-01\n"
           f"    trang: {I3}\n"
           "    noi_dung: Giá trị phê duyệt giải phóng mặt bằng\n"
           "    gia_tri_cu: 510 tỷ đồng\n"
           "    gia_tri_moi: 511 tỷ đồng\n"
           "    ly_do: Thử nghiệm quy trình đính chính\n")
CHANGED = ("Năm 2023 đã công bố và niêm phong, nhưng đã thay đổi: {listed}.\n    Cách sửa: Nếu đây là sửa lỗi có "
           "chủ đích: thêm một đính chính vào data/2023/dinh-chinh.yml (ngày, trang, nội dung, giá trị cũ, giá trị "
           "mới, lý do) rồi chạy make niem-phong. Nếu không: hoàn tác thay đổi.")


def problems(project) -> list[str]:
    return [error.format() for error in freeze.check(project.root, load_site(project.root))]


def manifest(project) -> dict:
    return json.loads((project.root / freeze.MANIFEST).read_text(encoding="utf-8"))


def correct(project) -> None:
    """The editor's correction of a published figure, with its erratum."""
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    project.write(ERRATA, ERRATUM)


def test_the_published_year_matches_its_seal(project):
    assert problems(project) == []
    sealed = manifest(project)["2023"]
    assert sealed["so_dinh_chinh"] == 0
    assert sorted(sealed["tep"]) == [
        "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt", "data/2023/bao-cao.yml", "data/2023/ghi-chu.yml",
        FIGURES, "data/2023/trinh-bay.yml", "data/2023/van-ban.yml", "docs/2023/ban-in.md",
        "docs/2023/chi-dao-dieu-hanh.md", "docs/2023/chi-dao-thuc-hien-ke-hoach.md",
        "docs/2023/han-che-nguyen-nhan.md", "docs/2023/index.md", f"docs/2023/{I3}.md",
        "docs/2023/phuong-huong-nhiem-vu.md", "docs/2023/quan-he-phoi-hop.md"]


def test_a_changed_figure_is_named_with_what_to_do(project):
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    assert problems(project) == [f'{freeze.MANIFEST}, khóa "2023":\n    ' + CHANGED.format(listed=FIGURES)]


def test_a_changed_page_and_a_new_page_are_both_named(project):
    project.edit(f"docs/2023/{I3}.md", "Tổng thu ngân sách", "Tổng thu ngân sách ")
    project.write("docs/2023/moi.md", "# Mới\n")
    assert CHANGED.format(listed=f"docs/2023/{I3}.md, docs/2023/moi.md") in problems(project)[0]


def test_a_removed_file_is_a_change(project):
    (project.root / "docs/2023/ban-in.md").unlink()
    assert CHANGED.format(listed="docs/2023/ban-in.md") in problems(project)[0]


def test_comments_layout_and_quoting_do_not_change_what_a_year_says(project):
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      # Như bản gốc.\n      gia_tri: '510 tỷ đồng'\n")
    project.edit("data/2023/van-ban.yml", "    so_hieu: 92-KL/TU\n", '    so_hieu: "92-KL/TU"   # số hiệu\n')
    assert problems(project) == []


def test_a_figure_typed_in_its_machine_form_means_the_same(project):
    project.edit(FIGURES, "      gia_tri: 1.484 tỷ 750 triệu đồng\n", "      gia_tri: 1484.75\n      cach_viet: ty_trieu\n")
    assert problems(project) == []


def test_pages_and_the_source_document_count_byte_for_byte(project):
    sums = freeze.checksums(project.root, load_site(project.root).years[2023])
    for name in ("data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt", f"docs/2023/{I3}.md"):
        assert sums[name] == hashlib.sha256((project.root / name).read_bytes()).hexdigest()
    assert sums[FIGURES] != hashlib.sha256((project.root / FIGURES).read_bytes()).hexdigest()


def test_an_erratum_lets_the_year_be_sealed_again(project):
    correct(project)
    assert freeze.seal(project.root, load_site(project.root)) == ["Niêm phong lại năm 2023 với 1 đính chính."]
    assert manifest(project)["2023"]["so_dinh_chinh"] == 1
    assert problems(project) == []


def test_an_erratum_file_alone_is_not_part_of_the_seal(project):
    project.write(ERRATA, ERRATUM)
    assert problems(project) == []
    assert freeze.seal(project.root, load_site(project.root)) == [
        "Không có gì thay đổi: các năm đã công bố khớp với niêm phong."]


def test_deleting_an_erratum_after_sealing_is_a_change(project):
    correct(project)
    freeze.seal(project.root, load_site(project.root))
    project.write(ERRATA, "nguon: Đính chính báo cáo năm 2023 (thử nghiệm)\ndinh_chinh: []\n")
    assert problems(project) == [f'{freeze.MANIFEST}, khóa "2023":\n    '
                                 + CHANGED.format(listed=f"{ERRATA} (bớt đính chính)")]


def test_a_change_without_a_new_erratum_is_not_sealed(project):
    before = (project.root / freeze.MANIFEST).read_bytes()
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    with pytest.raises(EditorErrors) as caught:
        freeze.seal(project.root, load_site(project.root))
    assert str(caught.value) == (
        "Không niêm phong được (tệp niêm phong giữ nguyên):\n"
        f"- {ERRATA}:\n    Năm 2023 có thay đổi nhưng không có đính chính mới.\n"
        "    Cách sửa: Thêm một đính chính mô tả thay đổi rồi chạy lại make niem-phong.")
    assert (project.root / freeze.MANIFEST).read_bytes() == before


def test_a_year_published_without_a_seal(project):
    (project.root / freeze.MANIFEST).unlink()
    assert problems(project) == [f'{freeze.MANIFEST}, khóa "2023":\n    Năm 2023 đã chuyển sang công bố nhưng chưa '
                                 "được niêm phong.\n    Cách sửa: Chạy lệnh: make niem-phong (ghi lại dấu niêm phong "
                                 "của năm này)."]
    assert freeze.seal(project.root, load_site(project.root)) == ["Niêm phong năm 2023 (14 tệp)."]
    assert problems(project) == []


def test_a_draft_year_is_never_sealed(project):
    (project.root / freeze.MANIFEST).unlink()
    project.edit("data/2023/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: du_thao")
    assert problems(project) == []
    assert freeze.seal(project.root, load_site(project.root)) == [
        "Không có gì thay đổi: các năm đã công bố khớp với niêm phong."]
    assert manifest(project) == {}


def another_year(project, year: int, published: bool) -> None:
    """A second year in the copy: 2023's data and pages under another year's name."""
    for part in ("data", "docs"):
        shutil.copytree(project.root / part / "2023", project.root / part / str(year))
    project.edit(f"data/{year}/bao-cao.yml", "nam: 2023\n", f"nam: {year}\n")
    if not published:
        project.edit(f"data/{year}/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: du_thao")


def test_every_year_is_checked_drafts_and_unsealed_ones_too(project):
    another_year(project, 2022, published=False)
    another_year(project, 2024, published=True)
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    assert [line.split("\n")[1].strip() for line in problems(project)] == [
        CHANGED.format(listed=FIGURES).split("\n")[0],
        "Năm 2024 đã chuyển sang công bố nhưng chưa được niêm phong."]


def test_years_without_a_seal_are_each_named(project):
    another_year(project, 2024, published=True)
    (project.root / freeze.MANIFEST).unlink()
    assert [line.split("\n")[1].strip() for line in problems(project)] == [
        "Năm 2023 đã chuyển sang công bố nhưng chưa được niêm phong.",
        "Năm 2024 đã chuyển sang công bố nhưng chưa được niêm phong."]


def test_sealing_goes_through_every_year(project, capsys):
    another_year(project, 2022, published=False)
    another_year(project, 2024, published=True)
    correct(project)
    assert freeze.main(project.root) == 0
    assert capsys.readouterr().out == "Niêm phong lại năm 2023 với 1 đính chính.\nNiêm phong năm 2024 (14 tệp).\n"
    assert sorted(manifest(project)) == ["2023", "2024"]


def test_a_refused_year_does_not_stop_the_others_being_checked(project):
    another_year(project, 2024, published=True)
    freeze.seal(project.root, load_site(project.root))
    project.edit(FIGURES, "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    project.edit("data/2024/so-lieu.yml", "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 512 tỷ đồng\n")
    with pytest.raises(EditorErrors) as caught:
        freeze.seal(project.root, load_site(project.root))
    assert [error.problem for error in caught.value.errors] == [
        "Năm 2023 có thay đổi nhưng không có đính chính mới.", "Năm 2024 có thay đổi nhưng không có đính chính mới."]


def test_the_seal_file_is_written_the_same_way_each_time(project):
    committed = (project.root / freeze.MANIFEST).read_bytes()
    (project.root / freeze.MANIFEST).unlink()
    freeze.seal(project.root, load_site(project.root))
    assert (project.root / freeze.MANIFEST).read_bytes() == committed


def test_the_command_prints_what_it_did_or_why_not(project, capsys):
    correct(project)
    (project.root / ERRATA).unlink()
    assert freeze.main(project.root) == 1
    assert "Năm 2023 có thay đổi nhưng không có đính chính mới." in capsys.readouterr().err
    project.write(ERRATA, ERRATUM)
    assert freeze.main(project.root) == 0
    assert capsys.readouterr().out == "Niêm phong lại năm 2023 với 1 đính chính.\n"
