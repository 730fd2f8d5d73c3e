"""Control characters from the data never reach the chart renderer (macros/charts.py), which would abort
on them, and are refused where an editor wrote them (macros/yaml_loader.py)."""

from __future__ import annotations

import pytest

from macros.charts import Bar, render_svg
from macros.errors import EditorErrors
from macros.models import Chart
from macros.yaml_loader import load_yaml


def test_a_control_character_in_a_label_is_drawn_as_a_space():
    # YAML lets an editor write a NUL as "\0"; the chart renderer (vl-convert) aborts the process on one.
    chart = Chart.model_validate({"ma": "thu", "tieu_de": "Tiêu đề\x00 lạ", "kieu": "gia_tri", "trang": "a",
                                  "cot": [{"khoa": "a.b", "nhan": "x"}]})
    svg = render_svg(chart, [Bar(key="a.b", label="Nhãn\x00có\x07ký tự", length=1.0, shown="1 tỷ đồng")])
    assert "Nhãn có ký tự: 1 tỷ đồng" in svg


def test_a_control_character_in_the_data_is_refused_where_it_is_written(tmp_path):
    path = tmp_path / "trinh-bay.yml"
    path.write_text('bieu_do:\n  - nhan: "Tiền\\0 đất"\n', encoding="utf-8")
    with pytest.raises(EditorErrors) as raised:
        load_yaml(path, "data/2023/trinh-bay.yml")
    (error,) = raised.value.errors
    assert (error.file, error.line, error.key) == ("data/2023/trinh-bay.yml", 2, "bieu_do.0.nhan")
    assert error.problem == "Giá trị có ký tự điều khiển (mã U+0000), không hiển thị được trên trang."
    assert error.fix == ('Xóa ký tự đó: thường do viết "\\0", "\\a"... trong chuỗi có ngoặc kép, '
                         "hoặc do dán chữ từ tệp khác.")
