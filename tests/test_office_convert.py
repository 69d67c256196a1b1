"""``convert``: Word/Excel to YAML that checks the same, YAML to the formal table; converting
back gives the same road map (the same findings), and nothing the source says is lost."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from helpers import ROOT, Run
from office_files import Row, make_docx

EXAMPLES = ROOT / "examples"


def _findings(cli: Callable[..., Run], path: str) -> Counter[tuple[str, str | None, str]]:
    run = cli("check", path, "-f", "json", "--lang", "en")
    assert run.code in (0, 1), run.stderr
    data: dict[str, Any] = json.loads(run.stdout)
    return Counter((f["code"], f["item"], re.sub(r"line \d+", "line N", f["message"]))
                   for f in data["findings"])


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("example", ["telemedicine-roadmap-ru.yaml", "telemedicine-roadmap-en.yaml"])
def test_yaml_to_office_and_back_gives_the_same_findings(
        tmp_path: Path, cli: Callable[..., Run], kind: str, example: str) -> None:
    (tmp_path / "src.yaml").write_bytes((EXAMPLES / example).read_bytes())
    expected = _findings(cli, "src.yaml")
    there = cli("convert", "src.yaml", "-o", f"table.{kind}")
    assert there.code == 0, there.stderr
    assert "9 items written" in there.stderr
    back = cli("convert", f"table.{kind}", "-o", "back.yaml")
    assert back.code == 0, back.stderr
    assert _findings(cli, f"table.{kind}") == expected
    assert _findings(cli, "back.yaml") == expected


def test_the_word_table_is_formal_landscape_a4_with_the_standard_columns_in_russian(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    (tmp_path / "src.yaml").write_bytes((EXAMPLES / "telemedicine-roadmap-ru.yaml").read_bytes())
    assert cli("convert", "src.yaml", "-o", "t.docx").code == 0
    document = docx.Document(str(tmp_path / "t.docx"))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert section.page_width > section.page_height  # landscape
    assert abs(section.page_width.cm - 29.7) < 0.1 and abs(section.page_height.cm - 21.0) < 0.1
    [table] = document.tables
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["№ п/п", "Наименование мероприятия", "Описание"]
    assert "Основание" in header and "Срок исполнения" in header
    # a section is a row of one cell spanning the table
    section_row = table.rows[1]
    assert len({id(c._tc) for c in section_row.cells}) == 1
    assert section_row.cells[0].text == "I. Нормативная и организационная основа"
    # citations one per line: a paragraph each
    basis = table.rows[2].cells[header.index("Основание")]
    assert [p.text for p in basis.paragraphs] == [
        "ст. 6 Соглашения о сотрудничестве государств-участников СНГ в создании совместимых "
        "национальных телемедицинских систем и дальнейшем их развитии и использовании",
        "Соглашение об информационном взаимодействии государств-участников СНГ в области "
        "цифрового развития общества, направление 1"]
    assert document.paragraphs[0].style is not None
    assert document.paragraphs[0].style.name == "Title"
    assert "Дата: 9 сентября 2021\u00a0г." in [p.text for p in document.paragraphs]


def test_the_excel_table_has_its_header_row_sections_merged_and_a_sheet_of_fields(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    (tmp_path / "src.yaml").write_bytes((EXAMPLES / "telemedicine-roadmap-en.yaml").read_bytes())
    assert cli("convert", "src.yaml", "-o", "t.xlsx").code == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    items, about = book.worksheets
    assert items.title == "Road map" and about.title == "About"
    assert [c.value for c in items[3]][:3] == ["No.", "Action", "Description"]
    assert any(str(r) .startswith("A4:") for r in items.merged_cells.ranges)  # a section
    fields = {row[0].value: row[1].value for row in about.iter_rows()}
    assert fields["Date"] == "9 September 2021" and fields["Rule set"] == "cis-telemedicine"


def test_office_to_yaml_keeps_russian_text_and_names_each_items_source_row(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    title = "Согласовать требования к защите «персональных данных» — в т. ч. при консультациях"
    make_docx(tmp_path / "d.docx", [Row("1.1.", title, "IV квартал 2022 г.",
                                        ["Республика Беларусь"], "Согласованы", [])],
              before=("ДОРОЖНАЯ КАРТА", "Минск, 9 сентября 2021 г."),
              header=("№ п/п", "Наименование мероприятия", "Срок исполнения",
                      "Ответственные исполнители", "Примечание", "Основание"))
    run = cli("convert", "d.docx", "-o", "d.yaml")
    assert run.code == 0, run.stderr
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert f'title: "{title}"' in text  # as written: no escapes of Cyrillic, quotes kept
    assert '  # источник: таблица 1, строка 2\n  - id: "1.1"' in text
    # the column it does not read is kept as a comment, not lost
    assert "    # Примечание: Согласованы" in text
    assert 'date: "2021-09-09"' in text and 'deadline: "IV квартал 2022 г."' in text


@pytest.mark.parametrize(("extra", "line", "said"), [
    ("    note: kept by no column\n", 8, "unknown key 'note' in an item"),
    ("    # roadmap-check: ignore[RM105] the short name is the usual one\n", 8,
     "a suppression comment"),
])
def test_a_yaml_road_map_a_table_cannot_hold_is_refused_nothing_written(
        tmp_path: Path, cli: Callable[..., Run], extra: str, line: int, said: str) -> None:
    (tmp_path / "w.yaml").write_text(
        'roadmap: {id: x, title: "X"}\nitems:\n  - id: "1"\n    title: T\n'
        "    responsible: Republic of Belarus\n    deadline: 2022\n    cites: [hl7-fhir]\n"
        + extra, encoding="utf-8")
    run = cli("convert", "w.yaml", "-o", "w.docx")
    assert run.code == 2 and run.stderr.count("\n") == 1
    assert f"w.yaml:{line}: a table cannot say this, and it would be lost: {said}" in run.stderr
    assert not (tmp_path / "w.docx").exists()


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_waivers_go_to_a_column_of_their_own_and_come_back(
        tmp_path: Path, cli: Callable[..., Run], kind: str) -> None:
    (tmp_path / "w.yaml").write_text(
        'roadmap: {id: w, title: "W", date: 2021-09-09}\nitems:\n  - id: "1"\n'
        "    title: Ensure personal data protection in e-government portals\n"
        "    responsible: Republic of Belarus\n    deadline: 2022\n    cites: [hl7-fhir]\n"
        "    waivers:\n"
        "      - {check: RM201, framework: cis-infosoc-2025, reason: Annexed, until: 2030-12-31}\n"
        "      - {check: RM999, reason: no such check}\n      - {check: RM105}\n",
        encoding="utf-8")
    expected = _findings(cli, "w.yaml")
    assert {code for code, _, _ in expected} >= {"RM003", "RM201", "RM401"}
    assert cli("convert", "w.yaml", "-o", f"w.{kind}").code == 0
    assert cli("convert", f"w.{kind}", "-o", "back.yaml").code == 0
    assert _findings(cli, f"w.{kind}") == expected
    assert _findings(cli, "back.yaml") == expected
    waived = json.loads(cli("check", f"w.{kind}", "-f", "json").stdout)
    assert [f["suppression"] for f in waived["findings"] if f["suppressed"]] == ["Annexed"]


@pytest.mark.parametrize(("source", "target"), [("a.yaml", "b.yaml"), ("a.docx", "b.xlsx"),
                                                ("a.yaml", "b.txt")])
def test_convert_between_other_kinds_is_a_one_line_error(
        tmp_path: Path, cli: Callable[..., Run], source: str, target: str) -> None:
    (tmp_path / source).write_bytes(b"roadmap: {}\n")
    run = cli("convert", source, "-o", target)
    assert run.code == 2 and run.stderr.count("\n") == 1
    assert f"convert: {source} -> {target}" in run.stderr
    assert not (tmp_path / target).exists()


def test_convert_never_writes_over_its_input(tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", [Row("1", "T", "2022", ["Republic of Belarus"], "O", [])])
    (tmp_path / "link.yaml").symlink_to(tmp_path / "d.docx")
    before = (tmp_path / "d.docx").read_bytes()
    run = cli("convert", "d.docx", "-o", "link.yaml")
    assert run.code == 2 and "this file is an input of the run (d.docx)" in run.stderr
    assert (tmp_path / "d.docx").read_bytes() == before


@pytest.mark.parametrize("name", ["libreoffice-merged.odt", "libreoffice-merged.ods"])
def test_opendocument_converts_to_yaml_that_checks_the_same(
        tmp_path: Path, cli: Callable[..., Run], name: str) -> None:
    from helpers import TESTS

    (tmp_path / name).write_bytes((TESTS / "data" / name).read_bytes())
    assert cli("convert", name, "-o", "back.yaml").code == 0
    assert _findings(cli, "back.yaml") == _findings(cli, name)
    refused = cli("check", name, "--annotate", "r.odt")
    assert refused.code == 2 and "--annotate r.odt" in refused.stderr
