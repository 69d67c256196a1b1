"""``--format github``: GitHub Actions workflow commands, one annotation per live finding.

Waived findings are not annotated; the summary is the terminal reporter's job. The message and
every property are escaped (``safe_text``): a road map's text never ends a command or starts
another.
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.findings import Finding, Severity
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters.sarif import relative_path
from roadmap_check.safe_text import workflow_data, workflow_property

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(finding: Finding) -> str:
    path = relative_path(finding.path) or finding.path
    properties = {"file": path, "line": str(finding.line), "col": str(finding.column),
                  "title": f"{finding.code} {CHECKS[finding.code].name}"}
    joined = ",".join(f"{key}={workflow_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{workflow_data(finding.message)}\n"


def render(report: Report) -> Iterator[str]:
    yield "".join(annotation(f) for f in report.findings if not f.suppressed)
