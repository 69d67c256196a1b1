"""The date forms of the road-map format, each read as the period it names."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from roadmap_check.i18n import DEFAULT, Msg, Value, foreign, msg, quoted, render

ONGOING_WORDS = frozenset({"ongoing", "постоянно", "continuous", "permanent", "на постоянной основе"})

_FORMS = re.compile(
    r"""^(?:
        (?P<y1>\d{4})\s*[-\u2010\u2011\u2012\u2013\u2014]\s*(?P<y2>\d{4})   # 2022-2023
      | (?P<y>\d{4})(?:-(?:
            (?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?                              # 2023-06, 2023-06-30
          | [Qq](?P<q>[1-4])                                                # 2023-Q2
          | [Hh](?P<h>[12])                                                 # 2023-H1
        ))?
    )$""",
    re.VERBOSE,
)


class Period(NamedTuple):
    """A date form read as the days it covers; ``ongoing`` has neither end."""

    start: dt.date | None
    end: dt.date | None
    text: str

    @property
    def ongoing(self) -> bool:
        return self.start is None


class DateError(ValueError):
    """Why a text is no accepted date; ``message`` is the key and arguments to say it."""

    def __init__(self, key: str, /, **values: Value) -> None:
        self.message: Msg = msg(key, **values)
        super().__init__(render(DEFAULT, *self.message))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def parse(text: str) -> Period:
    """Read one accepted date form; raise DateError with a reason otherwise."""
    raw = text.strip()
    if raw.casefold() in ONGOING_WORDS:
        return Period(None, None, raw)
    match = _FORMS.match(raw)
    if not match:
        raise DateError("date.not_a_form", raw=quoted(raw))
    groups = match.groupdict()
    try:
        if groups["y1"]:
            first, last = int(groups["y1"]), int(groups["y2"])
            if last < first:
                raise DateError("date.range_backwards", raw=quoted(raw))
            return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), raw)
        year = int(groups["y"])
        if groups["d"]:
            day = dt.date(year, int(groups["m"]), int(groups["d"]))
            return Period(day, day, raw)
        if groups["m"]:
            month = int(groups["m"])
            return Period(dt.date(year, month, 1), _month_end(year, month), raw)
        if groups["q"]:
            quarter = int(groups["q"])
            return Period(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), raw)
        if groups["h"]:
            half = int(groups["h"])
            return Period(dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), raw)
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), raw)
    except ValueError as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError("date.not_real", raw=quoted(raw), detail=foreign("pydate", str(exc))) from None


_RU_QUARTER = re.compile(
    r"^(?:(?P<n>[1-4]|I{1,3}|IV)\s*(?:-?й\s*)?(?:кв\.?|квартал[а]?))\s*(?P<y>\d{4})", re.I)
_EN_QUARTER = re.compile(r"^Q(?P<n>[1-4])\s*(?P<y>\d{4})$", re.I)
_DOTTED = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_YEAR_WORD = re.compile(r"^(?P<y>\d{4})\s*(?:г\.?|год[а]?|year)$", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def suggest(text: str) -> str | None:
    """The accepted form a common other spelling means, if it is one we recognise and it is a
    real date."""
    found = _suggest(text.strip())
    if found is None:
        return None
    try:
        parse(found)
    except DateError:
        return None
    return found


def _suggest(raw: str) -> str | None:
    for pattern in (_EN_QUARTER, _RU_QUARTER):
        match = pattern.match(raw)
        if match:
            n = match.group("n").upper()
            return f"{match.group('y')}-Q{_ROMAN.get(n, n)}"
    match = _DOTTED.match(raw)
    if match:
        return f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"
    match = _YEAR_WORD.match(raw)
    if match:
        return match.group("y")
    return None


def parse_date(text: str) -> dt.date:
    """A single day (for ``roadmap.date`` and waiver ``until``); a period means its first day."""
    period = parse(text)
    if period.start is None:
        raise DateError("date.not_a_day", raw=quoted(text.strip()))
    return period.start


# -- a date form said in a sentence -----------------------------------------------------------

_MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
               "сентябрь", "октябрь", "ноябрь", "декабрь")
_MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
               "сентября", "октября", "ноября", "декабря")
_MONTHS_LOC = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
               "сентябре", "октябре", "ноябре", "декабре")
_ROMAN_OF = ("", "I", "II", "III", "IV")
_NB = "\u00a0"  # a non-breaking space, before "г." and "года"


def spoken(text: str, case: str = "nom") -> dict[str, str]:
    """A date form of the file as a sentence says it: English as written; Russian in words,
    in a case: ``nom`` (in brackets, after a dash: "июнь 2027 г."), ``gen`` (after "до":
    "июня 2027 г.", "2025 года"), ``when`` (on its own: "в 2012 году", "12 сентября 2022 г.").
    A text that is no date form is given as it is."""
    return {"en": text, "ru": _russian(text.strip(), case)}


def tabled(text: str) -> dict[str, str]:
    """A date form as a table cell says it: English as written; Russian short, as in the
    column "Срок исполнения" ("31.12.2024", "июнь 2027 г.", "II кв. 2023 г.", "2021–2027 гг.")."""
    return {"en": text, "ru": _table(text.strip())}


def _table(raw: str) -> str:
    match = _FORMS.match(raw)
    if not match or raw.casefold() in ONGOING_WORDS:
        return _russian(raw, "nom")
    g = match.groupdict()
    if g["y1"]:
        return f"{g['y1']}\u2013{g['y2']}{_NB}гг."
    if g["d"]:
        return f"{int(g['d']):02d}.{int(g['m']):02d}.{g['y']}"
    if g["q"]:
        return f"{_ROMAN_OF[int(g['q'])]} кв. {g['y']}{_NB}г."
    if g["m"] or g["h"]:
        return _russian(raw, "nom")
    return f"{g['y']}{_NB}г."


def _russian(raw: str, case: str) -> str:
    if raw.casefold() in ONGOING_WORDS:
        return "постоянно"
    match = _FORMS.match(raw)
    if not match:
        return raw
    g = match.groupdict()
    if g["y1"]:
        years = f"{g['y1']}\u2013{g['y2']}"
        return {"nom": f"{years}{_NB}годы", "gen": f"{years}{_NB}годов",
                "when": f"в {years}{_NB}годах"}[case]
    year = g["y"]
    if g["d"]:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return raw
        return f"{int(g['d'])} {_MONTHS_GEN[month - 1]} {year}{_NB}г."
    if g["m"]:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return raw
        name = {"nom": _MONTHS_NOM, "gen": _MONTHS_GEN, "when": _MONTHS_LOC}[case][month - 1]
        return f"{'в ' if case == 'when' else ''}{name} {year}{_NB}г."
    if g["q"] or g["h"]:
        number = _ROMAN_OF[int(g["q"] or g["h"])]
        noun = {("q", "nom"): "квартал", ("q", "gen"): "конца {n} квартала",
                ("q", "when"): ("во" if number == "II" else "в") + " {n} квартале", ("h", "nom"): "полугодие",
                ("h", "gen"): "конца {n} полугодия", ("h", "when"): "в {n} полугодии"}
        form = noun[("q" if g["q"] else "h", case)]
        said = form.format(n=number) if "{n}" in form else f"{number} {form}"
        return f"{said} {year}{_NB}г."
    return {"nom": f"{year}{_NB}год", "gen": f"{year}{_NB}года", "when": f"в {year}{_NB}году"}[case]
