"""Fixes: each one rewrites only its span, and the fixed text no longer has the finding.

A finding's ``fix`` is a text replacement between two positions; ``roadmap-check fix``
applies the safe ones in place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CLEAN_ROADMAP, TEST_RULES, Run, check_text, codes

from roadmap_check import fixing

# Every test here runs with libyaml's loader and with PyYAML's pure-Python one.
pytestmark = pytest.mark.usefixtures("yaml_loader")

Cli = Callable[..., Run]
RULES = ("--rules", str(TEST_RULES))
READ_FAILED = {"RM001", "RM002", "RM003", "RM007"}

ITEM = ('roadmap: {{id: t, title: T}}\nitems:\n  - id: {id}\n    title: X\n'
        '    responsible: {party}\n    deadline: {deadline}\n    cites: {cites}\n')


def _item(id: str = '"1"', party: str = "Belarus", deadline: str = "2023",
          cites: str = "[infosec-2030]") -> str:
    return ITEM.format(id=id, party=party, deadline=deadline, cites=cites)


FIXABLE = {
    "alias-in-flow-list": _item(cites="[CIS InfoSec Strategy 2030]"),
    "alias-with-marker-in-flow-list": _item(cites="[Стратегия ИБ СНГ раздел 4]"),
    "genitive-in-block-list": _item(cites="\n      - Стратегии обеспечения информационной "
                                          "безопасности государств-участников СНГ, разд. I"),
    "single-quoted": _item(cites="['CIS InfoSec Strategy 2030, section IV']"),
    "double-quoted-over-two-lines": _item(cites='\n      - "Strategy for Ensuring Informaton '
                                                'Security\n        of the CIS Member States '
                                                'until 2030"'),
    "title-in-mapping": _item(cites="[{framework: CIS Telemedicine Agreement, provision: '6'}]"),
    "misspelt-party": _item(party="Kazakstan"),
    "misspelt-party-in-list": _item(party="[Kazakstan, Russia]"),
    "quarter-word-order": _item(deadline="Q2 2023"),
    "russian-quarter": _item(deadline="2 кв. 2023"),
    "dotted-day": _item(deadline="30.06.2023"),
    "numeric-id": _item(id="1.10"),
    "everything-at-once": _item(id="2", party="Kazakstan", deadline="Q4 2023",
                                cites="[CIS InfoSec Strategy 2030, Соглашения СНГ о телемедицине"
                                      " ст. 6]"),
    "crlf": _item(cites="[CIS InfoSec Strategy 2030]", party="Kazakstan").replace("\n", "\r\n"),
}


def _fix_until_stable(text: str) -> str:
    for _ in range(4):
        text, applied = fixing.apply(text, check_text(text).findings)
        if not applied:
            break
    return text


@pytest.mark.parametrize("text", list(FIXABLE.values()), ids=list(FIXABLE))
def test_fixed_text_has_no_fixable_finding_left(text: str) -> None:
    before = check_text(text).findings
    fixable = [f for f in before if f.fix is not None and f.fix.safe and f.code in fixing.SAFE]
    assert fixable, "the case has something to fix"
    fixed = _fix_until_stable(text)
    after = check_text(fixed).findings
    # (an unsafe fix is left: 'Соглашения СНГ о телемедицине' would lose СНГ in test-rules)
    assert not [f for f in after if f.fix is not None and f.fix.safe
                and f.code in fixing.SAFE], fixed
    assert not codes(after) & READ_FAILED, fixed
    # Nothing but the fixed findings went away, and nothing new came.
    remaining = {f.code for f in before} - {f.code for f in fixable}
    assert codes(after) - {f.code for f in fixable} == remaining
    # Fixes rewrite spans only: the lines before the items are untouched.
    assert fixed.splitlines()[:2] == text.splitlines()[:2]


def test_a_fix_writes_the_canonical_citation() -> None:
    fixed = _fix_until_stable(_item(cites="[Стратегия ИБ СНГ раздел 4]"))
    assert ("Стратегия обеспечения информационной безопасности государств – участников СНГ, "
            "раздел 4") in fixed
    report = check_text(fixed)
    assert not codes(report.findings) & {"RM102", "RM104", "RM105"}


def test_a_fix_keeps_the_number_of_citations() -> None:
    text = _item(cites="[Стратегия ИБ СНГ раздел 4, CIS Telemedicine Agreement]")
    fixed = _fix_until_stable(text)
    assert fixed.count("\n") == text.count("\n")
    report = check_text(fixed)
    assert [fid for fid, _ in report.items[0].cited] == ["infosec-2030", "telemed-2010"]


def test_block_scalars_get_no_fix() -> None:
    text = _item(cites="\n      - |\n        CIS InfoSec Strategy 2030")
    found = [f for f in check_text(text).findings if f.code == "RM105"]
    assert found and all(f.fix is None for f in found)


def test_waived_findings_are_not_fixed() -> None:
    text = _item(party="Kazakstan") + "    waivers: [{check: RM304, reason: \"spelt so in the treaty\"}]\n"
    fixed, applied = fixing.apply(text, check_text(text).findings)
    assert (fixed, applied) == (text, [])


# -- the fix command ------------------------------------------------------------------------

DRAFT = """\
# Draft of 9 September 2021 -- comments and layout must survive the fix.
roadmap:
  id: draft
  title: "Draft"   # the title

