"""Options of the command line as a user meets them: --format concise, --min-severity,
--statistics, the format taken from -o's extension or from GitHub Actions, --min-coverage
written as a percentage, --write-baseline, config's TOML, init's language, frameworks in full.
Every run goes through the real entry point (the ``cli`` fixture)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import TEST_RULES, Run

from roadmap_check.reporters import FORMATS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

Cli = Callable[..., Run]
Write = Callable[..., Path]
RULES = ("--rules", str(TEST_RULES))
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHOWCASE = EXAMPLES / "defect-showcase.yaml"


def _showcase(tmp_path: Path) -> Path:
    copy = tmp_path / "showcase.yaml"
    copy.write_bytes(SHOWCASE.read_bytes())
    return copy


def _json(cli: Cli, *args: str) -> dict[str, Any]:
    run = cli("check", "showcase.yaml", "--format", "json", *args)
    assert run.code in (0, 1), run.stderr
    found: dict[str, Any] = json.loads(run.stdout)
    return found


# ------------------------------------------------------------------------ --format concise


def test_concise_is_one_line_per_live_finding(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    findings = _json(cli)["findings"]
    assert isinstance(findings, list)
    live = [f for f in findings if not f["suppressed"]]
    run = cli("check", "showcase.yaml", "--format", "concise")
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert lines == [f"showcase.yaml:{f['line']}:{f['column']}: {f['code']} {f['message']}"
                     for f in live]
    assert "concise" in FORMATS["check"]


# ------------------------------------------------------------- --min-severity, --statistics


def test_min_severity_hides_lower_levels_from_every_format(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    every = _json(cli)
    warned = _json(cli, "--min-severity", "warning")
    levels = {f["severity"] for f in every["findings"]}
    assert "info" in levels
    assert {f["severity"] for f in warned["findings"]} == {"error", "warning"}
    assert warned["summary"] == every["summary"]  # counted still, and the same exit code
    for fmt in ("terminal", "concise", "github", "gitlab", "sarif", "junit"):
        shown = cli("check", "showcase.yaml", "--format", fmt, "--min-severity", "error")
        listed = shown.stdout if fmt != "sarif" else " ".join(  # SARIF lists every rule
            r["ruleId"] for r in json.loads(shown.stdout)["runs"][0]["results"])
        assert "RM105" not in listed and "RM304" not in listed, fmt
        assert "RM301" in listed, fmt
        assert shown.code == 1


def test_min_severity_keeps_the_exit_code_of_fail_on(cli: Cli, tmp_path: Path) -> None:
    """A hidden warning still fails --fail-on warning (as yamllint's --no-warnings)."""
    _showcase(tmp_path)
    run = cli("check", "showcase.yaml", "--select", "RM304", "--fail-on", "warning",
              "--min-severity", "error", "--format", "concise")
    assert run.stdout == "" and run.code == 1
    assert cli("check", "showcase.yaml", "--min-severity", "loud").code == 2


def test_statistics_count_each_code(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    data = _json(cli, "--statistics")
    findings = [f for f in data["findings"] if not f["suppressed"]]
    expected: dict[str, list[Any]] = {}
    for f in findings:
        row = expected.setdefault(f["code"], [f["name"], 0, 0])
        row[1] += 1
        row[2] += f["fix"] is not None
    statistics = data["statistics"]
    assert isinstance(statistics, list)
    schema = json.loads((resources.files("roadmap_check.schemas") / "report.schema.json")
                        .read_text("utf-8"))
    jsonschema.validate(data, schema)  # the documented extension of the report
    assert {s["code"]: [s["name"], s["count"], s["fixable"]] for s in statistics} == expected
    assert [s["code"] for s in statistics] == sorted(expected)
    terminal = cli("check", "showcase.yaml", "--statistics").stdout
    for code, (name, count, fixable) in expected.items():
        assert re.search(rf"^\s*{count}\s+{code}\s+{name}\b.*{fixable}\b", terminal, re.M), code
    assert "RM201 missing-citation  the item" not in terminal  # counts instead of the listing


# ------------------------------------------------------------- the format, chosen for you


@pytest.mark.parametrize(("name", "fmt"), [("r.html", "html"), ("r.md", "markdown"),
                                           ("r.json", "json"), ("r.sarif", "sarif"),
                                           ("r.xml", "junit"), ("r.txt", "terminal")])
def test_output_extension_names_the_format(cli: Cli, tmp_path: Path, name: str,
                                           fmt: str) -> None:
    _showcase(tmp_path)
    assert cli("check", "showcase.yaml", "-o", name).code == 1
    assert cli("check", "showcase.yaml", "-o", f"same-{name}", "--format", fmt).code == 1
    assert (tmp_path / name).read_text(encoding="utf-8") == \
        (tmp_path / f"same-{name}").read_text(encoding="utf-8")
    assert "\x1b[" not in (tmp_path / name).read_text(encoding="utf-8")


def test_format_given_wins_over_the_extension(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    cli("check", "showcase.yaml", "-o", "r.json", "--format", "concise")
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("showcase.yaml:")


def test_github_actions_gets_annotations_without_asking(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    run = cli("check", "showcase.yaml", env={"GITHUB_ACTIONS": "true"})
    assert run.stdout.startswith("::") and run.code == 1
    assert cli("check", "showcase.yaml", "--format", "terminal",
               env={"GITHUB_ACTIONS": "true"}).stdout.startswith("showcase.yaml")
    assert cli("check", "showcase.yaml").stdout.startswith("showcase.yaml")


def test_check_help_lists_every_format(cli: Cli) -> None:
    text = " ".join(cli("check", "--help", env={"COLUMNS": "200"}).stdout.split())
    for fmt in FORMATS["check"]:
        assert re.search(rf"\b{fmt}\b", text), fmt


# ------------------------------------------------------------------------------ numbers


def test_min_coverage_as_a_percentage_says_to_write_a_share(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    run = cli("check", "showcase.yaml", "--min-coverage", "80")
    assert run.code == 2
    assert "0.8" in run.stderr and "80" in run.stderr
    russian = cli("check", "showcase.yaml", "--min-coverage", "80", "--lang", "ru")
    assert russian.code == 2 and "0.8" in russian.stderr and "доля" in russian.stderr


def test_coverage_of_a_broken_file_exits_1(cli: Cli, write: Write) -> None:
    write("broken.yaml", "roadmap: [unclosed\n")
    run = cli("coverage", "broken.yaml", *RULES)
    assert run.code == 1, run.stderr


def test_write_baseline_exits_0_once_written(cli: Cli, tmp_path: Path) -> None:
    _showcase(tmp_path)
    run = cli("check", "showcase.yaml", "--write-baseline", "base.txt")
    assert run.code == 0, run.stderr
    assert (tmp_path / "base.txt").read_text(encoding="utf-8").count("\n") > 10
    assert cli("check", "showcase.yaml", "--baseline", "base.txt").code == 0


# ------------------------------------------------------------------------------ config


CONFIG = """\
[tool.ruff]
exclude = ["build"]
select = ["E"]

[tool.roadmap-check]
fail-on = "warning"
exclude = ["drafts/archive/*"]
min-coverage = 0.8
max-per-code = 10

[tool.roadmap-check.severity]
RM309 = "info"

[tool.roadmap-check.per-file-ignores]
"legacy/*.yaml" = ["RM201"]
"""


def test_config_prints_toml_that_reads_back(cli: Cli, write: Write) -> None:
    write("pyproject.toml", CONFIG)
    run = cli("config")
    assert run.code == 0, run.stderr
    data = tomllib.loads(run.stdout)
    assert data["fail-on"] == "warning"
    assert data["exclude"] == ["drafts/archive/*"]
    assert data["min-coverage"] == 0.8
    assert data["max-per-code"] == 10
    assert data["severity"] == {"RM309": "info"}
    assert data["per-file-ignores"] == {"legacy/*.yaml": ["RM201"]}
    assert data["format"] == "terminal"
    assert "select" not in data  # not set: a comment, not a value TOML cannot hold
    lines = CONFIG.splitlines()

    def source(key: str) -> int:
        found = re.search(rf"^{re.escape(key)} = .*# .*pyproject\.toml:(\d+)$", run.stdout, re.M)
        assert found, key
        return int(found.group(1))

    assert lines[source("exclude") - 1] == 'exclude = ["drafts/archive/*"]'
    assert lines[source("fail-on") - 1] == 'fail-on = "warning"'
    assert lines[source("severity") - 1] == "[tool.roadmap-check.severity]"
    assert lines[source("per-file-ignores") - 1] == "[tool.roadmap-check.per-file-ignores]"


# -------------------------------------------------------------------------------- init


def test_init_follows_the_locale(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "ru.yaml", env={"LANG": "ru_RU.UTF-8"}).code == 0
    assert "language: ru" in (tmp_path / "ru.yaml").read_text(encoding="utf-8")
    assert cli("init", "en.yaml").code == 0
    assert "language: en" in (tmp_path / "en.yaml").read_text(encoding="utf-8")
    assert cli("init", "en2.yaml", "--lang", "en", env={"LANG": "ru_RU.UTF-8"}).code == 0
    assert "language: en" in (tmp_path / "en2.yaml").read_text(encoding="utf-8")


# -------------------------------------------------------------------------- frameworks


def test_frameworks_lists_provisions_and_aliases(cli: Cli) -> None:
    data = json.loads(cli("frameworks", "--format", "json").stdout)
    telemed = next(f for f in data["frameworks"] if f["id"] == "cis-telemed-agreement-2010")
    assert "CIS Telemedicine Agreement" in telemed["short"]["en"]
    assert telemed["aliases"]["en"]
    assert any(p["id"] == "6" for p in telemed["provisions"])
    plain = cli("frameworks").stdout
    assert "CIS Telemedicine Agreement" not in plain
    full = cli("frameworks", "--provisions", "--aliases", env={"COLUMNS": "1000"}).stdout
    assert "CIS Telemedicine Agreement" in full
    block = full[full.index("cis-telemed-agreement-2010"):]
    block = block[:block.index("cis-telemed-memorandum-2008")]
    for alias in telemed["aliases"]["en"]:
        assert alias in block
    assert re.search(r"\b6\b", block)
