"""Text normalisation shared by citation, party and key matching.

Everything here is pure string work: no third-party import, cheap enough to run on every
citation of a large road map (results are cached by the callers).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Every kind of dash and hyphen, and every kind of quote, folded to one form.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe58\ufe63\uff0d"
_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a\"'`\u00b4"
_FOLD = str.maketrans({**{c: "-" for c in _DASHES}, **{c: '"' for c in _QUOTES}, "ё": "е"})

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

STOP_WORDS = frozenset(
    ["the", "of", "for", "in", "on", "and", "to", "a", "an", "until", "up", "period", "year",
     "years", "by", "with", "its", "their", "at", "as", "from", "в", "во", "и", "на", "по",
     "до", "о", "об", "от", "для", "с", "со", "к", "г", "гг", "год", "года", "годы", "годов",
     "лет", "период", "их", "ее", "его"]
)

# Words that say what kind of document a name is, not which: "ITU-T Recommendation H.860",
# "DICOM standard", "резолюция WHA58.28". Dropped from citation keys on both sides.
GENERIC_STEMS = frozenset({"recommendation", "рекомендац", "standard", "стандарт",
                           "resolution", "резолюц", "document", "документ", "serie", "сер"})

# Abbreviations drafters write for words of titles: expanded into those words' stems.
ABBREVIATIONS = {"иб": ("информацион", "безопасн")}

# Month names as stems (a citation's date says which document, its month is no name word).
MONTH_STEMS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "январ", "феврал", "март", "апрел", "май", "мая", "июн",
    "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
})

# Organisations whose naming in a citation must agree with the framework (CIS vs EAEU ...).
ORGANISATIONS: dict[str, str] = {
    "cis": "cis", "снг": "cis", "sng": "cis",
    "eaeu": "eaeu", "еаэс": "eaeu", "eaes": "eaeu", "eec": "eaeu", "еэк": "eaeu",
    "who": "who", "воз": "who",
    "itu": "itu", "мсэ": "itu",
    "eu": "eu", "ес": "eu",
    "un": "un", "оон": "un",
    "sco": "sco", "шос": "sco",
    "csto": "csto", "одкб": "csto",
    "unesco": "unesco", "юнеско": "unesco",
    "brics": "brics", "брикс": "brics",
    "oecd": "oecd", "оэср": "oecd",
    "rcc": "rcc", "рсс": "rcc",
    "iso": "iso", "исо": "iso",
    "hl7": "hl7",
    "nema": "nema",
    "ieee": "ieee",
}

# Organisations written out in full, read as their abbreviation. Each starts a word: tried only
# there, a pattern's ``\w*`` runs over each word once, however often its stem recurs inside.
_SPELLED_OUT = [(re.compile(r"(?<!\w)" + pattern), abbreviation) for pattern, abbreviation in (
    (r"содружеств\w* независим\w* государств\w*", "снг"),
    (r"commonwealth of independent states", "cis"),
    (r"евразийск\w* экономическ\w* (?:союз|сообществ)\w*", "еаэс"),
    (r"eurasian economic (?:union|community|commission)", "eaeu"),
    (r"всемирн\w* организаци\w* здравоохранени\w*", "воз"),
    (r"world health organi[sz]ation", "who"),
    (r"международн\w* союз\w* электросвяз\w*", "мсэ"),
    (r"international telecommunication union", "itu"),
    (r"европейск\w* союз\w*", "ес"),
    (r"european union", "eu"),
)]

_RU_ENDINGS = sorted(
    ["ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ой", "ей", "ий",
     "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев",
     "ия", "ие", "ии", "ию", "ья", "ье", "ьи", "ью", "ой", "ей", "а", "я", "о", "е", "ы", "и",
     "у", "ю", "ь", "й"],
    key=len,
    reverse=True,
)


def fold(text: str) -> str:
    """Case, dashes, quotes, ``ё`` and white space folded; punctuation kept."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACE.sub(" ", text).strip()


def light(text: str) -> str:
    """The form two spellings of one canonical citation share (case, dashes, spacing)."""
    return re.sub(r"\s*-\s*", "-", fold(text)).strip(" .,;:\"")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer: Russian case endings and English plural ``s`` removed."""
    if _CYRILLIC.search(word):
        if len(word) <= 4:
            return word
        for ending in _RU_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


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


@lru_cache(maxsize=65536)
def key(text: str) -> Key:
    folded = fold(text)
    for pattern, abbreviation in _SPELLED_OUT:
        if pattern.search(folded):
            folded = pattern.sub(abbreviation, folded)
    numbers = tuple(dict.fromkeys(m.group().replace(",", ".") for m in _NUMBER.finditer(folded)))
    words: list[str] = []
    orgs: set[str] = set()
    for token in _WORD.findall(folded.replace("-", " ")):
        if any(ch.isdigit() for ch in token):
            letters = "".join(ch for ch in token if ch.isalpha())
            if letters and letters not in ORGANISATIONS:
                words.append(letters)
            elif letters:
                orgs.add(ORGANISATIONS[letters])
            continue
        if token in ORGANISATIONS:
            orgs.add(ORGANISATIONS[token])
        elif token not in STOP_WORDS and len(token) > 1:
            if token in ABBREVIATIONS:
                words.extend(ABBREVIATIONS[token])
                continue
            stemmed = stem(token)
            if stemmed not in GENERIC_STEMS:
                words.append(stemmed)
    if not words:  # "ISO 13606": the organisation is all the name has besides numbers
        words = sorted(orgs)
    return Key(" ".join(words), numbers, frozenset(orgs))


def words_key(text: str) -> str:
    """Stemmed words only: for party names, keys and titles.

    Dashes and quotes separate words anyway, so only case and ``ё`` need folding here (and
    compatibility forms, for the rare text that has them): cheap enough for every title.
    """
    folded = text.casefold().replace("ё", "е")
    if not folded.isascii() and not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded)
    return " ".join(stem(t) for t in _WORD.findall(folded) if t not in STOP_WORDS)
