"""Generate a second, differently shaped road-map draft of N items for benchmarking.

Usage: python benchmarks/generate_other.py N OUT.yaml [--seed S]

Independent of generate.py (its own vocabulary, other_vocab.py, written from the format and the
built-in rule sets): mostly Russian; three-level ids in sections and subsections with banner
comments; block lists and mappings; descriptions as `|` and `>` block scalars of 110-220 words
that speak of several frameworks' subjects and cite only some of them; 3-8 citations an item in
loose forms, with provisions, as mappings, to documents outside the rule set, repeated; dates in
words and in wrong forms; ministries and misspelt names as parties; dependency chains per
subsection; waivers, inline suppressions and comments. It yields several times as many findings
an item as generate.py's draft (mostly RM201, RM105, RM304 and RM301). The YAML is written by
string building; the output is deterministic for a given N and seed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

import other_vocab as w  # sibling module: benchmarks/ is on sys.path

ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
_UNSAFE_PLAIN = re.compile(
    r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|: |\s#|:$|\s$|^(?:[-+]?[0-9][0-9_.:]*|y|n|yes|no|on|off|true"""
    r"""|false|null|~)$""", re.IGNORECASE)
_UNSAFE_DATE = re.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|: |\s#""")  # dates may look like numbers
PERIOD_FIRST_YEAR, PERIOD_MONTHS = 2022, 60  # the road map's period: 2022-2026


def scalar(text: str) -> str:
    """A YAML scalar: plain where YAML reads it back as the same string, else double-quoted."""
    if not _UNSAFE_PLAIN.search(text) and not any(c in text for c in ESCAPES):
        return text
    return '"' + "".join(ESCAPES.get(c, c) for c in text) + '"'


def date_scalar(text: str) -> str:
    """A date as drafters write it: plain even where YAML reads it as a number (2023, 30.06.2023)."""
    return scalar(text) if _UNSAFE_DATE.search(text) else text


def block(key: str, paragraphs: list[str], style: str, indent: int) -> list[str]:
    """`key: |` or `key: >` with the paragraphs wrapped at 96 columns, a blank line between."""
    pad = " " * indent
    out = [f"{pad}{key}: {style}"]
    for n, paragraph in enumerate(paragraphs):
        if n:
            out.append("")
        out.extend(pad + "  " + line for line in textwrap.wrap(paragraph, 96 - indent))
    return out


def largest_prime(limit: int) -> int:
    return max(p for p in range(2, limit + 1) if all(p % d for d in range(2, int(p**0.5) + 1)))


class Titles:
    """Titles of four parts (action, object, area, scope) whose indices form a codeword of the
    parity code (a, b, c, a+b+c mod p): two titles differ in at least two parts, so none is a
    near-duplicate of another unless made so on purpose. Past p**3 titles, parts are drawn at
    random and the id is appended."""

    def __init__(self, rng: random.Random, parts: tuple[list[str], ...]) -> None:
        self.rng, self.parts = rng, parts
        self.p = largest_prime(min(len(x) for x in parts))
        self.codes = list(range(self.p**3))
        rng.shuffle(self.codes)
        self.pick = [rng.sample(range(len(x)), self.p) for x in parts]

    def make(self, iid: str) -> str:
        if not self.codes:
            words = [self.rng.choice(x) for x in self.parts]
            return " ".join(words) + f" ({iid})"
        c, p = self.codes.pop(), self.p
        a, b, d = c % p, c // p % p, c // p**2
        key = (a, b, d, (a + b + d) % p)
        return " ".join(x[self.pick[j][key[j]]] for j, x in enumerate(self.parts))


def month(m: int) -> tuple[int, int]:
    """Year and month (1-12) of a month index (0 is January of the period's first year)."""
    return PERIOD_FIRST_YEAR + m // 12, m % 12 + 1


def last_day(y: int, mo: int) -> int:
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[mo - 1]


def canonical_date(rng: random.Random, m: int, end: bool) -> str:
    y, mo = month(m)
    k = rng.randrange(6)
    if k == 0:
        return f"{y}-{mo:02d}-{last_day(y, mo) if end else 1:02d}"
    if k == 1:
        return f"{y}-{mo:02d}"
    if k == 2:
        return f"{y}-Q{(mo - 1) // 3 + 1}"
    if k == 3:
        return f"{y}-H{(mo - 1) // 6 + 1}"
    if k == 4:
        return str(y)
    return f"{y}–{y + 1}" if end else str(y)


