"""RM101-RM108: every citation resolved against the rule set, and checked in time."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks import Cited, Context
from roadmap_check.edits import replace_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import Msg, msg, per_lang, rendered
from roadmap_check.model import Citation, Framework, Item
from roadmap_check.normalize import has_cyrillic


def _title(framework: Framework, lang: str) -> str:
    return framework.title_in(lang)


def check(ctx: Context) -> Iterator[Finding]:
    for index, item in enumerate(ctx.roadmap.items):
        if not item.cites:
            where = (item.line, item.column)
            yield ctx.at("RM101", msg("rm101.no_citation"), where, item=item,
                         suggestion=msg("rm101.no_citation.hint"))
            continue  # nothing cited: no entry in ctx.cited (read with .get)
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


def _names(ctx: Context, ids: tuple[str, ...]) -> dict[str, str]:
    """Framework ids with their titles, in each language."""
    frameworks = ctx.ruleset.frameworks
    return per_lang(lambda lang: "; ".join(f"{fid} ({_title(frameworks[fid], lang)})"
                                           for fid in ids))


def _citation_findings(ctx: Context, item: Item, cited: list[Cited]) -> Iterator[Finding]:
    seen: set[tuple[str, str | None]] = set()
    for entry in cited:
        raw = entry.citation.raw
        resolution = entry.resolution
        if resolution.status == "unknown":
            hint = msg("hint.did_you_mean", name=_names(ctx, resolution.candidates)) \
                if resolution.candidates else msg("rm102.list.hint")
            message = msg("rm102.unknown", raw=repr(raw.value)) if resolution.why is None \
                else msg("rm102.unknown_because", raw=repr(raw.value),
                         reason=rendered(resolution.why))
            yield ctx.at("RM102", message, raw, item=item, suggestion=hint)
            continue
        if resolution.status == "ambiguous":
            yield ctx.at("RM103", msg("rm103.ambiguous", raw=repr(raw.value),
                                      count=len(resolution.candidates),
                                      ids=", ".join(resolution.candidates)), raw, item=item,
                         suggestion=msg("rm103.ambiguous.hint",
                                        names=_names(ctx, resolution.candidates)))
            continue
        assert entry.framework is not None
        framework = ctx.ruleset.frameworks[entry.framework]
        if resolution.status == "loose":
            yield _non_canonical(ctx, item, entry, framework)
        if entry.provision_text and entry.provision is None and framework.provisions \
                and framework.provisions_complete:
            known = ", ".join(p.id for p in framework.provisions)
            where = entry.citation.provision or raw
            yield ctx.at("RM104", msg("rm104.unknown_provision", framework=framework.id,
                                      provision=repr(entry.provision_text)),
                         where, item=item, framework=framework.id,
                         suggestion=msg("rm104.unknown_provision.hint", known=known))
        marker = (entry.framework, entry.provision or entry.provision_text)
        if marker in seen:
            twice = msg("rm108.twice_provision", framework=entry.framework,
                        provision=marker[1]) if marker[1] else \
                msg("rm108.twice", framework=entry.framework)
            yield ctx.at("RM108", twice, raw, item=item, framework=entry.framework,
                         suggestion=msg("rm108.twice.hint"))
        seen.add(marker)


def _non_canonical(ctx: Context, item: Item, entry: Cited, framework: Framework) -> Finding:
    raw = entry.citation.raw
    if entry.citation.mapping:
        canonical = framework.id
    else:
        memo = ctx.compiled.canonical
        found = memo.get((framework.id, raw.value))
        if found is None:
            lang = "ru" if has_cyrillic(raw.value) else "en"
            markers = [m.group(0).strip()
                       for m in ctx.compiled.citations.marker.finditer(raw.value)]
            found = memo[framework.id, raw.value] = ", ".join([_title(framework, lang), *markers])
        canonical = found
    return ctx.at("RM105", msg("rm105.non_canonical", raw=repr(raw.value), framework=framework.id),
                  raw, item=item, framework=framework.id,
                  suggestion=msg("hint.write", text=repr(canonical)),
                  fix=replace_fix(raw, canonical))


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
                message = msg("rm106.item_due", framework=fid, until=framework.in_force_until,
                              due=item.deadline.value) \
                    if late and late > until and item.deadline else \
                    msg("rm106.roadmap_dated", framework=fid, until=framework.in_force_until,
                        date=ctx.as_of.isoformat())
                yield ctx.at("RM106", message, raw, item=item, framework=fid,
                             suggestion=_successor(ctx, framework))
        if framework.adopted:
            adopted = dates.parse(framework.adopted).start
            if adopted is not None and adopted > ctx.as_of:
                yield ctx.at("RM107", msg("rm107.not_in_force", framework=fid,
                                          adopted=framework.adopted, date=ctx.as_of.isoformat()),
                             raw, item=item, framework=fid,
                             suggestion=msg("rm107.not_in_force.hint"))


def _successor(ctx: Context, framework: Framework) -> Msg:
    if framework.superseded_by:
        successor = ctx.ruleset.frameworks[framework.superseded_by]
        return msg("rm106.successor.hint", framework=successor.id,
                   title=per_lang(lambda lang: _title(successor, lang)))
    notes = framework.successor_note
    if notes.get("en"):
        return msg("rm106.successor_note.hint",
                   note=per_lang(lambda lang: notes.get(lang) or notes["en"]))
    return msg("rm106.check_successor.hint")
