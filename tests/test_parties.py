"""Parties (issue 9, item 3): every built-in rule set knows the CIS bodies and the collective
parties of CIS decisions; RM304 warns only where a name is a likely misspelling of a known party,
and a name the rule set does not list is info ("not among the rule set's parties"), which a rule
set can accept by kind (`accept_parties: {kinds: [...]}`) or by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import TEST_RULES, check_text, engine, hint_of, message_of, minimal_roadmap, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding
from roadmap_check.normalize import StemIndex
from roadmap_check.ruleset_files import builtin_names
from roadmap_check.severity import Severity

CIS_BODIES = [
    "CIS Council of Heads of State", "Совет глав государств СНГ",
    "CIS Council of Heads of Government", "Совет глав правительств СНГ",
    "CIS Executive Committee", "Исполнительный комитет СНГ", "Исполком СНГ",
    "CIS Interparliamentary Assembly", "Interparliamentary Assembly of the CIS Member States",
    "МПА СНГ", "Межпарламентская Ассамблея государств – участников СНГ",
    "CIS Council for Cooperation in Healthcare",
    "Совет по сотрудничеству в области здравоохранения СНГ",
    "Regional Commonwealth in the Field of Communications", "RCC", "РСС",
    "Региональное содружество в области связи",
    "RCC Executive Committee", "Исполнительный комитет РСС", "Исполком РСС",
    "Executive Committee of the Regional Commonwealth in the Field of Communications",
    "Coordination Council of the CIS Member States on Informatization under the RCC",
    "Координационный совет государств – участников СНГ по информатизации при РСС",
    "Working Group on the integration of national e-health systems of the CIS Member States",
    "Рабочая группа по вопросам интеграции национальных систем электронного здравоохранения "
    "государств – участников СНГ",
    "CIS Economic Council", "Экономический совет СНГ",
]
COLLECTIVE = [
    "the interested ministries and departments of the CIS member states",
    "interested ministries and departments of the State Parties of the CIS",
    "заинтересованные министерства и ведомства государств – участников СНГ",
    "bodies of sectoral cooperation of the CIS", "органы отраслевого сотрудничества СНГ",
    "member states", "государства – участники СНГ", "CIS member states",
]


def _draft(*parties: str) -> str:
    listed = ", ".join(yaml.safe_dump(p, allow_unicode=True, width=1000).strip().removesuffix(
        "\n...") for p in parties)
    return minimal_roadmap(f'  - id: "1"\n    title: X\n    responsible: [Belarus]\n'
                           f"    participants: [{listed}]\n    deadline: 2023\n"
                           "    cites: [cis-infosec-2030]\n")


def _rm304(text: str, rules: str = "cis-telemedicine") -> list[Finding]:
    return [f for f in check_text(text, rules=rules).findings if f.code == "RM304"]


@pytest.mark.parametrize("rules", builtin_names())
@pytest.mark.parametrize("name", CIS_BODIES + COLLECTIVE)
def test_every_built_in_rule_set_knows_the_cis_bodies_and_the_collective_parties(
        rules: str, name: str) -> None:
    assert _rm304(_draft(name), rules) == []


def test_the_bodies_the_facts_name_are_parties() -> None:
    facts = yaml.safe_load(shared_file("data/frameworks_facts.yaml").read_text(encoding="utf-8"))
    meeting = facts["roadmap_2021"]["discussed_at"]
    named = [meeting["body"]["value"], meeting["body_ru"]["value"]]
    named += [body.strip() for body in meeting["participants"]["value"].split(";")[1:]]
    assert _rm304(_draft(*named)) == []


@pytest.mark.parametrize(("name", "closest"), [
    ("Republic of Tadjikistan", "Republic of Tajikistan"),
    ("Regional Commonwealth in the Field of Comunications",
     "Regional Commonwealth in the Field of Communications"),
    ("Межпарламенская Ассамблея государств – участников СНГ",
     "Межпарламентская Ассамблея государств – участников СНГ"),
    ("Республика Таджикистн", "Республика Таджикистан"),
])
def test_a_likely_misspelling_of_a_known_party_is_a_warning_with_a_fix(name: str,
                                                                       closest: str) -> None:
    (found,) = _rm304(_draft(name))
    assert found.severity is Severity.WARNING
    assert closest in (hint_of(found) or "")
    assert found.fix is not None and found.fix.value == closest


@pytest.mark.parametrize(("name", "kind"), [
    ("IT-Med LLC", "company"), ("ООО «АйТи-Мед»", "company"),
    ("Республиканское унитарное предприятие «Белтелеком»", "company"),
    ("central and local executive bodies", "national body"),
    ("Федеральный фонд обязательного медицинского страхования", "national body"),
    ("Republican Center for Electronic Health", "institution"),
    ("Kazakh Academy of Telemedicine", "institution"),
    ("Eurasian Telemedicine Partnership", None),
])
def test_a_name_the_rule_set_does_not_list_is_info_and_says_so(name: str,
                                                               kind: str | None) -> None:
    (found,) = _rm304(_draft(name))
    assert found.severity is Severity.INFO
    assert found.fix is None
    assert "not among the rule set's parties" in message_of(found)
    assert "отсутствует в перечне исполнителей" in message_of(found, "ru")
    if kind is not None:
        assert kind in message_of(found)
    assert "accept_parties" in (hint_of(found) or "")


def test_a_close_name_of_a_different_body_is_not_called_a_misspelling(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("ruleset: {name: r}\nparties:\n  - id: chg\n    names: {en: [Council of "
                     "Heads of Government], ru: [Совет глав правительств]}\n", encoding="utf-8")
    text = _draft("Council of Heads of State", "Совет глав государств",
                  "Council of Heads of Governmnet")
    found = {f.subject: f for f in engine(str(rules)).check_text(text, "r.yaml", tmp_path)
             .findings if f.code == "RM304"}
    assert found["Council of Heads of State"].severity is Severity.INFO
    assert found["Совет глав государств"].severity is Severity.INFO
    assert found["Council of Heads of Governmnet"].severity is Severity.WARNING


def _with_accept(tmp_path: Path, accept: str) -> Callable[[str], list[Finding]]:
    rules = tmp_path / "accepting.yaml"
    rules.write_text(TEST_RULES.read_text(encoding="utf-8").replace("name: test-rules",
                                                                     "name: accepting")
                     + accept, encoding="utf-8")

    def findings(text: str) -> list[Finding]:
        return [f for f in engine(str(rules)).check_text(text, "r.yaml", tmp_path).findings
                if f.code == "RM304"]

    return findings


def test_a_rule_set_accepts_parties_by_kind(tmp_path: Path) -> None:
    findings = _with_accept(tmp_path, "accept_parties:\n  kinds: [company, national-body]\n")
    assert findings(_draft("IT-Med LLC", "ООО «АйТи-Мед»", "central and local executive bodies",
                           "Федеральный фонд обязательного медицинского страхования")) == []
    # a misspelt known party is still a warning; a name of no kind is still info
    assert [f.severity for f in findings(_draft("Republic of Belarrus"))] == [Severity.WARNING]
    assert [f.severity for f in findings(_draft("Eurasian Telemedicine Partnership"))] == \
        [Severity.INFO]


def test_a_rule_set_accepts_parties_by_name(tmp_path: Path) -> None:
    findings = _with_accept(tmp_path, "accept_parties:\n  names: [Kazakh Academy of Telemedicine]\n")
    assert findings(_draft("Kazakh Academy of Telemedicine", "kazakh academy of telemedicine")) \
        == []
    assert findings(_draft("IT-Med LLC"))


def test_an_unknown_kind_is_a_rule_set_problem_with_a_did_you_mean(tmp_path: Path) -> None:
    rules = tmp_path / "bad.yaml"
    rules.write_text("ruleset: {name: bad}\naccept_parties:\n  kinds: [compnay]\n",
                     encoding="utf-8")
    with pytest.raises(RoadmapCheckError, match="company"):
        engine(str(rules)).check_text(_draft("X"), "r.yaml", tmp_path)


def test_the_documentation_example_of_the_new_vocabulary_works(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "rulesets.md").read_text("utf-8")
    example = docs.split("## Vocabulary", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    rules = tmp_path / "doc.yaml"
    rules.write_text(TEST_RULES.read_text(encoding="utf-8").replace("name: test-rules",
                                                                     "name: doc") + example
                     + "accept_parties: {kinds: [ngo]}\n", encoding="utf-8")
    text = minimal_roadmap('  - id: "1"\n    title: X\n    responsible: [Belarus]\n'
                           "    participants: [Ассоциация телемедицины]\n"
                           "    status: снято с контроля\n    deadline: дек 2021 г.\n"
                           "    cites: [infosec-2030]\n"
                           '  - id: "2"\n    title: Y\n    responsible: [Belarus]\n'
                           "    deadline: раз в пять лет\n    cites: [infosec-2030]\n",
                           "  date: 2022-06-01\n")
    found = {(f.item, f.code) for f in engine(str(rules)).check_text(text, "r.yaml", tmp_path)
             .findings}
    assert ("1", "RM311") in found and ("2", "RM310") in found
    assert not {("1", "RM304"), ("1", "RM003"), ("1", "RM308"), ("1", "RM301"),
                ("2", "RM301")} & found


_WORDS = st.sampled_from(["a", "ab", "abc", "b", "ba", "министерств", "министерство", "ооо"])


@settings(max_examples=300)
@given(st.lists(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=3),
                min_size=1, max_size=8),
       st.lists(_WORDS, max_size=10))
def test_the_index_of_kind_words_finds_the_first_pattern_a_scan_finds(
        patterns: list[list[tuple[str, bool]]], found: list[str]) -> None:
    # what a name is of is found by a trie of the words; it must agree with a plain scan
    def holds(pattern: tuple[tuple[str, bool], ...]) -> bool:
        return any(all(found[i + k].startswith(w) if star else found[i + k] == w
                       for k, (w, star) in enumerate(pattern))
                   for i in range(len(found) - len(pattern) + 1))

    shaped = [tuple(p) for p in patterns]
    scan = next((n for n, p in enumerate(shaped) if holds(p)), None)
    assert StemIndex(shaped).first(found) == scan


def test_a_raised_severity_raises_the_misspellings_and_leaves_unlisted_names_info(
        tmp_path: Path) -> None:
    findings = _with_accept(tmp_path, "severity: {RM304: error}\n")
    levels = {f.subject: f.severity
              for f in findings(_draft("Republic of Belarrus", "Eurasian Telemedicine Partnership"))}
    assert levels == {"Republic of Belarrus": Severity.ERROR,
                      "Eurasian Telemedicine Partnership": Severity.INFO}
