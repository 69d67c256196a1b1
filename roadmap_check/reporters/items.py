"""Which item of a report a finding is about."""

from __future__ import annotations

from collections.abc import Sequence

from roadmap_check.findings import Finding
from roadmap_check.report import ItemInfo


def items_by_id(items: Sequence[ItemInfo]) -> dict[str, list[int]]:
    """Item indexes by id, in file order (a broken draft may repeat an id)."""
    out: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        out.setdefault(item.id, []).append(index)
    return out


def item_of(items: Sequence[ItemInfo], index: dict[str, list[int]],
            finding: Finding) -> int | None:
    """The index of the item a finding is about, or None for the document.

    Findings name items by id; when a broken draft repeats an id, the finding belongs to the
    last item with that id that starts at or before the finding's line.
    """
    candidates = index.get(finding.item) if finding.item is not None else None
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    before = [c for c in candidates if items[c].line <= finding.line]
    return before[-1] if before else candidates[0]
