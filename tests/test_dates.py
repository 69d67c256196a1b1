"""The date forms of FORMAT.md, each read as the period it names (a deadline is its end)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_check import dates

D = dt.date
FUZZ = settings(max_examples=200, deadline=None)
DATES = st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31))


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2023-06-30", D(2023, 6, 30), D(2023, 6, 30)),
    ("2023-06", D(2023, 6, 1), D(2023, 6, 30)),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2023-12", D(2023, 12, 1), D(2023, 12, 31)),
    ("2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31)),
    ("2023-Q2", D(2023, 4, 1), D(2023, 6, 30)),
    ("2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("2023-Q4", D(2023, 10, 1), D(2023, 12, 31)),
    ("2023-q2", D(2023, 4, 1), D(2023, 6, 30)),
    ("2023-H1", D(2023, 1, 1), D(2023, 6, 30)),
    ("2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
    ("2022-2023", D(2022, 1, 1), D(2023, 12, 31)),
    ("2022\u20132023", D(2022, 1, 1), D(2023, 12, 31)),
    ("2022 \u2013 2023", D(2022, 1, 1), D(2023, 12, 31)),
    ("2023-2023", D(2023, 1, 1), D(2023, 12, 31)),
    (" 2023-Q2 ", D(2023, 4, 1), D(2023, 6, 30)),
])
def test_accepted_form_and_its_period(text: str, start: dt.date, end: dt.date) -> None:
    period = dates.parse(text)
    assert (period.start, period.end) == (start, end)
    assert not period.ongoing


@pytest.mark.parametrize("text", ["ongoing", "Ongoing", "постоянно", "Постоянно"])
def test_ongoing_has_no_deadline(text: str) -> None:
    period = dates.parse(text)
    assert period.ongoing
    assert period.end is None


@pytest.mark.parametrize("text", [
    "2023-13", "2023-00", "2023-02-30", "2023-06-31", "2021-02-29", "2023-Q5", "2023-Q0",
    "2023-H3", "2023-H0", "2025-2022", "23-06", "2023/06", "06.2023", "Q2 2023", "2023-Q2-1",
    "soon", "", "   ", "2023-06-30T10:00", "20230", "2023 year",
])
def test_rejected(text: str) -> None:
    with pytest.raises(dates.DateError):
        dates.parse(text)


def test_a_real_date_is_required_with_a_reason() -> None:
    with pytest.raises(dates.DateError, match="not a real date"):
        dates.parse("2023-02-30")
    with pytest.raises(dates.DateError, match="ends before it starts"):
        dates.parse("2025-2022")


@FUZZ
@given(DATES)
def test_every_real_day_round_trips(day: dt.date) -> None:
    period = dates.parse(day.isoformat())
    assert period.start == period.end == day
    assert dates.parse_date(day.isoformat()) == day


@FUZZ
@given(DATES)
def test_every_coarser_form_covers_the_day(day: dt.date) -> None:
    quarter, half = (day.month - 1) // 3 + 1, (day.month - 1) // 6 + 1
    forms = [f"{day.year}-{day.month:02d}", f"{day.year}", f"{day.year}-Q{quarter}",
             f"{day.year}-H{half}", f"{day.year}-{min(day.year + 1, 9999)}"]
    for text in forms:
        period = dates.parse(text)
        assert period.start is not None and period.end is not None
        assert period.start <= day <= period.end, text
        # The period ends on the last day of a month, and the next day starts a new period
        # (there is no next day after the last date Python has).
        if period.end < dt.date.max:
            assert (period.end + dt.timedelta(days=1)).day == 1


@FUZZ
@given(DATES, DATES)
def test_ranges_of_years(a: dt.date, b: dt.date) -> None:
    first, last = sorted((a.year, b.year))
    period = dates.parse(f"{first}-{last}")
    assert (period.start, period.end) == (D(first, 1, 1), D(last, 12, 31))
    if first != last:
        with pytest.raises(dates.DateError):
            dates.parse(f"{last}-{first}")


@FUZZ
@given(st.text(max_size=20))
def test_any_text_parses_or_raises_date_error(text: str) -> None:
    try:
        period = dates.parse(text)
    except dates.DateError:
        return
    assert period.ongoing or (period.start is not None and period.end is not None
                              and period.start <= period.end)


@pytest.mark.parametrize(("text", "better"), [
    ("Q2 2023", "2023-Q2"),
    ("q4 2024", "2024-Q4"),
    ("2 кв. 2023", "2023-Q2"),
    ("II квартал 2023 г.", "2023-Q2"),
    ("IV кв. 2022", "2022-Q4"),
    ("30.06.2023", "2023-06-30"),
    ("1.7.2023", "2023-07-01"),
    ("2023 г.", "2023"),
    ("2023 год", "2023"),
])
def test_common_other_spellings_are_read_with_the_accepted_form(text: str, better: str) -> None:
    period = dates.read(text)
    assert period.form == better and period.exact
    assert dates.parse(better)[:2] == period[:2]


@pytest.mark.parametrize("text", ["soon", "next year", "2023-13", "Q5 2023"])
def test_what_means_nothing_is_no_date(text: str) -> None:
    with pytest.raises(dates.DateError):
        dates.read(text)


@FUZZ
@given(DATES)
def test_dotted_days_read_as_the_iso_day(day: dt.date) -> None:
    assert dates.read(f"{day.day}.{day.month:02d}.{day.year}").form == day.isoformat()


@pytest.mark.parametrize("text", ["31.02.2023", "29.02.2023", "31.04.2024", "00.01.2024"])
def test_an_impossible_dotted_date_is_not_a_real_date(text: str) -> None:
    with pytest.raises(dates.DateError, match="not a real date"):
        dates.read(text)


def test_a_text_that_is_no_date_raises_each_time_it_is_read() -> None:
    """A reader keeps what it read, errors too; each read raises an error of its own."""
    from roadmap_check.vocabulary import builtin

    reader = dates.DateReader(builtin())
    raised = []
    for _ in range(2):
        with pytest.raises(dates.DateError) as caught:
            reader.read("2023-02-30")
        raised.append(caught.value)
    first, second = raised
    assert first is not second
    assert first.message == second.message and str(first) == str(second)
    assert first.message[0] == "date.not_real"
