"""The budgets' measure charges a command its own memory and time, not the test run's."""

from __future__ import annotations

from pathlib import Path

from budget import measure


def test_the_memory_of_the_test_run_is_not_charged_to_the_command(tmp_path: Path) -> None:
    ballast = bytearray(400 * 2**20)  # the test run grows past the 300 MB budget
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched: resident, not only reserved
    run = measure("--version", cwd=tmp_path, seconds=5)
    assert run.code == 0 and run.stdout.startswith("roadmap-check ")
    assert 5 < run.peak_mb < 200, run.peak_mb
    del ballast
