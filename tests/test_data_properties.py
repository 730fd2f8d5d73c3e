"""Any value typed into any field of any data file, and any text in a page's macro call, is either shown
or refused with a located Vietnamese message: never a Python traceback, never a half-made page.

Property tests (hypothesis) on one copy of the project: each example
changes one line, then checks the project as the build does before
rendering (`macros.validation`, in preview so that a changed sealed year is
a notice, not the only complaint) and, if nothing is refused, runs every
page's macros as mkdocs-macros would.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from macros.errors import EditorErrors
from tests.conftest import ProjectCopy, copy_project, render_pages

# Each example checks and renders the whole project: too slow to run for every mutant.
pytestmark = pytest.mark.slow

DATA_FILES = ["data/2023/bao-cao.yml", "data/2023/so-lieu.yml", "data/2023/van-ban.yml", "data/2023/ghi-chu.yml",
              "data/2023/trinh-bay.yml", "data/thuat-ngu.yml"]
# A line that gives a value: "  key: value" or "  - value" (comments and keys that open a block excluded).
_VALUE_LINE = re.compile(r"^(?P<lead>\s*(?:- )?(?:[^\s#:][^:#]*: )?)(?P<value>\S.*)$")
PAGE = "docs/2023/ket-qua-nhiem-vu-quyen-han.md"
# 60 examples a test in the usual run; a chosen profile (mutation, thorough) sets its own number.
_CHOSEN = settings.default.max_examples
EXAMPLES = settings(max_examples=60 if _CHOSEN == settings.get_profile("default").max_examples else _CHOSEN,
                    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> ProjectCopy:
    return ProjectCopy(copy_project(tmp_path_factory.mktemp("properties") / "project", code=False))


def yaml_text(value: object) -> str:
    """A value as YAML writes it on one line (flow style)."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


values = st.one_of(
    st.text(max_size=30), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.none(), st.dates(), st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)).map(yaml_text)
# What an editor might type raw after a colon: unquoted, unbalanced, indented, anything.
raw = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=30)


def outcome(copy: ProjectCopy) -> str:
    """"shown" or "refused"; anything else (a traceback) fails the test."""
    try:
        render_pages(copy.root, preview=True)
    except EditorErrors as errors:
        assert errors.errors, "refused without a reason"
        for error in errors.errors:
            assert error.file.startswith(("data/", "docs/")), error.format()
            assert error.line is not None or error.key is not None, error.format()
            assert error.problem and error.fix and "Traceback" not in error.format(), error.format()
        return "refused"
    return "shown"


def tried(copy: ProjectCopy, relative: str, index: int, new: str, as_key: bool = False) -> str:
    """The outcome of one changed line (see `changed_line`); the file is put back as it was."""
    original = changed_line(copy, relative, index, new, as_key)
    try:
        return outcome(copy)
    finally:
        (copy.root / relative).write_text(original, encoding="utf-8")


def changed_line(copy: ProjectCopy, relative: str, index: int, new: str, as_key: bool = False) -> str:
    """Replace the value (or the key) of the `index`-th value line of a file; give back the original text."""
    path = copy.root / relative
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    candidates = [number for number, line in enumerate(lines)
                  if not line.lstrip().startswith("#") and _VALUE_LINE.match(line.rstrip("\n"))]
    number = candidates[index % len(candidates)]
    found = _VALUE_LINE.match(lines[number].rstrip("\n"))
    if as_key and ":" in found.group("lead"):
        indent = re.match(r"\s*(?:- )?", found.group("lead")).group()
        lines[number] = f"{indent}{new}: {found.group('value')}\n"
    else:
        lines[number] = f"{found.group('lead')}{new}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return original


@EXAMPLES
@given(file=st.sampled_from(DATA_FILES), index=st.integers(0, 2000), value=values)
@example(file="data/2023/so-lieu.yml", index=12, value=".inf")
@example(file="data/2023/so-lieu.yml", index=12, value=".nan")
@example(file="data/2023/trinh-bay.yml", index=891, value="-1")  # a chart's reference line below zero
@example(file="data/2023/trinh-bay.yml", index=891, value="1000000000000000")
@example(file="data/2023/so-lieu.yml", index=140, value="2000-01-01")  # a date where a count goes
def test_any_value_in_any_field(copy, file, index, value):
    tried(copy, file, index, value)


@EXAMPLES
@given(file=st.sampled_from(DATA_FILES), index=st.integers(0, 2000), value=raw)
def test_anything_typed_after_a_colon(copy, file, index, value):
    tried(copy, file, index, value)


@EXAMPLES
@given(file=st.sampled_from(DATA_FILES), index=st.integers(0, 2000), key=st.one_of(raw, values))
def test_any_key(copy, file, index, key):
    tried(copy, file, index, key, as_key=True)


macro_names = st.sampled_from(["so", "vb", "ghi_chu", "so_sanh", "tieu_de", "muc_luc", "the_so_lieu", "trich_dan"])


@EXAMPLES
@given(name=macro_names, argument=st.one_of(raw, values), quoted=st.booleans())
@example(name="so", argument="123", quoted=False)
@example(name="so", argument="{{", quoted=False)
@example(name="vb", argument='"kl-92-tu", "ngayy"', quoted=False)
def test_any_text_in_a_macro_call(copy, name, argument, quoted):
    path = copy.root / PAGE
    original = path.read_text(encoding="utf-8")
    written = json.dumps(argument, ensure_ascii=False) if quoted else argument
    path.write_text(original + f"\nThêm: {{{{ {name}({written}) }}}}\n", encoding="utf-8")
    try:
        outcome(copy)
    finally:
        path.write_text(original, encoding="utf-8")


def test_the_unchanged_copy_is_shown(copy):
    assert outcome(copy) == "shown"


def test_a_page_outside_the_docs_folder_is_not_read(copy):
    assert PAGE in {f"docs/{path}" for path in render_pages(copy.root)}
