"""RM005 duplicate ids and RM309 near-duplicate titles."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator

from roadmap_check.checks.base import NO_FIX, Check, E, Family, W
from roadmap_check.findings import Finding
from roadmap_check.i18n import bare, msg
from roadmap_check.model import Item
from roadmap_check.resolve import Resolved

RM005 = Check("RM005", "duplicate-id", E, NO_FIX, (
    "rm005.duplicate_id", "rm005.duplicate_id.hint", "rm005.aliased", "rm005.aliased_entry",
    "rm005.aliased.hint"))
RM309 = Check("RM309", "near-duplicate-item", W, NO_FIX,
              ("rm309.near_duplicate", "rm309.near_duplicate.hint"))

_MAX_BUCKET = 40  # a word in more titles than this tells nothing about duplicates


def check(r: Resolved) -> Iterator[Finding]:
    for item in r.roadmap.items:
        if item.id_text is None:
            continue
        first = r.ids[item.id]
        if first is not item:
            yield RM005.at(r.path, item.id_text, msg("rm005.duplicate_id", id=bare(item.id),
                                                     line=first.line),
                           item=item.id, hint=msg("rm005.duplicate_id.hint"))
    yield from _near_duplicates(r)


def _near_duplicates(r: Resolved) -> Iterator[Finding]:
    """Pairs of titles at least ``near_duplicate`` alike, without comparing every pair.

    Identical titles (after normalisation) are always found, and so are titles that differ
    only in how words are hyphenated or spaced ("tele-consultations" / "teleconsultations",
    "e-health" / "eHealth"): their words run together are the same. Otherwise two titles are
    compared only when they share most of their uncommon words, so the cost stays close to
    linear; as words and run together, so a hyphen and a typo together are found too.
    """
    words_key = r.rules.normalizer.words_key
    titled = [(item, words_key(item.title.value)) for item in r.roadmap.items if item.title]
    if len(titled) < 2:
        return
    from roadmap_check.fuzzy import similarity

    limit = r.rules.ruleset.thresholds.near_duplicate
    words = [set(form.split()) for _, form in titled]
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, bag in enumerate(words):
        for word in bag:
            by_word[word].append(index)
    first_of: dict[str, int] = {}
    for index, (item, form) in enumerate(titled):
        if not form:
            continue
        earlier = first_of.setdefault(form, index)
        if earlier == index:  # run together: the same words hyphenated or spaced otherwise
            earlier = first_of.setdefault(" " + form.replace(" ", ""), index)
        if earlier != index:
            yield _report(r, item, titled[earlier][0], 100.0)
            continue
        shared: Counter[int] = Counter()
        for word in words[index]:
            bucket = by_word[word]
            if len(bucket) <= _MAX_BUCKET:
                shared.update(j for j in bucket if j < index)
        need = max(2, int(len(words[index]) * 0.6))
        # Most shared words first, then the earliest item: not the order a set gave the words.
        for j, count in heapq.nsmallest(5, shared.items(), key=lambda kv: (-kv[1], kv[0])):
            if count < need:
                break
            other = titled[j][1]
            # the words run together too: a hyphen or a space more is no difference
            score = max(similarity(form, other),
                        similarity(form.replace(" ", ""), other.replace(" ", "")))
            if score >= limit:
                yield _report(r, item, titled[j][0], score)
                break


def _report(r: Resolved, item: Item, other: Item, score: float) -> Finding:
    """Reported on the item of the pair with the greater id, so moving items changes nothing."""
    if (other.id, other.line) > (item.id, item.line):
        item, other = other, item
    assert item.title is not None
    return RM309.at(r.path, item.title, msg("rm309.near_duplicate", other=bare(other.id),
                                            line=other.line, score=f"{score:.0f}"),
                    item=item.id if item.id_text is not None else None,
                    hint=msg("rm309.near_duplicate.hint"))


FAMILY = Family("structure", (RM005, RM309), check)
