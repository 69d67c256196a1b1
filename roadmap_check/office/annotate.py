"""``check --annotate COPY``: the checked Word or Excel road map, copied with each finding as a
comment on its cell (author "roadmap-check"; code, name, message, recommendation), in the
report's language.

Word (python-docx): each comment is anchored on the runs of its cell (a cell without text gets
an empty run to hold it); every other part of the document is the original's, byte for byte.
Excel: each cell's findings are one note, added at the level of the parts (``xlsx_notes``:
every byte of the workbook kept); a sheet that has notes already gets them through openpyxl,
which keeps the old ones but not drawings, charts, images, pivot tables and the like, so such
a workbook is then refused, nothing written. Either way the copy is
read back before it is put in place: its tables and paragraphs must read exactly as the
original's, or nothing is written. Waived findings (and those of the baseline) are not written.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.files import write_atomically
from roadmap_check.findings import Finding
from roadmap_check.i18n import local, t
from roadmap_check.langs import LANGS
from roadmap_check.office.command import office_error, same_file
from roadmap_check.office.container import OfficeError, open_package
from roadmap_check.registry import CHECKS
from roadmap_check.report import FileReport, Place, Report
from roadmap_check.reporters import said

AUTHOR = "roadmap-check"
INITIALS = "RC"
# Parts of a workbook that openpyxl drops when it saves: a copy would lose them.
_LOST = {"xl/charts/": "charts", "xl/media/": "images", "xl/pivotTables/": "pivot_tables",
         "xl/embeddings/": "embedded", "xl/externalLinks/": "external_links",
         "xl/slicers/": "slicers", "xl/threadedComments/": "threaded_comments",
         "xl/ctrlProps/": "form_controls", "customXml/": "custom_xml",
         "xl/timelines/": "timelines", "xl/drawings/": "drawings"}


def _parts(names: list[str]) -> dict[str, str]:
    """What a workbook holds that a copy would lose, said in every language."""
    found = sorted({what for name in names for prefix, what in _LOST.items()
                    if name.startswith(prefix) and not name.endswith(".vml")})
    return {lang: ", ".join(t(lang, f"office.part.{what}") for what in found) for lang in LANGS}


def comment_text(finding: Finding, lang: str) -> list[str]:
    """A finding as a reviewer writes it: "RM102 unknown-framework: ...", then the advice."""
    text = said(finding, lang)
    lines = [f"{finding.code} {CHECKS[finding.code].name}: {text.message}"]
    if text.hint:
        lines.append(f"{t(lang, 'term.hint').strip()} {text.hint}")
    return lines


def _shown(report: FileReport) -> Iterator[tuple[Finding, Place]]:
    for finding in report.findings:
        place = report.place(finding)
        if finding.suppression is None and place is not None:
            yield finding, place


def annotate(report: Report, target: Path) -> int:
    """Write the copy; the number of findings written as comments."""
    files = [f for f in report.files if f.kind in ("docx", "xlsx")]
    source = report.files[0].path if report.files else ""
    if len(report.files) != 1 or not files:
        raise RoadmapCheckError.of("error.annotate_kind", path=str(target), source=source)
    file = files[0]
    suffix = "." + file.kind
    if target.suffix.lower() != suffix:
        raise RoadmapCheckError.of("error.annotate_suffix", path=str(target), source=source,
                                   suffix=suffix)
    path = Path(file.path)
    if same_file(path, target):
        raise RoadmapCheckError.of("error.output_is_input", option="--annotate",
                                   path=str(target), input=source)
    data = path.read_bytes()
    shown = list(_shown(file))
    lang = file.lang
    try:
        copy = _docx(data, shown, lang) if file.kind == "docx" else \
            _xlsx(data, shown, lang, target, source)
        if _texts(copy, source) != _texts(data, source):
            raise RoadmapCheckError.of("error.annotate_loses", path=str(target), source=source,
                                       parts=local("office.part.text"))
    except OfficeError as exc:
        raise office_error(path, exc) from None
    write_atomically(target, lambda temporary: temporary.write_bytes(copy))
    return len(shown)


def _texts(data: bytes, name: str) -> Any:
    """Every text of a document's tables and of the paragraphs before them, as read."""
    from roadmap_check.office import docx, xlsx

    package = open_package(data, name)
    if package.kind == "docx":
        scanned = docx.scan(package)
        return ([p.text for p in scanned.paragraphs],
                [[(c.column, c.span, c.text) for row in g.rows for c in row.cells]
                 for g in scanned.grids])
    return [(s.name, [[(c.column, c.span, c.text) for c in row.cells] for row in s.grid.rows])
            for s in xlsx.scan(package).sheets]


