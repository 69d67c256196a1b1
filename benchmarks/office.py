"""Measure Word and Excel road maps against the same road map in YAML.

Usage: python benchmarks/office.py [--sizes 1000] [--repeat 5] [--seed 1] [--tmp]

For each size, the generated YAML draft (generate.py) is converted with
`roadmap-check convert` to .docx and .xlsx, then `roadmap-check check FILE --format json`
is timed on all three, each in a fresh child (best wall time, largest peak RSS over --repeat
runs). The target: a Word or Excel road map checks in at most 3x the time of its YAML.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from measuring import Series, add_run
from run import HERE, ensure_draft, resolve_tool

TARGET = 3.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated item counts")
    ap.add_argument("--repeat", type=int, default=5, help="runs per command")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tmp", action="store_true", help="generate into a temp dir, not .cache/")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="the time compared: wall, or cpu (user + system of the command)")
    args = ap.parse_args(argv)
    tool = resolve_tool("roadmap-check")
    if tool is None:
        print("roadmap-check is not installed: pip install -e .", file=sys.stderr)
        return 2
    cmd, env = tool
    folder = Path(tempfile.mkdtemp()) if args.tmp else HERE / ".cache"
    print("| items | format | file MB | check s | vs YAML | peak MB |")
    print("|---:|---|---:|---:|---:|---:|")
    met = True
    for n in (int(s) for s in args.sizes.split(",")):
        source = ensure_draft("generated", n, args.seed, folder)
        files = {"yaml": source}
        for kind in ("docx", "xlsx"):
            target = source.with_suffix(f".{kind}")
            if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
                subprocess.run([*cmd, "convert", str(source), "-o", str(target)], check=True,
                               env=env, capture_output=True)
            files[kind] = target
        base = None
        for kind, path in files.items():
            series = Series(clock=args.clock)
            for _ in range(args.repeat):
                add_run(series, [*cmd, "check", str(path), "--format", "json"], (0, 1), env)
            if series.error is not None or series.best is None:
                print(f"| {n:,} | {kind} | failed: {series.error} |")
                met = False
                continue
            base = base or series.best
            times = series.best / base
            met &= times <= TARGET
            peak = f"{series.peak:.0f}" if series.peak is not None else "n/a"
            print(f"| {n:,} | {kind} | {path.stat().st_size / 2**20:.1f} | {series.best:.2f} | "
                  f"{times:.2f}x | {peak} |")
    print(f"\ntarget (Word and Excel in at most {TARGET:.0f}x the YAML time): "
          f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
