"""Hypothesis strategies for road-map text: YAML-like noise and road-map-shaped documents."""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

from roadmap_check.roadmap_format import ITEM_KEYS, ROADMAP_KEYS

_TOKENS = st.sampled_from([
    "roadmap", "items", "id", "title", "deadline", "cites", "responsible", "depends_on",
    "waivers", "check", "reason", "framework", "provision", "start", "period", "date", "1.10",
    "2023-Q2", "2023-13", "ongoing", "постоянно", "Стратегия ИБ СНГ", "персональных данных",
    "personal data", "null", "~", "true", "", "'", '"', "'x'", '"y"', ":", ": ", " ", "  ",
    "\t", "-", "- ", ",", "[", "]", "{", "}", "?", "? ", "&a ", "*a", "&b ", "*b", "!foo ",
    "!!str ", "!!python/object:os.system ", "!!binary ", "<<: ", "|", ">", "#", "# c", "%YAML 1.1",
    "---", "...", "\ufeff", "é", "ё", "—", "\u2028", "%", "@", "`",
])
_LINES = st.lists(
    st.tuples(st.integers(0, 8), st.lists(_TOKENS, max_size=8)).map(
        lambda t: " " * t[0] + "".join(t[1])),
    max_size=20)
YAMLISH = _LINES.map("\n".join)

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text(max_size=30) | st.dates().map(str)
            | st.sampled_from(["2023-Q2", "ongoing", "Belarus", "infosec-2030", "RM201"]))
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(ITEM_KEYS) | st.text(max_size=8), children, max_size=4),
    max_leaves=12)
_ITEM = st.dictionaries(st.sampled_from(ITEM_KEYS), _VALUES, max_size=len(ITEM_KEYS))
_HEADER = st.dictionaries(st.sampled_from(ROADMAP_KEYS), _VALUES, max_size=5)
ROADMAP_SHAPED = st.builds(
    lambda header, items, extra: {"roadmap": header, "items": items, **extra},
    _HEADER | _VALUES, st.lists(_ITEM, max_size=4) | _VALUES,
    st.dictionaries(st.text(max_size=5), _VALUES, max_size=1),
).map(lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
