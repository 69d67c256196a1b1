"""Hostile Word and Excel files: old binary formats, encrypted and macro-enabled documents,
zip bombs, XML entity tricks, damaged zips, huge tables. Each is a finding or a one-line
error with the right exit code, in bounded time and memory, through the real entry point."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from budget import Measured, measure, within
from office_files import Row, make_docx, make_xlsx

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _ole2(*streams: str) -> bytes:
    """An OLE2 compound file's start and directory names, as the sniff sees them."""
    return OLE2 + b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams) + \
        b"\x00" * 2048


def _check(path: Path, *args: str) -> Measured:
    run = measure("check", path.name, "--lang", "en", *args, cwd=path.parent, seconds=2)
    within(run)
    return run


def _docx_with(tmp_path: Path, name: str, document_xml: Iterable[bytes] | None = None,
               extra: dict[str, bytes] | None = None) -> Path:
    """A real .docx (python-docx) with its body replaced (written a chunk at a time: the
    measured child is forked from this process, and would count a big body as its own)."""
    base = tmp_path / "base.docx"
    make_docx(base, [Row("1", "Согласовать требования", "2022", ["Республика Беларусь"], "Да",
                         [])])
    path = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename == "word/document.xml" and document_xml is not None:
                with z.open(info.filename, "w") as stream:
                    for chunk in document_xml:
                        stream.write(chunk)
                continue
            z.writestr(info.filename, source.read(info.filename))
        for part, data in (extra or {}).items():
            z.writestr(part, data)
    return path


_OPEN = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"


def _padded(fill: bytes, megabytes: int) -> Iterator[bytes]:
    yield _OPEN
    for _ in range(megabytes):
        yield fill * 2**20
    yield b"</w:document>"


@pytest.mark.parametrize(("name", "streams", "said", "advice"), [
    ("old.doc", ("Root Entry", "WordDocument"), "a Word 97-2003 document (.doc) cannot be read",
     "save it as .docx"),
    ("old.xls", ("Root Entry", "Workbook"), "an Excel 97-2003 workbook (.xls) cannot be read",
     "save it as .xlsx"),
    ("secret.docx", ("Root Entry", "EncryptedInfo", "EncryptedPackage"),
     "the document is protected by a password (encrypted)", "save a copy without the password"),
])
def test_old_and_encrypted_files_are_a_finding_that_says_what_to_do(
        tmp_path: Path, name: str, streams: tuple[str, ...], said: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(_ole2(*streams))
    run = _check(path)
    assert run.code == 1
    assert f"RM001 yaml-syntax  {said}" in run.stdout and advice in run.stdout
    convert = measure("convert", name, "-o", "x.yaml", cwd=tmp_path, seconds=2)
    within(convert)
    assert convert.code == 2 and convert.stderr.count("\n") == 1 and said in convert.stderr
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize(("name", "content"), [
    ("draft.docx", b"not a document at all"), ("plan.xlsx", b"roadmap: {id: x}\nitems: []\n"),
    ("empty.docx", b""),
])
def test_a_file_named_as_a_document_that_is_not_one_is_told_so(
        tmp_path: Path, name: str, content: bytes) -> None:
    """A .docx or .xlsx that is no zip (a renamed text file, an empty or truncated download)
    is not read as YAML, whose findings would puzzle its drafter: RM001 says what it is not."""
    path = tmp_path / name
    path.write_bytes(content)
    run = _check(path)
    assert run.code == 1
    assert "RM001 yaml-syntax  the file is neither a Word (.docx) nor an Excel (.xlsx) " \
        "document" in run.stdout, run.stdout
    fixed = measure("fix", name, cwd=tmp_path, seconds=2)  # nor is it fixed as YAML
    within(fixed)
    assert fixed.code == 2 and path.read_bytes() == content, fixed.stderr


@pytest.mark.parametrize("kind", ["docm", "xlsm"])
def test_macro_enabled_files_are_not_read_and_their_macros_never_run(tmp_path: Path,
                                                                     kind: str) -> None:
    if kind == "docm":
        path = _docx_with(tmp_path, "m.docm", extra={"word/vbaProject.bin": b"\x00VBA" * 64})
    else:
        base = tmp_path / "base.xlsx"
        make_xlsx(base, [Row("1", "T", "2022", ["Республика Беларусь"], "O", [])])
        path = tmp_path / "m.xlsm"
        with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                target.writestr(info, source.read(info.filename))
            target.writestr("xl/vbaProject.bin", b"\x00VBA" * 64)
    run = _check(path)
    assert run.code == 1
    assert "the document contains macros" in run.stdout
    assert f"save it as .{kind[:-1]}x (without macros)" in run.stdout


def test_a_zip_bomb_is_refused_by_its_directory_before_it_is_unpacked(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, "bomb.docx", _padded(b" ", 300))
    assert path.stat().st_size < 2 * 2**20  # 300 MB of XML in a file under 2 MB
    run = _check(path)
    assert run.code == 1 and "as a zip bomb does; it is not read" in run.stdout


def test_a_zip_whose_directory_lies_about_a_size_is_damaged_not_unpacked(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, "liar.docx", _padded(b"x", 40))
    data = bytearray(path.read_bytes())
    directory = data.find(b"word/document.xml", data.find(b"PK\x01\x02")) - 46
    assert data[directory:directory + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, directory + 24, 1000)  # "1,000 bytes unpacked"
    path.write_bytes(bytes(data))
    run = _check(path)
    assert run.code == 1 and "the document is damaged and cannot be read" in run.stdout


@pytest.mark.parametrize("doctype", [
    b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE w SYSTEM "http://127.0.0.1:9/evil.dtd">',
])
def test_xml_with_a_document_type_is_refused_no_entity_expanded_nothing_fetched(
        tmp_path: Path, doctype: bytes) -> None:
    body = b'<?xml version="1.0"?>' + doctype + \
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>" \
        b"<w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>"
    run = _check(_docx_with(tmp_path, "dtd.docx", [body]))
    assert run.code == 1
    assert "declares a document type (DTD), which Word and Excel documents never do" in run.stdout
    assert "root:" not in run.stdout


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"\x00" * 100, b"PK\x03\x04garbage" * 1000])
def test_a_damaged_zip_is_a_finding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    run = _check(path)
    assert run.code == 1 and "the document is damaged and cannot be read" in run.stdout


