"""The coverage matrix (roadmap_check.matrix) and its terminal view.

Expected numbers come from the input: the items, sections and citations of the road maps
(read with PyYAML), the requirements and groups of the rule set, and, for counts of findings,
the findings of the JSON report; never from the output under test.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from roadmap_check.engine import Engine, Options
from roadmap_check.matrix import CITED, NONE, PROVISION, TOUCHED, Matrix, Row, build, sections
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import json as json_report
from roadmap_check.reporters import matrix_terminal
from roadmap_check.severity import Severity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHOWCASE = EXAMPLES / "defect-showcase.yaml"
ENGLISH = EXAMPLES / "telemedicine-roadmap-en.yaml"
FRAMEWORKS = ("cis-infosec-2030", "cis-telemed-agreement-2010", "cis-infosoc-2025",
              "cis-digital-concept-2019")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# ----------------------------------------------------------------------------- the input


def items_of(path: Path) -> list[dict[str, Any]]:
    """A road map's items as written: every scalar text (an unquoted 1.10 stays '1.10')."""
    items: list[dict[str, Any]] = yaml.load(path.read_text(encoding="utf-8"),
                                             Loader=yaml.BaseLoader)["items"]
    return items


def sections_of(path: Path) -> list[tuple[str, int]]:
    """Each section of a road map, in the order it first appears, with its number of items."""
    found: dict[str, int] = {}
    for item in items_of(path):
        found[item["section"]] = found.get(item["section"], 0) + 1
    return list(found.items())


def _rules(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "rules" / f"{name}.yaml").read_text("utf-8"))
    return data


def requirements() -> list[dict[str, Any]]:
    """The requirements of the default rule set, cis-telemedicine."""
    found: list[dict[str, Any]] = _rules("cis-telemedicine")["requirements"]
    return found


def requirement(ident: str) -> dict[str, Any]:
    return next(r for r in requirements() if r.get("id") == ident)


def group(label: str) -> list[str]:
    """The frameworks of a group of the built-in rule set (its 'group:' label)."""
    return [f["id"] for f in _rules("cis-frameworks")["frameworks"] if f.get("group") == label]


def json_findings(file: FileReport) -> list[dict[str, Any]]:
    """A file's findings as the JSON report gives them."""
    data = json.loads("".join(json_report.render(Report([file], Severity.ERROR))))
    found: list[dict[str, Any]] = data["findings"]
    return found


def counts(file: FileReport) -> list[int]:
    """Errors, warnings, info, waived and fixable findings, counted in the JSON report."""
    found = json_findings(file)
    live = [f for f in found if not f["suppressed"]]
    return [*(sum(f["severity"] == level for f in live) for level in ("error", "warning", "info")),
            sum(f["suppressed"] for f in found),
            sum(f["fix"] is not None and f["fix"]["safe"] for f in live)]


def coverage(file: FileReport) -> tuple[int, int]:
    """(covered, required): every requirement of the rule set, but those RM202 reports."""
    required = len(requirements())
    return required - sum(f["code"] == "RM202" for f in json_findings(file)), required


def share(covered: int, required: int, of: str = "of", percent: str = "%") -> str:
    """'6 of 7 (86%)'; in a Russian report '6 из 7 (86\u00a0%)' (``percent``)."""
    return f"{covered} {of} {required} ({round(100 * covered / required)}{percent})"


