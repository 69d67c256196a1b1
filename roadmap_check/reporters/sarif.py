"""``--format sarif``: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; a rule per check in code order (its help as text and Markdown, its family as a tag,
a link to its page where the package names its repository), a result per finding with the
span it is about: waived ones carry an in-source suppression, those of the baseline an
external one. Paths are relative to the repository root (the git work tree around the working
directory, else the working directory), under ``%SRCROOT%``. The output is deterministic: no
timestamps.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
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
SRCROOT = "%SRCROOT%"
# [project.urls] of pyproject.toml: where the project lives, and where each check's page is
HOME_KEYS = ("Repository", "Source", "Source Code", "Homepage")
DOCS_KEY = "Check documentation"   # a folder URL; the page of RM201 is its RM201.md
FINGERPRINT_KEY = "roadmapCheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@lru_cache(maxsize=4)
def _root(cwd: str) -> str:
    """The top of the git work tree ``cwd`` is in (a folder holding ``.git``), else ``cwd``."""
    for folder in (Path(cwd), *Path(cwd).parents):
        if (folder / ".git").exists():
            return str(folder)
    return cwd


def repository_root() -> str:
    return _root(os.path.abspath(os.getcwd()))


def relative_path(path: str) -> str | None:
    """``path`` relative to the repository root with POSIX slashes, or None if outside it."""
    cwd = os.path.abspath(os.getcwd())
    full = os.path.abspath(os.path.join(cwd, path))
    try:
        return Path(full).relative_to(_root(cwd)).as_posix()
    except ValueError:
        return None


def project_urls() -> dict[str, str]:
    """``[project.urls]`` of the installed package: label -> URL."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("roadmap-check").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - run from a tree that is not installed
        return {}
    return dict(entry.split(", ", 1) for entry in entries if ", " in entry)


def _links() -> tuple[str | None, str | None]:
    """The project's home page, and the folder of the check pages (docs/checks in the
    repository), from the package's URLs; None where it names none (never a guessed link)."""
    urls = project_urls()
    home = next((urls[key] for key in HOME_KEYS if key in urls), None)
    docs = urls.get(DOCS_KEY)
    if docs is None and home is not None and home.startswith("https://github.com/"):
        docs = f"{home.rstrip('/')}/blob/HEAD/docs/checks/"
    return home, docs if docs is None or docs.endswith("/") else docs + "/"


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


def _markdown(code: str, lang: str) -> str:
    """A check's help in Markdown: its heading, its documentation, its examples."""
    from roadmap_check.i18n import t

    doc = check_docs(code)
    out = [f"**{code} {CHECKS[code].name}**", "", doc.doc(lang).strip()]
    for kind in ("fail", "pass"):
        example = doc.example(kind, lang)
        if example:
            out += ["", f"**{t(lang, f'explain.{kind}')}**", "", "```yaml", example.rstrip(),
                    "```"]
    return "\n".join(out) + "\n"


def _tags(code: str) -> list[str]:
    from roadmap_check.registry import FAMILIES

    family = next(f.name for f in FAMILIES if any(c.code == code for c in f.checks))
    return ["roadmap-check", family, *(["fixable"] if CHECKS[code].fix != "none" else [])]


def _rules(lang: str) -> list[dict[str, Any]]:
    _, docs = _links()
    rules: list[dict[str, Any]] = []
    for code in sorted(CHECKS):
        rule: dict[str, Any] = {
            "id": code,
            "name": CHECKS[code].name,
            "shortDescription": {"text": check_docs(code).summary(lang)},
            "fullDescription": {"text": _first_paragraph(code, lang)},
            "help": {"text": explain(code, lang), "markdown": _markdown(code, lang)},
            "defaultConfiguration": {"level": LEVELS[CHECKS[code].severity]},
            "properties": {"tags": _tags(code)},
        }
        if docs is not None:
            rule["helpUri"] = f"{docs}{code}.md"
        rules.append(rule)
    return rules


def _region(finding: Finding) -> dict[str, int]:
    """Where the finding is: the span of the value it is about where known (else its line)."""
    line, column = max(finding.line, 1), max(finding.column, 1)
    region = {"startLine": line, "startColumn": column}
    if finding.end_line >= line and (finding.end_line, finding.end_column) > (line, column):
        region.update(endLine=finding.end_line, endColumn=finding.end_column)
    else:
        region["endLine"] = line
    return region


def _location(finding: Finding, place: Place | None, lang: str) -> dict[str, Any]:
    """A YAML finding's file and region; a Word or Excel one's file (a region of lines means
    nothing in it) and its cell as a logical location, with the cell's text."""
    location = artifact_location(finding.path)
    if place is None:
        return {"physicalLocation": {"artifactLocation": location, "region": _region(finding)}}
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
            # safe: applied by 'roadmap-check fix'; unsafe: only with --unsafe-fixes
            "properties": {"safe": fix.safe, **({"loses": list(fix.loses)} if fix.loses
                                                else {})},
        }]
    properties = {"item": finding.item, "framework": finding.framework,
                  "suggestion": text.hint, "basis": finding.basis}
    properties = {key: value for key, value in properties.items() if value is not None}
    if properties:
        result["properties"] = properties
    return result


_RESULTS = "\x00results\x00"  # where the results go in the document, as json.dumps writes it
_RESULT_INDENT = " " * 8       # a result's lines, in runs[0].results: 4 levels of 2 spaces
_CHUNK = 2000                  # results written at once


def render(report: Report) -> Iterator[str]:
    """The document as ``json.dumps(document, indent=2)`` writes it, its results written a
    chunk at a time rather than held as one document (a draft of 10,000 items: 13,000
    results; the whole document took 19 MB more than the JSON report, measured)."""
    rules = _rules(report.language)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    home, _ = _links()
    driver: dict[str, Any] = {"name": "roadmap-check", "version": __version__}
    if home is not None:
        driver["informationUri"] = home
    driver["rules"] = rules
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": Path(repository_root()).as_uri().rstrip("/")
                                         + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": _RESULTS,
    }
    if report.language != "en":  # SARIF's default is English; say so only when it is not
        run["language"] = report.language
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    head, tail = json.dumps(document, ensure_ascii=False, indent=2).split(
        json.dumps(_RESULTS), 1)
    yield head
    first = True
    for file in report.files:
        findings = file.findings
        prints = distinct_fingerprints(findings)
        for start in range(0, len(findings), _CHUNK):
            yield ("[\n" if first else ",\n") + ",\n".join(
                _RESULT_INDENT + json.dumps(
                    _result(finding, index[finding.code], print_, file.lang,
                            file.place(finding)),
                    ensure_ascii=False, indent=2).replace("\n", "\n" + _RESULT_INDENT)
                for finding, print_ in zip(findings[start:start + _CHUNK],
                                           prints[start:start + _CHUNK], strict=True))
            first = False
    yield ("[]" if first else "\n      ]") + tail + "\n"
