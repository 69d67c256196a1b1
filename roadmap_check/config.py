"""The configuration file: ``roadmap-check.toml`` or ``[tool.roadmap-check]`` in pyproject.toml.

Found upward from the working directory (``--config PATH`` overrides), validated as a whole:
an unknown key or a bad value stops the run (exit 2) naming the file, the line and the key.
Every effective value remembers where it came from, for ``roadmap-check config``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import DEFAULT_TRUST, TRUST
from roadmap_check.i18n import Value, foreign, local
from roadmap_check.langs import LANGS

FILE_NAME = "roadmap-check.toml"
FAIL_ON = ("error", "warning", "info", "never")
LEVELS = ("error", "warning", "info")

DEFAULTS: dict[str, Any] = {
    "rules": [], "fail-on": "error", "select": None, "ignore": [], "min-coverage": None,
    "language": None, "exclude": [], "format": "terminal", "severity": {},
    "per-file-ignores": {}, "allow-rules-from": [],
    "max-per-code": 1000,  # findings of one check listed per file (limits.py); 0: all
    "columns": {},  # Word/Excel tables: column header -> road-map field (office/vocab.py)
    "unsafe-fixes": False,  # fix and check --fix apply the unsafe fixes too (fixing.py)
    "trust": DEFAULT_TRUST,  # the least sure facts a finding keeps its level on (findings.py)
}


@dataclass(eq=False)
class Setting:
    value: Any
    source: str  # "default", "command line", or "path:line"


@dataclass(eq=False)
class Config:
    path: Path | None
    settings: dict[str, Setting] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.settings[name].value

    def override(self, name: str, value: Any) -> None:
        """A command-line value; None means the option was not given."""
        if value is not None:
            self.settings[name] = Setting(value, "command line")


def discover(start: Path) -> Path | None:
    """The nearest roadmap-check.toml, or pyproject.toml with a [tool.roadmap-check] table."""
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            # [ \t]*, not \s*: \s takes line breaks too, and from every line start of a run
            # of blank lines would scan to its end (quadratic time).
            if re.search(r"^[ \t]*\[tool\.roadmap-check(?:\.[\w-]+)?\]", text, re.MULTILINE):
                return pyproject
    return None


def _line(text: str, key: str, table: str = "") -> int:
    """The line that sets ``key`` of the table ``table`` ("" for the top level of
    roadmap-check.toml, "tool.roadmap-check" in pyproject.toml): ``key = ...`` (or a dotted
    ``key.x = ...``) under that table's header, or the header ``[table.key]`` itself."""
    current = ""
    own = re.compile(rf"[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*[=.]")
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"[ \t]*\[\[?([^\]]*)\]", line)
        if header:
            current = ".".join(part.strip().strip("\"'") for part in header.group(1).split("."))
            if current == (f"{table}.{key}" if table else key):
                return number
        elif current == table and own.match(line):
            return number
    return 1


def load(path: Path | None) -> Config:
    config = Config(path, {name: Setting(value, "default") for name, value in DEFAULTS.items()})
    if path is None:
        return config
    if sys.version_info >= (3, 11):  # imported only when there is a config file to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise RoadmapCheckError.of("error.config_missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = {"en": str(exc), "ru": foreign("os", exc.strerror)["ru"]
                  if isinstance(exc, OSError) and exc.strerror else f"«{exc}»"}
        raise RoadmapCheckError.of("error.unreadable", path=str(path), reason=reason) from None
    except tomllib.TOMLDecodeError as exc:
        raise RoadmapCheckError.of("error.config_toml", path=str(path),
                                   problem=foreign("toml", str(exc))) from None
    except RecursionError:  # arrays or tables nested past what the parser can follow
        raise RoadmapCheckError.of("error.config_toml", path=str(path),
                                   problem=local("error.config_nested")) from None
    table = ""
    if path.name == "pyproject.toml":
        data = _table(_table(data, "tool", path, text), "roadmap-check", path, text, "tool.")
        table = "tool.roadmap-check"
    for key, value in data.items():
        where = f"{path}:{_line(text, key, table)}"
        if key not in DEFAULTS:
            from roadmap_check.fuzzy import closest_key

            close = closest_key(key.replace("_", "-"), list(DEFAULTS))
            if close:
                raise RoadmapCheckError.of("error.config_key_close", where=where, key=repr(key),
                                           close=repr(close))
            raise RoadmapCheckError.of("error.config_key", where=where, key=repr(key))
        config.settings[key] = Setting(_validate(key, value, where, path.parent), where)
    return config


