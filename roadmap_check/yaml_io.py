"""The only PyYAML import: read a file and compose it into nodes that keep their positions.

Nothing is ever constructed: a road map is read as a node graph, so no tag can run code.
Problems with the text itself come back as findings (RM001, RM002, RM003, RM007), never as
exceptions; only a file that cannot be read at all raises.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.findings import Finding, finding
from roadmap_check.i18n import foreign, msg, number
from roadmap_check.suppressions import Suppression
from roadmap_check.suppressions import parse as parse_suppressions

__all__ = ["Loaded", "MappingNode", "Node", "ScalarNode", "SequenceNode", "load_path", "load_text"]

# ROADMAP_CHECK_PURE_YAML=1 reads with PyYAML's pure-Python loader even where libyaml is
# installed (for debugging: the two must agree). Read once, here.
PURE_YAML_VARIABLE = "ROADMAP_CHECK_PURE_YAML"
HAS_LIBYAML = hasattr(yaml, "CSafeLoader")  # False: PyYAML built without libyaml
_Loader: type = yaml.CSafeLoader if HAS_LIBYAML and \
    os.environ.get(PURE_YAML_VARIABLE, "") in ("", "0") else yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    _CORE + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary",
                 "merge", "value", "omap", "pairs", "set")
)
MERGE_TAG = _CORE + "merge"
MAX_EXPANDED_NODES = 2_000_000
MAX_MERGE_DEPTH = 64  # "<<" merges of merges of ...


@dataclass
class Loaded:
    """A composed document (or None) and what was wrong with the text."""

    path: str
    root: Node | None
    findings: list[Finding] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # The text, kept only when a node can carry an anchor or a tag (so that the span of a
    # scalar can start after them): see ``loading.Builder``.
    source: str | None = None


def pos(node: Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_text(path: Path, display: str) -> tuple[str | None, Finding | None]:
    """The text of a file; a file that cannot be read is a finding (RM001), so the other
    files of the run are still checked."""
    try:
        data = path.read_bytes()  # decoded, then dropped: only the text stays in memory
    except FileNotFoundError:
        raise RoadmapCheckError.of("error.no_file", path=display) from None
    except IsADirectoryError:
        raise RoadmapCheckError.of("error.is_directory", path=display) from None
    except OSError as exc:
        return None, finding("RM001", msg("rm001.unreadable",
                                          reason=foreign("os", str(exc.strerror))), display, 1, 1)
    return decode(data, display)


def decode(data: bytes, display: str) -> tuple[str | None, Finding | None]:
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return None, finding("RM001", msg("rm001.encoding", encoding=name), display, 1, 1,
                                 suggestion=msg("hint.save_utf8"))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        key = "rm001.not_utf8_cp1251" if _looks_cp1251(data) else "rm001.not_utf8"
        return None, finding("RM001", msg(key, byte=f"{data[exc.start]:02x}"), display, line,
                             column, suggestion=msg("hint.save_utf8"))


def _looks_cp1251(data: bytes) -> bool:
    high = sum(1 for b in data[:4096] if b >= 0xC0)
    return high > 8


def load_path(path: Path, display: str) -> Loaded:
    text, problem = read_text(path, display)
    if text is None:
        return Loaded(display, None, [problem] if problem else [])
    return load_text(text, display)


def load_text(text: str, display: str) -> Loaded:
    loaded = Loaded(display, None, suppressions=parse_suppressions(text))
    if not text.strip():
        loaded.findings.append(finding("RM001", msg("rm001.empty"), display, 1, 1))
        return loaded
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        loaded.findings.append(finding("RM001", msg("rm001.nul"), display, line, column))
        return loaded
    enabled = gc.isenabled()
    gc.disable()
    try:
        loaded.root = _compose(text, display, loaded.findings)
        if loaded.root is None and not loaded.findings:
            loaded.findings.append(finding("RM001", msg("rm001.no_document"), display, 1, 1))
        # Without '!' no explicit tag, without '&' no anchor, and without '<<' no merge can be
        # in the text: the graph is then a plain tree of standard nodes and needs no look.
        needs_look = "!" in text or "&" in text or "<<" in text
        if loaded.root is not None and needs_look and \
                not _inspect(loaded.root, display, loaded.findings):
            loaded.root = None
        if loaded.root is not None and needs_look:
            loaded.source = text
    finally:
        if enabled:
            gc.enable()
    return loaded


# What YAML does not accept in a file (PyYAML's reader: outside the printable set).
_UNACCEPTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                           "\U00010000-\U0010ffff]")
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _unacceptable(text: str, display: str, exc: yaml.reader.ReaderError) -> Finding:
    """RM001 at the first character YAML does not accept (the loaders count its position in
    different units, so it is found again here)."""
    found = _UNACCEPTABLE.search(text)
    code = ord(found.group(0)) if found else int(exc.character) if isinstance(
        exc.character, int) else ord(str(exc.character)[:1] or "\0")
    line = column = 1
    if found:
        breaks = list(_BREAKS.finditer(text, 0, found.start()))
        line = len(breaks) + 1
        column = found.start() - (breaks[-1].end() if breaks else 0) + 1
    return finding("RM001", msg("rm001.control_character", code=f"{code:04X}"), display, line,
                   column, suggestion=msg("rm001.control_character.hint"))


def _compose(text: str, display: str, findings: list[Finding]) -> Node | None:
    try:
        loader = _Loader(text)  # the pure-Python reader checks the characters here
    except yaml.reader.ReaderError as exc:
        findings.append(_unacceptable(text, display, exc))
        return None
    try:
        root = loader.get_node() if loader.check_node() else None
        if loader.check_node():
            extra = loader.get_node()
            line, column = pos(extra) if extra is not None else (1, 1)
            findings.append(finding("RM003", msg("rm003.many_documents"), display, line, column,
                                    suggestion=msg("rm003.many_documents.hint")))
        return root
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = foreign("pyyaml", " ".join(str(exc.problem or exc.context or "invalid YAML").split()))
        found = msg("rm001.yaml_context", context=foreign("pyyaml", " ".join(exc.context.split())),
                    problem=what) if exc.context and exc.problem else msg("rm001.yaml", problem=what)
        findings.append(finding("RM001", found, display, line, column))
        return None
    except yaml.reader.ReaderError as exc:  # libyaml's reader, as it goes
        findings.append(_unacceptable(text, display, exc))
        return None
    except yaml.YAMLError as exc:
        problem = foreign("pyyaml", " ".join(str(exc).split()))
        findings.append(finding("RM001", msg("rm001.yaml", problem=problem), display, 1, 1))
        return None
    except RecursionError:
        findings.append(finding("RM001", msg("rm001.yaml_too_deep"), display, 1, 1))
        return None
    finally:
        loader.dispose()


def _inspect(root: Node, display: str, findings: list[Finding]) -> bool:
    """Tags, alias cycles, alias expansion and ``<<`` merge depth, without recursion.

    Returns False when the document must not be walked (RM007 for the whole file).
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
                line, column = pos(root)
                findings.append(finding(
                    "RM007", msg("rm007.expansion", limit=number(MAX_EXPANDED_NODES)),
                    display, line, column))
                return False
            sources = _merge_sources(node)
            if sources:
                merges[ident] = depth = 1 + max(merges.get(id(s), 0) for s in sources)
                if depth > MAX_MERGE_DEPTH:
                    line, column = pos(next(k for k, _ in node.value if k.tag == MERGE_TAG))
                    findings.append(finding("RM007", msg("rm007.merge_depth", limit=MAX_MERGE_DEPTH),
                                            display, line, column))
                    return False
            continue
        if ident in seen:
            if seen[ident] == 0:
                line, column = pos(node)
                findings.append(finding("RM007", msg("rm007.recursive"), display, line, column))
                return False
            continue
        if node.tag not in STANDARD_TAGS:
            line, column = pos(node)
            findings.append(finding("RM007", msg("rm007.tag", tag=repr(node.tag)), display, line,
                                    column, suggestion=msg("rm007.tag.hint")))
            return False
        seen[ident] = 0
        stack.append((node, True))
        for child in _children(node):
            stack.append((child, False))
    return True


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


def mapping_pairs(node: MappingNode) -> list[tuple[ScalarNode | Node, Node]]:
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


_resolve: Callable[[type, str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve
_STR = _CORE + "str"


def plain_reads_as_text(value: str) -> bool:
    """Whether a plain scalar written as ``value`` is read as text (not a number, a date, a
    boolean, null, a merge key): YAML's implicit resolution, the same for both loaders."""
    return _resolve(ScalarNode, value, (True, False)) == _STR


def read_scalar(text: str) -> str | None:
    """The value of ``text`` read alone as one YAML scalar (None: it is not one)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    return node.value if isinstance(node, ScalarNode) else None


def load_data(text: str) -> Any:
    """Plain data from trusted YAML shipped with the package (the message catalogue)."""
    return yaml.load(text, Loader=_Loader)  # a safe loader: plain data only


def libyaml_warning(lang: str = "en") -> str | None:
    if HAS_LIBYAML:
        return None
    from roadmap_check.i18n import t

    return t(lang, "cli.no_libyaml")

