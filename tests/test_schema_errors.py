"""Each kind of schema mistake, said in Vietnamese with its line, key and what to type instead.

The value is checked against the real models by `schema_errors.validate`,
as the loader checks every data file; the expected messages are written out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter

from macros.models import FIGURE_KINDS, Chart, Erratum, Figure, Key, ReviewEntry, Section, SigningDate, Term
from macros.schema_errors import validate
from macros.yaml_loader import load_yaml

FIGURE_FIELDS = {kind: sorted(model.model_fields) for kind, model in FIGURE_KINDS.items()}
CHART = {"ma": "a", "tieu_de": "Biểu đồ", "kieu": "gia_tri", "cot": [{"khoa": "a.b", "nhan": "A"}], "trang": "a"}


def said(tmp_path: Path, model, value, path=("muc",), fields=None) -> list[tuple[int | None, str | None, str, str]]:
    """(line, key, problem, fix) of each mistake in `value`, written at line 3 of a file."""
    file = tmp_path / "x.yml"
    file.write_text("a:\n  b:\n    muc: 1\n", encoding="utf-8")
    source = load_yaml(file, "data/2023/x.yml")
    adapter = model if isinstance(model, TypeAdapter) else TypeAdapter(model)
    found, errors = validate(adapter, value, source, ("a", "b"), fields)
    assert found is None
    return [(error.line, error.key, error.problem, error.fix) for error in errors]


def test_a_missing_field(tmp_path):
    assert said(tmp_path, Term, {}) == [(2, "a.b.day_du", 'Thiếu trường bắt buộc "day_du".',
                                         'Thêm một dòng "day_du: ..." (thụt lề như các trường bên cạnh).')]


def test_a_misspelt_field_names_the_right_one_and_all_of_them(tmp_path):
    value = {"loai": "ten", "gia_tri": "KV1", "y_nghia": "x", "muc": "I", "ghichu": "n"}
    [(line, key, problem, fix)] = said(tmp_path, TypeAdapter(Figure), value, fields=FIGURE_FIELDS)
    assert (line, key) == (2, "a.b.ghichu")
    assert problem == 'Trường "ghichu" không có trong mẫu dữ liệu (có thể viết sai chính tả). Có phải ý bạn là: ghi_chu?'
    assert fix == ("Sửa lại tên trường, hoặc xóa dòng này. Các trường được dùng ở đây: "
                   "ghi_chu, gia_tri, loai, muc, nguyen_van, y_nghia.")


def test_a_figure_without_its_kind(tmp_path):
    assert said(tmp_path, TypeAdapter(Figure), {"gia_tri": 1, "y_nghia": "x", "muc": "I"}, fields=FIGURE_FIELDS) == [
        (2, "a.b", 'Thiếu trường "loai" cho biết đây là loại số liệu gì.',
         'Thêm dòng "loai: ..." (các loại số liệu được liệt kê trong README).')]


def test_a_kind_that_does_not_exist(tmp_path):
    [(line, key, problem, fix)] = said(tmp_path, TypeAdapter(Figure), {"loai": "tienn", "gia_tri": 1},
                                       fields=FIGURE_FIELDS)
    assert (line, key, problem) == (2, "a.b", 'Loại số liệu "tienn" không có.')
    assert fix.startswith("Dùng một trong các loại: 'tien', 'ti_le',")


def test_a_value_outside_its_choices(tmp_path):
    [(_, key, problem, fix)] = said(tmp_path, Chart, {**CHART, "kieu": "cot"})
    assert (key, problem) == ("a.b.kieu", 'Giá trị "cot" không được dùng ở đây.')
    assert fix == "Chọn một trong: 'gia_tri', 'phan_tram' or 'ti_so'."


@pytest.mark.parametrize(("moc", "problem", "fix"), [
    (-1, "Giá trị -1 quá nhỏ.", "Giá trị phải từ 0 trở lên."),
    (1001, "Giá trị 1.001 quá lớn.", "Giá trị không được vượt 1.000."),
])
def test_a_number_out_of_range(tmp_path, moc, problem, fix):
    assert said(tmp_path, Chart, {**CHART, "moc": moc}) == [(2, "a.b.moc", problem, fix)]


def test_an_empty_text(tmp_path):
    assert said(tmp_path, Term, {"day_du": ""}) == [(2, "a.b.day_du", "Giá trị đang để trống.",
                                                     "Điền nội dung cho trường này.")]


def test_a_page_name_that_is_not_a_page_name(tmp_path):
    assert said(tmp_path, Section, {"so_muc": 1, "tieu_de": "x", "trang": "Mục 1"}) == [
        (2, "a.b.trang", '"Mục 1" không đúng dạng yêu cầu.',
         "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: chi-dao-dieu-hanh).")]


def test_a_rule_of_the_model_says_its_own_message(tmp_path):
    assert said(tmp_path, Section, {"so_muc": 1, "tieu_de": "x"}) == [
        (2, "a.b", 'Mỗi mục phải có đúng một trong hai: "trang" (một trang) hoặc "muc_con" (nhóm các mục con).',
         "Sửa lại giá trị cho đúng với bản báo cáo.")]


@pytest.mark.parametrize(("model", "value", "key", "problem", "fix"), [
    (Chart, {**CHART, "moc": "100%"}, "a.b.moc", 'Giá trị phải là một số (ví dụ 122 hoặc 13.6), nhưng đang là chữ "100%".',
     'Bỏ dấu % và chỉ viết số, ví dụ "gia_tri: 100".'),
    (Chart, {**CHART, "moc": "13,6"}, "a.b.moc", 'Giá trị phải là một số (ví dụ 122 hoặc 13.6), nhưng đang là chữ "13,6".',
     "Viết số theo kiểu máy tính: dấu chấm cho phần thập phân và không có dấu phân cách hàng nghìn (13,6 viết là "
     "13.6; 1.484 viết là 1484). Trang web sẽ tự hiển thị đúng kiểu Việt Nam."),
    (Chart, {**CHART, "moc": "một trăm"}, "a.b.moc",
     'Giá trị phải là một số (ví dụ 122 hoặc 13.6), nhưng đang là chữ "một trăm".',
     "Chỉ viết con số, không kèm chữ, đơn vị hay dấu ngoặc kép."),
    (Erratum, {"ngay": "hôm qua", "trang": "a", "noi_dung": "x", "gia_tri_cu": "1", "gia_tri_moi": "2", "ly_do": "x"},
     "a.b.ngay", 'Giá trị phải là một ngày viết dạng năm-tháng-ngày (ví dụ 2023-05-09), nhưng đang là chữ "hôm qua".',
     "Viết ngày dạng 2023-05-09, không đặt trong dấu ngoặc kép."),
    (Term, {"day_du": 2023}, "a.b.day_du", 'Giá trị phải là một đoạn chữ, nhưng đang là "2023".',
     "Đặt nội dung trong dấu ngoặc kép nếu nó chỉ gồm chữ số."),
    (Term, {"day_du": "x", "bien_the": "y"}, "a.b.bien_the",
     'Giá trị phải là một danh sách, mỗi mục một dòng bắt đầu bằng "- ", nhưng đang là chữ "y".',
     "Sửa lại theo mẫu trong README."),
    (Term, {"day_du": None}, "a.b.day_du", "Giá trị phải là một đoạn chữ, nhưng đang là để trống.",
     "Đặt nội dung trong dấu ngoặc kép nếu nó chỉ gồm chữ số."),
    (Term, {"day_du": ["x"]}, "a.b.day_du", "Giá trị phải là một đoạn chữ, nhưng đang là một nhóm/danh sách.",
     "Đặt nội dung trong dấu ngoặc kép nếu nó chỉ gồm chữ số."),
    (ReviewEntry, {"loai": "khac", "noi_dung": "x", "xong": "rồi"}, "a.b.xong",
     'Giá trị phải là đúng/sai (true hoặc false), nhưng đang là chữ "rồi".', "Sửa lại theo mẫu trong README."),
    (Chart, {**CHART, "cot": {"khoa": "a"}}, "a.b.cot",
     'Giá trị phải là một danh sách, mỗi mục một dòng bắt đầu bằng "- ", nhưng đang là một nhóm/danh sách.',
     "Sửa lại theo mẫu trong README."),
    (Chart, {**CHART, "cot": ["a.b"]}, "a.b.cot.0",
     'Giá trị phải là một nhóm các dòng "khóa: giá trị" thụt lề bên dưới, nhưng đang là chữ "a.b".',
     "Sửa lại theo mẫu trong README."),
])
def test_a_value_of_the_wrong_type(tmp_path, model, value, key, problem, fix):
    assert said(tmp_path, model, value) == [(2, key, problem, fix)]


def test_any_other_mistake_still_names_the_value(tmp_path):
    [(_, key, problem, fix)] = said(tmp_path, Chart, {**CHART, "moc": float("inf")})
    assert key == "a.b.moc" and problem.startswith("Giá trị \"inf\" không hợp lệ (")
    assert fix == "Sửa lại giá trị theo mẫu trong README."


def test_the_line_is_that_of_the_closest_written_key(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("a:\n  b:\n    moc: sai\n", encoding="utf-8")
    source = load_yaml(file, "data/2023/x.yml")
    _, errors = validate(Chart, {**CHART, "moc": "sai"}, source, ("a", "b"))
    assert [(error.file, error.line, error.key) for error in errors] == [("data/2023/x.yml", 3, "a.b.moc")]


@pytest.mark.parametrize(("model", "value", "key", "problem", "fix"), [
    (SigningDate, {"nam": 2024, "ngay": "5%"}, "a.b.ngay",
     'Giá trị phải là một số nguyên (ví dụ 25), nhưng đang là chữ "5%".', 'Bỏ dấu % và chỉ viết số, ví dụ "gia_tri: 5".'),
    (Chart, {**CHART, "cot": []}, "a.b.cot", "Giá trị đang để trống.", "Điền nội dung cho trường này."),
    (Term, {"day_du": "x", "la": 1}, "a.b.la", 'Trường "la" không có trong mẫu dữ liệu (có thể viết sai chính tả).',
     "Sửa lại tên trường, hoặc xóa dòng này."),
    (TypeAdapter(dict[Key, Term]), {"Thu ngân": {"day_du": "x"}}, "a.b.Thu ngân",
     'Tên khóa "Thu ngân" có ký tự không dùng được trong tên khóa.',
     "Tên khóa chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới và gạch ngang, bắt đầu bằng chữ hoặc số "
     "(ví dụ: thu_ngan_sach). Nhớ sửa cả các trang dùng khóa này."),
])
def test_more_mistakes_said_in_full(tmp_path, model, value, key, problem, fix):
    assert said(tmp_path, model, value) == [(2, key, problem, fix)]


def test_a_value_the_report_does_not_write_says_how_to_write_it(tmp_path):
    value = {"loai": "tien", "gia_tri": "abc", "y_nghia": "x", "muc": "I"}
    assert said(tmp_path, TypeAdapter(Figure), value, fields=FIGURE_FIELDS) == [(
        2, "a.b.gia_tri", '"abc" không phải là một số tiền như báo cáo viết (ví dụ "839,617 tỷ đồng" hay '
        '"1.484 tỷ 750 triệu đồng").', "Viết giá trị đúng như bản báo cáo viết, ví dụ: 1.484 tỷ 750 triệu đồng.")]
