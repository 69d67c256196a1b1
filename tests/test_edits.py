"""Fix text: a value written as a YAML scalar reads back as exactly that value.

A fix replaces one scalar of the drafter's file. Whatever the value (a canonical title, a party
name, a date), and wherever the scalar stands (a block mapping, a block list, a flow list, a
flow mapping), the text written must read back, with either PyYAML loader, as that one string
and leave the collection around it as it was; and the scalar keeps the drafter's quoting where
YAML allows it.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from roadmap_check.edits import yaml_scalar

LOADERS = [pytest.param(yaml.SafeLoader, id="pure")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))

# Where the scalar goes ({}), whether that is a flow context, and how to find it again.
CONTEXTS: dict[str, tuple[str, bool, Any]] = {
    "block-mapping": ("key: {}\nnext: 1\n", False, lambda d: (d["key"], d["next"] == 1)),
    "block-list": ("key:\n  - {}\n  - 2\n", False, lambda d: (d["key"][0], d["key"][1:] == [2])),
    "block-list-indented": ("a:\n  key:\n    - {}\n  n: 1\n", False,
                            lambda d: (d["a"]["key"][0], d["a"]["n"] == 1)),
    "flow-list-first": ("key: [{}, 2]\n", True, lambda d: (d["key"][0], d["key"][1:] == [2])),
    "flow-list-last": ("key: [1, {}]\n", True, lambda d: (d["key"][-1], d["key"][:-1] == [1])),
    "flow-mapping": ("key: {{a: {}, b: 2}}\n", True,
                     lambda d: (d["key"]["a"], d["key"].get("b") == 2 and len(d["key"]) == 2)),
    "flow-in-block-list": ("key:\n  - [{}, 2]\n", True,
                           lambda d: (d["key"][0][0], d["key"][0][1:] == [2])),
}

# The values the issue names: indicators inside and in front, quotes, comments, flow
# punctuation, values YAML would read as something else than text, and line breaks.
TRICKY = [
    "Republic of Belarus", "Ministry: Health", "Ministry:Health", "Office #1", "Office#1",
    "Trade, Industry", "a,b", "[Bracketed] Agency", "Agency [x]", "{Braced} Authority",
    "Authority {x}", "O'Brien \"Quoted\" Institute", "'single'", '"double"', "*Star", "&Amp",
    "!Bang", "%Percent", "@At", "`Backtick", "Question? Mark", "?", "-", "- Dash", "-Dash",
    "Colon at end:", "#hash", "|pipe", ">fold", "yes", "No", "null", "~", "", "1.10", "2023",
    "0x1F", "2023-06-30", "<<", "=", ".inf", " leading", "trailing ", "two  spaces", "tab\tin",
    "line\nbreak", "cr\rlf", "nel\x85x", "ls\u2028ps\u2029", "bom\ufeffin", "bell\x07", "del\x7f",
    "back\\slash", "Стратегия ИБ СНГ, разд. I", "Соглашение СНГ «О телемедицине»", "---", "...",
    "--- x", "... x", "a: b: c", "😀 emoji", "\x00nul",
]


def _read(doc: str, loader: type, where: Any) -> tuple[Any, bool]:
    data = yaml.load(doc, Loader=loader)  # SafeLoader or CSafeLoader only
    value, rest_intact = where(data)
    return value, rest_intact


@pytest.mark.parametrize("value", TRICKY, ids=[repr(v)[:24] for v in TRICKY])
def test_a_tricky_value_reads_back_exactly(value: str) -> None:
    wrong = []
    for context, (template, flow, where) in CONTEXTS.items():
        for style in (None, "'", '"'):
            written = yaml_scalar(value, style, flow)
            for param in LOADERS:
                loader = param.values[0]
                assert isinstance(loader, type)
                try:
                    got, rest_intact = _read(template.format(written), loader, where)
                except yaml.YAMLError as exc:
                    got, rest_intact = exc, False
                if not (got == value and isinstance(got, str) and rest_intact):
                    wrong.append((context, style, param.id, written, got))
    assert not wrong


_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@given(value=_TEXT, style=st.sampled_from([None, "'", '"']),
       context=st.sampled_from(sorted(CONTEXTS)))
@example(value="Trade, Industry", style=None, context="flow-list-first")
@example(value="a: b", style="'", context="flow-mapping")
def test_any_value_reads_back_exactly(value: str, style: str | None, context: str) -> None:
    template, flow, where = CONTEXTS[context]
    written = yaml_scalar(value, style, flow)
    for param in LOADERS:
        loader = param.values[0]
        assert isinstance(loader, type)
        got, rest_intact = _read(template.format(written), loader, where)
        assert (got, rest_intact) == (value, True), (written, loader)


@pytest.mark.parametrize(("value", "style", "flow", "written"), [
    # Plain stays plain where YAML reads it back the same.
    ("Republic of Belarus", None, True, "Republic of Belarus"),
    ("Стратегия ИБ СНГ, разд. I", None, False, "Стратегия ИБ СНГ, разд. I"),
    ("2023-Q2", None, True, "2023-Q2"),
    # Single quotes stay single quotes, with the quote doubled.
    ("O'Brien Institute", "'", True, "'O''Brien Institute'"),
    # Double quotes stay double quotes.
    ("Kazakhstan", '"', False, '"Kazakhstan"'),
])
def test_the_drafters_quoting_is_kept_where_yaml_allows(value: str, style: str | None,
                                                       flow: bool, written: str) -> None:
    assert yaml_scalar(value, style, flow) == written


@pytest.mark.parametrize(("value", "flow"), [
    ("Стратегия ИБ СНГ, разд. I", True),   # a comma ends a plain scalar in a flow list
    ("Question? Mark", True),
    ("Ministry: Health", False),
    ("Office #1", False),
    ("2023-06-30", False),                # plain, YAML reads a date, not this text
    ("1.10", False),
    ("yes", False),
])
def test_a_plain_value_yaml_would_misread_is_quoted(value: str, flow: bool) -> None:
    written = yaml_scalar(value, None, flow)
    assert written[0] in "'\"", written


def test_double_quoted_text_stays_on_one_line() -> None:
    written = yaml_scalar("a\nb\rc\x85d\u2028e\u2029f", '"', False)
    assert written.count("\n") == written.count("\r") == 0
    assert not set(written) & {"\x85", "\u2028", "\u2029"}