items:
  - id: "1"
    title: "Harmonise the rules of cross-border consultations"
    responsible: Kazakstan
    deadline: Q2 2023
    cites:
      - "CIS InfoSec Strategy 2030, section IV"   # loose
      - framework: telemed-2010
        provision: "6"
      - "WHO eHealth Resolution 2013"
"""


def test_fix_in_place_keeps_everything_else(cli: Cli, write: Callable[..., Path]) -> None:
    path = write("draft.yaml", DRAFT)
    run = cli("fix", path.name, *RULES)
    assert run.code == 0
    after = path.read_text(encoding="utf-8")
    assert "responsible: \"Kazakhstan\"" in after or "responsible: Kazakhstan" in after
    assert "2023-Q2" in after
    assert "until 2030, section IV" in after
    for line in DRAFT.splitlines():
        if "#" in line:
            assert line.split("#")[1] in after
    assert len(after.splitlines()) == len(DRAFT.splitlines())
    check = cli("check", path.name, *RULES)
    assert check.code == 0, check.stdout
    assert "fixable" not in check.stdout


def test_fix_twice_changes_nothing_the_second_time(cli: Cli, write: Callable[..., Path]) -> None:
    path = write("draft.yaml", DRAFT)
    assert cli("fix", path.name, *RULES).code == 0
    once = path.read_bytes()
    assert cli("fix", path.name, *RULES).code == 0
    assert path.read_bytes() == once


def test_fix_diff_writes_nothing(cli: Cli, write: Callable[..., Path]) -> None:
    path = write("draft.yaml", DRAFT)
    run = cli("fix", "--diff", path.name, *RULES)
    assert run.code == 1
    assert path.read_text(encoding="utf-8") == DRAFT
    assert "-    responsible: Kazakstan" in run.stdout
    assert "+    deadline:" in run.stdout


def test_fix_of_a_clean_file_leaves_it_byte_for_byte(cli: Cli, write: Callable[..., Path]) -> None:
    data = ("\ufeff" + CLEAN_ROADMAP).replace("\n", "\r\n").encode("utf-8")
    path = write("clean.yaml", data)
    assert cli("fix", path.name, *RULES).code == 0
    assert path.read_bytes() == data


def test_fix_keeps_bom_and_crlf(cli: Cli, write: Callable[..., Path]) -> None:
    data = ("\ufeff" + DRAFT).replace("\n", "\r\n").encode("utf-8")
    path = write("draft.yaml", data)
    assert cli("fix", path.name, *RULES).code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\r\n") == data.count(b"\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert b"2023-Q2" in after


def test_fix_of_a_missing_file_exits_2(cli: Cli) -> None:
    run = cli("fix", "nowhere.yaml", *RULES)
    assert run.code == 2
    assert "nowhere.yaml" in run.stderr
