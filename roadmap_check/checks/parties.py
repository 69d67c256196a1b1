"""RM304: responsible and participating parties the rule set does not list.

A likely misspelling of a listed party is a warning, with the listed name as its fix; any other
name the rule set does not list (a national body, an institution, a company) is information,
naming the kind of party its words show; a rule set accepts such names by kind or by name
(``accept_parties``)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks.base import CHECKED, INFO, Check, Family, W
from roadmap_check.edits import rewrite_fix
from roadmap_check.findings import Finding, Msg
from roadmap_check.i18n import local, msg, quoted
from roadmap_check.resolve import Party, Resolved

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
    path = r.path
    # what each distinct name says in each role: a draft names the same parties again and again
    # (None: a listed name)
    said: dict[tuple[str, str], tuple[Msg, Msg, bool, str | None] | None] = {}
    for item in r.roadmap.items:
        ident = item.id if item.id_text is not None else None
        for role, names in (("responsible", item.responsible), ("participant", item.participants)):
            for name in names:
                key = (role, name.value)
                try:
                    told = said[key]
                except KeyError:
                    party = r.parties[name.value]
                    told = said[key] = None if party.known else _say(role, name.value, party)
                if told is None:
                    continue
                message, hint, misspelt, fixed = told
                if misspelt:  # a likely misspelling of a listed party
                    yield RM304.on(path, name, message, ident, None, hint,
                                   None if fixed is None else rewrite_fix(normalizer, name, fixed))
                else:
                    yield RM304.on(path, name, message, ident, None, hint, None, None, INFO)


def _say(role: str, name: str, party: Party) -> tuple[Msg, Msg, bool, str | None]:
    """RM304 on a name in a role the rule set does not list: its message, its hint, whether
    it is a likely misspelling of a listed name (a warning), and the name its fix writes."""
    closest = party.closest
    if closest is not None:
        return (msg(f"rm304.{role}", name=quoted(name)),
                msg("hint.did_you_mean", name=quoted(closest)), True,
                closest if party.safe else None)
    kind = party.kind
    message = msg(f"rm304.{role}_unlisted", name=quoted(name)) if kind is None \
        else msg(f"rm304.{role}_kind", name=quoted(name),
                 kind=local(f"party_kind.{kind}") if kind in _KINDS else kind)
    return message, msg("rm304.accept.hint"), False, None


FAMILY = Family("parties", (RM304,), check)
