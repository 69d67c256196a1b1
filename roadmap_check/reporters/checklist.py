"""``roadmap-check checks``: every check, one entry a check, wrapped to the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.i18n import t
from roadmap_check.reporters.wrapping import hang

_ROOM = 30  # the summary hangs under itself while it has this many columns


def terminal(lang: str) -> Iterator[str]:
    from roadmap_check.docs import check_docs
    from roadmap_check.registry import CHECKS
    from roadmap_check.reporters import terminal_width

    columns = terminal_width(0)
    levels = {code: t(lang, f"term.label.{info.severity.label}").strip()
              for code, info in CHECKS.items()}
    names = max(len(info.name) for info in CHECKS.values())
    width = max(map(len, levels.values()))
    lines: list[str] = []
    for code, info in CHECKS.items():
        head = f"{code}  {info.name:<{names}}  {levels[code]:<{width}}  "
        indent = len(head) if not columns or columns - len(head) >= _ROOM else len(code) + 2
        lines += hang(head, check_docs(code).summary(lang), columns, indent)
    yield "\n".join(lines) + "\n"
