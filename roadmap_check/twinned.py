"""The package's YAML files that have JSON twins (``twins.py``), and how each is parsed;
``python -m roadmap_check.twinned`` writes the twins again after their YAML was edited."""

from __future__ import annotations

from importlib import resources

from roadmap_check import twins
from roadmap_check.i18n import parse_catalog
from roadmap_check.vocabulary import parse_file

PARSERS: dict[str, twins.Parse] = {"messages.yaml": parse_catalog, "vocabulary.yaml": parse_file}


def write() -> list[str]:
    """Write every twin that differs from what its YAML makes; the names of those written."""
    folder = resources.files("roadmap_check")
    changed = []
    for name, parse in PARSERS.items():
        path = folder / twins.twin_name(name)
        text = twins.written(name, parse)
        try:
            old = path.read_text(encoding="utf-8")
        except OSError:
            old = None
        if old != text:
            with resources.as_file(path) as real:
                real.write_text(text, encoding="utf-8")
            changed.append(twins.twin_name(name))
    return changed


if __name__ == "__main__":
    for each in write():
        print(f"wrote roadmap_check/{each}")
