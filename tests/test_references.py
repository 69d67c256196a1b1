"""References outside the rule set (issue 9): accepted references raise nothing, a recognisable
standard, law, decree or regulation the rule set does not accept is RM110 (not RM102), and
RM102's "did you mean" proposes only frameworks that agree in numbers and organisation."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import TEST_RULES, Run, check_text, hint_of, message_of, ruleset_problems

from roadmap_check import rulesets
from roadmap_check.compiled import Compiled
from roadmap_check.findings import Finding

Cli = Callable[..., Run]


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return Compiled.build(rulesets.load(["cis-telemedicine"]))


def _road_map(*cites: str | dict[str, str], date: str = "2021-09-09") -> str:
    listed = "".join(f"      - {json.dumps(c, ensure_ascii=False)}\n" for c in cites)
    return (f"roadmap: {{id: t, title: T, date: {date}}}\nitems:\n"
            "  - id: '1'\n    title: Agree the exchange of data\n"
            "    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites:\n{listed}")


def _of(findings: list[Finding], *codes: str) -> list[Finding]:
    return [f for f in findings if f.code in codes]


# -- the built-in rule sets accept the common health-informatics standards ------------------

ACCEPTED = [
    "HL7 CDA R2", "HL7 CDA", "hl7  cda  r2", "HL7 CDA Release 2", "HL7 v2", "HL7 v2.5.1",
    "HL7 Version 2.5", "IHE XDS.b", "IHE XDS-I.b", "IHE XDS-I", "IHE PIX/PDQ", "SNOMED CT",
    "SNOMED CT International Edition", "LOINC", "ISO/IEC 27001", "ISO/IEC 27001:2013",
    "ISO/IEC 27001:2022", "ГОСТ Р ИСО/МЭК 27001", "ISO/TS 13131", "ISO/TS 13131:2014",
    "ISO TS 13131", "ITU-T H.812.1", "ITU-T Rec. H.812.2", "МСЭ-Т H.812.1",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_a_common_standard_is_accepted_by_the_built_in_rule_set(compiled: Compiled,
                                                                text: str) -> None:
    found = compiled.citations.resolve(text)
    assert found.status in ("accepted", "loose", "canonical"), found
    findings = check_text(_road_map(text), rules="cis-telemedicine").findings
    assert not _of(findings, "RM102", "RM103", "RM104", "RM110"), \
        [message_of(f) for f in findings]


def test_an_accepted_reference_is_neither_a_framework_nor_a_loose_form_of_one(
        compiled: Compiled) -> None:
    found = compiled.citations.resolve("HL7 CDA R2")
    assert (found.status, found.framework) == ("accepted", None)
    findings = check_text(_road_map("HL7 CDA R2"), rules="cis-telemedicine").findings
    assert not _of(findings, "RM105")


def test_an_accepted_reference_covers_no_requirement() -> None:
    # cis-telemedicine requires a WHO document: SNOMED CT and LOINC are not one
    report = check_text(_road_map("SNOMED CT", "LOINC"), rules="cis-telemedicine")
    uncovered = {f.framework for f in report.findings if f.code == "RM202"}
    assert "cis-infosec-2030" in uncovered
    assert any(f.code == "RM202" and "who-document" in message_of(f) for f in report.findings)


# -- a rule set's own accepted references --------------------------------------------------


def _rules(write: Callable[..., Path], body: str, name: str = "team.yaml") -> Path:
    """A rule set extending (a copy of) this suite's test rule set, beside it."""
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))
    return write(name, "ruleset:\n  name: team\n  extends: [test-rules.yaml]\n" + body)


def test_a_rule_set_accepts_references_by_code_or_by_mapping(write: Callable[..., Path]) -> None:
    path = _rules(write, 'references:\n  - "ISO 9001"\n'
                         '  - {ref: "ГОСТ Р 52636-2006", kind: national-standard,\n'
                         '     note: "Electronic health record: general provisions"}\n'
                         '  - ref: "Law of the Republic of Belarus On Personal Data"\n'
                         '    kind: national-law\n'
                         '    aliases: ["Закон Республики Беларусь «О защите персональных данных»"]\n')
    text = _road_map("ISO 9001:2015", "ГОСТ Р 52636-2006", "iso 9001",
                     "Закон Республики Беларусь «О защите персональных данных»",
                     "WHO eHealth Resolution 2013")
    findings = check_text(text, rules=str(path)).findings
    assert not _of(findings, "RM102", "RM105", "RM110"), [message_of(f) for f in findings]


