"""RM201: an item that touches a framework's subject but does not cite it."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks.base import NO_FIX, Check, Family, W
from roadmap_check.findings import Args, Finding, Msg
from roadmap_check.i18n import local, msg, pack, per_lang, quoted
from roadmap_check.langs import LANGS
from roadmap_check.resolve import Resolved

RM201 = Check("RM201", "missing-citation", W, NO_FIX, (
    "rm201.one", "rm201.one.hint", "rm201.shared", "rm201.shared.hint",
    "subject_field.title", "subject_field.description", "subject_field.outcome"))


def check(r: Resolved) -> Iterator[Finding]:
    path = r.path
    frameworks = r.rules.ruleset.frameworks
    said: dict[tuple[tuple[str, tuple[str, ...]], ...], Args] = {}   # matched words, said
    advice: dict[tuple[str, ...], tuple[Msg, Msg]] = {}               # by frameworks
    for index, (item, cited, found) in enumerate(zip(r.roadmap.items, r.cited, r.terms,
                                                       strict=True)):
        if not found or r.state(index) == "dropped":  # a dropped action asks for nothing
            continue
        cites = {c.hit.framework for c in cited if c.hit.framework}
        # frameworks -> field -> each term's words as the drafter wrote them, in order
        unsatisfied: dict[frozenset[str], dict[str, dict[str, str]]] = {}
        for name, terms in found:
            for term, spelled in terms:
                if term.frameworks & cites:
                    continue
                by_field = unsatisfied.setdefault(term.frameworks, {})
                by_field.setdefault(name, {}).setdefault(term.text, spelled)
        ident = item.id if item.id_text is not None else None
        for owners, by_field in unsatisfied.items():
            ordered = tuple(sorted(owners, key=lambda fid: (not frameworks[fid].required, fid)))
            words = tuple((name, tuple(spelled.values())) for name, spelled in by_field.items())
            matched = said.get(words)
            if matched is None:
                matched = said[words] = _matched(words)
            pair = advice.get(ordered)
            if pair is None:
                pair = advice[ordered] = _advice(r, ordered)
            message = (pair[0][0], (*pair[0][1], *matched))
            where = getattr(item, next(iter(by_field)))
            yield RM201.at(path, where, message, item=ident, framework=ordered[0], hint=pair[1])


def _matched(words: tuple[tuple[str, tuple[str, ...]], ...]) -> Args:
    """``matched=description: 'personal data'; title: ...``: where the drafter's words stand
    and the words themselves, as written, quoted as each language quotes the drafter's text
    ("description: 'персональных данных'", "в описании: «персональных данных»"); never the
    rule set's pattern."""
    said = {lang: "; ".join(f"{local(f'subject_field.{name}')[lang]}: "
                            + ", ".join(quoted(word)[lang] for word in dict.fromkeys(found))
                            for name, found in words) for lang in LANGS}
    return pack(matched=said)


def _advice(r: Resolved, ordered: tuple[str, ...]) -> tuple[Msg, Msg]:
    """The message (without its matched terms) and the hint for these frameworks."""
    if len(ordered) == 1:
        fid = ordered[0]
        title = per_lang(r.rules.ruleset.frameworks[fid].title_in)
        return ("rm201.one", (("framework", fid),)), msg("rm201.one.hint", framework=fid,
                                                          title=title)
    joined = ", ".join(ordered)
    return ("rm201.shared", (("frameworks", joined),)), msg("rm201.shared.hint",
                                                             frameworks=joined)


FAMILY = Family("subjects", (RM201,), check, terms=True)
