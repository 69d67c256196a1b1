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


def test_time_is_the_commands_processor_time_and_a_wait_is_still_bounded(tmp_path: Path) -> None:
    """A budget is charged the command's own processor time, not what a busy machine takes
    from it; a command that waits instead of computing (here: sleeps) is killed at
    three times its budget and reported as killed."""
    from budget import within

    run = measure("--version", cwd=tmp_path, seconds=5)
    assert 0 < run.seconds < 1.0 and run.wall >= run.seconds * 0.5, (run.seconds, run.wall)
    within(run, seconds=5)
    script = tmp_path / "wait.py"
    script.write_text("import time\ntime.sleep(30)\n", encoding="utf-8")
    import sys

    from budget import _run_command

    waited = _run_command([sys.executable, str(script)], cwd=tmp_path, seconds=0.5)
    assert waited.wall < 5 and waited.code != 0
    try:
        within(waited, seconds=0.5)
    except AssertionError as told:
        assert "killed" in str(told)
    else:
        raise AssertionError("a command that never ended passed its budget")
