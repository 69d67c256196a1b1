"""The benchmarks' measure: wall time, and processor time that a wait does not count."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
measuring = importlib.import_module("measuring")


def test_processor_time_counts_work_and_not_waiting() -> None:
    sleep = [sys.executable, "-c", "import time; time.sleep(0.4)"]
    spin = [sys.executable, "-c", "import time\nt = time.process_time()\n"
            "while time.process_time() - t < 0.4: pass"]
    waited, worked = measuring.Series(clock="cpu"), measuring.Series(clock="cpu")
    measuring.add_run(waited, sleep, (0,), timeout=30)
    measuring.add_run(worked, spin, (0,), timeout=30)
    assert waited.error is None and worked.error is None
    assert waited.samples[0].wall >= 0.4 and worked.samples[0].wall >= 0.4
    assert waited.best is not None and waited.best < 0.3  # the interpreter's start only
    assert worked.best is not None and worked.best >= 0.4
    wall = measuring.Series(samples=waited.samples)
    assert wall.best is not None and wall.best >= 0.4  # the default clock is the wall's


run = importlib.import_module("run")
verdicts = importlib.import_module("verdicts")


def _fake_python(folder: Path, name: str, answer: str) -> Path:
    """A stand-in interpreter that answers the install probe with ``answer``."""
    exe = folder / name
    exe.write_text(f"#!/bin/sh\necho {answer}\n", encoding="utf-8")
    exe.chmod(0o755)
    return exe


@pytest.mark.skipif(sys.platform == "win32", reason="stand-in interpreters are shell scripts")
@pytest.mark.parametrize(("check", "floor", "expected"), [
    ("True", "False", True), ("False", "True", True), ("False", "False", False)])
def test_an_editable_install_on_either_side_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: str, floor: str,
        expected: bool) -> None:
    check_python = _fake_python(tmp_path, "check-python", check)
    floor_python = _fake_python(tmp_path, "floor-python", floor)
    script = tmp_path / "roadmap-check"
    script.write_text(f"#!{check_python}\nprint('the CLI')\n", encoding="utf-8")
    monkeypatch.setattr(run.sys, "executable", str(floor_python))
    assert run.editable(([str(script)], None)) is expected


def _case(items: int, floor: float, check: float) -> Any:
    case = verdicts.Case("generated", items)
    case.floor["json"] = measuring.Series([measuring.Sample(floor, 10.0)])
    case.check["json"] = measuring.Series([measuring.Sample(check, 20.0)])
    return case


def test_an_editable_install_leaves_the_small_targets_unjudged() -> None:
    cases = [_case(20, 0.03, 0.09), _case(10000, 0.6, 1.2)]
    judged = {t.name[:9]: t for t in verdicts.targets(cases, ["generated"])}
    assert judged["20 items:"].verdict == "met"  # 3x
    unjudged = {t.name[:9]: t for t in verdicts.targets(cases, ["generated"], run.EDITABLE)}
    assert unjudged["20 items:"].verdict == "not measured"
    assert "editable install" in unjudged["20 items:"].detail
    assert unjudged["10,000 it"].verdict == "met"  # 2x: large drafts are judged either way
