"""The documentation pages of the checks (docs/checks/), written from the declarations and
checkdocs/: what is committed is what the generator writes, and a page says what its check's
declaration and documentation say."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from roadmap_check import docs_pages
from roadmap_check.docs import CheckDoc, check_docs
from roadmap_check.i18n import catalog
from roadmap_check.registry import CHECKS

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "checks"


def test_the_committed_pages_are_what_the_generator_writes() -> None:
    stale = docs_pages.stale(FOLDER)
    assert stale == [], (f"docs/checks is not what the declarations and checkdocs/ make of it "
                         f"({', '.join(stale)}): run `{docs_pages.COMMAND}` and commit the pages")


def test_there_is_a_page_for_each_check_and_an_index_of_them_all() -> None:
    written = docs_pages.pages()
    assert set(written) == {f"{code}.md" for code in CHECKS} | {"README.md"}
    rows = [line for line in written["README.md"].splitlines() if line.startswith("| [RM")]
    assert [row.split("]")[0][3:] for row in rows] == sorted(CHECKS)
    for code, check in CHECKS.items():
        row = rows[sorted(CHECKS).index(code)]
        assert f"({code}.md)" in row and f"`{check.name}`" in row
        assert " ".join(check_docs(code).summary("en").split()) in row


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_a_page_says_what_the_declaration_and_the_documentation_say(code: str) -> None:
    check, doc = CHECKS[code], check_docs(code)
    text = docs_pages.page(check)
    assert text.splitlines()[2] == f"# {code} {check.name}"
    facts = next(line for line in text.splitlines() if line.startswith(f"| `{code}`"))
    assert check.severity.label in facts
    # a fix checked to keep the meaning says when it is unsafe
    assert {"checked": "else unsafe"}.get(check.fix, check.fix) in facts
    assert doc.summary("en").strip() in text and doc.doc("en").strip() in text
    for kind in ("fail", "pass"):
        example = doc.example(kind)
        assert example is not None and example.rstrip() in text
    for extra in (doc.rules, doc.baseline):
        assert extra is None or extra.rstrip() in text
    assert all(arg in text for arg in doc.args)
    for key in check.messages:
        assert f"- `{key}`: " in text and str(catalog()[key]["en"]) in text


def test_a_page_has_the_russian_documentation_when_the_file_has_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    own = check_docs("RM201").data
    russian = "Пункт относится к предмету документа, но ссылки на документ в нём нет."
    monkeypatch.setattr(docs_pages, "check_docs", lambda code: CheckDoc(
        code, {**own, "doc": {"en": own["doc"]["en"], "ru": russian}}))
    text = docs_pages.page(CHECKS["RM201"])
    assert f"## In Russian\n\n{russian}\n" in text
    english_only = check_docs("RM202").data
    monkeypatch.setattr(docs_pages, "check_docs", lambda code: CheckDoc(
        code, {**english_only, "doc": {"en": english_only["doc"]["en"]}}))
    assert "## In Russian" not in docs_pages.page(CHECKS["RM202"])


def test_an_example_with_backticks_keeps_its_fence(monkeypatch: pytest.MonkeyPatch) -> None:
    own = check_docs("RM201").data
    example = "roadmap: {id: t, title: \"```\"}\nitems: []\n"
    monkeypatch.setattr(docs_pages, "check_docs", lambda code: CheckDoc(
        code, {**own, "fail": example}))
    text = docs_pages.page(CHECKS["RM201"])
    assert f"````yaml\n{example}````\n" in text


def _module(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # run from elsewhere than the repository, so that it is the installed package that runs
    return subprocess.run([sys.executable, "-m", "roadmap_check.docs_pages", *map(str, args)],
                          capture_output=True, text=True, check=False, timeout=60,
                          cwd=tempfile.gettempdir())


def test_the_module_writes_the_pages_and_checks_them(tmp_path: Path) -> None:
    folder = tmp_path / "checks"
    assert _module("--check", folder).returncode == 1
    written = _module(folder)
    assert written.returncode == 0 and len(written.stdout.splitlines()) == len(CHECKS) + 1
    assert _module("--check", folder).returncode == 0
    (folder / "RM201.md").write_text("edited by hand\n", encoding="utf-8")
    (folder / "RM999.md").write_text("a check that is gone\n", encoding="utf-8")
    stale = _module("--check", folder)
    assert stale.returncode == 1 and sorted(Path(p).name for p in stale.stdout.split()) == \
        ["RM201.md", "RM999.md"]
    assert (folder / "RM201.md").read_text(encoding="utf-8") == "edited by hand\n"
    assert _module(folder).returncode == 0 and not (folder / "RM999.md").exists()
    assert (folder / "RM201.md").read_text(encoding="utf-8") == docs_pages.pages()["RM201.md"]
    usage = _module()
    assert usage.returncode == 2 and docs_pages.COMMAND in usage.stderr
