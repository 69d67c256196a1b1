"""Hostile parties: many distinct names no rule set lists, a rule set that accepts or knows
many kinds of party, and names as long as a value may be, are read within budget.

Every case goes through the real entry point (``tests/budget.py``): 2 s and 300 MB, exit
0/1/2, no traceback. What a name is (a misspelling of a listed party, a kind of party, or
neither) is found in time linear in the name, however many kinds the vocabulary has.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from budget import measure, within
from helpers import TEST_RULES

pytestmark = pytest.mark.slow

HEAD = "roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n"


def _items(count: int, parties: int, name: str) -> str:
    return "".join(
        f'  - id: "{n}"\n    title: "Harmonise the consultations {n}"\n'
        f"    responsible: Republic of Belarus\n"
        f"    participants: {json.dumps([name.format(n=n, k=k) for k in range(parties)])}\n"
        f"    deadline: 2023\n    cites: [infosec-2030, telemed-2010]\n"
        for n in range(1, count + 1))


def _check(tmp_path: Path, text: str, rules_text: str = "") -> list[dict[str, Any]]:
    (tmp_path / "test-rules.yaml").write_text(TEST_RULES.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("ruleset: {name: hostile, extends: [test-rules.yaml]}\n" + rules_text,
                     encoding="utf-8")
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    run = measure("check", path, "--rules", rules, "--format", "json", "--max-per-code", "0",
                  cwd=tmp_path, seconds=2)
    within(run)
    assert run.code in (0, 1), run.stderr
    found: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    return found


def test_thousands_of_distinct_unlisted_parties_are_read_in_time(tmp_path: Path) -> None:
    name = ("Republican Scientific and Practical Centre number {n}-{k} for telemedicine and "
            "electronic health of the region")
    found = [f for f in _check(tmp_path, HEAD + _items(600, 5, name)) if f["code"] == "RM304"]
    assert len(found) == 3_000 and {f["severity"] for f in found} == {"info"}
    assert "(an institution)" in found[0]["message"]


def test_a_vocabulary_of_many_kinds_of_party_is_matched_in_time(tmp_path: Path) -> None:
    kinds = "".join(f"    kind{n}: [{', '.join(f'word{n}x{w}*' for w in range(5))}]\n"
                    for n in range(300))
    rules = f"vocabulary:\n  party_kinds:\n{kinds}accept_parties: {{kinds: [kind299]}}\n"
    name = "Association number {n}-{k} of the many provinces and their many districts word7x3"
    found = [f for f in _check(tmp_path, HEAD + _items(300, 5, name) + _items(1, 1, "x word299x4y"),
                               rules) if f["code"] == "RM304"]
    assert len(found) == 1_500 and "(kind7)" in found[0]["message"]


def test_long_party_names_are_read_in_time(tmp_path: Path) -> None:
    long = "ministry " + "of health " * 1_500 + "{n}{k}"
    found = [f for f in _check(tmp_path, HEAD + _items(20, 5, long)) if f["code"] == "RM304"]
    assert len(found) == 100 and {f["severity"] for f in found} == {"info"}
