"""A drafter's "!!!" or "!" is not a whole-file stop (issue 9, item 6).

YAML reads ``!!! Urgent`` or ``- ! check the date`` as a tag in front of a value. The tool
never constructs anything from a tag (it reads node values), so a non-standard tag is harmless
to read: RM007 at the tagged node says so, the value is read as the text the drafter wrote (a
tag on a plain scalar) or as plain data (a tag on a quoted scalar or a collection), and the rest
of the file is still checked. Expansion, recursive aliases and merge depth still stop the file:
they are about resources.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from budget import measure, within
from helpers import check_text, codes, hint_of, message_of, minimal_roadmap

from roadmap_check import fixing
from roadmap_check.engine import Engine, Options
from roadmap_check.reading import read
from roadmap_check.yaml_io import MappingNode, Node, ScalarNode, SequenceNode

ITEM = """\
  - id: "{n}"
    title: {title}
    responsible: {party}
    deadline: 2023
    cites: [infosec-2030]
"""


def _item(n: int, title: str = "X", party: str = "Belarus") -> str:
    return ITEM.format(n=n, title=title, party=party)


def _nodes(root: Node) -> list[Node]:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return out


def test_a_tag_in_front_of_a_title_is_rm007_at_it_and_the_rest_is_still_checked() -> None:
    # Item 1's title starts with '!!!'; item 2 cites nothing and names an unknown party.
    text = minimal_roadmap(_item(1, "!!! Urgent - agree the data formats")
                           + '  - id: "2"\n    title: Y\n    responsible: Belarrus\n'
                             "    deadline: 2024\n")
    report = check_text(text)
    tagged = [f for f in report.findings if f.code == "RM007"]
    assert [(f.line, f.column) for f in tagged] == [(6, 12)]
    assert "'!!!'" in message_of(tagged[0]) and "tag" in message_of(tagged[0])
    # The rest of the file is checked: item 2's missing citation and misspelt party.
    assert {"RM101", "RM304"} <= codes(report.findings)


def test_the_tagged_value_is_read_as_written_and_the_fix_quotes_all_of_it() -> None:
    text = minimal_roadmap(_item(1, "!!! Urgent pilot of the teleconsultation channel"))
    report = check_text(text)
    found = next(f for f in report.findings if f.code == "RM007")
    assert found.fix is not None and found.fix.safe
    assert found.fix.replacement == '"!!! Urgent pilot of the teleconsultation channel"'
    assert found.fix.value == "!!! Urgent pilot of the teleconsultation channel"
    assert '"!!! Urgent pilot' in (hint_of(found) or "")
    assert "кавычки" in (hint_of(found, "ru") or "")
    fixed, applied = fixing.apply(text, report.findings)
    assert [f.code for f in applied] == ["RM007"]
    assert yaml.safe_load(fixed)["items"][0]["title"] == \
        "!!! Urgent pilot of the teleconsultation channel"
    assert "RM007" not in codes(check_text(fixed).findings)


@pytest.mark.parametrize(("written", "value"), [
    ("! check the date", "! check the date"),           # the non-specific tag: YAML drops it
    ("!!! Urgent", "!!! Urgent"),
    ("!!Urgent", "!!Urgent"),
    ("!important note", "!important note"),
    ("!!python/name:os.system X", "!!python/name:os.system X"),
], ids=["bang", "three-bangs", "two-bangs-word", "local-tag", "python-tag"])
def test_a_tag_on_a_plain_list_entry_keeps_the_drafters_text(written: str, value: str) -> None:
    text = minimal_roadmap('  - id: "1"\n    title: X\n    responsible: Belarus\n'
                           "    deadline: 2023\n    cites: [infosec-2030]\n"
                           f"    indicators:\n      - {written}\n      - second\n")
    report = check_text(text)
    found = [f for f in report.findings if f.code == "RM007"]
    assert [(f.line, f.column) for f in found] == [(11, 9)]
    assert found[0].fix is not None and found[0].fix.value == value
    fixed, _ = fixing.apply(text, report.findings)
    assert yaml.safe_load(fixed)["items"][0]["indicators"] == [value, "second"]


def test_a_standard_tag_is_no_finding() -> None:
    text = minimal_roadmap('  - id: !!str 1\n    title: !!str X\n    responsible: Belarus\n'
                           "    deadline: 2023\n    cites: [infosec-2030]\n")
    assert "RM007" not in codes(check_text(text).findings)


def test_a_tag_on_a_quoted_value_is_dropped_and_the_value_read_without_a_fix() -> None:
    text = minimal_roadmap(_item(1, party='!foo "Belarrus"'))
    report = check_text(text)
    found = next(f for f in report.findings if f.code == "RM007")
    assert found.fix is None and "'!foo'" in message_of(found)
    # The value is read: the misspelt party is found, with its own fix.
    assert any(f.code == "RM304" and f.fix is not None for f in report.findings)


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!Ref", "!!set"])
def test_a_tag_on_a_collection_is_rm007_at_it_and_the_collection_read_as_plain_data(
        tag: str) -> None:
    text = minimal_roadmap('  - id: "1"\n    title: X\n    responsible: Belarus\n'
                           f"    deadline: 2023\n    cites: {tag} [infosec-2030, nothing-known]\n")
    report = check_text(text)
    found = [f for f in report.findings if f.code == "RM007"]
    if tag == "!!set":  # a standard tag: no finding
        assert not found
        return
    assert [(f.line, f.column) for f in found] == [(9, 12)]
    assert found[0].fix is None
    # The list is read: its second citation is unknown.
    assert "RM102" in codes(report.findings)


def test_a_python_tag_constructs_nothing_and_the_graph_is_plain_nodes(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (f'roadmap: !!python/object/apply:os.system ["touch {marker}"]\n'
            f'items:\n  - !!python/object/apply:subprocess.check_call [["touch", "{marker}"]]\n'
            f"  - !!python/name:os.system touch {marker}\n")
    done = read(text, "x")
    assert done.root is not None
    assert all(type(n) in (MappingNode, SequenceNode, ScalarNode) for n in _nodes(done.root))
    assert all(n.tag.startswith("tag:yaml.org,2002:") for n in _nodes(done.root))
    report = check_text(text)
    assert [f.code for f in report.findings].count("RM007") == 3
    assert not marker.exists(), "a python tag was executed"


@pytest.mark.parametrize("text", [
    "roadmap: &r {id: t, title: T, again: *r}\nitems: []\n",
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"a{n}: &a{n} [{', '.join(['*a' if n == 1 else f'*a{n - 1}'] * 10)}]\n"
              for n in range(1, 12)) + "roadmap: {id: t, title: T}\nitems: *a11\n",
], ids=["recursive", "expansion"])
def test_resources_still_stop_the_file(text: str) -> None:
    report = check_text(text.replace("items: []", "items: [!!! x]"))
    assert codes(report.findings) == {"RM007"}
    assert any(word in message_of(f) for f in report.findings
               for word in ("recursive", "expand"))


def test_many_tags_are_read_in_bounded_time(tmp_path: Path) -> None:
    items = "".join(_item(n, f"!!! Urgent {n}", "! Belarus") for n in range(3000))
    path = tmp_path / "tags.yaml"
    path.write_text(minimal_roadmap(items), encoding="utf-8")
    run = measure("check", path.name, "--format", "json", "--rules",
                  str(Path(__file__).parent / "rules" / "test-rules.yaml"), cwd=tmp_path,
                  seconds=2)
    within(run)
    assert run.code == 1 and '"RM007"' in run.stdout


def test_fix_quotes_every_tagged_value_and_reads_back(tmp_path: Path) -> None:
    text = minimal_roadmap(_item(1, "!!! Urgent", "! Belarus") + _item(2, "! check"))
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    engine = Engine(Options(rules=(str(Path(__file__).parent / "rules" / "test-rules.yaml"),),
                            select=fixing.SELECT))
    _, outcome, _ = fixing.fix_file(engine, path)
    data = yaml.safe_load(outcome.after)
    assert [i["title"] for i in data["items"]] == ["!!! Urgent", "! check"]
    assert data["items"][0]["responsible"] == "! Belarus"