@pytest.mark.parametrize("cited", [
    "Федеральный закон от 29.07.2017 № 242-ФЗ",
    "Федеральный закон № 242-ФЗ от 29 июля 2017 г.",
    "Federal Law No. 242-FZ of 29.07.2017",
    "Federal Law of July 29, 2017 No. 242-FZ",
    "Закон Республики Беларусь от 7 мая 2021 г. № 99-З «О защите персональных данных»",
])
def test_an_accepted_law_is_accepted_with_its_date_written_anywhere(
        write: Callable[..., Path], cited: str) -> None:
    """Officials write a law's date between its name and its number, or after both; the
    rule set lists it once, with or without the date."""
    path = _rules(write, 'references:\n  - ref: "Federal Law No. 242-FZ"\n'
                         '    aliases: ["Федеральный закон № 242-ФЗ"]\n'
                         '  - "Закон Республики Беларусь от 07.05.2021 № 99-З"\n')
    findings = check_text(_road_map(cited, "WHO eHealth Resolution 2013"),
                          rules=str(path)).findings
    assert not _of(findings, "RM102", "RM105", "RM110"), [message_of(f) for f in findings]


def test_a_law_of_another_number_is_not_the_accepted_one(write: Callable[..., Path]) -> None:
    path = _rules(write, 'references:\n  - "Федеральный закон № 242-ФЗ"\n')
    findings = check_text(_road_map("Федеральный закон от 27.07.2006 № 152-ФЗ",
                                    "WHO eHealth Resolution 2013"), rules=str(path)).findings
    assert [f.code for f in _of(findings, "RM102", "RM110")] == ["RM110"]


def test_accepted_references_layer_through_extends(write: Callable[..., Path]) -> None:
    _rules(write, 'references:\n  - {ref: "ISO 9001", note: "old note"}\n', "parent.yaml")
    child = write("child.yaml", "ruleset:\n  name: child\n  extends: [parent.yaml]\n"
                                'references:\n  - {ref: "ISO 9001", note: "new note"}\n'
                                '  - "IEC 62304"\n')
    ruleset = rulesets.load([str(child)])
    assert [r.ref for r in ruleset.references.values()] == ["ISO 9001", "IEC 62304"]
    assert ruleset.references["ISO 9001"].note == {"en": "new note"}


def test_the_test_rule_set_accepts_nothing_so_a_standard_is_rm110() -> None:
    findings = check_text(_road_map("ISO 9001", "WHO eHealth Resolution 2013")).findings
    (found,) = _of(findings, "RM110")
    assert not _of(findings, "RM102")
    assert "ISO standard" in message_of(found) and "стандарт ISO" in message_of(found, "ru")
    assert "references" in (hint_of(found) or "") and "references" in (hint_of(found, "ru") or "")


@pytest.mark.parametrize(("body", "words"), [
    ('references:\n  - {kind: iso-standard}\n', ["references[0].ref", "required"]),
    ('references:\n  - {ref: "ISO 9001", kind: law-of-nature}\n', ["kind", "law-of-nature"]),
    ('references:\n  - {ref: "ISO 9001", nte: x}\n', ["nte", "did you mean 'note'"]),
    ('references: {ref: "ISO 9001"}\n', ["references", "list"]),
    ('references:\n  - "ISO 9001"\n  - "iso  9001"\n', ["ISO 9001", "twice"]),
    ('references:\n  - "CIS Telemedicine Agreement"\n', ["CIS Telemedicine Agreement",
                                                         "telemed-2010"]),
])
def test_an_invalid_reference_names_its_file_line_and_key(write: Callable[..., Path], body: str,
                                                         words: list[str]) -> None:
    said = ruleset_problems(_rules(write, body))
    assert any(re.search(r"team\.yaml:\d+:\d+: ", p) and all(w in p for w in words)
               for p in said), said


