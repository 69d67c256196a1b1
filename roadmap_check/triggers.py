"""Trigger terms of every framework compiled into one trie-shaped pattern.

One pass of one regular expression over a text finds every trigger term in it, however many
terms the rule set has; which terms a matched phrase belongs to is worked out once per distinct
phrase and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roadmap_check.model import RuleSet
from roadmap_check.normalize import has_cyrillic, stem

_SEP = r"[\s\-\u2010-\u2015]+"
_DASHES = re.compile(r"[\-\u2010-\u2015]")
_END = ""


@dataclass(frozen=True, slots=True)
class Term:
    text: str                    # as written in the rule set
    frameworks: frozenset[str]   # every framework that lists it


def _atoms(term: str) -> tuple[str, ...]:
    """A term as regex atoms: one per literal character, wildcard or word gap."""
    atoms: list[str] = []
    words = _DASHES.sub(" ", term.casefold().replace("ё", "е")).split()
    for index, word in enumerate(words):
        if index:
            atoms.append(_SEP)
        auto_stem = "*" not in word and "?" not in word and has_cyrillic(word) and len(word) > 4
        body = stem(word) if auto_stem else word
        for char in body:
            if char == "*":
                atoms.append(r"\w*")
            elif char == "?":
                atoms.append(r"\w")
            else:
                atoms.append(re.escape(char))
        if auto_stem:
            atoms.append(r"\w{0,4}")
    return tuple(atoms)


def _trie_pattern(terms: list[tuple[str, ...]]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for atoms in terms:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _render(trie)


def _render(node: dict) -> str:  # type: ignore[type-arg]
    # Literal branches before wildcards; an ending term is the last choice (longest first).
    # Built bottom-up without recursion limits mattering: depth is the length of a term.
    ends = _END in node
    branches = []
    for atom in sorted((a for a in node if a != _END), key=lambda a: (a.startswith("\\w"), a)):
        branches.append(atom + _render(node[atom]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


class TriggerIndex:
    def __init__(self, ruleset: RuleSet) -> None:
        owners: dict[tuple[str, ...], set[str]] = {}
        written: dict[tuple[str, ...], str] = {}
        for framework in ruleset.frameworks.values():
            tables = [framework.triggers] + [p.triggers for p in framework.provisions]
            for table in tables:
                for terms in table.values():
                    for term in terms:
                        atoms = _atoms(term)
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
            self.pattern = re.compile(r"(?<!\w)" + _trie_pattern(list(owners)) + r"(?!\w)")
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
