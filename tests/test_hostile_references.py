"""Hostile citations for the recognisers of issue 9 (references outside the rule set, accepted
references, look-alike letters, editions and parts): each is read in linear time, within 2 s
and 300 MB through the real entry point, with a finding or nothing, never a traceback.

The shapes are those that make a careless pattern backtrack: a legal act's word repeated
without its number, number signs without numbers, codes of twin letters, edition marks one
after another, and a rule set that accepts a thousand references with a long citation against
each.
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
CYRILLIC_EN = "\u041d"


def _item(citation: str, number: int = 1) -> str:
    return (f'  - id: "{number}"\n    title: "Harmonise the consultations {number}"\n'
            f"    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites: [{json.dumps(citation, ensure_ascii=False)}]\n")


def _check(tmp_path: Path, text: str, rules: str | Path = "cis-telemedicine"
           ) -> list[dict[str, Any]]:
    path = tmp_path / "roadmap.yaml"
    path.write_text(text, encoding="utf-8")
    run = measure("check", path, "--rules", rules, "--format", "json", cwd=tmp_path, seconds=2)
    within(run)
    assert run.code in (0, 1), run.stderr
    findings: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    return findings


HOSTILE = [
    "закон " * 160 + "о связи",                         # an act's word, never a number
    "Federal Law " * 80 + "No.",
    "№ " * 450,
    "No. " * 240 + "1",
    "Указ от " * 120 + "1 января",
    f"{CYRILLIC_EN}." * 490 + "1",                        # twin letters and dots
    f"{CYRILLIC_EN}" * 990 + "1",
    "ISO/" * 240 + "1",
    "ISO 13606" + ":2019" * 190,                         # edition marks one after another
    "H.810 (11/2019)" * 60,
    "ГОСТ Р " * 140 + "1-2011",
    "проект " * 140 + "указа",
    "HL7 " * 240 + "CDA",
    "Государственная программа Республики Казахстан " * 20,
    "1." * 495,
    "R4 " * 330,
]
# The clause of the act that approved a framework, cut before matching: each alone (the road
# map of many citations above holds the other shapes 25 times).
APPROVALS = [
    "утвержденная " * 75 + "решением",                  # approval clauses one after another
    "Стратегия ИБ СНГ, " + "утвержд " * 120,
    ", approved" * 95,
]


@pytest.mark.parametrize("citation", HOSTILE + APPROVALS,
                         ids=[f"hostile-{i}" for i in range(len(HOSTILE + APPROVALS))])
def test_a_hostile_citation_is_read_in_time(tmp_path: Path, citation: str) -> None:
    assert len(citation) <= 1000
    findings = _check(tmp_path, HEAD + _item(citation))
    assert all(f["line"] >= 1 for f in findings)


def test_many_such_citations_in_one_road_map_are_read_in_time(tmp_path: Path) -> None:
    items = "".join(_item(citation + f" {n}", n) for n, citation in
                    enumerate(HOSTILE * 25, start=1))
    findings = _check(tmp_path, HEAD + items)
    assert findings


def test_a_thousand_accepted_references_against_long_citations(tmp_path: Path) -> None:
    refs = "".join(f'  - "ISO {10000 + n}"\n  - "IHE X{n}.b"\n' for n in range(500))
    (tmp_path / "test-rules.yaml").write_text(TEST_RULES.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("ruleset: {name: many, extends: [test-rules.yaml]}\n"
                     f"references:\n{refs}", encoding="utf-8")
    citations = ["ISO " * 240 + "10499", "IHE X1.b " * 100, "ISO 10001:2019", "IHE X7.b"]
    items = "".join(_item(c, n) for n, c in enumerate(citations * 50, start=1))
    findings = _check(tmp_path, HEAD + items, rules)
    accepted = {f["item"] for f in findings if f["code"] in ("RM102", "RM110")}
    assert not accepted & {str(n) for n in range(3, 201, 4)}   # "ISO 10001:2019" is accepted


@pytest.mark.parametrize("provision", ["6" + "." * 40_000 + "1", "6" + ".1" * 20_000,
                                       "H" + ".812" * 10_000])
def test_a_provision_of_many_parts_is_read_in_time(tmp_path: Path, provision: str) -> None:
    """A sub-provision is read one part at a time ("4.2" of "4"): dots one after another end
    it at once, and many parts cost each one step."""
    citation = {"framework": "telemed-2010", "provision": provision}  # a complete outline
    text = (HEAD + '  - id: "1"\n    title: "Harmonise the consultations"\n'
            "    responsible: Republic of Belarus\n    deadline: 2023\n"
            f"    cites: [{json.dumps(citation)}]\n")
    findings = _check(tmp_path, text, TEST_RULES)
    assert [f["code"] for f in findings if f["code"] == "RM104"] == ["RM104"]
