"""RM005 duplicate ids and RM309 near-duplicate titles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from roadmap_check.checks import Context
from roadmap_check.findings import Finding
from roadmap_check.model import Item
from roadmap_check.normalize import words_key

_COMMON_WORD_SHARE = 0.05   # a word in more titles than this tells nothing about duplicates
_MAX_BUCKET = 50


def check(ctx: Context) -> Iterator[Finding]:
    first: dict[str, Item] = {}
    for item in ctx.roadmap.items:
        if item.id_text is None:
            continue
        earlier = first.get(item.id)
        if earlier is not None:
            yield ctx.at("RM005", f"the id {item.id!r} is also the id of the item on line "
                         f"{earlier.line}", item.id_text, item=item,
                         suggestion="give each item its own id")
        else:
            first[item.id] = item
    yield from _near_duplicates(ctx)


def _near_duplicates(ctx: Context) -> Iterator[Finding]:
    """Pairs of titles at least ``near_duplicate`` alike, without comparing every pair.

    Titles are compared only when they share an uncommon word, so the cost stays close to
    linear in the number of items.
    """
    titled = [(item, words_key(item.title.value)) for item in ctx.roadmap.items if item.title]
    if len(titled) < 2:
        return
    from roadmap_check.matching import similarity

    limit = ctx.ruleset.thresholds.near_duplicate
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, (_, form) in enumerate(titled):
        for word in set(form.split()):
            by_word[word].append(index)
    common = max(_MAX_BUCKET, int(len(titled) * _COMMON_WORD_SHARE))
    reported: set[int] = set()
    for index, (item, form) in enumerate(titled):
        if not form:
            continue
        candidates: set[int] = set()
        for word in set(form.split()):
            bucket = by_word[word]
            if len(bucket) <= common:
                candidates.update(j for j in bucket if j < index)
        for j in sorted(candidates):
            other, other_form = titled[j]
            if j in reported or index in reported:
                continue
            score = 100.0 if form == other_form else similarity(form, other_form)
            if score >= limit:
                reported.add(index)
                assert item.title is not None
                yield ctx.at("RM309", f"the title is nearly the same as that of item "
                             f"{other.id!r} (line {other.line}, {score:.0f}% alike)",
                             item.title, item=item,
                             suggestion="merge the two items, or say in the title how they differ")
                break
