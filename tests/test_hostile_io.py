"""Hostile input and output: nothing written or read that the user did not ask for, no text of
a road map obeyed by a terminal or a CI log, clean one-line errors, exit codes that tell the
truth. Every run is the real entry point."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from budget import measure, within
from helpers import TEST_RULES, Run, entry_point

Cli = Callable[..., Run]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHOWCASE = EXAMPLES / "defect-showcase.yaml"
# A line a GitHub Actions runner would take for a workflow command (after leading blanks).
COMMAND_LINE = re.compile(r"^\s*(::|##\[)", re.MULTILINE)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def refused_rule_set(run: Run) -> None:
    """The road map's rule set was refused: that road map's finding (RM008), exit 1."""
    assert run.code == 1 and "RM008" in run.stdout and "--allow-rules-from" in run.stdout, \
        (run.code, run.stdout[-500:], run.stderr)


def one_line_error(run: Run) -> str:
    """The run stopped with exit 2 and said why on one line of standard error."""
    assert run.code == 2, (run.code, run.stdout[-500:], run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "internal error" not in run.stderr
    return lines[0]


def shown(fragment: str, text: str) -> bool:
    """The fragment is in the text as it is, or with its backslashes escaped (Markdown)."""
    return fragment in text or fragment.replace("\\", "\\\\") in text


def never_obeyed(text: str) -> None:
    """No raw control character, and no line a CI runner would read as a command."""
    assert RAW_CONTROL.search(text) is None, repr(RAW_CONTROL.search(text))
    assert COMMAND_LINE.search(text) is None, text[:2000]


# -- text of a road map reaches terminals and logs shown, never obeyed ---------------------------

# Written as an attacker would: an OSC window title, a screen clear, a hyperlink, colours, and
# newlines that would start GitHub workflow commands (add-mask hides a secret of the log).
HOSTILE = r"""roadmap:
  id: hostile
  title: "Draft\e]0;owned\a\n::error file=x::title injected"
  date: 2021-09-09
items:
  - id: "1\n::add-mask::secret\e[2J\x9b31m\u202e"
    title: "Agree\e[31m requirements"
    responsible: "Ministry\n::warning::party injected\e]8;;http://x\a"
    deadline: 2023
    cites: ["Unknown\n::error::citation injected\e[1m"]
    waivers:
      - check: RM304
        reason: "agreed\n::error::reason injected\e[5m"
  - id: "2"
    title: "Train staff"
    responsible: "Ministry of Magic\r\n##[error]legacy injected"
    deadline: 2023
    cites: ["Strategy for Ensuring Information Security of the CIS Member States until 2030"]
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["terminal", "github", "markdown"])
def test_road_map_text_is_shown_escaped_in_every_text_channel(cli: Cli, hostile: Path,
                                                              fmt: str) -> None:
    run = cli("check", hostile, "--format", fmt)
    assert run.code == 1, run.stderr
    if fmt == "github":  # its own lines are commands: only they are
        assert RAW_CONTROL.search(run.stdout) is None
        assert all(re.match(r"::(error|warning|notice) file=", line)
                   for line in run.stdout.splitlines())
    else:
        never_obeyed(run.stdout)
    never_obeyed(run.stderr)
    # shown, not dropped: the escapes are visible where the text was
    assert shown(r"\x1b", run.stdout)


