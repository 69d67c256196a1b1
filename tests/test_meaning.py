"""What a citation says (roadmap_check/meaning.py), property by property: a text keeps itself,
keeps what only adds words or reorders, and loses any number, code, edition, part, year or
organisation taken out, or a code widened by a sibling beside it."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_check import meaning, rulesets, vocabulary
from roadmap_check.normalize import Normalizer

N = Normalizer(vocabulary.builtin())

_WORDS = st.sampled_from(["Strategy", "on", "digital", "health", "Recommendation", "series",
                          "Agreement", "of", "the", "member", "states", "Стратегия",
                          "цифрового", "здравоохранения", "государств", "участников",
                          "telemedicine", "interoperability", "resources", "services"])
_PREFIXES = st.sampled_from(["ICD-", "F.", "H.", "R", "WHA", "МКБ-", "v", "X."])
_ORGS = st.sampled_from(["WHO", "ВОЗ", "ITU-T", "МСЭ-Т", "ISO", "HL7", "CIS", "СНГ",
                         "World Health Organization", "Всемирной организации здравоохранения"])


@st.composite
def _code(draw: st.DrawFn) -> str:
    prefix = draw(_PREFIXES)
    groups = draw(st.lists(st.integers(1, 999), min_size=1, max_size=3))
    return prefix + ".".join(map(str, groups))


_YEARS = st.integers(1990, 2035).map(str)
_SPECIFICS = st.one_of(_code(), _YEARS, _ORGS,
                       st.tuples(st.integers(1000, 99999), st.integers(1, 9))
                       .map(lambda p: f"{p[0]}-{p[1]}"))


@st.composite
def _citation(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A citation as pieces: words and distinct specifics (each said once)."""
    specifics = draw(st.lists(_SPECIFICS, min_size=1, max_size=4, unique=True))
    words = draw(st.lists(_WORDS, max_size=6))
    return words, specifics


def _join(pieces: list[str]) -> str:
    return " ".join(pieces)


def _independent(specifics: list[str]) -> bool:
    """No specific says another (two ways of writing one organisation, a code inside a code)."""
    said = [meaning.said(N, s) for s in specifics]
    for i, a in enumerate(said):
        for j, b in enumerate(said):
            if i != j and (a.orgs & b.orgs or {x.parts for x in a.atoms}
                           & {x.parts for x in b.atoms}):
                return False
    return True


@given(st.text(max_size=80))
def test_any_text_keeps_itself(text: str) -> None:
    assert meaning.keeps(N, text, text)


@given(_citation(), st.lists(_WORDS, max_size=5), st.randoms(use_true_random=False))
def test_more_words_and_another_order_keep_everything(
        cited: tuple[list[str], list[str]], extra: list[str], rnd: object) -> None:
    words, specifics = cited
    old = _join(words + specifics)
    pieces = words + specifics + extra
    rnd.shuffle(pieces)  # type: ignore[attr-defined]
    assert meaning.lost(N, old, _join(pieces)) == ()


@given(_citation())
def test_dashes_and_spacing_are_no_difference(cited: tuple[list[str], list[str]]) -> None:
    words, specifics = cited
    old = _join(words + specifics)
    new = "  ".join(words + specifics).replace("-", "\u2013")
    assert meaning.keeps(N, old, new)


@given(_citation(), st.data())
def test_taking_out_any_specific_loses_it(cited: tuple[list[str], list[str]],
                                          data: st.DataObject) -> None:
    words, specifics = cited
    if not _independent(specifics):
        return
    dropped = data.draw(st.sampled_from(specifics))
    old = _join(words + specifics)
    new = _join(words + [s for s in specifics if s != dropped])
    lost = meaning.lost(N, old, new)
    assert lost, (old, new)
    orgs = {org.id.upper() for org in N.vocabulary.organisations}
    assert all(x.casefold() in old.casefold() or x in orgs for x in lost), lost


@given(_PREFIXES, st.lists(st.integers(1, 999), min_size=1, max_size=3), st.integers(1, 999),
       st.lists(_WORDS, max_size=4))
def test_a_sibling_beside_a_code_widens_it(prefix: str, groups: list[int], other: int,
                                           words: list[str]) -> None:
    if other == groups[-1]:
        return
    code = prefix + ".".join(map(str, groups))
    sibling = prefix + ".".join(map(str, [*groups[:-1], other]))
    old = _join([*words, code])
    assert meaning.lost(N, old, _join([*words, f"({code} / {sibling})"])) == (code,)
    assert meaning.keeps(N, _join([*words, code, sibling]), _join([*words, sibling, code]))


@pytest.mark.parametrize(("old", "new", "lost"), [
    ("ICD-10", "International Statistical Classification of Diseases (ICD-10 / ICD-11)",
     ("ICD-10",)),
    ("ITU-T F.780.2", "ITU-T F.780 series (F.780.1, F.780.2, F.780.3)", ("F.780.2",)),
    ("HL7 FHIR R4", "HL7 FHIR (Fast Healthcare Interoperability Resources)", ("R4",)),
    ("WHO Global Strategy on Digital Health", "Global strategy on digital health 2020-2025",
     ("WHO",)),
    ("Стратегия ИБ СНГ на период до 2030 года", "Стратегия обеспечения информационной "
     "безопасности государств – участников СНГ", ("2030",)),
    ("ISO 13606-1:2019", "ISO 13606 Health informatics", ("13606-1", "2019")),
    ("ITU-T Rec. H.810 (11/2019)", "ITU-T H.810 Interoperability design guidelines",
     ("11/2019",)),
    ("Toolkit, Part II", "Toolkit", ("II",)),
    # kept: the same said otherwise, or more
    ("МСЭ-Т Н.860", "Рекомендация МСЭ-Т H.860", ()),          # a Cyrillic Н typed for H
    ("ВАЗ58.28", "Резолюция WHA58.28 «Электронное здравоохранение»", ()),
    ("Toolkit, Part II", "Toolkit, Part 2", ()),
    ("World Health Organization strategy", "WHO strategy", ()),
    ("Global Strategy on Digital Health 2020–2025", "Global strategy 2020-2025", ()),
    ("CIS InfoSec Strategy 2030", "Strategy for Ensuring Information Security of the CIS "
     "Member States (for the period up to 2030)", ()),
    ("GS4DH", "Global strategy on digital health 2020-2025", ()),   # a name, not a number
    ("Kazakstan", "Kazakhstan", ()),
])
def test_what_drafters_write(old: str, new: str, lost: tuple[str, ...]) -> None:
    assert meaning.lost(N, old, new) == lost


def test_a_long_text_is_compared_in_linear_time() -> None:
    text = " ".join(f"ICD-{i} WHO 20{i % 40:02d} F.780.{i}" for i in range(5000))
    start = time.perf_counter()
    meaning.lost(N, text, text[: len(text) // 2])
    meaning.lost(N, "a" * 200_000 + "1", "b" * 200_000)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("name", ["cis-frameworks", "cis-telemedicine"])
def test_russian_titles_carry_the_period_as_the_english_ones_do(name: str) -> None:
    """A canonical title keeps its period in both languages, so that no fix drops it."""
    year = re.compile(r"(?:19|20)\d\d")
    for framework in rulesets.load([name]).frameworks.values():
        en, ru = framework.title.get("en", ""), framework.title.get("ru", "")
        years = {a.parts[0] for a in meaning.atoms(en) if year.fullmatch(a.parts[0])}
        assert years <= {a.parts[0] for a in meaning.atoms(ru)}, (framework.id, en, ru)
