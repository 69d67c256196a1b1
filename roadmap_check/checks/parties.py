"""RM304: responsible and participating parties the rule set does not list.

A likely misspelling of a listed party is a warning, with the listed name as its fix; any other
name the rule set does not list (a national body, an institution, a company) is information,
naming the kind of party its words show; a rule set accepts such names by kind or by name
(``accept_parties``)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks.base import CHECKED, INFO, Check, Family, W
from roadmap_check.edits import rewrite_fix
from roadmap_check.findings import Finding
from roadmap_check.i18n import local, msg, quoted
from roadmap_check.resolve import Resolved

RM304 = Check("RM304", "unknown-party", W, CHECKED, (
    "rm304.responsible", "rm304.participant", "hint.did_you_mean",
    "rm304.responsible_unlisted", "rm304.participant_unlisted", "rm304.responsible_kind",
    "rm304.participant_kind", "rm304.accept.hint"))
# the names of the built-in kinds of party (a rule set's own kind is named by its id)
_KINDS = ("company", "national-body", "institution")


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
                if closest is not None:  # a likely misspelling of a listed party
                    yield RM304.at(r.path, name, msg(f"rm304.{role}", name=quoted(name.value)),
                                   item=ident, hint=msg("hint.did_you_mean", name=quoted(closest)),
                                   fix=rewrite_fix(normalizer, name, closest)
                                   if party.safe else None)
                    continue
                kind = party.kind
                message = msg(f"rm304.{role}_unlisted", name=quoted(name.value)) if kind is None \
                    else msg(f"rm304.{role}_kind", name=quoted(name.value),
                             kind=local(f"party_kind.{kind}") if kind in _KINDS else kind)
                yield RM304.at(r.path, name, message, item=ident,
                               hint=msg("rm304.accept.hint"))._replace(severity=INFO)


FAMILY = Family("parties", (RM304,), check)
