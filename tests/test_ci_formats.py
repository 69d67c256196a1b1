"""The CI formats (SARIF, GitHub annotations, JUnit, GitLab Code Quality) on real reports of
the defect showcase: what a CI system reads from them, not their exact text."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from helpers import message_of, shared_file

from roadmap_check.engine import Engine, Options
from roadmap_check.fingerprints import fingerprint
from roadmap_check.registry import CHECKS
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import github, gitlab, junit, sarif
from roadmap_check.severity import Severity

MAIN = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = "data/sarif-schema-2.1.0.json"
SHOWCASE = MAIN / "examples" / "defect-showcase.yaml"
DISPLAY = "examples/defect-showcase.yaml"
ENGINE = Engine(Options(today=dt.date(2026, 11, 26)))


@pytest.fixture(autouse=True)
def _in_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in the reports are relative to the working directory: run from the project."""
    monkeypatch.chdir(MAIN)


def showcase() -> FileReport:
    return ENGINE.check_path(SHOWCASE, DISPLAY)


def text(render: Callable[[Report], Iterator[str]], *files: FileReport) -> str:
    return "".join(render(Report(list(files), Severity.ERROR)))


def sarif_results(document: dict[str, Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = document["runs"][0]["results"]
    return results


# --------------------------------------------------------------------------------- SARIF


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema = json.loads(shared_file(SARIF_SCHEMA).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    document = json.loads(text(sarif.render, showcase()))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.mark.parametrize("files", [0, 1, 2, 3])
def test_sarif_written_a_chunk_at_a_time_reads_as_one_indented_document(
        files: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The results are written in chunks, yet the file is what ``json.dumps(indent=2)`` makes
    of the whole document: the same bytes whatever the chunks and files (none, one, several,
    a file without findings among them)."""
    monkeypatch.setattr(sarif, "_CHUNK", 3)
    clean = ENGINE.check_text("roadmap: {id: c, title: C, date: 2021-09-09}\nitems: []\n",
                              "clean.yaml", MAIN)
    reports = [showcase(), clean, showcase()][:files]
    written = text(sarif.render, *reports)
    document = json.loads(written)
    assert written == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert len(sarif_results(document)) == sum(len(r.findings) for r in reports)


def test_sarif_has_a_rule_per_check_and_a_result_per_finding() -> None:
    file = showcase()
    document = json.loads(text(sarif.render, file))
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert document["version"] == "2.1.0"
    assert driver["name"] == "roadmap-check"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(CHECKS)
    rm201 = rules[[r["id"] for r in rules].index("RM201")]
    assert rm201["name"] == "missing-citation"
    assert rm201["defaultConfiguration"] == {"level": "warning"}
    assert "RM201 missing-citation" in rm201["help"]["text"]
    assert "\n" not in rm201["fullDescription"]["text"]
    results = sarif_results(document)
    assert len(results) == len(file.findings) > 20
    for result, finding in zip(results, file.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        assert result["message"]["text"] == message_of(finding)
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": DISPLAY, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["endLine"] >= finding.line
        assert result["partialFingerprints"] == {"roadmapCheck/v1": fingerprint(finding)}


def test_sarif_levels_follow_the_severities() -> None:
    file = showcase()
    levels = {r["ruleId"]: r["level"] for r in sarif_results(json.loads(text(sarif.render, file)))}
    assert levels["RM301"] == "error"       # a bad date
    assert levels["RM304"] == "warning"     # an unknown party
    assert levels["RM105"] == "note"        # info: a non-canonical citation
    assert {f.severity for f in file.findings} == {Severity.ERROR, Severity.WARNING, Severity.INFO}


def test_sarif_marks_the_waived_finding_as_suppressed_in_source() -> None:
    file = showcase()
    results = sarif_results(json.loads(text(sarif.render, file)))
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == sum(f.suppressed for f in file.findings) == 1
    (waived,) = suppressed
    assert waived["ruleId"] == "RM201"
    assert waived["properties"]["framework"] == "cis-infosoc-2025"
    (suppression,) = waived["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"].startswith("The portals are named only")


def test_sarif_carries_the_fix_and_the_suggestion() -> None:
    file = showcase()
    results = sarif_results(json.loads(text(sarif.render, file)))
    (bad_date,) = [r for r in results if r["ruleId"] == "RM311"]
    (fix,) = bad_date["fixes"]
    assert fix["description"]["text"] == "write '2022-12'"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == DISPLAY
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == '"2022-12"'
    region = replacement["deletedRegion"]
    line = SHOWCASE.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert region["endLine"] == region["startLine"]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == '"December 2022"'
    assert bad_date["properties"] == {"item": "2.2", "suggestion": "write '2022-12'"}
    assert "hint" not in bad_date["message"]["text"]
    unfixable = [r for r in results if r["ruleId"] == "RM101"]
    assert unfixable and "fixes" not in unfixable[0]


def test_sarif_uris_are_relative_and_percent_encoded(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "drafts" / "дорожная карта #1.yaml"
    draft.parent.mkdir()
    draft.write_bytes(SHOWCASE.read_bytes())
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_bytes(SHOWCASE.read_bytes())
    try:
        document = json.loads(text(sarif.render, ENGINE.check_path(draft, str(draft)),
                                   ENGINE.check_path(outside, str(outside))))
    finally:
        outside.unlink()
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]:
                 r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in sarif_results(document)}
    assert len(locations) == 2
    inside = next(loc for loc in locations.values() if "uriBaseId" in loc)
    assert inside["uriBaseId"] == "%SRCROOT%"
    assert re.fullmatch(r"[A-Za-z0-9%/._~-]+", inside["uri"]), inside["uri"]
    assert unquote(inside["uri"]) == "drafts/дорожная карта #1.yaml"
    absolute = next(loc for loc in locations.values() if "uriBaseId" not in loc)
    assert urlsplit(absolute["uri"]).scheme == "file"
    assert unquote(urlsplit(absolute["uri"]).path).endswith("-outside.yaml")


def _moved(source: str) -> str:
    """The showcase with the sections in another order and blank lines and comments added;
    items keep their order within a section, so each finding stays on the same item."""
    head, items = source.split("\nitems:\n", 1)
    blocks = re.split(r"\n(?=  - id:)", items.strip("\n"))
    sections: dict[str, list[str]] = {}
    for block in blocks:
        section = re.search(r'section: "(\d)', block)
        assert section, block
        sections.setdefault(section.group(1), []).append(block)
    reordered = [f"  # section {key} moved\n\n" + "\n\n\n".join(sections[key])
                 for key in ("3", "1", "2")]
    return ("# moved around\n\n" + head + "\n\n# the items\nitems:\n\n"
            + "\n\n  # ----\n\n".join(reordered) + "\n")


def test_fingerprints_survive_moving_items(tmp_path: Path) -> None:
    original = showcase()
    copy = tmp_path / "moved.yaml"
    copy.write_text(_moved(SHOWCASE.read_text(encoding="utf-8")), encoding="utf-8")
    moved = ENGINE.check_path(copy, "moved.yaml")
    assert sorted(f.code for f in moved.findings) == sorted(f.code for f in original.findings)
    lines = {(f.code, f.item): f.line for f in original.findings}
    assert sum(lines.get((f.code, f.item)) != f.line for f in moved.findings) > 20

    def prints(file: FileReport) -> Counter[str]:
        results = sarif_results(json.loads(text(sarif.render, file)))
        return Counter(r["partialFingerprints"]["roadmapCheck/v1"] for r in results)

    assert prints(moved) == prints(original)
    assert len(prints(original)) == len(original.findings)


# -------------------------------------------------------------------------------- GitHub

ANNOTATION = re.compile(r"::(error|warning|notice) file=([^,]*),line=(\d+),endLine=\d+,"
                        r"(?:col=(\d+),)?(?:endColumn=\d+,)?title=(RM\d{3} [a-z-]+)::(.*)")


def test_github_annotates_each_live_finding_on_its_own_line() -> None:
    file = showcase()
    output = text(github.render, file)
    lines = output.splitlines()
    live = [f for f in file.findings if not f.suppressed]
    assert output.endswith("\n") and len(lines) == len(live)
    for line, finding in zip(lines, live, strict=True):
        match = ANNOTATION.fullmatch(line)
        assert match, line
        command, path, row, column, title, _message = match.groups()
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[
            finding.severity.label]
        assert (path, int(row)) == (DISPLAY, finding.line)
        assert column is None or int(column) == finding.column
        assert title == f"{finding.code} {CHECKS[finding.code].name}"
    assert not any("The portals are named" in line for line in lines)  # the waived RM201
    assert "100%25 alike" in output  # RM309 says "100% alike"


def test_github_escapes_messages_and_properties(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "road,map:v2.yaml"
    draft.write_bytes(SHOWCASE.read_bytes())
    file = ENGINE.check_path(draft, draft.name)
    # No check writes a line break into a message today; a future one (or a quoted parser
    # error) may, so put one in.
    first = file.findings[0]
    file.findings[0] = first._replace(
        message=("rm001.yaml", (("problem", "two lines:\nsecond, with 50%\r"),)))
    lines = text(github.render, file).splitlines()
    assert len(lines) == sum(not f.suppressed for f in file.findings)
    assert "::invalid YAML: two lines:%0Asecond, with 50%25%0D%0Ahint: " in lines[0]
    assert all("file=road%2Cmap%3Av2.yaml,line=" in line for line in lines)


def test_github_writes_nothing_for_a_clean_report() -> None:
    file = showcase()
    file.findings = [f for f in file.findings if f.suppressed]
    assert text(github.render, file) == ""


# --------------------------------------------------------------------------------- JUnit


def _cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.attrib["name"]: case for case in root.iter("testcase")}


def test_junit_parses_with_a_case_per_item_requirement_and_document() -> None:
    file = showcase()
    root = ET.fromstring(text(junit.render, file).encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.attrib["name"] == DISPLAY
    cases = suite.findall("testcase")
    assert int(suite.attrib["tests"]) == len(cases) == len(file.items) + len(file.needs) + 1
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.attrib["failures"]) == len(failed) == int(root.attrib["failures"])
    assert {c.attrib["classname"] for c in cases} == {DISPLAY.removesuffix(".yaml")}
    names = [c.attrib["name"] for c in cases]
    assert "document" in names
    assert "item 3.1: Evaluate the teleconsultation system after two years of operation" in names
    assert {f"requires {n.id}" for n in file.needs} <= set(names)


def test_junit_fails_an_item_with_an_error_and_passes_a_clean_one() -> None:
    cases = _cases(ET.fromstring(text(junit.render, showcase())))
    broken = cases["item 3.4: Consult the member states on the next road map"]
    failure = broken.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.attrib["type"] == "RM101"
    assert "145:5 RM101 the item cites no framework" in failure.text.splitlines()
    cycle = cases["item 3.3: Prepare the next road map for telemedicine cooperation"].find("failure")
    assert cycle is not None and cycle.text is not None  # the cycle is told on its smallest id
    assert "3.3 -> 3.4 -> 3.3" in cycle.text  # escaped in the file, read back as written
    clean = cases["item 2.3: Put the automated teleconsultation system into permanent operation"]
    assert list(clean) == []
    uncovered = cases["requires cis-digital-interaction-agreement-2020"].find("failure")
    assert uncovered is not None and uncovered.attrib["type"] == "RM202"
    assert cases["requires cis-telemed-agreement-2010"].find("failure") is None


def test_junit_duplicate_ids_keep_their_findings_apart() -> None:
    cases = _cases(ET.fromstring(text(junit.render, showcase())))
    first = cases["item 1.2: Define the list of diseases for teleconsultations"].find("failure")
    second = cases["item 1.2: Define the medical documents and their content"].find("failure")
    assert first is not None and first.text is not None and "RM301" in first.text
    assert second is not None and second.text is not None and "RM005" in second.text
    assert "RM005" not in first.text and "RM301" not in second.text


def test_junit_waived_and_info_findings_do_not_fail_a_case() -> None:
    cases = _cases(ET.fromstring(text(junit.render, showcase())))
    waived = cases["item 1.1: Develop a business process for cross-border teleconsultations"]
    out = waived.findtext("system-out") or ""
    assert "RM201" in out and "waived: The portals are named only" in out
    assert waived.find("failure") is None  # its other finding, RM004, is below --fail-on
    assert "RM004" in out and "(warning)" in out
    info_only = cases["item 1.10: Agree common data-protection requirements"]
    assert "RM108" in (info_only.findtext("system-out") or "")


def test_junit_survives_characters_xml_cannot_hold() -> None:
    file = showcase()
    file.findings[0] = file.findings[0]._replace(
        message=("rm001.yaml", (("problem", 'bad \x00 byte & <tag> "quote"\n'),)))
    root = ET.fromstring(text(junit.render, file))
    messages = [f.attrib["message"] for f in root.iter("failure")]
    assert any("& <tag> \"quote\"" in m and "\\x00" in m for m in messages)


# -------------------------------------------------------------------------------- GitLab


def test_gitlab_code_quality_has_the_required_keys() -> None:
    file = showcase()
    issues = json.loads(text(gitlab.render, file))
    live = [f for f in file.findings if not f.suppressed]
    assert len(issues) == len(live)
    for issue, finding in zip(issues, live, strict=True):
        assert {"type", "description", "check_name", "categories", "fingerprint", "severity",
                "location"} <= set(issue) <= {"type", "description", "check_name", "categories",
                                              "fingerprint", "severity", "location", "content"}
        assert issue["check_name"] == finding.code
        assert issue["description"] == (f"{finding.code} {CHECKS[finding.code].name}: "
                                        f"{message_of(finding)}")
        assert issue["severity"] == {Severity.ERROR: "critical", Severity.WARNING: "major",
                                     Severity.INFO: "info"}[finding.severity]
        assert issue["location"]["path"] == DISPLAY
        assert issue["location"]["lines"]["begin"] == finding.line
        assert issue["fingerprint"] == fingerprint(finding)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_stay_unique_when_findings_repeat(tmp_path: Path) -> None:
    """Two findings with the same identity (the duplicate item 3.4 repeats every defect of
    the first) still get fingerprints of their own: GitLab would merge them otherwise."""
    source = SHOWCASE.read_text(encoding="utf-8")
    last = source[source.index('  - id: "3.4"'):]
    copy = tmp_path / "twice.yaml"
    copy.write_text(source.rstrip("\n") + "\n\n" + last, encoding="utf-8")
    file = ENGINE.check_path(copy, "twice.yaml")
    repeated = Counter(fingerprint(f) for f in file.findings if not f.suppressed)
    assert max(repeated.values()) > 1
    issues = json.loads(text(gitlab.render, file))
    pairs = [(i["fingerprint"], i["location"]["lines"]["begin"]) for i in issues]
    assert len(set(pairs)) == len(pairs)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    results = sarif_results(json.loads(text(sarif.render, file)))
    assert len({r["partialFingerprints"]["roadmapCheck/v1"] for r in results}) == len(results)
