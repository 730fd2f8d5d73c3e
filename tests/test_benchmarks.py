"""The benchmark scripts still run against the code they measure (they are not run by the tests)."""

from __future__ import annotations

import importlib

import pytest

from tests.conftest import ROOT

SCRIPTS = sorted(path.stem for path in (ROOT / "benchmarks").glob("*_bench.py"))


def test_every_benchmark_is_listed():
    assert {"build_bench", "import_bench", "lighthouse_bench", "mutation_bench", "search_bench"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_imports_what_it_uses(name):
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.main)
