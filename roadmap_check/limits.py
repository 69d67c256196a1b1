"""A cap on the findings of one check in one file: beyond it, one finding says how many more.

A hostile or badly broken file can make millions of findings of one check. The first
``limit`` of each check are listed; the rest are summarised in one finding of the same check
("and 999,000 more"), which counts for all of them in the summary and the exit code. The
engine admits each finding through a ``Limiter`` as the checks yield it, so findings beyond
the cap are only counted, never kept, and memory stays bounded while a file is checked;
``cap`` then lists the first ones and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap_check.findings import Finding, Waived
from roadmap_check.i18n import msg, number
from roadmap_check.report import MORE_KEY


@dataclass(eq=False)
class Limiter:
    """Counts the findings of each check as they are made; beyond ``limit``, only counts."""

    limit: int | None
    counts: dict[str, int] = field(default_factory=dict)
    # code -> [how many were not kept, line, column of the first of them]
    dropped: dict[str, list[int]] = field(default_factory=dict)
    fixable: int = 0  # of those not kept, the ones with a safe fix
    unsafe: int = 0   # ... and with an unsafe one

    def admit(self, code: str, line: int, column: int, fixable: bool = False,
              unsafe: bool = False) -> bool:
        """Whether a finding of ``code`` at this place is to be kept (this runs for each);
        ``fixable``: it has a safe fix, ``unsafe``: an unsafe one."""
        dropped = self.dropped.get(code)
        if dropped is not None:  # the common case in a file with millions: one lookup
            dropped[0] += 1
            self.fixable += fixable
            self.unsafe += unsafe
            return False
        if self.limit is None:
            return True
        seen = self.counts[code] = self.counts.get(code, 0) + 1
        if seen <= self.limit:
            return True
        self.dropped[code] = [1, line, column]
        self.fixable += fixable
        self.unsafe += unsafe
        return False

    def keep(self, findings: list[Finding], found: Finding) -> None:
        """Append ``found`` to ``findings`` unless it is beyond the cap (``admit``; its
        common case, a check already beyond it, is inlined: this runs for each finding)."""
        fix = found.fix
        dropped = self.dropped.get(found.code)
        if dropped is not None:
            dropped[0] += 1
            if fix is not None:
                if fix.safe:
                    self.fixable += 1
                else:
                    self.unsafe += 1
            return
        if self.limit is None or self.admit(found.code, found.line, found.column,
                                            fix is not None and fix.safe,
                                            fix is not None and not fix.safe):
            findings.append(found)


def cap(findings: list[Finding], limit: int | None,
        dropped: dict[str, list[int]] | None = None
        ) -> tuple[list[Finding], dict[str, int], tuple[int, int]]:
    """The sorted findings of one file with at most ``limit`` of each check, the count left
    out of each, and how many of those left out have a safe fix and an unsafe one
    (unsuppressed); ``dropped`` are those a Limiter did not let be kept (their fixes are
    counted by the Limiter)."""
    dropped = dict(dropped or {})
    if limit is None or (not dropped and len(findings) <= limit):
        return findings, {}, (0, 0)
    seen: dict[str, int] = {}
    kept: list[Finding] = []
    left: dict[str, list[Finding]] = {}
    # What this change makes shows first: findings the baseline holds are listed after them.
    ordered = sorted(findings, key=lambda f: f.suppression is not None
                     and f.suppression.kind == "baseline")
    for found in ordered:
        count = seen[found.code] = seen.get(found.code, 0) + 1
        if count <= limit:
            kept.append(found)
        else:
            left.setdefault(found.code, []).append(found)
    omitted: dict[str, int] = {}
    fixable = unsafe = 0
    for code in sorted({*left, *dropped}):
        rest = left.get(code, [])
        unseen, line, column = dropped.get(code, (0, 0, 0))
        if rest and (not unseen or (rest[0].line, rest[0].column) < (line, column)):
            line, column = rest[0].line, rest[0].column
        model = rest[0] if rest else next((f for f in findings if f.code == code), None)
        if model is None:  # every finding of this check was left out: not selected
            continue
        omitted[code] = len(rest) + unseen
        fixable += sum(1 for f in rest if f.fix is not None and f.fix.safe
                       and f.suppression is None)
        unsafe += sum(1 for f in rest if f.fix is not None and not f.fix.safe
                      and f.suppression is None)
        waived = rest[0].suppression if rest and not unseen and all(
            f.suppression is not None for f in rest) else None
        kept.append(Finding(code, model.path, line, column,
                            msg("report.more", count=number(omitted[code]), limit=number(limit)),
                            hint=msg("report.more.hint"), subject=MORE_KEY,
                            severity=model.severity,
                            suppression=Waived(waived.kind, waived.reason) if waived else None))
    kept.sort(key=Finding.sort_key)
    return kept, omitted, (fixable, unsafe)
