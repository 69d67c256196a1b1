"""Road maps where drafters keep them: tables in Word (.docx), Excel (.xlsx) and OpenDocument
(.odt, .ods) documents.

Read (``read``: the container checked, the tables found, each value at its cell), checked like
a YAML road map (``check``), converted both ways (``convert``) and handed back with the findings
as comments on their cells (``annotate``). Nothing here is imported by a YAML run: the engine
asks ``sniff`` (the first bytes only) and imports the rest when a file is one of these.
"""

from __future__ import annotations

_MAGICS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


# The names of Word, Excel and OpenDocument files: one so named is read as one (a file so named
# that is not one is told so, not read as YAML)
SUFFIXES = (".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx", ".odt", ".ods", ".doc", ".xls")


def named(display: str) -> bool:
    """Whether a file's name says it is a Word, Excel or OpenDocument document."""
    return display.lower().endswith(SUFFIXES)


def is_document(data: bytes, display: str) -> bool:
    """Whether a file is to be read as a document, by its first bytes or by its name (one so
    named that is no document is told so by the reader, never read as YAML nor fixed)."""
    return sniff(data) or named(display)


def sniff(data: bytes) -> bool:
    """Whether the bytes are a zip or an OLE2 file (a Word or Excel document, or an old or
    encrypted one): never YAML text."""
    return data[:8].startswith(_MAGICS)
