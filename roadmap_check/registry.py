"""The registry: every check, from the declarations of the modules that find them.

Families in the order the engine runs them; ``CHECKS`` by code, in code order. ``checks``,
``explain``, the SARIF rules, the documentation pages and the meta-tests read this.
"""

from __future__ import annotations

from roadmap_check import baseline, roadmap_format, suppressions, waivers
from roadmap_check.checks import citations, coverage, parties, schedule, structure, subjects
from roadmap_check.checks.base import Check, Family

# Stages first (loading), then the checks over the resolved road map, then the later stages.
FAMILIES: tuple[Family, ...] = (
    roadmap_format.FAMILY, structure.FAMILY, citations.FAMILY, subjects.FAMILY, coverage.FAMILY,
    schedule.FAMILY, parties.FAMILY, waivers.FAMILY, suppressions.FAMILY, baseline.FAMILY,
)
CHECKS: dict[str, Check] = dict(sorted((c.code, c) for f in FAMILIES for c in f.checks))
RUNS: tuple[Family, ...] = tuple(f for f in FAMILIES if f.run is not None)


class UnknownCodeError(ValueError):
    """A code or prefix that names no check."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown check code {code!r}")
        self.code = code


def resolve_codes(spec: str) -> set[str]:
    """``RM1,RM201`` -> the codes; a prefix selects a group. Raises UnknownCodeError."""
    out: set[str] = set()
    for part in (p.strip().upper() for p in spec.split(",")):
        if not part:
            continue
        if part == "ALL":
            out.update(CHECKS)
            continue
        matched = {code for code in CHECKS if code.startswith(part)}
        if not matched or not part.startswith("RM"):
            raise UnknownCodeError(part)
        out.update(matched)
    return out


def by_name(name: str) -> Check | None:
    """A check by its code or its name (``RM201`` or ``missing-citation``)."""
    key = name.strip()
    found = CHECKS.get(key.upper())
    if found is None:
        found = next((c for c in CHECKS.values() if c.name == key.lower()), None)
    return found