def test_the_terminal_shows_item_ids_and_waiver_reasons_escaped(cli: Cli, hostile: Path) -> None:
    run = cli("check", hostile)
    assert r"1\n::add-mask::secret\x1b[2J" in run.stdout
    assert r"agreed\n::error::reason injected\x1b[5m" in run.stdout


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["terminal", "github", "markdown"])
def test_a_large_hostile_road_map_is_shown_escaped_within_budget(tmp_path: Path,
                                                                 fmt: str) -> None:
    item = HOSTILE[HOSTILE.index("  - id: \"1"):HOSTILE.index("  - id: \"2\"")]
    items = "".join(item.replace('id: "1', f'id: "{n}', 1) for n in range(1000))
    (tmp_path / "large.yaml").write_text(HOSTILE[:HOSTILE.index("items:")] + "items:\n" + items,
                                         encoding="utf-8")
    run = measure("check", "large.yaml", "--format", fmt, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 1
    assert RAW_CONTROL.search(run.stdout) is None
    if fmt != "github":
        never_obeyed(run.stdout)


def test_the_coverage_matrix_shows_road_map_text_escaped(cli: Cli, hostile: Path) -> None:
    name = "map\x9b31m\u202ev1.yaml"  # a one-byte CSI (red), a right-to-left override
    shutil.copy(hostile, hostile.parent / name)
    run = cli("coverage", name)
    assert run.code == 0, run.stderr
    never_obeyed(run.stdout)
    assert r"map\x9b31m\u202ev1.yaml" in run.stdout


def test_github_annotations_are_one_command_a_finding(cli: Cli, hostile: Path) -> None:
    run = cli("check", hostile, "--format", "github")
    lines = run.stdout.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=hostile\.yaml,line=\d+,", line)
                         for line in lines), run.stdout
    findings = json.loads(cli("check", hostile, "--format", "json").stdout)["findings"]
    assert len(lines) == sum(not f["suppressed"] for f in findings)


def test_a_file_name_with_a_newline_and_escapes_is_one_annotation(cli: Cli,
                                                                  tmp_path: Path) -> None:
    name = "a\n::error::named\x1b[31m,x:y.yaml"
    shutil.copy(SHOWCASE, tmp_path / name)
    run = cli("check", name, "--format", "github")
    assert run.code == 1
    assert RAW_CONTROL.search(run.stdout) is None
    lines = run.stdout.splitlines()
    findings = json.loads(cli("check", name, "--format", "json").stdout)["findings"]
    assert len(lines) == sum(not f["suppressed"] for f in findings)
    assert all(re.match(r"::(error|warning|notice) "
                        r"file=a%0A%3A%3Aerror%3A%3Anamed\\x1b\[31m%2Cx%3Ay\.yaml,line=", line)
               for line in lines), run.stdout


@pytest.mark.parametrize("name", ["::error::x.yaml", "##[error]x.yaml", "  ::warning::x.yaml"])
def test_a_file_name_never_starts_a_line_that_is_a_command(cli: Cli, tmp_path: Path,
                                                           name: str) -> None:
    shutil.copy(SHOWCASE, tmp_path / name)
    runs = [cli("check", name), cli("check", name, "--format", "markdown"),
            cli("coverage", name, "--min-coverage", "1"), cli("diff", name, name),
            cli("rules", "validate", name)]
    for run in runs:
        assert run.code in (0, 1, 2) and "internal error" not in run.stderr, run.stderr
        never_obeyed(run.stdout)
        never_obeyed(run.stderr)
        assert "x.yaml" in run.stdout + run.stderr


@pytest.mark.parametrize("name", ["# Owned.yaml", "1. Owned.yaml", "- Owned.yaml"])
def test_a_file_name_opens_no_markdown_block_in_the_comment(cli: Cli, tmp_path: Path,
                                                            name: str) -> None:
    shutil.copy(SHOWCASE, tmp_path / name)
    run = cli("check", "--format", "markdown", "--", name)
    assert run.code == 1, run.stderr
    assert not re.search(r"^(#|1\.|-) Owned", run.stdout, re.MULTILINE)
    assert re.search(r"^(\\#|1\\\.|\\-) Owned\.yaml", run.stdout, re.MULTILINE), run.stdout[:300]


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_the_diff_shows_road_map_text_escaped(cli: Cli, hostile: Path, tmp_path: Path,
                                              fmt: str) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(HOSTILE.split("  - id: \"2\"")[0].replace("Unknown", "Other"),
                   encoding="utf-8")
    run = cli("diff", old, hostile, "--format", fmt)
    assert run.code in (0, 1), run.stderr
    never_obeyed(run.stdout)
    assert shown(r"1\n::add-mask::secret", run.stdout), run.stdout


def test_the_diff_markdown_keeps_a_label_with_backticks_in_its_code_span(
        cli: Cli, tmp_path: Path) -> None:
    name = "v`1 @all <b>.yaml"
    shutil.copy(EXAMPLES / "telemedicine-roadmap-en.yaml", tmp_path / name)
    run = cli("diff", name, name, "--format", "markdown")
    heading = run.stdout.splitlines()[0]
    assert "``v`1 @all <b>.yaml``" in heading, heading
    assert "\\" not in heading


