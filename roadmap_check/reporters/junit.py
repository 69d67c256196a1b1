"""``--format junit``: JUnit XML, for the test dashboards of CI systems.

A test suite per file; a test case per road-map item, per requirement of the rule set
(``requires <id>``) and one ``document`` case for findings tied to neither. A case fails on
its live findings at or above the run's ``--fail-on`` level, so a green job never has red
tests; the findings below it and the waived ones are the output of a passed case
(``system-out``), which every dashboard shows with the case.

``junit`` is valid against Jenkins' junit-10.xsd (which the xUnit plugin enforces): the file
is the suite's ``file``, the class name is the path without its extension. ``junit-xunit1``
adds ``file`` and ``line`` to each case, as pytest's xunit1 family does, for GitLab and the
GitHub test reporters that link a case to its line (the XSD has no such attributes).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from roadmap_check.findings import Finding
from roadmap_check.i18n import say
from roadmap_check.report import FileReport, Need, Report
from roadmap_check.reporters import where
from roadmap_check.reporters.items import item_of, items_by_id
from roadmap_check.reporters.sarif import relative_path
from roadmap_check.severity import Severity

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass
class Case:
    name: str
    line: int
    findings: list[Finding] = field(default_factory=list)

    def failing(self, level: Severity | None) -> list[Finding]:
        """Its live findings at or above ``level`` (None: --fail-on never, none fail)."""
        return [] if level is None else \
            [f for f in self.findings if f.suppression is None and f.severity >= level]


def _line(finding: Finding, lang: str, file: FileReport | None = None) -> str:
    """A finding on a line of a test case's text; a Word or Excel road map's names its cell."""
    cell = where(file, finding, lang) if file is not None else None
    at = cell if cell is not None else f"{finding.line}:{finding.column}"
    return f"{at} {finding.code} {say(lang, finding.message)}"


def _need_of(finding: Finding, needs: dict[str, Need]) -> Need | None:
    """The requirement an RM202/RM203 finding reports as uncovered: its subject is the need's
    id (never its message, which may be in any language)."""
    if finding.code not in ("RM202", "RM203") or finding.subject is None:
        return None
    need = needs.get(finding.subject)
    return need if need is not None and not need.covered else None


def _cases(file: FileReport) -> list[Case]:
    top = file.roadmap.line if file.roadmap else 1
    document = Case("document", top)
    item_cases = [Case(f"item {i.id}: {i.title}" if i.title else f"item {i.id}", i.line)
                  for i in file.items]
    index = items_by_id(file.items)
    needs = {n.id: n for n in file.needs}
    need_cases = {n.id: Case(f"requires {n.id}", top) for n in file.needs}
    for finding in file.findings:
        found = item_of(file.items, index, finding)
        if found is not None:
            item_cases[found].findings.append(finding)
        elif finding.item is None and (need := _need_of(finding, needs)) is not None:
            need_cases[need.id].findings.append(finding)
        else:
            document.findings.append(finding)
    return [document, *item_cases, *need_cases.values()]


def _testcase(suite: ET.Element, path: str, case: Case, lang: str, level: Severity | None,
              lines: bool, file: FileReport | None = None) -> None:
    where = relative_path(path) or path
    element = ET.SubElement(suite, "testcase", classname=_xml(_classname(where)),
                            name=_xml(case.name))
    if lines:
        element.set("file", _xml(where))
        element.set("line", str(max(case.line, 1)))
    failing = case.failing(level)
    if failing:
        head = min(failing, key=lambda f: (-f.severity, f.sort_key()))
        more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
        failure = ET.SubElement(element, "failure",
                                message=_xml(say(lang, head.message) + more), type=head.code)
        failure.text = _xml("\n".join(_line(f, lang, file) for f in failing))
    notes = [f"{_line(f, lang, file)} (waived: "
             f"{say(lang, f.suppression.reason) if f.suppression else ''})"
             if f.suppression is not None else f"{_line(f, lang, file)} ({f.severity.label})"
             for f in case.findings if f not in failing]
    if notes:
        ET.SubElement(element, "system-out").text = _xml("\n".join(notes))


def _classname(path: str) -> str:
    """The path without its extension: 'roadmaps/draft.yaml' -> 'roadmaps/draft' (a
    dashboard would read '.yaml' as the class of a package 'roadmaps/draft')."""
    stem, dot, suffix = path.rpartition(".")
    return stem if dot and stem and "/" not in suffix and suffix.lower() in ("yaml", "yml") \
        else path


def render(report: Report, lines: bool = False) -> Iterator[str]:
    root = ET.Element("testsuites", name="roadmap-check")
    total = failures = 0
    for file in report.files:
        cases = _cases(file)
        failed = sum(1 for c in cases if c.failing(report.fail_on))
        suite = ET.SubElement(root, "testsuite", name=_xml(file.path), tests=str(len(cases)),
                              failures=str(failed), errors="0", skipped="0",
                              file=_xml(relative_path(file.path) or file.path))
        for case in cases:
            _testcase(suite, file.path, case, file.lang, report.fail_on, lines, file)
        total, failures = total + len(cases), failures + failed
    # junit-10.xsd allows no 'skipped' on testsuites: the xUnit plugin refuses such a file
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def with_lines(report: Report) -> Iterator[str]:
    """``junit-xunit1``: the same, each case with its ``file`` and ``line``."""
    return render(report, lines=True)