def worded_date(rng: random.Random, m: int, ru: bool, end: bool) -> str:
    y, mo = month(m)
    q, h, k = (mo - 1) // 3, (mo - 1) // 6, rng.randrange(4)
    if ru:
        return (f"{w.MONTHS_RU_NOM[mo - 1]} {y} г.", f"до {last_day(y, mo)} {w.MONTHS_RU_GEN[mo - 1]} {y} г."
                if end else f"с 1 {w.MONTHS_RU_GEN[mo - 1]} {y} г.", f"{w.ROMAN[q]} квартал {y} г.",
                f"{w.ROMAN[h]} полугодие {y} г.")[k]
    nth = ("1st", "2nd", "3rd", "4th")
    return (f"{w.MONTHS_EN[mo - 1]} {y}", f"{w.ROMAN[q]} quarter {y}",
            f"{nth[q]} quarter of {y}", f"{nth[h]} half of {y}")[k]


def date_text(rng: random.Random, m: int, ru: bool, end: bool) -> str:
    r = rng.random()
    if r < 0.45:
        return canonical_date(rng, m, end)
    if r < 0.78:
        return worded_date(rng, m, ru, end)
    y, mo = month(m)
    if r < 0.85:
        return f"{last_day(y, mo) if end else 1:02d}.{mo:02d}.{y}"
    if r < 0.92:
        return rng.choice(w.VAGUE_DATES).format(y=y)
    if r < 0.95:
        return "постоянно" if ru else "ongoing"
    return str(rng.choice((PERIOD_FIRST_YEAR - 1, PERIOD_FIRST_YEAR + 5)))  # outside the period


def sentence(rng: random.Random, ru: bool, a: str, b: str) -> str:
    template = rng.choice(w.SENTENCES_RU if ru else w.SENTENCES_EN)
    return template.format(a=a, b=b, n=rng.randint(3, 60), p=rng.randint(20, 95),
                           when=rng.choice(w.WHEN_RU if ru else w.WHEN_EN))


def description(rng: random.Random, ru: bool, topics: list[str]) -> list[str]:
    """Paragraphs of 2-4 sentences, 110-220 words in all, going through the item's topics."""
    goal, words, n = rng.randint(110, 220), 0, 0
    paragraphs: list[str] = []
    current: list[str] = []
    while words < goal:
        s = sentence(rng, ru, topics[n % len(topics)], topics[(n + 1) % len(topics)])
        current.append(s)
        words += s.count(" ") + 1
        n += 1
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def loose(rng: random.Random, fid: str, ru: bool) -> str | None:
    forms = [t for f, t in (w.LOOSE_RU if ru else w.LOOSE_EN) if f == fid]
    forms = forms or [t for f, t in (w.LOOSE_EN if ru else w.LOOSE_RU) if f == fid]
    return rng.choice(forms) if forms else None


def cite_lines(rng: random.Random, fid: str, ru: bool) -> list[str]:
    """One citation of framework fid: loose text, perhaps with a provision, or a mapping."""
    ok, bad = w.PROVISIONS.get(fid, ([], []))
    provision = None
    if ok and rng.random() < 0.45:
        provision = rng.choice(bad) if bad and rng.random() < 0.15 else rng.choice(ok)
    names = [t for f, t in w.MAPPING_NAMES if f == fid]
    text = loose(rng, fid, ru)
    if text is None or (names and rng.random() < 0.3):
        lines = [f"      - framework: {scalar(rng.choice(names) if names else fid)}"]
        if provision:
            lines.append(f"        provision: {scalar(provision)}")
        return lines
    if provision:
        text = f"{provision} {text}" if provision.startswith(("ст.", "статья")) else f"{text}, {provision}"
    return [f"      - {scalar(text)}"]


