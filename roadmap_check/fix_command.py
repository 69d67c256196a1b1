"""The fix command: each file fixed in place, or its changes shown as a diff; what each file
had fixed and what was left unsafe said on standard error, in the file's language. And
``check --fix``: the fixes applied before the check."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from roadmap_check import fixing
from roadmap_check.engine import Engine, Options
from roadmap_check.errors import EXIT_USAGE, say, write_out
from roadmap_check.fixing import Outcome
from roadmap_check.i18n import quoted, t
from roadmap_check.safe_text import line, printable


def fix_files(paths: list[Path], options: Options, *, diff: bool, force: bool, said: str,
              unsafe: bool = False) -> int:
    """Fix the files one by one; the exit code: 2 when a file was refused (left as it was),
    1 when ``diff`` shows changes not yet made, else 0."""
    engine = Engine(options)
    pending = refused = False
    for path in paths:
        try:
            original, outcome, file_lang = fixing.fix_file(engine, path, unsafe)
            if diff:
                # the road map's own lines: their control characters shown, their ends kept
                write_out(printable(text.rstrip("\r\n")) + text[len(text.rstrip("\r\n")):]
                          for text in outcome.diff(file_lang).splitlines(keepends=True))
                pending |= outcome.changed
            elif outcome.changed:
                fixing.write(path, original, outcome.after, force)
        except fixing.Refused as exc:  # this file is left as it was; on with the next
            print(line(f"roadmap-check: {exc.in_lang(exc.lang or said)}"), file=sys.stderr)
            refused = True
            continue
        applied = outcome.applied
        codes = sorted({f.code for f in applied})
        key = "cli.nothing_to_fix" if not applied else "cli.would_fix" if diff else "cli.fixed"
        print(line(t(file_lang, key, path=str(path), count=len(applied),
                     codes=f" ({', '.join(codes)})" if codes else "")), file=sys.stderr)
        unsafe_left(path, outcome, file_lang, diff)
    return EXIT_USAGE if refused else 1 if pending else 0


def unsafe_left(path: Path, outcome: Outcome, lang: str, each: bool) -> None:
    """The unsafe fixes not applied: how many, and with ``each`` (--diff) each one, with
    what it would drop or widen."""
    left = outcome.unsafe
    if not left:
        return
    if each:
        for found in left:
            fix = found.fix
            assert fix is not None
            new = fix.value if fix.value is not None else fix.replacement
            print(line(t(lang, "cli.unsafe_fix", where=f"{path}:{found.line}:{found.column}",
                         code=found.code, old=quoted(found.subject or "")[lang],
                         new=quoted(new)[lang],
                         lost=", ".join(quoted(x)[lang] for x in fix.loses) or "-")),
                  file=sys.stderr)
    print(line(t(lang, "cli.unsafe_left", path=str(path), count=len(left))), file=sys.stderr)


def fix_before_check(paths: list[Path], options: Options, lang: str, unsafe: bool = False) -> None:
    """``check --fix``: apply the safe fixes (and the unsafe ones, with ``unsafe``) to each
    file, then check what is left."""
    engine = Engine(replace(options, select=fixing.SELECT, ignore=frozenset(), limit=None))
    for path in paths:
        if str(path) == "-":
            continue
        try:
            original, outcome, _ = fixing.fix_file(engine, path, unsafe)
        except fixing.Refused as exc:  # a Word or Excel road map: checked as it is
            if exc.template != "error.fix_office":
                raise
            say(exc.in_lang(lang))
            continue
        if outcome.changed:
            fixing.write(path, original, outcome.after)
            say(t(lang, "cli.fixed", path=str(path),
                       count=len(outcome.applied),
                       codes=f" ({', '.join(sorted({f.code for f in outcome.applied}))})"))
        if outcome.unsafe:  # left for --unsafe-fixes; the check below lists them
            say(t(lang, "cli.unsafe_left", path=str(path), count=len(outcome.unsafe)))
