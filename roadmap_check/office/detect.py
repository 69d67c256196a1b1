"""Whether a .docx or .xlsx in a walked folder holds a road-map table: a cheap sniff.

Only the zip's directory and the first ``SNIFF_BYTES`` of the part that would hold the table
(the document's body, the workbook's shared strings or first sheet) are read: never the whole
file. A file that is not a readable zip (damaged, encrypted, an old .doc renamed) is kept: it
is reported when it is read (RM001), so the drafter learns why it was not checked.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

SNIFF_BYTES = 4 * 2**20
_TABLE_WORDS = ("мероприят", "action", "activit", "measure", "task", "задач")
_OTHER_WORDS = ("срок", "deadline", "timeline", "due", "исполнител", "responsible", "основани",
                "reference", "basis")


def _head(archive: zipfile.ZipFile, name: str) -> str:
    """The start of a part as text (character references, as openpyxl writes Cyrillic, read)."""
    with archive.open(name) as stream:
        return html.unescape(stream.read(SNIFF_BYTES).decode("utf-8", "ignore")).lower()


def holds_roadmap(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                head = _head(archive, "word/document.xml")
                if "<w:tbl" not in head and ":tbl>" not in head:
                    return False
            elif "xl/workbook.xml" in names:
                parts = sorted(n for n in names if n.startswith("xl/worksheets/sheet"))
                head = _head(archive, "xl/sharedStrings.xml") if "xl/sharedStrings.xml" in \
                    names else (_head(archive, parts[0]) if parts else "")
            elif "content.xml" in names and "mimetype" in names:  # OpenDocument
                head = _head(archive, "content.xml")
                if "<table:table" not in head:
                    return False
            else:
                return False
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError,
            NotImplementedError):
        return True
    return any(w in head for w in _TABLE_WORDS) and any(w in head for w in _OTHER_WORDS)
