"""Every check's documentation is honest: its failing example fires it, its passing one does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roadmap_check.docs import check_docs, explain
from roadmap_check.engine import Engine, Options
from roadmap_check.registry import CHECKS

DOCS = check_docs()


def _codes(tmp_path: Path, code: str, kind: str) -> list[str]:
    entry = DOCS[code]
    rules: tuple[str, ...] = ()
    if entry.get("rules"):
        path = tmp_path / "rules.yaml"
        path.write_text(entry["rules"], encoding="utf-8")
        rules = (str(path),)
    args = entry.get("args") or []
    min_coverage = float(args[args.index("--min-coverage") + 1]) if "--min-coverage" in args \
        else None
    draft = tmp_path / f"{code}-{kind}.yaml"
    draft.write_text(entry[kind], encoding="utf-8")
    engine = Engine(Options(rules=rules, min_coverage=min_coverage, today=dt.date(2026, 11, 26)))
    report = engine.check_path(draft, draft.name)
    return [f.code for f in report.findings]


def test_every_check_is_documented_with_both_examples() -> None:
    assert set(DOCS) == set(CHECKS)
    for code, entry in DOCS.items():
        assert entry.get("doc", "").strip(), code
        assert entry.get("fail", "").strip() and entry.get("pass", "").strip(), code


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_failing_example_fires_the_check(tmp_path: Path, code: str) -> None:
    assert code in _codes(tmp_path, code, "fail")


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_passing_example_does_not(tmp_path: Path, code: str) -> None:
    assert code not in _codes(tmp_path, code, "pass")


def test_explain_prints_the_doc_and_both_examples() -> None:
    text = explain("rm201")
    assert text.startswith("RM201 missing-citation (default severity: warning)")
    assert "Fails:" in text and "Passes:" in text
    assert DOCS["RM201"]["doc"].strip().splitlines()[0] in text


def test_explain_shows_the_rule_set_an_example_needs() -> None:
    assert "With this rule set" in explain("RM203")
    assert "--min-coverage 1" in explain("RM204")
