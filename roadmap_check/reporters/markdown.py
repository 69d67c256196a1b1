"""``--format markdown``: a pull-request comment (GitHub-flavoured Markdown).

A summary table, the coverage matrix (by section when wide) and the findings in collapsible
``<details>`` blocks per item. GitHub refuses comments past 65,536 characters, so past LIMIT
the findings are cut (the summary and the matrices stay) and a note says how many were left
out. Every text from a road map, a rule set or a finding is escaped: a title cannot break a
table, open HTML or mention anyone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from roadmap_check.engine import FileReport
from roadmap_check.findings import Finding, Severity
from roadmap_check.matrix import (
    CITED,
    NONE,
    PROVISION,
    TOUCHED,
    Column,
    Matrix,
    build,
    by_id,
    item_of,
    sections,
)
from roadmap_check.registry import CHECKS
from roadmap_check.report import Report
from roadmap_check.reporters.html import source_lines

LIMIT = 60_000            # GitHub's limit is 65,536; leave room for what a bot adds
MAX_ITEM_COLUMNS = 20     # wider matrices show one column per section
MAX_SECTION_COLUMNS = 20
SYMBOL = {PROVISION: "■", CITED: "●", TOUCHED: "○", NONE: "·"}
LEGEND = "■ cites a provision; ● cites the framework; ○ speaks of its subject, uncited " \
    "(RM201); · none"
_NOTE = 400               # room kept for the truncation note
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SPACE = re.compile(r"\s+")


def md(text: object) -> str:
    """User text for Markdown (table cells included): one line, nothing it can open."""
    flat = _SPACE.sub(" ", str(text)).strip()
    flat = html.escape(_SPECIAL.sub(r"\\\1", flat), quote=False)
    return flat.replace("@", "@\u200b")  # no @mentions


def raw(text: object) -> str:
    """User text inside an HTML block (<summary>), where Markdown is not read."""
    return html.escape(_SPACE.sub(" ", str(text)).strip(), quote=True).replace("@", "@\u200b")


@dataclass
class _Budget:
    left: int
    omitted: int = 0

    def take(self, text: str) -> bool:
        if self.omitted or len(text) > self.left:
            return False
        self.left -= len(text)
        return True


def render(report: Report) -> Iterator[str]:
    matrices = [build(file) for file in report.files]
    top = "## roadmap-check\n\n"
    if len(report.files) != 1:
        top += _summary(report.files, report.coverage()) + "\n"
    heads = [_head(file) for file in report.files]
    tables = [_matrix(m) if file.roadmap is not None else "" for file, m in
              zip(report.files, matrices, strict=True)]
    fixed = len(top) + sum(map(len, heads)) + _NOTE
    for index in reversed(range(len(tables))):  # many files: their matrices go first
        if fixed + sum(map(len, tables)) <= LIMIT:
            break
        tables[index] = "_The coverage matrix is left out for length; see the HTML report._\n\n"
    budget = _Budget(LIMIT - fixed - sum(map(len, tables)))
    out, size, total, files_left = [top], len(top), 0, 0
    for file, matrix, head, table in zip(report.files, matrices, heads, tables, strict=True):
        total += len(file.findings)
        if size + len(head) + len(table) > LIMIT - _NOTE:  # so many files: not even their heads
            files_left += 1
            budget.omitted += len(file.findings)
            continue
        size += len(head) + len(table)
        out += [head, table]
        out.extend(_findings(file, matrix, budget))
    if budget.omitted or files_left:
        files = f" and {files_left} of {len(report.files)} files" if files_left else ""
        out.append(f"> **Truncated:** {budget.omitted} of {total} findings{files} are left out "
                   "to stay under GitHub's comment limit. Use `--format html` or `--format json` "
                   "for the full report.\n")
    yield "".join(out)


def _summary(files: list[FileReport], coverage: tuple[int, int]) -> str:
    live = [f for file in files for f in file.findings if not f.suppressed]
    counts = [sum(1 for f in live if f.severity == s) for s in
              (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    waived = sum(1 for file in files for f in file.findings if f.suppressed)
    fixable = sum(1 for f in live if f.fix)
    covered, required = coverage
    share = f"{covered} of {required} ({covered / required:.0%})" if required else "—"
    return ("| errors | warnings | info | waived | fixable | coverage of requirements |\n"
            "|---:|---:|---:|---:|---:|---|\n"
            f"| {counts[0]} | {counts[1]} | {counts[2]} | {waived} | {fixable} | {share} |\n")


def _head(file: FileReport) -> str:
    roadmap = file.roadmap
    title = roadmap.title.value if roadmap and roadmap.title else file.path
    out = [f"### {md(title)}\n\n{md(file.path)}"]
    if roadmap is not None:
        for name in ("id", "version", "date", "status", "period"):
            value = getattr(roadmap, name)
            if value is not None:
                out.append(f" · {name} {md(value.value)}")
    out.append("\n\n")
    ruleset = file.ruleset
    if ruleset is not None:
        version = f" {md(ruleset.version)}" if ruleset.version else ""
        out.append(f"Rule set: **{md(ruleset.name)}**{version} "
                   f"({md(', '.join(ruleset.sources))})\n\n")
    elif file.ruleset_name:
        out.append(f"Rule set: **{md(file.ruleset_name)}**\n\n")
    covered = sum(n.covered for n in file.needs)
    return "".join(out) + _summary([file], (covered, len(file.needs))) + "\n"


def _matrix(matrix: Matrix) -> str:
    found = sections(matrix)
    collapsed = len(matrix.columns) > MAX_ITEM_COLUMNS
    shown = found[:MAX_SECTION_COLUMNS]
    if collapsed:
        heads = [f"{md(s.name)} ({len(s.columns)})" for s in shown]
    else:
        heads = [md(c.id) for c in matrix.columns]
    out = ["#### Coverage matrix\n\n", LEGEND, "\n\n"]
    if collapsed:
        out.append(f"{len(matrix.columns)} items: one column per section (item count), the "
                   "best state among its items and how many cite the framework.\n\n")
    out.append(_row(["framework", *heads, "share"]))
    out.append("|---|" + ":-:|" * len(heads) + "--:|\n")
    group: str | None = None
    for r, row in enumerate(matrix.rows):
        if row.group and row.group != group:
            need = next(q for q in matrix.requirements if q.id == row.group)
            mark = "✓" if need.covered else "✗"
            out.append(_row([f"{mark} **{md(need.id)}**: {len(need.covered_by)} of "
                             f"{len(need.members)} cited, needs {need.at_least}",
                             *[""] * (len(heads) + 1)]))
        group = row.group
        if collapsed:
            cells = [SYMBOL[s.cells[r]] + (f" {s.counts[r]}" if s.counts[r] else "")
                     for s in shown]
        else:
            cells = [SYMBOL[c] for c in row.cells]
        name = ("↳ " if row.group else "") + ("✓ " if row.covered else "✗ ") + md(row.framework)
        out.append(_row([name, *cells, f"{row.share:.0%}"]))
    out.append(f"\nCoverage of requirements: **{matrix.covered} of {matrix.required}** "
               f"({matrix.share:.0%}).")
    if len(found) > len(shown):
        out.append(f" (+{len(found) - len(shown)} more sections: use `--format json` or "
                   "`--format html`.)")
    return "".join(out) + "\n\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def _findings(file: FileReport, matrix: Matrix, budget: _Budget) -> Iterator[str]:
    live = [f for f in file.findings if not f.suppressed]
    waived = [f for f in file.findings if f.suppressed]
    if not file.findings:
        return
    lines = source_lines(file.path)
    index = by_id(matrix.columns)
    grouped: dict[int, list[Finding]] = {}
    for finding in live:
        column = item_of(index, finding)
        grouped.setdefault(column.index if column else -1, []).append(finding)
    if budget.take("#### Findings\n\n"):
        yield "#### Findings\n\n"
    for number in sorted(grouped):
        column = matrix.columns[number] if number >= 0 else None
        yield from _block(_label(column, len(grouped[number])), grouped[number], lines, budget)
    if waived:
        yield from _block(f"Waived findings ({len(waived)})", waived, lines, budget)


def _label(column: Column | None, count: int) -> str:
    noun = "finding" if count == 1 else "findings"
    if column is None:
        return f"Document ({count} {noun})"
    title = f" — {raw(column.title)}" if column.title else ""
    return f"Item {raw(column.id)}{title} ({count} {noun})"


def _block(label: str, findings: list[Finding], lines: list[str] | None,
           budget: _Budget) -> Iterator[str]:
    """One <details> block, cut when the budget runs out; never an empty one."""
    texts = [_finding(f, lines) for f in findings]
    opening, closing = f"<details><summary>{label}</summary>\n\n", "\n</details>\n\n"
    if not budget.take(opening + texts[0] + closing):
        budget.omitted += len(findings)
        return
    yield opening + texts[0]
    for number, text in enumerate(texts[1:], 1):
        if not budget.take(text):
            budget.omitted += len(findings) - number
            break
        yield text
    yield closing


def _finding(finding: Finding, lines: list[str] | None) -> str:
    kind = "waived" if finding.suppressed else finding.severity.label
    fixable = " (fixable)" if finding.fix else ""
    out = [f"- **{kind}** `{finding.code}` {CHECKS[finding.code].name}, line "
           f"{finding.line}:{finding.column}{fixable}: {md(finding.message)}\n"]
    if finding.suppressed:
        out.append(f"  - waived: {md(finding.suppression or '(no reason)')}\n")
    if finding.suggestion:
        out.append(f"  - suggestion: {md(finding.suggestion)}\n")
    if lines and 1 <= finding.line <= len(lines):
        source = lines[finding.line - 1].rstrip()
        runs = [len(run) for run in re.findall(r"`+", source)]
        fence = "`" * max(3, max(runs, default=0) + 1)
        out.append(f"\n  {fence}yaml\n  {finding.line} | {source}\n  {fence}\n\n")
    return "".join(out)
