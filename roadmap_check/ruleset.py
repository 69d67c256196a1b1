"""One rule-set file read and validated, each problem with its file, line and key (``rulesets``
follows ``extends`` and layers the files; ``ruleset_files`` finds them)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from roadmap_check import dates
from roadmap_check.errors import Problem
from roadmap_check.findings import Msg
from roadmap_check.i18n import Value, msg
from roadmap_check.langs import LANGS
from roadmap_check.model import (
    REFERENCE_KINDS,
    Framework,
    Party,
    Provision,
    Reference,
    Requirement,
    Where,
)
from roadmap_check.patterns import LETTERS
from roadmap_check.triggers import MAX_TRIGGER_LENGTH, MAX_TRIGGER_WILDCARDS
from roadmap_check.yaml_io import MappingNode, Node, ScalarNode, SequenceNode, compose, pos

# The shapes of ids, names and trigger terms, matched through re's cache: compiled only when a
# rule set is validated, which a run reading it from its twin never does (compiling the three
# took 0.6 ms of a 20-item check, measured).
ID = r"^[a-z0-9][a-z0-9.\-]*$"
NAME = r"^[a-z0-9][a-z0-9\-]*$"
CONFIDENCE = ("seen", "partial", "inferred", "unknown")
PARTY_KINDS = ("state", "body", "collective")
SOURCE_KINDS = ("official", "legal-database", "news", "secondary")
SOURCE_KEYS = ("url", "kind")
# A trigger term (docs/rulesets.md): words of letters, digits, '.', '-' and apostrophes, with
# '*' and '?'; it starts with a letter or digit, has no '**', and no word of wildcards only.
# schemas/ruleset.schema.json states the same pattern (a test holds them equal).
TRIGGER = (rf"^(?!.*\*\*)(?!.*\s[*?]+(?:\s|$))[{LETTERS}0-9][{LETTERS}0-9.*?'’\- ]*$")

TOP_KEYS = ("ruleset", "frameworks", "requirements", "parties", "severity", "thresholds",
            "vocabulary", "references", "accept_parties")
ACCEPT_KEYS = ("kinds", "names")
HEADER_KEYS = ("name", "title", "description", "version", "extends")
FRAMEWORK_KEYS = ("id", "kind", "group", "title", "short", "aliases", "issuer", "adopted",
                  "in_force_until", "supersedes", "superseded_by", "successor_note", "amended_by",
                  "required", "confidence", "provenance", "source", "notes", "triggers",
                  "provision_markers", "provisions_complete", "provisions", "editions",
                  "left_out")
PROVISION_KEYS = ("id", "title", "aliases", "required", "confidence", "triggers", "notes")
REQUIREMENT_KEYS = ("id", "framework", "provision", "any_of", "at_least", "title")
PARTY_KEYS = ("id", "kind", "names")
REFERENCE_KEYS = ("ref", "kind", "note", "aliases", "editions")
LEFT_OUT_KEYS = ("terms", "reason")
THRESHOLD_KEYS = ("citation_cutoff", "party_cutoff", "ambiguity_margin", "near_duplicate",
                  "min_coverage")


class Data:
    """A mapping read from a rule set, remembering where each key stands."""

    def __init__(self, node: MappingNode, path: str, where: str) -> None:
        self.node = node
        self.path = path
        self.where = where
        self.values: dict[str, Node] = {}
        self.keys: dict[str, ScalarNode] = {}
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                self.values[key.value] = value
                self.keys[key.value] = key

    def at(self, key: str | None = None) -> Where:
        node = self.keys.get(key) if key else None
        line, column = pos(node if node is not None else self.node)
        return Where(self.path, line, column)


class Loader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.codes: frozenset[str] = frozenset()  # the check codes ``severity`` may name

    def problem(self, where: Where, key: str, name: str, /, **values: Value) -> None:
        """A problem at a place of a rule set: ``ruleset.NAME`` of the message catalogue."""
        key = key.lstrip(".")  # a top-level key has no parent before its dot
        self.problems.append(Problem(where.path, where.line, where.column, key,
                                     msg(f"ruleset.{name}", **values)))

    def said(self, where: Where, key: str, message: Msg) -> None:
        self.problems.append(Problem(where.path, where.line, where.column, key.lstrip("."),
                                     message))

    # -- reading values -----------------------------------------------------------------

    def known(self, data: Data, allowed: tuple[str, ...]) -> None:
        from roadmap_check.fuzzy import closest_key

        for name in data.keys:
            if name not in allowed:
                close = closest_key(name, allowed)
                if close:
                    self.problem(data.at(name), f"{data.where}.{name}", "unknown_key_close",
                                 close=repr(close))
                else:
                    self.problem(data.at(name), f"{data.where}.{name}", "unknown_key")

    def text(self, data: Data, key: str, required: bool = False) -> str | None:
        node = data.values.get(key)
        if node is None:
            if required:
                self.problem(data.at(), f"{data.where}.{key}", "required")
            return None
        if isinstance(node, ScalarNode) and node.value != "" and node.tag != "tag:yaml.org,2002:null":
            return str(node.value)
        self.problem(data.at(key), f"{data.where}.{key}", "text")
        return None

    def flag(self, data: Data, key: str, default: bool) -> bool:
        node = data.values.get(key)
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.value in ("true", "false", "True", "False"):
            return bool(node.value.lower() == "true")
        self.problem(data.at(key), f"{data.where}.{key}", "flag")
        return default

    def number(self, data: Data, key: str, low: float, high: float) -> float | None:
        node = data.values.get(key)
        if node is None:
            return None
        try:
            value = float(node.value) if isinstance(node, ScalarNode) else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            self.problem(data.at(key), f"{data.where}.{key}", "number", low=f"{low:g}",
                         high=f"{high:g}")
            return None
        return value

    def texts(self, data: Data, key: str) -> list[str]:
        node = data.values.get(key)
        if node is None:
            return []
        if isinstance(node, ScalarNode) and node.value:
            return [str(node.value)]
        if isinstance(node, SequenceNode) and all(
                isinstance(n, ScalarNode) and n.value for n in node.value):
            return [str(n.value) for n in node.value]
        self.problem(data.at(key), f"{data.where}.{key}", "texts")
        return []

    def mapping(self, data: Data, key: str) -> Data | None:
        node = data.values.get(key)
        if node is None:
            return None
        if isinstance(node, MappingNode):
            return Data(node, data.path, f"{data.where}.{key}")
        self.problem(data.at(key), f"{data.where}.{key}", "mapping")
        return None

    def by_lang(self, data: Data, key: str, many: bool) -> dict[str, Any]:
        """``{en: ..., ru: ...}``; a bare value counts as English."""
        node = data.values.get(key)
        if node is None:
            return {}
        if not isinstance(node, MappingNode):
            values = self.texts(data, key)
            return {"en": values if many else (values[0] if values else "")} if values else {}
        inner = Data(node, data.path, f"{data.where}.{key}")
        self.known(inner, LANGS)
        out: dict[str, Any] = {}
        for lang in LANGS:
            if lang in inner.values:
                if many:
                    out[lang] = self.texts(inner, lang)
                else:
                    value = self.text(inner, lang)
                    if value:
                        out[lang] = value
        return out

    def items(self, data: Data, key: str) -> list[Data]:
        node = data.values.get(key)
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.problem(data.at(key), f"{data.where}.{key}", "list")
            return []
        out = []
        for index, element in enumerate(node.value):
            if isinstance(element, MappingNode):
                out.append(Data(element, data.path, f"{data.where}.{key}[{index}]"))
            else:
                line, column = pos(element)
                self.problem(Where(data.path, line, column), f"{data.where}.{key}[{index}]",
                             "mapping")
        return out

    def sources(self, data: Data) -> list[tuple[str, str | None]]:
        """``source``: URLs or references, each a text or a mapping ``{url, kind}``; the kind
        (official, legal-database, news, secondary) says whether a circulated report shows it."""
        node = data.values.get("source")
        if node is None:
            return []
        entries = node.value if isinstance(node, SequenceNode) else [node]
        out: list[tuple[str, str | None]] = []
        for index, entry in enumerate(entries):
            if isinstance(entry, ScalarNode) and entry.value:
                out.append((str(entry.value), None))
            elif isinstance(entry, MappingNode):
                inner = Data(entry, data.path, f"{data.where}.source[{index}]")
                self.known(inner, SOURCE_KEYS)
                url = self.text(inner, "url", required=True)
                kind = self.choice(inner, "kind", SOURCE_KINDS)
                if url is not None:
                    out.append((url, kind))
            else:
                self.problem(data.at("source"), f"{data.where}.source", "texts")
        return out

    def date(self, data: Data, key: str) -> str | None:
        value = self.text(data, key)
        if value is None:
            return None
        try:
            dates.parse(value)
        except dates.DateError as exc:
            self.said(data.at(key), f"{data.where}.{key}", exc.message)
            return None
        return value

    def choice(self, data: Data, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(data, key)
        if value is not None and value not in allowed:
            self.problem(data.at(key), f"{data.where}.{key}", "choice", value=repr(value),
                         allowed=", ".join(allowed))
            return None
        return value

    # -- the parts of a rule set -------------------------------------------------------

    def triggers(self, data: Data) -> dict[str, list[str]]:
        """Trigger terms, each one the matcher can run in time on any text (see triggers.py)."""
        found: dict[str, list[str]] = self.by_lang(data, "triggers", many=True)
        for lang, terms in found.items():
            for term in terms:
                where, key = data.at("triggers"), f"{data.where}.triggers.{lang}"
                wildcards = term.count("*") + term.count("?")
                if len(term) > MAX_TRIGGER_LENGTH:
                    self.said(where, key, msg("error.trigger_too_long",
                                              term=repr(term[:40] + "…"), length=len(term),
                                              limit=MAX_TRIGGER_LENGTH))
                elif wildcards > MAX_TRIGGER_WILDCARDS:
                    self.said(where, key, msg("error.trigger_wildcards", term=repr(term),
                                              count=wildcards, limit=MAX_TRIGGER_WILDCARDS))
                elif not re.match(TRIGGER, term):
                    self.problem(where, key, "bad_trigger", term=repr(term))
        return found

    def framework(self, data: Data) -> Framework | None:
        self.known(data, FRAMEWORK_KEYS)
        ident = self.text(data, "id", required=True)
        if ident is not None and not re.match(ID, ident):
            self.problem(data.at("id"), f"{data.where}.id", "bad_id", id=repr(ident))
        title = self.by_lang(data, "title", many=False)
        if "en" not in title:
            self.problem(data.at("title"), f"{data.where}.title.en", "required")
        if ident is None:
            return None
        confidence = self.choice(data, "confidence", CONFIDENCE)
        complete, complete_markers = self.completeness(data)
        provenance: dict[str, str] = {}
        prov = self.mapping(data, "provenance")
        if prov is not None:
            for name in prov.keys:
                value = self.choice(prov, name, CONFIDENCE)
                if value:
                    provenance[name] = value
        provisions: list[Provision] = []
        seen: set[str] = set()
        for entry in self.items(data, "provisions"):
            self.known(entry, PROVISION_KEYS)
            pid = self.text(entry, "id", required=True)
            if pid is None:
                continue
            if pid in seen:
                self.problem(entry.at("id"), f"{entry.where}.id", "provision_repeats",
                             id=repr(pid))
            seen.add(pid)
            provisions.append(Provision(
                pid, self.by_lang(entry, "title", many=False), self.texts(entry, "aliases"),
                self.flag(entry, "required", False), entry.at("id"),
                self.choice(entry, "confidence", CONFIDENCE), self.triggers(entry)))
        amended = []
        for entry in self.items(data, "amended_by"):
            amended.append({lang: str(entry.values[lang].value) for lang in LANGS
                            if isinstance(entry.values.get(lang), ScalarNode)})
        return Framework(
            id=ident, title=title, where=data.at("id"),
            kind=self.text(data, "kind"), group=self.text(data, "group"),
            short=self.by_lang(data, "short", many=True),
            aliases=self.by_lang(data, "aliases", many=True),
            issuer=self.by_lang(data, "issuer", many=False),
            adopted=self.date(data, "adopted"), in_force_until=self.date(data, "in_force_until"),
            supersedes=self.texts(data, "supersedes"),
            superseded_by=self.text(data, "superseded_by"),
            successor_note=self.by_lang(data, "successor_note", many=False),
            amended_by=amended, required=self.flag(data, "required", False),
            confidence=confidence, provenance=provenance, source=self.sources(data),
            notes=self.text(data, "notes"), triggers=self.triggers(data),
            provision_markers=self.texts(data, "provision_markers"),
            provisions_complete=complete, complete_markers=complete_markers,
            provisions=provisions, editions=self.texts(data, "editions"),
            left_out=self.left_out(data))

    def completeness(self, data: Data) -> tuple[bool, list[str]]:
        """``provisions_complete``: true, false, or the markers for which the outline is
        complete (``["strategic objective", "SO"]``): (complete as a whole, those markers)."""
        node = data.values.get("provisions_complete")
        if isinstance(node, SequenceNode):
            return False, self.texts(data, "provisions_complete")
        if node is None or (isinstance(node, ScalarNode) and node.value in (
                "true", "false", "True", "False")):
            return self.flag(data, "provisions_complete", True), []
        self.problem(data.at("provisions_complete"), f"{data.where}.provisions_complete",
                     "complete")
        return True, []

    def left_out(self, data: Data) -> list[tuple[tuple[str, ...], str]]:
        """``left_out``: groups of names and terms of the reference data deliberately not
        used, each ``{terms: [...], reason: "..."}``."""
        out = []
        for entry in self.items(data, "left_out"):
            self.known(entry, LEFT_OUT_KEYS)
            reason = self.text(entry, "reason", required=True)
            terms = self.texts(entry, "terms")
            if not terms:
                self.problem(entry.at(), f"{entry.where}.terms", "required")
            if reason and terms:
                out.append((tuple(terms), reason))
        return out

    def reference(self, entry: Node, where: str, path: str) -> Reference | None:
        """An accepted reference: its code or title, or ``{ref, kind, note, aliases,
        editions}``."""
        if isinstance(entry, ScalarNode) and entry.value and isinstance(entry.value, str) \
                and entry.tag == "tag:yaml.org,2002:str":
            line, column = pos(entry)
            return Reference(str(entry.value), Where(path, line, column))
        if not isinstance(entry, MappingNode):
            line, column = pos(entry)
            self.problem(Where(path, line, column), where, "reference")
            return None
        data = Data(entry, path, where)
        self.known(data, REFERENCE_KEYS)
        ref = self.text(data, "ref", required=True)
        kind = self.choice(data, "kind", REFERENCE_KINDS)
        note = self.by_lang(data, "note", many=False)
        if ref is None:
            return None
        return Reference(ref, data.at("ref"), kind, note, self.texts(data, "aliases"),
                         self.texts(data, "editions"))

    def requirement(self, data: Data, index: int) -> Requirement | None:
        self.known(data, REQUIREMENT_KEYS)
        framework = self.text(data, "framework")
        any_node = data.values.get("any_of")
        group = None
        any_of: list[str] = []
        if isinstance(any_node, MappingNode):
            inner = Data(any_node, data.path, f"{data.where}.any_of")
            self.known(inner, ("group",))
            group = self.text(inner, "group", required=True)
        elif any_node is not None:
            any_of = self.texts(data, "any_of")
        if (framework is None) == (group is None and not any_of):
            self.problem(data.at(), data.where, "framework_or_any_of")
            return None
        at_least = self.number(data, "at_least", 1, 1000)
        provision = self.text(data, "provision")
        default = f"{framework}/{provision}" if framework and provision else framework
        if default is None:
            default = f"any-of-{group}" if group else f"requirement-{index + 1}"
        ident = self.text(data, "id") or default
        return Requirement(ident, data.at("framework" if framework else "any_of"), framework,
                           provision, any_of, group,
                           int(at_least or 1), self.by_lang(data, "title", many=False))

    def party(self, data: Data) -> Party | None:
        self.known(data, PARTY_KEYS)
        ident = self.text(data, "id", required=True)
        kind = self.choice(data, "kind", PARTY_KINDS) or "body"
        names = self.by_lang(data, "names", many=True)
        if not any(names.values()):
            self.problem(data.at(), f"{data.where}.names", "required")
        return Party(ident, kind, names, data.at("id")) if ident else None

    def read(self, path: Path, display: str) -> tuple[Data | None, list[str]]:
        from roadmap_check.files import read_or_fail
        from roadmap_check.reading import said

        root, problems, _ = compose(read_or_fail(path, display))
        for problem in problems:
            self.said(Where(display, problem.line, problem.column), "",
                      said(problem, display).message)
        if root is None:
            return None, []
        if not isinstance(root, MappingNode):
            self.problem(Where(display, 1, 1), "", "not_mapping")
            return None, []
        data = Data(root, display, "")
        self.known(data, TOP_KEYS)
        header = self.mapping(data, "ruleset")
        if header is None:
            self.problem(data.at(), "ruleset", "required")
            return data, []
        header.where = "ruleset"
        self.known(header, HEADER_KEYS)
        name = self.text(header, "name", required=True)
        if name and not re.match(NAME, name):
            self.problem(header.at("name"), "ruleset.name", "bad_name", name=repr(name))
        return data, self.texts(header, "extends")
