"""The resolution stage: what a road map's citations, parties, dates and texts refer to.

The engine resolves a road map once, into a read-only ``Resolved`` table, before any check
runs; the checks only read it, and share nothing else. Each distinct citation, party name and
date text is worked out once per run (a large draft repeats them), by the ``Resolver`` the
engine keeps for the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from roadmap_check import dates
from roadmap_check.citation_parts import approval
from roadmap_check.compiled import Compiled
from roadmap_check.findings import Msg
from roadmap_check.model import Citation, Item, Requirement, Roadmap, Text
from roadmap_check.normalize import has_cyrillic
from roadmap_check.party_index import PartyMatch
from roadmap_check.report import Need
from roadmap_check.triggers import Term

SUBJECT_FIELDS = ("title", "description", "outcome")


class Hit(NamedTuple):
    """What one citation text resolves to (shared by every citation written the same way)."""

    status: str                  # canonical | loose | ambiguous | unknown
    framework: str | None
    provision: str | None        # the provision id of the rule set, when it resolved
    provision_text: str | None   # the provision as written
    candidates: tuple[str, ...] = ()
    why: Msg | None = None       # why a close name was rejected
    canonical: str | None = None  # the canonical citation text, for a loose free text
    latin: str | None = None     # the citation with Latin letters in its codes (had twins)
    marker: str | None = None    # the provision's marker as written ("strategic objective")
    kind: str | None = None      # unknown: the kind of reference recognised (RM110)
    reference: str | None = None  # accepted: the accepted reference it names


_new = tuple.__new__


class Cited(NamedTuple):
    citation: Citation
    hit: Hit

    @property
    def framework(self) -> str | None:
        return self.hit.framework

    @property
    def provision(self) -> str | None:
        return self.hit.provision


# An item's fields whose text holds trigger terms: (field, the terms, each with the words it
# matched there as the drafter wrote them)
Found = tuple[tuple[str, tuple[tuple[Term, str], ...]], ...]

Party = PartyMatch  # known, the listed name it is a likely misspelling of, safe, kind


class Resolved(NamedTuple):
    path: str
    roadmap: Roadmap
    rules: Compiled
    as_of: dt.date               # the road map's date: what its content is judged against
    today: dt.date               # the run's date: waiver expiry
    cited: tuple[tuple[Cited, ...], ...]              # per item, in file order
    terms: tuple[Found, ...]                            # per item, in file order
    parties: Mapping[str, Party]                       # by name as written
    ids: Mapping[str, Item]                            # the first item of each id
    requires: tuple[tuple[Text, str | None], ...]      # roadmap.requires and what it names
    needs: tuple[Need, ...]
    # per item: its status (planned, in-progress, done, dropped), None without one or for a
    # value the vocabulary does not know
    states: tuple[str | None, ...] = ()

    def state(self, index: int) -> str | None:
        return self.states[index] if self.states else None

    def period(self, value: Text | None) -> dates.Period | None:
        """A date of the road map read as a period (None: absent or no date), as drafters
        write it too; the words of dates are those of the rule set's vocabulary."""
        if value is None:
            return None
        try:
            return self.rules.dates.read(value.value)
        except dates.DateError:
            return None


def status_key(text: str) -> str:
    """A status value as compared: case, ``ё`` and spacing folded."""
    return " ".join(text.casefold().replace("ё", "е").split())


