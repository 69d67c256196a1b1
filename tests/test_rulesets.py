"""Rule sets: the built-in data, `extends` layering, and validation that names file, line, key."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import TEST_RULES, TESTS, Run, check_text, codes, minimal_roadmap, shared_file

from roadmap_check import rulesets
from roadmap_check.errors import RoadmapCheckError, RuleSetError
from roadmap_check.ruleset import CONFIDENCE
from roadmap_check.ruleset_files import builtin_names
from roadmap_check.severity import Severity

FACTS = "data/frameworks_facts.yaml"

CIS_FIVE = ["cis-infosoc-2025", "cis-digital-concept-2019", "cis-infosec-2030",
            "cis-digital-interaction-agreement-2020", "cis-telemed-agreement-2010"]


def test_the_two_built_in_rule_sets_are_shipped() -> None:
    assert {"cis-frameworks", "cis-telemedicine"} <= set(builtin_names())


@pytest.mark.parametrize("name", builtin_names())
def test_built_in_rule_set_loads(name: str) -> None:
    ruleset = rulesets.load([name])
    assert ruleset.name == name
    assert ruleset.frameworks
    assert ruleset.parties


def test_default_rule_set_is_cis_telemedicine() -> None:
    assert rulesets.load([]).name == "cis-telemedicine"


def test_every_framework_of_the_reference_facts_is_in_cis_frameworks() -> None:
    facts = yaml.safe_load(shared_file(FACTS).read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in facts["frameworks"]]
    assert ids, "the reference facts list frameworks"
    frameworks = rulesets.load(["cis-frameworks"]).frameworks
    assert sorted(set(ids) - set(frameworks)) == []


def test_exact_adoption_days_of_the_reference_facts_are_kept() -> None:
    facts = yaml.safe_load(shared_file(FACTS).read_text(encoding="utf-8"))
    frameworks = rulesets.load(["cis-frameworks"]).frameworks
    checked = 0
    for entry in facts["frameworks"]:
        value = str((entry.get("adoption_date") or {}).get("value"))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            assert frameworks[entry["id"]].adopted == value, entry["id"]
            checked += 1
    assert checked >= 5


def test_cis_telemedicine_requires_the_five_cis_frameworks_and_a_who_and_an_itu_group() -> None:
    ruleset = rulesets.load(["cis-telemedicine"])
    required = {r.framework for r in ruleset.requirements if r.framework}
    assert set(CIS_FIVE) <= required
    groups = {r.group: r for r in ruleset.requirements if r.group}
    assert {"who", "itu"} <= set(groups)
    for group in ("who", "itu"):
        assert groups[group].at_least == 1
        members = rulesets.group_members(ruleset, groups[group])
        assert members and all(ruleset.frameworks[m].group == group for m in members)


def test_cis_frameworks_requires_nothing() -> None:
    ruleset = rulesets.load(["cis-frameworks"])
    assert ruleset.requirements == []
    assert not any(f.required for f in ruleset.frameworks.values())


@pytest.mark.parametrize("name", builtin_names())
def test_every_built_in_framework_keeps_a_confidence_and_a_source(name: str) -> None:
    for framework in rulesets.load([name]).frameworks.values():
        assert framework.confidence in CONFIDENCE, framework.id
        assert framework.source, framework.id
        assert all(re.match(r"https?://\S+$", url) for url, _ in framework.source), framework.id
        assert framework.title.get("en"), framework.id


def test_built_in_parties_include_every_cis_state_in_both_languages() -> None:
    parties = {p.id: p for p in rulesets.load(["cis-telemedicine"]).parties}
    for state in ("am", "az", "by", "kz", "kg", "md", "ru", "tj", "uz"):
        assert parties[state].kind == "state"
        assert parties[state].names.get("en") and parties[state].names.get("ru")


def test_the_test_rule_set_loads() -> None:
    ruleset = rulesets.load([str(TEST_RULES)])
    assert ruleset.name == "test-rules"
    assert ruleset.frameworks["infosoc-2025"].superseded_by == "digital-2022"
    assert ruleset.frameworks["telemed-2010"].provisions[0].required


# -- extends --------------------------------------------------------------------------------


def test_extends_layers_the_parent_under_the_child() -> None:
    strict = rulesets.load([str(TESTS / "rules" / "test-rules-strict.yaml")])
    assert strict.name == "test-rules-strict"
    assert set(strict.frameworks) == set(rulesets.load([str(TEST_RULES)]).frameworks)
    assert strict.thresholds.min_coverage == 0.75
    assert strict.thresholds.citation_cutoff == 86


def test_a_child_replaces_adds_and_overrides(write: Callable[..., Path]) -> None:
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))  # extends reads beside it
    path = write("child.yaml", """\
