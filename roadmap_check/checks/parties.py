"""RM304: responsible and participating parties the rule set does not know."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks.base import CHECKED, Check, Family, W
from roadmap_check.edits import rewrite_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import msg, quoted
from roadmap_check.resolve import Resolved

RM304 = Check("RM304", "unknown-party", W, CHECKED, (
    "rm304.responsible", "rm304.participant", "rm304.add_party.hint", "hint.did_you_mean"))


def check(r: Resolved) -> Iterator[Finding]:
    if not r.parties:
        return
    normalizer = r.rules.normalizer
    for item in r.roadmap.items:
        ident = item.id if item.id_text is not None else None
        for role, names in (("responsible", item.responsible), ("participant", item.participants)):
            for name in names:
                party = r.parties[name.value]
                if party.known:
                    continue
                closest = party.closest
                hint = msg("hint.did_you_mean", name=quoted(closest)) if closest else \
                    msg("rm304.add_party.hint")
                yield RM304.at(r.path, name, msg(f"rm304.{role}", name=quoted(name.value)),
                               item=ident, hint=hint,
                               fix=rewrite_fix(normalizer, name, closest)
                               if party.safe and closest else None)


FAMILY = Family("parties", (RM304,), check)
