"""``--format markdown``: a pull-request comment (GitHub-flavoured Markdown).

A summary table, the coverage matrix (by section when wide) and the findings in collapsible
``<details>`` blocks per item. GitHub refuses comments past 65,536 characters, so past LIMIT
the findings are cut (the summary and the matrices stay) and a note says how many were left
out. Every text from a road map, a rule set or a finding is escaped: a title cannot break a
table, open HTML or mention anyone.

Each file's part is said in its language; the comment's own parts (the summary of several files,
the truncation note) in the first file's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from roadmap_check.findings import Finding
from roadmap_check.i18n import percent, plural, t
from roadmap_check.matrix import (
    CITED,
    MEANING,
    NONE,
    PROVISION,
    SYMBOL,
    TOUCHED,
    Column,
    Matrix,
    build,
    by_id,
    item_of,
    sections,
)
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import fixable_key, said
from roadmap_check.reporters import where as where_in
from roadmap_check.reporters.annex_text import (
    SourceLines,
    capital,
    layer,
    meta_value,
    source_lines,
)
from roadmap_check.safe_text import printable
from roadmap_check.severity import Severity

LIMIT = 60_000            # GitHub's limit is 65,536; leave room for what a bot adds
MAX_ITEM_COLUMNS = 20     # wider matrices show one column per section
MAX_SECTION_COLUMNS = 20
_NOTE = 400               # room kept for the truncation note
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SPACE = re.compile(r"\s+")
# What would open a block at the start of a line (a heading, a quote, a list, a rule, a
# table row), or a GitHub workflow command in a log the comment is printed to.
_OPENS_BLOCK = re.compile(r"^(?=#{1,6}(?:\s|$)|[-+](?:\s|$)|[-=]+$|::)|^(\d{1,9})(?=[.)](?:\s|$))")


def md(text: object) -> str:
    """User text for Markdown (table cells included): one line, nothing it can open, control
    characters shown."""
    flat = printable(_SPACE.sub(" ", str(text)).strip())
    flat = html.escape(_SPECIAL.sub(r"\\\1", flat), quote=False)
    flat = _OPENS_BLOCK.sub(lambda m: (m.group(1) or "") + "\\", flat, count=1)
    return flat.replace("@", "@\u200b")  # no @mentions


def code(text: object) -> str:
    """User text as a Markdown code span: one line, shown as it is, fenced by more backticks
    than it holds in a row."""
    flat = printable(_SPACE.sub(" ", str(text)).strip())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def legend(lang: str) -> str:
    return "; ".join(f"{SYMBOL[s]} {t(lang, MEANING[s])}" for s in (PROVISION, CITED, TOUCHED, NONE))


def raw(text: object) -> str:
    """User text inside an HTML block (<summary>), where Markdown is not read."""
    return html.escape(printable(_SPACE.sub(" ", str(text)).strip()), quote=True) \
        .replace("@", "@\u200b")


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
    lang = report.files[0].lang if report.files else report.lang
    top = "## roadmap-check\n\n"
    if len(report.files) != 1:
        top += _summary(report.files, report.coverage(), lang) + "\n"
    heads = [_head(file) for file in report.files]
    tables = [_matrix(m) if file.roadmap is not None else "" for file, m in
              zip(report.files, matrices, strict=True)]
    fixed = len(top) + sum(map(len, heads)) + _NOTE
    for index in reversed(range(len(tables))):  # many files: their matrices go first
        if fixed + sum(map(len, tables)) <= LIMIT:
            break
        tables[index] = t(report.files[index].lang, "md.matrix_left_out") + "\n\n"
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
        files = t(lang, "md.truncated_files", left=files_left,
                  files=plural(lang, "plural.file_of", len(report.files))) if files_left else ""
        out.append(t(lang, "md.truncated", omitted=budget.omitted,
                     total=plural(lang, "plural.finding_of", total), files=files) + "\n")
    yield "".join(out)


def _summary(files: list[FileReport], coverage: tuple[int, int], lang: str) -> str:
    live = [f for file in files for f in file.findings if f.suppression is None]
    counts = [sum(1 for f in live if f.severity == s) for s in
              (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    waived = sum(1 for file in files for f in file.findings if f.suppression is not None)
    fixable = sum(1 for f in live if f.fix and f.fix.safe)
    covered, required = coverage
    share = f"{t(lang, 'matrix.of', covered=covered, required=required)} " \
        f"({percent(covered / required)[lang]})" if required else "—"
    names = [t(lang, f"report.col.{name}") for name in
             ("errors", "warnings", "info", "waived", "fixable")]
    return (_row([*names, t(lang, "matrix.coverage")])
            + "|---:|---:|---:|---:|---:|---|\n"
            f"| {counts[0]} | {counts[1]} | {counts[2]} | {waived} | {fixable} | {share} |\n")


def _head(file: FileReport) -> str:
    roadmap, lang = file.roadmap, file.lang
    title = roadmap.title if roadmap and roadmap.title else file.path
    out = [f"### {md(title)}\n\n{md(file.path)}"]
    if roadmap is not None:
        for name in ("id", "version", "date", "status", "period"):
            value = getattr(roadmap, name)
            if value is not None:
                out.append(f" · {t(lang, f'report.meta.{name}')}: "
                           f"{md(meta_value(name, value, lang))}")
    out.append("\n\n")
    ruleset = file.ruleset
    label = t(lang, "report.ruleset")
    if ruleset is not None:
        version = f" {md(ruleset.version)}" if ruleset.version else ""
        out.append(f"{label}: **{md(ruleset.name)}**{version} "
                   f"({md(', '.join(layer(source, lang) for source in ruleset.sources))})\n\n")
    covered = sum(n.covered for n in file.needs)
    return "".join(out) + _summary([file], (covered, len(file.needs)), lang) + "\n"


def _matrix(matrix: Matrix) -> str:
    lang = matrix.lang
    found = sections(matrix)
    collapsed = len(matrix.columns) > MAX_ITEM_COLUMNS
    shown = found[:MAX_SECTION_COLUMNS]
    if collapsed:
        heads = [f"{md(s.name)} ({len(s.columns)})" for s in shown]
    else:
        heads = [md(c.id) for c in matrix.columns]
    out = [f"#### {t(lang, 'matrix.heading')}\n\n", legend(lang), "\n\n"]
    if collapsed:
        out.append(t(lang, "md.by_section", items=plural(lang, "plural.item",
                                                         len(matrix.columns))) + "\n\n")
    out.append(_row([t(lang, "matrix.framework"), *heads, t(lang, "matrix.share")]))
    out.append("|---|" + ":-:|" * len(heads) + "--:|\n")
    group: str | None = None
    for r, row in enumerate(matrix.rows):
        if row.group and row.group != group:
            need = next(q for q in matrix.requirements if q.id == row.group)
            mark = "✓" if need.covered else "✗"
            counts = t(lang, "matrix.group", cited=len(need.covered_by),
                       members=len(need.members), at_least=need.at_least)
            out.append(_row([f"{mark} **{md(need.id)}**: {counts}", *[""] * (len(heads) + 1)]))
        group = row.group
        if collapsed:
            cells = [SYMBOL[s.cells[r]] + (f" {s.counts[r]}" if s.counts[r] else "")
                     for s in shown]
        else:
            cells = [SYMBOL[c] for c in row.cells]
        name = ("↳ " if row.group else "") + ("✓ " if row.covered else "✗ ") + md(row.framework)
        out.append(_row([name, *cells, percent(row.share)[lang]]))
    share = t(lang, "matrix.of", covered=matrix.covered, required=matrix.required)
    out.append(f"\n{capital(t(lang, 'matrix.coverage'))}: **{share}** "
               f"({percent(matrix.share)[lang]}).")
    if len(found) > len(shown):
        out.append(t(lang, "md.more_sections", sections=plural(
            lang, "plural.more_section", len(found) - len(shown))))
    return "".join(out) + "\n\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def _findings(file: FileReport, matrix: Matrix, budget: _Budget) -> Iterator[str]:
    live = [f for f in file.findings if f.suppression is None]
    waived = [f for f in file.findings if f.suppression is not None]
    lang = file.lang
    if not live:  # said as the HTML annex says it, the waived ones after it
        said = f"#### {t(lang, 'report.findings')}\n\n{md(t(lang, 'html.no_findings'))}\n\n"
        if budget.take(said):
            yield said
        if not waived:
            return
    lines = source_lines(file.path, file.findings) if not file.places else None
    index = by_id(matrix.columns)
    grouped: dict[int, list[Finding]] = {}
    for finding in live:
        column = item_of(index, finding)
        grouped.setdefault(column.index if column else -1, []).append(finding)
    heading = f"#### {t(lang, 'report.findings')}\n\n"
    if live and budget.take(heading):
        yield heading
    for number in sorted(grouped):
        column = matrix.columns[number] if number >= 0 else None
        yield from _block(_label(column, len(grouped[number]), lang), grouped[number], lines,
                          budget, lang, file)
    if waived:
        yield from _block(t(lang, "report.waived_findings", count=len(waived)), waived, lines,
                          budget, lang, file)


def _label(column: Column | None, count: int, lang: str) -> str:
    findings = plural(lang, "plural.finding", count)
    if column is None:
        return f"{t(lang, 'report.document')} ({findings})"
    title = f" — {raw(column.title)}" if column.title else ""
    return f"{t(lang, 'report.item', id=raw(column.id))}{title} ({findings})"


def _block(label: str, findings: list[Finding], lines: SourceLines | None,
           budget: _Budget, lang: str, file: FileReport | None = None) -> Iterator[str]:
    """One <details> block, cut when the budget runs out; never an empty one."""
    texts = [_finding(f, lines, lang, file) for f in findings]
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


def _finding(finding: Finding, lines: SourceLines | None, lang: str,
             file: FileReport | None = None) -> str:
    kind = "waived" if finding.suppression is not None else finding.severity.label
    text = said(finding, lang)
    label = fixable_key(finding)
    fixable = t(lang, label) if label else ""
    where = (where_in(file, finding, lang) if file is not None else None) or \
        t(lang, "report.line", line=finding.line, column=finding.column)
    out = [f"- **{t(lang, f'term.label.{kind}')}** `{finding.code}` "
           f"{t(lang, f'checkname.{finding.code}')}, {where}{fixable}: {md(text.message)}\n"]
    if finding.suppression is not None:
        reason = text.waived or t(lang, "report.no_reason")
        out.append(f"  - {t(lang, 'term.waived')} {md(reason)}\n")
    if text.hint:
        out.append(f"  - {t(lang, 'report.suggestion')} {md(text.hint)}\n")
    if lines and 1 <= finding.line <= len(lines):
        source = printable(lines[finding.line - 1].rstrip())
        runs = [len(run) for run in re.findall(r"`+", source)]
        fence = "`" * max(3, max(runs, default=0) + 1)
        out.append(f"\n  {fence}yaml\n  {finding.line} | {source}\n  {fence}\n\n")
    return "".join(out)
