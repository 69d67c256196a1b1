"""Provisions written in words and editions of standards (issue 9): "strategic objective 2",
"раздел 4", "подпункт «б» статьи 6", "ISO 13606-1:2019", "ITU-T Rec. H.810 (11/2019)", "HL7
FHIR R4" resolve against the rule set; where an outline is complete for a kind of provision a
nonexistent one is RM104, where it is partial it is nothing; an edition is no disagreement."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import TEST_RULES, Run, check_text, message_of, ruleset_problems

from roadmap_check import rulesets
from roadmap_check.compiled import Compiled
from roadmap_check.findings import Finding
from roadmap_check.resolve import Resolver

Cli = Callable[..., Run]
GSDH = "who-gsdh-2020-2025"
TOOLKIT = "who-itu-nehst-2012"
TELEMED = "cis-telemed-agreement-2010"


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return Compiled.build(rulesets.load(["cis-telemedicine"]))


def _road_map(*cites: str) -> str:
    listed = "".join(f"      - {json.dumps(c, ensure_ascii=False)}\n" for c in cites)
    return ("roadmap: {id: t, title: T, date: 2021-11-25}\nitems:\n"
            "  - id: '1'\n    title: Agree the exchange of data\n"
            "    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites:\n{listed}")


def _findings(*cites: str) -> list[Finding]:
    return check_text(_road_map(*cites), rules="cis-telemedicine").findings


def _hit(compiled: Compiled, text: str) -> tuple[str | None, str | None]:
    from roadmap_check.model import Citation, Text

    hit = Resolver(compiled).hit(Citation(Text(text, 1, 1)))
    return hit.framework, hit.provision


@pytest.mark.parametrize(("text", "framework", "provision"), [
    ("Global Strategy on Digital Health 2020-2025, strategic objective 2", GSDH, "SO2"),
    ("WHO Global Strategy on Digital Health, SO 2", GSDH, "SO2"),
    ("WHO Global Strategy on Digital Health, SO3", GSDH, "SO3"),
    ("Глобальная стратегия ВОЗ по цифровому здравоохранению, стратегическая цель 2", GSDH, "SO2"),
    ("стратегической цели 4 Глобальной стратегии ВОЗ по цифровому здравоохранению", GSDH, "SO4"),
    ("National eHealth Strategy Toolkit, part 2", TOOLKIT, "2"),
    ("Инструментарий ВОЗ/МСЭ по национальной стратегии электронного здравоохранения, часть 3",
     TOOLKIT, "3"),
    ("Стратегия ИБ СНГ, раздел I", "cis-infosec-2030", "I"),
    ("CIS Information Security Strategy, section 1", "cis-infosec-2030", "I"),
    ("Соглашение СНГ о телемедицине, статья 6", TELEMED, "6"),
    ("ст. 6 Соглашения о телемедицинских системах СНГ", TELEMED, "6"),
    ("CIS Telemedicine Agreement, Article 6(b)", TELEMED, "6(b)"),
    ("подпункт «б» статьи 6 Соглашения о телемедицинских системах СНГ", TELEMED, "6(b)"),
    ("п. «в» ст. 6 Соглашения о телемедицинских системах СНГ", TELEMED, "6(c)"),
    ("ISO 13606, part 2", "iso-13606", "2"),
    ("ISO 13606-1:2019", "iso-13606", "1"),
    ("ITU-T H.812.1", "itu-t-h810-series", "H.812.1"),
    ("ITU-T H.812.7", "itu-t-h810-series", "H.812"),
])
def test_a_provision_in_words_resolves_against_the_outline(compiled: Compiled, text: str,
                                                           framework: str,
                                                           provision: str) -> None:
    assert _hit(compiled, text) == (framework, provision)


@pytest.mark.parametrize("text", [
    "Global Strategy on Digital Health 2020-2025, strategic objective 5",
    "Глобальная стратегия ВОЗ по цифровому здравоохранению, стратегическая цель 5",
    "WHO Global Strategy on Digital Health, SO 7",
    "WHO Global Strategy on Digital Health, objective 6",
    "Глобальная стратегия ВОЗ по цифровому здравоохранению, цель 5",
    "National eHealth Strategy Toolkit, Part 4",
    "Инструментарий ВОЗ/МСЭ по национальной стратегии электронного здравоохранения, часть 4",
])
def test_a_provision_missing_from_a_complete_outline_is_rm104(text: str) -> None:
    (found,) = [f for f in _findings(text) if f.code == "RM104"]
    assert found.severity.label == "error"


@pytest.mark.parametrize("text", [
    "Global Strategy on Digital Health 2020-2025, section 9",   # sections are not listed
    "National eHealth Strategy Toolkit, chapter 4",             # chapters are not listed
    "Стратегия ИБ СНГ, раздел 4",                               # only section I was seen
    "Соглашение СНГ о телемедицине, пункт 3",
    "Соглашение СНГ о телемедицине, п. 3",
    "Соглашение СНГ о телемедицине, часть 2",
    "CIS Telemedicine Agreement, part 2",
    "Соглашение СНГ о телемедицине, задача 3",
])
def test_an_unlisted_provision_of_a_partial_outline_is_no_finding(text: str) -> None:
    findings = _findings(text)
    assert not [f for f in findings if f.code in ("RM102", "RM104")], \
        [message_of(f) for f in findings]


@pytest.mark.parametrize(("text", "framework"), [
    ("CIS Telemedicine Agreement, clause 3", TELEMED),
    ("CIS Telemedicine Agreement, point 2", TELEMED),
    ("CIS Telemedicine Agreement, item 4", TELEMED),
    ("Соглашение СНГ о телемедицине, абзац 2", TELEMED),
    ("Стратегия ИБ СНГ, подраздел 2.1", "cis-infosec-2030"),
    ("CIS Information Security Strategy, subsection 2.1", "cis-infosec-2030"),
    ("WHO Global Strategy on Digital Health, objective 2", GSDH),
    ("Глобальная стратегия ВОЗ по цифровому здравоохранению, цель 3", GSDH),
])
def test_a_provision_under_another_usual_marker_is_no_unknown_framework(
        compiled: Compiled, text: str, framework: str) -> None:
    """The framework is named; what follows is a part of it in a drafter's words: never
    RM102 for the whole citation."""
    assert _hit(compiled, text)[0] == framework
    findings = _findings(text)
    assert not [f for f in findings if f.code in ("RM102", "RM104")], \
        [message_of(f) for f in findings]


def test_the_outline_of_strategic_objectives_is_marked_complete_in_the_rule_set() -> None:
    framework = rulesets.load(["cis-frameworks"]).frameworks[GSDH]
    assert framework.provisions_complete is False
    assert "strategic objective" in framework.complete_markers


def _rules(write: Callable[..., Path], body: str) -> Path:
    """A rule set extending (a copy of) this suite's test rule set, with one framework."""
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))
    return write("team.yaml", "ruleset:\n  name: team\n  extends: [test-rules.yaml]\n"
                              "frameworks:\n  - id: plan-2030\n    title: {en: Action Plan 2030}\n"
                              + body)


