"""The benchmark scripts still run against the code they measure (they are not run by the tests)."""

from __future__ import annotations

import importlib

import pytest

from benchmarks.lighthouse_bench import request_name
from tests.conftest import ROOT

SCRIPTS = sorted(path.stem for path in (ROOT / "benchmarks").glob("*_bench.py"))


def test_every_benchmark_is_listed():
    assert {"build_bench", "import_bench", "lighthouse_bench", "mutation_bench", "search_bench"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_imports_what_it_uses(name):
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.main)


@pytest.mark.parametrize(("url", "name"), [
    ("http://127.0.0.1:8000/", "page"),
    ("http://127.0.0.1:8000/2023/ket-qua-nhiem-vu-quyen-han/", "ket-qua-nhiem-vu-quyen-han"),
    ("http://127.0.0.1:8000/search/search_index.json?v=2", "search_index.json"),
    ("data:image/svg+xml;charset=utf-8,<svg viewBox='0 0 24 24'><path d='M1/2'/></svg>", "data:image/svg+xml"),
])
def test_the_lighthouse_report_names_a_request_by_its_file(url, name):
    assert request_name(url) == name
