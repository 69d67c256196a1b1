"""The domain vocabulary: the shipped ``vocabulary.yaml`` and a rule set's ``vocabulary:``
section, read and validated the same way; every problem names file, line and key.

The structure (``schemas/vocabulary.schema.json`` describes it):

    stop_words, document_words, month_names, provision_markers, ongoing_words:
        {en: [...], ru: [...]} (a bare list counts as English)
    abbreviations: {en: {word: [words]}, ru: {...}}
    organisations: {id: {short: [words], names: {en: [...], ru: [...]}}}
    russian_endings: [...]
    lookalike_letters: {Cyrillic letter: Latin letter}
    reference_kinds: {kind: {codes: {en, ru}, names: {en, ru}, acts: {en, ru},
                             documents: {en, ru}}}     (kinds: model.REFERENCE_KINDS)

Organisation names, provision markers and the entries of reference kinds are patterns: '?'
one letter, '*' at the end of a word the rest of it; every other entry is a plain word (or, for
``ongoing_words``, a phrase).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from roadmap_check.errors import Problem, RuleSetError
from roadmap_check.i18n import Value, msg
from roadmap_check.langs import LANGS
from roadmap_check.model import REFERENCE_KINDS, Organisation, ReferenceKind, Vocabulary
from roadmap_check.normalize import fold
from roadmap_check.patterns import LETTERS
from roadmap_check.yaml_io import MappingNode, Node, ScalarNode, SequenceNode, compose, pos
from roadmap_check.yaml_messages import told

KEYS = ("stop_words", "document_words", "month_names", "abbreviations", "organisations",
        "provision_markers", "ongoing_words", "russian_endings", "lookalike_letters",
        "reference_kinds", "date_words", "item_status", "party_kinds")
ORGANISATION_KEYS = ("short", "names")
REFERENCE_KIND_KEYS = ("codes", "names", "acts", "documents")
# date_words: the numbered tables (months 1-12, ordinals 1-4) and the lists, by their shape
DATE_TABLES = {"months": 12, "ordinals": 4}
DATE_WORDS = {"quarter": "word", "half": "word", "year": "word", "filler": "word",
              "by": "phrase", "end": "phrase", "from": "phrase", "in": "phrase", "to": "phrase",
              "recurring": "stems"}
DATE_KEYS = (*DATE_TABLES, *DATE_WORDS)
ITEM_STATUSES = ("planned", "in-progress", "done", "dropped")
MAX_ENTRY_LENGTH = 120      # characters of one entry
MAX_WILDCARDS = 10          # '*' and '?' in one pattern
# The shapes of entries, as JSON Schema writes them too (schemas/vocabulary.schema.json has
# the same patterns; a test holds them equal).
_L = LETTERS
SHAPES = {
    "word": rf"^[{_L}0-9]+(?:\.[{_L}0-9]+)*$",
    # words (each with a letter or digit, a '*' only at its end) one blank or more apart
    "name": rf"^(?:(?=\S*[{_L}0-9])[{_L}0-9?.'\-]+\*?(?:\s+(?=\S)|$))+$",
    "marker": rf"^(?:(?=\S*[{_L}§№])[{_L}§№?.]+\*?(?:\s+(?=\S)|$))+$",
    # a standards body's prefix: a name whose words may have '/' ("ISO/IEC")
    "code": rf"^(?:(?=\S*[{_L}0-9])[{_L}0-9?.'/\-]+\*?(?:\s+(?=\S)|$))+$",
    "cyrillic": "^[\u0400-\u04ff]$",
    "latin": "^[A-Za-z]$",
    "phrase": r"^\S(?:.*\S)?$",
    # words (letters, digits, '-'), each whole or, with a '*' at its end, any word it begins
    "stems": rf"^(?:[{_L}0-9\-]+\*?(?:\s+(?=\S)|$))+$",
    "ending": "^[а-яёА-ЯЁ]{1,4}$",
    "organisation": "^[a-z][a-z0-9]*$",
    "kind": "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$",
}


@lru_cache(maxsize=len(SHAPES))
def _shape(kind: str) -> re.Pattern[str]:
    """The pattern of a shape, compiled on first need: a run that reads the vocabulary from
    its twin, with a rule set that adds none, validates no entry (compiling all eleven took
    1.6 ms of a 20-item check, measured)."""
    return re.compile(SHAPES[kind])


_TEXT, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"


_KIND_PARTS = ("codes", "names", "acts", "documents")  # of a ReferenceKind, after its id


class VocabularyError(RuleSetError):
    """An invalid vocabulary file; every problem names its file, line and key."""


@lru_cache(maxsize=1)
def builtin() -> Vocabulary:
    """The vocabulary shipped in the package, read once a process (from its JSON twin, which
    holds it validated, while the twin matches the YAML: ``twins.py``)."""
    from roadmap_check import twins

    return from_data(twins.load("vocabulary.yaml", parse_file))


def parse_file(data: bytes, display: str) -> dict[str, Any]:
    """A vocabulary file, validated, as plain data (its JSON twin's)."""
    return to_data(load(data, display))


def to_data(vocabulary: Vocabulary) -> dict[str, Any]:
    """A vocabulary as plain data (lists and mappings of text), for its JSON twin."""
    data: dict[str, Any] = vocabulary._asdict()
    data["abbreviations"] = {word: list(means) for word, means in vocabulary.abbreviations}
    data["organisations"] = [org._asdict() for org in vocabulary.organisations]
    data["lookalike_letters"] = [list(pair) for pair in vocabulary.lookalike_letters]
    data["reference_kinds"] = [kind._asdict() for kind in vocabulary.reference_kinds]
    return data


# the tables of named lists, in the order written (the twin keeps them as [name, [...]] pairs)
_PAIRS = ("date_words", "item_status", "party_kinds")


def from_data(data: dict[str, Any]) -> Vocabulary:
    """The vocabulary ``to_data`` made plain data of."""
    shaped = ("abbreviations", "organisations", "lookalike_letters", "reference_kinds")
    values: dict[str, Any] = {
        name: tuple((key, tuple(words)) for key, words in value) if name in _PAIRS
        else tuple(value) for name, value in data.items() if name not in shaped}
    return Vocabulary(
        **values,
        abbreviations=tuple((word, tuple(means)) for word, means in
                            data["abbreviations"].items()),
        organisations=tuple(Organisation(org["id"], tuple(org["short"]), tuple(org["names"]))
                            for org in data["organisations"]),
        lookalike_letters=tuple((letter, twin) for letter, twin in data["lookalike_letters"]),
        reference_kinds=tuple(
            ReferenceKind(kind["id"], *(tuple(kind[part]) for part in _KIND_PARTS))
            for kind in data["reference_kinds"]))


def load(data: bytes | str, display: str) -> Vocabulary:
    """A vocabulary file; raise VocabularyError with every problem of it."""
    root, problems, _ = compose(data)
    found = [Problem(display, p.line, p.column, "", told(p)[1]) for p in problems]
    vocabulary = Vocabulary()
    if root is not None:
        vocabulary, more = read(root, display, "", Vocabulary())
        found.extend(more)
    if found:
        raise VocabularyError(found)
    return vocabulary


def read(node: Node, path: str, key: str, base: Vocabulary) -> tuple[Vocabulary, list[Problem]]:
    """A vocabulary (the file, or the ``vocabulary:`` section of a rule set at ``key``) and
    its problems; ``base``: the vocabulary it extends (a short name of one of its
    organisations may not name another)."""
    reader = _Reader(path)
    vocabulary = reader.vocabulary(node, key, base)
    return vocabulary, reader.problems


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: Node, key: str, name: str, /, **values: Value) -> None:
        line, column = pos(node)
        self.problems.append(Problem(self.path, line, column, key.lstrip("."),
                                     msg(name, **values)))

    def mapping(self, node: Node, key: str) -> list[tuple[ScalarNode, Node]] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, key, "ruleset.mapping")
            return None
        return [(k, v) for k, v in node.value if isinstance(k, ScalarNode)]

    def known(self, pairs: list[tuple[ScalarNode, Node]], key: str,
              allowed: tuple[str, ...]) -> list[tuple[str, Node]]:
        """The pairs of known keys; an unknown key is a problem (with a "did you mean")."""
        from roadmap_check.fuzzy import closest_key

        out = []
        for name_node, value in pairs:
            name = str(name_node.value)
            if name in allowed:
                out.append((name, value))
                continue
            close = closest_key(name, allowed)
            if close:
                self.problem(name_node, f"{key}.{name}", "ruleset.unknown_key_close",
                             close=repr(close))
            else:
                self.problem(name_node, f"{key}.{name}", "ruleset.unknown_key")
        return out

    def texts(self, node: Node, key: str, valid: Callable[[ScalarNode, str], bool]
              ) -> tuple[str, ...]:
        """A text or a list of texts, each one valid (else a problem at it)."""
        return tuple(value for value, _ in self.entries(node, key, valid))

    def entries(self, node: Node, key: str, valid: Callable[[ScalarNode, str], bool]
                ) -> list[tuple[str, ScalarNode]]:
        """The valid texts of a text or a list of texts, each with its node."""
        if isinstance(node, ScalarNode):
            elements: list[tuple[Node, str]] = [(node, key)]
        elif isinstance(node, SequenceNode):
            elements = [(n, f"{key}[{i}]") for i, n in enumerate(node.value)]
        else:
            self.problem(node, key, "ruleset.texts")
            return []
        out = []
        for element, where in elements:
            if not isinstance(element, ScalarNode) or element.tag == _NULL:
                self.problem(element, where, "ruleset.text")
                continue
            value = str(element.value)
            if element.tag != _TEXT:
                self.problem(element, where, "error.vocabulary_not_text", value=repr(value))
            elif len(value) > MAX_ENTRY_LENGTH:
                self.problem(element, where, "error.vocabulary_too_long",
                             entry=repr(value[:40] + "…"), length=len(value),
                             limit=MAX_ENTRY_LENGTH)
            elif valid(element, where):
                out.append((" ".join(value.split()), element))
        return out

    def by_lang(self, node: Node, key: str, valid: Callable[[ScalarNode, str], bool]
                ) -> list[tuple[str, ScalarNode]]:
        """The entries of ``{en: [...], ru: [...]}``; a bare text or list counts as English."""
        if not isinstance(node, MappingNode):
            return self.entries(node, key, valid)
        out: list[tuple[str, ScalarNode]] = []
        for lang, value in self.known(self.mapping(node, key) or [], key, LANGS):
            out.extend(self.entries(value, f"{key}.{lang}", valid))
        return out

    # -- what an entry may be -----------------------------------------------------------

    def shaped(self, kind: str, message: str, name: str) -> Callable[[ScalarNode, str], bool]:
        """An entry of the shape ``kind`` (SHAPES); else ``message`` with it as ``name``."""
        shape = _shape(kind)

        def valid(node: ScalarNode, key: str) -> bool:
            value = str(node.value)
            wildcards = value.count("*") + value.count("?")
            if kind in ("name", "marker") and wildcards > MAX_WILDCARDS:
                self.problem(node, key, "error.vocabulary_wildcards", entry=repr(value),
                             count=wildcards, limit=MAX_WILDCARDS)
                return False
            if shape.match(value):
                return True
            self.problem(node, key, message, **{name: repr(value)})
            return False

        return valid

    # -- the parts ----------------------------------------------------------------------

    def vocabulary(self, node: Node, key: str, base: Vocabulary) -> Vocabulary:
        pairs = self.mapping(node, key)
        if pairs is None:
            return Vocabulary()
        word = self.shaped("word", "error.vocabulary_word", "word")
        lists = {"stop_words": word, "document_words": word, "month_names": word,
                 "provision_markers": self.shaped("marker", "error.vocabulary_pattern", "entry"),
                 "ongoing_words": self.shaped("phrase", "ruleset.text", "value")}
        values: dict[str, object] = {}
        for name, value in self.known(pairs, key, KEYS):
            where = f"{key}.{name}"
            if name in lists:
                values[name] = tuple(text for text, _ in self.by_lang(value, where, lists[name]))
            elif name == "russian_endings":
                values[name] = self.texts(value, where, self.shaped(
                    "ending", "error.vocabulary_ending", "ending"))
            elif name == "abbreviations":
                values[name] = self.abbreviations(value, where)
            elif name == "lookalike_letters":
                values[name] = self.twins(value, where)
            elif name == "reference_kinds":
                values[name] = self.reference_kinds(value, where)
            elif name == "date_words":
                values[name] = self.date_words(value, where)
            elif name == "item_status":
                values[name] = self.item_status(value, where)
            elif name == "party_kinds":
                values[name] = self.party_kinds(value, where)
            else:
                values[name] = self.organisations(value, where, base)
        return Vocabulary(**values)  # type: ignore[arg-type]

    def twins(self, node: Node, key: str) -> tuple[tuple[str, str], ...]:
        """``{Cyrillic letter: its Latin twin}``, one letter each."""
        cyrillic, latin = _shape("cyrillic"), _shape("latin")
        out: dict[str, str] = {}
        for letter, twin in self.mapping(node, key) or []:
            where = f"{key}.{letter.value}"
            value = twin.value if isinstance(twin, ScalarNode) else None
            if not (cyrillic.match(str(letter.value)) and isinstance(value, str)
                    and latin.match(value)):
                self.problem(letter, where, "error.vocabulary_twin",
                             entry=repr(f"{letter.value}: {value}"))
                continue
            out[str(letter.value)] = value
        return tuple(out.items())

    def reference_kinds(self, node: Node, key: str) -> tuple[ReferenceKind, ...]:
        """``{kind: {codes, names, acts, documents}}``, each ``{en, ru}`` lists of patterns."""
        code = self.shaped("code", "error.vocabulary_pattern", "entry")
        pattern = self.shaped("name", "error.vocabulary_pattern", "entry")
        out: dict[str, ReferenceKind] = {}
        for id_node, entry in self.mapping(node, key) or []:
            ident = str(id_node.value)
            where = f"{key}.{ident}"
            if ident not in REFERENCE_KINDS:
                self.problem(id_node, where, "error.vocabulary_reference_kind",
                             kind=repr(ident), kinds=", ".join(REFERENCE_KINDS))
                continue
            found: dict[str, tuple[str, ...]] = {}
            for name, value in self.known(self.mapping(entry, where) or [], where,
                                          REFERENCE_KIND_KEYS):
                found[name] = tuple(text for text, _ in self.by_lang(
                    value, f"{where}.{name}", code if name == "codes" else pattern))
            kind = ReferenceKind(ident, **found)
            out[ident] = out[ident].merged(kind) if ident in out else kind
        return tuple(out.values())
    def date_words(self, node: Node, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``{months: {1: {en: [...], ru: [...]}, ...}, ordinals: {...}, quarter: {...}, ...}``
        as (kind, words) pairs: "month.1", "ordinal.4", "quarter", "recurring" ..."""
        out: list[tuple[str, tuple[str, ...]]] = []
        for name, value in self.known(self.mapping(node, key) or [], key, DATE_KEYS):
            where = f"{key}.{name}"
            if name in DATE_TABLES:
                count = DATE_TABLES[name]
                word = self.shaped("word", "error.vocabulary_word", "word")
                for number_node, words in self.mapping(value, where) or []:
                    number = str(number_node.value)
                    inner = f"{where}.{number}"
                    if not (number.isdigit() and 1 <= int(number) <= count):
                        self.problem(number_node, inner, "error.vocabulary_number",
                                     value=repr(number), count=count)
                        continue
                    out.append((f"{name[:-1]}.{int(number)}",
                                tuple(t for t, _ in self.by_lang(words, inner, word))))
            else:
                shape = DATE_WORDS[name]
                valid = self.shaped(shape, {"word": "error.vocabulary_word",
                                            "phrase": "ruleset.text",
                                            "stems": "error.vocabulary_stems"}[shape],
                                    {"word": "word", "phrase": "value",
                                     "stems": "entry"}[shape])
                out.append((name, tuple(t for t, _ in self.by_lang(value, where, valid))))
        return tuple(out)

    def item_status(self, node: Node, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``{planned: {en: [...], ru: [...]}, in-progress: ..., done: ..., dropped: ...}``."""
        phrase = self.shaped("phrase", "ruleset.text", "value")
        return tuple((name, tuple(t for t, _ in self.by_lang(value, f"{key}.{name}", phrase)))
                     for name, value in self.known(self.mapping(node, key) or [], key,
                                                   ITEM_STATUSES))

    def party_kinds(self, node: Node, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``{company: {en: [llc, ...], ru: [ооо, ...]}, national-body: ...}``: each kind (an id
        of lower-case letters, digits and '-') with the words that show a name is of it."""
        stems = self.shaped("stems", "error.vocabulary_stems", "entry")
        out: list[tuple[str, tuple[str, ...]]] = []
        for id_node, words in self.mapping(node, key) or []:
            ident = str(id_node.value)
            where = f"{key}.{ident}"
            if not _shape("kind").match(ident):
                self.problem(id_node, where, "error.vocabulary_kind", id=repr(ident))
                continue
            out.append((ident, tuple(t for t, _ in self.by_lang(words, where, stems))))
        return tuple(out)

    def abbreviations(self, node: Node, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        word = self.shaped("word", "error.vocabulary_word", "word")
        out: dict[str, tuple[str, ...]] = {}
        for lang, table in self.known(self.mapping(node, key) or [], key, LANGS):
            where = f"{key}.{lang}"
            for word_node, meaning in self.mapping(table, where) or []:
                inner = f"{where}.{word_node.value}"
                if word(word_node, inner):
                    words = self.texts(meaning, inner, word)
                    if words:
                        out[str(word_node.value)] = words
        return tuple(out.items())

    def organisations(self, node: Node, key: str, base: Vocabulary) -> tuple[Organisation, ...]:
        owner = {fold(s): org.id for org in base.organisations for s in (*org.short, *org.names)}
        short = self.shaped("word", "error.vocabulary_word", "word")
        pattern = self.shaped("name", "error.vocabulary_pattern", "entry")
        out: dict[str, Organisation] = {}
        for id_node, entry in self.mapping(node, key) or []:
            ident = str(id_node.value)
            where = f"{key}.{ident}"
            if not _shape("organisation").match(ident):
                self.problem(id_node, where, "error.vocabulary_organisation_id", id=repr(ident))
                continue
            if ident in out:
                self.problem(id_node, where, "error.vocabulary_organisation_twice",
                             id=repr(ident))
                continue
            found: dict[str, list[tuple[str, ScalarNode]]] = {"short": [], "names": []}
            for name, value in self.known(self.mapping(entry, where) or [], where,
                                          ORGANISATION_KEYS):
                found[name] = self.entries(value, f"{where}.short", short) \
                    if name == "short" else self.by_lang(value, f"{where}.names", pattern)
            for name, texts in found.items():
                for text, text_node in texts:
                    other = owner.setdefault(fold(text), ident)
                    if other != ident:
                        self.problem(text_node, f"{where}.{name}", "error.vocabulary_shared",
                                     name=repr(text), other=repr(other))
            out[ident] = Organisation(ident, tuple(t for t, _ in found["short"]),
                                      tuple(t for t, _ in found["names"]))
        return tuple(out.values())