def test_the_diff_of_fix_shows_the_road_maps_bidi_controls_escaped(cli: Cli,
                                                                   tmp_path: Path) -> None:
    # YAML admits U+202E raw in a file: it would reorder the line it is printed on
    (tmp_path / "draft.yaml").write_text(
        "roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n"
        "  - {id: '1', title: X, responsible: Republic of Belarus, deadline: 2023,\n"
        "     cites: ['CIS InfoSec Strategy 2030']}  # ok \u202e2030 \u2066\n",
        encoding="utf-8")
    run = cli("fix", "draft.yaml", "--diff")
    assert run.code == 1, run.stderr
    never_obeyed(run.stdout)
    assert r"# ok \u202e2030 \u2066" in run.stdout


@pytest.mark.parametrize("name", ["x\n::error::pwned.yaml", "x\x1b]0;owned\x07.yaml",
                                  "::error::x.yaml"])
def test_an_error_naming_a_file_is_one_line_that_is_no_command(cli: Cli, name: str) -> None:
    line = one_line_error(cli("check", name))
    never_obeyed(line)
    assert line.startswith("roadmap-check: ")


def test_rule_set_problems_on_stderr_are_lines_that_are_no_commands(cli: Cli,
                                                                   tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        'ruleset: {name: bad}\n"k\\n::error::key injected\\e[2J": 1\n'
        '"##[warning]x": 2\n', encoding="utf-8")
    for run in (cli("rules", "validate", "bad.yaml"),
                cli("check", SHOWCASE, "--rules", "bad.yaml")):
        assert run.code == 2
        never_obeyed(run.stderr)
        assert len(run.stderr.strip().splitlines()) == 2, run.stderr


# -- a road map may name rule sets of its project only --------------------------------------------

SECRET_RULES = "ruleset:\n  name: secret\nsecret-token-7f3a: value\nframeworks: []\n"
VALID_RULES = "ruleset:\n  name: shared\n  extends: [test-rules.yaml]\n"
ROADMAP_NAMING = ("roadmap:\n  id: t\n  title: T\n  ruleset: {spec}\nitems:\n"
                  "  - {{id: '1', title: X, responsible: Belarus, deadline: 2023, "
                  "cites: [infosec-2030]}}\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path/project (the working directory of the runs) beside tmp_path/outside."""
    (tmp_path / "project").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.yaml").write_text(SECRET_RULES, encoding="utf-8")
    return tmp_path / "project"


def _roadmap(project: Path, spec: str, name: str = "draft.yaml") -> Path:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROADMAP_NAMING.format(spec=spec), encoding="utf-8")
    return path


@pytest.mark.parametrize("spec", ["../outside/secret.yaml", "{outside}/secret.yaml",
                                  "~/secret.yaml", "inner/../../outside/secret.yaml",
                                  "link.yaml"])
def test_a_road_map_cannot_name_a_rule_set_outside_its_project(cli: Cli, project: Path,
                                                               spec: str) -> None:
    outside = project.parent / "outside"
    (project / "inner").mkdir()
    (project / "link.yaml").symlink_to(outside / "secret.yaml")
    draft = _roadmap(project, spec.format(outside=outside))
    for command in ("check", "coverage"):  # that road map's finding (RM008); others go on
        run = cli(command, draft, "--format", "json", cwd=project, env={"HOME": str(outside)})
        assert run.code == 1 and "secret-token" not in run.stdout + run.stderr
        if command == "check":
            (found,) = json.loads(run.stdout)["findings"]
            assert (found["code"], found["line"]) == ("RM008", 4)
            assert "--allow-rules-from" in found["message"]
    run = cli("fix", draft, cwd=project, env={"HOME": str(outside)})
    line = one_line_error(run)  # nothing to fix against: the file is named, left as it was
    assert "secret-token" not in run.stdout + run.stderr
    assert line.startswith(f"roadmap-check: {draft}:4:") and "--allow-rules-from" in line


