"""How a check is declared: once, with everything the rest of the program derives from it.

A ``Check`` names its code, name, default severity, whether its fix is safe, and the message
keys it says; its documentation (what it looks at, a failing and a passing example) is the file
``roadmap_check/checkdocs/<CODE>.yaml``. A ``Family`` groups the checks one function finds (one
pass over the road map finds them all) with that function. The registry, ``checks``,
``explain``, the SARIF rules, the documentation pages and the meta-tests are built from these
declarations. Findings made outside ``checks/`` (loading, waivers, inline suppressions, the
baseline) are declared the same way, by the stage that makes them, with no function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from roadmap_check.findings import Finding, Fix, Msg
from roadmap_check.model import Text
from roadmap_check.severity import Severity

if TYPE_CHECKING:
    from roadmap_check.resolve import Resolved

SAFE, UNSAFE, NO_FIX = "safe", "unsafe", "none"
# Fixes that rewrite what a citation or a name says: each is safe only if the new text keeps
# every specific of the old one (edits.rewrite_fix), else unsafe.
CHECKED = "checked"
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_new = tuple.__new__


class Check(NamedTuple):
    code: str
    name: str
    severity: Severity
    fix: str = NO_FIX            # safe | unsafe | checked | none: what its fixes do to the meaning
    messages: tuple[str, ...] = ()

    def at(self, path: str, where: Text | tuple[int, int], message: Msg, *,
           item: str | None = None, framework: str | None = None, hint: Msg | None = None,
           fix: Fix | None = None, subject: str | None = None,
           basis: str | None = None, fact: str = "") -> Finding:
        """A finding of this check at a value (whose text becomes its subject) or a position.
        ``basis``: how sure the rule set is of the ``fact`` the finding rests on (``partial``,
        ``inferred``; ``Framework.basis``), which its message then says (``basis.*``)."""
        if basis is not None:
            message = based(basis, fact, message)
        if isinstance(where, Text):
            line, column, end_line, end_column = where[1], where[2], where[3], where[4]
            if subject is None:
                subject = where[0]
        else:
            line, column = where
            end_line = end_column = 0
        return _new(Finding, (self.code, path, line, column, message, item, framework, hint, fix,
                              subject, self.severity, None, end_line, end_column, basis))

    def on(self, path: str, text: Text, message: Msg, item: str | None,
           framework: str | None = None, hint: Msg | None = None, fix: Fix | None = None,
           basis: str | None = None, severity: Severity | None = None) -> Finding:
        """A finding of this check at a value, its text the subject, as ``at`` makes it, but
        built positionally and with its message as it is: one resting on a ``basis`` already
        says so (``based``). For the checks that make a finding per citation or name, tens
        of thousands in a large draft. ``severity``: another than the check's own."""
        level = self.severity if severity is None else severity
        return _new(Finding, (self.code, path, text[1], text[2], message, item, framework, hint,
                              fix, text[0], level, None, text[3], text[4], basis))


@lru_cache(maxsize=4096)
def based(basis: str, fact: str, message: Msg) -> Msg:
    """A message with what the rule set's basis for its fact is. Its argument is the message
    rendered in every language; a draft repeats its findings' messages, so each distinct one
    is rendered once, not once per finding."""
    from roadmap_check.i18n import local, msg, rendered

    return msg(f"basis.{basis}", message=rendered(message), fact=local(f"fact.{fact}"))


Run = Callable[["Resolved"], Iterable[Finding]]


class Family(NamedTuple):
    """Checks found together, by ``run`` (None: made by a stage of the engine)."""

    name: str
    checks: tuple[Check, ...]
    run: Run | None = None
    # whether ``run`` reads the trigger terms found in the items' texts (``Resolved.terms``):
    # resolution scans every text for them only when a family of the run does
    terms: bool = False

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.checks)
