"""Hostile inputs for ``fix`` (and the reading it relies on): each finishes in under 2 s and
300 MB through the real entry point, with a finding or a one-line error, exit 0/1/2, and a file
that is either left byte for byte or fixed and still valid YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from budget import measure, within
from helpers import TEST_RULES

pytestmark = pytest.mark.slow

RULES = ("--rules", str(TEST_RULES))
HEAD = "roadmap: {id: t, title: T}\nitems:\n"
ITEM = ('  - id: "{n}"\n    title: Item {n}\n    responsible: [{party}]\n    deadline: 2023\n'
        "    cites: [infosec-2030]\n")


def _draft(tmp_path: Path, text: str | bytes, name: str = "draft.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.mark.usefixtures("yaml_loader")
@pytest.mark.parametrize("char", ["\x1c", "\x0c", "\x7f", "\x9f", "\ufffe"])
def test_a_control_character_is_a_finding_where_it_is(tmp_path: Path, char: str) -> None:
    text = HEAD + ITEM.format(n=1, party="Kazakstan") + f"    description: a{char}b\n"
    path = _draft(tmp_path, text)
    run = measure("check", path.name, *RULES, "--format", "json", "--select", "RM001",
                  cwd=tmp_path, seconds=2)
    within(run)
    found = json.loads(run.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("RM001", 8, 19)]
    assert f"U+{ord(char):04X}" in found[0]["message"]
    fixed = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(fixed)
    assert path.read_text(encoding="utf-8") == text  # not read, so not fixed


def test_one_anchored_value_aliased_everywhere(tmp_path: Path) -> None:
    aliases = ", ".join(["*p"] * 20_000)
    text = (HEAD + ITEM.format(n=1, party="&p Kazakstan")
            + f"    participants: [{aliases}]\n")
    path = _draft(tmp_path, text)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    after = path.read_text(encoding="utf-8")
    assert after == text.replace("&p Kazakstan", "&p Kazakhstan")


def test_many_fixes_with_anchors_tags_and_crlf(tmp_path: Path) -> None:
    items = "".join(ITEM.format(n=n, party=f"&p{n} !!str Kazakstan") for n in range(1500))
    text = "\ufeff" + (HEAD + items).replace("\n", "\r\n")
    path = _draft(tmp_path, text)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    after = path.read_bytes().decode("utf-8")
    assert after == text.replace("!!str Kazakstan", "!!str Kazakhstan")


def test_a_long_value_in_a_flow_list(tmp_path: Path) -> None:
    long = "Republic of Belarrus " * 50_000
    text = HEAD + ITEM.format(n=1, party=f"Kazakstan, {long.strip()}, Kazakstan")
    path = _draft(tmp_path, text)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    assert data["items"][0]["responsible"] == ["Kazakhstan", long.strip(), "Kazakhstan"]


@pytest.mark.parametrize("text", [
    # An alias bomb around a fixable value: RM007, nothing expanded, nothing written.
    HEAD + ITEM.format(n=1, party="&a Kazakstan") + "    x: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    + "".join(f"    x{n}: &{chr(99 + n)} [{', '.join([f'*{chr(98 + n)}'] * 9)}]\n"
              for n in range(8)),
    # Nested too deep to read.
    HEAD + ITEM.format(n=1, party="Kazakstan") + "    x: " + "[" * 20_000 + "]" * 20_000 + "\n",
], ids=["alias-bomb", "too-deep"])
def test_unreadable_structures_are_left_as_they_were(tmp_path: Path, text: str) -> None:
    path = _draft(tmp_path, text)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 0
    assert path.read_text(encoding="utf-8") == text


def test_a_python_tag_on_a_plain_value_is_quoted_as_the_text_written(tmp_path: Path) -> None:
    # Nothing is constructed from the tag: the value is the text written, and fix quotes it
    # whole (issue 9, item 6); the party is then the drafter's text, tag and all.
    text = HEAD + ITEM.format(n=1, party="!!python/object:os.system Kazakstan")
    path = _draft(tmp_path, text)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 0
    assert path.read_text(encoding="utf-8") == text.replace(
        "!!python/object:os.system Kazakstan", '"!!python/object:os.system Kazakstan"')


@pytest.mark.parametrize("data", [
    b"roadmap: {id: t, title: T}\nitems: [\xff\xfe]\n",
    "\ufeffroadmap: {id: t}\n".encode("utf-16"),
], ids=["not-utf8", "utf16"])
def test_a_file_fix_cannot_read_is_one_line(tmp_path: Path, data: bytes) -> None:
    path = _draft(tmp_path, data)
    run = measure("fix", path.name, *RULES, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1 and path.name in run.stderr
    assert path.read_bytes() == data