def test_a_file_of_the_project_that_is_not_a_rule_set_is_not_echoed(cli: Cli,
                                                                     project: Path) -> None:
    (project / "notes.yaml").write_text("password: hunter2\napi-key: SECRET-42\n- x\n",
                                        encoding="utf-8")
    for spec in ("notes.yaml", "/etc/passwd"):
        run = cli("check", _roadmap(project, spec), cwd=project)
        assert run.code == 1 and "RM008" in run.stdout  # refused as that road map's finding
        for secret in ("password", "api-key", "SECRET-42", "hunter2", ":0:0:"):
            assert secret not in run.stderr + run.stdout
    run = cli("check", SHOWCASE, "--rules", "notes.yaml", cwd=project)
    assert "not a rule set" in one_line_error(run) and "password" not in run.stderr


def test_a_rule_set_beside_the_road_map_or_under_the_config_is_allowed(cli: Cli,
                                                                      project: Path) -> None:
    (project / "rules").mkdir()
    (project / "rules" / "own.yaml").write_text(VALID_RULES, encoding="utf-8")
    shutil.copy(TEST_RULES, project / "rules")
    beside = cli("check", _roadmap(project, "rules/own.yaml"), cwd=project)
    assert beside.code == 1 and not beside.stderr, beside.stderr
    nested = _roadmap(project, "../rules/own.yaml", "roadmaps/draft.yaml")
    refused_rule_set(cli("check", nested, cwd=project))
    (project / "roadmap-check.toml").write_text("fail-on = 'never'\n", encoding="utf-8")
    allowed = cli("check", nested, cwd=project)
    assert allowed.code == 0, allowed.stderr


def test_more_folders_are_allowed_by_option_or_config(cli: Cli, project: Path) -> None:
    shared = project.parent / "outside"
    (shared / "shared.yaml").write_text(VALID_RULES, encoding="utf-8")
    shutil.copy(TEST_RULES, shared)
    draft = _roadmap(project, "../outside/shared.yaml")
    refused_rule_set(cli("check", draft, cwd=project))
    by_option = cli("check", draft, "--allow-rules-from", "../outside", "--fail-on", "never",
                    cwd=project)
    assert by_option.code == 0, by_option.stderr
    (project / "roadmap-check.toml").write_text('allow-rules-from = ["../outside"]\n',
                                                encoding="utf-8")
    by_config = cli("check", draft, "--fail-on", "never", cwd=project)
    assert by_config.code == 0, by_config.stderr
    assert cli("config", cwd=project).stdout.count('allow-rules-from = ["') == 1


def test_extends_stays_in_the_folders_allowed(cli: Cli, project: Path) -> None:
    outside = project.parent / "outside"
    (project / "child.yaml").write_text(
        f"ruleset:\n  name: child\n  extends: [{outside}/secret.yaml]\n", encoding="utf-8")
    for run in (cli("check", SHOWCASE, "--rules", "child.yaml", cwd=project),
                cli("rules", "validate", "child.yaml", cwd=project)):
        line = one_line_error(run)
        assert "secret-token" not in run.stderr and "child.yaml" in line


def test_every_command_reading_rule_sets_honours_the_folders_allowed(cli: Cli,
                                                                     project: Path) -> None:
    shutil.copy(TEST_RULES, project.parent / "outside")
    (project / "child.yaml").write_text(
        "ruleset:\n  name: child\n  extends: [../outside/test-rules.yaml]\n", encoding="utf-8")
    commands = (["rules", "validate", "child.yaml"], ["frameworks", "--rules", "child.yaml"],
                ["check", SHOWCASE, "--rules", "child.yaml", "--fail-on", "never"])
    for command in commands:
        one_line_error(cli(*command, cwd=project))
        allowed = cli(*command, "--allow-rules-from", "../outside", cwd=project)
        assert allowed.code == 0, allowed.stderr
    (project / "roadmap-check.toml").write_text('allow-rules-from = ["../outside"]\n',
                                                encoding="utf-8")
    for command in commands:
        assert cli(*command, cwd=project).code == 0


