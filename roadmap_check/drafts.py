"""``roadmap-check diff OLD NEW``: what changed between two versions of a draft.

Findings are matched by fingerprint (never by line), items by id, citations by the framework
and provision they resolve to. Each side is a checked draft (``command.read_side`` reads a
file or a git revision ``REV:path``); this module only compares their reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from roadmap_check.findings import Finding
from roadmap_check.fingerprints import fingerprint
from roadmap_check.report import FileReport
from roadmap_check.severity import Severity


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


def citation_text(framework: str, provision: str) -> str:
    """A resolved citation as the JSON diff writes it: ``fid`` or ``fid, provision 6``."""
    return f"{framework}, provision {provision}" if provision else framework


def _citations(report: FileReport) -> dict[str, Counter[tuple[str, str]]]:
    out: dict[str, Counter[tuple[str, str]]] = {}
    for item in report.items:
        cited = Counter((fid, pid or "") for fid, pid in item.cited)
        out.setdefault(item.id, Counter()).update(cited)
    return out


def _item_texts(report: FileReport) -> dict[str, tuple[Any, ...]]:
    return {item.id: item.content for item in report.items}


def compare(old: Side, new: Side) -> DraftDiff:
    diff = DraftDiff(old, new)
    old_prints = Counter(fingerprint(f) for f in old.report.findings if f.suppression is None)
    new_prints = Counter(fingerprint(f) for f in new.report.findings if f.suppression is None)
    pending = new_prints.copy()
    for finding in new.report.findings:
        mark = fingerprint(finding)
        if finding.suppression is None and old_prints[mark] <= 0 < pending[mark]:
            diff.introduced.append(finding)
        elif finding.suppression is None:
            old_prints[mark] -= 1
    again = Counter(fingerprint(f) for f in new.report.findings if f.suppression is None)
    for finding in old.report.findings:
        mark = fingerprint(finding)
        if finding.suppression is not None:
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
