"""Fixes that keep meaning: a fix is safe only if the new text says everything the drafter's
did (edition, part, version, series member, issuing organisation, period).

The drafts below cite documents the way drafters do: 'ICD-10', 'ITU-T F.780.2', 'HL7 FHIR R4',
'WHO Global Strategy on Digital Health' and a full Russian title with its period. The rule
set's canonical titles of the first four say less or something wider (ICD-10 / ICD-11, the
whole F.780 series, no R4, no WHO), so those fixes are unsafe: ``fix`` leaves them, only
``--unsafe-fixes`` applies them. A loose citation whose canonical title keeps everything
('CIS InfoSec Strategy 2030', «Стратегия ИБ СНГ до 2030 года») is still fixed.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import Run
from hypothesis import given
from hypothesis import strategies as st

from roadmap_check.docs import check_docs
from roadmap_check.registry import CHECKS

Cli = Callable[..., Run]

# What the drafter wrote, and what the rule set (rules/cis-frameworks.yaml) calls it.
INFOSEC_EN = "Strategy for Ensuring Information Security of the CIS Member States " \
             "(for the period up to 2030)"
INFOSEC_RU = "Стратегия обеспечения информационной безопасности государств – участников СНГ " \
             "на период до 2030 года"
SPECIFIC = {"en": ["ICD-10", "ITU-T F.780.2", "HL7 FHIR R4",
                   "WHO Global Strategy on Digital Health"],
            "ru": ["МКБ-10", "МСЭ-Т F.780.2", "HL7 FHIR R4",
                   "Глобальная стратегия ВОЗ по цифровому здравоохранению"]}
# Loose forms whose canonical title says all they say (and more: the period): a safe fix.
LOOSE = {"en": ("CIS InfoSec Strategy 2030", INFOSEC_EN),
         "ru": ("Стратегия ИБ СНГ", INFOSEC_RU)}
# What each specific must still say after a safe fix.
KEPT = {"ICD-10": ["ICD-10"], "ITU-T F.780.2": ["F.780.2"], "HL7 FHIR R4": ["R4"],
        "WHO Global Strategy on Digital Health": ["WHO"], "МКБ-10": ["МКБ-10"],
        "МСЭ-Т F.780.2": ["F.780.2"], "Глобальная стратегия ВОЗ по цифровому здравоохранению":
        ["ВОЗ"]}


def _draft(lang: str) -> str:
    cites = [*SPECIFIC[lang], LOOSE[lang][0]]
    if lang == "ru":
        cites.append(INFOSEC_RU)  # the full Russian title with its period: nothing to fix
    header = {"id": "t", "title": "Test", "date": "2021-09-09", "period": "2021-2025",
              "language": lang, "ruleset": "cis-frameworks"}
    item = {"id": "1", "title": "Pilot" if lang == "en" else "Пилотный проект",
            "responsible": ["Republic of Belarus" if lang == "en" else "Республика Беларусь"],
            "deadline": "2022-06", "cites": cites}
    return yaml.safe_dump({"roadmap": header, "items": [item]}, allow_unicode=True,
                          sort_keys=False, width=1000)


def _cites(path: Path) -> list[str]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [str(c) for c in data["items"][0]["cites"]]


@pytest.fixture(params=["en", "ru"])
def draft(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    lang = str(request.param)
    path = tmp_path / f"draft-{lang}.yaml"
    path.write_text(_draft(lang), encoding="utf-8")
    return lang, path


def test_fix_keeps_every_specific_the_drafter_wrote(cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    done = cli("fix", path)
    assert done.code == 0, done.stderr
    cites = _cites(path)
    for written in SPECIFIC[lang]:
        assert written in cites, (written, cites)
    for specific in (s for w in SPECIFIC[lang] for s in KEPT[w]):
        assert any(specific in c for c in cites), (specific, cites)
    assert "ICD-11" not in " ".join(cites) and "МКБ-11" not in " ".join(cites)
    assert "F.780.1" not in " ".join(cites)
    # the safe fix was applied, and it carries the period
    assert LOOSE[lang][0] not in cites and LOOSE[lang][1] in cites, cites
    if lang == "ru":
        assert cites.count(INFOSEC_RU) == 2, cites
    assert "--unsafe-fixes" in done.stderr


def test_only_unsafe_fixes_applies_a_fix_that_drops_a_specific(
        cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    done = cli("fix", "--unsafe-fixes", path)
    assert done.code == 0, done.stderr
    cites = _cites(path)
    for written in SPECIFIC[lang]:
        assert written not in cites, (written, cites)
    assert "HL7 FHIR (Fast Healthcare Interoperability Resources)" in cites


def test_check_fix_takes_unsafe_fixes_too(cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    done = cli("check", "--fix", "--fail-on", "never", path)
    assert all(w in _cites(path) for w in SPECIFIC[lang])
    assert "--unsafe-fixes" in done.stderr  # it says how many it left
    cli("check", "--fix", "--unsafe-fixes", "--fail-on", "never", path)
    assert not any(w in _cites(path) for w in SPECIFIC[lang])


def test_the_config_file_can_ask_for_unsafe_fixes(cli: Cli, draft: tuple[str, Path],
                                                  tmp_path: Path) -> None:
    lang, path = draft
    (tmp_path / "roadmap-check.toml").write_text("unsafe-fixes = true\n", encoding="utf-8")
    assert cli("fix", path).code == 0
    assert not any(w in _cites(path) for w in SPECIFIC[lang])


def test_fix_diff_marks_the_unsafe_fixes(cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    before = path.read_text(encoding="utf-8")
    safe = cli("fix", "--diff", path)
    assert safe.code == 1
    plus = "\n".join(line for line in safe.stdout.splitlines()
                     if line.startswith("+") and not line.startswith("+++"))
    assert LOOSE[lang][1] in plus  # the safe fix is in the diff, the unsafe ones are not
    assert "Fast Healthcare" not in plus and "F.780.1" not in plus, plus
    # ... but named on standard error, each with what it would drop
    unsafe_lines = [line for line in safe.stderr.splitlines() if "HL7 FHIR R4" in line]
    assert unsafe_lines and "R4" in unsafe_lines[0].split("HL7 FHIR R4", 1)[1], safe.stderr
    every = cli("fix", "--diff", "--unsafe-fixes", path)
    assert every.code == 1
    heads = [line for line in every.stdout.splitlines() if line.startswith("@@")]
    word = "unsafe" if lang == "en" else "небезопасн"
    assert heads and all(word in head for head in heads), every.stdout
    assert path.read_text(encoding="utf-8") == before


def _json(cli: Cli, path: Path, fmt: str = "json") -> Any:
    done = cli("check", "--format", fmt, "--fail-on", "never", path)
    return json.loads(done.stdout)


def test_json_and_sarif_say_whether_each_fix_is_safe(cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    findings = _json(cli, path)["findings"]
    fixes = {f["message"]: f["fix"] for f in findings if f["fix"] is not None}
    assert fixes and all(isinstance(fix["safe"], bool) for fix in fixes.values())
    by_written = {w: next(fix for key, fix in fixes.items() if w in key)
                  for w in [*SPECIFIC[lang], LOOSE[lang][0]]}
    assert [by_written[w]["safe"] for w in SPECIFIC[lang]] == [False] * 4
    assert by_written[LOOSE[lang][0]]["safe"] is True
    sarif = _json(cli, path, "sarif")
    results = [r for run in sarif["runs"] for r in run["results"] if r.get("fixes")]
    assert results and all(isinstance(fix["properties"]["safe"], bool)
                           for r in results for fix in r["fixes"])
    assert sorted(fix["properties"]["safe"] for r in results for fix in r["fixes"]) == \
        [False] * 4 + [True]


def test_the_terminal_summary_counts_the_unsafe_fixes_apart(cli: Cli,
                                                           draft: tuple[str, Path]) -> None:
    lang, path = draft
    done = cli("check", "--fail-on", "never", "--lang", lang, path)
    summary = done.stdout.strip().splitlines()
    line = next(x for x in summary if "roadmap-check fix" in x)
    assert "--unsafe-fixes" in line
    if lang == "en":
        assert "1 fixable with 'roadmap-check fix'" in line and "4 more with --unsafe-fixes" in line
    else:
        assert "(roadmap-check fix): 1" in line and "--unsafe-fixes: 4" in line


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_explain_and_the_pages_say_whether_a_citation_fix_is_safe(cli: Cli, lang: str) -> None:
    text = cli("explain", "RM105", "--lang", lang).stdout
    assert "--unsafe-fixes" in text
    word = {"en": "unsafe", "ru": "небезопасн"}[lang]
    assert word in text.split("\n\n", 1)[1]  # the documentation's own text says when


@pytest.mark.parametrize("code", sorted(c.code for c in CHECKS.values() if c.fix != "none"))
def test_every_fixable_checks_documentation_says_whether_its_fix_is_safe(code: str) -> None:
    doc = check_docs(code)
    assert re.search(r"\b(un)?safe\b", doc.doc("en")), code
    assert "безопасн" in doc.doc("ru"), code


def test_a_party_fix_is_checked_like_a_citation_fix(cli: Cli, tmp_path: Path) -> None:
    """RM304's fix of a misspelt body keeps its organisation and is safe, so fix applies it;
    the misspelling matcher proposes no name that drops a number or an organisation (the
    check would make such a fix unsafe: see the property test over the drafts below)."""
    path = tmp_path / "parties.yaml"
    draft = yaml.safe_load(_draft("en"))
    draft["roadmap"]["ruleset"] = "cis-telemedicine"   # it knows the bodies of the CIS and RCC
    draft["items"][0]["cites"] = ["CIS InfoSec Strategy 2030"]
    draft["items"][0]["participants"] = ["RCC Executive Comittee", "WHO Regional Ofice for Europe"]
    path.write_text(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False), encoding="utf-8")
    findings = _json(cli, path)["findings"]
    fixes = [f["fix"] for f in findings if f["code"] == "RM304"]
    assert len(fixes) == 2 and all(fix["safe"] is True and fix["loses"] == [] for fix in fixes)
    cli("fix", path)
    assert _participants(path) == ["RCC Executive Committee", "WHO Regional Office for Europe"]


def _participants(path: Path) -> list[str]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [str(p) for p in data["items"][0]["participants"]]


def _drafts() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted([*(root.parent / "examples").glob("*.yaml"), *(root / "corpus").glob("*.yaml")])


@pytest.mark.parametrize("path", _drafts(), ids=lambda p: p.name)
def test_every_rewriting_fix_is_safe_exactly_when_it_loses_nothing(path: Path) -> None:
    """On every example and corpus draft: each fix of a check that rewrites what a citation or
    a name says is safe exactly when it loses nothing, and what it loses the drafter wrote."""
    from roadmap_check import meaning, vocabulary
    from roadmap_check.checks.base import CHECKED
    from roadmap_check.engine import Engine, Options
    from roadmap_check.normalize import Normalizer
    from roadmap_check.ruleset_files import builtin_names

    report = Engine(Options()).check_path(path, str(path))
    builtin = report.ruleset is not None and report.ruleset.name in builtin_names()
    normalizer = Normalizer(vocabulary.builtin())
    orgs = {org.id.upper() for org in normalizer.vocabulary.organisations}
    for finding in report.findings:
        fix = finding.fix
        if fix is None or CHECKS[finding.code].fix != CHECKED or finding.code == "RM311":
            continue  # a date's fix is judged by the period it reads (dates.py), not its words
        assert fix.safe == (not fix.loses), finding
        written = (finding.subject or "").casefold()
        assert all(x.casefold() in written or x in orgs for x in fix.loses), finding
        if builtin and fix.value is not None and fix.value != finding.framework:
            assert fix.loses == meaning.lost(normalizer, finding.subject or "", fix.value)


def test_the_hint_of_an_unsafe_citation_fix_says_what_the_title_would_lose(
        cli: Cli, draft: tuple[str, Path]) -> None:
    lang, path = draft
    findings = _json(cli, path)["findings"]
    hints = {f["message"]: f["suggestion"] for f in findings if f["code"] == "RM105"}
    hl7 = next(hint for message, hint in hints.items() if "HL7 FHIR R4" in message)
    assert ("'R4'" if lang == "en" else "«R4»") in hl7, hl7
    loose = next(hint for message, hint in hints.items() if LOOSE[lang][0] in message)
    assert "R4" not in loose and LOOSE[lang][1] in loose


@given(st.lists(st.integers(0, 10**6), unique=True, max_size=40),
       st.lists(st.booleans(), max_size=40))
def test_the_diff_of_fixes_is_the_unified_diff_difflib_writes(numbers: list[int],
                                                               changed: list[bool]) -> None:
    """Lines paired as they stand (fixes keep their number) give difflib's own diff."""
    from roadmap_check.fixing import _unified

    before = [f"line {n}\n" for n in numbers]
    after = [f"fixed {line}" if i < len(changed) and changed[i] else line
             for i, line in enumerate(before)]
    assert list(_unified(before, after, "a/x", "b/x")) == \
        list(difflib.unified_diff(before, after, "a/x", "b/x"))
