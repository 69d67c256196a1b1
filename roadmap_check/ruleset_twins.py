"""The built-in rule sets read fast: each beside a JSON twin of it as loaded and validated.

Loading the default rule set parses two YAML files (140 KB) and validates every framework,
name, marker and trigger of them: 14 ms of a 20-item check of 200 ms (measured). Its twin,
``rules/NAME.json`` beside ``rules/NAME.yaml``, written by ``python -m roadmap_check.twinned``,
holds the rule set as ``rulesets.load`` made it, so a run only reads JSON. As the package's
other twins (``twins.py``), it is trusted only while it matches what it was made from: its
first line gives the stamp (``twins.stamp``) of every file the rule set was made of (the YAML
of each rule set of its ``extends`` chain, and the built-in vocabulary) and of its second line,
the data. A twin that does not match, cannot be read or does not have the shape of a rule set
is ignored and the YAML is parsed: a stale or damaged twin costs time, never a finding.

A twin also holds the tables the citation index makes of the rule set (``CitationTables``:
13 ms of a 20-item check, measured) and those of the trigger index (``TriggerTables``: 9 ms),
with the stamp of the code that made them and of the
Unicode data it folded names with: they are used only while that code and data are the ones
running, and only by the engine, which builds its index from the rule set it has just read.
``tests/test_twins.py`` keeps the twins fresh.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from roadmap_check import twins, vocabulary
from roadmap_check.model import (
    Framework,
    Party,
    Provision,
    Reference,
    Requirement,
    RuleSet,
    Thresholds,
    Where,
)
from roadmap_check.ruleset_files import builtin_folder, builtin_names

if TYPE_CHECKING:
    from roadmap_check.matching import CitationTables
    from roadmap_check.triggers import TriggerTables

_BUILTIN = "<built-in {}>"  # how a built-in rule set is named in the sources of a rule set
# What a twin that is not one can raise while it is read into a rule set
_UNREADABLE = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError)
# The modules whose code makes the citation and trigger indexes' tables of a rule set
# (matching.py's ``CitationIndex._index``, with the provision forms and markers of
# citation_parts.py, and triggers.py's ``_tables``, with the normaliser, the patterns and the
# frameworks' names)
_INDEX_CODE = ("matching.py", "citation_parts.py", "triggers.py", "normalize.py", "patterns.py",
               "model.py")


class Twin(NamedTuple):
    ruleset: RuleSet
    citations: CitationTables | None  # None: made by other code than this (or unreadable)
    triggers: TriggerTables | None    # the same


def load(name: str, folder: Path | None = None) -> RuleSet | None:
    """The built-in rule set ``name`` (or the one of that name in ``folder``) from its twin;
    None when it has none that matches its files, which are then to be parsed."""
    found = read(name, folder)
    return found.ruleset if found is not None else None


def read(name: str, folder: Path | None = None) -> Twin | None:
    """``load``, with the citation index's tables when the code that made them is the one
    running."""
    folder = folder if folder is not None else builtin_folder()
    try:
        head, _, body = (folder / f"{name}.json").read_bytes().partition(b"\n")
        body = body.rstrip(b"\r\n")  # the data is one line: its end as the file has it
        stamps = json.loads(head)
        if stamps["data"] != twins.stamp(body) or stamps["vocabulary"] != _vocabulary_stamp():
            return None
        made_of = stamps["sources"]
        if not made_of or made_of[-1][0] != name:  # the chain ends with the rule set itself
            return None
        for source, stamp in made_of:
            if twins.stamp((folder / f"{source}.yaml").read_bytes()) != stamp:
                return None
        data = json.loads(body)
        ruleset = _ruleset(data["ruleset"], [_BUILTIN.format(source) for source, _ in made_of])
    except _UNREADABLE:
        return None
    citations = triggers = None
    if stamps.get("code") == _code_stamp():
        with contextlib.suppress(*_UNREADABLE):
            citations = _citations(data["citations"])
        with contextlib.suppress(*_UNREADABLE):
            triggers = _triggers(data["triggers"])
    return Twin(ruleset, citations, triggers)


def written(name: str, ruleset: RuleSet) -> str:
    """The text of the twin of the built-in rule set ``name``, ``ruleset`` being what its YAML
    makes now; ValueError for a rule set made of other files than built-in ones."""
    from roadmap_check.matching import CitationIndex
    from roadmap_check.triggers import TriggerIndex

    folder = builtin_folder()
    made_of = []
    for source in ruleset.sources:
        own = source.removeprefix("<built-in ").removesuffix(">")
        if source != _BUILTIN.format(own) or own not in builtin_names():
            raise ValueError(f"{name}: {source} is no built-in rule set")
        made_of.append([own, twins.stamp((folder / f"{own}.yaml").read_bytes())])
    tables = CitationIndex(ruleset).tables
    body = json.dumps({"ruleset": _data(ruleset), "citations": _citations_data(tables),
                       "triggers": _triggers_data(TriggerIndex(ruleset).tables)},
                      ensure_ascii=False, separators=(",", ":"))
    head = json.dumps({"sources": made_of, "vocabulary": _vocabulary_stamp(),
                       "code": _code_stamp(), "data": twins.stamp(body.encode("utf-8"))},
                      separators=(",", ":"))
    return f"{head}\n{body}\n"


def _vocabulary_stamp() -> str:
    """The stamp of the built-in vocabulary, which a rule set extends (and is checked with)."""
    return twins.stamp((twins.package_folder() / "vocabulary.yaml").read_bytes())


def _code_stamp() -> str:
    """The stamp of the code that makes the citation index's tables, and the version of the
    Unicode data it folds and matches names with."""
    folder = twins.package_folder()
    code = b"".join((folder / module).read_bytes() for module in _INDEX_CODE)
    return f"{twins.stamp(code)}-unicode-{unicodedata.unidata_version}"


def _data(ruleset: RuleSet) -> dict[str, Any]:
    """A rule set as plain data: each record a mapping of its fields (its sources left out:
    the twin names them); the vocabulary None when it is the built-in one."""
    data: dict[str, Any] = _plain(ruleset)
    del data["sources"]
    data["vocabulary"] = None if ruleset.vocabulary == vocabulary.builtin() else \
        vocabulary.to_data(ruleset.vocabulary)
    return data


def _citations_data(tables: CitationTables) -> dict[str, Any]:
    """The tables as plain data, in one order whatever the order they were made in (the index
    only looks things up in them): sets as sorted lists, codes as [letters, number, ids]."""
    return {"canonical": dict(sorted(tables.canonical.items())),
            "by_words": {words: sorted(ids) for words, ids in sorted(tables.by_words.items())},
            "numbers": {fid: sorted(found) for fid, found in sorted(tables.numbers.items())},
            "orgs": {fid: sorted(found) for fid, found in sorted(tables.orgs.items())},
            "codes": {fid: sorted(found) for fid, found in sorted(tables.codes.items())},
            "by_code": sorted([letters, number, sorted(ids)]
                              for (letters, number), ids in tables.by_code.items()),
            "provisions": {fid: dict(sorted(forms.items()))
                           for fid, forms in sorted(tables.provisions.items())}}


def _citations(data: dict[str, Any]) -> CitationTables:
    from roadmap_check.matching import CitationTables

    if data.keys() != set(CitationTables._fields):
        raise ValueError("not a citation index's tables")
    return CitationTables(
        canonical=dict(data["canonical"]),
        by_words={words: set(ids) for words, ids in data["by_words"].items()},
        numbers={fid: frozenset(found) for fid, found in data["numbers"].items()},
        orgs={fid: frozenset(found) for fid, found in data["orgs"].items()},
        codes={fid: frozenset(found) for fid, found in data["codes"].items()},
        by_code={(letters, number): set(ids) for letters, number, ids in data["by_code"]},
        provisions={fid: dict(forms) for fid, forms in data["provisions"].items()})


def _triggers_data(tables: TriggerTables) -> list[list[Any]]:
    """The terms in the index's order (the scan's pattern is made in it): each as its text,
    its frameworks (sorted), its atoms and its runs."""
    return [[term.text, sorted(term.frameworks), list(atoms), list(runs)]
            for term, atoms, runs in zip(*tables, strict=True)]


def _triggers(data: list[list[Any]]) -> TriggerTables:
    from roadmap_check.triggers import Term, TriggerTables

    terms, atoms, runs = [], [], []
    for text, frameworks, term_atoms, term_runs in data:
        if not (isinstance(text, str) and term_atoms and all(
                isinstance(each, str) for each in (*frameworks, *term_atoms, *term_runs))):
            raise ValueError("not a trigger index's tables")
        terms.append(Term(text, frozenset(frameworks)))
        atoms.append(tuple(term_atoms))
        runs.append(tuple(term_runs))
    return TriggerTables(terms, atoms, runs)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _record(cls: type, data: dict[str, Any], **shaped: Any) -> Any:
    """``cls`` of its fields' data, those not plain JSON given as ``shaped``; a mapping of
    other fields than the record's is no twin of it (ValueError)."""
    if data.keys() != {f.name for f in fields(cls)}:
        raise ValueError(f"not a {cls.__name__}")
    return cls(**{**data, **shaped})


