"""Measure roadmap-check against the YAML-parsing floor on generated road maps.

Usage: python benchmarks/run.py [--kinds generated,clean,other] [--sizes 20,10000,50000]
                                [--repeat 3] [--formats all|json|LIST] [--formats-at 10000]
                                [--tool roadmap-check] [--yamllint] [--seed 1] [--tmp]
                                [--timeout 900] [--json OUT.json]

The floor is a fresh Python that only runs yaml.compose with CSafeLoader, the garbage collector
off, on the same file. Runs are interleaved: for each repeat, floor, check, floor, check ... one
pair per output format, so that machine noise hits both alike; a check's ratio is to the floor
runs beside it. Best (min) wall time and max peak RSS over the repeats. The check's time is
judged in json; at --formats-at items every format's memory is measured too.

Exit code 0, or 1 when a draft could not be generated or a command failed (each is reported);
a missed target does not change it.
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
from dataclasses import asdict
from pathlib import Path

import yaml
from measuring import Env, Series, add_run
from verdicts import FORMATS, KINDS, Case, kind_table, target_table, targets

HERE = Path(__file__).resolve().parent
FLOOR_CODE = (
    "import gc, sys, yaml\n"
    "gc.disable()\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.compose(f, Loader=yaml.CSafeLoader)\n"
)
# kind -> (generator, its extra arguments, the files whose change makes a cached draft stale)
GENERATORS = {
    "generated": ("generate.py", [], ("generate.py", "vocab.py")),
    "clean": ("generate.py", ["--clean"], ("generate.py", "vocab.py", "../rules/cis-frameworks.yaml")),
    "other": ("generate_other.py", [], ("generate_other.py", "other_vocab.py")),
}
DEFAULT_SIZES = {"generated": (20, 10000, 50000), "clean": (20, 10000), "other": (20, 10000, 50000)}


def ensure_draft(kind: str, n: int, seed: int, folder: Path) -> Path:
    """Generate (or reuse, when newer than its generator) the draft of n items; CalledProcessError."""
    script, extra, sources = GENERATORS[kind]
    path = folder / f"{kind}-{n}-seed{seed}.yaml"
    newest = max((HERE / s).stat().st_mtime for s in sources)
    if not path.exists() or path.stat().st_mtime < newest:
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / script), str(n), str(path), "--seed", str(seed),
                        *extra], check=True, capture_output=True, text=True)
        log(f"generated {path.name} in {time.perf_counter() - t0:.1f} s")
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
            log(f"note: {tool} is not on PATH; running `python -m roadmap_check` from {src}")
            return [sys.executable, "-m", "roadmap_check"], env
    return None


# What the 20-item targets cannot be judged on: an editable install's finder is imported at
# every start of its Python (about 5 ms here, measured), by the floor's as well as the
# check's, and a cost added to both flatters a ratio of two small times (4.4-5.2x on a
# regular install, 3.7-4.5x on an editable one, measured on the same code).
EDITABLE = ("roadmap-check is an editable install (pip install -e): its start-up and the "
            "floor's pay for the editable finder, which flatters a 20-item ratio; measure a "
            "regular install (pip install . in a fresh venv)")


def editable(tool: tuple[list[str], Env]) -> bool:
    """Whether the measured CLI runs from an editable install of roadmap-check, or the floor's
    Python (this one) carries one."""
    python = sys.executable
    script = Path(tool[0][0])
    if tool[0][0] != sys.executable:
        try:
            first = script.read_bytes()[:512].split(b"\n", 1)[0]
        except OSError:
            first = b""
        if first.startswith(b"#!"):
            python = first[2:].decode(errors="replace").strip().split()[0]
    runs = [(sys.executable, None), (python, tool[1])]  # the floor's Python, the check's
    probe = ("import importlib.metadata as m, json\n"
             "try:\n    url = m.distribution('roadmap-check').read_text('direct_url.json')\n"
             "except m.PackageNotFoundError:\n    url = None\n"
             "print(bool(url and json.loads(url).get('dir_info', {}).get('editable')))")
    for exe, env in runs:
        try:
            out = subprocess.run([exe, "-c", probe], capture_output=True, text=True, timeout=60,
                                 env=env)
        except (OSError, subprocess.SubprocessError):
            continue
        if out.stdout.strip() == "True":
            return True
    return False


def census(case: Case, tool: tuple[list[str], Env], timeout: float) -> None:
    """One untimed json run: the number of findings by code and the exit code."""
    with tempfile.TemporaryDirectory(prefix="roadmap-census-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [*tool[0], "check", case.path, "--format", "json", "-o", str(out)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=tool[1],
                                  timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            case.problem = f"check failed: {exc}"
            return
        case.exit_code = proc.returncode
        if proc.returncode not in (0, 1):
            tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
            case.problem = f"check exited {proc.returncode}: {tail}"
            return
        try:
            findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            case.problem = f"the json report could not be read: {exc}"
            return
    case.findings = len(findings)
    for f in findings:
        case.codes[f["code"]] = case.codes.get(f["code"], 0) + 1


def measure_case(case: Case, tool: tuple[list[str], Env] | None, formats: list[str], repeat: int,
                 timeout: float, lint: str | None, clock: str = "wall") -> None:
    floor_cmd = [sys.executable, "-c", FLOOR_CODE, case.path]
    for fmt in formats if tool else ["json"]:
        case.floor[fmt] = Series(clock=clock)
        if tool:
            case.check[fmt] = Series(clock=clock)
    for r in range(repeat):
        for fmt, floor in case.floor.items():  # floor, check, floor, check ...
            add_run(floor, floor_cmd, (0,), timeout=timeout)
            if tool:
                add_run(case.check[fmt], [*tool[0], "check", case.path, "--format", fmt],
                        (0, 1), tool[1], timeout)
        log(f"  {case.kind} {case.items:,} items: round {r + 1} of {repeat} done")
    if lint:
        case.yamllint = Series(clock=clock)
        for _ in range(repeat):
            add_run(case.yamllint, [lint, "-d", "relaxed", case.path], (0, 1, 2), timeout=timeout)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--kinds", default=",".join(KINDS),
                    help="draft kinds: generated (findings-heavy), clean, other (generate_other.py)")
    ap.add_argument("--sizes", help="item counts for every kind (default: generated and other "
                    "20,10000,50000; clean 20,10000)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved rounds (best wall, max RSS)")
    ap.add_argument("--formats", default="all",
                    help="output formats measured at --formats-at items: all, or a list (json is "
                    "always measured)")
    ap.add_argument("--formats-at", type=int, default=10000, help="the size that gets every format")
    ap.add_argument("--tool", default="roadmap-check", help="the CLI to measure")
    ap.add_argument("--yamllint", action="store_true", help="also time `yamllint -d relaxed`")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tmp", action="store_true", help="generate into a temp dir, not .cache/")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run before it is killed")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="the time compared: wall, or cpu (user + system of the command: on a "
                         "busy machine the ratios hold where wall times do not)")
    a = ap.parse_args(argv)
    a.kinds = [k.strip() for k in a.kinds.split(",") if k.strip()]
    unknown = [k for k in a.kinds if k not in KINDS]
    formats = FORMATS if a.formats == "all" else [f.strip() for f in a.formats.split(",") if f.strip()]
    bad_formats = [f for f in formats if f not in FORMATS]
    try:
        sizes = sorted({int(s) for s in a.sizes.split(",") if s.strip()}) if a.sizes else None
    except ValueError:
        ap.error(f"--sizes takes comma-separated item counts, not {a.sizes!r}")
    if unknown or bad_formats:
        ap.error(f"unknown kind or format: {', '.join(unknown + bad_formats)} (kinds: "
                 f"{', '.join(KINDS)}; formats: {', '.join(FORMATS)})")
    if a.repeat < 1 or (sizes and min(sizes) < 0) or a.timeout <= 0:
        ap.error("--repeat must be >= 1, sizes >= 0 and --timeout > 0")
    a.formats = ["json", *(f for f in formats if f != "json")]
    a.sizes = {k: sizes or list(DEFAULT_SIZES[k]) for k in a.kinds}
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    tool = resolve_tool(a.tool)
    if tool is None:
        log(f"note: `{a.tool}` is not on PATH and roadmap_check is not importable; install the "
            "package (pip install .) to measure it. Measuring the floor only.")
    small = EDITABLE if tool is not None and editable(tool) else None
    if small:
        log(f"warning: {small}")
    lint = shutil.which("yamllint") if a.yamllint else None
    if a.yamllint and lint is None:
        log("note: yamllint is not installed (pip install yamllint); skipping it.")
    started, load_before = time.strftime("%Y-%m-%d %H:%M"), os.getloadavg()
    cases: list[Case] = []
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        folder = Path(tmp) if a.tmp else HERE / ".cache"
        for kind in a.kinds:
            for n in a.sizes[kind]:
                case = Case(kind, n)
                cases.append(case)
                try:
                    path = ensure_draft(kind, n, a.seed, folder)
                except (OSError, subprocess.CalledProcessError) as exc:
                    detail = getattr(exc, "stderr", "") or ""
                    case.problem = f"generation failed: {exc} {detail.strip()[-300:]}".strip()
                    log(f"error: {kind} {n:,} items: {case.problem}")
                    continue
                case.path, case.file_mb = str(path), path.stat().st_size / 1e6
                if tool is not None:
                    census(case, tool, a.timeout)
                    if case.problem:
                        log(f"error: {kind} {n:,} items: {case.problem}")
                        continue
                formats = a.formats if n == a.formats_at else ["json"]
                measure_case(case, tool, formats, a.repeat, a.timeout, lint, a.clock)
        print(report(cases, a, started, load_before, os.getloadavg(), small))
    if a.json:
        raw = {"started": started, "environment": environment(), "repeat": a.repeat,
               "load_average": {"before": load_before, "after": os.getloadavg()},
               "cases": [{**asdict(c), "path": shown(c.path)} for c in cases],
               "install": "editable" if small else "regular",
               "targets": [{**asdict(t), "verdict": t.verdict}
                           for t in targets(cases, a.kinds, small)]}
        a.json.write_text(json.dumps(raw, indent=1, ensure_ascii=False), encoding="utf-8")
    failed = any(c.problem or any(s.error for s in (*c.floor.values(), *c.check.values()))
                 for c in cases)
    return 1 if failed else 0


def shown(path: str) -> str:
    """A draft's path relative to the repository when it is inside it (no machine paths)."""
    root = HERE.parent
    return str(Path(path).relative_to(root)) if path and Path(path).is_relative_to(root) else path


