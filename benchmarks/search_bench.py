"""Benchmark: this site's Vietnamese search against plain Material, same pages, same run.

Builds the site once, then makes a "plain Material" copy of it whose search
files are Material's own (its lunr.vi.min.js, and a search index with
Material's default separator and field weights and no year labels), so the
two differ only in what macros/search.py changes. In headless Chromium, for
each variant, a fresh search worker is started the way Material starts it:

  - index size: bytes of search_index.json plus the language script, raw and gzip;
  - ready: from sending the index to the worker to its "ready" answer (what a
    citizen waits for when typing right after the page loads), median of runs;
  - query: round trip of each query once ready, median and worst.

Prints each figure beside the baseline and their ratio. Not a test: numbers
depend on the machine; the ratios are what to read.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.search import INDEX_TARGET, SCRIPT_TARGET  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.conftest import run_build  # noqa: E402
from tests.test_search import CASES  # noqa: E402

RUNS = 7
MATERIAL_DEFAULTS = {"separator": r"[\s\-]+",
                     "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def plain_copy(site: Path, target: Path) -> Path:
    """The same built pages with Material's own search files."""
    shutil.copytree(site, target)
    import material
    original = Path(material.__file__).parent / "templates" / SCRIPT_TARGET
    shutil.copy2(original, target / SCRIPT_TARGET)
    index = json.loads((target / INDEX_TARGET).read_text(encoding="utf-8"))
    index["config"].update(MATERIAL_DEFAULTS)
    for doc in index["docs"]:
        if doc["title"].startswith("Năm ") and " · " in doc["title"]:
            doc["title"] = doc["title"].split(" · ", 1)[1]
    (target / INDEX_TARGET).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                                       encoding="utf-8")
    return target


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


def measure(browser, site: Path, queries: list[str]) -> dict[str, list[float]]:
    worker = "assets/javascripts/workers/" + next(site.glob("assets/javascripts/workers/search.*.min.js")).name
    with serve(site) as url:
        page = browser.new_page()
        page.goto(url)
        result = page.evaluate(MEASURE, [worker, queries, RUNS])
        page.close()
    return result


def main() -> None:
    queries = [case.values[0] for case in CASES]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build = run_build(ROOT, site)
        if build.returncode != 0:
            sys.exit(build.stdout + build.stderr)
        plain = plain_copy(site, Path(tmp) / "plain")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ours, base = measure(browser, site, queries), measure(browser, plain, queries)
            browser.close()
        ours_size, base_size = sizes(site), sizes(plain)
    rows = [
        ("index + script, bytes", ours_size[0], base_size[0]),
        ("index + script, gzip bytes", ours_size[1], base_size[1]),
        ("ready after setup, ms (median)", statistics.median(ours["ready"]), statistics.median(base["ready"])),
        ("query, ms (median)", statistics.median(ours["latency"]), statistics.median(base["latency"])),
        ("query, ms (worst)", max(ours["latency"]), max(base["latency"])),
    ]
    print(f"Search benchmark: {len(queries)} queries x {RUNS - 1} runs, {RUNS} index builds per variant")
    print(f"{'measure':34} {'this site':>12} {'plain Material':>15} {'ratio':>7}")
    for name, value, baseline in rows:
        print(f"{name:34} {value:12,.1f} {baseline:15,.1f} {value / baseline:7.2f}")


if __name__ == "__main__":
    main()
