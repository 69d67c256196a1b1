"""What the HTML and Markdown annexes say alike: text escaped for HTML, the lines of a checked
file that findings quote, the road map's header values and the rule set's name and layers in
words."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from roadmap_check import dates
from roadmap_check.findings import Finding
from roadmap_check.i18n import catalog, t
from roadmap_check.report import FileReport


def escape(text: object) -> str:
    """Any text as HTML shows it (quotes too): a title such as ``<script>`` is shown, never run."""
    return html.escape(str(text), quote=True)


def capital(text: str) -> str:
    """A label that starts a sentence: its first letter upper-case."""
    return text[:1].upper() + text[1:]


class SourceLines:
    """The lines of a checked file that a report quotes, as a list of all its lines reads:
    ``lines[n - 1]`` is line n (empty when not kept), ``len(lines)`` how many it has."""

    def __init__(self, kept: dict[int, str], count: int) -> None:
        self.kept, self.count = kept, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> str:
        return self.kept.get(index + 1, "")


def source_lines(path: str, findings: Iterable[Finding]) -> SourceLines | None:
    """The lines of a checked file around its findings (each one's line and the lines either
    side), read as a stream, so that a large draft's whole text is not held beside its report;
    None when it cannot be read (stdin, moved, binary). Lines end where ``str.splitlines``
    ends them, as when the whole text was read and split."""
    wanted = {n for f in findings for n in (f.line - 1, f.line, f.line + 1)}
    kept: dict[int, str] = {}
    count = 0
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as stream:
            for physical in stream:  # split at \n, \r and \r\n; splitlines does the rest
                for line in physical.splitlines():
                    count += 1
                    if count in wanted:
                        kept[count] = line
    except (OSError, ValueError):
        return None
    return SourceLines(kept, count)


def meta_value(name: str, value: str, lang: str) -> str:
    """A value of the road map's header as a reader reads it: its status and language in
    words, its dates as a table writes them."""
    if name in ("status", "language"):
        key = f"{name}.{value}"
        return t(lang, key) if key in catalog() else value
    if name in ("date", "period"):
        return dates.tabled(value).get(lang) or value
    return value


def layer(source: str, lang: str) -> str:
    """A file a rule set was layered from, as a reader reads it: a built-in one by its name."""
    found = re.fullmatch(r"<built-in ([\w.-]+)>", source)
    return t(lang, "html.builtin", name=found.group(1)) if found else source


def group_name(group: str | None, lang: str) -> str:
    """A group of frameworks by the name of its organisation, in the report's language."""
    if not group:
        return ""
    key = f"group.{group}"
    return t(lang, key) if key in catalog() else group


def produced_ruleset(file: FileReport) -> str:
    ruleset, lang = file.ruleset, file.lang
    assert ruleset is not None
    title = ruleset.title_in(lang) or ruleset.name
    return t(lang, "html.ruleset_named", title=title, name=ruleset.name,
             version=ruleset.version) if ruleset.version else \
        t(lang, "html.ruleset_unversioned", title=title, name=ruleset.name)