def position(path: Path, written: str) -> tuple[int, int]:
    """The line and column where ``written`` first stands in a file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n, line.index(written) + 1) for n, line in enumerate(lines, 1)
                if written in line)


def plural_ru(count: int, one: str, few: str, many: str) -> str:
    """'3 раздела': a count with the Russian noun form it needs."""
    if count % 10 == 1 and count % 100 != 11:
        return f"{count} {one}"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{count} {few}"
    return f"{count} {many}"


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
    file, items = check(ENGLISH), items_of(ENGLISH)
    matrix = build(file)
    assert [c.id for c in matrix.columns] == [item["id"] for item in items]
    assert [(c.section, c.title) for c in matrix.columns] == \
        [(item["section"], item["title"]) for item in items]
    # Every {framework: ..., provision: ...} citation is a provision cell, every mapping
    # without a provision a framework cell (unless the item cites a provision of it too).
    mappings = 0
    for item in items:
        for citation in item["cites"]:
            if isinstance(citation, dict):
                mappings += 1
                provisions = [c for c in item["cites"] if isinstance(c, dict)
                              and c["framework"] == citation["framework"] and "provision" in c]
                assert cell(matrix, citation["framework"], item["id"]) == \
                    (PROVISION if provisions else CITED), (item["id"], citation)
    assert mappings >= 5
    # An item none of whose citations names the telemedicine agreement does not cite it.
    others = [item["id"] for item in items
              if not any("telemed" in json.dumps(c).casefold() for c in item["cites"])]
    assert others and all(cell(matrix, "cis-telemed-agreement-2010", i) not in (PROVISION, CITED)
                          for i in others)
    covered, required = coverage(file)
    assert covered == required == len(matrix.requirements)
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
    covered, required = coverage(file)
    assert (matrix.covered, matrix.required) == Report([file], Severity.ERROR).coverage() \
        == (covered, required)
    assert required == len(requirements())
    assert matrix.share == pytest.approx(covered / required)


def test_rows_required_first_then_groups() -> None:
    matrix = build(check(SHOWCASE))
    required = [r for r in matrix.rows if r.group is None]
    grouped = [r for r in matrix.rows if r.group is not None]
    assert matrix.rows[:len(required)] == tuple(required)
    assert "cis-telemed-agreement-2010" in {r.framework for r in required}
    assert {r.group for r in grouped} == {"who-document", "itu-document"}
    who = [r for r in grouped if r.group == "who-document"]
    assert "wha58-28" in {r.framework for r in who}
    assert who[0].group_title == requirement("who-document")["title"]["en"]
    assert sorted(r.framework for r in who) == sorted(group("who"))
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
    assert [(s.name, len(s.columns)) for s in found] == sections_of(SHOWCASE)
    assert sum(len(s.columns) for s in found) == len(matrix.columns)
    infosec = [r.framework for r in matrix.rows].index("cis-infosec-2030")
    assert [s.cells[infosec] for s in found] == [PROVISION, TOUCHED, NONE]

    def cites_it(item: dict[str, Any]) -> bool:
        return any(needle in json.dumps(item["cites"])
                   for needle in ("cis-infosec-2030", "Information Security"))

    assert [s.counts[infosec] for s in found] == [
        sum(cites_it(item) for item in items_of(SHOWCASE) if item["section"] == name)
        for name, _ in sections_of(SHOWCASE)]


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
    covered, required = coverage(check(SHOWCASE))
    assert data["coverage"] == {"covered": covered, "required": required,
                                "share": round(covered / required, 4)}
    rows = {r["framework"]: r for r in data["rows"]}
    assert rows["cis-digital-interaction-agreement-2020"]["share"] == 0
    assert rows["cis-infosec-2030"]["cells"][4] == "touched"
    assert len(data["sections"]) == len(sections_of(SHOWCASE))
    assert len(data["columns"]) == len(items_of(SHOWCASE))


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


def generated_cells(count: int, framework: str) -> list[str]:
    """What ``roadmap_yaml`` cites, as cells: its items cite FRAMEWORKS in turn, the
    agreement with a provision."""
    mark = "■" if framework == "cis-telemed-agreement-2010" else "●"
    return [mark if FRAMEWORKS[i % len(FRAMEWORKS)] == framework else "·" for i in range(count)]


def test_terminal_five_items(tmp_path: Path) -> None:
    count = 5
    text = terminal(generated(tmp_path, count))
    lines = text.splitlines()
    # a path wider than the terminal stays whole: the heading wraps after it
    assert " ".join(" ".join(lines[:2]).split()).endswith(
        f"generated-{count}.yaml: coverage matrix (cis-telemedicine)")
    legend = next(n for n, ln in enumerate(lines) if ln.startswith("■"))
    assert lines[legend] == ("■ cites a provision   ● cites the framework   ○ speaks of its "
                             "subject, uncited (RM201)   · none")
    header = next(ln for ln in lines if ln.rstrip().endswith("share"))
    assert header.split() == [f"A{n}" for n in range(1, count + 1)] + ["share"]
    for framework in FRAMEWORKS:
        cells = generated_cells(count, framework)
        assert symbols(text, framework) == cells, framework
        citing = round(100 * (len(cells) - cells.count("·")) / count)
        row = next(ln for ln in lines if f" {framework} " in ln)
        assert row.split("%")[0].endswith(f" {citing}"), row
    assert "✗ cis-digital-interaction-agreement-2020" in text
    row = next(ln for ln in lines if "cis-digital-interaction-agreement-2020" in ln)
    short = next(f for f in _rules("cis-frameworks")["frameworks"]
                 if f["id"] == "cis-digital-interaction-agreement-2020")["short"]["en"][0]
    assert row.endswith(f"  0%  {short}")  # the row ends with the framework's short title
    who = requirement("who-document")
    assert f"✗ who-document ({who['title']['en']}): 0 of {len(group('who'))} cited, needs " \
        f"{who['at_least']}" in lines
    required = [r["framework"] for r in requirements() if "framework" in r]
    covered = len(set(required) & set(FRAMEWORKS))  # no WHO, no ITU document is cited
    assert lines[-1] == f"coverage of requirements: {share(covered, len(requirements()))}"
    assert all(len(ln) <= 100 for ln in lines)
    assert terminal(generated(tmp_path, count)) == text  # stable


def test_terminal_showcase_fits_items() -> None:
    file = check(SHOWCASE)
    text = terminal(file)
    assert " ".join(item["id"] for item in items_of(SHOWCASE)[:5]) in text
    assert symbols(text, "cis-infosec-2030")[1] == "■"
    assert symbols(text, "cis-infosec-2030")[4] == "○"
    assert f"coverage of requirements: {share(*coverage(file))}" in text


def test_terminal_200_items_collapses_to_sections(tmp_path: Path) -> None:
    count, parts = 200, 10
    text = terminal(generated(tmp_path, count, parts), width=100)
    lines = text.splitlines()
    assert all(len(ln) <= 100 for ln in lines), max(lines, key=len)
    header = next(ln for ln in lines if ln.rstrip().endswith("share"))
    assert header.split() == [f"S{n}" for n in range(1, parts + 1)] + ["share"]
    assert f"columns are the {parts} sections of {count} items (each shows its best state)" \
        in text
    # each section has items of every framework in turn: a provision of the agreement
    assert symbols(text, "cis-telemed-agreement-2010") == ["■"] * parts
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
    name, size = sections_of(ENGLISH)[0]
    assert f"  1 {name} ({size} items)" in text


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


# The WHO documents the Russian example cites, as a reader of the draft identifies them.
RUSSIAN_WHO = {
    "Международной статистической классификации болезней и проблем, связанных со здоровьем "
    "(МКБ-10)": "who-icd",
    "Резолюции ВАЗ 58.28": "wha58-28",
    "Инструментарий ВОЗ/МСЭ по национальной стратегии электронного здравоохранения, часть 3":
        "who-itu-nehst-2012",
    "Глобальной стратегии ВОЗ по цифровому здравоохранению, стратегическая цель 2":
        "who-gsdh-2020-2025",
    "Глобальная стратегия в области цифрового здравоохранения на 2020–2025 гг., "
    "стратегическая цель 3": "who-gsdh-2020-2025",
}


def russian_who() -> str:
    """'ссылки есть на 4 из 7, необходимо не менее 1' for the Russian example's WHO requirement."""
    cited = {c for item in items_of(RUSSIAN) for c in item["cites"] if isinstance(c, str)}
    assert set(RUSSIAN_WHO) <= cited
    assert set(RUSSIAN_WHO.values()) <= set(group("who"))
    return f"ссылки есть на {len(set(RUSSIAN_WHO.values()))} из {len(group('who'))}, " \
        f"необходимо не менее {requirement('who-document')['at_least']}"


