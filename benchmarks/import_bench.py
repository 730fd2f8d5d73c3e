"""Benchmark: the editor's January step, importing a signed report and previewing the draft.

In a temporary copy of the project, for the next-year fixture report
(tests/fixtures/bao-cao-2024.txt, about 30 KB) as text and as a Word file made
from it: the time of `python -m macros.importer` (what `make nhap-bao-cao`
runs) and of the preview build (`mkdocs build --strict` with
BAO_CAO_XEM_TRUOC=1, as `make serve` builds). The baseline, measured in the
same run, is the build of the project as it is, without the draft. Goal:
import and preview together under 10 s on a laptop-class machine.

Prints a table; not a test.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import copy_project  # noqa: E402
from tests.docx_fixture import write_docx  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"
RUNS = 3


def timed(command: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return elapsed


def build(project: Path, **env: str) -> float:
    site = project / "site"
    elapsed = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                    project, **env)
    shutil.rmtree(site)
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = {"text (.txt)": FIXTURE, "Word (.docx)": write_docx(FIXTURE, tmp / "bao-cao-2024.docx")}
        baseline_project = copy_project(tmp / "baseline")
        baseline = statistics.median(build(baseline_project) for _ in range(RUNS))
        print(f"Report: {FIXTURE.relative_to(ROOT)}, {FIXTURE.stat().st_size / 1024:.1f} KB of text; "
              f"median of {RUNS} runs each")
        print(f"{'source':14} {'import s':>9} {'preview build s':>16} {'together s':>11} {'build / baseline':>17}")
        for name, source in sources.items():
            imports, builds = [], []
            for run in range(RUNS):
                project = copy_project(tmp / f"{source.suffix[1:]}-{run}")
                imports.append(timed([sys.executable, "-m", "macros.importer", "2024", str(source)], project))
                builds.append(build(project, BAO_CAO_XEM_TRUOC="1"))
            imported, previewed = statistics.median(imports), statistics.median(builds)
            print(f"{name:14} {imported:9.2f} {previewed:16.2f} {imported + previewed:11.2f} "
                  f"{previewed / baseline:17.2f}")
        print(f"{'baseline':14} {'':9} {baseline:16.2f} {'':11} {1:17.2f}  (published site, no draft)")
        print("Goal: import and preview build together under 10 s.")


if __name__ == "__main__":
    main()
