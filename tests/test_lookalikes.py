"""Cyrillic letters that look Latin inside codes (issue 9): "МСЭ-Т Н.810" typed on a Russian
keyboard is H.810, wherever a code is matched (citations, provisions, accepted references,
trigger terms); the finding says the code has Cyrillic letters and its fix writes the Latin
ones; Cyrillic in ordinary Russian words is left alone."""

from __future__ import annotations

import pytest
from helpers import check_text, hint_of, message_of

from roadmap_check import rulesets, vocabulary
from roadmap_check.compiled import Compiled
from roadmap_check.findings import Finding
from roadmap_check.normalize import Normalizer

H = "\u041d"   # Cyrillic capital En, which looks like a Latin H
C = "\u0421"   # Cyrillic capital Es (C)
X = "\u0425"   # Cyrillic capital Ha (X)
CYR_O = "\u041e"   # Cyrillic capital O
CYR_I = "\u0406"   # Cyrillic capital Byelorussian-Ukrainian I


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return Compiled.build(rulesets.load(["cis-telemedicine"]))


@pytest.fixture(scope="module")
def latin() -> Normalizer:
    return Normalizer(vocabulary.builtin())


@pytest.mark.parametrize(("written", "meant"), [
    (f"ITU-T {H}.860", "ITU-T H.860"),
    (f"МСЭ-Т {H}.810", "МСЭ-Т H.810"),                         # МСЭ-Т is Russian: kept
    (f"Рекомендация МСЭ-Т {H}.810 (11/2019)", "Рекомендация МСЭ-Т H.810 (11/2019)"),
    (f"направление деятельности {C}7 ВВУИО", "направление деятельности C7 ВВУИО"),
    (f"ITU-T {X}.509", "ITU-T X.509"),
    (f"IS{CYR_O} 13606", "ISO 13606"),                             # a mixed token: O is Cyrillic
    (f"HL7 F{H}IR R4", "HL7 FHIR R4"),
    (f"{CYR_I}SO/IEC 27001", "ISO/IEC 27001"),
])
def test_cyrillic_twins_in_a_code_become_latin(latin: Normalizer, written: str,
                                               meant: str) -> None:
    assert latin.latin(written) == meant


@pytest.mark.parametrize("text", [
    "Стратегия обеспечения информационной безопасности государств – участников СНГ",
    "Рекомендация МСЭ-Т H.810",
    "СТБ 34.101.27-2011",                # Б has no Latin twin: a Russian abbreviation
    "ГОСТ Р ИСО 13606-1-2011",           # "Р" alone is the Russian word, not a code
    "распоряжение от 23 мая 2024 года № 263-р",   # a Russian suffix after a number
    "Указ № 209, С 1 июля 2024 года",   # a capital С at the start of a Russian phrase
    "МКБ-10",
    "ЕС",
])
def test_cyrillic_in_russian_words_and_abbreviations_is_left_alone(latin: Normalizer,
                                                                   text: str) -> None:
    assert latin.latin(text) == text


@pytest.mark.parametrize(("written", "framework"), [
    (f"ITU-T {H}.860", "itu-t-h860"),
    (f"МСЭ-Т {H}.810", "itu-t-h810-series"),
    (f"Рекомендация МСЭ-Т {H}.810", "itu-t-h810-series"),
    (f"направление деятельности {C}7 ВВУИО", "itu-ehealth-programme"),
    (f"IS{CYR_O} 13606", "iso-13606"),
])
def test_a_citation_with_cyrillic_twins_resolves_but_is_not_canonical(
        compiled: Compiled, written: str, framework: str) -> None:
    found = compiled.citations.resolve(written)
    assert (found.status, found.framework) == ("loose", framework)
    assert found.latin == compiled.normalizer.latin(written) != written


def test_a_citation_without_twins_has_no_latin_form(compiled: Compiled) -> None:
    found = compiled.citations.resolve("Рекомендация МСЭ-Т H.810")
    assert (found.status, found.framework, found.latin) == ("canonical", "itu-t-h810-series",
                                                            None)


def _item(cites: str, description: str = "Exchange of data between the centres") -> str:
    return ("roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n"
            "  - id: '1'\n    title: Agree the exchange of data\n"
            f"    description: \"{description}\"\n"
            "    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites: {cites}\n")


def _of(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_a_resolved_citation_with_twins_is_rm105_with_the_latin_letters_as_a_safe_fix() -> None:
    findings = check_text(_item(f'["ITU-T {H}.860"]'), rules="cis-telemedicine").findings
    assert not _of(findings, "RM102") and not _of(findings, "RM109")
    (found,) = _of(findings, "RM105")
    assert found.framework == "itu-t-h860" and found.severity.label == "info"
    assert "Cyrillic" in message_of(found) and f"{H}.860" in message_of(found)
    assert "кириллическ" in message_of(found, "ru")
    assert found.fix is not None and found.fix.safe
    assert found.fix.value == "ITU-T H.860"
    assert "ITU-T H.860" in (hint_of(found) or "")


def test_an_unresolved_citation_with_twins_is_rm109_with_a_safe_fix() -> None:
    findings = check_text(_item(f'["ITU-T {X}.509"]'), rules="cis-telemedicine").findings
    (found,) = _of(findings, "RM109")
    assert found.severity.label == "info" and found.framework is None
    assert "Cyrillic" in message_of(found) and "кириллическ" in message_of(found, "ru")
    assert found.fix is not None and found.fix.safe and found.fix.value == "ITU-T X.509"
    assert not _of(findings, "RM105")


def test_a_mapping_citation_with_twins_is_fixed_too() -> None:
    findings = check_text(_item(f'[{{framework: "МСЭ-Т {H}.810"}}]'),
                          rules="cis-telemedicine").findings
    (found,) = _of(findings, "RM105")
    assert found.framework == "itu-t-h810-series"
    assert found.fix is not None and found.fix.value == "МСЭ-Т H.810"


def test_a_mistyped_h810_is_never_a_missing_citation_of_it() -> None:
    text = _item(f'["МСЭ-Т {H}.810"]',
                 "Персональные медицинские устройства подключаются по МСЭ-Т H.810")
    findings = check_text(text, rules="cis-telemedicine").findings
    assert not [f for f in findings if f.code == "RM201" and f.framework == "itu-t-h810-series"]


def test_a_trigger_code_typed_with_a_cyrillic_twin_is_found_in_the_text() -> None:
    text = _item('["CIS Telemedicine Agreement"]',
                 f"Обмен мультимедийными файлами по МСЭ-Т {H}.860")
    (found,) = [f for f in check_text(text, rules="cis-telemedicine").findings
                if f.code == "RM201" and f.framework == "itu-t-h860"]
    assert f"{H}.860" in message_of(found, "ru")      # the drafter's words, as written


def test_a_provision_with_a_cyrillic_roman_numeral_is_found(compiled: Compiled) -> None:
    # Part II of the Toolkit written with the Belarusian-Ukrainian І twice
    assert compiled.citations.provision("who-itu-nehst-2012", f"{CYR_I}{CYR_I}") == "2"
    findings = check_text(_item(f'["National eHealth Strategy Toolkit, Part {CYR_I}{CYR_I}"]'),
                          rules="cis-telemedicine").findings
    assert not _of(findings, "RM104")
