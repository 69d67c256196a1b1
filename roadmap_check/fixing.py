"""``roadmap-check fix``: apply the safe fixes (the unsafe ones too when asked), editing only
the spans they name.

Comments, key order, quoting and blank lines stay as they were. The fixed text is read again
before anything is written: it must be valid YAML, every fixed scalar must hold exactly its new
value, and everything else must read as before; otherwise the file is left as it was and named
(``Refused``). How the file is then written (links, permissions) is ``rewrite``'s business.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from roadmap_check.checks.base import NO_FIX
from roadmap_check.engine import Engine
from roadmap_check.findings import Finding, Fix
from roadmap_check.i18n import LANGS, foreign, quoted, say, t
from roadmap_check.loading import scalar_start
from roadmap_check.registry import CHECKS
from roadmap_check.rewrite import Refused, replace_text
from roadmap_check.yaml_io import MappingNode, Node, ScalarNode, SequenceNode, compose, read_scalar

__all__ = ["SAFE", "Outcome", "Refused", "apply", "fix_file", "read", "unsafe_said", "verify",
           "write"]

# The checks whose findings carry fixes (their declarations say so); each fix says whether
# it is safe, and only safe ones are applied unless the unsafe ones are asked for.
SAFE = frozenset(code for code, check in CHECKS.items() if check.fix != NO_FIX)
# What a fix run checks: the fixable checks, and whether the road map's rule set can be used.
SELECT = SAFE | {"RM008"}
_BOM = "\ufeff"


@dataclass
class Outcome:
    path: Path
    before: str
    after: str
    applied: list[Finding]
    unsafe: list[Finding] = field(default_factory=list)  # unsafe fixes left, at their places
    #                                                       in ``before``

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self, lang: str = "en") -> str:
        """The unified diff of the fixes; a hunk that holds an unsafe fix says so after its
        ``@@ ... @@`` (where a diff has room for a remark: patch and git apply ignore it)."""
        name = self.path.as_posix()
        old, new = (name, name) if self.path.is_absolute() else (f"a/{name}", f"b/{name}")
        lines = list(_unified(self.before.splitlines(keepends=True),
                              self.after.splitlines(keepends=True), old, new))
        unsafe = [f for f in self.applied if f.fix is not None and not f.fix.safe]
        if unsafe:
            heads = [i for i, line in enumerate(lines) if line.startswith("@@")]
            for at, end in zip(heads, [*heads[1:], len(lines)], strict=True):
                added = "".join(line for line in lines[at + 1:end] if line.startswith("+"))
                marks = [f for f in unsafe if f.fix is not None and f.fix.replacement in added]
                if marks:
                    head = lines[at].rstrip("\r\n")
                    lines[at] = f"{head} {'; '.join(unsafe_said(f, lang) for f in marks)}\n"
        return "".join(lines)


_Tag = Literal["replace", "delete", "insert", "equal"]


class _Aligned(difflib.SequenceMatcher[str]):
    """Two texts of as many lines, compared line by line: a fix replaces text within its lines
    and keeps their number, so the lines pair up as they stand. What difflib would find, without
    its search for the longest matches (seconds on a draft with thousands of fixes)."""

    def __init__(self, a: list[str], b: list[str]) -> None:  # no index of b: not searched
        self.a, self.b = a, b

    def get_opcodes(self) -> list[tuple[_Tag, int, int, int, int]]:
        a, b = self.a, self.b
        ops: list[tuple[_Tag, int, int, int, int]] = []
        start = 0
        for index in range(1, len(a) + 1):
            if index == len(a) or (a[index] == b[index]) != (a[start] == b[start]):
                ops.append(("equal" if a[start] == b[start] else "replace",
                            start, index, start, index))
                start = index
        return ops


def _unified(a: list[str], b: list[str], old: str, new: str) -> Iterator[str]:
    """``difflib.unified_diff`` of the lines of two texts (line by line when they have as
    many lines)."""
    matcher = _Aligned(a, b) if len(a) == len(b) else difflib.SequenceMatcher(None, a, b)
    started = False
    for group in matcher.get_grouped_opcodes(3):
        if not started:
            started = True
            yield f"--- {old}\n"
            yield f"+++ {new}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it (difflib's ``_format_range_unified``)."""
    length = stop - start
    if length == 1:
        return f"{start + 1}"
    return f"{start if not length else start + 1},{length}"


