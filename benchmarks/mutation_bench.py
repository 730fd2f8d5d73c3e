"""Mutation score of the core modules: do the tests notice when the code is wrong?

Runs mutmut (pinned in requirements-mutation.txt; configured in
pyproject.toml: the core modules, against the tests that run in-process,
`pytest -m "not site"`), then prints for each module how many mutants the
tests killed. A mutant that survives must be listed in
benchmarks/mutation-accepted.txt with why it is equivalent to the code or
accepted; the script prints every unexplained survivor and exits non-zero
when the score is below the goal.

    make bench-mutation                 everything (9,400 mutants: hours on two cores; a module at
                                        a time is the usual use)
    make bench-mutation MODULES=checks  one module, e.g. while writing its tests
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = ROOT / "benchmarks" / "mutation-accepted.txt"
GOAL = 0.90
# mutmut's exit codes (mutmut/stats.py): a test failed, the code survived, no test ran it, too slow.
KILLED, SURVIVED = {1, 3}, {0}
NO_TESTS, TIMEOUT = {5, 33}, {24, -24, 36, 152, 255}


def accepted() -> dict[str, str]:
    """Survivors already judged: "mutant-name  reason" per line (# for comments)."""
    found = {}
    for line in ACCEPTED.read_text(encoding="utf-8").splitlines() if ACCEPTED.is_file() else []:
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            found[name] = reason.strip()
    return found


def results() -> dict[str, dict[str, int | None]]:
    """Exit code of each mutant, by module ("macros.checks" -> {mutant name: code})."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        module = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".py.meta").replace("/", ".")
        found[module] = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
    return found


def report(modules: list[str]) -> int:
    judged = accepted()
    rows, unexplained = [], []
    totals: Counter[str] = Counter()
    for module, codes in results().items():
        if modules and not any(module.endswith(f".{name}") for name in modules):
            continue
        count = Counter()
        for name, code in codes.items():
            kind = ("killed" if code in KILLED else "survived" if code in SURVIVED else "no tests" if code in NO_TESTS
                    else "timeout" if code in TIMEOUT else "not run" if code is None else "other")
            if kind in ("survived", "no tests") and name in judged:
                kind = "accepted"
            elif kind in ("survived", "no tests", "other"):
                unexplained.append(f"{name} ({kind})")
            count[kind] += 1
        count["total"] = len(codes)
        totals.update(count)
        rows.append((module, count))
    print(f"{'module':28} {'mutants':>8} {'not run':>8} {'killed':>7} {'timeout':>8} {'accepted':>9} "
          f"{'survived':>9} {'no tests':>9} {'score':>7}")
    for module, count in [*rows, ("all", totals)]:
        caught = count["killed"] + count["timeout"]
        judged_total = count["total"] - count["accepted"] - count["not run"]
        score = f"{caught / judged_total:7.1%}" if judged_total else "      -"
        print(f"{module:28} {count['total']:8} {count['not run']:8} {count['killed']:7} {count['timeout']:8} "
              f"{count['accepted']:9} {count['survived']:9} {count['no tests']:9} {score}")
    caught = totals["killed"] + totals["timeout"]
    overall = caught / max(1, totals["total"] - totals["accepted"] - totals["not run"])
    print(f"\nScore: {overall:.1%} of the mutants run and not accepted as equivalent were killed "
          f"(goal {GOAL:.0%}); {totals['total'] - totals['not run']} of {totals['total']} mutants were run; "
          f"{totals['accepted']} accepted survivors are listed with their reasons in {ACCEPTED.relative_to(ROOT)}.")
    if unexplained:
        print(f"\n{len(unexplained)} survivors without a reason (see them with: .venv/bin/mutmut show <name>):")
        print("\n".join(f"  {name}" for name in unexplained))
    return 0 if overall >= GOAL and not totals["not run"] else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="only these modules (checks, freeze, ...)")
    parser.add_argument("--report-only", action="store_true", help="print the last run's results")
    options = parser.parse_args()
    if not options.report_only:
        names = [f"macros.{name}*" for name in options.modules]
        run = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(os.cpu_count() or 1), *names],
                             cwd=ROOT, stdout=subprocess.DEVNULL)
        if run.returncode not in (0, 1):
            print(f"mutmut stopped with exit code {run.returncode}", file=sys.stderr)
            return run.returncode
    return report(options.modules)


if __name__ == "__main__":
    sys.exit(main())
