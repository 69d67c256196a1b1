"""Fuzzy matching of names: the only module that imports rapidfuzz, and only on first use
(its import takes about 8 ms of processor time, measured, and a road map whose names all
match never needs it)."""

from __future__ import annotations

from typing import Any


def scorers() -> tuple[Any, Any]:
    """rapidfuzz's ``fuzz`` and ``process``, imported on first use."""
    from rapidfuzz import fuzz, process

    return fuzz, process


def closest_key(name: str, options: tuple[str, ...] | list[str], cutoff: float = 70) -> str | None:
    """The closest known key or code to a misspelt one, or None."""
    fuzz, process = scorers()
    folded = {option.casefold(): option for option in options}
    best = process.extractOne(name.casefold(), list(folded), scorer=fuzz.ratio,
                              score_cutoff=cutoff)
    return folded[best[0]] if best else None


def misspelt(form: str, known: str) -> bool:
    """Whether a name is a misspelling of a known one, not a name of its own: word for word
    (in any order) each is a close spelling of one of the other's ("Tadjikistan",
    "Межпарламенская"), so "Council of Heads of State" is no misspelling of "... of Government"."""
    from rapidfuzz.fuzz import ratio

    mine, theirs = form.split(), known.split()
    if len(mine) != len(theirs):
        return False
    left = list(theirs)
    for word in mine:
        best = max(left, key=lambda other: ratio(word, other))
        if ratio(word, best) < 75:
            return False
        left.remove(best)
    return True


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 100, their words in any order (near-duplicate items)."""
    from rapidfuzz.fuzz import token_sort_ratio

    return float(token_sort_ratio(a, b))