def environment() -> str:
    return (f"Python {platform.python_version()}, PyYAML {yaml.__version__} (libyaml "
            f"{'yes' if yaml.__with_libyaml__ else 'NO'}), {platform.system()} "
            f"{platform.machine()}, {os.cpu_count()} CPUs")


def report(cases: list[Case], a: argparse.Namespace, started: str,
           before: tuple[float, float, float], after: tuple[float, float, float],
           small: str | None = None) -> str:
    clock = "processor time (user + system)" if a.clock == "cpu" else "wall time"
    out = [f"{started}; {environment()}; {clock}, best of {a.repeat} interleaved runs, max RSS; load "
           f"average {before[0]:.1f} before, {after[0]:.1f} after"]
    for kind in a.kinds:
        mine = [c for c in cases if c.kind == kind]
        out += ["", f"### {kind}: {KINDS[kind]}", "", kind_table(mine)]
        for c in mine:
            if c.codes:
                top = ", ".join(f"{code} {k:,}" for code, k in
                                sorted(c.codes.items(), key=lambda x: -x[1])[:6])
                out.append(f"\n{c.items:,} items: {c.findings:,} findings ({top}), exit {c.exit_code}")
            walls = [x.cpu if a.clock == "cpu" and x.cpu is not None else x.wall
                     for s in c.floor.values() for x in s.samples]
            if len(walls) > 1:
                out.append(f"\n{c.items:,} items: the floor's {len(walls)} runs took "
                           f"{min(walls):.3f} to {max(walls):.3f} s (noise)")
            if c.yamllint and c.yamllint.best is not None:
                out.append(f"\n{c.items:,} items: yamllint -d relaxed {c.yamllint.best:.2f} s")
            if kind == "clean" and c.findings and c.findings > max(1, c.items // 100):
                out.append(f"\nwarning: the clean draft of {c.items:,} items is not clean: "
                           f"{c.findings:,} findings; generate.py --clean needs updating")
    failures = [f"- {c.kind} {c.items:,} {fmt}: {s.error}" for c in cases
                for fmt, s in c.check.items() if s.error]
    failures += [f"- {c.kind} {c.items:,} floor: {s.error}" for c in cases
                 for s in c.floor.values() if s.error]
    if failures:
        out += ["", "Failed commands:", *failures]
    if small:
        out += ["", f"warning: {small}."]
    out += ["", "### Targets", "", target_table(targets(cases, a.kinds, small))]
    return "\n".join(out)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("interrupted")
        sys.exit(130)