def test_frameworks_lists_the_accepted_references(cli: Cli) -> None:
    as_json = cli("frameworks", "--format", "json")
    assert as_json.code == 0, as_json.stderr
    listed = json.loads(as_json.stdout)["references"]
    refs = {entry["ref"]: entry for entry in listed}
    for wanted in ("HL7 CDA R2", "IHE XDS.b", "SNOMED CT", "LOINC", "ISO/IEC 27001",
                   "ISO/TS 13131"):
        assert wanted in refs, sorted(refs)
    assert refs["SNOMED CT"]["kind"] == "terminology"
    terminal = cli("frameworks")
    assert "HL7 CDA R2" in terminal.stdout and "IHE XDS.b" in terminal.stdout
    russian = cli("frameworks", "--lang", "ru")
    assert "принятые ссылки" in russian.stdout.casefold()


# -- RM110: a recognisable reference outside the rule set -------------------------------------

RECOGNISED = [
    ("Federal Law No. 242-FZ of 29.07.2017", "national law", "национальный закон"),
    ("Федеральный закон от 29.07.2017 № 242-ФЗ «О внесении изменений в отдельные "
     "законодательные акты Российской Федерации»", "national law", "национальный закон"),
    ("Law of the Republic of Kazakhstan No. 94-V of 21 May 2013 'On Personal Data and Their "
     "Protection'", "national law", "национальный закон"),
    ("Code of the Republic of Kazakhstan No. 360-VI of 7 July 2020", "national law",
     "национальный закон"),
    ("Закон Республики Беларусь от 7 мая 2021 г. № 99-З «О защите персональных данных»",
     "national law", "национальный закон"),
    ("Указ Президента Республики Беларусь от 22 мая 2024 г. № 209", "decree", "указ"),
    ("Decree of the President of the Republic of Belarus No. 209 of 22 May 2024", "decree",
     "указ"),
    ("постановление Правительства Республики Казахстан от 24 ноября 2022 года № 945",
     "government", "правительства"),
    ("распоряжение Правительства Российской Федерации от 17 апреля 2024 г. № 959-р",
     "government", "правительства"),
    ("распоряжение Кабинета Министров Кыргызской Республики от 23 мая 2024 года № 263-р",
     "government", "правительства"),
    ("приказ Минздрава России от 30.11.2017 № 965н", "ministry", "приказ"),
    ("Order of the Ministry of Health of the Russian Federation No. 965n of 30 November 2017",
     "ministry", "приказ"),
    ("проект Указа Президента Республики Беларусь «Об утверждении Протокола»", "draft",
     "проект"),
    ("Государственная программа «Цифровой Казахстан»", "strategy, concept or programme",
     "программа"),
    ("Концепция развития здравоохранения Республики Казахстан до 2026 года, утвержденная "
     "постановлением Правительства Республики Казахстан от 24 ноября 2022 года № 945",
     "strategy, concept or programme", "программа"),
    ("Regulation (EU) 2016/679 (GDPR)", "regulation", "регламент"),
    ("GDPR", "regulation", "регламент"),
    ("ISO 9001:2015", "ISO standard", "стандарт ISO"),
    ("ISO/IEC 27002:2022", "ISO standard", "стандарт ISO"),
    ("ГОСТ Р 52636-2006", "national or interstate standard",
     "национальный или межгосударственный стандарт"),
    ("СТБ 34.101.27-2011", "national or interstate standard",
     "национальный или межгосударственный стандарт"),
    ("IEEE 802.11", "IEEE standard", "стандарт IEEE"),
    ("ETSI TS 103 645", "ETSI standard", "стандарт ETSI"),
    ("IEC 62304", "IEC standard", "стандарт IEC"),
    ("EN 1064", "European standard", "европейский стандарт"),
    ("HL7 v3 RIM", "HL7 standard", "стандарт HL7"),
    ("IHE SWF", "IHE integration profile", "профиль интеграции IHE"),
    ("ITU-T X.509", "ITU-T Recommendation", "рекомендация МСЭ-Т"),
    # an act without number or date is recognised by the member state it names
    ("Закон Республики Казахстан «О персональных данных и их защите»", "national law",
     "национальный закон"),
    ("Law of the Republic of Belarus 'On Personal Data Protection'", "national law",
     "национальный закон"),
    ("Указ Президента Республики Узбекистан «О мерах по развитию цифрового здравоохранения»",
     "decree", "указ"),
    ("приказ Министерства здравоохранения Республики Беларусь «Об утверждении Инструкции о "
     "порядке оказания медицинской помощи с применением телемедицинских технологий»",
     "ministry", "приказ"),
    # a federal law is a state's own law, whatever else the citation says
    ("Федеральный закон «О персональных данных»", "national law", "национальный закон"),
    ("Federal Law 'On Personal Data'", "national law", "национальный закон"),
]


