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
    status: Text | None = None    # planned, in-progress, done, dropped (or a vocabulary word)
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
    # The markers for which the outline is complete although the whole of it is not
    # (``provisions_complete: ["strategic objective", "SO"]``): a provision cited with one of
    # them that the list lacks does not exist.
    complete_markers: list[str] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    editions: list[str] = field(default_factory=list)   # "11/2019", "R4", "2019" ...
    # Names and trigger terms of the reference data deliberately not used, each group with
    # why (``left_out:``); documentation only, read by the test that compares the two.
    left_out: list[tuple[tuple[str, ...], str]] = field(default_factory=list)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.id

    def names(self) -> list[str]:
        """Every name a citation may use, canonical titles first."""
        out = [self.id, *self.title.values()]
        for table in (self.short, self.aliases):
            for names in table.values():
                out.extend(names)
        return out

    def basis(self, fact: str) -> str | None:
        """How sure the rule set is of one of its facts (``adopted``, ``in_force_until``,
        ``title_en``, ``title_ru``, ``issuer``...) when a finding rests on it: "partial",
        "inferred" (an unknown one counts as inferred), or None for a fact seen in a source
        (or of no stated confidence)."""
        confidence = self.provenance.get(fact) or self.confidence
        if confidence in ("partial", "inferred"):
            return confidence
        return "inferred" if confidence == "unknown" else None


@dataclass(slots=True, eq=False, repr=False)
class Reference:
    """A document a road map may cite that is not a framework of the rule set (a standard, a
    law): an accepted reference raises nothing and counts for nothing in coverage."""

    ref: str                                    # the code or title, as the rule set writes it
    where: Where
    kind: str | None = None                     # one of REFERENCE_KINDS
    note: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    editions: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.ref, *self.aliases]


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


class Organisation(NamedTuple):
    """A body whose naming in a citation must agree with the framework's (CIS against EAEU)."""

    id: str
    short: tuple[str, ...] = ()   # abbreviations, one word each: "cis", "снг"
    names: tuple[str, ...] = ()   # written out, as patterns: "содружеств* независим* государств*"


# The kinds of reference a citation outside the rule set is recognised as (RM110) and an
# accepted reference may be given (``references:``); each has a label in the catalogue
# (``reference.kind.<id>``), and the vocabulary says how each is recognised.
REFERENCE_KINDS = (
    "iso-standard", "iec-standard", "european-standard", "national-standard",
    "itu-recommendation", "ieee-standard", "etsi-standard", "hl7-standard", "ihe-profile",
    "terminology", "classification", "standard", "national-law", "decree", "government-act",
    "ministry-order", "decision", "regulation", "draft-act", "national-programme",
)


class ReferenceKind(NamedTuple):
    """How a citation is recognised as a reference of one kind (RM110): patterns of words, as
    organisation names are written ('?' one letter, a final '*' the rest of a word)."""

    id: str
    codes: tuple[str, ...] = ()      # a standards body's prefix, then a code: "ISO", "ГОСТ Р"
    names: tuple[str, ...] = ()      # enough alone: "HL7", "SNOMED*", "GDPR", "проект* указ*"
    acts: tuple[str, ...] = ()       # a legal act, with a number or a date after it
    documents: tuple[str, ...] = ()  # with the name of a member state: "концепци*", "strategy"

    def merged(self, more: ReferenceKind) -> ReferenceKind:
        return ReferenceKind(self.id, _union(self.codes, more.codes),
                             _union(self.names, more.names), _union(self.acts, more.acts),
                             _union(self.documents, more.documents))


class Vocabulary(NamedTuple):
    """The domain vocabulary (``vocabulary.yaml``, extended by a rule set's ``vocabulary:``).

    Entries as written (the normaliser folds and stems them). ``extended`` is how a rule set
    adds to it: lists extend, mappings add their keys; an organisation already there gets the
    new short forms and names too, an abbreviation already there a new meaning.
    """

    stop_words: tuple[str, ...] = ()
    document_words: tuple[str, ...] = ()
    month_names: tuple[str, ...] = ()
    abbreviations: tuple[tuple[str, tuple[str, ...]], ...] = ()   # word -> the words it means
    organisations: tuple[Organisation, ...] = ()
    provision_markers: tuple[str, ...] = ()
    ongoing_words: tuple[str, ...] = ()
    russian_endings: tuple[str, ...] = ()
    lookalike_letters: tuple[tuple[str, str], ...] = ()    # Cyrillic letter -> Latin twin
    reference_kinds: tuple[ReferenceKind, ...] = ()
    # the words of dates in words, by kind: "month.1" ... "month.12", "ordinal.1" ...
    # "ordinal.4", "quarter", "half", "year", "filler", "by", "end", "from", "in", "to",
    # "recurring"
    date_words: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the values of an item's `status` by the status they mean: planned, in-progress, done,
    # dropped
    item_status: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the kinds of party a name is recognisably of, by the words that say so: company
    # ("LLC", "ООО"), national-body ("ministry", "министерство"), institution ("centre") ...
    party_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def extended(self, more: Vocabulary) -> Vocabulary:
        organisations = {o.id: o for o in self.organisations}
        for org in more.organisations:
            old = organisations.get(org.id)
            organisations[org.id] = org if old is None else Organisation(
                org.id, _union(old.short, org.short), _union(old.names, org.names))
        kinds = {k.id: k for k in self.reference_kinds}
        for kind in more.reference_kinds:
            old_kind = kinds.get(kind.id)
            kinds[kind.id] = kind if old_kind is None else old_kind.merged(kind)
        return Vocabulary(
            _union(self.stop_words, more.stop_words),
            _union(self.document_words, more.document_words),
            _union(self.month_names, more.month_names),
            tuple({**dict(self.abbreviations), **dict(more.abbreviations)}.items()),
            tuple(organisations.values()),
            _union(self.provision_markers, more.provision_markers),
            _union(self.ongoing_words, more.ongoing_words),
            _union(self.russian_endings, more.russian_endings),
            tuple({**dict(self.lookalike_letters), **dict(more.lookalike_letters)}.items()),
            tuple(kinds.values()),
            _merged(self.date_words, more.date_words),
            _merged(self.item_status, more.item_status),
            _merged(self.party_kinds, more.party_kinds))


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Both, in order, each once."""
    return tuple(dict.fromkeys((*first, *second)))


def _merged(first: tuple[tuple[str, tuple[str, ...]], ...],
            second: tuple[tuple[str, tuple[str, ...]], ...]
            ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Lists by key, the second's added to the first's."""
    out = dict(first)
    for key, words in second:
        out[key] = _union(out.get(key, ()), words)
    return tuple(out.items())


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
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # the built-in one, extended
    references: dict[str, Reference] = field(default_factory=dict)  # accepted, by their ref
    # parties it accepts without listing them (RM304 says nothing of them): by the kind a name
    # is recognisably of (the vocabulary's party_kinds), or by name
    accept_kinds: list[str] = field(default_factory=list)
    accept_names: list[str] = field(default_factory=list)

    def members(self, requirement: Requirement) -> list[str]:
        """The frameworks a requirement names: one, its ``any_of`` list, or its group."""
        if requirement.framework:
            return [requirement.framework]
        if requirement.group:
            return sorted(f.id for f in self.frameworks.values() if f.group == requirement.group)
        return list(requirement.any_of)