# -- Word -----------------------------------------------------------------------------------


def _docx(data: bytes, shown: list[tuple[Finding, Place]], lang: str) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    tables = [e for e in body.iter(qn("w:tbl"))
              if not any(a.tag == qn("w:tbl") for a in e.iterancestors())]
    paragraphs = _paragraphs_before(body, qn)
    for finding, place in shown:
        if place.table:
            element = tables[place.table - 1]
            table = Table(element, document._body)
            tc = _tc_at(element.tr_lst[place.row - 1], place.col, qn)
            containers = list(_Cell(tc, table).paragraphs)
        else:
            containers = [Paragraph(paragraphs[place.paragraph - 1], document._body)]
        runs = [run for p in containers for run in p.runs]
        if not runs:
            runs = [containers[0].add_run("")]
        lines = comment_text(finding, lang)
        comment = document.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
        for extra in lines[1:]:
            comment.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    return _keep_parts(data, out.getvalue())


# The parts comments need changed; every other part of the copy is the original's, byte for byte
# (python-docx writes the parts it parsed anew: the same XML, other bytes).
_COMMENT_PARTS = ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml")


def _keep_parts(original: bytes, saved: bytes) -> bytes:
    import zipfile

    before = zipfile.ZipFile(io.BytesIO(original))
    after = zipfile.ZipFile(io.BytesIO(saved))
    known = set(before.namelist())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in before.infolist():
            changed = info.filename in _COMMENT_PARTS
            copy.writestr(info, (after if changed else before).read(info.filename))
        for info in after.infolist():
            if info.filename not in known:  # the comments part
                copy.writestr(info.filename, after.read(info.filename))
    return out.getvalue()


def _paragraphs_before(body: Any, qn: Any) -> list[Any]:
    """The paragraphs before the first table, counted as the reader counts them."""
    skipped = {qn("w:txbxContent"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
               "Fallback"}
    out = []
    for element in body.iter(qn("w:p"), qn("w:tbl")):
        if element.tag == qn("w:tbl"):
            break
        if not any(a.tag in skipped for a in element.iterancestors()):
            out.append(element)
    return out


def _tc_at(tr: Any, col: int, qn: Any) -> Any:
    """The cell of a row that covers grid column ``col`` (1-based)."""
    properties = tr.find(qn("w:trPr"))
    before = properties.find(qn("w:gridBefore")) if properties is not None else None
    column = 1 + (int(before.get(qn("w:val"), "0")) if before is not None else 0)
    last = None
    for tc in tr.tc_lst:
        span = tc.grid_span
        if column <= col < column + span:
            return tc
        column += span
        last = tc
    return last


# -- Excel ----------------------------------------------------------------------------------


def _xlsx(data: bytes, shown: list[tuple[Finding, Place]], lang: str, target: Path,
          source: str) -> bytes:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    from roadmap_check.office import xlsx
    from roadmap_check.office.container import open_package
    from roadmap_check.office.xlsx_notes import Unfit, add_notes

    parts = {sheet.name: sheet.ref for sheet in xlsx.scan(open_package(data, source)).sheets}
    by_part: dict[str, dict[str, list[str]]] = {}
    for finding, place in shown:
        if place.sheet is not None and place.ref is not None and place.sheet in parts:
            by_part.setdefault(parts[place.sheet], {}).setdefault(place.ref, []).append(
                "\n".join(comment_text(finding, lang)))
    try:  # every byte of the workbook kept, when its sheets have no comments yet
        return add_notes(data, by_part, AUTHOR)
    except Unfit:
        pass
    lost = _parts(zipfile.ZipFile(io.BytesIO(data)).namelist())
    if lost["en"]:
        raise RoadmapCheckError.of("error.annotate_loses", path=str(target), source=source,
                                   parts=lost)
    book = load_workbook(io.BytesIO(data), rich_text=True)
    notes: dict[tuple[str, str], list[str]] = {}
    for finding, place in shown:
        if place.sheet is None or place.ref is None:
            continue
        notes.setdefault((place.sheet, place.ref), []).append(
            "\n".join(comment_text(finding, lang)))
    for (sheet, ref), texts in notes.items():
        cell = book[sheet][ref]
        earlier = cell.comment.text + "\n\n" if cell.comment is not None else ""
        comment = Comment(earlier + "\n\n".join(texts), AUTHOR)
        comment.width, comment.height = 360, 40 + 60 * len(texts)
        cell.comment = comment
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
