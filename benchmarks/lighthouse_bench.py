"""Benchmark: Lighthouse (mobile) on this site and on plain Material, same run, gzip-served.

Both sites are built from the same report text (plain Material: see
benchmarks/plain_material.py) and served from 127.0.0.1 by a small server
that compresses text responses with gzip, as real hosts do (Lighthouse
figures mean little without it). Lighthouse comes from the npm registry
(benchmarks/lighthouse/package.json) and drives Debian's /usr/bin/chromium.
Pages: the home page and the longest report page, compared; the print view
(the whole report on one page, which plain Material has no counterpart of)
measured alone. Prints the four category scores, largest contentful paint
with its phases, and the bytes transferred by kind of resource, side by side
with ratios: the median of `--runs` runs (3), each site's runs interleaved
with the other's. `--reports DIR` keeps Lighthouse's JSON reports. Not a test.

Largest contentful paint is printed twice. Lighthouse's default estimates it
("simulated throttling": a model replays the page load observed at full
speed on a slow phone network); its second method loads the page through
the slow network and the slowed processor for real ("applied throttling",
`--throttling-method=devtools`, Lighthouse's own mobile settings). The two
can disagree: the model scales every task it saw before the first paint,
so a page whose first paint waits for more parsing and layout is estimated
slower than it is measured. It also counts every request that ended before
the page's largest contentful paint as observed at full speed: the report
lists them with the number of runs in which they were counted (plain
Material's search index, which it requests on every visit, is counted in
some runs and not in others, which moves its estimate by about 0.2 s).
On both sites the estimate ends with Material's bundle (35 KB compressed): at
full speed it runs before the first frame is shown, so the model counts its
download and start-up before the paint. It starts that download with the
stylesheet, unless the observed request came from inside a parsing task:
then the model starts it a little later and, in its arithmetic, ends it
about 0.09 s sooner. Both sites' runs fall either way, this site's less
often the second way, and that is most of the difference between the two
estimates (see the traces with LANTERN_DEBUG=1 and Lighthouse's
--save-assets). Total blocking time and layout shift are
printed too.

Goals (issue 11): LCP at most 1.05 times plain Material's and bytes at most
1.1 times, with accessibility, best practices and SEO at 100.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.plain_material import write_plain_project  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.conftest import SOURCE_TEXT, run_build  # noqa: E402

LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
PAGES = {"home": ("", ""), "longest report page": ("2023/ket-qua-nhiem-vu-quyen-han/", "ket-qua-nhiem-vu-quyen-han/")}
ALONE = {"print view": "2023/ban-in/"}
KINDS = ("document", "stylesheet", "script", "other")
LCP_PHASES = ("timeToFirstByte", "resourceLoadDelay", "resourceLoadDuration", "elementRenderDelay")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve_gzip(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, output: Path) -> dict:
    """One simulated-throttling run (all figures) and one applied-throttling run (its LCP)."""
    report = _run(url, output, "simulate")
    applied = _run(url, output.with_name(output.stem + "-applied.json"), "devtools")
    return {**report, "lcp_applied_s": applied["lcp_s"]}


def _run(url: str, output: Path, method: str) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                    f"--throttling-method={method}", f"--chrome-flags={flags}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()
              if name in ("performance", "accessibility", "best-practices", "seo")}
    audits = report["audits"]
    failing = [name for name, audit in audits.items()
               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    kinds = {item["resourceType"]: item["transferSize"] / 1024
             for item in audits["resource-summary"]["details"]["items"]}
    phases = {}
    for item in audits.get("lcp-breakdown-insight", {}).get("details", {}).get("items", []):
        for row in item.get("items", []) if isinstance(item, dict) else []:
            if row.get("subpart") or row.get("phase"):
                phases[row.get("subpart") or row.get("phase")] = row.get("duration", 0) / 1000
    # The estimate counts every request that ended before the page's observed (unthrottled) LCP. Request times
    # count from the first request, the LCP from the navigation's start.
    requests, metrics = audits["network-requests"]["details"], audits["metrics"]["details"]["items"][0]
    offset = (requests["debugData"]["networkStartTimeTs"] - metrics["observedTimeOriginTs"]) / 1000
    counted = sorted({request_name(item["url"]) for item in requests["items"]
                      if offset + item.get("networkEndTime", math.inf) <= metrics["observedLargestContentfulPaint"]})
    return {**scores, "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "kib": audits["total-byte-weight"]["numericValue"] / 1024, "kinds": kinds, "phases": phases,
            "failing": failing, "counted": counted}


def request_name(url: str) -> str:
    """A request as the report lists it: its file's name, "page" for a site's root, the kind of a data: URL."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return "data:" + parts.path.split(",", 1)[0].split(";", 1)[0]
    return PurePosixPath(parts.path).name or "page"


