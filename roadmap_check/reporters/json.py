"""``--format json``: the machine-readable contract of CHECKS.md, stable and sorted."""

from __future__ import annotations

import json
from typing import Any

from roadmap_check import __version__
from roadmap_check.checks.coverage import Need
from roadmap_check.findings import Finding, Severity
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report

FORMAT_VERSION = "1"


def finding_dict(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "code": finding.code,
        "name": CHECKS[finding.code].name,
        "severity": finding.severity.label,
        "message": finding.message,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "item": finding.item,
        "framework": finding.framework,
        "suppressed": finding.suppressed,
        "suppression": finding.suppression,
        "suggestion": finding.suggestion,
        "fix": None if fix is None else {
            "line": fix.line, "column": fix.column, "end_line": fix.end_line,
            "end_column": fix.end_column, "replacement": fix.replacement},
    }


def need_dict(need: Need) -> dict[str, Any]:
    return {"id": need.id, "kind": need.kind, "members": list(need.members),
            "provision": need.provision, "at_least": need.at_least,
            "covered_by": list(need.covered_by), "covered": need.covered}


def _coverage(needs: list[Need]) -> dict[str, Any]:
    covered = sum(n.covered for n in needs)
    return {"covered": covered, "required": len(needs),
            "share": round(covered / len(needs), 4) if needs else 1.0}


def render(report: Report) -> str:
    files = []
    for file in sorted(report.files, key=lambda f: f.path):
        coverage = _coverage(file.needs)
        coverage["requirements"] = [need_dict(n) for n in file.needs]
        files.append({
            "path": file.path,
            "roadmap": file.roadmap.id.value if file.roadmap and file.roadmap.id else None,
            "ruleset": file.ruleset.name if file.ruleset else None,
            "as_of": file.roadmap.date.value if file.roadmap and file.roadmap.date else None,
            "coverage": coverage,
        })
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "roadmap-check", "version": __version__},
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "suppressed": report.suppressed,
            "fixable": report.fixable,
            "coverage": _coverage(report.needs),
            "exit_code": report.exit_code,
        },
        "files": files,
    }
    return _dump(document)


def _dump(document: dict[str, Any]) -> str:
    """Indented JSON with one finding a line: readable, diffable, and fast for many findings."""
    parts = []
    for name, value in document.items():
        if name == "findings" and value:
            rows = ",\n".join("    " + json.dumps(f, ensure_ascii=False) for f in value)
            text = "[\n" + rows + "\n  ]"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(name)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
