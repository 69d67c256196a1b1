"""The per-check case files: tests/cases/RMxxx.yaml, each a list of pass and fail examples.

Each case is a road map (YAML text) run through the engine with a rule set (by default this
suite's own tests/rules/test-rules.yaml, so editing the built-in data breaks no case; ``rules``
names another file of tests/rules/ or a built-in rule set) and a fixed date (``today``). A
``fail`` case must produce the file's code (on ``line`` / ``column`` when given, with
``message_contains`` / ``suggestion_contains`` in that finding, about ``framework`` / ``item``,
with or without a fix (``fixable``) when given); a ``pass`` case must not produce it at all,
and must be read in full. A case with ``baseline_from`` runs through the real command: a
baseline is written from that road map, then the case's road map is checked against it. A case
that shows a known bug of the package carries ``xfail: "BUG: ..."``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from helpers import CASES, TODAY, check_text, entry_point, hint_of, message_of, rules_spec

from roadmap_check.registry import CHECKS

CASE_KEYS = {"name", "expect", "rules", "today", "line", "column", "message_contains",
             "suggestion_contains", "framework", "item", "fixable", "roadmap", "xfail",
             "baseline_from"}
# Codes after which the road map (or part of it) is not read: a pass case must have none.
UNREAD = {"RM001", "RM002", "RM003", "RM007"}
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _load(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list), f"{path.name}: a case file is a YAML list of cases"
    return cases


def _all_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("RM*.yaml")):
        code = path.stem
        for case in _load(path):
            # A case that shows a known bug of the package carries ``xfail: "BUG: ..."``.
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case \
                else []
            params.append(pytest.param(code, case, id=f"{code}-{case.get('name')}", marks=marks))
    return params


def _today(case: dict[str, Any]) -> dt.date:
    value = case.get("today", TODAY)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _through_a_baseline(case: dict[str, Any], tmp_path: Path) -> list[Any]:
    """Write a baseline from ``baseline_from`` with the real command, then check against it."""
    rules = rules_spec(case.get("rules", "test-rules"))
    draft = tmp_path / "draft.yaml"

    def run(*args: str) -> Any:
        done = subprocess.run([*entry_point(), "check", "draft.yaml", "--rules", rules,
                               "--format", "json", "--fail-on", "never", *args],
                              capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
                              timeout=60, check=False)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        return json.loads(done.stdout)

    draft.write_text(case["baseline_from"], encoding="utf-8")
    run("--write-baseline", "baseline.txt")
    draft.write_text(case["roadmap"], encoding="utf-8")
    return [SimpleNamespace(**f) for f in run("--baseline", "baseline.txt")["findings"]]


@pytest.mark.parametrize(("code", "case"), _all_cases())
def test_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    if "baseline_from" in case:
        findings = _through_a_baseline(case, tmp_path)
    else:
        findings = check_text(case["roadmap"], rules=case.get("rules", "test-rules"),
                              today=_today(case)).findings
    # Whatever the case is about, every finding points at a real place in the file.
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1, finding
    mine = [f for f in findings if f.code == code]
    if case["expect"] == "pass":
        assert not mine, f"{code} should not fire, but: {[message_of(f) for f in mine]}"
        # A pass case proves something only if the road map was read in full.
        unread = [(f.code, message_of(f)) for f in findings if f.code in UNREAD]
        assert not unread, f"the pass case was not read in full: {unread}"
        return
    assert mine, f"{code} should fire; found only {[(f.code, message_of(f)) for f in findings]}"
    wanted: dict[str, Callable[[Any, Any], bool]] = {
        "line": lambda f, v: f.line == v,
        "column": lambda f, v: f.column == v,
        "message_contains": lambda f, v: v in message_of(f),
        "suggestion_contains": lambda f, v: hint_of(f) is not None and v in (hint_of(f) or ''),
        "framework": lambda f, v: f.framework == v,
        "item": lambda f, v: f.item == v,
        "fixable": lambda f, v: (f.fix is not None) == v,
    }
    conditions = [(name, case[name], test) for name, test in wanted.items() if name in case]
    matching = [f for f in mine if all(test(f, value) for _, value, test in conditions)]
    assert matching, (f"no {code} finding with "
                      f"{ {name: value for name, value, _ in conditions} }; got "
                      f"{[(f.line, f.column, f.item, f.framework, message_of(f), hint_of(f)) for f in mine]}")


def test_every_check_has_a_case_file_with_pass_and_fail() -> None:
    missing = []
    for code in CHECKS:
        path = CASES / f"{code}.yaml"
        if not path.exists():
            missing.append(f"{code}: no case file")
            continue
        expects = {case.get("expect") for case in _load(path)}
        if not {"pass", "fail"} <= expects:
            missing.append(f"{code}: needs a pass and a fail case, has {sorted(map(str, expects))}")
    assert not missing, "\n".join(missing)


def test_case_files_are_well_formed() -> None:
    problems = []
    for path in sorted(CASES.glob("*.yaml")):
        if path.stem not in CHECKS:
            problems.append(f"{path.name}: no check has this code")
            continue
        names = set()
        for case in _load(path):
            where = f"{path.name}: {case.get('name')!r}"
            if not isinstance(case, dict):
                problems.append(f"{path.name}: a case is a mapping")
                continue
            if set(case) - CASE_KEYS:
                problems.append(f"{where}: unknown keys {sorted(set(case) - CASE_KEYS)}")
            if not NAME.match(str(case.get("name", ""))) or case.get("name") in names:
                problems.append(f"{where}: needs a unique lower-case name")
            names.add(case.get("name"))
            if case.get("expect") not in ("pass", "fail"):
                problems.append(f"{where}: expect is pass or fail")
            if not isinstance(case.get("roadmap"), str):
                problems.append(f"{where}: roadmap is the road-map text (use a | block)")
            if case.get("expect") == "pass" and set(case) & (CASE_KEYS - {
                    "name", "expect", "rules", "today", "roadmap", "xfail", "baseline_from"}):
                problems.append(f"{where}: a pass case names no finding details")
            if "xfail" in case and not str(case["xfail"]).startswith("BUG: "):
                problems.append(f"{where}: xfail gives the bug as 'BUG: ...'")
    assert not problems, "\n".join(problems)
