"""The built-in rule sets against the researched facts (issue 9): every title form, alias and
keyword of ../shared/data/frameworks_facts.yaml is in the built-in rule sets or deliberately
left out with a reason (``left_out:`` of the framework); electronic signatures are the subject of
the information-security strategy; RM201 quotes the drafter's words, never a pattern."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from helpers import check_text, message_of, shared_file

from roadmap_check import rulesets
from roadmap_check.model import Framework
from roadmap_check.rulesets import name_form


def _facts() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(shared_file("data/frameworks_facts.yaml").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in data["frameworks"]}


def _built_in() -> dict[str, Framework]:
    frameworks: dict[str, Framework] = {}
    from roadmap_check.ruleset_files import builtin_names

    for name in builtin_names():
        frameworks.update(rulesets.load([name]).frameworks)
    return frameworks


def _names_of_the_facts(entry: dict[str, Any]) -> list[str]:
    """Its titles, aliases, and the codes and titles of its members (a series' Recommendations,
    a classification's revisions)."""
    found = [entry[key]["value"] for key in ("title_en", "title_ru")
             if isinstance(entry.get(key), dict) and entry[key].get("value")]
    members = [member.get(key) for member in entry.get("members", [])
               for key in ("rec", "name", "title")]
    return found + list(entry.get("aliases_en", [])) + list(entry.get("aliases_ru", [])) + [
        name for name in members if isinstance(name, str) and name]


def _terms_of_the_facts(entry: dict[str, Any]) -> list[str]:
    return list(entry.get("keywords_en", [])) + list(entry.get("keywords_ru", []))


def _triggers(framework: Framework) -> set[str]:
    tables = [framework.triggers, *(p.triggers for p in framework.provisions)]
    return {name_form(term) for table in tables for terms in table.values() for term in terms}


def test_every_name_and_keyword_of_the_facts_is_used_or_left_out_with_a_reason() -> None:
    frameworks = _built_in()
    missing: list[str] = []
    for fid, entry in _facts().items():
        framework = frameworks[fid]
        left_out = {name_form(term) for terms, _ in framework.left_out for term in terms}
        names = {name_form(n) for n in framework.names()}
        triggers = _triggers(framework)
        written = " ".join(framework.names()).casefold()
        codes = {m.get("rec") or m.get("name") for m in entry.get("members", [])}
        missing += [f"{fid}: name {n!r}" for n in _names_of_the_facts(entry)
                    if name_form(n) not in names | left_out
                    and not (n in codes and n.casefold() in written)]  # "ITU-T F.780.1"
        missing += [f"{fid}: keyword {t!r}" for t in _terms_of_the_facts(entry)
                    if name_form(t) not in triggers | left_out]
    assert not missing, "\n".join(missing)


def test_what_is_left_out_is_in_the_facts_is_not_used_and_says_why() -> None:
    frameworks = _built_in()
    wrong: list[str] = []
    for fid, entry in _facts().items():
        framework = frameworks[fid]
        names = {name_form(x) for x in _names_of_the_facts(entry)}
        keywords = {name_form(x) for x in _terms_of_the_facts(entry)}
        triggers = _triggers(framework)
        named = {name_form(n) for n in framework.names()}
        for terms, reason in framework.left_out:
            if len(reason.split()) < 4:
                wrong.append(f"{fid}: the reason {reason!r} says too little")
            for term in terms:
                form = name_form(term)
                if form not in names | keywords:
                    wrong.append(f"{fid}: {term!r} is left out but is not in the facts")
                # a keyword left out is no trigger; a name left out is no name
                if (form in keywords and form in triggers) or (
                        form in names - keywords and form in named):
                    wrong.append(f"{fid}: {term!r} is left out and used at once")
    assert not wrong, "\n".join(wrong)


def test_a_left_out_entry_missing_from_the_rule_set_is_reported() -> None:
    """The comparison would fail on a framework that drops a keyword of the facts silently."""
    frameworks = _built_in()
    framework = frameworks["cis-infosec-2030"]
    keyword = "персональн* данн*"
    assert name_form(keyword) in _triggers(framework)
    framework.triggers = {lang: [t for t in terms if t != keyword]
                          for lang, terms in framework.triggers.items()}
    assert name_form(keyword) not in _triggers(framework) | {
        name_form(t) for terms, _ in framework.left_out for t in terms}


# -- electronic signatures: the information-security strategy ------------------------------


def _item(title: str, description: str, cites: str = '["CIS Telemedicine Agreement"]') -> str:
    return ("roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n"
            f"  - id: '1'\n    title: \"{title}\"\n    description: \"{description}\"\n"
            "    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites: {cites}\n")


@pytest.mark.parametrize(("title", "description"), [
    ("Agree the way physicians sign consultation opinions",
     "Every opinion carries the electronic signature of the consultant"),
    ("Согласование порядка подписания заключений",
     "Заключение подписывается электронной цифровой подписью (ЭЦП) консультанта"),
    ("Согласование порядка подписания заключений",
     "Заключение подписывается электронной подписью врача"),
    ("Согласование порядка подписания заключений", "Заключение заверяется ЭП врача"),
])
def test_an_electronic_signature_is_the_subject_of_the_infosec_strategy(title: str,
                                                                       description: str) -> None:
    findings = check_text(_item(title, description), rules="cis-telemedicine").findings
    assert [f for f in findings if f.code == "RM201" and f.framework == "cis-infosec-2030"], \
        [message_of(f) for f in findings]


def test_citing_the_strategy_satisfies_the_signature_subject() -> None:
    text = _item("Sign the opinions", "Every opinion carries an electronic signature",
                 '["CIS Information Security Strategy"]')
    assert not [f for f in check_text(text, rules="cis-telemedicine").findings
                if f.code == "RM201" and f.framework == "cis-infosec-2030"]


# -- RM201 quotes the drafter's words ----------------------------------------------------------


def test_rm201_quotes_the_drafters_words_in_both_languages() -> None:
    text = _item("Согласовать требования",
                 "Согласование требований к защите персональных данных пациентов")
    (found,) = [f for f in check_text(text, rules="test-rules").findings
                if f.code == "RM201" and f.framework == "infosec-2030"]
    for lang in ("en", "ru"):
        said = message_of(found, lang)
        assert "персональных данных" in said, said
        assert "*" not in said and "персональн*" not in said, said


def test_rm201_quotes_the_drafters_words_as_each_language_quotes_them() -> None:
    """English as a string is written ('...'), Russian in «ёлочки» (RUSSIAN.md: the drafter's
    text); the drafter's own «» inside become „“."""
    text = _item("Протокол «О защите персональных данных пациентов»",
                 "Обеспечить защиту персональных данных")
    (found,) = [f for f in check_text(text, rules="test-rules").findings
                if f.code == "RM201" and f.framework == "infosec-2030"]
    assert "'персональных данных'" in message_of(found, "en")
    assert "«персональных данных»" in message_of(found, "ru"), message_of(found, "ru")
