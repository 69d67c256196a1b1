"""The measured cases, their Markdown tables, and the targets they meet or miss."""

from __future__ import annotations

from dataclasses import dataclass, field

from measuring import Series

# Every output format; json first: it is the one whose time the targets judge.
FORMATS = ("json", "terminal", "sarif", "github", "junit", "gitlab", "html", "markdown")
KINDS = {  # draft kind: what it is, for the tables
    "generated": "generate.py: findings-heavy (about 4 findings an item), English and Russian",
    "clean": "generate.py --clean: the same kind of items, citing correctly (no findings)",
    "other": "generate_other.py: another generator, Russian-heavy (about 10 findings an item)",
}
TIME_LIMIT = {"clean": 2.0}  # 10k items, check time against the floor's; else DEFAULT_TIME_LIMIT
DEFAULT_TIME_LIMIT = 2.3
MEMORY_LIMIT = 1.7  # peak memory against the floor's, every format, 10k items and more
SMALL_LIMIT = 4.0  # 20 items: the whole process against the floor's whole process
GROWTH_LIMIT = 5.0  # check time at 50k items against 10k


@dataclass
class Case:
    """One draft file, the floor's runs and the check's runs on it, per output format."""

    kind: str
    items: int
    file_mb: float = 0.0
    path: str = ""
    findings: int | None = None
    codes: dict[str, int] = field(default_factory=dict)
    exit_code: int | None = None
    problem: str | None = None  # why the case could not be measured (or only in part)
    floor: dict[str, Series] = field(default_factory=dict)  # format -> floor runs beside it
    check: dict[str, Series] = field(default_factory=dict)
    yamllint: Series | None = None


@dataclass
class Target:
    name: str
    draft: str
    value: float | None
    limit: float
    detail: str = ""
    failed: bool = False

    @property
    def verdict(self) -> str:
        if self.failed:
            return "FAILED"
        if self.value is None:
            return "not measured"
        return "met" if self.value <= self.limit else "MISSED"


def ratio(num: float | None, den: float | None) -> float | None:
    return None if num is None or den is None or den <= 0 else num / den


def time_ratio(case: Case, fmt: str = "json") -> float | None:
    check, floor = case.check.get(fmt), case.floor.get(fmt)
    return ratio(check.best, floor.best) if check and floor else None


def memory_ratio(case: Case, fmt: str) -> float | None:
    check, floor = case.check.get(fmt), case.floor.get(fmt)
    return ratio(check.peak, floor.peak) if check and floor else None


def _f(x: float | None, spec: str, unit: str = "") -> str:
    return "n/a" if x is None else format(x, spec) + unit


