"""RM301-RM303, RM305-RM308, RM310, RM311: dates, the period, and the order of dependent
items."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks.base import CHECKED, INFO, NO_FIX, Check, E, Family, W
from roadmap_check.edits import replace_fix
from roadmap_check.findings import Finding, Msg
from roadmap_check.graphs import IdIndex, components, shortest_cycle
from roadmap_check.i18n import Value, bare, local, msg, number, quoted, rendered
from roadmap_check.model import Text
from roadmap_check.resolve import Resolved
from roadmap_check.roadmap_format import RM003

SHOWN = 10            # ids a cycle message shows at most

RM301 = Check("RM301", "bad-date", E, NO_FIX, (
    "rm301.bad_date", "rm301.forms.hint", "date.not_a_form",
    "date.range_backwards", "date.not_real", "field.date_start", "field.date_deadline",
    "field.waiver_until"))
RM302 = Check("RM302", "outside-period", W, NO_FIX, ("rm302.outside", "rm302.outside.hint"))
RM303 = Check("RM303", "start-after-deadline", E, NO_FIX,
              ("rm303.start_after", "rm303.start_after.hint"))
RM305 = Check("RM305", "unknown-dependency", E, NO_FIX,
              ("rm305.unknown_dependency", "hint.did_you_mean"))
RM306 = Check("RM306", "dependency-cycle", E, NO_FIX,
              ("rm306.cycle", "rm306.cycles", "rm306.cycle.hint"))
RM307 = Check("RM307", "dependency-order", W, NO_FIX, ("rm307.order", "rm307.order.hint"))
RM308 = Check("RM308", "past-deadline", W, NO_FIX, ("rm308.past", "rm308.past.hint"))
RM310 = Check("RM310", "ongoing-item", INFO, NO_FIX, (
    "rm310.ongoing", "rm310.ongoing.hint", "rm310.recurring", "rm310.recurring.hint",
    "rm310.from"))
# A fix is safe where the canonical form says exactly what was written; "до 2025 года" (before
# 2025, or by its end?) is read to the end of 2025, and its fix is unsafe.
RM311 = Check("RM311", "non-canonical-date", INFO, CHECKED, (
    "rm311.read", "rm311.read_end", "hint.write", "rm311.read_end.hint"))


# What a date text of one field says wherever it is written: RM301 or RM311 (its check,
# message, hint, and for RM311 the form its fix writes and whether that fix is safe), or
# nothing (None).
_Dating = tuple[Check, Msg, Msg, str | None, bool] | None


def _dating(r: Resolved, value: str, what: Value, deadline: bool) -> _Dating:
    """RM301 for a value that is no date (or no real one); RM311 for a date written otherwise
    than in the format's forms, with the form that says the same. ``deadline``: a date from
    which an action goes on has no form there (RM310 tells it)."""
    try:
        period = r.rules.dates.read(value)
    except dates.DateError as exc:
        return (RM301, msg("rm301.bad_date", what=what, problem=rendered(exc.message)),
                msg("rm301.forms.hint"), None, False)
    form = period.form
    if form is None or (deadline and period.kind == "from"):
        return None
    # in Russian the form as the format writes it, then in words: "'2027-Q3' (III квартал
    # 2027 г.)" (the words alone would repeat what the drafter wrote)
    read = {"en": form, "ru": f"'{form}' ({dates.spoken(form)['ru']})"}
    if period.exact:
        return (RM311, msg("rm311.read", what=what, raw=quoted(value), read=read),
                msg("hint.write", text=repr(form)), form, True)
    return (RM311, msg("rm311.read_end", what=what, raw=quoted(value), read=read),
            msg("rm311.read_end.hint", text=repr(form)), form, False)


class _Field:
    """One date field of a road map (``what``: its name in messages), with what each
    distinct text of it says (``_dating``): a draft writes the same few dates again and
    again, and each is read and said once per check."""

    def __init__(self, r: Resolved, what: Value, deadline: bool = False) -> None:
        self.r, self.what, self.deadline = r, what, deadline
        self.said: dict[str, _Dating] = {}

    def check(self, text: Text | None, item: str | None) -> Finding | None:
        if text is None:
            return None
        value = text.value
        try:
            told = self.said[value]
        except KeyError:
            told = self.said[value] = _dating(self.r, value, self.what, self.deadline)
        if told is None:
            return None
        found, message, hint, form, safe = told
        return found.on(self.r.path, text, message, item, None, hint,
                        None if form is None else replace_fix(text, form, safe))


def _said(text: Text, period: dates.Period | None) -> dict[str, str]:
    """A date of the road map in a message: as written in English; in Russian, the canonical
    form it says, in words ("IV квартал 2023 г.")."""
    form = period.form if period is not None and period.form else text.value
    return {"en": text.value, "ru": dates.spoken(form)["ru"]}


def check(r: Resolved) -> Iterator[Finding]:
    roadmap, path = r.roadmap, r.path
    for field in (_Field(r, "roadmap.date").check(roadmap.date, None),
                  _Field(r, "roadmap.period").check(roadmap.period, None)):
        if field is not None:
            yield field
    period = r.period(roadmap.period)
    status = roadmap.status.value if roadmap.status else "draft"
    ids = r.ids
    index: IdIndex | None = None  # built at the first unknown id: most drafts have none
    starts, deadlines, untils = (_Field(r, local("field.date_start")),
                                 _Field(r, local("field.date_deadline"), deadline=True),
                                 _Field(r, local("field.waiver_until")))
    # what each distinct date, pair of dates and unknown id says (a draft repeats them)
    said: dict[str, dict[str, str]] = {}
    outside: dict[str, Msg] = {}
    after: dict[tuple[str, str], Msg] = {}
    past: dict[str, Msg] = {}
    ongoing: dict[str, tuple[Msg, Msg]] = {}
    missing: dict[str, tuple[Msg, Msg | None]] = {}  # an unknown id, with its closest known one

    def say(text: Text, value: dates.Period | None) -> dict[str, str]:
        """``_said``, by the text alone: ``value`` is the period read from it (as a start or
        not, the same form)."""
        found = said.get(text.value)
        if found is None:
            found = said[text.value] = _said(text, value)
        return found

    bounds = (period.start, period.end) \
        if period is not None and period.start and period.end else None
    whole = say(roadmap.period, period) if roadmap.period else ""
    today = dates.spoken(r.as_of.isoformat())
    outside_hint, after_hint, past_hint, order_hint = (
        msg("rm302.outside.hint"), msg("rm303.start_after.hint"), msg("rm308.past.hint"),
        msg("rm307.order.hint"))
    for position, item in enumerate(roadmap.items):
        ident = item.id if item.id_text is not None else None
        state = r.state(position)
        if item.status is not None and state is None:
            yield _unknown_status(r, item.status, ident)
        found = starts.check(item.start, ident)
        if found is not None:
            yield found
        found = deadlines.check(item.deadline, ident)
        if found is not None:
            yield found
        for waiver in item.waivers:
            found = untils.check(waiver.until, ident)
            if found is not None:
                yield found
        start, due = r.period(item.start), r.period(item.deadline)
        if start is not None:
            start = start.as_start()
        if due is not None and due.ongoing and item.deadline is not None:
            told = ongoing.get(item.deadline.value)
            if told is None:
                told = ongoing[item.deadline.value] = _ongoing(item.deadline, due)
            yield RM310.on(path, item.deadline, told[0], ident, None, told[1])
        if bounds is not None:
            first, last = bounds
            for text, value in ((item.start, start), (item.deadline, due)):
                if text is not None and value is not None and value.start is not None and \
                        value.end is not None and (value.start > last or value.end < first):
                    message = outside.get(text.value)
                    if message is None:
                        message = outside[text.value] = msg(
                            "rm302.outside", value=say(text, value), period=whole)
                    yield RM302.on(path, text, message, ident, None, outside_hint)
        if start and due and start.start and due.end and start.start > due.end:
            assert item.start is not None
            pair = (item.start.value, item.deadline.value if item.deadline else "")
            message = after.get(pair)
            if message is None:
                message = after[pair] = msg("rm303.start_after", start=say(item.start, start),
                                            deadline=say(item.deadline, due)
                                            if item.deadline else "")
            yield RM303.on(path, item.start, message, ident, None, after_hint)
        if status in ("draft", "circulated") and due and due.end and due.end < r.as_of \
                and item.deadline is not None and state not in ("done", "dropped"):
            message = past.get(item.deadline.value)
            if message is None:
                message = past[item.deadline.value] = msg(
                    "rm308.past", due=say(item.deadline, due), date=today)
            yield RM308.on(path, item.deadline, message, ident, None, past_hint)
        for dep in item.depends_on:
            other = ids.get(dep.value)
            if other is None:
                told_dep = missing.get(dep.value)
                if told_dep is None:
                    if index is None:
                        index = IdIndex(list(ids))
                    close = index.closest(dep.value)
                    told_dep = missing[dep.value] = (
                        msg("rm305.unknown_dependency", id=bare(dep.value)),
                        msg("hint.did_you_mean", name=bare(close)) if close else None)
                yield RM305.on(path, dep, told_dep[0], ident, None, told_dep[1])
                continue
            other_due = r.period(other.deadline)
            if due and other_due and due.end and other_due.end and due.end < other_due.end:
                yield RM307.on(path, dep, msg("rm307.order",
                                              due=say(item.deadline, due)
                                              if item.deadline else "",
                                              other=bare(other.id),
                                              other_due=say(other.deadline, other_due)
                                              if other.deadline else ""), ident, None,
                               order_hint)
    yield from _cycles(r)


def _unknown_status(r: Resolved, status: Text, ident: str | None) -> Finding:
    """RM003: an item's status the vocabulary does not know, with the closest it does."""
    from roadmap_check.fuzzy import closest_key

    values = tuple(dict.fromkeys(word for name, words in r.rules.ruleset.vocabulary.item_status
                                 for word in (name, *words)))
    close = closest_key(status.value, values)
    names = [name for name, _ in r.rules.ruleset.vocabulary.item_status]
    hint = msg("hint.did_you_mean", name=repr(close)) if close else \
        msg("rm003.item_status.hint", values={"en": ", ".join(names),
                                              "ru": ", ".join(map(repr, names))})
    return RM003.at(r.path, status, msg("rm003.item_status", value=repr(status.value)),
                    item=ident, hint=hint)


def _ongoing(deadline: Text, due: dates.Period) -> tuple[Msg, Msg]:
    """RM310's message and hint: no end date to judge: ongoing, recurring, or going on from a
    date."""
    if due.kind == "recurring":
        return msg("rm310.recurring", value=deadline.value), msg("rm310.recurring.hint")
    if due.kind == "from" and due.form is not None:
        return (msg("rm310.from", value=deadline.value, start=dates.spoken(due.form, "gen")),
                msg("rm310.ongoing.hint"))
    return msg("rm310.ongoing", value=deadline.value), msg("rm310.ongoing.hint")


def _cycles(r: Resolved) -> Iterator[Finding]:
    """One RM306 per strongly connected component of depends_on that holds a cycle.

    The message shows a shortest cycle through the component's smallest id (reported on that
    item, so the finding stays the same whatever order the items are written in), and the
    other items of the component, if any, by count and their first ids.
    """
    ids = r.ids
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
        yield RM306.at(r.path, where, message, item=first.id,
                       hint=msg("rm306.cycle.hint", id=bare(first.id)))


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


FAMILY = Family("schedule", (RM301, RM302, RM303, RM305, RM306, RM307, RM308, RM310, RM311),
                check)
