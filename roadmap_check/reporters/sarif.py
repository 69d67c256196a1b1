"""``--format sarif``: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; a rule per check in code order, a result per finding (waived ones carry an in-source
suppression). The output is deterministic: no timestamps, no machine paths for files under the
working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from roadmap_check import __version__
from roadmap_check.docs import check_docs, explain
from roadmap_check.findings import Finding
from roadmap_check.fingerprints import fingerprint
from roadmap_check.registry import CHECKS
from roadmap_check.report import Place, Report
from roadmap_check.reporters import place_words, said
from roadmap_check.severity import Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/roadmap-check/roadmap-check"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "roadmapCheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def relative_path(path: str) -> str | None:
    """``path`` relative to the working directory with POSIX slashes, or None if outside it."""
    cwd = os.path.abspath(os.getcwd())
    full = os.path.abspath(os.path.join(cwd, path))
    try:
        return Path(full).relative_to(cwd).as_posix()
    except ValueError:
        return None


def distinct_fingerprints(findings: Iterable[Finding]) -> list[str]:
    """``fingerprint(f)`` of each finding; a repeat of one already seen gets a derived value
    (by its order among the repeats), so that no two findings of the list share one."""
    seen: dict[str, int] = {}
    out = []
    for finding in findings:
        base = fingerprint(finding)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(base if not count else
                   hashlib.sha256(f"{base}/{count}".encode()).hexdigest()[:32])
    return out


def artifact_location(path: str) -> dict[str, str]:
    relative = relative_path(path)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    # the file name's own bytes, percent-encoded: an undecodable name stays the same file
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def _first_paragraph(code: str, lang: str) -> str:
    doc = str(check_docs(code).doc(lang)).strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def _rules(lang: str) -> list[dict[str, Any]]:
    return [{
        "id": code,
        "name": CHECKS[code].name,
        "shortDescription": {"text": check_docs(code).summary(lang)},
        "fullDescription": {"text": _first_paragraph(code, lang)},
        "help": {"text": explain(code, lang)},
        "defaultConfiguration": {"level": LEVELS[CHECKS[code].severity]},
    } for code in sorted(CHECKS)]


def _location(finding: Finding, place: Place | None, lang: str) -> dict[str, Any]:
    """A YAML finding's file and region; a Word or Excel one's file (a region of lines means
    nothing in it) and its cell as a logical location, with the cell's text."""
    location = artifact_location(finding.path)
    if place is None:
        return {"physicalLocation": {
            "artifactLocation": location,
            "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
        }}
    return {"physicalLocation": {"artifactLocation": location},
            "logicalLocations": [{"name": place.column or place_words(place, lang),
                                  "fullyQualifiedName": place_words(place, lang),
                                  "kind": "element",
                                  "properties": {"text": place.text}}]}


def _result(finding: Finding, rule_index: int, print_: str, lang: str,
            place: Place | None = None) -> dict[str, Any]:
    text = said(finding, lang)
    location = artifact_location(finding.path)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text.message},
        "locations": [_location(finding, place, lang)],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
    }
    if finding.suppression is not None:
        kind = "external" if finding.suppression.kind == "baseline" else "inSource"
        result["suppressions"] = [{"kind": kind, "justification": text.waived or ""}]
    fix = finding.fix
    if fix is not None and place is None:
        result["fixes"] = [{
            "description": {"text": text.hint or "apply the fix"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [{
                "deletedRegion": {"startLine": fix.line, "startColumn": fix.column,
                                  "endLine": fix.end_line, "endColumn": fix.end_column},
                "insertedContent": {"text": fix.replacement},
            }]}],
        }]
    properties = {"item": finding.item, "framework": finding.framework,
                  "suggestion": text.hint}
    properties = {key: value for key, value in properties.items() if value is not None}
    if properties:
        result["properties"] = properties
    return result


def render(report: Report) -> Iterator[str]:
    rules = _rules(report.language)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = [_result(finding, index[finding.code], print_, file.lang, file.place(finding))
               for file in report.files
               for finding, print_ in zip(file.findings, distinct_fingerprints(file.findings),
                                          strict=True)]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "roadmap-check", "version": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.language != "en":  # SARIF's default is English; say so only when it is not
        run["language"] = report.language
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    yield json.dumps(document, ensure_ascii=False, indent=2) + "\n"
