"""Benchmark: Lighthouse (mobile) on this site and on plain Material, same run, gzip-served.

Both sites are built from the same report text (plain Material: see
benchmarks/plain_material.py) and served from 127.0.0.1 by a small server
that compresses text responses with gzip, as real hosts do (Lighthouse
figures mean little without it). Lighthouse comes from the npm registry
(benchmarks/lighthouse/package.json) and drives Debian's /usr/bin/chromium.
Pages: the home page and the longest report page. Prints the four category
scores, largest contentful paint and bytes transferred side by side, with
ratios. Not a test.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_bench import SOURCE  # noqa: E402
from benchmarks.plain_material import write_plain_project  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.conftest import run_build  # noqa: E402

LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
PAGES = {"home": ("", ""), "longest report page": ("2023/ket-qua-nhiem-vu-quyen-han/", "ket-qua-nhiem-vu-quyen-han/")}


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
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                    f"--chrome-flags={flags}"], check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()
              if name in ("performance", "accessibility", "best-practices", "seo")}
    audits = report["audits"]
    failing = [name for name, audit in audits.items()
               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    return {**scores, "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "kib": audits["total-byte-weight"]["numericValue"] / 1024, "failing": failing}


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix benchmarks/lighthouse")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours_site = tmp / "ours"
        result = run_build(ROOT, ours_site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        plain = write_plain_project(SOURCE, tmp / "plain-project")
        result = run_build(plain, tmp / "plain")
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        rows = []
        with serve_gzip(ours_site) as ours_url, serve_gzip(tmp / "plain") as plain_url:
            for name, (ours_path, plain_path) in PAGES.items():
                ours = lighthouse(ours_url + ours_path, tmp / "ours.json")
                base = lighthouse(plain_url + plain_path, tmp / "plain.json")
                rows.append((name, ours, base))
    print("Lighthouse 13 (mobile, simulated throttling), gzip-served from 127.0.0.1, same run")
    for name, ours, base in rows:
        print(f"\n{name}")
        print(f"  {'measure':24} {'this site':>10} {'plain Material':>15} {'ratio':>7}")
        for key in ("performance", "accessibility", "best-practices", "seo"):
            print(f"  {key:24} {ours[key]:10d} {base[key]:15d} {ours[key] / base[key]:7.2f}")
        print(f"  {'LCP, s':24} {ours['lcp_s']:10.2f} {base['lcp_s']:15.2f} {ours['lcp_s'] / base['lcp_s']:7.2f}")
        print(f"  {'transferred, KiB':24} {ours['kib']:10.1f} {base['kib']:15.1f} {ours['kib'] / base['kib']:7.2f}")
        print(f"  failing audits: this site {ours['failing'] or 'none'}; plain {base['failing'] or 'none'}")


if __name__ == "__main__":
    main()
