"""How ``roadmap-check diff`` shows what changed between two drafts: terminal, JSON, Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterator

from roadmap_check.drafts import DraftDiff
from roadmap_check.findings import Finding
from roadmap_check.reporters.json import finding_dict

FORMATS = ("terminal", "json", "markdown")


def _line(finding: Finding) -> str:
    item = f" [item {finding.item}]" if finding.item else ""
    return f"{finding.line}:{finding.column} {finding.severity.label} {finding.code}{item} " \
           f"{finding.message}"


def _cover(flag: bool) -> str:
    return "covered" if flag else "uncovered"


def terminal(diff: DraftDiff) -> Iterator[str]:
    out = [f"{diff.old.label} -> {diff.new.label}", ""]
    for title, findings in (("introduced", diff.introduced), ("resolved", diff.resolved)):
        out.append(f"findings {title}: {len(findings)}")
        out += [f"  {_line(f)}" for f in findings]
    out.append("")
    for title, ids in (("added", diff.items_added), ("removed", diff.items_removed),
                       ("changed", diff.items_changed)):
        out.append(f"items {title}: {', '.join(ids) if ids else 'none'}")
    for title, cites in (("added", diff.citations_added), ("removed", diff.citations_removed)):
        out.append(f"citations {title}: {len(cites)}")
        out += [f"  item {item}: {what}" for item, what in cites]
    out += ["", "coverage of requirements:"]
    for need, before, after in diff.coverage:
        mark = "" if before == after else ("  (now covered)" if after else "  (LOST)")
        out.append(f"  {need}: {_cover(before)} -> {_cover(after)}{mark}")
    yield "\n".join(out) + "\n"


def as_json(diff: DraftDiff) -> Iterator[str]:
    yield json.dumps({
        "old": diff.old.label, "new": diff.new.label,
        "introduced": [finding_dict(f) for f in diff.introduced],
        "resolved": [finding_dict(f) for f in diff.resolved],
        "items": {"added": diff.items_added, "removed": diff.items_removed,
                  "changed": diff.items_changed},
        "citations": {
            "added": [{"item": i, "citation": c} for i, c in diff.citations_added],
            "removed": [{"item": i, "citation": c} for i, c in diff.citations_removed]},
        "coverage": [{"requirement": n, "old": b, "new": a} for n, b, a in diff.coverage],
        "exit_code": diff.exit_code,
    }, ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    for char in "\\|<>`*_[]":
        text = text.replace(char, "\\" + char)
    return text


def markdown(diff: DraftDiff) -> Iterator[str]:
    out = [f"### roadmap-check: `{_md(diff.old.label)}` → `{_md(diff.new.label)}`", "",
           "| | count |", "|---|---|",
           f"| findings introduced | {len(diff.introduced)} |",
           f"| findings resolved | {len(diff.resolved)} |",
           f"| items added / removed / changed | {len(diff.items_added)} / "
           f"{len(diff.items_removed)} / {len(diff.items_changed)} |",
           f"| citations added / removed | {len(diff.citations_added)} / "
           f"{len(diff.citations_removed)} |", ""]
    for title, findings in (("Introduced", diff.introduced), ("Resolved", diff.resolved)):
        if findings:
            out += [f"<details><summary>{title} findings ({len(findings)})</summary>", ""]
            out += [f"- {_md(_line(f))}" for f in findings]
            out += ["", "</details>", ""]
    out += ["| requirement | before | after |", "|---|---|---|"]
    out += [f"| {_md(n)} | {_cover(b)} | {_cover(a)} |" for n, b, a in diff.coverage]
    yield "\n".join(out) + "\n"


RENDER = {"terminal": terminal, "json": as_json, "markdown": markdown}
