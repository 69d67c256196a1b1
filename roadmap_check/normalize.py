"""Text normalisation shared by citation, party and key matching.

Everything here is pure string work: no third-party import, cheap enough to run on every
citation of a large road map. What depends on the domain vocabulary (stop words, document
words, organisations, the Russian endings of the stemmer...) is a ``Normalizer`` built from
one ``Vocabulary``, with its own caches: each compiled rule set has its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from roadmap_check.model import Vocabulary
from roadmap_check.patterns import trie_pattern, wildcard_word

# Every kind of dash and hyphen, and every kind of quote, folded to one form.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe58\ufe63\uff0d"
_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a\"'`\u00b4"
_FOLD = str.maketrans({**{c: "-" for c in _DASHES}, **{c: '"' for c in _QUOTES}, "ё": "е"})

_SPACE = re.compile(r"\s+")
_TOKENS = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = r"[^\W\d_]"
CACHED = 65536  # distinct texts a normaliser remembers the stem or key of


def fold(text: str) -> str:
    """Case, dashes, quotes, ``ё`` and white space folded; punctuation kept."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACE.sub(" ", text).strip()


def light(text: str) -> str:
    """The form two spellings of one canonical citation share (case, dashes, spacing)."""
    return re.sub(r"\s*-\s*", "-", fold(text)).strip(" .,;:\"")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def stems(entry: str, split: Callable[[str], list[str]] | None = None,
          ) -> tuple[tuple[str, bool], ...]:
    """An entry of words, each whole or, with a '*' at its end, any word it begins, as folded
    tokens, each (token, whether it may be followed by more letters): "отчетн* год*" ->
    (("отчетн", True), ("год", True)). ``split`` makes the tokens (``tokens`` by default: the
    tokens the pattern is matched against must be made the same way)."""
    out: list[tuple[str, bool]] = []
    for word in entry.split():
        star = word.endswith("*")
        found = (split or tokens)(word.rstrip("*"))
        out.extend((token, star and n == len(found) - 1) for n, token in enumerate(found))
    return tuple(out)


def tokens(text: str) -> list[str]:
    """The words and numbers of a text, folded (case, ``ё``), punctuation left out."""
    return _TOKENS.findall(text.casefold().replace("ё", "е"))


Stems = tuple[tuple[str, bool], ...]


class StemIndex:
    """Many ``stems`` patterns as a trie of their words, found in a text's tokens: from each
    token the trie is walked as far as the tokens follow one of its paths (a '*' word by the
    token's beginnings), so the time grows with the tokens' letters and the patterns' length,
    not with the number of patterns, however many share their first words."""

    def __init__(self, patterns: list[Stems]) -> None:
        self.root = _Node()
        for n, pattern in enumerate(patterns):
            node = self.root
            for word, star in pattern:
                table = node.prefix if star else node.exact
                child = table.get(word)
                if child is None:
                    child = table[word] = _Node()
                    if star:
                        node.longest = max(node.longest, len(word))
                node = child
            if node.ends is None or n < node.ends:
                node.ends = n

    def first(self, found: list[str]) -> int | None:
        """The number of the first pattern (in the order given) the tokens hold, or None."""
        best: int | None = None
        for i in range(len(found)):
            frontier = [self.root]
            for token in found[i:]:
                reached = []
                for node in frontier:
                    child = node.exact.get(token)
                    if child is not None:
                        reached.append(child)
                    for k in range(1, min(len(token), node.longest) + 1):
                        child = node.prefix.get(token[:k])
                        if child is not None:
                            reached.append(child)
                for node in reached:
                    if node.ends is not None and (best is None or node.ends < best):
                        best = node.ends
                if not reached:
                    break
                frontier = reached
        return best


class _Node:
    __slots__ = ("ends", "exact", "longest", "prefix")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.prefix: dict[str, _Node] = {}   # words followed by any letters ('*')
        self.longest = 0                     # the longest word in ``prefix``
        self.ends: int | None = None         # the first pattern that ends here


class Key(NamedTuple):
    """A name reduced to what identifies it: stemmed words, its numbers (in the order they are
    written, each once) and organisations."""

    words: str
    numbers: tuple[str, ...]
    orgs: frozenset[str]


def numbers_of(text: str) -> frozenset[str]:
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        token = match.group().replace(",", ".")
        found.add(token.lstrip("0") or "0")
        for part in token.split("."):
            found.add(part.lstrip("0") or "0")
    return frozenset(found)


