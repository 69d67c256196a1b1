"""The basis of a finding and --trust (issue 9, item 4): a finding that rests on a fact the rule
set marks partial or inferred (a horizon for RM106, an adoption date for RM107, a title for the
fix of RM105) says so in its message, in both languages, and in JSON (`basis`); `--trust
seen|partial|inferred` (or `trust` in the config file) lowers the findings resting on facts it
does not trust to info. The default, `partial`, never lets a warning or an error rest on an
inferred fact."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import TEST_RULES, Run, check_text, message_of, minimal_roadmap, shared_file

from roadmap_check.findings import Finding
from roadmap_check.rulesets import load
from roadmap_check.severity import Severity

Cli = Callable[..., Run]
Write = Callable[..., Path]
RULES = ("--rules", str(TEST_RULES))

# test-rules: infosoc-2025 (confidence partial) ends 2025; digital-2022 (inferred) is adopted
# after the road map's date; infosec-2030 (seen) ends 2030 and telemed-2010 (seen) was adopted
# in 2010.
DRAFT = minimal_roadmap(
    '  - id: "1"\n    title: X\n    responsible: Belarus\n    deadline: 2031\n'
    "    cites: [infosoc-2025, infosec-2030]\n"
    '  - id: "2"\n    title: Y\n    responsible: Belarus\n    deadline: 2023\n'
    "    cites: [digital-2022, telemed-2010]\n", "  date: 2021-09-09\n")


def _found(text: str = DRAFT) -> dict[tuple[str, str | None], Finding]:
    return {(f.code, f.framework): f for f in check_text(text).findings}


def test_a_finding_on_a_partial_fact_says_so_in_both_languages() -> None:
    found = _found()[("RM106", "infosoc-2025")]
    assert found.basis == "partial"
    assert "the rule set marks the framework's horizon as only partly confirmed" in \
        message_of(found)
    assert "срок действия документа" in message_of(found, "ru")
    assert "подтверждены лишь частично" in message_of(found, "ru")


def test_a_finding_on_an_inferred_fact_says_so_in_both_languages() -> None:
    found = _found()[("RM107", "digital-2022")]
    assert found.basis == "inferred"
    assert "the rule set infers the framework's adoption date" in message_of(found)
    assert "дата принятия документа" in message_of(found, "ru")
    assert "не подтверждены источником" in message_of(found, "ru")


def test_a_finding_on_seen_facts_has_no_basis_and_says_nothing_of_it() -> None:
    found = _found()[("RM106", "infosec-2030")]
    assert found.basis is None
    assert "rule set" not in message_of(found)


def test_by_default_an_inferred_fact_gives_info_and_a_partial_one_keeps_its_level() -> None:
    found = _found()
    assert found[("RM107", "digital-2022")].severity is Severity.INFO
    assert found[("RM106", "infosoc-2025")].severity is Severity.WARNING
    assert found[("RM106", "infosec-2030")].severity is Severity.WARNING


def _levels(run: Run) -> dict[tuple[str, str | None], tuple[str, str | None]]:
    assert run.code in (0, 1), run.stderr
    return {(f["code"], f["framework"]): (f["severity"], f["basis"])
            for f in json.loads(run.stdout)["findings"] if f["code"] in ("RM106", "RM107")}


@pytest.mark.parametrize(("trust", "partial", "inferred"), [
    ("seen", "info", "info"),
    ("partial", "warning", "info"),
    ("inferred", "warning", "warning"),
])
def test_trust_lowers_the_findings_on_facts_it_does_not_trust(
        cli: Cli, write: Write, trust: str, partial: str, inferred: str) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--format", "json", "--trust", trust)
    assert _levels(run) == {("RM106", "infosoc-2025"): (partial, "partial"),
                            ("RM106", "infosec-2030"): ("warning", None),
                            ("RM107", "digital-2022"): (inferred, "inferred")}


def test_trust_is_a_config_key_and_the_option_wins(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    write("roadmap-check.toml", 'trust = "seen"\n')
    levels = _levels(cli("check", "draft.yaml", *RULES, "--format", "json"))
    assert levels[("RM106", "infosoc-2025")] == ("info", "partial")
    levels = _levels(cli("check", "draft.yaml", *RULES, "--format", "json", "--trust",
                         "inferred"))
    assert levels[("RM107", "digital-2022")] == ("warning", "inferred")


def test_a_raised_severity_still_never_rests_on_an_untrusted_fact(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    write("roadmap-check.toml", 'severity = {RM107 = "error"}\n')
    levels = _levels(cli("check", "draft.yaml", *RULES, "--format", "json"))
    assert levels[("RM107", "digital-2022")] == ("info", "inferred")


@pytest.mark.parametrize("args", [("--trust", "sure"), ()])
def test_an_unknown_trust_is_a_usage_error_naming_the_values(cli: Cli, write: Write,
                                                              args: tuple[str, ...]) -> None:
    write("draft.yaml", DRAFT)
    if not args:
        write("roadmap-check.toml", 'trust = "sure"\n')
    run = cli("check", "draft.yaml", *RULES, *args)
    assert run.code == 2
    assert "seen, partial, inferred" in run.stderr and "Traceback" not in run.stderr


def test_json_says_basis_on_every_finding(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    findings = json.loads(cli("check", "draft.yaml", *RULES, "--format", "json").stdout)[
        "findings"]
    assert all("basis" in f for f in findings)
    assert {f["basis"] for f in findings} == {None, "partial", "inferred"}


def test_sarif_carries_the_basis_as_a_property(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--format", "sarif", "--trust", "seen")
    results = json.loads(run.stdout)["runs"][0]["results"]
    by_rule = {(r["ruleId"], r["properties"].get("framework")): r for r in results}
    assert by_rule[("RM106", "infosoc-2025")]["properties"]["basis"] == "partial"
    assert by_rule[("RM106", "infosoc-2025")]["level"] == "note"
    assert "basis" not in by_rule[("RM106", "infosec-2030")]["properties"]


def test_the_fix_of_a_title_the_rule_set_marks_partial_says_so() -> None:
    # wha66-24's Russian title was written for the rule set (inferred); its English one is seen
    text = minimal_roadmap('  - id: "1"\n    title: X\n    responsible: Belarus\n'
                           "    deadline: 2023\n    cites: [\"Резолюции WHA66.24\", "
                           '"WHA 66.24"]\n')
    found = [f for f in check_text(text, rules="cis-frameworks").findings if f.code == "RM105"]
    by_raw = {f.subject: f for f in found}
    assert by_raw["Резолюции WHA66.24"].basis == "inferred"
    assert "official Russian title" in message_of(by_raw["Резолюции WHA66.24"])
    assert by_raw["WHA 66.24"].basis is None


_FIELDS = {"title_en": "title_en", "title_ru": "title_ru", "adoption_date": "adopted",
           "valid_until": "in_force_until", "adopting_body": "issuer"}


def test_the_built_in_rule_sets_carry_the_confidence_of_each_fact_they_hold() -> None:
    facts = yaml.safe_load(shared_file("data/frameworks_facts.yaml").read_text("utf-8"))
    frameworks = load(["cis-frameworks"]).frameworks
    differ = []
    for entry in facts["frameworks"]:
        framework = frameworks[entry["id"]]
        for key, field in _FIELDS.items():
            fact = entry.get(key)
            if not isinstance(fact, dict) or fact.get("value") is None:
                continue
            if field in ("adopted", "in_force_until") and getattr(framework, field) is None:
                continue
            stated = framework.provenance.get(field)
            if stated is None and framework.confidence != fact.get("confidence"):
                differ.append(f"{entry['id']}.{field}: {framework.confidence} for "
                              f"{fact.get('confidence')}")
    assert differ == []
