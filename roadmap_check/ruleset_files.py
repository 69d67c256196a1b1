"""Where rule sets are: the built-in ones shipped with the package, and a file named on the
command line or by a rule set's ``extends``, refused when it is outside the folders a rule set
may be read from or is no rule set at all."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from roadmap_check.errors import RoadmapCheckError

DEFAULT_RULESET = "cis-telemedicine"


@lru_cache(maxsize=1)
def builtin_folder() -> Path:
    """Installed: the ``roadmap_check.rules`` package; from a source tree: ``rules/``. The
    package's folder as the import system finds it, without importing ``importlib.resources``
    (which took 3 ms of a 20-item check, measured)."""
    from importlib.util import find_spec

    spec = find_spec("roadmap_check.rules")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent
        if folder.is_dir():
            return folder
    return Path(__file__).resolve().parent.parent / "rules"


def builtin_names() -> list[str]:
    return list(_builtins())


@lru_cache(maxsize=1)
def _builtins() -> tuple[str, ...]:
    """Listed once a run: every file of an ``extends`` chain is looked up here first."""
    folder = builtin_folder()
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")))


# A top-level ``ruleset:`` key, in block style or in a flow (JSON-like) document.
_RULESET_KEY = re.compile(rb"""(?m)^["']?ruleset["']?[ \t]*:|\A\s*\{.*?["']?ruleset["']?\s*:""",
                          re.DOTALL)


def locate(spec: str, base: Path, reach: tuple[Path, ...] | None = None,
            by: str | None = None) -> tuple[Path, str]:
    """The file of a rule set: a built-in name, or a path relative to ``base``.

    ``reach``: the folders the file must be in once '~', '..' and symbolic links are followed
    (None: anywhere, for a path the user typed); checked before anything of the file is
    looked at, so a refusal tells nothing of what is there. ``by``: the rule set whose
    'extends' names it. A file without a top-level 'ruleset:' key is refused too, without a
    word of its content: whatever it holds, it is not echoed as "unknown keys".
    """
    if spec in _builtins():
        return builtin_folder() / f"{spec}.yaml", f"<built-in {spec}>"
    said = f"{by}: ruleset.extends: {spec}" if by else spec
    try:
        candidate = base / Path(spec).expanduser()
    except RuntimeError:  # '~user' of no such user: the name as it is
        candidate = base / spec
    if reach is not None and not _within(candidate, reach):
        raise RoadmapCheckError.of("error.ruleset_outside", spec=said)
    if candidate.is_file():
        display = str(candidate if not candidate.is_relative_to(Path.cwd())
                      else candidate.relative_to(Path.cwd()))
        if not _looks_like_ruleset(candidate):
            raise RoadmapCheckError.of("error.not_a_ruleset", path=display)
        return candidate, display
    if spec.endswith((".yaml", ".yml")) or "/" in spec:
        raise RoadmapCheckError.of("error.no_ruleset_file", spec=said)
    raise RoadmapCheckError.of("error.no_builtin_ruleset", spec=said,
                               names=", ".join(builtin_names()))


def _within(path: Path, folders: tuple[Path, ...]) -> bool:
    try:
        real = path.resolve()
        return any(real.is_relative_to(folder.resolve()) for folder in folders)
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder: not in reach
        return False


def _looks_like_ruleset(path: Path) -> bool:
    try:
        return _RULESET_KEY.search(path.read_bytes()) is not None
    except OSError:
        return True  # unreadable: the loader says so, with the reason
