"""RM101-RM108: every citation resolved against the rule set, and checked in time."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks import Cited, Context
from roadmap_check.findings import Finding, Fix
from roadmap_check.model import Citation, Framework, Item, Text
from roadmap_check.normalize import has_cyrillic

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^$")


def yaml_scalar(value: str, style: str | None) -> str:
    """``value`` written the way the original scalar was written, quoting where needed."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style is None and not _PLAIN_UNSAFE.search(value) and "\n" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def replace_fix(text: Text, value: str) -> Fix | None:
    if text.style in ("|", ">") or not text.end_line:
        return None
    return Fix(text.line, text.column, text.end_line, text.end_column,
               yaml_scalar(value, text.style))


def _title(framework: Framework, lang: str) -> str:
    return framework.title_in(lang)


def check(ctx: Context) -> Iterator[Finding]:
    for index, item in enumerate(ctx.roadmap.items):
        if not item.cites:
            where = (item.line, item.column)
            yield ctx.at("RM101", "the item cites no framework", where, item=item,
                         suggestion="add 'cites:' with the frameworks this action implements")
            ctx.cited[index] = []
            continue
        cited = [_resolve(ctx, citation) for citation in item.cites]
        ctx.cited[index] = cited
        yield from _citation_findings(ctx, item, cited)
        yield from _in_force(ctx, item, cited)


def _resolve(ctx: Context, citation: Citation) -> Cited:
    index = ctx.compiled.citations
    raw = citation.raw.value
    resolution = index.resolve_id(raw) if citation.mapping else index.resolve(raw)
    written = citation.provision.value if citation.provision else resolution.provision
    provision = None
    if resolution.framework and written:
        pid, _ = index.split(written)
        provision = index.provision(resolution.framework, pid or written)
    return Cited(citation, resolution, resolution.framework, provision, written)


def _names(ctx: Context, ids: tuple[str, ...]) -> str:
    frameworks = ctx.ruleset.frameworks
    return "; ".join(f"{fid} ({_title(frameworks[fid], ctx.lang)})" for fid in ids)


def _citation_findings(ctx: Context, item: Item, cited: list[Cited]) -> Iterator[Finding]:
    seen: set[tuple[str, str | None]] = set()
    for entry in cited:
        raw = entry.citation.raw
        resolution = entry.resolution
        if resolution.status == "unknown":
            reason = f" ({resolution.reason})" if resolution.reason else ""
            hint = f"did you mean {_names(ctx, resolution.candidates)}?" \
                if resolution.candidates else "run 'roadmap-check frameworks' for the list"
            yield ctx.at("RM102", f"{raw.value!r} matches no framework of the rule set{reason}",
                         raw, item=item, suggestion=hint)
            continue
        if resolution.status == "ambiguous":
            yield ctx.at("RM103", f"{raw.value!r} matches {len(resolution.candidates)} frameworks "
                         f"about equally well: {', '.join(resolution.candidates)}", raw, item=item,
                         suggestion=f"cite one by its full title or id: {_names(ctx, resolution.candidates)}")
            continue
        assert entry.framework is not None
        framework = ctx.ruleset.frameworks[entry.framework]
        if resolution.status == "loose":
            yield _non_canonical(ctx, item, entry, framework)
        if entry.provision_text and entry.provision is None and framework.provisions \
                and framework.provisions_complete:
            known = ", ".join(p.id for p in framework.provisions)
            where = entry.citation.provision or raw
            yield ctx.at("RM104", f"{framework.id} has no provision {entry.provision_text!r}",
                         where, item=item, framework=framework.id,
                         suggestion=f"its provisions are: {known}")
        marker = (entry.framework, entry.provision or entry.provision_text)
        if marker in seen:
            what = f"{entry.framework}, provision {marker[1]}" if marker[1] else entry.framework
            yield ctx.at("RM108", f"{what} is cited twice in this item", raw, item=item,
                         framework=entry.framework, suggestion="remove the repeated citation")
        seen.add(marker)


def _non_canonical(ctx: Context, item: Item, entry: Cited, framework: Framework) -> Finding:
    raw = entry.citation.raw
    if entry.citation.mapping:
        canonical = framework.id
    else:
        lang = "ru" if has_cyrillic(raw.value) else "en"
        canonical = _title(framework, lang)
        markers = [m.group(0).strip() for m in ctx.compiled.citations.marker.finditer(raw.value)]
        if markers:
            canonical = ", ".join([canonical, *markers])
    return ctx.at("RM105", f"{raw.value!r} is read as {framework.id}, through an alias or a "
                  "loose spelling", raw, item=item, framework=framework.id,
                  suggestion=f"write {canonical!r}", fix=replace_fix(raw, canonical))


def _in_force(ctx: Context, item: Item, cited: list[Cited]) -> Iterator[Finding]:
    due = ctx.period(item.deadline)
    done: set[str] = set()
    for entry in cited:
        fid = entry.framework
        if fid is None or fid in done:
            continue
        done.add(fid)
        framework = ctx.ruleset.frameworks[fid]
        raw = entry.citation.raw
        if framework.in_force_until:
            until = dates.parse(framework.in_force_until).end
            assert until is not None
            late = due.end if due is not None and due.end is not None else None
            if (late is not None and late > until) or ctx.as_of > until:
                when = f"the item is due {item.deadline.value}" if late and late > until and \
                    item.deadline else f"the road map is dated {ctx.as_of.isoformat()}"
                yield ctx.at("RM106", f"{fid} is in force until {framework.in_force_until}, "
                             f"but {when}", raw, item=item, framework=fid,
                             suggestion=_successor(ctx, framework))
        if framework.adopted:
            adopted = dates.parse(framework.adopted).start
            if adopted is not None and adopted > ctx.as_of:
                yield ctx.at("RM107", f"{fid} was adopted {framework.adopted}, after the road "
                             f"map's date {ctx.as_of.isoformat()}", raw, item=item, framework=fid,
                             suggestion="check the road map's date, or cite the document in "
                             "force at that date")


def _successor(ctx: Context, framework: Framework) -> str:
    if framework.superseded_by:
        successor = ctx.ruleset.frameworks[framework.superseded_by]
        return f"cite its successor {successor.id} ({_title(successor, ctx.lang)})"
    note = framework.successor_note.get(ctx.lang) or framework.successor_note.get("en")
    if note:
        return f"its successor: {note}"
    return "check whether a successor document applies to the later actions"
