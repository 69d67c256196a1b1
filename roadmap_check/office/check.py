"""Checking a Word or Excel road map: read into the model, then the engine's stages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_check.office.read import Settings, read
from roadmap_check.report import FileReport

if TYPE_CHECKING:
    from roadmap_check.engine import Engine


def check_office(engine: Engine, data: bytes, display: str, base: Path) -> FileReport:
    """The report of a .docx/.xlsx road map. Its findings carry no fixes (a fix is a span of
    YAML text: ``convert`` the document to YAML to apply them); each is on a cell that the
    report's ``places`` name."""
    options = engine.options
    reading = read(data, display, Settings(options.columns, options.fields))
    report = engine.check_model(reading.roadmap, reading.findings, display, base)
    report.findings = [f._replace(fix=None) if f.fix is not None else f
                       for f in report.findings]
    report.omitted_fixable = 0
    report.places = reading.places
    report.kind = reading.kind
    return report
