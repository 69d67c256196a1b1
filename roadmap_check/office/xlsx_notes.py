"""Cell comments added to a .xlsx at the level of its parts: every byte of the workbook kept.

For each sheet that gets comments: a comments part (the texts, author "roadmap-check") and a
VML drawing (how Excel and LibreOffice show a note) are added, with their relationships; the
sheet's XML gets one ``<legacyDrawing>`` element, spliced in at its place in the schema's
order; ``[Content_Types].xml`` names the new parts. Nothing else changes. A sheet that has
comments or a VML drawing already is left to ``annotate``'s other way (openpyxl).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS = R + "/comments"
VML = R + "/vmlDrawing"
# Children of <worksheet> that come after <legacyDrawing> (ECMA-376, CT_Worksheet).
_AFTER = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
          "webPublishItems", "tableParts", "extLst")
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


class Unfit(Exception):
    """This workbook's sheet cannot take comments this way (it has some already)."""


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _splice_at(data: bytes, root_tag: str, before: tuple[str, ...]) -> int:
    """The byte index where a new last-but-``before`` child of the root goes: before the
    first child named in ``before``, else before the root's end tag."""
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = [0]
    found: list[int] = []

    def start(name: str, _: dict[str, str]) -> None:
        depth[0] += 1
        local = name.rsplit(" ", 1)[-1]
        if depth[0] == 2 and local in before and not found:
            found.append(parser.CurrentByteIndex)
        if depth[0] == 2 and local == "legacyDrawing":
            raise Unfit(root_tag)

    def end(name: str) -> None:
        if depth[0] == 1 and not found:
            found.append(parser.CurrentByteIndex)
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = lambda *_: (_ for _ in ()).throw(Unfit("dtd"))
    parser.Parse(data, True)
    return found[0]


def _next_id(rels: bytes) -> str:
    numbers = [int(n) for n in re.findall(rb'Id="rId(\d+)"', rels)]
    return f"rId{max(numbers, default=0) + 1}"


def _comments_xml(notes: dict[str, list[str]], author: str) -> bytes:
    body = "".join(f'<comment ref="{ref}" authorId="0"><text><r><t xml:space="preserve">'
                   f"{escape(_joined(texts))}</t></r></text></comment>"
                   for ref, texts in notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<comments xmlns="{S}"><authors><author>{escape(author)}</author></authors>'
            f"<commentList>{body}</commentList></comments>").encode()


def _joined(texts: list[str]) -> str:
    return "\n\n".join(texts)


def _vml(notes: dict[str, list[str]], shape_base: int) -> bytes:
    shapes = []
    for number, (ref, texts) in enumerate(notes.items()):
        found = _REF.match(ref)
        assert found is not None
        row = int(found.group(2)) - 1
        col = sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(found.group(1)))) - 1
        height = 40 + 60 * len(texts)
        shapes.append(
            f'<v:shape id="_x0000_s{shape_base + number}" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:80pt;margin-top:2pt;width:300pt;'
            f'height:{height}pt;z-index:{number + 1};visibility:hidden" fillcolor="#ffffe1" '
            f'o:insetmode="auto"><v:fill color2="#ffffe1"/>'
            f'<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
            f'<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>'
            f'</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/>'
            f"<x:SizeWithCells/><x:Anchor>{col + 1}, 15, {row}, 2, {col + 6}, 15, "
            f"{row + 4 + len(texts) * 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>")
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{shape_base // 1024}"/>'
            '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
            'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
            '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            + "".join(shapes) + "</xml>").encode("utf-8")


def add_notes(data: bytes, notes: dict[str, dict[str, list[str]]], author: str) -> bytes:
    """The workbook with the notes (sheet part -> cell -> texts) added; ``Unfit`` if a sheet
    has comments or a VML drawing already."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = set(source.namelist())
    changed: dict[str, bytes] = {}
    added: dict[str, bytes] = {}
    types = source.read("[Content_Types].xml")
    extra_types: list[str] = []
    if not re.search(rb'Extension="vml"', types, re.IGNORECASE):
        extra_types.append('<Default Extension="vml" '
                           'ContentType="application/vnd.openxmlformats-officedocument.'
                           'vmlDrawing"/>')
    number = 1
    for sheet, cells in notes.items():
        rels_name = _rels_name(sheet)
        rels = source.read(rels_name) if rels_name in names else \
            (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<Relationships xmlns="{PR}"></Relationships>').encode()
        if COMMENTS.encode() in rels or VML.encode() in rels:
            raise Unfit(sheet)
        while f"xl/comments{number}.xml" in names | set(added) or \
                f"xl/drawings/vmlDrawing{number}.vml" in names | set(added):
            number += 1
        comments_part = f"xl/comments{number}.xml"
        vml_part = f"xl/drawings/vmlDrawing{number}.vml"
        added[comments_part] = _comments_xml(cells, author)
        added[vml_part] = _vml(cells, 1024 * (number + 1) + 1)
        comments_id = _next_id(rels)
        vml_id = f"rId{int(comments_id[3:]) + 1}"
        folder = posixpath.dirname(sheet)
        entries = (f'<Relationship Id="{comments_id}" Type="{COMMENTS}" '
                   f'Target={quoteattr(posixpath.relpath(comments_part, folder))}/>'
                   f'<Relationship Id="{vml_id}" Type="{VML}" '
                   f'Target={quoteattr(posixpath.relpath(vml_part, folder))}/>').encode()
        at = rels.rindex(b"</Relationships>")
        changed[rels_name] = rels[:at] + entries + rels[at:]
        xml = source.read(sheet)
        where = _splice_at(xml, "worksheet", _AFTER)
        element = f'<legacyDrawing xmlns="{S}" xmlns:r="{R}" r:id="{vml_id}"/>'.encode()
        changed[sheet] = xml[:where] + element + xml[where:]
        extra_types.append(f'<Override PartName="/{comments_part}" ContentType="application/'
                           f'vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>')
        number += 1
    at = types.rindex(b"</Types>")
    changed["[Content_Types].xml"] = types[:at] + "".join(extra_types).encode() + types[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info, changed.get(info.filename, source.read(info.filename)))
        for name, part in added.items():
            copy.writestr(name, part)
        for name, part in changed.items():
            if name not in names:  # a sheet's relationships, made new
                copy.writestr(name, part)
    return out.getvalue()

