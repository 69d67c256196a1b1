"""The formal table a road map is written as (Word and Excel alike): which columns, what
each cell says, the section rows, the road map's own fields as "Label: value" lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roadmap_check.i18n import t
from roadmap_check.model import Item, Roadmap
from roadmap_check.office.header import say_day
from roadmap_check.office.tables import PROVISION_MARK, waiver_line
from roadmap_check.office.vocab import ITEM_FIELDS

__all__ = ["PROVISION_MARK", "cell_text", "columns_of", "header_lines", "sections"]

_LISTS = ("responsible", "participants", "indicators", "depends_on")
_ALWAYS = ("id", "title", "deadline", "responsible", "outcome", "cites")


def columns_of(roadmap: Roadmap) -> list[str]:
    """The standard columns, in their order, that this road map fills (the usual six always)."""
    used = {name for item in roadmap.items for name in ITEM_FIELDS
            if (getattr(item, name, None) if name != "id" else item.id_text)}
    return [name for name in ITEM_FIELDS if name != "section" and
            (name in _ALWAYS or name in used)]


def cell_text(item: Item, name: str, until: str = "until") -> str:
    if name == "id":
        return item.id_text.value if item.id_text else ""
    if name == "cites":
        # a provision given apart, after the neutral marker (it reads as the same citation)
        return "\n".join(c.raw.value + (PROVISION_MARK + c.provision.value if c.provision
                                         else "") for c in item.cites)
    if name == "waivers":
        return "\n".join(waiver_line(w.check.value if w.check else "",
                                     w.framework.value if w.framework else None,
                                     w.until.value if w.until else None,
                                     w.reason.value if w.reason else None, until)
                          for w in item.waivers)
    value: Any = getattr(item, name)
    if name in _LISTS:
        return "\n".join(v.value for v in value)
    return value.value if value is not None else ""


def header_lines(roadmap: Roadmap, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the road map's own fields after its title, as a document says them."""
    out = []
    for name in ("date", "period", "id", "version", "status", "language", "ruleset",
                 "requires"):
        if name == "requires":
            value = ", ".join(r.value for r in roadmap.requires)
        else:
            text = getattr(roadmap, name)
            value = text.value if text is not None else ""
        if not value:
            continue
        if name == "date":
            value = say_day(value, lang) or value
        elif name == "period":
            start, dash, end = value.partition("-")
            if dash and start.isdigit() and end.isdigit():
                value = t(lang, "office.period_years", start=start, end=end)
        out.append((t(lang, f"office.label.{name}"), value))
    return out


def sections(roadmap: Roadmap) -> Iterator[tuple[str | None, Item]]:
    """Each item with the section heading to write before it (None: the same as before)."""
    current: str | None = None
    for item in roadmap.items:
        section = item.section.value if item.section else None
        if section is not None and section != current:
            current = section
            yield section, item
        else:
            yield None, item


