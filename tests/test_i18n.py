"""Russian and English: the message catalogue, plural forms, the choice of language, and runs
in Russian that leave no English behind (but codes, names, ids, paths and the user's text)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import CASES, TESTS, TODAY, Run, hint_of, message_of, rules_spec, waived_of

from roadmap_check import i18n
from roadmap_check.engine import Engine, Options
from roadmap_check.findings import Finding
from roadmap_check.fingerprints import fingerprint, identity
from roadmap_check.model import REFERENCE_KINDS
from roadmap_check.registry import CHECKS
from roadmap_check.report import FileReport, Report
from roadmap_check.reporters import html as html_report
from roadmap_check.reporters import markdown, matrix_terminal
from roadmap_check.rulesets import load as load_rules
from roadmap_check.severity import Severity

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PACKAGE = Path(i18n.__file__).resolve().parent
SHOWCASE = EXAMPLES / "defect-showcase.yaml"
RU_EXAMPLE = EXAMPLES / "telemedicine-roadmap-ru.yaml"
Cli = Callable[..., Run]


# -- the catalogue ------------------------------------------------------------------------------


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, entry in i18n.catalog().items():
        assert set(entry) == set(i18n.LANGS), key
        if key.startswith("plural."):
            assert len(entry["en"]) == 2 and len(entry["ru"]) == 3, key
            assert all(isinstance(form, str) and form for lang in i18n.LANGS
                       for form in entry[lang]), key
            continue
        en, ru = entry["en"], entry["ru"]
        assert isinstance(en, str) and isinstance(ru, str) and en and ru, key
        assert i18n.placeholders(en) == i18n.placeholders(ru), key
        for template in (en, ru):  # a valid template: no stray brace, nothing but names
            template.format_map({name: "x" for name in i18n.placeholders(template)})


_LITERAL_KEY = re.compile(r"""["']((?:rm\d{3}|hint|error|cli|term|diff|field|kind|where|plural|"""
                          r"""suppression|date|frameworks|subject_field|matrix|report|html|md|explain|help|config|office)"""
                          r"""\.[\w.]+|nothing)["']""")
# Keys the code builds from a name (f"rm304.{role}"): the prefix and every name it takes.
_BUILT = {
    "rm304.": ("responsible", "participant"),
    "field.": ("title", "description", "outcome", "section", "start", "deadline", "status"),
    "subject_field.": ("title", "description", "outcome"),
    "term.label.": ("error", "warning", "info", "waived"),
    "term.none.": ("error", "warning", "info"),
    "plural.": ("error", "warning", "info"),
    "diff.findings_": ("introduced", "resolved"),
    "diff.items_": ("added", "removed", "changed"),
    "diff.citations_": ("added", "removed"),
    "diff.md.": ("introduced_details", "resolved_details"),
    "error.config_": ("strings", "code", "format", "one_of", "share", "severity", "no_code",
                      "globs"),
    "frameworks.": ("id", "title", "adopted", "until", "required", "confidence", "ref",
                    "kind", "note"),
    "reference.kind.": REFERENCE_KINDS,
    "report.meta.": ("file", "id", "version", "date", "status", "period", "language"),
    "html.col.": ("framework", "title", "group", "required", "confidence", "adopted", "until",
                  "sources", "item", "section", "line", "written", "fix"),
    "explain.": ("fail", "pass"),
    "checkname.": tuple(CHECKS),
    "html.confidence.": ("seen", "partial", "inferred", "unknown"),
    "html.caveat.": ("whole", "in_force_until", "adopted", "title", "issuer"),
    "group.": ("cis", "who", "itu", "iso", "hl7", "nema"),
    "party_kind.": ("company", "national-body", "institution"),
    "basis.": ("partial", "inferred"),
    "fact.": ("in_force_until", "adopted", "title_en", "title_ru"),
    "status.": ("draft", "circulated", "approved"),
    "language.": ("en", "ru"),
    "explain.fix.": ("safe", "unsafe", "checked", "none"),
    "ruleset.": ("unknown_key", "unknown_key_close", "required", "text", "flag", "number",
                 "texts", "mapping", "list", "choice", "bad_trigger", "bad_id",
                 "provision_repeats", "framework_or_any_of", "not_mapping", "bad_name",
                 "framework_twice", "no_code", "level", "no_successor", "shared_name",
                 "no_framework", "no_provision", "empty_group", "complete", "complete_marker",
                 "reference", "reference_is_framework", "reference_twice", "no_kind"),
}
_BUILT.update({  # Word and Excel road maps (office/)
    "office.column.": ("id", "title", "description", "section", "responsible", "participants",
                       "start", "deadline", "outcome", "indicators", "depends_on", "cites",
                       "waivers"),
    "office.month.": tuple(str(n) for n in range(1, 13)),
    "office.label.": ("id", "title", "date", "period", "language", "ruleset", "status",
                      "version", "requires"),
    "office.": tuple(f"{name}.hint" for name in ("legacy_doc", "legacy_xls", "encrypted",
                                                 "macros", "odf_macros", "ole2")),
    "office.part.": ("charts", "images", "pivot_tables", "embedded", "external_links",
                     "slicers", "threaded_comments", "form_controls", "custom_xml",
                     "timelines", "drawings"),
})
_FOREIGN = ("pyyaml.", "pydate.", "os.")  # other libraries' texts, looked up by their words


