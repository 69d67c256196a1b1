"""Trigger terms of every framework compiled into one trie-shaped pattern.

One pass of one regular expression over a text finds every trigger term in it, however many
terms the rule set has; which terms a matched phrase belongs to is worked out once per distinct
phrase and cached. The pattern of all the terms is compiled only for a large road map: for a
small one, only the terms whose every literal part occurs in its text can match anywhere in
it, and the pattern of those few is compiled instead (the same matches, a fraction of the
cost of compiling hundreds of terms on every run).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from roadmap_check.model import RuleSet
from roadmap_check.normalize import Normalizer, has_cyrillic
from roadmap_check.patterns import trie_pattern

_SEP = r"[\s\-\u2010-\u2015]+"
_DASHES = re.compile(r"[\-\u2010-\u2015]")
SMALL_TEXT = 200_000          # characters of a road map's texts scanned with a pattern of a few
MAX_TRIGGER_LENGTH = 120     # characters of one term
MAX_TRIGGER_WILDCARDS = 10  # '*' and '?' in one term


class Term(NamedTuple):
    text: str                    # as written in the rule set
    frameworks: frozenset[str]   # every framework that lists it


Twins = dict[str, str]   # a Latin letter (lower case) -> the Cyrillic letters that look like it


def _words(term: str) -> list[tuple[str, bool]]:
    """The words of a term as matched (folded), each with whether it is a code or an
    abbreviation ("H.810", "FHIR", "ICD-10"), in which a Cyrillic twin of a Latin letter is
    read as the letter ("МСЭ-Т Н.810" typed on a Russian keyboard)."""
    written = _DASHES.sub(" ", term.replace("ё", "е")).split()
    folded = _DASHES.sub(" ", term.casefold().replace("ё", "е")).split()
    if len(written) != len(folded):  # a letter whose case folding is two (ß): no codes
        return [(word, False) for word in folded]
    return [(word, any(c.isdigit() for c in original) or (
        sum(c.isalpha() for c in original) >= 2
        and all(c.isupper() and c.isascii() for c in original if c.isalpha())))
            for original, word in zip(written, folded, strict=True)]


def _atoms(term: str, stem: Callable[[str], str], twins: Twins | None = None
           ) -> tuple[str, ...]:
    """A term as regex atoms: one per literal character, wildcard or word gap.

    Whatever the term, the pattern cannot backtrack catastrophically: no two quantifiers can
    take the same characters in turn. A word's last ``*`` is ``\\w*``, which only the end of the
    word stops; an earlier ``*`` takes word characters up to the first place where the part
    after it begins, and no further (the first such place is the one that can match, as in
    glob matching); a word of wildcards only is one whole word. In a code, a Latin letter with
    Cyrillic twins is a class of them all ("[hн]").
    """
    atoms: list[str] = []
    for index, (word, code) in enumerate(_words(term)):
        if index:
            atoms.append(_SEP)
        if not word.strip("*"):
            atoms.append(r"\w+")
            continue
        alike = twins if code else None
        auto_stem = "*" not in word and "?" not in word and has_cyrillic(word) and len(word) > 4
        parts = (stem(word) if auto_stem else word).split("*")
        atoms.extend(_literal(parts[0], alike))
        middle = [p for p in parts[1:-1] if p]
        for part in middle:
            atoms.append("(?:(?!" + "".join(_literal(part, alike)) + r")\w)*")
            atoms.extend(_literal(part, alike))
        if len(parts) > 1:
            atoms.append(r"\w*")
            atoms.extend(_literal(parts[-1], alike))
        if auto_stem:
            atoms.append(r"\w{0,4}")
    return tuple(atoms)


def _runs(term: str, stem: Callable[[str], str], twins: Twins | None = None
          ) -> tuple[str, ...]:
    """The runs of literal characters of a term as a scanned text writes it, longest first:
    any text the term matches holds every one of them (a letter a twin may stand for is no
    part of a run)."""
    runs: list[str] = []
    for word, code in _words(term):
        auto_stem = "*" not in word and "?" not in word and has_cyrillic(word) and len(word) > 4
        body = stem(word) if auto_stem else word
        if code and twins:
            body = "".join("?" if char in twins else char for char in body)
        runs.extend(part for chunk in body.split("*") for part in chunk.split("?") if part)
    return tuple(sorted(set(runs), key=lambda run: (-len(run), run)))  # one order, any hash seed


def _literal(part: str, twins: Twins | None = None) -> list[str]:
    out = []
    for char in part:
        if char == "?":
            out.append(r"\w")
        elif twins and char in twins:
            out.append(f"[{char}{twins[char]}]")
        else:
            out.append(re.escape(char))
    return out


def _firsts(atom: str) -> list[str]:
    """The escaped characters a first atom can be: itself, or each letter of a twin class."""
    if len(atom) > 2 and atom[0] == "[" and atom[-1] == "]":
        return [re.escape(char) for char in atom[1:-1]]
    return [atom]


class TriggerTables(NamedTuple):
    """A rule set's terms as the scan needs them, in one order: each term, its atoms and its
    literal runs. Made of the rule set and its vocabulary by this module (9 ms for the default
    rule set, measured), so a built-in rule set's twin holds them (``ruleset_twins.py``)."""

    terms: list[Term]
    atoms: list[tuple[str, ...]]
    runs: list[tuple[str, ...]]


