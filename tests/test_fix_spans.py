"""``roadmap-check fix`` rewrites a scalar and nothing else, wherever and however it is written.

The span of a fix is the scalar itself: an anchor or a tag in front of it stays, so an alias
that refers to it still resolves (and reads the fixed value). The new text reads back as the
fixed value in block and flow collections, plain, single- or double-quoted, over one line or
several, in CRLF files and files with a BOM, with values full of YAML indicators. Every test
runs with both PyYAML loaders.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import TEST_RULES, Run

pytestmark = pytest.mark.usefixtures("yaml_loader")

Cli = Callable[..., Run]
RULES = ("--rules", str(TEST_RULES))
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

# Party names of a rule set, each with YAML indicators, and a misspelling a drafter wrote
# (RM304 offers the name as a safe fix).
PARTIES = {
    "Ministry: Health Care Office": "Ministry Health Care Ofice",
    "Bureau of Records #7": "Bureau of Recrds 7",
    "Council for Trade, Industry": "Council for Trade Industy",
    "[Bracketed] Standards Agency": "Bracketed Standards Agensy",
    "{Braced} Telecom Authority": "Braced Telecom Autority",
    "O'Brien \"Quoted\" Institute": "O Brien Quoted Institut",
    "*Starred Health Foundation": "Starred Health Fundation",
    "&Ampersand Medical Union": "Ampersand Medical Unon",
    "!Bang Digital Centre": "Bang Digital Centr",
    "%Percent Data Office": "Percent Data Offise",
    "@At Network Service": "At Network Servise",
    "`Backtick Research Laboratory": "Backtick Research Laboratry",
    "Registry? Unit Authority": "Registry Unit Authorty",
    "Trailing Colon Committee:": "Trailing Colon Comittee",
    "- Dash Leading Board": "Dash Leading Bord",
}

# How the misspelt name is written in the draft: {v} is the value, {a} a unique anchor name.
# Each context yields the YAML of the keys 'responsible' and 'participants' of one item.
CONTEXTS = {
    "block-plain": "    responsible: {v}\n",
    "block-list": "    responsible:\n      - {v}\n      - Russia\n",
    "flow-list": "    responsible: [{v}, Russia]\n",
    "flow-list-last": "    responsible: [Russia, {v}]\n",
    "single-quoted": "    responsible: ['{v}']\n",
    "double-quoted": "    responsible: \"{v}\"\n",
    "multi-line-plain": "    responsible:\n      - {v1}\n        {v2}\n",
    "multi-line-double": "    responsible: [\"{v1}\n        {v2}\", Russia]\n",
    "anchor-and-alias": "    responsible: [&{a} {v}]\n    participants: [Russia, *{a}]\n",
    "anchor-in-block": "    responsible: &{a} {v}\n    participants: *{a}\n",
    "anchor-own-line": "    responsible: &{a}   # the lead\n      {v}\n    participants: [*{a}]\n",
    "tag": "    responsible: [!!str {v}]\n",
    "anchor-and-tag": "    responsible: [&{a} !!str '{v}']\n    participants: *{a}\n",
    "tag-verbatim": "    responsible: !<tag:yaml.org,2002:str> \"{v}\"\n",
}


def _rules(write: Callable[..., Path]) -> Path:
    parties = "".join(f"  - id: p{n}\n    kind: body\n    names: {{en: [{_quoted(name)}]}}\n"
                      for n, name in enumerate(PARTIES))
    # the rule set it extends beside it: 'extends' reads only inside the project
    write("test-rules.yaml", TEST_RULES.read_text(encoding="utf-8"))
    return write("tricky-rules.yaml", "ruleset:\n  name: tricky\n"
                 "  extends: [test-rules.yaml]\nparties:\n" + parties)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _draft() -> tuple[str, dict[str, str]]:
    """A road map with one item per party and context; item id -> the party it names."""
    out = ["roadmap: {id: tricky, title: Tricky values}\nitems:\n"]
    expected: dict[str, str] = {}
    for p, (name, bad) in enumerate(PARTIES.items()):
        first, _, rest = bad.partition(" ")
        for c, (context, shape) in enumerate(CONTEXTS.items()):
            item = f"{p}.{c}"
            expected[item] = name
            out.append(f'  - id: "{item}"\n    title: "Item {item} ({context})"\n'
                       f"    deadline: 2023\n    cites: [infosec-2030]\n")
            out.append(shape.format(v=bad, v1=first, v2=rest, a=f"a{p}x{c}"))
    return "".join(out), expected


def _parties(item: dict[str, Any]) -> list[str]:
    found = []
    for key in ("responsible", "participants"):
        value = item.get(key) or []
        found += value if isinstance(value, list) else [value]
    return [v for v in found if v != "Russia"]


def _assert_fixed(text: str, expected: dict[str, str]) -> None:
    for loader in LOADERS:
        data = yaml.load(text, Loader=loader)
        wrong = {item["id"]: _parties(item) for item in data["items"]
                 if set(_parties(item)) != {expected[item["id"]]}}
        assert not wrong, (loader, wrong)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
def test_every_value_in_every_context_is_fixed_exactly(
        cli: Cli, write: Callable[..., Path], newline: str, bom: str) -> None:
    rules = _rules(write)
    text, expected = _draft()
    path = write("tricky.yaml", (bom + text.replace("\n", newline)).encode("utf-8"))
    run = cli("fix", path.name, "--rules", str(rules))
    assert run.code == 0, run.stderr
    after = path.read_bytes().decode("utf-8")
    assert after.startswith(bom)
    # Each of the two multi-line scalars per party becomes one line; no other line goes.
    assert after.count(newline) == text.count("\n") - 2 * len(PARTIES)
    if newline == "\r\n":
        assert "\n" not in after.replace("\r\n", "")
    _assert_fixed(after.removeprefix(bom), expected)
    # The anchors, the tags and the comment are still there; nothing is left to fix.
    for kept in ("&a0x8 ", "*a0x8]", "!!str ", "!<tag:yaml.org,2002:str> ", "# the lead"):
        assert kept in after
    check = cli("check", path.name, "--rules", str(rules), "--select", "RM001,RM003,RM304")
    assert check.code == 0, check.stdout


ANCHORED = """\
roadmap: {id: t, title: T}
items:
  - id: &i1 1.10
    title: X
    responsible: [&p Republic of Belarrus]
    participants: [*p]
    deadline: &d Q2 2023
    start: *d
    cites: [&c Стратегия ИБ СНГ раздел 4, *c]
  - id: !!float 2.10
    title: Y
    responsible: *p
    deadline: 2023
    cites: [infosec-2030]
