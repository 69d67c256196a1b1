"""RM202-RM204: required frameworks and provisions that no item cites."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from roadmap_check.checks import Context
from roadmap_check.findings import Finding
from roadmap_check.i18n import msg, per_lang
from roadmap_check.model import Requirement, Where
from roadmap_check.rulesets import group_members


@dataclass(frozen=True, slots=True)
class Need:
    """One thing the road map must cover, and whether it does."""

    id: str
    kind: str                  # framework | provision | group
    members: tuple[str, ...]
    provision: str | None
    at_least: int
    covered_by: tuple[str, ...]
    where: Where | None        # where a rule set declares it; None: roadmap.requires

    @property
    def covered(self) -> bool:
        return len(self.covered_by) >= self.at_least


def needs(ctx: Context) -> list[Need]:
    """What the road map must cover and what covers it (worked out once per run)."""
    if ctx.needs is None:
        ctx.needs = _needs(ctx)
    return ctx.needs


def _needs(ctx: Context) -> list[Need]:
    ruleset = ctx.ruleset
    cited: set[str] = set()
    provisions: set[tuple[str, str]] = set()
    for entries in ctx.cited.values():
        for entry in entries:
            if entry.framework:
                cited.add(entry.framework)
                if entry.provision:
                    provisions.add((entry.framework, entry.provision))
    requirements: list[Requirement] = list(ruleset.requirements)
    declared = {(r.framework, r.provision) for r in requirements if r.framework}
    for framework in ruleset.frameworks.values():
        if framework.required and (framework.id, None) not in declared:
            requirements.append(Requirement(framework.id, framework.where, framework.id))
        for provision in framework.provisions:
            if provision.required and (framework.id, provision.id) not in declared:
                requirements.append(Requirement(f"{framework.id}/{provision.id}",
                                                provision.where, framework.id, provision.id))
    out: list[Need] = []
    for requirement in requirements:
        members = tuple(group_members(ruleset, requirement))
        if requirement.provision:
            fid = members[0]
            hit: tuple[str, ...] = (fid,) if (fid, requirement.provision) in provisions else ()
            out.append(Need(requirement.id, "provision", members, requirement.provision, 1, hit,
                            requirement.where))
        else:
            hit = tuple(m for m in members if m in cited)
            kind = "framework" if requirement.framework else "group"
            out.append(Need(requirement.id, kind, members, None, requirement.at_least, hit,
                            requirement.where))
    known = {n.members[0] for n in out if n.kind == "framework"}
    for text in ctx.roadmap.requires:
        found = text.value if text.value in ruleset.frameworks else \
            ctx.compiled.citations.resolve(text.value).framework
        if found and found not in known:
            fid = found
            known.add(fid)
            out.append(Need(fid, "framework", (fid,), None, 1,
                            (fid,) if fid in cited else (), None))
    return out


def share(found: list[Need]) -> float:
    return sum(n.covered for n in found) / len(found) if found else 1.0


def check(ctx: Context) -> Iterator[Finding]:
    header = (ctx.roadmap.line, ctx.roadmap.column)
    for text in ctx.roadmap.requires:
        if text.value not in ctx.ruleset.frameworks and \
                ctx.compiled.citations.resolve(text.value).framework is None:
            yield ctx.at("RM102", msg("rm102.requires", value=repr(text.value)), text,
                         suggestion=msg("hint.framework_id"))
    found = needs(ctx)
    for need in found:
        if need.covered:
            continue
        where = header
        frameworks = ctx.ruleset.frameworks
        if need.kind == "provision":
            fid = need.members[0]
            yield ctx.at("RM203", msg("rm203.provision", provision=str(need.provision),
                                      framework=fid), where, framework=fid,
                         suggestion=msg("rm203.provision.hint", provision=str(need.provision),
                                        framework=fid), key=need.id)
        elif need.kind == "framework":
            fid = need.members[0]
            title = per_lang(frameworks[fid].title_in)
            yield ctx.at("RM202", msg("rm202.framework", framework=fid, title=title), where,
                         framework=fid, suggestion=msg("rm202.framework.hint"), key=need.id)
        else:
            members = ", ".join(need.members)
            yield ctx.at("RM202", msg("rm202.group", id=repr(need.id), at_least=need.at_least,
                                      members=members, covered=len(need.covered_by)), where,
                         suggestion=msg("rm202.group.hint", members=members), key=need.id)
    minimum = ctx.ruleset.thresholds.min_coverage
    covered = share(found)
    if found and covered < minimum:
        yield ctx.at("RM204", msg("rm204.coverage", covered=f"{covered:.0%}",
                                  minimum=f"{minimum:.0%}"), header,
                     suggestion=msg("rm204.coverage.hint"))
