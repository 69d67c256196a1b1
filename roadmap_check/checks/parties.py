"""RM304: responsible and participating parties the rule set does not know."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks import Context
from roadmap_check.edits import replace_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import msg


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
                hint = msg("hint.did_you_mean", name=repr(closest)) if closest else \
                    msg("rm304.add_party.hint")
                yield ctx.at("RM304", msg(f"rm304.{role}", name=repr(name.value)), name,
                             item=item, suggestion=hint,
                             fix=replace_fix(name, closest) if safe and closest else None)
