"""``--format gitlab``: a GitLab Code Quality report (the Code Climate subset GitLab reads).

Waived findings are left out; every issue has its own fingerprint, so GitLab can tell new
issues of a merge request from old ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from roadmap_check.findings import Finding, Severity
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters.sarif import distinct_fingerprints, relative_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, print_: str) -> dict[str, Any]:
    return {
        "description": f"{finding.code} {CHECKS[finding.code].name}: {finding.message}",
        "check_name": finding.code,
        "fingerprint": print_,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": relative_path(finding.path) or finding.path,
                     "lines": {"begin": finding.line}},
    }


def render(report: Report) -> Iterator[str]:
    live = [f for f in report.findings if not f.suppressed]
    issues = [issue(f, p) for f, p in zip(live, distinct_fingerprints(live), strict=True)]
    yield json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
