"""``roadmap-check diff OLD NEW``: what changed between two versions of a draft.

Findings are matched by fingerprint (never by line), items by id, citations by the framework
and provision they resolve to. A side may be a file or a git revision ``REV:path``.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadmap_check.engine import Engine, FileReport
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding, Severity
from roadmap_check.fingerprints import fingerprint
from roadmap_check.i18n import local


@dataclass
class Side:
    label: str
    report: FileReport


@dataclass
class DraftDiff:
    old: Side
    new: Side
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    items_added: list[str] = field(default_factory=list)
    items_removed: list[str] = field(default_factory=list)
    items_changed: list[str] = field(default_factory=list)
    # (item, framework, provision or ""): what a citation resolves to, said by the reporter
    citations_added: list[tuple[str, str, str]] = field(default_factory=list)
    citations_removed: list[tuple[str, str, str]] = field(default_factory=list)
    coverage: list[tuple[str, bool, bool]] = field(default_factory=list)    # (need, old, new)

    @property
    def exit_code(self) -> int:
        return 1 if any(f.severity >= Severity.ERROR for f in self.introduced) else 0


def read_side(spec: str, engine: Engine) -> Side:
    """A file path, or ``REV:path`` read from git."""
    path = Path(spec)
    if path.exists():
        return Side(spec, engine.check_path(path, spec))
    rev, sep, name = spec.partition(":")
    if not sep or not rev or not name:
        raise RoadmapCheckError.of("error.no_side", spec=spec)
    if rev.startswith("-") or not rev.isprintable():  # never an option of git, nor two lines
        raise RoadmapCheckError.of("error.bad_revision", spec=spec)
    try:
        shown = subprocess.run(["git", "show", f"{rev}:{name}"], capture_output=True,
                               check=False, timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RoadmapCheckError.of("error.git", spec=spec, reason=str(exc)) from None
    if shown.returncode != 0:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RoadmapCheckError.of("error.git_show", spec=spec, message=message[-1] if message
                                   else local("error.git_show_failed"))
    from roadmap_check.yaml_io import Loaded, decode, load_text

    text, problem = decode(shown.stdout, spec)
    loaded = load_text(text, spec) if text is not None else \
        Loaded(spec, None, [problem] if problem else [])
    return Side(spec, engine.check_loaded(loaded, Path(name).parent))


def citation_text(framework: str, provision: str) -> str:
    """A resolved citation as the JSON diff writes it: ``fid`` or ``fid, provision 6``."""
    return f"{framework}, provision {provision}" if provision else framework


def _citations(report: FileReport) -> dict[str, Counter[tuple[str, str]]]:
    out: dict[str, Counter[tuple[str, str]]] = {}
    if report.roadmap is None:
        return out
    for index, item in enumerate(report.roadmap.items):
        cited = Counter((fid, pid or "") for fid, pid in report.cited.get(index, []))
        out.setdefault(item.id, Counter()).update(cited)
    return out


def _item_texts(report: FileReport) -> dict[str, tuple[Any, ...]]:
    if report.roadmap is None:
        return {}
    out = {}
    for item in report.roadmap.items:
        fields = (item.title, item.description, item.outcome, item.section, item.start,
                  item.deadline)
        out[item.id] = (tuple(t.value if t else None for t in fields),
                        tuple(t.value for t in item.responsible),
                        tuple(t.value for t in item.participants),
                        tuple(t.value for t in item.depends_on),
                        tuple(c.raw.value for c in item.cites))
    return out


def compare(old: Side, new: Side) -> DraftDiff:
    diff = DraftDiff(old, new)
    old_prints = Counter(fingerprint(f) for f in old.report.findings if not f.suppressed)
    new_prints = Counter(fingerprint(f) for f in new.report.findings if not f.suppressed)
    pending = new_prints.copy()
    for finding in new.report.findings:
        mark = fingerprint(finding)
        if not finding.suppressed and old_prints[mark] <= 0 < pending[mark]:
            diff.introduced.append(finding)
        elif not finding.suppressed:
            old_prints[mark] -= 1
    again = Counter(fingerprint(f) for f in new.report.findings if not f.suppressed)
    for finding in old.report.findings:
        mark = fingerprint(finding)
        if finding.suppressed:
            continue
        if again[mark] > 0:
            again[mark] -= 1
        else:
            diff.resolved.append(finding)
    old_items, new_items = _item_texts(old.report), _item_texts(new.report)
    diff.items_added = [i for i in new_items if i not in old_items]
    diff.items_removed = [i for i in old_items if i not in new_items]
    diff.items_changed = [i for i in new_items if i in old_items and new_items[i] != old_items[i]]
    old_cites, new_cites = _citations(old.report), _citations(new.report)
    for item in sorted(set(old_cites) | set(new_cites)):
        before, after = old_cites.get(item, Counter()), new_cites.get(item, Counter())
        for target, cites in ((diff.citations_added, after - before),
                              (diff.citations_removed, before - after)):
            target += [(item, *c) for c in sorted(cites.elements(),
                                                  key=lambda c: citation_text(*c))]
    old_needs = {n.id: n.covered for n in old.report.needs}
    new_needs = {n.id: n.covered for n in new.report.needs}
    for need in dict.fromkeys([*old_needs, *new_needs]):
        diff.coverage.append((need, old_needs.get(need, False), new_needs.get(need, False)))
    return diff
