"""Loading YAML and checking the schema: each value alone, with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from macros.errors import EditorError, EditorErrors
from macros.models import FIGURE_KINDS, Figure, Report
from macros.schema_errors import validate
from macros.site_data import load_site
from macros.yaml_loader import load_yaml, parse_yaml
from tests.conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(text: str, shown: str = "data/x.yml") -> EditorError:
    """The one error an editor gets for `text`."""
    with pytest.raises(EditorErrors) as raised:
        parse_yaml(text, shown)
    (error,) = raised.value.errors
    return error


def test_lines_of_keys_and_list_items_are_remembered(tmp_path):
    loaded = load_yaml(write(tmp_path, "a:\n  b: 1\n  c:\n    - x\n    - y\n"), "x.yml")
    assert loaded.data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert loaded.lines[("a", "b")] == 2 and loaded.lines[("a", "c", 1)] == 5
    assert loaded.line_of(("a", "b", "missing")) == 2


def test_duplicate_keys_are_refused_with_both_lines(tmp_path):
    with pytest.raises(EditorErrors) as caught:
        load_yaml(write(tmp_path, "a:\n  b: 1\n  b: 2\n"), "x.yml")
    error = caught.value.errors[0]
    assert (error.file, error.line, error.key) == ("x.yml", 3, "a.b")
    assert error.problem == 'Khóa "b" bị lặp lại (đã có ở dòng 2); chương trình sẽ không tự chọn giá trị nào đúng.'
    assert error.fix == "Xóa một trong hai dòng, hoặc đổi tên một khóa."


def test_same_key_in_different_mappings_is_fine(tmp_path):
    assert load_yaml(write(tmp_path, "a:\n  b: 1\nc:\n  b: 2\n"), "x.yml").data == {"a": {"b": 1}, "c": {"b": 2}}


def test_malformed_yaml_names_the_line(tmp_path):
    with pytest.raises(EditorErrors) as caught:
        load_yaml(write(tmp_path, "a:\n  b: 1\n c: 2\n"), "x.yml")
    assert caught.value.errors[0].line == 3 and "sai cú pháp" in caught.value.errors[0].problem


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes("a: Hải Dương\n".encode("cp1258", errors="replace"))
    with pytest.raises(EditorErrors) as raised:
        load_yaml(path, "data/2023/x.yml")
    (error,) = raised.value.errors
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/2023/x.yml", None, None, "Tệp không phải văn bản UTF-8 nên tiếng Việt sẽ bị lỗi font.",
        "Mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8.")


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes("\ufeffnam: 2023\n".encode("utf-8"))
    assert load_yaml(path, "x.yml").data == {"nam": 2023}


def test_each_reader_gets_its_own_copy_of_the_data():
    first = parse_yaml("a:\n  b: [1, 2]\n", "x.yml")
    first.data["a"]["b"].append(3)
    assert parse_yaml("a:\n  b: [1, 2]\n", "x.yml").data == {"a": {"b": [1, 2]}}


@pytest.mark.parametrize(("value", "says"), [
    ({"loai": "tien", "gia_tri": "1.484", "y_nghia": "x", "muc": "I"}, "không phải là một số tiền"),
    ({"loai": "so_luong", "gia_tri": "3,5 dự án", "don_vi": "x", "y_nghia": "x", "muc": "I"}, "số lượng"),
    ({"loai": "tienn", "gia_tri": 1, "y_nghia": "x", "muc": "I"}, 'Loại số liệu "tienn" không có'),
    ({"gia_tri": 1, "y_nghia": "x", "muc": "I"}, 'Thiếu trường "loai"'),
    ({"loai": "ti_so", "gia_tri": "30/20", "don_vi": "x", "y_nghia": "x", "muc": "I"}, "lớn hơn mẫu số"),
    ({"loai": "khoang", "gia_tri": "2026-2021", "y_nghia": "x", "muc": "I"}, "trước khi bắt đầu"),
    ({"loai": "ngay", "gia_tri": "2023-05-09", "y_nghia": "x", "muc": "I"}, "không đặt trong dấu ngoặc kép"),
    ({"loai": "tang_truong", "gia_tri": True, "y_nghia": "x", "muc": "I"}, "không phải là một con số"),
    ({"loai": "tien", "gia_tri": float("inf"), "y_nghia": "x", "muc": "I"}, "không phải là một con số hữu hạn"),
])
def test_schema_errors_are_vietnamese(tmp_path, value, says):
    source = load_yaml(write(tmp_path, "so_lieu:\n  nhom:\n    ten: {}\n"), "x.yml")
    model, errors = validate(TypeAdapter(Figure), value, source, ("so_lieu", "nhom", "ten"),
                             {kind: [] for kind in FIGURE_KINDS})
    assert model is None
    assert any(says in error.problem + error.fix for error in errors), [e.format() for e in errors]
    assert all(error.line == 3 for error in errors)


def test_a_section_is_a_page_or_a_group_never_both(tmp_path):
    source = load_yaml(write(tmp_path, "x: 1\n"), "x.yml")
    report = load_yaml(ROOT / "data/2023/bao-cao.yml", "bao-cao.yml").data
    report["muc_luc"][1]["muc_con"] = [{"so_muc": 1, "tieu_de": "x", "trang": "x"}]
    model, errors = validate(Report, report, source, ())
    assert model is None and "đúng một trong hai" in errors[0].problem


def test_the_published_data_loads(tmp_path):
    site = load_site(ROOT)
    data = site.years[2023]
    assert len(data.figures) > 90 and len(data.documents) == 9 and len(data.notes) == 11
    assert data.figures["nam.ke_hoach"].gia_tri.text == "2024"


def test_a_year_folder_without_its_files_is_reported(tmp_path):
    (tmp_path / "data" / "2030").mkdir(parents=True)
    with pytest.raises(EditorErrors) as caught:
        load_site(tmp_path)
    assert {error.file for error in caught.value.errors} == {
        "data/2030/bao-cao.yml", "data/2030/so-lieu.yml", "data/2030/van-ban.yml", "data/2030/ghi-chu.yml",
        "data/2030/trinh-bay.yml", "data/thuat-ngu.yml"}


@pytest.mark.parametrize(("text", "line", "quoted"), [
    ("a:\n  b 1\n  c: 2\n", 2, "b 1"),              # a key without its colon runs into the next key
    ("a:\n  b 1\n\n\n  c: 2\n", 2, "b 1"),          # blank lines between are skipped
    ("a:\n  b 1\n\n  c: 2\n", 2, "b 1"),              # one blank line too
    ("b 1\nc: 2\n", 1, "b 1"),                      # on the first line too
    ("a:\n  b: 1\n  c 2\n  d: 3\n", 3, "c 2"),
    ("a:\n  - x y\n  c: 2\n", 3, "c: 2"),            # after a list item, the key itself is the mistake
    ("a: 'x\nb: 2\n", 1, "a: 'x"),                  # an unclosed quote: where it opened
    ("a: 1\n  b: 2\n", 2, "b: 2"),
    ("a: [1, 2\nb: 3\n", 1, "a: [1, 2"),            # an unclosed bracket: where it opened
    ("a: {x: 1\nb: 2\n", 1, "a: {x: 1"),
    ("a:\n  - [1, 2\n  - 3\n", 2, "- [1, 2"),
    ("a: x\nb: [\n\n", 2, "b: ["),                  # given up at the end: the last line written
    ("a: [\n", 1, "a: ["),
    ("a: b: c\n", 1, "a: b: c"),                    # a second colon on the first line
    ("a:\n  - x y\n    c: 2\n", 3, "c: 2"),           # after a list item, the key itself is the mistake
    ("- x y\n  c: 2\n", 2, "c: 2"),
    ("a: |\n  x\n b: 2\n", 3, "b: 2"),             # after a text block, a key indented by one space
])
def test_a_syntax_error_names_the_line_to_fix(text, line, quoted):
    error = refused(text)
    assert (error.file, error.line, error.key) == ("data/x.yml", line, None)
    assert error.problem == f'Tệp YAML viết sai cú pháp ở dòng: "{quoted}".'


@pytest.mark.parametrize(("written", "problem", "fix"), [
    ("!foo x", 'Kiểu dữ liệu "!foo" không được dùng trong tệp dữ liệu.',
     "Xóa phần bắt đầu bằng dấu ! và chỉ viết giá trị."),
    ("!!python/object:os.system x", 'Kiểu dữ liệu "python/object:os.system" không được dùng trong tệp dữ liệu.',
     "Chỉ viết chữ, số, ngày hoặc danh sách."),
])
def test_a_value_of_a_type_data_files_do_not_use_is_refused_where_written(written, problem, fix):
    error = refused(f"a:\n  b: {written}\n", "data/2023/so-lieu.yml")
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/2023/so-lieu.yml", 2, "a.b", problem, fix)


@pytest.mark.parametrize(("written", "value"), [
    ("1_000", 1000), ("1__000", 1000), ("017", 17), ("+12", 12), ("0x1F", 31), ("-0x1F", -31), ("0o17", 15),
    ("-0b101", -5), ("1_000.5", 1000.5), ("1__0.5", 10.5), ("-.5", -0.5), ("6.02e+23", 6.02e23),
    ("-_", "-_"), ("._", "._"), ("2023-02-30", "2023-02-30"),  # YAML's patterns match these; they are text
])
def test_numbers_in_every_form_yaml_allows(written, value):
    assert parse_yaml(f"a: {written}\n", "data/x.yml").data == {"a": value}


@given(st.one_of(
    st.from_regex(r"[+-]?(0[xXoObB])?[0-9a-fA-F_]{1,6}(\.[0-9_]*)?([eE][+-]?[0-9_]{1,3})?", fullmatch=True),
    st.text(alphabet="0123456789_+-.:xobeEXOBacdfinINtTrRuUlL ", min_size=1, max_size=12)))
def test_anything_that_looks_like_a_number_loads_or_is_refused_where_written(written):
    try:
        loaded = parse_yaml(f"a:\n  b: {written}\n", "data/x.yml")
    except EditorErrors as raised:
        assert all(error.file == "data/x.yml" and error.line in (1, 2, 3) for error in raised.errors)
    else:
        assert set(loaded.data) == {"a"}


@pytest.mark.parametrize(("text", "line", "key"), [
    ("a: &x 1\nb: *x\n", 2, "b"),                              # where the alias is written
    ("a:\n  b: &x\n    c: 1\nd:\n  e: *x\n", 5, "d.e"),
    ("a:\n  - &x 1\n  - *x\n", 2, "a.1"),                      # in a list, where its anchor is
])
def test_an_alias_is_refused_where_it_is_used(text, line, key):
    error = refused(text)
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/x.yml", line, key, "Tệp dùng bí danh YAML (dấu * trỏ tới dấu &).",
        "Viết đầy đủ giá trị ở từng chỗ, không dùng & và *.")


def test_an_anchor_used_nowhere_is_harmless():
    assert parse_yaml("a: &x 1\nb: 2\n", "data/x.yml").data == {"a": 1, "b": 2}


def test_a_bell_character_written_as_an_escape_is_refused():
    error = refused('a: "chuông\\a"\n')
    assert (error.line, error.key) == (1, "a") and "(mã U+0007)" in error.problem


def test_a_folded_text_is_read_as_one_line():
    assert parse_yaml("a: >\n  Dòng một\n  dòng hai.\n", "data/x.yml").data == {"a": "Dòng một dòng hai.\n"}


def test_a_line_with_only_a_tab_is_named():
    error = refused("a: 1\n\t\n")
    assert (error.line, error.problem) == (2, "Tệp YAML viết sai cú pháp.")


@pytest.mark.parametrize(("text", "line", "key"), [
    ("1.5: x\n", 1, None), ("true: x\n", 1, None), ("a:\n  [x]: 1\n", 2, "a"), ("a:\n  b:\n    2023-01-01: x\n", 3, "a.b"),
])
def test_a_key_that_is_not_a_word_or_a_number_is_refused_where_written(text, line, key):
    error = refused(text)
    assert (error.file, error.line, error.key, error.problem, error.fix) == (
        "data/x.yml", line, key, "Tên khóa phải là chữ hoặc số.", "Sửa tên khóa ở đầu dòng này.")


def test_a_number_is_a_key_like_a_word():
    assert parse_yaml("2023: x\n", "data/x.yml").data == {"2023": "x"}
