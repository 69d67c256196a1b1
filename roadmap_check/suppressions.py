"""Inline suppressions: ``# roadmap-check: ignore[RM201] reason`` comments in a road map.

On the line of a finding, or on its item's ``id`` line, the comment waives those codes there;
``# roadmap-check: ignore-file[RM105] reason`` waives them in the whole file. A suppression
without a reason, or one that suppresses nothing, is itself reported (RM404, RM405).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmap_check.findings import Finding, finding
from roadmap_check.i18n import local, msg, t

# The comment up to its opening bracket; the codes run to the first ']' after it. (As one
# pattern, ``\[[^\]]*\]`` would scan to the end of the line from each '#' of a line without
# a ']', and a long line of such comments would take quadratic time.)
_COMMENT = re.compile(r"#\s*roadmap-check:\s*(?P<kind>ignore-file|ignore)\s*\[")


@dataclass
class Suppression:
    line: int
    column: int
    whole_file: bool
    codes: frozenset[str]
    unknown: tuple[str, ...]
    reason: str
    used: bool = field(default=False)

    def covers(self, code: str) -> bool:
        return code in self.codes


def parse(text: str) -> list[Suppression]:
    """Every suppression comment of a text (cheap when there is none)."""
    if "roadmap-check:" not in text:
        return []
    from roadmap_check.registry import CHECKS

    found: list[Suppression] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "roadmap-check:" not in line:
            continue
        match = _COMMENT.search(line)
        close = line.find("]", match.end()) if match is not None else -1
        if match is None or close < 0:
            continue
        codes, unknown = set(), []
        for part in (p.strip().upper() for p in line[match.end(): close].split(",")):
            if not part:
                continue
            matched = {c for c in CHECKS if c.startswith(part)} if part.startswith("RM") else set()
            if matched:
                codes |= matched
            else:
                unknown.append(part)
        found.append(Suppression(number, match.start() + 1, match.group("kind") == "ignore-file",
                                 frozenset(codes), tuple(unknown), line[close + 1:].strip()))
    return found


def apply(findings: list[Finding], suppressions: list[Suppression],
          id_lines: dict[str, int], path: str, lang: str = "en") -> list[Finding]:
    """Mark covered findings suppressed (in place); return RM404/RM405 findings.

    The note of a suppressed finding is said in ``lang``, the file's language."""
    if not suppressions:
        return []
    by_line: dict[int, list[Suppression]] = {}
    whole = [s for s in suppressions if s.whole_file]
    for suppression in suppressions:
        if not suppression.whole_file:
            by_line.setdefault(suppression.line, []).append(suppression)
    for index, found in enumerate(findings):
        if found.suppressed:
            continue
        lines = [found.line]
        if found.item is not None and found.item in id_lines:
            lines.append(id_lines[found.item])
        candidates = [s for line in lines for s in by_line.get(line, ())] + whole
        for suppression in candidates:
            if suppression.covers(found.code):
                suppression.used = True
                note = t(lang, "suppression.inline", reason=suppression.reason) \
                    if suppression.reason else t(lang, "suppression.inline_no_reason")
                findings[index] = found._replace(suppressed=True, suppression=note)
                break
    out: list[Finding] = []
    for s in suppressions:
        named = ", ".join(sorted(s.codes) + list(s.unknown))
        what = named or "nothing"  # the key, in English whatever the language
        codes = named or local("nothing")
        if not s.reason:
            out.append(finding("RM404", msg("rm404.no_reason", codes=codes), path, s.line,
                               s.column, key=what, suggestion=msg("rm404.no_reason.hint")))
        if s.unknown:
            out.append(finding("RM405", msg("rm405.unknown_code", codes=", ".join(s.unknown)),
                               path, s.line, s.column, key=what,
                               suggestion=msg("rm405.unknown_code.hint")))
        elif not s.used:
            out.append(finding("RM405", msg("rm405.unused", codes=codes), path, s.line,
                               s.column, key=what, suggestion=msg("rm405.unused.hint")))
    return out
