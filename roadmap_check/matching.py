"""Citations against a rule set's frameworks: canonical, loose, ambiguous, unknown or accepted."""

from __future__ import annotations

import re
from typing import NamedTuple

from roadmap_check.citation_parts import (
    MAX_CITATION_LENGTH,
    PROVISION_ID,
    approval,
    marker_atoms,
    provision_form,
)
from roadmap_check.fuzzy import scorers
from roadmap_check.i18n import DEFAULT, Msg, msg, number, render
from roadmap_check.model import Framework, RuleSet
from roadmap_check.normalize import (
    Key,
    Normalizer,
    fold,
    light,
    numbers_of,
    split_edition,
)
from roadmap_check.references import Accepted, Recogniser

# A code in a framework's name: a few capital letters, then its number ("H.810", "WHA58.28",
# "ISO 13606", "PS3", "ICD-10"); the numbers of such codes are the framework's code numbers.
_NAMED_CODE = re.compile(r"(?<![\w.])[A-ZА-ЯЁ]{1,4}[\s.\-]?(\d{1,9}(?:\.\d{1,9}){0,5})(?![\d\w])")
# A code in a citation, in any case: "h.812.1", "ps3.15", "iso 13606.1".
_CITED_CODE = re.compile(r"(?<![\w.])([^\W\d_]{1,4})[\s.\-]?(\d{1,9}(?:\.\d{1,9}){0,5})(?![\d\w])")
# A standard's part after its number, as ISO writes it: "13606-1" (read as 13606.1).
_PART = re.compile(r"(?<=\d{3})-(\d{1,2})(?![\w])")
# A citation ending in a bracket of words (a gloss), and what makes a bracket no gloss
_GLOSS = re.compile(r"(?P<head>[^()]{3,300}?)\s*\((?P<gloss>[^()]{1,300})\)\s*")
_NOT_GLOSS = re.compile(r"\d|\bdraft\b|\bпроект", re.I)


class Resolution(NamedTuple):
    status: str                    # canonical | loose | ambiguous | unknown | accepted
    framework: str | None = None
    candidates: tuple[str, ...] = ()
    provision: str | None = None   # the provision id split off the text
    reason: str | None = None      # why a close name was rejected (numbers, organisation)
    remainder: str = ""            # the citation text without its provision part
    why: Msg | None = None         # the reason as a message, to be said in any language
    latin: str | None = None       # the citation with Latin letters in its codes, if it had
                                   # Cyrillic twins of them ("Н.810")
    marker: str | None = None      # the provision marker as written ("strategic objective")
    kind: str | None = None        # unknown: the kind of reference it is (RM110), if any
    reference: str | None = None   # accepted: the accepted reference it names


def _too_long(text: str) -> Resolution:
    why = msg("rm102.reason_too_long", length=number(len(text)),
              limit=number(MAX_CITATION_LENGTH))
    return Resolution("unknown", None, (), None, render(DEFAULT, *why), text, why)


_SUB_ID = re.compile(r"[^\W_]{1,10}")
_SUB_LEVELS = 6  # "6.1.2.3.4.5.6": deeper parts are no sub-provision of a listed one


class CitationTables(NamedTuple):
    """What a citation index makes of the frameworks before it reads a citation: a function
    of the rule set and its vocabulary alone (a built-in rule set's twin keeps them, with the
    stamp of the code that made them: ``ruleset_twins.py``)."""

    canonical: dict[str, str]                  # the light form of an id or title -> framework
    by_words: dict[str, set[str]]              # the words of a name -> the frameworks of it
    numbers: dict[str, frozenset[str]]         # framework -> numbers of its names and dates
    orgs: dict[str, frozenset[str]]            # framework -> the organisations it is of
    codes: dict[str, frozenset[str]]           # framework -> the numbers of its codes
    by_code: dict[tuple[str, str], set[str]]   # a code, (letters, number) -> frameworks
    provisions: dict[str, dict[str, str]]      # framework -> form of a provision id -> the id


