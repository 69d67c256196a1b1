"""The JSON Schemas shipped with the package, and the parts of them the code writes (``sync``).

The schemas themselves are edited by hand, and tests hold them to the validators; ``python -m
roadmap_check.schemas`` writes what they derive from the code: the codes a waiver may name and
the words each pattern says in an editor.
"""

from __future__ import annotations


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
    for name in ("roadmap", "ruleset", "vocabulary"):
        path = folder / f"{name}.schema.json"
        text = path.read_text(encoding="utf-8")
        schema = json.loads(text)
        if name == "roadmap":
            # The codes, for completion in editors; or a code as the loader reads it (any
            # case, blanks around it), which the pattern states.
            check = schema["$defs"]["waiver"]["properties"]["check"]
            if "anyOf" not in check:
                check["anyOf"] = [{}, {"pattern": check.pop("pattern")}]
            for key in ("enum", "enumDescriptions", "patternErrorMessage", "errorMessage"):
                check.pop(key, None)
            check["anyOf"][0] = {"enum": sorted(CHECKS), "enumDescriptions": [
                check_docs(code).summary("en") for code in sorted(CHECKS)]}
        _say_patterns(schema)
        new = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(str(path))
    return changed


def _say_patterns(node: object, negated: bool = False) -> None:
    """Words beside every pattern a value must match (not under ``not``: there a match is
    what is refused, and the validator's own message says why)."""
    if isinstance(node, dict):
        if "pattern" in node and not negated:
            node["patternErrorMessage"] = node["errorMessage"] = _words(node["pattern"])
        for key, value in node.items():
            _say_patterns(value, negated or key == "not")
    elif isinstance(node, list):
        for value in node:
            _say_patterns(value, negated)


_DATE = ("Not a date form roadmap-check reads: write 2023-06-30, 2023-06, 2023, 2023-Q2 (a "
         "quarter), 2023-H1 (a half-year) or 2022-2023 (a period)")
_CODE = "Not a check code: write RM and the three digits of a check, such as RM201 " \
        "('roadmap-check checks' lists them)."
# What a pattern wants, told by its shape: the first rule whose marks the pattern has.
_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("(?=.*[0-9]{4})",), "Not a date as documents write it: name the year (IV квартал 2023 г., "
                          "December 2022, до 31 декабря 2024 г., 31.12.2024), or write a "
                          "recurring deadline (ежегодно, annually)."),
    (("[dD][oO][nN][eE]",), "Not an item status: planned, in-progress, done or dropped, or a "
                            "Russian value such as запланировано, в работе, выполнено, "
                            "исключено (the vocabulary's item_status)."),
    (("(?:-[a-z0-9]+)*$",), "Not a kind of party: lower-case Latin letters and digits, words "
                            "joined by '-' (company, national-body, institution)."),
    (("1[0-2])$",), "Not the number of a month: 1 to 12."),
    (("^[1-4]$",), "Not the number of an ordinal: 1 to 4."),
    (("[Qq][1-4]", "[nN][gG]"), _DATE + ", or ongoing (постоянно)."),
    (("[Qq][1-4]",), _DATE + "."),
    (("RM(?:",), _CODE),
    (("[Rr][Mm]",), _CODE),
    (("RM[0-9]",), _CODE),
    (("(?!.*\\*\\*)",), "Not a trigger term: words of letters and digits (with '.', '-' and "
                         "apostrophes), '*' for the rest of a word and '?' for one letter, "
                         "starting with a letter or a digit."),
    (("§№",), "Not a provision marker: words of letters (or § and №), '?' for one letter and "
              "'*' at the end of a word for the rest of it."),
    (("\\*?(?:\\s+",), "Not a vocabulary pattern: words of letters and digits, '?' for one "
                        "letter and '*' at the end of a word for the rest of it."),
    (("(?:\\.[",), "Not one word: letters and digits, with '.' only between them."),
    (("^[a-z0-9][a-z0-9.\\-]*$",), "Not an id: lower-case letters, digits, '.' and '-', "
                                   "starting with a letter or a digit."),
    (("^[a-z0-9][a-z0-9\\-]*$",), "Not a rule-set name: lower-case letters, digits and '-', "
                                  "starting with a letter or a digit."),
    (("^[a-z][a-z0-9]*$",), "Not an organisation id: lower-case Latin letters and digits, a "
                          "letter first."),
    (("а-яё",), "Not a Russian ending: one to four Cyrillic letters."),
    (("^[\u0400-\u04ff]$",), "Not one Cyrillic letter."),
    (("^[A-Za-z]$",), "Not one Latin letter."),
    (("^\\S(?:.*\\S)?$",), "No blank at the start or the end, and not empty."),
    (("\\S",), "Not empty: write some text."),
)


def _words(pattern: str) -> str:
    for marks, words in _RULES:
        if all(mark in pattern for mark in marks):
            return words
    raise KeyError(f"no words for the pattern {pattern!r}: add them to "
                   "roadmap_check/schemas/__init__.py")
