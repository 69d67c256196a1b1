"""The JSON twins of the package's YAML files and of the built-in rule sets: fresh in the
repository, and never trusted when they do not match their YAML (a stale twin costs time,
never a wrong message)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import TESTS, engine

from roadmap_check import ruleset_twins, rulesets, triggers, twins
from roadmap_check.engine import Engine, Options
from roadmap_check.matching import CitationIndex
from roadmap_check.ruleset_files import DEFAULT_RULESET, builtin_folder, builtin_names
from roadmap_check.triggers import TriggerIndex
from roadmap_check.twinned import PARSERS, ruleset_twin

SHOWCASE = Path(__file__).resolve().parent.parent / "examples" / "defect-showcase.yaml"


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_each_twin_holds_what_its_yaml_says_now(name: str) -> None:
    twin = Path(twins.__file__).parent / twins.twin_name(name)
    assert twin.read_text(encoding="utf-8") == twins.written(name, PARSERS[name]), \
        f"roadmap_check/{twin.name} is stale: run `python -m roadmap_check.twinned` and commit it"


def _parse(data: bytes, display: str) -> Any:
    return {"parsed": data.decode("utf-8").strip()}


def _refuse(data: bytes, display: str) -> Any:
    raise AssertionError("the YAML was parsed although its twin matches it")


def test_a_matching_twin_is_read_and_the_yaml_is_not_parsed(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_bytes(b"key: value\n")
    (tmp_path / "x.json").write_text(json.dumps(
        {"source": twins.stamp(b"key: value\n"), "data": {"from": "twin"}}), encoding="utf-8")
    assert twins.load("x.yaml", _refuse, tmp_path) == {"from": "twin"}


@pytest.mark.parametrize("twin", [
    json.dumps({"source": twins.stamp(b"key: old\n"), "data": {"from": "twin"}}),  # edited YAML
    json.dumps({"data": {"from": "twin"}}),                                     # no stamp
    '{"source": ',                                                              # not JSON
    json.dumps(["a", "list"]),
    None,                                                                       # no twin
], ids=["stale", "no-stamp", "broken", "not-a-mapping", "missing"])
def test_a_twin_that_does_not_match_its_yaml_is_ignored(tmp_path: Path, twin: str | None) -> None:
    (tmp_path / "x.yaml").write_bytes(b"key: new\n")
    if twin is not None:
        (tmp_path / "x.json").write_text(twin, encoding="utf-8")
    assert twins.load("x.yaml", _parse, tmp_path) == {"parsed": "key: new"}


def test_the_stamp_tells_one_changed_byte() -> None:
    assert twins.stamp(b"rm105: a") != twins.stamp(b"rm105: b")
    assert twins.stamp(b"abc") != twins.stamp(b"abcd")


def test_the_vocabulary_read_from_its_twin_is_the_one_its_yaml_says() -> None:
    """Every part of the vocabulary survives the twin: plain data and back (look-alike
    letters as pairs, reference kinds with their patterns)."""
    from roadmap_check import vocabulary

    folder = Path(twins.__file__).parent
    parsed = vocabulary.load((folder / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert parsed.reference_kinds and parsed.lookalike_letters
    assert vocabulary.from_data(json.loads(json.dumps(vocabulary.to_data(parsed)))) == parsed


# -- the built-in rule sets' twins (ruleset_twins.py) ---------------------------------------


def _shape(value: Any, ordered: bool = True) -> Any:
    """A rule set as nested (type, value) pairs: two that differ anywhere, in a value or in
    a type (a tuple read back as a list), have different shapes; ``ordered``: two mappings
    of the same items in another order differ too."""
    if is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__, tuple((f.name, _shape(getattr(value, f.name), ordered))
                                           for f in fields(value))
    if isinstance(value, dict):
        items = tuple((key, _shape(item, ordered)) for key, item in value.items())
        return "dict", items if ordered else tuple(sorted(items))
    if isinstance(value, set | frozenset):
        return type(value).__name__, tuple(sorted(value))
    if isinstance(value, list | tuple):
        return type(value).__name__, tuple(_shape(item, ordered) for item in value)
    return type(value).__name__, value


@pytest.mark.parametrize("name", builtin_names())
def test_each_ruleset_twin_holds_what_its_yaml_makes_now(name: str) -> None:
    twin = builtin_folder() / f"{name}.json"
    assert twin.read_text(encoding="utf-8") == ruleset_twin(name), \
        f"rules/{twin.name} is stale: run `python -m roadmap_check.twinned` and commit it"


@pytest.mark.parametrize("name", builtin_names())
def test_a_builtin_ruleset_from_its_twin_is_the_one_its_yaml_makes(name: str) -> None:
    """Every part survives the twin, with its type: records, places, tuples, the vocabulary
    (the built-in one itself, as the YAML's rule set has it)."""
    parsed, twin = rulesets.parse([name]), ruleset_twins.read(name)
    assert twin is not None and twin.citations is not None and twin.triggers is not None
    assert _shape(twin.ruleset) == _shape(parsed)
    assert twin.ruleset.vocabulary is parsed.vocabulary
    # the tables are looked up, never gone through in order: in the twin, their keys sorted
    assert _shape(twin.citations, False) == _shape(CitationIndex(parsed).tables, False)
    # the terms in the same order: the scan's pattern and the order of the terms a phrase
    # is an instance of follow it
    assert twin.triggers == TriggerIndex(parsed).tables
    assert twin.ruleset is not ruleset_twins.load(name)  # a fresh rule set each time: the
    #                                                      engine sets its minimum coverage


def test_the_engine_checks_alike_with_the_twins_tables_and_without(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The index built from a twin's tables is the index the rule set makes: the same report
    of a draft that has every kind of citation; the tables are trusted only for the code
    that made them."""
    text = SHOWCASE.read_text(encoding="utf-8")
    options = Options(today=engine().options.today)
    with monkeypatch.context() as patched:
        def refuse(*args: Any) -> None:
            raise AssertionError("the index made the tables the twin holds")

        patched.setattr(CitationIndex, "_index", refuse)
        patched.setattr(triggers, "_tables", refuse)
        with_tables = Engine(options).check_text(text, "s.yaml", TESTS)
    monkeypatch.setattr(ruleset_twins, "_code_stamp", lambda: "other code")
    found = ruleset_twins.read(DEFAULT_RULESET)
    assert found is not None and found.citations is None and found.triggers is None
    made = Engine(options).check_text(text, "s.yaml", TESTS)
    assert with_tables.findings == made.findings and with_tables.findings
    assert with_tables.items == made.items and with_tables.needs == made.needs


def test_a_builtin_ruleset_is_read_from_its_twin_and_its_yaml_not_parsed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the YAML was parsed although its twin matches it")

    monkeypatch.setattr(rulesets, "parse", refuse)
    assert rulesets.load([]).name == DEFAULT_RULESET
    assert rulesets.load(["cis-frameworks"]).name == "cis-frameworks"


def test_rule_sets_other_than_one_built_in_are_parsed(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("ruleset: {name: own, extends: [cis-frameworks]}\n", encoding="utf-8")
    assert rulesets.load([str(own)]).sources == ["<built-in cis-frameworks>", str(own)]
    assert rulesets.load(["cis-frameworks", "cis-telemedicine"]).sources == [
        "<built-in cis-frameworks>", "<built-in cis-telemedicine>"]


def _copied(folder: Path) -> Path:
    """The built-in rule sets and their twins copied into ``folder``: the default's twin."""
    for each in builtin_folder().iterdir():
        if each.suffix in (".yaml", ".json"):
            (folder / each.name).write_bytes(each.read_bytes())
    return folder / f"{DEFAULT_RULESET}.json"


def _damaged(head: dict[str, Any], body: bytes) -> bytes:
    return json.dumps(head).encode("utf-8") + b"\n" + body


@pytest.mark.parametrize("damage", [
    "yaml-edited", "parent-edited", "body-edited", "body-truncated", "not-json", "no-head",
    "missing", "other-ruleset", "vocabulary-edited", "field-missing", "field-unknown",
    "not-a-ruleset",
])
def test_a_ruleset_twin_that_does_not_match_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """Whatever is wrong with a twin, it is not read: the YAML is parsed instead."""
    name = DEFAULT_RULESET
    twin = _copied(tmp_path)
    assert ruleset_twins.load(name, tmp_path) is not None  # the copy as it is: read
    head_line, _, body = twin.read_bytes().partition(b"\n")
    head = json.loads(head_line)
    data = json.loads(body)
    if damage == "yaml-edited":
        (tmp_path / f"{name}.yaml").write_bytes((tmp_path / f"{name}.yaml").read_bytes() + b"#")
    elif damage == "parent-edited":
        parent = head["sources"][0][0]
        (tmp_path / f"{parent}.yaml").write_bytes(b"#" + (tmp_path / f"{parent}.yaml").read_bytes())
    elif damage == "body-edited":
        edited = body.replace(f'"name":"{name}"'.encode(), f'"name":"{name}x"'.encode(), 1)
        assert edited != body
        twin.write_bytes(_damaged(head, edited))
    elif damage == "body-truncated":
        twin.write_bytes(_damaged(head, body[: len(body) // 2]))
    elif damage == "not-json":
        twin.write_bytes(b"{\"sources\": \n" + body)
    elif damage == "no-head":
        twin.write_bytes(body)
    elif damage == "missing":
        twin.unlink()
    elif damage == "other-ruleset":
        (tmp_path / "cis-frameworks.json").replace(twin)
    elif damage == "vocabulary-edited":
        monkeypatch.setattr(ruleset_twins, "_vocabulary_stamp", lambda: twins.stamp(b"other"))
    else:
        framework = next(iter(data["ruleset"]["frameworks"].values()))
        if damage == "field-missing":
            del framework["triggers"]
        elif damage == "field-unknown":
            framework["new_field"] = 1
        else:
            data = data["ruleset"]
        new = json.dumps(data, ensure_ascii=False).encode("utf-8")
        twin.write_bytes(_damaged({**head, "data": twins.stamp(new)}, new))
    assert ruleset_twins.load(name, tmp_path) is None


def test_a_ruleset_twin_with_other_line_ends_is_read(tmp_path: Path) -> None:
    """Written on Windows, or checked out there, its two lines end in CR LF: the same twin."""
    twin = _copied(tmp_path)
    twin.write_bytes(twin.read_bytes().replace(b"\n", b"\r\n"))
    found = ruleset_twins.read(DEFAULT_RULESET, tmp_path)
    assert found is not None and found.citations is not None


@pytest.mark.parametrize(("damaged", "kept"), [("citations", "triggers"),
                                               ("triggers", "citations")])
def test_tables_of_a_twin_that_are_not_tables_are_made_again(
        tmp_path: Path, damaged: str, kept: str) -> None:
    """A citation index's tables without one of them, a trigger term without atoms: that
    index makes its tables again, and the other still takes its own from the twin."""
    twin = _copied(tmp_path)
    head_line, _, body = twin.read_bytes().partition(b"\n")
    data = json.loads(body)
    if damaged == "citations":
        del data["citations"]["by_code"]
    else:
        data["triggers"][0][2] = []
    new = json.dumps(data, ensure_ascii=False).encode("utf-8")
    twin.write_bytes(_damaged({**json.loads(head_line), "data": twins.stamp(new)}, new))
    found = ruleset_twins.read(DEFAULT_RULESET, tmp_path)
    assert found is not None
    assert getattr(found, damaged) is None and getattr(found, kept) is not None
