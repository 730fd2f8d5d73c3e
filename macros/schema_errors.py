"""Pydantic's error codes, said again in Vietnamese for an editor.

Pydantic reports *what* is wrong in English with a location path; the editor
needs to know, in Vietnamese, which line of which file and what to type
instead. This module does that translation and nothing else.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from macros.errors import EditorError, did_you_mean
from macros.formatting import format_any
from macros.yaml_loader import LoadedYaml, Path_

TYPE_NAMES = {
    "int_type": "một số nguyên (ví dụ 25)",
    "float_type": "một số (ví dụ 122 hoặc 13.6)",
    "string_type": "một đoạn chữ",
    "date_type": "một ngày viết dạng năm-tháng-ngày (ví dụ 2023-05-09)",
    "dict_type": "một nhóm các dòng \"khóa: giá trị\" thụt lề bên dưới",
    "model_type": "một nhóm các dòng \"khóa: giá trị\" thụt lề bên dưới",
    "list_type": "một danh sách, mỗi mục một dòng bắt đầu bằng \"- \"",
    "bool_type": "đúng/sai (true hoặc false)",
}


def validate(target: type[BaseModel] | TypeAdapter, value: Any, source: LoadedYaml,
             path: Path_, allowed_fields: dict[str, list[str]] | None = None
             ) -> tuple[Any | None, list[EditorError]]:
    """Validate `value` (found at `path` in `source`); return the model or the errors."""
    adapter = target if isinstance(target, TypeAdapter) else TypeAdapter(target)
    try:
        return adapter.validate_python(value), []
    except ValidationError as error:
        fields = allowed_fields or {}
        return None, [_translate(item, source, path, fields) for item in error.errors()]


def _translate(item: dict[str, Any], source: LoadedYaml, path: Path_,
               allowed_fields: dict[str, list[str]]) -> EditorError:
    kind = item["type"]
    loc = tuple(item["loc"])
    # Discriminated unions put the tag first in the location: drop it.
    tag = loc[0] if loc and isinstance(loc[0], str) and loc[0] in allowed_fields else None
    if tag is not None:
        loc = loc[1:]
    if loc and loc[-1] == "[key]":  # the name of an entry itself is wrong, not its value
        loc = loc[:-1]
        if kind == "string_pattern_mismatch":
            kind = "key_pattern_mismatch"
    full = (*path, *loc)
    key = ".".join(str(part) for part in full)
    line = source.line_of(full)
    value = item.get("input")
    problem, fix = _explain(kind, item, loc, value, allowed_fields.get(tag or "", []))
    return EditorError(source.file, line, key, problem, fix)


def _explain(kind: str, item: dict[str, Any], loc: tuple, value: Any,
             allowed: list[str]) -> tuple[str, str]:
    field = str(loc[-1]) if loc else ""
    if kind == "missing":
        return (f'Thiếu trường bắt buộc "{field}".',
                f'Thêm một dòng "{field}: ..." (thụt lề như các trường bên cạnh).')
    if kind == "extra_forbidden":
        return (f'Trường "{field}" không có trong mẫu dữ liệu (có thể viết sai chính tả).{did_you_mean(field, allowed)}',
                "Sửa lại tên trường, hoặc xóa dòng này." +
                (f" Các trường được dùng ở đây: {', '.join(allowed)}." if allowed else ""))
    if kind == "union_tag_not_found":
        return ('Thiếu trường "loai" cho biết đây là loại số liệu gì.',
                'Thêm dòng "loai: ..." (các loại số liệu được liệt kê trong README).')
    if kind == "union_tag_invalid":
        expected = item["ctx"]["expected_tags"]
        return (f'Loại số liệu "{item["ctx"]["tag"]}" không có.',
                f"Dùng một trong các loại: {expected}.")
    if kind == "literal_error":
        return (f'Giá trị "{value}" không được dùng ở đây.',
                f"Chọn một trong: {item['ctx']['expected']}.")
    if kind == "greater_than_equal":
        return f"Giá trị {_number(value)} quá nhỏ.", f"Giá trị phải từ {format_any(item['ctx']['ge'])} trở lên."
    if kind == "less_than_equal":
        return f"Giá trị {_number(value)} quá lớn.", f"Giá trị không được vượt {format_any(item['ctx']['le'])}."
    if kind in ("too_short", "string_too_short"):
        return ("Giá trị đang để trống.", "Điền nội dung cho trường này.")
    if kind == "key_pattern_mismatch":
        return (f'Tên khóa "{value}" có ký tự không dùng được trong tên khóa.',
                "Tên khóa chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới và gạch ngang, bắt đầu bằng "
                "chữ hoặc số (ví dụ: thu_ngan_sach). Nhớ sửa cả các trang dùng khóa này.")
    if kind == "string_pattern_mismatch":
        return (f'"{value}" không đúng dạng yêu cầu.',
                "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: chi-dao-dieu-hanh).")
    if kind == "value_error":
        error = item["ctx"]["error"]
        return (str(error), getattr(error, "fix", None) or "Sửa lại giá trị cho đúng với bản báo cáo.")
    if kind in TYPE_NAMES:
        return (f"Giá trị phải là {TYPE_NAMES[kind]}, nhưng đang là {_shown(value)}.",
                _type_fix(kind, value))
    return (f"Giá trị {_shown(value)} không hợp lệ ({item['msg']}).",
            "Sửa lại giá trị theo mẫu trong README.")


def _number(value: Any) -> str:
    return format_any(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'chữ "{value}"'
    if value is None:
        return "để trống"
    if isinstance(value, (dict, list)):
        return "một nhóm/danh sách"
    return f'"{value}"'


def _type_fix(kind: str, value: Any) -> str:
    if kind in ("float_type", "int_type") and isinstance(value, str):
        if "%" in value:
            return f'Bỏ dấu % và chỉ viết số, ví dụ "gia_tri: {value.replace("%", "").strip()}".'
        if "," in value:
            return ("Viết số theo kiểu máy tính: dấu chấm cho phần thập phân và không có dấu "
                    "phân cách hàng nghìn (13,6 viết là 13.6; 1.484 viết là 1484). "
                    "Trang web sẽ tự hiển thị đúng kiểu Việt Nam.")
        return "Chỉ viết con số, không kèm chữ, đơn vị hay dấu ngoặc kép."
    if kind == "date_type":
        return "Viết ngày dạng 2023-05-09, không đặt trong dấu ngoặc kép."
    if kind == "string_type":
        return "Đặt nội dung trong dấu ngoặc kép nếu nó chỉ gồm chữ số."
    return "Sửa lại theo mẫu trong README."
