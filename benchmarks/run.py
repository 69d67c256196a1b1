"""Measure roadmap-check against the YAML-parsing floor on generated road maps.

Usage: python benchmarks/run.py [--sizes 20,10000,50000] [--repeat 3] [--tool roadmap-check]
                                [--yamllint] [--seed 1] [--tmp] [--json OUT.json]

Every measured command runs in a fresh subprocess; its wall time comes from perf_counter around
the child and its peak RSS from os.wait4's rusage for that child only. The best (min) wall time
and the max peak RSS over --repeat runs are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "generate.py"
FLOOR_CODE = (
    "import gc, sys, yaml\n"
    "gc.disable()\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.compose(f, Loader=yaml.CSafeLoader)\n"
)
TARGETS = ("10k time ratio <= 3x", "memory ratio <= 2x", "time(50k)/time(10k) <= 5.5",
           "20 items < 0.25 s wall")


@dataclass
class Measure:
    wall: float  # best wall time, seconds
    rss_mb: float | None  # max peak RSS, MiB (None where the platform cannot tell)


@dataclass
class Row:
    items: int
    file_mb: float
    floor: Measure | None = None
    check: Measure | None = None
    yamllint: Measure | None = None


class CommandFailed(RuntimeError):
    pass


Env = dict[str, str] | None


def run_once(cmd: list[str], ok_codes: tuple[int, ...], env: Env) -> tuple[float, float | None]:
    """Run cmd once in a fresh child; return (wall seconds, peak RSS MiB of that child)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err, env=env)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
            rss: float | None = usage.ru_maxrss * scale / 2**20
        else:  # pragma: no cover - Windows
            proc.wait()
            wall, rss = time.perf_counter() - t0, None
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-15:]
            raise CommandFailed(f"exit code {proc.returncode}: {' '.join(cmd)}\n  "
                                + "\n  ".join(tail))
    return wall, rss


def measure(cmd: list[str], repeat: int, ok_codes: tuple[int, ...] = (0,),
            env: Env = None) -> Measure:
    walls, rsss = [], []
    for _ in range(repeat):
        wall, rss = run_once(cmd, ok_codes, env)
        walls.append(wall)
        if rss is not None:
            rsss.append(rss)
    return Measure(min(walls), max(rsss) if rsss else None)


def ensure_file(n: int, seed: int, folder: Path) -> Path:
    """Generate (or reuse, when newer than the generator) the road map of n items."""
    path = folder / f"roadmap-{n}-seed{seed}.yaml"
    newest = max(p.stat().st_mtime for p in (GENERATOR, HERE / "vocab.py"))
    if not path.exists() or path.stat().st_mtime < newest:
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(GENERATOR), str(n), str(path), "--seed", str(seed)],
                       check=True)
        print(f"generated {path.name} ({n} items) in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    return path


def resolve_tool(tool: str) -> tuple[list[str], Env] | None:
    """The CLI: the executable on PATH, else `python -m roadmap_check` from the source tree."""
    found = shutil.which(tool)
    if found:
        return [found], None
    if tool == "roadmap-check":
        src = str(HERE.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (src, os.environ.get("PYTHONPATH")) if p)}
        probe = subprocess.run([sys.executable, "-c", "import roadmap_check.cli"],
                               capture_output=True, env=env)
        if probe.returncode == 0:
            print(f"note: {tool} is not on PATH; running `python -m roadmap_check` from {src}",
                  file=sys.stderr)
            return [sys.executable, "-m", "roadmap_check"], env
    return None


def fmt(x: float | None, spec: str, unit: str = "") -> str:
    return "n/a" if x is None else format(x, spec) + unit


def ratio(a: Measure | None, b: Measure | None, rss: bool = False) -> float | None:
    if a is None or b is None:
        return None
    num, den = (a.rss_mb, b.rss_mb) if rss else (a.wall, b.wall)
    return None if num is None or den is None or den == 0 else num / den


def table(rows: list[Row]) -> str:
    out = ["| items | file MB | floor s | check s | check/floor | floor peak MB | check peak MB "
           "| memory ratio | yamllint s |", "|" + "---:|" * 9]
    for r in rows:
        f, c, y = r.floor, r.check, r.yamllint
        out.append(
            f"| {r.items:,} | {r.file_mb:.1f} | {fmt(f.wall if f else None, '.3f')} "
            f"| {fmt(c.wall if c else None, '.3f')} | {fmt(ratio(c, f), '.2f', 'x')} "
            f"| {fmt(f.rss_mb if f else None, '.1f')} | {fmt(c.rss_mb if c else None, '.1f')} "
            f"| {fmt(ratio(c, f, rss=True), '.2f', 'x')} "
            f"| {fmt(y.wall if y else None, '.3f')} |")
    return "\n".join(out)


