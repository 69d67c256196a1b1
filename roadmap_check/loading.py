"""Composed YAML nodes -> the road-map model, with structural findings (RM003, RM004, RM006).

The walk is iterative over a known shape, so no input can exhaust the stack, and each value
keeps its line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from roadmap_check.findings import Finding, Fix
from roadmap_check.model import Citation, Item, Roadmap, Text, Waiver
from roadmap_check.yaml_io import (
    MERGE_TAG,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    mapping_pairs,
    pos,
)

TOP_KEYS = ("roadmap", "items")
ROADMAP_KEYS = ("id", "title", "version", "status", "date", "period", "language", "ruleset",
                "requires")
ITEM_KEYS = ("id", "title", "description", "section", "responsible", "participants", "start",
             "deadline", "outcome", "indicators", "depends_on", "cites", "waivers")
CITATION_KEYS = ("framework", "provision")
WAIVER_KEYS = ("check", "framework", "reason", "until")
REQUIRED_ITEM_KEYS = ("id", "title", "responsible", "deadline")
_CORE = "tag:yaml.org,2002:"
_NUMERIC = (_CORE + "int", _CORE + "float")
_KINDS = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a single value"}

Suggest = Callable[[str, tuple[str, ...]], "str | None"]


def text(node: ScalarNode) -> Text:
    end = node.end_mark
    return Text(node.value, node.start_mark.line + 1, node.start_mark.column + 1,
                end.line + 1, end.column + 1, node.style)


class Builder:
    """Builds one Roadmap, collecting findings as it goes."""

    def __init__(self, path: str, suggest_key: Suggest) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self._suggest_key = suggest_key

    def add(self, code: str, message: str, node: Node | tuple[int, int], *,
            item: str | None = None, suggestion: str | None = None,
            fix: Fix | None = None) -> None:
        line, column = node if isinstance(node, tuple) else pos(node)
        key = node.value if isinstance(node, ScalarNode) else None
        self.findings.append(Finding(code, message, self.path, line, column, item=item,
                                     suggestion=suggestion, fix=fix, key=key))

    # -- shapes -------------------------------------------------------------------------

    def kind(self, node: Node) -> str:
        if isinstance(node, ScalarNode) and node.tag == _CORE + "null":
            return "nothing"
        return _KINDS.get(type(node), "a value")

    def pairs(self, node: MappingNode, known: tuple[str, ...], where: str,
              item: str | None = None) -> dict[str, tuple[ScalarNode, Node]]:
        out: dict[str, tuple[ScalarNode, Node]] = {}
        if len(node.value) > 1:
            self.duplicates(node, item)
        for key, value in mapping_pairs(node):
            if not isinstance(key, ScalarNode):
                self.add("RM003", f"a key in {where} is {self.kind(key)}; keys must be plain names",
                         key, item=item)
                continue
            name = key.value
            if name not in known:
                close = self._suggest_key(name, known)
                hint = f"did you mean {close!r}?" if close else f"known keys: {', '.join(known)}"
                self.add("RM004", f"unknown key {name!r} in {where}", key, item=item,
                         suggestion=hint)
                continue
            out[name] = (key, value)
        return out

    def duplicates(self, node: MappingNode, item: str | None) -> None:
        first: dict[str, Node] = {}
        for key, _ in node.value:
            if not isinstance(key, ScalarNode) or key.tag == MERGE_TAG:
                continue
            earlier = first.setdefault(key.value, key)
            if earlier is not key:
                self.add("RM002", f"the key {key.value!r} appears again (first on line "
                         f"{pos(earlier)[0]}); YAML keeps only the last value, silently", key,
                         item=item, suggestion="merge the two entries or remove one")

    def string(self, entry: tuple[ScalarNode, Node] | None, what: str,
               item: str | None = None) -> Text | None:
        if entry is None:
            return None
        key, node = entry
        if isinstance(node, ScalarNode) and node.tag != _CORE + "null":
            return text(node)
        if isinstance(node, ScalarNode):
            self.add("RM003", f"{what} is empty", key, item=item)
        else:
            self.add("RM003", f"{what} must be a single value, not {self.kind(node)}", node,
                     item=item)
        return None

    def strings(self, entry: tuple[ScalarNode, Node] | None, what: str,
                item: str | None = None) -> list[Text]:
        """A value or a list of values (``responsible: X`` or ``responsible: [X, Y]``)."""
        if entry is None:
            return []
        node = entry[1]
        if isinstance(node, ScalarNode):
            if node.tag == _CORE + "null":
                return []
            return [text(node)]
        if isinstance(node, SequenceNode):
            out: list[Text] = []
            for element in node.value:
                if isinstance(element, ScalarNode) and element.tag != _CORE + "null":
                    out.append(text(element))
                else:
                    self.add("RM003", f"each entry of {what} must be a single value, "
                             f"not {self.kind(element)}", element, item=item)
            return out
        self.add("RM003", f"{what} must be a value or a list of values, not a mapping", node,
                 item=item)
        return []

    # -- the document -------------------------------------------------------------------

    def build(self, root: Node) -> Roadmap | None:
        if not isinstance(root, MappingNode):
            self.add("RM003", f"the file holds {self.kind(root)}; a road map is a mapping with "
                     "'roadmap:' and 'items:'", root)
            return None
        top = self.pairs(root, TOP_KEYS, "the file")
        roadmap = Roadmap(self.path)
        header = top.get("roadmap")
        if header is None:
            self.add("RM003", "the required key 'roadmap' is missing", root,
                     suggestion="add a 'roadmap:' header with id and title")
        else:
            roadmap.line, roadmap.column = pos(header[0])
            self.header(roadmap, header)
        items = top.get("items")
        if items is None:
            self.add("RM003", "the required key 'items' is missing", root)
        elif isinstance(items[1], SequenceNode):
            for node in items[1].value:
                item = self.item(node)
                if item is not None:
                    roadmap.items.append(item)
        elif not (isinstance(items[1], ScalarNode) and items[1].tag == _CORE + "null"):
            self.add("RM003", f"'items' must be a list, not {self.kind(items[1])}", items[1])
        return roadmap

    def header(self, roadmap: Roadmap, entry: tuple[ScalarNode, Node]) -> None:
        key, node = entry
        if not isinstance(node, MappingNode):
            self.add("RM003", f"'roadmap' must be a mapping, not {self.kind(node)}", key)
            return
        fields = self.pairs(node, ROADMAP_KEYS, "'roadmap'")
        for name in ("id", "title"):
            if name not in fields:
                self.add("RM003", f"the roadmap has no {name!r}", key)
        roadmap.id = self.string(fields.get("id"), "roadmap.id")
        roadmap.title = self.string(fields.get("title"), "roadmap.title")
        roadmap.version = self.string(fields.get("version"), "roadmap.version")
        roadmap.status = self.string(fields.get("status"), "roadmap.status")
        if roadmap.status and roadmap.status.value not in ("draft", "circulated", "approved"):
            self.add("RM003", f"roadmap.status {roadmap.status.value!r} is none of draft, "
                     "circulated, approved", (roadmap.status.line, roadmap.status.column))
        roadmap.date = self.string(fields.get("date"), "roadmap.date")
        roadmap.period = self.string(fields.get("period"), "roadmap.period")
        roadmap.language = self.string(fields.get("language"), "roadmap.language")
        if roadmap.language and roadmap.language.value not in ("en", "ru"):
            self.add("RM003", f"roadmap.language {roadmap.language.value!r} is neither en nor ru",
                     (roadmap.language.line, roadmap.language.column))
        roadmap.ruleset = self.string(fields.get("ruleset"), "roadmap.ruleset")
        roadmap.requires = self.strings(fields.get("requires"), "roadmap.requires")

    def item(self, node: Node) -> Item | None:
        line, column = pos(node)
        if not isinstance(node, MappingNode):
            self.add("RM003", f"an item must be a mapping, not {self.kind(node)}", node)
            return None
        peek = next((v.value for k, v in node.value if isinstance(k, ScalarNode)
                     and k.value == "id" and isinstance(v, ScalarNode)), None)
        fields = self.pairs(node, ITEM_KEYS, "an item", peek)
        id_text = self.string(fields.get("id"), "the item id", peek)
        item_id = id_text.value if id_text else None
        if id_text is not None:
            id_node = fields["id"][1]
            if id_node.tag in _NUMERIC:
                self.add("RM006", f"the id {id_text.value} is not quoted, so YAML reads it as the "
                         f"number {_as_number(id_text.value)}", id_node, item=item_id,
                         suggestion=f"quote it: id: \"{id_text.value}\"",
                         fix=Fix(id_text.line, id_text.column, id_text.end_line,
                                 id_text.end_column, f'"{id_text.value}"'))
        for name in REQUIRED_ITEM_KEYS:
            if name not in fields:
                self.add("RM003", f"the item has no {name!r}", node, item=item_id)
        item = Item(item_id or f"<item at line {line}>", line, column, id_text=id_text)
        item.title = self.string(fields.get("title"), "the title", item_id)
        item.description = self.string(fields.get("description"), "the description", item_id)
        item.outcome = self.string(fields.get("outcome"), "the outcome", item_id)
        item.section = self.string(fields.get("section"), "the section", item_id)
        item.start = self.string(fields.get("start"), "the start", item_id)
        item.deadline = self.string(fields.get("deadline"), "the deadline", item_id)
        item.responsible = self.strings(fields.get("responsible"), "responsible", item_id)
        if "responsible" in fields and not item.responsible:
            self.add("RM003", "responsible names no party", fields["responsible"][0],
                     item=item_id)
        item.participants = self.strings(fields.get("participants"), "participants", item_id)
        item.indicators = self.strings(fields.get("indicators"), "indicators", item_id)
        item.depends_on = self.strings(fields.get("depends_on"), "depends_on", item_id)
        if "cites" in fields:
            item.cites_present = True
            item.cites = self.citations(fields["cites"], item_id)
        if "waivers" in fields:
            item.waivers = self.waivers(fields["waivers"], item_id)
        return item

    def citations(self, entry: tuple[ScalarNode, Node], item: str | None) -> list[Citation]:
        node = entry[1]
        if isinstance(node, ScalarNode):
            return [] if node.tag == _CORE + "null" else [Citation(text(node))]
        if not isinstance(node, SequenceNode):
            self.add("RM003", "cites must be a list of citations, not a mapping", node, item=item)
            return []
        out: list[Citation] = []
        for element in node.value:
            if isinstance(element, ScalarNode):
                if element.tag != _CORE + "null":
                    out.append(Citation(text(element)))
                continue
            if not isinstance(element, MappingNode):
                self.add("RM003", "a citation must be text or a mapping with 'framework'",
                         element, item=item)
                continue
            fields = self.pairs(element, CITATION_KEYS, "a citation", item)
            framework = self.string(fields.get("framework"), "the citation's framework", item)
            if framework is None:
                if "framework" not in fields:
                    self.add("RM003", "a citation mapping has no 'framework'", element, item=item)
                continue
            provision = self.string(fields.get("provision"), "the citation's provision", item)
            out.append(Citation(framework, provision, mapping=True))
        return out

    def reason(self, entry: tuple[ScalarNode, Node] | None, item: str | None) -> Text | None:
        """An empty reason is RM401's business, not a structural error."""
        if entry is None or (isinstance(entry[1], ScalarNode) and entry[1].tag == _CORE + "null"):
            return None
        return self.string(entry, "the waiver's reason", item)

    def waivers(self, entry: tuple[ScalarNode, Node], item: str | None) -> list[Waiver]:
        node = entry[1]
        if not isinstance(node, SequenceNode):
            if not (isinstance(node, ScalarNode) and node.tag == _CORE + "null"):
                self.add("RM003", "waivers must be a list", node, item=item)
            return []
        out: list[Waiver] = []
        for element in node.value:
            if not isinstance(element, MappingNode):
                self.add("RM003", "a waiver must be a mapping with check and reason", element,
                         item=item)
                continue
            fields = self.pairs(element, WAIVER_KEYS, "a waiver", item)
            check = self.string(fields.get("check"), "the waiver's check", item)
            if check is None and "check" not in fields:
                self.add("RM003", "a waiver has no 'check'", element, item=item)
            line, column = pos(element)
            out.append(Waiver(check, self.string(fields.get("framework"), "the waiver's framework",
                                                 item),
                              self.reason(fields.get("reason"), item),
                              self.string(fields.get("until"), "the waiver's until", item),
                              line, column))
        return out


def _as_number(raw: str) -> str:
    try:
        number = float(raw)
    except ValueError:
        return raw
    return str(int(number)) if number.is_integer() and "." not in raw else repr(number)


def build(root: Node, path: str, suggest_key: Suggest) -> tuple[Roadmap | None, list[Finding]]:
    builder = Builder(path, suggest_key)
    roadmap = builder.build(root)
    return roadmap, builder.findings
