"""Write data files the way editors read them: comments kept, Vietnamese as is, stable layout.

`make nam-moi` and `make nhap-bao-cao` write YAML that editors then keep
editing by hand, so it must look hand-written: the comments that explain each
file survive a rewrite (ruamel.yaml's round-trip mode keeps them), letters
are not escaped, lists are indented under their key, and an empty value is
written as nothing rather than "null".
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


class Bare(str):
    """Text written without quotes where YAML would read it as a number ("06", "85.000").

    `yaml_loader` keeps the text of bare numbers, and a count written so is
    read as the report writes it, so editors see `gia_tri: 06`, not `'06'`.
    """


def _represent_bare(representer: Any, value: Bare) -> Any:
    kind = "float" if "." in value else "int"
    return representer.represent_scalar(f"tag:yaml.org,2002:{kind}", str(value))


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", ""))
    yaml.representer.add_representer(Bare, _represent_bare)
    return yaml


def read(path: Path) -> Any:
    """A data file as ruamel's commented maps and lists, ready to change and write back."""
    return _yaml().load(path.read_text(encoding="utf-8-sig"))


def dumps(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data), encoding="utf-8")


def commented(values: dict[str, Any], comments: dict[str, str] | None = None,
              header: str | None = None) -> CommentedMap:
    """A mapping with a comment above some keys and a header comment above all."""
    mapping = CommentedMap(values)
    for key, comment in (comments or {}).items():
        mapping.yaml_set_comment_before_after_key(key, before=comment, indent=0)
    if header:
        mapping.yaml_set_start_comment(header)
    return mapping
