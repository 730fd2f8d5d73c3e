"""The figures as open data: CSV for spreadsheets, JSON for programs, and the JSON's published schema.

Written in this process by `open_data.write`, as the build writes them; the
expected rows are written out from the 2023 report.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import jsonschema
import pytest

from macros import open_data
from macros.models import FIGURE_KINDS
from macros.site_data import load_site
from tests.conftest import ROOT, SOURCE_TEXT, ProjectCopy, copy_project

COLUMNS = ["khoa", "y_nghia", "loai", "gia_tri", "gia_tri_nhu_bao_cao", "don_vi", "muc", "nguon"]
SOURCE = ("Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024, Ủy ban nhân dân thành phố Hải Dương, "
          "số /BC-UBND")
# (key, kind, value for programs, value as the report writes it, unit, section), from the report.
ROWS = [
    ("thu_ngan_sach.tong", "tien", 1484.75, "1.484 tỷ 750 triệu đồng", "tỷ đồng", "I.3"),
    ("dau_tu_cong.giai_ngan", "tien", 839.617, "839,617 tỷ đồng", "tỷ đồng", "I.3"),
    ("tiep_dan.don_cham", "ti_so", "27/393", "27/393", "đơn", "II.1"),
    ("tiep_dan.ti_le_don_cham", "ti_le", 6.8, "6,8%", "%", "II.1"),
    ("chi_tieu.dat_va_vuot", "ti_so", "10/10", "10/10", "chỉ tiêu", "I.3"),
    ("ke_hoach_5_nam.so_nam", "so_luong", 5, "05", "năm", "Mở đầu"),
    ("ke_hoach_5_nam.giai_doan", "khoang", "2021/2025", "2021-2025", "", "Mở đầu"),
    ("ky_niem.giai_phong_khoang", "khoang", "1954-10-30/2024-10-30", "30/10/1954-30/10/2024", "", "III"),
    ("ten_rieng.kv1", "ten", "KV1", "KV1", "", "III"),
    ("nam.bao_cao", "nam", 2023, "2023", "", "Toàn văn"),
]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("du-lieu")
    open_data.write(ROOT, site, load_site(ROOT).newest_first())
    return site


@pytest.fixture(scope="module")
def document(published) -> dict:
    return json.loads((published / "du-lieu/2023/so-lieu.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(published) -> dict[str, dict[str, str]]:
    raw = (published / "du-lieu/2023/so-lieu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel reads Vietnamese correctly only with the BOM"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == COLUMNS
    return {row["khoa"]: row for row in reader}


@pytest.mark.parametrize(("key", "kind", "value", "written", "unit", "section"), ROWS)
def test_csv_rows_carry_the_value_both_ways(rows, key, kind, value, written, unit, section):
    assert rows[key]["loai"] == kind and rows[key]["gia_tri"] == str(value)
    assert rows[key]["gia_tri_nhu_bao_cao"] == written
    assert (rows[key]["don_vi"], rows[key]["muc"], rows[key]["nguon"]) == (unit, section, SOURCE)


@pytest.mark.parametrize(("key", "kind", "value", "written", "unit", "section"), ROWS)
def test_json_records_carry_the_value_both_ways(document, key, kind, value, written, unit, section):
    record = next(record for record in document["so_lieu"] if record["khoa"] == key)
    assert (record["loai"], record["gia_tri"], record["gia_tri_nhu_bao_cao"]) == (kind, value, written)
    assert (record["don_vi"], record["muc"], record["nguon"]) == (unit, section, SOURCE)


def test_every_figure_and_only_those_is_published(rows, document):
    assert len(rows) == 96 and len(document["so_lieu"]) == 96
    assert [record["khoa"] for record in document["so_lieu"]] == list(rows)
    assert rows["thu_ngan_sach.tong"]["y_nghia"] == "Tổng thu ngân sách nhà nước năm 2023 (ước đạt)"


def test_the_csv_lines_end_as_spreadsheets_expect(published):
    raw = (published / "du-lieu/2023/so-lieu.csv").read_bytes()
    assert raw.count(b"\r\n") == 97 and b"\n" not in raw.replace(b"\r\n", b"")


def test_the_json_says_which_report_and_source_document(document):
    assert document["bao_cao"] == {
        "nam": 2023, "ten": "Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024",
        "co_quan": "Ủy ban nhân dân thành phố Hải Dương", "so_hieu": "/BC-UBND",
        "ngay_cong_bo": "2026-11-25", "ngay_cap_nhat": None,
        "van_ban_goc": {"tep": "bao-cao-cong-tac-chinh-quyen-2023.txt", "dinh_dang": "txt", "kich_thuoc": 30743,
                        "sha256": hashlib.sha256(SOURCE_TEXT.read_bytes()).hexdigest()}}


def test_the_json_follows_its_published_schema(published, document):
    schema = json.loads((published / open_data.SCHEMA).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)


@pytest.mark.parametrize("broken", [
    {"so_lieu": [{"khoa": "a"}]},
    {"bao_cao": {"nam": "hai nghìn"}},
    {"so_lieu": "không phải danh sách"},
])
def test_the_schema_refuses_what_programs_could_not_read(published, document, broken):
    schema = json.loads((published / open_data.SCHEMA).read_text(encoding="utf-8"))
    wrong = {key: ({**document[key], **broken[key]} if isinstance(broken[key], dict) else broken[key])
             if key in broken else value for key, value in document.items()}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, schema)


def test_the_json_keeps_vietnamese_letters_and_a_one_space_indent(published):
    raw = (published / "du-lieu/2023/so-lieu.json").read_text(encoding="utf-8")
    assert raw.startswith('{\n "bao_cao": {\n  "nam": 2023,\n')
    assert '"co_quan": "Ủy ban nhân dân thành phố Hải Dương"' in raw


def test_writing_again_into_the_same_site_replaces_the_files(tmp_path):
    years = load_site(ROOT).newest_first()
    (tmp_path / "du-lieu/2023").mkdir(parents=True)
    (tmp_path / "du-lieu/2023/so-lieu.csv").write_text("cũ", encoding="utf-8")
    open_data.write(ROOT, tmp_path, years)
    open_data.write(ROOT, tmp_path, years)
    assert (tmp_path / "du-lieu/2023/so-lieu.csv").read_bytes().startswith(b"\xef\xbb\xbfkhoa,y_nghia,")


def test_with_no_year_to_show_only_the_schema_is_written(tmp_path):
    open_data.write(ROOT, tmp_path, [])
    assert [path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()] == [
        open_data.SCHEMA]


def test_a_draft_s_missing_values_and_source_and_an_update_date(tmp_path):
    project = ProjectCopy(copy_project(tmp_path / "project", code=False))
    project.edit("data/2023/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: du_thao")
    project.edit("data/2023/bao-cao.yml", "ngay_cong_bo: 2026-11-25", "ngay_cong_bo: 2026-11-25\nngay_cap_nhat: 2026-12-01")
    project.edit("data/2023/bao-cao.yml", "  tep_goc: bao-cao-cong-tac-chinh-quyen-2023.txt",
                 "  tep_goc: bao-cao.ban-2.docx")
    (project.root / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt").rename(project.root / "data/2023/bao-cao.ban-2.docx")
    project.edit("data/2023/so-lieu.yml", "      gia_tri: 510 tỷ đồng\n", "      gia_tri:\n")
    data = load_site(project.root).years[2023]
    document = json.loads(open_data.dataset(data).model_dump_json())
    assert document["bao_cao"]["ngay_cap_nhat"] == "2026-12-01"
    assert document["bao_cao"]["van_ban_goc"]["dinh_dang"] == "docx"
    row = next(row for row in csv.DictReader(io.StringIO(open_data.csv_text(data)))
               if row["khoa"] == "gpmb.gia_tri_phe_duyet")
    assert (row["gia_tri"], row["gia_tri_nhu_bao_cao"]) == ("", "[chưa có số liệu]")


def test_a_year_without_its_source_document_says_so(tmp_path):
    project = ProjectCopy(copy_project(tmp_path / "project", code=False))
    project.edit("data/2023/bao-cao.yml", "trang_thai: cong_bo", "trang_thai: du_thao")
    text = (project.root / "data/2023/bao-cao.yml").read_text(encoding="utf-8")
    (project.root / "data/2023/bao-cao.yml").write_text(text[:text.index("nguon:")], encoding="utf-8")
    data = load_site(project.root).years[2023]
    assert json.loads(open_data.dataset(data).model_dump_json())["bao_cao"]["van_ban_goc"] is None
    assert "goc" not in open_data.files(data)


def test_the_source_document_is_copied_as_it_is(published):
    copied = published / "du-lieu/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    assert copied.read_bytes() == SOURCE_TEXT.read_bytes()


def test_files_are_where_the_pages_link(published):
    data = load_site(ROOT).years[2023]
    assert open_data.files(data) == {"csv": "du-lieu/2023/so-lieu.csv", "json": "du-lieu/2023/so-lieu.json",
                                     "goc": "du-lieu/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"}
    for path in open_data.files(data).values():
        assert (published / path).is_file()
    assert sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file()) == [
        "du-lieu/2023/bao-cao-cong-tac-chinh-quyen-2023.txt", "du-lieu/2023/so-lieu.csv",
        "du-lieu/2023/so-lieu.json", "du-lieu/so-lieu.schema.json"]


@pytest.mark.parametrize(("kind", "written", "value"), [
    ("ngay", "09/5/2023", "2023-05-09"),
    ("ngay", "30/10", "--10-30"),
    ("thang", "6/2024", "2024-06"),
    ("khoang", "6/2024-12/2025", "2024-06/2025-12"),
    ("ti_so", "3/6", "3/6"),
    ("ti_le", "13,6%", 13.6),
    ("so_luong", "85.000", 85000),
    ("nam", "2024", 2024),
])
def test_machine_values_of_every_kind(kind, written, value):
    model = FIGURE_KINDS[kind]
    unit = {"don_vi": "x"} if "don_vi" in model.model_fields else {}
    figure = model(loai=kind, gia_tri=written, y_nghia="x", muc="I", **unit)
    assert open_data.machine_value(figure) == value
