"""Every check's documentation is honest: its failing example fires it, its passing one does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_check.command import CheckArgs, run
from roadmap_check.docs import check_docs, explain
from roadmap_check.registry import CHECKS

DOCS = check_docs()


def _codes(tmp_path: Path, code: str, kind: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run an example through the whole ``check`` pipeline (config, baseline, report)."""
    monkeypatch.chdir(tmp_path)
    entry = DOCS[code]
    draft = tmp_path / f"{code}-{kind}.yaml"
    draft.write_text(entry[kind], encoding="utf-8")
    args = CheckArgs(paths=[draft], fmt="json", output=tmp_path / "out.json", fail_on="never")
    if entry.get("rules"):
        (tmp_path / "rules.yaml").write_text(entry["rules"], encoding="utf-8")
        args.rules = [str(tmp_path / "rules.yaml")]
    extra = entry.get("args") or []
    if "--min-coverage" in extra:
        args.min_coverage = float(extra[extra.index("--min-coverage") + 1])
    if entry.get("baseline") and kind == "fail":
        args.baseline = tmp_path / "baseline.txt"
        args.baseline.write_text(entry["baseline"].replace("DRAFT", draft.name), encoding="utf-8")
    assert run(args) == 0
    assert args.output is not None
    return [f["code"] for f in json.loads(args.output.read_text(encoding="utf-8"))["findings"]]


def test_every_check_is_documented_with_both_examples() -> None:
    assert set(DOCS) == set(CHECKS)
    for code, entry in DOCS.items():
        assert entry.get("doc", "").strip(), code
        assert entry.get("fail", "").strip() and entry.get("pass", "").strip(), code


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_failing_example_fires_the_check(tmp_path: Path, code: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert code in _codes(tmp_path, code, "fail", monkeypatch)


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_passing_example_does_not(tmp_path: Path, code: str,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert code not in _codes(tmp_path, code, "pass", monkeypatch)


def test_explain_prints_the_doc_and_both_examples() -> None:
    text = explain("rm201")
    assert text.startswith("RM201 missing-citation (default severity: warning)")
    assert "Fails:" in text and "Passes:" in text
    assert DOCS["RM201"]["doc"].strip().splitlines()[0] in text


def test_explain_shows_the_rule_set_an_example_needs() -> None:
    assert "With this rule set" in explain("RM203")
    assert "--min-coverage 1" in explain("RM204")
