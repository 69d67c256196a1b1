"""``--format github``: GitHub Actions workflow commands, one annotation per live finding.

Waived findings are not annotated; the summary is the terminal reporter's job. The message and
every property are escaped (``safe_text``): a road map's text never ends a command or starts
another.
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.findings import Finding
from roadmap_check.i18n import say
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters import where
from roadmap_check.reporters.sarif import relative_path
from roadmap_check.safe_text import workflow_data, workflow_property
from roadmap_check.severity import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(finding: Finding, lang: str, cell: str | None = None) -> str:
    """One annotation; a finding of a Word or Excel road map names its cell (``cell``) in the
    message instead of a line of the file."""
    path = relative_path(finding.path) or finding.path
    properties = {"file": path, "line": str(finding.line), "col": str(finding.column),
                  "title": f"{finding.code} {CHECKS[finding.code].name}"}
    if cell is not None:
        del properties["line"], properties["col"]
    joined = ",".join(f"{key}={workflow_property(value)}" for key, value in properties.items())
    message = say(lang, finding.message) if cell is None else \
        f"{cell}: {say(lang, finding.message)}"
    return f"::{COMMANDS[finding.severity]} {joined}::{workflow_data(message)}\n"


def render(report: Report) -> Iterator[str]:
    for file in report.files:
        yield "".join(annotation(f, file.lang, where(file, f, file.lang)) for f in file.findings
                      if f.suppression is None)
