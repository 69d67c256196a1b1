"""The documentation of each check (``checkdocs/<CODE>.yaml``), and ``explain``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import t
from roadmap_check.langs import DEFAULT
from roadmap_check.registry import CHECKS, by_name


@dataclass(frozen=True)
class CheckDoc:
    code: str
    data: dict[str, Any]

    def summary(self, lang: str) -> str:
        return _in(self.data.get("summary"), lang)

    def doc(self, lang: str) -> str:
        return _in(self.data.get("doc"), lang)

    def example(self, kind: str, lang: str = DEFAULT) -> str | None:
        """``fail`` or ``pass``: a complete road map, in ``lang`` (a Russian road map for
        ``ru``)."""
        return _in(self.data.get(kind), lang) or None

    @property
    def rules(self) -> str | None:
        return self.data.get("rules")

    @property
    def baseline(self) -> str | None:
        return self.data.get("baseline")

    @property
    def args(self) -> list[str]:
        return [str(a) for a in self.data.get("args") or []]


def _in(value: object, lang: str) -> str:
    """The text of ``value`` in ``lang``: a value keyed by language, or one text for all."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(DEFAULT) or "")
    return str(value or "")


@cache
def check_docs(code: str) -> CheckDoc:
    """The documentation of one check (every declared check has one: a test sees to it)."""
    from roadmap_check.yaml_io import load_data

    folder = resources.files("roadmap_check.checkdocs")
    text = (folder / f"{code}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_data(text)
    return CheckDoc(code, data)


def documented() -> list[str]:
    """The codes that have a documentation file."""
    folder = resources.files("roadmap_check.checkdocs")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.startswith("RM")
                  and p.name.endswith(".yaml"))


def explain(name: str, lang: str = DEFAULT) -> str:
    """A check's documentation, by code or name, with its failing and passing examples."""
    check = by_name(name)
    if check is None:
        from roadmap_check.fuzzy import closest_key

        wanted = name.strip()
        close = closest_key(wanted.upper(), list(CHECKS)) or \
            closest_key(wanted.lower(), [c.name for c in CHECKS.values()])
        if close:
            raise RoadmapCheckError.of("error.no_check_close", name=repr(wanted), close=close)
        raise RoadmapCheckError.of("error.no_check", name=repr(wanted))
    doc = check_docs(check.code)
    fix = t(lang, f"explain.fix.{check.fix}")
    out = [t(lang, "explain.heading", code=check.code, name=check.name,
             severity=t(lang, f"term.label.{check.severity.label}").strip(), fix=fix), "",
           doc.doc(lang).strip(), ""]
    if doc.rules:
        out += [t(lang, "explain.rules"), "",
                *("    " + line for line in doc.rules.rstrip().splitlines()), ""]
    if doc.baseline:
        out += [t(lang, "explain.baseline"), "",
                *("    " + line for line in doc.baseline.rstrip().splitlines()), ""]
    if doc.args:
        out += [t(lang, "explain.args", args=" ".join(doc.args)), ""]
    for kind in ("fail", "pass"):
        example = doc.example(kind, lang)
        if example:
            out += [t(lang, f"explain.{kind}"), "",
                    *("    " + line for line in example.rstrip().splitlines()), ""]
    return "\n".join(out)
