"""The registry and every check's documentation: declared once, documented, honest.

Its failing example fires the check, its passing one does not, through the whole ``check``
pipeline (config, baseline, report)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadmap_check.command import CheckArgs, run
from roadmap_check.docs import check_docs, documented, explain
from roadmap_check.i18n import catalog
from roadmap_check.registry import CHECKS, FAMILIES


def _codes(tmp_path: Path, code: str, kind: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run an example through the whole ``check`` pipeline (config, baseline, report)."""
    monkeypatch.chdir(tmp_path)
    doc = check_docs(code)
    draft = tmp_path / f"{code}-{kind}.yaml"
    example = doc.example(kind)
    assert example is not None
    draft.write_text(example, encoding="utf-8")
    args = CheckArgs(paths=[draft], fmt="json", output=tmp_path / "out.json", fail_on="never")
    if doc.rules:
        (tmp_path / "rules.yaml").write_text(doc.rules, encoding="utf-8")
        args.rules = [str(tmp_path / "rules.yaml")]
    if "--min-coverage" in doc.args:
        args.min_coverage = float(doc.args[doc.args.index("--min-coverage") + 1])
    if doc.baseline and kind == "fail":
        args.baseline = tmp_path / "baseline.txt"
        args.baseline.write_text(doc.baseline.replace("DRAFT", draft.name), encoding="utf-8")
    assert run(args) == 0
    assert args.output is not None
    return [f["code"] for f in json.loads(args.output.read_text(encoding="utf-8"))["findings"]]


def test_every_check_is_declared_once_with_a_unique_code_and_name() -> None:
    declared = [c for family in FAMILIES for c in family.checks]
    assert len({c.code for c in declared}) == len(declared)
    assert len({c.name for c in declared}) == len(declared)
    assert all(re.fullmatch(r"RM\d{3}", c.code) for c in declared)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", c.name) for c in declared)
    assert all(c.fix in ("safe", "unsafe", "none") for c in declared)


def test_every_declared_check_has_a_documentation_file_and_no_file_is_left_over() -> None:
    assert documented() == sorted(CHECKS)


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_each_documentation_has_a_summary_a_text_and_both_examples(code: str) -> None:
    doc = check_docs(code)
    assert doc.summary("en").strip() and doc.doc("en").strip()
    assert (doc.example("fail") or "").strip() and (doc.example("pass") or "").strip()


def test_every_message_key_a_check_declares_is_in_the_catalogue_in_both_languages() -> None:
    entries = catalog()
    for check in CHECKS.values():
        for key in check.messages:
            assert key in entries, (check.code, key)
            assert entries[key].get("en") and entries[key].get("ru"), (check.code, key)


def test_every_check_message_of_the_catalogue_belongs_to_its_check() -> None:
    declared = {key: code for code, check in CHECKS.items() for key in check.messages}
    for key in catalog():
        found = re.match(r"rm(\d{3})\.", key)
        if found:
            assert declared.get(key) == f"RM{found.group(1)}", key


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
    assert text.startswith("RM201 missing-citation (default severity: warning; fix: none)")
    assert "Fails:" in text and "Passes:" in text
    assert check_docs("RM201").doc("en").strip().splitlines()[0] in text


def test_explain_takes_a_name_as_well_as_a_code() -> None:
    assert explain("missing-citation") == explain("RM201")


def test_explain_says_whether_the_fix_is_safe() -> None:
    assert "fix: safe, applied by 'roadmap-check fix'" in explain("RM304")


def test_explain_shows_the_rule_set_an_example_needs() -> None:
    assert "With this rule set" in explain("RM203")
    assert "--min-coverage 1" in explain("RM204")
