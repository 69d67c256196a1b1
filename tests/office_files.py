"""Word and Excel road maps for the tests, made with python-docx and openpyxl (never with
roadmap-check's own writers), and the YAML road map that says the same, written by hand."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl

RU_HEADER = ("№ п/п", "Наименование мероприятия", "Срок исполнения",
             "Ответственные исполнители", "Ожидаемый результат", "Основание")
FIELDS = ("id", "title", "deadline", "responsible", "outcome", "cites")


@dataclass
class Row:
    """An item of a test road map: its cells in the order of FIELDS."""

    id: str
    title: str
    deadline: str | dt.date
    responsible: Sequence[str]
    outcome: str
    cites: Sequence[str]
    section: str | None = None

    def cell(self, name: str, joiner: str = "\n") -> str | dt.date:
        value = getattr(self, name)
        if isinstance(value, (list, tuple)):
            return joiner.join(value)
        assert isinstance(value, (str, dt.date))
        return value


@dataclass
class Layout:
    """Where each item's row is in the document (1-based, as Word and Excel number them)."""

    rows: dict[str, list[int]] = field(default_factory=dict)   # item id -> its rows
    header: int = 1


def _with_sections(items: Sequence[Row]) -> list[Row | str]:
    out: list[Row | str] = []
    current = None
    for item in items:
        if item.section and item.section != current:
            out.append(item.section)
            current = item.section
        out.append(item)
    return out


def make_docx(path: Path, items: Sequence[Row], before: Sequence[str] = (),
              header: Sequence[str] = RU_HEADER, numbering_row: bool = False) -> Layout:
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    layout = Layout()
    if numbering_row:
        for number, cell in enumerate(table.add_row().cells, 1):
            cell.text = str(number)
    for entry in _with_sections(items):
        cells = table.add_row().cells
        if isinstance(entry, str):
            cells[0].merge(cells[-1]).text = entry
            continue
        layout.rows.setdefault(entry.id, []).append(len(table.rows))
        for cell, name in zip(cells, FIELDS, strict=True):
            value = entry.cell(name)
            cell.text = value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else value
    document.save(str(path))
    return layout


def make_xlsx(path: Path, items: Sequence[Row], before: Sequence[str] = (),
              header: Sequence[str] = RU_HEADER) -> Layout:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "План"
    row = 0
    for text in before:
        row += 1
        sheet.cell(row, 1, text)
    row += 1
    layout = Layout(header=row)
    for column, text in enumerate(header, 1):
        sheet.cell(row, column, text)
    for entry in _with_sections(items):
        row += 1
        if isinstance(entry, str):
            sheet.cell(row, 1, entry)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row,
                              end_column=len(header))
            continue
        layout.rows.setdefault(entry.id, []).append(row)
        for column, name in enumerate(FIELDS, 1):
            cell = sheet.cell(row, column, entry.cell(name))
            if isinstance(entry.cell(name), dt.date):
                cell.number_format = "DD.MM.YYYY"
    book.save(str(path))
    return layout


def yaml_of(items: Sequence[Row], header: dict[str, str]) -> str:
    """The YAML road map that says what the table says (strings quoted as JSON)."""
    lines = ["roadmap:"]
    lines += [f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in header.items()]
    lines.append("items:")
    for item in items:
        lines.append(f"  - id: {json.dumps(item.id)}")
        deadline = item.deadline.isoformat() if isinstance(item.deadline, dt.date) \
            else item.deadline
        for name, value in (("title", item.title), ("deadline", deadline),
                            ("outcome", item.outcome), ("section", item.section)):
            if value:
                lines.append(f"    {name}: {json.dumps(value, ensure_ascii=False)}")
        if item.responsible:
            lines.append(f"    responsible: {json.dumps(list(item.responsible), ensure_ascii=False)}")
        if item.cites:
            lines.append(f"    cites: {json.dumps(list(item.cites), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
