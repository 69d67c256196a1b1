"""``--format gitlab``: a GitLab Code Quality report (the Code Climate subset GitLab reads).

Waived findings are left out; every issue has its own fingerprint, so GitLab can tell new
issues of a merge request from old ones.
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

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, print_: str, lang: str, cell: str | None = None) -> dict[str, Any]:
    at = f"{cell}: " if cell is not None else ""
    return {
        "description": f"{finding.code} {CHECKS[finding.code].name}: "
                       f"{at}{say(lang, finding.message)}",
        "check_name": finding.code,
        "fingerprint": print_,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": relative_path(finding.path) or finding.path,
                     "lines": {"begin": finding.line}},
    }


def render(report: Report) -> Iterator[str]:
    live = [(f, file.lang, where(file, f, file.lang)) for file in report.files
            for f in file.findings if f.suppression is None]
    prints = distinct_fingerprints(f for f, _, _ in live)
    issues = [issue(f, p, lang, cell) for (f, lang, cell), p in zip(live, prints, strict=True)]
    yield json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
