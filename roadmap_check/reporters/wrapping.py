"""Text wrapped to the terminal's width with a hanging indent, never inside a word.

A word is whatever has no space in it: an id (``cis-digital-interaction-agreement-2020``), a
path or a URL stays whole on its line even when it is wider than the terminal; hyphens are not
break points. No width (0 or None): nothing is wrapped.
"""

from __future__ import annotations

import textwrap

_ROOM = 20  # columns a continuation line keeps for its words, however deep the indent


def hang(first: str, text: str, width: int | None, indent: int) -> list[str]:
    """``first`` + ``text``, wrapped to ``width``; the lines after the first start with
    ``indent`` spaces (a hanging indent). ``first`` is kept whole on the first line."""
    if not width or len(first) + len(text) <= width:
        return [first + text]
    indent = min(indent, max(width - _ROOM, 2))  # a very narrow terminal: less indent
    wrapper = textwrap.TextWrapper(width=width, initial_indent=first,
                                   subsequent_indent=" " * indent, break_long_words=False,
                                   break_on_hyphens=False, drop_whitespace=True)
    return wrapper.wrap(text) or [first.rstrip()]
