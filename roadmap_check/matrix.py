"""The coverage matrix of one road map: required frameworks (rows) by items (columns).

Pure data, built from a FileReport; the reporters draw it. A cell says how an item relates to
a framework: it cites one of its provisions, cites the framework, speaks of its subject without
citing it (an unwaived RM201 finding), or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from roadmap_check.findings import Finding
from roadmap_check.report import FileReport

PROVISION, CITED, TOUCHED, NONE = "provision", "cited", "touched", ""
RANK = {NONE: 0, TOUCHED: 1, CITED: 2, PROVISION: 3}
NO_SECTION = "—"
# What each state means, as the legends say it: catalogue keys (roadmap_check/messages.yaml)
MEANING = {PROVISION: "matrix.legend.provision", CITED: "matrix.legend.cited",
           TOUCHED: "matrix.legend.touched", NONE: "matrix.legend.none"}
# How each state is drawn, in the terminal, HTML and Markdown matrices alike
SYMBOL = {PROVISION: "■", CITED: "●", TOUCHED: "○", NONE: "·"}


@dataclass(frozen=True)
class Column:
    """One item of the road map, in file order (ids may repeat in a broken draft)."""

    index: int
    id: str
    title: str | None
    section: str | None
    line: int


@dataclass(frozen=True)
class Requirement:
    """One need of the rule set (or of roadmap.requires) and whether the road map meets it."""

    id: str
    kind: str                   # framework | provision | group
    title: str | None
    members: tuple[str, ...]
    provision: str | None
    at_least: int
    covered_by: tuple[str, ...]
    covered: bool


@dataclass(frozen=True)
class Row:
    """One framework the road map must cover, with one cell per column."""

    framework: str
    title: str
    group: str | None           # the group requirement that brought the row in, if any
    group_title: str | None
    needs: tuple[str, ...]      # ids of the requirements naming this framework
    covered: bool               # its own requirements are met (group members: it is cited)
    cells: tuple[str, ...]
    short: str | None = None    # its short title in the matrix's language, where it has one

    @property
    def citing(self) -> int:
        return sum(1 for cell in self.cells if cell in (PROVISION, CITED))

    @property
    def share(self) -> float:
        return self.citing / len(self.cells) if self.cells else 0.0


@dataclass(frozen=True)
class Section:
    """A collapsed column: the items of one section, each row's best state among them."""

    name: str
    columns: tuple[int, ...]    # indexes into Matrix.columns
    cells: tuple[str, ...]      # per row
    counts: tuple[int, ...]     # per row: items of the section citing the framework


@dataclass(frozen=True)
class Matrix:
    path: str
    roadmap: str | None
    ruleset: str | None
    lang: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    requirements: tuple[Requirement, ...]

    @property
    def covered(self) -> int:
        return sum(r.covered for r in self.requirements)

    @property
    def required(self) -> int:
        return len(self.requirements)

    @property
    def share(self) -> float:
        """Covered requirements / requirements, as Report.coverage counts them (1.0: none)."""
        return self.covered / self.required if self.required else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "roadmap": self.roadmap, "ruleset": self.ruleset,
            "lang": self.lang,
            "columns": [{"index": c.index, "id": c.id, "title": c.title, "section": c.section,
                         "line": c.line} for c in self.columns],
            "rows": [{"framework": r.framework, "title": r.title, "short": r.short,
                      "group": r.group,
                      "group_title": r.group_title, "needs": list(r.needs),
                      "covered": r.covered, "share": round(r.share, 4),
                      "cells": list(r.cells)} for r in self.rows],
            "sections": [{"name": s.name, "columns": list(s.columns), "cells": list(s.cells),
                          "counts": list(s.counts)} for s in sections(self)],
            "requirements": [{"id": q.id, "kind": q.kind, "title": q.title,
                              "members": list(q.members), "provision": q.provision,
                              "at_least": q.at_least, "covered_by": list(q.covered_by),
                              "covered": q.covered} for q in self.requirements],
            "coverage": {"covered": self.covered, "required": self.required,
                         "share": round(self.share, 4)},
        }


