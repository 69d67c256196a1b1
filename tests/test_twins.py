"""The JSON twins of the package's YAML files: fresh in the repository, and never trusted
when they do not match their YAML (a stale twin costs time, never a wrong message)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from roadmap_check import twins
from roadmap_check.twinned import PARSERS


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
