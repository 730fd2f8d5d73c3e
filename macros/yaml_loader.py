"""Load YAML the way an editor's mistakes need it loaded.

ruamel.yaml composes the node tree (it keeps every line and the text of every
value as typed); this module turns that tree into plain Python data itself so
that it can refuse duplicate keys with both lines, refuse YAML features an
editor never needs and that could hide a mistake or an attack (aliases,
custom tags, merge keys), and remember the line of every key and list item
and the exact text of every bare number, which later messages and the
figures as written (`06`, `8.000`) need. The same library writes files back
with their comments (see `yaml_writer`).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML, MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from macros.errors import EditorError, EditorErrors

Path_ = tuple[str | int, ...]
_TAG = "tag:yaml.org,2002:"
_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


@dataclass(frozen=True)
class LoadedYaml:
    """Plain Python data, the 1-based line where each path was written, and the text of bare numbers."""

    file: str
    data: Any
    lines: dict[Path_, int]
    numbers_as_typed: dict[Path_, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of `path`, or of its closest written ancestor."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


class _Refused(Exception):
    def __init__(self, line: int, key: str | None, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.line, self.key, self.problem, self.fix = line, key, problem, fix


def _culprit_line(error: MarkedYAMLError, lines: list[str]) -> int | None:
    """The line an editor must fix, which is not always where the parser gave up.

    A token left open (a key without its colon, an unclosed quote or bracket)
    is reported where the parser noticed, a line or more later, or at the end
    of the file; the line that opened it is the one to fix, else the last
    line written before the parser gave up.
    """
    context = error.context or ""
    if error.context_mark is not None and context.startswith(("while scanning", "while parsing a flow sequence",
                                                              "while parsing a flow mapping")):
        return error.context_mark.line + 1
    if error.problem_mark is None:
        return None
    # The problem's line, or the last line written before it (a tab is a mistake, not a blank).
    line = next((number for number in range(min(error.problem_mark.line + 1, len(lines)), 0, -1)
                 if lines[number - 1].strip(" ")), None)
    if error.problem == "mapping values are not allowed here" and line is not None:
        before = next((number for number in range(line - 1, 0, -1) if lines[number - 1].strip()), None)
        if before is not None and ":" not in lines[before - 1] and not lines[before - 1].lstrip().startswith("-"):
            return before  # "gia_tri 1.484 tỷ" (no colon) ran on into the next key
    return line


def read_text(path: Path, shown_as: str) -> str:
    """A data file's text; `EditorErrors` if it is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise EditorErrors([EditorError(
            shown_as, None, None,
            "Tệp không phải văn bản UTF-8 nên tiếng Việt sẽ bị lỗi font.",
            "Mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8.",
        )]) from None


def load_yaml(path: Path, shown_as: str) -> LoadedYaml:
    """Read `path`; raise `EditorErrors` naming `shown_as` if it is not usable."""
    return parse_yaml(read_text(path, shown_as), shown_as)


def parse_yaml(text: str, shown_as: str) -> LoadedYaml:
    """YAML text as plain data with lines; raise `EditorErrors` naming `shown_as` on problems.

    The same text is parsed once (a build reads each data file for the site and
    again for its seal); each caller gets its own copy of the data.
    """
    parsed = _parsed(text, shown_as)
    return dataclasses.replace(parsed, data=copy.deepcopy(parsed.data))


@functools.lru_cache(maxsize=64)
def _parsed(text: str, shown_as: str) -> LoadedYaml:
    try:
        node = YAML(typ="rt", pure=True).compose(text)
    except MarkedYAMLError as error:
        line = _culprit_line(error, text.splitlines())
        quoted = text.splitlines()[line - 1].strip() if line and line <= len(text.splitlines()) else ""
        raise EditorErrors([EditorError(
            shown_as, line, None,
            "Tệp YAML viết sai cú pháp" + (f' ở dòng: "{quoted}".' if quoted else "."),
            "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab, các dòng cùng cấp thẳng hàng), "
            "dấu hai chấm sau tên khóa, và các dấu ngoặc kép, ngoặc vuông [ ], ngoặc nhọn { } đã đóng đủ.",
        )]) from None
    except ReaderError as error:  # a character YAML does not allow anywhere (a control character)
        line = text[:error.position].count("\n") + 1
        raise EditorErrors([EditorError(
            shown_as, line, None, f"Tệp có một ký tự không in được (mã U+{error.character:04X}) ở dòng này.",
            "Xóa ký tự đó (thường do dán từ tệp khác): gõ lại dòng này.")]) from None
    loaded = LoadedYaml(shown_as, None, {})
    if node is None:
        return loaded
    try:
        data = _construct(node, (), loaded, set())
    except _Refused as refused:
        raise EditorErrors([EditorError(shown_as, refused.line, refused.key, refused.problem,
                                        refused.fix)]) from None
    return LoadedYaml(shown_as, data, loaded.lines, loaded.numbers_as_typed)