ruleset:
  name: child
  extends: [test-rules.yaml]
frameworks:
  - id: digital-2022
    title: {en: "Digital Concept, replaced"}
    adopted: "2020-01-01"
    confidence: seen
    source: ["https://example.invalid/x"]
  - id: national-law-2020
    group: national
    title: {en: "Law on e-health"}
    confidence: seen
    source: ["https://example.invalid/y"]
requirements:
  - framework: national-law-2020
parties:
  - id: by
    kind: state
    names: {en: ["Belarus only"]}
severity: {RM105: warning}
""")
    ruleset = rulesets.load([str(path)])
    assert ruleset.frameworks["digital-2022"].title == {"en": "Digital Concept, replaced"}
    assert ruleset.frameworks["digital-2022"].adopted == "2020-01-01"
    assert "national-law-2020" in ruleset.frameworks and "infosec-2030" in ruleset.frameworks
    assert {r.id for r in ruleset.requirements} >= {"national-law-2020", "telemed-2010",
                                                    "who-document"}
    assert [p.names for p in ruleset.parties if p.id == "by"] == [{"en": ["Belarus only"]}]
    assert ruleset.severity == {"RM105": "warning"}


def test_severity_override_reaches_the_findings(write: Callable[..., Path]) -> None:
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))  # extends reads beside it
    path = write("loud.yaml", "ruleset:\n  name: loud\n  extends: [test-rules.yaml]\n"
                              "severity: {RM105: error}\n")
    text = minimal_roadmap('  - {id: "1", title: X, responsible: Belarus, deadline: 2023, '
                           'cites: ["CIS InfoSec Strategy 2030"]}\n')
    found = [f for f in check_text(text, rules=str(path)).findings if f.code == "RM105"]
    assert [f.severity for f in found] == [Severity.ERROR]
    default = [f for f in check_text(text).findings if f.code == "RM105"]
    assert [f.severity for f in default] == [Severity.INFO]


def test_rules_given_twice_layer_in_order(write: Callable[..., Path]) -> None:
    extra = write("extra.yaml", "ruleset:\n  name: extra\nthresholds: {min_coverage: 0.5}\n")
    ruleset = rulesets.load([str(TEST_RULES), str(extra)])
    assert "infosec-2030" in ruleset.frameworks
    assert ruleset.thresholds.min_coverage == 0.5


def test_the_road_map_names_its_rule_set_relative_to_itself() -> None:
    text = ("roadmap: {id: t, title: T, ruleset: rules/test-rules-strict.yaml}\n"
            "items:\n  - {id: '1', title: X, responsible: Belarus, deadline: 2023, "
            "cites: [infosec-2030]}\n")
    report = check_text(text, rules=())
    assert report.ruleset is not None and report.ruleset.name == "test-rules-strict"
    assert "RM204" in codes(report.findings)


def test_a_cycle_in_extends_is_an_error_naming_it(write: Callable[..., Path]) -> None:
    write("a.yaml", "ruleset:\n  name: a\n  extends: [b.yaml]\n")
    b = write("b.yaml", "ruleset:\n  name: b\n  extends: [a.yaml]\n")
    with pytest.raises(RoadmapCheckError, match="cycle"):
        rulesets.load([str(b)])


def test_a_rule_set_extending_itself_is_a_cycle(write: Callable[..., Path]) -> None:
    path = write("self.yaml", "ruleset:\n  name: self\n  extends: [self.yaml]\n")
    with pytest.raises(RoadmapCheckError, match="cycle"):
        rulesets.load([str(path)])


def test_a_missing_parent_is_an_error(write: Callable[..., Path]) -> None:
    path = write("orphan.yaml", "ruleset:\n  name: orphan\n  extends: [no-such-parent.yaml]\n")
    with pytest.raises(RoadmapCheckError, match=r"no-such-parent\.yaml"):
        rulesets.load([str(path)])


def test_an_unknown_built_in_name_lists_the_built_in_ones() -> None:
    with pytest.raises(RoadmapCheckError, match="cis-telemedicine"):
        rulesets.load(["cis-telemedicin"])


# -- validation -----------------------------------------------------------------------------

_FRAMEWORK = '  - id: a-2020\n    title: {en: "Alpha Strategy"}\n'


# Each: the frameworks part of an invalid rule set, the line and the words of the problem.
# tests/test_schemas.py holds the JSON Schema to them too.
INVALID = [
    (_FRAMEWORK + "    superseded_by: b-2030\n", 4, ["superseded_by", "'b-2030'"]),
    (_FRAMEWORK + '    aliases: {en: ["The Strategy"]}\n  - id: b-2030\n'
     '    title: {en: "Beta Strategy"}\n    aliases: {en: ["the strategy"]}\n', 7,
     ["the strategy", "a-2020"]),
    (_FRAMEWORK + '    triggers: {en: ["personal data", "*data"]}\n', 6,
     ["triggers", "'*data'"]),
    (_FRAMEWORK + '    triggers: {ru: ["(данные|сведения)"]}\n', 6, ["triggers.ru"]),
    (_FRAMEWORK + "    adoptd: 2020\n", 6, ["adoptd", "did you mean 'adopted'"]),
    (_FRAMEWORK + "    adopted: 2020-13\n", 6, ["adopted", "2020-13"]),
    (_FRAMEWORK + "    confidence: certain\n", 6, ["confidence", "certain"]),
    (_FRAMEWORK + "    required: maybe\n", 6, ["required", "true or false"]),
    ("  - id: Alpha_2020\n    title: {en: Alpha}\n", 4, ["id", "Alpha_2020"]),
    ("  - id: a-2020\n", 4, ["title.en", "required"]),
    (_FRAMEWORK + "  - id: a-2020\n    title: {en: Again}\n", 6, ["defined twice"]),
    (_FRAMEWORK + "requirements:\n  - framework: b-2030\n", 7, ["requirements", "'b-2030'"]),
    (_FRAMEWORK + "requirements:\n  - framework: a-2020\n    provision: '9'\n", 7,
     ["provision", "'9'"]),
    (_FRAMEWORK + "requirements:\n  - any_of: {group: who}\n", 7, ["group", "'who'"]),
    (_FRAMEWORK + "thresholds: {citation_cutof: 80}\n", 6, ["citation_cutof",
                                                           "did you mean 'citation_cutoff'"]),
    (_FRAMEWORK + "thresholds: {party_cutoff: 180}\n", 6, ["party_cutoff", "0 to 100"]),
    (_FRAMEWORK + "severity: {RM999: error}\n", 6, ["RM999"]),
    (_FRAMEWORK + "severity: {RM201: loud}\n", 6, ["RM201", "loud"]),
    (_FRAMEWORK + "parties:\n  - id: x\n    kind: country\n    names: {en: [X]}\n", 8,
     ["kind", "country"]),
    (_FRAMEWORK + "framewrks: []\n", 6, ["framewrks", "did you mean 'frameworks'"]),
    # issue 9: accepted references, editions, outlines complete for some markers, left_out
    (_FRAMEWORK + "references:\n  - {kind: iso-standard}\n", 7, ["references[0].ref",
                                                                  "required"]),
    (_FRAMEWORK + "references:\n  - {ref: ISO 9001, kind: norm}\n", 7, ["kind", "'norm'"]),
    (_FRAMEWORK + "references:\n  - {ref: ISO 9001, nte: x}\n", 7, ["nte",
                                                                     "did you mean 'note'"]),
    (_FRAMEWORK + "references: {ref: ISO 9001}\n", 6, ["references", "list"]),
    (_FRAMEWORK + "references:\n  - [ISO 9001]\n", 7, ["references[0]", "code or title"]),
    (_FRAMEWORK + "references:\n  - ISO 9001\n  - iso 9001\n", 8, ["twice"]),
    (_FRAMEWORK + "references:\n  - alpha  strategy\n", 7, ["a-2020"]),
    (_FRAMEWORK + "    provisions_complete: maybe\n", 6, ["provisions_complete",
                                                          "true, false or a list"]),
    (_FRAMEWORK + "    provisions_complete: [chapitre]\n", 4, ["provisions_complete",
                                                               "'chapitre'"]),
    (_FRAMEWORK + "    editions: {first: 2019}\n", 6, ["editions"]),
    (_FRAMEWORK + "    left_out:\n      - {terms: [x]}\n", 7, ["left_out[0].reason",
                                                                "required"]),
]
INVALID_IDS = ["dangling-superseded-by", "shared-alias", "bad-trigger", "bad-trigger-ru",
               "unknown-key", "bad-date", "bad-confidence", "bad-flag", "bad-id", "no-title",
               "duplicate-framework", "requirement-unknown-framework",
               "requirement-unknown-provision", "requirement-unknown-group", "threshold-typo",
               "threshold-range", "severity-unknown-code", "severity-unknown-level",
               "party-kind", "top-level-typo", "reference-without-ref", "reference-kind",
               "reference-key-typo", "references-not-a-list", "reference-a-list",
               "reference-twice", "reference-is-a-framework", "complete-not-a-flag",
               "complete-unknown-marker", "editions-a-mapping", "left-out-without-reason"]


@pytest.mark.parametrize(("body", "line", "words"), INVALID, ids=INVALID_IDS)
def test_invalid_rule_set_names_file_line_and_key(write: Callable[..., Path], body: str,
                                                  line: int, words: list[str]) -> None:
    path = write("bad.yaml", "ruleset:\n  name: bad\nframeworks:\n" + body)
    with pytest.raises(RuleSetError) as caught:
        rulesets.load([str(path)])
    problems = [p.said("en") for p in caught.value.problems]
    assert any(re.search(rf"bad\.yaml:{line}:\d+: ", p) and all(w in p for w in words)
               for p in problems), problems


def test_every_problem_of_a_rule_set_is_reported_at_once(write: Callable[..., Path]) -> None:
    path = write("bad.yaml", "ruleset:\n  name: bad\nframeworks:\n" + _FRAMEWORK
                 + "    adoptd: 2020\n    confidence: certain\nthresholds: {near_duplicat: 90}\n")
    with pytest.raises(RuleSetError) as caught:
        rulesets.load([str(path)])
    assert len(caught.value.problems) == 3
    assert all(p.path in (str(path), "bad.yaml") for p in caught.value.problems)


MALFORMED = ["", "- a\n", "ruleset: {name: Bad Name}\n", "ruleset: {name: x}\nframeworks: {a: 1}\n",
             "frameworks: []\n", "ruleset: {name: x\n"]
MALFORMED_IDS = ["empty", "a-list", "bad-name", "frameworks-not-a-list", "no-header",
                 "invalid-yaml"]


@pytest.mark.parametrize("text", MALFORMED, ids=MALFORMED_IDS)
def test_a_malformed_rule_set_file_is_a_rule_set_error(write: Callable[..., Path],
                                                        text: str) -> None:
    path = write("bad.yaml", text)
    with pytest.raises(RoadmapCheckError) as caught:
        rulesets.load([str(path)])
    assert "bad.yaml" in str(caught.value)


def test_rules_validate_command(cli: Callable[..., Run], write: Callable[..., Path]) -> None:
    valid = cli("rules", "validate", str(TEST_RULES), "cis-telemedicine")
    assert valid.code == 0, valid.stderr
    assert "test-rules.yaml: valid (6 frameworks" in valid.stdout
    bad = write("bad.yaml", "ruleset:\n  name: bad\nframeworks:\n" + _FRAMEWORK
                + "    adoptd: 2020\n    superseded_by: nowhere-2030\n")
    invalid = cli("rules", "validate", str(bad))
    assert invalid.code == 2
    assert re.search(r"bad\.yaml:6:\d+: .*adoptd", invalid.stderr), invalid.stderr


def test_rules_validate_reports_every_problem_at_once(cli: Callable[..., Run],
                                                      write: Callable[..., Path]) -> None:
    bad = write("bad.yaml", "ruleset:\n  name: bad\nframeworks:\n" + _FRAMEWORK
                + "    adoptd: 2020\n    superseded_by: nowhere-2030\n")
    run = cli("rules", "validate", str(bad))
    assert run.code == 2
    assert "adoptd" in run.stderr and "nowhere-2030" in run.stderr


# -- the kind of each source (official, legal-database, news, secondary) -----------------------


def _facts_kinds() -> dict[str, str]:
    """URL -> kind, as the project's reference data gives them."""
    facts = yaml.safe_load(shared_file(FACTS).read_text(encoding="utf-8"))
    return {source["url"]: source["kind"] for source in facts["sources"].values()}


