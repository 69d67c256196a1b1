"""RM201: an item that touches a framework's subject but does not cite it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from roadmap_check.checks import Context
from roadmap_check.findings import Finding
from roadmap_check.i18n import Args, local, msg, pack, per_lang

FIELDS = ("title", "description", "outcome")


@lru_cache(maxsize=4096)
def _matched(by_field: tuple[tuple[str, tuple[str, ...]], ...]) -> Args:
    """``matched=description: 'personal data'; title: ...``, the field names in each language
    (the same terms recur across items: each combination is said once)."""
    terms = [(local(f"subject_field.{name}"), ", ".join(map(repr, found)))
             for name, found in by_field]
    return pack(matched=per_lang(lambda lang: "; ".join(f"{field[lang]}: {said}"
                                                        for field, said in terms)))


def check(ctx: Context) -> Iterator[Finding]:
    triggers = ctx.compiled.triggers
    frameworks = ctx.ruleset.frameworks
    titles: dict[str, Args] = {}  # framework id -> its title in each language, packed
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
            matched = _matched(tuple((name, tuple(terms)) for name, terms in by_field.items()))
            if len(ordered) == 1:
                fid = ordered[0]
                message = ("rm201.one", (("framework", fid), *matched))
                if fid not in titles:
                    titles[fid] = pack(title=per_lang(frameworks[fid].title_in))
                hint = ("rm201.one.hint", (("framework", fid), *titles[fid]))
            else:
                message = ("rm201.shared", (("frameworks", ", ".join(ordered)), *matched))
                hint = msg("rm201.shared.hint", frameworks=", ".join(ordered))
            yield ctx.at("RM201", message, where, item=item, framework=ordered[0], suggestion=hint)
