"""Scale: big dependency graphs, aliased and huge item lists, folders, processes.

Each hostile input runs through the real entry point within the budget of tests/budget.py
(2 s, 300 MB, killed if it stalls) and ends in findings or a one-line error, never a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from budget import Measured, measure, within
from helpers import CLEAN_ROADMAP, TEST_RULES, TODAY, check_text, entry_point, message_of

from roadmap_check.discovery import Skipped, expand
from roadmap_check.engine import Engine, Options
from roadmap_check.errors import RoadmapCheckError
from roadmap_check.report import Report
from roadmap_check.severity import Severity

pytestmark = pytest.mark.slow


def _item(ident: str, depends_on: Iterable[str] = (), deadline: str = "2023") -> str:
    deps = ", ".join(f'"{d}"' for d in depends_on)
    return (f'  - {{id: "{ident}", title: "Action {ident}", responsible: Belarus, '
            f'deadline: {deadline}, cites: [infosec-2030], depends_on: [{deps}]}}\n')


def _roadmap(items: Iterable[str]) -> str:
    return "roadmap: {id: t, title: T, date: 2021-09-09}\nitems:\n" + "".join(items)


def _check_json(tmp_path: Path, *args: str | Path, seconds: float = 2.0) -> tuple[Measured,
                                                                                  dict[str, Any]]:
    run = measure("check", *args, "--rules", TEST_RULES, "--format", "json", cwd=tmp_path,
                  seconds=seconds)
    within(run, seconds)
    return run, json.loads(run.stdout)


def _of(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["code"] == code]


# -- dependencies -----------------------------------------------------------------------------

def test_all_items_depending_on_all_others_is_one_cycle_finding(tmp_path: Path) -> None:
    ids = [str(n) for n in range(400)]
    path = tmp_path / "tangle.yaml"
    path.write_text(_roadmap(_item(i, [d for d in ids if d != i]) for i in ids), encoding="utf-8")
    run, report = _check_json(tmp_path, path)
    assert run.code == 1
    cycles = _of(report, "RM306")
    assert len(cycles) == 1, [f["message"] for f in cycles[:5]]
    # a shortest cycle through the smallest id ("0"), then how many more items are caught
    message = cycles[0]["message"]
    assert "0 -> 1 -> 0" in message and "398" in message, message
    assert cycles[0]["item"] == "0"
    assert len(message) < 400, message


def test_two_separate_cycles_are_two_findings_and_a_long_ring_is_shortened(
        tmp_path: Path) -> None:
    ring = [f"r{n:04d}" for n in range(3000)]
    items = [_item(i, [ring[(k + 1) % len(ring)]]) for k, i in enumerate(ring)]
    items += [_item("a", ["b"]), _item("b", ["a"]), _item("c", ["a"])]
    path = tmp_path / "rings.yaml"
    path.write_text(_roadmap(items), encoding="utf-8")
    _, report = _check_json(tmp_path, path)
    cycles = sorted(_of(report, "RM306"), key=lambda f: f["item"])
    assert [f["item"] for f in cycles] == ["a", "r0000"]
    assert "a -> b -> a" in cycles[0]["message"]
    long = cycles[1]["message"]
    assert long.startswith("items depend on each other in a cycle: r0000 -> r0001 -> "), long
    assert long.rstrip().endswith("r2999 -> r0000"), long
    assert "2,990" in long or "2990" in long, long  # how many ids the message leaves out
    assert len(long) < 400, long


def test_many_unknown_dependencies_each_get_their_did_you_mean(tmp_path: Path) -> None:
    ids = [f"a{n:05d}" for n in range(10_000)]
    # each item depends on the previous one, misspelt: b00041 for a00041 (and has nothing else)
    items = [f'  - {{id: {i}, depends_on: [{"b" + ids[k - 1][1:] if k else ""}]}}\n'
             for k, i in enumerate(ids)]
    path = tmp_path / "unknown.yaml"
    path.write_text(_roadmap(items), encoding="utf-8")
    run, report = _check_json(tmp_path, path)
    assert run.code == 1
    unknown = [f for f in _of(report, "RM305") if f["item"] is not None]
    assert unknown
    for found in unknown:
        number = found["message"].split("'b")[1][:5]
        assert found["suggestion"] == f"did you mean 'a{number}'?", found


def test_a_figure_of_eight_is_one_finding_that_names_every_item_in_russian_too() -> None:
    text = _roadmap([_item("1", ["2", "3"]), _item("2", ["1"]), _item("3", ["1"]),
                     _item("4", ["3"])])
    english = [f for f in check_text(text).findings if f.code == "RM306"]
    assert [(f.item, message_of(f)) for f in english] == [
        ("1", "items depend on each other in a cycle: 1 -> 2 -> 1; "
              "other items in cycles with them: 3 (1 in all)")]
    russian = [message_of(f, "ru") for f in english]
    assert russian == ["циклическая зависимость пунктов: 1 \u2192 2 \u2192 1; других пунктов в "
                       "циклических зависимостях с ними: 1 (3)"]


# -- aliases and huge item lists --------------------------------------------------------------

_BAD_ITEM = ('  - &bad {id: "7", title: "Act", responsible: Belarus, deadline: "31.12.2O22", '
             'cites: ["Unknown Strategy 2030"], bogus: 1}\n')


def test_an_item_repeated_by_85000_aliases_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(_roadmap([_BAD_ITEM, "  - *bad\n" * 85_000]), encoding="utf-8")
    run, report = _check_json(tmp_path, path)
    assert run.code == 1
    codes = [f["code"] for f in report["findings"]]
    # the item's own problems, once each: the bad date, the unknown key, the unknown framework
    for code in ("RM301", "RM004", "RM102"):
        assert codes.count(code) == 1, (code, codes[:20])
    repeats = _of(report, "RM005")
    assert len(repeats) == 1 and repeats[0]["line"] == 3, repeats
    assert "85,000" in repeats[0]["message"], repeats[0]["message"]
    assert len(codes) < 20, codes[:40]


def test_an_aliased_item_among_others_is_one_duplicate_in_russian_too() -> None:
    text = _roadmap([_item("1"), "  - &two " + _item("2")[4:], "  - *two\n", _item("3")])
    report = check_text(text)
    duplicates = [f for f in report.findings if f.code == "RM005"]
    assert [(f.line, f.item) for f in duplicates] == [(4, "2")]
    english = message_of(duplicates[0])
    assert "'2'" in english and "1 repeat)" in english, english
    russian = message_of(duplicates[0], "ru")
    assert russian.startswith("пункт 2 повторён"), russian
    assert "1 повтор" in russian, russian
    assert [item.id for item in report.items] == ["1", "2", "3"]


# -- a cap per check and file -----------------------------------------------------------------

def test_a_flow_sequence_of_50000_empty_items_is_summarised_per_check(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text("roadmap: {id: t, title: T}\nitems: [" + ",".join(["{}"] * 50_000) + "]\n",
                    encoding="utf-8")
    run, report = _check_json(tmp_path, path)
    assert run.code == 1
    summary = report["summary"]
    assert summary["limit_per_code"] == 1000
    # each empty item lacks its id, title, responsible and deadline (RM003) and cites nothing
    assert summary["omitted"] == {"RM003": 200_000 - 1000, "RM101": 50_000 - 1000}
    assert report["files"][0]["omitted"] == summary["omitted"]
    assert summary["errors"] >= 250_000
    for code, omitted in summary["omitted"].items():
        listed = _of(report, code)
        assert len(listed) == 1001, (code, len(listed))
        more = [f for f in listed if f["item"] is None and "more of this check" in f["message"]]
        assert len(more) == 1, [f["message"] for f in listed[-3:]]
        assert f"and {omitted:,} more of this check in this file" in more[0]["message"]
        assert more[0]["severity"] == "error" and more[0]["suggestion"]


def _many_uncited(count: int) -> str:
    return _roadmap(f'  - {{id: "{n}", title: "Action {n}", responsible: Belarus, '
                    f'deadline: 2023}}\n' for n in range(count))


def test_the_cap_is_per_file_and_max_per_code_0_lists_everything(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(_many_uncited(1500), encoding="utf-8")
    _, report = _check_json(tmp_path, "a.yaml", "b.yaml")
    for name in ("a.yaml", "b.yaml"):
        mine = [f for f in report["findings"] if f["path"] == name and f["code"] == "RM101"]
        assert len(mine) == 1001
        assert [f["message"] for f in mine if f["item"] is None] == [
            "and 500 more of this check in this file, not listed (limit: 1,000 per check "
            "and file)"]
    assert report["summary"]["omitted"] == {"RM101": 1000}
    assert report["summary"]["errors"] >= 3000
    _, everything = _check_json(tmp_path, "a.yaml", "b.yaml", "--max-per-code", "0")
    assert len(_of(everything, "RM101")) == 3000
    assert everything["summary"]["limit_per_code"] is None
    assert everything["summary"]["omitted"] == {}
    (tmp_path / "roadmap-check.toml").write_text("max-per-code = 10\n", encoding="utf-8")
    _, ten = _check_json(tmp_path, "a.yaml")
    assert len(_of(ten, "RM101")) == 11 and ten["summary"]["omitted"] == {"RM101": 1490}


def test_the_cap_in_russian_and_on_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_many_uncited(1200), encoding="utf-8")
    run = measure("check", "a.yaml", "--rules", TEST_RULES, "--lang", "ru", cwd=tmp_path,
                  seconds=2)
    within(run)
    assert ("остальные замечания этой проверки в файле не показаны: 200 (предел вывода — "
            "1\u00a0000 на проверку и файл)") in run.stdout, run.stdout[-2000:]


def test_a_baseline_sees_every_finding_beyond_the_cap(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_many_uncited(1500), encoding="utf-8")
    written = measure("check", "a.yaml", "--rules", TEST_RULES, "--write-baseline", "base.txt",
                      "--fail-on", "never", cwd=tmp_path, seconds=2)
    within(written)
    entries = [line for line in (tmp_path / "base.txt").read_text(encoding="utf-8").splitlines()
               if "RM101" in line]
    assert len(entries) == 1500
    _, report = _check_json(tmp_path, "a.yaml", "--baseline", "base.txt")
    # every one recorded in the baseline: listed as such, none counted against the run
    assert all(f["suppressed"] for f in _of(report, "RM101"))
    assert report["summary"]["exit_code"] == 0 and report["summary"]["errors"] == 0
    # one more uncited item: the baseline holds the others, so it alone is reported
    (tmp_path / "a.yaml").write_text(_many_uncited(1501), encoding="utf-8")
    _, again = _check_json(tmp_path, "a.yaml", "--baseline", "base.txt")
    assert [f["item"] for f in _of(again, "RM101") if not f["suppressed"]] == ["1500"]


# -- files and folders ------------------------------------------------------------------------

_GOOD = CLEAN_ROADMAP

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need POSIX")


@needs_fifo
def test_a_fifo_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(_GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "maps" / "pipe.yaml")
    run, report = _check_json(tmp_path, "maps")
    assert [f["path"] for f in report["files"]] == ["maps/a.yaml"]
    assert run.code == 0
    assert "maps/pipe.yaml" in run.stderr and "not a regular file" in run.stderr, run.stderr


@needs_fifo
def test_a_fifo_given_directly_is_a_one_line_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    run = measure("check", "pipe.yaml", cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "pipe.yaml" in lines[0] and "not a regular file" in lines[0]


@needs_links
def test_a_link_to_the_root_folder_is_not_followed_out_of_the_tree(tmp_path: Path) -> None:
    (tmp_path / "maps" / "sub").mkdir(parents=True)
    (tmp_path / "maps" / "a.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "maps" / "sub" / "b.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "c.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "maps" / "root").symlink_to("/")
    (tmp_path / "maps" / "out").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "maps" / "sub" / "loop").symlink_to(tmp_path / "maps")
    (tmp_path / "maps" / "same").symlink_to(tmp_path / "maps" / "sub")
    run, report = _check_json(tmp_path, "maps")
    assert {f["path"] for f in report["files"]} in ({"maps/a.yaml", "maps/sub/b.yaml"},
                                                    {"maps/a.yaml", "maps/same/b.yaml"})
    assert "maps/root" in run.stderr and "maps/out" in run.stderr, run.stderr
    # a folder given by a link is walked: the user named it
    _, named = _check_json(tmp_path, "maps/out")
    assert [f["path"] for f in named["files"]] == ["maps/out/c.yaml"]


@pytest.mark.skipif(not Path("/proc/self/mem").is_file(),
                    reason="needs /proc/self/mem: a regular file that even root cannot read")
def test_an_unreadable_file_in_a_folder_is_a_finding_and_the_rest_is_checked(
        tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "maps" / "mem.yaml").symlink_to("/proc/self/mem")
    run, report = _check_json(tmp_path, "maps")
    assert run.code == 1
    assert [(f["path"], f["code"], f["line"]) for f in report["findings"]] == [
        ("maps/mem.yaml", "RM001", 1)]
    assert report["findings"][0]["message"].startswith("the file cannot be read ("), \
        report["findings"][0]["message"]
    assert [f["path"] for f in report["files"]] == ["maps/a.yaml", "maps/mem.yaml"]
    direct = measure("check", "maps/mem.yaml", "--lang", "ru", cwd=tmp_path, seconds=2)
    within(direct)
    assert direct.code == 1 and "RM001" in direct.stdout
    assert "файл не удаётся прочитать" in direct.stdout, direct.stdout


@needs_links
def test_a_broken_link_in_a_folder_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "maps" / "gone.yaml").symlink_to("no-such-file.yaml")
    run, report = _check_json(tmp_path, "maps")
    assert run.code == 0 and [f["path"] for f in report["files"]] == ["maps/a.yaml"]
    assert run.stderr.strip() == ("roadmap-check: skipped maps/gone.yaml: a link to "
                                  "no-such-file.yaml, which does not exist"), run.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="needs a file its user cannot read (root reads everything)")
def test_a_file_without_read_permission_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(_GOOD, encoding="utf-8")
    secret = tmp_path / "maps" / "secret.yaml"
    secret.write_text(_GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        run, report = _check_json(tmp_path, "maps")
    finally:
        secret.chmod(0o600)
    assert run.code == 1
    assert [(f["path"], f["code"]) for f in report["findings"]] == [("maps/secret.yaml", "RM001")]


# -- processes --------------------------------------------------------------------------------

def test_a_huge_jobs_number_starts_no_more_workers_than_files_and_cores(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(_GOOD, encoding="utf-8")
    run, report = _check_json(tmp_path, ".", "--jobs", "100000")
    assert run.code == 0 and len(report["files"]) == 3
    from roadmap_check.runner import worker_count

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(100_000, 3) == min(3, cores or 1)
    assert worker_count(2, 1000) == min(2, cores or 1)
    assert worker_count(1, 3) == 1


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    body = _roadmap(_item(f"{n}") for n in range(300))
    for n in range(60):
        (folder / f"m{n:02d}.yaml").write_text(body, encoding="utf-8")
    parent = subprocess.Popen([*entry_point(), "check", "maps", "--rules", str(TEST_RULES),
                               "--jobs", "2", "--format", "json"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 20
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            workers = _children(parent.pid)
            time.sleep(0.02)
        assert len(workers) == 2, "the run did not start its two workers"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
            time.sleep(0.05)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1][:3]]
        assert alive == [], "workers outlived their parent"
    finally:
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


# -- one road map's unknown rule set ----------------------------------------------------------

_OWN_RULES = """\
roadmap:
  id: t{n}
  title: T
  date: 2021-09-09
  ruleset: {ruleset}
