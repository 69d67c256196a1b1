"""Helpers shared by the test modules: the engine factory, rule-set paths, the entry point."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from roadmap_check import rulesets
from roadmap_check.engine import Engine, Options
from roadmap_check.errors import RuleSetError
from roadmap_check.findings import Finding
from roadmap_check.i18n import say
from roadmap_check.report import FileReport

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# The project's shared specs and data, beside the repository: ../shared from its root.
SHARED = ROOT.parent / "shared"
TEST_RULES = TESTS / "rules" / "test-rules.yaml"
CASES = TESTS / "cases"
# A fixed "today": no test may depend on the day it runs.
TODAY = dt.date(2021, 9, 9)

_ENGINES: dict[tuple[tuple[str, ...], dt.date, frozenset[str] | None], Engine] = {}


def rules_spec(name: str) -> str:
    """A rule set of tests/rules/ by its stem (``test-rules``), else a built-in name or a path."""
    own = TESTS / "rules" / f"{name}.yaml"
    return str(own) if own.is_file() else name


def engine(rules: str | tuple[str, ...] = "test-rules", today: dt.date = TODAY,
           select: frozenset[str] | None = None) -> Engine:
    """One engine per choice of rule sets and date, so each rule set is compiled once."""
    specs = tuple(rules_spec(r) for r in ((rules,) if isinstance(rules, str) else rules))
    key = (specs, today, select)
    found = _ENGINES.get(key)
    if found is None:
        found = _ENGINES[key] = Engine(Options(rules=specs, today=today, select=select))
    return found


def check_text(text: str, rules: str | tuple[str, ...] = "test-rules", today: dt.date = TODAY,
               display: str = "roadmap.yaml") -> FileReport:
    return engine(rules, today).check_text(text, display, TESTS)


def message_of(finding: Finding | Any, lang: str = "en") -> str:
    """A finding's message, said in ``lang`` (the reporters say it late, the same way); a
    finding read back from JSON output has it said already."""
    if isinstance(finding.message, str):
        return finding.message
    return say(lang, finding.message)


def hint_of(finding: Finding | Any, lang: str = "en") -> str | None:
    if not isinstance(finding, Finding):
        suggestion: str | None = finding.suggestion
        return suggestion
    return say(lang, finding.hint) if finding.hint is not None else None


def waived_of(finding: Finding, lang: str = "en") -> str | None:
    return say(lang, finding.suppression.reason) if finding.suppression is not None else None


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def minimal_roadmap(items: str = "", header: str = "") -> str:
    """A valid road map with the given item text (already indented as list entries)."""
    return ("roadmap:\n  id: test\n  title: Test road map\n" + header
            + "items:\n" + (items or "  []\n"))


# A road map that passes the test rule set without any finding.
CLEAN_ROADMAP = """\
roadmap:
  id: clean
  title: "A clean road map"
  date: 2021-09-09
  period: 2022-2025
items:
  - id: "1"
    title: "Harmonise the rules of cross-border consultations"
    responsible: Republic of Belarus
    deadline: 2023-Q2
    cites:
      - "Strategy for Ensuring Information Security of the CIS Member States until 2030, section IV"
      - framework: telemed-2010
        provision: "6"
      - "WHO eHealth Resolution 2013"
"""


def shared_file(relative: str) -> Path:
    """A file of ../shared. Missing: the test is skipped on a developer's machine, and fails
    under CI=true, where the shared files must be there."""
    import pytest

    path = SHARED / relative
    if not path.is_file():
        message = f"the shared file ../shared/{relative} is not beside the repository"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def entry_point() -> list[str]:
    """The installed ``roadmap-check`` script (beside this interpreter, else on PATH)."""
    beside = Path(sys.executable).parent / "roadmap-check"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("roadmap-check")
    if found:
        return [found]
    return [sys.executable, "-m", "roadmap_check"]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str




def unavailable(reason: str) -> None:
    """A real client a test needs is missing: skipped on a developer's machine, a failure under
    CI=true (where the clients must be there: a skipped check of a real client proves
    nothing)."""
    import pytest

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def npm_package(folder: Path, package: str, timeout: float = 300) -> Path:
    """``package`` installed from the npm registry into ``folder``; its node_modules folder."""
    import subprocess

    if not shutil.which("node") or not shutil.which("npm"):
        unavailable("node and npm are not installed")
    try:
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                        str(folder), package], check=True, capture_output=True, timeout=timeout)
    except (subprocess.SubprocessError, OSError) as exc:
        unavailable(f"{package} could not be installed from npm: {exc}")
    return folder / "node_modules"


def as_an_editor_reads(text: str) -> object:
    """YAML as a YAML 1.2 editor plugin reads it: numbers and booleans, but dates as text."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)


def ruleset_problems(path: Path) -> list[str]:
    """The problems loading the rule set ``path`` fails with, said in English."""
    with pytest.raises(RuleSetError) as caught:
        rulesets.load([str(path)])
    return [p.said("en") for p in caught.value.problems]
