"""The registry and every check's documentation: declared once, documented, honest.

Each documentation is in English and Russian, with a failing and a passing example in each
language (the Russian ones are Russian road maps). Each failing example fires the check, each
passing one does not, through the whole ``check`` pipeline (config, baseline, report); the
Russian examples show the same findings as the English ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadmap_check.command import CheckArgs, run
from roadmap_check.docs import check_docs, documented, explain
from roadmap_check.i18n import catalog
from roadmap_check.langs import LANGS
from roadmap_check.registry import CHECKS, FAMILIES


def _codes(tmp_path: Path, code: str, kind: str, monkeypatch: pytest.MonkeyPatch,
           lang: str = "en") -> list[str]:
    """Run an example through the whole ``check`` pipeline (config, baseline, report): the
    codes it finds, sorted."""
    tmp_path.mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    doc = check_docs(code)
    draft = tmp_path / f"{code}-{kind}-{lang}.yaml"
    example = doc.example(kind, lang)
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
    return sorted(f["code"] for f in json.loads(args.output.read_text(encoding="utf-8"))["findings"])


def test_every_check_is_declared_once_with_a_unique_code_and_name() -> None:
    declared = [c for family in FAMILIES for c in family.checks]
    assert len({c.code for c in declared}) == len(declared)
    assert len({c.name for c in declared}) == len(declared)
    assert all(re.fullmatch(r"RM\d{3}", c.code) for c in declared)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", c.name) for c in declared)
    assert all(c.fix in ("safe", "unsafe", "checked", "none") for c in declared)


def test_every_declared_check_has_a_documentation_file_and_no_file_is_left_over() -> None:
    assert documented() == sorted(CHECKS)


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_each_documentation_has_a_summary_a_text_and_both_examples_in_each_language(
        code: str) -> None:
    data = check_docs(code).data
    for key in ("summary", "doc", "fail", "pass"):  # each keyed by language, none left out
        assert isinstance(data[key], dict) and sorted(data[key]) == sorted(LANGS), (code, key)
        assert all(str(data[key][lang]).strip() for lang in LANGS), (code, key)
    assert data["doc"]["ru"] != data["doc"]["en"] and data["fail"]["ru"] != data["fail"]["en"]


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


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(CHECKS))
def test_failing_example_fires_the_check(tmp_path: Path, code: str, lang: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert code in _codes(tmp_path, code, "fail", monkeypatch, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(CHECKS))
def test_passing_example_does_not(tmp_path: Path, code: str, lang: str,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert code not in _codes(tmp_path, code, "pass", monkeypatch, lang)


@pytest.mark.parametrize("kind", ["fail", "pass"])
@pytest.mark.parametrize("code", sorted(CHECKS))
def test_the_russian_example_shows_what_the_english_one_shows(
        tmp_path: Path, code: str, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    english = _codes(tmp_path / "en", code, kind, monkeypatch, "en")
    assert _codes(tmp_path / "ru", code, kind, monkeypatch, "ru") == english


def test_explain_prints_the_doc_and_both_examples() -> None:
    text = explain("rm201")
    assert text.startswith("RM201 missing-citation (default severity: warning; fix: none)")
    assert "Fails:" in text and "Passes:" in text
    assert check_docs("RM201").doc("en").strip().splitlines()[0] in text


def test_explain_in_russian_prints_the_russian_documentation_and_examples() -> None:
    doc = check_docs("RM201")
    text = explain("RM201", "ru")
    assert text.startswith("RM201 missing-citation (уровень по умолчанию: предупреждение; ")
    assert doc.data["doc"]["ru"].strip() in text and doc.data["doc"]["en"].strip() not in text
    for kind in ("fail", "pass"):
        indented = "\n".join("    " + line for line in doc.data[kind]["ru"].rstrip().splitlines())
        assert indented in text and doc.data[kind]["en"].splitlines()[2] not in text
    english = explain("RM201", "en")
    assert doc.data["fail"]["en"].splitlines()[2] in english and "Что проверяется" not in english


def test_explain_takes_a_name_as_well_as_a_code() -> None:
    assert explain("missing-citation") == explain("RM201")


def test_explain_says_whether_the_fix_is_safe() -> None:
    assert "fix: safe, applied by 'roadmap-check fix'" in explain("RM006")
    assert "fix: safe where the new text keeps everything the old one said" in explain("RM105")
    assert "else unsafe, applied only with --unsafe-fixes" in explain("RM304")


def test_explain_shows_the_rule_set_an_example_needs() -> None:
    assert "With this rule set" in explain("RM203")
    assert "--min-coverage 1" in explain("RM204")
