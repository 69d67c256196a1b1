"""Party names against a rule set's parties: listed, a national body of a listed state,
accepted by kind or name, or a likely misspelling of a listed one."""

from __future__ import annotations

from typing import NamedTuple

from roadmap_check.citation_parts import MAX_CITATION_LENGTH
from roadmap_check.fuzzy import misspelt, scorers
from roadmap_check.model import RuleSet
from roadmap_check.normalize import Normalizer, StemIndex, stems, tokens


class PartyMatch(NamedTuple):
    """What a party name is to a rule set."""

    known: bool                  # listed, a national body of a listed state, or accepted
    closest: str | None = None   # the listed name it is a likely misspelling of
    safe: bool = False           # that name is a safe fix (no other party as close)
    kind: str | None = None      # the kind of party its words show (company, national-body...)


class PartyIndex:
    """Known parties by normalised name; national bodies of a known state are accepted, and
    what the rule set's ``accept_parties`` accepts by kind or name."""

    def __init__(self, ruleset: RuleSet, normalizer: Normalizer | None = None) -> None:
        self.words_key = (normalizer or Normalizer(ruleset.vocabulary)).words_key
        words_key = self.words_key
        self.cutoff = ruleset.thresholds.party_cutoff
        self.names: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.states: list[tuple[str, ...]] = []
        for party in ruleset.parties:
            for names in party.names.values():
                for name in names:
                    form = words_key(name)
                    self.names.setdefault(form, party.id)
                    self.display.setdefault(form, name)
                    if party.kind == "state" and form:
                        self.states.append(tuple(form.split()))
        self.accepted = frozenset(words_key(name) for name in ruleset.accept_names)
        self.accept_kinds = frozenset(ruleset.accept_kinds)
        kinds = [(kind, pattern) for kind, words in ruleset.vocabulary.party_kinds
                 for word in words if (pattern := stems(word))]
        self.kinds = [kind for kind, _ in kinds]
        self.kind_words = StemIndex([pattern for _, pattern in kinds])
        self._cache: dict[str, PartyMatch] = {}

    def check(self, name: str) -> PartyMatch:
        """What one party name is: known, a likely misspelling of a known one, or neither."""
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._check(name)
        return hit

    def kind_of(self, name: str) -> str | None:
        """The first kind of party whose words the name has."""
        first = self.kind_words.first(tokens(name))
        return None if first is None else self.kinds[first]

    def _check(self, name: str) -> PartyMatch:
        if len(name) > MAX_CITATION_LENGTH:  # no party is named so: unknown, nothing like it
            return PartyMatch(False)
        form = self.words_key(name)
        if form in self.names or (form and form in self.accepted):
            return PartyMatch(True)
        if not form:
            return PartyMatch(False)
        if self.names:
            fuzz, process = scorers()
            best = process.extract(form, list(self.names), scorer=fuzz.token_sort_ratio,
                                   limit=2, score_cutoff=self.cutoff)
            if best and misspelt(form, best[0][0]):  # a misspelt known party
                unique = len(best) == 1 or self.names[best[1][0]] == self.names[best[0][0]] \
                    or best[1][1] < best[0][1]
                return PartyMatch(False, self.display[best[0][0]], unique)
        words = form.split()
        for state in self.states:  # a national body: "Ministry of Health of Belarus"
            n = len(state)
            if any(tuple(words[i:i + n]) == state for i in range(len(words) - n + 1)):
                return PartyMatch(True)
        kind = self.kind_of(name)
        return PartyMatch(kind is not None and kind in self.accept_kinds, kind=kind)
