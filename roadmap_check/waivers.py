"""The waivers stage: each item's ``waivers`` mark its findings waived (RM401-RM403)."""

from __future__ import annotations

from roadmap_check import dates
from roadmap_check.checks.base import INFO, NO_FIX, Check, E, Family, W
from roadmap_check.checks.citations import RM102
from roadmap_check.findings import Finding, Waived
from roadmap_check.i18n import msg, quoted
from roadmap_check.model import Item, Waiver
from roadmap_check.resolve import Resolved
from roadmap_check.roadmap_format import RM003

RM401 = Check("RM401", "waiver-without-reason", E, NO_FIX,
              ("rm401.no_reason", "rm401.no_reason.hint"))
RM402 = Check("RM402", "expired-waiver", W, NO_FIX, ("rm402.expired", "rm402.expired.hint"))
RM403 = Check("RM403", "unused-waiver", INFO, NO_FIX,
              ("rm403.unused", "rm403.unused_for", "rm403.unused.hint", "suppression.waiver"))
FAMILY = Family("waivers", (RM401, RM402, RM403))


def apply(r: Resolved, findings: list[Finding], known: frozenset[str],
          beyond: set[str] | None = None) -> list[Finding]:
    """Mark waived findings suppressed (in place); return RM003, RM102 and RM401-RM403.
    ``beyond``: the checks some of whose findings were beyond the cap (not kept), or that the
    run did not run (not selected): a waiver of one of them may be used by findings not seen
    here, so it is not called unused."""
    by_item: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.item is not None:
            by_item.setdefault(finding.item, []).append(index)
    extra: list[Finding] = []
    for item in r.roadmap.items:
        for waiver in item.waivers:
            extra.extend(_apply(r, item, waiver, findings, by_item.get(item.id, []), known,
                                beyond or set()))
    return extra


def _apply(r: Resolved, item: Item, waiver: Waiver, findings: list[Finding],
           indices: list[int], known: frozenset[str], beyond: set[str]) -> list[Finding]:
    where = (waiver.line, waiver.column)
    ident = item.id if item.id_text is not None else None
    if waiver.check is None:
        return []
    code = waiver.check.value.strip().upper()
    if code not in known:
        from roadmap_check.fuzzy import closest_key

        close = closest_key(code, sorted(known))
        return [RM003.at(r.path, waiver.check, msg("rm003.waiver_code",
                                                   value=repr(waiver.check.value)), item=ident,
                         hint=msg("hint.did_you_mean", name=close) if close else None)]
    if waiver.reason is None or not waiver.reason.value.strip():
        return [RM401.at(r.path, where, msg("rm401.no_reason", code=code), item=ident,
                         hint=msg("rm401.no_reason.hint"))]
    if waiver.until is not None:
        try:
            period = r.rules.dates.read(waiver.until.value)
        except dates.DateError:
            period = None
        until = period.end if period is not None else None
        if period is not None and until is not None and until < r.today:
            said = dates.spoken(period.form or waiver.until.value, "when")
            return [RM402.at(r.path, waiver.until, msg("rm402.expired", code=code,
                                                       until=said),
                             item=ident,
                             hint=msg("rm402.expired.hint"))]
    framework = None
    if waiver.framework is not None:
        framework = r.rules.citations.resolve_id(waiver.framework.value).framework
        if framework is None:
            return [RM102.at(r.path, waiver.framework, msg("rm102.waiver_framework",
                                                           value=quoted(waiver.framework.value)),
                             item=ident, hint=msg("hint.framework_id"))]
    used = False
    note = Waived("waiver", msg("suppression.waiver", reason=waiver.reason.value))
    for index in indices:
        finding = findings[index]
        if finding.code != code or (framework and finding.framework != framework):
            continue
        findings[index] = finding._replace(suppression=note)
        used = True
    if used or code in beyond:
        return []  # used, or it may waive a finding beyond the cap
    unused = msg("rm403.unused_for", code=code, framework=framework) if framework else \
        msg("rm403.unused", code=code)
    return [RM403.at(r.path, where, unused, item=ident, hint=msg("rm403.unused.hint"))]