def _where(data: list[Any]) -> Where:
    path, line, column = data
    return Where(path, line, column)


def _provision(data: dict[str, Any]) -> Provision:
    record: Provision = _record(Provision, data, where=_where(data["where"]))
    return record


def _framework(data: dict[str, Any]) -> Framework:
    record: Framework = _record(
        Framework, data, where=_where(data["where"]),
        source=[(url, kind) for url, kind in data["source"]],
        left_out=[(tuple(terms), reason) for terms, reason in data["left_out"]],
        provisions=[_provision(p) for p in data["provisions"]])
    return record


def _ruleset(data: dict[str, Any], sources: list[str]) -> RuleSet:
    words = data["vocabulary"]
    record: RuleSet = _record(
        RuleSet, {**data, "sources": sources}, sources=sources,
        frameworks={key: _framework(f) for key, f in data["frameworks"].items()},
        requirements=[_record(Requirement, r, where=_where(r["where"]))
                      for r in data["requirements"]],
        parties=[_record(Party, p, where=_where(p["where"])) for p in data["parties"]],
        thresholds=_record(Thresholds, data["thresholds"]),
        vocabulary=vocabulary.builtin() if words is None else vocabulary.from_data(words),
        references={key: _record(Reference, r, where=_where(r["where"]))
                    for key, r in data["references"].items()})
    return record
