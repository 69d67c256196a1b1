"""``roadmap-check frameworks``: the rule set's frameworks, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from roadmap_check.i18n import t
from roadmap_check.model import RuleSet


@dataclass(frozen=True)
class Listing:
    """What ``frameworks`` shows: a rule set, in a language."""

    ruleset: RuleSet
    lang: str


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


def terminal(listing: Listing, color: bool) -> Iterator[str]:
    import io

    from rich.console import Console
    from rich.table import Table

    lang, found = listing.lang, rows(listing)
    table = Table(title=t(lang, "frameworks.heading", name=listing.ruleset.name,
                          count=len(found)), title_justify="left")
    for column in ("id", "title", "adopted", "until", "required", "confidence"):
        table.add_column(t(lang, f"frameworks.{column}"), overflow="fold")
    for row in found:
        need = t(lang, "frameworks.yes") if row["required"] else (
            t(lang, "frameworks.one_of", ids=", ".join(row["required_by_group"]))
            if row["required_by_group"] else "")
        confidence = t(lang, f"html.confidence.{row['confidence']}") \
            if row["confidence"] in CONFIDENCE else ""
        table.add_row(row["id"], row["title"], _date(row["adopted"], lang),
                      _date(row["in_force_until"], lang), need, confidence)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      width=160 if not color else None, highlight=False)
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
