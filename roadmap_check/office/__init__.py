"""Road maps where drafters keep them: tables in Word (.docx), Excel (.xlsx) and OpenDocument
(.odt, .ods) documents.

Read (``read``: the container checked, the tables found, each value at its cell), checked like
a YAML road map (``check``), converted both ways (``convert``) and handed back with the findings
as comments on their cells (``annotate``). Nothing here is imported by a YAML run: the engine
asks ``sniff`` (the first bytes only) and imports the rest when a file is one of these.
"""

from __future__ import annotations

_MAGICS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def sniff(data: bytes) -> bool:
    """Whether the bytes are a zip or an OLE2 file (a Word or Excel document, or an old or
    encrypted one): never YAML text."""
    return data[:8].startswith(_MAGICS)
