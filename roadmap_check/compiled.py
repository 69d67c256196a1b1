"""A rule set with its matchers, built once per run (or per worker process) and only read."""

from __future__ import annotations

from typing import NamedTuple

from roadmap_check.dates import DateReader
from roadmap_check.matching import CitationIndex, CitationTables
from roadmap_check.model import RuleSet
from roadmap_check.normalize import Normalizer
from roadmap_check.party_index import PartyIndex
from roadmap_check.report import FrameworkInfo, RuleSetInfo, Source
from roadmap_check.triggers import TriggerIndex, TriggerTables


class Compiled(NamedTuple):
    ruleset: RuleSet
    citations: CitationIndex
    parties: PartyIndex
    triggers: TriggerIndex
    normalizer: Normalizer       # of the rule set's vocabulary: shared by the three indexes
    dates: DateReader            # dates as drafters write them, with the same vocabulary

    @classmethod
    def build(cls, ruleset: RuleSet, citations: CitationTables | None = None,
              triggers: TriggerTables | None = None) -> Compiled:
        """``citations``, ``triggers``: the tables of the citation and trigger indexes of this
        very rule set, if known (a built-in rule set's twin holds them)."""
        normalizer = Normalizer(ruleset.vocabulary)
        return cls(ruleset, CitationIndex(ruleset, normalizer, citations),
                   PartyIndex(ruleset, normalizer),
                   TriggerIndex(ruleset, normalizer, triggers), normalizer,
                   DateReader(ruleset.vocabulary))

    def info(self, shown: set[str]) -> RuleSetInfo:
        """The rule set as a report tells it: the frameworks in ``shown`` in full."""
        ruleset = self.ruleset
        frameworks = tuple(
            FrameworkInfo(f.id, tuple(sorted(f.title.items())), f.group, f.kind, f.adopted,
                          f.in_force_until, f.confidence, tuple(sorted(f.provenance.items())),
                          tuple(Source(url, kind) for url, kind in f.source),
                          tuple((lang, names[0]) for lang, names in sorted(f.short.items())
                                if names))
            for f in ruleset.frameworks.values() if f.id in shown)
        return RuleSetInfo(ruleset.name, tuple(sorted(ruleset.title.items())), ruleset.version,
                           tuple(ruleset.sources), frameworks, len(ruleset.frameworks))
