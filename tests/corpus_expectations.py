"""The corpus of realistic drafts (tests/corpus/): reading expectations, checking that they are
well formed, and matching a run's findings against them.

An expectations file says what a careful reviewer must see reported on a draft (defects) and
what must not be reported (traps); tests/corpus/README.md describes the format and
expect.schema.json is its schema. Nothing here knows how the checker works: findings are the
JSON objects of `roadmap-check check --format json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker

CORPUS = Path(__file__).resolve().parent / "corpus"
SCHEMA = CORPUS / "expect.schema.json"
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_ABSENT = object()


@dataclass(frozen=True)
class Where:
    """Where a finding must be: an item (None: document level; a tuple: any of them), a line
    text, or both. ``item`` is _ABSENT when the expectation does not name one."""

    item: object
    line_has: str | None

    def holds(self, finding: Mapping[str, Any], lines: Sequence[str]) -> bool:
        if self.item is not _ABSENT:
            found = finding.get("item")
            found_id = None if found is None else str(found)
            if isinstance(self.item, tuple):
                if found_id not in self.item:
                    return False
            elif found_id != self.item:
                return False
        if self.line_has is not None:
            line = finding.get("line")
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                return False
            if self.line_has not in lines[line - 1]:
                return False
        return True

    def describe(self) -> str:
        parts = []
        if self.item is not _ABSENT:
            parts.append("document" if self.item is None else
                         "item " + ("|".join(self.item) if isinstance(self.item, tuple)
                                    else str(self.item)))
        if self.line_has is not None:
            parts.append(f"line with {self.line_has!r}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Defect:
    where: Where
    codes: tuple[str, ...]
    framework: str | None
    severity: str | None
    suppressed: bool
    why: str

    def matches(self, finding: Mapping[str, Any], lines: Sequence[str]) -> bool:
        return (finding.get("code") in self.codes
                and (self.framework is None or finding.get("framework") == self.framework)
                and (self.severity is None or finding.get("severity") == self.severity)
                and bool(finding.get("suppressed")) == self.suppressed
                and self.where.holds(finding, lines))

    def describe(self) -> str:
        extra = f" [{self.framework}]" if self.framework else ""
        return f"{'/'.join(self.codes)}{extra} at {self.where.describe()}"


@dataclass(frozen=True)
class Trap:
    where: Where
    codes: tuple[str, ...] | None  # None: any code
    floor: str  # the least severity that springs the trap
    framework: str | None
    why: str

    def sprung_by(self, finding: Mapping[str, Any], lines: Sequence[str]) -> bool:
        severity = str(finding.get("severity"))
        return (not finding.get("suppressed")
                and (self.codes is None or finding.get("code") in self.codes)
                and SEVERITY_RANK.get(severity, -1) >= SEVERITY_RANK[self.floor]
                and (self.framework is None or finding.get("framework") == self.framework)
                and self.where.holds(finding, lines))

    def describe(self) -> str:
        what = "any code" if self.codes is None else "/".join(self.codes)
        return f"not {what} (>= {self.floor}) at {self.where.describe()}"


@dataclass(frozen=True)
class Expectations:
    path: Path
    draft: Path
    language: str
    ruleset: str | None
    as_of: str | None
    careful: bool
    broken: bool
    defects: tuple[Defect, ...]
    traps: tuple[Trap, ...]
    raw: Mapping[str, Any]


def expectation_files() -> list[Path]:
    return sorted(CORPUS.glob("*.expect.yaml"))


def _where(entry: Mapping[str, Any]) -> Where:
    item: object = _ABSENT
    if "item" in entry:
        value = entry["item"]
        item = tuple(str(v) for v in value) if isinstance(value, list) else value
    return Where(item, entry.get("line_has"))


def _trap(entry: Mapping[str, Any]) -> Trap:
    not_ = entry["not"]
    floor = str(entry.get("severity", "info"))
    codes: tuple[str, ...] | None
    if not_ == "any":
        codes = None
    elif not_ == "any-error":
        codes, floor = None, "error"
    elif not_ == "any-warning":
        codes = None
        floor = floor if SEVERITY_RANK[floor] > SEVERITY_RANK["warning"] else "warning"
    else:
        codes = tuple(not_)
    return Trap(_where(entry), codes, floor, entry.get("framework"), str(entry["why"]))


def _defect(entry: Mapping[str, Any]) -> Defect:
    code = entry["code"]
    codes = tuple(code) if isinstance(code, list) else (code,)
    return Defect(_where(entry), codes, entry.get("framework"), entry.get("severity"),
                  bool(entry.get("suppressed", False)), str(entry["why"]))


class _Loader(yaml.SafeLoader):
    """The safe loader without timestamps: 'as_of: 2021-09-09' stays the text it is."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_raw(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader


