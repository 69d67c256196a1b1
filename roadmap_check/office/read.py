"""A Word or Excel road map -> the model, its reading's findings and where each value is.

``read(data, display, settings)`` opens the container safely (``container``), reads the
document's grids and the text before them (``docx``, ``xlsx``), finds the road-map tables
(``tables``) and the road map's own fields (``header``). What cannot be read at all is one
finding (RM001) that says why and what to do ("save it as .docx"); a document without a
road-map table is one finding (RM003) that lists the columns looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from roadmap_check.findings import Finding
from roadmap_check.i18n import msg
from roadmap_check.model import Roadmap, Text
from roadmap_check.office import header as headers
from roadmap_check.office.container import OfficeError, Package, open_package
from roadmap_check.office.tables import (
    Grid,
    Reader,
    Table,
    expected_columns,
    find_tables,
    language_of,
)
from roadmap_check.office.vocab import Vocabulary, explicit_columns, vocabulary
from roadmap_check.report import Place
from roadmap_check.roadmap_format import RM001, RM003


@dataclass(frozen=True)
class Settings:
    """What the user says about reading tables: columns by header, road-map fields."""

    columns: tuple[tuple[str, str], ...] = ()   # (header, field)
    fields: tuple[tuple[str, str], ...] = ()    # (road-map field, value)


@dataclass
class Reading:
    roadmap: Roadmap | None
    findings: list[Finding]
    places: dict[tuple[int, int], Place] = field(default_factory=dict)
    kind: str = "docx"
    extras: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # unread cells


def refusal(display: str, error: OfficeError) -> Finding:
    """The finding of a file that cannot be read as a Word or Excel road map."""
    return RM001.at(display, (1, 1), msg(error.key, **error.values),
                    hint=msg(error.key + ".hint", **error.values) if error.key in _HINTED
                    else None)


_HINTED = frozenset({"office.legacy_doc", "office.legacy_xls", "office.encrypted",
                     "office.macros", "office.odf_macros", "office.ole2"})


def read(data: bytes, display: str, settings: Settings) -> Reading:
    try:
        package = open_package(data, display)
        return _read(package, display, settings)
    except OfficeError as exc:
        return Reading(None, [refusal(display, exc)], kind="office")


def _read(package: Package, display: str, settings: Settings) -> Reading:
    vocab = vocabulary()
    reader = Reader(display)
    sources = headers.Sources(options=dict(settings.fields),
                              stem=PurePath(display).stem if display != "-" else "")
    grids: list[Grid]
    if package.kind in ("docx", "odt"):
        from roadmap_check.office import docx, odf

        scanned = docx.scan(package) if package.kind == "docx" else odf.scan(package)
        grids = scanned.grids
        for number, paragraph in enumerate(scanned.paragraphs, 1):
            if paragraph.text:
                at = reader.place(reader.next_line(), 1,
                                  Place(paragraph=number, text=paragraph.text[:200]))
                sources.lines.append(headers.Line(paragraph.text, at, paragraph.style))
        if scanned.title:
            sources.properties["title"] = scanned.title
    elif package.kind == "ods":
        from roadmap_check.office import odf

        grids = odf.scan(package).grids
    else:
        from roadmap_check.office import xlsx

        book = xlsx.scan(package)
        grids = []
        for sheet in book.sheets:
            sheet.grid.sheet = sheet.name
            grids.append(sheet.grid)
    explicit = explicit_columns(settings.columns)
    tables = find_tables(grids, vocab, explicit)
    if not tables:
        return Reading(None, [RM003.at(display, (1, 1), msg("rm003.office_no_table"),
                                       hint=msg("rm003.office_no_table.hint",
                                                columns=expected_columns()))],
                       reader.places, package.kind)
    if package.kind in ("xlsx", "ods"):
        _sheet_sources(grids, tables, reader, sources, vocab)
    roadmap = Roadmap(display)
    items = []
    anchor = (1, 1)
    for number, table in enumerate(tables):
        found, at = reader.items(table)
        if number == 0:
            anchor = at
        items.extend(found)
    roadmap.line, roadmap.column = anchor
    roadmap.items = items
    headers.fill(roadmap, sources, vocab, anchor)
    if roadmap.language is None:
        roadmap.language = Text(language_of(tables), *anchor, *anchor)
    for name in ("id", "title"):
        if getattr(roadmap, name) is None:
            reader.findings.append(RM003.at(display, anchor, msg(
                "rm003.roadmap_missing", name=repr(name)), hint=msg("rm003.office_field.hint",
                                                                   name=name)))
    return Reading(roadmap, reader.findings, reader.places, package.kind, reader.extras)


def _sheet_sources(grids: list[Grid], tables: list[Table], reader: Reader,
                   sources: headers.Sources, vocab: Vocabulary) -> None:
    """An Excel workbook's fields: the rows above the table in its sheet, and a header sheet
    (label | value rows) among the others."""
    first = tables[0]
    for row in first.grid.rows[:first.header]:
        text = "\n".join(c.text for c in row.cells if c.text)
        if text:
            col = next(c.column for c in row.cells if c.text)
            at = reader.place(reader.next_line(), col, reader.cell_place(
                first.grid, row, col, "", text))
            sources.lines.append(headers.Line(text, at))
    used = {id(t.grid) for t in tables}
    for grid in grids:
        if id(grid) in used:
            continue
        for row in grid.rows:
            texts = [c for c in row.cells if c.text]
            if len(texts) < 2:
                continue
            name = vocab.field(texts[0].text)
            if name is None or name in sources.labelled:
                continue
            value = texts[1]
            at = reader.place(reader.next_line(), value.column, reader.cell_place(
                grid, row, value.column, texts[0].text, value.text))
            sources.labelled[name] = Text(re.sub(r"\s+", " ", value.text).strip()
                                          if name != "requires" else value.text, *at, *at)
