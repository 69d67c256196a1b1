"""The pre-commit hooks (.pre-commit-hooks.yaml) run by the real pre-commit, from a venv of
its own, with ``try-repo`` on a temporary git repository: one summary for all the files, and
a second hook that applies the safe fixes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hooks_run_serially_and_one_applies_the_fixes() -> None:
    hooks = {hook["id"]: hook for hook in HOOKS}
    assert set(hooks) == {"roadmap-check", "roadmap-check-fix"}
    assert all(hook["require_serial"] is True for hook in hooks.values())
    assert hooks["roadmap-check"]["entry"] == "roadmap-check check --roadmaps-only"
    assert hooks["roadmap-check-fix"]["entry"] == "roadmap-check fix"


@pytest.fixture(scope="session")
def pre_commit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pre-commit")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True,
                       capture_output=True, timeout=120)
        subprocess.run([str(folder / "venv" / "bin" / "python"), "-m", "pip", "install",
                        "--quiet", "pre-commit"], check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"pre-commit could not be installed: {exc}")
    return folder / "venv" / "bin" / "pre-commit"


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("defect-showcase.yaml", "telemedicine-roadmap-en.yaml"):
        shutil.copy(EXAMPLES / name, repo / name)
    (repo / "other.yaml").write_text("not: a road map\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    return repo


def _try(pre_commit: Path, repo: Path, home: Path, hook: str,
         *files: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}
    return subprocess.run([str(pre_commit), "try-repo", str(ROOT), hook, "--verbose",
                           "--files", *files], cwd=repo, capture_output=True, text=True,
                          timeout=900, check=False,
                          env={**environ, "PRE_COMMIT_HOME": str(home), "LANG": "C.UTF-8"})


@pytest.mark.slow
def test_the_real_pre_commit_runs_both_hooks(pre_commit: Path, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    home = tmp_path / "cache"
    files = ("defect-showcase.yaml", "telemedicine-roadmap-en.yaml", "other.yaml")
    checked = _try(pre_commit, repo, home, "roadmap-check", *files)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    out = checked.stdout
    assert out.count(" in 2 files") == 1, out  # one summary, the two road maps in it
    assert "defect-showcase.yaml" in out and "RM301" in out
    before = (repo / "defect-showcase.yaml").read_text(encoding="utf-8")
    fixed = _try(pre_commit, repo, home, "roadmap-check-fix", *files)
    assert fixed.returncode == 1, fixed.stdout  # pre-commit fails a hook that changed files
    after = (repo / "defect-showcase.yaml").read_text(encoding="utf-8")
    assert after != before and 'deadline: "2022-12"' in after  # "December 2022", RM311
    assert (repo / "other.yaml").read_text(encoding="utf-8") == "not: a road map\n"
    again = _try(pre_commit, repo, home, "roadmap-check-fix", *files)
    assert again.returncode == 0, again.stdout  # nothing left to fix
