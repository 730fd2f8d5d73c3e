"""Benchmark: build time and memory, against plain Material, and scaling with years.

1. The full build of this site against plain Material over the same report
   text (benchmarks/plain_material.py), in the same run: wall time (median of
   3) and peak memory of the build process.
2. Synthetic years in a temporary copy: 1, 5, 10 and 20 copies of the 2023
   report (money figures scaled by the copy's number, so that totals still
   add up), each sealed as published: build time, site size and search index
   size, per year count. Nothing of this reaches the real data.

Prints tables with ratios; not a test.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.plain_material import write_plain_project  # noqa: E402
from macros import yaml_writer  # noqa: E402
from macros.written import Amount, parse  # noqa: E402
from tests.conftest import SOURCE_TEXT, copy_project  # noqa: E402


def build(project: Path, site: Path) -> tuple[float, float]:
    """One `mkdocs build --strict`: seconds, and peak memory in MiB of the build process."""
    script = ("import resource, runpy, sys; sys.argv = ['mkdocs', 'build', '--strict', '--quiet', "
              f"'--site-dir', {str(site)!r}];\ntry:\n    runpy.run_module('mkdocs', run_name='__main__')\n"
              "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script], cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024


def measure(project: Path, runs: int = 3) -> tuple[float, float]:
    results = []
    for run in range(runs):
        site = project / f"site-{run}"
        results.append(build(project, site))
        shutil.rmtree(site)
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def add_years(project: Path, count: int) -> None:
    """Copies 2..count of the 2023 report as years 2024, 2025, ... with scaled money figures."""
    for offset in range(1, count):
        year, factor = 2023 + offset, Decimal(offset + 1)
        shutil.copytree(project / "data" / "2023", project / "data" / str(year))
        shutil.copytree(project / "docs" / "2023", project / "docs" / str(year))
        report = project / "data" / str(year) / "bao-cao.yml"
        report.write_text(report.read_text(encoding="utf-8").replace("nam: 2023\n", f"nam: {year}\n", 1),
                          encoding="utf-8")
        figures_path = project / "data" / str(year) / "so-lieu.yml"
        figures = yaml_writer.read(figures_path)
        for members in figures["so_lieu"].values():
            for figure in members.values():
                if figure["loai"] == "tien":
                    scaled = parse("tien", figure["gia_tri"]).value * factor
                    figure["gia_tri"] = Amount.of(scaled, decimals=3).text
                    figure.pop("nguyen_van", None)
                    figure.pop("ghi_chu", None)
        yaml_writer.write(figures_path, figures)
        page = project / "docs" / str(year) / "ket-qua-nhiem-vu-quyen-han.md"
        page.write_text(page.read_text(encoding="utf-8").replace('{{ ghi_chu("tong-muc-dau-tu-13-du-an") }}', ""),
                        encoding="utf-8")
        notes = project / "data" / str(year) / "ghi-chu.yml"
        data = yaml_writer.read(notes)
        del data["ghi_chu"]["tong-muc-dau-tu-13-du-an"]
        yaml_writer.write(notes, data)
    (project / "data" / "niem-phong.json").unlink()
    sealed = subprocess.run([sys.executable, "-m", "macros.freeze"], cwd=project, capture_output=True, text=True)
    if sealed.returncode != 0:
        sys.exit(sealed.stderr)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = measure(copy_project(tmp / "ours"))
        plain = measure(write_plain_project(SOURCE_TEXT, tmp / "plain"))
        print("Full build, same report text (median of 3 builds; peak memory of the build process)")
        print(f"{'measure':22} {'this site':>10} {'plain Material':>15} {'ratio':>7}")
        print(f"{'build time, s':22} {ours[0]:10.2f} {plain[0]:15.2f} {ours[0] / plain[0]:7.2f}")
        print(f"{'peak memory, MiB':22} {ours[1]:10.1f} {plain[1]:15.1f} {ours[1] / plain[1]:7.2f}")
        print()
        print("Scaling with synthetic published years (one build each)")
        print(f"{'years':>5} {'build s':>8} {'s/year':>7} {'site MiB':>9} {'KiB/year':>9} {'index KiB':>10} {'KiB/year':>9}")
        for count in (1, 5, 10, 20):
            project = copy_project(tmp / f"years-{count}")
            add_years(project, count)
            seconds, _ = build(project, project / "site")
            site_bytes = size(project / "site")
            index_bytes = (project / "site" / "search" / "search_index.json").stat().st_size
            print(f"{count:5d} {seconds:8.2f} {seconds / count:7.2f} {site_bytes / 2**20:9.2f} "
                  f"{site_bytes / 1024 / count:9.0f} {index_bytes / 1024:10.0f} {index_bytes / 1024 / count:9.0f}")
            shutil.rmtree(project)


if __name__ == "__main__":
    main()
