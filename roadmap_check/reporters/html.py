"""``--format html``: one self-contained page (inline CSS, no script, no font, no image).

Every text from a road map, a rule set or a finding goes through ``escape`` (html.escape with
quotes), so a title such as ``<script>`` is shown, never run. The page prints on A4. The
appendix on the rule set is ``html_appendix``; what the Markdown annex says alike is
``annex_text``.

Each file's section is said in its language, the page's own parts (title, heading, the summary
of several files) in the first file's; ``<html lang>`` follows the page's language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from roadmap_check import __version__
from roadmap_check.findings import Finding
from roadmap_check.i18n import percent, plural, quoted, t
from roadmap_check.matrix import (
    CITED,
    MEANING,
    NONE,
    PROVISION,
    SYMBOL,
    TOUCHED,
    Matrix,
    build,
    by_id,
    item_of,
    sections,
)
from roadmap_check.report import FileReport, FrameworkInfo, Report
from roadmap_check.reporters import fixable_key, said
from roadmap_check.reporters import where as where_in
from roadmap_check.reporters.annex_text import (
    SourceLines,
    capital,
    escape,
    meta_value,
    produced_ruleset,
    source_lines,
)
from roadmap_check.reporters.html_appendix import appendix, caveats
from roadmap_check.severity import Severity

MAX_ITEM_COLUMNS = 40  # wider matrices show one column per section
WIDE_COLUMNS = 24      # wider ones are printed on a landscape page
_CLASS = {PROVISION: "s-prov", CITED: "s-cited", TOUCHED: "s-touch", NONE: "s-none"}
_OPTION = re.compile(r"(--[a-z][a-z-]*)")  # an option named in a catalogue text

# On paper no word is broken by force (no overflow-wrap:anywhere): the appendix's columns are
# fixed, each at least as wide as its longest word at print size (measured in Chromium at
# 7.5pt: «предположительно*» 69pt, «обязательный» 49pt, «документов» 41pt, a host
# 'legislation.com' 46pt; ids break at their hyphens), and words are hyphenated in the page's
# language where the browser can (hyphens:auto, <html lang>).
CSS = """
:root{--fg:#1b1f24;--mute:#57606a;--line:#d0d7de;--err:#b42318;--warn:#9a6700;--info:#0969da}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);
margin:0 auto;max-width:1200px;padding:16px 24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 6px;border-bottom:2px solid #333}
h3{font-size:16px;margin:20px 0 6px}h4{font-size:14px;margin:14px 0 4px}
.mute{color:var(--mute)}.nw{white-space:nowrap;hyphens:none}
code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:4px 0 10px}
th,td{border:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:top}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:6px 0}
dl.meta dt{color:var(--mute)}dl.meta dd{margin:0}
.scroll{overflow:auto;max-height:80vh;border:1px solid var(--line)}
table.matrix{margin:0;font-size:12px}
table.matrix th,table.matrix td{text-align:center;padding:1px 4px;white-space:nowrap}
table.matrix thead th{position:sticky;top:0;background:#f6f8fa;z-index:2}
table.matrix th.fw{position:sticky;left:0;background:#fff;text-align:left;z-index:1}
table.matrix thead th.fw{z-index:3;background:#f6f8fa}
table.matrix tr.group th{background:#f6f8fa;text-align:left}
.s-prov{background:#1a7f37;color:#fff}.s-cited{background:#8fd19e}
.s-touch{background:#ffe08a}.s-none{background:#fff;color:#b0b7bf}
.no{color:var(--err);font-weight:600}.yes{color:#1a7f37;font-weight:600}
.legend span{display:inline-block;margin-right:12px}
.legend b{display:inline-block;width:1.6em;text-align:center;border:1px solid var(--line)}
.finding{border-left:4px solid var(--line);padding:4px 10px;margin:6px 0}
.finding.error{border-color:var(--err)}.finding.warning{border-color:var(--warn)}
.finding.info{border-color:var(--info)}.finding.waived{border-color:var(--line)}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}
.badge.info{background:var(--info)}.badge.waived{background:var(--mute)}
.finding p{margin:2px 0}.caveat{color:var(--warn)}
td,.finding p,section.appendix p,section.appendix li{hyphens:auto;-webkit-hyphens:auto}
table.provenance{width:100%}table.provenance th{font-weight:600}
table.provenance td:last-child{font-size:12px}
.notes-print{display:none}.print-only{display:none}table.notes{width:100%}
table.notes tr.group th{background:#f6f8fa;text-align:left;font-weight:400}
pre.src{background:#f6f8fa;padding:4px 8px;margin:4px 0;overflow:auto;white-space:pre-wrap}
pre.src .hit{background:#fff1b8;display:inline-block;width:100%}
section.appendix{margin-top:32px}
section.appendix summary{cursor:pointer}section.appendix summary h2{display:inline-block}
@page{size:A4;margin:12mm 11mm}@page wide{size:A4 landscape}
@media print{body{max-width:none;padding:0;font:8.5pt/1.25 Arial,"Liberation Sans",Helvetica,sans-serif}
h1{font-size:15pt}h2{font-size:13pt;margin:12pt 0 4pt}h3{font-size:11pt;margin:10pt 0 3pt}
h4{font-size:10pt;margin:7pt 0 2pt}code,pre{font-size:8pt}
.scroll{overflow:visible;max-height:none;border:0}
table.matrix thead th,table.matrix th.fw{position:static}
table.matrix{font-size:7pt}.matrix-page.wide{page:wide}
table.matrix th,table.matrix td{padding:0 2px}
.tail{break-before:avoid-page;break-inside:avoid}ul.caveats li{break-inside:avoid}
table.provenance{font-size:7.5pt}table.provenance td:last-child{font-size:7pt}
table.provenance code{font-size:7pt}table.provenance th,table.provenance td{padding:1pt 3pt}
table.provenance{table-layout:fixed}table.provenance col.c1{width:11.5%}
table.provenance col.c3{width:9.5%}table.provenance col.c4{width:11.5%}
table.provenance col.c5{width:14.5%}table.provenance col.c6,table.provenance col.c7{width:8.5%}
table.provenance col.c8{width:10%}
.noprint{display:none}.notes-print{display:block}.print-only{display:inline}
table.notes{font-size:7.5pt}table.notes td,table.notes th{padding:0 4px}
table.notes tr.group{break-after:avoid;page-break-after:avoid}
table.provenance,table.notes,table.items{line-height:1.15}section.appendix p{margin:3pt 0}
thead{display:table-header-group}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section.file{break-before:page;page-break-before:always}
section.file:first-of-type{break-before:auto;page-break-before:auto}
section.appendix{margin:8pt 0 0}
section.appendix summary{list-style:none}section.appendix summary::-webkit-details-marker{display:none}
details::details-content{content-visibility:visible;display:block}
h2,h3,h4,summary{break-after:avoid;page-break-after:avoid}
.finding,tr,pre,li,dl.meta,.legend{break-inside:avoid;page-break-inside:avoid}
.finding{padding:1pt 5pt;margin:2pt 0}pre.src{display:none}
.finding p.head,.finding p.msg{display:inline}.finding p.msg::before{content:" — "}
.finding p{margin:0}table.items{font-size:7.5pt}table.items td{padding:0 4px}
.badge{font-size:8pt}a{color:inherit;text-decoration:none}}
"""


def render(report: Report) -> Iterator[str]:
    titles = [f.roadmap.title for f in report.files if f.roadmap and f.roadmap.title]
    lang = report.files[0].lang if report.files else report.lang
    page = titles[0] if len(titles) == 1 else plural(lang, "plural.roadmap", len(report.files))
    yield (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>roadmap-check: {escape(page)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
           f"<header><h1>{escape(t(lang, 'html.heading'))}</h1>\n")
    if len(report.files) != 1:
        yield (f'<p class="mute">{escape(plural(lang, "plural.file_checked", len(report.files)))}'
               "</p>\n" + _summary(report.files, report.coverage(), lang))
    yield "</header>\n"
    for file in report.files:
        yield from _file(file)
    if report.provenance:
        for file in report.files:
            yield appendix(file, len(report.files) > 1)
    yield "</body>\n</html>\n"


def _summary(files: list[FileReport], coverage: tuple[int, int], lang: str) -> str:
    live = [f for file in files for f in file.findings if f.suppression is None]
    counts = {s: sum(1 for f in live if f.severity == s) for s in Severity}
    waived = sum(1 for file in files for f in file.findings if f.suppression is not None)
    fixable = sum(1 for f in live if f.fix and f.fix.safe)
    covered, required = coverage
    share = f"{t(lang, 'matrix.of', covered=covered, required=required)} " \
        f"({percent(covered / required)[lang]})" if required else t(lang, "report.nothing_required")
    cells = [(t(lang, "report.col.errors"), counts[Severity.ERROR]),
             (t(lang, "report.col.warnings"), counts[Severity.WARNING]),
             (t(lang, "report.col.info"), counts[Severity.INFO]),
             (t(lang, "report.col.waived"), waived), (t(lang, "report.col.fixable"), fixable),
             (t(lang, "matrix.coverage"), share)]
    head = "".join(f"<th>{escape(name)}</th>" for name, _ in cells)
    body = "".join(f"<td>{escape(value)}</td>" for _, value in cells)
    return f'<table class="summary"><tr>{head}</tr><tr>{body}</tr></table>\n'


def _file(file: FileReport) -> Iterator[str]:
    roadmap, lang = file.roadmap, file.lang
    title = roadmap.title if roadmap and roadmap.title else file.path
    yield f'<section class="file" lang="{escape(lang)}">\n<h2>{escape(title)}</h2>\n'
    meta = [(t(lang, "report.meta.file"), file.path)]
    if roadmap is not None:
        for name in ("id", "version", "date", "status", "period", "language"):
            value = getattr(roadmap, name)
            meta.append((t(lang, f"report.meta.{name}"),
                         meta_value(name, value, lang) if value is not None else "—"))
    yield '<dl class="meta">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in meta) \
        + "</dl>\n"
    yield f'<p class="mute produced">{escape(produced(file))}</p>\n'
    yield f"<h3>{escape(t(lang, 'html.summary'))}</h3>\n" + _summary(
        [file], (sum(n.covered for n in file.needs), len(file.needs)), lang)
    matrix = build(file)
    if roadmap is not None:
        yield _matrix(matrix)
    yield from _findings(file, matrix)
    yield "</section>\n"


def produced(file: FileReport) -> str:
    """The one line that says what made the report: roadmap-check's version, the rule set."""
    if file.ruleset is None:
        return t(file.lang, "html.produced_bare", version=__version__)
    return t(file.lang, "html.produced", version=__version__, ruleset=produced_ruleset(file))


def _legend(lang: str) -> str:
    spans = "".join(f'<span><b class="{_CLASS[s]}">{SYMBOL[s]}</b> {escape(t(lang, MEANING[s]))}'
                    "</span>" for s in (PROVISION, CITED, TOUCHED, NONE))
    return f'<p class="legend">{spans}</p>\n'


def _matrix(matrix: Matrix) -> str:
    lang = matrix.lang
    collapsed = len(matrix.columns) > MAX_ITEM_COLUMNS
    wide = " wide" if len(matrix.columns) > WIDE_COLUMNS and not collapsed else ""
    out = [f'<div class="matrix-page{wide}">\n<h3>{escape(t(lang, "matrix.heading"))}</h3>\n',
           _legend(lang)]
    if collapsed:
        found = sections(matrix)
        note = t(lang, "html.by_section", items=plural(lang, "plural.item", len(matrix.columns)))
        out.append(f'<p class="mute">{escape(note)}</p>\n')
        heads = [f'<th title="{escape(s.name)}">{escape(s.name)}<br><span class="mute">'
                 f"{escape(plural(lang, 'plural.item', len(s.columns)))}</span></th>" for s in found]
    else:
        heads = [f'<th title="{escape(c.section or "")}: {escape(c.title or "")}">{escape(c.id)}</th>'
                 for c in matrix.columns]
    out.append('<div class="scroll"><table class="matrix"><thead><tr><th class="fw">'
               f'{escape(t(lang, "matrix.framework"))}</th>{"".join(heads)}'
               f'<th>{escape(t(lang, "matrix.share"))}</th></tr></thead>\n<tbody>\n')
    group: str | None = None
    width = len(heads) + 2
    for r, row in enumerate(matrix.rows):
        if row.group and row.group != group:
            need = next(q for q in matrix.requirements if q.id == row.group)
            mark = '<span class="yes">✓</span>' if need.covered else '<span class="no">✗</span>'
            label = f" — {escape(need.title)}" if need.title else ""
            counts = t(lang, "html.group", cited=len(need.covered_by),
                       members=len(need.members), at_least=need.at_least)
            out.append(f'<tr class="group"><th colspan="{width}">{mark} {escape(need.id)}{label}: '
                       f"{escape(counts)}</th></tr>\n")
        group = row.group
        mark = '<span class="yes">✓</span>' if row.covered else '<span class="no">✗</span>'
        if collapsed:
            cells = "".join(f'<td class="{_CLASS[s.cells[r]]}">{SYMBOL[s.cells[r]]}'
                            f"{f' {s.counts[r]}' if s.counts[r] else ''}</td>" for s in found)
        else:
            cells = "".join(f'<td class="{_CLASS[c]}">{SYMBOL[c]}</td>' for c in row.cells)
        out.append(f'<tr><th class="fw" title="{escape(row.title)}">{mark} <code>'
                   f"{escape(row.framework)}</code></th>{cells}"
                   f"<td>{escape(percent(row.share)[lang])}</td></tr>\n")
    out.append("</tbody></table></div>\n")
    share = t(lang, "matrix.of", covered=matrix.covered, required=matrix.required)
    out.append(f"<p>{escape(capital(t(lang, 'matrix.coverage')))}: <b>{escape(share)}</b> "
               f"({escape(percent(matrix.share)[lang])}).</p>\n")
    out.append("</div>\n")
    if not collapsed and matrix.columns:
        out.append('<table class="items"><tr>'
                   + "".join(f"<th>{escape(t(lang, f'html.col.{name}'))}</th>"
                             for name in ("item", "section", "title")) + "</tr>\n")
        out.extend(f"<tr><td>{escape(c.id)}</td><td>{escape(c.section or '—')}</td>"
                   f"<td>{escape(c.title or '')}</td></tr>\n" for c in matrix.columns)
        out.append("</table>\n")
    return "".join(out)


def _findings(file: FileReport, matrix: Matrix) -> Iterator[str]:
    live = [f for f in file.findings if f.suppression is None]
    waived = [f for f in file.findings if f.suppression is not None]
    lines = source_lines(file.path, file.findings) if file.findings and not file.places \
        else None
    index = by_id(matrix.columns)
    lang = file.lang
    known = {fw.id: fw for fw in file.ruleset.frameworks} if file.ruleset else {}
    yield f"<h3>{escape(t(lang, 'report.findings'))} ({len(live)})</h3>\n"
    if not live:
        yield f'<p class="mute">{escape(t(lang, "html.no_findings"))}</p>\n'
    grouped: dict[int, list[Finding]] = {}
    for finding in live:
        column = item_of(index, finding)
        grouped.setdefault(column.index if column else -1, []).append(finding)
    # on paper a recommendation shared by findings of one check is printed once, with the
    # first of them: (check, recommendation) -> how many findings print it
    hints = Counter((f.code, said(f, lang).hint) for number in sorted(grouped)
                    for f in grouped[number] if not _tabled(f) and f.hint is not None)
    for number in sorted(grouped):
        column = matrix.columns[number] if number >= 0 else None
        heading = t(lang, "report.document") if column is None else \
            t(lang, "report.item", id=column.id)
        if column is not None and column.title:
            heading += f" — {column.title}"
        # on paper, the notes with a fix are rows of one table instead (an item of only
        # those is left out there)
        hidden = " noprint" if all(map(_tabled, grouped[number])) else ""
        yield f'<div class="item{hidden}"><h4>{escape(heading)}</h4>\n'
        yield "".join(_finding(f, lines, lang, known, hints, file) for f in grouped[number]) \
            + "</div>\n"
    notes = [f for f in live if _tabled(f)]
    if notes:
        yield _notes(notes, known, lang, file)
    if waived:
        yield f"<h3>{escape(t(lang, 'report.waived_findings', count=len(waived)))}</h3>\n"
        yield "".join(_finding(f, lines, lang, known, file=file) for f in waived)


def _tabled(finding: Finding) -> bool:
    """An info note whose safe fix rewrites what a citation says (RM105: the official title):
    on paper, a row of one table, so that a long title is not printed once per finding. An
    unsafe one is printed as itself: its hint says what the title would not keep."""
    fix = finding.fix
    return finding.severity is Severity.INFO and finding.suppression is None and \
        fix is not None and fix.safe and fix.value is not None and \
        finding.framework is not None and finding.subject is not None


def _group_title(group: list[Finding], framework: FrameworkInfo | None, lang: str) -> str | None:
    """The framework's title the group's fixes write (the report's language first)."""
    if framework is None:
        return None
    first = framework.title_in(lang)
    titles = [first, *(title for _, title in framework.title if title != first)]
    written = [sum(1 for f in group if f.fix and (f.fix.value or "").startswith(title))
               for title in titles]
    best = max(range(len(titles)), key=written.__getitem__)
    return titles[best] if written[best] else None


def _notes(notes: list[Finding], known: dict[str, FrameworkInfo], lang: str,
           file: FileReport | None = None) -> str:
    """The notes with a fix, for paper: one table per check, a group per framework that says
    its official title once; a row per note: item, line (a Word or Excel road map's: its
    cell), the text as written, the fix (the title left to the group, what follows it
    written out)."""
    groups: dict[str, dict[str, list[Finding]]] = {}
    for finding in notes:
        groups.setdefault(finding.code, {}).setdefault(finding.framework or "", []).append(finding)
    heads = "".join(f"<th>{escape(t(lang, f'html.col.{name}'))}</th>"
                    for name in ("item", "line", "written", "fix"))
    out = ['<div class="notes-print">\n']
    for code, by_framework in groups.items():
        heading = t(lang, "html.notes", code=code, name=t(lang, f"checkname.{code}"),
                    count=plural(lang, "plural.info", sum(map(len, by_framework.values()))))
        out.append(f'<h4>{escape(heading)}</h4>\n<table class="notes"><thead><tr>{heads}</tr>'
                   "</thead>\n<tbody>\n")
        for fid, group in by_framework.items():
            title = _group_title(group, known.get(fid), lang)
            said = f" — {escape(t(lang, 'html.notes_group', title=title))}" if title else ""
            out.append(f'<tr class="group"><th colspan="4"><code>{escape(fid)}</code>{said}</th></tr>\n')
            for finding in group:
                value = finding.fix.value if finding.fix and finding.fix.value else ""
                fixed = f"<i>{escape(t(lang, 'html.notes_title'))}</i>{escape(value[len(title):])}" \
                    if title and value.startswith(title) else escape(value)
                at = (where_in(file, finding, lang) if file is not None else None) or \
                    str(finding.line)
                out.append(f'<tr class="row"><td>{escape(finding.item or "")}</td>'
                           f"<td>{escape(at)}</td><td>{escape(quoted(finding.subject or '')[lang])}</td>"
                           f"<td>{fixed}</td></tr>\n")
        out.append("</tbody></table>\n")
    return "".join(out) + "</div>\n"


# The checks whose finding rests on one fact of a framework: its caveat goes with the finding.
_RESTS_ON = {"RM106": "in_force_until", "RM107": "adopted"}


def _finding(finding: Finding, lines: SourceLines | None, lang: str,
             known: dict[str, FrameworkInfo], hints: Counter[tuple[str, str | None]] | None = None,
             file: FileReport | None = None) -> str:
    kind = "waived" if finding.suppression is not None else finding.severity.label
    text = said(finding, lang)
    where = (where_in(file, finding, lang) if file is not None else None) or \
        t(lang, "report.line", line=finding.line, column=finding.column)
    if finding.suppression is not None and finding.item is not None:
        where = f"{t(lang, 'term.item', id=finding.item)}, {where}"
    label = fixable_key(finding)
    # an option it names ("--unsafe-fixes") is never broken at its hyphens
    fixable = ' <span class="mute">' + _OPTION.sub(r'<span class="nw">\1</span>',
                                                   escape(t(lang, label).strip())) + "</span>" \
        if label else ""
    shown = f"{kind} noprint" if _tabled(finding) else kind
    out = [f'<div class="finding {shown}"><p class="head"><span class="badge {kind}">'
           f"{escape(t(lang, f'term.label.{kind}'))}</span> "
           f"<code>{escape(finding.code)}</code> {escape(t(lang, f'checkname.{finding.code}'))} "
           f'<span class="mute">{escape(where)}</span>{fixable}</p>',
           f'<p class="msg">{escape(text.message)}</p>']
    if finding.suppression is not None:
        reason = text.waived or t(lang, "report.no_reason")
        out.append(f"<p><b>{escape(capital(t(lang, 'term.waived')))}</b> {escape(reason)}</p>")
    if text.hint:
        shared = hints.get((finding.code, text.hint), 0) if hints is not None else 0
        again = shared < 0  # said already, on paper, by an earlier finding of the check
        once = f'<span class="print-only">{escape(t(lang, "html.hint_once", code=finding.code))}' \
            "</span>" if shared > 1 else ""
        if hints is not None and shared:
            hints[(finding.code, text.hint)] = -1
        opening = '<p class="noprint">' if again else "<p>"
        out.append(f"{opening}<b>{escape(capital(t(lang, 'report.suggestion')))}</b> "
                   f"{escape(text.hint)}{once}</p>")
    framework = known.get(finding.framework or "")
    rests = _RESTS_ON.get(finding.code)
    unsure = [sentence for fact, sentence in caveats(framework, lang) if fact == rests] \
        if framework is not None else []
    if unsure:
        out.append(f'<p class="caveat"><b>{escape(t(lang, "html.note"))}</b> '
                   f"{escape(capital(unsure[0]))}.</p>")
    out.append(_snippet(finding, lines))
    return "".join(out) + "</div>\n"


def _snippet(finding: Finding, lines: SourceLines | None) -> str:
    if not lines or not 1 <= finding.line <= len(lines):
        return ""
    first, last = max(finding.line - 1, 1), min(finding.line + 1, len(lines))
    digits = len(str(last))
    shown = []
    for number in range(first, last + 1):
        text = f"{number:>{digits}} | {lines[number - 1]}"
        shown.append(f'<span class="hit">{escape(text)}</span>' if number == finding.line
                     else escape(text))
    return '<pre class="src">' + "\n".join(shown) + "</pre>"
