"""The date forms of the road-map format, each read as the period it names."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from roadmap_check.i18n import DEFAULT, Msg, Value, foreign, msg, quoted, render
from roadmap_check.model import Vocabulary
from roadmap_check.normalize import StemIndex, stems

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
    """A date form read as the days it covers.

    ``kind``: ``date`` (a day, a month, a quarter, a half, a year or a range of years),
    ``ongoing`` (no end: "ongoing", "постоянно"), ``recurring`` (a deadline that comes back:
    "annually", "ежегодно"; no single due date) or ``from`` (a start with no end: "с 1 июля
    2023 года"). ``form``: for a date written otherwise than in a canonical form ("IV квартал
    2023 г."), the canonical form that says the same ("2023-Q4"); None for a canonical text,
    or where the format has no form for it. ``exact``: the canonical form says exactly what the
    text says (not so for "до 2025 года", which may mean before 2025 or by its end: it is read
    to the later, leniently).
    """

    start: dt.date | None
    end: dt.date | None
    text: str
    form: str | None = None
    kind: str = "date"
    exact: bool = True

    @property
    def ongoing(self) -> bool:
        """No end date: ongoing, recurring, or from a date on."""
        return self.end is None

    def as_start(self) -> Period:
        """The period as the start of an action: "from a date on" starts on that date."""
        if self.kind == "from" and self.start is not None:
            return self._replace(end=self.start, kind="date")
        return self


class DateError(ValueError):
    """Why a text is no accepted date; ``message`` is the key and arguments to say it."""

    def __init__(self, key: str, /, **values: Value) -> None:
        self.message: Msg = msg(key, **values)
        super().__init__(render(DEFAULT, *self.message))

    def again(self) -> DateError:
        """The same error as a new exception, to raise again (a reader keeps the errors of
        the texts it read) with a traceback and a context of its own."""
        error = DateError.__new__(DateError)
        error.message = self.message
        error.args = self.args
        return error


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month: the day before the next month's first (importing ``calendar``
    at every start-up for this one sum is not worth its time)."""
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@lru_cache(maxsize=1)
def builtin_ongoing() -> frozenset[str]:
    """The words of the built-in vocabulary that mean "no end date", case folded."""
    from roadmap_check.vocabulary import builtin

    return frozenset(" ".join(w.split()).casefold() for w in builtin().ongoing_words)


@lru_cache(maxsize=4096)
def parse(text: str, ongoing: frozenset[str] | None = None) -> Period:
    """Read one canonical date form (the format's own, as the JSON Schemas state them); raise
    DateError with a reason otherwise. ``ongoing``: the (case-folded) words that mean no end
    date, of a rule set's vocabulary; None: the built-in ones. ``read`` reads dates as
    drafters write them too."""
    raw = text.strip()
    if raw.casefold() in (builtin_ongoing() if ongoing is None else ongoing):
        return Period(None, None, raw, kind="ongoing")
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


def parse_date(text: str, reader: DateReader | None = None) -> dt.date:
    """A single day (for ``roadmap.date``), as drafters write it too; a period means its first
    day. ``reader``: that of a rule set's vocabulary (None: the built-in one)."""
    period = (reader or builtin_reader()).read(text)
    if period.start is None:
        raise DateError("date.not_a_day", raw=quoted(text.strip()))
    return period.start


# -- dates as drafters and officials write them ----------------------------------------------

MAX_DATE_LENGTH = 120  # characters: no date is written longer; a longer text is no date form
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_ROMAN_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# What follows the number of an ordinal: "4th", "2nd", "1-й", "2-е", "3-го", "2-м"
_ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th", "й", "е", "го", "м", "я", "ое", "ый", "ий",
                              "ой", "ого", "ом"))
_PUNCTUATION = frozenset(".,;:")
_CACHED = 65536


def _tokens(text: str) -> list[str]:
    """Lower-case words, numbers and punctuation marks of a text (dashes one '-', ё as е)."""
    folded = text.translate(_DASHES).casefold().replace("ё", "е")
    return _TOKEN.findall(folded)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t for t in _tokens(text) if t not in _PUNCTUATION)