def citations(rng: random.Random, ru: bool, topic_fids: list[str]) -> list[str]:
    """3-8 citations: some of the frameworks the text speaks of, others, outsiders, repeats."""
    wanted = [f for f in dict.fromkeys(topic_fids) if rng.random() < 0.35]
    every = list(dict.fromkeys(f for f, _ in w.LOOSE_RU if f))
    target = rng.randint(3, 8)
    out: list[list[str]] = [cite_lines(rng, f, ru) for f in wanted[:target]]
    while len(out) < target:
        r = rng.random()
        if r < 0.12:
            out.append([f"      - {scalar(rng.choice(w.OUTSIDE))}"])
        elif r < 0.22 and out:
            out.append(list(rng.choice(out)))  # the same citation twice (RM108)
        elif r < 0.35:
            out.append([f"      - {rng.choice(every)}"])  # a bare framework id
        else:
            out.append(cite_lines(rng, rng.choice(every), ru))
    lines = [line for c in out for line in c]
    if rng.random() < 0.15:
        lines.insert(rng.randrange(len(lines) + 1), f"      # {rng.choice(w.COMMENTS_RU)}")
    return lines


def parties(rng: random.Random, ru: bool, count: int) -> list[str]:
    known = w.PARTIES_KNOWN_RU if ru else w.PARTIES_KNOWN_EN
    unknown = w.PARTIES_UNKNOWN_RU if ru else w.PARTIES_UNKNOWN_EN
    names = [rng.choice(unknown if rng.random() < 0.4 else known) for _ in range(count)]
    return list(dict.fromkeys(names))


def party_lines(key: str, names: list[str], rng: random.Random) -> list[str]:
    if len(names) == 1 and rng.random() < 0.4:
        return [f"    {key}: {scalar(names[0])}"]
    return [f"    {key}:"] + [f"      - {scalar(n)}" for n in names]


def waiver_lines(rng: random.Random, fids: list[str]) -> list[str]:
    """An RM201 waiver for a framework the text speaks of (or, less often, any other)."""
    fid = rng.choice(fids) if fids and rng.random() < 0.6 else rng.choice(w.LOOSE_RU)[0]
    lines = ["    waivers:", "      - check: RM201", f"        framework: {fid}"]
    if rng.random() < 0.8:
        lines.append(f"        reason: {scalar(rng.choice(w.WAIVER_REASONS_RU))}")
    if rng.random() < 0.5:
        lines.append(f"        until: {rng.choice(('2021-12-31', '2023-12-31', '2024-06-30'))}")
    return lines