class CitationIndex:
    """Resolves citations against one rule set; every answer is cached per text."""

    def __init__(self, ruleset: RuleSet, normalizer: Normalizer | None = None,
                 tables: CitationTables | None = None) -> None:
        """``tables``: the tables this very rule set and vocabulary make, if known."""
        self.ruleset = ruleset
        self.normalizer = normalizer = normalizer or Normalizer(ruleset.vocabulary)
        self.key = normalizer.key
        self.frameworks = ruleset.frameworks
        self.cutoff = ruleset.thresholds.citation_cutoff
        self.margin = ruleset.thresholds.ambiguity_margin
        markers = [(m, marker_atoms(m)) for m in ruleset.vocabulary.provision_markers]
        for framework in self.frameworks.values():
            markers.extend((m, marker_atoms(m, vocabulary=False))
                           for m in framework.provision_markers)
        markers.sort(key=lambda marker: len(marker[0]), reverse=True)  # the longest first
        self.marker = re.compile(
            r"(?:^|(?<=[\s,;(]))(?P<marker>" + "|".join(dict.fromkeys(
                "".join(atoms) for _, atoms in markers)) + r")\s*" + PROVISION_ID
            + r"(?=$|[\s,;.)])", re.IGNORECASE)
        (self.canonical, self.by_words, self.numbers, self.orgs, self.codes, self.by_code,
         self.provisions) = tables or CitationTables({}, {}, {}, {}, {}, {}, {})
        if tables is None:
            for framework in self.frameworks.values():
                self._index(framework)
        # What reads a citation that names no framework: made at the first such citation (a
        # road map whose citations all resolve never compiles their patterns).
        self._accepted: Accepted | None = None
        self._recogniser: Recogniser | None = None
        self._cache: dict[str, Resolution] = {}
        self._choices: list[str] | None = None
        self._complete: dict[str, list[re.Pattern[str]]] = {}

    @property
    def tables(self) -> CitationTables:
        return CitationTables(self.canonical, self.by_words, self.numbers, self.orgs,
                              self.codes, self.by_code, self.provisions)

    @property
    def accepted(self) -> Accepted:
        """The rule set's accepted references."""
        if self._accepted is None:
            self._accepted = Accepted(self.ruleset.references.values(), self.normalizer)
        return self._accepted

    @property
    def recogniser(self) -> Recogniser:
        """What kind of reference an unknown citation recognisably is (RM110)."""
        if self._recogniser is None:
            words_key = self.normalizer.words_key
            states = [tuple(words_key(name).split()) for party in self.ruleset.parties
                      if party.kind == "state" for names in party.names.values()
                      for name in names]
            self._recogniser = Recogniser(self.ruleset.vocabulary.reference_kinds,
                                          self.normalizer, states)
        return self._recogniser

    def _index(self, framework: Framework) -> None:
        fid = framework.id
        for name in [fid, *framework.title.values()]:
            self.canonical.setdefault(light(name), fid)
        numbers: set[str] = set()
        orgs: set[str] = set()
        codes: set[str] = set()
        key = self.key
        for name in framework.names():
            edited, _ = split_edition(name)
            k = key(edited)
            if k.words:
                self.by_words.setdefault(k.words, set()).add(fid)
            numbers |= numbers_of(fold(name))
            orgs |= k.orgs
            codes.update(m.group(1) for m in _NAMED_CODE.finditer(name)
                         if not self._organisation(m.group()))
        codes.update(m.group(1) for p in framework.provisions
                     for m in _NAMED_CODE.finditer(p.id))
        self.codes[fid] = frozenset(codes)
        for name in framework.names():
            for match in _CITED_CODE.finditer(name):
                if not self._organisation(match.group()):
                    self.by_code.setdefault((fold(match.group(1)), match.group(2)),
                                            set()).add(fid)
        for value in (framework.adopted, framework.in_force_until, *framework.editions):
            if value:
                numbers |= numbers_of(value)
        for text in framework.issuer.values():
            orgs |= key(text).orgs
        known = self.normalizer.organisations
        if framework.group and framework.group in known:
            orgs.add(known[framework.group])
        self.numbers[fid] = frozenset(numbers)
        self.orgs[fid] = frozenset(orgs)
        table: dict[str, str] = {}
        for provision in framework.provisions:
            for name in [provision.id, *provision.aliases]:
                pid, _ = self.split(name)
                for form in provision_form(pid or name):
                    table.setdefault(form, provision.id)
        self.provisions[fid] = table

    def _organisation(self, code: str) -> bool:
        """Whether a code is an organisation's short name ("HL7"), not a document's code."""
        return re.sub(r"[\s.\-]+", "", fold(code)) in self.normalizer.organisations

    # -- provisions ---------------------------------------------------------------------

    def split(self, text: str) -> tuple[str | None, str]:
        """``"X, section IV"`` -> ("IV", "X")."""
        pid, _, rest = self.split_marked(text)
        return pid, rest

    def split_marked(self, text: str) -> tuple[str | None, str | None, str]:
        """``"X, section IV"`` -> ("IV", "section", "X"); a sub-point and its article in either
        order ("Article 6(b)", "подпункт «б» статьи 6") are one id, "6(b)"."""
        matches = list(self.marker.finditer(text))
        if not matches:
            return None, None, text
        pid = re.sub(r"\s+", "", matches[0].group("pid"))
        marker = " ".join(matches[0].group("marker").split())
        letter = re.sub(r"[\s()«»\"']+", "", pid)
        for extra in matches[1:]:
            sub = re.sub(r"[\s()«»\"']+", "", extra.group("pid"))
            if len(sub) == 1 and sub.isalpha():
                pid = f"{pid}({sub})"
            elif len(letter) == 1 and letter.isalpha() and sub and not sub.isalpha():
                pid, marker = f"{sub}({letter})", " ".join(extra.group("marker").split())
                letter = ""
        pieces, start = [], 0
        for match in matches:
            pieces.append(text[start: match.start()])
            start = match.end()
        pieces.append(text[start:])
        return pid, marker, re.sub(r"\s+", " ", " ".join(pieces)).strip(" ,;.")

    def provision(self, framework: str, pid: str) -> str | None:
        """The provision of the rule set a written id is; a sub-provision of a listed one
        ("4.2" of "4", "H.812.1" of "H.812") is that one."""
        table = self.provisions.get(framework, {})
        written = pid.strip()
        for _ in range(_SUB_LEVELS + 1):
            for form in provision_form(written):
                if form in table:
                    return table[form]
            head, dot, tail = written.rpartition(".")
            # a sub-provision is an id after a dot ("4.2", "H.812.1"): not a dot among blanks
            # or other dots ("6. . . x" is no part of 6), so each step is one short id
            if not dot or not head or _SUB_ID.fullmatch(tail) is None \
                    or head[-1] == "." or head[-1].isspace():
                return None
            written = head
        return None

    # -- frameworks ---------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._resolve(text) \
                if len(text) <= MAX_CITATION_LENGTH else _too_long(text)
        return cached

    def resolve_id(self, text: str) -> Resolution:
        """A mapping citation's ``framework:`` value: an id is canonical, else as free text."""
        if text.strip() in self.frameworks:
            return Resolution("canonical", text.strip(), remainder=text.strip())
        found = self.resolve(text)
        if found.status == "canonical":
            return found._replace(status="loose")
        return found

    def complete(self, fid: str, marker: str | None) -> bool:
        """Whether the framework's outline is complete for provisions cited with ``marker``
        (with any marker, when it is complete as a whole)."""
        framework = self.frameworks[fid]
        if framework.provisions_complete:
            return True
        if marker is None:
            return False
        patterns = self._complete.get(fid)
        if patterns is None:
            patterns = self._complete[fid] = self._complete_patterns(framework)
        folded = " ".join(marker.casefold().split())
        return any(p.fullmatch(folded) for p in patterns)

    def _complete_patterns(self, framework: Framework) -> list[re.Pattern[str]]:
        """The markers a framework's outline is complete for, as patterns: a marker of the
        framework as written, one of the vocabulary with its forms ("статья" as "стать?*")."""
        vocabulary = [re.compile("".join(marker_atoms(m)), re.IGNORECASE)
                      for m in self.ruleset.vocabulary.provision_markers]
        out = []
        for marker in framework.complete_markers:
            folded = " ".join(marker.casefold().split())
            out.append(re.compile(re.escape(folded), re.IGNORECASE))
            out.extend(p for p in vocabulary if p.fullmatch(folded))
        return out

    def _agrees(self, fid: str, k: Key) -> Msg | None:
        """Why the framework cannot be what the citation names, or None if it can.

        Every number of the citation (editions split off) must be one of the framework's (in
        its names, dates, recorded editions), or a part or member of one of its codes ("812.1"
        of H.812, "3.15" of PS3, "13606.1" of ISO 13606); every organisation it names must be
        the framework's.
        """
        have, codes = self.numbers[fid], self.codes[fid]
        for figure in k.numbers:  # as written: the first that disagrees is named
            parts = [p.lstrip("0") or "0" for p in figure.split(".")]
            if (figure.lstrip("0") or "0") in have or all(p in have for p in parts):
                continue
            head = figure.rpartition(".")[0]
            if head and (head in codes or head.lstrip("0") in codes):
                continue
            return msg("rm102.reason_number", number=figure, framework=fid)
        extra = k.orgs - self.orgs[fid]
        if extra:
            return msg("rm102.reason_issuer", issuers=", ".join(sorted(o.upper() for o in extra)),
                       framework=fid)
        return None

    def agrees(self, fid: str, text: str) -> bool:
        """Whether the framework agrees in numbers and organisations with a citation's text."""
        _, _, _, rest = self._parts(text)
        return self._agrees(fid, self.key(_PART.sub(r".\1", rest))) is None

    def _parts(self, text: str) -> tuple[str | None, str | None, str | None, str]:
        """The Latin form (if it differs), the provision, its marker and the rest of a
        citation, its editions split off."""
        latin = self.normalizer.latin(text)
        edited, _ = split_edition(latin)
        pid, marker, rest = self.split_marked(edited)
        return (latin if latin != text else None), pid, marker, rest

    def _resolve(self, text: str) -> Resolution:
        latin, pid, marker, rest = self._parts(text)
        found = self._framework(pid, approval(rest)[0])
        if found.status == "unknown":
            found = self._glossed(pid, rest) or found
        if found.status == "unknown":
            ref = self.accepted.match(latin or text)
            if ref is not None:
                return Resolution("accepted", None, (), pid, None, rest, None, latin, marker,
                                  reference=ref)
            found = found._replace(kind=self.recogniser.kind(latin or text))
        elif found.framework is not None:
            if found.provision is None:
                found = found._replace(provision=self._member(found.framework, rest))
            if latin is not None and found.status == "canonical":
                found = found._replace(status="loose")
        return found._replace(latin=latin, marker=marker)

    def _glossed(self, pid: str | None, rest: str) -> Resolution | None:
        """A framework's name followed by the drafter's gloss in brackets ("HL7 FHIR (быстрые
        ресурсы ...)"): read as the name, loosely. A bracket with a number or saying "draft" is
        no gloss (an edition, a year, a draft of the document)."""
        glossed = _GLOSS.fullmatch(rest)
        if glossed is None or _NOT_GLOSS.search(glossed["gloss"]):
            return None
        found = self._framework(pid, glossed["head"])
        if found.framework is None:
            return None
        return found._replace(status="loose", remainder=rest)

    def _member(self, fid: str, rest: str) -> str | None:
        """A provision a code of the citation names: a listed one ("H.812.1", "H.812"), else
        the part after one of the framework's codes ("13606-1": "1"; "PS3.15": "15")."""
        table, codes = self.provisions.get(fid, {}), self.codes[fid]
        if not table and not codes:
            return None
        for match in _CITED_CODE.finditer(_PART.sub(r".\1", self.normalizer.latin(rest))):
            letters, figure = match.groups()
            if self._organisation(match.group()):
                continue
            if table:
                found = self.provision(fid, f"{letters}.{figure}")
                if found is not None:
                    return found
            head, _, part = figure.rpartition(".")
            if head and head in codes and figure not in codes:
                return self.provision(fid, part) or part
        return None

    def _framework(self, pid: str | None, rest: str) -> Resolution:
        fid = self.canonical.get(light(rest))
        if fid is not None:
            return Resolution("canonical", fid, provision=pid, remainder=rest)
        k = self.key(_PART.sub(r".\1", rest))
        rejected: dict[str, tuple[float, Msg]] = {}
        exact = []
        for candidate in sorted(self.by_words.get(k.words, ())):
            why = self._agrees(candidate, k)
            if why is None:
                exact.append(candidate)
            else:
                rejected[candidate] = (100.0, why)
        if len(exact) == 1:
            return Resolution("loose", exact[0], provision=pid, remainder=rest)
        if len(exact) > 1:
            return Resolution("ambiguous", None, tuple(exact), pid, remainder=rest)
        return self._fuzzy(k, pid, rest, rejected)

    def _fuzzy(self, k: Key, pid: str | None, rest: str,
               rejected: dict[str, tuple[float, Msg]]) -> Resolution:
        scored: dict[str, float] = {}
        if k.words:
            fuzz, process = scorers()
            if self._choices is None:
                self._choices = sorted(self.by_words)
            for words, score, _ in process.extract(k.words, self._choices,
                                                   scorer=fuzz.token_sort_ratio, limit=12,
                                                   score_cutoff=50):
                for candidate in self.by_words[words]:
                    why = self._agrees(candidate, k)
                    if why is not None:
                        if float(score) > rejected.get(candidate, (0.0, why))[0]:
                            rejected[candidate] = (float(score), why)
                        continue
                    scored[candidate] = max(scored.get(candidate, 0.0), float(score))
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= self.cutoff:
            top = ranked[0]
            rivals = [c for c, s in ranked[1:] if s >= self.cutoff and top[1] - s <= self.margin]
            if rivals:
                return Resolution("ambiguous", None, (top[0], *rivals), pid, remainder=rest)
            return Resolution("loose", top[0], provision=pid, remainder=rest)
        partial = self._partial(k)
        if len(partial) == 1:
            return Resolution("loose", partial[0], provision=pid, remainder=rest)
        if len(partial) > 1:
            return Resolution("ambiguous", None, tuple(partial[:4]), pid, remainder=rest)
        coded = self._by_code(k, rest)
        if coded is not None:
            return Resolution("loose", coded, provision=pid, remainder=rest)
        # Unknown. The closest names that agree in numbers and organisations are the
        # suggestions; a closer name rejected for its numbers or issuer is only the reason.
        best = [c for c, _ in ranked[:3]]
        near = max(rejected.items(), key=lambda kv: (kv[1][0], kv[0]), default=None)
        why = near[1][1] if near is not None and near[1][0] >= self.cutoff and (
            not ranked or near[1][0] > ranked[0][1]) else None
        reason = render(DEFAULT, *why) if why else None
        return Resolution("unknown", None, tuple(best), pid, reason, rest, why)

    def _by_code(self, k: Key, rest: str) -> str | None:
        """The one framework one of whose codes the citation names ("... (WHA 58.28)" in a
        longer text), if it agrees with the rest of the citation."""
        found: set[str] = set()
        for match in _CITED_CODE.finditer(_PART.sub(r".\1", self.normalizer.latin(rest))):
            if self._organisation(match.group()):
                continue
            letters, figure = fold(match.group(1)), match.group(2)
            while figure:  # the code, else the code it is a part or member of ("PS3.15")
                if (letters, figure) in self.by_code:
                    found |= self.by_code[(letters, figure)]
                    break
                figure = figure.rpartition(".")[0]
        agreeing = [fid for fid in sorted(found) if self._agrees(fid, k) is None]
        return agreeing[0] if len(agreeing) == 1 else None


    def _partial(self, k: Key) -> list[str]:
        """Frameworks one of whose names holds every word of a shortened citation.

        Three words at least, or fewer with a year: "Agreement of 19 November 2010" is told
        by its kind and its date, the numbers having to agree with the framework's.
        """
        words = set(k.words.split()) - self.normalizer.month_stems
        dated = any(len(n) == 4 and n[:2] in ("19", "20") for n in k.numbers)
        if not words or (len(words) < 3 and not dated):
            return []
        found = {fid for names, fids in self.by_words.items() if words <= set(names.split())
                 for fid in fids if self._agrees(fid, k) is None}
        return sorted(found)


