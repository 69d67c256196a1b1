"""Inline suppressions: ``# roadmap-check: ignore[RM201] reason`` comments in a road map.

On the line of a finding, or on its item's ``id`` line, the comment waives those codes there;
``# roadmap-check: ignore-file[RM105] reason`` waives them in the whole file. A stage of the
engine, after the waivers: a suppression without a reason, or one that suppresses nothing, is
itself reported (RM404, RM405, declared here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from roadmap_check.checks.base import INFO, NO_FIX, Check, Family, W
from roadmap_check.findings import Finding, Waived
from roadmap_check.i18n import local, msg

RM404 = Check("RM404", "suppression-without-reason", W, NO_FIX,
              ("rm404.no_reason", "rm404.no_reason.hint", "suppression.inline",
               "suppression.inline_no_reason"))
RM405 = Check("RM405", "unused-suppression", INFO, NO_FIX, (
    "rm405.unknown_code", "rm405.unknown_code.hint", "rm405.unused", "rm405.unused.hint"))
FAMILY = Family("suppressions", (RM404, RM405))

# The comment up to its opening bracket; the codes run to the first ']' after it. (As one
# pattern, ``\[[^\]]*\]`` would scan to the end of the line from each '#' of a line without
# a ']', and a long line of such comments would take quadratic time.)
_COMMENT = re.compile(r"#\s*roadmap-check:\s*(?P<kind>ignore-file|ignore)\s*\[")


@dataclass(eq=False)
class Suppression:
    line: int
    column: int
    whole_file: bool
    written: tuple[str, ...]       # the codes or prefixes as written, upper-cased
    reason: str
    codes: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()
    used: bool = field(default=False)


# Line breaks as YAML counts them (its marks number lines so), in text and in UTF-8 bytes.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_BYTES = re.compile(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]")


def parse(data: str | bytes) -> list[Suppression]:
    """Every suppression comment of a text (UTF-8 bytes or str). Cheap when there is none,
    and no copy of a large text: only the lines that hold a comment are read."""
    mark: str | bytes = _MARK.encode() if isinstance(data, bytes) else _MARK
    at = data.find(mark)  # type: ignore[arg-type]
    if at < 0:  # most road maps: one scan, and the scans for line breaks below are not needed
        return []
    if isinstance(data, bytes):
        breaks: re.Pattern[str] | re.Pattern[bytes] = _BREAK_BYTES
        plain = b"\r" not in data and b"\xc2\x85" not in data and b"\xe2\x80\xa8" not in data \
            and b"\xe2\x80\xa9" not in data
        newline: str | bytes = b"\n"
    else:
        breaks, newline = _BREAK, "\n"
        plain = not any(c in data for c in "\r\x85\u2028\u2029")
    found: list[Suppression] = []
    number, line_start = 1, 0  # the line of the last comment found, and where it starts
    while at >= 0:
        if plain:  # only '\n' breaks lines: counted in C
            number += data.count(newline, line_start, at)  # type: ignore[arg-type]
            line_start = data.rfind(newline, 0, at) + 1  # type: ignore[arg-type]
            line_end = data.find(newline, at)  # type: ignore[arg-type]
        else:
            for found_break in breaks.finditer(data, line_start, at):  # type: ignore[arg-type]
                number, line_start = number + 1, found_break.end()
            after = breaks.search(data, at)  # type: ignore[arg-type]
            line_end = after.start() if after is not None else -1
        line_end = len(data) if line_end < 0 else line_end
        raw = data[line_start:line_end]
        line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        comment = _comment(number, line)
        if comment is not None:
            found.append(comment)
        at = data.find(mark, line_end)  # type: ignore[arg-type]
    return found


_MARK = "roadmap-check:"


def _comment(number: int, line: str) -> Suppression | None:
    match = _COMMENT.search(line)
    close = line.find("]", match.end()) if match is not None else -1
    if match is None or close < 0:
        return None
    written = tuple(p for p in (p.strip().upper() for p in line[match.end():close].split(","))
                    if p)
    return Suppression(number, match.start() + 1, match.group("kind") == "ignore-file", written,
                       line[close + 1:].strip())


def apply(findings: list[Finding], suppressions: list[Suppression], id_lines: dict[str, int],
          path: str, known: Iterable[str], beyond: set[str] | None = None) -> list[Finding]:
    """Mark covered findings suppressed (in place); return RM404/RM405 findings. ``beyond``:
    the checks some of whose findings were beyond the cap (not kept), or that the run did not
    run (not selected): a comment naming one of them may cover findings not seen here, so it
    is not called unused."""
    if not suppressions:
        return []
    codes = sorted(known)
    for suppression in suppressions:
        matched: set[str] = set()
        unknown: list[str] = []
        for part in suppression.written:
            hits = {c for c in codes if c.startswith(part)} if part.startswith("RM") else set()
            if hits:
                matched |= hits
            else:
                unknown.append(part)
        suppression.codes, suppression.unknown = frozenset(matched), tuple(unknown)
        suppression.used = bool(beyond and suppression.codes & beyond)
    by_line: dict[int, list[Suppression]] = {}
    whole = [s for s in suppressions if s.whole_file]
    for suppression in suppressions:
        if not suppression.whole_file:
            by_line.setdefault(suppression.line, []).append(suppression)
    for index, found in enumerate(findings):
        if found.suppression is not None:
            continue
        lines = [found.line]
        if found.item is not None and found.item in id_lines:
            lines.append(id_lines[found.item])
        candidates = [s for line in lines for s in by_line.get(line, ())] + whole
        for suppression in candidates:
            if found.code in suppression.codes:
                suppression.used = True
                note = msg("suppression.inline", reason=suppression.reason) \
                    if suppression.reason else msg("suppression.inline_no_reason")
                findings[index] = found._replace(suppression=Waived("comment", note))
                break
    out: list[Finding] = []
    for s in suppressions:
        named = ", ".join(sorted(s.codes) + list(s.unknown))
        subject = named or "nothing"  # the subject, in English whatever the language
        said = named or local("nothing")
        where = (s.line, s.column)
        if not s.reason:
            out.append(RM404.at(path, where, msg("rm404.no_reason", codes=said), subject=subject,
                                hint=msg("rm404.no_reason.hint")))
        if s.unknown:
            out.append(RM405.at(path, where, msg("rm405.unknown_code", codes=", ".join(s.unknown)),
                                subject=subject, hint=msg("rm405.unknown_code.hint")))
        elif not s.used:
            out.append(RM405.at(path, where, msg("rm405.unused", codes=said), subject=subject,
                                hint=msg("rm405.unused.hint")))
    return out
