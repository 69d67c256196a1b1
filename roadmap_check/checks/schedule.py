"""RM301-RM303, RM305-RM308: dates, the period, and the order of dependent items."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks import Context
from roadmap_check.edits import replace_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import Value, local, msg, number, rendered
from roadmap_check.model import Item, Text

SHOWN = 10            # ids a cycle message shows at most
ID_HEAD = 24          # characters of an id that its misspellings are looked up by
MAX_CANDIDATES = 500  # ids compared with one unknown id at most


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
    index = IdIndex(list(ids))
    unknown: dict[str, str | None] = {}  # each distinct unknown id, its closest known one
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
                if dep.value not in unknown:
                    unknown[dep.value] = index.closest(dep.value)
                close = unknown[dep.value]
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
    """One RM306 per strongly connected component of depends_on that holds a cycle.

    The message shows a shortest cycle through the component's smallest id (reported on that
    item, so the finding stays the same whatever order the items are written in), and the
    other items of the component, if any, by count and their first ids.
    """
    graph = {node: list(dict.fromkeys(d.value for d in item.depends_on if d.value in ids))
             for node, item in ids.items()}
    for component in components(graph):
        start = min(component)
        if len(component) == 1 and start not in graph[start]:
            continue
        cycle = shortest_cycle(graph, start, set(component))
        others = sorted(set(component) - set(cycle))
        first = ids[start]
        where = next(d for d in first.depends_on if d.value == cycle[1])
        message = msg("rm306.cycle", cycle=_chain(cycle)) if not others else \
            msg("rm306.cycles", cycle=_chain(cycle), count=number(len(others)),
                others=_listing(others))
        yield ctx.at("RM306", message, where, item=first,
                     suggestion=msg("rm306.cycle.hint", id=repr(first.id)))


def _chain(cycle: list[str]) -> dict[str, str]:
    """``a -> b -> c -> a``; a long cycle shows its first and last ids and how many between."""
    ring = cycle[:-1]
    if len(ring) <= SHOWN:
        return {"en": " -> ".join(cycle), "ru": " \u2192 ".join(cycle)}
    head, tail, left = ring[: SHOWN // 2], [*ring[-(SHOWN // 2):], ring[0]], len(ring) - SHOWN
    between = number(left)
    return {"en": " -> ".join([*head, f"\u2026 ({between['en']} more) \u2026", *tail]),
            "ru": " \u2192 ".join([*head, f"\u2026 (ещё {between['ru']}) \u2026", *tail])}


def _listing(ids: list[str]) -> dict[str, str]:
    shown = ", ".join(ids[:SHOWN])
    more = ", \u2026" if len(ids) > SHOWN else ""
    return {"en": shown + more, "ru": shown + more}


def components(graph: dict[str, list[str]]) -> Iterator[list[str]]:
    """The strongly connected components of a graph (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in graph:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    yield component


def shortest_cycle(graph: dict[str, list[str]], start: str, members: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to it inside ``members`` (breadth first)."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in graph[node]:
            if child == start:
                path = [node]
                while (up := parent[path[-1]]) is not None:
                    path.append(up)
                return [*reversed(path), start]
            if child in members and child not in parent:
                parent[child] = node
                queue.append(child)
    raise ValueError(f"{start!r} is on no cycle")


class IdIndex:
    """Item ids by the forms they take with one character left out: the candidates for a
    misspelt id are the ids one edit away from it (a letter wrong, missing, added or two
    swapped), found without comparing it to every id; the closest of them is then chosen."""

    def __init__(self, ids: list[str]) -> None:
        self._order = {ident: n for n, ident in enumerate(ids)}
        self._by_form: dict[str, list[str]] = defaultdict(list)
        for ident in ids:
            for form in _forms(ident):
                self._by_form[form].append(ident)

    def closest(self, name: str) -> str | None:
        found: set[str] = set()
        for form in _forms(name):
            found.update(self._by_form.get(form, ()))
        if not found:
            return None
        candidates = sorted(found, key=self._order.__getitem__)[:MAX_CANDIDATES]
        from roadmap_check.matching import closest_key

        return closest_key(name, candidates, cutoff=60)


def _forms(ident: str) -> set[str]:
    head = ident.casefold()[:ID_HEAD]
    return {head, *(head[:i] + head[i + 1:] for i in range(len(head)))}
