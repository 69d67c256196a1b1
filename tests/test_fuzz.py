"""Fuzz: mutated road maps and rule sets through the real entry point, many per process.

Seeded from the shipped examples and the test rule set (``tests/fuzzing.py`` says how each
file was mutated). Whatever the input: the exit code is 0, 1 or 2, never a traceback or an
internal error, and ``--format json`` gives valid JSON; ``fix`` leaves a file that parses and
differs from the original only in the spans the check reported (a file it cannot fix safely is
named and left byte for byte as it was).

``ROADMAP_CHECK_FUZZ_SEED`` picks another seed (the default is fixed, so CI is repeatable).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from budget import Measured, measure, within
from fuzzing import mutate
from helpers import ROOT, TEST_RULES

from roadmap_check import fixing

pytestmark = pytest.mark.slow

SEED = int(os.environ.get("ROADMAP_CHECK_FUZZ_SEED", "20210909"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SAFE = ",".join(sorted(fixing.SAFE))  # the checks whose findings carry fixes
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _corpus(folder: Path, count: int, seed: int, sources: list[Path]) -> dict[str, list[str]]:
    """``count`` mutated files in ``folder``; file name -> what was done to it."""
    folder.mkdir()
    texts = [source.read_text(encoding="utf-8") for source in sources]
    made: dict[str, list[str]] = {}
    for n in range(count):
        which = (seed + n) % len(sources)
        data, done = mutate(texts[which], seed * 1000 + n)
        name = f"m{n:03d}.yaml"
        (folder / name).write_bytes(data)
        made[name] = [sources[which].name, *done]
    return made


def _sane(run: Measured, files: int, what: dict[str, list[str]]) -> None:
    """Exit 0/1/2, no traceback or internal error, within about 2 s a file and 300 MB."""
    within(run, seconds=2.0 * files + 1, mb=300)
    if run.code == 2:  # the run could not be done: say so in one line
        lines = [line for line in run.stderr.splitlines() if not line.startswith("warning")]
        assert len(lines) >= 1, (run.stderr, what)


def _json(run: Measured, what: dict[str, list[str]]) -> dict[str, Any]:
    assert run.code in (0, 1), (run.code, run.stderr[-2000:], what)
    report: dict[str, Any] = json.loads(run.stdout)
    assert report["summary"]["exit_code"] == run.code
    return report


def test_mutated_road_maps_are_checked(tmp_path: Path) -> None:
    made = _corpus(tmp_path / "maps", 120, SEED, EXAMPLES)
    names = sorted(made)
    run = measure("check", *(f"maps/{n}" for n in names), "--rules", "cis-telemedicine",
                  "--format", "json", cwd=tmp_path, seconds=60)
    _sane(run, len(names), made)
    report = _json(run, made)
    assert sorted(f["path"] for f in report["files"]) == [f"maps/{n}" for n in names]
    assert {f["path"] for f in report["findings"]} <= {f"maps/{n}" for n in names}
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding


def test_mutated_rule_sets_are_validated_and_used(tmp_path: Path) -> None:
    made = _corpus(tmp_path / "rules", 40, SEED + 1, [TEST_RULES])
    names = sorted(made)
    run = measure("rules", "validate", *(f"rules/{n}" for n in names), cwd=tmp_path,
                  seconds=30)
    _sane(run, len(names), made)
    draft = tmp_path / "draft.yaml"
    draft.write_text((ROOT / "examples" / "defect-showcase.yaml").read_text(encoding="utf-8"),
                     encoding="utf-8")
    for name in names[:8]:
        used = measure("check", "draft.yaml", "--rules", f"rules/{name}", "--format", "json",
                       cwd=tmp_path, seconds=5)
        _sane(used, 1, {name: made[name]})
        if used.code in (0, 1):
            _json(used, {name: made[name]})


def _offsets(text: str) -> list[int]:
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def _only_reported_spans_changed(before: str, after: str, fixes: list[dict[str, Any]]) -> bool:
    """``after`` is ``before`` with each reported span either kept or given its replacement."""
    starts = _offsets(before)
    spans = sorted({(starts[f["line"] - 1] + f["column"] - 1,
                     starts[f["end_line"] - 1] + f["end_column"] - 1, f["replacement"])
                    for f in fixes})

    # Walk the spans in order, each kept or replaced (a search over both, without recursion).
    todo, seen = [(0, 0, 0)], set()  # (span index, position in before, position in after)
    while todo:
        state = todo.pop()
        if state in seen:
            continue
        seen.add(state)
        index, cursor, at = state
        if index == len(spans):
            if after[at:] == before[cursor:]:
                return True
            continue
        start, end, replacement = spans[index]
        if start < cursor:  # overlaps a span taken: it can only have been skipped
            todo.append((index + 1, cursor, at))
            continue
        gap = before[cursor:start]
        if after.startswith(gap, at):
            at += len(gap)
            todo += [(index + 1, end, at + len(choice))
                     for choice in dict.fromkeys((before[start:end], replacement))
                     if after.startswith(choice, at)]
    return False


@pytest.mark.parametrize("loader", ["libyaml", "pure"])
def test_fix_changes_only_the_reported_spans(tmp_path: Path, loader: str) -> None:
    count = 60 if loader == "libyaml" else 25
    fixable = [p for p in EXAMPLES if not p.name.endswith("-en.yaml")]  # the English is clean
    made = _corpus(tmp_path / "maps", count, SEED + (2 if loader == "libyaml" else 3), fixable)
    names = sorted(made)
    env = {"ROADMAP_CHECK_PURE_YAML": "1" if loader == "pure" else ""}
    files = [f"maps/{n}" for n in names]
    before = {n: (tmp_path / "maps" / n).read_bytes() for n in names}
    reported = measure("check", *files, "--rules", "cis-telemedicine", "--format", "json",
                       "--select", SAFE, cwd=tmp_path, seconds=60, env=env)
    _sane(reported, len(names), made)
    fixes: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    # A tag fix cannot quote away (on a quoted value, a collection) stays an RM007 after it.
    kept: dict[str, int] = {n: 0 for n in names}
    for finding in _json(reported, made)["findings"]:
        if finding["fix"] and not finding["suppressed"]:
            fixes[finding["path"].removeprefix("maps/")].append(finding["fix"])
        elif finding["code"] == "RM007":
            kept[finding["path"].removeprefix("maps/")] += 1
    run = measure("fix", *files, "--rules", "cis-telemedicine", cwd=tmp_path, seconds=60,
                  env=env)
    _sane(run, len(names), made)
    # A file left as it was is one line "roadmap-check: maps/NAME...: why": one that is not
    # UTF-8, say; never one the fixes themselves would break (they are verified first).
    refused = {n for n in names if f"roadmap-check: maps/{n}" in run.stderr}
    assert "nothing written" not in run.stderr, (run.stderr, made)
    changed = []
    for name in names:
        data = (tmp_path / "maps" / name).read_bytes()
        if name in refused or data == before[name]:
            assert data == before[name], (name, made[name])
            continue
        changed.append(name)
        old, new = before[name].decode("utf-8"), data.decode("utf-8")
        bom = "\ufeff" if old.startswith("\ufeff") else ""
        assert new.startswith(bom)
        assert _only_reported_spans_changed(old[len(bom):], new[len(bom):], fixes[name]), \
            (name, made[name])
        yaml.compose(new[len(bom):], Loader=yaml.SafeLoader)  # raises if it does not parse
    assert changed, "the corpus gives fix something to do"
    print(f"fuzz fix ({loader}): {len(changed)} changed, {len(refused)} refused of {len(names)}")
    if changed:  # and what fix wrote reads without a reading error
        after = measure("check", *(f"maps/{n}" for n in changed), "--rules",
                        "cis-telemedicine", "--format", "json", "--select", "RM001,RM007",
                        cwd=tmp_path, seconds=60, env=env)
        left: dict[str, int] = {}
        for finding in _json(after, made)["findings"]:
            assert finding["code"] == "RM007", after.stdout[:2000]
            name = finding["path"].removeprefix("maps/")
            left[name] = left.get(name, 0) + 1
        assert all(count <= kept[name] for name, count in left.items()), (left, kept)
