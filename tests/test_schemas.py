"""One validation: the JSON Schemas the package ships (what an editor checks as you type) and
the validators of the program accept and refuse the same files.

Every valid file (the built-in rule sets, the starter ``init --ruleset`` writes, this suite's
rule sets, the shipped vocabulary, the examples and the cases' road maps) passes both; every
invalid case of the test suite fails both, except the constraints a JSON Schema cannot state,
each listed below with the reason. Where the two share a pattern, they share its very text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers import CASES, TEST_RULES, TESTS, Run, as_an_editor_reads, check_text
from test_cli import INVALID_RULE_SET_IDS, INVALID_RULE_SETS
from test_rulesets import INVALID, INVALID_IDS, MALFORMED, MALFORMED_IDS
from test_vocabulary import INVALID as INVALID_VOCABULARIES
from test_vocabulary import INVALID_IDS as INVALID_VOCABULARY_IDS

from roadmap_check import dates, rulesets, vocabulary
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.registry import CHECKS
from roadmap_check.ruleset import TRIGGER
from roadmap_check.ruleset_files import builtin_names

ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
SCHEMAS = resources.files("roadmap_check.schemas")

# Invalid rule sets a JSON Schema cannot refuse: it sees one value at a time, never the rest of
# the layered rule set (which may come from other files through 'extends').
NOT_IN_THE_SCHEMA = {
    "dangling-superseded-by": "a cross-reference: superseded_by names a framework of the "
                              "layered rule set, which another file may define",
    "shared-alias": "names unique across frameworks: a schema compares the values of one "
                    "framework, never two frameworks' names",
    "duplicate-framework": "ids unique in a list: uniqueItems compares whole entries, not "
                           "one key of them",
    "requirement-unknown-framework": "a cross-reference to the frameworks of the layered "
                                     "rule set",
    "requirement-unknown-provision": "a cross-reference to the provisions of a framework",
    "requirement-unknown-group": "a cross-reference to the groups of the layered rule set",
    "reference-twice": "references unique in a list by their words: uniqueItems compares "
                       "whole entries, never two spellings of one code",
    "reference-is-a-framework": "a cross-reference to the names of the frameworks of the "
                                "layered rule set",
    "complete-unknown-marker": "a cross-reference to the provision markers of the framework "
                               "and of the vocabulary, which other files may extend",
    # the vocabulary
    "short-name-of-another": "a cross-reference: the short name belongs to an organisation of "
                             "the built-in vocabulary, which the rule set does not contain",
    "name-of-another": "a cross-reference to the names of the built-in vocabulary",
    "organisation-twice": "a key repeated in one mapping: a YAML or JSON reader keeps one of "
                          "them, so the schema never sees the other",
}
# Invalid road maps of the cases a JSON Schema cannot refuse (the case's file and name).
ROAD_MAPS_NOT_IN_THE_SCHEMA = {
    ("RM002", "top-level-roadmap-twice"): "a key repeated in one mapping: a reader keeps one",
    ("RM002", "title-twice-in-item"): "a key repeated in one mapping: a reader keeps one",
    ("RM002", "deadline-twice-in-flow-mapping"): "a key repeated in one mapping",
    ("RM002", "provision-twice-in-citation"): "a key repeated in one mapping",
    ("RM301", "february-30"): "a date that does not exist: the pattern knows forms, not "
                              "calendars",
    ("RM301", "bad-roadmap-date"): "a date that does not exist",
    ("RM301", "dotted-day-that-does-not-exist"): "a date that does not exist",
    ("RM301", "reversed-period"): "a period whose end comes before its start: a pattern "
                                  "cannot compare two numbers",
}
# The checks of the road-map format the road-map schema states; a road map the loader finds
# none of is one the schema accepts.
STATED = {"RM001", "RM002", "RM003", "RM004", "RM006", "RM007", "RM301", "RM401"}


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


def schema_errors(name: str, text: str) -> list[str]:
    """What the schema says against a YAML text (a text no reader can read: that alone)."""
    try:
        data = as_an_editor_reads(text)
    except yaml.YAMLError as exc:
        return [f"not readable: {exc}"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:300]
            for e in validator(name).iter_errors(data)]


def validator_refuses(path: Path) -> bool:
    try:
        rulesets.load([str(path)])
    except RoadmapCheckError:
        return True
    return False


# -- valid files: both accept --------------------------------------------------------------


def _rule_set_files() -> list[Any]:
    built_in = resources.files("roadmap_check.rules")
    return [*(pytest.param(Path(str(built_in / f"{name}.yaml")), id=name)
              for name in builtin_names()),
            *(pytest.param(path, id=path.name) for path in sorted((TESTS / "rules").glob("*.yaml")))]


@pytest.mark.parametrize("path", _rule_set_files())
def test_a_rule_set_of_the_package_or_the_suite_passes_both(path: Path) -> None:
    assert not validator_refuses(path)
    assert schema_errors("ruleset", path.read_text(encoding="utf-8")) == []


def test_the_starter_rule_set_init_writes_passes_both(cli: Callable[..., Run],
                                                      tmp_path: Path) -> None:
    assert cli("init", "--ruleset", "my-ministry").code == 0
    path = tmp_path / "my-ministry.yaml"
    assert not validator_refuses(path)
    assert schema_errors("ruleset", path.read_text(encoding="utf-8")) == []
    # its commented 'vocabulary:' section, uncommented, is valid for both too
    text = path.read_text(encoding="utf-8")
    block = text[text.index("# vocabulary:"):]
    assert block.count("\n# ") >= 3
    path.write_text(text.replace(block, re.sub(r"(?m)^# ", "", block)), encoding="utf-8")
    assert "\nvocabulary:" in path.read_text(encoding="utf-8")
    assert not validator_refuses(path)
    assert schema_errors("ruleset", path.read_text(encoding="utf-8")) == []


def test_the_shipped_vocabulary_passes_both() -> None:
    text = (resources.files("roadmap_check") / "vocabulary.yaml").read_text(encoding="utf-8")
    vocabulary.load(text, "vocabulary.yaml")
    assert schema_errors("vocabulary", text) == []


# -- invalid files: both refuse, but for what a schema cannot state ------------------------


def _agree(name: str, text: str, refused: bool, case: str) -> None:
    errors = schema_errors(name, text)
    assert refused, f"{case}: the validator accepts it"
    if case in NOT_IN_THE_SCHEMA:
        assert errors == [], f"{case}: the schema refuses it now; take it off NOT_IN_THE_SCHEMA"
    else:
        assert errors, f"{case}: the validator refuses it, the schema accepts it"


@pytest.mark.parametrize(("body", "line", "words"), INVALID, ids=INVALID_IDS)
def test_an_invalid_rule_set_of_test_rulesets_fails_both(write: Callable[..., Path], body: str,
                                                         line: int, words: list[str],
                                                         request: pytest.FixtureRequest) -> None:
    path = write("bad.yaml", "ruleset:\n  name: bad\nframeworks:\n" + body)
    _agree("ruleset", path.read_text(encoding="utf-8"), validator_refuses(path),
           request.node.callspec.id)


@pytest.mark.parametrize("text", MALFORMED, ids=MALFORMED_IDS)
def test_a_malformed_rule_set_of_test_rulesets_fails_both(write: Callable[..., Path], text: str,
                                                          request: pytest.FixtureRequest) -> None:
    _agree("ruleset", text, validator_refuses(write("bad.yaml", text)), request.node.callspec.id)


@pytest.mark.parametrize(("body", "expected"), INVALID_RULE_SETS, ids=INVALID_RULE_SET_IDS)
def test_an_invalid_rule_set_of_test_cli_fails_both(write: Callable[..., Path], body: str,
                                                    expected: str,
                                                    request: pytest.FixtureRequest) -> None:
    path = write("rules.yaml", "ruleset:\n  name: mine\nframeworks:\n" + body)
    _agree("ruleset", path.read_text(encoding="utf-8"), validator_refuses(path),
           request.node.callspec.id)


@pytest.mark.parametrize(("section", "fragment", "key", "words"), INVALID_VOCABULARIES,
                         ids=INVALID_VOCABULARY_IDS)
def test_an_invalid_vocabulary_fails_both(write: Callable[..., Path], section: str,
                                          fragment: str, key: str, words: list[str],
                                          request: pytest.FixtureRequest) -> None:
    """In a rule set (its schema) and as a vocabulary file of its own (the vocabulary's)."""
    case = request.node.callspec.id
    text = "ruleset: {name: bad}\nvocabulary:\n" + section
    _agree("ruleset", text, validator_refuses(write("bad.yaml", text)), case)
    alone = "\n".join(line[2:] for line in section.splitlines()) + "\n"
    try:
        vocabulary.load(alone, "vocabulary.yaml")
        refused = False
    except vocabulary.VocabularyError:
        refused = True
    if case.endswith("-of-another"):  # alone, there is no built-in organisation to clash with
        assert not refused and schema_errors("vocabulary", alone) == []
    else:
        _agree("vocabulary", alone, refused, case)


# -- road maps ------------------------------------------------------------------------------


def _road_maps() -> list[Any]:
    params = [pytest.param(path.read_text(encoding="utf-8"), "cis-telemedicine", None,
                           id=path.name) for path in sorted(EXAMPLES.glob("*.yaml"))]
    for path in sorted(CASES.glob("RM*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if path.stem == "RM007" and case["expect"] == "fail":
                continue  # an alias bomb, a foreign tag: a safe reader gives a schema nothing
            params.append(pytest.param(case["roadmap"], case.get("rules", "test-rules"),
                                       (path.stem, case["name"]),
                                       id=f"{path.stem}-{case['name']}"))
    return params


@pytest.mark.parametrize(("text", "rules", "case"), _road_maps())
def test_the_road_map_schema_accepts_what_the_loader_reads_without_a_structural_finding(
        text: str, rules: str, case: tuple[str, str] | None) -> None:
    """The examples and every case's road map, pass or fail: the schema refuses a road map
    exactly when the loader finds a problem of the format in it (STATED)."""
    stated = {f.code for f in check_text(text, rules=rules).findings} & STATED
    errors = schema_errors("roadmap", text)
    if case in ROAD_MAPS_NOT_IN_THE_SCHEMA:
        assert stated and errors == [], (stated, errors)
    else:
        assert bool(errors) == bool(stated), (sorted(stated), errors[:3])


# -- shared patterns: one text -------------------------------------------------------------


def test_the_vocabulary_schema_states_the_validators_shapes() -> None:
    found = schema("vocabulary")["$defs"]
    patterns = {"word": found["vocabulary_word"]["pattern"],
                "name": found["vocabulary_name"]["pattern"],
                "marker": found["vocabulary_marker"]["pattern"],
                "phrase": found["vocabulary_phrase"]["pattern"],
                "stems": found["vocabulary_stem"]["pattern"],
                "ending": found["vocabulary_ending"]["pattern"],
                "code": found["vocabulary_code"]["pattern"],
                "organisation": schema("vocabulary")["properties"]["organisations"]
                ["propertyNames"]["pattern"],
                "cyrillic": schema("vocabulary")["properties"]["lookalike_letters"]
                ["propertyNames"]["pattern"],
                "latin": schema("vocabulary")["properties"]["lookalike_letters"]
                ["additionalProperties"]["pattern"],
                "kind": schema("vocabulary")["properties"]["party_kinds"]["propertyNames"]
                ["pattern"]}
    assert patterns == vocabulary.SHAPES, "copy vocabulary.SHAPES into the schema's patterns"


def test_the_rule_set_schema_holds_the_vocabulary_schema() -> None:
    own, ruleset = schema("vocabulary"), schema("ruleset")
    body = {k: v for k, v in own.items() if not k.startswith("$") and k != "title"}
    assert ruleset["$defs"]["vocabulary"] == body
    assert {k: ruleset["$defs"][k] for k in own["$defs"]} == own["$defs"]


def test_the_rule_set_schema_states_the_trigger_pattern_of_the_validator() -> None:
    assert schema("ruleset")["$defs"]["trigger"]["pattern"] == TRIGGER


@pytest.mark.parametrize(("name", "where"), [
    ("ruleset", lambda s: s["properties"]["severity"]["propertyNames"]["pattern"]),
    ("roadmap", lambda s: s["$defs"]["waiver"]["properties"]["check"]["anyOf"][1]["pattern"]),
])
def test_a_schema_names_exactly_the_codes_of_the_registry(
        name: str, where: Callable[[dict[str, Any]], str]) -> None:
    pattern = re.compile(where(schema(name)))
    numbers = [f"{n:03d}" for n in range(1000)]
    accepted = {f"RM{n}" for n in numbers if pattern.match(f"RM{n}")}
    assert accepted == set(CHECKS), "list the codes of `roadmap-check checks` in the schema"


DATES = ["2023", "2023-06", "2023-6", "2023-06-30", "2023-Q2", "2023-q4", "2023-H1",
         "2022-2023", "2022 – 2023", " 2023 ", "ongoing", "Ongoing", "ONGOING", "Continuous",
         "permanent", "постоянно", "Постоянно", "На постоянной основе", "2023-13", "2023-Q5",
         "2023-H3", "23-06", "ongoingly", "soon", "2023-06-30-01", "постоянно и далее"]


@pytest.mark.parametrize("name", ["ruleset", "roadmap"])
@pytest.mark.parametrize("text", DATES)
def test_a_date_form_is_accepted_by_both_or_by_neither(name: str, text: str) -> None:
    pattern = re.compile(schema(name)["$defs"]["period"]["anyOf"][0]["pattern"])
    try:
        dates.parse(text)
        parsed = True
    except dates.DateError:
        parsed = False
    assert bool(pattern.match(text)) == parsed, text


def test_the_date_forms_of_the_schemas_name_every_ongoing_word_of_the_vocabulary() -> None:
    for word in vocabulary.builtin().ongoing_words:
        for form in (word, word.upper(), word.title()):
            for name in ("ruleset", "roadmap"):
                pattern = schema(name)["$defs"]["period"]["anyOf"][0]["pattern"]
                assert re.match(pattern, form), (name, form, "add it to the period pattern")


def test_the_test_rule_set_is_valid_for_both(write: Callable[..., Path]) -> None:
    """The suite's own rule set, read as an editor would: a guard against the reader above."""
    assert schema_errors("ruleset", TEST_RULES.read_text(encoding="utf-8")) == []
    assert schema_errors("ruleset", "ruleset: {name: x}\nframewrks: []\n") != []


def test_schema_prints_the_vocabulary_schema(cli: Callable[..., Run]) -> None:
    run = cli("schema", "vocabulary")
    assert run.code == 0 and json.loads(run.stdout) == schema("vocabulary")