def test_every_key_the_code_names_exists_and_every_message_is_used() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    named = set(_LITERAL_KEY.findall(source))
    named |= {prefix + name for prefix, names in _BUILT.items() for name in names}
    catalog = i18n.catalog()
    assert named - set(catalog) == set()
    unused = {key for key in catalog if key not in named and not key.startswith(_FOREIGN)}
    assert unused == set()


@pytest.mark.parametrize(("n", "said"), [
    (0, "0 замечаний"), (1, "1 замечание"), (2, "2 замечания"), (3, "3 замечания"),
    (4, "4 замечания"), (5, "5 замечаний"), (11, "11 замечаний"), (12, "12 замечаний"),
    (14, "14 замечаний"), (21, "21 замечание"), (22, "22 замечания"), (25, "25 замечаний"),
    (101, "101 замечание"), (111, "111 замечаний"), (112, "112 замечаний"),
])
def test_russian_plural_forms(n: int, said: str) -> None:
    assert i18n.plural("ru", "plural.finding", n) == said


@pytest.mark.parametrize(("n", "said"), [(0, "0 findings"), (1, "1 finding"), (2, "2 findings"),
                                         (21, "21 findings"), (101, "101 findings")])
def test_english_plural_forms(n: int, said: str) -> None:
    assert i18n.plural("en", "plural.finding", n) == said


def test_the_other_plural_nouns_follow_the_same_rule() -> None:
    assert [i18n.plural("ru", "plural.error", n) for n in (1, 3, 11)] == \
        ["1 ошибка", "3 ошибки", "11 ошибок"]
    assert [i18n.plural("ru", "plural.file_in", n) for n in (1, 2, 5, 21)] == \
        ["1 файле", "2 файлах", "5 файлах", "21 файле"]
    assert i18n.plural("en", "plural.info", 3) == "3 info"
    # after "из" (of): the genitive, singular for 1, 21, 101 and plural for the rest
    assert [i18n.plural("ru", "plural.finding_of", n) for n in (1, 3, 11, 21, 26)] == \
        ["1 замечания", "3 замечаний", "11 замечаний", "21 замечания", "26 замечаний"]
    assert [i18n.plural("ru", "plural.file_of", n) for n in (1, 3, 5)] == \
        ["1 файла", "3 файлов", "5 файлов"]
    assert [i18n.plural("ru", "plural.roadmap", n) for n in (1, 2, 5, 21)] == \
        ["1 дорожная карта", "2 дорожные карты", "5 дорожных карт", "21 дорожная карта"]
    assert [i18n.plural("ru", "plural.more_section", n) for n in (1, 2, 5)] == \
        ["1 раздел", "2 раздела", "5 разделов"]
    assert [i18n.plural("en", "plural.more_section", n) for n in (1, 2)] == \
        ["1 more section", "2 more sections"]


def test_an_argument_said_in_each_language_is_rendered_in_the_message_language() -> None:
    key, args = i18n.msg("rm003.empty", what=i18n.local("field.title"))
    assert i18n.render("en", key, args) == "the title is empty"
    assert i18n.render("ru", key, args) == "наименование ('title'): пустое значение"
    assert dict(args)["what"] == "the title"  # the English rendering is the plain argument


