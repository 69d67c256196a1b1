"""How ``roadmap-check diff`` shows what changed between two drafts: terminal, JSON, Markdown.

The terminal and Markdown text is said in the new draft's language; JSON keeps English keys."""

from __future__ import annotations

import json
from collections.abc import Iterator

from roadmap_check.drafts import DraftDiff, citation_text
from roadmap_check.findings import Finding
from roadmap_check.i18n import say, t
from roadmap_check.report import FileReport
from roadmap_check.reporters import where
from roadmap_check.reporters.json import finding_dict
from roadmap_check.reporters.markdown import code, md
from roadmap_check.safe_text import line, printable


def _line(finding: Finding, lang: str, file: FileReport | None = None) -> str:
    """One finding on one line, control characters of the road map's text shown; a Word or
    Excel road map's at its cell."""
    item = t(lang, "diff.in_item", item=finding.item) if finding.item else ""
    label = t(lang, f"term.label.{finding.severity.label}")
    at = (where(file, finding, lang) if file is not None else None) or \
        f"{finding.line}:{finding.column}"
    return printable(f"{at} {label} {finding.code}{item} {say(lang, finding.message)}")


def _file(diff: DraftDiff, title: str) -> FileReport:
    return (diff.new if title == "introduced" else diff.old).report


def _cover(flag: bool, lang: str) -> str:
    return t(lang, "diff.covered" if flag else "diff.uncovered")


def _cited(framework: str, provision: str, lang: str) -> str:
    return t(lang, "diff.provision", framework=framework, provision=provision) if provision \
        else framework


def _lang(diff: DraftDiff) -> str:
    return diff.new.report.lang


def terminal(diff: DraftDiff) -> Iterator[str]:
    lang = _lang(diff)
    out = [line(f"{diff.old.label} -> {diff.new.label}"), ""]
    for title, findings in (("introduced", diff.introduced), ("resolved", diff.resolved)):
        out.append(t(lang, f"diff.findings_{title}", count=len(findings)))
        out += [f"  {_line(f, lang, _file(diff, title))}" for f in findings]
    out.append("")
    for title, ids in (("added", diff.items_added), ("removed", diff.items_removed),
                       ("changed", diff.items_changed)):
        out.append(printable(t(lang, f"diff.items_{title}", ids=", ".join(ids) if ids else
                               t(lang, "diff.none"))))
    for title, cites in (("added", diff.citations_added), ("removed", diff.citations_removed)):
        out.append(t(lang, f"diff.citations_{title}", count=len(cites)))
        out += ["  " + printable(t(lang, "diff.citation", item=item,
                                   citation=_cited(fid, pid, lang)))
                for item, fid, pid in cites]
    out += ["", t(lang, "diff.coverage")]
    for need, before, after in diff.coverage:
        mark = "" if before == after else t(lang, "diff.now_covered" if after else "diff.lost")
        out.append(f"  {printable(need)}: {_cover(before, lang)} -> {_cover(after, lang)}{mark}")
    yield "\n".join(out) + "\n"


def as_json(diff: DraftDiff) -> Iterator[str]:
    yield json.dumps({
        "old": diff.old.label, "new": diff.new.label,
        "introduced": [finding_dict(f, _lang(diff)) for f in diff.introduced],
        "resolved": [finding_dict(f, diff.old.report.lang) for f in diff.resolved],
        "items": {"added": diff.items_added, "removed": diff.items_removed,
                  "changed": diff.items_changed},
        "citations": {
            "added": [{"item": i, "citation": citation_text(f, p)}
                      for i, f, p in diff.citations_added],
            "removed": [{"item": i, "citation": citation_text(f, p)}
                        for i, f, p in diff.citations_removed]},
        "coverage": [{"requirement": n, "old": b, "new": a} for n, b, a in diff.coverage],
        "exit_code": diff.exit_code,
    }, ensure_ascii=False, indent=2) + "\n"


def markdown(diff: DraftDiff) -> Iterator[str]:
    lang = _lang(diff)
    out = [f"### roadmap-check: {code(diff.old.label)} → {code(diff.new.label)}", "",
           t(lang, "diff.md.count"), "|---|---|",
           t(lang, "diff.md.introduced", count=len(diff.introduced)),
           t(lang, "diff.md.resolved", count=len(diff.resolved)),
           t(lang, "diff.md.items", added=len(diff.items_added),
             removed=len(diff.items_removed), changed=len(diff.items_changed)),
           t(lang, "diff.md.citations", added=len(diff.citations_added),
             removed=len(diff.citations_removed)), ""]
    for title, findings in (("introduced", diff.introduced), ("resolved", diff.resolved)):
        if findings:
            summary = t(lang, f"diff.md.{title}_details", count=len(findings))
            out += [f"<details><summary>{summary}</summary>", ""]
            out += [f"- {md(_line(f, lang, _file(diff, title)))}" for f in findings]
            out += ["", "</details>", ""]
    out += [t(lang, "diff.md.requirements"), "|---|---|---|"]
    out += [f"| {md(n)} | {_cover(b, lang)} | {_cover(a, lang)} |" for n, b, a in diff.coverage]
    yield "\n".join(out) + "\n"