def _table(data: dict[str, Any], key: str, path: Path, text: str,
           parent: str = "") -> dict[str, Any]:
    """``data[key]`` when it is a table (missing: an empty one); any other shape is an error."""
    value = data.get(key, {})
    if isinstance(value, dict):
        return value
    header = re.search(rf"^[ \t]*\[\[?[ \t]*{re.escape(parent + key)}[ \t]*\]", text, re.MULTILINE)
    line = text.count("\n", 0, header.start()) + 1 if header else _line(text, key)
    raise RoadmapCheckError.of("error.config_table", where=f"{path}:{line}", key=parent + key)


def _fail(where: str, key: str, message: str, **values: Value) -> RoadmapCheckError:
    return RoadmapCheckError.of(f"error.config_{message}", where=where, key=key, **values)


def _strings(key: str, value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise _fail(where, key, "strings")


def _resolved(codes: list[str]) -> set[str]:
    from roadmap_check.registry import resolve_codes

    return resolve_codes(",".join(codes))


def _codes(key: str, value: Any, where: str) -> list[str]:
    from roadmap_check.registry import UnknownCodeError, resolve_codes

    codes = _strings(key, value, where)
    try:
        resolve_codes(",".join(codes))
    except UnknownCodeError as exc:
        raise _fail(where, key, "code", code=repr(exc.code)) from None
    return codes


def _validate(key: str, value: Any, where: str, base: Path) -> Any:
    if key == "rules":
        return [str(base / spec) if spec.endswith((".yaml", ".yml")) or "/" in spec else spec
                for spec in _strings(key, value, where)]
    if key in ("select", "ignore"):
        codes = _codes(key, value, where)
        if key == "select" and not _resolved(codes):  # it would check nothing, and pass
            raise RoadmapCheckError.of("error.config_select_empty", where=where)
        return codes
    if key == "allow-rules-from":
        return [str(base / Path(folder).expanduser()) for folder in _strings(key, value, where)]
    if key == "exclude":
        return _strings(key, value, where)
    if key in ("fail-on", "language", "format", "trust"):
        allowed = {"fail-on": FAIL_ON, "language": LANGS, "format": None, "trust": TRUST}[key]
        if not isinstance(value, str) or (allowed and value not in allowed):
            if not allowed:
                raise _fail(where, key, "format")
            raise _fail(where, key, "one_of", values=", ".join(allowed))
        return value
    if key == "unsafe-fixes":
        if not isinstance(value, bool):
            raise RoadmapCheckError.of("error.config_bool", where=where, key=key)
        return value
    if key == "max-per-code":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RoadmapCheckError.of("error.config_count", where=where, key=key)
        return value
    if key == "min-coverage":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise _fail(where, key, "share")
        return float(value)
    if key == "severity":
        if not isinstance(value, dict):
            raise _fail(where, key, "severity")
        from roadmap_check.registry import CHECKS

        for code, level in value.items():
            if code not in CHECKS:
                raise _fail(where, f"severity.{code}", "no_code")
            if level not in LEVELS:
                raise _fail(where, f"severity.{code}", "one_of", values=", ".join(LEVELS))
        return dict(value)
    if key == "columns":
        from roadmap_check.office.vocab import IGNORE, ITEM_FIELDS

        names = (*ITEM_FIELDS, IGNORE)
        if not isinstance(value, dict) or not all(isinstance(v, str) and v in names
                                                  for v in value.values()):
            raise RoadmapCheckError.of("error.config_columns", where=where, key=key,
                                       fields=", ".join(names))
        return dict(value)
    if key == "per-file-ignores":
        if not isinstance(value, dict):
            raise _fail(where, key, "globs")
        return {glob: _codes(f"per-file-ignores.{glob}", codes, where)
                for glob, codes in value.items()}
    raise AssertionError(key)  # pragma: no cover - DEFAULTS and this function agree


def describe(config: Config, lang: str = "en") -> str:
    """The effective configuration as TOML that reads back to the same values (a value not
    set is a comment), each line saying where the value came from, in ``lang``."""
    from roadmap_check.i18n import t

    found = str(config.path) if config.path else t(lang, "config.none_found")
    lines = [f"# {t(lang, 'config.file', path=found)}"]
    sources = {"default": t(lang, "config.default"), "command line": t(lang, "config.cli")}
    for name in DEFAULTS:
        setting = config.settings[name]
        source = sources.get(setting.source, setting.source)
        if setting.value is None:
            lines.append(f"# {name} = {t(lang, 'config.not_set')}  # {source}")
        else:
            lines.append(f"{name} = {_toml(setting.value)}  # {source}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    import json

    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(value, ensure_ascii=False)
