"""The parts of a citation that are no framework's name: the provision it cites, with the
marker before the provision's id ("разд. IV", "Article 6(b)"), and the clause that says what
approved the document."""

from __future__ import annotations

import re

from roadmap_check.normalize import has_cyrillic
from roadmap_check.patterns import wildcard_word

# A citation (or a party's name) longer than this is none anyone wrote (the longest title of a
# framework is a few hundred characters): it is not matched, but reported as it is.
MAX_CITATION_LENGTH = 1_000
# A provision's id after its marker: a number, Roman or Arabic, with its sub-numbers and a
# sub-point's letter ("6.1", "IV", "6(b)"), or a sub-point's letter alone ("b)", «б»).
PROVISION_ID = (r"(?P<pid>(?:[IVXLC]+|\d+(?:\.\d+)*)(?:\s*(?:\(\s*)?[a-zа-я]\s*\))?"
                r"|\(?[a-zа-я]\)|[«\"'][a-zа-я][»\"'])")
# Sub-points lettered in Russian order (а, б, в ... are a, b, c ...), and the Cyrillic twins of
# Roman numerals (І, Х, С).
_CYR_LATIN = str.maketrans("абвгдежзіхс", "abcdefghixc")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_ARABIC = {str(v): k for k, v in _ROMAN.items()}


def _strip_end(text: str) -> str:
    """``text`` without its trailing spaces and dots (a loop: ``[\\s.]+$`` is quadratic)."""
    end = len(text)
    while end and (text[end - 1] == "." or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def provision_form(pid: str) -> set[str]:
    """The forms under which a provision id is looked up (roman and arabic alike)."""
    core = _strip_end(pid.strip().casefold().translate(_CYR_LATIN))
    core = re.sub(r"\s+", "", core).replace("(", "(").strip()
    core = re.sub(r"^(\d+|[ivxlc]+)([a-h])$", r"\1(\2)", core)
    forms = {core}
    head = re.match(r"^([ivxlc]+|\d+)(.*)$", core)
    if head:
        number, rest = head.groups()
        if number in _ROMAN:
            forms.add(f"{_ROMAN[number]}{rest}")
        if number in _ARABIC:
            forms.add(f"{_ARABIC[number]}{rest}")
    return forms


def marker_atoms(marker: str, vocabulary: bool = True) -> tuple[str, ...]:
    """A provision marker as pattern atoms. A marker of the vocabulary may have wildcards: they
    take letters of the marker's own alphabet only, up to the end of its word, so they never
    take the provision id after it (digits, Latin numerals after a Russian word), and no two
    quantifiers of the marker pattern can take the same characters in turn. A framework's
    markers are literal text."""
    if not vocabulary:
        return tuple(re.escape(char) for char in marker)
    letters = "[а-яё]" if has_cyrillic(marker) else "[a-z]"
    atoms: list[str] = []
    for index, word in enumerate(marker.split()):
        if index:
            atoms.append(r"\s+")
        atoms.extend(wildcard_word(word, letters, f"{letters}*(?!{letters})"))
    return tuple(atoms)


# What approved or adopted the document, written after its name: "..., утвержденная решением
# Совета глав правительств СНГ от 25 октября 2019 года", "(принято 19 ноября 2010 года)",
# "approved by the CIS Council of Heads of Government on 25 October 2019". It names the act and
# the body, not the document: a framework is matched without it (and a recognisable act in it
# does not make the citation a reference outside the rule set).
_APPROVAL = re.compile(
    r"\s{0,3}[,;(]?\s{0,3}(?<!\w)(?:утвержд[её]н\w{0,4}|одобрен\w{0,4}|принят[аоы]?|"
    r"принят(?:ая|ое|ый|ые|ой|ым|ую)|approved|adopted|endorsed)(?!\w).*$",
    re.IGNORECASE | re.DOTALL)


def approval(text: str) -> tuple[str, str]:
    """The citation without the clause that says what approved it, and the clause as written
    (empty when there is none)."""
    found = _APPROVAL.search(text)
    if found is None or not text[:found.start()].strip():
        return text, ""
    return text[:found.start()].rstrip(), text[found.start():]
