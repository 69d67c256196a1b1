"""The office commands: ``convert`` a file either way, and write an ``--annotate`` copy.

Each reads its input once, refuses what it cannot do with a one-line error (exit 2) and
writes only the file it is asked for, atomically (a temporary file beside it, then renamed),
never over its input.
"""

from __future__ import annotations

import os
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.files import write_atomically
from roadmap_check.findings import Finding
from roadmap_check.i18n import Value, rendered
from roadmap_check.model import Roadmap
from roadmap_check.office.container import OfficeError
from roadmap_check.office.read import Settings
from roadmap_check.suppressions import Suppression

YAML_SUFFIXES = (".yaml", ".yml")
OFFICE_SUFFIXES = (".docx", ".xlsx")           # written and read
READ_SUFFIXES = (*OFFICE_SUFFIXES, ".odt", ".ods")  # read only


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def office_error(path: Path, error: OfficeError) -> RoadmapCheckError:
    from roadmap_check.i18n import msg

    return RoadmapCheckError.of("error.office", path=str(path),
                                reason=rendered(msg(error.key, **error.values)))


# What the model leaves out of a YAML road map, and so a table would not say.
_DROPPED = {"RM002", "RM004"}
_DROPPED_SHAPES = {"rm003.item_kind", "rm003.key_kind", "rm003.single", "rm003.entry_single",
                   "rm003.value_or_list", "rm003.cites_kind", "rm003.citation_kind",
                   "rm003.waivers_kind", "rm003.waiver_kind"}


def _nothing_lost(source: Path, roadmap: Roadmap | None, structural: list[Finding],
                  comments: list[Suppression]) -> None:
    """Refuse a YAML road map whose table would not say everything it says: a value the
    model leaves out (an unknown or repeated key, a value of the wrong shape), a suppression
    comment, a waiver that is no one line (its reason over several lines keeps its words)."""
    from roadmap_check.i18n import local

    lost: list[tuple[int, Value]] = [
        (f.line, rendered(f.message)) for f in structural
        if f.code in _DROPPED or f.message[0] in _DROPPED_SHAPES]
    for item in roadmap.items if roadmap is not None else []:
        lost.extend((w.line, local("office.lost_waiver")) for w in item.waivers
                    if any(t is not None and "\n" in t.value
                           for t in (w.check, w.framework, w.until)))
    lost.extend((c.line, local("office.lost_comment")) for c in comments)
    if lost:
        line, problem = min(lost, key=lambda pair: pair[0])
        raise RoadmapCheckError.of("error.convert_loses", path=str(source), line=line,
                                   problem=problem, count=len(lost))


def convert(source: Path, target: Path, lang: str | None, settings: Settings,
            environ: dict[str, str]) -> int:
    """Convert ``source`` to ``target`` (by their suffixes); the number of items written."""
    from roadmap_check import office
    from roadmap_check.files import read_or_fail
    from roadmap_check.i18n import choose_lang
    from roadmap_check.office.container import open_package

    data = read_or_fail(source, str(source))
    if office.sniff(data):  # an old, encrypted or macro-enabled file says so first
        try:
            open_package(data, str(source))
        except OfficeError as exc:
            raise office_error(source, exc) from None
    kinds = (source.suffix.lower(), target.suffix.lower())
    if not ((kinds[0] in READ_SUFFIXES and kinds[1] in YAML_SUFFIXES)
            or (kinds[0] in YAML_SUFFIXES and kinds[1] in OFFICE_SUFFIXES)):
        raise RoadmapCheckError.of("error.convert_kinds", source=str(source), target=str(target))
    if same_file(source, target):
        raise RoadmapCheckError.of("error.output_is_input", option="--output",
                                   path=str(target), input=str(source))
    if kinds[0] in READ_SUFFIXES:
        from roadmap_check.office.convert import to_yaml
        from roadmap_check.office.read import read

        reading = read(data, str(source), settings)
        if reading.roadmap is None:
            reason = reading.findings[0].message
            raise RoadmapCheckError.of("error.convert_no_roadmap", path=str(source),
                                       reason=rendered(reason))
        roadmap_lang = reading.roadmap.language.value if reading.roadmap.language else None
        said = choose_lang(lang, roadmap_lang, environ)
        text = to_yaml(reading, said)
        write_atomically(target, lambda path: path.write_text(text, encoding="utf-8"))
        return len(reading.roadmap.items)
    from roadmap_check import reading as yaml_reading
    from roadmap_check.fuzzy import closest_key
    from roadmap_check.loading import build
    from roadmap_check.office.convert import write

    parsed = yaml_reading.read(data, str(source))
    if parsed.root is None:
        raise RoadmapCheckError.of("error.convert_no_roadmap", path=str(source),
                                   reason=rendered(parsed.findings[0].message))
    roadmap, structural = build(parsed.root, str(source), closest_key, parsed.source)
    _nothing_lost(source, roadmap, structural, parsed.suppressions)
    if roadmap is None:
        raise RoadmapCheckError.of("error.convert_no_roadmap", path=str(source),
                                   reason=rendered(("rm003.no_roadmap", ())))
    said = choose_lang(lang, roadmap.language.value if roadmap.language else None, environ)
    write_atomically(target, lambda path: write(roadmap, said, path))
    return len(roadmap.items)
