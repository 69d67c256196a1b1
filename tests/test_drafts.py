"""diff between two drafts, and init's starters, as a drafter runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import Run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
Cli = Callable[..., Run]


def _two_versions(tmp_path: Path) -> tuple[Path, Path]:
    """Version 2 breaks one citation, drops item 3.2 and adds item 3.9 in its place."""
    old = tmp_path / "v1.yaml"
    shutil.copy(EXAMPLES / "telemedicine-roadmap-en.yaml", old)
    text = old.read_text(encoding="utf-8")
    assert text.count('id: "3.2"') == 1 and "cis-infosec-2030" in text
    new = tmp_path / "v2.yaml"
    new.write_text(text.replace('id: "3.2"', 'id: "3.9"')
                   .replace("cis-infosec-2030", "cis-infosec-2031", 1), encoding="utf-8")
    return old, new


def test_diff_lists_exactly_the_introduced_and_resolved_findings(cli: Cli,
                                                                   tmp_path: Path) -> None:
    old, new = _two_versions(tmp_path)
    both = cli("check", old, new, "--format", "json", "--fail-on", "never")
    by_path: dict[str, set[tuple[str, int]]] = {}
    for f in json.loads(both.stdout)["findings"]:
        by_path.setdefault(Path(f["path"]).name, set()).add((f["code"], f["line"]))
    run = cli("diff", old, new, "--format", "json")
    assert run.code == 1  # the new draft introduces an error (an unknown framework)
    result = json.loads(run.stdout)
    introduced = {(f["code"], f["line"]) for f in result["introduced"]}
    assert introduced == by_path.get("v2.yaml", set()) - by_path.get("v1.yaml", set())
    assert "RM102" in {code for code, _ in introduced}
    assert result["resolved"] == []
    # Changed: the item that held the first citation of cis-infosec-2030, the one edited.
    items = yaml.safe_load(old.read_text(encoding="utf-8"))["items"]
    edited = next(item["id"] for item in items
                  if "cis-infosec-2030" in yaml.safe_dump(item.get("cites", [])))
    assert result["items"] == {"added": ["3.9"], "removed": ["3.2"], "changed": [edited]}


def test_diff_of_a_draft_with_itself_changes_nothing(cli: Cli) -> None:
    draft = EXAMPLES / "defect-showcase.yaml"
    run = cli("diff", draft, draft)
    assert run.code == 0
    assert "findings introduced: 0" in run.stdout and "findings resolved: 0" in run.stdout


def test_diff_reads_a_git_revision(cli: Cli, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    draft = repo / "draft.yaml"
    shutil.copy(EXAMPLES / "defect-showcase.yaml", draft)
    git = ["git", "-C", str(repo), "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "draft.yaml"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    fixed = draft.read_text(encoding="utf-8").replace("Republic of Belarrus", "Republic of Belarus")
    draft.write_text(fixed, encoding="utf-8")
    run = cli("diff", "HEAD:draft.yaml", "draft.yaml", "--format", "json", cwd=repo)
    result = json.loads(run.stdout)
    assert [f["code"] for f in result["resolved"]] == ["RM304"]
    assert result["introduced"] == []
    bad = cli("diff", "HEAD:missing.yaml", "draft.yaml", cwd=repo)
    assert bad.code == 2 and "HEAD:missing.yaml" in bad.stderr


def test_diff_markdown_is_a_comment_with_a_summary_table(cli: Cli, tmp_path: Path) -> None:
    old, new = _two_versions(tmp_path)
    run = cli("diff", old, new, "--format", "markdown")
    assert "| findings introduced |" in run.stdout and "<details>" in run.stdout


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_init_writes_a_starter_that_passes(cli: Cli, tmp_path: Path, lang: str) -> None:
    assert cli("init", "--lang", lang).code == 0
    text = (tmp_path / "roadmap.yaml").read_text(encoding="utf-8")
    assert f"language: {lang}" in text and "#" in text
    run = cli("check", "roadmap.yaml", "--fail-on", "info", "--format", "json")
    assert run.code == 0, run.stdout
    report = json.loads(run.stdout)
    assert report["summary"]["coverage"]["share"] == 1.0
    # nothing to note, not even a citation by another than its official title: only the
    # waiver the starter shows, with its reason
    assert [(f["code"], f["suppressed"]) for f in report["findings"]] == [("RM106", True)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_starters_comments_line_up_once_its_dates_are_written(cli: Cli, tmp_path: Path,
                                                                 lang: str) -> None:
    assert cli("init", "--lang", lang).code == 0
    lines = (tmp_path / "roadmap.yaml").read_text(encoding="utf-8").splitlines()
    columns = {line.index(" # ") + 1 for line in lines
               if " # " in line and not line.lstrip().startswith("#")}
    assert len(columns) == 1, [line for line in lines if " # " in line]


def test_init_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "roadmap.yaml").write_text("mine\n", encoding="utf-8")
    run = cli("init")
    assert run.code == 2 and "already exists" in run.stderr
    assert (tmp_path / "roadmap.yaml").read_text(encoding="utf-8") == "mine\n"


def test_init_ruleset_extends_the_built_in_one_and_validates(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "--ruleset", "my-rules").code == 0
    text = (tmp_path / "my-rules.yaml").read_text(encoding="utf-8")
    assert "extends: [cis-telemedicine]" in text
    assert cli("rules", "validate", "my-rules.yaml").code == 0
    assert cli("init", "--ruleset", "Bad Name").code == 2


def test_coverage_shows_the_matrix_and_fails_below_the_minimum(cli: Cli) -> None:
    good = cli("coverage", EXAMPLES / "telemedicine-roadmap-en.yaml")
    assert good.code == 0
    assert "cis-telemed-agreement-2010" in good.stdout and "■" in good.stdout
    assert "7 of 7 (100%)" in good.stdout
    low = cli("coverage", EXAMPLES / "defect-showcase.yaml", "--min-coverage", "0.9")
    assert low.code == 1 and "RM204" in low.stdout
    data = json.loads(cli("coverage", EXAMPLES / "defect-showcase.yaml", "-f", "json").stdout)
    rows = {row["framework"]: row for row in data["files"][0]["rows"]}
    assert rows["cis-digital-interaction-agreement-2020"]["share"] == 0


def test_check_fix_applies_the_safe_fixes_then_checks(cli: Cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    shutil.copy(EXAMPLES / "defect-showcase.yaml", draft)
    before = draft.read_text(encoding="utf-8")
    run = cli("check", draft, "--fix", "--format", "json", "--fail-on", "never")
    assert json.loads(run.stdout)["summary"]["fixable"] == 0
    after = draft.read_text(encoding="utf-8")
    assert after != before and after.count("#") == before.count("#")
    assert "fixed" in run.stderr
