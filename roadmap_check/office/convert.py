"""``roadmap-check convert``: a Word or Excel road map to YAML, and YAML to Word or Excel.

To YAML: every field the table gives, each item after a comment that names its source row, the
drafter's text as written (Russian untouched: strings are written double-quoted, escaping only
what YAML must); a cell of a column that is not read is kept as a comment under its item, so
nothing the document says is lost.

From YAML: the formal table with the standard columns (those the road map uses), headers in the
road map's language, sections as rows spanning the table, citations and parties one per line,
the header row repeated on each page, landscape A4; the road map's own fields before the table
(the title; the date, the period and the rest as "Label: value" lines, or a sheet of them in
Excel), so that converting it back gives the same road map.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from roadmap_check.i18n import t
from roadmap_check.model import Citation, Item, Roadmap
from roadmap_check.office.read import Reading
from roadmap_check.office.vocab import ITEM_FIELDS
from roadmap_check.report import Place

_LISTS = ("responsible", "participants", "indicators", "depends_on")


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


# -- to YAML --------------------------------------------------------------------------------


def to_yaml(reading: Reading, lang: str) -> str:
    assert reading.roadmap is not None
    roadmap = reading.roadmap
    out = ["roadmap:"]
    for name in ("id", "title", "version", "status", "date", "period", "language", "ruleset"):
        text = getattr(roadmap, name)
        if text is not None:
            out.append(f"  {name}: {_q(text.value)}")
    if roadmap.requires:
        out.append(f"  requires: [{', '.join(_q(r.value) for r in roadmap.requires)}]")
    out.append("items:" if roadmap.items else "items: []")
    for item in roadmap.items:
        out.extend(_item(item, reading, lang))
    return "\n".join(out) + "\n"


def _source(reading: Reading, item: Item, lang: str) -> str:
    from roadmap_check.reporters import place_words

    place = reading.places.get((item.line, item.column))
    if place is None:
        return ""
    row = Place(place.table, place.row, sheet=place.sheet,
                ref=f"{''.join(c for c in (place.ref or '') if c.isalpha())}{place.row}"
                if place.sheet else None)
    where = place_words(row, lang) if not place.sheet else \
        t(lang, "office.where.sheet_row", sheet=place.sheet, ref=f"{place.row}")
    return t(lang, "office.source", where=where)


def _item(item: Item, reading: Reading, lang: str) -> Iterator[str]:
    source = _source(reading, item, lang)
    if source:
        yield f"  # {_comment(source)}"
    first = True
    for name in ITEM_FIELDS:
        lead = "  - " if first else "    "
        if name == "id":
            if item.id_text is None:
                continue
            line = f"id: {_q(item.id_text.value)}"
        elif name in _LISTS:
            values = getattr(item, name)
            if not values:
                continue
            line = f"{name}: [{', '.join(_q(v.value) for v in values)}]"
        elif name == "waivers":
            if not item.waivers:
                continue
            yield f"{lead}waivers:"
            first = False
            for waiver in item.waivers:
                fields = ", ".join(f"{key}: {_q(text.value)}" for key, text in (
                    ("check", waiver.check), ("framework", waiver.framework),
                    ("reason", waiver.reason), ("until", waiver.until)) if text is not None)
                yield f"      - {{{fields}}}"
            continue
        elif name == "cites":
            if not item.cites:
                continue
            yield f"{lead}cites:"
            first = False
            for citation in item.cites:
                yield f"      - {_citation(citation)}"
            continue
        else:
            text = getattr(item, name)
            if text is None:
                continue
            line = f"{name}: {_q(text.value)}"
        yield lead + line
        first = False
    if first:  # an item with nothing that YAML would keep: still an item
        yield "  - {}"
    for header, text in reading.extras.get(item.line, []):
        for number, part in enumerate(text.splitlines()):
            yield f"    # {_comment(header + ': ' if number == 0 else '  ')}{_comment(part)}"


def _citation(citation: Citation) -> str:
    if citation.provision is None:
        return _q(citation.raw.value)
    return f"{{framework: {_q(citation.raw.value)}, provision: {_q(citation.provision.value)}}}"


def _comment(text: str) -> str:
    """Text for a YAML comment: one line, no control characters."""
    return "".join(c if c.isprintable() else " " for c in text)


def write(roadmap: Roadmap, lang: str, target: Path) -> None:
    if target.suffix.lower() == ".docx":
        from roadmap_check.office.write_docx import write_docx

        write_docx(roadmap, lang, target)
    else:
        from roadmap_check.office.write_xlsx import write_xlsx

        write_xlsx(roadmap, lang, target)
