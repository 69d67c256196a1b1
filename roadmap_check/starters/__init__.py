"""``roadmap-check init``: starter files, written from the templates in this package.

A starter's first line points yaml-language-server (VS Code's YAML extension and other
editors) at the JSON Schema, which ``init`` writes beside it unless a file of that name is
there already: completion and validation work as soon as the starter is opened.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import foreign


def write_starter(output: Path | None, lang: str, ruleset: str | None) -> Path:
    """Write a starter road map (or rule set) that never overwrites; return its path."""
    if ruleset is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", ruleset):
        raise RoadmapCheckError.of("error.ruleset_name", name=repr(ruleset))
    target = output or Path(f"{ruleset}.yaml" if ruleset else "roadmap.yaml")
    starter = "ruleset.yaml" if ruleset else f"roadmap-{lang}.yaml"
    text = (resources.files("roadmap_check.starters") / starter).read_text(encoding="utf-8")
    today = dt.date.today()
    for key, value in {"{today}": today.isoformat(), "{year}": str(today.year),
                       "{year_next}": str(today.year + 1), "{year_end}": str(today.year + 3),
                       "{name}": ruleset or "", "{filename}": target.name}.items():
        text = text.replace(key, value)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise RoadmapCheckError.of("error.exists", path=str(target)) from None
    except OSError as exc:
        raise RoadmapCheckError.of("error.cannot_write", path=str(target),
                                   reason=foreign("os", str(exc.strerror))) from None
    return target


def write_schema_beside(target: Path, ruleset: str | None) -> Path | None:
    """The schema the starter's first line names, beside it; None if that file exists."""
    name = "ruleset" if ruleset else "roadmap"
    path = target.parent / f"{name}.schema.json"
    text = (resources.files("roadmap_check.schemas") / path.name).read_text(encoding="utf-8")
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        return None
    except OSError as exc:
        raise RoadmapCheckError.of("error.cannot_write", path=str(path),
                                   reason=foreign("os", str(exc.strerror))) from None
    return path