@pytest.mark.parametrize("name", builtin_names())
def test_every_built_in_source_has_the_kind_the_reference_data_gives_it(name: str) -> None:
    kinds = _facts_kinds()
    assert set(kinds.values()) == {"official", "legal-database", "news", "secondary"}
    found = [(f.id, url, kind) for f in rulesets.load([name]).frameworks.values()
             for url, kind in f.source]
    assert found
    assert [(fid, url, kind) for fid, url, kind in found if kinds.get(url) != kind] == []


def test_a_source_is_a_url_or_a_url_with_a_known_kind(tmp_path: Path) -> None:
    path = tmp_path / "kinds.yaml"
    path.write_text(
        "ruleset: {name: kinds}\nframeworks:\n"
        "  - id: a\n    title: {en: A}\n"
        "    source: [\"https://a.example\", {url: \"https://b.example\", kind: legal-database}]\n"
        "  - id: b\n    title: {en: B}\n"
        "    source: [{url: \"https://c.example\", kind: blog}, {kind: news}]\n",
        encoding="utf-8")
    with pytest.raises(RuleSetError) as caught:
        rulesets.load([str(path)])
    said = [(p.line, p.key, p.said("en")) for p in caught.value.problems]
    assert [(line, key) for line, key, _ in said] == [
        (8, "frameworks[1].source[0].kind"), (8, "frameworks[1].source[1].url")], said
    assert "'blog'" in said[0][2] and "official, legal-database, news, secondary" in said[0][2]
    path.write_text(path.read_text(encoding="utf-8").split("  - id: b")[0], encoding="utf-8")
    framework = rulesets.load([str(path)]).frameworks["a"]
    assert framework.source == [("https://a.example", None),
                                ("https://b.example", "legal-database")]


def test_a_rule_set_title_may_be_given_in_both_languages() -> None:
    ruleset = rulesets.load(["cis-telemedicine"])
    assert ruleset.title["en"] == "Cross-border telemedicine road map of the CIS member states"
    assert ruleset.title["ru"].startswith("Дорожная карта развития трансграничного")
    assert rulesets.load([str(TEST_RULES)]).title.get("ru") is None
