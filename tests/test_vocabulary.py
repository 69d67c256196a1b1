"""The domain vocabulary as data: the shipped file, a rule set's ``vocabulary:`` section that
extends it (per rule set, never for the others of a run), and its validation, which names
file, line and key."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from helpers import TEST_RULES, Run, check_text, message_of

from roadmap_check import rulesets, vocabulary
from roadmap_check.errors import RuleSetError
from roadmap_check.report import FileReport

Cli = Callable[..., Run]
Write = Callable[..., Path]

# A rule set over the test rules that adds to the vocabulary one word of each kind a user
# would: a deadline word, a provision marker, an organisation (its abbreviation and its name).
WORDS = """\
ruleset: {name: with-words, extends: [test-rules.yaml]}
vocabulary:
  ongoing_words: {ru: [бессрочно]}
  provision_markers: {ru: ["приложени?*"]}
  organisations:
    guam:
      short: [guam]
      names: {en: ["organization for democracy and economic development"]}
"""

ITEM = """\
  - id: "{id}"
    title: "Harmonise the consultations {id}"
    responsible: Republic of Belarus
    deadline: {deadline}
    cites: [{cites}]
"""


def draft(deadline: str = "2023", cites: str = "infosec-2030", header: str = "") -> str:
    return ("roadmap: {id: t, title: T, date: 2021-09-09" + header + "}\nitems:\n"
            + ITEM.format(id="1", deadline=deadline, cites=cites))


@pytest.fixture
def words(write: Write) -> Path:
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))  # extends reads beside it
    return write("with-words.yaml", WORDS)


def findings(report: FileReport, code: str) -> list[str]:
    return [message_of(f) for f in report.findings if f.code == code]


# -- a rule set extends the vocabulary -------------------------------------------------------


def test_a_word_a_rule_set_adds_makes_a_deadline_ongoing(words: Path) -> None:
    text = draft(deadline="бессрочно")
    assert findings(check_text(text), "RM301") and not findings(check_text(text), "RM310")
    extended = check_text(text, rules=str(words))
    assert findings(extended, "RM310") and not findings(extended, "RM301")


def test_a_marker_a_rule_set_adds_splits_the_provision_off(words: Path) -> None:
    text = draft(cites='"Соглашение о телемедицине, приложение 3"')
    assert findings(check_text(text), "RM102") and not findings(check_text(text), "RM104")
    extended = check_text(text, rules=str(words))
    assert not findings(extended, "RM102")
    assert findings(extended, "RM104") == ["telemed-2010 has no provision '3'"]


@pytest.mark.parametrize("named", ["GUAM", "Organization for Democracy and Economic Development"])
def test_an_organisation_a_rule_set_adds_must_agree_with_the_framework(words: Path,
                                                                       named: str) -> None:
    citation = f'"Strategy for Ensuring Information Security of the {named} Member States until 2030"'
    text = draft(cites=citation)
    assert not any("GUAM" in m for m in findings(check_text(text), "RM102"))
    found = findings(check_text(text, rules=str(words)), "RM102")
    assert len(found) == 1 and "(it names GUAM, not an issuer of infosec-2030)" in found[0], found


def test_the_vocabulary_of_one_rule_set_stays_with_it(cli: Cli, words: Path, write: Write) -> None:
    """Two road maps of one run, each naming its rule set: only one of them has the word."""
    write("a.yaml", draft(deadline="бессрочно", header=", ruleset: with-words.yaml"))
    write("b.yaml", draft(deadline="бессрочно", header=", ruleset: test-rules.yaml"))
    for order in (("a.yaml", "b.yaml"), ("b.yaml", "a.yaml")):
        run = cli("check", *order, "--format", "json")
        by_file: dict[str, set[str]] = {}
        import json

        for finding in json.loads(run.stdout)["findings"]:
            by_file.setdefault(finding["path"], set()).add(finding["code"])
        assert "RM310" in by_file["a.yaml"] and "RM301" not in by_file["a.yaml"], by_file
        assert "RM301" in by_file["b.yaml"] and "RM310" not in by_file["b.yaml"], by_file


def test_a_rule_set_extending_one_with_a_vocabulary_adds_to_it(words: Path, write: Write) -> None:
    child = write("child.yaml", "ruleset: {name: child, extends: [with-words.yaml]}\n"
                                "vocabulary:\n  ongoing_words: [indefinitely]\n"
                                "  organisations: {cis: {short: [sodruzhestvo]}}\n")
    for deadline in ("бессрочно", "indefinitely", "ongoing"):
        report = check_text(draft(deadline=deadline), rules=str(child))
        assert findings(report, "RM310") and not findings(report, "RM301"), deadline
    organisations = {o.id: o for o in rulesets.load([str(child)]).vocabulary.organisations}
    assert {"cis", "sng", "снг", "sodruzhestvo"} <= set(organisations["cis"].short)
    assert "guam" in organisations


# -- validation: file, line and key ------------------------------------------------------------


def _line_of(text: str, fragment: str) -> int:
    """The 1-based line of the rule set on which ``fragment`` is written."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