class Schedule:
    """Deadlines that mostly follow the dependency chain of a subsection."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.last = rng, 0

    def next(self, first: bool) -> int:
        if first or self.rng.random() < 0.15:
            self.last = self.rng.randrange(0, 50)
        else:
            self.last = min(self.last + self.rng.randrange(0, 5), PERIOD_MONTHS + 6)
        return self.last


def header(n: int) -> str:
    items = "items:\n" if n else "items: []\n"
    return (
        "# Проект дорожной карты для замеров roadmap-check (benchmarks/generate_other.py).\n"
        "# Рассылается на согласование; замечания направлять в Исполнительный комитет СНГ.\n"
        "roadmap:\n"
        "  id: cis-telemedicine-roadmap-2022\n"
        "  title: >-\n"
        "    Дорожная карта по развитию трансграничного телемедицинского взаимодействия\n"
        "    государств – участников СНГ на 2022–2026 годы\n"
        '  version: "1.2"\n'
        "  status: circulated\n"
        "  date: 2022-03-01  # по состоянию на\n"
        "  period: 2022–2026\n"
        "  language: ru\n"
        "  ruleset: cis-telemedicine\n"
        "  requires: [cis-future-dev-concept-2030]\n\n" + items)


def generate(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    titles = {True: Titles(rng, (w.ACTIONS_RU, w.OBJECTS_RU, w.AREAS_RU, w.SCOPES_RU)),
              False: Titles(rng, (w.ACTIONS_EN, w.OBJECTS_EN, w.AREAS_EN, w.SCOPES_EN))}
    per_section = max(1, -(-n // len(w.SECTIONS_RU)))
    out = [header(n)]
    schedule = Schedule(rng)
    ids: list[str] = []
    recent: list[str] = []  # titles of the current section, for the odd near-duplicate
    sec = sub = k = 0
    sub_size = 0
    for i in range(n):
        lines: list[str] = []
        if i % per_section == 0:
            sec, sub, recent = sec + 1, 0, []
            name = w.SECTIONS_RU[(sec - 1) % len(w.SECTIONS_RU)]
            lines += ["", "  # " + "=" * 94, f"  # Раздел {sec}. {name}", "  # " + "=" * 94]
            k = sub_size = 0
        if k == sub_size:
            sub, k, sub_size = sub + 1, 0, rng.randint(5, 30)
            lines.append(f"  # --- Подраздел {sec}.{sub}")
        k += 1
        iid = f"{sec}.{sub}.{k}"
        ru = rng.random() < 0.8
        due = schedule.next(k == 1)
        if recent and rng.random() < 0.01:  # a copy-paste left over (RM309)
            title = rng.choice(recent) + (" (второй этап)" if ru else " (stage 2)")
        else:
            title = titles[ru].make(iid)
        recent = [*recent, title][-50:]
        pool = w.TOPICS_RU if ru else w.TOPICS_EN
        topics = rng.sample(pool, rng.randint(3, 6))
        head = f'  - id: "{iid}"'
        if rng.random() < 0.02:
            reason = f" {rng.choice(w.SUPPRESS_REASONS_RU)}" if rng.random() < 0.8 else ""
            head += f"  # roadmap-check: ignore[RM105]{reason}"
        lines.append(head)
        if rng.random() < 0.3:
            lines.append(f"    status: {rng.choice(w.STATUSES)}")
        section_names = w.SECTIONS_RU if ru else w.SECTIONS_EN
        lines.append(f"    section: {scalar(section_names[(sec - 1) % len(section_names)])}")
        if len(title) > 90 and rng.random() < 0.5:
            lines += block("title", [title], ">-", 4)
        else:
            lines.append(f"    title: {scalar(title)}")
        lines += party_lines("responsible", parties(rng, ru, rng.choice((1, 1, 2, 3))), rng)
        helpers = parties(rng, ru, rng.choice((0, 1, 2, 3, 4, 5)))
        if helpers:
            lines += party_lines("participants", helpers, rng)
        if rng.random() < 0.6:  # a start, now and then after the deadline (RM303)
            late = rng.random() < 0.03
            start = due + rng.randrange(3, 12) if late else max(0, due - rng.randrange(0, 13))
            lines.append(f"    start: {date_scalar(date_text(rng, start, ru, False))}")
        deadline = date_text(rng, due, ru, True)
        comment = f"  # {rng.choice(w.COMMENTS_RU)}" if rng.random() < 0.1 else ""
        lines.append(f"    deadline: {date_scalar(deadline)}{comment}")
        deps = []
        if k > 1 and rng.random() < 0.75:
            deps.append(ids[-1])
        if k > 3 and rng.random() < 0.2:
            deps.append(ids[-rng.randint(2, k - 1)])
        if rng.random() < 0.02:
            deps.append(f"{sec}.{sub}.{k + rng.randint(40, 90)}")  # no such item (RM305)
        if rng.random() < 0.003:
            deps.append(f"{sec}.{sub}.{k + 1}")  # the next item, which depends on this one
        if deps:
            lines += ["    depends_on:"] + [f'      - "{d}"' for d in dict.fromkeys(deps)]
        lines += block("description", description(rng, ru, [t for _, t in topics]),
                       rng.choice(("|", ">")), 4)
        outcome = rng.choice(w.OUTCOMES_RU if ru else w.OUTCOMES_EN)
        lines += (block("outcome", [outcome], ">-", 4) if rng.random() < 0.3
                  else [f"    outcome: {scalar(outcome)}"])
        lines.append("    indicators:")
        for tmpl in rng.sample(w.INDICATORS_RU if ru else w.INDICATORS_EN, rng.randint(1, 4)):
            text = tmpl.format(n=rng.randint(20, 9000), p=rng.randint(25, 100),
                               h=rng.randint(4, 96), k=rng.randint(2, 10))
            lines.append(f"      - {scalar(text)}")
        fids = [f for f, _ in topics if f]
        lines.append("    cites:")
        lines += citations(rng, ru, fids)
        if rng.random() < 0.08:
            lines += waiver_lines(rng, fids)
        if rng.random() < 0.015:
            lines.append(f"    примечание: {scalar(rng.choice(w.NOTES_RU))}")  # RM004
        out.append("\n".join(lines) + "\n")
        ids.append(iid)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of items")
    ap.add_argument("out", type=Path, help="output YAML file")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(generate(a.n, a.seed), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
