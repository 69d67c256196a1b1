"""The loading stage: composed YAML nodes -> the road-map model, with structural findings.

The findings of the whole loading stage (RM001-RM004, RM006-RM008) and the keys of the format
are declared in ``roadmap_format``; reading the file is ``reading``, choosing the rule set the
engine's. The walk is iterative over a known shape, so no input can exhaust the stack, and each value
keeps its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from roadmap_check.checks.structure import RM005
from roadmap_check.edits import double_quoted
from roadmap_check.findings import Finding, Fix, Msg
from roadmap_check.i18n import Local, Value, counted, local, msg
from roadmap_check.langs import LANGS
from roadmap_check.limits import Limiter
from roadmap_check.model import Citation, Item, Roadmap, Text, Waiver
from roadmap_check.roadmap_format import (
    CITATION_KEYS,
    FAMILY,
    ITEM_KEYS,
    REQUIRED_ITEM_KEYS,
    ROADMAP_KEYS,
    TOP_KEYS,
    WAIVER_KEYS,
)
from roadmap_check.yaml_io import (
    MERGE_TAG,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    mapping_pairs,
    pos,
)

CHECKS = {c.code: c for c in (*FAMILY.checks, RM005)}  # RM005: items repeated by aliases

_ITEM_KEYS = frozenset(ITEM_KEYS)
_ORDER = {_ITEM_KEYS: ITEM_KEYS}  # the keys in the format's order, for messages
_CORE = "tag:yaml.org,2002:"
_NUMERIC = (_CORE + "int", _CORE + "float")
_KINDS = {MappingNode: "kind.mapping", SequenceNode: "kind.list", ScalarNode: "kind.single"}

Suggest = Callable[[str, tuple[str, ...]], "str | None"]


_new_text = tuple.__new__
# An anchor or a tag in front of a scalar, and the blanks, line breaks and comments after it:
# the node's mark starts there, the scalar itself (what a fix replaces) after it.
_PROPERTIES = re.compile(r"(?:(?:&[^\s,\[\]{}]*|!<[^>]*>|![^\s,\[\]{}]*)"
                         r"(?:[ \t]+|#[^\r\n\x85\u2028\u2029]*|\r\n|[\r\n\x85\u2028\u2029])*)+")
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def text(node: ScalarNode, flow: bool = False) -> Text:
    """A scalar with its span, for a node with neither anchor nor tag (built as a plain tuple:
    this runs for every value of a file)."""
    start, end = node.start_mark, node.end_mark
    return _new_text(Text, (node.value, start.line + 1, start.column + 1, end.line + 1,
                            end.column + 1, node.style or None, flow))


def scalar_start(node: ScalarNode, source: str) -> tuple[int, int, bool]:
    """The 0-based line and column where the scalar itself starts, after its anchor and tag
    (the node's mark starts at them), and whether it has a tag."""
    start, end = node.start_mark, node.end_mark
    index = start.index
    found = _PROPERTIES.match(source, index) if source[index:index + 1] in ("&", "!") else None
    if found is None:
        return start.line, start.column, False
    tagged = "!" in found.group(0)
    if found.end() >= end.index:  # an empty scalar: its span is empty, where it ends
        return end.line, end.column, tagged
    breaks = list(_BREAK.finditer(source, index, found.end()))
    if not breaks:
        return start.line, start.column + found.end() - index, tagged
    return start.line + len(breaks), found.end() - breaks[-1].end(), tagged


class Builder:
    """Builds one Roadmap, collecting findings as it goes."""

    def __init__(self, path: str, suggest_key: Suggest, source: str | None = None,
                 limiter: Limiter | None = None) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self._suggest_key = suggest_key
        self._limiter = limiter
        self._source = source  # given only when the text has an anchor or a tag
        self._flow: set[int] = set()  # scalar values of flow mappings, by id
        self._starts: dict[int, tuple[int, int, bool]] = {}  # scalar_start by node id

    def text(self, node: ScalarNode, flow: bool | None = None) -> Text:
        """A value with the span of its scalar; ``flow``: whether it stands in a flow
        collection (None: a mapping's value, known from ``pairs``)."""
        if flow is None:
            flow = bool(self._flow) and id(node) in self._flow
        start, end, source = node.start_mark, node.end_mark, self._source
        if source is not None and source[start.index:start.index + 1] in ("&", "!"):
            found = self._starts.get(id(node))  # an alias repeats a node: worked out once
            if found is None:
                found = self._starts[id(node)] = scalar_start(node, source)
            return _new_text(Text, (node.value, found[0] + 1, found[1] + 1, end.line + 1,
                                    end.column + 1, node.style or None, flow))
        # no anchor, no tag: the node starts at the scalar (this runs for every value)
        return _new_text(Text, (node.value, start.line + 1, start.column + 1, end.line + 1,
                                end.column + 1, node.style or None, flow))

    def _note_flow(self, node: MappingNode) -> None:
        """Remember which scalar values stand in a flow mapping (merged ones included)."""
        stack = [node]
        while stack:
            mapping = stack.pop()
            for key, value in mapping.value:
                if key.tag == MERGE_TAG:
                    sources = value.value if isinstance(value, SequenceNode) else [value]
                    stack.extend(s for s in sources if isinstance(s, MappingNode))
                elif mapping.flow_style and isinstance(value, ScalarNode):
                    self._flow.add(id(value))

    def add(self, code: str, message: Msg, node: Node | tuple[int, int], *,
            item: str | None = None, suggestion: Msg | None = None,
            fix: Fix | None = None) -> None:
        where = node if isinstance(node, tuple) else pos(node)
        if self._limiter is not None and not self._limiter.admit(code, *where,
                                                                 fix is not None):
            return
        subject = node.value if isinstance(node, ScalarNode) else None
        self.findings.append(CHECKS[code].at(self.path, where, message, item=item,
                                             hint=suggestion, fix=fix, subject=subject))

    # -- shapes -------------------------------------------------------------------------

    def kind(self, node: Node) -> Local:
        if isinstance(node, ScalarNode) and node.tag == _CORE + "null":
            return local("kind.nothing")
        return local(_KINDS.get(type(node), "kind.value"))

    def pairs(self, node: MappingNode, known: tuple[str, ...] | frozenset[str], where: str,
              item: str | None = None, peek: bool = False) -> dict[str, tuple[ScalarNode, Node]]:
        """A mapping's known keys and their values (the last, where a key repeats: RM002), its
        unknown keys reported (RM004). ``peek``: the findings name the item by the id the
        mapping gives itself (worked out only if there is a finding)."""
        out: dict[str, tuple[ScalarNode, Node]] = {}
        value_of = node.value
        merges = False
        for key, _ in value_of:
            if key.tag == MERGE_TAG:
                merges = True
                break
        if node.flow_style or merges:
            self._note_flow(node)
        if merges:
            if len(value_of) > 1:
                self.duplicates(node, _peek_id(node) if peek else item)
            return self._known_pairs(mapping_pairs(node), known, where,
                                     _peek_id(node) if peek else item)
        first: dict[str, ScalarNode] = {}
        for key, value in value_of:
            if key.__class__ is not ScalarNode:
                self.add("RM003", msg("rm003.key_kind", where=local(where), kind=self.kind(key)),
                         key, item=_peek_id(node) if peek else item)
                continue
            name = key.value
            earlier = first.get(name)
            if earlier is not None:
                self.add("RM002", msg("rm002.duplicate_key", key=repr(name),
                                      line=pos(earlier)[0]), key,
                         item=_peek_id(node) if peek else item,
                         suggestion=msg("rm002.duplicate_key.hint"))
            else:
                first[name] = key
            if name in known:
                out[name] = (key, value)
            else:
                self._unknown(key, known, where, _peek_id(node) if peek else item)
        return out

    def _known_pairs(self, pairs: list[tuple[Node, Node]], known: tuple[str, ...] |
                     frozenset[str], where: str,
                     item: str | None) -> dict[str, tuple[ScalarNode, Node]]:
        out: dict[str, tuple[ScalarNode, Node]] = {}
        for key, value in pairs:
            if not isinstance(key, ScalarNode):
                self.add("RM003", msg("rm003.key_kind", where=local(where), kind=self.kind(key)),
                         key, item=item)
                continue
            if key.value in known:
                out[key.value] = (key, value)
            else:
                self._unknown(key, known, where, item)
        return out

    def _unknown(self, key: ScalarNode, known: tuple[str, ...] | frozenset[str], where: str,
                 item: str | None) -> None:
        order = tuple(known) if isinstance(known, tuple) else _ORDER[known]
        close = self._suggest_key(key.value, order)
        hint = msg("hint.did_you_mean", name=repr(close)) if close else \
            msg("rm004.known_keys", keys={"en": ", ".join(order),
                                          "ru": ", ".join(map(repr, order))})
        self.add("RM004", msg("rm004.unknown_key", name=repr(key.value), where=local(where)),
                 key, item=item, suggestion=hint)

    def duplicates(self, node: MappingNode, item: str | None) -> None:
        first: dict[str, Node] = {}
        for key, _ in node.value:
            if not isinstance(key, ScalarNode) or key.tag == MERGE_TAG:
                continue
            earlier = first.setdefault(key.value, key)
            if earlier is not key:
                self.add("RM002", msg("rm002.duplicate_key", key=repr(key.value),
                                      line=pos(earlier)[0]), key,
                         item=item, suggestion=msg("rm002.duplicate_key.hint"))

    def string(self, entry: tuple[ScalarNode, Node] | None, what: Value,
               item: str | None = None) -> Text | None:
        if entry is None:
            return None
        key, node = entry
        if isinstance(node, ScalarNode) and node.tag != _CORE + "null":
            return self.text(node)
        if isinstance(node, ScalarNode):
            self.add("RM003", msg("rm003.empty", what=what), key, item=item)
        else:
            self.add("RM003", msg("rm003.single", what=what, kind=self.kind(node)), node,
                     item=item)
        return None

    def strings(self, entry: tuple[ScalarNode, Node] | None, what: Value,
                item: str | None = None) -> list[Text]:
        """A value or a list of values (``responsible: X`` or ``responsible: [X, Y]``)."""
        if entry is None:
            return []
        node = entry[1]
        if isinstance(node, ScalarNode):
            if node.tag == _CORE + "null":
                return []
            return [self.text(node)]
        if isinstance(node, SequenceNode):
            out: list[Text] = []
            flow = bool(node.flow_style)
            for element in node.value:
                if isinstance(element, ScalarNode) and element.tag != _CORE + "null":
                    out.append(self.text(element, flow))
                else:
                    self.add("RM003", msg("rm003.entry_single", what=what,
                                          kind=self.kind(element)), element, item=item)
            return out
        self.add("RM003", msg("rm003.value_or_list", what=what), node, item=item)
        return []

    # -- the document -------------------------------------------------------------------

    def build(self, root: Node) -> Roadmap | None:
        if not isinstance(root, MappingNode):
            self.add("RM003", msg("rm003.file_kind", kind=self.kind(root)), root)
            return None
        top = self.pairs(root, TOP_KEYS, "where.file")
        roadmap = Roadmap(self.path)
        header = top.get("roadmap")
        if header is None:
            self.add("RM003", msg("rm003.no_roadmap"), root, suggestion=msg("rm003.no_roadmap.hint"))
        else:
            roadmap.line, roadmap.column = pos(header[0])
            self.header(roadmap, header)
        items = top.get("items")
        if items is None:
            self.add("RM003", msg("rm003.no_items"), root)
        elif isinstance(items[1], SequenceNode):
            self.items(roadmap, items[1])
        elif not (isinstance(items[1], ScalarNode) and items[1].tag == _CORE + "null"):
            self.add("RM003", msg("rm003.items_kind", kind=self.kind(items[1])), items[1])
        return roadmap

    def items(self, roadmap: Roadmap, sequence: SequenceNode) -> None:
        """Each entry once: an entry that YAML aliases repeat is built (and its findings made)
        the first time, and all its repeats are one RM005 finding. The entries are consumed
        as they are built, so their nodes are freed while the model grows."""
        nodes: list[Node] = sequence.value
        sequence.value = []
        shared = _has_aliases(nodes)
        seen: set[int] = set()
        repeated: dict[int, list[Any]] = {}  # node id -> [node, repeats]
        nodes.reverse()
        while nodes:
            node = nodes.pop()
            if shared:
                if id(node) in seen:
                    repeated.setdefault(id(node), [node, 0])[1] += 1
                    continue
                seen.add(id(node))
            item = self.item(node)
            if item is not None:
                roadmap.items.append(item)
        for node, count in repeated.values():
            ident = _peek_id(node)
            repeats = counted("plural.repeat", count)
            message = msg("rm005.aliased", id={"en": repr(ident), "ru": ident}, repeats=repeats) \
                if ident is not None else msg("rm005.aliased_entry", repeats=repeats)
            self.add("RM005", message, node, item=ident, suggestion=msg("rm005.aliased.hint"))

    def header(self, roadmap: Roadmap, entry: tuple[ScalarNode, Node]) -> None:
        key, node = entry
        if not isinstance(node, MappingNode):
            self.add("RM003", msg("rm003.roadmap_kind", kind=self.kind(node)), key)
            return
        fields = self.pairs(node, ROADMAP_KEYS, "where.roadmap")
        for name in ("id", "title"):
            if name not in fields:
                self.add("RM003", msg("rm003.roadmap_missing", name=repr(name)), key)
        roadmap.id = self.string(fields.get("id"), "roadmap.id")
        roadmap.title = self.string(fields.get("title"), "roadmap.title")
        roadmap.version = self.string(fields.get("version"), "roadmap.version")
        roadmap.status = self.string(fields.get("status"), "roadmap.status")
        if roadmap.status and roadmap.status.value not in ("draft", "circulated", "approved"):
            self.add("RM003", msg("rm003.bad_status", value=repr(roadmap.status.value)),
                     (roadmap.status.line, roadmap.status.column))
        roadmap.date = self.string(fields.get("date"), "roadmap.date")
        roadmap.period = self.string(fields.get("period"), "roadmap.period")
        roadmap.language = self.string(fields.get("language"), "roadmap.language")
        if roadmap.language and roadmap.language.value not in LANGS:
            self.add("RM003", msg("rm003.bad_language", value=repr(roadmap.language.value)),
                     (roadmap.language.line, roadmap.language.column))
        roadmap.ruleset = self.string(fields.get("ruleset"), "roadmap.ruleset")
        roadmap.requires = self.strings(fields.get("requires"), "roadmap.requires")

    def item(self, node: Node) -> Item | None:
        line, column = pos(node)
        if not isinstance(node, MappingNode):
            self.add("RM003", msg("rm003.item_kind", kind=self.kind(node)), node)
            return None
        fields = self.pairs(node, _ITEM_KEYS, "where.item", peek=True)
        # Labels and messages are made only for a value that is there: this runs for every item.
        id_text = self.string(fields["id"], local("field.item_id"), _peek_id(node)) \
            if "id" in fields else None
        item_id = id_text.value if id_text else None
        if id_text is not None:
            id_node = fields["id"][1]
            if id_node.tag in _NUMERIC:
                # Quoting cannot help a number asked for with a tag (!!float 1.10): no fix.
                tagged = self._source is not None and isinstance(id_node, ScalarNode) and \
                    scalar_start(id_node, self._source)[2]
                self.add("RM006", msg("rm006.numeric_id", id=id_text.value,
                                      number=_as_number(id_text.value)), id_node, item=item_id,
                         suggestion=msg("rm006.numeric_id.hint", id=id_text.value),
                         fix=None if tagged else Fix(
                             id_text.line, id_text.column, id_text.end_line, id_text.end_column,
                             double_quoted(id_text.value), id_text.value))
        for name in REQUIRED_ITEM_KEYS:
            if name not in fields:
                self.add("RM003", _missing(name), node, item=item_id)
        item = Item(item_id or f"<item at line {line}>", line, column, id_text=id_text)
        labels = _item_labels()
        for name in _ITEM_STRINGS:
            if name in fields:
                setattr(item, name, self.string(fields[name], labels[name], item_id))
        for name in _LIST_LABELS:
            if name in fields:
                setattr(item, name, self.strings(fields[name], labels[name], item_id))
        if "responsible" in fields and not item.responsible:
            self.add("RM003", msg("rm003.no_party"), fields["responsible"][0], item=item_id)
        if "cites" in fields:
            item.cites = self.citations(fields["cites"], item_id)
        if "waivers" in fields:
            item.waivers = self.waivers(fields["waivers"], item_id)
        return item

    def citations(self, entry: tuple[ScalarNode, Node], item: str | None) -> list[Citation]:
        node = entry[1]
        if isinstance(node, ScalarNode):
            return [] if node.tag == _CORE + "null" else [Citation(self.text(node))]
        if not isinstance(node, SequenceNode):
            self.add("RM003", msg("rm003.cites_kind"), node, item=item)
            return []
        out: list[Citation] = []
        flow = bool(node.flow_style)
        for element in node.value:
            if isinstance(element, ScalarNode):
                if element.tag != _CORE + "null":
                    out.append(Citation(self.text(element, flow)))
                continue
            if not isinstance(element, MappingNode):
                self.add("RM003", msg("rm003.citation_kind"), element, item=item)
                continue
            fields = self.pairs(element, CITATION_KEYS, "where.citation", item)
            framework = self.string(fields.get("framework"), local("field.citation_framework"),
                                    item)
            if framework is None:
                if "framework" not in fields:
                    self.add("RM003", msg("rm003.citation_no_framework"), element, item=item)
                continue
            provision = self.string(fields.get("provision"), local("field.citation_provision"),
                                    item)
            out.append(Citation(framework, provision, mapping=True))
        return out

    def reason(self, entry: tuple[ScalarNode, Node] | None, item: str | None) -> Text | None:
        """An empty reason is RM401's business, not a structural error."""
        if entry is None or (isinstance(entry[1], ScalarNode) and entry[1].tag == _CORE + "null"):
            return None
        return self.string(entry, local("field.waiver_reason"), item)

    def waivers(self, entry: tuple[ScalarNode, Node], item: str | None) -> list[Waiver]:
        node = entry[1]
        if not isinstance(node, SequenceNode):
            if not (isinstance(node, ScalarNode) and node.tag == _CORE + "null"):
                self.add("RM003", msg("rm003.waivers_kind"), node, item=item)
            return []
        out: list[Waiver] = []
        for element in node.value:
            if not isinstance(element, MappingNode):
                self.add("RM003", msg("rm003.waiver_kind"), element, item=item)
                continue
            fields = self.pairs(element, WAIVER_KEYS, "where.waiver", item)
            check = self.string(fields.get("check"), local("field.waiver_check"), item)
            if check is None and "check" not in fields:
                self.add("RM003", msg("rm003.waiver_no_check"), element, item=item)
            line, column = pos(element)
            out.append(Waiver(check, self.string(fields.get("framework"),
                                                 local("field.waiver_framework"), item),
                              self.reason(fields.get("reason"), item),
                              self.string(fields.get("until"), local("field.waiver_until"), item),
                              line, column))
        return out


@cache
def _missing(name: str) -> Msg:
    return msg("rm003.item_missing", name=repr(name))


_ITEM_STRINGS = ("title", "description", "outcome", "section", "start", "deadline", "status")
_LIST_LABELS = {"responsible": "field.responsible", "participants": "field.participants",
                "indicators": "field.indicators", "depends_on": "field.depends_on"}


@cache
def _item_labels() -> dict[str, Local]:
    """The name of each field of an item, in every language (for its findings), made once."""
    return {**{name: local(f"field.{name}") for name in _ITEM_STRINGS},
            **{name: local(key) for name, key in _LIST_LABELS.items()}}


def _peek_id(node: Node) -> str | None:
    """The id an item node gives itself, before it is read."""
    if not isinstance(node, MappingNode):
        return None
    return next((v.value for k, v in node.value if isinstance(k, ScalarNode)
                 and k.value == "id" and isinstance(v, ScalarNode)), None)


def _has_aliases(nodes: list[Node]) -> bool:
    """Whether an entry is an alias of a node before it: entries written in place follow each
    other in the text, so an entry that does not start after the one before it is an alias."""
    last = -1
    for node in nodes:
        start: int = node.start_mark.index
        if start <= last:
            return True
        last = start
    return False


def _as_number(raw: str) -> str:
    try:
        number = float(raw)
    except ValueError:
        return raw
    return str(int(number)) if number.is_integer() and "." not in raw else repr(number)


def build(root: Node, path: str, suggest_key: Suggest,
          source: str | None = None,
          limiter: Limiter | None = None) -> tuple[Roadmap | None, list[Finding]]:
    """The model of a composed document, and its structural findings; ``source``, its text,
    where it has an anchor or a tag (``Loaded.source``): spans then start at the scalar, after
    them. The items' nodes are consumed (freed) as they are read."""
    builder = Builder(path, suggest_key, source, limiter)
    roadmap = builder.build(root)
    return roadmap, builder.findings
