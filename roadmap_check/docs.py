"""``explain`` and ``frameworks``: the documentation the tool prints about itself."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from roadmap_check.errors import RoadmapCheckError
from roadmap_check.i18n import t
from roadmap_check.registry import CHECKS


@lru_cache(maxsize=1)
def check_docs() -> dict[str, dict[str, Any]]:
    """Per-code documentation: ``doc``, ``fail`` and ``pass`` examples (YAML), and for checks
    that need them, the ``rules`` (a rule set) and ``args`` (options) the examples run with."""
    text = (resources.files("roadmap_check") / "checkdocs.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return data


def explain(code: str) -> str:
    code = code.strip().upper()
    info = CHECKS.get(code)
    if info is None:
        from roadmap_check.matching import closest_key

        close = closest_key(code, list(CHECKS))
        hint = f" (did you mean {close}?)" if close else ""
        raise RoadmapCheckError(f"explain: no check {code!r}{hint}; 'roadmap-check checks' "
                                "lists them")
    doc: dict[str, Any] = check_docs().get(code, {})
    out = [f"{info.code} {info.name} (default severity: {info.severity.label})", "",
           str(doc.get("doc", info.summary)).strip(), ""]
    if doc.get("rules"):
        out += ["With this rule set (--rules FILE):", "",
                *("    " + line for line in str(doc["rules"]).rstrip().splitlines()), ""]
    if doc.get("baseline"):
        out += ["The failing example runs with this baseline (--baseline FILE):", "",
                *("    " + line for line in str(doc["baseline"]).rstrip().splitlines()), ""]
    if doc.get("args"):
        out += [f"With the options: {' '.join(doc['args'])}", ""]
    for label, key in (("Fails", "fail"), ("Passes", "pass")):
        example = doc.get(key)
        if example:
            out += [f"{label}:", "", *("    " + line for line in example.rstrip().splitlines()),
                    ""]
    return "\n".join(out)


def frameworks_table(specs: list[str], fmt: str, lang: str, color: bool,
                     roots: tuple[Path, ...] = ()) -> str:
    from roadmap_check import rulesets

    ruleset = rulesets.load(specs, roots=roots)
    required = {m for r in ruleset.requirements for m in rulesets.group_members(ruleset, r)
                if r.framework}
    grouped = {r.id: rulesets.group_members(ruleset, r) for r in ruleset.requirements
               if not r.framework}
    rows: list[dict[str, Any]] = []
    for framework in sorted(ruleset.frameworks.values(), key=lambda f: (f.group or "", f.id)):
        groups = [gid for gid, members in grouped.items() if framework.id in members]
        rows.append({
            "id": framework.id, "title": framework.title_in(lang), "group": framework.group,
            "adopted": framework.adopted, "in_force_until": framework.in_force_until,
            "required": framework.required or framework.id in required,
            "required_by_group": groups, "confidence": framework.confidence,
        })
    if fmt == "json":
        return json.dumps({"ruleset": ruleset.name, "sources": ruleset.sources,
                           "frameworks": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt != "terminal":
        raise RoadmapCheckError.of("error.unknown_format_frameworks", name=repr(fmt))
    import io

    from rich.console import Console
    from rich.table import Table

    table = Table(title=t(lang, "frameworks.heading", name=ruleset.name, count=len(rows)),
                  title_justify="left")
    for column in ("id", "title", "adopted", "until", "required", "confidence"):
        table.add_column(t(lang, f"frameworks.{column}"), overflow="fold")
    for row in rows:
        need = t(lang, "frameworks.yes") if row["required"] else (
            t(lang, "frameworks.one_of", ids=", ".join(row["required_by_group"]))
            if row["required_by_group"] else "")
        table.add_row(row["id"], row["title"], row["adopted"] or "", row["in_force_until"] or "",
                      need, row["confidence"] or "")
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=color, no_color=not color, width=160 if not color else None,
            highlight=False).print(table)
    return buffer.getvalue()
