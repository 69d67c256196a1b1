"""Fix texts: a replacement value written the way its YAML scalar was written."""

from __future__ import annotations

import json
import re

from roadmap_check.findings import Fix
from roadmap_check.model import Text

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^$")


def yaml_scalar(value: str, style: str | None) -> str:
    """``value`` written the way the original scalar was written, quoting where needed."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style is None and not _PLAIN_UNSAFE.search(value) and "\n" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def replace_fix(text: Text, value: str, safe: bool = True) -> Fix | None:
    if text.style in ("|", ">") or not text.end_line:
        return None
    return Fix(text.line, text.column, text.end_line, text.end_column,
               yaml_scalar(value, text.style), safe)
