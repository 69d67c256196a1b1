"""RM101-RM110: every citation resolved against the rule set, and checked in time."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check import dates
from roadmap_check.checks.base import CHECKED, INFO, NO_FIX, Check, E, Family, W
from roadmap_check.edits import rewrite_fix
from roadmap_check.findings import Finding, Msg
from roadmap_check.i18n import Value, bare, local, msg, per_lang, quoted, rendered
from roadmap_check.model import REFERENCE_KINDS, Framework, Item, Text
from roadmap_check.normalize import has_cyrillic
from roadmap_check.resolve import Cited, Resolved

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


def check(r: Resolved) -> Iterator[Finding]:
    path = r.path
    frameworks = r.rules.ruleset.frameworks
    names: dict[tuple[str, ...], dict[str, str]] = {}
    loose: dict[tuple[str, str, str, tuple[str, ...] | None], tuple[Msg, Msg]] = {}
    for index, (item, cited) in enumerate(zip(r.roadmap.items, r.cited, strict=True)):
        ident = item.id if item.id_text is not None else None
        if not item.cites and r.state(index) != "dropped":  # a dropped action needs none
            yield RM101.at(path, (item.line, item.column), msg("rm101.no_citation"), item=ident,
                           hint=msg("rm101.no_citation.hint"))
            continue
        seen: set[tuple[str, str | None]] = set()
        for entry in cited:
            hit, raw = entry.hit, entry.citation.raw
            if hit.latin is not None and hit.framework is None:
                yield _twins(RM109, "rm109", r, raw, hit.latin, ident)
            if hit.status == "accepted":
                continue
            if hit.status == "unknown":
                if hit.kind is not None and not entry.citation.mapping:
                    yield RM110.at(path, raw, msg("rm110.outside", raw=quoted(raw.value),
                                                  kind=local(f"reference.kind.{hit.kind}")),
                                   item=ident, hint=msg("rm110.outside.hint",
                                                        ruleset=r.rules.ruleset.name))
                    continue
                hint = msg("hint.did_you_mean", name=_names(r, hit.candidates, names)) \
                    if hit.candidates else msg("rm102.accept.hint") \
                    if not entry.citation.mapping else msg("rm102.list.hint")
                message = msg("rm102.unknown", raw=quoted(raw.value)) if hit.why is None else \
                    msg("rm102.unknown_because", raw=quoted(raw.value), reason=rendered(hit.why))
                yield RM102.at(path, raw, message, item=ident, hint=hint)
                continue
            if hit.status == "ambiguous":
                yield RM103.at(path, raw, msg("rm103.ambiguous", raw=quoted(raw.value),
                                              count=len(hit.candidates),
                                              ids=", ".join(hit.candidates)), item=ident,
                               hint=msg("rm103.ambiguous.hint",
                                        names=_names(r, hit.candidates, names)))
                continue
            fid = hit.framework
            assert fid is not None
            framework = frameworks[fid]
            if hit.latin is not None:
                yield _twins(RM105, "rm105", r, raw, hit.latin, ident, fid)
            elif hit.status == "loose" and hit.canonical is not None:
                title = "title_ru" if has_cyrillic(hit.canonical) else "title_en"
                fix = rewrite_fix(r.rules.normalizer, raw, hit.canonical,
                                  _stands_for(framework) if entry.citation.mapping else None)
                loses = None if fix is None else fix.loses
                key = (raw.value, fid, hit.canonical, loses)
                told = loose.get(key)
                if told is None:  # a draft repeats its loose citations: their words once each
                    hint = msg("rm105.canonical.hint", text=bare(hit.canonical)) \
                        if not loses else \
                        msg("rm105.canonical_unsafe.hint", text=bare(hit.canonical),
                            lost=_listed(loses))
                    told = loose[key] = (msg("rm105.non_canonical", raw=quoted(raw.value),
                                             framework=fid), hint)
                yield RM105.at(path, raw, told[0], item=ident, framework=fid, hint=told[1],
                               fix=fix, basis=framework.basis(title), fact=title)
            if hit.provision_text and hit.provision is None and framework.provisions \
                    and r.rules.citations.complete(fid, hit.marker):
                known = ", ".join(p.id for p in framework.provisions)
                yield RM104.at(path, entry.citation.provision or raw,
                               msg("rm104.unknown_provision", framework=fid,
                                   provision=quoted(hit.provision_text)), item=ident,
                               framework=fid,
                               hint=msg("rm104.unknown_provision.hint", known=known))
            marker = (fid, hit.provision or hit.provision_text)
            if marker in seen:
                twice = msg("rm108.twice_provision", framework=fid, provision=marker[1]) \
                    if marker[1] else msg("rm108.twice", framework=fid)
                yield RM108.at(path, raw, twice, item=ident, framework=fid,
                               hint=msg("rm108.twice.hint"))
            seen.add(marker)
        yield from _in_force(r, item, ident, cited)


def _listed(texts: tuple[str, ...]) -> dict[str, str]:
    """The drafter's words, each quoted, in each language."""
    quotes = [quoted(text) for text in texts]
    return per_lang(lambda lang: ", ".join(q[lang] for q in quotes))