"""


def test_anchors_and_aliases_survive_the_fix(cli: Cli, write: Callable[..., Path]) -> None:
    path = write("anchored.yaml", ANCHORED)
    run = cli("fix", path.name, *RULES)
    assert run.code == 0, run.stderr
    after = path.read_text(encoding="utf-8")
    for kept in ("&i1 ", "&p ", "*p]", "&d ", "start: *d", "&c ", "*c]", "responsible: *p"):
        assert kept in after
    data = yaml.safe_load(after)
    first, second = data["items"]
    assert first["id"] == "1.10"
    assert first["responsible"] == first["participants"] == ["Republic of Belarus"]
    assert second["responsible"] == "Republic of Belarus"
    assert first["deadline"] == first["start"] == "2023-Q2"
    canonical = "Стратегия обеспечения информационной безопасности государств – участников СНГ"
    assert first["cites"] == [f"{canonical}, раздел 4"] * 2
    # A number asked for with a tag is not "fixed" by quoting it behind the tag.
    assert "id: !!float 2.10" in after


def test_an_anchor_on_a_numeric_id_keeps_its_name(cli: Cli, write: Callable[..., Path]) -> None:
    text = ANCHORED.replace("  - id: !!float 2.10", '  - id: "2"')
    path = write("anchored.yaml", text)
    assert cli("fix", path.name, *RULES).code == 0
    assert '  - id: &i1 "1.10"\n' in path.read_text(encoding="utf-8")


def test_anchors_no_alias_repeats_survive_the_fix(cli: Cli, write: Callable[..., Path]) -> None:
    """Anchors that nothing refers to (and a '&' in prose) are kept as well: the fix replaces
    the scalar after the anchor, not the anchor with it."""
    text = ANCHORED.replace("*p", "Republic of Belarus").replace("start: *d", "start: 2023") \
        .replace(", *c]", "]").replace("title: Y", "title: R & D")
    assert "*" not in text
    path = write("anchored.yaml", text)
    assert cli("fix", path.name, *RULES).code == 0
    after = path.read_text(encoding="utf-8")
    for kept in ("&i1 ", "&p ", "&d ", "&c ", "R & D"):
        assert kept in after
    first = yaml.safe_load(after)["items"][0]
    assert first["deadline"] == "2023-Q2"
    assert first["cites"] == ["Стратегия обеспечения информационной безопасности государств – "
                              "участников СНГ, раздел 4"]


def test_the_fix_reports_the_position_of_the_scalar(cli: Cli, write: Callable[..., Path]) -> None:
    """The reported fix (JSON) replaces the scalar, not its anchor: applied by a client, it
    keeps the anchor too."""
    import json

    path = write("anchored.yaml", ANCHORED)
    run = cli("check", path.name, *RULES, "--format", "json", "--select", "RM304")
    fixes = [f["fix"] for f in json.loads(run.stdout)["findings"] if f["fix"]]
    lines = ANCHORED.splitlines()
    spans = {lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] for f in fixes}
    assert spans == {"Republic of Belarrus"}


FLOW_MAPPINGS = """\
roadmap: {id: t, title: T}
items:
  - id: "1"
    title: X
    responsible: [Belarus]
    deadline: 2023
    cites:
      - {framework: &f CIS Telemedicine Agreement, provision: '6'}
      - {provision: "6(a)", framework: *f}
      - {framework: CIS Telemedicine
          Agreement, provision: "6"}
    waivers: [{check: RM201, reason: "annexed", until: &u 31.12.2023}, {check: RM310,
               reason: "kept", until: *u}]
"""


def test_values_in_flow_mappings_are_fixed(cli: Cli, write: Callable[..., Path]) -> None:
    path = write("mappings.yaml", FLOW_MAPPINGS)
    run = cli("fix", path.name, *RULES)
    assert run.code == 0, run.stderr
    after = path.read_text(encoding="utf-8")
    assert "&f " in after and "framework: *f}" in after and "until: *u}" in after
    for loader in LOADERS:
        item = yaml.load(after, Loader=loader)["items"][0]
        assert [c["framework"] for c in item["cites"]] == ["telemed-2010"] * 3
        assert [c["provision"] for c in item["cites"]] == ["6", "6(a)", "6"]
        assert [str(w["until"]) for w in item["waivers"]] == ["2023-12-31"] * 2
        assert [w["reason"] for w in item["waivers"]] == ["annexed", "kept"]
