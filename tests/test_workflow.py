"""The team workflow through the real command: folders, standard input, parallel runs,
baselines, the config file, and the CI formats (SARIF against the official schema)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import CLEAN_ROADMAP, TEST_RULES, Run, shared_file

SARIF_SCHEMA = "data/sarif-schema-2.1.0.json"

Cli = Callable[..., Run]
Write = Callable[..., Path]
RULES = ("--rules", str(TEST_RULES))

# An error (RM102), a warning (RM304), a waived RM201 and a fixable info (RM105).
DRAFT = """\
roadmap: {id: d, title: D, date: 2021-09-09}
items:
  - id: "1"
    title: "Protect personal data"
    responsible: Republic of Belarrus
    deadline: 2023
    cites: [{framework: telemed-2010, provision: "6"}, who-ehealth-2013, "Paris Agreement",
            "CIS InfoSec Strategy 2030"]
  - id: "2"
    title: "Exchange personal data of patients"
    responsible: Belarus
    deadline: 2023
    cites: [{framework: telemed-2010}]
    waivers: [{check: RM201, reason: "agreed"}]
"""


def _json(run: Run) -> Any:
    return json.loads(run.stdout)


def _codes(run: Run) -> list[tuple[str, str, int]]:
    findings = _json(run)["findings"]
    assert isinstance(findings, list)
    return [(f["path"], f["code"], f["line"]) for f in findings]


def test_sarif_is_valid_sarif_with_waivers_as_suppressions(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--format", "sarif")
    assert run.code == 1
    sarif = json.loads(run.stdout)
    jsonschema.validate(sarif, json.loads(shared_file(SARIF_SCHEMA).read_text(encoding="utf-8")))
    assert sarif["version"] == "2.1.0"
    (only,) = sarif["runs"]
    results = only["results"]
    expected = _json(cli("check", "draft.yaml", *RULES, "--format", "json"))["findings"]
    assert isinstance(expected, list)
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == [(f["code"], f["line"]) for f in expected]
    waived = [r for r in results if r.get("suppressions")]
    assert [r["ruleId"] for r in waived] == ["RM201"]
    assert waived[0]["suppressions"][0]["justification"] == "agreed"
    rules = {rule["id"] for rule in only["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= rules
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.yaml"
               for r in results)


def test_github_annotations_for_live_findings_only(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--format", "github")
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert any(line.startswith("::error file=draft.yaml,line=") and "RM102" in line
               for line in lines)
    assert not any("RM201" in line and "line=10," in line for line in lines), "waived"
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_junit_fails_the_case_of_the_item_with_an_error_and_passes_the_waived_one(
        cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--format", "junit")
    root = ET.fromstring(run.stdout)
    cases = {case.get("name", "").split(":")[0]: case for case in root.iter("testcase")}
    # Item 1 cites "Paris Agreement" (line 7 of the draft), no framework of the rule set.
    failure = cases["item 1"].find("failure")
    assert failure is not None
    assert any(line.startswith("7:") and "RM102" in line
               for line in (failure.text or "").splitlines())
    # Item 2's only finding (RM201) is waived: the case passes.
    assert cases["item 2"].find("failure") is None


def test_several_outputs_at_once(cli: Cli, write: Write, tmp_path: Path) -> None:
    write("draft.yaml", DRAFT)
    run = cli("check", "draft.yaml", *RULES, "--output-format", "json=out.json",
              "--output-format", "sarif=out.sarif")
    assert run.code == 1
    assert "RM102" in run.stdout
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"]


def test_a_folder_is_walked_for_road_maps(cli: Cli, write: Write) -> None:
    write("maps/a.yaml", CLEAN_ROADMAP)
    write("maps/sub/b.yml", DRAFT)
    write("maps/notes.yaml", "just: notes\n")
    write("maps/readme.txt", "roadmap: no\n")
    run = cli("check", "maps", *RULES, "--format", "json")
    assert run.code == 1
    paths = {Path(str(f["path"])).as_posix() for f in _json(run)["files"]}
    assert paths == {"maps/a.yaml", "maps/sub/b.yml"}


def test_a_folder_without_road_maps_exits_2(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    run = cli("check", "empty", *RULES)
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1


def test_standard_input(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    from_file = _json(cli("check", "draft.yaml", *RULES, "--format", "json"))["findings"]
    run = cli("check", "-", *RULES, "--format", "json", "--stdin-filename", "draft.yaml",
              stdin=DRAFT)
    assert run.code == 1
    assert _json(run)["findings"] == from_file


def test_parallel_run_gives_the_same_report(cli: Cli, write: Write) -> None:
    for name in ("c.yaml", "a.yaml", "b.yaml"):
        write(name, DRAFT if name != "b.yaml" else CLEAN_ROADMAP)
    args = ("check", "c.yaml", "a.yaml", "b.yaml", *RULES, "--format", "json")
    serial, parallel = cli(*args), cli(*args, "--jobs", "2")
    assert (serial.code, parallel.code) == (1, 1)
    assert parallel.stdout == serial.stdout


def test_a_baseline_hides_known_findings_and_shows_new_ones(cli: Cli, write: Write) -> None:
    path = write("draft.yaml", DRAFT)
    first = cli("check", "draft.yaml", *RULES, "--write-baseline", "baseline.txt")
    assert first.code == 0  # the baseline is written: the run did what was asked
    again = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt", "--format", "json")
    assert again.code == 0
    assert [f for f in _json(again)["findings"] if not f["suppressed"]] == []
    path.write_text("# moved down\n" + DRAFT.replace("2023\n    cites: [{framework: telemed-2010}]",
                                                     "2023-13\n    cites: [{framework: telemed-2010}]"),
                    encoding="utf-8")
    worse = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt", "--format", "json")
    assert worse.code == 1
    live = [f["code"] for f in _json(worse)["findings"] if not f["suppressed"]]
    assert live == ["RM301"]


def test_a_malformed_baseline_exits_2(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    write("baseline.txt", "not a baseline line\n")
    run = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt")
    assert run.code == 2
    assert "baseline.txt:1" in run.stderr


def test_the_config_file_sets_rules_and_fail_on(cli: Cli, write: Write) -> None:
    write("draft.yaml", CLEAN_ROADMAP.replace("Republic of Belarus", "Republic of Belarrus"))
    write("roadmap-check.toml", f'rules = ["{TEST_RULES}"]\nfail-on = "warning"\n')
    run = cli("check", "draft.yaml")
    assert run.code == 1, run.stdout
    assert "RM304" in run.stdout
    assert cli("check", "draft.yaml", "--fail-on", "error").code == 0, "the option wins"


def test_a_config_in_pyproject(cli: Cli, write: Write) -> None:
    write("draft.yaml", CLEAN_ROADMAP.replace("Republic of Belarus", "Ministry of Magic"))
    write("pyproject.toml", f'[project]\nname = "x"\n\n[tool.roadmap-check]\n'
                            f'rules = ["{TEST_RULES}"]\nignore = ["RM304"]\n')
    run = cli("check", "draft.yaml", "--fail-on", "info")
    assert run.code == 0, run.stdout


@pytest.mark.parametrize(("toml", "words"), [
    ('fail_on = "warning"\n', ["roadmap-check.toml:1", "fail_on", "fail-on"]),
    ('select = ["RM999"]\n', ["roadmap-check.toml:1", "RM999"]),
    ('# comment\nmin-coverage = 2\n', ["roadmap-check.toml:2", "min-coverage"]),
    pytest.param('fail-on = "error"\n\nselect = ["RM999"]\n', ["roadmap-check.toml:3", "RM999"]),
    ('rules = [\n', ["roadmap-check.toml", "TOML"]),
], ids=["unknown-key", "unknown-code", "out-of-range", "after-a-blank-line",
        "invalid-toml"])
def test_an_invalid_config_exits_2_naming_file_line_and_key(cli: Cli, write: Write, toml: str,
                                                            words: list[str]) -> None:
    write("draft.yaml", CLEAN_ROADMAP)
    write("roadmap-check.toml", toml)
    run = cli("check", "draft.yaml", *RULES)
    assert run.code == 2
    assert run.stdout == ""
    assert all(word in run.stderr for word in words), run.stderr


def test_inline_suppression_is_reported_as_waived_and_does_not_fail(cli: Cli,
                                                                     write: Write) -> None:
    text = CLEAN_ROADMAP.replace("    deadline: 2023-Q2\n", "    start: 2024  "
                                 "# roadmap-check: ignore[RM303] started early by agreement\n"
                                 "    deadline: 2023-Q2\n")
    write("draft.yaml", text)
    run = cli("check", "draft.yaml", *RULES, "--format", "json")
    assert run.code == 0
    found = [f for f in _json(run)["findings"] if f["code"] == "RM303"]
    assert [f["suppressed"] for f in found] == [True]
    assert "started early by agreement" in found[0]["suppression"]
    assert "RM303" in cli("check", "draft.yaml", *RULES).stdout, "shown as waived"


@pytest.mark.parametrize("breaks", ["crlf", "cr", "line separator"])
def test_inline_suppression_on_its_line_whatever_breaks_the_lines(cli: Cli, write: Write,
                                                                  breaks: str) -> None:
    """YAML counts CR LF, a lone CR and U+2028 as line breaks: the comment waives the finding
    on its own line, not on a line counted another way."""
    text = CLEAN_ROADMAP.replace(
        '  title: "A clean road map"\n',
        '  title: "A clean road map"\n  version: "first\u2028second"\n' if breaks == "line separator"
        else '  title: "A clean road map"\n').replace(
        "    deadline: 2023-Q2\n",
        "    start: 2024  # roadmap-check: ignore[RM303] started early by agreement\n"
        "    deadline: 2023-Q2\n")
    if breaks != "line separator":
        text = text.replace("\n", "\r\n" if breaks == "crlf" else "\r")
    write("draft.yaml", text)
    run = cli("check", "draft.yaml", *RULES, "--format", "json")
    found = [f for f in _json(run)["findings"] if f["code"] in ("RM303", "RM405")]
    assert [(f["code"], f["suppressed"]) for f in found] == [("RM303", True)]
    assert run.code == 0


def test_a_selection_does_not_make_baseline_entries_stale(cli: Cli, write: Write) -> None:
    write("draft.yaml", DRAFT)
    assert cli("check", "draft.yaml", *RULES, "--write-baseline", "baseline.txt").code == 0
    run = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt", "--select", "RM1",
              "--format", "json")
    findings = _json(run)["findings"]
    assert "RM406" not in {f["code"] for f in findings}
    assert findings and all(f["suppressed"] for f in findings)  # in the baseline, as waived


def test_ignore_hides_stale_baseline_entries(cli: Cli, write: Write) -> None:
    path = write("draft.yaml", DRAFT)
    assert cli("check", "draft.yaml", *RULES, "--write-baseline", "baseline.txt").code == 0
    path.write_text(CLEAN_ROADMAP, encoding="utf-8")
    shown = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt", "--format", "json")
    assert {f["code"] for f in _json(shown)["findings"]} == {"RM406"}
    hidden = cli("check", "draft.yaml", *RULES, "--baseline", "baseline.txt", "--format", "json",
                 "--ignore", "RM406")
    assert _json(hidden)["findings"] == []
