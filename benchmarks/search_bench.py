"""Benchmark: this site's search against plain Material, same pages, same run; and its cost with the years.

1. The site is built twice from the same project: as published, and with
   Material's own search left as Material writes it (its search index, one
   entry per heading, and its lunr.vi.min.js; `macros.search.install`
   switched off in that build's process). In headless Chromium, for each, a
   fresh search worker is started the way Material starts it:

   - index size: bytes of search_index.json plus the language script, raw and gzip;
   - ready: from sending the index to the worker to its "ready" answer (what a
     citizen waits for when typing right after opening search), median of
     index builds made in alternating turns with the baseline;
   - query: round trip of each query once ready, median and worst, over the
     queries of the search tests (tests/test_search.py, tests/test_search_answers.py).

2. Synthetic published years (the build benchmark's generator: copies of the
   2023 report): what a first visit to the home page transfers with 1, 10 and
   20 years (search data is loaded only when search is opened, so this must
   not grow with the years), and what a first search costs then: the index
   and script bytes and the worker's ready time.

Prints each figure beside its baseline and their ratio. Not a test: numbers
depend on the machine; the ratios are what to read. With `--screenshots DIR`
it also saves what a phone shows: a figure answer, a passage result, and the
passage opened from it.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_bench import add_years  # noqa: E402
from macros.search import INDEX_TARGET, SCRIPT_TARGET  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, search, serve  # noqa: E402
from tests.conftest import copy_project, run_build  # noqa: E402
from tests.test_search import CASES  # noqa: E402
from tests.test_search_answers import FIGURES, PARTIALS, PASSAGES, PHONE, open_passage  # noqa: E402

ROUNDS = 5  # turns over the sites measured together
BUILDS = 3  # index builds of one site per turn (queries are timed from its second build on)
YEARS = (1, 10, 20)
# The same build with Material's search files as Material writes them (the baseline).
PLAIN_BUILD = ("import runpy, sys\nimport macros.search\nmacros.search.install = lambda *args, **kwargs: None\n"
               "sys.argv = ['mkdocs', 'build', '--strict', '--quiet', '--site-dir', sys.argv[1]]\n"
               "runpy.run_module('mkdocs', run_name='__main__')\n")


def plain_build(project: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", PLAIN_BUILD, str(site)], cwd=project, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)


def checked_build(project: Path, site: Path) -> None:
    done = run_build(project, site)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)


def sizes(site: Path) -> tuple[int, int]:
    data = (site / INDEX_TARGET).read_bytes() + (site / SCRIPT_TARGET).read_bytes()
    return len(data), len(gzip.compress(data, 9))


MEASURE = """async ([worker, queries, runs]) => {
  const index = await (await fetch("search/search_index.json")).json()
  const ready = [], latency = []
  for (let run = 0; run < runs; run++) {
    const w = new Worker(worker)
    const ask = message => new Promise(done => { w.onmessage = e => done(e.data); w.postMessage(message) })
    let start = performance.now()
    await ask({type: 0, data: {...index, options: {suggest: false}}})
    ready.push(performance.now() - start)
    for (const query of queries) {
      start = performance.now()
      await ask({type: 2, data: query})
      if (run > 0) latency.push(performance.now() - start)
    }
    w.terminate()
  }
  return {ready, latency}
}"""


def measure(browser, sites: list[Path], queries: list[str], rounds: int = ROUNDS) -> list[dict[str, list[float]]]:
    """Ready and query times of each site's search worker, measured in turns (a few index builds of each
    site per round), so that the machine's changing load weighs on every site alike."""
    found: list[dict[str, list[float]]] = [{"ready": [], "latency": []} for _ in sites]
    with contextlib.ExitStack() as stack:
        pages = []
        for site in sites:
            worker = "assets/javascripts/workers/" + next(site.glob("assets/javascripts/workers/search.*.min.js")).name
            page = browser.new_page()
            page.goto(stack.enter_context(serve(site)))
            pages.append((page, worker))
        for _ in range(rounds):
            for (page, worker), result in zip(pages, found):
                measured = page.evaluate(MEASURE, [worker, queries, BUILDS])
                result["ready"] += measured["ready"]
                result["latency"] += measured["latency"]
        for page, _ in pages:
            page.close()
    return found


