"""JSON Schemas of the data files, for the editors' text editor.

An editor who opens `data/2024/so-lieu.yml` in VS Code (with the YAML
extension the repository recommends) gets the file's keys completed and
mistakes underlined as they type, before any build. The schemas are made
from the same pydantic models the build validates with (see `models`), so
they cannot say something else; `python -m macros.editor_schemas` writes them
to `schemas/`, and a test keeps that folder up to date. Each data file names
its schema in its first line (`# yaml-language-server: $schema=…`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from macros.models import (Check, Document, Erratum, Figure, Note, PresentationFile, Report, ReviewEntry, Term,
                           Text)

FOLDER = "schemas"


class _Whole(BaseModel):
    """A data file as a whole (the build validates its entries one by one to locate each mistake)."""

    model_config = ConfigDict(extra="forbid")


class FiguresSchema(_Whole):
    nguon: Text = Field(description="Báo cáo mà các số liệu này được lấy ra.")
    so_lieu: dict[str, dict[str, Figure]] = Field(description="Các nhóm số liệu; mỗi số liệu: loai, gia_tri, "
                                                              "y_nghia, muc.")
    kiem_tra: list[Check] = Field(default_factory=list, description="Các quan hệ giữa số liệu mà báo cáo nêu.")


class DocumentsSchema(_Whole):
    nguon: Text
    van_ban: dict[str, Document]


class NotesSchema(_Whole):
    nguon: Text
    ghi_chu: dict[str, Note]


class GlossarySchema(_Whole):
    nguon: Text
    thuat_ngu: dict[str, Term]


class ErrataSchema(_Whole):
    nguon: Text
    dinh_chinh: list[Erratum] = Field(default_factory=list)


class ReviewSchema(_Whole):
    nguon: Text
    viec: list[ReviewEntry] = Field(default_factory=list)


SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "bao-cao.schema.json": (Report, "data/*/bao-cao.yml"),
    "so-lieu.schema.json": (FiguresSchema, "data/*/so-lieu.yml"),
    "van-ban.schema.json": (DocumentsSchema, "data/*/van-ban.yml"),
    "ghi-chu.schema.json": (NotesSchema, "data/*/ghi-chu.yml"),
    "trinh-bay.schema.json": (PresentationFile, "data/*/trinh-bay.yml"),
    "dinh-chinh.schema.json": (ErrataSchema, "data/*/dinh-chinh.yml"),
    "ra-soat.schema.json": (ReviewSchema, "data/*/ra-soat.yml"),
    "thuat-ngu.schema.json": (GlossarySchema, "data/thuat-ngu.yml"),
}
"""Schema file -> (model, the data files it describes)."""


def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return schema


def rendered() -> dict[str, str]:
    """Each schema file's text, as `write` writes it."""
    return {name: json.dumps(schema_of(model), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            for name, (model, _) in SCHEMAS.items()}


def schema_for(data_file: str) -> str | None:
    """The schema file that describes `data_file` ("so-lieu.yml" -> "so-lieu.schema.json")."""
    name = Path(data_file).name
    return next((schema for schema, (_, pattern) in SCHEMAS.items() if Path(pattern).name == name), None)


def write(root: Path) -> list[Path]:
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in rendered().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def main(root: Path | None = None) -> int:
    for path in write(root or Path.cwd()):
        print(f"Đã ghi {path.relative_to(root or Path.cwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
