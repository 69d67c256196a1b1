"""Every command under LANG=ru_RU.UTF-8 speaks Russian: no English word is left but the names
the tool cannot translate (codes, check and framework ids, options, formats, keys, paths, and
the titles a rule set writes in Latin letters in its Russian titles). The allowed names are
built from those sources, never copied from the output."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import Run

from roadmap_check import config, roadmap_format, rulesets
from roadmap_check.dates import builtin_ongoing
from roadmap_check.docs import check_docs
from roadmap_check.i18n import catalog
from roadmap_check.registry import CHECKS
from roadmap_check.reporters import FORMATS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RU_EXAMPLE = EXAMPLES / "telemedicine-roadmap-ru.yaml"
Cli = Callable[..., Run]
RUSSIAN = {"LANG": "ru_RU.UTF-8"}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")  # ids, options: one token
# Machine values in straight quotes, YAML to paste in braces, paths and URLs: quoted or
# written as they are, never translated.
# A quarter or a half written in the format (2023-Q2, 2023-H1) is such a value too.
_MACHINE = re.compile(r"'[^'\n]*'|\{[^}\n]*\}|\S*[/\\]\S*|\S+\.(?:ya?ml|toml|txt|html)\b"
                      r"|\b\d{4}-(?:Q[1-4]|H[12])\b")


def _allowed() -> set[str]:
    import typer.main

    from roadmap_check import cli as cli_module

    words: set[str] = {"roadmap", "check", "RM", "YAML", "UTF", "TOML", "JSON", "HTML", "NUL",
                       "FORMAT", "FILE", "REV", "GLOB", "CODE", "CODES", "DIR", "git", "fix",
                       "UTF-8", "UTF-16", "Windows-1251",  # and the encodings, by their names
                       "Word", "Excel", "OpenDocument", "XML",  # products and formats, as named
                       "yaml-language-server",  # the editor tool the starters' first line names
                       "true", "false"}  # TOML's values, as 'config' prints them
    names: list[str] = [*CHECKS, *(c.name for c in CHECKS.values()), *config.DEFAULTS]
    # the road-map format: its keys and the values written as they are (explain's examples)
    names += [*roadmap_format.TOP_KEYS, *roadmap_format.ROADMAP_KEYS, *roadmap_format.ITEM_KEYS,
              *roadmap_format.CITATION_KEYS, *roadmap_format.WAIVER_KEYS, *builtin_ongoing(),
              *(key.split(".", 1)[1] for key in catalog() if key.startswith("status."))]
    for command, formats in FORMATS.items():
        names += [command, *formats]
    stack: list[Any] = [typer.main.get_command(cli_module.app)]
    while stack:  # every command and subcommand, and every option they take
        command = stack.pop()
        names.append(command.name or "")
        for param in command.params:
            names += [*param.opts, *getattr(param, "secondary_opts", [])]
        stack.extend(getattr(command, "commands", {}).values())
    from roadmap_check.ruleset_files import builtin_names

    for spec in builtin_names():
        ruleset = rulesets.load([spec])
        names.append(ruleset.name)
        for framework in ruleset.frameworks.values():
            names.append(framework.id)
            names += _WORD.findall(framework.title.get("ru", ""))
            for short in framework.short.values():  # the coverage matrix labels rows by them
                names += [word for name in short for word in _WORD.findall(name)]
            for provision in framework.provisions:
                names += _WORD.findall(provision.id)
        for reference in ruleset.references.values():  # data, as a rule set writes it
            names += [reference.ref, *reference.aliases, reference.note.get("ru", "")]
        for kind in ruleset.vocabulary.reference_kinds:  # names of standards, as written
            names += [*kind.codes, *kind.names]
        names += [r.id for r in ruleset.requirements] + [p.id for p in ruleset.parties]
        names += [source_host(url) for f in ruleset.frameworks.values() for url, _ in f.source]
    from roadmap_check.model import REFERENCE_KINDS
    from roadmap_check.ruleset import SOURCE_KINDS

    schemas = [p.name.split(".")[0] for p in resources.files("roadmap_check.schemas").iterdir()
               if p.name.endswith(".schema.json")]
    from roadmap_check.findings import TRUST
    from roadmap_check.vocabulary import ITEM_STATUSES

    # values, the schemas `schema` prints
    names += [*config.FAIL_ON, *SOURCE_KINDS, *REFERENCE_KINDS, *schemas, *TRUST, *ITEM_STATUSES]
    for name in names:
        words.update(_WORD.findall(name))
    return words


def source_host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.").rstrip(".") if "://" in url else url


ALLOWED = _allowed()


def _keys() -> frozenset[str]:
    """The keys of a rule set, as a problem's key path names them (frameworks[0].title.en):
    allowed in such a dotted path, not as words of a sentence."""
    from roadmap_check import ruleset
    from roadmap_check.langs import LANGS

    return frozenset([*ruleset.TOP_KEYS, *ruleset.HEADER_KEYS, *ruleset.FRAMEWORK_KEYS,
                      *ruleset.PROVISION_KEYS, *ruleset.REQUIREMENT_KEYS, *ruleset.PARTY_KEYS,
                      *ruleset.THRESHOLD_KEYS, *ruleset.SOURCE_KEYS, *LANGS])


KEYS = _keys()


# Roman numerals are how Russian writes quarters, halves and sections («IV квартал», «раздел I»)
_ROMAN = re.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def english_left(text: str, own: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` that are neither allowed names nor ``own`` (the words of the
    files the run read: the draft's own text, a broken rule set's keys) nor Roman numerals.
    A table may fold an id: a piece of a hyphenated name counts as the name."""
    pieces = " ".join(w for w in ALLOWED if "-" in w)
    return sorted({w for w in _WORD.findall(_MACHINE.sub(" ", text))
                   if w not in ALLOWED and w not in own and not _ROMAN.fullmatch(w)
                   and not ("." in w and all(part in ALLOWED or part in own or part in KEYS
                                             for part in w.split(".")))
                   and not ("-" in w and len(w) >= 5 and w in pieces)})