def _construct(node: Node, path: Path_, loaded: LoadedYaml, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Refused(loaded.lines.get(path, _line(node)), _dotted(path),
                       "Tệp dùng bí danh YAML (dấu * trỏ tới dấu &).",
                       "Viết đầy đủ giá trị ở từng chỗ, không dùng & và *.")
    seen.add(id(node))
    loaded.lines.setdefault(path, _line(node))
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, path)
            if key in result:
                raise _Refused(_line(key_node), _dotted((*path, key)),
                               f'Khóa "{key}" bị lặp lại (đã có ở dòng {loaded.lines[(*path, key)]}); chương '
                               "trình sẽ không tự chọn giá trị nào đúng.",
                               "Xóa một trong hai dòng, hoặc đổi tên một khóa.")
            loaded.lines[(*path, key)] = _line(key_node)
            result[key] = _construct(value_node, (*path, key), loaded, seen)
        return result
    if isinstance(node, SequenceNode):
        return [_construct(item, (*path, index), loaded, seen) for index, item in enumerate(node.value)]
    value = _scalar(node, path)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and node.style is None:
        loaded.numbers_as_typed[path] = node.value
    return value


def _key(node: Node, path: Path_) -> str:
    if not isinstance(node, ScalarNode) or node.tag not in (_TAG + "str", _TAG + "int"):
        raise _Refused(_line(node), _dotted(path), "Tên khóa phải là chữ hoặc số.", "Sửa tên khóa ở đầu dòng này.")
    return str(node.value)


def _scalar(node: Node, path: Path_) -> Any:
    """The value of a scalar with one of YAML's plain types; anything else is refused."""
    tag, text = node.tag, node.value
    if not isinstance(node, ScalarNode) or not str(tag).startswith(_TAG):
        raise _Refused(_line(node), _dotted(path), f'Kiểu dữ liệu "{tag}" không được dùng trong tệp dữ liệu.',
                       "Xóa phần bắt đầu bằng dấu ! và chỉ viết giá trị.")
    kind = str(tag)[len(_TAG):]
    if kind == "str":
        # ruamel marks where a folded (>) scalar was folded with "\a", to write it back the same way.
        text = text.replace("\a", "") if node.style == ">" else text
        control = _CONTROL.search(text)
        if control:
            raise _Refused(_line(node), _dotted(path),
                           f"Giá trị có ký tự điều khiển (mã U+{ord(control.group()):04X}), không hiển thị được trên trang.",
                           'Xóa ký tự đó: thường do viết "\\0", "\\a"... trong chuỗi có ngoặc kép, '
                           "hoặc do dán chữ từ tệp khác.")
        return text
    if kind == "null":
        return None
    if kind == "bool":
        return text.lower() == "true"
    if kind in ("int", "float", "timestamp"):
        try:
            return _NUMBERS[kind](text)
        except ValueError:  # YAML's patterns let "-_" or "._" pass: they are text, checked as text
            return text
    raise _Refused(_line(node), _dotted(path), f'Kiểu dữ liệu "{kind}" không được dùng trong tệp dữ liệu.',
                   "Chỉ viết chữ, số, ngày hoặc danh sách.")


def _int(text: str) -> int:
    cleaned = text.replace("_", "")
    prefixed = cleaned.lstrip("+-")[:2].lower() in ("0x", "0o", "0b")
    return int(cleaned, 0) if prefixed else int(cleaned)


def _float(text: str) -> float:
    return _FLOATS[text.lower()] if text.lower() in _FLOATS else float(text.replace("_", ""))


_NUMBERS = {"int": _int, "float": _float, "timestamp": datetime.date.fromisoformat}

# Characters no page can show (tab and line breaks are white space).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _dotted(path: Path_) -> str | None:
    return ".".join(map(str, path)) or None
