"""Trigger terms of every framework compiled into one trie-shaped pattern.

One pass of one regular expression over a text finds every trigger term in it, however many
terms the rule set has; which terms a matched phrase belongs to is worked out once per distinct
phrase and cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from roadmap_check.model import RuleSet
from roadmap_check.normalize import Normalizer, has_cyrillic
from roadmap_check.patterns import trie_pattern

_SEP = r"[\s\-\u2010-\u2015]+"
_DASHES = re.compile(r"[\-\u2010-\u2015]")
MAX_TRIGGER_LENGTH = 120     # characters of one term
MAX_TRIGGER_WILDCARDS = 10  # '*' and '?' in one term


@dataclass(frozen=True, slots=True)
class Term:
    text: str                    # as written in the rule set
    frameworks: frozenset[str]   # every framework that lists it


def _atoms(term: str, stem: Callable[[str], str]) -> tuple[str, ...]:
    """A term as regex atoms: one per literal character, wildcard or word gap.

    Whatever the term, the pattern cannot backtrack catastrophically: no two quantifiers can
    take the same characters in turn. A word's last ``*`` is ``\\w*``, which only the end of the
    word stops; an earlier ``*`` takes word characters up to the first place where the part
    after it begins, and no further (the first such place is the one that can match, as in
    glob matching); a word of wildcards only is one whole word.
    """
    atoms: list[str] = []
    words = _DASHES.sub(" ", term.casefold().replace("ё", "е")).split()
    for index, word in enumerate(words):
        if index:
            atoms.append(_SEP)
        if not word.strip("*"):
            atoms.append(r"\w+")
            continue
        auto_stem = "*" not in word and "?" not in word and has_cyrillic(word) and len(word) > 4
        parts = (stem(word) if auto_stem else word).split("*")
        atoms.extend(_literal(parts[0]))
        middle = [p for p in parts[1:-1] if p]
        for part in middle:
            atoms.append("(?:(?!" + "".join(_literal(part)) + r")\w)*")
            atoms.extend(_literal(part))
        if len(parts) > 1:
            atoms.append(r"\w*")
            atoms.extend(_literal(parts[-1]))
        if auto_stem:
            atoms.append(r"\w{0,4}")
    return tuple(atoms)


def _literal(part: str) -> list[str]:
    return [r"\w" if char == "?" else re.escape(char) for char in part]


class TriggerIndex:
    def __init__(self, ruleset: RuleSet, normalizer: Normalizer | None = None) -> None:
        stem = (normalizer or Normalizer(ruleset.vocabulary)).stem
        owners: dict[tuple[str, ...], set[str]] = {}
        written: dict[tuple[str, ...], str] = {}
        for framework in ruleset.frameworks.values():
            tables = [framework.triggers] + [p.triggers for p in framework.provisions]
            for table in tables:
                for terms in table.values():
                    for term in terms:
                        atoms = _atoms(term, stem)
                        if atoms:
                            owners.setdefault(atoms, set()).add(framework.id)
                            written.setdefault(atoms, term)
        self.terms = [Term(written[a], frozenset(owners[a])) for a in owners]
        self._atoms = list(owners)
        self._singles: dict[int, re.Pattern[str]] = {}  # compiled on first need
        self._by_first: dict[str, list[int]] = {}
        for index, atoms in enumerate(self._atoms):
            self._by_first.setdefault(atoms[0], []).append(index)
        self.pattern: re.Pattern[str] | None = None
        if owners:
            self.pattern = re.compile(r"(?<!\w)" + trie_pattern(list(owners)) + r"(?!\w)")
        self._cache: dict[str, tuple[int, ...]] = {}

    def _identify(self, phrase: str) -> tuple[int, ...]:
        """Which terms a matched phrase is an instance of (more than one when shared)."""
        candidates = self._by_first.get(re.escape(phrase[0]), [])
        found = []
        for index in candidates:
            single = self._singles.get(index)
            if single is None:
                single = self._singles[index] = re.compile("".join(self._atoms[index]))
            if single.fullmatch(phrase):
                found.append(index)
        return tuple(found)

    def find(self, text: str) -> list[Term]:
        """The distinct terms found in a text, in order of first appearance."""
        if self.pattern is None or not text:
            return []
        found: dict[int, None] = {}
        lowered = text.lower()
        if "ё" in lowered:
            lowered = lowered.replace("ё", "е")
        cache = self._cache
        for phrase in self.pattern.findall(lowered):  # no groups: whole matches
            ids = cache.get(phrase)
            if ids is None:
                ids = self._cache[phrase] = self._identify(phrase)
            for i in ids:
                found[i] = None
        return [self.terms[i] for i in found]
