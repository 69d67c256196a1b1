"""The HTML report (one self-contained page) and the Markdown report (a PR comment).

Expected numbers come from the input (items, sections and citations of the road maps, the
rule set) or, for counts of findings, from the JSON report's findings (tests/test_matrix.py
reads them); never from the output under test.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_matrix import (
    ENGLISH,
    EXAMPLES,
    SHOWCASE,
    check,
    counts,
    coverage,
    generated,
    items_of,
    json_findings,
    plural_ru,
    position,
    roadmap_yaml,
    russian_who,
    share,
)

from roadmap_check.engine import Engine, Options
from roadmap_check.findings import Finding
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import html as html_report
from roadmap_check.reporters import markdown
from roadmap_check.severity import Severity

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SCRIPT_TITLE = '<script>alert("x")</script>'
IMG_TITLE = "<img src=x onerror=alert(1)>"
CHROMIUM = Path("/usr/bin/chromium")
RUSSIAN = EXAMPLES / "telemedicine-roadmap-ru.yaml"


class Page(HTMLParser):
    """Parses a page and notes what a well-formed, inert page must not have."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.errors: list[str] = []
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()
        self.errors.extend(f"<{tag}> at {pos} is never closed" for tag, pos in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name == "href":
                self.hrefs.append(value or "")
            elif name == "src":
                self.srcs.append(value or "")
            elif name.startswith("on"):
                self.errors.append(f"event handler {name} on <{tag}>")
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else None
            self.errors.append(f"</{tag}> at {self.getpos()} closes {open_tag}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def report(*files: FileReport) -> Report:
    return Report(list(files), Severity.ERROR)


def html_of(*files: FileReport) -> str:
    return "".join(html_report.render(report(*files)))


def markdown_of(*files: FileReport) -> str:
    return "".join(markdown.render(report(*files)))


def hostile(tmp_path: Path, count: int = 3) -> FileReport:
    return generated(tmp_path, count, title=SCRIPT_TITLE, item_title=IMG_TITLE)


def summary_cells(file: FileReport, of: str = "of", percent: str = "%") -> str:
    """The HTML summary row: counts of the JSON report's findings, then the coverage."""
    return "".join(f"<td>{n}</td>" for n in counts(file)) + \
        f"<td>{share(*coverage(file), of=of, percent=percent)}</td>"


def summary_row(file: FileReport, of: str = "of", percent: str = "%") -> str:
    """The Markdown summary row."""
    cells = [*map(str, counts(file)), share(*coverage(file), of=of, percent=percent)]
    return "| " + " | ".join(cells) + " |"


def live_of_item(file: FileReport, item: str) -> int:
    return sum(f["item"] == item and not f["suppressed"] for f in json_findings(file))


def bad_date() -> tuple[int, int]:
    """Where the showcase's bad deadline stands (its RM301)."""
    return position(SHOWCASE, '"31.09.2022"')


def date_in_words() -> tuple[int, int]:
    """Where the showcase's deadline in words stands (its RM311, with a fix)."""
    return position(SHOWCASE, '"December 2022"')


def first_citation_ru() -> tuple[int, int]:
    """Where the first citation of the Russian example stands (its first RM105)."""
    return position(RUSSIAN, '"ст. 6 Соглашения о сотрудничестве')


# ----------------------------------------------------------------------------- HTML


def test_html_parses_and_is_self_contained() -> None:
    showcase, english = check(SHOWCASE), check(ENGLISH)
    text = html_of(showcase, english)
    page = Page(text)
    assert page.errors == []
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert "script" not in page.tags and "<script" not in text.lower()
    assert page.srcs == [] and "url(" not in text and "@import" not in text
    sources = {source.url for file in (showcase, english) if file.ruleset
               for fw in file.ruleset.frameworks for source in fw.sources}
    assert page.hrefs and set(page.hrefs) <= sources
    assert "@media print" in text and "@page" in text and "page-break-before" in text


def test_html_content() -> None:
    file = check(SHOWCASE)
    text = html_of(file)
    body = "".join(Page(text).text)
    assert '<html lang="en">' in text
    assert "Road map for cross-border telemedicine interaction of the CIS member states " \
        "(broken draft)" in body
    assert "cis-telemedicine-roadmap-broken" in body and "2021-09-09" in body
    # the rule set and its provenance, in the appendix at the end
    appendix = text[text.index('<section class="appendix"'):]
    assert "cis-telemedicine" in appendix and "the built-in rule set cis-frameworks" in appendix
    assert "<th>confidence</th>" in appendix and "<td>not confirmed (inferred)*</td>" in appendix
    # summary: errors, warnings, info, waived, fixable, coverage
    assert summary_cells(file) in text
    live = sum(not f["suppressed"] for f in json_findings(file))
    assert text.index("<h3>Summary</h3>") < text.index(f"<h3>Findings ({live})</h3>") < \
        text.index('<section class="appendix"')
    # the heatmap: a legend and states as classes
    assert 'class="s-prov">■</b> cites a provision' in text
    assert '<td class="s-touch">○</td>' in text and "position:sticky" in text
    # findings by item, with badge, code, name, position, message, suggestion and source
    assert "Item 1.2 — Define the list of diseases for teleconsultations" in body
    assert "Item 1.2 — Define the medical documents and their content" in body
    assert '<span class="badge error">error</span> <code>RM301</code> bad-date' in text
    line, column = bad_date()
    assert f"line {line}:{column}" in body
    assert f'{line} |     deadline: "31.09.2022"' in body
    assert f"{line - 1} |" in body and f"{line + 1} |" in body
    line, column = date_in_words()
    assert f"line {line}:{column}" in body and "write '2022-12'" in body
    # waived findings apart, with their reason
    waived = text[text.index(f"Waived findings ({counts(file)[3]})"):]
    assert "The portals are named only as the entry point for patients" in waived


def test_html_escapes_roadmap_text(tmp_path: Path) -> None:
    text = html_of(hostile(tmp_path))
    page = Page(text)
    assert page.errors == []
    assert "&lt;script&gt;" in text and "<script" not in text.lower()
    assert "<img" not in text.lower() and "img" not in page.tags and page.srcs == []
    body = "".join(page.text)
    assert SCRIPT_TITLE in body and IMG_TITLE in body  # shown as text


def test_html_wide_matrix_by_section(tmp_path: Path) -> None:
    text = html_of(generated(tmp_path, 200))
    assert Page(text).errors == []
    assert "200 items: one column per section" in text
    head = text[text.index('<table class="matrix">'):text.index("</thead>")]
    assert re.findall(r'<th title="(S\d+)">', head) == [f"S{n}" for n in range(1, 11)]


def test_html_tolerates_missing_source(tmp_path: Path) -> None:
    file = hostile(tmp_path)
    Path(file.path).unlink()
    text = html_of(file)
    assert Page(text).errors == [] and '<pre class="src">' not in text
    assert "RM202" in text


def test_html_language_and_unreadable_roadmap(tmp_path: Path) -> None:
    assert '<html lang="ru">' in html_of(check(EXAMPLES / "telemedicine-roadmap-ru.yaml"))
    broken = tmp_path / "broken.yaml"
    broken.write_text("roadmap: [unclosed\n", encoding="utf-8")
    text = html_of(check(broken))
    assert Page(text).errors == [] and "RM001" in text


# ----------------------------------------------------------------------------- Markdown


FENCE = re.compile(r"^( *)(`{3,})yaml\n.*?^\1\2$", re.M | re.S)


def outside_code(text: str) -> str:
    """The Markdown with its fenced source quotes dropped (they show text literally)."""
    return FENCE.sub("", text)


def table_widths(text: str) -> list[int]:
    """The number of cells of every table line (unescaped pipes minus one)."""
    return [len(re.findall(r"(?<!\\)\|", line)) - 1 for line in text.splitlines()
            if line.startswith("|")]


def test_markdown_showcase() -> None:
    file = check(SHOWCASE)
    text = markdown_of(file)
    assert text.count("<details>") == text.count("</details>") > 5
    assert "| errors | warnings | info | waived | fixable | coverage of requirements |" in text
    assert summary_row(file) in text
    ids = [item["id"] for item in items_of(SHOWCASE)]
    assert "| framework | " + " | ".join(ids[:5]) + " |" in text
    assert "| ✗ cis-digital-interaction-agreement-2020 | · |" in text
    item = next(i for i in items_of(SHOWCASE) if i["id"] == "2.1")
    assert f"<summary>Item 2.1 — {item['title']} ({live_of_item(file, '2.1')} findings)" \
        "</summary>" in text
    line, column = bad_date()
    assert f"- **error** `RM301` bad-date, line {line}:{column}:" in text
    line, column = date_in_words()
    assert f"- **info** `RM311` non-canonical-date, line {line}:{column} (fixable):" in text
    assert f"Waived findings ({counts(file)[3]})" in text and "Truncated" not in text


def test_markdown_escapes_pipes_and_html(tmp_path: Path) -> None:
    count = 30  # in ten sections: three items each
    text = roadmap_yaml(count, title="A | B <b>bold</b> [z](http://e)", item_title="x | y @here")
    text = text.replace('section: "S', 'section: "part | S').replace('- id: "A', '- id: "A|')
    path = tmp_path / "pipes.yaml"
    path.write_text(text, encoding="utf-8")
    out = markdown_of(check(path))
    tables = out.split("\n\n")
    for block in tables:
        widths = table_widths(block)
        assert len(set(widths)) <= 1, block
    assert f"part \\| S1 ({count // 10})" in out and "A \\| B &lt;b&gt;bold&lt;/b&gt;" in out
    prose = outside_code(out)
    assert "<b>" not in prose and "@here" not in prose and "@\u200bhere" in prose
    # Markdown is not read inside <summary> (raw HTML); everywhere else links are escaped
    markdown_lines = [ln for ln in prose.splitlines() if "<summary>" not in ln]
    assert "[z]" not in "\n".join(markdown_lines) and "\\[z\\](http://e)" in prose
    small = tmp_path / "small.yaml"
    small.write_text(roadmap_yaml(5).replace('- id: "A', '- id: "A|'), encoding="utf-8")
    head = next(ln for ln in markdown_of(check(small)).splitlines()
                if ln.startswith("| framework"))
    assert head == "| framework | A\\|1 | A\\|2 | A\\|3 | A\\|4 | A\\|5 | share |"


def test_markdown_roadmap_without_items(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("roadmap: {id: x, title: T}\nitems: []\n", encoding="utf-8")
    out = markdown_of(check(path))
    matrix = out[out.index("| framework"):out.index("Coverage of requirements")]
    assert set(table_widths(matrix)) == {2}
    assert Page(html_of(check(path))).errors == []


def test_markdown_escapes_script(tmp_path: Path) -> None:
    out = markdown_of(hostile(tmp_path))
    prose = outside_code(out)
    assert "&lt;script&gt;" in prose and "<script" not in prose and "<img" not in prose
    assert "&lt;img src=x onerror=alert(1)&gt;" in prose


def test_markdown_source_quotes_cannot_break_out(tmp_path: Path) -> None:
    title = "``` </details> <script>x</script>"
    path = tmp_path / "fence.yaml"
    path.write_text(roadmap_yaml(2, item_title=title), encoding="utf-8")
    file = check(path)
    duplicate = next(f for f in file.findings if f.code == "RM309")  # on the title line
    out = markdown_of(file)
    quoted = f'  ````yaml\n  {duplicate.line} |     title: "{title}"\n  ````\n'
    assert quoted in out  # a fence longer than any run of backticks in the line
    prose = outside_code(out)
    assert "<script" not in prose and prose.count("</details>") == prose.count("<details>")


def test_markdown_truncates_under_github_limit(tmp_path: Path) -> None:
    lines = roadmap_yaml(2000).replace("deadline: 2027-12-31", "deadline: 31.12.2027")
    lines = lines.replace("cites: [", 'cites: ["Strategy of the EAEU on digital health 2028", ')
    path = tmp_path / "huge.yaml"
    path.write_text(lines, encoding="utf-8")
    file = check(path)
    assert len(file.findings) > 4000
    out = markdown_of(file)
    assert len(out) < 65_536
    per_section = 2000 // 10  # roadmap_yaml spreads the items over ten sections evenly
    assert f"| framework | S1 ({per_section}) |" in out
    assert "| ✗ cis-digital-interaction-agreement-2020 |" in out
    found = re.search(r"\*\*Truncated:\*\* (\d+) of (\d+) findings are left out", out)
    assert found is not None and "--format html" in out and "--format json" in out
    left, total = map(int, found.groups())
    assert total == len(file.findings)
    assert out.count("\n- **") == total - left > 0
    assert out.count("<details>") == out.count("</details>")


# ----------------------------------------------------------------------------- in Russian


def in_russian(path: Path) -> FileReport:
    """A road map checked with --lang ru (whatever its own language)."""
    return Engine(Options(today=dt.date(2026, 11, 26), lang="ru")).check_path(path, str(path))


def copies(tmp_path: Path, source: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        out.append(tmp_path / name)
        shutil.copy(source, out[-1])
    return out


def test_html_in_russian() -> None:
    file = check(RUSSIAN)
    text = html_of(file)
    page = Page(text)
    assert page.errors == []
    body = "".join(page.text)
    assert '<html lang="ru">' in text and '<section class="file" lang="ru">' in text
    assert "<h1>Отчёт roadmap-check</h1>" in text
    header = yaml.load(RUSSIAN.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["roadmap"]
    assert "<dt>файл</dt>" in text and f"<dt>версия</dt><dd>{header['version']}</dd>" in text
    assert "<dt>статус</dt><dd>проект</dd>" in text and "<dt>язык</dt><dd>русский</dd>" in text
    year, month, day = header["date"].split("-")
    assert f"<dt>дата дорожной карты</dt><dd>{day}.{month}.{year}</dd>" in text
    first, last = re.split("[-–]", header["period"])
    assert f"<dt>период реализации</dt><dd>{first}–{last}\u00a0гг.</dd>" in text
    assert "Подготовлено с помощью roadmap-check 0.1.0; набор правил: Дорожная карта развития " \
        "трансграничного телемедицинского взаимодействия государств – участников СНГ " \
        "(cis-telemedicine, версия 2026.11)." in body
    appendix = text[text.index('<section class="appendix"'):]
    assert "<h2>Приложение. Набор правил и источники сведений о документах</h2>" in appendix
    assert "встроенный набор правил cis-frameworks" in appendix
    assert "<th>документ</th><th>наименование</th><th>группа документов</th>" \
        "<th>обязательный</th><th>достоверность</th><th>принят</th><th>действует до</th>" \
        "<th>источники</th>" in appendix
    assert "<td>ВОЗ</td>" in appendix and "<td>предположительно*</td>" in appendix
    assert "<h3>Сводка</h3>" in text
    assert "<tr><th>ошибки</th><th>предупреждения</th><th>примечания</th><th>снято</th>" \
        "<th>исправляются автоматически</th><th>охват обязательных документов</th></tr>" in text
    assert summary_cells(file, of="из", percent="\u00a0%") in text
    assert "<h3>Таблица охвата обязательных документов</h3>" in text
    assert '<b class="s-prov">■</b> ссылка на положение</span>' \
        '<span><b class="s-cited">●</b> ссылка на документ</span>' \
        '<span><b class="s-touch">○</b> относится к предмету, ссылки нет (RM201)</span>' \
        '<span><b class="s-none">·</b> нет</span>' in text
    assert '<th class="fw">документ</th>' in text and "<th>доля</th>" in text
    assert f"who-document — не менее одного документа ВОЗ: {russian_who()}" in body
    covered, required = coverage(file)
    assert f"<p>Охват обязательных документов: <b>{covered} из {required}</b> " \
        f"({round(100 * covered / required)}\u00a0%).</p>" in text
    assert "<tr><th>пункт</th><th>раздел</th><th>наименование</th></tr>" in text
    live = sum(not f["suppressed"] for f in json_findings(file))
    assert f"<h3>Замечания ({live})</h3>" in text
    assert f"<h4>Пункт 1 — {items_of(RUSSIAN)[0]['title']}" in text
    line, column = first_citation_ru()
    assert '<span class="badge info">примечание</span> <code>RM105</code> ' \
        f'ссылка не по официальному наименованию <span class="mute">строка {line}:{column}</span> ' \
        '<span class="mute">(исправляется командой fix)</span>' in text
    assert "<b>Рекомендация:</b> приведите официальное наименование: " in text


def test_html_in_russian_waived_errors_and_the_document() -> None:
    file = in_russian(SHOWCASE)
    text = html_of(file)
    assert Page(text).errors == [] and '<html lang="ru">' in text
    assert "<h4>Дорожная карта в целом</h4>" in text
    assert '<span class="badge error">ошибка</span>' in text
    assert '<span class="badge warning">предупреждение</span>' in text
    assert summary_cells(file, of="из", percent="\u00a0%") in text
    waived = text[text.index(f"<h3>Снятые замечания ({counts(file)[3]})</h3>"):]
    assert '<span class="badge waived">снято</span>' in waived
    assert re.search(r'<span class="mute">пункт 1\.1, строка \d+:\d+</span>', waived)
    assert "<b>Снято:</b> «The portals are named only" in waived


def test_html_page_of_several_files_speaks_the_first_files_language(tmp_path: Path) -> None:
    ru, en = copies(tmp_path, RUSSIAN, "a-ru.yaml")[0], copies(tmp_path, ENGLISH, "b-en.yaml")[0]
    text = html_of(check(en), check(ru))  # the report puts the files in path order: ru first
    assert Page(text).errors == []
    head = text[:text.index("</header>")]
    assert '<html lang="ru">' in head and "<title>roadmap-check: 2 дорожные карты</title>" in head
    assert "<h1>Отчёт roadmap-check</h1>" in head and ">2 файла</p>" in head
    assert "<th>ошибки</th>" in head and "<th>errors</th>" not in head
    english = text[text.index('<section class="file" lang="en">'):]
    assert "<h3>Summary</h3>" in english and "<h3>Coverage matrix</h3>" in english
    assert "Сводка" not in english[:english.index('<section class="appendix"')]
    five = html_of(*(check(path) for path in
                     copies(tmp_path, RUSSIAN, *(f"r{n}.yaml" for n in range(5)))))
    assert "<title>roadmap-check: 5 дорожных карт</title>" in five and ">5 файлов</p>" in five
    english_first = html_of(check(copies(tmp_path, ENGLISH, "0-en.yaml")[0]), check(ru))
    assert '<html lang="en">' in english_first and "<title>roadmap-check: 2 road maps</title>" \
        in english_first and "<h1>roadmap-check report</h1>" in english_first


def test_html_wide_matrix_in_russian(tmp_path: Path) -> None:
    count, parts = 200, 10  # roadmap_yaml spreads the items over ten sections evenly
    path = tmp_path / "wide-ru.yaml"
    path.write_text(roadmap_yaml(count, parts).replace("language: en", "language: ru"),
                    encoding="utf-8")
    text = html_of(check(path))
    assert Page(text).errors == []

    def items(n: int) -> str:
        return plural_ru(n, "пункт", "пункта", "пунктов")

    assert f"{items(count)}: по одному столбцу на раздел; в ячейке — наиболее полная ссылка" in text
    assert f'<th title="S1">S1<br><span class="mute">{items(count // parts)}</span></th>' \
        in text


def test_markdown_in_russian() -> None:
    file = check(RUSSIAN)
    text = markdown_of(file)
    header = yaml.load(RUSSIAN.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["roadmap"]
    year, month, day = header["date"].split("-")
    assert f" · версия: {header['version']} · дата дорожной карты: {day}.{month}.{year} · " \
        "статус: проект · " in text
    assert "Набор правил: **cis-telemedicine** 2026.11 (встроенный набор правил " \
        "cis-frameworks, встроенный набор правил cis-telemedicine)" in text
    assert "| ошибки | предупреждения | примечания | снято | исправляются автоматически | " \
        "охват обязательных документов |\n" in text
    assert summary_row(file, of="из", percent="\u00a0%") in text
    assert "#### Таблица охвата обязательных документов\n\n■ ссылка на положение; ● ссылка на " \
        "документ; ○ относится к предмету, ссылки нет (RM201); · нет\n" in text
    ids = [item["id"] for item in items_of(RUSSIAN)]
    assert "| документ | " + " | ".join(ids) + " | доля |" in text
    assert f"| ✓ **who-document**: {russian_who()} |" in text
    covered, required = coverage(file)
    assert f"Охват обязательных документов: **{covered} из {required}** " \
        f"({round(100 * covered / required)}\u00a0%)." in text
    assert "#### Замечания\n" in text
    summaries = re.findall(r"<summary>Пункт (\S+) — .*? \((\d+ \w+)\)</summary>", text)
    assert summaries == [(i, plural_ru(live_of_item(file, i), "замечание", "замечания",
                                       "замечаний")) for i in ids if live_of_item(file, i)]
    assert len({said for _, said in summaries}) >= 3  # the three forms of the noun
    line, column = first_citation_ru()
    assert f"- **примечание** `RM105` ссылка не по официальному наименованию, строка {line}:{column} " \
        "(исправляется командой fix): ссылка" in text
    assert "\n  - рекомендация: приведите официальное наименование: " in text


def test_markdown_in_russian_waived_and_the_document() -> None:
    text = markdown_of(in_russian(SHOWCASE))
    assert "<summary>Дорожная карта в целом (" in text
    line, column = bad_date()
    assert f"- **ошибка** `RM301` дата записана не в формате дорожной карты, строка {line}:{column}:" \
        in text
    line, column = date_in_words()
    assert f"- **примечание** `RM311` дата записана в другом виде, строка {line}:{column} " \
        "(исправляется командой fix):" in text
    waived = text[text.index(f"<summary>Снятые замечания ({counts(in_russian(SHOWCASE))[3]})"
                             "</summary>"):]
    assert "- **снято** `RM201`" in waived and "  - снято: «The portals are named only" in waived


def test_markdown_truncation_note_in_russian(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    files = [check(path) for path in copies(tmp_path, RUSSIAN, "a.yaml", "b.yaml", "c.yaml")]
    total = sum(len(json_findings(file)) for file in files)
    everything = plural_ru(total, "замечания", "замечаний", "замечаний")  # "из 78 замечаний"
    monkeypatch.setattr(markdown, "LIMIT", 9000)
    text = markdown_of(*files)
    assert len(text) <= 9000 and "Truncated" not in text
    found = re.search(rf"> \*\*Отчёт сокращён:\*\* не показано (\d+) из {everything}, чтобы "
                      r"не превысить ограничение GitHub на размер комментария\. Полный отчёт — "
                      r"`--format html` или `--format json`\.\n", text)
    assert found is not None
    assert text.count("\n- **") == total - int(found.group(1)) > 0
    assert text.startswith("## roadmap-check\n\n| ошибки | предупреждения |")
    monkeypatch.setattr(markdown, "LIMIT", 1500)
    text = markdown_of(*files)
    # only the first file's heading fits: every finding, and every other file, is left out
    left = plural_ru(len(files), "файла", "файлов", "файлов")
    assert f"не показано {total} из {everything} и {len(files) - 1} из {left}, чтобы" in text
    assert "_Таблица охвата не показана из-за объёма; она есть в отчёте HTML._" in text


# ----------------------------------------------------------------------------- PNG, browser


def png_pixels(data: bytes, max_rows: int = 400) -> tuple[int, int, bytes]:
    """Width, height and the unfiltered bytes of the first rows of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    stride, raw = width * bpp, zlib.decompress(idat)
    previous, rows = bytearray(stride), []
    for y in range(min(height, max_rows)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride) if kind else ():
            a = line[x - bpp] if x >= bpp else 0
            b, c = previous[x], previous[x - bpp] if x >= bpp else 0
            guess = [0, a, b, (a + b) // 2, _paeth(a, b, c) if kind == 4 else 0][kind]
            line[x] = (line[x] + guess) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, b"".join(rows)


def blank(data: bytes) -> bool:
    _, _, pixels = png_pixels(data)
    return len(set(pixels)) <= 1


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def _png(rows: list[bytes], filters: list[int]) -> bytes:
    """A tiny RGB PNG whose rows use the given filters (to test the decoder)."""
    out, previous = b"", bytes(len(rows[0]))
    for row, kind in zip(rows, filters, strict=True):
        left, up_left = bytes(3) + row[:-3], bytes(3) + previous[:-3]
        guess = [[0] * len(row), list(left), list(previous),
                 [(a + b) // 2 for a, b in zip(left, previous, strict=True)],
                 [_paeth(a, b, c) for a, b, c in zip(left, previous, up_left, strict=True)]][kind]
        out += bytes([kind]) + bytes((v - g) & 255 for v, g in zip(row, guess, strict=True))
        previous = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", len(rows[0]) // 3, len(rows), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(out)) \
        + chunk(b"IEND", b"")


def test_png_decoder_tells_blank_from_drawn() -> None:
    white = [bytes([255] * 12)] * 5
    drawn = [*white[:2], bytes([255] * 6 + [0, 0, 0] + [255] * 3), *white[3:]]
    for filters in ([0] * 5, [1] * 5, [2] * 5, [3] * 5, [4] * 5, [0, 1, 2, 3, 4]):
        assert blank(_png(white, filters)), filters
        assert not blank(_png(drawn, filters)), filters
        assert png_pixels(_png(drawn, filters))[2] == b"".join(drawn)


needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(),
                                    reason="no /usr/bin/chromium: the browser tests need it")


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=60, check=False)


@needs_chromium
def test_browser_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_of(check(SHOWCASE)), encoding="utf-8")
    shot = tmp_path / "shot.png"
    chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.stat().st_size > 5_000
    width, height, _ = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert not blank(shot.read_bytes())


@needs_chromium
def test_browser_runs_no_injected_script(tmp_path: Path) -> None:
    title = '<script>document.title="PWNED"</script>'
    path = tmp_path / "pwn.yaml"
    path.write_text(roadmap_yaml(3, title=title, item_title=title), encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(html_of(check(path)), encoding="utf-8")
    done = chromium(tmp_path, page, "--dump-dom")
    dom = done.stdout
    found = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert found is not None, done.stderr[-2000:]
    assert found.group(1).startswith("roadmap-check:") and found.group(1) != "PWNED"
    assert "&lt;script&gt;document.title=" in dom and "<script" not in dom


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "б", " ", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x85",
                                 "\u2028", "é"]), max_size=60))
def test_the_quoted_lines_are_the_lines_the_reader_counts(
        tmp_path_factory: pytest.TempPathFactory, parts: list[str]) -> None:
    """The report quotes line n of the file as a whole read split by str.splitlines numbers
    it, though it keeps only the lines around its findings."""
    from roadmap_check.reporters.annex_text import source_lines

    text = "".join(parts)
    path = tmp_path_factory.mktemp("lines") / "draft.yaml"
    path.write_bytes(text.encode("utf-8"))
    expected = text.splitlines()
    at = [Finding("RM001", str(path), n, 1, ("m", ())) for n in range(1, len(expected) + 2)]
    lines = source_lines(str(path), at)
    assert lines is not None and len(lines) == len(expected)
    assert [lines[i] for i in range(len(expected))] == expected