# -- the language of a run -----------------------------------------------------------------------


@pytest.mark.parametrize(("cli", "roadmap", "environ", "chosen"), [
    ("en", "ru", {"LANG": "ru_RU.UTF-8"}, "en"),
    (None, "ru", {"LANG": "en_US.UTF-8"}, "ru"),
    (None, None, {"LANG": "ru_RU.UTF-8"}, "ru"),
    (None, None, {"LANG": "ru_RU"}, "ru"),
    (None, None, {"LANG": "ru"}, "ru"),
    (None, "de", {"LANG": "ru_RU.UTF-8"}, "ru"),       # an unknown road-map language is skipped
    (None, None, {"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),       # LC_ALL wins
    (None, None, {"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "C"}, "ru"),
    (None, None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, None, {}, "en"),
])
def test_choose_lang(cli: str | None, roadmap: str | None, environ: dict[str, str],
                     chosen: str) -> None:
    assert i18n.choose_lang(cli, roadmap, environ) == chosen


def test_the_russian_example_is_reported_in_russian_without_lang(cli: Cli) -> None:
    run = cli("check", RU_EXAMPLE, "--fail-on", "never")
    assert run.code == 0, run.stderr
    assert " пункт 1\n" in run.stdout
    assert "рекомендация: приведите официальное наименование: " in run.stdout
    # no level is counted as "0 ошибок": none is said in words (RUSSIAN.md 2.4)
    # two fixes would widen 'МКБ-10' (to МКБ-10 / МКБ-11) or drop 'ВОЗ': unsafe, counted apart
    assert "В 1 файле: ошибок нет, предупреждений нет, 25 примечаний; исправляются " \
        "автоматически (roadmap-check fix): 22, с параметром --unsafe-fixes: 2\n" in run.stdout
    assert "Охват обязательных документов: 7 из 7 (100\u00a0%)" in run.stdout  # «100 %»
    assert "hint:" not in run.stdout and " is read as " not in run.stdout


def test_lang_en_overrides_the_road_map_language(cli: Cli) -> None:
    run = cli("check", RU_EXAMPLE, "--lang", "en")
    assert " item 1\n" in run.stdout and " is read as cis-telemed-agreement-2010" in run.stdout
    assert "0 errors, 0 warnings, 25 info in 1 file" in run.stdout
    assert "рекомендация" not in run.stdout


def test_the_locale_decides_for_a_draft_without_language(cli: Cli, tmp_path: Path) -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    assert "  language: en\n" in text
    draft = tmp_path / "draft.yaml"
    draft.write_text(text.replace("  language: en\n", ""), encoding="utf-8")
    russian = cli("check", draft, env={"LANG": "ru_RU.UTF-8"})
    assert russian.code == 1
    assert "В 1 файле: 11 ошибок, 13 предупреждений, 4 примечания, снято замечаний: 1;" \
        in russian.stdout
    english = cli("check", draft)  # the suite's locale, C.UTF-8
    assert "11 errors, 13 warnings, 4 info, 1 waived in 1 file" in english.stdout
    assert cli("check", draft, env={"LANG": "ru_RU.UTF-8", "LC_ALL": "C"}).stdout == \
        english.stdout
    assert cli("check", SHOWCASE, env={"LANG": "ru_RU.UTF-8"}).stdout == \
        cli("check", SHOWCASE).stdout  # its own 'language: en' comes before the locale


def test_json_keeps_english_keys_and_names_its_language(cli: Cli) -> None:
    russian = json.loads(cli("check", SHOWCASE, "--lang", "ru", "--format", "json").stdout)
    english = json.loads(cli("check", SHOWCASE, "--format", "json").stdout)
    assert (russian["language"], english["language"]) == ("ru", "en")
    assert [f["language"] for f in russian["files"]] == ["ru"]
    assert list(russian) == list(english)
    assert [list(f) for f in russian["findings"]] == [list(f) for f in english["findings"]]
    assert [(f["code"], f["name"], f["line"]) for f in russian["findings"]] == \
        [(f["code"], f["name"], f["line"]) for f in english["findings"]]
    first = russian["findings"][0]
    assert first["code"] == "RM202" and \
        first["message"].startswith("ни в одном пункте нет ссылки на обязательный документ")


def test_junit_files_coverage_findings_under_their_requirement_in_russian(cli: Cli) -> None:
    junit = cli("check", SHOWCASE, "--lang", "ru", "--format", "junit").stdout
    case = junit.split('name="requires cis-digital-interaction-agreement-2020"')[1]
    assert case.split("</testcase>")[0].count("<failure") == 1
    assert "на обязательный документ" in case.split("</testcase>")[0]


# -- no English left in Russian -------------------------------------------------------------------

# The user's text (quoted), and YAML to paste ({framework: ..., provision: "6"})
_QUOTED = re.compile(r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|«[^»\n]*»|\{[^}\n]*\}""")
# Codes, options, paths, dotted and snake_case keys, hyphenated ids, Roman provision numbers
_CODE_LIKE = re.compile(r"""RM\d{3}|--[\w-]+|\S*[/\\]\S*|\S+\.ya?ml\b|\b\w+(?:[._]\w+)+\b"""
                        r"""|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[IVX]+\b""")
# Words of the English messages: none may be left once the user's text and the names are gone.
_WORDS = """the item items cites cite cited framework frameworks is are not which hint error
errors warning warnings info of in to and or no it its does did you mean matches rule rules set
file files fixable fix fixed waived waiver waivers document coverage required uncovered
provision provisions due before after until road map dated adopted force add remove write use
with key keys unknown value must be an this that by at on as has nothing suppresses suppression
reason gives twice subject touches but only one line missing found invalid empty name names
list mapping single entry party known period outside falls starts deadline depends cycle expired
longer anything renew quote quoted number reads encoded save text holds more than alias anchor
tag allowed check code codes baseline lists occurs requirement needs least minimum covered
share either neither nor did mean run for wrote would changed summary matrix legend truncated
suggestion source sources version date status title section sections group confidence column
columns per best state left out report full see length needed speaks uncited comment stay under
details kept language"""
ENGLISH = frozenset(_WORDS.split())
# Tokens that are names, not English: YAML, file formats, the tool's own name ...
# "fix" is the command's name ("исправляется командой fix", RUSSIAN.md), not an English word.
_NAMES = {"YAML", "UTF", "NUL", "id", "Windows", "TOML", "git", "REV", "FORMAT", "FILE", "fix",
          "CODE", "GLOB", "CODES", "HL", "FHIR", "WHA", "ICD"}


def english_left(text: str, names: set[str]) -> list[str]:
    """The English message words of ``text`` once quoted text, codes, check names, framework
    ids, titles, paths and other names are taken out (empty: none is left)."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = _CODE_LIKE.sub(" ", _QUOTED.sub(" ", text))
    words = re.findall(r"[A-Za-z]{2,}", text)
    runs = re.findall(r"[A-Za-z]{2,}(?:[ ,;:()]+[A-Za-z]{2,}){2,}", text)
    return [w for w in words if w.lower() in ENGLISH and w not in _NAMES] + runs


def _names(*rule_sets: str) -> set[str]:
    """Check names and the frameworks' ids and titles (in both languages): data, not text."""
    names = {info.name for info in CHECKS.values()} | {"roadmap-check"}
    for spec in rule_sets:
        for framework in load_rules([spec]).frameworks.values():
            names.add(framework.id)
            names.update(framework.title.values())
    return names


def test_the_detector_finds_english_and_spares_the_users_text() -> None:
    names = _names("cis-telemedicine")
    assert english_left("the item cites no framework", names)
    assert english_left("пункт 2: the deadline moved", names)
    assert not english_left("ссылка 'CIS Telemedicine Agreement, Art. 6(c)' распознана как "
                            "cis-telemed-agreement-2010", names)
    assert not english_left("снято: «The portals are named only»; RM201 missing-citation", names)
    assert english_left("11 errors, 13 warnings in 1 file", names)


@pytest.mark.parametrize("draft", [SHOWCASE, RU_EXAMPLE], ids=["showcase", "ru-example"])
def test_a_check_in_russian_has_no_english_message_text(cli: Cli, draft: Path) -> None:
    names = _names("cis-telemedicine")
    terminal = cli("check", draft, "--lang", "ru", "--fail-on", "never")
    assert terminal.code == 0 and terminal.stderr == ""
    lines = terminal.stdout.splitlines()
    assert lines[0] == str(draft)  # the path, then only Russian
    left = {line: english_left(line, names) for line in lines[1:]}
    assert {line: words for line, words in left.items() if words} == {}
    report = json.loads(cli("check", draft, "--lang", "ru", "--format", "json").stdout)
    texts = [f[key] for f in report["findings"] for key in ("message", "suggestion",
                                                             "suppression") if f[key]]
    assert len(texts) > 40
    assert {text: english_left(text, names) for text in texts
            if english_left(text, names)} == {}


# -- the HTML, Markdown and terminal-matrix reports -------------------------------------------------

_NOT_READ = re.compile(r'<style>.*?</style>|<pre class="src">.*?</pre>', re.S)  # CSS, quoted source
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TAG = re.compile(r"</?(?:details|summary)>")  # the Markdown's blocks; the user's "<" is "&lt;"


def _report_texts(files: list[FileReport]) -> dict[str, list[str]]:
    """What a reader sees of ``files`` in each report made for them, line by line: the HTML
    page's text, the Markdown (without its quoted source) and the terminal matrix, at several
    widths, with and without colour."""
    from test_html_report import Page, outside_code

    report = Report(files, Severity.ERROR)
    page = "".join(html_report.render(report))
    texts = {"html": [line for chunk in Page(_NOT_READ.sub("", page)).text
                      for line in chunk.splitlines()],
             "markdown": _TAG.sub(" ", outside_code("".join(markdown.render(report))))
             .splitlines()}
    for width in (100, 70, 40):
        for color in (False, True):
            text = "".join(matrix_terminal.render(report, color, width))
            texts[f"matrix {width}{' color' if color else ''}"] = \
                _ANSI.sub("", text).splitlines()
    return texts


def _english_in_reports(files: list[FileReport], user_text: frozenset[str] = frozenset()
                        ) -> dict[tuple[str, str], list[str]]:
    """(report, line): the English words left in it, for every line that has some."""
    names = _names("cis-telemedicine") | user_text
    names |= {title for file in files if file.ruleset for _, title in file.ruleset.title}
    return {(where, line): words for where, lines in _report_texts(files).items()
            for line in lines if (words := english_left(line, names))}


def _wide_russian(tmp_path: Path) -> Path:
    """200 items in 40 sections: the matrices collapse to sections and leave some out."""
    from test_matrix import roadmap_yaml

    path = tmp_path / "wide-ru.yaml"
    path.write_text(roadmap_yaml(200, sections=40, title="Сводная дорожная карта",
                                 item_title="Мероприятие {n}")
                    .replace("language: en", "language: ru"), encoding="utf-8")
    return path


def _checked(path: Path, lang: str | None = None) -> FileReport:
    engine = Engine(Options(today=dt.date(2026, 11, 26), lang=lang))
    return engine.check_path(path, str(path))


def test_the_html_markdown_and_matrix_of_a_russian_road_map_have_no_english(
        tmp_path: Path) -> None:
    example, wide = _checked(RU_EXAMPLE), _checked(_wide_russian(tmp_path))
    assert (example.lang, wide.lang) == ("ru", "ru")
    for files in ([example], [wide], [example, wide]):  # one file, and the page of two
        assert _english_in_reports(files) == {}
    # the detector has teeth: the same reports in English are full of English
    english = _english_in_reports([_checked(RU_EXAMPLE, "en"), _checked(SHOWCASE)])
    assert {where for where, _ in english} == set(_report_texts([example]))
    assert len(english) > 50


def test_the_showcase_reports_in_russian_leave_no_english_heading() -> None:
    """Waived findings, errors, warnings and an uncovered requirement, in Russian."""
    showcase = _checked(SHOWCASE, "ru")
    roadmap = showcase.roadmap
    assert roadmap is not None and roadmap.title is not None
    assert any(f.suppressed for f in showcase.findings)
    # the showcase's own text is English (its title, items' titles and sections): that stays
    user_text = frozenset({roadmap.title}
                          | {item.title for item in showcase.items if item.title}
                          | {item.section for item in showcase.items if item.section})
    assert _english_in_reports([showcase], user_text) == {}


def _case_findings(lang: str) -> list[tuple[str, Finding]]:
    """Every finding of every case file, checked with --lang ``lang``."""
    engines: dict[tuple[tuple[str, ...], dt.date], Engine] = {}
    out = []
    for path in sorted(CASES.glob("RM*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if "baseline_from" in case:
                continue
            today = case.get("today", TODAY)
            today = today if isinstance(today, dt.date) else dt.date.fromisoformat(str(today))
            rules = case.get("rules", "test-rules")  # [] (RM008): the road map's own choice
            specs = tuple(rules_spec(r) for r in ([rules] if isinstance(rules, str) else rules))
            spec = specs[0] if specs else "cis-telemedicine"
            engine = engines.get((specs, today))
            if engine is None:
                engine = engines[(specs, today)] = Engine(Options(rules=specs, today=today,
                                                                  lang=lang))
            out += [(spec, f) for f in engine.check_text(case["roadmap"], "r.yaml",
                                                         TESTS).findings]
    return out


def test_no_case_of_any_check_leaves_english_in_russian() -> None:
    found = _case_findings("ru")
    assert {f.code for _, f in found} >= set(CHECKS) - {"RM406"}  # RM406 needs a baseline
    names = _names(*{spec for spec, _ in found})
    left = {text: english_left(text, names) for _, f in found
            for text in (message_of(f, "ru"), hint_of(f, "ru"), waived_of(f, "ru")) if text}
    assert {text: words for text, words in left.items() if words} == {}


# -- the same findings, whatever the language ------------------------------------------------------


def test_fingerprints_do_not_depend_on_the_language() -> None:
    english, russian = _case_findings("en"), _case_findings("ru")
    assert [f.message for _, f in english] == [f.message for _, f in russian]  # the same facts
    assert [message_of(f) for _, f in english] != [message_of(f, "ru") for _, f in russian]
    assert [fingerprint(f) for _, f in english] == [fingerprint(f) for _, f in russian]
    assert [identity(f) for _, f in english] == [identity(f) for _, f in russian]


def test_a_baseline_written_in_russian_is_the_one_written_in_english(cli: Cli,
                                                                     tmp_path: Path) -> None:
    cli("check", SHOWCASE, "--lang", "ru", "--write-baseline", "ru.txt", "--fail-on", "never")
    cli("check", SHOWCASE, "--write-baseline", "en.txt", "--fail-on", "never")
    assert (tmp_path / "ru.txt").read_text(encoding="utf-8") == \
        (tmp_path / "en.txt").read_text(encoding="utf-8")
    run = cli("check", SHOWCASE, "--baseline", "en.txt", "--lang", "ru")
    assert run.code == 0 and "В 1 файле замечаний нет, снято замечаний: 1" in run.stdout


def test_writing_a_baseline_counts_the_findings_written_or_says_there_are_none(
        cli: Cli, tmp_path: Path) -> None:
    findings = json.loads(cli("check", SHOWCASE, "--format", "json").stdout)["findings"]
    count = sum(1 for f in findings if not f.get("suppressed"))
    assert count > 1
    russian = cli("check", SHOWCASE, "--lang", "ru", "--write-baseline", "ru.txt")
    assert f"ru.txt: базовый список записан, замечаний в нём: {count}\n" in russian.stderr
    english = cli("check", SHOWCASE, "--write-baseline", "en.txt")
    assert f"en.txt: baseline written, findings in it: {count}\n" in english.stderr
    clean = tmp_path / "clean.yaml"
    clean.write_text(SHOWCASE.read_text(encoding="utf-8").split("\nitems:")[0] + "\nitems: []\n",
                     encoding="utf-8")
    for lang, said in (("ru", "базовый список записан, замечаний в нём нет"),
                       ("en", "baseline written, no findings in it")):
        run = cli("check", clean, "--lang", lang, "--select", "RM3", "--write-baseline", "0.txt")
        assert f"0.txt: {said}\n" in run.stderr


# -- the other commands ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "would", "fixed", "none"), [
    ("ru", "может быть исправлено замечаний:", "исправлено замечаний:", "исправлять нечего"),
    ("en", "findings to fix:", "findings fixed:", "nothing to fix"),
])
def test_fix_counts_the_findings_it_fixes_and_says_in_words_there_are_none(
        cli: Cli, tmp_path: Path, lang: str, would: str, fixed: str, none: str) -> None:
    draft = tmp_path / "draft.yaml"
    shutil.copy(SHOWCASE, draft)
    fixable = [f for f in json.loads(cli("check", draft, "--format", "json").stdout)["findings"]
               if f.get("fix") and not f.get("suppressed")]
    codes = ", ".join(sorted({f["code"] for f in fixable}))
    run = cli("fix", draft, "--diff", "--lang", lang)
    assert run.code == 1
    assert run.stderr == f"{draft}: {would} {len(fixable)} ({codes})\n"
    assert cli("fix", draft, "--lang", lang).stderr == f"{draft}: {fixed} {len(fixable)} ({codes})\n"
    assert cli("fix", draft, "--lang", lang).stderr == f"{draft}: {none}\n"
    assert cli("fix", draft, "--diff", "--lang", lang).stderr == f"{draft}: {none}\n"


def test_check_fix_counts_the_findings_it_fixes_in_russian(cli: Cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    shutil.copy(SHOWCASE, draft)
    run = cli("check", draft, "--fix", "--lang", "ru", "--fail-on", "never")
    assert re.search(r": исправлено замечаний: \d+ \(RM", run.stderr), run.stderr


def test_one_line_errors_are_said_in_the_runs_language(cli: Cli) -> None:
    assert cli("check", "nowhere.yaml", "--lang", "ru").stderr == \
        "roadmap-check: nowhere.yaml: нет такого файла или папки\n"
    assert cli("check", "nowhere.yaml", env={"LANG": "ru_RU.UTF-8"}).stderr == \
        "roadmap-check: nowhere.yaml: нет такого файла или папки\n"
    assert cli("check", "nowhere.yaml").stderr == \
        "roadmap-check: nowhere.yaml: no such file or folder\n"
    bad = cli("check", SHOWCASE, "--lang", "ru", "--select", "RM9")
    assert bad.code == 2 and bad.stderr == "roadmap-check: --select: неизвестный код проверки 'RM9'\n"
    assert cli("schema", "nope", env={"LANG": "ru_RU.UTF-8"}).stderr.startswith(
        "roadmap-check: schema: неизвестная схема 'nope'")


def test_diff_and_init_speak_russian(cli: Cli, tmp_path: Path) -> None:
    diff = cli("diff", SHOWCASE, SHOWCASE, "--lang", "ru")
    assert diff.code == 0
    assert "новых замечаний: 0" in diff.stdout and "номера добавленных пунктов: нет" in diff.stdout
    assert "охват обязательных документов:" in diff.stdout and "findings" not in diff.stdout
    markdown = cli("diff", SHOWCASE, SHOWCASE, "--lang", "ru", "--format", "markdown")
    assert "| новые замечания | 0 |" in markdown.stdout
    init = cli("init", "--lang", "ru")
    assert init.stdout == "записан файл roadmap.yaml\nзаписан файл roadmap.schema.json\n"
    again = cli("init", "--lang", "ru")
    assert again.code == 2 and again.stderr == \
        "roadmap-check: roadmap.yaml: файл уже существует и не перезаписан\n"
    assert "В 1 файле замечаний нет" in cli("check", tmp_path / "roadmap.yaml").stdout


def test_frameworks_lists_titles_and_headings_in_russian(cli: Cli) -> None:
    run = cli("frameworks", "--lang", "ru")
    assert run.code == 0
    assert "документов —" in run.stdout and "наименование" in run.stdout
    assert "предположительно" in run.stdout and "inferred" not in run.stdout
    listed = json.loads(cli("frameworks", "--lang", "ru", "--format", "json").stdout)
    titles = {row["id"]: row["title"] for row in listed["frameworks"]}
    assert titles["cis-infosec-2030"].startswith("Стратегия обеспечения информационной")


def _sarif(cli: Cli, *args: str) -> Any:
    return json.loads(cli("check", SHOWCASE, "--format", "sarif", *args).stdout)


def test_sarif_names_the_language_of_its_messages_when_it_is_not_english(cli: Cli) -> None:
    assert "language" not in _sarif(cli)["runs"][0]
    russian = _sarif(cli, "--lang", "ru")["runs"][0]
    assert russian["language"] == "ru"
    assert russian["results"][0]["message"]["text"].startswith(
        "ни в одном пункте нет ссылки на обязательный документ")