# -- nothing written over an input ------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["-o", "draft.yaml", "--format", "json"], ["-o", "./sub/../draft.yaml"],
    ["-o", "{tmp}/draft.yaml"], ["--output-format", "sarif=draft.yaml"],
    ["--write-baseline", "draft.yaml"], ["-o", "link.yaml"], ["-o", "roadmap-check.toml"],
    ["--rules", "rules.yaml", "--output-format", "json=rules.yaml"],
    ["--baseline", "base.txt", "-o", "base.txt"],
], ids=["same", "dotted", "absolute", "output-format", "write-baseline", "symlink", "config",
        "rule-set", "baseline"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(cli: Cli, tmp_path: Path,
                                                                  args: list[str]) -> None:
    draft = tmp_path / "draft.yaml"
    shutil.copy(SHOWCASE, draft)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.yaml").symlink_to(draft)
    config = tmp_path / "roadmap-check.toml"
    config.write_text("fail-on = 'error'\n", encoding="utf-8")
    shutil.copy(TEST_RULES, tmp_path / "rules.yaml")
    (tmp_path / "base.txt").write_text("# roadmap-check baseline 1\n", encoding="utf-8")
    inputs = [draft, config, tmp_path / "rules.yaml", tmp_path / "base.txt"]
    before = [path.read_bytes() for path in inputs]
    for target in (["draft.yaml"], ["."]):
        run = cli("check", *target, *[a.format(tmp=tmp_path) for a in args])
        assert "input" in one_line_error(run)
        assert [path.read_bytes() for path in inputs] == before


# -- clean errors instead of internal errors --------------------------------------------------------

UNDECODABLE = os.fsdecode(b"draft-\xff.yaml")


@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif", "github", "junit", "gitlab",
                                 "html", "markdown"])
def test_an_undecodable_file_name_is_shown_escaped_in_every_format(cli: Cli, tmp_path: Path,
                                                                   fmt: str) -> None:
    shutil.copy(SHOWCASE, tmp_path / UNDECODABLE)
    for output in ([], ["-o", "out.txt"]):
        run = cli("check", UNDECODABLE, "--format", fmt, *output)
        assert run.code == 1, run.stderr
        text = (tmp_path / "out.txt").read_text(encoding="utf-8") if output else run.stdout
        if fmt in ("json", "gitlab"):
            json.loads(text)
        assert "draft-" in text and "\ufffd" not in text