def verdicts(rows: list[Row]) -> list[str]:
    """One line per target: met, MISSED or not measured."""
    by = {r.items: r for r in rows}
    r10, r50, r20 = by.get(10000), by.get(50000), by.get(20)
    mem = [ratio(r.check, r.floor, rss=True) for r in rows if r.items >= 10000]
    growth = (r50.check.wall / r10.check.wall
              if r10 and r50 and r10.check and r50.check else None)
    checks: list[tuple[str, float | None, bool, str]] = [
        (TARGETS[0], ratio(r10.check, r10.floor) if r10 else None, False, "x at 10,000 items"),
        (TARGETS[1], max((m for m in mem if m is not None), default=None), False,
         "x, worst over the sizes >= 10,000 items"),
        (TARGETS[2], growth, False, ", check time at 50,000 vs 10,000 items"),
        (TARGETS[3], r20.check.wall if r20 and r20.check else None, True,
         " s, check wall time at 20 items"),
    ]
    limits = (3.0, 2.0, 5.5, 0.25)
    lines = []
    for (name, value, strict, unit), limit in zip(checks, limits, strict=True):
        if value is None:
            lines.append(f"- {name}: not measured")
            continue
        ok = value < limit if strict else value <= limit
        lines.append(f"- {name}: {'met' if ok else 'MISSED'} ({value:.2f}{unit})")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20,10000,50000", help="comma-separated item counts")
    ap.add_argument("--repeat", type=int, default=3, help="runs per command (best wall, max RSS)")
    ap.add_argument("--tool", default="roadmap-check", help="the CLI to measure")
    ap.add_argument("--yamllint", action="store_true", help="also time `yamllint -d relaxed`")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tmp", action="store_true", help="generate into a temp dir, not .cache/")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    a = ap.parse_args(argv)
    sizes = sorted({int(s) for s in a.sizes.split(",") if s.strip()})
    if a.repeat < 1 or any(s < 0 for s in sizes):
        ap.error("--repeat must be >= 1 and sizes >= 0")

    tool = resolve_tool(a.tool)
    if tool is None:
        print(f"note: `{a.tool}` is not on PATH and roadmap_check is not importable; install the "
              "package (pip install -e .) to measure it. Measuring the floor only.",
              file=sys.stderr)
    lint = shutil.which("yamllint") if a.yamllint else None
    if a.yamllint and lint is None:
        print("note: yamllint is not installed (pip install yamllint); skipping it.",
              file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        folder = Path(tmp) if a.tmp else HERE / ".cache"
        rows = []
        for n in sizes:
            path = ensure_file(n, a.seed, folder)
            row = Row(n, path.stat().st_size / 1e6)
            row.floor = measure([sys.executable, "-c", FLOOR_CODE, str(path)], a.repeat)
            if tool is not None:
                try:
                    row.check = measure([*tool[0], "check", str(path), "--format", "json"],
                                        a.repeat, ok_codes=(0, 1), env=tool[1])
                except CommandFailed as exc:
                    print(f"error: {a.tool} failed on {path.name}: {exc}", file=sys.stderr)
            if lint is not None:
                try:
                    row.yamllint = measure([lint, "-d", "relaxed", str(path)], a.repeat,
                                           ok_codes=(0, 1, 2))
                except CommandFailed as exc:
                    print(f"error: yamllint failed on {path.name}: {exc}", file=sys.stderr)
            rows.append(row)
            print(f"measured {n:,} items", file=sys.stderr)

    print(f"Python {platform.python_version()}, PyYAML {yaml.__version__} (libyaml "
          f"{'yes' if yaml.__with_libyaml__ else 'NO'}), {platform.system()} "
          f"{platform.machine()}, {os.cpu_count()} CPUs; best of {a.repeat} runs, max RSS\n")
    print(table(rows))
    r10, r50 = ({r.items: r for r in rows}.get(k) for k in (10000, 50000))
    if r10 and r50:
        for name in ("floor", "check"):
            m10, m50 = getattr(r10, name), getattr(r50, name)
            if m10 and m50:
                print(f"\nLinear growth, {name}: time(50k)/time(10k) = {m50.wall / m10.wall:.2f}")
    print("\nTargets:")
    print("\n".join(verdicts(rows)))
    if a.json:
        a.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