def schema_problems(raw: Any) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(raw), key=lambda e: list(e.path))]


def load(path: Path) -> Expectations:
    """Expectations from a file already known to satisfy the schema."""
    raw = read_raw(path)
    as_of = raw.get("as_of")
    return Expectations(
        path=path, draft=path.parent / raw["draft"], language=raw["language"],
        ruleset=raw.get("ruleset"), as_of=None if as_of is None else str(as_of),
        careful=bool(raw.get("careful", False)), broken=bool(raw.get("broken", False)),
        defects=tuple(_defect(d) for d in raw["defects"]),
        traps=tuple(_trap(t) for t in raw["traps"]), raw=raw)


def draft_lines(draft: Path) -> list[str]:
    """The draft's lines as a reader sees them (undecodable bytes replaced)."""
    return draft.read_bytes().decode("utf-8", errors="replace").splitlines()


def rules_argument(expect: Expectations) -> str | None:
    """The --rules value: a built-in name as it is, a path resolved against the corpus."""
    if expect.ruleset is None:
        return None
    if "/" in expect.ruleset or expect.ruleset.endswith((".yaml", ".yml")):
        return str((CORPUS / expect.ruleset).resolve())
    return expect.ruleset


# --------------------------------------------------------------------------- well-formedness

@dataclass
class DraftFacts:
    """What the well-formedness check reads from a draft without the checker."""

    item_ids: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    readable: bool = True


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def draft_facts(draft: Path) -> DraftFacts:
    """Item ids as written, the road map's date and language; readable=False when the file is
    not UTF-8 or not YAML. Composes (never constructs), so tags and repeated keys are fine."""
    facts = DraftFacts()
    try:
        text = draft.read_bytes().decode("utf-8")
        root = yaml.compose(text)
    except (UnicodeDecodeError, yaml.YAMLError):
        facts.readable = False
        return facts
    if not isinstance(root, yaml.MappingNode):
        return facts
    for key, value in root.value:
        if _scalar(key) == "roadmap" and isinstance(value, yaml.MappingNode):
            for k, v in value.value:
                if _scalar(k) == "date":
                    facts.date = _scalar(v)
                elif _scalar(k) == "language":
                    facts.language = _scalar(v)
        elif _scalar(key) == "items" and isinstance(value, yaml.SequenceNode):
            for entry in value.value:
                if isinstance(entry, yaml.MappingNode):
                    for k, v in entry.value:
                        if _scalar(k) == "id" and _scalar(v) is not None:
                            facts.item_ids.append(str(_scalar(v)))
    return facts


def count_items(draft: Path) -> int:
    """Items in a draft, readable or not: list entries that start with an id."""
    text = draft.read_bytes().decode("utf-8", errors="replace")
    return len(re.findall(r"^\s*-\s+id:", text, flags=re.MULTILINE))


def _items_named(where: Where) -> list[str]:
    if where.item is _ABSENT or where.item is None:
        return []
    return list(where.item) if isinstance(where.item, tuple) else [str(where.item)]


def _overlap(a: Where, b: Where) -> bool:
    """Could one finding stand where both say?"""
    if a.item is not _ABSENT and b.item is not _ABSENT:
        left = set(a.item) if isinstance(a.item, tuple) else {a.item}
        right = set(b.item) if isinstance(b.item, tuple) else {b.item}
        if not left & right:
            return False
    return a.line_has is None or b.line_has is None or a.line_has == b.line_has