def build(file: FileReport) -> Matrix:
    roadmap, ruleset = file.roadmap, file.ruleset
    columns = tuple(Column(i, item.id, item.title, item.section, item.line)
                    for i, item in enumerate(file.items))
    requirements = tuple(Requirement(n.id, n.kind, n.title_in(file.lang), n.members,
                                     n.provision, n.at_least, n.covered_by, n.covered)
                         for n in file.needs)
    frameworks = {f.id: f for f in ruleset.frameworks} if ruleset else {}
    touched = _touched(file, columns)
    rows: list[Row] = []
    placed: set[str] = set()
    ordered = [q for q in requirements if q.kind != "group"] + \
        [q for q in requirements if q.kind == "group"]
    for requirement in ordered:
        for fid in requirement.members:
            if fid in placed:
                continue
            placed.add(fid)
            own = [q for q in requirements if q.kind != "group" and q.members[:1] == (fid,)]
            in_groups = [q for q in requirements if q.kind == "group" and fid in q.members]
            group = requirement if requirement.kind == "group" else None
            framework = frameworks.get(fid)
            cells = tuple(_state(file.items[c.index].cited, fid, (c.index, fid) in touched)
                          for c in columns)
            covered = all(q.covered for q in own) if own else \
                any(fid in q.covered_by for q in in_groups)
            rows.append(Row(fid, framework.title_in(file.lang) if framework else fid,
                            group.id if group else None, group.title if group else None,
                            tuple(q.id for q in own + in_groups), covered, cells,
                            framework.short_in(file.lang) if framework else None))
    return Matrix(file.path, roadmap.id if roadmap else None,
                  ruleset.name if ruleset else None, file.lang, columns, tuple(rows),
                  requirements)


def _state(entries: Iterable[tuple[str, str | None]], fid: str, touched: bool) -> str:
    state = NONE
    for framework, provision in entries:
        if framework == fid:
            if provision:
                return PROVISION
            state = CITED
    return state or (TOUCHED if touched else NONE)


def _touched(file: FileReport, columns: tuple[Column, ...]) -> set[tuple[int, str]]:
    """(column index, framework) of every unwaived RM201 finding, by its framework field."""
    index = by_id(columns)
    out: set[tuple[int, str]] = set()
    for finding in file.findings:
        if finding.code != "RM201" or finding.suppression is not None or not finding.framework:
            continue
        column = item_of(index, finding)
        if column is not None:
            out.add((column.index, finding.framework))
    return out


def by_id(columns: tuple[Column, ...]) -> dict[str, list[Column]]:
    out: dict[str, list[Column]] = {}
    for column in columns:
        out.setdefault(column.id, []).append(column)
    return out


def item_of(index: dict[str, list[Column]], finding: Finding) -> Column | None:
    """The item a finding is about (``index`` from by_id), or None for the document.

    Findings name items by id; when a broken draft repeats an id, the finding belongs to the
    last item with that id that starts at or before the finding's line.
    """
    candidates = index.get(finding.item) if finding.item is not None else None
    if not candidates:
        return None
    before = [c for c in candidates if c.line <= finding.line]
    return before[-1] if before else candidates[0]


def best(states: list[str] | tuple[str, ...]) -> str:
    return max(states, key=RANK.__getitem__, default=NONE)


def sections(matrix: Matrix) -> tuple[Section, ...]:
    """The columns grouped by section, in order of first appearance; no section: "—"."""
    grouped: dict[str, list[int]] = {}
    for column in matrix.columns:
        grouped.setdefault(column.section or NO_SECTION, []).append(column.index)
    out = []
    for name, indexes in grouped.items():
        cells = tuple(best([row.cells[i] for i in indexes]) for row in matrix.rows)
        counts = tuple(sum(1 for i in indexes if row.cells[i] in (PROVISION, CITED))
                       for row in matrix.rows)
        out.append(Section(name, tuple(indexes), cells, counts))
    return tuple(out)
