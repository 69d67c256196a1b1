"""Fix text: a new value for one scalar, written so that YAML reads back exactly that value.

The drafter's quoting is kept where YAML allows it: a plain scalar stays plain unless the value
would be read otherwise there (an indicator in front, ``: `` or `` #`` inside, flow punctuation
inside a flow collection, a number, a date, a boolean, null), a single-quoted one stays single-
quoted unless the value needs an escape; anything else is double-quoted, on one line. The rules
are YAML's, not a loader's: the same text is written whichever loader read the file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from roadmap_check.findings import Fix
from roadmap_check.model import Text
from roadmap_check.normalize import Normalizer
from roadmap_check.yaml_io import plain_reads_as_text

# Characters a single-line scalar cannot hold as they are: those outside YAML's printable set,
# tab, line breaks (NEL, LS and PS too) and the byte-order mark. Written as the few ranges they
# are, not as the complement of the printable ranges (which costs 3 ms to compile, every run).
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_PLAIN_INSIDE = re.compile(r": | #|:$| $|^\.\.\.")
_FLOW_INSIDE = re.compile(r"[,?\[\]{}:]")
_ESCAPES = {"\x00": "\\0", "\x07": "\\a", "\x08": "\\b", "\t": "\\t", "\n": "\\n",
            "\x0b": "\\v", "\x0c": "\\f", "\r": "\\r", "\x1b": "\\e", "\x85": "\\N",
            "\u2028": "\\L", "\u2029": "\\P", '"': '\\"', "\\": "\\\\"}
_DOUBLE_ESCAPE = re.compile('["\\\\]|' + _NEEDS_ESCAPE.pattern)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    found = _ESCAPES.get(char)
    if found is not None:
        return found
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def double_quoted(value: str) -> str:
    return '"' + _DOUBLE_ESCAPE.sub(_escape, value) + '"'


def plain_ok(value: str, flow: bool) -> bool:
    """Whether ``value`` written plain reads back as this text, in a flow context or not."""
    return bool(value) and value[0] not in _PLAIN_START \
        and not _NEEDS_ESCAPE.search(value) and not _PLAIN_INSIDE.search(value) \
        and not (flow and _FLOW_INSIDE.search(value)) and plain_reads_as_text(value)


@lru_cache(maxsize=8192)  # a draft's fixes write the same few values again and again
def yaml_scalar(value: str, style: str | None, flow: bool = False) -> str:
    """``value`` written the way the original scalar was written, quoting where needed.

    ``style`` is the original's (None: plain, ``'`` or ``"``); ``flow``: it stands inside a
    flow collection (``[...]`` or ``{...}``), where ``,``, ``[``, ``]``, ``{``, ``}``, ``?`` and
    ``:`` end a plain scalar.
    """
    if style is None and plain_ok(value, flow):
        return value
    if style == "'" and not _NEEDS_ESCAPE.search(value):
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


_new = tuple.__new__


def replace_fix(text: Text, value: str, safe: bool = True) -> Fix | None:
    """A fix giving the scalar ``text`` the value ``value``; none for block scalars.
    ``safe``: the new value says everything the old one said."""
    if text.style in ("|", ">") or not text.end_line:
        return None
    # built positionally: a large draft makes a fix for tens of thousands of findings
    return _new(Fix, (text.line, text.column, text.end_line, text.end_column,
                      yaml_scalar(value, text.style, text.flow), value, safe, ()))


def rewrite_fix(normalizer: Normalizer, text: Text, value: str,
                means: str | None = None) -> Fix | None:
    """A fix rewriting what a citation or a name says (``replace_fix``), safe only if the new
    value keeps every specific of the old one (``meaning.lost``: numbers, editions, parts and
    series members, organisations, periods); otherwise unsafe, saying what it loses.
    ``means``: what the new value stands for, where it is no text of its own (a framework
    id stands for the framework: its titles and its group)."""
    if text.style in ("|", ">") or not text.end_line:
        return None
    # imported here: a draft with nothing to rewrite (a clean one) needs none of it (0.7 ms
    # of a 20-item check, with its patterns, measured)
    from roadmap_check import meaning

    loses = meaning.lost(normalizer, text.value, value if means is None else means)
    return _new(Fix, (text.line, text.column, text.end_line, text.end_column,
                      yaml_scalar(value, text.style, text.flow), value, not loses, loses))
