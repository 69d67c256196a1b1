"""Word and Excel road maps read like YAML ones: the same findings, each at its table, row and
column; the header row found by its texts; sections, merged and multi-line cells; dates as
written or as Excel dates; the road map's own fields from the text before the table."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import TESTS, Run
from office_files import Row, make_docx, make_xlsx, yaml_of

DATA = TESTS / "data"
BEFORE = ("УТВЕРЖДЕНА", "ДОРОЖНАЯ КАРТА",
          "развития трансграничного телемедицинского взаимодействия на 2022–2025 годы",
          "Минск, 9 сентября 2021 г.")
HEADER = {"id": "draft", "title": "ДОРОЖНАЯ КАРТА развития трансграничного телемедицинского "
          "взаимодействия на 2022–2025 годы", "date": "2021-09-09", "period": "2022-2025",
          "language": "ru"}
STRATEGY = ("Стратегия обеспечения информационной безопасности государств – участников СНГ на "
            "период до 2030 года, разд. I")
AGREEMENT = ("Соглашение о сотрудничестве государств – участников СНГ в создании совместимых "
             "национальных телемедицинских систем и дальнейшем их развитии и использовании, ст. 6")
# Items with defects of many checks; the column each check's finding belongs in.
ITEMS = [
    Row("1.1", "Согласовать требования к защите персональных данных", "IV квартал 2022 г.",
        ["Республика Беларусь", "Исполнительный комитет СНГ"], "Требования согласованы",
        [STRATEGY, "Соглашение о телемедицине СНГ, ст. 6"], "I. Нормативная основа"),
    Row("1.2", "Разработать регламент телеконсультаций", "2023-06", ["Республика Беларуссь"],
        "Регламент утверждён", ["Несуществующая концепция 2099 года"], "I. Нормативная основа"),
    Row("1.3", "Провести обучение врачей", "2029", ["Республика Казахстан"], "Врачи обучены",
        [], "I. Нормативная основа"),
    Row("2.1", "Наладить обмен данными по стандарту HL7 FHIR", "2024",
        ["Республика Армения"], "Обмен налажен", ["HL7 FHIR", AGREEMENT], "II. Техническая основа"),
    Row("2.1", "Наладить обмен данными по стандарту HL7 FHIR", "2024-Q2",
        ["Республика Армения"], "Обмен налажен", [AGREEMENT], "II. Техническая основа"),
]
COLUMN_OF = {"RM101": "Основание", "RM102": "Основание", "RM105": "Основание",
             "RM301": "Срок исполнения", "RM311": "Срок исполнения", "RM302": "Срок исполнения",
             "RM304":
             "Ответственные исполнители", "RM005": "№ п/п", "RM309": "Наименование мероприятия",
             "RM202": "Основание", "RM201": "Наименование мероприятия"}


def _json(run: Run) -> dict[str, Any]:
    assert run.code in (0, 1), run.stderr
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def _keys(findings: list[dict[str, Any]]) -> Counter[tuple[str, str | None, str]]:
    """Findings by what they say; another item's line (RM005, RM309) is the file's own."""
    return Counter((f["code"], f["item"], re.sub(r"line \d+", "line N", f["message"]))
                   for f in findings)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_every_finding_of_the_equivalent_yaml_is_reported_at_its_table_row_and_column(
        tmp_path: Path, cli: Callable[..., Run], kind: str) -> None:
    make = make_docx if kind == "docx" else make_xlsx
    layout = make(tmp_path / f"draft.{kind}", ITEMS, before=BEFORE)
    (tmp_path / "draft.yaml").write_text(yaml_of(ITEMS, HEADER), encoding="utf-8")
    office = _json(cli("check", f"draft.{kind}", "-f", "json", "--lang", "en"))["findings"]
    plain = _json(cli("check", "draft.yaml", "-f", "json", "--lang", "en"))["findings"]
    assert {f["code"] for f in plain} >= {"RM005", "RM101", "RM102", "RM105", "RM202", "RM311",
                                          "RM302", "RM304", "RM309"}
    assert _keys(office) == _keys(plain)
    for finding in office:
        cell = finding["cell"]
        assert cell["column"] == COLUMN_OF[finding["code"]], finding
        if finding["item"] is None:
            assert cell["row"] == layout.header
            continue
        rows = layout.rows[finding["item"]]
        if finding["code"] in ("RM005", "RM309"):  # the second 2.1 repeats the first ...
            rows = rows[1:]  # ... and says where the first is: its row, not a line
            assert f"line {layout.rows['2.1'][0]}" in finding["message"]
        # a Word row counts in its table; Excel names the sheet and the cell
        assert cell["row"] in rows, finding
        if kind == "xlsx":
            assert cell["sheet"] == "План" and cell["ref"].endswith(str(cell["row"]))
        else:
            assert cell["table"] == 1 and cell["sheet"] is None


def test_the_terminal_names_the_table_the_row_and_the_column(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    layout = make_docx(tmp_path / "draft.docx", ITEMS, before=BEFORE)
    run = cli("check", "draft.docx", "--lang", "en")
    assert run.code == 1
    row = layout.rows["1.2"][0]
    assert f"table 1, row {row}, «Основание»  error    RM102 unknown-framework" in run.stdout
    lines = run.stdout.splitlines()
    at = next(n for n, text in enumerate(lines) if "RM102 unknown-framework" in text)
    assert lines[at + 1].index("hint:") == lines[at].index("RM102")  # under the code
    russian = cli("check", "draft.docx")  # the table speaks Russian: so does the report
    assert f"таблица 1, строка {row}, графа «Основание»" in russian.stdout


def test_sarif_gives_the_cell_as_a_logical_location_with_its_text(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_xlsx(tmp_path / "draft.xlsx", ITEMS, before=BEFORE)
    sarif = json.loads(cli("check", "draft.xlsx", "-f", "sarif", "--lang", "en").stdout)
    unknown = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "RM102")
    location = unknown["locations"][0]
    assert "region" not in location["physicalLocation"]  # lines mean nothing in a workbook
    logical = location["logicalLocations"][0]
    assert logical["name"] == "Основание"
    assert logical["fullyQualifiedName"].startswith("sheet «План», F")
    assert logical["properties"]["text"] == "Несуществующая концепция 2099 года"


@pytest.mark.parametrize("name", ["libreoffice-merged.docx", "libreoffice-merged.xlsx",
                                  "libreoffice-merged.odt", "libreoffice-merged.ods"])
def test_a_table_libreoffice_made_with_merged_and_multi_line_cells(
        name: str, cli: Callable[..., Run], tmp_path: Path) -> None:
    """Made by LibreOffice from tests/data/libreoffice-merged.html: a numbering row, section
    rows spanning the table, a responsible cell merged over items 1.1 and 1.2, citations on
    two lines of one cell."""
    (tmp_path / name).write_bytes((DATA / name).read_bytes())
    data = _json(cli("check", name, "-f", "json", "--lang", "en"))
    found = {(f["code"], f["item"]) for f in data["findings"]}
    # item 1.2 has no responsible cell of its own: the merged one above is its
    assert ("RM003", "1.2") not in found
    # the quarter in words is read (RM311 gives its canonical form), not a bad date
    assert {("RM311", "1.1"), ("RM102", "1.2"), ("RM304", "2.1"), ("RM105", "1.1")} <= found
    assert ("RM301", "1.1") not in found
    # the two lines of item 2.1's citation cell are two citations: 'HL7 FHIR' (a loose form,
    # RM105 on that cell) and the ITU-T H.860 recommendation by its title (which it covers)
    cites = [f for f in data["findings"] if f["item"] == "2.1" and f["code"] == "RM105"]
    assert [f["message"].split("'")[1] for f in cites] == ["HL7 FHIR"]
    assert cites[0]["cell"]["column"] == "Основание"
    assert "H.860" in cites[0]["cell"]["text"]  # the one cell holds both lines
    matrix = _json(cli("coverage", name, "-f", "json", "--lang", "en"))["files"][0]
    item = [c["id"] for c in matrix["columns"]].index("2.1")
    h860 = next(r for r in matrix["rows"] if r["framework"] == "itu-t-h860")
    assert h860["cells"][item] == "cited"
    assert data["files"][0]["as_of"] == "2021-09-09"
    assert data["files"][0]["language"] == "en"
    russian = _json(cli("check", name, "-f", "json"))
    assert russian["files"][0]["language"] == "ru"


def test_headers_in_english_with_variants_and_a_numbering_row(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    header = ("No.", "Action", "Timeline (quarter, year)", "Responsible parties",
              "Expected results", "Legal basis")
    items = [Row("1", "Agree the data protection requirements", "2022-Q4",
                 ["Republic of Belarus"], "Agreed",
                 ["WHO Global Strategy on Digital Health 2020-2025; Agreemnt of nothing"])]
    make_docx(tmp_path / "en.docx", items, header=header, numbering_row=True,
              before=("Road map for cross-border telemedicine", "9 September 2021"))
    data = _json(cli("check", "en.docx", "-f", "json"))
    codes = Counter(f["code"] for f in data["findings"])
    assert codes["RM003"] == 0 and codes["RM004"] == 0  # every header understood
    assert codes["RM102"] == 1  # the second citation of the cell, split on ';'
    assert data["files"][0]["language"] == "en"
    assert data["files"][0]["as_of"] == "2021-09-09"


def test_an_unknown_column_is_named_with_the_columns_read_and_can_be_mapped(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    header = ("№ п/п", "Наименование мероприятия", "Срок исполнения",
              "Ответственные исполнители", "Ожидаемый результат", "Обоснование ссылками")
    items = [Row("1", "Согласовать требования", "2022-Q4", ["Республика Беларусь"],
                 "Согласованы", [STRATEGY])]
    make_docx(tmp_path / "d.docx", items, header=header, before=BEFORE)
    data = _json(cli("check", "d.docx", "-f", "json", "--lang", "en"))
    unknown = [f for f in data["findings"] if f["code"] == "RM004"]
    assert len(unknown) == 1
    assert unknown[0]["message"] == ("unknown column 'Обоснование ссылками' in the road-map "
                                     "table; its cells are not read")
    assert "References" in unknown[0]["suggestion"] and "--column" in unknown[0]["suggestion"]
    assert unknown[0]["cell"]["column"] == "Обоснование ссылками"
    assert any(f["code"] == "RM101" for f in data["findings"])  # its citations not read
    mapped = _json(cli("check", "d.docx", "-f", "json", "--column",
                       "Обоснование ссылками=cites"))
    assert not [f for f in mapped["findings"] if f["code"] in ("RM004", "RM101")]
    (tmp_path / "roadmap-check.toml").write_text(
        '[columns]\n"Обоснование ссылками" = "cites"\n', encoding="utf-8")
    configured = _json(cli("check", "d.docx", "-f", "json"))
    assert not [f for f in configured["findings"] if f["code"] in ("RM004", "RM101")]


def test_a_bad_column_option_is_a_one_line_error(tmp_path: Path,
                                                 cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", ITEMS[:1], before=BEFORE)
    run = cli("check", "d.docx", "--column", "Основание=basis")
    assert run.code == 2 and run.stderr.count("\n") == 1
    assert "--column 'Основание=basis'" in run.stderr and "cites" in run.stderr


def test_a_document_without_a_road_map_table_is_a_finding_that_lists_the_columns(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "letter.docx", [], header=("Name", "Phone"), before=("Dear colleagues",))
    run = cli("check", "letter.docx", "-f", "json", "--lang", "en")
    data = _json(run)
    assert run.code == 1
    [finding] = data["findings"]
    assert finding["code"] == "RM003" and "no road-map table was found" in finding["message"]
    assert "Action" in finding["suggestion"] and "Deadline" in finding["suggestion"]


def test_excel_dates_are_read_as_dates_and_text_dates_as_written(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    items = [Row("1", "Согласовать требования", dt.date(2030, 6, 30), ["Республика Беларусь"],
                 "Согласованы", [STRATEGY]),
             Row("2", "Утвердить регламент", "31.12.2022", ["Республика Беларусь"],
                 "Утверждён", [STRATEGY])]
    make_xlsx(tmp_path / "d.xlsx", items, before=BEFORE)
    data = _json(cli("check", "d.xlsx", "-f", "json", "--lang", "en"))
    by_item = {(f["item"], f["code"]): f for f in data["findings"]}
    # the real date is a date: past the period (2022-2025), not a bad date
    assert ("1", "RM302") in by_item and ("1", "RM301") not in by_item
    assert "2030-06-30" in by_item[("1", "RM302")]["message"]
    # the date written as text is read as written, with its canonical form
    assert ("2", "RM301") not in by_item
    assert by_item[("2", "RM311")]["suggestion"] == "write '2022-12-31'"


def test_the_road_maps_fields_come_from_the_text_before_the_table_or_options(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", ITEMS[:1], before=BEFORE)
    data = _json(cli("check", "d.docx", "-f", "json"))
    file = data["files"][0]
    assert (file["roadmap"], file["as_of"], file["language"]) == ("d", "2021-09-09", "ru")
    given = _json(cli("check", "d.docx", "-f", "json", "--roadmap-field", "date=2023-01-01",
                      "--roadmap-field", "id=telemed"))["files"][0]
    assert (given["roadmap"], given["as_of"]) == ("telemed", "2023-01-01")
    bad = cli("check", "d.docx", "--roadmap-field", "colour=red")
    assert bad.code == 2 and "--roadmap-field 'colour=red'" in bad.stderr


def test_folders_are_walked_for_word_and_excel_road_maps_only(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    import docx

    folder = tmp_path / "maps"
    (folder / "sub").mkdir(parents=True)
    make_docx(folder / "a.docx", ITEMS[:1], before=BEFORE)
    make_xlsx(folder / "sub" / "b.xlsx", ITEMS[:1], before=BEFORE)
    letter = docx.Document()
    letter.add_paragraph("Dear colleagues, please find the minutes attached.")
    letter.save(str(folder / "letter.docx"))
    (folder / "~$a.docx").write_bytes(b"\x00lock")  # Word's lock file of an open document
    data = _json(cli("check", "maps", "-f", "json"))
    assert [f["path"] for f in data["files"]] == ["maps/a.docx", "maps/sub/b.xlsx"]


def test_fix_refuses_a_word_file_and_says_how_to_get_a_yaml_one(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", ITEMS[:1], before=BEFORE)
    before = (tmp_path / "d.docx").read_bytes()
    run = cli("fix", "d.docx")
    assert run.code == 2
    assert "fixes are made in YAML road maps; 'roadmap-check convert d.docx -o draft.yaml'" \
        in run.stderr
    assert (tmp_path / "d.docx").read_bytes() == before
    check = cli("check", "d.docx", "--fix")  # checked as it is, said once
    assert check.code == 1 and "convert d.docx" in check.stderr
    assert (tmp_path / "d.docx").read_bytes() == before


def test_findings_of_office_files_carry_no_yaml_fix(tmp_path: Path,
                                                    cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", ITEMS, before=BEFORE)
    data = _json(cli("check", "d.docx", "-f", "json"))
    assert data["summary"]["fixable"] == 0
    assert all(f["fix"] is None for f in data["findings"])


def test_jobs_give_the_same_report_for_office_files(tmp_path: Path,
                                                    cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "a.docx", ITEMS, before=BEFORE)
    make_xlsx(tmp_path / "b.xlsx", ITEMS, before=BEFORE)
    for fmt in ("json", "sarif", "terminal"):
        one = cli("check", "a.docx", "b.xlsx", "-f", fmt, "-j", "1")
        two = cli("check", "a.docx", "b.xlsx", "-f", fmt, "-j", "2")
        assert one.stdout == two.stdout, fmt


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_the_json_of_a_word_or_excel_road_map_is_valid_against_the_shipped_schema(
        tmp_path: Path, cli: Callable[..., Run], kind: str) -> None:
    import jsonschema

    (make_docx if kind == "docx" else make_xlsx)(tmp_path / f"d.{kind}", ITEMS, before=BEFORE)
    schema = json.loads(cli("schema", "report").stdout)
    report = _json(cli("check", f"d.{kind}", "-f", "json"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert all("cell" in f for f in report["findings"])
    del report["findings"][0]["cell"]["text"]  # a cell without its text is not one
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(report)


def test_diff_of_two_versions_of_a_word_road_map_names_the_cells(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "v1.docx", ITEMS[:1], before=BEFORE)
    layout = make_docx(tmp_path / "v2.docx", ITEMS[:2], before=BEFORE)
    run = cli("diff", "v1.docx", "v2.docx", "--lang", "en")
    assert run.code == 1
    row = layout.rows["1.2"][0]
    assert (f"table 1, row {row}, «Основание» error RM102 [item 1.2] 'Несуществующая "
            "концепция 2099 года' matches no framework") in run.stdout
    assert "items added: 1.2" in run.stdout


def test_a_baseline_of_a_word_road_map_holds_when_rows_move(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "d.docx", ITEMS, before=BEFORE)
    assert cli("check", "d.docx", "--write-baseline", "base.txt").code == 0  # written
    # the same items with one inserted above them: every row moves, nothing is new
    moved = [Row("0.1", "Утвердить состав рабочей группы", "2022", ["Республика Беларусь"],
                 "Утверждён", [STRATEGY], "I. Нормативная основа"), *ITEMS]
    make_docx(tmp_path / "d.docx", moved, before=BEFORE)
    run = cli("check", "d.docx", "--baseline", "base.txt", "-f", "json")
    data = _json(run)
    live = [f for f in data["findings"] if not f["suppressed"]]
    assert live == [] and data["summary"]["baselined"] > 10


def test_the_html_report_of_a_word_road_map_names_cells_and_quotes_no_bytes(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    layout = make_docx(tmp_path / "d.docx", ITEMS, before=BEFORE)
    run = cli("check", "d.docx", "-f", "html", "--lang", "en")
    assert run.code == 1
    assert f"table 1, row {layout.rows['1.2'][0]}, «Основание»" in run.stdout
    assert 'class="src"' not in run.stdout  # no "source lines" read from a zip
