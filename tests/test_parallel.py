"""``--jobs`` changes how fast, never what: every format is byte-identical to ``--jobs 1``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Run

from roadmap_check.reporters import FORMATS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
Cli = Callable[..., Run]


@pytest.mark.parametrize("fmt", sorted(FORMATS["check"]))
def test_two_jobs_write_exactly_what_one_job_writes(cli: Cli, tmp_path: Path, fmt: str) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, tmp_path / example.name)
    one = cli("check", ".", "--format", fmt, "--jobs", "1")
    two = cli("check", ".", "--format", fmt, "--jobs", "2")
    assert one.code == two.code == 1  # the showcase has errors
    assert one.stdout == two.stdout and one.stdout.strip()
    assert one.stderr == two.stderr
