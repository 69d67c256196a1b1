"""Inline suppressions: ``# roadmap-check: ignore[RM201] reason`` comments in a road map.

On the line of a finding, or on its item's ``id`` line, the comment waives those codes there;
``# roadmap-check: ignore-file[RM105] reason`` waives them in the whole file. A suppression
without a reason, or one that suppresses nothing, is itself reported (RM404, RM405).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmap_check.findings import Finding

_COMMENT = re.compile(
    r"#\s*roadmap-check:\s*(?P<kind>ignore-file|ignore)\s*\[(?P<codes>[^\]]*)\]\s*(?P<reason>.*)$")


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
        if match is None:
            continue
        codes, unknown = set(), []
        for part in (p.strip().upper() for p in match.group("codes").split(",")):
            if not part:
                continue
            matched = {c for c in CHECKS if c.startswith(part)} if part.startswith("RM") else set()
            if matched:
                codes |= matched
            else:
                unknown.append(part)
        found.append(Suppression(number, match.start() + 1, match.group("kind") == "ignore-file",
                                 frozenset(codes), tuple(unknown),
                                 match.group("reason").strip()))
    return found


def apply(findings: list[Finding], suppressions: list[Suppression],
          id_lines: dict[str, int], path: str) -> list[Finding]:
    """Mark covered findings suppressed (in place); return RM404/RM405 findings."""
    if not suppressions:
        return []
    by_line: dict[int, list[Suppression]] = {}
    whole = [s for s in suppressions if s.whole_file]
    for suppression in suppressions:
        if not suppression.whole_file:
            by_line.setdefault(suppression.line, []).append(suppression)
    for index, finding in enumerate(findings):
        if finding.suppressed:
            continue
        lines = [finding.line]
        if finding.item is not None and finding.item in id_lines:
            lines.append(id_lines[finding.item])
        candidates = [s for line in lines for s in by_line.get(line, ())] + whole
        for suppression in candidates:
            if suppression.covers(finding.code):
                suppression.used = True
                reason = suppression.reason or "(no reason given)"
                findings[index] = finding._replace(suppressed=True,
                                                   suppression=f"inline: {reason}")
                break
    out: list[Finding] = []
    for s in suppressions:
        what = ", ".join(sorted(s.codes) + list(s.unknown)) or "nothing"
        if not s.reason:
            out.append(Finding("RM404", f"the suppression of {what} gives no reason", path,
                               s.line, s.column, key=what,
                               suggestion="write why after the brackets: "
                               "# roadmap-check: ignore[RM201] the reason"))
        if s.unknown:
            out.append(Finding("RM405", f"the suppression names {', '.join(s.unknown)}, "
                               "which is no check code", path, s.line, s.column, key=what,
                               suggestion="'roadmap-check checks' lists the codes"))
        elif not s.used:
            out.append(Finding("RM405", f"the suppression of {what} suppresses nothing", path,
                               s.line, s.column, key=what, suggestion="remove the comment"))
    return out