def median(runs: list[dict]) -> dict:
    """Each figure's median over runs; a failing audit is listed if any run failed it."""
    middle = statistics.median
    return {**{key: middle([run[key] for run in runs]) for key in runs[0] if isinstance(runs[0][key], (int, float))},
            "kinds": {kind: middle([run["kinds"].get(kind, 0) for run in runs]) for kind in runs[0]["kinds"]},
            "phases": {phase: middle([run["phases"].get(phase, 0) for run in runs]) for phase in runs[0]["phases"]},
            "failing": sorted({name for run in runs for name in run["failing"]}),
            "counted": Counter(name for run in runs for name in run["counted"]),
            "runs": len(runs)}


def row(label: str, ours: float, base: float | None, digits: int = 2) -> str:
    if base is None:
        return f"  {label:24} {ours:10.{digits}f}"
    ratio = f"{ours / base:7.2f}" if base else "      -"
    return f"  {label:24} {ours:10.{digits}f} {base:15.{digits}f} {ratio}"


def report(name: str, ours: dict, base: dict | None) -> None:
    print(f"\n{name}")
    print(f"  {'measure':24} {'this site':>10}" + (f" {'plain Material':>15} {'ratio':>7}" if base else ""))
    for key in ("performance", "accessibility", "best-practices", "seo"):
        print(row(key, ours[key], base and base[key], 0))
    print(row("LCP, s (simulated)", ours["lcp_s"], base and base["lcp_s"]))
    print(row("LCP, s (applied)", ours["lcp_applied_s"], base and base["lcp_applied_s"]))
    for phase in sorted(set(ours["phases"]) | set(base["phases"] if base else ())):
        print(row(f"  {phase}, s", ours["phases"].get(phase, 0), base and base["phases"].get(phase, 0)))
    print(row("total blocking time, ms", ours["tbt_ms"], base and base["tbt_ms"], 0))
    print(row("layout shift (CLS)", ours["cls"], base and base["cls"], 3))
    print(row("transferred, KiB", ours["kib"], base and base["kib"], 1))
    for kind in KINDS:
        print(row(f"  {kind}, KiB", ours["kinds"].get(kind, 0), base and base["kinds"].get(kind, 0), 1))
    for site, figures in (("this site", ours), ("plain", base)):
        if figures:
            counted = ", ".join(f"{name} {runs}/{figures['runs']}" for name, runs in sorted(figures["counted"].items()))
            print(f"  requests in the LCP estimate, {site}: {counted}")
    print(f"  failing audits: this site {ours['failing'] or 'none'}"
          + (f"; plain {base['failing'] or 'none'}" if base else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports in this folder")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and site (the median is printed)")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix benchmarks/lighthouse")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        reports = arguments.reports or tmp
        reports.mkdir(parents=True, exist_ok=True)
        ours_site = tmp / "ours"
        result = run_build(ROOT, ours_site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        plain = write_plain_project(SOURCE_TEXT, tmp / "plain-project")
        result = run_build(plain, tmp / "plain")
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        rows = []
        with serve_gzip(ours_site) as ours_url, serve_gzip(tmp / "plain") as plain_url:
            for index, (name, (ours_path, plain_path)) in enumerate(PAGES.items()):
                ours, base = [], []
                for run in range(arguments.runs):
                    ours.append(lighthouse(ours_url + ours_path, reports / f"ours-{index}-{run}.json"))
                    base.append(lighthouse(plain_url + plain_path, reports / f"plain-{index}-{run}.json"))
                rows.append((name, median(ours), median(base)))
            for index, (name, path) in enumerate(ALONE.items()):
                runs = [lighthouse(ours_url + path, reports / f"alone-{index}-{run}.json") for run in range(arguments.runs)]
                rows.append((name, median(runs), None))
    print(f"Lighthouse 13 (mobile; simulated throttling, and applied for LCP), gzip-served from 127.0.0.1, "
          f"same run, median of {arguments.runs}")
    for name, ours, base in rows:
        report(name, ours, base)


if __name__ == "__main__":
    main()
