"""Load rule sets: follow ``extends``, layer them, and validate the whole once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from roadmap_check import ruleset_twins, vocabulary
from roadmap_check.errors import RoadmapCheckError, RuleSetError
from roadmap_check.model import Framework, Reference, Requirement, RuleSet, Thresholds
from roadmap_check.ruleset import ACCEPT_KEYS, THRESHOLD_KEYS, Data, Loader
from roadmap_check.ruleset_files import DEFAULT_RULESET, builtin_names, locate
from roadmap_check.severity import Severity
from roadmap_check.yaml_io import SequenceNode

_PUNCT = re.compile(r"[^\w\s]+")


def load(specs: list[str], base: Path | None = None, roots: tuple[Path, ...] = (),
         named_by_file: bool = False) -> RuleSet:
    """Layer the named rule sets (built-in names or paths) in order; raise RuleSetError.

    Where files may be read from: ``roots`` are the folders of the project (the config
    file's, those allowed by --allow-rules-from). Specs the user typed may be anywhere; specs
    a road map names (``named_by_file``) only under ``base`` (its folder) or the roots; the
    files a rule set ``extends`` only under the roots or beside the rule set it starts from.

    One built-in rule set (a built-in name is never a path) is read from its twin while the
    twin matches its files (``ruleset_twins.py``).
    """
    return load_indexed(specs, base, roots, named_by_file)[0]


def load_indexed(specs: list[str], base: Path | None = None, roots: tuple[Path, ...] = (),
                 named_by_file: bool = False) -> ruleset_twins.Twin:
    """``load``, with the tables its citation and trigger indexes make, when the twin of a
    built-in rule set holds them as the running code makes them; None: the indexes are to
    make them."""
    name = specs[0] if len(specs) == 1 else DEFAULT_RULESET if not specs else None
    if name is not None and name in builtin_names():
        found = ruleset_twins.read(name)
        if found is not None:
            return found
    return ruleset_twins.Twin(parse(specs, base, roots, named_by_file), None, None)


def parse(specs: list[str], base: Path | None = None, roots: tuple[Path, ...] = (),
          named_by_file: bool = False) -> RuleSet:
    """``load`` from the YAML of the rule sets, whatever twins they have."""
    from roadmap_check.registry import CHECKS

    loader = Loader()
    loader.codes = frozenset(CHECKS)
    ruleset = RuleSet(name="", sources=[], vocabulary=vocabulary.builtin())
    where = base or Path.cwd()
    reach = (where, *roots) if named_by_file else None
    for spec in specs or [DEFAULT_RULESET]:
        _layer(loader, ruleset, spec, where, reach, roots)
    _cross_check(loader, ruleset)  # on what did load, so every problem is reported at once
    if loader.problems:
        raise RuleSetError(loader.problems)
    return ruleset


@dataclass(eq=False)
class _Open:
    """A rule set read, whose parents are being layered before it is applied."""

    path: Path
    display: str
    ident: str
    data: Data
    parents: list[str]
    reach: tuple[Path, ...]      # where the files its 'extends' names may be
    next: int = 0


def _layer(loader: Loader, ruleset: RuleSet, spec: str, base: Path,
           reach: tuple[Path, ...] | None, roots: tuple[Path, ...]) -> None:
    """Layer ``spec`` and, first, what it extends, depth first; with a stack, not recursion,
    so that a chain of any length loads (each file is read once). ``reach``: the folders
    ``spec`` may be in (None: anywhere, a path the user typed); what a rule set extends may be
    under the roots or beside the rule set the chain starts from."""
    stack: list[_Open] = []
    on_stack: set[str] = set()
    pending: tuple[str, Path, str | None, tuple[Path, ...] | None] | None = \
        (spec, base, None, reach)
    while pending is not None or stack:
        if pending is not None:
            opened = _open(loader, ruleset, *pending, roots, on_stack)
            pending = None
            if opened is not None:
                stack.append(opened)
                on_stack.add(opened.ident)
            continue
        top = stack[-1]
        if top.next < len(top.parents):
            pending = (top.parents[top.next], top.path.parent, top.display, top.reach)
            top.next += 1
            continue
        stack.pop()
        on_stack.discard(top.ident)
        _apply(loader, ruleset, top.data)
        ruleset.sources.append(top.display)


def _open(loader: Loader, ruleset: RuleSet, spec: str, base: Path, referrer: str | None,
          reach: tuple[Path, ...] | None, roots: tuple[Path, ...],
          on_stack: set[str]) -> _Open | None:
    path, display = locate(spec, base, reach, referrer)
    ident = str(path.resolve())
    if ident in on_stack:
        raise RoadmapCheckError.of("error.extends_cycle", path=referrer or display, spec=spec)
    if display in ruleset.sources:
        return None
    data, extends = loader.read(path, display)
    if data is None:
        return None
    inner = (*(reach if reach is not None else roots), path.parent)
    return _Open(path, display, ident, data, extends, inner)


def _apply(loader: Loader, ruleset: RuleSet, data: Data) -> None:
    header = loader.mapping(data, "ruleset")
    if header is not None:
        header.where = "ruleset"
        ruleset.name = loader.text(header, "name") or ruleset.name
        ruleset.title = loader.by_lang(header, "title", many=False) or ruleset.title
        ruleset.version = loader.text(header, "version") or ruleset.version
    own: set[str] = set()
    for entry in loader.items(data, "frameworks"):
        framework = loader.framework(entry)
        if framework is None:
            continue
        if framework.id in own:
            loader.problem(entry.at("id"), f"{entry.where}.id", "framework_twice",
                           id=repr(framework.id))
        own.add(framework.id)
        ruleset.frameworks[framework.id] = framework
    for index, entry in enumerate(loader.items(data, "requirements")):
        requirement = loader.requirement(entry, index)
        if requirement is not None:
            ruleset.requirements = [r for r in ruleset.requirements if r.id != requirement.id]
            ruleset.requirements.append(requirement)
    for entry in loader.items(data, "parties"):
        party = loader.party(entry)
        if party is not None:
            ruleset.parties = [p for p in ruleset.parties if p.id != party.id] + [party]
    _references(loader, ruleset, data)
    severity = loader.mapping(data, "severity")
    if severity is not None:
        for code in severity.keys:
            level = loader.text(severity, code)
            if code not in loader.codes:
                loader.problem(severity.at(code), f"severity.{code}", "no_code")
            elif level is not None:
                try:
                    Severity.parse(level)
                    ruleset.severity[code] = level.lower()
                except ValueError:
                    loader.problem(severity.at(code), f"severity.{code}", "level",
                                   value=repr(level))
    words = data.values.get("vocabulary")
    if words is not None:  # the built-in vocabulary, or what the rule sets before made of it
        more, problems = vocabulary.read(words, data.path, "vocabulary", ruleset.vocabulary)
        loader.problems.extend(problems)
        ruleset.vocabulary = ruleset.vocabulary.extended(more)
    accept = loader.mapping(data, "accept_parties")
    if accept is not None:  # after the vocabulary: a kind may be one it adds
        _accept(loader, ruleset, accept)
    thresholds = loader.mapping(data, "thresholds")
    if thresholds is not None:
        loader.known(thresholds, THRESHOLD_KEYS)
        for name in THRESHOLD_KEYS:
            high = 1.0 if name == "min_coverage" else 100.0
            value = loader.number(thresholds, name, 0.0, high)
            if value is not None:
                setattr(ruleset.thresholds, name, value)


def _references(loader: Loader, ruleset: RuleSet, data: Data) -> None:
    """``references:``: accepted references, one line each; one this file gives again
    replaces the inherited one of the same name (in its place)."""
    node = data.values.get("references")
    if node is None:
        return
    if not isinstance(node, SequenceNode):
        loader.problem(data.at("references"), "references", "list")
        return
    own: dict[str, Reference] = {}
    by_form = {name_form(ref): ref for ref in ruleset.references}
    for index, entry in enumerate(node.value):
        reference = loader.reference(entry, f"references[{index}]", data.path)
        if reference is None:
            continue
        form = name_form(reference.ref)
        if form in own:
            loader.problem(reference.where, f"references[{index}]", "reference_twice",
                           ref=repr(reference.ref), other=repr(own[form].ref))
            continue
        own[form] = reference
        old = by_form.get(form)
        if old is not None and old != reference.ref:
            ruleset.references = {(reference.ref if k == old else k): (reference if k == old
                                                                         else v)
                                  for k, v in ruleset.references.items()}
        else:
            ruleset.references[reference.ref] = reference
        by_form[form] = reference.ref
def _accept(loader: Loader, ruleset: RuleSet, accept: Data) -> None:
    """``accept_parties: {kinds: [...], names: [...]}``: the parties accepted without a
    finding, by the kind of the vocabulary's ``party_kinds`` a name is of, or by name."""
    from roadmap_check.fuzzy import closest_key

    loader.known(accept, ACCEPT_KEYS)
    kinds = [kind for kind, _ in ruleset.vocabulary.party_kinds]
    for kind in loader.texts(accept, "kinds"):
        if kind in kinds:
            ruleset.accept_kinds.append(kind)
            continue
        close = closest_key(kind, kinds)
        loader.problem(accept.at("kinds"), f"{accept.where}.kinds", "no_kind", value=repr(kind),
                       allowed=", ".join(kinds), close=repr(close) if close else "-")
    ruleset.accept_names.extend(loader.texts(accept, "names"))


def name_form(name: str) -> str:
    """The form two names must not share across frameworks."""
    return " ".join(_PUNCT.sub(" ", name.casefold().replace("ё", "е")).split())


def _cross_check(loader: Loader, ruleset: RuleSet) -> None:
    frameworks = ruleset.frameworks
    owner: dict[str, Framework] = {}
    for framework in frameworks.values():
        for ref in [*framework.supersedes, framework.superseded_by]:
            if ref is not None and ref not in frameworks:
                loader.problem(framework.where, f"frameworks[{framework.id}]", "no_successor",
                               ref=repr(ref))
        for name in sorted({name_form(n) for n in framework.names()}):  # said in one order
            other = owner.get(name)
            if other is not None and other.id != framework.id:
                loader.problem(framework.where, f"frameworks[{framework.id}]", "shared_name",
                               name=repr(name), other=repr(other.id),
                               where=f"{other.where.path}:{other.where.line}")
            owner[name] = framework
    for reference in ruleset.references.values():
        for name in reference.names():
            other = owner.get(name_form(name))
            if other is not None:
                loader.problem(reference.where, "references", "reference_is_framework",
                               ref=repr(name), framework=repr(other.id))
    _check_complete(loader, ruleset)
    groups = {f.group for f in frameworks.values() if f.group}
    for requirement in ruleset.requirements:
        _check_requirement(loader, ruleset, requirement, groups)


def _check_complete(loader: Loader, ruleset: RuleSet) -> None:
    """The markers an outline is complete for are markers the framework or the vocabulary
    declares (a vocabulary marker is a pattern: "статья" is one of "стать?*")."""
    from roadmap_check.citation_parts import marker_atoms

    patterns = [re.compile("".join(marker_atoms(m)), re.IGNORECASE)
                for m in ruleset.vocabulary.provision_markers]
    for framework in ruleset.frameworks.values():
        own = {" ".join(m.casefold().split()) for m in framework.provision_markers}
        for marker in framework.complete_markers:
            folded = " ".join(marker.casefold().split())
            if folded not in own and not any(p.fullmatch(folded) for p in patterns):
                loader.problem(framework.where, f"frameworks[{framework.id}].provisions_complete",
                               "complete_marker", marker=repr(marker))


def _check_requirement(loader: Loader, ruleset: RuleSet, requirement: Requirement,
                       groups: set[str]) -> None:
    where = requirement.where
    key = f"requirements[{requirement.id}]"
    for ref in ([requirement.framework] if requirement.framework else requirement.any_of):
        framework = ruleset.frameworks.get(ref)
        if framework is None:
            loader.problem(where, key, "no_framework", ref=repr(ref))
        elif requirement.provision and not any(
                p.id == requirement.provision for p in framework.provisions):
            loader.problem(where, key, "no_provision", ref=repr(ref),
                           provision=repr(requirement.provision))
    if requirement.group is not None and requirement.group not in groups:
        loader.problem(where, key, "empty_group", group=repr(requirement.group))


def group_members(ruleset: RuleSet, requirement: Requirement) -> list[str]:
    return ruleset.members(requirement)


__all__ = ["Thresholds", "group_members", "load", "name_form"]
