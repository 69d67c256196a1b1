"""Patterns built from words a rule set or the vocabulary writes, never from regexes they write.

A term is a tuple of regex atoms (a literal character, a one-letter class, a run of letters
up to the end of a word, a gap between words); many terms are merged into one trie-shaped
pattern, so a text is scanned once however many terms there are. No atom can take what the
atom after it takes, so no pattern built here backtracks catastrophically.
"""

from __future__ import annotations

import re

_END = ""
# The letters a data file's words may have, spelled out (Latin, with its accented letters, and
# Cyrillic) rather than ``\w``: a JSON Schema states the same shapes with the same classes,
# and an editor's regex engine reads them as this one does.
LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff"


def wildcard_word(word: str, letter: str, rest: str) -> list[str]:
    """A word of a vocabulary pattern as atoms: ``?`` is ``letter`` (one), a final ``*`` is
    ``rest`` (the rest of the word), every other character itself."""
    body, star = (word[:-1], True) if word.endswith("*") else (word, False)
    atoms = [letter if char == "?" else re.escape(char) for char in body]
    if star:
        atoms.append(rest)
    return atoms


def trie_pattern(terms: list[tuple[str, ...]]) -> str:
    """The terms as one alternation, sharing their common beginnings."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for atoms in terms:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _render(trie)


def _render(root: dict) -> str:  # type: ignore[type-arg]
    """The trie as one pattern, built bottom-up without recursion (a term may be long).

    Literal branches come before wildcards; an ending term is the last choice (longest first).
    A node adds at most one group, so the nesting is at most the length of a term.
    """
    done: dict[int, str] = {}
    # (node, None, None): to be rendered once its branches are; (node, branches in order,
    # None): they are. Most nodes are one atom of one term, which renders as the atom and
    # what follows it: a run of them is one entry (its first node, its atoms, the node after
    # it), rendered at once when that node is.
    stack: list[tuple[dict, list[str] | None, dict | None]] = [  # type: ignore[type-arg]
        (root, None, None)]
    while stack:
        node, atoms, after = stack.pop()
        if atoms is None:
            first, run = node, []
            while len(node) == 1 and _END not in node:
                atom = next(iter(node))
                run.append(atom)
                node = node[atom]
            if run:
                stack.append((first, run, node))
                stack.append((node, None, None))
                continue
            atoms = [atom for atom in node if atom != _END]
            atoms.sort(key=_branch_order)
            stack.append((node, atoms, None))
            stack.extend((node[atom], None, None) for atom in atoms)
            continue
        if after is not None:
            done[id(node)] = "".join(atoms) + done.pop(id(after))
            continue
        branches = [atom + done.pop(id(node[atom])) for atom in atoms]
        body = "|".join(branches)
        if _END in node and branches:
            body = "(?:" + body + ")?"
        elif len(branches) > 1:
            body = "(?:" + body + ")"
        done[id(node)] = body
    return done[id(root)]


def _branch_order(atom: str) -> tuple[bool, str]:
    return atom.startswith(("\\w", "(?:")), atom
