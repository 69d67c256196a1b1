"""Package data read fast: a YAML file of the package beside its JSON twin.

People edit YAML (``messages.yaml``, ``vocabulary.yaml``), and parsing it costs every run
milliseconds (the catalogue: some 20 ms, a tenth of a small check). Each such file has a JSON
twin, written by ``python -m roadmap_check.twins``, that holds the data and the CRC-32 and
length of the YAML it was made from. A twin that does not match its YAML (the YAML was edited
and the twin not written again), or that cannot be read, is ignored and the YAML is parsed:
a stale twin costs time, never correctness. ``tests/test_twins.py`` keeps them fresh.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

Parse = Callable[[bytes, str], Any]  # the YAML's bytes and its display name -> JSON-able data


def package_folder() -> Traversable:
    """The package's folder: a plain path when it is one (installed or a source tree), else
    what ``importlib.resources`` makes of it (a zip); that module is imported only then, as
    importing it took 3 ms of a 20-item check (measured)."""
    here = Path(__file__).parent
    if not here.is_dir():  # pragma: no cover - a package run from a zip
        from importlib import resources

        return resources.files("roadmap_check")
    return here


def stamp(source: bytes) -> str:
    """What identifies a YAML file's content: its CRC-32 and its length."""
    return f"{zlib.crc32(source):08x}-{len(source)}"


def twin_name(name: str) -> str:
    return name.rsplit(".", 1)[0] + ".json"


def load(name: str, parse: Parse, folder: Traversable | None = None) -> Any:
    """The data of the package's YAML file ``name`` (or of one in ``folder``): from its twin
    when the twin matches it, else ``parse`` of the YAML."""
    folder = folder if folder is not None else package_folder()
    source = (folder / name).read_bytes()
    try:
        twin = json.loads((folder / twin_name(name)).read_bytes())
        if isinstance(twin, dict) and twin.get("source") == stamp(source):
            return twin["data"]
    except (OSError, ValueError):
        pass
    return parse(source, str(folder / name))


def written(name: str, parse: Parse) -> str:
    """The text of the twin of ``name`` as its YAML is now."""
    folder = package_folder()
    source = (folder / name).read_bytes()
    data = parse(source, str(folder / name))
    return json.dumps({"source": stamp(source), "data": data}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True) + "\n"
