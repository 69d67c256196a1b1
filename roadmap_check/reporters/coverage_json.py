"""``roadmap-check coverage --format json``: the coverage matrix of each file, as data."""

from __future__ import annotations

import json
from collections.abc import Iterator

from roadmap_check.matrix import build
from roadmap_check.report import Report


def render(report: Report) -> Iterator[str]:
    files = [{"path": f.path, **build(f).to_dict()} for f in report.files]
    yield json.dumps({"files": files}, ensure_ascii=False, indent=2) + "\n"