def test_a_zip_that_is_no_office_document_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a document")
    run = _check(path)
    assert run.code == 1
    assert "the file is neither a Word (.docx) nor an Excel (.xlsx) document" in run.stdout


def test_deeply_nested_xml_does_not_exhaust_the_stack(tmp_path: Path) -> None:
    depth = 60_000  # under 1 MiB of XML: not refused as a bomb, read to the end
    body = (b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
            b"<w:body>" + b"<w:tbl>" * depth + b"</w:tbl>" * depth + b"</w:body></w:document>")
    run = _check(_docx_with(tmp_path, "deep.docx", [body]))
    assert run.code == 1 and "no road-map table was found" in run.stdout


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_huge_table_is_read_in_bounded_memory_with_the_cap(tmp_path: Path, kind: str) -> None:
    rows = [Row(f"{n}", f"Мероприятие {n}", "2023", ["Республика Беларусь"], "Да",
                ["Несуществующая концепция 2099 года"]) for n in range(1, 3001)]
    path = tmp_path / f"huge.{kind}"
    (make_docx if kind == "docx" else make_xlsx)(path, rows)
    run = measure("check", path.name, "--lang", "en", cwd=tmp_path, seconds=3)
    within(run, seconds=3)  # 3,000 items, each a finding
    assert run.code == 1
    assert "and 2,000 more of this check in this file, not listed" in run.stdout


@pytest.mark.parametrize(("part", "said"), [
    ("Basic/Standard/Module1.xml", "the document contains macros (Basic or scripts)"),
    ("META-INF/manifest.xml", "the document is protected by a password (encrypted)"),
])
def test_opendocument_with_macros_or_encryption_is_a_finding(tmp_path: Path, part: str,
                                                             said: str) -> None:
    from helpers import TESTS

    path = tmp_path / "draft.odt"
    with zipfile.ZipFile(TESTS / "data" / "libreoffice-merged.odt") as source, \
            zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info.filename))
        target.writestr(part, b"<manifest:file-entry><manifest:encryption-data/>"
                        b"</manifest:file-entry>" if part.startswith("META") else b"<m/>")
    run = _check(path)
    assert run.code == 1 and said in run.stdout


def test_a_table_of_too_many_cells_stops_being_read_at_the_limit(tmp_path: Path) -> None:
    """Stored, not compressed: no bomb by its directory, but 250,000 cells."""
    base = tmp_path / "base.docx"
    make_docx(base, [Row("1", "T", "2022", ["Республика Беларусь"], "Да", [])])
    path = tmp_path / "cells.docx"
    row = b"<w:tr>" + b"<w:tc/>" * 100 + b"</w:tr>"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, source.read(info.filename))
        with z.open("word/document.xml", "w") as stream:
            stream.write(_OPEN + b"<w:body><w:tbl>")
            for _ in range(2500):
                stream.write(row)
            stream.write(b"</w:tbl></w:body></w:document>")
    run = _check(path)
    assert run.code == 1 and "the document has more than 200,000 table cells" in run.stdout
