"""A road map as a Word document: landscape A4, the title, its fields, the formal table."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Cm, Pt
from docx.table import _Cell

from roadmap_check.i18n import t
from roadmap_check.model import Roadmap
from roadmap_check.office.layout import cell_text, columns_of, header_lines, sections

# Relative widths of the standard columns (the number narrow, the action and basis wide).
_WIDTHS = {"id": 1.2, "title": 6.0, "description": 5.0, "responsible": 4.0, "participants": 3.5,
           "start": 2.2, "deadline": 2.4, "outcome": 4.5, "indicators": 3.5, "depends_on": 2.0,
           "cites": 6.0, "waivers": 4.0}
_PAGE_WIDTH = 29.7 - 2 * 1.5  # landscape A4 less the margins, in cm


def _fill(cell: _Cell, text: str, bold: bool = False) -> None:
    """One paragraph a line: citations and parties one per line."""
    lines = text.split("\n") if text else [""]
    paragraph = cell.paragraphs[0]
    for number, line in enumerate(lines):
        if number:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        paragraph.paragraph_format.space_after = Pt(0)


def _repeat_header(row_element: CT_Row) -> None:
    properties = row_element.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def write_docx(roadmap: Roadmap, lang: str, target: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    if roadmap.title is not None:
        title = document.add_heading(roadmap.title.value, level=0)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, value in header_lines(roadmap, lang):
        document.add_paragraph(f"{label}: {value}")
    columns = columns_of(roadmap)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(_WIDTHS[name] for name in columns)
    widths = [Cm(_PAGE_WIDTH * _WIDTHS[name] / total) for name in columns]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    header = table.rows[0]
    _repeat_header(header._tr)
    for cell, name, width in zip(header.cells, columns, widths, strict=True):
        _fill(cell, t(lang, f"office.column.{name}"), bold=True)
        cell.width = width
    for heading, item in sections(roadmap):
        if heading is not None:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            _fill(merged, heading, bold=True)
        cells = table.add_row().cells
        for cell, name, width in zip(cells, columns, widths, strict=True):
            _fill(cell, cell_text(item, name, t(lang, "office.until")))
            cell.width = width
    document.save(str(target))