def first_visit(browser, site: Path) -> tuple[int, int]:
    """Bytes a first visit to the home page transfers (search not opened): raw, and gzip as hosts serve them."""
    bodies: list[bytes] = []
    with serve(site) as url:
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        page.on("response", lambda response: bodies.append(response.body()))
        page.goto(url, wait_until="networkidle")
        page.close()
    return sum(len(body) for body in bodies), sum(len(gzip.compress(body, 9)) for body in bodies)


SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def screenshots(browser, site: Path, folder: Path) -> None:
    """What a phone shows for a figure question, a passage question, and the passage opened from its result."""
    folder.mkdir(parents=True, exist_ok=True)
    with serve(site) as url:
        page = browser.new_page(**PHONE)
        for name, query in (("tra-loi-so-lieu", "tong thu ngan sach"), ("ket-qua-doan-van", "thu hoi no dong thue")):
            page.goto(url)
            page.locator("label.md-header__button[for='__search']").tap()
            search(page, query)
            # Material's opening animation (a circle scaled 45 times) can widen the layout for a moment.
            page.wait_for_function("() => document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path=folder / f"{name}.png")
        open_passage(page, "thu hồi nợ đọng thuế")
        page.wait_for_function(SETTLED)  # the header's title slides to the page's own once scrolled
        page.screenshot(path=folder / "doan-van-da-mo.png")
        page.close()


def row(name: str, value: float, baseline: float) -> str:
    return f"{name:34} {value:12,.1f} {baseline:15,.1f} {value / baseline:7.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screenshots", type=Path, help="save phone screenshots of the results in this folder")
    options = parser.parse_args()
    queries = [case.values[0] for case in CASES] + [query for query, _ in PASSAGES + FIGURES + PARTIALS]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        project = copy_project(tmp / "project")
        checked_build(project, tmp / "site")
        plain_build(project, tmp / "plain")
        ours, base = measure(browser, [tmp / "site", tmp / "plain"], queries)
        ours_size, base_size = sizes(tmp / "site"), sizes(tmp / "plain")
        if options.screenshots:
            screenshots(browser, tmp / "site", options.screenshots)
        print(f"Search, same pages: {ROUNDS * BUILDS} index builds per variant, in {ROUNDS} alternating turns; "
              f"{len(queries)} queries x {ROUNDS * (BUILDS - 1)} runs")
        print(f"{'measure':34} {'this site':>12} {'plain Material':>15} {'ratio':>7}")
        print(row("index + script, bytes", ours_size[0], base_size[0]))
        print(row("index + script, gzip bytes", ours_size[1], base_size[1]))
        print(row("ready after setup, ms (median)", statistics.median(ours["ready"]),
                  statistics.median(base["ready"])))
        print(row("query, ms (median)", statistics.median(ours["latency"]), statistics.median(base["latency"])))
        print(row("query, ms (worst)", max(ours["latency"]), max(base["latency"])))
        print()
        print("With the years (synthetic published copies of 2023): a first visit, and a first search")
        print(f"{'years':>5} {'visit KiB':>10} {'gzip':>7} {'x 1 year':>9} {'search KiB':>11} {'gzip':>7} "
              f"{'ready ms':>9}")
        one_year = None
        for count in YEARS:
            project = copy_project(tmp / f"years-{count}")
            add_years(project, count)
            checked_build(project, project / "site")
            visit = first_visit(browser, project / "site")
            one_year = one_year or visit
            data = sizes(project / "site")
            ready = statistics.median(measure(browser, [project / "site"], [], rounds=1)[0]["ready"])
            print(f"{count:5d} {visit[0] / 1024:10.1f} {visit[1] / 1024:7.1f} {visit[1] / one_year[1]:9.2f} "
                  f"{data[0] / 1024:11.1f} {data[1] / 1024:7.1f} {ready:9.0f}")
        browser.close()


if __name__ == "__main__":
    main()
