"""Shared fixtures: the real site built once per session, and throw-away copies.

Every test that looks at the site reads what `mkdocs build --strict` wrote,
the same command CI and the publishing workflow run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
# Fixtures that build the site in another process or drive the browser: tests that use them are marked
# "site". The others run in this process; those that are not "slow" either (a second or more each) are
# the ones mutation testing runs (make bench-mutation: pytest -m "not site and not slow").
SITE_FIXTURES = {"built_site", "preview_site", "site_url", "browser", "page", "context"}
# Fixtures that import a whole report into a copy of the project (a second or more, once per module): tests
# that use them are marked "slow". The importer's parts are tested by small reports in test_import_small.py.
IMPORT_FIXTURES = {"draft", "styled", "imported_years", "previewed"}
# Mutation testing runs each property test with fewer, fixed examples: a mutant is killed or not, every time.
settings.register_profile("mutation", max_examples=10, derandomize=True, database=None, deadline=None)
# A long search for inputs that break the data layer: pytest --hypothesis-profile=thorough tests/test_data_properties.py
settings.register_profile("thorough", max_examples=1500, deadline=None)
# The published address the session's site is built for (canonical links, sitemap).
SITE_URL = "https://bao-cao.example.vn/"
SOURCE_TEXT = ROOT / "data" / "2023" / "bao-cao-cong-tac-chinh-quyen-2023.txt"
CONTENT_PARTS = ("mkdocs.yml", "docs", "data")
CODE_PARTS = ("macros", "overrides")


# -- Mutation testing (make bench-mutation) ----------------------------------
# mutmut 3.8 credits a test with the code that ran during it, to choose which
# tests to run for each mutant. A fixture made once for a module runs during
# its first test only; these hooks credit every later test of the module with
# what the module's fixtures ran, so each is run for the mutants it can see.
_FIXTURE_HITS: dict[str, set[str]] = {}


def _mutation_stats() -> Any:
    """mutmut's record of the functions run so far, while it collects them; else None."""
    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        return None
    from mutmut.state import state
    return state()._stats


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Any:
    result = yield
    hits = _mutation_stats()
    if hits is not None:
        _FIXTURE_HITS.setdefault(item.module.__name__, set()).update(hits)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    hits = _mutation_stats()
    if hits is not None:
        hits.update(_FIXTURE_HITS.get(item.module.__name__, ()))
    return (yield)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if SITE_FIXTURES & used:
            item.add_marker(pytest.mark.site)
        if IMPORT_FIXTURES & used:
            item.add_marker(pytest.mark.slow)


# The generator the site is built with: MkDocs, or ProperDocs (`make test GENERATOR=properdocs`).
GENERATOR = os.environ.get("BAO_CAO_GENERATOR", "mkdocs")


def run_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or ProperDocs') in `project`, as an editor or CI would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    return subprocess.run(
        [sys.executable, "-m", GENERATOR, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


def copy_project(target: Path, code: bool = True) -> Path:
    """A copy of the project's site sources in `target`: config, pages and data, and the code and theme a build
    in another process needs (checks run in this process need only the first three)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in CONTENT_PARTS + (CODE_PARTS if code else ()):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make serve` builds it: draft years included."""
    site = tmp_path_factory.mktemp("preview")
    result = run_build(ROOT, site, BAO_CAO_XEM_TRUOC="1")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def source_text() -> str:
    if not SOURCE_TEXT.is_file():
        pytest.fail(f"the report's source text is missing: {SOURCE_TEXT}")
    return SOURCE_TEXT.read_text(encoding="utf-8")


@dataclass
class ProjectCopy:
    """A disposable copy of the project that a test may break."""

    root: Path

    def edit(self, relative: str, old: str, new: str, count: int = 1) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{old!r} not found in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def with_code(self) -> None:
        """The code and theme, for commands run in another process (copied once)."""
        for part in CODE_PARTS:
            if not (self.root / part).exists():
                shutil.copytree(ROOT / part, self.root / part, ignore=shutil.ignore_patterns("__pycache__"))

    def build(self, **env: str) -> subprocess.CompletedProcess[str]:
        self.with_code()
        return run_build(self.root, self.root / "site", **env)

    def problems(self, preview: bool = False) -> str:
        """What the build would tell the editor ("" if nothing), checked in this process as the build checks."""
        from macros.errors import EditorErrors
        from macros.validation import validate
        try:
            validate(self.root, preview=preview)
        except EditorErrors as errors:
            return str(errors)
        return ""

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run `python -m <args>` in the copy (the editors' make targets)."""
        self.with_code()
        return subprocess.run([sys.executable, "-m", *args], cwd=self.root, capture_output=True, text=True,
                              timeout=300)

    def remove_year(self, year: int) -> None:
        """The copy without a year's data and pages (and without the seal)."""
        for part in ("data", "docs"):
            shutil.rmtree(self.root / part / str(year))
        (self.root / "data" / "niem-phong.json").unlink()

    def render(self, preview: bool = True) -> dict[str, str]:
        """Every shown page's Markdown after its macros ran, in this process (what MkDocs then turns into HTML)."""
        return render_pages(self.root, preview)

    def reseal(self) -> None:
        """Seal the copy afresh, as if its published years had just been published."""
        (self.root / "data" / "niem-phong.json").unlink()
        assert self.run("macros.freeze").returncode == 0

    def line_of(self, relative: str, fragment: str) -> int:
        lines = (self.root / relative).read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, 1) if fragment in line)


def page_url(path: str) -> str:
    """MkDocs' address of a page: "2023/x.md" -> "2023/x/", "2023/index.md" -> "2023/"."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def render_pages(root: Path, preview: bool = True) -> dict[str, str]:
    """The macros of every page the build would show, run as mkdocs-macros runs them (Jinja, the same functions)."""
    from jinja2 import Environment, StrictUndefined

    from macros.editor_macros import BuildContext, EditorMacros, PageState
    from macros.pages import page_year
    from macros.validation import validate

    checked = validate(root, preview=preview)
    environment = Environment(undefined=StrictUndefined)
    macros = EditorMacros(checked.site, preview)
    functions = macros.functions()
    macros.build = BuildContext(root / "docs", render=lambda text: environment.from_string(text).render(**functions),
                                uses=tuple(checked.uses))
    shown = {data.year for data in macros.years()}
    rendered = {}
    for file in sorted((root / "docs").rglob("*.md")):
        path = file.relative_to(root / "docs").as_posix()
        year = page_year(path)
        if year is not None and year not in shown:
            continue
        body = re.sub(r"\A---\n.*?\n---\n", "", file.read_text(encoding="utf-8"), flags=re.S)
        macros.page = PageState(path, page_url(path))
        rendered[path] = environment.from_string(body).render(**functions)
    return rendered


@pytest.fixture
def project(tmp_path: Path) -> ProjectCopy:
    return ProjectCopy(copy_project(tmp_path, code=False))


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    from tests.browser import serve
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's browser is Debian's Chromium (Playwright's own download is not used)."""
    from tests.browser import CHROMIUM, CHROMIUM_ARGS
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
