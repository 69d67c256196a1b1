"""The reporters, in-process: JSON that is valid against the shipped schema whatever the input,
and a terminal report that shows every finding, with or without colour."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import jsonschema
import pytest
from helpers import CLEAN_ROADMAP, check_text, message_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import ROADMAP_SHAPED, YAMLISH

from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import REPORTERS
from roadmap_check.severity import Severity

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SCHEMA: dict[str, Any] = json.loads(
    (resources.files("roadmap_check.schemas") / "report.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

SAMPLE = CLEAN_ROADMAP.replace("Republic of Belarus", "Kazakstan").replace(
    "Harmonise the rules", "Grow the digital economy through the rules").replace(
    "deadline: 2023-Q2", "deadline: Q2 2023\n    waivers: [{check: RM201, reason: \"later\"}]")


def _render(fmt: str, reports: list[FileReport], color: bool = False,
            fail_on: Severity | None = Severity.ERROR) -> str:
    return "".join(REPORTERS[fmt](Report(reports, fail_on), color))


def _json(reports: list[FileReport]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_render("json", reports))
    errors = sorted(VALIDATOR.iter_errors(document), key=str)
    assert not errors, errors[0]
    return document


@settings(parent=FUZZ)
@given(st.lists(ROADMAP_SHAPED | YAMLISH | st.text(max_size=200), min_size=1, max_size=3))
def test_json_is_valid_and_complete_for_any_input(texts: list[str]) -> None:
    reports = [check_text(text, display=f"draft-{i}.yaml") for i, text in enumerate(texts)]
    document = _json(reports)
    findings = [f for report in reports for f in report.findings]
    assert len(document["findings"]) == len(findings)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in document["findings"]]
    assert keys == sorted(keys)
    summary = document["summary"]
    assert summary["files"] == len(texts)
    assert summary["errors"] == sum(1 for f in findings
                                    if f.severity == Severity.ERROR and not f.suppressed)
    assert summary["exit_code"] == (1 if summary["errors"] else 0)


@settings(parent=FUZZ)
@given(ROADMAP_SHAPED | YAMLISH)
def test_terminal_shows_every_message_with_or_without_colour(text: str) -> None:
    report = check_text(text)
    plain = _render("terminal", [report])
    coloured = _render("terminal", [report], color=True)
    assert not ANSI.search(plain)
    assert ANSI.sub("", coloured) == plain
    for finding in report.findings:
        assert message_of(finding) in plain


@pytest.mark.parametrize("hostile", ["[bold]x[/bold]", "[/]", "\\[x]", "[link=x]y[/link]",
                                     "trailing \\"])
def test_markup_in_a_road_map_is_printed_literally(hostile: str) -> None:
    text = CLEAN_ROADMAP.replace('"WHO eHealth Resolution 2013"', json.dumps(hostile))
    report = check_text(text)
    coloured = ANSI.sub("", _render("terminal", [report], color=True))
    assert repr(hostile) in coloured
    assert coloured == _render("terminal", [report])


def test_json_finding_fields() -> None:
    document = _json([check_text(SAMPLE, display="sample.yaml")])
    by_code = {f["code"]: f for f in document["findings"]}
    party = by_code["RM304"]
    assert party["path"] == "sample.yaml" and party["item"] == "1"
    assert party["severity"] == "warning" and party["name"] == "unknown-party"
    assert party["fix"]["replacement"].strip('"') == "Kazakhstan"
    assert (party["fix"]["line"], party["fix"]["column"]) == (party["line"], party["column"])
    waived = by_code["RM201"]
    assert waived["suppressed"] is True and waived["suppression"] == "later"
    assert waived["framework"] == "digital-2022"
    assert document["summary"]["suppressed"] == 1
    assert document["summary"]["fixable"] == 2
    assert by_code["RM311"]["fix"]["replacement"].strip('"') == "2023-Q2"
    assert by_code["RM311"]["severity"] == "info"


def test_json_coverage_per_file() -> None:
    document = _json([check_text(CLEAN_ROADMAP, display="clean.yaml")])
    assert document["findings"] == []
    (file,) = document["files"]
    assert file["path"] == "clean.yaml" and file["ruleset"] == "test-rules"
    assert file["coverage"]["covered"] == file["coverage"]["required"] == 4
    assert document["summary"]["exit_code"] == 0


def test_never_fail_exits_0_in_the_summary() -> None:
    report = check_text("roadmap: {id: t\n")
    document = json.loads(_render("json", [report], fail_on=None))
    assert document["summary"]["errors"] == 1
    assert document["summary"]["exit_code"] == 0


def test_terminal_summary_counts() -> None:
    plain = _render("terminal", [check_text(SAMPLE, display="sample.yaml")])
    assert plain.startswith("sample.yaml\n item 1\n")
    assert "0 errors, 1 warning, 1 info, 1 waived in 1 file" in plain
    assert "waived: later" in plain
    assert plain.endswith("coverage of required frameworks: 4 of 4 (100%)\n")


def test_terminal_report_of_two_clean_files_is_only_the_summary() -> None:
    reports = [check_text(CLEAN_ROADMAP, display=name) for name in ("b.yaml", "a.yaml")]
    assert _render("terminal", reports) == (
        "0 errors, 0 warnings, 0 info in 2 files\n"
        "coverage of required frameworks: 8 of 8 (100%)\n")
