"""Hostile vocabularies: what a rule set's ``vocabulary:`` section adds is matched in linear
time, however its wildcards and the text meet, and a huge section loads within budget.

Every case goes through the real entry point (``tests/budget.py``): 2 s and 300 MB, exit
0/1/2, no traceback. The patterns are the shapes that backtrack when a wildcard may give back
what the next part takes: a Latin marker's '*' against the Roman numerals of a provision id,
a name whose words are all wildcards against a text of short words, names nested in each other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from budget import Measured, measure, within
from helpers import TEST_RULES

pytestmark = pytest.mark.slow

HEAD = "roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n"


def _item(cites: str, number: str = "1") -> str:
    return (f'  - id: "{number}"\n    title: "Harmonise the consultations {number}"\n'
            f"    responsible: Republic of Belarus\n    deadline: 2023\n    cites: [{cites}]\n")


def _rules(tmp_path: Path, vocabulary: str, frameworks: str = "") -> Path:
    (tmp_path / "test-rules.yaml").write_text(TEST_RULES.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("ruleset: {name: hostile, extends: [test-rules.yaml]}\n"
                     + (f"frameworks:\n{frameworks}" if frameworks else "")
                     + f"vocabulary:\n{vocabulary}", encoding="utf-8")
    return rules


def _check(tmp_path: Path, text: str, rules: Path) -> tuple[Measured, list[dict[str, Any]]]:
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    run = measure("check", path, "--rules", rules, "--format", "json", cwd=tmp_path, seconds=2)
    within(run)
    assert run.code in (0, 1), run.stderr
    return run, json.loads(run.stdout)["findings"]


@pytest.mark.parametrize(("marker", "provision"), [
    ("annex*", "annex" + "i" * 40_000 + "!"),           # '*' against a Roman numeral id
    ("приложени?*", "приложение" + "я" * 40_000 + "1-"),
    ("art? x?*", "arts" + " x" * 20_000 + "!"),
])
def test_a_wildcard_marker_against_a_long_provision_is_read_in_time(tmp_path: Path, marker: str,
                                                                   provision: str) -> None:
    rules = _rules(tmp_path, f"  provision_markers: {json.dumps([marker], ensure_ascii=False)}\n")
    text = HEAD + _item(f"{{framework: telemed-2010, provision: {json.dumps(provision)}}}")
    _, findings = _check(tmp_path, text, rules)
    assert [f["code"] for f in findings if f["code"] == "RM104"] == ["RM104"], findings


def test_a_wildcard_marker_still_splits_a_provision_off(tmp_path: Path) -> None:
    rules = _rules(tmp_path, '  provision_markers: ["annex*"]\n')
    text = HEAD + _item('"Agreement on Compatible National Telemedicine Systems, annexes 6"')
    _, findings = _check(tmp_path, text, rules)
    assert not [f for f in findings if f["code"] in ("RM102", "RM104")], findings


@pytest.mark.parametrize(("name", "title"), [
    ("a?a?a?a?a?a?a?a?a?a*", "a" * 100_000),
    ("x* x* x* x* x* x* x* x* x* x*", "x " * 50_000 + "y"),
    ("гуам* организаци* демократи*", "гуама " * 20_000 + "демократии"),
])
def test_an_organisation_name_against_a_long_title_is_read_in_time(tmp_path: Path, name: str,
                                                                   title: str) -> None:
    names, title = (json.dumps(text, ensure_ascii=False) for text in ([name], title))
    rules = _rules(tmp_path, f"  organisations: {{guam: {{names: {names}}}}}\n",
                   f"  - id: long-2020\n    title: {{en: {title}}}\n")
    _, findings = _check(tmp_path, HEAD + _item("infosec-2030, telemed-2010"), rules)
    assert not [f for f in findings if f["code"] in ("RM102", "RM103")], findings


def test_names_nested_in_each_other_are_read_in_time(tmp_path: Path) -> None:
    names = [("a" * length) + "* b" for length in range(1, 118)]
    words = " ".join(["a" * 200] * 500)
    rules = _rules(tmp_path, f"  organisations: {{guam: {{names: {json.dumps(names)}}}}}\n",
                   f"  - id: long-2020\n    title: {{en: {json.dumps(words)}}}\n")
    _, findings = _check(tmp_path, HEAD + _item(json.dumps(words[:900] + " b")), rules)
    assert [f["code"] for f in findings if f["code"] in ("RM102", "RM103", "RM105")]


def test_a_huge_vocabulary_section_loads_and_matches_in_time(tmp_path: Path) -> None:
    organisations = "".join(f"    org{n}: {{short: [short{n}], names: [\"name number{n} body\"]}}\n"
                            for n in range(1_000))
    stop = json.dumps([f"stop{n}" for n in range(5_000)])
    rules = _rules(tmp_path, f"  stop_words: {stop}\n  organisations:\n{organisations}")
    citation = '"Strategy for Ensuring Information Security of the Name Number999 Body Member ' \
               'States until 2030"'
    text = HEAD + "".join(_item(f"{citation}, telemed-2010", str(n)) for n in range(1, 51))
    _, findings = _check(tmp_path, text, rules)
    rejected = [f for f in findings if f["code"] == "RM102"]
    assert len(rejected) == 50 and "(it names ORG999, not an issuer of infosec-2030)" \
        in rejected[0]["message"], rejected[:1]


def test_an_entry_past_the_limits_is_refused_with_its_position(tmp_path: Path) -> None:
    rules = _rules(tmp_path, '  organisations: {guam: {names: ["' + "a?" * 11 + 'b"]}}\n'
                   '  stop_words: ["' + "x" * 100_000 + '"]\n')
    run = measure("rules", "validate", rules, cwd=tmp_path, seconds=2)
    within(run)
    lines = run.stderr.strip().splitlines()
    assert run.code == 2 and len(lines) == 2, lines
    assert all(len(line) < 400 for line in lines), lines
    assert lines[0].startswith("rules.yaml:3:") and "11 wildcards" in lines[0]
    assert lines[1].startswith("rules.yaml:4:") and "100000 characters" in lines[1]


def test_many_recurring_date_words_are_matched_in_time(tmp_path: Path) -> None:
    recurring = json.dumps([f"every {n} reporting cycle*" for n in range(3_000)]
                           + [f"раз в {n} отчетн* период*" for n in range(3_000)],
                           ensure_ascii=False)
    rules = _rules(tmp_path, f"  date_words: {{recurring: {recurring}}}\n")
    text = HEAD + "".join(
        _item("infosec-2030, telemed-2010", str(n)).replace(
            "deadline: 2023", f'deadline: "not later than 1 March {n}, every 2999 reporting '
                              f'cycles of the region {n}"')
        for n in range(1, 801))
    _, findings = _check(tmp_path, text, rules)
    assert sum(f["code"] == "RM310" for f in findings) == 800, findings[:3]
    assert not [f for f in findings if f["code"] == "RM301"], findings[:3]
