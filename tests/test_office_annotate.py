"""``check --annotate``: a copy of the Word or Excel road map with each finding as a comment on
its cell, the document otherwise the same; LibreOffice opens it and puts each comment on that
cell (its own conversion is read back)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import TESTS, Run
from lxml import etree
from office_files import make_docx, make_xlsx
from test_office_read import BEFORE, ITEMS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
COMMENT_MARKUP = {W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _checked(cli: Callable[..., Run], name: str, copy: str) -> list[dict[str, Any]]:
    run = cli("check", name, "--annotate", copy, "-f", "json", "--lang", "en")
    assert run.code == 1, run.stderr
    assert f"{copy}: " in run.stderr and "written as comments on their cells" in run.stderr
    findings: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    return [f for f in findings if not f["suppressed"]]


def _word_comments(path: Path) -> Counter[tuple[int, int, str]]:
    """(row, grid column, code) of each comment of a .docx, from where its range starts."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        comments = etree.fromstring(archive.read("word/comments.xml"))
    text = {c.get(W + "id"): "".join(map(str, c.itertext()))
            for c in comments.iter(W + "comment")}
    authors = {c.get(W + "author") for c in comments.iter(W + "comment")}
    assert authors == {"roadmap-check"}
    out: Counter[tuple[int, int, str]] = Counter()
    [table] = [t for t in body.iter(W + "tbl")]
    for row_number, tr in enumerate(table.iter(W + "tr"), 1):
        column = 1
        for tc in tr.iter(W + "tc"):
            for start in tc.iter(W + "commentRangeStart"):
                out[(row_number, column, text[start.get(W + "id")].split()[0])] += 1
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            column += int(span.get(W + "val", "1")) if span is not None else 1
    return out


def _expected(findings: list[dict[str, Any]], header: list[str]) -> Counter[tuple[int, int, str]]:
    return Counter((f["cell"]["row"], header.index(f["cell"]["column"]) + 1, f["code"])
                   for f in findings)