class DateReader:
    """Reads dates as the format writes them and as drafters and officials do, with the words
    of one vocabulary (``date_words``, ``ongoing_words``). Linear in the text, which is read
    only up to MAX_DATE_LENGTH characters; each distinct text is read once."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        words = dict(vocabulary.date_words)

        def single(key: str) -> frozenset[str]:
            return frozenset(p[0] for w in words.get(key, ()) if len(p := _phrase(w)) == 1)

        def phrases(key: str) -> list[tuple[str, ...]]:
            return [p for w in words.get(key, ()) if (p := _phrase(w))]

        self.ongoing = frozenset(" ".join(w.split()).casefold() for w in vocabulary.ongoing_words)
        self.months = {p: n for n in range(1, 13) for p in single(f"month.{n}")}
        self.ordinals = {p: n for n in range(1, 5) for p in single(f"ordinal.{n}")}
        self.quarter, self.half = single("quarter"), single("half")
        self.skip = single("year") | single("filler")
        self.to = single("to")
        # leading words: the longest first
        self.leading = sorted(((p, mode) for mode in ("by", "end", "from", "in")
                               for p in phrases(mode)), key=lambda pm: -len(pm[0]))
        self.recurring = StemIndex([pattern for entry in words.get("recurring", ())
                                    if (pattern := stems(entry, _tokens))])
        self._cache: dict[str, Period | DateError] = {}

    def read(self, text: str) -> Period:
        """The period a date text names; raise DateError with a reason otherwise. A text that
        is no date is read once too: the checks and the resolver ask of it again and again."""
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= _CACHED:
                self._cache.clear()
            try:
                found = self._cache[text] = self._read(text)
            except DateError as exc:
                self._cache[text] = exc.again()
                raise
        if isinstance(found, DateError):
            raise found.again()
        return found

    def _read(self, text: str) -> Period:
        raw = text.strip()
        if len(raw) > MAX_DATE_LENGTH:
            raise DateError("date.not_a_form", raw=quoted(raw[:40] + "…"))
        try:
            return parse(raw, self.ongoing)
        except DateError:
            if _FORMS.match(raw):  # a canonical form that is no real date ("2023-02-30")
                raise
        tokens = _tokens(raw)
        if self._recurs(tokens):
            return Period(None, None, raw, kind="recurring")
        mode = None
        for phrase, name in self.leading:
            if tuple(tokens[:len(phrase)]) == phrase:
                mode, tokens = name, tokens[len(phrase):]
                break
        core = self._core(tokens, raw)
        if core is None:
            raise DateError("date.not_a_form", raw=quoted(raw))
        start, end, form, is_range = core
        if mode == "from" and not is_range:
            return Period(start, None, raw, form, "from")
        exact = not (mode == "by" and start != end)
        return Period(start, end, raw, form, "date", exact)

    def _recurs(self, tokens: list[str]) -> bool:
        return self.recurring.first(tokens) is not None

    def _ordinal(self, tokens: list[str], i: int) -> tuple[int, int] | None:
        """The number 1-4 of an ordinal at ``tokens[i]`` and the index after it."""
        if i >= len(tokens):
            return None
        token = tokens[i]
        if token in _ROMAN_NUMBER:
            return _ROMAN_NUMBER[token], i + 1
        if token in self.ordinals:
            return self.ordinals[token], i + 1
        if token.isdigit() and len(token) == 1 and "1" <= token <= "4":
            j = i + 1
            if j < len(tokens) and tokens[j] == "-" and j + 1 < len(tokens) and \
                    tokens[j + 1] in _ORDINAL_ENDINGS:
                j += 2
            elif j < len(tokens) and tokens[j] in _ORDINAL_ENDINGS:
                j += 1
            return int(token), j
        return None

    def _core(self, tokens: list[str], raw: str
              ) -> tuple[dt.date, dt.date, str, bool] | None:
        """(start, end, canonical form, whether a range of years) of the date the tokens name."""
        while tokens and (tokens[-1] in _PUNCTUATION or tokens[-1] in self.skip):
            tokens = tokens[:-1]
        dotted = _dotted(tokens)
        if dotted is not None:
            return _day_or_month(*dotted, raw)
        tokens = [t for t in tokens if t not in _PUNCTUATION and t not in self.skip]
        n = len(tokens)
        if n == 0 or not _is_year(tokens[-1]):
            return None
        year = int(tokens[-1])
        head = tokens[:-1]
        if not head:
            return _year_range(year, year, raw)
        if len(head) == 2 and _is_year(head[0]) and (head[1] == "-" or head[1] in self.to):
            return _year_range(int(head[0]), year, raw)
        months = self.months
        if len(head) == 1 and head[0] in months:
            return _day_or_month(None, months[head[0]], year, raw)
        if len(head) == 2 and head[0].isdigit() and len(head[0]) <= 2 and head[1] in months:
            return _day_or_month(int(head[0]), months[head[1]], year, raw)
        if len(head) == 2 and head[0] in months and head[1].isdigit() and len(head[1]) <= 2:
            return _day_or_month(int(head[1]), months[head[0]], year, raw)
        for words, size, letter in ((self.quarter, 3, "Q"), (self.half, 6, "H")):
            if head[-1] in words:  # "IV квартал", "4th quarter", "второе полугодие"
                found = self._ordinal(head, 0)
                if found is not None and found[1] == len(head) - 1:
                    return _part(found[0], size, letter, year)
            if head[0] in words:  # "Q4", "quarter 4", "H2"
                found = self._ordinal(head, 1)
                if found is not None and found[1] == len(head):
                    return _part(found[0], size, letter, year)
        return None


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit()


def _dotted(tokens: list[str]) -> tuple[int | None, int, int] | None:
    """(day, month, year) of "31.12.2024" or (None, month, year) of "12.2024"."""
    digits = [t.isdigit() for t in tokens]
    if len(tokens) == 5 and digits == [True, False, True, False, True] and \
            tokens[1] == tokens[3] == "." and len(tokens[0]) <= 2 and len(tokens[2]) <= 2 \
            and _is_year(tokens[4]):
        return int(tokens[0]), int(tokens[2]), int(tokens[4])
    if len(tokens) == 3 and tokens[1] == "." and digits[0] and len(tokens[0]) <= 2 and \
            _is_year(tokens[2]):
        return None, int(tokens[0]), int(tokens[2])
    return None


def _real(raw: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError("date.not_real", raw=quoted(raw),
                        detail=foreign("pydate", str(exc))) from None


def _day_or_month(day: int | None, month: int, year: int,
                  raw: str) -> tuple[dt.date, dt.date, str, bool]:
    if day is None:
        first = _real(raw, year, month, 1)
        return first, _month_end(year, month), f"{year:04d}-{month:02d}", False
    found = _real(raw, year, month, day)
    return found, found, found.isoformat(), False


def _year_range(first: int, last: int, raw: str) -> tuple[dt.date, dt.date, str, bool]:
    if last < first:
        raise DateError("date.range_backwards", raw=quoted(raw))
    start, end = _real(raw, first, 1, 1), _real(raw, last, 12, 31)
    return start, end, str(first) if first == last else f"{first}-{last}", first != last


def _part(number: int, size: int, letter: str,
          year: int) -> tuple[dt.date, dt.date, str, bool] | None:
    """A quarter (size 3) or a half (size 6) of a year."""
    if (letter == "H" and number > 2) or year < 1:
        return None
    first_month = size * (number - 1) + 1
    return (dt.date(year, first_month, 1), _month_end(year, first_month + size - 1),
            f"{year}-{letter}{number}", False)


@lru_cache(maxsize=1)
def builtin_reader() -> DateReader:
    """The date reader of the built-in vocabulary."""
    from roadmap_check.vocabulary import builtin

    return DateReader(builtin())


def read(text: str) -> Period:
    """A date as the format writes it or as drafters do, with the built-in vocabulary."""
    return builtin_reader().read(text)


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
    if not match or raw.casefold() in builtin_ongoing():
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
    if raw.casefold() in builtin_ongoing():
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