class Resolver:
    """Resolves road maps against one compiled rule set, each distinct text once."""

    def __init__(self, rules: Compiled) -> None:
        self.rules = rules
        self._hits: dict[tuple[bool, str, str | None], Hit] = {}
        self._plain: dict[str, Hit] = {}  # the hits of free texts with no provision, by text
        self._parties: dict[str, Party] = {}
        self.statuses = {status_key(word): name
                         for name, words in rules.ruleset.vocabulary.item_status
                         for word in (name, *words)}

    def status(self, item: Item) -> str | None:
        """The item's status (planned, in-progress, done, dropped), or None."""
        return self.statuses.get(status_key(item.status.value)) if item.status else None

    def resolve(self, roadmap: Roadmap, as_of: dt.date, today: dt.date, *,
                scan: bool = True) -> Resolved:
        """``scan``: whether to find the trigger terms in the items' texts (a pass over every
        text, skipped when no check of the run reads them: ``Family.terms``)."""
        states = tuple(self.status(item) for item in roadmap.items)
        cited = self.cite(roadmap)
        terms = self.terms(roadmap) if scan else ((),) * len(roadmap.items)
        parties: dict[str, Party] = {}
        if self.rules.ruleset.parties:  # each distinct name once, in the order first written
            written = dict.fromkeys(name.value for item in roadmap.items
                                    for names in (item.responsible, item.participants)
                                    for name in names)
            parties = {name: self.party(name) for name in written}
        ids: dict[str, Item] = {}
        for item in roadmap.items:
            if item.id_text is not None:
                ids.setdefault(item.id, item)
        requires = tuple((text, self.framework_named(text.value)) for text in roadmap.requires)
        # a dropped action implements nothing: its citations cover no requirement
        covering = tuple(() if state == "dropped" else entries
                         for entries, state in zip(cited, states, strict=True))
        return Resolved(roadmap.path, roadmap, self.rules, as_of, today, cited, terms, parties,
                        ids, requires, self.needs(covering, requires),
                        states if any(states) else ())

    def terms(self, roadmap: Roadmap) -> tuple[Found, ...]:
        """The trigger terms in each item's texts (``Resolved.terms``)."""
        texts = [[(name, value.value) for name in SUBJECT_FIELDS
                  if (value := getattr(item, name)) is not None]
                 for item in roadmap.items]
        scanner = self.rules.triggers.scanner([text for fields in texts for _, text in fields])
        return tuple(tuple((name, tuple(found)) for name, text in fields
                           if (found := scanner.found(text)))
                     for fields in texts)

    # -- citations --------------------------------------------------------------------

    def cite(self, roadmap: Roadmap) -> tuple[tuple[Cited, ...], ...]:
        """Each item's citations with what they resolve to. This runs for every citation of a
        draft (tens of thousands), so the common one, a free text, is looked up by its text
        alone, and each ``Cited`` is built positionally."""
        plain, hit = self._plain, self.hit
        out: list[tuple[Cited, ...]] = []
        for item in roadmap.items:
            entries: list[Cited] = []
            for citation in item.cites:
                found = None
                if not citation.mapping and citation.provision is None:
                    found = plain.get(citation.raw.value)
                if found is None:
                    found = hit(citation)
                entries.append(_new(Cited, (citation, found)))
            out.append(tuple(entries))
        return tuple(out)

    def hit(self, citation: Citation) -> Hit:
        provision = citation.provision.value if citation.provision else None
        key = (citation.mapping, citation.raw.value, provision)
        found = self._hits.get(key)
        if found is None:
            found = self._hits[key] = self._hit(citation.mapping, citation.raw.value, provision)
            if not citation.mapping and provision is None:
                self._plain[citation.raw.value] = found
        return found

    def _hit(self, mapping: bool, raw: str, written: str | None) -> Hit:
        index = self.rules.citations
        resolution = index.resolve_id(raw) if mapping else index.resolve(raw)
        marker = resolution.marker
        if written is not None:
            pid, marker, _ = index.split_marked(self.rules.normalizer.latin(written))
            pid = pid or self.rules.normalizer.latin(written)
        else:
            written = pid = resolution.provision
        fid = resolution.framework
        provision = None
        if fid and pid:
            provision = index.provision(fid, pid)
        canonical = None
        if fid is not None and resolution.status == "loose":
            canonical = fid if mapping else self._canonical(fid, raw)
        return Hit(resolution.status, fid, provision, written, resolution.candidates,
                   resolution.why, canonical, resolution.latin, marker, resolution.kind,
                   resolution.reference)

    def _canonical(self, fid: str, raw: str) -> str:
        framework = self.rules.ruleset.frameworks[fid]
        lang = "ru" if has_cyrillic(raw) else "en"
        markers = [m.group(0).strip() for m in self.rules.citations.marker.finditer(raw)]
        canonical = ", ".join([framework.title_in(lang), *markers])
        clause = approval(raw)[1]  # what approved it, as written: kept (its markers are above)
        clause = self.rules.citations.marker.sub("", clause).strip().strip(",;").strip()
        if clause:
            canonical += (" " if clause.startswith("(") else ", ") + clause
        return canonical

    def framework_named(self, text: str) -> str | None:
        """A framework id, or what a citation of that text resolves to."""
        if text in self.rules.ruleset.frameworks:
            return text
        return self.rules.citations.resolve(text).framework

    # -- parties ----------------------------------------------------------------------

    def party(self, name: str) -> Party:
        found = self._parties.get(name)
        if found is None:
            found = self._parties[name] = self.rules.parties.check(name)
        return found

    # -- coverage ---------------------------------------------------------------------

    def needs(self, cited: tuple[tuple[Cited, ...], ...],
              requires: tuple[tuple[Text, str | None], ...]) -> tuple[Need, ...]:
        """What the road map must cover and what covers it."""
        ruleset = self.rules.ruleset
        frameworks: set[str] = set()
        provisions: set[tuple[str, str]] = set()
        for entries in cited:
            for entry in entries:
                fid = entry.hit.framework
                if fid:
                    frameworks.add(fid)
                    if entry.hit.provision:
                        provisions.add((fid, entry.hit.provision))
        requirements: list[Requirement] = list(ruleset.requirements)
        declared = {(r.framework, r.provision) for r in requirements if r.framework}
        for framework in ruleset.frameworks.values():
            if framework.required and (framework.id, None) not in declared:
                requirements.append(Requirement(framework.id, framework.where, framework.id))
            for provision in framework.provisions:
                if provision.required and (framework.id, provision.id) not in declared:
                    requirements.append(Requirement(f"{framework.id}/{provision.id}",
                                                    provision.where, framework.id, provision.id))
        out: list[Need] = []
        for requirement in requirements:
            members = tuple(ruleset.members(requirement))
            where = requirement.where
            title = tuple(sorted(requirement.title.items()))
            if requirement.provision:
                fid = members[0]
                hit = (fid,) if (fid, requirement.provision) in provisions else ()
                out.append(Need(requirement.id, "provision", members, requirement.provision, 1,
                                hit, where.line, where.path, title))
            else:
                kind = "framework" if requirement.framework else "group"
                out.append(Need(requirement.id, kind, members, None, requirement.at_least,
                                tuple(m for m in members if m in frameworks), where.line,
                                where.path, title))
        known = {n.members[0] for n in out if n.kind == "framework"}
        for _, fid in requires:
            if fid and fid not in known:
                known.add(fid)
                out.append(Need(fid, "framework", (fid,), None, 1,
                                (fid,) if fid in frameworks else ()))
        return tuple(out)
