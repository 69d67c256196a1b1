"""The checks: each module yields findings for one family of codes from a shared Context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roadmap_check import dates
from roadmap_check.findings import Finding, Fix, finding
from roadmap_check.i18n import Msg
from roadmap_check.limits import DROPPED, Limiter
from roadmap_check.matching import CitationIndex, PartyIndex, Resolution
from roadmap_check.model import Citation, Item, Roadmap, RuleSet, Text
from roadmap_check.triggers import TriggerIndex

if TYPE_CHECKING:
    from roadmap_check.checks.coverage import Need


@dataclass(frozen=True, slots=True)
class Compiled:
    """A rule set with its matchers, built once per run (or per process)."""

    ruleset: RuleSet
    citations: CitationIndex
    parties: PartyIndex
    triggers: TriggerIndex
    # canonical citation texts by (framework, citation as written): drafts repeat them
    canonical: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def build(cls, ruleset: RuleSet) -> Compiled:
        return cls(ruleset, CitationIndex(ruleset), PartyIndex(ruleset), TriggerIndex(ruleset))


@dataclass(frozen=True, slots=True)
class Cited:
    """One citation of one item, resolved."""

    citation: Citation
    resolution: Resolution
    framework: str | None
    provision: str | None       # the provision id of the rule set, when it resolved
    provision_text: str | None  # the provision as written


@dataclass
class Context:
    roadmap: Roadmap
    compiled: Compiled
    as_of: dt.date               # the road map's date: what its content is judged against
    lang: str
    today: dt.date = field(default_factory=dt.date.today)  # the run's date: waiver expiry
    cited: dict[int, list[Cited]] = field(default_factory=dict)  # by item index
    needs: list[Need] | None = None  # the requirements and what covers them, once cited is known
    limiter: Limiter | None = None   # findings beyond the cap per check are only counted

    @property
    def ruleset(self) -> RuleSet:
        return self.compiled.ruleset

    @property
    def path(self) -> str:
        return self.roadmap.path

    def at(self, code: str, message: Msg, where: Text | tuple[int, int], *,
           item: Item | None = None, framework: str | None = None,
           suggestion: Msg | None = None, fix: Fix | None = None,
           key: str | None = None) -> Finding:
        """A finding at a value (whose text becomes its key) or at a position; beyond the cap
        of its check, ``DROPPED``, counted but not made."""
        if isinstance(where, Text):
            line, column = where.line, where.column
            key = where.value if key is None else key
        else:
            line, column = where
        if self.limiter is not None and not self.limiter.admit(code, line, column,
                                                               fix is not None):
            return DROPPED
        return finding(code, message, self.path, line, column,
                       item=item.id if item is not None and item.id_text is not None else None,
                       framework=framework, suggestion=suggestion, fix=fix, key=key)

    def period(self, value: Text | None) -> dates.Period | None:
        if value is None:
            return None
        try:
            return dates.parse(value.value)
        except dates.DateError:
            return None


Check = Callable[[Context], Iterable[Finding]]


def all_checks() -> list[Check]:
    from roadmap_check.checks import citations, coverage, parties, schedule, structure, subjects

    return [structure.check, citations.check, subjects.check, coverage.check, schedule.check,
            parties.check]
