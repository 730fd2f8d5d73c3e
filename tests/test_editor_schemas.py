"""The editors' text editor knows every data file's schema, and the schemas say what the build says."""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest
import yaml

from macros import editor_schemas
from tests.conftest import ROOT

DATA_FILES = sorted(path for path in (ROOT / "data").rglob("*.yml"))


def plain(value):
    """YAML values as JSON has them (dates as text)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def test_the_schemas_in_the_repository_are_the_ones_the_models_give():
    for name, text in editor_schemas.rendered().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run make luoc-do ({name})"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_each_data_file_names_its_schema_and_follows_it(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    named = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert named, f"{path.name} does not name its schema on its first line"
    schema_file = (path.parent / named.group(1)).resolve()
    assert schema_file == (ROOT / "schemas" / editor_schemas.schema_for(path.name)).resolve()
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(
        plain(yaml.safe_load(path.read_text(encoding="utf-8"))))]
    assert errors == []


def test_the_editor_underlines_a_misspelt_key():
    schema = json.loads((ROOT / "schemas/so-lieu.schema.json").read_text(encoding="utf-8"))
    data = plain(yaml.safe_load((ROOT / "data/2023/so-lieu.yml").read_text(encoding="utf-8")))
    data["so_lieu"]["thu_ngan_sach"]["tong"]["y_ngia"] = data["so_lieu"]["thu_ngan_sach"]["tong"].pop("y_nghia")
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
    assert [list(error.absolute_path) for error in errors] == [["so_lieu", "thu_ngan_sach", "tong"]]
    reasons = " ".join(sub.message for error in errors for sub in error.context)
    assert "'y_ngia' was unexpected" in reasons and "'y_nghia' is a required property" in reasons


def test_vs_code_is_told_where_the_schemas_are():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert set(settings["yaml.schemas"]) == {f"schemas/{name}" for name in editor_schemas.SCHEMAS}
    recommended = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended
