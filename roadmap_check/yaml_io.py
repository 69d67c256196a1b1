"""The only PyYAML import: bytes or text composed into nodes that keep their positions.

Nothing is ever constructed: a road map is read as a node graph, so no tag can run code.
This module knows nothing of findings or messages: what is wrong with the text comes back as
``Problem`` records (a kind, a position, a detail), which the loading stage says as findings
and the rule-set loader as problems. Nothing here recurses on the input's depth.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["MappingNode", "Node", "Problem", "ScalarNode", "SequenceNode", "compose"]

_CORE = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    _CORE + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary",
                 "merge", "value", "omap", "pairs", "set")
)
STR_TAG, NULL_TAG, MERGE_TAG = _CORE + "str", _CORE + "null", _CORE + "merge"
MAX_EXPANDED_NODES = 2_000_000
MAX_MERGE_DEPTH = 64  # "<<" merges of merges of ...
_SHORT = 40  # plain scalars up to this length have their implicit tag memoised

# ROADMAP_CHECK_PURE_YAML=1 reads with PyYAML's pure-Python loader even where libyaml is
# installed (for debugging: the two must agree). Read once, here.
PURE_YAML_VARIABLE = "ROADMAP_CHECK_PURE_YAML"
HAS_LIBYAML = hasattr(yaml, "CSafeLoader")  # False: PyYAML built without libyaml
_Base: type = yaml.CSafeLoader if HAS_LIBYAML and \
    os.environ.get(PURE_YAML_VARIABLE, "") in ("", "0") else yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader, with the implicit tag of each distinct short plain scalar worked out
    once (a road map repeats its dates, ids and names), and no path resolvers to track."""

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self._tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0] and len(value) <= _SHORT:
            tag = self._tags.get(value)
            if tag is None:
                tag = self._tags[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class Problem(NamedTuple):
    """What is wrong with a text, before anyone says it in words.

    kind: encoding (detail: the encoding), not_utf8 (detail: the byte in hex; context:
    "cp1251" when the bytes look like Windows-1251), empty, nul, control_character (detail:
    its code in hex), no_document, syntax (detail: PyYAML's problem; context: its context),
    too_deep, many_documents, expansion (detail: the limit), merge_depth (detail: the limit),
    recursive, tag (detail: the tag as written; the node is read as plain data without it),
    tag_text (detail: the tag as written in front of a plain value; ``text``: the value read
    as written, tag included; ``end_line``/``end_column``: where the value ends, when the
    whole written text can be quoted in place, else 0).
    """

    kind: str
    line: int = 1
    column: int = 1
    detail: str = ""
    context: str = ""
    text: str = ""
    end_line: int = 0
    end_column: int = 0


def pos(node: Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text (a UTF-8 BOM dropped), or what is wrong with the bytes."""
    problem = _encoding_problem(data)
    if problem is not None:
        return None, problem
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, _not_utf8(data, exc.start)


def _encoding_problem(data: bytes) -> Problem | None:
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return Problem("encoding", detail=name)
    return None


def _not_utf8(data: bytes, start: int) -> Problem:
    before = data[:start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    high = sum(1 for b in data[:4096] if b >= 0xC0)
    return Problem("not_utf8", line, column, f"{data[start]:02x}", "cp1251" if high > 8 else "")


_NODE_STARTS = frozenset(b" \t\r\n[{,")


def _properties(data: bytes) -> bool:
    """Whether the text may hold a tag or an anchor where a node can start (the text's start,
    a line's, after white space, '[', '{' or ','), or a merge key: only then can the graph be
    more than a plain tree. A scan for two characters, fast on any size of text."""
    if b"<<" in data:
        return True
    for sign in (b"!", b"&"):
        at = data.find(sign)
        while at >= 0:
            if at == 0 or data[at - 1] in _NODE_STARTS:
                return True
            at = data.find(sign, at + 1)
    return False


class Composed(NamedTuple):
    root: Node | None
    problems: list[Problem]
    # The text, kept only when a node can carry an anchor or a tag (so that the span of a
    # scalar can start after them): see ``loading.Builder``.
    source: str | None = None


def compose(data: str | bytes) -> Composed:
    """The one document of a text, checked for tags, alias cycles, alias expansion and the
    depth of ``<<`` merges.

    Bytes go to libyaml as they are (it decodes them); a text that is not UTF-8 is told with
    the byte and position where it stops being UTF-8.
    """
    if isinstance(data, bytes):
        problem = _encoding_problem(data)
        if problem is not None:
            return Composed(None, [problem])
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        # isspace() stops at the first other character; strip() would copy the whole text
        empty, nul = not data or data.isspace(), data.find(b"\x00")
        before = data[:nul].decode("utf-8", "replace") if nul >= 0 else ""
        look = _properties(data)
    else:
        empty, nul = not data or data.isspace(), data.find("\x00")
        before = data[:nul] if nul >= 0 else ""
        look = _properties(data.encode("utf-8", "surrogatepass"))
    if empty:
        return Composed(None, [Problem("empty")])
    if nul >= 0:
        start = before.rfind("\n") + 1
        return Composed(None, [Problem("nul", before.count("\n") + 1, len(before) - start + 1)])
    problems: list[Problem] = []
    root = _compose(data, problems)
    if root is None and not problems:
        problems.append(Problem("no_document"))
    # Without '!' or '&' where a node starts, no tag and no anchor, and without '<<' no merge,
    # can be in the text: the graph is then a plain tree of standard nodes and needs no look.
    source = None
    if root is not None and look:
        source = data.decode("utf-8") if isinstance(data, bytes) else data
        if not _inspect(root, problems, source):
            root = source = None
    return Composed(root, problems, source)


def _compose(source: str | bytes, problems: list[Problem]) -> Node | None:
    try:
        loader = _Loader(source)  # the pure-Python reader checks the characters here
    except yaml.reader.ReaderError as exc:
        problems.append(_unacceptable(source, exc))
        return None
    try:
        root = loader.get_node() if loader.check_node() else None
        if loader.check_node():
            extra = loader.get_node()
            line, column = pos(extra) if extra is not None else (1, 1)
            problems.append(Problem("many_documents", line, column))
        return root
    except yaml.reader.ReaderError as exc:  # libyaml's reader, as it goes
        found = decode(source)[1] if isinstance(source, bytes) else None
        problems.append(found or _unacceptable(source, exc))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        context = " ".join(exc.context.split()) if exc.context and exc.problem else ""
        problems.append(Problem("syntax", line, column, problem, context))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem("syntax", detail=" ".join(str(exc).split())))
        return None
    except RecursionError:
        problems.append(Problem("too_deep"))
        return None
    finally:
        loader.dispose()


def _inspect(root: Node, problems: list[Problem], source: str) -> bool:
    """Tags, alias cycles, alias expansion and ``<<`` merge depth, without recursion.

    A non-standard tag is harmless to read (nothing is ever constructed from a node): it is a
    problem at its node, and the node is read as plain data (``_untag``). Returns False when
    the document must not be walked: its aliases expand past the limits (RM007 for the whole
    file).
    """
    seen: dict[int, int] = {}  # node id -> 0 while being visited, then its expanded size
    merges: dict[int, int] = {}  # mapping id -> how deep its merges of merges nest
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        ident = id(node)
        if done:
            size = 1
            for child in _children(node):
                size += seen[id(child)]
            seen[ident] = size
            if size > MAX_EXPANDED_NODES:
                problems.append(Problem("expansion", *pos(root), detail=str(MAX_EXPANDED_NODES)))
                return False
            sources = _merge_sources(node)
            if sources:
                merges[ident] = depth = 1 + max(merges.get(id(s), 0) for s in sources)
                if depth > MAX_MERGE_DEPTH:
                    where = pos(next(k for k, _ in node.value if k.tag == MERGE_TAG))
                    problems.append(Problem("merge_depth", *where, detail=str(MAX_MERGE_DEPTH)))
                    return False
            continue
        if ident in seen:
            if seen[ident] == 0:
                problems.append(Problem("recursive", *pos(node)))
                return False
            continue
        if node.tag not in STANDARD_TAGS or \
                source[node.start_mark.index:node.start_mark.index + 1] in ("!", "&"):
            _untag(node, source, problems)
        seen[ident] = 0
        stack.append((node, True))
        for child in _children(node):
            stack.append((child, False))
    return True


# The properties in front of a node (an anchor, a tag, in either order), and a tag among them.
_NODE_PROPERTIES = re.compile(r"(?:(?:&[^\s,\[\]{}]*|!<[^>]*>|![^\s,\[\]{}]*)[ \t]*)+")
_TAG_TOKEN = re.compile(r"!<[^>]*>|![^\s,\[\]{}]*")
_PLAIN_KIND = {ScalarNode: STR_TAG, SequenceNode: _CORE + "seq", MappingNode: _CORE + "map"}


def _untag(node: Node, source: str, problems: list[Problem]) -> None:
    """A node whose tag is not standard, or a plain value after the non-specific tag '!':
    read as plain data, and a problem at it. A drafter's "!!! Urgent" or "! check the date"
    is a plain value YAML takes the start of as a tag: it is read as the text written, tag
    included, and the problem says where that text ends, so that it can be quoted as a whole
    (only when the tag is all there is in front of it: an anchor would be quoted too)."""
    start, end = node.start_mark, node.end_mark
    found = _NODE_PROPERTIES.match(source, start.index)
    token_match = _TAG_TOKEN.search(found.group(0)) if found else None
    token = token_match.group(0) if token_match else str(node.tag)
    standard = node.tag in STANDARD_TAGS
    if isinstance(node, ScalarNode) and not node.style and token_match is not None \
            and (not standard or token == "!"):
        value = node.value
        written = token + (" " + value if value else "")
        line, column = start.line + 1, start.column + 1
        quoted_whole = found is not None and found.group(0).rstrip() == token
        if quoted_whole:
            exact = source[start.index:end.index]
            if "\n" not in exact and "\r" not in exact:
                written = exact
        node.tag, node.value = STR_TAG, written
        problems.append(Problem("tag_text", line, column, token, text=written,
                                end_line=end.line + 1 if quoted_whole else 0,
                                end_column=end.column + 1 if quoted_whole else 0))
        return
    if standard:  # '!' in front of a quoted value or a collection: YAML's own, nothing lost
        return
    problems.append(Problem("tag", *pos(node), detail=token))
    node.tag = _PLAIN_KIND[type(node)]


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, SequenceNode):
        yield from node.value


def _merge_sources(node: Node) -> list[MappingNode]:
    """The mappings a mapping's ``<<`` keys merge into it, in order."""
    sources: list[MappingNode] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.tag == MERGE_TAG:
                for source in value.value if isinstance(value, SequenceNode) else [value]:
                    if isinstance(source, MappingNode):
                        sources.append(source)
    return sources


def mapping_pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """Key/value pairs with ``<<`` merges applied (explicit keys win over merged ones).

    Merges of merges are worked out bottom-up with a stack, each mapping once, so a long chain
    of them needs no recursion (``_inspect`` refuses chains deeper than MAX_MERGE_DEPTH).
    """
    done: dict[int, list[tuple[Node, Node]]] = {}
    open_: set[int] = set()
    stack: list[tuple[MappingNode, bool]] = [(node, False)]
    while stack:
        current, ready = stack.pop()
        ident = id(current)
        if ident in done or (not ready and ident in open_):  # done, or a cycle: no pairs
            continue
        sources = _merge_sources(current)
        if not ready:
            open_.add(ident)
            stack.append((current, True))
            stack.extend((source, False) for source in reversed(sources))
            continue
        pairs = [(k, v) for k, v in current.value if k.tag != MERGE_TAG]
        merged = [pair for source in sources for pair in done.get(id(source), ())]
        if merged:
            explicit = {k.value for k, _ in pairs if isinstance(k, ScalarNode)}
            pairs = [p for p in merged
                     if not (isinstance(p[0], ScalarNode) and p[0].value in explicit)] + pairs
        done[ident] = pairs
    return done[id(node)]


# What YAML does not accept in a file (PyYAML's reader: outside the printable set).
_UNACCEPTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                           "\U00010000-\U0010ffff]")
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _unacceptable(source: str | bytes, exc: yaml.reader.ReaderError) -> Problem:
    """The first character YAML does not accept, and where (the loaders count its position in
    different units, so it is found again here)."""
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    found = _UNACCEPTABLE.search(text)
    code = ord(found.group(0)) if found else int(exc.character) if isinstance(
        exc.character, int) else ord(str(exc.character)[:1] or "\0")
    line = column = 1
    if found:
        breaks = list(_BREAKS.finditer(text, 0, found.start()))
        line = len(breaks) + 1
        column = found.start() - (breaks[-1].end() if breaks else 0) + 1
    return Problem("control_character", line, column, f"{code:04X}")


_resolve: Callable[[type, str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve


def plain_reads_as_text(value: str) -> bool:
    """Whether a plain scalar written as ``value`` is read as text (not a number, a date, a
    boolean, null, a merge key): YAML's implicit resolution, the same for both loaders."""
    return _resolve(ScalarNode, value, (True, False)) == STR_TAG


def read_scalar(text: str) -> str | None:
    """The value of ``text`` read alone as one YAML scalar (None: it is not one)."""
    try:
        node = yaml.compose(text, Loader=_Base)
    except yaml.YAMLError:
        return None
    return node.value if isinstance(node, ScalarNode) else None


_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_PLAIN_VALUES: dict[str, Callable[[str], Any]] = {
    STR_TAG: str, _CORE + "int": int, _CORE + "float": float, NULL_TAG: lambda _: None,
    _CORE + "bool": lambda value: _BOOLEANS[value.lower()]}


def load_data(text: str) -> Any:
    """Plain data (text, numbers, booleans, null, lists, mappings) from trusted YAML shipped
    with the package (the message catalogue, the checks' documentation): composed by libyaml
    and turned into values by a walk of the graph, a fraction of PyYAML's constructor's
    time. Anything else (dates, anchors, merge keys) goes through the constructor."""
    root = yaml.compose(text, Loader=_Base)
    if root is None:
        return None
    values: dict[int, Any] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if type(node) is ScalarNode:
            try:
                values[id(node)] = _PLAIN_VALUES[node.tag](node.value)
            except (KeyError, ValueError):  # a date, "0x1f", "1_000", ".inf": PyYAML's own
                return yaml.load(text, Loader=_Base)  # a safe loader: plain data only
        elif id(node) in values:
            continue  # an alias: the same node again
        elif not ready:
            stack.append((node, True))
            children = node.value if type(node) is SequenceNode else [
                child for pair in node.value for child in pair]
            stack.extend((child, False) for child in children)
        elif type(node) is SequenceNode:
            values[id(node)] = [values[id(child)] for child in node.value]
        elif node.tag == _CORE + "map":
            try:
                values[id(node)] = {values[id(key)]: values[id(value)]
                                    for key, value in node.value}
            except TypeError:  # a list as a key: PyYAML says so
                return yaml.load(text, Loader=_Base)
        else:
            return yaml.load(text, Loader=_Base)
    return values[id(root)]
