"""Load YAML the way an editor's mistakes need it loaded.

PyYAML silently keeps the last of two equal keys and forgets where each value
was written. This loader composes the node tree itself so that it can refuse
duplicate keys and remember the line of every key and list item, which every
later error message needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.errors import EditorError, EditorErrors

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedYaml:
    """Plain Python data plus the 1-based line where each path was written."""

    file: str
    data: Any
    lines: dict[Path_, int]

    def line_of(self, path: Path_) -> int | None:
        """Line of `path`, or of its closest written ancestor."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def load_yaml(path: Path, shown_as: str) -> LoadedYaml:
    """Read `path`; raise `EditorErrors` naming `shown_as` if it is not usable."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditorErrors([EditorError(
            shown_as, None, None,
            "Tệp không phải văn bản UTF-8 nên tiếng Việt sẽ bị lỗi font.",
            "Mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8.",
        )]) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        data = _construct(loader, node, (), lines, shown_as) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        quoted = text.splitlines()[line - 1].strip() if line and line <= len(text.splitlines()) else ""
        raise EditorErrors([EditorError(
            shown_as, line, None,
            "Tệp YAML viết sai cú pháp" + (f' ở dòng: "{quoted}".' if quoted else "."),
            "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab, các dòng cùng cấp thẳng hàng), "
            "dấu hai chấm sau tên khóa và dấu ngoặc kép đã đóng đủ.",
        )]) from None
    finally:
        loader.dispose()
    return LoadedYaml(shown_as, data, lines)


def _construct(loader: yaml.SafeLoader, node: yaml.Node, path: Path_,
               lines: dict[Path_, int], shown_as: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise EditorErrors([EditorError(
                    shown_as, key_node.start_mark.line + 1, None,
                    "Tên khóa phải là chữ hoặc số.", "Sửa tên khóa ở đầu dòng này.",
                )])
            key = str(key)
            if key in result:
                first = lines[(*path, key)]
                raise EditorErrors([EditorError(
                    shown_as, key_node.start_mark.line + 1, ".".join(map(str, (*path, key))),
                    f'Khóa "{key}" bị lặp lại (đã có ở dòng {first}); chương trình sẽ không '
                    "tự chọn giá trị nào đúng.",
                    "Xóa một trong hai dòng, hoặc đổi tên một khóa.",
                )])
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _construct(loader, value_node, (*path, key), lines, shown_as)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, (*path, index), lines, shown_as)
                for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
