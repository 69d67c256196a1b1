"""``--format concise``: one line per live finding, ``path:line:col: CODE message``.

For editors' problem matchers and for grep: no heading, no summary, no colour; a road map's
text stays on its line and never starts a workflow command (``safe_text.line``).
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_check.i18n import say
from roadmap_check.report import Report
from roadmap_check.safe_text import line


def render(report: Report) -> Iterator[str]:
    for file in report.files:
        lang = file.lang
        yield "".join(line(f"{f.path}:{f.line}:{f.column}: {f.code} {say(lang, f.message)}")
                      + "\n" for f in file.findings if f.suppression is None)
