"""An item's `status` (FORMAT.md; issue 9, item 2): planned, in-progress, done, dropped, and the
Russian values of the vocabulary's `item_status`. A done or dropped item is past its deadline
by right (no RM308); a dropped item implements nothing: its citations cover no requirement and
it asks for none (no RM101, RM201). An unknown value is RM003 with a "did you mean"."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from helpers import TEST_RULES, check_text, engine, hint_of, message_of, minimal_roadmap

from roadmap_check.vocabulary import builtin

HEADER = "  date: 2023-06-01\n  status: circulated\n"


def _item(status: str | None, deadline: str = "2022-12", cites: str = "[infosec-2030]",
          title: str = "X", ident: str = "1") -> str:
    line = f'    status: "{status}"\n' if status is not None else ""
    return (f'  - id: "{ident}"\n    title: {title}\n    responsible: Belarus\n{line}'
            f"    deadline: {deadline}\n    cites: {cites}\n")


def _codes(text: str, item: str = "1") -> set[str]:
    return {f.code for f in check_text(text).findings if f.item == item}


@pytest.mark.parametrize("status", [
    "planned", "in-progress", "done", "dropped", "In progress", "запланировано", "планируется",
    "в работе", "выполняется", "выполнено", "исполнено", "исключено", "отменено", "Выполнено",
])
def test_every_value_of_the_format_and_the_vocabulary_is_read(status: str) -> None:
    found = check_text(minimal_roadmap(_item(status), HEADER)).findings
    assert not [f for f in found if f.code in ("RM003", "RM004")], \
        [message_of(f) for f in found]


@pytest.mark.parametrize("status", ["done", "dropped", "выполнено", "исполнено", "исключено",
                                    "отменено", "completed"])
def test_a_done_or_dropped_item_is_not_past_its_deadline(status: str) -> None:
    assert "RM308" not in _codes(minimal_roadmap(_item(status), HEADER))


@pytest.mark.parametrize("status", [None, "planned", "in-progress", "в работе", "запланировано"])
def test_an_item_not_done_is_past_its_deadline_and_the_hint_names_status(
        status: str | None) -> None:
    (found,) = [f for f in check_text(minimal_roadmap(_item(status), HEADER)).findings
                if f.code == "RM308"]
    assert "status:" in (hint_of(found) or "") and "done" in (hint_of(found) or "")
    assert "'status: done'" in (hint_of(found, "ru") or "")


def test_an_unknown_status_is_rm003_with_a_did_you_mean() -> None:
    text = minimal_roadmap(_item("donne"), HEADER)
    (found,) = [f for f in check_text(text).findings if f.code == "RM003"]
    assert found.line == 10 and "'donne'" in message_of(found)
    assert "'done'" in (hint_of(found) or "")
    (other,) = [f for f in check_text(minimal_roadmap(_item("frozen"), HEADER)).findings
                if f.code == "RM003"]
    assert "planned" in (hint_of(other) or "") and "dropped" in (hint_of(other) or "")
    # an unknown value says nothing of the deadline: it is judged as for no status
    assert "RM308" in _codes(text)


def test_a_status_that_is_not_a_text_is_rm003() -> None:
    text = minimal_roadmap(_item(None).replace("    deadline:", "    status: [done]\n    deadline:"),
                           HEADER)
    assert "RM003" in _codes(text)


def test_a_dropped_item_covers_nothing_and_asks_for_no_citation() -> None:
    # item 1 alone cites telemed-2010, the only required framework it would cover
    covered = minimal_roadmap(_item("in-progress", "2024", "[telemed-2010]"), HEADER)
    dropped = minimal_roadmap(_item("dropped", "2024", "[telemed-2010]"), HEADER)
    assert not [f for f in check_text(covered).findings
                if f.code == "RM202" and f.framework == "telemed-2010"]
    assert [f for f in check_text(dropped).findings
            if f.code == "RM202" and f.framework == "telemed-2010"]
    # no citation and a subject of a framework: nothing asked of a dropped item
    bare = minimal_roadmap(_item("dropped", "2024", "[]", title="Protect personal data"),
                           HEADER)
    assert not {"RM101", "RM201"} & _codes(bare)
    assert {"RM101", "RM201"} <= _codes(bare.replace('"dropped"', '"planned"'))


def test_a_rule_set_can_add_a_value(tmp_path: Path) -> None:
    rules = tmp_path / "more.yaml"
    rules.write_text(TEST_RULES.read_text(encoding="utf-8").replace(
        "name: test-rules", "name: more")
        + "vocabulary:\n  item_status:\n    done: {ru: [снято с контроля как выполненное]}\n",
        encoding="utf-8")
    text = minimal_roadmap(_item("снято с контроля как выполненное"), HEADER)
    report = engine(str(rules)).check_text(text, "r.yaml", tmp_path)
    assert not {f.code for f in report.findings} & {"RM003", "RM308"}


def test_the_schema_states_every_value_of_the_vocabulary() -> None:
    schema = json.loads((resources.files("roadmap_check.schemas") / "roadmap.schema.json")
                        .read_text(encoding="utf-8"))
    status = {"$defs": schema["$defs"], **schema["$defs"]["item"]["properties"]["status"]}
    check = jsonschema.Draft202012Validator(status)
    for words in dict(builtin().item_status).values():
        for word in words:
            assert check.is_valid(word) and check.is_valid(word.upper()), word
    assert not check.is_valid("donne") and not check.is_valid("")
