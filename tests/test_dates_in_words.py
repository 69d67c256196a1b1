"""Dates as drafters and officials write them (FORMAT.md, "Dates"; issue 9, item 1).

"December 2022", "IV квартал 2023 г.", "до 31 декабря 2024 г.", "31.12.2024" ... are read to
the period they name (a deadline is its end), with the canonical form that says the same; a
recurring deadline ("annually", "ежегодно") is a valid form with no single due date; "с 1 июля
2023 года" is a start. What is not a date, or not a real one, stays RM301.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
import yaml
from helpers import check_text, hint_of, message_of, minimal_roadmap
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_check import dates, fixing

D = dt.date
FUZZ = settings(max_examples=150, deadline=None)
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
               "сентября", "октября", "ноября", "декабря")
RU_NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                 "сентябрь", "октябрь", "ноябрь", "декабрь")
RU_LOCATIVE = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
               "сентябре", "октябре", "ноябре", "декабре")
ROMAN = ("I", "II", "III", "IV")


@pytest.mark.parametrize(("text", "start", "end", "form"), [
    ("December 2022", D(2022, 12, 1), D(2022, 12, 31), "2022-12"),
    ("Dec. 2022", D(2022, 12, 1), D(2022, 12, 31), "2022-12"),
    ("декабрь 2022 г.", D(2022, 12, 1), D(2022, 12, 31), "2022-12"),
    ("в декабре 2022 года", D(2022, 12, 1), D(2022, 12, 31), "2022-12"),
    ("май 2024 г.", D(2024, 5, 1), D(2024, 5, 31), "2024-05"),
    ("IV quarter 2023", D(2023, 10, 1), D(2023, 12, 31), "2023-Q4"),
    ("IV квартал 2023 г.", D(2023, 10, 1), D(2023, 12, 31), "2023-Q4"),
    ("IV кв. 2023 г.", D(2023, 10, 1), D(2023, 12, 31), "2023-Q4"),
    ("во II квартале 2024 года", D(2024, 4, 1), D(2024, 6, 30), "2024-Q2"),
    ("4th quarter of 2023", D(2023, 10, 1), D(2023, 12, 31), "2023-Q4"),
    ("Q2 2023", D(2023, 4, 1), D(2023, 6, 30), "2023-Q2"),
    ("2 кв. 2023", D(2023, 4, 1), D(2023, 6, 30), "2023-Q2"),
    ("2nd half of 2023", D(2023, 7, 1), D(2023, 12, 31), "2023-H2"),
    ("second half of 2021", D(2021, 7, 1), D(2021, 12, 31), "2021-H2"),
    ("II полугодие 2023 г.", D(2023, 7, 1), D(2023, 12, 31), "2023-H2"),
    ("I полугодие 2022 года", D(2022, 1, 1), D(2022, 6, 30), "2022-H1"),
    ("в 2023 году", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("2023 год", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("2023 г.", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("2023–2025 гг.", D(2023, 1, 1), D(2025, 12, 31), "2023-2025"),
    ("2023-2025 годы", D(2023, 1, 1), D(2025, 12, 31), "2023-2025"),
    ("в 2021–2025 годах", D(2021, 1, 1), D(2025, 12, 31), "2021-2025"),
    ("с 2023 по 2025 год", D(2023, 1, 1), D(2025, 12, 31), "2023-2025"),
    ("from 2023 to 2025", D(2023, 1, 1), D(2025, 12, 31), "2023-2025"),
    ("до 31 декабря 2024 г.", D(2024, 12, 31), D(2024, 12, 31), "2024-12-31"),
    ("by 31 December 2024", D(2024, 12, 31), D(2024, 12, 31), "2024-12-31"),
    ("31.12.2024", D(2024, 12, 31), D(2024, 12, 31), "2024-12-31"),
    ("1.7.2023", D(2023, 7, 1), D(2023, 7, 1), "2023-07-01"),
    ("December 31, 2024", D(2024, 12, 31), D(2024, 12, 31), "2024-12-31"),
    ("31 December 2024", D(2024, 12, 31), D(2024, 12, 31), "2024-12-31"),
    ("не позднее IV квартала 2023 г.", D(2023, 10, 1), D(2023, 12, 31), "2023-Q4"),
    ("до конца 2025 года", D(2025, 1, 1), D(2025, 12, 31), "2025"),
    ("by the end of 2025", D(2025, 1, 1), D(2025, 12, 31), "2025"),
    ("no later than June 2023", D(2023, 6, 1), D(2023, 6, 30), "2023-06"),
])
def test_a_date_as_officials_write_it_is_read_to_its_period(text: str, start: dt.date,
                                                            end: dt.date, form: str) -> None:
    period = dates.read(text)
    assert (period.start, period.end) == (start, end)
    assert period.form == form and period.exact
    assert dates.read(form)[:2] == (start, end)  # the canonical form says the same
    with pytest.raises(dates.DateError):
        dates.parse(text)  # ... but only the canonical forms are the format's own


@pytest.mark.parametrize(("text", "end", "form"), [
    ("до 2025 года", D(2025, 12, 31), "2025"),
    ("by December 2024", D(2024, 12, 31), "2024-12"),
    ("until 2026", D(2026, 12, 31), "2026"),
    ("к IV кварталу 2023 г.", D(2023, 12, 31), "2023-Q4"),
])
def test_by_a_period_is_read_leniently_to_its_end_but_is_not_exact(text: str, end: dt.date,
                                                                   form: str) -> None:
    # "до 2025 года" may mean before 2025 starts or by its end: read to the later, the fix unsafe
    period = dates.read(text)
    assert period.end == end and period.form == form and not period.exact


@pytest.mark.parametrize("text", [
    "annually", "Annually", "every year", "quarterly", "ежегодно", "Ежегодно", "ежеквартально",
    "ежемесячно", "не позднее 15 апреля, следующего за отчетным годом",
    "не позднее 1 мая года, следующего за отчётным", "annually, by 1 March",
    "by 15 April of the year following the reporting year",
])
def test_a_recurring_deadline_has_no_single_due_date(text: str) -> None:
    period = dates.read(text)
    assert period.kind == "recurring" and period.ongoing
    assert period.start is None and period.end is None and period.form is None


@pytest.mark.parametrize(("text", "start", "form"), [
    ("с 1 июля 2023 года", D(2023, 7, 1), "2023-07-01"),
    ("from January 1, 2024", D(2024, 1, 1), "2024-01-01"),
    ("начиная с 2024 года", D(2024, 1, 1), "2024"),
    ("since March 2022", D(2022, 3, 1), "2022-03"),
])
def test_from_a_date_is_a_start_with_no_end(text: str, start: dt.date, form: str) -> None:
    period = dates.read(text)
    assert period.kind == "from" and period.start == start and period.end is None
    assert period.form == form
    assert period.as_start().start == dates.read(form).start == start


@pytest.mark.parametrize(("text", "reason"), [
    ("31.02.2023", "not a real date"), ("31 февраля 2023 г.", "not a real date"),
    ("30 February 2024", "not a real date"), ("V квартал 2023 г.", "accepted"),
    ("2025–2022 гг.", "ends before it starts"),
    ("soon", "accepted"), ("next year", "accepted"), ("December", "accepted"),
    ("13.2023", "not a real date"),
    ("IV квартал 2023 г. (по мере финансирования)", "accepted"), ("", "accepted"),
    ("12/31/2024", "accepted"),
])
def test_what_is_not_a_date_or_not_a_real_one_is_refused_with_a_reason(text: str,
                                                                       reason: str) -> None:
    with pytest.raises(dates.DateError, match=reason):
        dates.read(text)


def test_reading_is_linear_and_capped() -> None:
    for text in ("1 " * 200_000, "IV квартал " * 50_000 + "2023", "ежегодно" + "а" * 10**6,
                 "с " * 300_000, "31." * 300_000):
        start = time.perf_counter()
        with pytest.raises(dates.DateError):
            dates.read(text)
        assert time.perf_counter() - start < 0.2, text[:20]


@FUZZ
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_every_day_in_every_spelling_reads_back(day: dt.date) -> None:
    m = day.month - 1
    for text in (f"{day.day} {RU_GENITIVE[m]} {day.year} г.", f"{day.day:02d}.{day.month:02d}.{day.year}",
                 f"{EN_MONTHS[m]} {day.day}, {day.year}", f"{day.day} {EN_MONTHS[m]} {day.year}",
                 f"до {day.day} {RU_GENITIVE[m]} {day.year} года", f"by {day.day} {EN_MONTHS[m]} {day.year}"):
        period = dates.read(text)
        assert (period.start, period.end, period.form, period.exact) == \
            (day, day, day.isoformat(), True), text
    for text in (f"{RU_NOMINATIVE[m]} {day.year} г.", f"в {RU_LOCATIVE[m]} {day.year} года",
                 f"{EN_MONTHS[m]} {day.year}"):
        period = dates.read(text)
        assert period.form == f"{day.year}-{day.month:02d}", text
        assert period.start is not None and period.end is not None
        assert period.start <= day <= period.end
    quarter = m // 3
    for text in (f"{ROMAN[quarter]} квартал {day.year} г.", f"{ROMAN[quarter]} quarter {day.year}",
                 f"Q{quarter + 1} {day.year}"):
        period = dates.read(text)
        assert period.form == f"{day.year}-Q{quarter + 1}", text
        assert period.start is not None and period.end is not None
        assert period.start <= day <= period.end


# -- through the checker ----------------------------------------------------------------------


def _draft(deadline: str, start: str | None = None, header: str = "") -> str:
    begin = f"    start: {start}\n" if start else ""
    return minimal_roadmap('  - id: "1"\n    title: X\n    responsible: Belarus\n' + begin
                           + f'    deadline: "{deadline}"\n    cites: [infosec-2030]\n', header)


@pytest.mark.parametrize(("deadline", "form"), [
    ("December 2022", "2022-12"), ("IV квартал 2023 г.", "2023-Q4"),
    ("до 31 декабря 2024 г.", "2024-12-31"), ("31.12.2024", "2024-12-31"),
    ("2023–2025 гг.", "2023-2025"), ("2nd half of 2023", "2023-H2"),
])
def test_a_deadline_in_words_is_info_with_a_safe_fix_to_the_canonical_form(
        deadline: str, form: str) -> None:
    report = check_text(_draft(deadline))
    assert "RM301" not in {f.code for f in report.findings}
    (found,) = [f for f in report.findings if f.code == "RM311"]
    assert found.severity.label == "info"
    assert found.fix is not None and found.fix.safe and found.fix.value == form
    assert form in (hint_of(found) or "") and deadline in message_of(found)
    fixed, applied = fixing.apply(_draft(deadline), report.findings)
    assert [f.code for f in applied] == ["RM311"]
    assert str(yaml.safe_load(fixed)["items"][0]["deadline"]) == form


def test_the_russian_message_names_the_form_the_date_is_read_as() -> None:
    """In Russian the date read is said as the format writes it, then in words: the words
    alone would only repeat what the drafter wrote («III квартал 2027 г.» read as itself)."""
    report = check_text(_draft("III квартал 2027 г."))
    (found,) = [f for f in report.findings if f.code == "RM311"]
    said = message_of(found, "ru")
    assert "прочитано как '2027-Q3' (III квартал 2027\u00a0г.)" in said, said  # «2027 г.»


def test_an_ambiguous_by_date_has_an_unsafe_fix_that_fix_leaves_alone() -> None:
    report = check_text(_draft("до 2025 года"))
    (found,) = [f for f in report.findings if f.code == "RM311"]
    assert found.fix is not None and not found.fix.safe and found.fix.value == "2025"
    assert fixing.apply(_draft("до 2025 года"), report.findings)[1] == []


def test_the_schedule_is_judged_on_the_period_read() -> None:
    header = "  date: 2024-01-15\n  period: 2022-2024\n  status: draft\n"
    # due before the road map's date: RM308; outside the period: RM302; after the deadline: RM303
    report = check_text(_draft("IV квартал 2023 г.", header=header))
    assert "RM308" in {f.code for f in report.findings}
    report = check_text(_draft("II полугодие 2025 г.", header=header))
    assert "RM302" in {f.code for f in report.findings}
    report = check_text(_draft("декабрь 2024 г.", start="01.01.2025", header=header))
    assert "RM303" in {f.code for f in report.findings}
    report = check_text(_draft("декабрь 2024 г.", start="в декабре 2024 года", header=header))
    assert not {"RM301", "RM302", "RM303", "RM308"} & {f.code for f in report.findings}


@pytest.mark.parametrize("deadline", ["ежегодно", "annually",
                                      "не позднее 15 апреля, следующего за отчетным годом"])
def test_a_recurring_deadline_is_info_only(deadline: str) -> None:
    header = "  date: 2030-01-01\n  period: 2022-2024\n"
    report = check_text(_draft(deadline, header=header)
                        + '  - id: "2"\n    title: Y\n    responsible: Belarus\n'
                          '    deadline: 2023\n    depends_on: ["1"]\n    cites: [infosec-2030]\n')
    # item 1 recurs: no date of its own to judge; item 2 depends on it: no order to judge
    found = {f.code: f for f in report.findings if f.item == "1"}
    assert not {"RM301", "RM302", "RM307", "RM308"} & set(found)
    assert "RM307" not in {f.code for f in report.findings}
    assert found["RM310"].severity.label == "info"
    assert "recurring" in message_of(found["RM310"])
    assert "повторяющ" in message_of(found["RM310"], "ru")


def test_from_a_date_in_start_is_the_start_and_in_deadline_an_ongoing_action() -> None:
    report = check_text(_draft("2024-06", start="с 1 июля 2023 года"))
    (found,) = [f for f in report.findings if f.code == "RM311"]
    assert found.fix is not None and found.fix.value == "2023-07-01" and found.fix.safe
    report = check_text(_draft("2023-06", start="с 1 июля 2023 года"))
    assert "RM303" in {f.code for f in report.findings}
    report = check_text(_draft("с 1 июля 2023 года"))
    found_codes = {f.code: f for f in report.findings}
    assert "RM301" not in found_codes and "RM311" not in found_codes
    assert "1 July 2023" in message_of(found_codes["RM310"]) or \
        "2023-07-01" in message_of(found_codes["RM310"])


def test_the_road_maps_date_and_a_waivers_until_may_be_in_words() -> None:
    # The run's today is 9 September 2021: the road map's date in words must be what counts.
    header = "  date: 15 мая 2021 г.\n"
    report = check_text(_draft("2021-06", header=header))
    assert "RM308" not in {f.code for f in report.findings}, "read as 2021-05-15"
    assert any(f.code == "RM311" and f.fix is not None and f.fix.value == "2021-05-15"
               for f in report.findings)
    assert "RM308" in {f.code for f in check_text(_draft("2021-04", header=header)).findings}
    waived = _draft("2023").replace(
        "    cites: [infosec-2030]\n",
        "    cites: [infosec-2030]\n    waivers: [{check: RM202, reason: later, "
        "until: \"31.12.2021\"}]\n")
    found = {f.code for f in check_text(waived).findings}
    assert "RM301" not in found and "RM402" not in found and "RM311" in found


# -- the road map's JSON Schema says so ---------------------------------------------------------

FORMAT_FORMS = ["December 2022", "декабрь 2022 г.", "в декабре 2022 года", "IV quarter 2023",
                "IV квартал 2023 г.", "4th quarter of 2023", "2nd half of 2023",
                "II полугодие 2023 г.", "в 2023 году", "2023 год", "2023–2025 гг.",
                "2023-2025 годы", "до 31 декабря 2024 г.", "by 31 December 2024", "31.12.2024",
                "December 31, 2024", "annually", "ежегодно", "ежеквартально", "every year",
                "не позднее 15 апреля, следующего за отчетным годом", "с 1 июля 2023 года",
                "from January 1, 2024", "начиная с 2024 года", "Q2 2023"]


def _schema_accepts(definition: str, text: str) -> bool:
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads((resources.files("roadmap_check.schemas") / "roadmap.schema.json")
                        .read_text(encoding="utf-8"))
    only = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema.Draft202012Validator(only).is_valid(text)


@pytest.mark.parametrize("text", FORMAT_FORMS)
def test_the_schema_accepts_every_form_the_reader_reads(text: str) -> None:
    dates.read(text)
    assert _schema_accepts("period", text)


@pytest.mark.parametrize("text", ["soon", "next year", "2023-13", "2023-Q5", "December", ""])
def test_the_schema_refuses_what_is_no_date(text: str) -> None:
    with pytest.raises(dates.DateError):
        dates.read(text)
    assert not _schema_accepts("period", text)


def test_the_schema_names_every_recurring_word_of_the_vocabulary() -> None:
    from roadmap_check.vocabulary import builtin

    for entry in dict(builtin().date_words)["recurring"]:
        for text in (entry.replace("*", "ly"), entry.replace("*", "").upper()):
            assert dates.read(text).kind == "recurring", text
            assert _schema_accepts("period", text), text


@pytest.mark.parametrize("entry", ["раз в 2-3 года", "every 2-3 years", "4th-quarter report*"])
def test_a_recurring_entry_with_a_dash_or_an_ordinal_is_read_as_written(entry: str) -> None:
    # a rule set's own recurring words are compared as the dates they stand in are read
    from roadmap_check.model import Vocabulary
    from roadmap_check.vocabulary import builtin

    reader = dates.DateReader(builtin().extended(
        Vocabulary(date_words=(("recurring", (entry,)),))))
    text = f"не позднее 1 марта, {entry.replace('*', 'ing')}"
    assert reader.read(text).kind == "recurring", text
