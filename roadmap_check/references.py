"""Documents a citation may name that are not frameworks of the rule set.

``Accepted``: the rule set's accepted references (``references:``), matched by their code or
title as a run of words of the citation, tolerating case, spacing, punctuation, editions
("ISO/IEC 27001:2013"), "Rec." and the like, Cyrillic twins of Latin letters, and a member of
the reference ("HL7 v2.5.1" is "HL7 v2").

``Recogniser``: what kind of reference an unknown citation recognisably is (RM110): a
standard's code, a legal act with its number or date, a draft of one, a member state's own
strategy or programme, a regulation; the patterns are the vocabulary's ``reference_kinds``.

Both work on citations only (a few per item), each pattern compiled once per rule set, and
every pattern is a trie of words that cannot backtrack; a citation is at most 1,000
characters (``citation_parts.MAX_CITATION_LENGTH``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from roadmap_check.model import Reference, ReferenceKind
from roadmap_check.normalize import Normalizer, fold, name_atoms, split_edition
from roadmap_check.patterns import trie_pattern

_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_HEAD = re.compile(r"^([^\W\d_]+)\.?(\d.*)$")


class Accepted:
    """The accepted references of a rule set, looked up by the words of a citation."""

    def __init__(self, references: Iterable[Reference], normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self.organisations = normalizer.organisations
        self.generic = normalizer.document_stems
        self.upper_twins = {c.casefold(): t.casefold() for c, t in normalizer.twins.items()
                            if c.isupper()}
        self.dates = re.compile(_DATED.format(month=_month(normalizer)))
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for reference in references:
            for name in reference.names():
                words = self.tokens(name)
                if words:
                    self.by_first.setdefault(words[0], []).append((words, reference.ref))

    def tokens(self, text: str) -> tuple[str, ...]:
        """The words a reference is matched by: organisations by their id, document words
        ("standard", "Rec.") left out, a code's letters apart from its number ("H.812.1" is
        "h", "812.1"; "v2.5" is "v", "2.5"), editions and the full dates of acts ("от
        29.07.2017", "of July 29, 2017") left out: a law is named by its number, and officials
        write its date before the number or after it."""
        undated = self.dates.sub(" ", fold(self.normalizer.latin(text)))
        edited, _ = split_edition(undated)
        stem = self.normalizer.stem
        out: list[str] = []
        for token in _TOKEN.findall(edited):
            org = self.organisations.get(token)
            if org is not None:
                out.append(org)
                continue
            if len(token) == 1:
                out.append(self.upper_twins.get(token, token))
                continue
            if stem(token) in self.generic:
                continue
            head = _HEAD.match(token)
            if head is not None and not token[0].isdigit():
                out.extend(head.groups())
            else:
                out.append(token)
        return tuple(out)

    def match(self, text: str) -> str | None:
        """The accepted reference the citation names (its ``ref``), or None."""
        if not self.by_first:
            return None
        words = self.tokens(text)
        for start, word in enumerate(words):
            for ref_words, ref in self.by_first.get(word, ()):
                end = start + len(ref_words)
                if end <= len(words) and all(
                        _fits(have, want) for have, want in zip(words[start:end], ref_words,
                                                               strict=True)):
                    return ref
        return None


def _fits(have: str, want: str) -> bool:
    """A word of the citation is the reference's word, or a part of it ("2.5.1" of "2")."""
    return have == want or (have.startswith(want) and have[len(want)] == ".")


# A legal act's number ("№ 209", "No. 242-FZ", "N 2066-р", "2016/679") or full date
# ("29.07.2017", "2024-05-22", "22 мая 2024", "May 22, 2024"), somewhere after the act's word.
_NUMBER = (r"(?:№|(?<!\w)(?:no|nr|n|number)\.?(?!\w))\s{0,3}[^\W_]{0,6}\d"
           r"|(?<![\d/])\d{2,4}/\d{1,4}(?![\d/])"
           r"|(?<!\d)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])"
           r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
# A full date, as acts are dated ("29.07.2017", "2017-07-29", "29 июля 2017 г.", "July 29,
# 2017"), with the word before it ("от", "of", "dated") and the year's word after it ("г.",
# "года"); ``{month}``: the vocabulary's month names, each with its ending.
_DATED = (r"(?:(?<!\w)(?:от|of|dated)\s{{1,3}})?"
          r"(?:(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.\d{{4}}(?![\d.])"
          r"|(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?!\d)"
          r"|(?<!\d)\d{{1,2}}\s{{1,3}}{month}\s{{1,3}}\d{{4}}(?!\d)"
          r"|(?<!\w){month}\s{{1,3}}\d{{1,2}},?\s{{1,3}}\d{{4}}(?!\d))"
          r"(?:\s{{0,3}}(?:г\.|года(?!\w)|г(?!\w)))?")


def _month(normalizer: Normalizer) -> str:
    """The vocabulary's month names as one group, each with its ending ("июл" is "июля")."""
    months = sorted({fold(m) for m in normalizer.vocabulary.month_names}, key=len,
                    reverse=True)
    return "(?:" + "|".join(map(re.escape, months)) + r")\w{0,8}" if months else "(?!)"


# A standards body's prefix is a code's when a code follows: "27001", "x.509", "ts 103".
_CODE_AFTER = r"(?=\s{0,3}[:\-]?\s{0,3}(?:[^\W\d_]{1,4}\s?[.\-]?\s?)?\d)"


class Recogniser:
    """The kind of reference a citation outside the rule set recognisably is."""

    def __init__(self, kinds: Iterable[ReferenceKind], normalizer: Normalizer,
                 states: Iterable[tuple[str, ...]]) -> None:
        self.normalizer = normalizer
        self.states: dict[str, list[tuple[str, ...]]] = {}  # by their first word
        for state in dict.fromkeys(s for s in states if s):
            self.states.setdefault(state[0], []).append(state)
        # by part: (kind, its pattern compiled on first need, the pattern, the literal
        # character it starts with, or None when it starts with a wildcard)
        self.which: dict[str, list[tuple[str, re.Pattern[str] | None, str, str | None]]] = {}
        patterns: dict[str, re.Pattern[str] | None] = {}
        for part, after in (("codes", _CODE_AFTER), ("names", ""), ("acts", ""),
                            ("documents", "")):
            terms: list[tuple[str, ...]] = []
            table = self.which.setdefault(part, [])
            for kind in kinds:
                for entry in getattr(kind, part):
                    atoms = name_atoms(entry)
                    if atoms:
                        terms.append(atoms)
                        first = atoms[0][-1] if atoms[0] == re.escape(atoms[0][-1]) else None
                        table.append((kind.id, None, "".join(atoms), first))
            patterns[part] = re.compile(r"(?<!\w)(?:" + trie_pattern(terms) + r")"
                                        + (after or r"(?!\w)")) if terms else None
        self.patterns = patterns
        month = _month(normalizer)
        self.dated = re.compile(
            _NUMBER + rf"|(?<!\d)\d{{1,2}}\s{{1,3}}{month}\s{{1,3}}\d{{4}}(?!\d)"
            + rf"|(?<!\w){month}\s{{1,3}}\d{{1,2}},?\s{{1,3}}\d{{4}}(?!\d)")

    def kind(self, text: str) -> str | None:
        """The first kind recognised from the start of the citation, or None."""
        folded = fold(self.normalizer.latin(text))
        found: list[tuple[int, str]] = []
        for part in ("codes", "names"):
            pattern = self.patterns[part]
            match = pattern.search(folded) if pattern is not None else None
            if match is not None:
                found.append((match.start(), self._kind(part, match.group())))
        acts = self.patterns["acts"]
        # The first act's word, with a number or a date after it, or in a citation that names
        # a member state ("Закон Республики Казахстан «О ...»"): if the first has no number or
        # date after it, no later one has (one search each, whatever the number of such words).
        match = acts.search(folded) if acts is not None else None
        if match is not None and (self.dated.search(folded, match.end())
                                  or self._names_a_state(text)):
            found.append((match.start(), self._kind("acts", match.group())))
        documents = self.patterns["documents"]
        if documents is not None and self.states:
            match = documents.search(folded)
            if match is not None and self._names_a_state(text):
                found.append((match.start(), self._kind("documents", match.group())))
        return min(found)[1] if found else None

    def _kind(self, part: str, phrase: str) -> str:
        """The kind whose pattern the phrase is (the first that fully matches it). A pattern
        that starts with another letter than the phrase cannot be it, and is not compiled (a
        20-item draft compiled 97 of them, 2.6 ms, measured)."""
        table = self.which[part]
        for index, (kind, single, pattern, first) in enumerate(table):
            if first is not None and first != phrase[0]:
                continue
            if single is None:
                single = re.compile(pattern)
                table[index] = (kind, single, pattern, first)
            if single.fullmatch(phrase):
                return kind
        raise AssertionError(phrase)  # pragma: no cover - the pattern is made of these

    def _names_a_state(self, text: str) -> bool:
        """Whether the citation names a member state (a party of kind 'state'): one pass over
        its words, each compared with the names that start with it."""
        if not self.states:
            return False
        words = self.normalizer.words_key(text).split()
        for start, word in enumerate(words):
            for state in self.states.get(word, ()):
                if tuple(words[start:start + len(state)]) == state:
                    return True
        return False
