"""The explicit registry of checks: code, name, default severity, one-line summary.

The long documentation of each check (with a failing and a passing example) lives in
``checkdocs.yaml`` beside this file; ``roadmap-check explain CODE`` prints it, and the test
suite runs every example through the checker.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmap_check.findings import Severity


@dataclass(frozen=True, slots=True)
class CheckInfo:
    code: str
    name: str
    severity: Severity
    summary: str


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CHECKS: dict[str, CheckInfo] = {c.code: c for c in (
    CheckInfo("RM001", "yaml-syntax", E, "the file is not valid YAML, not UTF-8, or empty"),
    CheckInfo("RM002", "duplicate-key", E, "a mapping repeats a key"),
    CheckInfo("RM003", "bad-structure", E, "a required key is missing or a value has the wrong type"),
    CheckInfo("RM004", "unknown-key", W, "a key the format does not define"),
    CheckInfo("RM005", "duplicate-id", E, "two items share an id"),
    CheckInfo("RM006", "numeric-id", W, "an item id that YAML reads as a number"),
    CheckInfo("RM007", "unsafe-yaml", E, "non-standard tags, or aliases that expand past a limit"),
    CheckInfo("RM008", "unknown-ruleset", E, "roadmap.ruleset names a rule set that cannot be found"),
    CheckInfo("RM101", "no-citation", E, "an item cites nothing"),
    CheckInfo("RM102", "unknown-framework", E, "a citation resolves to no framework of the rule set"),
    CheckInfo("RM103", "ambiguous-citation", W, "a citation matches two or more frameworks"),
    CheckInfo("RM104", "unknown-provision", E, "the cited provision does not exist"),
    CheckInfo("RM105", "non-canonical-citation", INFO, "resolved only via an alias, typo or loose form"),
    CheckInfo("RM106", "expired-framework", W, "the cited framework expires before the item is due"),
    CheckInfo("RM107", "not-yet-in-force", W, "the cited framework is adopted after the road map's date"),
    CheckInfo("RM108", "duplicate-citation", INFO, "one framework and provision cited twice in an item"),
    CheckInfo("RM201", "missing-citation", W, "the item touches a framework's subject, uncited"),
    CheckInfo("RM202", "uncovered-framework", E, "a required framework is cited by no item"),
    CheckInfo("RM203", "uncovered-provision", W, "a required provision is cited by no item"),
    CheckInfo("RM204", "coverage-below-minimum", E, "the covered share of requirements is below the minimum"),
    CheckInfo("RM301", "bad-date", E, "a date matches none of the accepted forms, or is not a real date"),
    CheckInfo("RM302", "outside-period", W, "a start or deadline falls outside roadmap.period"),
    CheckInfo("RM303", "start-after-deadline", E, "an item starts after its deadline"),
    CheckInfo("RM304", "unknown-party", W, "a party is not among the rule set's known parties"),
    CheckInfo("RM305", "unknown-dependency", E, "depends_on names an id that no item has"),
    CheckInfo("RM306", "dependency-cycle", E, "items depend on each other in a cycle"),
    CheckInfo("RM307", "dependency-order", W, "an item is due before an item it depends on"),
    CheckInfo("RM308", "past-deadline", W, "a draft has an item due before the road map's date"),
    CheckInfo("RM309", "near-duplicate-item", W, "two items have nearly the same title"),
    CheckInfo("RM310", "ongoing-item", INFO, "an item is ongoing: it has no deadline to check"),
    CheckInfo("RM401", "waiver-without-reason", E, "a waiver has no reason"),
    CheckInfo("RM402", "expired-waiver", W, "a waiver's until has passed"),
    CheckInfo("RM403", "unused-waiver", INFO, "a waiver suppresses nothing"),
    CheckInfo("RM404", "suppression-without-reason", W, "an inline suppression gives no reason"),
    CheckInfo("RM405", "unused-suppression", INFO, "an inline suppression suppresses nothing"),
    CheckInfo("RM406", "stale-baseline-entry", INFO, "a baseline entry no longer occurs"),
)}


class UnknownCodeError(ValueError):
    """A code or prefix that names no check."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown check code {code!r}")
        self.code = code


def resolve_codes(spec: str) -> set[str]:
    """``RM1,RM201`` -> the codes; a prefix selects a group. Raises ValueError if unknown."""
    out: set[str] = set()
    for part in (p.strip().upper() for p in spec.split(",")):
        if not part:
            continue
        if part in ("ALL",):
            out.update(CHECKS)
            continue
        matched = {code for code in CHECKS if code.startswith(part)}
        if not matched or not part.startswith("RM"):
            raise UnknownCodeError(part)
        out.update(matched)
    return out
