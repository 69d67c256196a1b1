"""The languages roadmap-check speaks, named once."""

from __future__ import annotations

LANGS = ("en", "ru")
DEFAULT = "en"
