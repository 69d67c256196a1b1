"""Waivers: what a waiver suppresses, and what it no longer does once invalid or expired.

A waived finding stays in the report, marked suppressed with the waiver's reason; it does not
fail the run.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import TESTS, check_text, engine, waived_of

from roadmap_check.findings import Finding
from roadmap_check.report import Report
from roadmap_check.severity import Severity

# Item 1 touches two subjects it does not cite (infosec-2030 and digital-2022); item 2 one;
# item 3 makes the road map cover what the rule set requires.
ROADMAP = """\
roadmap: {{id: t, title: T, date: 2021-09-09}}
items:
  - id: "1"
    title: "Protect personal data in the digital economy"
    responsible: Belarus
    deadline: 2023
    cites: [{{framework: telemed-2010, provision: "6"}}, who-ehealth-2013]
    waivers: [{waiver}]
  - id: "2"
    title: "Protect personal data of patients"
    responsible: Belarus
    deadline: 2023
    cites: [{{framework: telemed-2010}}]
  - {{id: "3", title: "Train staff", responsible: Belarus, deadline: 2023, cites: [infosec-2030]}}
"""


def _rm201(waiver: str, today: dt.date = dt.date(2021, 9, 9)) -> list[Finding]:
    report = check_text(ROADMAP.format(waiver=waiver), today=today)
    return [f for f in report.findings if f.code == "RM201"]


def _other_codes(waiver: str, today: dt.date = dt.date(2021, 9, 9)) -> set[str]:
    report = check_text(ROADMAP.format(waiver=waiver), today=today)
    return {f.code for f in report.findings if f.code in ("RM401", "RM402", "RM403", "RM102",
                                                          "RM003")}


def _state(findings: list[Finding]) -> list[tuple[str | None, str | None, bool]]:
    return sorted((f.item, f.framework, f.suppressed) for f in findings)


def test_without_a_waiver_every_finding_counts() -> None:
    assert _state(_rm201("")) == [("1", "digital-2022", False), ("1", "infosec-2030", False),
                                  ("2", "infosec-2030", False)]


def test_a_waiver_suppresses_its_items_findings_only() -> None:
    found = _rm201('{check: RM201, reason: "agreed in Minsk"}')
    assert _state(found) == [("1", "digital-2022", True), ("1", "infosec-2030", True),
                             ("2", "infosec-2030", False)]
    assert {waived_of(f) for f in found if f.suppressed} == {"agreed in Minsk"}
    assert _other_codes('{check: RM201, reason: "agreed in Minsk"}') == set()


@pytest.mark.parametrize("framework", ["infosec-2030", "CIS Information Security Strategy"])
def test_a_waiver_narrowed_to_a_framework(framework: str) -> None:
    waiver = f'{{check: RM201, framework: "{framework}", reason: "covered by item 2"}}'
    assert _state(_rm201(waiver)) == [("1", "digital-2022", False), ("1", "infosec-2030", True),
                                      ("2", "infosec-2030", False)]


def test_a_waiver_naming_an_unknown_framework_suppresses_nothing() -> None:
    waiver = '{check: RM201, framework: gdpr-2016, reason: "n/a"}'
    assert not any(f.suppressed for f in _rm201(waiver))
    assert _other_codes(waiver) == {"RM102"}


def test_a_waiver_without_reason_suppresses_nothing() -> None:
    assert not any(f.suppressed for f in _rm201("{check: RM201}"))
    assert _other_codes("{check: RM201}") == {"RM401"}


def test_an_expired_waiver_suppresses_nothing() -> None:
    waiver = '{check: RM201, reason: "temporary", until: 2022-06-30}'
    assert any(f.suppressed for f in _rm201(waiver, today=dt.date(2022, 6, 30)))
    assert _other_codes(waiver, today=dt.date(2022, 6, 30)) == set()
    later = dt.date(2022, 7, 1)
    assert not any(f.suppressed for f in _rm201(waiver, today=later))
    assert _other_codes(waiver, today=later) == {"RM402"}


def test_a_waived_finding_does_not_fail_the_run() -> None:
    text = ROADMAP.format(waiver="").replace("deadline: 2023\n    cites: [{framework: "
                                             "telemed-2010, provision",
                                             "deadline: 2023\n    start: 2024\n    cites: "
                                             "[{framework: telemed-2010, provision")
    report = check_text(text)
    assert "RM303" in {f.code for f in report.findings}
    assert Report([report], Severity.ERROR).exit_code == 1
    waived = text.replace("waivers: []", 'waivers: [{check: RM303, reason: "dates agreed"}]')
    report = check_text(waived)
    assert [f.suppressed for f in report.findings if f.code == "RM303"] == [True]
    assert Report([report], Severity.ERROR).exit_code == 0
    assert Report([report], Severity.INFO).exit_code == 1, "the RM201 warnings still count"


def test_a_waiver_or_comment_of_a_check_the_run_leaves_out_is_not_called_unused() -> None:
    """Without RM201's findings nobody can tell whether its waiver or comment is needed: a run
    that does not select RM201 reports neither as unused; a run that does, but finds nothing
    for them, does."""
    waived = ROADMAP.format(waiver='{check: RM201, reason: "agreed in Minsk"}').replace(
        'title: "Protect personal data of patients"',
        'title: "Protect personal data of patients"  # roadmap-check: ignore[RM201] agreed')
    unused = ("RM403", "RM405")
    left_out = engine(select=frozenset({"RM102", "RM403", "RM405"})).check_text(
        waived, "roadmap.yaml", TESTS)
    assert [f.code for f in left_out.findings if f.code in unused] == []
    everything = check_text(waived)
    assert [f.code for f in everything.findings if f.code in unused] == []
    assert {f.code for f in everything.findings if f.suppressed} == {"RM201"}
    idle = waived.replace("Protect personal data in the digital economy", "Train staff") \
        .replace("Protect personal data of patients", "Train staff")  # no RM201 to waive
    assert sorted(f.code for f in check_text(idle).findings if f.code in unused) == \
        ["RM403", "RM405"]
