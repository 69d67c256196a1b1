"""The words of road-map tables: column headers and field labels (``columns.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ITEM_FIELDS = ("id", "title", "description", "section", "responsible", "participants",
               "start", "deadline", "outcome", "indicators", "depends_on", "cites", "waivers")
IGNORE = "ignore"   # a column named to be left out (``--column "Примечание=ignore"``)
ROADMAP_FIELDS = ("id", "title", "date", "period", "language", "ruleset", "status", "version",
                  "requires")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PUNCT = re.compile(r"[^\w№/#+-]+")


def normal(text: str) -> str:
    """A header as compared: lower case, 'ё' as 'е', no parentheses, punctuation as spaces."""
    bare = _PARENS.sub(" ", text.lower().replace("ё", "е"))
    return " ".join(_PUNCT.sub(" ", bare).replace("_", " ").split())


@dataclass(frozen=True)
class Vocabulary:
    columns: dict[str, str]       # normalised header -> item field
    fields: dict[str, str]        # normalised label -> road-map field
    title_words: tuple[str, ...]  # normalised

    def column(self, header: str, explicit: dict[str, str]) -> str | None:
        """The field a header names: given explicitly, else a known variant, else one the
        header starts with (the longest)."""
        key = normal(header)
        if key in explicit:
            return explicit[key]
        return _lookup(key, self.columns)

    def field(self, label: str) -> str | None:
        return _lookup(normal(label), self.fields, prefix=False)


def _lookup(key: str, table: dict[str, str], prefix: bool = True) -> str | None:
    found = table.get(key)
    if found is not None or not key or not prefix:
        return found
    best = max((v for v in table if key.startswith(v + " ")), key=len, default=None)
    return table[best] if best is not None else None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from roadmap_check.yaml_io import load_data

    data = load_data((resources.files("roadmap_check.office") / "columns.yaml")
                     .read_text(encoding="utf-8"))
    columns = {normal(v): name for name, variants in data["columns"].items() for v in variants}
    fields = {normal(v): name for name, variants in data["fields"].items() for v in variants}
    return Vocabulary(columns, fields, tuple(normal(w) for w in data["title_words"]))


def explicit_columns(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """``--column`` / ``columns`` pairs (header, field) as the vocabulary compares them."""
    return {normal(header): field for header, field in pairs}


def parse_columns(specs: list[str]) -> tuple[tuple[str, str], ...]:
    """``--column "HEADER=FIELD"`` options: (header, field) pairs; a bad one is an error."""
    from roadmap_check.errors import RoadmapCheckError

    out = []
    for spec in specs:
        header, sep, name = spec.rpartition("=")
        name = name.strip()
        if not sep or not header.strip() or name not in (*ITEM_FIELDS, IGNORE):
            raise RoadmapCheckError.of("error.column_spec", spec=repr(spec),
                                       fields=", ".join((*ITEM_FIELDS, IGNORE)))
        out.append((header.strip(), name))
    return tuple(out)


def parse_fields(specs: list[str]) -> tuple[tuple[str, str], ...]:
    """``--roadmap-field KEY=VALUE`` options: (field, value) pairs; a bad one is an error."""
    from roadmap_check.errors import RoadmapCheckError

    out = []
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep or name.strip() not in ROADMAP_FIELDS or not value.strip():
            raise RoadmapCheckError.of("error.roadmap_field_spec", spec=repr(spec),
                                       fields=", ".join(ROADMAP_FIELDS))
        out.append((name.strip(), value.strip()))
    return tuple(out)
