"""``roadmap-check fix`` never damages a file: links, permissions, and what it cannot verify.

A symbolic link is followed (the target gets the fixes, the link stays a link); hard links
keep sharing one file; a read-only file is left alone unless ``--force``; an operating-system
error is one line naming the file (exit 2), never a traceback; a fix whose result does not
read back as it should is not written. In each case nothing the drafter wrote is lost.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import TEST_RULES, Run, entry_point

from roadmap_check import fixing
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding, Fix

Cli = Callable[..., Run]
RULES = ("--rules", str(TEST_RULES))

DRAFT = """\
roadmap: {id: t, title: T}
items:
  - id: "1"
    title: X
    responsible: [Kazakstan]     # misspelt: RM304 fixes it
    deadline: 2023
    cites: [infosec-2030]
"""
FIXED = DRAFT.replace("[Kazakstan]", "[Kazakhstan]")


def _one_line_error(run: Run, name: str) -> str:
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert name in lines[0], run.stderr
    assert "internal error" not in run.stderr
    return lines[0]


def test_a_symlink_is_followed_and_stays_a_link(cli: Cli, write: Callable[..., Path]) -> None:
    target = write("real/draft.yaml", DRAFT)
    link = target.parent.parent / "draft.yaml"
    link.symlink_to(Path("real") / "draft.yaml")
    second = target.parent.parent / "again.yaml"
    second.symlink_to(link.name)  # a link to the link
    run = cli("fix", second.name, *RULES)
    assert run.code == 0, run.stderr
    assert link.is_symlink() and second.is_symlink()
    assert os.readlink(link) == str(Path("real") / "draft.yaml")
    assert target.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in target.parent.iterdir()) == ["draft.yaml"]  # no leftovers


def test_hard_links_keep_sharing_the_fixed_file(cli: Cli, write: Callable[..., Path]) -> None:
    first = write("draft.yaml", DRAFT)
    other = first.parent / "copy.yaml"
    os.link(first, other)
    first.chmod(0o640)
    run = cli("fix", first.name, *RULES)
    assert run.code == 0, run.stderr
    assert other.read_text(encoding="utf-8") == FIXED
    assert os.stat(first).st_ino == os.stat(other).st_ino
    assert os.stat(first).st_nlink == 2
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o640
    assert sorted(p.name for p in first.parent.iterdir()) == ["copy.yaml", "draft.yaml"]


def test_a_read_only_file_is_left_alone_without_force(cli: Cli,
                                                       write: Callable[..., Path]) -> None:
    path = write("draft.yaml", DRAFT)
    path.chmod(0o444)
    run = cli("fix", path.name, *RULES)
    assert run.code == 2
    assert "--force" in _one_line_error(run, "draft.yaml")
    assert path.read_text(encoding="utf-8") == DRAFT
    # Showing the fixes writes nothing, so it is allowed.
    shown = cli("fix", "--diff", path.name, *RULES)
    assert shown.code == 1 and "+    responsible: [Kazakhstan]" in shown.stdout
    # --force writes it, and it stays read-only.
    forced = cli("fix", "--force", path.name, *RULES)
    assert forced.code == 0, forced.stderr
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444


def test_the_other_files_are_still_fixed(cli: Cli, write: Callable[..., Path]) -> None:
    locked = write("a.yaml", DRAFT)
    locked.chmod(0o444)
    free = write("b.yaml", DRAFT)
    run = cli("fix", locked.name, free.name, *RULES)
    assert run.code == 2
    assert free.read_text(encoding="utf-8") == FIXED
    assert locked.read_text(encoding="utf-8") == DRAFT
    assert "a.yaml" in run.stderr and "read-only" in run.stderr


def _without_write_permission() -> list[str] | None:
    """A command prefix under which permissions apply: none needed for a user; for root, the
    capabilities that bypass them dropped (setpriv); None where that cannot be done."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    probe = subprocess.run([*prefix, *entry_point(), "--version"], capture_output=True,
                           check=False)
    return prefix if probe.returncode == 0 else None


def test_a_folder_it_cannot_write_is_a_one_line_error(tmp_path: Path) -> None:
    prefix = _without_write_permission()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    folder.chmod(0o555)
    try:
        done = subprocess.run([*prefix, *entry_point(), "fix", "locked/draft.yaml", *RULES],
                              capture_output=True, text=True, cwd=tmp_path, check=False,
                              timeout=60)
    finally:
        folder.chmod(0o755)
    run = Run(done.returncode, done.stdout, done.stderr)
    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert "cannot write" in _one_line_error(run, "locked/draft.yaml")
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in folder.iterdir()) == ["draft.yaml"]


