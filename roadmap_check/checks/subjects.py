"""RM201: an item that touches a framework's subject but does not cite it."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks import Context
from roadmap_check.findings import Finding

FIELDS = ("title", "description", "outcome")


def check(ctx: Context) -> Iterator[Finding]:
    triggers = ctx.compiled.triggers
    frameworks = ctx.ruleset.frameworks
    for index, item in enumerate(ctx.roadmap.items):
        cited = {c.framework for c in ctx.cited.get(index, ()) if c.framework}
        unsatisfied: dict[frozenset[str], dict[str, list[str]]] = {}
        for name in FIELDS:
            value = getattr(item, name)
            if value is None:
                continue
            for term in triggers.find(value.value):
                if term.frameworks & cited:
                    continue
                terms = unsatisfied.setdefault(term.frameworks, {})
                terms.setdefault(name, [])
                if term.text not in terms[name]:
                    terms[name].append(term.text)
        for owners, by_field in unsatisfied.items():
            ordered = sorted(owners, key=lambda fid: (not frameworks[fid].required, fid))
            where_field = next(iter(by_field))
            where = getattr(item, where_field)
            matched = "; ".join(f"{name}: {', '.join(repr(t) for t in terms)}"
                                for name, terms in by_field.items())
            if len(ordered) == 1:
                subject = f"the subject of {ordered[0]}"
                hint = f"cite {ordered[0]} ({frameworks[ordered[0]].title_in(ctx.lang)})"
            else:
                subject = f"a subject shared by {', '.join(ordered)}"
                hint = f"cite one of {', '.join(ordered)}"
            yield ctx.at("RM201", f"the item touches {subject} ({matched}) but does not cite it",
                         where, item=item, framework=ordered[0],
                         suggestion=f"{hint}, or waive RM201 for it with a reason")
