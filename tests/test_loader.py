"""Loading road maps: whatever the bytes, a finding with a position, never an exception.

Hypothesis feeds arbitrary text, YAML-like text from a small grammar and road-map-shaped
documents with values of every type; then each bad input of the format gets its own code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Run, check_text, codes, hint_of, message_of, minimal_roadmap
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import ROADMAP_SHAPED, YAMLISH

from roadmap_check.engine import Engine
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding
from roadmap_check.reading import read

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _assert_well_placed(text: str, findings: list[Finding]) -> None:
    """Every finding has a 1-based position inside the text, and they come sorted."""
    lines = len(_BREAKS.split(text))
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.line <= lines + 1, (finding, lines)
    keys = [(f.path, f.line, f.column, f.code) for f in findings]
    assert keys == sorted(keys)


# -- hypothesis -----------------------------------------------------------------------------

@FUZZ
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    report = check_text(text)
    _assert_well_placed(text, report.findings)


@FUZZ
@given(YAMLISH)
def test_yaml_like_text_never_raises(text: str) -> None:
    report = check_text(text)
    _assert_well_placed(text, report.findings)


@FUZZ
@given(ROADMAP_SHAPED)
def test_roadmap_shaped_documents_with_any_values_never_raise(text: str) -> None:
    report = check_text(text)
    _assert_well_placed(text, report.findings)
    assert "RM001" not in codes(report.findings), "safe_dump output is valid YAML"


# -- every bad input gets its code ----------------------------------------------------------


def test_invalid_yaml_is_rm001_with_its_position() -> None:
    text = minimal_roadmap('  - id: "1"\n    title: [unclosed\n    deadline: 2023\n')
    report = check_text(text)
    assert [f.code for f in report.findings] == ["RM001"]
    finding = report.findings[0]
    # The flow sequence opened on line 5 is still open when the next key comes on line 6.
    assert (finding.line, finding.column) >= (5, 1)
    assert finding.line <= 7
    assert "invalid YAML" in message_of(finding)


def test_cp1251_bytes_are_rm001_at_the_first_bad_byte(write: Callable[..., Path],
        make_engine: Callable[..., Engine]) -> None:
    text = "roadmap:\n  id: t\n  title: Дорожная карта по телемедицине\nitems: []\n"
    path = write("cp1251.yaml", text.encode("cp1251"))
    report = make_engine().check_path(path, "cp1251.yaml")
    assert [f.code for f in report.findings] == ["RM001"]
    finding = report.findings[0]
    assert (finding.line, finding.column) == (3, 10)
    assert "UTF-8" in message_of(finding)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_rm001(write: Callable[..., Path], encoding: str,
        make_engine: Callable[..., Engine]) -> None:
    data = minimal_roadmap().encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # with its byte-order mark
    path = write("wide.yaml", data)
    report = make_engine().check_path(path, "wide.yaml")
    assert [f.code for f in report.findings] == ["RM001"]
    assert "UTF-8" in (hint_of(report.findings[0]) or "") + message_of(report.findings[0])


def test_utf16_without_bom_is_rm001(write: Callable[..., Path],
        make_engine: Callable[..., Engine]) -> None:
    path = write("wide.yaml", minimal_roadmap().encode("utf-16-le"))
    report = make_engine().check_path(path, "wide.yaml")
    assert [f.code for f in report.findings] == ["RM001"]


def test_utf8_bom_and_crlf_are_read_with_right_positions(write: Callable[..., Path],
        make_engine: Callable[..., Engine]) -> None:
    text = minimal_roadmap('  - id: "1"\n    title: X\n    responsible: Belarus\n'
                           '    deadline: 2023\n    cites: [infosec-2030]\n    deadlin: 2024\n')
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    report = make_engine().check_path(write("bom.yaml", data), "bom.yaml")
    assert "RM001" not in codes(report.findings)
    unknown = [f for f in report.findings if f.code == "RM004"]
    assert [(f.line, f.column) for f in unknown] == [(10, 5)]


@pytest.mark.parametrize("content", [b"", b"\n\n", b"   \t\n", b"\xef\xbb\xbf"],
                         ids=["empty", "newlines", "blanks", "bom-only"])
def test_empty_file_is_rm001(write: Callable[..., Path], content: bytes,
        make_engine: Callable[..., Engine]) -> None:
    report = make_engine().check_path(write("empty.yaml", content), "empty.yaml")
    assert [(f.code, f.line, f.column) for f in report.findings] == [("RM001", 1, 1)]


def test_duplicate_keys_are_rm002_for_each_repeat() -> None:
    text = ("roadmap: {id: t, title: T}\nitems:\n  - id: '1'\n    title: A\n    title: B\n"
            "    responsible: Belarus\n    deadline: 2023\n    deadline: 2024\n"
            "    cites: [infosec-2030]\n")
    found = [(f.line, message_of(f)) for f in check_text(text).findings if f.code == "RM002"]
    assert [line for line, _ in found] == [5, 8]
    assert "'title'" in found[0][1] and "'deadline'" in found[1][1]


def test_second_document_is_rm003_and_the_first_is_still_checked() -> None:
    text = minimal_roadmap('  - {id: "1", title: X, responsible: Belarus, deadline: 2023}\n')
    report = check_text(text + "---\nroadmap: {id: other}\n")
    assert [f.line for f in report.findings if f.code == "RM003"] == [7]
    assert "RM101" in codes(report.findings), "the first document's item cites nothing"


def test_python_tag_is_rm007_and_nothing_is_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (f'roadmap: !!python/object/apply:os.system ["touch {marker}"]\n'
            f'items:\n  - !!python/object/apply:subprocess.check_call [["touch", "{marker}"]]\n')
    report = check_text(text)
    assert "RM007" in codes(report.findings)
    assert not marker.exists(), "a python tag was executed"
    # What is handed on is a graph of plain nodes with standard tags: nothing to construct.
    root = read(text, "x").root
    assert root is not None
    stack = [root]
    while stack:
        node = stack.pop()
        assert node.tag.startswith("tag:yaml.org,2002:"), node.tag
        if isinstance(node.value, list):
            stack.extend(n for entry in node.value
                         for n in (entry if isinstance(entry, tuple) else (entry,)))


@pytest.mark.parametrize("tag", ["!foo", "!<tag:example.com,2000:x>", "!!python/name:os.system",
                                 "!!python/tuple", "!Ref"])
def test_any_non_standard_tag_is_rm007(tag: str) -> None:
    text = minimal_roadmap(f'  - id: "1"\n    title: {tag} X\n')
    report = check_text(text)
    assert [(f.code, f.line) for f in report.findings if f.code == "RM007"] == [("RM007", 6)]
    # ... at the tagged value, and the rest of the item is still checked: it has no deadline.
    assert "RM003" in codes(report.findings)


def test_billion_laughs_is_rm007_and_finishes() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 12):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    text = "\n".join(lines) + "\nroadmap: {id: t, title: T}\nitems: *a11\n"
    report = check_text(text)  # 10**12 nodes if expanded: that it returns is the point
    assert "RM007" in codes(report.findings)


@pytest.mark.parametrize("text", [
    "roadmap: &r {id: t, title: T, again: *r}\nitems: []\n",
    "items: &i [1, [2, *i]]\nroadmap: {id: t, title: T}\n",
    "&m {roadmap: *m, items: []}\n",
], ids=["mapping", "nested-list", "root"])
def test_recursive_alias_is_rm007(text: str) -> None:
    report = check_text(text)
    assert "RM007" in codes(report.findings)
    assert any("recursive" in message_of(f) for f in report.findings)


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    "[" * 100_000,
    "{a: " * 50_000 + "}" * 50_000,
    "items: " + "- " * 100_000 + "x\n",
    "".join(" " * (2 * i) + f"k{i}:\n" for i in range(1500)) + " " * 3000 + "end\n",
], ids=["flow-lists", "unclosed-flow", "flow-mappings", "block-lists-on-one-line",
        "block-mappings"])
def test_deep_nesting_is_a_finding_not_a_recursion_error(text: str) -> None:
    report = check_text(text)
    assert report.findings, "a document nested this deep is not a road map"
    assert codes(report.findings) & {"RM001", "RM003", "RM007"}


@pytest.mark.parametrize(("text", "message"), [
    ("- id: '1'\n  title: X\n", "a list"),
    ("just a sentence\n", "a single value"),
    ("42\n", "a single value"),
    ("---\n", "nothing"),
], ids=["list", "text", "number", "null"])
def test_top_level_not_a_mapping_is_rm003(text: str, message: str) -> None:
    report = check_text(text)
    assert [f.code for f in report.findings] == ["RM003"]
    assert message in message_of(report.findings[0])


@pytest.mark.parametrize("items", ["{one: 1}", "text", "42", "true"])
def test_items_not_a_list_is_rm003_at_the_value(items: str) -> None:
    report = check_text(f"roadmap: {{id: t, title: T}}\nitems: {items}\n")
    problems = [(f.line, f.column) for f in report.findings if f.code == "RM003"]
    assert problems == [(2, 8)]


def test_missing_file_raises_a_one_line_error_naming_it(tmp_path: Path,
        make_engine: Callable[..., Engine]) -> None:
    with pytest.raises(RoadmapCheckError) as caught:
        make_engine().check_path(tmp_path / "nowhere.yaml", "nowhere.yaml")
    assert str(caught.value) == "nowhere.yaml: no such file"


def test_missing_file_on_the_command_line_exits_2(cli: Callable[..., Run]) -> None:
    run = cli("check", "nowhere.yaml")
    assert run.code == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "nowhere.yaml" in lines[0]


def test_a_directory_exits_2(cli: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "drafts.yaml").mkdir()
    run = cli("check", "drafts.yaml")
    assert run.code == 2
    assert "drafts.yaml" in run.stderr
