"""``--format gitlab``: a GitLab Code Quality report (the Code Climate subset GitLab reads).

Each live finding is an issue (``type: issue``) with its check as ``check_name``, Code Climate
``categories`` by the check's family, the lines it spans, and a severity GitLab ranks: error
-> critical, warning -> major, info -> info. Waived findings are left out; every issue has its
own fingerprint, stable across runs and line shifts, so GitLab can tell new issues of a merge
request from old ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from roadmap_check.findings import Finding
from roadmap_check.i18n import say
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters import where
from roadmap_check.reporters.sarif import distinct_fingerprints, relative_path
from roadmap_check.severity import Severity

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}
# Code Climate's categories: Bug Risk, Clarity, Compatibility, Complexity, Duplication,
# Performance, Security, Style. By code first, else by the code's group (RM0, RM1 ...).
CATEGORIES = {
    "RM004": "Style", "RM005": "Duplication", "RM006": "Style", "RM007": "Security",
    "RM103": "Clarity", "RM105": "Style", "RM106": "Compatibility", "RM107": "Compatibility",
    "RM108": "Duplication", "RM309": "Duplication", "RM310": "Clarity",
    "RM0": "Bug Risk", "RM1": "Bug Risk", "RM2": "Bug Risk", "RM3": "Bug Risk",
    "RM4": "Clarity",
}


def category(code: str) -> str:
    return CATEGORIES.get(code) or CATEGORIES.get(code[:3], "Bug Risk")


def issue(finding: Finding, print_: str, lang: str, cell: str | None = None) -> dict[str, Any]:
    """One issue; a finding of a Word or Excel road map names its cell (``cell``) in the
    description (its lines are the table's rows)."""
    at = f"{cell}: " if cell is not None else ""
    found: dict[str, Any] = {
        "type": "issue",
        "description": f"{finding.code} {CHECKS[finding.code].name}: "
                       f"{at}{say(lang, finding.message)}",
        "check_name": finding.code,
        "categories": [category(finding.code)],
        "fingerprint": print_,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": relative_path(finding.path) or finding.path,
                     "lines": {"begin": finding.line,
                               "end": max(finding.end_line, finding.line)}},
    }
    if finding.hint is not None:
        found["content"] = {"body": say(lang, finding.hint)}
    return found


def render(report: Report) -> Iterator[str]:
    live = [(f, file.lang, where(file, f, file.lang)) for file in report.files
            for f in file.findings if f.suppression is None]
    prints = distinct_fingerprints(f for f, _, _ in live)
    issues = [issue(f, p, lang, cell) for (f, lang, cell), p in zip(live, prints, strict=True)]
    yield json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
