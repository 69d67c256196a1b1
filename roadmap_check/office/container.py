"""The container of a Word or Excel file: what kind it is, and its parts read safely.

A .docx or .xlsx is a zip of XML parts. What comes in may be anything: an old binary
.doc/.xls (an OLE2 compound file), a password-protected document (an OLE2 file holding an
``EncryptedPackage``), a macro-enabled one, a zip bomb, XML with entity tricks. So:

- the kind is told from the bytes, never from the name alone;
- the central directory is checked before a byte is decompressed: at most ``MAX_ENTRIES``
  entries, each part read at most ``MAX_PART`` bytes, all of them at most ``MAX_TOTAL``, no
  part that decompresses more than ``MAX_RATIO`` times its size (a bomb); ``zipfile`` stops
  a part at the size its directory declares, so what is read is bounded whatever it holds;
- XML is parsed by expat as a stream (never a whole tree), a document type declaration is
  refused (no entities, internal or external, and no network), and nothing is ever run.

Every refusal is an ``OfficeError``: a message key and its values, said by the caller as a
finding (``check``) or a one-line error (``convert``, ``--annotate``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

from roadmap_check.i18n import Value, foreign

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 10_000
MAX_PART = 64 * 2**20      # bytes of one part, decompressed
MAX_TOTAL = 1024 * 2**20   # bytes of all parts, as declared
MAX_RATIO = 200            # decompressed/compressed, for a part over 1 MiB
_CHUNK = 1 << 16
_CONTENT_TYPES = "[Content_Types].xml"
_DOCX_MAIN = "word/document.xml"
_XLSX_MAIN = "xl/workbook.xml"
_MACRO_TYPES = (b"macroEnabled", b"vbaProject")


class OfficeError(Exception):
    """A file that cannot be read as a Word or Excel road map: a message key and values."""

    def __init__(self, key: str, /, **values: Value) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def kind_of(data: bytes, name: str) -> str | None:
    """``"docx"``/``"xlsx"`` for a zip that holds a Word/Excel document, ``"ole2"`` for an
    OLE2 compound file, ``"zip"`` for another zip, None for anything else (YAML text). Only
    the first bytes are looked at; ``name`` tells a zip's kind before it is opened."""
    if data.startswith(OLE2_MAGIC):
        return "ole2"
    if not data.startswith(ZIP_MAGIC):
        return None
    lowered = name.lower()
    for suffix, kind in ((".docx", "docx"), (".docm", "docx"), (".xlsx", "xlsx"),
                         (".xlsm", "xlsx")):
        if lowered.endswith(suffix):
            return kind
    return "zip"


def ole2_error(data: bytes, name: str) -> OfficeError:
    """Why an OLE2 file cannot be read: a password-protected document, or a Word 97-2003
    (.doc) or Excel 97-2003 (.xls) one."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return OfficeError("office.encrypted")
    if "WordDocument".encode("utf-16-le") in data or name.lower().endswith(".doc"):
        return OfficeError("office.legacy_doc")
    if any(s.encode("utf-16-le") in data for s in ("Workbook", "Book")) or \
            name.lower().endswith(".xls"):
        return OfficeError("office.legacy_xls")
    return OfficeError("office.ole2")


@dataclass
class Package:
    """An opened .docx/.xlsx whose directory passed the checks."""

    zip: zipfile.ZipFile
    kind: str  # docx | xlsx | odt | ods

    def has(self, name: str) -> bool:
        try:
            self.zip.getinfo(name)
        except KeyError:
            return False
        return True

    def chunks(self, name: str) -> Iterator[bytes]:
        """A part's bytes, a chunk at a time, never more than ``MAX_PART`` in all."""
        total = 0
        try:
            with self.zip.open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_PART:
                        raise OfficeError("office.too_large", part=name,
                                          limit=str(MAX_PART // 2**20))
                    yield chunk
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
            raise OfficeError("office.corrupt", reason=foreign("zip", str(exc))) from None

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def parse(self, name: str, start: Callable[[str, dict[str, str]], None],
              end: Callable[[str], None], text: Callable[[str], None] | None = None) -> None:
        """Stream a part's XML to the handlers (names ``"namespace local"``)."""
        parser = _parser(name)
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            for chunk in self.chunks(name):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise OfficeError("office.bad_xml", part=name, line=str(exc.lineno),
                              reason=foreign("expat", expat.ErrorString(exc.code) or str(exc))
                              ) from None


def _parser(name: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise OfficeError("office.dtd", part=name)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def open_package(data: bytes, name: str) -> Package:
    """The file as a package whose directory passed the checks, or an ``OfficeError``."""
    kind = kind_of(data, name)
    if kind == "ole2":
        raise ole2_error(data, name)
    if kind is None:
        raise OfficeError("office.not_office")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise OfficeError("office.corrupt", reason=foreign("zip", str(exc))) from None
    _check_directory(infos)
    names = {info.filename for info in infos}
    if _DOCX_MAIN in names:
        found = "docx"
    elif _XLSX_MAIN in names:
        found = "xlsx"
    elif "mimetype" in names and "content.xml" in names:
        return _odf(Package(archive, "odf"), names)
    else:
        raise OfficeError("office.not_office")
    package = Package(archive, found)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or (
            _CONTENT_TYPES in names and any(m in package.read(_CONTENT_TYPES)
                                             for m in _MACRO_TYPES)):
        raise OfficeError("office.macros", suffix=".docx" if found == "docx" else ".xlsx")
    return package


_ODF_KINDS = {b"application/vnd.oasis.opendocument.text": "odt",
              b"application/vnd.oasis.opendocument.spreadsheet": "ods"}


def _odf(package: Package, names: set[str]) -> Package:
    """An OpenDocument text or spreadsheet; not a presentation, an encrypted one, nor one
    with macros (Basic or scripts)."""
    kind = _ODF_KINDS.get(package.read("mimetype")[:100].strip())
    if kind is None:
        raise OfficeError("office.not_office")
    if "META-INF/manifest.xml" in names and \
            b"encryption-data" in package.read("META-INF/manifest.xml"):
        raise OfficeError("office.encrypted")
    if any(n.startswith(("Basic/", "Scripts/")) for n in names):
        raise OfficeError("office.odf_macros")
    package.kind = kind
    return package


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a bomb by what the central directory declares, before anything is read."""
    if len(infos) > MAX_ENTRIES:
        raise OfficeError("office.bomb", reason=f"{len(infos)} entries")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise OfficeError("office.encrypted")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 2**20 and ratio > MAX_RATIO:
            raise OfficeError("office.bomb", reason=f"{info.filename}: {ratio:.0f}:1")
    if total > MAX_TOTAL:
        raise OfficeError("office.bomb", reason=f"{total // 2**20} MiB")