def test_the_detector_has_teeth() -> None:
    assert english_left("the item refers to no document") == ["document", "item", "no",
                                                              "refers", "the", "to"]
    assert english_left("ссылка на документ cis-infosec-2030 (RM201, --format json)") == []
    assert english_left("IV квартал, раздел II, срок 2023-Q2 или 2023-H1, Q4, VI-I, Vice") == \
        ["Q4", "VI-I", "Vice"]


@pytest.fixture
def broken_rules(tmp_path: Path) -> Path:
    path = tmp_path / "broken-rules.yaml"
    path.write_text("ruleset: {name: Bad Name}\nframeworks:\n  - id: x\n    colour: red\n"
                    "    source: [{url: 'https://a.example', kind: blog}]\n", encoding="utf-8")
    return path


PARSER_ERRORS: dict[str, tuple[str, ...]] = {
    "unknown option": ("check", "--bogus", "draft.yaml"),
    "unknown command": ("chek", "draft.yaml"),
    "missing argument": ("check",),
    "extra argument": ("frameworks", "extra"),
    "option without value": ("check", "draft.yaml", "--jobs"),
    "not a number": ("check", "--jobs", "x", "draft.yaml"),
}


def _runs(cli: Cli, tmp_path: Path, broken_rules: Path) -> Iterator[tuple[str, Run]]:
    draft = tmp_path / "draft.yaml"
    draft.write_text(RU_EXAMPLE.read_text(encoding="utf-8").replace("  language: ru\n", ""),
                     encoding="utf-8")
    for fmt in ("terminal", "html", "markdown"):
        yield f"check {fmt}", cli("check", draft, "--format", fmt, env=RUSSIAN)
    report = json.loads(cli("check", draft, "--format", "json", env=RUSSIAN).stdout)
    yield "check json", Run(0, "\n".join(str(f[key]) for f in report["findings"]
                                         for key in ("message", "suggestion") if f[key]), "")
    yield "coverage", cli("coverage", draft, env=RUSSIAN)
    yield "frameworks", cli("frameworks", env=RUSSIAN)
    yield "checks", cli("checks", env=RUSSIAN)
    yield "config", cli("config", env=RUSSIAN)
    yield "rules validate", cli("rules", "validate", broken_rules, env=RUSSIAN)
    yield "init", cli("init", tmp_path / "new.yaml", env=RUSSIAN)
    cli("init", tmp_path / "starter.yaml", "--lang", "ru", env=RUSSIAN)  # comments and values
    yield "init's starter", Run(0, (tmp_path / "starter.yaml").read_text(encoding="utf-8"), "")
    yield "fix --diff", Run(0, "", cli("fix", draft, "--diff", env=RUSSIAN).stderr)
    yield "diff", cli("diff", RU_EXAMPLE, draft, env=RUSSIAN)
    yield "no file", cli("check", tmp_path / "nowhere.yaml", env=RUSSIAN)
    yield "bad option", cli("check", draft, "--select", "RM9", env=RUSSIAN)
    yield "bad schema", cli("schema", "nope", env=RUSSIAN)
    yield "exists", cli("init", tmp_path / "new.yaml", env=RUSSIAN)
    # the parser's own usage errors: an unknown option or command, a missing or extra
    # argument, an option without its value, a value of the wrong kind
    for name, args in PARSER_ERRORS.items():
        yield name, cli(*args, env=RUSSIAN)
    for code in CHECKS:  # explain, whole: heading, documentation, examples and comments
        yield f"explain {code}", cli("explain", code, env=RUSSIAN)