class TriggerIndex:
    def __init__(self, ruleset: RuleSet, normalizer: Normalizer | None = None,
                 tables: TriggerTables | None = None) -> None:
        """``tables``: the tables this very rule set and vocabulary make, if known."""
        self.terms, self._atoms, self._runs = tables or _tables(ruleset, normalizer)
        self._singles: dict[int, re.Pattern[str]] = {}  # compiled on first need
        self._by_first: dict[str, list[int]] = {}
        for index, atoms in enumerate(self._atoms):
            for first in _firsts(atoms[0]):
                self._by_first.setdefault(first, []).append(index)
        self._full: re.Pattern[str] | None = None
        self._cache: dict[str, tuple[int, ...]] = {}

    @property
    def tables(self) -> TriggerTables:
        return TriggerTables(self.terms, self._atoms, self._runs)

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The pattern of every term (compiled on first need)."""
        if self._full is None and self._atoms:
            self._full = _compile(self._atoms)
        return self._full

    def scanner(self, texts: list[str]) -> Scanner:
        """What finds the terms in these texts (a road map's): the pattern of every term, or
        for a small road map the pattern of the terms its texts can hold."""
        if not self._atoms:
            return Scanner(self, None)
        if sum(map(len, texts)) > SMALL_TEXT:  # no copy of a large road map's texts
            return Scanner(self, self.pattern)
        lowered = "\n".join(texts).lower().replace("ё", "е")
        present = [atoms for atoms, runs in zip(self._atoms, self._runs, strict=True)
                   if all(run in lowered for run in runs)]
        return Scanner(self, _compile(present) if present else None)

    def find(self, text: str) -> list[Term]:
        """The distinct terms found in a text, in order of first appearance."""
        return Scanner(self, self.pattern).find(text)

    def _identify(self, phrase: str) -> tuple[int, ...]:
        """Which terms a phrase the scan matched is an instance of (more than one when two
        terms match the same words).

        The scan's pattern matched the whole phrase as one term's atoms, so that term starts
        with the phrase's first character and holds no literal run the phrase lacks: when it
        is the only such term it is the one, known without compiling its pattern (a small
        road map's run compiled one for most terms it found, ~5 ms, measured)."""
        runs = self._runs
        candidates = [index for index in self._by_first.get(re.escape(phrase[0]), ())
                      if all(run in phrase for run in runs[index])]
        if len(candidates) == 1:
            return (candidates[0],)
        found = []
        for index in candidates:
            single = self._singles.get(index)
            if single is None:
                single = self._singles[index] = re.compile("".join(self._atoms[index]))
            if single.fullmatch(phrase):
                found.append(index)
        return tuple(found)



_LEAD = "\\W("  # the character before a term, taken by the pattern: see _compile


def _tables(ruleset: RuleSet, normalizer: Normalizer | None) -> TriggerTables:
    """The terms of every framework and provision of ``ruleset``, each once with every
    framework that lists it."""
    normalizer = normalizer or Normalizer(ruleset.vocabulary)
    stem = normalizer.stem
    twins: Twins = {}
    for cyrillic, latin in normalizer.twins.items():
        if cyrillic.lower() not in twins.get(latin.lower(), ""):
            twins[latin.lower()] = twins.get(latin.lower(), "") + cyrillic.lower()
    owners: dict[tuple[str, ...], set[str]] = {}
    written: dict[tuple[str, ...], str] = {}
    for framework in ruleset.frameworks.values():
        for table in [framework.triggers] + [p.triggers for p in framework.provisions]:
            for terms in table.values():
                for term in terms:
                    atoms = _atoms(term, stem, twins)
                    if atoms:
                        owners.setdefault(atoms, set()).add(framework.id)
                        written.setdefault(atoms, term)
    return TriggerTables([Term(written[a], frozenset(owners[a])) for a in owners],
                         list(owners), [_runs(written[a], stem, twins) for a in owners])


def _compile(terms: list[tuple[str, ...]]) -> re.Pattern[str]:
    """The terms as one pattern whose group 1 is a whole term, not inside a word.

    A term must start where no word character is before it. Said as a look-behind, that is
    tried at every character of a text; said as the non-word character before the term,
    which the pattern takes (the scanned text is given a space in front), the regex engine
    skips from one such character to the next by itself: ~11% less time on a large road
    map's texts (measured: 0.32 -> 0.28 s on 9 million characters). The two find the same
    terms because every term starts with a word character (the rule-set schema's TRIGGER):
    then no term can start where the one before it ended, since that one's end needs a
    non-word character after it. Terms that could (not from a valid rule set) get the
    look-behind.
    """
    lead = all(_WORDLIKE.fullmatch(atoms[0]) for atoms in terms)
    body = trie_pattern(terms)
    return re.compile((_LEAD if lead else r"(?<!\w)(") + body + r")(?!\w)")


# A first atom that only a word character can match: a letter or digit, a class of twin
# letters, a one-letter wildcard.
_WORDLIKE = re.compile(r"\w|\[\w+\]|\\w")


class Scanner:
    """Finds the trigger terms of one road map's texts with the pattern made for them."""

    def __init__(self, index: TriggerIndex, pattern: re.Pattern[str] | None) -> None:
        self.index = index
        self.pattern = pattern
        self._lead = pattern is not None and pattern.pattern.startswith(_LEAD)

    def find(self, text: str) -> list[Term]:
        """The distinct terms found in a text, in order of first appearance."""
        return [term for term, _ in self.found(text)]

    def found(self, text: str) -> list[tuple[Term, str]]:
        """The distinct terms found in a text, in order of first appearance, each with the
        words it matched there the first time, as the drafter wrote them ("personal data" for
        the term "personal data", "персональных данных" for "персональн* данн*"): what a
        message quotes, taken from the one scan rather than searched for again."""
        if self.pattern is None or not text:
            return []
        found: dict[int, str] = {}
        lowered = text.lower()
        if "ё" in lowered:
            lowered = lowered.replace("ё", "е")
        written = text if len(text) == len(lowered) else lowered  # same places
        index = self.index
        cache = index._cache
        lead = self._lead
        for match in self.pattern.finditer(" " + lowered if lead else lowered):
            phrase = match.group(1)
            ids = cache.get(phrase)
            if ids is None:
                ids = cache[phrase] = index._identify(phrase)
            if ids:
                start, end = match.span(1)
                for i in ids:
                    if i not in found:
                        found[i] = written[start - lead:end - lead]
        terms = index.terms
        return [(terms[i], words) for i, words in found.items()]