def test_json_and_sarif_keep_the_bytes_of_an_undecodable_file_name(cli: Cli,
                                                                   tmp_path: Path) -> None:
    shutil.copy(SHOWCASE, tmp_path / UNDECODABLE)
    report = json.loads(cli("check", UNDECODABLE, "--format", "json").stdout)
    assert os.fsencode(report["findings"][0]["path"]) == b"draft-\xff.yaml"
    sarif = json.loads(cli("check", UNDECODABLE, "--format", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft-%FF.yaml"
    terminal = cli("check", UNDECODABLE).stdout
    assert terminal.startswith("draft-\\xff.yaml\n")


def test_a_baseline_of_an_undecodable_file_name_is_written_and_read_back(cli: Cli,
                                                                         tmp_path: Path) -> None:
    shutil.copy(SHOWCASE, tmp_path / UNDECODABLE)
    wrote = cli("check", UNDECODABLE, "--write-baseline", "base.txt")
    assert wrote.code == 0, wrote.stderr  # written: done
    again = cli("check", UNDECODABLE, "--baseline", "base.txt")
    assert again.code == 0, again.stderr


@pytest.mark.parametrize("text", [
    "tool = 5\n", "[[tool.roadmap-check]]\nfail-on = 'error'\n", "[tool]\nroadmap-check = 5\n",
    "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
], ids=["tool-not-a-table", "array-of-tables", "section-not-a-table", "deeply-nested"])
def test_a_pyproject_of_another_shape_is_a_one_line_error(cli: Cli, tmp_path: Path,
                                                         text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    line = one_line_error(cli("check", SHOWCASE, "--config", "pyproject.toml"))
    assert "pyproject.toml" in line


@pytest.mark.slow
def test_deeply_nested_toml_stays_within_budget(tmp_path: Path) -> None:
    (tmp_path / "roadmap-check.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000,
                                                 encoding="utf-8")
    run = measure("check", SHOWCASE, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 2 and "roadmap-check.toml" in run.stderr


def test_a_binary_baseline_is_a_one_line_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "base.bin").write_bytes(bytes(range(256)) * 8)
    line = one_line_error(cli("check", SHOWCASE, "--baseline", "base.bin"))
    assert "base.bin" in line


def _raw_run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
             stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([*entry_point(), *map(str, args)], cwd=cwd, env=environment,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif"])
def test_a_full_disk_is_a_one_line_error(tmp_path: Path, fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = _raw_run("check", SHOWCASE, "--format", fmt, cwd=tmp_path, stdout=full)
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "internal error" not in stderr, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    to_file = _raw_run("check", SHOWCASE, "-o", "/dev/full", cwd=tmp_path)
    assert to_file.returncode == 2 and len(to_file.stderr.decode().strip().splitlines()) == 1


def test_a_working_folder_removed_under_the_run_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run(["sh", "-c", 'mkdir gone && cd gone && rmdir ../gone && exec "$@"',
                           "sh", *entry_point(), "check", str(SHOWCASE)],
                          cwd=tmp_path, capture_output=True, timeout=60, check=False)
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "internal error" not in stderr, stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_russian_output_to_a_narrow_stream_is_written_escaped(tmp_path: Path,
                                                             encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    for fmt in ("terminal", "markdown"):
        done = _raw_run("check", SHOWCASE, "--lang", "ru", "--format", fmt, cwd=tmp_path, env=env)
        assert done.returncode == 1, done.stderr.decode(encoding, "replace")
        assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr
        assert rb"\u043e" in done.stdout  # the letter o, escaped
    narrow = _raw_run("check", SHOWCASE, "--lang", "ru", "--format", "json", cwd=tmp_path,
                      env=env)
    wide = _raw_run("check", SHOWCASE, "--lang", "ru", "--format", "json", cwd=tmp_path)
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(wide.stdout.decode())
    error = _raw_run("check", "нет-такого.yaml", "--lang", "ru", cwd=tmp_path, env=env)
    assert error.returncode == 2 and b"internal error" not in error.stderr
    assert len(error.stderr.strip().splitlines()) == 1


# -- exit codes that tell the truth -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-0.5", "1.5"])
@pytest.mark.parametrize("command", ["check", "coverage"])
def test_a_minimum_coverage_that_is_no_share_is_refused(cli: Cli, value: str,
                                                        command: str) -> None:
    line = one_line_error(cli(command, SHOWCASE, "--min-coverage", value))
    assert "--min-coverage" in line


def test_the_config_refuses_the_same_minimum_coverage(cli: Cli, tmp_path: Path) -> None:
    for value in ("nan", "inf", "-0.5"):
        (tmp_path / "roadmap-check.toml").write_text(f"min-coverage = {value}\n",
                                                     encoding="utf-8")
        assert "min-coverage" in one_line_error(cli("check", SHOWCASE))


def test_an_empty_selection_is_refused_not_a_silent_pass(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "roadmap-check.toml").write_text("select = []\n", encoding="utf-8")
    line = one_line_error(cli("check", SHOWCASE))
    assert "roadmap-check.toml:1" in line and "select" in line
    (tmp_path / "roadmap-check.toml").unlink()
    assert "--select" in one_line_error(cli("check", SHOWCASE, "--select", ","))


# -- diff: a revision never reaches git as an option ------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("spec", ["--output={tmp}/written:draft.yaml", "-p:draft.yaml",
                                  "HEAD\n--output=x:draft.yaml"])
def test_diff_never_hands_a_revision_to_git_as_an_option(cli: Cli, tmp_path: Path,
                                                         spec: str) -> None:
    shutil.copy(EXAMPLES / "telemedicine-roadmap-en.yaml", tmp_path / "draft.yaml")
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "draft.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "draft"], cwd=tmp_path, check=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    run = cli("diff", "--", spec.format(tmp=tmp_path), "draft.yaml")
    never_obeyed(one_line_error(run))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    ok = cli("diff", "HEAD:draft.yaml", "draft.yaml")
    assert ok.code == 0, ok.stderr
