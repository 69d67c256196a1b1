"""At 80 columns, in both languages, the terminal outputs of check, frameworks, checks and
coverage stay readable: long lines wrap between words with a hanging indent, and no word (an
id, a path, a title's word) is ever split across lines or cut short.

A word is broken if the narrow output holds a piece of text that the same command at 1,000
columns, the road map it read and the message catalogue never hold: each word of the narrow
output (punctuation around it aside) must be one of theirs.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Run

from roadmap_check.i18n import catalog

Cli = Callable[..., Run]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LANGS = {"en": "C.UTF-8", "ru": "ru_RU.UTF-8"}
_BOX = re.compile("[\u2500-\u257f]")          # table borders
_AROUND = ".,;:!?()[]{}«»„“\"'…`"


def _words(text: str) -> list[str]:
    return [w.strip(_AROUND) for w in _BOX.sub(" ", text).split() if w.strip(_AROUND)]


def _catalogue_words() -> set[str]:
    out: set[str] = set()
    for entry in catalog().values():
        for value in entry.values():
            for text in value if isinstance(value, list) else [value]:
                out.update(_words(str(text)))
    return out


def _run(cli: Cli, args: tuple[str, ...], lang: str, columns: int) -> Run:
    return cli(*args, env={"COLUMNS": str(columns), "LANG": LANGS[lang]})


COMMANDS = {
    "check": ("check", "defect-showcase.yaml"),
    "check-ru": ("check", "telemedicine-roadmap-ru.yaml"),
    "frameworks": ("frameworks",),
    "checks": ("checks",),
    "coverage": ("coverage", "defect-showcase.yaml"),
    "coverage-ru": ("coverage", "telemedicine-roadmap-ru.yaml"),
}


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_word_is_broken_at_80_columns(cli: Cli, tmp_path: Path, name: str,
                                         lang: str) -> None:
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, tmp_path / example.name)
    args = (*COMMANDS[name], "--lang", lang)
    narrow, wide = _run(cli, args, lang, 80), _run(cli, args, lang, 1000)
    assert narrow.code == wide.code and narrow.stdout.strip(), narrow.stderr
    known = set(_words(wide.stdout)) | _catalogue_words()
    for example in tmp_path.glob("*.yaml"):
        known |= set(_words(example.read_text(encoding="utf-8")))
    strange = [w for w in _words(narrow.stdout) if w not in known and not w.isdigit()]
    assert not strange, (strange[:10], narrow.stdout[:3000])
    long_lines = [line for line in narrow.stdout.splitlines()
                  if len(line) > 80 and max(map(len, line.split())) < 30]
    assert not long_lines, long_lines
    assert len(narrow.stdout.splitlines()) >= len(wide.stdout.splitlines())


def test_a_long_finding_hangs_under_its_message(cli: Cli, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "defect-showcase.yaml", tmp_path / "showcase.yaml")
    narrow = _run(cli, ("check", "showcase.yaml"), "en", 80).stdout.splitlines()
    start = next(n for n, line in enumerate(narrow) if "RM202 uncovered-framework" in line)
    first = narrow[start]
    message = first.index("the required framework")
    following = narrow[start + 1]
    assert len(first) <= 80 and following.startswith(" " * 14)
    assert following.strip() and not following.strip().startswith("hint:")
    hint = next(line for line in narrow[start:] if line.strip().startswith("hint:"))
    assert hint.index("hint:") <= message
    # the whole message is there, in order, once the lines are joined again
    wide = _run(cli, ("check", "showcase.yaml"), "en", 1000).stdout
    text = next(line for line in wide.splitlines() if "RM202" in line)
    joined = " ".join(" ".join(narrow[start:narrow.index(hint)]).split())
    assert joined == " ".join(text.split())


def test_piped_output_is_not_wrapped(cli: Cli, tmp_path: Path) -> None:
    """Without a terminal and without COLUMNS (a CI log, a file, grep), a finding stays on one
    line, whatever its length."""
    shutil.copy(EXAMPLES / "defect-showcase.yaml", tmp_path / "showcase.yaml")
    out = cli("check", "showcase.yaml").stdout
    assert any(len(line) > 200 for line in out.splitlines())


def test_matrix_rows_carry_the_short_title(cli: Cli, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "defect-showcase.yaml", tmp_path / "showcase.yaml")
    for columns in (80, 1000):
        out = _run(cli, ("coverage", "showcase.yaml"), "en", columns).stdout
        row = next(line for line in out.splitlines() if "cis-telemed-agreement-2010" in line)
        assert "CIS Telemedicine Agreement" in row, row
    ru = _run(cli, ("coverage", "showcase.yaml", "--lang", "ru"), "ru", 1000).stdout
    row = next(line for line in ru.splitlines() if "cis-infosec-2030" in line)
    assert "Стратегия ИБ СНГ" in row, row
