"""Checking a Word or Excel road map: read into the model, then the engine's stages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from roadmap_check.findings import Finding
from roadmap_check.model import Roadmap
from roadmap_check.office.read import Settings, read
from roadmap_check.report import FileReport

CheckModel = Callable[[Roadmap | None, list[Finding], str, Path], FileReport]


def check_office(check_model: CheckModel, settings: Settings, data: bytes, display: str,
                 base: Path) -> FileReport:
    """The report of a .docx/.xlsx road map, read into the model and checked by the engine's
    ``check_model``. Its findings carry no fixes (a fix is a span of YAML text: ``convert``
    the document to YAML to apply them); each is on a cell the report's ``places`` name."""
    reading = read(data, display, settings)
    report = check_model(reading.roadmap, reading.findings, display, base)
    rows = {line: place.row for (line, _), place in reading.places.items() if place.row}
    report.findings = [_as_rows(f, rows) for f in report.findings]
    report.omitted_fixable = report.omitted_unsafe = 0
    report.places = reading.places
    report.kind = reading.kind
    return report


def _as_rows(finding: Finding, rows: dict[int, int]) -> Finding:
    """Without its fix, and with a line its message names (another item's: "also the id of
    the item on line 7") as the row the document numbers."""
    if finding.fix is not None:
        finding = finding._replace(fix=None)
    key, args = finding.message
    if any(name == "line" for name, _ in args):
        args = tuple((name, str(rows.get(int(value), value))
                      if name == "line" and value.isdigit() else value) for name, value in args)
        finding = finding._replace(message=(key, args))
    return finding
