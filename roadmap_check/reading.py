"""The reading stage: a file's bytes in; its YAML nodes, its suppression comments and what is
wrong with the text (RM001, RM003, RM007, declared by ``roadmap_check.loading``) out.

Nothing else in the engine knows files exist: the engine hands this module bytes (or text, from
standard input or git) and a name to report them under.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_check.findings import Finding
from roadmap_check.i18n import foreign, msg, number
from roadmap_check.loading import RM001, RM003, RM007
from roadmap_check.suppressions import Suppression
from roadmap_check.suppressions import parse as parse_suppressions
from roadmap_check.yaml_io import Node, Problem, compose


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
    kind, where = problem.kind, (problem.line, problem.column)
    if kind == "encoding":
        return RM001.at(path, where, msg("rm001.encoding", encoding=problem.detail),
                        hint=msg("hint.save_utf8"))
    if kind == "not_utf8":
        key = "rm001.not_utf8_cp1251" if problem.context == "cp1251" else "rm001.not_utf8"
        return RM001.at(path, where, msg(key, byte=problem.detail), hint=msg("hint.save_utf8"))
    if kind in ("empty", "nul", "no_document"):
        return RM001.at(path, where, msg(f"rm001.{kind}"))
    if kind == "too_deep":
        return RM001.at(path, where, msg("rm001.yaml_too_deep"))
    if kind == "control_character":
        return RM001.at(path, where, msg("rm001.control_character", code=problem.detail),
                        hint=msg("rm001.control_character.hint"))
    if kind == "syntax":
        what = foreign("pyyaml", problem.detail or "invalid YAML")
        found = msg("rm001.yaml_context", context=foreign("pyyaml", problem.context),
                    problem=what) if problem.context else msg("rm001.yaml", problem=what)
        return RM001.at(path, where, found)
    if kind == "many_documents":
        return RM003.at(path, where, msg("rm003.many_documents"),
                        hint=msg("rm003.many_documents.hint"))
    if kind == "expansion":
        return RM007.at(path, where, msg("rm007.expansion", limit=number(int(problem.detail))))
    if kind == "merge_depth":
        return RM007.at(path, where, msg("rm007.merge_depth", limit=problem.detail))
    if kind == "recursive":
        return RM007.at(path, where, msg("rm007.recursive"))
    assert kind == "tag", kind
    return RM007.at(path, where, msg("rm007.tag", tag=repr(problem.detail)),
                    hint=msg("rm007.tag.hint"))
