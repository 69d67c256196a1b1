"""``--format json``: the machine-readable contract of CHECKS.md, stable and sorted.

Keys, codes and names are English whatever the language; ``message``, ``suggestion`` and
``suppression`` are said in the language the top-level ``language`` (and each file's) names."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring as _encode
from typing import Any

from roadmap_check import __version__
from roadmap_check.findings import Finding, Msg
from roadmap_check.i18n import say
from roadmap_check.registry import CHECKS
from roadmap_check.report import FileReport, Need, Place, Report
from roadmap_check.reporters import said
from roadmap_check.severity import Severity

FORMAT_VERSION = "1"


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    fix = finding.fix
    text = said(finding, lang)
    return {
        "code": finding.code,
        "name": CHECKS[finding.code].name,
        "severity": finding.severity.label,
        "message": text.message,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "item": finding.item,
        "framework": finding.framework,
        "suppressed": finding.suppression is not None,
        "suppression": text.waived,
        "suggestion": text.hint,
        "basis": finding.basis,
        "fix": None if fix is None else {
            "line": fix.line, "column": fix.column, "end_line": fix.end_line,
            "end_column": fix.end_column, "replacement": fix.replacement, "safe": fix.safe,
            "loses": list(fix.loses)},
    }


def need_dict(need: Need) -> dict[str, Any]:
    return {"id": need.id, "kind": need.kind, "members": list(need.members),
            "provision": need.provision, "at_least": need.at_least,
            "covered_by": list(need.covered_by), "covered": need.covered}


def _coverage(needs: list[Need] | tuple[Need, ...]) -> dict[str, Any]:
    covered = sum(n.covered for n in needs)
    return {"covered": covered, "required": len(needs),
            "share": round(covered / len(needs), 4) if needs else 1.0}


def _file(file: FileReport) -> dict[str, Any]:
    coverage = _coverage(file.needs)
    coverage["requirements"] = [need_dict(n) for n in file.needs]
    roadmap = file.roadmap
    return {
        "path": file.path,
        "language": file.lang,
        "roadmap": roadmap.id if roadmap else None,
        "ruleset": file.ruleset.name if file.ruleset else None,
        "as_of": roadmap.date if roadmap else None,
        "coverage": coverage,
        "omitted": dict(sorted(file.omitted.items())),
    }


def render(report: Report) -> Iterator[str]:
    summary = {
        "files": len(report.files),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        "fixable": report.fixable,
        "unsafe_fixable": report.unsafe_fixable,
        "coverage": _coverage(report.needs),
        "exit_code": report.exit_code,
        "limit_per_code": report.limit,
        "omitted": report.omitted,
    }
    tool = json.dumps({"name": "roadmap-check", "version": __version__})
    yield (f'{{\n  "version": "{FORMAT_VERSION}",\n  "language": "{report.language}",\n'
           f'  "tool": {tool},\n  "findings": [')
    first = True
    for file in report.files:
        plain = _Line(file.lang)
        # a Word or Excel road map: each finding's cell too
        line: Callable[[Finding], str] = _WithCell(file, plain) if file.places else plain
        findings = file.findings
        for start in range(0, len(findings), 2000):
            chunk = findings[start:start + 2000]
            yield ("" if first else ",") + ",".join("\n    " + line(f) for f in chunk)
            first = False
    statistics = ",\n  \"statistics\": " + _indent(
        [{"code": code, "name": CHECKS[code].name, "count": count, "fixable": fixable}
         for code, count, fixable in report.per_code()]) if report.statistics else ""
    yield ("]" if first else "\n  ]") + ",\n  \"summary\": " + _indent(summary) + \
        statistics + ",\n  \"files\": " + _indent([_file(f) for f in report.files]) + "\n}\n"


def _indent(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def cell_dict(place: Place) -> dict[str, Any]:
    """The ``cell`` of a finding of a Word or Excel road map: where it is in the document."""
    out: dict[str, Any] = {"table": place.table or None, "sheet": place.sheet,
                           "row": place.row or None, "column": place.column or None,
                           "ref": place.ref, "text": place.text}
    if place.paragraph:
        out["paragraph"] = place.paragraph
    return out


class _WithCell:
    """A finding's line with its ``cell``, for a Word or Excel road map."""

    def __init__(self, file: FileReport, line: _Line) -> None:
        self.file, self.line = file, line

    def __call__(self, finding: Finding) -> str:
        text = self.line(finding)
        place = self.file.place(finding)
        if place is None:
            return text
        return f"{text[:-1]}, \"cell\": {json.dumps(cell_dict(place), ensure_ascii=False)}}}"


class _Line:
    """One finding as compact JSON (the keys and order of finding_dict), built fast: the
    encoded texts a draft repeats (its path, item ids, frameworks, messages) made once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.names = {code: check.name for code, check in CHECKS.items()}
        self.memo: dict[Msg | None, str] = {None: "null"}
        self.strings: dict[str | None, str] = {None: "null"}
        self.heads: dict[tuple[object, ...], str] = {}
        self.tails: dict[tuple[object, ...], str] = {}

    def text(self, message: Msg | None) -> str:
        found = self.memo.get(message)
        if found is None:
            assert message is not None
            found = self.memo[message] = _encode(say(self.lang, message))
        return found

    def string(self, value: str | None) -> str:
        found = self.strings.get(value)
        if found is None:
            assert value is not None
            found = self.strings[value] = _encode(value)
        return found

    def __call__(self, finding: Finding) -> str:
        head = self.heads.get((finding.code, finding.severity, finding.path, finding.message))
        if head is None:
            head = self.heads[finding.code, finding.severity, finding.path, finding.message] = (
                f'{{"code": "{finding.code}", "name": "{self.names[finding.code]}", '
                f'"severity": "{finding.severity.label}", '
                f'"message": {self.text(finding.message)}, '
                f'"path": {self.string(finding.path)}, "line": ')
        waived = finding.suppression
        tail = self.tails.get((finding.framework, waived, finding.hint, finding.basis))
        if tail is None:
            tail = self.tails[finding.framework, waived, finding.hint, finding.basis] = (
                f'"framework": {self.string(finding.framework)}, '
                f'"suppressed": {"false" if waived is None else "true"}, '
                f'"suppression": {"null" if waived is None else self.text(waived.reason)}, '
                f'"suggestion": {self.text(finding.hint)}, '
                f'"basis": {self.string(finding.basis)}, "fix": ')
        fix = finding.fix
        fix_text = "null}" if fix is None else (
            f'{{"line": {fix.line}, "column": {fix.column}, "end_line": {fix.end_line}, '
            f'"end_column": {fix.end_column}, "replacement": {_encode(fix.replacement)}, '
            f'"safe": {"true" if fix.safe else "false"}, '
            f'"loses": [{", ".join(map(_encode, fix.loses))}]}}}}')
        return (f'{head}{finding.line}, "column": {finding.column}, '
                f'"item": {self.string(finding.item)}, {tail}{fix_text}')
