"""Graphs of item ids: strongly connected components, shortest cycles, and an index of ids
by their one-edit forms. Iterative throughout, so no input depth exhausts the stack."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator

ID_HEAD = 24          # characters of an id that its misspellings are looked up by
MAX_CANDIDATES = 500  # ids compared with one unknown id at most


def components(graph: dict[str, list[str]]) -> Iterator[list[str]]:
    """The strongly connected components of a graph (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in graph:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    yield component


def shortest_cycle(graph: dict[str, list[str]], start: str, members: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to it inside ``members`` (breadth first)."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in graph[node]:
            if child == start:
                path = [node]
                while (up := parent[path[-1]]) is not None:
                    path.append(up)
                return [*reversed(path), start]
            if child in members and child not in parent:
                parent[child] = node
                queue.append(child)
    raise ValueError(f"{start!r} is on no cycle")


class IdIndex:
    """Item ids by the forms they take with one character left out: the candidates for a
    misspelt id are the ids one edit away from it (a letter wrong, missing, added or two
    swapped), found without comparing it to every id; the closest of them is then chosen."""

    def __init__(self, ids: list[str]) -> None:
        self._order = {ident: n for n, ident in enumerate(ids)}
        self._by_form: dict[str, list[str]] = defaultdict(list)
        for ident in ids:
            for form in _forms(ident):
                self._by_form[form].append(ident)

    def closest(self, name: str) -> str | None:
        found: set[str] = set()
        for form in _forms(name):
            found.update(self._by_form.get(form, ()))
        if not found:
            return None
        candidates = sorted(found, key=self._order.__getitem__)[:MAX_CANDIDATES]
        from roadmap_check.fuzzy import closest_key

        return closest_key(name, candidates, cutoff=60)


def _forms(ident: str) -> set[str]:
    head = ident.casefold()[:ID_HEAD]
    return {head, *(head[:i] + head[i + 1:] for i in range(len(head)))}
