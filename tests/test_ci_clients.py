"""The CI formats as their clients read them: JUnit by the Jenkins junit-10 XSD (a real
validator), SARIF by the official schema and as GitHub code scanning ingests it (the
repository root, suppressions of the baseline, help pages), GitLab Code Quality by its
documented keys, GitHub workflow commands as the Actions toolkit escapes them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import Run, npm_package

from roadmap_check.report import Report
from roadmap_check.reporters import github, sarif
from roadmap_check.severity import Severity

Cli = Callable[..., Run]
MAIN = Path(__file__).resolve().parent.parent
SHOWCASE = MAIN / "examples" / "defect-showcase.yaml"


def _repo(tmp_path: Path) -> Path:
    """A git work tree with the showcase in a folder, the run started from that folder."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    shutil.copy(SHOWCASE, folder / "showcase.yaml")
    return folder


def _check(cli: Cli, cwd: Path, *args: str) -> Run:
    run = cli("check", "showcase.yaml", *args, cwd=cwd)
    assert run.code in (0, 1), run.stderr
    return run


def _findings(cli: Cli, cwd: Path, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(_check(cli, cwd, "--format", "json",
                                                    *args).stdout)["findings"]
    return found


# --------------------------------------------------------------------------------- JUnit


@pytest.fixture(scope="session")
def junit_xsd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Jenkins' junit-10.xsd, as pytest's source distribution ships it (fetched with pip)."""
    import pytest as installed

    folder = tmp_path_factory.mktemp("junit-xsd")
    try:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--no-binary", ":all:", f"pytest=={installed.__version__}", "-d",
                        str(folder)], check=True, capture_output=True, timeout=300)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"pytest's source distribution could not be fetched: {exc}")
    (archive,) = folder.glob("pytest-*.tar.gz")
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/junit-10.xsd"))
        data = tar.extractfile(member)
        assert data is not None
        xsd = folder / "junit-10.xsd"
        xsd.write_bytes(data.read())
    return xsd


def _validate(xsd: Path, document: str) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(xsd))
    errors = list(schema.iter_errors(document))
    assert not errors, "\n".join(str(e)[:300] for e in errors[:3])


def test_junit_validates_against_jenkins_xsd(cli: Cli, tmp_path: Path, junit_xsd: Path) -> None:
    folder = _repo(tmp_path)
    for fail_on in ("error", "warning", "info", "never"):
        _validate(junit_xsd, _check(cli, folder, "--format", "junit",
                                    "--fail-on", fail_on).stdout)
    root = ET.fromstring(_check(cli, folder, "--format", "junit").stdout)
    assert "skipped" not in root.attrib


def test_junit_xunit1_carries_file_and_line(cli: Cli, tmp_path: Path, junit_xsd: Path) -> None:
    """``junit-xunit1``: the cases carry ``file`` and ``line`` (as pytest's xunit1 family) for
    GitLab and the GitHub test reporters; everything else as junit-10.xsd wants it."""
    folder = _repo(tmp_path)
    text = _check(cli, folder, "--format", "junit-xunit1").stdout
    root = ET.fromstring(text)
    cases = list(root.iter("testcase"))
    assert cases and all(c.attrib["file"] == "roadmaps/showcase.yaml" for c in cases)
    source = SHOWCASE.read_text(encoding="utf-8").splitlines()
    item = next(c for c in cases if c.attrib["name"].startswith("item 3.1:"))
    assert source[int(item.attrib["line"]) - 1].strip() == '- id: "3.1"'
    for case in cases:
        del case.attrib["file"], case.attrib["line"]
    _validate(junit_xsd, ET.tostring(root, encoding="unicode"))
    strict = ET.fromstring(_check(cli, folder, "--format", "junit").stdout)
    assert [c.attrib for c in strict.iter("testcase")] == [c.attrib for c in cases]


def test_junit_classname_has_no_yaml_suffix(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    root = ET.fromstring(_check(cli, folder, "--format", "junit").stdout)
    assert {c.attrib["classname"] for c in root.iter("testcase")} == {"roadmaps/showcase"}
    (suite,) = root.iter("testsuite")
    assert suite.attrib["file"] == "roadmaps/showcase.yaml"


def test_junit_fails_only_at_the_fail_on_level(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    findings = _findings(cli, folder)

    def failing(*args: str) -> set[str]:
        root = ET.fromstring(_check(cli, folder, "--format", "junit", *args).stdout)
        failed = {f.attrib["type"] for case in root.iter("testcase")
                  for f in case.iter("failure")}
        for case in root.iter("testcase"):
            text = " ".join(f.text or "" for f in case.iter("failure"))
            failed |= {word for word in text.split() if word.startswith("RM")}
        assert int(root.attrib["failures"]) == sum(
            1 for case in root.iter("testcase") if case.find("failure") is not None)
        return failed

    live = [f for f in findings if not f["suppressed"]]
    errors = {f["code"] for f in live if f["severity"] == "error"}
    warnings = {f["code"] for f in live if f["severity"] == "warning"}
    assert failing() == errors                      # --fail-on error: the job is red on these
    assert failing("--fail-on", "warning") == errors | warnings
    assert failing("--fail-on", "never") == set()   # a green job never has red tests
    root = ET.fromstring(_check(cli, folder, "--format", "junit").stdout)
    out = " ".join(case.findtext("system-out") or "" for case in root.iter("testcase"))
    assert all(code in out for code in warnings)    # shown, as passed cases' output


# --------------------------------------------------------------------------------- SARIF


def _sarif(cli: Cli, cwd: Path, *args: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_check(cli, cwd, "--format", "sarif", *args).stdout)
    return document


def test_sarif_paths_are_relative_to_the_repository_root(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    run = _sarif(cli, folder)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                 for r in run["results"]}
    assert locations == {"roadmaps/showcase.yaml"}
    # outside any git work tree: relative to the working directory
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(SHOWCASE, plain / "showcase.yaml")
    (tmp_path / ".git").rmdir()
    run = _sarif(cli, plain)["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]} == {"showcase.yaml"}


def test_sarif_regions_end_where_the_value_ends(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    results = _sarif(cli, folder)["runs"][0]["results"]
    lines = SHOWCASE.read_text(encoding="utf-8").splitlines()
    (bad_date,) = [r for r in results if r["ruleId"] == "RM301"]
    region = bad_date["locations"][0]["physicalLocation"]["region"]
    text = lines[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1]
    assert region["endLine"] == region["startLine"] and text == '"31.09.2022"'
    assert all("endLine" in r["locations"][0]["physicalLocation"]["region"] for r in results)


def test_sarif_rules_carry_help_and_tags(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    driver = _sarif(cli, folder)["runs"][0]["tool"]["driver"]
    for rule in driver["rules"]:
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["help"]["markdown"].startswith(f"**{rule['id']} {rule['name']}**")
        assert "```yaml" in rule["help"]["markdown"]
        tags = rule["properties"]["tags"]
        assert tags and all(isinstance(t, str) and t for t in tags)
    # no repository URL in the package's metadata: no link that could be dead
    assert all("helpUri" not in rule for rule in driver["rules"])
    assert "informationUri" not in driver


def test_sarif_links_each_rule_to_its_page_when_the_project_names_its_url(
        monkeypatch: pytest.MonkeyPatch) -> None:
    urls = ["Repository, https://example.org/roadmap-check",
            "Check documentation, https://example.org/roadmap-check/blob/main/docs/checks/"]
    monkeypatch.setattr(sarif, "project_urls", lambda: dict(u.split(", ", 1) for u in urls))
    document = json.loads("".join(sarif.render(Report([], Severity.ERROR))))
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/roadmap-check"
    rm201 = next(r for r in driver["rules"] if r["id"] == "RM201")
    assert rm201["helpUri"] == "https://example.org/roadmap-check/blob/main/docs/checks/RM201.md"


def test_sarif_shows_baselined_findings_as_suppressed(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    assert cli("check", "showcase.yaml", "--write-baseline", "base.txt", cwd=folder).code == 0
    results = _sarif(cli, folder, "--baseline", "base.txt")["runs"][0]["results"]
    live = [r for r in _sarif(cli, folder)["runs"][0]["results"]]
    assert len(results) == len(live)  # nothing vanished
    external = [r for r in results if r.get("suppressions", [{}])[0].get("kind") == "external"]
    in_source = [r for r in results if r.get("suppressions", [{}])[0].get("kind") == "inSource"]
    assert len(external) == len(results) - len(in_source) > 10
    assert all("base.txt" in r["suppressions"][0]["justification"] for r in external)


# -------------------------------------------------------------------------------- GitLab


def test_gitlab_code_quality_keys(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    findings = [f for f in _findings(cli, folder) if not f["suppressed"]]
    issues = json.loads(_check(cli, folder, "--format", "gitlab").stdout)
    assert len(issues) == len(findings)
    severities = {"error": "critical", "warning": "major", "info": "info"}
    lines = SHOWCASE.read_text(encoding="utf-8").splitlines()
    for issue, finding in zip(issues, findings, strict=True):
        assert issue["type"] == "issue"
        assert issue["categories"] and set(issue["categories"]) <= {
            "Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication",
            "Performance", "Security", "Style"}
        assert issue["severity"] == severities[finding["severity"]]
        assert issue["location"]["path"] == "roadmaps/showcase.yaml"
        begin, end = issue["location"]["lines"]["begin"], issue["location"]["lines"]["end"]
        assert begin == finding["line"] and begin <= end <= len(lines)
        assert issue["check_name"] == finding["code"]
    again = json.loads(_check(cli, folder, "--format", "gitlab").stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


# -------------------------------------------------------------------------------- GitHub


def test_github_annotations_carry_the_end_and_the_hint(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    findings = [f for f in _findings(cli, folder) if not f["suppressed"]]
    lines = _check(cli, folder, "--format", "github").stdout.splitlines()
    assert len(lines) == len(findings)
    date = next(line for line in lines if "RM301" in line)
    assert ",endLine=61," in date and ",col=15,endColumn=27," in date
    assert "%0Ahint: use 2023-06-30, 2023-06, 2023" in date
    assert date.startswith("::error file=roadmaps/showcase.yaml,line=61,")


def test_run_errors_are_annotations_in_github_actions(cli: Cli, tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    (folder / "roadmap-check.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    run = cli("check", "showcase.yaml", cwd=folder, env={"GITHUB_ACTIONS": "true"})
    assert run.code == 2
    assert run.stdout.startswith("::error title=roadmap-check::")
    assert "fail-on" in run.stdout and "roadmap-check.toml:1" in run.stdout
    bad = cli("check", "showcase.yaml", "--rules", "nope.yaml", "--format", "github",
              cwd=folder)
    assert bad.code == 2 and bad.stdout.startswith("::error ")
    quiet = cli("check", "showcase.yaml", "--format", "json", cwd=folder,
                env={"GITHUB_ACTIONS": "true"})
    assert quiet.code == 2 and quiet.stdout == ""  # JSON stays JSON


@pytest.fixture(scope="session")
def actions_core(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """@actions/core from the npm registry."""
    folder = tmp_path_factory.mktemp("actions-core")
    npm_package(folder, "@actions/core@1")
    return folder


TRICKY = ["plain", "50% done", "two\nlines\r\nand more", "a:b,c", "::add-mask::x",
          "%0A already escaped", "trailing %"]


def test_github_escapes_as_the_actions_toolkit_does(actions_core: Path, tmp_path: Path) -> None:
    script = tmp_path / "emit.js"
    script.write_text(
        "const core = require('@actions/core');\n"
        "const cases = JSON.parse(process.argv[2]);\n"
        "for (const text of cases) core.error(text, {title: text, file: text, startLine: 3,"
        " endLine: 3, startColumn: 1, endColumn: 2});\n", encoding="utf-8")
    done = subprocess.run(["node", str(script), json.dumps(TRICKY)], capture_output=True,
                          text=True, check=True, timeout=60,
                          env={**os.environ, "NODE_PATH": str(actions_core / "node_modules")})
    theirs = done.stdout.splitlines()
    ours = [github.command("error", {"title": text, "file": text, "line": "3", "endLine": "3",
                                     "col": "1", "endColumn": "2"}, text) for text in TRICKY]
    assert len(theirs) == len(ours)
    for mine, toolkit in zip(ours, theirs, strict=True):
        props_mine, _, data_mine = mine[2:].partition("::")
        props_theirs, _, data_theirs = toolkit[2:].partition("::")
        assert data_mine == data_theirs
        assert sorted(props_mine.split(" ", 1)[1].split(",")) == \
            sorted(props_theirs.split(" ", 1)[1].split(","))


@pytest.fixture(scope="session")
def sarif_multitool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Microsoft's SARIF multitool from the npm registry (its Linux build)."""
    if sys.platform != "linux":
        pytest.skip("the multitool's npm package is built for Linux here")
    modules = npm_package(tmp_path_factory.mktemp("sarif-multitool"),
                          "@microsoft/sarif-multitool@5", timeout=600)
    tool = modules / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
    tool.chmod(0o755)  # npm may skip the package's own postinstall (chmod)
    return tool


@pytest.mark.slow
def test_sarif_passes_the_multitool_with_github_ingestion_rules(
        cli: Cli, tmp_path: Path, sarif_multitool: Path) -> None:
    """``validate --rule-kind Gh;Sarif``: no error, and no warning but the one for the absent
    informationUri (absent on purpose while the package names no URL)."""
    folder = _repo(tmp_path)
    assert cli("check", "showcase.yaml", "--write-baseline", "base.txt", cwd=folder).code == 0
    (folder / "out.sarif").write_text(_check(cli, folder, "--format", "sarif", "--baseline",
                                             "base.txt").stdout, encoding="utf-8")
    (folder / "plain.sarif").write_text(_check(cli, folder, "--format", "sarif").stdout,
                                        encoding="utf-8")
    for name in ("out.sarif", "plain.sarif"):
        log = tmp_path / f"validation-{name}"
        done = subprocess.run([str(sarif_multitool), "validate", "--rule-kind", "Gh;Sarif",
                               "--level", "Error;Warning;Note", "-o", str(log),
                               str(folder / name)], capture_output=True, text=True, timeout=300,
                              check=False, env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
        assert log.is_file(), done.stdout + done.stderr
        results = json.loads(log.read_text(encoding="utf-8"))["runs"][0]["results"]
        levels = [(r.get("level", "warning"), r["ruleId"]) for r in results]  # SARIF's default
        serious = sorted({(level, rule) for level, rule in levels if level != "note"})
        assert serious in ([], [("warning", "SARIF2005")]), (serious, done.stdout[-2000:])
