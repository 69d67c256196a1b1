"""Shared fixtures: an engine factory, a file writer and a runner for the real entry point."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from helpers import Run, engine, entry_point
from hypothesis import settings

from roadmap_check.engine import Engine

# No example database: runs stay independent of each other and write nothing to the tree.
settings.register_profile("roadmap-check", database=None, deadline=None)
settings.load_profile("roadmap-check")


@pytest.fixture(autouse=True, scope="session")
def _english_locale() -> Iterator[None]:
    """The messages' language follows the locale (LANG): every run of the suite, and every
    process it starts, is in a neutral English one unless a test sets another."""
    with pytest.MonkeyPatch.context() as patch:
        # ... and not GitHub Actions (it picks the output format), nor a terminal's width
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "ROADMAP_CHECK_LANG", "COLUMNS",
                     "GITHUB_ACTIONS"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield


@pytest.fixture(params=["libyaml", "pure"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with each PyYAML loader: in this process (``yaml_io._Loader``) and in the
    processes it starts (``ROADMAP_CHECK_PURE_YAML``). Without libyaml both are the pure one."""
    from roadmap_check import yaml_io

    if request.param == "pure":
        monkeypatch.setattr(yaml_io, "_Loader", yaml.SafeLoader)
        monkeypatch.setenv(yaml_io.PURE_YAML_VARIABLE, "1")
    else:
        monkeypatch.delenv(yaml_io.PURE_YAML_VARIABLE, raising=False)
    return str(request.param)


@pytest.fixture
def make_engine() -> Callable[..., Engine]:
    """``make_engine(rules="test-rules", today=TODAY)``: one cached engine per choice."""
    return engine


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (UTF-8) or bytes to a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., Run]:
    """Run the real entry point in tmp_path; never a traceback on stderr, whatever the exit."""

    def _run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
             stdin: str | None = None) -> Run:
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE")}
        environment.update(env or {})
        done = subprocess.run([*entry_point(), *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", cwd=cwd or tmp_path,
                              env=environment, timeout=60, check=False,
                              input=stdin if stdin is not None else "")
        assert "Traceback" not in done.stderr, done.stderr
        return Run(done.returncode, done.stdout, done.stderr)

    return _run
