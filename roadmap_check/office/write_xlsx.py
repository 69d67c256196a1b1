"""A road map as an Excel workbook: the table on its first sheet, its fields on a second."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from roadmap_check.i18n import t
from roadmap_check.model import Roadmap
from roadmap_check.office.layout import cell_text, columns_of, header_lines, sections

_WIDTHS = {"id": 7, "title": 45, "description": 40, "responsible": 30, "participants": 28,
           "start": 14, "deadline": 16, "outcome": 35, "indicators": 28, "depends_on": 14,
           "cites": 50, "waivers": 40}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_ROW = 3  # the title above it, a blank row between


def _lines(text: str, width: int) -> int:
    """How many lines a wrapped cell of ``width`` characters shows."""
    return sum(max(1, -(-len(line) // max(width - 2, 1))) for line in text.split("\n"))


def write_xlsx(roadmap: Roadmap, lang: str, target: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t(lang, "office.sheet.items")
    columns = columns_of(roadmap)
    width = len(columns)
    if roadmap.title is not None:
        sheet.cell(1, 1, roadmap.title.value).font = Font(bold=True, size=13)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for number, name in enumerate(columns, 1):
        cell = sheet.cell(_HEADER_ROW, number, t(lang, f"office.column.{name}"))
        cell.font, cell.border, cell.alignment = Font(bold=True), _BOX, _WRAP
        sheet.column_dimensions[get_column_letter(number)].width = _WIDTHS[name]
    row = _HEADER_ROW
    for heading, item in sections(roadmap):
        if heading is not None:
            row += 1
            cell = sheet.cell(row, 1, heading)
            cell.font, cell.alignment = Font(bold=True), _WRAP
            for number in range(1, width + 1):
                sheet.cell(row, number).border = _BOX
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
        lines = 1
        for number, name in enumerate(columns, 1):
            text = cell_text(item, name, t(lang, "office.until"))
            cell = sheet.cell(row, number, text if text else None)
            cell.border, cell.alignment = _BOX, _WRAP
            cell.number_format = "@"  # text as written: '2023-06' stays a text
            lines = max(lines, _lines(text, _WIDTHS[name]))
        # Excel and LibreOffice keep a row's stored height: one that fits its wrapped text
        sheet.row_dimensions[row].height = 15 * min(lines, 400 // 15)
    sheet.freeze_panes = f"A{_HEADER_ROW + 1}"
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # the table's width
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    about = book.create_sheet(t(lang, "office.sheet.header"))
    fields = [(t(lang, "office.label.title"), roadmap.title.value)] if roadmap.title else []
    for number, (label, value) in enumerate([*fields, *header_lines(roadmap, lang)], 1):
        about.cell(number, 1, label).font = Font(bold=True)
        about.cell(number, 2, value).alignment = _WRAP
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 80
    book.save(str(target))