def test_terminal_in_russian() -> None:
    file = check(RUSSIAN)
    lines = terminal(file).splitlines()
    assert lines[0].endswith("telemedicine-roadmap-ru.yaml: таблица охвата (cis-telemedicine)")
    legend = "■ ссылка на положение ● ссылка на документ ○ относится к предмету, ссылки нет " \
        "(RM201) · нет"
    assert " ".join(" ".join(lines[1:3]).split()) == legend
    header = next(ln for ln in lines if ln.rstrip().endswith("доля"))
    assert header.split() == [item["id"] for item in items_of(RUSSIAN)] + ["доля"]
    assert f"✓ who-document (не менее одного документа ВОЗ): {russian_who()}" in lines
    said = share(*coverage(file), of="из", percent="\u00a0%")  # «86 %», as Russian writes it
    assert lines[-1] == f"охват обязательных документов: {said}"
    assert "share" not in "\n".join(lines) and "cited" not in "\n".join(lines)


def items_ru(count: int) -> str:
    return plural_ru(count, "пункт", "пункта", "пунктов")


def test_terminal_in_russian_by_section_with_plurals() -> None:
    lines = terminal(check(RUSSIAN), width=60).splitlines()
    assert all(len(ln) <= 60 for ln in lines), max(lines, key=len)
    found = sections_of(RUSSIAN)
    parts = plural_ru(len(found), "раздел", "раздела", "разделов")
    assert f"столбцы — {parts} ({items_ru(len(items_of(RUSSIAN)))}): лучшая ссылка в разделе" \
        in " ".join(" ".join(lines).split())
    for number, (name, size) in enumerate(found, 1):
        assert f"  {number} {name} ({items_ru(size)})" in lines
    colored = ANSI.sub("", terminal(check(RUSSIAN), width=60, color=True))
    assert "доля" in colored and "нужно не менее 1" in colored and "share" not in colored


@pytest.mark.parametrize("width", [61, 64, 73])
def test_terminal_in_russian_says_how_many_sections_are_left_out(tmp_path: Path,
                                                                 width: int) -> None:
    count, parts = 200, 40
    lines = terminal(russian(tmp_path, count, sections=parts), width=width).splitlines()
    assert all(len(ln) <= width for ln in lines[1:]), max(lines, key=len)  # [0]: the path
    shown = len(next(ln for ln in lines if ln.rstrip().endswith("доля")).split()) - 1
    assert 1 <= shown < parts
    left = plural_ru(parts - shown, "раздел", "раздела", "разделов")
    assert f"(ещё {left}: используйте --format json)" in lines
    every = plural_ru(parts, "раздел", "раздела", "разделов")
    assert any(ln.startswith(f"столбцы — {every} ({items_ru(count)}): лучшая") for ln in lines)


def test_terminal_without_road_map_in_russian(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("roadmap: [unclosed\n", encoding="utf-8")
    file = Engine(Options(today=dt.date(2026, 11, 26), lang="ru")).check_path(broken,
                                                                              str(broken))
    text = "".join(matrix_terminal.render(Report([file], Severity.ERROR), False, 80))
    assert text.endswith(": таблицы охвата нет (дорожная карта не прочитана)\n")
