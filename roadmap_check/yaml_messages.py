"""What a problem of a YAML text (``yaml_io.Problem``) is said as: the code of the check it is
a finding of, its message and its hint. ``reading`` makes the findings of a road map from
these; a data file (the vocabulary) says the message after its file, line and column."""

from __future__ import annotations

from roadmap_check.edits import double_quoted
from roadmap_check.findings import Msg
from roadmap_check.i18n import foreign, msg, number, quoted
from roadmap_check.yaml_io import Problem


def told(problem: Problem) -> tuple[str, Msg, Msg | None]:
    """(check code, message, hint) of a problem of the text."""
    kind = problem.kind
    if kind == "encoding":
        return "RM001", msg("rm001.encoding", encoding=problem.detail), msg("hint.save_utf8")
    if kind == "not_utf8":
        key = "rm001.not_utf8_cp1251" if problem.context == "cp1251" else "rm001.not_utf8"
        return "RM001", msg(key, byte=problem.detail), msg("hint.save_utf8")
    if kind in ("empty", "nul", "no_document"):
        return "RM001", msg(f"rm001.{kind}"), None
    if kind == "too_deep":
        return "RM001", msg("rm001.yaml_too_deep"), None
    if kind == "control_character":
        return "RM001", msg("rm001.control_character", code=problem.detail), \
            msg("rm001.control_character.hint")
    if kind == "syntax":
        what = foreign("pyyaml", problem.detail or "invalid YAML")
        found = msg("rm001.yaml_context", context=foreign("pyyaml", problem.context),
                    problem=what) if problem.context else msg("rm001.yaml", problem=what)
        return "RM001", found, None
    if kind == "many_documents":
        return "RM003", msg("rm003.many_documents"), msg("rm003.many_documents.hint")
    if kind == "expansion":
        return "RM007", msg("rm007.expansion", limit=number(int(problem.detail))), None
    if kind == "merge_depth":
        return "RM007", msg("rm007.merge_depth", limit=problem.detail), None
    if kind == "recursive":
        return "RM007", msg("rm007.recursive"), None
    if kind == "tag_text":
        return "RM007", msg("rm007.tag_text", tag=repr(problem.detail),
                            text=quoted(problem.text)), \
            msg("rm007.tag_text.hint", quoted=double_quoted(problem.text))
    assert kind == "tag", kind
    return "RM007", msg("rm007.tag", tag=repr(problem.detail)), msg("rm007.tag.hint")
