"""Text from a road map, a rule set or a file name, made safe for the channel it goes to.

A road map is written by whoever opens a pull request, and what it says reaches terminals and
CI logs. Control characters there move the cursor, set window titles, hide or colour text
(ESC, OSC); a newline in a log starts a new line, and a line that begins with ``::`` (or
``##[``) is a GitHub Actions workflow command (``::add-mask::``, ``::error ...``). So every
user-controlled string is shown, never obeyed:

- ``printable``: control characters, bidirectional overrides, line separators and the bytes of
  an undecodable file name shown as visible escapes (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``);
  for the terminal, where a finding is one line.
- ``line``: one record of a log (standard error, a line of the terminal report): printable, and
  never the start of a workflow command.
- ``workflow_data``, ``workflow_property``: the message and the properties of a GitHub
  workflow command (line breaks in its own %0A escapes, the rest shown).

``ERRORS`` names a codec error handler for output streams and files: what the stream cannot
encode (Russian on a cp1252 pipe, the bytes of an undecodable file name) is written as
``\\uXXXX`` escapes, valid in JSON strings too, and the run goes on.
"""

from __future__ import annotations

import codecs
import re

# C0 and C1 controls, DEL, bidirectional marks and overrides, line and paragraph separators,
# and lone surrogates (an undecodable byte of a file name, by surrogateescape).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
_UNSAFE_IN_LINES = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f{_BEYOND_C0}]")  # but \n and \r
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COMMAND = re.compile(r"^(\s*)(::|##\[)")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """The text with every control character shown as an escape; nothing else changes."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_shown, text)


def line(text: str) -> str:
    """One line of a log: printable, and not a workflow command whatever it starts with."""
    shown = printable(text)
    return _COMMAND.sub(lambda m: m.group(1) + "\\x" + f"{ord(m.group(2)[0]):02x}"
                        + m.group(2)[1:], shown, count=1)


def workflow_data(text: str) -> str:
    """The message of a GitHub workflow command: control characters shown, and line breaks
    in the runner's own escapes (%0A: a line of the annotation, never a new command)."""
    if _UNSAFE_IN_LINES.search(text) is not None:
        text = _UNSAFE_IN_LINES.sub(_shown, text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value (``file=...``, ``title=...``) of a GitHub workflow command."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


ERRORS = "roadmap-check-escape"


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:  # a pair of \u escapes, as JSON writes it
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(ERRORS, _escape_unencodable)
