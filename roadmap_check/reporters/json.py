"""``--format json``: the machine-readable contract of CHECKS.md, stable and sorted.

Keys, codes and names are English whatever the language; ``message``, ``suggestion`` and
``suppression`` are said in the language the top-level ``language`` (and each file's) names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring as _encode
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


def render(report: Report) -> Iterator[str]:
    files = []
    for file in report.files:
        coverage = _coverage(file.needs)
        coverage["requirements"] = [need_dict(n) for n in file.needs]
        files.append({
            "path": file.path,
            "language": file.lang,
            "roadmap": file.roadmap.id.value if file.roadmap and file.roadmap.id else None,
            "ruleset": file.ruleset_name,
            "as_of": file.roadmap.date.value if file.roadmap and file.roadmap.date else None,
            "coverage": coverage,
            "omitted": dict(sorted(file.omitted.items())),
        })
    summary = {
        "files": len(report.files),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
        "suppressed": report.suppressed,
        "fixable": report.fixable,
        "coverage": _coverage(report.needs),
        "exit_code": report.exit_code,
        "limit_per_code": report.limit,
        "omitted": report.omitted,
    }
    tool = json.dumps({"name": "roadmap-check", "version": __version__})
    yield (f'{{\n  "version": "{FORMAT_VERSION}",\n  "language": "{report.language}",\n'
           f'  "tool": {tool},\n  "findings": [')

    findings = report.findings
    for start in range(0, len(findings), 2000):
        chunk = findings[start:start + 2000]
        yield ("," if start else "") + ",".join("\n    " + finding_json(f) for f in chunk)
    yield ("\n  ]" if findings else "]") + ",\n  \"summary\": " + _indent(summary) + \
        ",\n  \"files\": " + _indent(files) + "\n}\n"


def _indent(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _s(value: str | None) -> str:
    return "null" if value is None else _encode(value)


def finding_json(finding: Finding) -> str:
    """One finding as compact JSON (the same keys and order as finding_dict), built fast."""
    fix = finding.fix
    fix_text = "null" if fix is None else (
        f'{{"line": {fix.line}, "column": {fix.column}, "end_line": {fix.end_line}, '
        f'"end_column": {fix.end_column}, "replacement": {_encode(fix.replacement)}}}')
    return (f'{{"code": "{finding.code}", "name": "{CHECKS[finding.code].name}", '
            f'"severity": "{finding.severity.label}", "message": {_encode(finding.message)}, '
            f'"path": {_encode(finding.path)}, "line": {finding.line}, '
            f'"column": {finding.column}, "item": {_s(finding.item)}, '
            f'"framework": {_s(finding.framework)}, '
            f'"suppressed": {"true" if finding.suppressed else "false"}, '
            f'"suppression": {_s(finding.suppression)}, "suggestion": {_s(finding.suggestion)}, '
            f'"fix": {fix_text}}}')
