"""What a citation says: the specifics a fix must keep for it to be safe.

A fix that rewrites a citation or a name (the canonical title of a framework, the closest
party) is safe only if the new text says everything the old one said:

- every number, as a code with its letters ("ICD-10", "F.780.2", "R4", "WHA58.28"), a part or
  member ("13606-1"), an edition ("(11/2019)", ":2019") or a year ("2030", "2020-2025" is two
  years), Roman numerals ("Part II") read as numbers;
- without widening it: "ICD-10" is not kept by "ICD-10 / ICD-11", nor "F.780.2" by a title that
  lists F.780.1, F.780.2 and F.780.3 (another member of the same code, beside it, is an
  alternative the drafter did not write);
- every organisation it names ("WHO", "ВОЗ", "World Health Organization", "ITU-T"...), as the
  vocabulary knows them (its ``organisations``).

The new text may say more (a period, a title written out): that is no loss. Pure string work,
linear in the length of the texts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from roadmap_check.normalize import Normalizer

# A code: letters joined to the number ("ICD-10", "F.780.2", "R4", "WHA58.28", "Н.860"), or a
# bare number; its chain of numbers joined by '.', '-', '/' or ':'; letters after it (an
# ordinal's "nd", "го").
_CODE = re.compile(r"(?<![^\W_])(?:(?P<prefix>[^\W\d_]{1,8})[.\-]?(?=\d))?"
                   r"(?P<chain>\d+(?:[.\-/:]\d+)*)(?P<tail>[^\W\d_]*)")
_ROMAN = re.compile(r"(?<![^\W_])(?P<roman>[IVX]{1,6})(?![^\W_])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_WORD = re.compile(r"[^\W_]+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58"
                                          "\ufe63\uff0d"})
# Cyrillic letters that look like Latin ones: a code typed on a Russian keyboard ("Н.860").
_TWINS = str.maketrans("авекмнорстхуі", "abekmhopctxyi")
_CYRILLIC_TWINS = frozenset("авекмнорстхуі")
_YEAR = re.compile(r"(?:19|20)\d\d")


class Atom(NamedTuple):
    """One number of a text: the letters it is joined to ('' for none), its parts, and how it
    was written."""

    prefix: str
    parts: tuple[str, ...]
    written: str


class Said(NamedTuple):
    atoms: tuple[Atom, ...]
    orgs: frozenset[str]
    org_names: tuple[tuple[str, str], ...]   # (organisation, as written), first of each


def _prefix(letters: str) -> str:
    folded = letters.casefold()
    if folded and all(ch in _CYRILLIC_TWINS for ch in folded):
        return folded.translate(_TWINS)
    return folded


def _roman(text: str) -> int | None:
    total, last = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total += -value if value < last else value
        last = max(last, value)
    return total if 0 < total < 40 else None


def atoms(text: str) -> tuple[Atom, ...]:
    """The numbers a text says (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    found: list[Atom] = []
    for match in _CODE.finditer(text):
        letters, chain, tail = match.group("prefix") or "", match.group("chain"), \
            match.group("tail")
        if letters and tail and chain.isdigit():
            continue  # digits inside a word ("GS4DH" is a name): no number of their own
        prefix = _prefix(letters)
        for piece in chain.split(":"):
            if "/" in piece:
                found.append(Atom(prefix, (_strip(piece),), piece))
                continue
            numbers = tuple(_strip(p) for p in re.split(r"[.\-]", piece))
            if len(numbers) == 2 and "-" in piece and all(_YEAR.fullmatch(n) for n in numbers):
                found.extend(Atom("", (n,), n) for n in numbers)  # a range of years
                continue
            found.append(Atom(prefix, numbers, piece if not letters else match.group(0)))
            prefix = ""  # ":2019" after "13606-1" is an edition year of its own
    for match in _ROMAN.finditer(unicodedata.normalize("NFKC", text)):
        value = _roman(match.group("roman"))
        if value is not None:
            found.append(Atom("", (str(value),), match.group("roman")))
    return tuple(found)


def _strip(number: str) -> str:
    return "/".join(p.lstrip("0") or "0" for p in number.split("/"))


def _orgs(normalizer: Normalizer, text: str) -> tuple[tuple[str, str], ...]:
    """The organisations a text names, each with the first way it is written."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(_DASHES)
                    .casefold().replace("ё", "е"))
    named: dict[str, str] = {}
    rest, spelled = normalizer.spelled.read(folded)
    for org in sorted(spelled):
        named.setdefault(org, org.upper())
    known = normalizer.organisations
    for word in _WORD.findall(rest):
        short = known.get(word)
        if short is not None:
            named.setdefault(short, word.upper())
    return tuple(named.items())


@lru_cache(maxsize=4096)
def said(normalizer: Normalizer, text: str) -> Said:
    names = _orgs(normalizer, text)
    return Said(atoms(text), frozenset(org for org, _ in names), names)


@lru_cache(maxsize=8192)  # a draft repeats its citations, and a fix each time
def lost(normalizer: Normalizer, old: str, new: str) -> tuple[str, ...]:
    """What ``old`` says that ``new`` does not, or says only among alternatives, as ``old``
    writes it (empty: ``new`` keeps everything, a fix from one to the other is safe).

    A number is kept when ``new`` has it with the same letters, or with other letters where the
    number alone is distinctive (a chain of parts, or three digits and more: "ВАЗ58.28" is
    "WHA58.28"); it is widened when ``new`` names, beside it, another member of the same code
    that ``old`` does not name ("ICD-11" beside "ICD-10", "F.780.1" beside "F.780.2"); a bare
    number ("2030") has no such siblings."""
    if old == new:
        return ()
    before, after = said(normalizer, old), said(normalizer, new)
    prefixes: dict[tuple[str, ...], set[str]] = {}
    for atom in after.atoms:
        prefixes.setdefault(atom.parts, set()).add(atom.prefix)
    written = {(a.prefix, a.parts) for a in before.atoms}
    # the members of each code ``new`` names that ``old`` does not: (prefix, length, head)
    extra: set[tuple[str, int, tuple[str, ...]]] = set()
    for atom in after.atoms:
        if (atom.prefix or len(atom.parts) > 1) and (atom.prefix, atom.parts) not in written:
            extra.add((atom.prefix, len(atom.parts), atom.parts[:-1]))
    out: dict[str, None] = {}
    for atom in before.atoms:
        found = prefixes.get(atom.parts, set())
        distinctive = len(atom.parts) > 1 or len(atom.parts[0]) >= 3
        kept = atom.prefix in found or (bool(found) and (distinctive or not atom.prefix
                                                         or "" in found))
        widened = (atom.prefix or len(atom.parts) > 1) and \
            (atom.prefix, len(atom.parts), atom.parts[:-1]) in extra
        if not kept or widened:
            out.setdefault(atom.written)
    for org, name in before.org_names:
        if org not in after.orgs:
            out.setdefault(name)
    return tuple(out)


def keeps(normalizer: Normalizer, old: str, new: str) -> bool:
    return not lost(normalizer, old, new)