# Each: a rule set's invalid vocabulary section, where its problem is (the text on that line
# and the key), and the words of the problem. tests/test_schemas.py holds the JSON Schemas to
# them too.
INVALID = [
    ("  stop_word: [x]\n", "stop_word", "vocabulary.stop_word", ["did you mean 'stop_words'"]),
    ("  stop_words: {en: [the end]}\n", "the end", "vocabulary.stop_words.en[0]",
     ["'the end'", "one word"]),
    ("  stop_words: {de: [der]}\n", "de:", "vocabulary.stop_words.de", ["unknown key"]),
    ("  month_names: [2030]\n", "2030", "vocabulary.month_names[0]", ["'2030'", "quotes"]),
    ("  provision_markers: {en: [\"an*nex\"]}\n", "an*nex", "vocabulary.provision_markers.en[0]",
     ["'an*nex'", "'*' at the end of a word"]),
    ("  provision_markers: {en: [\"a?b?c?d?e?f?g?h?i?j?k?l\"]}\n", "a?b?",
     "vocabulary.provision_markers.en[0]", ["has 11 wildcards", "at most 10"]),
    ("  ongoing_words: {en: [\"" + "x" * 121 + "\"]}\n", "xxx", "vocabulary.ongoing_words.en[0]",
     ["121 characters", "at most 120"]),
    ("  russian_endings: [ing]\n", "ing", "vocabulary.russian_endings[0]",
     ["'ing'", "Cyrillic"]),
    ("  abbreviations: {ru: {иб: [\"информационная безопасность\"]}}\n", "иб",
     "vocabulary.abbreviations.ru.иб[0]", ["one word"]),
    ("  organisations: {GUAM: {short: [guam]}}\n", "GUAM", "vocabulary.organisations.GUAM",
     ["'GUAM'", "organisation id"]),
    ("  organisations: {guam: {short: [снг]}}\n", "снг", "vocabulary.organisations.guam.short",
     ["'снг'", "also names the organisation 'cis'"]),
    ("  organisations: {guam: {names: [\"world health organization\"]}}\n", "world health",
     "vocabulary.organisations.guam.names", ["also names the organisation 'who'"]),
    ("  organisations: {guam: {short: [guam], nmes: [x]}}\n", "nmes",
     "vocabulary.organisations.guam.nmes", ["did you mean 'names'"]),
    ("  organisations: [guam]\n", "organisations", "vocabulary.organisations",
     ["must be a mapping"]),
    ("  organisations:\n    guam: {short: [guam]}\n    guam: {short: [gm]}\n", "gm",
     "vocabulary.organisations.guam", ["'guam' is defined twice"]),
    ("  lookalike_letters: {Н: HH}\n", "Н: HH", "vocabulary.lookalike_letters.Н",
     ["'Н: HH'", "one letter each"]),
    ("  lookalike_letters: {N: H}\n", "N: H", "vocabulary.lookalike_letters.N",
     ["Cyrillic letter"]),
    ("  reference_kinds: {law-of-nature: {names: [physics]}}\n", "law-of-nature",
     "vocabulary.reference_kinds.law-of-nature", ["'law-of-nature'", "national-law"]),
    ("  reference_kinds: {decree: {acts: {ru: [\"у*каз\"]}}}\n", "у*каз",
     "vocabulary.reference_kinds.decree.acts.ru[0]", ["'у*каз'", "'*' at the end of a word"]),
    ("  reference_kinds: {decree: {act: [указ]}}\n", "act:",
     "vocabulary.reference_kinds.decree.act", ["did you mean 'acts'"]),
]
INVALID_IDS = ["unknown-key", "two-words", "unknown-language", "a-number", "inner-star",
               "too-many-wildcards", "too-long", "latin-ending", "abbreviation-of-two-words",
               "organisation-id", "short-name-of-another", "name-of-another",
               "organisation-key", "organisations-not-a-mapping", "organisation-twice",
               "twin-of-two-letters", "twin-of-a-latin-letter", "unknown-reference-kind",
               "reference-pattern", "reference-kind-key"]


