"""The road map and the rule set as plain typed records, each value with its position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class Text(NamedTuple):
    """A string from a file with its 1-based position and the span of its scalar."""

    value: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0
    style: str | None = None  # None (plain), '"', "'", '|' or '>'
    flow: bool = False  # inside a flow collection ([...] or {...})


class Citation(NamedTuple):
    raw: Text                     # the free text, or the `framework:` value of a mapping
    provision: Text | None = None  # the `provision:` of a mapping citation
    mapping: bool = False


class Waiver(NamedTuple):
    check: Text | None
    framework: Text | None
    reason: Text | None
    until: Text | None
    line: int
    column: int


@dataclass(slots=True, eq=False, repr=False)
class Item:
    id: str
    line: int
    column: int
    id_text: Text | None = None
    title: Text | None = None
    description: Text | None = None
    outcome: Text | None = None
    section: Text | None = None
    # Sequences, empty by default without a list of their own: a road map may have a million
    # items, and six empty lists each would be a third of its memory.
    responsible: Sequence[Text] = ()
    participants: Sequence[Text] = ()
    start: Text | None = None
    deadline: Text | None = None
    indicators: Sequence[Text] = ()
    depends_on: Sequence[Text] = ()
    cites: Sequence[Citation] = ()
    waivers: Sequence[Waiver] = ()


@dataclass(slots=True, eq=False, repr=False)
class Roadmap:
    path: str
    line: int = 1
    column: int = 1
    id: Text | None = None
    title: Text | None = None
    version: Text | None = None
    status: Text | None = None
    date: Text | None = None
    period: Text | None = None
    language: Text | None = None
    ruleset: Text | None = None
    requires: list[Text] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


# ----------------------------------------------------------------------------- rule sets


class Where(NamedTuple):
    """A place in a rule-set file, for messages and document-level findings."""

    path: str
    line: int
    column: int


@dataclass(slots=True, eq=False, repr=False)
class Provision:
    id: str
    title: dict[str, str]
    aliases: list[str]
    required: bool
    where: Where
    confidence: str | None = None
    triggers: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True, eq=False, repr=False)
class Framework:
    id: str
    title: dict[str, str]
    where: Where
    kind: str | None = None
    group: str | None = None
    short: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    issuer: dict[str, str] = field(default_factory=dict)
    adopted: str | None = None
    in_force_until: str | None = None
    supersedes: list[str] = field(default_factory=list)
    superseded_by: str | None = None
    successor_note: dict[str, str] = field(default_factory=dict)
    amended_by: list[dict[str, str]] = field(default_factory=list)
    required: bool = False
    confidence: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    source: list[tuple[str, str | None]] = field(default_factory=list)  # (url, kind)
    notes: str | None = None
    triggers: dict[str, list[str]] = field(default_factory=dict)
    provision_markers: list[str] = field(default_factory=list)
    provisions_complete: bool = True
    provisions: list[Provision] = field(default_factory=list)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.id

    def names(self) -> list[str]:
        """Every name a citation may use, canonical titles first."""
        out = [self.id, *self.title.values()]
        for table in (self.short, self.aliases):
            for names in table.values():
                out.extend(names)
        return out


@dataclass(slots=True, eq=False, repr=False)
class Requirement:
    """Frameworks a road map must cite: one framework, one provision, or a group."""

    id: str
    where: Where
    framework: str | None = None
    provision: str | None = None
    any_of: list[str] = field(default_factory=list)
    group: str | None = None
    at_least: int = 1
    title: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, eq=False, repr=False)
class Party:
    id: str
    kind: str
    names: dict[str, list[str]]
    where: Where


@dataclass(slots=True, eq=False, repr=False)
class Thresholds:
    citation_cutoff: float = 86.0
    party_cutoff: float = 85.0
    ambiguity_margin: float = 4.0
    near_duplicate: float = 92.0
    min_coverage: float = 0.0


@dataclass(slots=True, eq=False, repr=False)
class RuleSet:
    name: str
    sources: list[str]
    title: dict[str, str] = field(default_factory=dict)  # by language; en, else the first
    version: str | None = None
    frameworks: dict[str, Framework] = field(default_factory=dict)
    requirements: list[Requirement] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)

    def members(self, requirement: Requirement) -> list[str]:
        """The frameworks a requirement names: one, its ``any_of`` list, or its group."""
        if requirement.framework:
            return [requirement.framework]
        if requirement.group:
            return sorted(f.id for f in self.frameworks.values() if f.group == requirement.group)
        return list(requirement.any_of)
