"""The HTML annex for the people a draft is circulated to: summary and findings first, the rule
set's provenance in a closing appendix with official sources only, plain words for inferred
facts, Russian throughout in Russian; and, printed by headless Chromium, A4 pages that keep
the summary on page 1 and show no news or secondary source."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import Run, shared_file
from test_html_report import Page
from test_matrix import check

from roadmap_check.i18n import catalog
from roadmap_check.registry import CHECKS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHOWCASE = EXAMPLES / "defect-showcase.yaml"
Cli = Callable[..., Run]


def _kinds() -> dict[str, str]:
    facts = yaml.safe_load(shared_file("data/frameworks_facts.yaml").read_text(encoding="utf-8"))
    return {source["url"]: source["kind"] for source in facts["sources"].values()}


def _annex(cli: Cli, draft: Path, *args: str) -> str:
    run = cli("check", draft, "--format", "html", "--fail-on", "never", *args)
    assert run.code == 0, run.stderr
    return run.stdout


def fifteen(source: Path, target: Path) -> Path:
    """A 15-item draft: ``source`` with copies of its first items under new ids."""
    text = source.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - id: )", text.split("\nitems:\n", 1)[1])
    items = [b for b in blocks if b.startswith("  - id: ")]
    extra = [re.sub(r'^  - id: "[^"]*"', f'  - id: "{n}"', block.rstrip() + "\n", count=1)
             for n, block in enumerate(items[: 15 - len(items)], 10)]
    target.write_text(text.rstrip() + "\n" + "".join(extra), encoding="utf-8")
    assert target.read_text(encoding="utf-8").count("\n  - id: ") == 15
    return target


# -- the page --------------------------------------------------------------------------------


def test_the_annex_opens_with_the_summary_and_ends_with_the_appendix(cli: Cli) -> None:
    text = _annex(cli, SHOWCASE)
    assert Page(text).errors == []
    summary, findings = text.index("<h3>Summary</h3>"), text.index("<h3>Findings (28)</h3>")
    appendix = text.index('<section class="appendix"')
    assert summary < findings < appendix
    assert text.count("<section") == 2 and text.rstrip().endswith("</section>\n</body>\n</html>")
    # collapsed on screen (a <details> without 'open'), printed in full
    assert "<details><summary><h2>Appendix. The rule set and the sources of its facts</h2>" \
        in text[appendix:] and "<details open" not in text
    assert "details::details-content{content-visibility:visible;display:block}" in text
    assert "@page{size:A4;" in text


def test_no_provenance_leaves_the_appendix_out(cli: Cli) -> None:
    text = _annex(cli, SHOWCASE, "--no-provenance")
    assert Page(text).errors == [] and "<h3>Summary</h3>" in text
    assert 'class="appendix"' not in text and "<details" not in text
    assert '<table class="provenance"' not in text and "cis-legislation.com" not in text


def test_only_official_and_legal_database_sources_are_shown(cli: Cli) -> None:
    kinds = _kinds()
    text = _annex(cli, SHOWCASE)
    hrefs = Page(text).hrefs
    assert hrefs and all(kinds[url] in ("official", "legal-database") for url in hrefs), hrefs
    shown = check(SHOWCASE).ruleset
    assert shown is not None
    left_out = sum(1 for fw in shown.frameworks for source in fw.sources
                   if kinds[source.url] in ("news", "secondary"))
    assert left_out > 10
    assert f"(news reports, secondary sources), not listed here: {left_out}." in text


def test_inferred_facts_are_said_in_plain_words_in_both_languages(cli: Cli) -> None:
    english = _annex(cli, SHOWCASE)
    assert "cis-digital-interaction-agreement-2020</code>: the adoption date (2020-11-06) is " \
        "not confirmed by an official text; check it before relying on it" in english
    # the finding that rests on a horizon the facts confirm only in part says so too
    finding = english[english.index("<code>RM106</code>"):]
    finding = finding[:finding.index("</div>")]
    assert "the rule set marks the framework&#x27;s horizon as only partly confirmed" in finding
    russian = _annex(cli, SHOWCASE, "--lang", "ru")
    assert "cis-digital-interaction-agreement-2020</code>: дата принятия (06.11.2020) не " \
        "подтверждена официальным текстом; проверьте её, прежде чем на неё опираться" in russian
    finding = russian[russian.index("<code>RM106</code>"):]
    assert "в наборе правил подтверждены лишь частично" in finding[:finding.index("</div>")]
    assert ">inferred<" not in russian and ">предположительно*<" in russian


def test_the_annex_names_its_version_and_rule_set_and_gives_no_command(cli: Cli) -> None:
    from roadmap_check import __version__

    for lang, line in (("en", f"Prepared with roadmap-check {__version__}; rule set: "
                               "Cross-border telemedicine road map of the CIS member states "
                               "(cis-telemedicine, version 2026.11)."),
                       ("ru", f"Подготовлено с помощью roadmap-check {__version__}; набор "
                              "правил: Дорожная карта развития трансграничного "
                              "телемедицинского взаимодействия государств – участников СНГ "
                              "(cis-telemedicine, версия 2026.11).")):
        text = _annex(cli, SHOWCASE, "--lang", lang)
        body = "".join(Page(re.sub(r"<style>.*?</style>", "", text, flags=re.S)).text)
        assert line in body
        commands = r"roadmap-check (?:check|fix|frameworks|coverage|explain|checks|init|diff)"
        assert re.search(commands, body) is None and re.search(r"(?<!\w)--\w", body) is None


def test_russian_annex_says_statuses_groups_confidence_and_names_in_russian(
        cli: Cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text((EXAMPLES / "telemedicine-roadmap-ru.yaml").read_text(encoding="utf-8")
                     .replace("status: draft", "status: circulated"), encoding="utf-8")
    text = _annex(cli, draft)
    assert "<dd>разослан на согласование</dd>" in text and "<dd>русский</dd>" in text
    assert "<td>ВОЗ</td>" in text and "<td>МСЭ</td>" in text and "<td>СНГ</td>" in text
    assert "встроенный набор правил cis-frameworks" in text and "built-in" not in text
    assert {"подтверждено", "предположительно*"} <= set(re.findall(r"<td>([^<]*)</td>", text))
    for code in ("RM105",):
        assert f"<code>{code}</code> {catalog()[f'checkname.{code}']['ru']} " in text
    assert all(CHECKS[code].name not in text for code in CHECKS)


def _notes_with_fixes(draft: Path, lang: str) -> list[dict[str, object]]:
    """The live info findings with a safe fix of a cited text (RM105), from the JSON report
    (an unsafe one prints as itself: its hint says what the title would not keep)."""
    from roadmap_check.command import CheckArgs, run

    out = draft.with_suffix(".json")
    run(CheckArgs(paths=[draft], fmt="json", output=out, fail_on="never", lang=lang))
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return [f for f in findings if f["severity"] == "info" and f["fix"] and f["fix"]["safe"]
            and f["framework"] and not f["suppressed"]]


_QUOTES = re.compile("[«»„“'\"]|&#x27;|&quot;")


@pytest.mark.parametrize("lang", ["ru", "en"])  # the Russian draft, its annex in either language
def test_notes_with_a_fix_print_as_one_table_each_official_title_said_once(
        cli: Cli, tmp_path: Path, lang: str) -> None:
    draft = fifteen(EXAMPLES / "telemedicine-roadmap-ru.yaml", tmp_path / "d15.yaml")
    notes = _notes_with_fixes(draft, lang)
    assert len(notes) > 10
    text = _annex(cli, draft, "--lang", lang)
    assert Page(text).errors == []
    # on screen each note is a finding of its item, as any other; in print they are not ...
    assert text.count('<div class="finding info noprint">') == len(notes)
    assert all(f"<code>{f['code']}</code>" in text for f in notes)
    # ... but rows of one table, grouped by framework: the official title once per framework
    table = text[text.index('<table class="notes">'):]
    table = table[:table.index("</table>")]
    assert table.count("<tr class=\"row\">") == len(notes)
    frameworks = {str(f["framework"]) for f in notes}
    assert table.count('<tr class="group">') == len(frameworks)
    shown = check(draft).ruleset
    assert shown is not None
    titles = {fw.id: sorted({title for _, title in fw.title}) for fw in shown.frameworks}
    for fid in frameworks:
        assert any(table.count(html.escape(title, quote=True)) == 1 for title in titles[fid])
    # each row: the item, the citation as written, and what the fix writes, its official
    # title said by the group (the provision part written out)
    lines = draft.read_text(encoding="utf-8").splitlines()
    rows = {int(line): row for row, line in
            re.findall(r'<tr class="row">(<td>[^<]*</td><td>(\d+)</td>.*?)</tr>', table)}
    assert sorted(rows) == sorted(int(str(note["line"])) for note in notes)
    for note in notes:
        fix: Any = note["fix"]
        row = rows[fix["line"]]
        written = yaml.safe_load(lines[fix["line"] - 1][fix["column"] - 1:fix["end_column"] - 1])
        assert row.startswith(f"<td>{html.escape(str(note['item']), quote=True)}</td>")
        assert _QUOTES.sub("", html.escape(written)) in _QUOTES.sub("", row)
        value = str(yaml.safe_load(fix["replacement"]))
        title = max((title for title in titles[str(note["framework"])] if value.startswith(title)),
                    key=len)
        assert html.escape(value.removeprefix(title).lstrip(", "), quote=True) in row
        assert html.escape(title, quote=True) not in row
    assert ".notes-print{display:none}" in text and "@media print" in text


def test_a_recommendation_shared_by_findings_of_one_check_prints_once(cli: Cli,
                                                                      tmp_path: Path) -> None:
    draft = tmp_path / "dates.yaml"
    draft.write_text(re.sub(r"(?m)^    deadline: .*$", '    deadline: "в течение года"',
                            (EXAMPLES / "telemedicine-roadmap-ru.yaml").read_text(
                                encoding="utf-8")), encoding="utf-8")
    findings = json.loads(cli("check", draft, "--format", "json").stdout)["findings"]
    dates = [f for f in findings if f["code"] == "RM301"]
    assert len(dates) == draft.read_text(encoding="utf-8").count("\n  - id: ") > 2
    hint = html.escape(dates[0]["suggestion"], quote=True)
    assert all(f["suggestion"] == dates[0]["suggestion"] for f in dates)
    text = _annex(cli, draft)
    said = re.findall(r'<p( class="noprint")?><b>Рекомендация:</b> ' + re.escape(hint), text)
    assert len(said) == len(dates)  # on screen with each finding; on paper once, saying so
    assert said.count("") == 1 and said[0] == ""
    first = text[text.index(hint):]
    assert first[len(hint):].startswith('<span class="print-only"> (')
    assert "RM301" in first[:first.index("</p>")]


def test_the_appendix_says_each_caveat_once_for_all_the_frameworks_it_concerns(
        cli: Cli) -> None:
    text = _annex(cli, SHOWCASE, "--lang", "ru")
    caveats = text[text.index('<ul class="caveats">'):]
    caveats = caveats[:caveats.index("</ul>")]
    sentences = [re.sub(r"<code>[^<]*</code>(, )?", "", li) for li in
                 re.findall(r"<li>(.*?)</li>", caveats)]
    assert len(sentences) == len(set(sentences)) > 1
    title = catalog()["html.caveat.title"]["ru"]
    assert sum(title in li for li in re.findall(r"<li>(.*?)</li>", caveats)) == 1
    assert re.search(r"<li><code>[^<]+</code>, <code>[^<]+</code>.*: " + re.escape(title),
                     caveats)


def test_the_page_is_hyphenated_in_its_language_and_never_breaks_a_word_by_force(
        cli: Cli) -> None:
    for lang in ("en", "ru"):
        text = _annex(cli, SHOWCASE, "--lang", lang)
        assert f'<html lang="{lang}">' in text and "hyphens:auto" in text
        assert "overflow-wrap:anywhere" not in text and "break-all" not in text


# -- printed -------------------------------------------------------------------------------------

_CHROMIUM = next((found for name in ("chromium", "chromium-browser")
                  if (found := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif(
    _CHROMIUM is None and os.environ.get("CI", "").lower() != "true",
    reason="no Chromium (apt-get install chromium); under CI=true this test fails instead")
# Words that may stand in the Russian PDF: codes, ids, the rule set's and the tool's names.
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")
_LETTERS = re.compile(r"[^\W\d_]+")


def _pdf(tmp_path: Path, page: Path) -> Path:
    assert _CHROMIUM is not None, "Chromium is needed under CI (apt-get install chromium)"
    pdf = page.with_suffix(".pdf")
    profile = tmp_path / f"profile-{page.stem}"
    subprocess.run([_CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 1000
    return pdf


def _pages(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def _allowed_latin(file_text: str) -> set[str]:
    """What may be written in Latin letters in a Russian annex: the check codes, the ids of
    frameworks, requirements and parties, the titles the rule set writes in Latin letters in
    its Russian titles, and the tool's, files' and hosts' names. Built from those sources."""
    from roadmap_check import rulesets

    ruleset = rulesets.load(["cis-telemedicine"])
    names = {"roadmap-check", "RM", *CHECKS, ruleset.name, "cis-frameworks", "yaml", "fix",
             "unsafe-fixes"}  # the option an unsafe fix needs, as its label names it
    for framework in ruleset.frameworks.values():
        names.add(framework.id)
        names.update(_LATIN.findall(framework.title.get("ru", "")))
    names.update(r.id for r in ruleset.requirements)
    names.update(_LATIN.findall(file_text))  # the draft's own ids and file name
    for url, _ in (s for f in ruleset.frameworks.values() for s in f.source):
        names.update(_LATIN.findall(url))
    return names


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_15_item_draft_prints_on_a4_with_the_summary_first(tmp_path: Path, cli: Cli,
                                                            lang: str) -> None:
    draft = fifteen(EXAMPLES / f"telemedicine-roadmap-{lang}.yaml", tmp_path / f"d15-{lang}.yaml")
    page = tmp_path / f"d15-{lang}.html"
    page.write_text(_annex(cli, draft), encoding="utf-8")
    pdf = _pdf(tmp_path, page)
    texts = _pages(pdf)
    from pypdf import PdfReader

    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == \
        (210, 297)  # A4
    summary = {"en": "Summary", "ru": "Сводка"}[lang]
    assert summary in texts[0]
    findings = {"en": "Findings (", "ru": "Замечания ("}[lang]
    assert all(findings not in text for text in texts[:0])
    assert len(texts) <= 4, len(texts)
    # no word printed in two pieces: each word of the PDF is a word of the page (a hyphenating
    # browser may still break one at a hyphen it adds)
    page_words = set(_LETTERS.findall(" ".join(Page(page.read_text(encoding="utf-8")).text)))
    pieces = sorted({w for w in _LETTERS.findall("\n".join(texts)) if w not in page_words})
    assert pieces == []
    kinds = _kinds()
    hidden = {re.sub(r"^www\.", "", url.split("/")[2]).rstrip(".") for url, kind in kinds.items()
              if kind in ("news", "secondary")} - \
        {re.sub(r"^www\.", "", url.split("/")[2]).rstrip(".") for url, kind in kinds.items()
         if kind in ("official", "legal-database")}
    whole = "\n".join(texts)
    assert [host for host in hidden if host in whole] == []
    if lang == "ru":
        allowed = _allowed_latin(draft.read_text(encoding="utf-8") + str(draft))
        joined = " ".join(allowed)  # a PDF line may break an id at a hyphen
        left = sorted({word for word in _LATIN.findall(whole)
                       if word.strip(".-") not in allowed and word.strip(".-") not in joined})
        assert left == []
