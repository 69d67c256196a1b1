"""A cap on the findings of one check in one file: beyond it, one finding says how many more.

A hostile or badly broken file can make millions of findings of one check. The first
``limit`` of each check are listed; the rest are summarised in one finding of the same check
("and 999,000 more"), which counts for all of them in the summary and the exit code. A
``Limiter`` keeps the findings beyond the cap from being made at all (only counted), so memory
stays bounded while a file is checked; ``cap`` then lists the first ones and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_check.findings import Finding, finding
from roadmap_check.i18n import msg, number

MORE_KEY = "<more>"  # the subject of a summary finding, so its fingerprint is stable
# What a check gets back instead of a finding beyond the cap: nothing is rendered for it.
DROPPED = Finding("", "", "", 0, 0)


@dataclass
class Limiter:
    """Counts the findings of each check as they are made; beyond ``limit``, only counts."""

    limit: int | None
    counts: dict[str, int] = field(default_factory=dict)
    # code -> [how many were not made, line, column of the first of them]
    dropped: dict[str, list[int]] = field(default_factory=dict)
    fixable: int = 0  # of those not made, the ones with a fix

    def admit(self, code: str, line: int, column: int, fixable: bool = False) -> bool:
        """Whether a finding of ``code`` at this place is to be made (this runs for each)."""
        dropped = self.dropped.get(code)
        if dropped is not None:  # the common case in a file with millions: one lookup
            dropped[0] += 1
            self.fixable += fixable
            return False
        if self.limit is None:
            return True
        seen = self.counts[code] = self.counts.get(code, 0) + 1
        if seen <= self.limit:
            return True
        self.dropped[code] = [1, line, column]
        self.fixable += fixable
        return False


def cap(findings: list[Finding], limit: int | None,
        dropped: dict[str, list[int]] | None = None,
        lang: str = "en") -> tuple[list[Finding], dict[str, int], int]:
    """The sorted findings of one file with at most ``limit`` of each check, the count left
    out of each, and how many of those left out have a fix (unsuppressed); ``dropped`` are
    those a Limiter did not let be made (their fixes are counted by the Limiter)."""
    dropped = dict(dropped or {})
    if limit is None or (not dropped and len(findings) <= limit):
        return findings, {}, 0
    seen: dict[str, int] = {}
    kept: list[Finding] = []
    left: dict[str, list[Finding]] = {}
    for found in findings:
        count = seen[found.code] = seen.get(found.code, 0) + 1
        if count <= limit:
            kept.append(found)
        else:
            left.setdefault(found.code, []).append(found)
    omitted: dict[str, int] = {}
    fixable = 0
    for code in sorted({*left, *dropped}):
        rest = left.get(code, [])
        unseen, line, column = dropped.get(code, (0, 0, 0))
        if rest and (not unseen or (rest[0].line, rest[0].column) < (line, column)):
            line, column = rest[0].line, rest[0].column
        model = rest[0] if rest else next((f for f in findings if f.code == code), None)
        if model is None:  # every finding of this check was left out: not selected
            continue
        omitted[code] = len(rest) + unseen
        fixable += sum(1 for f in rest if f.fix is not None and not f.suppressed)
        more = finding(code, msg("report.more", count=number(omitted[code]), limit=number(limit)),
                       model.path, line, column, severity=model.severity, key=MORE_KEY,
                       suggestion=msg("report.more.hint"))
        kept.append(more._replace(suppressed=not unseen and all(f.suppressed for f in rest))
                    .in_lang(lang))
    kept.sort(key=Finding.sort_key)
    return kept, omitted, fixable


def weight(found: Finding, omitted: dict[str, int]) -> int:
    """How many findings one listed finding stands for: a summary, all those it summarises."""
    return omitted.get(found.code, 1) if found.key == MORE_KEY else 1