def kind_table(cases: list[Case]) -> str:
    out = ["| items | format | file MB | findings | floor s | check s | time ratio | floor peak MB "
           "| check peak MB | memory ratio |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in cases:
        if not c.floor:
            out.append(f"| {c.items:,} | | {c.file_mb:.1f} | | | {c.problem or 'not run'} "
                       "| | | | |")
        for fmt, floor in c.floor.items():
            check = c.check.get(fmt)
            found = f"{c.findings:,}" if c.findings is not None and fmt == "json" else ""
            if check is None or check.error:
                cells = ("failed" if check else "not run", "", "", "", "")
            else:
                cells = (_f(check.best, ".3f"), _f(time_ratio(c, fmt), ".2f", "x"),
                         _f(floor.peak, ".1f"), _f(check.peak, ".1f"),
                         _f(memory_ratio(c, fmt), ".2f", "x"))
            out.append(f"| {c.items:,} | {fmt} | {c.file_mb:.1f} | {found} "
                       f"| {_f(floor.best, '.3f')} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def targets(cases: list[Case], kinds: list[str], small: str | None = None) -> list[Target]:
    """``small``: why the 20-item ratios cannot be judged in this run, if they cannot."""
    by = {(c.kind, c.items): c for c in cases}
    out: list[Target] = []
    for kind in kinds:
        c = by.get((kind, 10000))
        limit = TIME_LIMIT.get(kind, DEFAULT_TIME_LIMIT)
        name = f"10,000 items: check time at most {limit}x the floor's (json)"
        out.append(_time_target(name, kind, c, limit))
    for fmt in FORMATS:
        out.append(_memory_target(fmt, [c for c in cases if c.items >= 10000]))
    for kind in kinds:
        c = by.get((kind, 20))
        name = f"20 items: whole process at most {SMALL_LIMIT:g}x the floor's whole process"
        t = _time_target(name, kind, c, SMALL_LIMIT)
        if small and not t.failed:
            t.value, t.detail = None, f"not judged: {small.split(':')[0]}; {t.detail}"
        out.append(t)
    for kind in kinds:
        c10, c50 = by.get((kind, 10000)), by.get((kind, 50000))
        name = f"50,000 items: check time at most {GROWTH_LIMIT:g}x the 10,000 items' (json)"
        t = Target(name, kind, None, GROWTH_LIMIT)
        s10, s50 = (c.check.get("json") if c else None for c in (c10, c50))
        if not (c10 and c50):
            t.detail = "no draft of 10,000 and 50,000 items in this run"
        elif s10 and s50:
            t.failed = bool(s10.error or s50.error)
            t.value = None if t.failed else ratio(s50.best, s10.best)
            t.detail = (f"{_f(s50.best, '.2f')} s against {_f(s10.best, '.2f')} s; floor "
                        f"{_f(_floor_growth(c10, c50), '.2f', 'x')}")
        out.append(t)
    return out


def _floor_growth(c10: Case | None, c50: Case | None) -> float | None:
    f10, f50 = (c.floor.get("json") if c else None for c in (c10, c50))
    return ratio(f50.best, f10.best) if f10 and f50 else None


def _time_target(name: str, kind: str, case: Case | None, limit: float) -> Target:
    t = Target(name, kind, None, limit)
    check = case.check.get("json") if case else None
    if case is None or check is None:
        t.detail = (case.problem or "") if case else "no draft of that size in this run"
        return t
    if check.error:
        t.failed, t.detail = True, check.error.splitlines()[0]
        return t
    t.value = time_ratio(case)
    t.detail = f"{_f(check.best, '.3f')} s against {_f(case.floor['json'].best, '.3f')} s"
    return t


def _memory_target(fmt: str, cases: list[Case]) -> Target:
    t = Target(f"peak memory at most {MEMORY_LIMIT}x the floor's, {fmt}", "all", None, MEMORY_LIMIT)
    worst: tuple[float, Case] | None = None
    seen = []
    for c in cases:
        check = c.check.get(fmt)
        if check is None:
            continue
        if check.error:
            t.failed, t.detail = True, f"{c.kind}, {c.items:,} items: {check.error.splitlines()[0]}"
            return t
        value = memory_ratio(c, fmt)
        if value is None:
            continue
        seen.append(f"{c.kind} {c.items // 1000}k {value:.2f}x")
        if worst is None or value > worst[0]:
            worst = (value, c)
    if worst is None:
        t.detail = f"no {fmt} run on a draft of 10,000 items or more in this run"
    else:
        value, c = worst
        t.value, t.draft = value, f"worst: {c.kind}, {c.items:,}"
        t.detail = (f"{_f(c.check[fmt].peak, '.0f')} MB against {_f(c.floor[fmt].peak, '.0f')} MB; "
                    + ", ".join(seen))
    return t


def target_table(rows: list[Target]) -> str:
    out = ["| target | draft | value | result | detail |", "|---|---|---:|---|---|"]
    for t in rows:
        verdict = t.verdict if t.verdict in ("met", "not measured") else f"**{t.verdict}**"
        out.append(f"| {t.name} | {t.draft} | {_f(t.value, '.2f', 'x')} | {verdict} | {t.detail} |")
    return "\n".join(out)
