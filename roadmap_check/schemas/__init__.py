

def sync() -> list[str]:
    """Rewrite what the schemas derive from the code: the waiver's ``check`` enum (every
    registered code, with its summary for editors' completion) and, beside every ``pattern``,
    the ``patternErrorMessage`` (yaml-language-server, VS Code) and ``errorMessage`` that say
    in words what the pattern wants. Returns the files it changed."""
    import json
    from pathlib import Path

    from roadmap_check.docs import check_docs
    from roadmap_check.registry import CHECKS

    folder = Path(__file__).parent
    changed = []
    for name in ("roadmap", "ruleset"):
        path = folder / f"{name}.schema.json"
        text = path.read_text(encoding="utf-8")
        schema = json.loads(text)
        if name == "roadmap":
            check = schema["$defs"]["waiver"]["properties"]["check"]
            check.pop("pattern", None)
            check["enum"] = sorted(CHECKS)
            check["enumDescriptions"] = [check_docs(code).summary("en") for code in sorted(CHECKS)]
        _say_patterns(schema)
        new = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(str(path))
    return changed


# What a pattern wants, by the start of its description (the schemas describe every value).
def _say_patterns(node: object) -> None:
    if isinstance(node, dict):
        if "pattern" in node:
            message = _PATTERNS.get(node["pattern"])
            if message is None:
                raise KeyError(f"no words for the pattern {node['pattern']!r}: add them to "
                               "roadmap_check/schemas/__init__.py")
            node["patternErrorMessage"] = node["errorMessage"] = message
        for value in node.values():
            _say_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _say_patterns(value)


_DAY = ("[0-9]{4}\\s*[\\-‐‑‒–—]\\s*[0-9]{4}|[0-9]{4}(?:-(?:(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|"
        "[12][0-9]|3[01]))?|[Qq][1-4]|[Hh][12]))?")
_PATTERNS = {
    f"^(?:{_DAY})$": "Not a date form roadmap-check reads: write 2023-06-30, 2023-06, 2023, "
                     "2023-Q2 (a quarter), 2023-H1 (a half-year) or 2022-2023 (a period).",
    f"^(?:{_DAY}|[Oo]ngoing|ONGOING|[Пп]остоянно|ПОСТОЯННО|continuous|permanent|"
    "на постоянной основе)$": "Not a date form roadmap-check reads: write 2023-06-30, 2023-06, "
                             "2023, 2023-Q2 (a quarter), 2023-H1 (a half-year), 2022-2023 (a "
                             "period) or ongoing.",
    "^RM[0-9]{3}$": "Not a check code: write RM and three digits, such as RM201 "
                    "('roadmap-check checks' lists them).",
    "^[a-z0-9][a-z0-9\\-]*$": "Not a rule-set name: lower-case letters, digits and '-', "
                              "starting with a letter or a digit.",
    "^[a-z0-9][a-z0-9.\\-]*$": "Not an id: lower-case letters, digits, '.' and '-', starting "
                               "with a letter or a digit.",
}
