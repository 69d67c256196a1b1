"""The coverage matrix (roadmap_check.matrix) and its terminal view."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from roadmap_check.engine import Engine, Options
from roadmap_check.matrix import CITED, NONE, PROVISION, TOUCHED, Matrix, Row, build, sections
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import matrix_terminal
from roadmap_check.severity import Severity

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHOWCASE = EXAMPLES / "defect-showcase.yaml"
ENGLISH = EXAMPLES / "telemedicine-roadmap-en.yaml"
FRAMEWORKS = ("cis-infosec-2030", "cis-telemed-agreement-2010", "cis-infosoc-2025",
              "cis-digital-concept-2019")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check(path: Path) -> FileReport:
    return Engine(Options(today=dt.date(2026, 11, 26))).check_path(path, str(path))


def roadmap_yaml(count: int, sections: int = 10, title: str = "Generated road map",
                 item_title: str = "Action {n}") -> str:
    """A road map of ``count`` items in sections S1..S<sections>, each citing a framework."""
    lines = ["roadmap:", "  id: generated", f"  title: {json.dumps(title)}", "  status: draft",
             "  date: 2026-01-15", "  period: 2026-2030", "  language: en", "items:"]
    for i in range(count):
        framework = FRAMEWORKS[i % len(FRAMEWORKS)]
        cite = f'{{framework: {framework}, provision: "6(a)"}}' \
            if framework == "cis-telemed-agreement-2010" else f"{{framework: {framework}}}"
        lines += [f'  - id: "A{i + 1}"', f'    section: "S{i * sections // count + 1}"',
                  f"    title: {json.dumps(item_title.format(n=i + 1))}",
                  '    responsible: ["CIS Executive Committee"]', "    deadline: 2027-12-31",
                  f"    cites: [{cite}]"]
    return "\n".join(lines) + "\n"


def generated(tmp_path: Path, count: int, sections: int = 10, title: str = "Generated road map",
              item_title: str = "Action {n}") -> FileReport:
    path = tmp_path / f"generated-{count}.yaml"
    path.write_text(roadmap_yaml(count, sections, title, item_title), encoding="utf-8")
    return check(path)


def cell(matrix: Matrix, framework: str, item: str, occurrence: int = 0) -> str:
    row = next(r for r in matrix.rows if r.framework == framework)
    columns = [c.index for c in matrix.columns if c.id == item]
    return row.cells[columns[occurrence]]


def row_of(matrix: Matrix, framework: str) -> Row:
    return next(r for r in matrix.rows if r.framework == framework)


# ----------------------------------------------------------------------------- the data


def test_english_example_cells() -> None:
    matrix = build(check(ENGLISH))
    assert [c.id for c in matrix.columns] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3",
                                              "3.1", "3.2"]
    assert matrix.columns[0].section == "1. Legal and organisational basis"
    assert matrix.columns[0].title is not None and matrix.columns[0].title.startswith("Develop")
    # {framework: cis-telemed-agreement-2010, provision: "6(a)"}
    assert cell(matrix, "cis-telemed-agreement-2010", "1.1") == PROVISION
    # {framework: cis-telemed-agreement-2010} without a provision
    assert cell(matrix, "cis-telemed-agreement-2010", "3.1") == CITED
    assert cell(matrix, "cis-telemed-agreement-2010", "3.2") == NONE
    assert cell(matrix, "cis-infosec-2030", "2.3") == CITED
    assert matrix.share == 1.0 and all(q.covered for q in matrix.requirements)


def test_showcase_uncovered_row_touched_and_waived() -> None:
    file = check(SHOWCASE)
    matrix = build(file)
    uncovered = row_of(matrix, "cis-digital-interaction-agreement-2020")
    assert not uncovered.covered and uncovered.share == 0 and set(uncovered.cells) == {NONE}
    # 2.1 speaks of personal data without citing cis-infosec-2030: RM201
    assert cell(matrix, "cis-infosec-2030", "2.1") == TOUCHED
    # the RM201 of 1.1 for cis-infosoc-2025 is waived: not a candidate any more
    assert cell(matrix, "cis-infosoc-2025", "1.1") == NONE
    # the two items with the id 1.2 stay two columns
    assert cell(matrix, "who-icd", "1.2", 0) == CITED
    assert cell(matrix, "who-icd", "1.2", 1) == NONE
    assert cell(matrix, "who-itu-nehst-2012", "1.2", 1) == CITED
    covered, required = Report([file], Severity.ERROR).coverage()
    assert (matrix.covered, matrix.required) == (covered, required) == (6, 7)
    assert matrix.share == pytest.approx(6 / 7)


def test_rows_required_first_then_groups() -> None:
    matrix = build(check(SHOWCASE))
    required = [r for r in matrix.rows if r.group is None]
    grouped = [r for r in matrix.rows if r.group is not None]
    assert matrix.rows[:len(required)] == tuple(required)
    assert "cis-telemed-agreement-2010" in {r.framework for r in required}
    assert {r.group for r in grouped} == {"who-document", "itu-document"}
    who = [r for r in grouped if r.group == "who-document"]
    assert "wha58-28" in {r.framework for r in who}
    assert who[0].group_title == "at least one WHO document"
    # a group member is covered when it is cited
    assert row_of(matrix, "wha58-28").covered and not row_of(matrix, "wha71-7").covered
    assert len({r.framework for r in matrix.rows}) == len(matrix.rows)


def test_share_is_items_citing() -> None:
    matrix = build(check(SHOWCASE))
    row = row_of(matrix, "cis-telemed-agreement-2010")
    assert row.share == pytest.approx(row.citing / len(matrix.columns))
    assert row.citing == sum(c in (PROVISION, CITED) for c in row.cells)


def test_sections_collapse_to_best_state() -> None:
    matrix = build(check(SHOWCASE))
    found = sections(matrix)
    assert [s.name for s in found] == ["1. Legal basis", "2. People and the system",
                                       "3. Monitoring"]
    assert sum(len(s.columns) for s in found) == len(matrix.columns)
    infosec = [r.framework for r in matrix.rows].index("cis-infosec-2030")
    assert [s.cells[infosec] for s in found] == [PROVISION, TOUCHED, NONE]
    assert [s.counts[infosec] for s in found] == [1, 0, 0]


def test_items_without_section(tmp_path: Path) -> None:
    text = roadmap_yaml(3).replace('    section: "S1"\n', "", 1)
    path = tmp_path / "nosection.yaml"
    path.write_text(text, encoding="utf-8")
    found = sections(build(check(path)))
    assert [s.name for s in found] == ["—", "S4", "S7"]
    assert found[0].columns == (0,)


def test_to_dict_is_json() -> None:
    matrix = build(check(SHOWCASE))
    data = json.loads(json.dumps(matrix.to_dict(), ensure_ascii=False))
    assert data["coverage"] == {"covered": 6, "required": 7, "share": round(6 / 7, 4)}
    rows = {r["framework"]: r for r in data["rows"]}
    assert rows["cis-digital-interaction-agreement-2020"]["share"] == 0
    assert rows["cis-infosec-2030"]["cells"][4] == "touched"
    assert len(data["sections"]) == 3 and len(data["columns"]) == 11


def test_without_roadmap_or_ruleset(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("roadmap: [unclosed\n", encoding="utf-8")
    empty = build(check(broken))
    assert empty.columns == () and empty.rows == () and empty.share == 1.0
    text = "".join(matrix_terminal.render(Report([check(broken)], Severity.ERROR), False, 80))
    assert "no coverage matrix" in text
    file = check(ENGLISH)
    assert build(file).ruleset == "cis-telemedicine"
    file.ruleset = None  # a report without the rule set's summary: rows are titled by id
    matrix = build(file)
    assert matrix.ruleset is None
    assert row_of(matrix, "cis-infosec-2030").title == "cis-infosec-2030"


# ----------------------------------------------------------------------------- the terminal


def terminal(file: FileReport, width: int | None = None, color: bool = False) -> str:
    return "".join(matrix_terminal.render(Report([file], Severity.ERROR), color, width))


def symbols(text: str, framework: str) -> list[str]:
    line = next(ln for ln in text.splitlines() if re.match(rf"[✓✗]\s+{framework}\s", ln))
    words = line.split()
    share = next(n for n, word in enumerate(words) if word.endswith("%"))
    return words[2:share]  # after the share: the framework's short title


def test_terminal_five_items(tmp_path: Path) -> None:
    text = terminal(generated(tmp_path, 5))
    lines = text.splitlines()
    # a path wider than the terminal stays whole: the heading wraps after it
    assert " ".join(" ".join(lines[:2]).split()).endswith(
        "generated-5.yaml: coverage matrix (cis-telemedicine)")
    legend = next(n for n, ln in enumerate(lines) if ln.startswith("■"))
    assert lines[legend] == ("■ cites a provision   ● cites the framework   ○ speaks of its "
                             "subject, uncited (RM201)   · none")
    header = next(ln for ln in lines if ln.rstrip().endswith("share"))
    assert header.split() == ["A1", "A2", "A3", "A4", "A5", "share"]
    assert symbols(text, "cis-infosec-2030") == ["●", "·", "·", "·", "●"]
    assert symbols(text, "cis-telemed-agreement-2010") == ["·", "■", "·", "·", "·"]
    assert "✗ cis-digital-interaction-agreement-2020" in text
    row = next(ln for ln in lines if "cis-digital-interaction-agreement-2020" in ln)
    assert row.endswith("  0%  CIS Information Interaction Agreement")  # its short title
    assert next(ln for ln in lines if " cis-infosec-2030 " in ln).split("%")[0].endswith(" 40")
    assert "✗ who-document (at least one WHO document): 0 of 7 cited, needs 1" in lines
    assert lines[-1] == "coverage of requirements: 4 of 7 (57%)"
    assert all(len(ln) <= 100 for ln in lines)
    assert terminal(generated(tmp_path, 5)) == text  # stable


def test_terminal_showcase_fits_items() -> None:
    text = terminal(check(SHOWCASE))
    assert "1.1 1.10 1.2 1.2 2.1" in text
    assert symbols(text, "cis-infosec-2030")[1] == "■"
    assert symbols(text, "cis-infosec-2030")[4] == "○"
    assert "coverage of requirements: 6 of 7 (86%)" in text


def test_terminal_200_items_collapses_to_sections(tmp_path: Path) -> None:
    text = terminal(generated(tmp_path, 200), width=100)
    lines = text.splitlines()
    assert all(len(ln) <= 100 for ln in lines), max(lines, key=len)
    header = next(ln for ln in lines if ln.rstrip().endswith("share"))
    assert header.split() == [f"S{n}" for n in range(1, 11)] + ["share"]
    assert "columns are the 10 sections of 200 items (each shows its best state)" in text
    assert symbols(text, "cis-telemed-agreement-2010") == ["■"] * 10
    assert "more sections" not in text


def test_terminal_too_many_sections(tmp_path: Path) -> None:
    text = terminal(generated(tmp_path, 200, sections=40), width=70)
    lines = text.splitlines()
    assert all(len(ln) <= 70 for ln in lines[1:]), max(lines, key=len)  # [0]: the long path
    note = next(ln for ln in lines if "more sections" in ln)
    shown = len(next(ln for ln in lines if ln.rstrip().endswith("share")).split()) - 1
    assert note == f"(+{40 - shown} more sections: use --format json)"
    assert 1 <= shown < 40


def test_terminal_long_section_names_get_numbers() -> None:
    text = terminal(check(ENGLISH), width=60)
    assert all(len(ln) <= 60 for ln in text.splitlines())
    assert "  1 1. Legal and organisational basis (4 items)" in text


def test_terminal_color_is_a_table_within_width(tmp_path: Path) -> None:
    text = terminal(generated(tmp_path, 200), width=90, color=True)
    assert "\x1b[" in text and "■" in text
    plain = ANSI.sub("", text).splitlines()
    assert all(len(ln.rstrip()) <= 90 for ln in plain), max(plain, key=len)
    assert any(ln.split()[:1] == ["S1"] for ln in plain)


# ----------------------------------------------------------------------------- in Russian

RUSSIAN = EXAMPLES / "telemedicine-roadmap-ru.yaml"


def russian(tmp_path: Path, count: int, sections: int = 10) -> FileReport:
    path = tmp_path / f"ru-{count}-{sections}.yaml"
    path.write_text(roadmap_yaml(count, sections, title="Сводная дорожная карта",
                                 item_title="Мероприятие {n}")
                    .replace("language: en", "language: ru"), encoding="utf-8")
    return check(path)


def test_terminal_in_russian() -> None:
    lines = terminal(check(RUSSIAN)).splitlines()
    assert lines[0].endswith("telemedicine-roadmap-ru.yaml: таблица охвата (cis-telemedicine)")
    legend = "■ ссылка на положение ● ссылка на документ ○ относится к предмету, ссылки нет " \
        "(RM201) · нет"
    assert " ".join(" ".join(lines[1:3]).split()) == legend
    header = next(ln for ln in lines if ln.rstrip().endswith("доля"))
    assert header.split() == [str(n) for n in range(1, 10)] + ["доля"]
    assert "✓ who-document (не менее одного документа ВОЗ): ссылки есть на 4 из 7, " \
        "необходимо не менее 1" in lines
    assert lines[-1] == "охват обязательных документов: 7 из 7 (100%)"
    assert "share" not in "\n".join(lines) and "cited" not in "\n".join(lines)


def test_terminal_in_russian_by_section_with_plurals() -> None:
    lines = terminal(check(RUSSIAN), width=60).splitlines()
    assert all(len(ln) <= 60 for ln in lines), max(lines, key=len)
    assert "столбцы — 3 раздела (9 пунктов): лучшая ссылка в разделе" \
        in " ".join(" ".join(lines).split())
    assert "  1 I. Нормативная и организационная основа (4 пункта)" in lines
    assert "  3 III. Мониторинг и оценка (2 пункта)" in lines
    colored = ANSI.sub("", terminal(check(RUSSIAN), width=60, color=True))
    assert "доля" in colored and "нужно не менее 1" in colored and "share" not in colored


@pytest.mark.parametrize(("width", "left"), [(61, "35 разделов"), (64, "34 раздела"),
                                             (73, "31 раздел")])
def test_terminal_in_russian_says_how_many_sections_are_left_out(tmp_path: Path, width: int,
                                                                 left: str) -> None:
    lines = terminal(russian(tmp_path, 200, sections=40), width=width).splitlines()
    assert all(len(ln) <= width for ln in lines[1:]), max(lines, key=len)  # [0]: the path
    assert f"(ещё {left}: используйте --format json)" in lines
    assert any(ln.startswith("столбцы — 40 разделов (200 пунктов): лучшая") for ln in lines)


def test_terminal_without_road_map_in_russian(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("roadmap: [unclosed\n", encoding="utf-8")
    file = Engine(Options(today=dt.date(2026, 11, 26), lang="ru")).check_path(broken,
                                                                              str(broken))
    text = "".join(matrix_terminal.render(Report([file], Severity.ERROR), False, 80))
    assert text.endswith(": таблицы охвата нет (дорожная карта не прочитана)\n")
