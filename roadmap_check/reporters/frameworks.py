"""``roadmap-check frameworks``: the rule set's frameworks, as a table or JSON.

The terminal shows a table while it fits the terminal's width; a narrower terminal, or
``--provisions`` / ``--aliases``, gets one block per framework (its id on a line of its own,
the rest wrapped under it), so that no id is ever split. JSON always has everything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from roadmap_check.i18n import t
from roadmap_check.model import Framework, RuleSet
from roadmap_check.reporters.wrapping import hang

_COLUMNS = ("id", "title", "adopted", "until", "required", "confidence")
_MIN_TITLE = 24


@dataclass(frozen=True)
class Listing:
    """What ``frameworks`` shows: a rule set, in a language; ``provisions`` and ``aliases``
    add those to the terminal's listing."""

    ruleset: RuleSet
    lang: str
    provisions: bool = False
    aliases: bool = False


def _provisions(framework: Framework, lang: str) -> list[dict[str, Any]]:
    return [{"id": p.id, "title": p.title.get(lang) or p.title.get("en"),
             "aliases": list(p.aliases), "required": p.required} for p in framework.provisions]


def rows(listing: Listing) -> list[dict[str, Any]]:
    ruleset, lang = listing.ruleset, listing.lang
    required = {m for r in ruleset.requirements for m in ruleset.members(r) if r.framework}
    grouped = {r.id: ruleset.members(r) for r in ruleset.requirements if not r.framework}
    out: list[dict[str, Any]] = []
    for framework in sorted(ruleset.frameworks.values(), key=lambda f: (f.group or "", f.id)):
        groups = [gid for gid, members in grouped.items() if framework.id in members]
        out.append({
            "id": framework.id, "title": framework.title_in(lang), "group": framework.group,
            "adopted": framework.adopted, "in_force_until": framework.in_force_until,
            "required": framework.required or framework.id in required,
            "required_by_group": groups, "confidence": framework.confidence,
            "editions": list(framework.editions),
            "short": {k: list(v) for k, v in sorted(framework.short.items())},
            "aliases": {k: list(v) for k, v in sorted(framework.aliases.items())},
            "provisions": _provisions(framework, lang),
        })
    return out


def references(listing: Listing) -> list[dict[str, Any]]:
    """The rule set's accepted references, in the order it lists them."""
    lang = listing.lang
    return [{"ref": ref.ref, "kind": ref.kind, "aliases": list(ref.aliases),
             "editions": list(ref.editions),
             "note": ref.note.get(lang) or ref.note.get("en")}
            for ref in listing.ruleset.references.values()]


def as_json(listing: Listing) -> Iterator[str]:
    yield json.dumps({"ruleset": listing.ruleset.name, "sources": listing.ruleset.sources,
                      "frameworks": rows(listing), "references": references(listing)},
                     ensure_ascii=False, indent=2) + "\n"


CONFIDENCE = ("seen", "partial", "inferred", "unknown")


def _date(value: str | None, lang: str) -> str:
    from roadmap_check.dates import tabled

    return tabled(value).get(lang, value) if value else ""


def _need(row: dict[str, Any], lang: str) -> str:
    if row["required"]:
        return t(lang, "frameworks.yes")
    if row["required_by_group"]:
        return t(lang, "frameworks.one_of", ids=", ".join(row["required_by_group"]))
    return ""


def _cells(row: dict[str, Any], lang: str) -> tuple[str, ...]:
    confidence = t(lang, f"html.confidence.{row['confidence']}") \
        if row["confidence"] in CONFIDENCE else ""
    return (row["id"], row["title"], _date(row["adopted"], lang),
            _date(row["in_force_until"], lang), _need(row, lang), confidence)


def _names(table: dict[str, list[str]]) -> str:
    return "; ".join(name for names in table.values() for name in names)


def _block(row: dict[str, Any], listing: Listing, width: int) -> list[str]:
    lang = listing.lang
    out = [row["id"], *hang("    ", row["title"], width, 4)]
    facts = [f"{t(lang, f'frameworks.{column}')}: {value}" for column, value in
             zip(_COLUMNS[2:], _cells(row, lang)[2:], strict=True) if value]
    if facts:
        out += hang("    ", "; ".join(facts), width, 6)
    extra: list[tuple[str, str]] = []
    if listing.aliases:
        extra += [("frameworks.short", _names(row["short"])),
                  ("frameworks.aliases", _names(row["aliases"]))]
    if listing.provisions:
        extra.append(("frameworks.provisions", "; ".join(
            f"{p['id']} ({p['title']})" if p["title"] else p["id"] for p in row["provisions"])))
    for key, text in extra:
        if text:
            out += hang(f"    {t(lang, key)}: ", text, width, 6)
    return out


def _accepted(listing: Listing, width: int) -> list[str]:
    """The accepted references as blocks, for a terminal the tables do not fit."""
    lang, accepted = listing.lang, references(listing)
    if not accepted:
        return []
    lines = ["", *hang("", t(lang, "frameworks.references", count=len(accepted)), width, 2)]
    for row in accepted:
        said = "; ".join(x for x in (row["kind"], row["note"]) if x)
        lines += hang("  ", f"{row['ref']}: {said}" if said else row["ref"], width, 4)
    return lines


def _longest_word(text: str) -> int:
    return max(map(len, text.split()), default=0)


def _fits(found: list[dict[str, Any]], lang: str, width: int) -> bool:
    """Whether the table fits without splitting a word: every column but the title at least
    as wide as its longest word (the id: its whole value), the title a few words wide, and
    the borders. Columns wrap between words; rich's table never folds a word then."""
    cells = [_cells(row, lang) for row in found]
    fixed = sum(max([_longest_word(t(lang, f"frameworks.{column}")),
                     *(_longest_word(c[n]) for c in cells)])
                for n, column in enumerate(_COLUMNS) if column != "title")
    return fixed + _MIN_TITLE + 3 * len(_COLUMNS) + 1 <= width


def terminal(listing: Listing, color: bool) -> Iterator[str]:
    from roadmap_check.reporters import terminal_width

    lang, found = listing.lang, rows(listing)
    width = terminal_width(160)
    heading = t(lang, "frameworks.heading", name=listing.ruleset.name, count=len(found))
    if listing.provisions or listing.aliases or not _fits(found, lang, width):
        lines = hang("", heading, width, 2)
        for row in found:
            lines += ["", *_block(row, listing, width)]
        yield "\n".join(lines + _accepted(listing, width)) + "\n"
        return
    import io

    from rich.console import Console
    from rich.table import Table

    table = Table(title=heading, title_justify="left")
    for column in _COLUMNS:
        table.add_column(t(lang, f"frameworks.{column}"), overflow="fold",
                         no_wrap=column == "id")
    for row in found:
        table.add_row(*_cells(row, lang))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False)
    console.print(table)
    accepted = references(listing)
    if accepted:
        more = Table(title=t(lang, "frameworks.references", count=len(accepted)),
                     title_justify="left")
        for column in ("ref", "kind", "note"):
            more.add_column(t(lang, f"frameworks.{column}"), overflow="fold")
        for row in accepted:
            more.add_row(row["ref"], row["kind"] or "", row["note"] or "")
        console.print(more)
    yield buffer.getvalue()
