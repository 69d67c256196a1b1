"""The benchmarks' measure: wall time, and processor time that a wait does not count."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

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