items:
  - id: "1"
    title: "Agree the exchange of records"
    responsible: Republic of Belarrus
    deadline: 2023
    cites: [cis-infosec-2030]
"""


def test_an_unknown_rule_set_in_one_of_2000_road_maps_is_a_finding_on_it(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for n in range(2000):
        ruleset = "cis-framewrks" if n == 1234 else "cis-frameworks"
        (folder / f"m{n:04d}.yaml").write_text(_OWN_RULES.format(n=n, ruleset=ruleset),
                                               encoding="utf-8")
    outputs = {"sarif": "r.sarif", "junit": "r.xml", "gitlab": "r.gitlab.json",
               "github": "r.github.txt", "markdown": "r.md", "html": "r.html",
               "terminal": "r.txt"}
    args = [f"--output-format={name}={target}" for name, target in outputs.items()]
    run = measure("check", "maps", "--format", "json", *args, cwd=tmp_path, seconds=6)
    within(run, seconds=6)
    assert run.code == 1, run.stderr
    report = json.loads(run.stdout)
    bad = [f for f in report["findings"] if f["path"] == "maps/m1234.yaml"]
    assert [(f["code"], f["line"], f["severity"]) for f in bad] == [("RM008", 5, "error")]
    assert "cis-framewrks" in bad[0]["message"]
    assert bad[0]["suggestion"] == "did you mean 'cis-frameworks'?"
    others = [f for f in report["findings"] if f["path"] != "maps/m1234.yaml"]
    # every other road map is checked against its rule set: the misspelt party, once each
    assert sorted({(f["code"], f["line"]) for f in others}) == [("RM304", 9)]
    assert len(others) == 1999
    assert len(report["files"]) == 2000
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 2000
    for name in ("junit", "gitlab", "github", "terminal"):
        text = (tmp_path / outputs[name]).read_text(encoding="utf-8")
        assert "m1234.yaml" in text and "m1999.yaml" in text and "RM008" in text, name
    assert "RM008" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_waiver_or_comment_beyond_the_cap_is_not_called_unused(tmp_path: Path) -> None:
    items = [f'  - {{id: "{n}", title: "Action {n}", responsible: Belarus, deadline: 2023}}\n'
             for n in range(1500)]
    items[1400] = ('  - {id: "1400", title: "Action 1400", responsible: Belarus, deadline: 2023,'
                   ' waivers: [{check: RM101, reason: "cited in the annex"}]}\n')
    items[1450] = items[1450].rstrip("\n") + "  # roadmap-check: ignore[RM101] in the annex\n"
    (tmp_path / "a.yaml").write_text(_roadmap(items), encoding="utf-8")
    _, report = _check_json(tmp_path, "a.yaml")
    assert _of(report, "RM403") == [] and _of(report, "RM405") == []
    assert report["summary"]["omitted"] == {"RM101": 500}


def test_a_bad_max_per_code_in_the_config_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "roadmap-check.toml").write_text("max-per-code = -5\n", encoding="utf-8")
    run = measure("check", "a.yaml", cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        "roadmap-check.toml:1: max-per-code: must be a whole number, 0 or more"), lines


# -- the same, in this process ----------------------------------------------------------------

def test_the_engine_lists_the_first_findings_of_a_check_and_summarises_the_rest() -> None:
    engine = Engine(Options(rules=(str(TEST_RULES),), today=TODAY, limit=3))
    report = engine.check_text(_many_uncited(5), "r.yaml", Path.cwd())
    uncited = [f for f in report.findings if f.code == "RM101"]
    assert [f.item for f in uncited] == ["0", "1", "2", None]
    assert message_of(uncited[-1]) == ("and 2 more of this check in this file, not listed "
                                       "(limit: 3 per check and file)")
    assert (uncited[-1].line, uncited[-1].column) == (6, 5)  # where the fourth one is
    assert report.omitted == {"RM101": 2}
    # unquoted numeric ids: RM006, each with a fix; the totals count those left out too
    numeric = _many_uncited(5).replace('id: "', "id: ").replace('", title', ", title")
    capped = Report([engine.check_text(numeric, "r.yaml", Path.cwd())], Severity.ERROR)
    assert capped.omitted == {"RM006": 2, "RM101": 2}
    other = [f for f in capped.findings if f.severity == Severity.WARNING and f.code != "RM006"]
    assert capped.fixable == 5 and capped.count(Severity.WARNING) == 5 + len(other)
    everything = Engine(Options(rules=(str(TEST_RULES),), today=TODAY))
    assert len([f for f in everything.check_text(_many_uncited(5), "r.yaml", Path.cwd()).findings
                if f.code == "RM101"]) == 5


@needs_fifo
@needs_links
def test_the_walk_in_this_process(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "sub" / "b.yml").write_text(_GOOD, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "up").symlink_to(tmp_path.parent)
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    skipped: list[Skipped] = []
    found = expand([tmp_path], [], skipped=skipped)
    assert found == [tmp_path / "a.yaml", tmp_path / "sub" / "b.yml"]
    assert sorted((s.path.name, s.why) for s in skipped) == [
        ("gone.yaml", "cli.skipped_broken_link"), ("pipe.yaml", "kind.fifo"),
        ("up", "cli.skipped_link_outside")]
    with pytest.raises(RoadmapCheckError, match=r"pipe\.yaml: a named pipe"):
        expand([tmp_path / "pipe.yaml"], [])