@pytest.mark.parametrize(("section", "fragment", "key", "words"), INVALID, ids=INVALID_IDS)
def test_an_invalid_vocabulary_names_file_line_and_key(write: Write, section: str,
                                                         fragment: str, key: str,
                                                         words: list[str]) -> None:
    text = "ruleset: {name: bad}\nvocabulary:\n" + section
    path = write("bad.yaml", text)
    with pytest.raises(RuleSetError) as caught:
        rulesets.load([str(path)])
    said = [p.said("en") for p in caught.value.problems]
    line = _line_of(text, fragment)
    assert any(re.match(rf"\S*bad\.yaml:{line}:\d+: {re.escape(key)}: ", p)
               and all(w in p for w in words) for p in said), said


def test_rules_validate_reports_every_problem_of_a_vocabulary_at_once(cli: Cli,
                                                                     write: Write) -> None:
    text = ("ruleset: {name: bad}\nvocabulary:\n  stop_words: [the end]\n"
            "  russian_endings: [ing]\n  organisations: {guam: {short: [снг]}}\n")
    write("bad.yaml", text)
    run = cli("rules", "validate", "bad.yaml")
    assert run.code == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert [int(re.search(r"bad\.yaml:(\d+):", line).group(1))  # type: ignore[union-attr]
            for line in lines] == [3, 4, 5], lines
    check = cli("check", write("d.yaml", draft()).name, "--rules", "bad.yaml")
    assert check.code == 2
    assert [line.removeprefix("roadmap-check: ") for line in check.stderr.splitlines()] == lines


# -- the shipped file -----------------------------------------------------------------------


SHIPPED = resources.files("roadmap_check") / "vocabulary.yaml"


def test_the_shipped_vocabulary_is_valid_and_read_by_every_rule_set(yaml_loader: str) -> None:
    shipped = vocabulary.load(SHIPPED.read_bytes(), "vocabulary.yaml")
    assert rulesets.load([]).vocabulary == shipped
    assert "на постоянной основе" in shipped.ongoing_words
    assert "cis" in {o.id for o in shipped.organisations}


@pytest.mark.parametrize(("written", "broken", "key"), [
    ('пп., "пункт*",', 'пп., "пу*нкт",', "provision_markers.ru[2]"),
    ("  iso: {short: [iso, исо]}", "  iso: {short: [iso, ес]}", "organisations.iso.short"),
    ("  who:", "  WHO:", "organisations.WHO"),
])
def test_a_broken_vocabulary_file_is_refused_with_file_line_and_key(written: str, broken: str,
                                                                    key: str) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(written) == 1
    text = text.replace(written, broken)
    with pytest.raises(vocabulary.VocabularyError) as caught:
        vocabulary.load(text, "my-vocabulary.yaml")
    said = [p.said("en") for p in caught.value.problems]
    line = _line_of(text, broken)
    assert any(p.startswith(f"my-vocabulary.yaml:{line}:") and f": {key}: " in p
               for p in said), said


def test_a_vocabulary_file_that_is_not_yaml_says_where(tmp_path: Path) -> None:
    with pytest.raises(vocabulary.VocabularyError) as caught:
        vocabulary.load("stop_words: [the, of\nmonth_names: [may]\n", "v.yaml")
    said = [p.said("en") for p in caught.value.problems]
    assert len(said) == 1 and re.match(r"v\.yaml:\d+:\d+: .*YAML", said[0]), said


def test_the_vocabulary_example_of_the_documentation_is_valid_and_works(write: Write) -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "rulesets.md").read_text("utf-8")
    example = docs.split("## Vocabulary", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))
    rules = write("doc.yaml", "ruleset: {name: doc, extends: [test-rules.yaml]}\n" + example)
    for deadline in ("бессрочно", "Indefinitely"):
        report = check_text(draft(deadline=deadline), rules=str(rules))
        assert findings(report, "RM310") and not findings(report, "RM301"), deadline
    cited = check_text(draft(cites='"Соглашение о телемедицине, приложение 3"'), rules=str(rules))
    assert findings(cited, "RM104") == ["telemed-2010 has no provision '3'"]
