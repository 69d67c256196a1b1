"""RM304: responsible and participating parties the rule set does not know."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks import Context
from roadmap_check.checks.citations import replace_fix
from roadmap_check.findings import Finding


def check(ctx: Context) -> Iterator[Finding]:
    parties = ctx.compiled.parties
    if not ctx.ruleset.parties:
        return
    for item in ctx.roadmap.items:
        for role, names in (("responsible", item.responsible), ("participant", item.participants)):
            for name in names:
                known, closest, safe = parties.check(name.value)
                if known:
                    continue
                hint = f"did you mean {closest!r}?" if closest else \
                    "add the party to the rule set's parties if it is a real one"
                yield ctx.at("RM304", f"the {role} {name.value!r} is not a known party", name,
                             item=item, suggestion=hint,
                             fix=replace_fix(name, closest) if safe and closest else None)