def problems(path: Path) -> list[str]:
    """Everything wrong with one expectations file and its draft, as sentences."""
    try:
        raw = read_raw(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [f"{path.name}: not readable YAML: {error}"]
    found = schema_problems(raw)
    if found:
        return [f"{path.name}: {p}" for p in found]
    expect = load(path)
    out: list[str] = []
    stem = path.name.removesuffix(".expect.yaml")
    if expect.draft.name != f"{stem}.yaml":
        out.append(f"{path.name}: 'draft' must be {stem}.yaml")
    if not expect.draft.is_file():
        return [*out, f"{path.name}: the draft {expect.draft.name} does not exist"]
    rules = rules_argument(expect)
    if rules is not None and "/" in rules and not Path(rules).is_file():
        out.append(f"{path.name}: the rule set {expect.ruleset} does not exist")
    facts = draft_facts(expect.draft)
    places = [d.where for d in expect.defects] + [t.where for t in expect.traps]
    if expect.broken:
        if facts.readable:
            out.append(f"{path.name}: marked broken, but {expect.draft.name} reads as YAML")
    elif not facts.readable:
        out.append(f"{path.name}: {expect.draft.name} is not readable YAML (mark it broken?)")
    else:
        if facts.date is None:
            out.append(f"{path.name}: {expect.draft.name} has no roadmap.date, so the run "
                       "would depend on the day it is made")
        if expect.as_of is not None and facts.date is not None and expect.as_of != facts.date:
            out.append(f"{path.name}: as_of {expect.as_of} differs from roadmap.date {facts.date}")
        if facts.language is not None and facts.language != expect.language:
            out.append(f"{path.name}: language {expect.language} differs from the draft's "
                       f"{facts.language}")
        known = set(facts.item_ids)
        for where in places:
            for item in _items_named(where):
                if item not in known:
                    out.append(f"{path.name}: no item {item!r} in {expect.draft.name}")
    lines = draft_lines(expect.draft)
    for where in places:
        text = where.line_has
        if text is not None and not any(text in line for line in lines):
            out.append(f"{path.name}: no line of {expect.draft.name} contains {text!r}")
    for defect in expect.defects:
        for trap in expect.traps:
            codes_clash = trap.codes is not None and bool(set(defect.codes) & set(trap.codes))
            frameworks_clash = (trap.framework is None or defect.framework is None
                                or trap.framework == defect.framework)
            if (codes_clash and frameworks_clash and _overlap(defect.where, trap.where)
                    and (defect.severity is None
                         or SEVERITY_RANK[defect.severity] >= SEVERITY_RANK[trap.floor])):
                out.append(f"{path.name}: the defect {defect.describe()} is also forbidden by "
                           f"the trap {trap.describe()}")
    return out


# --------------------------------------------------------------------------- matching

@dataclass
class DraftResult:
    name: str
    language: str
    careful: bool
    planted: int
    found: list[Defect]
    missed: list[Defect]
    traps: int
    sprung: list[tuple[Trap, Mapping[str, Any]]]
    false_findings: list[Mapping[str, Any]]
    false_errors: list[Mapping[str, Any]]
    true_findings: int
    other: list[Mapping[str, Any]]


def match(expect: Expectations, findings: Iterable[Mapping[str, Any]],
          lines: Sequence[str]) -> DraftResult:
    """Sort a run's findings into expected, false (on a trap) and other, and the defects into
    found and missed. A finding that matches a defect never springs a trap; a suppressed
    finding springs none either (the drafter waived it)."""
    findings = list(findings)
    expected: set[int] = set()
    found: list[Defect] = []
    missed: list[Defect] = []
    for defect in expect.defects:
        hits = [i for i, f in enumerate(findings) if defect.matches(f, lines)]
        expected.update(hits)
        (found if hits else missed).append(defect)
    sprung: list[tuple[Trap, Mapping[str, Any]]] = []
    false_idx: set[int] = set()
    for index, finding in enumerate(findings):
        if index in expected:
            continue
        for trap in expect.traps:
            if trap.sprung_by(finding, lines):
                sprung.append((trap, finding))
                false_idx.add(index)
    false_errors = {i for i in false_idx if findings[i].get("severity") == "error"}
    if expect.careful:
        false_errors |= {i for i, f in enumerate(findings)
                         if i not in expected and not f.get("suppressed")
                         and f.get("severity") == "error"}
    other = [f for i, f in enumerate(findings) if i not in expected and i not in false_idx]
    return DraftResult(
        name=expect.draft.name, language=expect.language, careful=expect.careful,
        planted=len(expect.defects), found=found, missed=missed, traps=len(expect.traps),
        sprung=sprung, false_findings=[findings[i] for i in sorted(false_idx)],
        false_errors=[findings[i] for i in sorted(false_errors)],
        true_findings=len(expected), other=other)


@dataclass(frozen=True)
class Totals:
    planted: int
    found: int
    traps: int
    false_findings: int
    false_errors: int
    true_findings: int

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        shown = self.true_findings + self.false_findings
        return self.true_findings / shown if shown else 1.0

    @property
    def false_per_100_traps(self) -> float:
        return 100.0 * self.false_findings / self.traps if self.traps else 0.0


def totals(results: Iterable[DraftResult]) -> Totals:
    results = list(results)
    return Totals(
        planted=sum(r.planted for r in results), found=sum(len(r.found) for r in results),
        traps=sum(r.traps for r in results),
        false_findings=sum(len(r.false_findings) for r in results),
        false_errors=sum(len(r.false_errors) for r in results),
        true_findings=sum(r.true_findings for r in results))


def _finding_text(finding: Mapping[str, Any]) -> str:
    where = f"item {finding.get('item')}" if finding.get("item") is not None else "document"
    framework = f" [{finding['framework']}]" if finding.get("framework") else ""
    return (f"{finding.get('code')} {finding.get('severity')}{framework} {where} "
            f"line {finding.get('line')}: {finding.get('message')}")


def table(results: Sequence[DraftResult]) -> str:
    """The per-draft table, the totals, then each miss and each false finding."""
    head = (f"{'draft':28} {'lang':4} {'found/planted':>13} {'recall':>7} "
            f"{'false/traps':>11} {'false errors':>12} {'other':>5}")
    rows = [head, "-" * len(head)]
    for r in results:
        t = totals([r])
        rows.append(f"{r.name + (' (careful)' if r.careful else ''):28} {r.language:4} "
                    f"{len(r.found):>6}/{r.planted:<6} {t.recall:>7.0%} "
                    f"{len(r.false_findings):>5}/{r.traps:<5} {len(r.false_errors):>12} "
                    f"{len(r.other):>5}")
    t = totals(results)
    rows += ["-" * len(head),
             f"{'total':28} {'':4} {t.found:>6}/{t.planted:<6} {t.recall:>7.0%} "
             f"{t.false_findings:>5}/{t.traps:<5} {t.false_errors:>12}",
             f"recall {t.recall:.3f}; precision {t.precision:.3f} "
             f"({t.true_findings} expected findings, {t.false_findings} false); "
             f"{t.false_per_100_traps:.1f} false findings per 100 traps; "
             f"{t.false_errors} false errors"]
    for r in results:
        for defect in r.missed:
            rows.append(f"MISS   {r.name}: {defect.describe()} - {defect.why}")
        shown: list[Mapping[str, Any]] = []
        for trap, finding in r.sprung:
            if any(finding is f for f in shown):
                continue  # one line per false finding, with the first trap it springs
            shown.append(finding)
            rows.append(f"FALSE  {r.name}: {_finding_text(finding)}  (trap: {trap.describe()} - "
                        f"{trap.why})")
        for finding in r.false_errors:
            if not any(finding is f for _, f in r.sprung):
                rows.append(f"FALSE  {r.name}: {_finding_text(finding)}  (an error on the "
                            "careful draft)")
    return "\n".join(rows)
