"""The shape of the package: no import cycles, stages that never reach back, third-party
libraries each behind one module, pure checks, no process-wide side effects."""

from __future__ import annotations

import ast
import gc
import random
import sys
from pathlib import Path

import pytest
from helpers import CLEAN_ROADMAP, TESTS, engine

from roadmap_check.engine import Engine, Options
from roadmap_check.registry import FAMILIES, RUNS

PACKAGE = Path(__file__).resolve().parent.parent / "roadmap_check"
SHOWCASE = PACKAGE.parent / "examples" / "defect-showcase.yaml"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, anywhere in it
    (inside functions and ``if TYPE_CHECKING`` blocks too)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                    + ([base] if base else []))
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _closure(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        for nxt in graph[stack.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def test_no_import_cycle_counting_imports_inside_functions() -> None:
    graph = _imports()
    cycles = [name for name in graph if name in _closure(graph, name)]
    assert cycles == []


def test_the_report_is_a_leaf_that_imports_nothing_of_the_engine() -> None:
    graph = _imports()
    assert _closure(graph, "roadmap_check.report") <= {"roadmap_check.findings",
                                                        "roadmap_check.severity"}
    assert _closure(graph, "roadmap_check.findings") == {"roadmap_check.severity"}


@pytest.mark.parametrize("module", ["roadmap_check.reporters", "roadmap_check.matrix"])
def test_reporters_and_the_matrix_do_not_reach_back_into_the_engine(module: str) -> None:
    graph = _imports()
    reporters = [m for m in graph if m == module or m.startswith(module + ".")]
    engine_side = {"roadmap_check.engine", "roadmap_check.command", "roadmap_check.cli",
                   "roadmap_check.runner"}
    for name in reporters:
        assert not _closure(graph, name) & engine_side, name


def test_checks_never_import_the_engine_the_registry_or_each_others_functions() -> None:
    graph = _imports()
    for name in graph:
        if name.startswith("roadmap_check.checks."):
            assert not graph[name] & {"roadmap_check.engine", "roadmap_check.registry"}, name


@pytest.mark.parametrize(("library", "owner"), [
    ("yaml", {"roadmap_check.yaml_io"}),
    ("rapidfuzz", {"roadmap_check.fuzzy"}),
    ("docx", {"roadmap_check.office.write_docx", "roadmap_check.office.annotate"}),
    ("openpyxl", {"roadmap_check.office.write_xlsx", "roadmap_check.office.annotate"}),
])
def test_each_third_party_library_is_behind_one_module(library: str, owner: set[str]) -> None:
    users = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == library or n.startswith(library + ".") for n in names):
                users.add(_module(path))
    assert users == owner


def test_the_languages_are_named_once() -> None:
    literal = [(_module(p), node.lineno) for p in PACKAGE.rglob("*.py")
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.Tuple) and len(node.elts) == 2
               and [getattr(e, "value", None) for e in node.elts] == ["en", "ru"]]
    assert literal == [("roadmap_check.langs", 5)]


def test_checks_in_shuffled_order_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks share nothing mutable: the order they run in changes nothing."""
    text = SHOWCASE.read_text(encoding="utf-8")
    expected = Engine(Options(today=engine().options.today)).check_text(text, "s.yaml", TESTS)
    for seed in range(5):
        shuffled = list(RUNS)
        random.Random(seed).shuffle(shuffled)
        fresh = Engine(Options(today=engine().options.today))
        monkeypatch.setattr(fresh, "_runs", tuple(shuffled))
        got = fresh.check_text(text, "s.yaml", TESTS)
        assert got.findings == expected.findings
        assert got.needs == expected.needs and got.items == expected.items


def test_a_run_without_rm201_scans_no_text_and_finds_the_same_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Only RM201 reads the trigger terms of the items' texts: a run that ignores it (or
    selects other checks) skips that scan, and every other finding is as before."""
    from roadmap_check.triggers import TriggerIndex

    text = SHOWCASE.read_text(encoding="utf-8")
    today = engine().options.today
    whole = Engine(Options(today=today)).check_text(text, "s.yaml", TESTS).findings
    assert any(f.code == "RM201" for f in whole)

    def no_scan(*args: object) -> None:
        raise AssertionError("the texts were scanned for trigger terms")

    monkeypatch.setattr(TriggerIndex, "scanner", no_scan)
    without = Engine(Options(today=today, ignore=frozenset({"RM201"}))).check_text(
        text, "s.yaml", TESTS).findings
    assert without == [f for f in whole if f.code != "RM201"]
    selected = Engine(Options(today=today, select=frozenset({"RM102", "RM105"}))).check_text(
        text, "s.yaml", TESTS).findings
    assert selected and selected == [f for f in whole if f.code in ("RM102", "RM105")]


def test_every_family_of_the_registry_is_either_a_check_or_a_stage() -> None:
    assert all(f.run is not None or f.name in ("loading", "waivers", "suppressions", "baseline")
               for f in FAMILIES)


def test_a_run_in_process_leaves_the_garbage_collector_as_it_found_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmap_check.cli import main

    draft = tmp_path / "draft.yaml"
    draft.write_text(CLEAN_ROADMAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        monkeypatch.setattr(sys, "argv", ["roadmap-check", "check", str(draft), "--format",
                                          "json", "-o", str(tmp_path / "out.json")])
        with pytest.raises(SystemExit):
            main()
        assert gc.isenabled() is enabled
    gc.enable()


def test_a_yaml_run_imports_nothing_of_word_and_excel(tmp_path: Path) -> None:
    """YAML drafts do not pay for the office libraries, nor for reading office files."""
    import subprocess

    draft = tmp_path / "draft.yaml"
    draft.write_text(CLEAN_ROADMAP, encoding="utf-8")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "roadmap_check", "check",
                           str(draft), "--rules", str(TESTS / "rules" / "test-rules.yaml")],
                          capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "roadmap_check.office" in imported  # the sniff of the first bytes, and only it
    assert not {name for name in imported if name.split(".")[0] in ("docx", "openpyxl", "lxml")
                or name.startswith("roadmap_check.office.")}
