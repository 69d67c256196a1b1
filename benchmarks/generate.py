"""Generate a realistic road-map YAML draft (FORMAT.md) of N items for benchmarking.

Usage: python benchmarks/generate.py N OUT.yaml [--seed S] [--lang mixed|en|ru] [--clean]

The default draft is a sloppy one (loose and wrong citations, subjects left uncited, dependencies
due in the wrong order: about four findings an item). --clean writes the same kind of items that
cite what they speak of, canonically, in the right order: roadmap-check reports (almost) nothing.
The YAML is written by hand (string building), not with yaml.dump, so that 50,000 items
take seconds. Output is deterministic for a given N, seed, language and mode.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import vocab as v  # sibling module: benchmarks/ is on sys.path

ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def q(text: str) -> str:
    """Return text as a YAML double-quoted scalar."""
    if any(c in text for c in ESC):
        text = "".join(ESC.get(c, c) for c in text)
    return f'"{text}"'


def flow(items: list[str]) -> str:
    return "[" + ", ".join(q(x) for x in items) + "]"


def cite(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.03:
        return q(rng.choice(v.WRONG))
    if r < 0.07:
        return rng.choice(v.MAPPINGS)
    text, kind = rng.choice(v.CITES)
    if " – " in text and rng.random() < 0.5:
        text = text.replace(" – ", rng.choice(v.DASHES))
    if rng.random() < 0.1:
        wrap = rng.choice(("«{}»", "“{}”", '"{}"'))
        text = text.lower() if rng.random() < 0.5 else wrap.format(text)
    if kind and rng.random() < 0.45:
        if kind == "sec":
            text += rng.choice((", section I", ", sec. I", " section I", ", part I"))
        elif kind == "razd":
            text += rng.choice((", разд. I", ", раздел I"))
        elif kind == "art":
            text += rng.choice((", Art. 6", ", article 6", ", art. 1", " Article 6"))
        elif kind == "st":
            text = rng.choice(("ст. 6 ", "статья 1 ", "ст. 1 ")) + text
        else:
            text += rng.choice((", strategic objective 2", ", SO1", ", SO3"))
    return q(text)


def sentence(rng: random.Random, ru: bool) -> str:
    if ru:
        subj, verb, obj, purp, opener, extra = (
            v.RU_SUBJ, v.RU_VERB, v.RU_OBJ, v.RU_PURP, v.RU_OPEN, v.RU_EXTRA)
    else:
        subj, verb, obj, purp, opener, extra = (
            v.EN_SUBJ, v.EN_VERB, v.EN_OBJ, v.EN_PURP, v.EN_OPEN, v.EN_EXTRA)
    r = rng.random()
    if r < 0.3:
        return rng.choice(extra)
    core = f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)} {rng.choice(purp)}"
    sep = " " if ru else ", "  # Russian takes no comma after a short adverbial opener
    return f"{rng.choice(opener)}{sep}{core[0].lower()}{core[1:]}." if r < 0.6 else core + "."


def describe(rng: random.Random, ru: bool) -> str:
    """80-150 words; Russian items stay nearer 80 (Cyrillic takes two bytes a letter)."""
    hi = rng.randint(81, 90) if ru else rng.randint(88, 130)
    words, out = 0, []
    for attempt in range(60):
        s = sentence(rng, ru)
        n = s.count(" ") + 1
        if words + n > hi and attempt < 59:
            if words >= 80:
                break
            continue
        out.append(s)
        words += n
    return " ".join(out)


# Date forms: (text, first month index, last month index); month index 0 = 2022-01.
def date_form(rng: random.Random, m: int, day_end: bool) -> tuple[str, int, int]:
    y, mo, base = 2022 + m // 12, m % 12 + 1, 12 * (m // 12)
    k = rng.random()
    if k < 0.3:
        qn = (mo - 1) // 3
        return f"{y}-Q{qn + 1}", base + 3 * qn, base + 3 * qn + 2
    if k < 0.55:
        return f"{y}-{mo:02d}", m, m
    if k < 0.7:
        h = (mo - 1) // 6
        return f"{y}-H{h + 1}", base + 6 * h, base + 6 * h + 5
    if k < 0.82:
        return str(y), base, base + 11
    last = (31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[mo - 1]
    return f"{y}-{mo:02d}-{last if day_end else 1:02d}", m, m


def dates(rng: random.Random) -> tuple[str, str, int]:
    """A start and a deadline inside 2022-2025; the start's period ends no later than the deadline.

    The third value is the month index the deadline ends in."""
    s = rng.randrange(0, 44)
    d = s + rng.randrange(0, min(24, 48 - s))
    dl, _, d_end = date_form(rng, d, True)
    st, _, s_end = date_form(rng, s, False)
    if s_end > d_end or (dl.count("-") == 2 and s_end >= d):
        st = f"{2022 + s // 12}-{s % 12 + 1:02d}-01"
    if rng.random() < 0.15:
        st, dl = q(st), q(dl)
    return st, dl, d_end


_TITLES: dict[str, dict[str, str]] | None = None


def canon(fid: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """A framework's canonical titles (English, Russian) and provision suffixes: the titles of
    the built-in rule set where roadmap_check is installed (canonical means what it says),
    else those written in vocab.CANON."""
    global _TITLES
    en, ru, provisions = v.CANON[fid]
    if _TITLES is None:
        try:
            from roadmap_check import rulesets

            _TITLES = {f.id: dict(f.title) for f in rulesets.load([]).frameworks.values()}
        except Exception:  # not installed, or a rule set it cannot read: the written ones
            _TITLES = {}
    title = _TITLES.get(fid, {})
    return title.get("en", en), title.get("ru", ru), provisions


def clean_cites(rng: random.Random, ru: bool, text: str, index: int, section: int) -> list[str]:
    """Canonical citations of every framework the text speaks of (vocab.SUBJECTS), once each."""
    lowered = text.lower()
    wanted = [fid for phrase, fid in v.SUBJECTS if phrase in lowered]
    if index < len(v.REQUIRED):
        wanted.append(v.REQUIRED[index])
    if not wanted or rng.random() < 0.25:
        wanted.append(v.SECTION_CITES[section % len(v.SECTION_CITES)])
    out = []
    for fid in dict.fromkeys(wanted):
        en, ru_title, provisions = canon(fid)
        suffix = rng.choice(provisions) if provisions and rng.random() < 0.4 else None
        r = rng.random()
        if r < 0.6:
            text = (ru_title if ru else en) + ((suffix[1] if ru else suffix[0]) if suffix else "")
            out.append(q(text))
        elif r < 0.85 or suffix:
            prov = f", provision: {q(suffix[0][2:])}" if suffix else ""
            out.append(f"{{framework: {fid}{prov}}}")
        else:
            out.append(fid)
    return out


P = 17  # title parts are the 6 values of a degree-3 polynomial over GF(17): see Titles


class Titles:
    """Unique titles: verb + modifier + object + qualifier (region or scope; topic or stage).

    The six parts of a title are a Reed-Solomon codeword, so two titles of one language share
    at most 3 of the 6 parts and are never near-duplicates (up to 17**4 = 83,521 titles per
    language; beyond that parts are random and the item id is appended).
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.order: dict[bool, list[int]] = {}
        self.maps: dict[bool, list[list[int]]] = {}

    def make(self, ru: bool, iid: str) -> str:
        lists = ((v.RU_TVERB, v.RU_MOD, v.RU_TOBJ, v.RU_QUAL, v.RU_REG, v.RU_TAIL) if ru
                 else (v.EN_TVERB, v.EN_MOD, v.EN_TOBJ, v.EN_QUAL, v.EN_REG, v.EN_TAIL))
        if ru not in self.order:
            self.order[ru] = list(range(P**4))
            self.rng.shuffle(self.order[ru])
            self.maps[ru] = [self.rng.sample(range(len(x)), P) for x in lists]
        order, maps = self.order[ru], self.maps[ru]
        coded = bool(order)
        if coded:
            c = order.pop()
            coef = (c % P, c // P % P, c // P**2 % P, c // P**3)
            key = [maps[x][sum(a * x**m for m, a in enumerate(coef)) % P] for x in range(6)]
        else:
            key = [self.rng.randrange(len(x)) for x in lists]
        verb, mod, obj, qual, reg, tail = (x[i] for x, i in zip(lists, key, strict=True))
        return f"{verb} {mod} {obj} {qual} ({reg}; {tail}{'' if coded else ', ' + iid})"


def generate(n: int, seed: int = 1, lang: str = "mixed", clean: bool = False) -> str:
    rng = random.Random(seed)
    per = max(4, math.ceil(math.sqrt(n)))
    out = ["# Synthetic road-map draft for benchmarking roadmap-check (benchmarks/generate.py)\n"
           "roadmap:\n  id: cis-telemedicine-roadmap\n"
           '  title: "Road map for the development of cross-border telemedicine interaction'
           ' of the CIS member states"\n  version: "0.3"\n  status: draft\n  date: 2021-09-09\n'
           "  period: 2022-2025\n" + (f"  language: {lang}\n" if lang != "mixed" else "")
           + ("items:\n" if n else "items: []\n")]
    ids: list[str] = []
    ends: list[int] = []  # the month index each item's deadline ends in
    titles = Titles(rng)
    for i in range(n):
        sec, num = i // per + 1, i % per + 1
        iid = f"{sec}.{num}"
        ru = lang == "ru" or (lang == "mixed" and rng.random() < 0.5)
        t = titles.make(ru, iid)
        sect = v.RU_SECT if ru else v.EN_SECT
        desc = describe(rng, ru)
        lines = [f"  - id: {q(iid)}", f"    title: {q(t)}",
                 f"    section: {q(f'{sec}. ' + sect[(sec - 1) % len(sect)])}",
                 f"    description: {q(desc)}"]
        n_resp, n_part = rng.choice((1, 1, 2)), rng.choice((0, 0, 0, 1, 2, 3))
        names = [rng.choice(g) for g in rng.sample(v.PARTIES, n_resp + n_part)]
        resp, part = names[:n_resp], names[n_resp:]
        lines.append(f"    responsible: {q(resp[0])}" if len(resp) == 1 and rng.random() < 0.5
                     else f"    responsible: {flow(resp)}")
        if part:
            lines.append(f"    participants: {flow(part)}")
        st, dl, end = dates(rng)
        if rng.random() < 0.8:
            lines.append(f"    start: {st}")
        lines.append(f"    deadline: {dl}")
        outcome = rng.choice(v.RU_OUT if ru else v.EN_OUT)
        lines.append(f"    outcome: {q(outcome)}")
        lines.append("    indicators:")
        for tmpl in rng.sample(v.RU_IND if ru else v.EN_IND, rng.choice((1, 1, 2, 2, 3))):
            ind = tmpl.format(n=rng.randint(10, 5000), p=rng.randint(30, 100),
                              h=rng.randint(2, 72), k=rng.randint(2, 9))
            lines.append(f"      - {q(ind)}")
        window = ids[-30:]
        if clean:  # only items due no later than this one
            window = [d for d, e in zip(window, ends[-30:], strict=True) if e <= end]
        ndep = min(len(window), rng.choice((0, 0, 1, 1, 2)))
        if ndep:
            lines.append(f"    depends_on: {flow(rng.sample(window, ndep))}")
        lines.append("    cites:")
        if clean:
            said = " ".join((t, desc, outcome))  # the fields RM201 reads
            lines.extend(f"      - {c}" for c in clean_cites(rng, ru, said, i, sec - 1))
        else:
            lines.extend(f"      - {cite(rng)}" for _ in range(rng.randint(1, 3)))
        out.append("\n".join(lines) + "\n")
        ids.append(iid)
        ends.append(end)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of items")
    ap.add_argument("out", type=Path, help="output YAML file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", choices=("mixed", "en", "ru"), default="mixed")
    ap.add_argument("--clean", action="store_true",
                    help="items that cite what they speak of, canonically: (almost) no findings")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(generate(a.n, a.seed, a.lang, a.clean), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
