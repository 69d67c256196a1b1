"""The road map's own fields (id, title, date, period, ...) of a Word or Excel document.

In order, the first that gives a field wins: ``--roadmap-field KEY=VALUE``; a labelled value
(a row "Дата | 9 сентября 2021 г." of a header sheet, a line "Период реализации: 2022–2025
годы" before the table); what the paragraphs before the table say (the title: a title-styled
paragraph, else one that starts with "Дорожная карта", "Road map", "План мероприятий" ...,
with the lines that continue it; the date: the first day written in words or digits, "Минск,
9 сентября 2021 г."; the period: two years joined by a dash in the title); the document's
properties (its title); the file's name (the id).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from roadmap_check.i18n import t
from roadmap_check.langs import LANGS
from roadmap_check.model import Roadmap, Text
from roadmap_check.office.vocab import Vocabulary, normal

_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–—]|\s(?:по|to)\s)\s*((?:19|20)\d\d)\b")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_LABELLED = re.compile(r"^\s*([^:]{2,40}?)\s*:\s*(.+?)\s*$", re.S)


@dataclass
class Line:
    """A paragraph (or a row) before the table, where it is."""

    text: str
    at: tuple[int, int]
    style: str = ""


@dataclass
class Sources:
    lines: list[Line] = field(default_factory=list)          # before the table, in order
    labelled: dict[str, Text] = field(default_factory=dict)  # field -> value (header sheet)
    properties: dict[str, str] = field(default_factory=dict)  # the document's properties
    options: dict[str, str] = field(default_factory=dict)    # --roadmap-field
    stem: str = ""


def _months() -> dict[str, int]:
    return {t(lang, f"office.month.{n}").lower(): n for lang in LANGS for n in range(1, 13)}


def day_in(text: str) -> str | None:
    """The first day a text writes (in words, dotted or ISO), as ``2021-09-09``."""
    months = _months()
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    bare = text.replace("«", "").replace("»", "").replace('"', "")
    found = [(m.start(), int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
             for m in re.finditer(rf"\b(\d{{1,2}})\s+({names})\s+(\d{{4}})", bare, re.I)]
    found += [(m.start(), int(m.group(3)), months[m.group(1).lower()], int(m.group(2)))
              for m in re.finditer(rf"\b({names})\s+(\d{{1,2}}),?\s+(\d{{4}})", bare, re.I)]
    found += [(m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
              for m in _DOTTED.finditer(bare)]
    found += [(m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
              for m in _ISO.finditer(bare)]
    for _, year, month, day in sorted(found):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def say_day(iso: str, lang: str) -> str | None:
    """``2021-09-09`` as a line of a document: "9 сентября 2021 г.", "9 September 2021"."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return t(lang, "office.date_line", day=str(day.day),
             month=t(lang, f"office.month.{day.month}"), year=str(day.year))


def period_in(text: str) -> str | None:
    found = _YEARS.search(text)
    return f"{found.group(1)}-{found.group(2)}" if found else None


def fill(roadmap: Roadmap, sources: Sources, vocab: Vocabulary, at: tuple[int, int]) -> None:
    """Set the road map's fields from the sources; ``at``: where a value that has no place
    of its own is said to be (the table's header)."""
    given: dict[str, Text] = {name: Text(value, *at, *at)
                              for name, value in sources.options.items()}
    labelled = dict(sources.labelled)
    free: list[Line] = []
    for line in sources.lines:
        found = _LABELLED.match(line.text)
        name = vocab.field(found.group(1)) if found else None
        if found and name is not None:
            labelled.setdefault(name, Text(found.group(2), *line.at, *line.at))
        else:
            free.append(line)
    values = {**_guessed(free, vocab), **labelled, **given}
    if "date" in values:
        day = day_in(values["date"].value)
        if day is not None:
            values["date"] = values["date"]._replace(value=day)
    if "period" in values:
        years = period_in(values["period"].value)
        if years is not None and not re.fullmatch(r"\d{4}-\d{4}", values["period"].value):
            values["period"] = values["period"]._replace(value=years)
    if "title" not in values and sources.properties.get("title"):
        values["title"] = Text(sources.properties["title"], *at, *at)
    if "id" not in values and sources.stem:
        values["id"] = Text(sources.stem, *at, *at)
    for name in ("id", "title", "version", "status", "date", "period", "language", "ruleset"):
        if name in values:
            setattr(roadmap, name, values[name])
    if "requires" in values:
        text = values["requires"]
        roadmap.requires = [text._replace(value=v.strip())
                            for v in re.split(r"[,;\n]+", text.value) if v.strip()]


def _guessed(lines: list[Line], vocab: Vocabulary) -> dict[str, Text]:
    """The title, date and period the paragraphs before the table say."""
    out: dict[str, Text] = {}
    texts = [line for line in lines if line.text.strip()]
    start = next((n for n, line in enumerate(texts)
                  if normal(line.style) in ("title", "заголовок")), None)
    if start is None:
        start = next((n for n, line in enumerate(texts)
                      if any(normal(line.text).startswith(w) for w in vocab.title_words)), None)
    if start is not None:
        parts = [texts[start]]
        for line in texts[start + 1:start + 4]:
            if day_in(line.text) or _LABELLED.match(line.text) or len(parts) >= 3:
                break
            if len(" ".join(p.text for p in parts)) > 60 and not line.text[:1].islower():
                break
            parts.append(line)
        title = " ".join(" ".join(p.text.split()) for p in parts)
        out["title"] = Text(title, *parts[0].at, *parts[0].at)
        years = period_in(title)
        if years:
            out["period"] = Text(years, *parts[0].at, *parts[0].at)
    for line in texts:
        day = day_in(line.text)
        if day is not None and (start is None or line is not texts[start]):
            out["date"] = Text(day, *line.at, *line.at)
            break
    return out