def test_a_permission_error_while_writing_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(RoadmapCheckError) as raised:
        fixing.write(path, DRAFT.encode(), FIXED)
    assert str(raised.value) == f"{path}: cannot write (Permission denied)"
    assert path.read_text(encoding="utf-8") == DRAFT


def test_a_failed_write_in_place_restores_the_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    os.link(path, tmp_path / "copy.yaml")
    real_fsync, calls = os.fsync, []

    def full_disk_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the first is the safety copy's; the second, the new text's
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk_once)
    with pytest.raises(RoadmapCheckError) as raised:
        fixing.write(path, DRAFT.encode(), FIXED)
    assert "No space left on device" in str(raised.value)
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.yaml", "draft.yaml"]


def test_a_file_changed_meanwhile_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT + "# edited meanwhile\n", encoding="utf-8")
    with pytest.raises(RoadmapCheckError, match="changed on disk"):
        fixing.write(path, DRAFT.encode(), FIXED)
    assert path.read_text(encoding="utf-8").endswith("# edited meanwhile\n")


# -- what cannot be verified is not written --------------------------------------------------

# The quoting a fix used to get without libyaml: the value as it is, whatever it holds.
_UNQUOTED = ("import sys\nfrom roadmap_check import edits\n"
             "edits.yaml_scalar = lambda value, style, flow=False: value\n"
             "from roadmap_check.cli import main\nsys.argv[0] = 'roadmap-check'\nmain()\n")


def test_a_fix_that_would_split_a_citation_is_not_written(tmp_path: Path) -> None:
    draft = DRAFT.replace("cites: [infosec-2030]", "cites: [Стратегия ИБ СНГ раздел 4]")
    path = tmp_path / "draft.yaml"
    path.write_text(draft, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _UNQUOTED, "fix", path.name, *RULES],
                          capture_output=True, text=True, cwd=tmp_path, check=False, timeout=60)
    run = Run(done.returncode, done.stdout, done.stderr)
    assert run.code == 2
    assert "Traceback" not in run.stderr
    line = _one_line_error(run, "draft.yaml:7:13")
    assert "nothing written" in line
    assert path.read_text(encoding="utf-8") == draft


def _finding(line: int, column: int, end_column: int, replacement: str,
             value: str = "Kazakhstan") -> Finding:
    fix = Fix(line, column, line, end_column, replacement, value)
    return Finding("RM304", "draft.yaml", line, column, ("rm304.accept.hint", ()), fix=fix)


@pytest.mark.parametrize(("text", "finding", "problem"), [
    # The span reaches over the anchor: the alias after it no longer resolves.
    ("a: [&p Kazakstan]\nb: *p\n", _finding(1, 5, 17, "Kazakhstan"), "valid YAML"),
    # The new text splits one value in two.
    ("a: [Kazakstan]\n", _finding(1, 5, 14, "Kazakhstan, Russia"), "more than the value"),
    # The new text reads as another value than the one the fix is for.
    ("a: Kazakstan\n", _finding(1, 4, 13, "Kazakhstan #1", "Kazakhstan #1"),
     "more than the value"),
    # The span is not a scalar's: it takes a key with it.
    ("a: Kazakstan\nb: 1\n", _finding(1, 1, 4, "c: "), "more than the value"),
    # The new text turns a value into a list.
    ("a: Kazakstan\n", _finding(1, 4, 13, "[Kazakhstan]"), "more than the value"),
])
def test_a_fix_that_does_not_read_back_is_refused(text: str, finding: Finding,
                                                  problem: str) -> None:
    after, applied = fixing.apply(text, [finding])
    assert applied
    with pytest.raises(fixing.Refused, match=problem):
        fixing.verify(text, after, applied, "draft.yaml")


def test_a_fix_that_reads_back_is_accepted() -> None:
    text = "a: [&p Kazakstan]\nb: *p\n"
    after, applied = fixing.apply(text, [_finding(1, 8, 17, '"Kazakhstan"')])
    fixing.verify(text, after, applied, "draft.yaml")
    assert after == 'a: [&p "Kazakhstan"]\nb: *p\n'
