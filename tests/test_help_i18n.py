"""``--help`` of every command in both languages: the tool's own texts through the catalogue
and the parser's labels (Usage, Options, Arguments, Commands, the help option itself) too,
chosen by --lang in the command line, else by the locale, as everything else the tool says."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from helpers import Run

from roadmap_check.config import FAIL_ON, LEVELS
from roadmap_check.langs import LANGS
from roadmap_check.loading import _ITEM_KEYS
from roadmap_check.reporters import FORMATS
from roadmap_check.roadmap_format import ROADMAP_KEYS

Cli = Callable[..., Run]


def _commands() -> list[tuple[str, ...]]:
    """Every command of the program (and of its groups), as the parser has them."""
    import typer.main

    from roadmap_check.cli import app

    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = [()]
    for name, command in sorted(getattr(root, "commands", {}).items()):
        found.append((name,))
        found += [(name, sub) for sub in sorted(getattr(command, "commands", {}) or {})]
    return found


COMMANDS = _commands()
# Latin words a Russian help may hold: what the user types (command, format, language,
# level, schema and road-map field names), names of products and file formats, and the
# environment variables the tool reads.
TYPED = {name for command in COMMANDS for name in command} | \
    {fmt for formats in FORMATS.values() for fmt in formats} | set(LANGS) | set(FAIL_ON) | \
    set(LEVELS) | {"roadmap", "ruleset", "report", "vocabulary", "ignore"} | \
    set(_ITEM_KEYS) | set(ROADMAP_KEYS)
NAMES = {"YAML", "JSON", "TOML", "SARIF", "CI", "GitHub", "Actions", "GitLab", "Jenkins", "Word",
         "Excel", "OpenDocument", "XML",
         "JUnit", "HTML", "Markdown", "UTF", "LANG", "LC_ALL", "git", "ROADMAP_CHECK_LANG"}


def _english_words(text: str) -> list[str]:
    """Latin words outside what may stay Latin: option names, quoted machine values ('x'),
    file names, codes, ids, example values (anything with a digit, dot, dash or slash)."""
    text = re.sub(r"'[^'\n]*'", " ", text)                 # machine values, quoted
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)            # option names
    words = re.findall(r"(?<![\w./-])[A-Za-z][\w.:/|=-]*", text)  # not an extension (.xml)
    return [w for w in words if re.fullmatch(r"[A-Za-z]+", w) and len(w) > 1
            and w not in TYPED and w not in NAMES]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "roadmap-check")
def test_help_is_russian_under_a_russian_locale(cli: Cli, command: tuple[str, ...]) -> None:
    run = cli(*command, "--help", env={"LANG": "ru_RU.UTF-8", "COLUMNS": "100"})
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("Вызов:"), run.stdout[:200]
    left = _english_words(run.stdout)
    assert not left, (left, run.stdout)
    assert "Вывести эту справку и завершить работу" in run.stdout


def test_help_follows_lang_in_the_command_line(cli: Cli) -> None:
    russian = cli("check", "--help", "--lang", "ru", env={"COLUMNS": "100"}).stdout
    assert "Параметры" in russian and not _english_words(russian)
    english = cli("check", "--help", "--lang", "en", env={"LANG": "ru_RU.UTF-8"}).stdout
    assert english.startswith("Usage:") and "Options" in english
    for variable in ("ROADMAP_CHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        said = cli("checks", "--help", env={variable: "ru_RU.UTF-8"}).stdout
        assert said.startswith("Вызов:"), variable
    assert cli("checks", "--help", env={"ROADMAP_CHECK_LANG": "en", "LANG": "ru_RU.UTF-8"}
               ).stdout.startswith("Usage:")


@pytest.mark.parametrize(("args", "english", "russian"), [
    (("check", "--bogus", "x.yaml"), "No such option: --bogus", "неизвестный параметр --bogus"),
    (("chek",), "No such command 'chek'", "неизвестная команда 'chek'"),
    (("check",), "Missing argument", "не указан аргумент"),
    (("check", "--jobs", "x", "a.yaml"), "'x' is not a number", "'x' не является числом"),
    (("check", "a.yaml", "--jobs"), "'--jobs' requires a value",
     "у параметра '--jobs' не указано значение"),
    (("frameworks", "one", "two"), "extra arguments (one two)", "лишние аргументы: one two"),
])
def test_a_usage_error_is_said_in_the_language_of_help(
        cli: Cli, args: tuple[str, ...], english: str, russian: str) -> None:
    """The parser's errors (an unknown option, a missing argument...) in the user's language,
    with where to find help, exit 2 and no traceback; in English as the parser says them."""
    said = cli(*args, env={"LANG": "ru_RU.UTF-8"})
    assert said.code == 2 and "Traceback" not in said.stderr
    assert russian in said.stderr and "Ошибка: " in said.stderr, said.stderr
    assert not _english_words(said.stderr.replace("--bogus", "").replace("chek", "")
                              .replace("one two", "")), said.stderr
    told = cli(*args, env={"LANG": "C.UTF-8"})
    assert told.code == 2 and english in told.stderr and "Error: " in told.stderr, told.stderr


def test_every_help_text_is_in_the_catalogue_in_both_languages() -> None:
    from roadmap_check.i18n import catalog, placeholders

    keys = [key for key in catalog() if key.startswith("help.")]
    assert len(keys) > 50
    for key in keys:
        entry = catalog()[key]
        assert set(entry) == set(LANGS), key
        assert placeholders(entry["en"]) == placeholders(entry["ru"]), key