class Normalizer:
    """The normalisation of one vocabulary: ``stem``, ``key``, ``words_key`` (each cached per
    normaliser, so rule sets with different vocabularies never share an answer)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.stem = _stemmer(tuple(dict.fromkeys(fold(e) for e in vocabulary.russian_endings)))
        stem = self.stem
        self.stop_words = frozenset(fold(w) for w in vocabulary.stop_words)
        self.document_stems = frozenset(stem(fold(w)) for w in vocabulary.document_words)
        self.month_stems = frozenset(stem(fold(w)) for w in vocabulary.month_names)
        self.abbreviations = {fold(word): tuple(stem(fold(w)) for w in meaning)
                              for word, meaning in vocabulary.abbreviations}
        self.organisations = {fold(short): org.id for org in vocabulary.organisations
                              for short in org.short}
        self.ongoing = frozenset(w.strip().casefold() for w in vocabulary.ongoing_words)
        self.spelled = _SpelledOut([(org.id, name) for org in vocabulary.organisations
                                    for name in org.names])
        self.key: Callable[[str], Key] = lru_cache(maxsize=CACHED)(_keyer(self))
        self.words_key = _words_keyer(stem, self.stop_words)
        self.twins = dict(vocabulary.lookalike_letters)
        self.latin: Callable[[str], str] = lru_cache(maxsize=CACHED)(_latiniser(self.twins))


# A word of a code or a name: letters and digits, joined by '.', '-' or '/' ("Н.810", "МСЭ-Т",
# "ISO/IEС"); at most 200 characters a match (a longer run is read in pieces), so a hostile text
# costs time linear in its length.
_CODE_WORD = re.compile(r"[^\W_]{1,200}(?:[./\-][^\W_]{1,200}){0,40}")
_CODE_HEAD = re.compile(r"^[^\W\d_]{1,3}[.\-]?\d")


def _latiniser(twins: dict[str, str]) -> Callable[[str], str]:
    """``latin`` of a normaliser: the text with the Cyrillic twins of Latin letters inside
    codes written in Latin (same length, same positions). A word that mixes Latin and Cyrillic
    letters, all of its Cyrillic ones twins, is a code typed half on a Russian keyboard; a word
    of Cyrillic letters only is a code when it is one to three upper-case twins and a digit
    ("Н.810", "С7"). Russian words and abbreviations ("МСЭ-Т", "СТБ", "ГОСТ Р", "263-р") stay."""
    table = str.maketrans(twins)

    def one(match: re.Match[str]) -> str:
        word = match.group()
        cyrillic = [c for c in word if "\u0400" <= c <= "\u04ff"]
        if not cyrillic or any(c not in twins for c in cyrillic):
            return word
        if any(c.isascii() and c.isalpha() for c in word) or (
                all(c.isupper() for c in cyrillic) and _CODE_HEAD.match(word)):
            return word.translate(table)
        return word

    def latin(text: str) -> str:
        if not twins or _CYRILLIC.search(text) is None:
            return text
        return _CODE_WORD.sub(one, text)

    return latin


# Editions and releases written after a code: "13606-1:2019", "H.810 (11/2019)", "H.810 (2019)"
# after a code, "СТБ 34.101.27-2011", "FHIR R4", "Release 4", "STU3", "DICOM 2024e". They tell
# which edition is cited, not which document: they are split off before a citation is matched,
# and never make it disagree with a framework.
_EDITION = re.compile(
    r"(?<=\d)\s{0,3}:\s{0,3}(?:19|20)\d\d(?:[-/]\d{1,2})?(?![\d.])"
    r"|\(\s{0,3}\d{1,2}\s{0,3}/\s{0,3}(?:19|20)\d\d\s{0,3}\)"
    r"|(?<=\d)\s{0,3}\(\s{0,3}(?:19|20)\d\d\s{0,3}\)"
    r"|(?<![\w.])(?:r|release\s{0,3}|rel\.\s{0,3}|d?stu\s{0,3})\d{1,2}[a-z]?(?!\w)"
    r"|(?<![\w.])(?:19|20)\d\d[a-e](?!\w)"
    r"|(?<![\w.])(?:edition|ed\.)\s{0,3}\d{1,2}(?!\w)",
    re.IGNORECASE)
# A year after a standard's number, as national standards write it: "52636-2006",
# "34.101.27-2011", "13606-1-2011" (not a period: "2020-2025").
_YEAR_AFTER_CODE = re.compile(r"(?<![\d.])(\d{1,6}(?:\.\d{1,6}){0,6}(?:-\d{1,3})?)-((?:19|20)\d\d)"
                              r"(?![\d./\-])")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)  # a citation passes here for each way it is matched
def split_edition(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without its editions, and the editions as written (none: the text itself)."""
    found: list[str] = []

    def cut(match: re.Match[str]) -> str:
        found.append(match.group().strip(" :()"))
        return ""

    def cut_year(match: re.Match[str]) -> str:
        number = match.group(1)
        if len(number) == 4 and number[:2] in ("19", "20"):  # a period, 2020-2025
            return match.group()
        found.append(match.group(2))
        return number

    if _DIGIT.search(text) is None:
        return text, ()
    stripped = _YEAR_AFTER_CODE.sub(cut_year, _EDITION.sub(cut, text))
    if not found:
        return text, ()
    return _SPACE.sub(" ", stripped).strip(), tuple(found)


