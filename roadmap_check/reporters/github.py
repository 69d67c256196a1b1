"""``--format github``: GitHub Actions workflow commands, one annotation per live finding.

Each annotation spans the value the finding is about (``line``/``endLine``, and ``col``/
``endColumn`` when it is on one line, as the runner allows) and says the hint on a line of its
own; a finding of a Word or Excel road map names its cell in the message instead (lines mean
nothing in a document). Waived findings are not annotated; the summary is the terminal
reporter's job. The message and every property are escaped as the Actions toolkit escapes them
(``safe_text``): a road map's text never ends a command or starts another.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from roadmap_check.findings import Finding
from roadmap_check.i18n import say, t
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters import where
from roadmap_check.reporters.sarif import relative_path
from roadmap_check.safe_text import workflow_data, workflow_property
from roadmap_check.severity import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def command(name: str, properties: Mapping[str, str], message: str) -> str:
    """``::name key=value,...::message``, escaped as @actions/core's issueCommand does."""
    joined = ",".join(f"{key}={workflow_property(value)}" for key, value in properties.items())
    return f"::{name} {joined}::{workflow_data(message)}" if joined else \
        f"::{name}::{workflow_data(message)}"


def annotation(finding: Finding, lang: str, cell: str | None = None) -> str:
    path = relative_path(finding.path) or finding.path
    properties = {"file": path}
    if cell is None:
        end = finding.end_line if finding.end_line >= finding.line else finding.line
        properties.update(line=str(finding.line), endLine=str(end))
        if end == finding.line:  # columns only within one line (the runner's rule)
            properties["col"] = str(finding.column)
            if finding.end_line == finding.line and finding.end_column > finding.column:
                properties["endColumn"] = str(finding.end_column)
    properties["title"] = f"{finding.code} {CHECKS[finding.code].name}"
    message = say(lang, finding.message)
    if cell is not None:
        message = f"{cell}: {message}"
    if finding.hint is not None:
        message += f"\n{t(lang, 'term.hint')} {say(lang, finding.hint)}"
    return command(COMMANDS[finding.severity], properties, message) + "\n"


def render(report: Report) -> Iterator[str]:
    for file in report.files:
        yield "".join(annotation(f, file.lang, where(file, f, file.lang)) for f in file.findings
                      if f.suppression is None)