def unsafe_said(finding: Finding, lang: str) -> str:
    """An unsafe fix in a few words: its check and what it drops or widens."""
    fix = finding.fix
    assert fix is not None
    return t(lang, "cli.diff_unsafe", code=finding.code,
             lost=", ".join(quoted(x)[lang] for x in fix.loses) if fix.loses else "-")


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _offsets(text: str) -> list[int]:
    """The offset where each line starts, counting line breaks as the YAML reader does."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def apply(body: str, findings: Iterable[Finding],
          unsafe: bool = False) -> tuple[str, list[Finding]]:
    """The text (without BOM) with the given findings' fixes (the safe ones, and the unsafe
    ones too with ``unsafe``); overlapping fixes are skipped."""
    text, applied, _ = _apply(body, findings, unsafe)
    return text, applied


def _apply(body: str, findings: Iterable[Finding],
           unsafe: bool = False) -> tuple[str, list[Finding], int]:
    """``apply``, and how many fixes were left for another round: those overlapping another
    fix taken (the same fix again, on a value an alias repeats, is not left)."""
    starts = _offsets(body)
    spans: list[tuple[int, int, Fix, Finding]] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.suppression is not None or not (fix.safe or unsafe):
            continue
        if fix.line > len(starts) or fix.end_line > len(starts):
            continue
        start = starts[fix.line - 1] + fix.column - 1
        end = starts[fix.end_line - 1] + fix.end_column - 1
        if body[start:end] != fix.replacement:
            spans.append((start, end, fix, finding))
    spans.sort(key=lambda s: (s[0], s[1]))
    applied: list[Finding] = []
    out: list[str] = []
    cursor = left = 0
    taken: tuple[int, int, str] | None = None
    for start, end, fix, finding in spans:
        if start < cursor:  # overlaps a fix already taken; the next round picks it up
            left += (start, end, fix.replacement) != taken
            continue
        out.append(body[cursor:start])
        out.append(fix.replacement)
        cursor = end
        taken = (start, end, fix.replacement)
        applied.append(finding)
    out.append(body[cursor:])
    return "".join(out), applied, left


def verify(before: str, after: str, applied: list[Finding], path: str) -> None:
    """Raise ``Refused`` unless ``after`` (``before`` with the fixes of ``applied``) reads as
    ``before`` does, except that each fixed scalar holds exactly its new value."""
    old, new = compose(before), compose(after)
    spans = sorted(((f.fix.line, f.fix.column, f.fix) for f in applied if f.fix),
                   key=lambda s: s[:2])
    # A fix may mend a problem of the text (a tag quoted as the text it was), never add one.
    if old.root is None or new.root is None or \
            Counter(p.kind for p in new.problems) - Counter(p.kind for p in old.problems):
        line, column = spans[0][:2] if spans else (1, 1)
        raise Refused.of("error.fix_unreadable", path=path, line=line, column=column)
    wanted = {(line, column): read_scalar(fix.replacement) if fix.value is None else fix.value
              for line, column, fix in spans}
    found: set[tuple[int, int]] = set()
    stack: list[tuple[Node, Node]] = [(old.root, new.root)]
    seen: set[tuple[int, int]] = set()
    while stack:
        a, b = stack.pop()
        if (id(a), id(b)) not in seen:
            seen.add((id(a), id(b)))
            if _differs(a, b, before, wanted, found, stack):
                start, end = a.start_mark, a.end_mark
                inside = [s[:2] for s in spans
                          if (start.line + 1, start.column + 1) <= s[:2] <= (end.line + 1,
                                                                            end.column + 1)]
                line, column = inside[0] if inside else (start.line + 1, start.column + 1)
                raise Refused.of("error.fix_changes_more", path=path, line=line, column=column)
    for line, column in sorted(set(wanted) - found):
        raise Refused.of("error.fix_changes_more", path=path, line=line, column=column)


def _differs(a: Node, b: Node, before: str, wanted: dict[tuple[int, int], str | None],
             found: set[tuple[int, int]], stack: list[tuple[Node, Node]]) -> bool:
    """Whether node ``b`` of the fixed text reads otherwise than ``a`` should; the pairs of
    their children go on ``stack``."""
    if isinstance(a, ScalarNode):
        line, column, _ = scalar_start(a, before)
        where = (line + 1, column + 1)
        whole = (a.start_mark.line + 1, a.start_mark.column + 1)
        if whole in wanted and whole != where:  # a fix of the value with its tag (RM007)
            where = whole
        if not isinstance(b, ScalarNode):
            return True
        if where in wanted:
            found.add(where)
            return bool(b.value != wanted[where])
        return (a.value, a.tag) != (b.value, b.tag)
    if type(a) is not type(b) or a.tag != b.tag or len(a.value) != len(b.value):
        return True
    if isinstance(a, MappingNode):
        for (key_a, value_a), (key_b, value_b) in zip(a.value, b.value, strict=True):
            stack += ((key_a, key_b), (value_a, value_b))
    elif isinstance(a, SequenceNode):
        stack += zip(a.value, b.value, strict=True)
    return False


def read(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Refused.of("error.unreadable", path=str(path),
                         reason=foreign("os", str(exc.strerror))) from None
    from roadmap_check import office

    if office.is_document(data, path.name):  # fixes are spans of YAML text
        raise Refused.of("error.fix_office", path=str(path))
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused.of("error.not_utf8", path=str(path)) from None


def write(path: Path, original: bytes, text: str, force: bool = False) -> None:
    """Write the fixed text (see ``rewrite``): refused if the file changed on disk since
    ``original`` was read, or is read-only and not ``force``d."""
    replace_text(path, original, text.encode("utf-8"), force)


def _unsafe(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and not f.fix.safe and f.suppression is None]


def fix_file(engine: Engine, path: Path, unsafe: bool = False) -> tuple[bytes, Outcome, str]:
    """The file's bytes as read, the outcome of its safe fixes (and unsafe ones, with
    ``unsafe``), and the file's language.

    ``engine`` should select the SELECT codes. Fixes that overlap one taken are left for
    another round (at most three); each round's text is verified before the next (``verify``),
    so a file is fixed safely or not at all. The unsafe fixes left are in the outcome.
    """
    original, text = read(path)
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    fixed, applied, lang = body, [], "en"
    pending: list[Finding] | None = None  # the unsafe fixes left, where the file has them
    for _ in range(3):
        report = engine.check_text(fixed, str(path), path.parent)
        lang = report.lang
        unusable = next((f for f in report.findings if f.code == "RM008"), None)
        if unusable is not None:  # fixes against no rule set would be guesses
            said = {lang: say(lang, unusable.message) for lang in LANGS}
            raise Refused.of("error.fix_no_ruleset", path=f"{path}:{unusable.line}", error=said)
        if pending is None:  # of the text as read: a safe fix changes no unsafe one
            pending = [] if unsafe else _unsafe(report.findings)
        after, done, left = _apply(fixed, report.findings, unsafe)
        if not done:
            break
        verify(fixed, after, done, str(path))
        fixed = after
        applied += done
        if not left:
            break
    return original, Outcome(path, text, (_BOM if bom else "") + fixed, applied,
                             pending or []), lang