def _words_keyer(stem: Callable[[str], str], stop: frozenset[str]) -> Callable[[str], str]:
    def words_key(text: str) -> str:
        """Stemmed words only: for party names, keys and titles.

        Dashes and quotes separate words anyway, so only case and ``ё`` need folding here (and
        compatibility forms, for the rare text that has them): cheap enough for every title.
        """
        folded = text.casefold().replace("ё", "е")
        if not folded.isascii() and not unicodedata.is_normalized("NFKC", folded):
            folded = unicodedata.normalize("NFKC", folded)
        return " ".join(stem(t) for t in _WORD.findall(folded) if t not in stop)

    return words_key


def _keyer(normalizer: Normalizer) -> Callable[[str], Key]:
    """``key`` of a normaliser: a closure over its tables (not over the normaliser itself, so
    that its cache makes no reference cycle)."""
    read, stem = normalizer.spelled.read, normalizer.stem
    known, stop, short = normalizer.organisations, normalizer.stop_words, normalizer.abbreviations
    generic = normalizer.document_stems

    def key(text: str) -> Key:
        folded, orgs = read(fold(text))
        numbers = tuple(dict.fromkeys(m.group().replace(",", ".")
                                      for m in _NUMBER.finditer(folded)))
        words: list[str] = []
        for token in _WORD.findall(folded.replace("-", " ")):
            if token in known:  # "hl7": an organisation whose short name has a digit
                orgs.add(known[token])
                continue
            if any(ch.isdigit() for ch in token):
                letters = "".join(ch for ch in token if ch.isalpha())
                if letters and letters not in known:
                    words.append(letters)
                elif letters:
                    orgs.add(known[letters])
                continue
            if token in known:
                orgs.add(known[token])
            elif token not in stop and len(token) > 1:
                if token in short:
                    words.extend(short[token])
                    continue
                stemmed = stem(token)
                if stemmed not in generic:
                    words.append(stemmed)
        if not words:  # "ISO 13606": the organisation is all the name has besides numbers
            words = sorted(orgs)
        return Key(" ".join(words), numbers, frozenset(orgs))

    return key


def _stemmer(endings: tuple[str, ...]) -> Callable[[str], str]:
    """A light stemmer: the longest of ``endings`` a Russian word of five letters or more has
    (leaving three letters at least), or an English plural ``s``, removed."""
    by_length = sorted({len(e) for e in endings}, reverse=True)
    tails = {n: frozenset(e for e in endings if len(e) == n) for n in by_length}

    @lru_cache(maxsize=CACHED)
    def stem(word: str) -> str:
        if _CYRILLIC.search(word):
            if len(word) <= 4:
                return word
            for n in by_length:  # of one length, a word ends with one ending at most
                if len(word) - n >= 3 and word[-n:] in tails[n]:
                    return word[:-n]
            return word
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word

    return stem


class _SpelledOut:
    """Organisations written out in full ("Содружества Независимых Государств"), found in a
    folded text by one trie-shaped pattern of whole words, and read as the organisation."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        atoms = [(org, name_atoms(name)) for org, name in names]
        self.names = [(org, "".join(term), term[0]) for org, term in atoms]
        self.pattern = re.compile(r"(?<!\w)" + trie_pattern([term for _, term in atoms])
                                  + r"(?!\w)") if atoms else None
        self._singles: dict[str, re.Pattern[str]] = {}

    def read(self, folded: str) -> tuple[str, set[str]]:
        """The text without the names found in it, and the organisations they name."""
        orgs: set[str] = set()
        if self.pattern is None:
            return folded, orgs
        pieces, start = [], 0
        for match in self.pattern.finditer(folded):
            orgs.add(self._which(match.group()))
            pieces.append(folded[start: match.start()])
            start = match.end()
        if not pieces:
            return folded, orgs
        pieces.append(folded[start:])
        return " ".join(pieces), orgs

    def _which(self, phrase: str) -> str:
        """The first organisation one of whose names the phrase is (the pattern found it)."""
        for org, pattern, first in self.names:
            if first != _LETTER and first != re.escape(phrase[0]):
                continue
            single = self._singles.get(pattern)
            if single is None:
                single = self._singles[pattern] = re.compile(pattern)
            if single.fullmatch(phrase):
                return org
        raise AssertionError(phrase)  # pragma: no cover - the pattern is made of these names


def name_atoms(name: str) -> tuple[str, ...]:
    """A name as atoms: its words (``?`` one letter, a final ``*`` the rest of the word)
    separated by one space (a folded text has no other)."""
    atoms: list[str] = []
    for index, word in enumerate(fold(name).split()):
        if index:
            atoms.append(re.escape(" "))
        atoms.extend(wildcard_word(word, _LETTER, r"\w*"))
    return tuple(atoms)