@pytest.mark.parametrize(("text", "kind_en", "kind_ru"), RECOGNISED,
                         ids=[t[:40] for t, _, _ in RECOGNISED])
def test_a_recognisable_reference_outside_the_rule_set_is_rm110(text: str, kind_en: str,
                                                                 kind_ru: str) -> None:
    findings = check_text(_road_map(text), rules="cis-telemedicine").findings
    assert not _of(findings, "RM102", "RM103", "RM105"), [message_of(f) for f in findings]
    (found,) = _of(findings, "RM110")
    assert found.severity.label == "warning" and found.framework is None
    assert kind_en in message_of(found), message_of(found)
    assert kind_ru in message_of(found, "ru"), message_of(found, "ru")
    assert "'references:'" in (hint_of(found) or "")


@pytest.mark.parametrize("text", [
    "CIS Strategy on e-Health Development until 2030",
    "Strategy for Ensuring Information Security of the CIS Member States until 2028",
    "Закон о связи",                      # a law, but with neither number nor date
    "Paris Agreement on climate change",
    "cis-infosec-2035",
])
def test_what_is_no_recognisable_reference_stays_rm102(text: str) -> None:
    findings = check_text(_road_map(text), rules="cis-telemedicine").findings
    assert _of(findings, "RM102") and not _of(findings, "RM110")


def test_a_mapping_citation_names_a_framework_so_an_unknown_one_is_rm102() -> None:
    findings = check_text(_road_map({"framework": "gdpr-2016"}), rules="cis-telemedicine").findings
    assert _of(findings, "RM102") and not _of(findings, "RM110")


# -- RM102: "did you mean" only what agrees --------------------------------------------------


@pytest.mark.parametrize("text", [
    "HL7 CDA", "Federal Law No. 242-FZ of 29.07.2017", "242-FZ", "WHA 99.1",
    "Strategy for Ensuring Information Security of the CIS Member States until 2028",
    "Стратегия ИБ СНГ до 2035 г.", "ITU-T H.999", "ISO 99999", "Соглашение ЕАЭС о телемедицине",
])
def test_every_suggestion_agrees_in_numbers_and_organisation(compiled: Compiled,
                                                             text: str) -> None:
    found = compiled.citations.resolve(text)
    for candidate in found.candidates:
        assert compiled.citations.agrees(candidate, text), (text, candidate)


def test_hl7_cda_is_never_taken_for_a_who_resolution_nor_242_fz_for_f780() -> None:
    findings = check_text(_road_map("HL7 CDA", "Federal Law No. 242-FZ of 29.07.2017"),
                          rules="test-rules").findings
    said = " ".join((message_of(f) + " " + (hint_of(f) or "")) for f in findings
                    if f.code in ("RM102", "RM103", "RM105", "RM110"))
    assert "who-ehealth" not in said and "f780" not in said
    for found in _of(findings, "RM102"):
        assert "did you mean" not in (hint_of(found) or "")


def test_a_rejected_near_miss_is_named_in_the_reason_not_proposed() -> None:
    text = "Strategy for Ensuring Information Security of the CIS Member States until 2028"
    (found,) = _of(check_text(_road_map(text), rules="cis-telemedicine").findings, "RM102")
    assert "2028" in message_of(found) and "cis-infosec-2030" in message_of(found)
    assert "did you mean" not in (hint_of(found) or "")
    assert "'references:'" in (hint_of(found) or "")
