"""RM202-RM204: required frameworks and provisions that no item cites."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.checks.base import NO_FIX, Check, E, Family, W
from roadmap_check.checks.citations import RM102
from roadmap_check.findings import Finding
from roadmap_check.i18n import bare, msg, per_lang, percent, quoted
from roadmap_check.report import Need
from roadmap_check.resolve import Resolved

RM202 = Check("RM202", "uncovered-framework", E, NO_FIX, (
    "rm202.framework", "rm202.framework.hint", "rm202.group", "rm202.group.hint"))
RM203 = Check("RM203", "uncovered-provision", W, NO_FIX,
              ("rm203.provision", "rm203.provision.hint"))
RM204 = Check("RM204", "coverage-below-minimum", E, NO_FIX,
              ("rm204.coverage", "rm204.coverage.hint"))


def share(found: tuple[Need, ...] | list[Need]) -> float:
    return sum(n.covered for n in found) / len(found) if found else 1.0


def check(r: Resolved) -> Iterator[Finding]:
    path = r.path
    header = (r.roadmap.line, r.roadmap.column)
    for text, fid in r.requires:
        if fid is None:
            yield RM102.at(path, text, msg("rm102.requires", value=quoted(text.value)),
                           hint=msg("hint.framework_id"))
    frameworks = r.rules.ruleset.frameworks
    for need in r.needs:
        if need.covered:
            continue
        if need.kind == "provision":
            fid = need.members[0]
            yield RM203.at(path, header, msg("rm203.provision", provision=str(need.provision),
                                             framework=fid), framework=fid,
                           hint=msg("rm203.provision.hint", provision=str(need.provision),
                                    framework=fid), subject=need.id)
        elif need.kind == "framework":
            fid = need.members[0]
            title = per_lang(frameworks[fid].title_in)
            yield RM202.at(path, header, msg("rm202.framework", framework=fid, title=title),
                           framework=fid, hint=msg("rm202.framework.hint"), subject=need.id)
        else:
            members = ", ".join(need.members)
            yield RM202.at(path, header, msg("rm202.group", id=bare(need.id),
                                             at_least=need.at_least, members=members,
                                             covered=len(need.covered_by)),
                           hint=msg("rm202.group.hint", members=members), subject=need.id)
    minimum = r.rules.ruleset.thresholds.min_coverage
    covered = share(r.needs)
    if r.needs and covered < minimum:
        yield RM204.at(path, header, msg("rm204.coverage", covered=percent(covered),
                                         minimum=percent(minimum)),
                       hint=msg("rm204.coverage.hint"))


FAMILY = Family("coverage", (RM202, RM203, RM204), check)
