"""RM301-RM303, RM305-RM308: dates, the period, and the order of dependent items."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks import Context
from roadmap_check.edits import replace_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import Value, local, msg, rendered
from roadmap_check.model import Item, Text


def _date(ctx: Context, text: Text | None, what: Value, item: Item | None) -> Iterator[Finding]:
    if text is None:
        return
    try:
        dates.parse(text.value)
    except dates.DateError as exc:
        better = dates.suggest(text.value)
        hint = msg("hint.write", text=repr(better)) if better else msg("rm301.forms.hint")
        yield ctx.at("RM301", msg("rm301.bad_date", what=what, problem=rendered(exc.message)),
                     text, item=item, suggestion=hint,
                     fix=replace_fix(text, better) if better else None)


def check(ctx: Context) -> Iterator[Finding]:
    roadmap = ctx.roadmap
    yield from _date(ctx, roadmap.date, "roadmap.date", None)
    yield from _date(ctx, roadmap.period, "roadmap.period", None)
    period = ctx.period(roadmap.period)
    status = roadmap.status.value if roadmap.status else "draft"
    ids = {item.id: item for item in roadmap.items if item.id_text}
    for item in roadmap.items:
        yield from _date(ctx, item.start, local("field.date_start"), item)
        yield from _date(ctx, item.deadline, local("field.date_deadline"), item)
        for waiver in item.waivers:
            yield from _date(ctx, waiver.until, local("field.waiver_until"), item)
        start, due = ctx.period(item.start), ctx.period(item.deadline)
        if due is not None and due.ongoing and item.deadline is not None:
            yield ctx.at("RM310", msg("rm310.ongoing", value=item.deadline.value), item.deadline,
                         item=item, suggestion=msg("rm310.ongoing.hint"))
        if period is not None and period.start and period.end:
            for text, value in ((item.start, start), (item.deadline, due)):
                if text is not None and value is not None and value.start is not None and \
                        value.end is not None and (value.start > period.end or
                                                   value.end < period.start):
                    yield ctx.at("RM302", msg("rm302.outside", value=text.value,
                                              period=period.text), text, item=item,
                                 suggestion=msg("rm302.outside.hint"))
        if start and due and start.start and due.end and start.start > due.end:
            assert item.start is not None
            yield ctx.at("RM303", msg("rm303.start_after", start=item.start.value,
                                      deadline=item.deadline.value if item.deadline else ""),
                         item.start, item=item, suggestion=msg("rm303.start_after.hint"))
        if status in ("draft", "circulated") and due and due.end and due.end < ctx.as_of \
                and item.deadline is not None:
            yield ctx.at("RM308", msg("rm308.past", due=item.deadline.value,
                                      date=ctx.as_of.isoformat()), item.deadline, item=item,
                         suggestion=msg("rm308.past.hint"))
        for dep in item.depends_on:
            other = ids.get(dep.value)
            if other is None:
                from roadmap_check.matching import closest_key

                close = closest_key(dep.value, list(ids), cutoff=60) if ids else None
                yield ctx.at("RM305", msg("rm305.unknown_dependency", id=repr(dep.value)), dep,
                             item=item,
                             suggestion=msg("hint.did_you_mean", name=repr(close)) if close
                             else None)
                continue
            other_due = ctx.period(other.deadline)
            if due and other_due and due.end and other_due.end and due.end < other_due.end:
                yield ctx.at("RM307", msg("rm307.order",
                                          due=item.deadline.value if item.deadline else "",
                                          other=repr(other.id),
                                          other_due=other.deadline.value if other.deadline
                                          else ""), dep, item=item,
                             suggestion=msg("rm307.order.hint"))
    yield from _cycles(ctx, ids)


def _cycles(ctx: Context, ids: dict[str, Item]) -> Iterator[Finding]:
    """Each cycle of depends_on once, found by an iterative depth-first search.

    A cycle is told from its smallest id and reported on that item, so the finding stays the
    same whatever order the items are written in.
    """
    state: dict[str, int] = {}   # 1 on the path, 2 finished
    for root in ids:
        if root in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, edge = stack.pop()
            if edge == 0:
                state[node] = 1
                path.append(node)
            deps = [d.value for d in ids[node].depends_on if d.value in ids]
            if edge < len(deps):
                stack.append((node, edge + 1))
                nxt = deps[edge]
                if state.get(nxt) == 1:
                    ring = path[path.index(nxt):]
                    start = ring.index(min(ring))
                    ring = ring[start:] + ring[:start]
                    cycle = [*ring, ring[0]]
                    first = ids[ring[0]]
                    where = next(d for d in first.depends_on if d.value == cycle[1])
                    yield ctx.at("RM306", msg("rm306.cycle", cycle=" -> ".join(cycle)), where,
                                 item=first,
                                 suggestion=msg("rm306.cycle.hint", id=repr(first.id)))
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