def _machine_words(code: str) -> frozenset[str]:
    """What ``explain`` shows that is a file's machine text, not words: the keys of its example
    road maps (a misspelt key is what RM004 is about) and the rule set and baseline files the
    examples run with. The values and comments of the examples are still words."""
    doc = check_docs(code)
    keys: list[str] = []
    stack: list[Any] = []
    for kind in ("fail", "pass"):
        try:
            stack.append(yaml.safe_load(doc.example(kind, "ru") or ""))
        except yaml.YAMLError:  # the examples of RM001 and RM007: not read, and no keys
            continue
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            keys += map(str, node)
            stack += node.values()
        elif isinstance(node, list):
            stack += node
    files = (doc.rules or "") + (doc.baseline or "")
    return frozenset(_WORD.findall(" ".join(keys)) + _WORD.findall(files))


def test_every_command_speaks_russian_under_a_russian_locale(cli: Cli, tmp_path: Path,
                                                            broken_rules: Path) -> None:
    left: dict[str, list[str]] = {}
    codes: dict[str, int] = {}
    own = frozenset(_WORD.findall(RU_EXAMPLE.read_text(encoding="utf-8"))
                    + _WORD.findall(broken_rules.read_text(encoding="utf-8"))
                    + [w for args in PARSER_ERRORS.values() for w in _WORD.findall(" ".join(args))])
    for name, run in _runs(cli, tmp_path, broken_rules):
        codes[name] = run.code
        mine = own | _machine_words(name.split()[1]) if name.startswith("explain ") else own
        text = re.sub(r"<style>.*?</style>|<pre class=\"src\">.*?</pre>|<[^>]+>"
                      r"|^ *(`{3,})yaml\n.*?^ *\1$", " ",
                      run.stdout + "\n" + run.stderr, flags=re.S | re.M)
        text = html.unescape(text)
        for line in text.splitlines():
            words = english_left(line, mine)
            if words:
                left[f"{name}: {line.strip()[:120]}"] = words
    assert codes["no file"] == codes["bad option"] == codes["bad schema"] == 2
    assert codes["rules validate"] == codes["exists"] == 2
    assert {codes[name] for name in PARSER_ERRORS} == {2}
    assert sorted({w for words in left.values() for w in words}) == [], left
