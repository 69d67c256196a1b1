"""The reading stage: a file's bytes in; its YAML nodes, its suppression comments and what is
wrong with the text (RM001, RM003, RM007, declared by ``roadmap_check.loading``) out.

Nothing else in the engine knows files exist: the engine hands this module bytes (or text, from
standard input or git) and a name to report them under.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_check.edits import double_quoted
from roadmap_check.findings import Finding, Fix
from roadmap_check.roadmap_format import RM001, RM003, RM007
from roadmap_check.suppressions import Suppression
from roadmap_check.suppressions import parse as parse_suppressions
from roadmap_check.yaml_io import Node, Problem, compose
from roadmap_check.yaml_messages import told

_CHECKS = {check.code: check for check in (RM001, RM003, RM007)}


@dataclass(eq=False)
class Read:
    """A composed document (or None), what was wrong with the text, its suppressions."""

    path: str
    root: Node | None
    findings: list[Finding] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    source: str | None = None  # the text, where a node may carry an anchor or a tag


def read(data: bytes | str, display: str) -> Read:
    root, problems, source = compose(data)
    findings = [said(problem, display) for problem in problems]
    suppressions: list[Suppression] = []
    if isinstance(data, bytes):
        if not any(p.kind in ("not_utf8", "encoding") for p in problems):
            suppressions = parse_suppressions(data)
    else:
        suppressions = parse_suppressions(data)
    return Read(display, root, findings, suppressions, source)


def said(problem: Problem, path: str) -> Finding:
    """A problem of the text as the finding that tells it."""
    code, message, hint = told(problem)
    fix = None
    if problem.kind == "tag_text" and problem.end_line:
        # the text written, tag included, quoted as a whole: it says exactly what was written
        fix = Fix(problem.line, problem.column, problem.end_line, problem.end_column,
                  double_quoted(problem.text), problem.text, safe=True)
    return _CHECKS[code].at(path, (problem.line, problem.column), message, hint=hint, fix=fix,
                            subject=problem.text or None)