def test_a_rule_set_marks_an_outline_complete_for_some_markers(write: Callable[..., Path]) -> None:
    path = _rules(write, '    provision_markers: ["goal"]\n'
                         '    provisions_complete: ["goal"]\n'
                         '    provisions:\n      - {id: "G1", aliases: ["goal 1"]}\n')
    text = ("roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n  - id: '1'\n    title: X\n"
            "    responsible: Belarus\n    deadline: 2023\n"
            '    cites: ["Action Plan 2030, goal 2", "Action Plan 2030, section 2",'
            ' "Action Plan 2030, goal 1", telemed-2010, "WHO eHealth Resolution 2013"]\n')
    findings = check_text(text, rules=str(path)).findings
    rm104 = [f for f in findings if f.code == "RM104"]
    assert len(rm104) == 1 and "2" in message_of(rm104[0])


@pytest.mark.parametrize(("body", "words"), [
    ('    provisions_complete: maybe\n', ["provisions_complete", "true, false or a list"]),
    ('    provisions_complete: ["chapitre"]\n', ["provisions_complete", "chapitre"]),
    ('    editions: {first: 2019}\n', ["editions"]),
])
def test_an_invalid_outline_or_edition_names_file_line_and_key(
        write: Callable[..., Path], body: str, words: list[str]) -> None:
    said = ruleset_problems(_rules(write, body))
    assert any(re.search(r"team\.yaml:\d+:\d+: ", p) and all(w in p for w in words)
               for p in said), said


# -- editions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "framework"), [
    ("ITU-T Rec. H.810 (11/2019)", "itu-t-h810-series"),
    ("Recommendation ITU-T H.810", "itu-t-h810-series"),
    ("ITU-T H.810 (12/2013)", "itu-t-h810-series"),
    ("ITU-T H.810 2019", "itu-t-h810-series"),          # a recorded edition, written bare
    ("HL7 FHIR R4", "hl7-fhir"),
    ("HL7 FHIR R5", "hl7-fhir"),
    ("HL7 FHIR Release 4", "hl7-fhir"),
    ("ISO 13606-1:2019", "iso-13606"),
    ("ISO 13606-2:2008", "iso-13606"),
    ("ISO 13606:2025", "iso-13606"),                     # an edition not recorded: no error
    ("ГОСТ Р ИСО 13606-1-2011", "iso-13606"),
    ("DICOM PS3.15", "dicom"),
    ("DICOM PS3.15 2024e", "dicom"),
])
def test_an_edition_or_version_is_part_of_the_citation(compiled: Compiled, text: str,
                                                       framework: str) -> None:
    found = compiled.citations.resolve(text)
    assert found.framework == framework, found
    findings = _findings(text)
    assert not [f for f in findings if f.code in ("RM102", "RM104", "RM106", "RM107", "RM110")
                or (f.code == "RM105" and f.severity.label != "info")], \
        [message_of(f) for f in findings]


@pytest.mark.parametrize("text", [
    "Strategy for Ensuring Information Security of the CIS Member States until 2028",
    "Strategy for Ensuring Information Security of the CIS Member States (for the period up "
    "to 2028)",
    "Стратегия ИБ СНГ до 2035 г.",
])
def test_a_horizon_year_is_no_edition(compiled: Compiled, text: str) -> None:
    assert compiled.citations.resolve(text).status == "unknown"


def test_the_built_in_rule_set_records_the_editions_of_the_facts() -> None:
    frameworks = rulesets.load(["cis-frameworks"]).frameworks
    assert {"12/2013", "11/2015", "07/2016", "11/2019"} <= set(
        frameworks["itu-t-h810-series"].editions)
    assert {"R4", "R5"} <= set(frameworks["hl7-fhir"].editions)
    assert {"2008", "2019"} <= set(frameworks["iso-13606"].editions)


def test_frameworks_shows_the_editions(cli: Cli) -> None:
    run = cli("frameworks", "--format", "json")
    rows = {row["id"]: row for row in json.loads(run.stdout)["frameworks"]}
    assert "11/2019" in rows["itu-t-h810-series"]["editions"]
