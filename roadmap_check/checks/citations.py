"""RM101-RM110: every citation resolved against the rule set, and checked in time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from roadmap_check import dates
from roadmap_check.checks.base import CHECKED, INFO, NO_FIX, Check, E, Family, W, based
from roadmap_check.edits import rewrite_fix
from roadmap_check.findings import Finding, Msg
from roadmap_check.i18n import Value, bare, local, msg, per_lang, quoted, rendered
from roadmap_check.model import REFERENCE_KINDS, Framework, Item, Text
from roadmap_check.normalize import has_cyrillic
from roadmap_check.resolve import Cited, Hit, Resolved

RM101 = Check("RM101", "no-citation", E, NO_FIX, ("rm101.no_citation", "rm101.no_citation.hint"))
RM102 = Check("RM102", "unknown-framework", E, NO_FIX, (
    "rm102.unknown", "rm102.unknown_because", "rm102.reason_number", "rm102.reason_issuer",
    "rm102.reason_too_long",
    "rm102.list.hint", "rm102.accept.hint", "hint.did_you_mean", "rm102.requires",
    "rm102.waiver_framework", "hint.framework_id"))
RM103 = Check("RM103", "ambiguous-citation", W, NO_FIX,
              ("rm103.ambiguous", "rm103.ambiguous.hint"))
RM104 = Check("RM104", "unknown-provision", E, NO_FIX,
              ("rm104.unknown_provision", "rm104.unknown_provision.hint"))
RM105 = Check("RM105", "non-canonical-citation", INFO, CHECKED,
              ("rm105.non_canonical", "rm105.canonical.hint", "rm105.canonical_unsafe.hint",
               "rm105.lookalike", "rm105.lookalike.hint"))
RM106 = Check("RM106", "expired-framework", W, NO_FIX, (
    "rm106.item_due", "rm106.roadmap_dated", "rm106.successor.hint",
    "rm106.successor_note.hint", "rm106.check_successor.hint"))
RM107 = Check("RM107", "not-yet-in-force", W, NO_FIX,
              ("rm107.not_in_force", "rm107.not_in_force.hint"))
RM108 = Check("RM108", "duplicate-citation", INFO, NO_FIX,
              ("rm108.twice", "rm108.twice_provision", "rm108.twice.hint"))
RM109 = Check("RM109", "look-alike-letters", INFO, CHECKED,
              ("rm109.lookalike", "rm109.lookalike.hint"))
RM110 = Check("RM110", "reference-outside-ruleset", W, NO_FIX, (
    "rm110.outside", "rm110.outside.hint", *(f"reference.kind.{kind}"
                                             for kind in REFERENCE_KINDS)))


class _Said(NamedTuple):
    """What a citation written one way says wherever it is written: its findings' messages
    and hints, and what their fixes write. Real drafts repeat their citations (the "other"
    benchmark draft of 10,000 items: 54,956 citations, 178 distinct texts), so each distinct
    one is worked out once per check, and each of its findings only placed."""

    lookalike: tuple[Msg, Msg] | None = None  # RM109: message, hint (its fix writes hit.latin)
    verdict: tuple[Check, Msg, Msg] | None = None  # RM102, RM103 or RM110: nothing more to say
    framework: str | None = None  # what it names (None: accepted or no framework)
    # RM105: message, hint, hint when its fix loses something, basis, fix value, what it means
    canonical: tuple[Msg, Msg, Msg, str | None, str, str | None] | None = None
    provision: tuple[Msg, Msg] | None = None  # RM104: message, hint
    marker: tuple[str, str | None] = ("", None)  # what RM108 finds cited twice in an item
    twice: Msg | None = None  # RM108's message
    dated: bool = False  # RM106 or RM107 may be said of its framework, with some deadline


def check(r: Resolved) -> Iterator[Finding]:
    path = r.path
    normalizer = r.rules.normalizer
    names: dict[tuple[str, ...], dict[str, str]] = {}
    said: dict[tuple[str, bool, Hit], _Said] = {}
    in_force: dict[tuple[str, str | None], tuple[_Dated, ...]] = {}
    no_citation, no_citation_hint = msg("rm101.no_citation"), msg("rm101.no_citation.hint")
    twice_hint = msg("rm108.twice.hint")
    for index, (item, cited) in enumerate(zip(r.roadmap.items, r.cited, strict=True)):
        ident = item.id if item.id_text is not None else None
        if not item.cites and r.state(index) != "dropped":  # a dropped action needs none
            yield RM101.at(path, (item.line, item.column), no_citation, item=ident,
                           hint=no_citation_hint)
            continue
        seen: set[tuple[str, str | None]] = set()
        timed: list[Cited] | None = None  # the citations of frameworks with dates to check
        for entry in cited:
            citation, hit = entry
            raw = citation.raw
            key = (raw.value, citation.mapping, hit)
            told = said.get(key)
            if told is None:
                told = said[key] = _say(r, raw.value, citation.mapping, hit, names)
            if told.lookalike is not None:
                assert hit.latin is not None
                yield RM109.on(path, raw, told.lookalike[0], ident, None, told.lookalike[1],
                               rewrite_fix(normalizer, raw, hit.latin))
            if told.verdict is not None:
                found, message, hint = told.verdict
                yield found.on(path, raw, message, ident, None, hint)
                continue
            fid = told.framework
            if fid is None:  # accepted
                continue
            if told.canonical is not None:
                message, hint, unsafe, basis, value, means = told.canonical
                fix = rewrite_fix(normalizer, raw, value, means)
                yield RM105.on(path, raw, message, ident, fid,
                               unsafe if fix is not None and fix.loses else hint, fix, basis)
            if told.provision is not None:
                yield RM104.on(path, citation.provision or raw, told.provision[0], ident, fid,
                               told.provision[1])
            if told.marker in seen:
                assert told.twice is not None
                yield RM108.on(path, raw, told.twice, ident, fid, twice_hint)
            seen.add(told.marker)
            if told.dated:
                if timed is None:
                    timed = []
                timed.append(entry)
        if timed is not None:
            yield from _in_force(r, item, ident, timed, in_force)


def _say(r: Resolved, raw: str, mapping: bool, hit: Hit,
         names: dict[tuple[str, ...], dict[str, str]]) -> _Said:
    """What the citation ``raw`` (a mapping's ``framework:`` value, if ``mapping``) that
    resolved to ``hit`` says, wherever it is written."""
    lookalike = _twins("rm109", raw, hit.latin) \
        if hit.latin is not None and hit.framework is None else None
    if hit.status == "accepted":
        return _Said(lookalike)
    if hit.status == "unknown":
        if hit.kind is not None and not mapping:
            return _Said(lookalike, (RM110, msg("rm110.outside", raw=quoted(raw),
                                                kind=local(f"reference.kind.{hit.kind}")),
                                     msg("rm110.outside.hint", ruleset=r.rules.ruleset.name)))
        hint = msg("hint.did_you_mean", name=_names(r, hit.candidates, names)) \
            if hit.candidates else msg("rm102.accept.hint") \
            if not mapping else msg("rm102.list.hint")
        message = msg("rm102.unknown", raw=quoted(raw)) if hit.why is None else \
            msg("rm102.unknown_because", raw=quoted(raw), reason=rendered(hit.why))
        return _Said(lookalike, (RM102, message, hint))
    if hit.status == "ambiguous":
        return _Said(lookalike, (RM103, msg("rm103.ambiguous", raw=quoted(raw),
                                            count=len(hit.candidates),
                                            ids=", ".join(hit.candidates)),
                                 msg("rm103.ambiguous.hint",
                                     names=_names(r, hit.candidates, names))))
    fid = hit.framework
    assert fid is not None
    framework = r.rules.ruleset.frameworks[fid]
    canonical: tuple[Msg, Msg, Msg, str | None, str, str | None] | None = None
    if hit.latin is not None:
        message, hint = _twins("rm105", raw, hit.latin, fid)
        canonical = (message, hint, hint, None, hit.latin, None)
    elif hit.status == "loose" and hit.canonical is not None:
        title = "title_ru" if has_cyrillic(hit.canonical) else "title_en"
        means = _stands_for(framework) if mapping else None
        from roadmap_check.meaning import lost  # only for a loose citation (edits.rewrite_fix)

        loses = lost(r.rules.normalizer, raw, hit.canonical if means is None else means)
        hint = msg("rm105.canonical.hint", text=bare(hit.canonical))
        unsafe = msg("rm105.canonical_unsafe.hint", text=bare(hit.canonical),
                     lost=_listed(loses)) if loses else hint
        message = msg("rm105.non_canonical", raw=quoted(raw), framework=fid)
        basis = framework.basis(title)
        if basis is not None:
            message = based(basis, title, message)
        canonical = (message, hint, unsafe, basis, hit.canonical, means)
    provision = None
    if hit.provision_text and hit.provision is None and framework.provisions \
            and r.rules.citations.complete(fid, hit.marker):
        known = ", ".join(p.id for p in framework.provisions)
        provision = (msg("rm104.unknown_provision", framework=fid,
                         provision=quoted(hit.provision_text)),
                     msg("rm104.unknown_provision.hint", known=known))
    marker = (fid, hit.provision or hit.provision_text)
    twice = msg("rm108.twice_provision", framework=fid, provision=marker[1]) \
        if marker[1] else msg("rm108.twice", framework=fid)
    # RM107 says the same whatever the deadline; RM106 needs a horizon
    dated = bool(framework.in_force_until) or bool(_dated(r, framework, None))
    return _Said(lookalike, None, fid, canonical, provision, marker, twice, dated)


def _listed(texts: tuple[str, ...]) -> dict[str, str]:
    """The drafter's words, each quoted, in each language."""
    quotes = [quoted(text) for text in texts]
    return per_lang(lambda lang: ", ".join(q[lang] for q in quotes))


def _stands_for(framework: Framework) -> str:
    """What a framework's id says, written in a mapping citation: the framework itself (its
    id, titles and group)."""
    return " ".join([framework.id, *framework.title.values(), framework.group or ""])


def _twins(prefix: str, raw: str, latin: str, fid: str | None = None) -> tuple[Msg, Msg]:
    """The message and hint of RM105 or RM109 on a citation whose codes are typed with
    Cyrillic twins of Latin letters; the fix writes the Latin letters, and nothing else
    changes."""
    changed = [(a, b) for a, b in zip(raw, latin, strict=True) if a != b]
    letters = ", ".join(dict.fromkeys(f"{a}→{b}" for a, b in changed))
    code = next((word for word, fixed in zip(raw.split(), latin.split(), strict=True)
                 if word != fixed), raw)
    values: dict[str, Value] = {"raw": quoted(raw), "code": quoted(code), "letters": letters}
    message = msg(f"{prefix}.lookalike", framework=fid, **values) if fid else \
        msg(f"{prefix}.lookalike", **values)
    return message, msg(f"{prefix}.lookalike.hint", text=bare(latin))


def _names(r: Resolved, ids: tuple[str, ...],
           memo: dict[tuple[str, ...], dict[str, str]]) -> dict[str, str]:
    """Framework ids with their titles, in each language."""
    found = memo.get(ids)
    if found is None:
        frameworks = r.rules.ruleset.frameworks
        found = memo[ids] = per_lang(lambda lang: "; ".join(
            f"{fid} ({frameworks[fid].title_in(lang)})" for fid in ids))
    return found


# A finding of RM106 or RM107 on a framework cited by an item with some deadline: its check,
# message, hint and basis.
_Dated = tuple[Check, Msg, Msg, str | None]


def _in_force(r: Resolved, item: Item, ident: str | None, cited: list[Cited],
              memo: dict[tuple[str, str | None], tuple[_Dated, ...]]) -> Iterator[Finding]:
    """RM106 and RM107 on the first of an item's citations (``cited``: those of frameworks
    with dates to check) of each framework; what they say depends on the framework and the
    item's deadline alone, and is worked out once for each (``memo``)."""
    deadline = item.deadline
    due = deadline.value if deadline is not None else None
    done: set[str] = set()
    for entry in cited:
        fid = entry.hit.framework
        if fid is None or fid in done:
            continue
        done.add(fid)
        key = (fid, due)
        told = memo.get(key)
        if told is None:
            told = memo[key] = _dated(r, r.rules.ruleset.frameworks[fid], deadline)
        for found, message, hint, basis in told:
            yield found.on(r.path, entry.citation.raw, message, ident, fid, hint, None, basis)


def _dated(r: Resolved, framework: Framework, deadline: Text | None) -> tuple[_Dated, ...]:
    """RM106 and RM107 on a framework cited by an item with this deadline."""
    due = r.period(deadline)
    late = due.end if due is not None else None
    fid = framework.id
    out: list[_Dated] = []
    if framework.in_force_until:
        until = dates.parse(framework.in_force_until).end
        assert until is not None
        if (late is not None and late > until) or r.as_of > until:
            ends = dates.spoken(framework.in_force_until, "gen")
            message = msg("rm106.item_due", framework=fid, until=ends,
                          due=dates.spoken(deadline.value)) \
                if late and late > until and deadline else \
                msg("rm106.roadmap_dated", framework=fid, until=ends,
                    date=dates.spoken(r.as_of.isoformat()))
            basis = framework.basis("in_force_until")
            if basis is not None:
                message = based(basis, "in_force_until", message)
            out.append((RM106, message, _successor(r, framework), basis))
    if framework.adopted:
        adopted = dates.parse(framework.adopted).start
        if adopted is not None and adopted > r.as_of:
            message = msg("rm107.not_in_force", framework=fid,
                          adopted=dates.spoken(framework.adopted, "when"),
                          date=dates.spoken(r.as_of.isoformat()))
            basis = framework.basis("adopted")
            if basis is not None:
                message = based(basis, "adopted", message)
            out.append((RM107, message, msg("rm107.not_in_force.hint"), basis))
    return tuple(out)


def _successor(r: Resolved, framework: Framework) -> Msg:
    if framework.superseded_by:
        successor = r.rules.ruleset.frameworks[framework.superseded_by]
        return msg("rm106.successor.hint", framework=successor.id,
                   title=per_lang(successor.title_in))
    notes = framework.successor_note
    if notes.get("en"):
        return msg("rm106.successor_note.hint",
                   note=per_lang(lambda lang: notes.get(lang) or notes["en"]))
    return msg("rm106.check_successor.hint")


FAMILY = Family("citations", (RM101, RM102, RM103, RM104, RM105, RM106, RM107, RM108, RM109,
                              RM110), check)
