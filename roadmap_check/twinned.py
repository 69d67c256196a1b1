"""The package's YAML files that have JSON twins (``twins.py``), and how each is parsed, and
the built-in rule sets' twins (``ruleset_twins.py``); ``python -m roadmap_check.twinned``
writes the twins again after their YAML (or the code that reads it) was edited."""

from __future__ import annotations

from pathlib import Path

from roadmap_check import ruleset_twins, rulesets, twins
from roadmap_check.files import write_atomically
from roadmap_check.i18n import parse_catalog
from roadmap_check.ruleset_files import builtin_folder, builtin_names
from roadmap_check.vocabulary import parse_file

PARSERS: dict[str, twins.Parse] = {"messages.yaml": parse_catalog, "vocabulary.yaml": parse_file}


def ruleset_twin(name: str) -> str:
    """The text of the twin of the built-in rule set ``name`` as its YAML makes it now."""
    return ruleset_twins.written(name, rulesets.parse([name]))


def write() -> list[str]:
    """Write every twin that differs from what its YAML makes; the names of those written
    (the package's first, then the rule sets', which are made with the vocabulary)."""
    folder = Path(str(twins.package_folder()))
    changed = []
    for name, parse in PARSERS.items():
        if _write(folder / twins.twin_name(name), twins.written(name, parse)):
            changed.append(f"roadmap_check/{twins.twin_name(name)}")
    for name in builtin_names():
        path = builtin_folder() / f"{name}.json"
        if _write(path, ruleset_twin(name)):
            changed.append(f"{path.parent.name}/{path.name}")
    return changed


def _write(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it holds it already; whether it was written."""
    try:
        old = path.read_text(encoding="utf-8")
    except OSError:
        old = None
    if old == text:
        return False
    write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    return True


if __name__ == "__main__":
    for each in write():
        print(f"wrote {each}")