def _without_comments(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for element in list(root.iter(*COMMENT_MARKUP)):
        parent = element.getparent()
        assert parent is not None
        parent.remove(element)
    for run in list(root.iter(W + "r")):  # a run left empty held a reference (or an anchor)
        if len(run) == 0 or all(child.tag == W + "rPr" for child in run):
            parent = run.getparent()
            assert parent is not None
            parent.remove(run)
    return etree.tostring(root, method="c14n")


def test_word_copy_has_one_comment_per_finding_on_its_cell_and_nothing_else_changed(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    from office_files import RU_HEADER

    make_docx(tmp_path / "draft.docx", ITEMS, before=BEFORE)
    original = (tmp_path / "draft.docx").read_bytes()
    findings = _checked(cli, "draft.docx", "reviewed.docx")
    assert (tmp_path / "draft.docx").read_bytes() == original  # the original is not touched
    table_findings = [f for f in findings if f["cell"].get("table")]
    assert len(table_findings) == len(findings) > 10
    assert _word_comments(tmp_path / "reviewed.docx") == _expected(findings, list(RU_HEADER))
    with zipfile.ZipFile(io_bytes(original)) as before, \
            zipfile.ZipFile(tmp_path / "reviewed.docx") as after:
        assert set(after.namelist()) == set(before.namelist()) | {"word/comments.xml"}
        for name in before.namelist():
            if name in ("word/document.xml", "word/_rels/document.xml.rels",
                        "[Content_Types].xml"):
                continue
            assert after.read(name) == before.read(name), name  # byte for byte
        assert _without_comments(after.read("word/document.xml")) == \
            _without_comments(before.read("word/document.xml"))
    # and it checks the same as the original
    again = json.loads(cli("check", "reviewed.docx", "-f", "json", "--lang", "en").stdout)
    assert [(f["code"], f["message"]) for f in again["findings"]] == \
        [(f["code"], f["message"]) for f in findings]


def io_bytes(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def test_comments_are_in_the_reports_language(tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "draft.docx", ITEMS[1:2], before=BEFORE)
    assert cli("check", "draft.docx", "--annotate", "r.docx").code == 1
    with zipfile.ZipFile(tmp_path / "r.docx") as archive:
        text = archive.read("word/comments.xml").decode("utf-8")
    # the Russian road map's report is Russian: its comments say what `check` says in Russian
    russian = json.loads(cli("check", "draft.docx", "-f", "json").stdout)
    unknown = next(f for f in russian["findings"] if f["code"] == "RM102")
    assert "Несуществующая концепция 2099 года" in unknown["message"]
    assert "в наборе правил не найден" in unknown["message"]
    assert f"RM102 unknown-framework: {unknown['message']}" in text


def test_excel_copy_has_each_findings_comment_on_its_cell_values_unchanged(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    make_xlsx(tmp_path / "draft.xlsx", ITEMS, before=BEFORE)
    findings = _checked(cli, "draft.xlsx", "reviewed.xlsx")
    before = openpyxl.load_workbook(tmp_path / "draft.xlsx")["План"]
    after = openpyxl.load_workbook(tmp_path / "reviewed.xlsx")["План"]
    assert [[c.value for c in row] for row in after.iter_rows()] == \
        [[c.value for c in row] for row in before.iter_rows()]
    assert {str(r) for r in after.merged_cells.ranges} == \
        {str(r) for r in before.merged_cells.ranges}
    wanted = Counter((f["cell"]["ref"], f["code"]) for f in findings)
    got: Counter[tuple[str, str]] = Counter()
    for row in after.iter_rows():
        for cell in row:
            if cell.comment is not None:
                assert cell.comment.author == "roadmap-check"
                got.update((cell.coordinate, code) for code in
                           re.findall(r"^(RM\d{3}) ", cell.comment.text, re.MULTILINE))
    assert got == wanted
    # every part kept byte for byte; the sheet only gains the element that points to its notes
    with zipfile.ZipFile(tmp_path / "draft.xlsx") as old, \
            zipfile.ZipFile(tmp_path / "reviewed.xlsx") as new:
        added = set(new.namelist()) - set(old.namelist())
        assert added == {"xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
                         "xl/worksheets/_rels/sheet1.xml.rels"}
        for name in old.namelist():
            if name not in ("xl/worksheets/sheet1.xml", "[Content_Types].xml"):
                assert new.read(name) == old.read(name), name
        sheet = new.read("xl/worksheets/sheet1.xml")
        assert re.sub(rb"<legacyDrawing [^>]*/>", b"", sheet) == \
            old.read("xl/worksheets/sheet1.xml")


def test_a_sheet_with_notes_already_keeps_them_and_gets_the_new_ones(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    from openpyxl.comments import Comment

    make_xlsx(tmp_path / "draft.xlsx", ITEMS[1:2], before=BEFORE)
    book = openpyxl.load_workbook(tmp_path / "draft.xlsx")
    book["План"]["F7"].comment = Comment("Уточнить у Минздрава", "Reviewer")
    book.save(tmp_path / "draft.xlsx")
    findings = _checked(cli, "draft.xlsx", "reviewed.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "reviewed.xlsx")["План"]["F7"]
    assert cell.comment is not None
    assert cell.comment.text.startswith("Уточнить у Минздрава\n\nRM102 unknown-framework")
    assert any(f["cell"]["ref"] == "F7" for f in findings)


def test_annotate_refuses_what_it_cannot_do_in_one_line(tmp_path: Path,
                                                        cli: Callable[..., Run]) -> None:
    make_docx(tmp_path / "a.docx", ITEMS[:1], before=BEFORE)
    make_docx(tmp_path / "b.docx", ITEMS[:1], before=BEFORE)
    (tmp_path / "c.yaml").write_text("roadmap: {id: c, title: C}\nitems: []\n", encoding="utf-8")
    for args in (("a.docx", "b.docx", "--annotate", "r.docx"), ("c.yaml", "--annotate", "r.docx"),
                 ("a.docx", "--annotate", "r.xlsx"), ("a.docx", "--annotate", "a.docx")):
        run = cli("check", *args)
        assert run.code == 2 and run.stderr.count("\n") == 1, (args, run.stderr)
        assert "--annotate" in run.stderr
        assert not (tmp_path / "r.docx").exists() and not (tmp_path / "r.xlsx").exists()


def test_a_chart_is_kept_and_where_it_could_not_be_the_copy_is_refused(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    from openpyxl.comments import Comment

    make_xlsx(tmp_path / "plain.xlsx", ITEMS[:2], before=BEFORE)
    noted = openpyxl.load_workbook(tmp_path / "plain.xlsx")
    noted["План"]["A1"].comment = Comment("old note", "Reviewer")
    noted.save(tmp_path / "noted.xlsx")
    for source in ("plain.xlsx", "noted.xlsx"):
        with zipfile.ZipFile(tmp_path / source) as old, \
                zipfile.ZipFile(tmp_path / f"chart-{source}", "w") as new:
            for info in old.infolist():
                new.writestr(info, old.read(info.filename))
            new.writestr("xl/charts/chart1.xml", "<c:chartSpace/>")
    kept = cli("check", "chart-plain.xlsx", "--annotate", "r.xlsx")
    assert kept.code == 1
    with zipfile.ZipFile(tmp_path / "r.xlsx") as copy:
        assert copy.read("xl/charts/chart1.xml") == b"<c:chartSpace/>"
    # a sheet with notes already is copied by openpyxl, which would drop the chart: refused
    run = cli("check", "chart-noted.xlsx", "--annotate", "r2.xlsx")
    assert run.code == 2
    assert "chart-noted.xlsx holds charts, which the copy could not keep" in run.stderr
    assert not (tmp_path / "r2.xlsx").exists()


# -- LibreOffice opens the copies -----------------------------------------------------------


def _libreoffice(tmp_path: Path, source: Path, target: str) -> Path:
    """Convert with LibreOffice (headless, a profile of its own); skipped without it, except
    in CI, where it must be there."""
    if SOFFICE is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is not installed: .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                           "--headless", "--convert-to", target, "--outdir", str(out),
                           str(source)], capture_output=True, text=True, timeout=180,
                          check=False)
    converted = out / f"{source.stem}.{target.split(':')[0]}"
    assert done.returncode == 0 and converted.exists(), done.stderr
    return converted


# LibreOffice's PDF export with each comment as a PDF annotation
_PDF_WITH_NOTES = 'pdf:{}_pdf_Export:{{"ExportNotes":{{"type":"boolean","value":"true"}}}}'


def _pdf_notes(pdf: Path) -> list[str]:
    """The check codes the comments of a PDF LibreOffice wrote begin with."""
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    texts = [bytes.fromhex(h.decode()).decode("utf-16")
             for h in re.findall(rb"/Contents\s*<([0-9A-Fa-f]+)>", data)]
    # a code, its name and a colon start each finding (Calc's PDF joins a note's lines)
    return [code for text in texts
            for code in re.findall(r"(?:^|\s)(RM\d{3}) [a-z]+(?:-[a-z]+)*:", text)]


def _odf_annotations(path: Path) -> Counter[tuple[int, int, str]]:
    """(row, column, code) of each comment LibreOffice placed in a table cell."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    out: Counter[tuple[int, int, str]] = Counter()
    table = next(root.iter(ODF_TABLE + "table"))
    row_number = 0
    for row in table.iter(ODF_TABLE + "table-row"):
        repeat = int(row.get(ODF_TABLE + "number-rows-repeated", "1"))
        row_number += 1
        column = 0
        for cell in row:
            if cell.tag not in (ODF_TABLE + "table-cell", ODF_TABLE + "covered-table-cell"):
                continue
            column += 1
            for note in cell.iter(ODF_OFFICE + "annotation"):
                said = "\n".join("".join(map(str, p.itertext())) for p in note.iter("{*}p"))
                codes = re.findall(r"^(RM\d{3}) ", said, re.MULTILINE)  # an Excel note: several
                assert codes
                out.update((row_number, column, code) for code in codes)
            column += int(cell.get(ODF_TABLE + "number-columns-repeated", "1")) - 1
        row_number += repeat - 1
    return out


@pytest.mark.slow
def test_libreoffice_opens_the_word_copy_with_each_comment_on_its_cell(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    from office_files import RU_HEADER

    (tmp_path / "lo-made.docx").write_bytes((TESTS / "data" / "libreoffice-merged.docx")
                                            .read_bytes())
    make_docx(tmp_path / "draft.docx", ITEMS, before=BEFORE)
    for name in ("draft.docx", "lo-made.docx"):
        copy = f"reviewed-{name}"
        findings = _checked(cli, name, copy)
        header = list(RU_HEADER)
        odt = _libreoffice(tmp_path, tmp_path / copy, "odt")
        assert _odf_annotations(odt) == _expected(findings, header), name
        pdf = _libreoffice(tmp_path, tmp_path / copy, _PDF_WITH_NOTES.format("writer"))
        # its PDF keeps one annotation per place: every check's, one comment per cell at least
        notes = _pdf_notes(pdf)
        assert set(notes) == {f["code"] for f in findings}, name
        assert len(notes) >= len({(f["cell"]["row"], f["cell"]["column"]) for f in findings})


@pytest.mark.slow
def test_libreoffice_opens_the_excel_copy_with_each_comment_on_its_cell(
        tmp_path: Path, cli: Callable[..., Run]) -> None:
    from office_files import RU_HEADER

    layout = make_xlsx(tmp_path / "draft.xlsx", ITEMS, before=BEFORE)
    findings = _checked(cli, "draft.xlsx", "reviewed.xlsx")
    ods = _libreoffice(tmp_path, tmp_path / "reviewed.xlsx", "ods")
    cells = Counter((f["cell"]["row"], list(RU_HEADER).index(f["cell"]["column"]) + 1,
                     f["code"]) for f in findings)
    assert layout.header == len(BEFORE) + 1
    assert _odf_annotations(ods) == cells
    pdf = _libreoffice(tmp_path, tmp_path / "reviewed.xlsx", _PDF_WITH_NOTES.format("calc"))
    assert set(_pdf_notes(pdf)) == {f["code"] for f in findings}
