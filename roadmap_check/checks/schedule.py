"""RM301-RM303, RM305-RM308: dates, the period, and the order of dependent items."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks import Context
from roadmap_check.checks.citations import replace_fix
from roadmap_check.findings import Finding
from roadmap_check.model import Item, Text


def _date(ctx: Context, text: Text | None, what: str, item: Item | None) -> Iterator[Finding]:
    if text is None:
        return
    try:
        dates.parse(text.value)
    except dates.DateError as exc:
        better = dates.suggest(text.value)
        hint = (f"write {better!r}" if better else
                "use 2023-06-30, 2023-06, 2023, 2023-Q2, 2023-H1, 2022-2023 or ongoing")
        yield ctx.at("RM301", f"{what}: {exc}", text, item=item, suggestion=hint,
                     fix=replace_fix(text, better) if better else None)


def check(ctx: Context) -> Iterator[Finding]:
    roadmap = ctx.roadmap
    yield from _date(ctx, roadmap.date, "roadmap.date", None)
    yield from _date(ctx, roadmap.period, "roadmap.period", None)
    period = ctx.period(roadmap.period)
    status = roadmap.status.value if roadmap.status else "draft"
    ids = {item.id: item for item in roadmap.items if item.id_text}
    for item in roadmap.items:
        yield from _date(ctx, item.start, "start", item)
        yield from _date(ctx, item.deadline, "deadline", item)
        for waiver in item.waivers:
            yield from _date(ctx, waiver.until, "the waiver's until", item)
        start, due = ctx.period(item.start), ctx.period(item.deadline)
        if due is not None and due.ongoing and item.deadline is not None:
            yield ctx.at("RM310", f"the item is {item.deadline.value}: it has no deadline, so "
                         "the period, order and expiry checks cannot judge it", item.deadline,
                         item=item, suggestion="give a deadline if the action has an end")
        if period is not None and period.start and period.end:
            for text, value in ((item.start, start), (item.deadline, due)):
                if text is not None and value is not None and value.start is not None and \
                        value.end is not None and (value.start > period.end or
                                                   value.end < period.start):
                    yield ctx.at("RM302", f"{text.value} falls outside the road map's period "
                                 f"{period.text}", text, item=item,
                                 suggestion="move the date into the period, or widen the period")
        if start and due and start.start and due.end and start.start > due.end:
            assert item.start is not None
            yield ctx.at("RM303", f"the item starts {item.start.value}, after its deadline "
                         f"{item.deadline.value if item.deadline else ''}", item.start, item=item,
                         suggestion="swap or correct the dates")
        if status in ("draft", "circulated") and due and due.end and due.end < ctx.as_of \
                and item.deadline is not None:
            yield ctx.at("RM308", f"the item is due {item.deadline.value}, before the road map's "
                         f"date {ctx.as_of.isoformat()}", item.deadline, item=item,
                         suggestion="move the deadline, or mark the action as done")
        for dep in item.depends_on:
            other = ids.get(dep.value)
            if other is None:
                from roadmap_check.matching import closest_key

                close = closest_key(dep.value, list(ids), cutoff=60) if ids else None
                yield ctx.at("RM305", f"depends_on names {dep.value!r}, which no item has", dep,
                             item=item, suggestion=f"did you mean {close!r}?" if close else None)
                continue
            other_due = ctx.period(other.deadline)
            if due and other_due and due.end and other_due.end and due.end < other_due.end:
                yield ctx.at("RM307", f"the item is due {item.deadline.value if item.deadline else ''}"
                             f", before item {other.id!r} it depends on (due "
                             f"{other.deadline.value if other.deadline else ''})", dep, item=item,
                             suggestion="move this deadline after the other's, or drop the "
                             "dependency")
    yield from _cycles(ctx, ids)


def _cycles(ctx: Context, ids: dict[str, Item]) -> Iterator[Finding]:
    """Each cycle of depends_on once, found by an iterative depth-first search."""
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
                    cycle = [*path[path.index(nxt):], nxt]
                    item = ids[nxt]
                    where = next(d for d in ids[cycle[-2]].depends_on if d.value == nxt)
                    yield ctx.at("RM306", "items depend on each other in a cycle: "
                                 + " -> ".join(cycle), where, item=ids[cycle[-2]],
                                 suggestion=f"remove one dependency of the cycle through {item.id!r}")
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