def _stands_for(framework: Framework) -> str:
    """What a framework's id says, written in a mapping citation: the framework itself (its
    id, titles and group)."""
    return " ".join([framework.id, *framework.title.values(), framework.group or ""])


def _twins(check: Check, prefix: str, r: Resolved, raw: Text, latin: str, ident: str | None,
           fid: str | None = None) -> Finding:
    """RM105 or RM109 on a citation whose codes are typed with Cyrillic twins of Latin
    letters; the fix writes the Latin letters, and nothing else changes."""
    changed = [(a, b) for a, b in zip(raw.value, latin, strict=True) if a != b]
    letters = ", ".join(dict.fromkeys(f"{a}→{b}" for a, b in changed))
    code = next((word for word, fixed in zip(raw.value.split(), latin.split(), strict=True)
                 if word != fixed), raw.value)
    values: dict[str, Value] = {"raw": quoted(raw.value), "code": quoted(code),
                                "letters": letters}
    message = msg(f"{prefix}.lookalike", framework=fid, **values) if fid else \
        msg(f"{prefix}.lookalike", **values)
    return check.at(r.path, raw, message, item=ident, framework=fid,
                    hint=msg(f"{prefix}.lookalike.hint", text=bare(latin)),
                    fix=rewrite_fix(r.rules.normalizer, raw, latin))


def _names(r: Resolved, ids: tuple[str, ...],
           memo: dict[tuple[str, ...], dict[str, str]]) -> dict[str, str]:
    """Framework ids with their titles, in each language."""
    found = memo.get(ids)
    if found is None:
        frameworks = r.rules.ruleset.frameworks
        found = memo[ids] = per_lang(lambda lang: "; ".join(
            f"{fid} ({frameworks[fid].title_in(lang)})" for fid in ids))
    return found


def _in_force(r: Resolved, item: Item, ident: str | None,
              cited: tuple[Cited, ...]) -> Iterator[Finding]:
    due = r.period(item.deadline)
    late = due.end if due is not None else None
    done: set[str] = set()
    frameworks = r.rules.ruleset.frameworks
    for entry in cited:
        fid = entry.hit.framework
        if fid is None or fid in done:
            continue
        done.add(fid)
        framework = frameworks[fid]
        raw = entry.citation.raw
        if framework.in_force_until:
            until = dates.parse(framework.in_force_until).end
            assert until is not None
            if (late is not None and late > until) or r.as_of > until:
                ends = dates.spoken(framework.in_force_until, "gen")
                message = msg("rm106.item_due", framework=fid, until=ends,
                              due=dates.spoken(item.deadline.value)) \
                    if late and late > until and item.deadline else \
                    msg("rm106.roadmap_dated", framework=fid, until=ends,
                        date=dates.spoken(r.as_of.isoformat()))
                yield RM106.at(r.path, raw, message, item=ident, framework=fid,
                               hint=_successor(r, framework),
                               basis=framework.basis("in_force_until"), fact="in_force_until")
        if framework.adopted:
            adopted = dates.parse(framework.adopted).start
            if adopted is not None and adopted > r.as_of:
                yield RM107.at(r.path, raw, msg("rm107.not_in_force", framework=fid,
                                                adopted=dates.spoken(framework.adopted,
                                                                     "when"),
                                                date=dates.spoken(r.as_of.isoformat())),
                               item=ident, framework=fid, hint=msg("rm107.not_in_force.hint"),
                               basis=framework.basis("adopted"), fact="adopted")


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
