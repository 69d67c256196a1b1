"""The documentation pages of the checks, written from their declarations (the registry) and
their documentation files (``checkdocs/<CODE>.yaml``): ``docs/checks/<CODE>.md`` for each
check and ``docs/checks/README.md``, the index. SARIF ``helpUri`` is to point at these pages.

    python -m roadmap_check.docs_pages docs/checks            # write the pages
    python -m roadmap_check.docs_pages --check docs/checks    # exit 1 if they are not current

The pages are in English (the language of ``explain``), with a check's Russian documentation
where its file has one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from roadmap_check.checks.base import Check
from roadmap_check.docs import check_docs
from roadmap_check.i18n import catalog, t
from roadmap_check.langs import DEFAULT
from roadmap_check.registry import CHECKS

COMMAND = "python -m roadmap_check.docs_pages docs/checks"
INDEX = "README.md"
_HEADS = ("explain.page.code", "explain.page.name", "explain.page.severity", "explain.page.fix")


def pages() -> dict[str, str]:
    """File name -> content: a page per check, and the index."""
    out = {f"{code}.md": page(check) for code, check in CHECKS.items()}
    out[INDEX] = index()
    return out


def _say(key: str, **values: str) -> str:
    return t(DEFAULT, key, **values)


def _heading(key: str, **values: str) -> str:
    return _say(key, **values).rstrip(":")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _facts(check: Check) -> list[str]:
    """The declaration as a one-row table."""
    heads = [_say(key) for key in _HEADS]
    row = [f"`{check.code}`", f"`{check.name}`",
           _say(f"term.label.{check.severity.label}").strip(), _say(f"explain.fix.{check.fix}")]
    return ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads),
            "| " + " | ".join(map(_cell, row)) + " |"]


def _code(text: str) -> str:
    """A code span, fenced by more backticks than the text has in a row."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _block(text: str) -> list[str]:
    """A fenced YAML block, fenced longer than any run of backticks in it."""
    fence = "```"
    while fence in text:
        fence += "`"
    return [fence + "yaml", *text.rstrip().splitlines(), fence]


def page(check: Check) -> str:
    code = check.code
    doc = check_docs(code)
    out = [f"<!-- {_say('explain.page.notice', code=code, command=COMMAND)} -->", "",
           f"# {code} {check.name}", "", f"> {doc.summary('en').strip()}", "",
           *_facts(check), "", doc.doc("en").strip(), ""]
    russian = doc.data.get("doc")
    if isinstance(russian, dict) and russian.get("ru"):
        out += [f"## {_say('explain.page.russian')}", "", str(russian["ru"]).strip(), ""]
    if doc.rules:
        out += [f"## {_heading('explain.rules')}", "", *_block(doc.rules), ""]
    if doc.baseline:
        out += [f"## {_heading('explain.baseline')}", "", *_block(doc.baseline), ""]
    if doc.args:
        out += [f"## {_heading('explain.args', args=' '.join(doc.args))}", ""]
    for kind in ("fail", "pass"):
        example = doc.example(kind)
        if example:
            out += [f"## {_heading(f'explain.{kind}')}", "", *_block(example), ""]
    entries = catalog()
    out += [f"## {_say('explain.page.messages')}", ""]
    out += [f"- `{key}`: {_code(str(entries[key]['en']))}" for key in check.messages]
    return "\n".join(out).rstrip() + "\n"


def index() -> str:
    heads = [_say(key) for key in (*_HEADS, "explain.page.summary")]
    out = [f"<!-- {_say('explain.page.index_notice', command=COMMAND)} -->", "",
           f"# {_say('explain.page.index')}", "",
           "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for code, check in CHECKS.items():
        row = [f"[{code}]({code}.md)", f"`{check.name}`",
               _say(f"term.label.{check.severity.label}").strip(),
               _say(f"explain.fix.{check.fix}"), check_docs(code).summary("en")]
        out.append("| " + " | ".join(map(_cell, row)) + " |")
    return "\n".join(out) + "\n"


def stale(folder: Path) -> list[str]:
    """The pages of ``folder`` that are not what ``pages()`` writes, missing or left over."""
    wanted = pages()
    found = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
    out = [name for name, text in wanted.items()
           if not (folder / name).is_file()
           or (folder / name).read_text(encoding="utf-8") != text]
    return sorted(out + [name for name in found if name not in wanted])


def write(folder: Path) -> list[str]:
    """Write the pages (and remove a page of no check); the names changed."""
    changed = stale(folder)
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for name in changed:
        if name in wanted:
            (folder / name).write_text(wanted[name], encoding="utf-8", newline="\n")
        else:
            (folder / name).unlink()
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    folders = [a for a in argv if a != "--check"]
    if len(folders) != 1:
        print(_say("explain.page.usage", command=COMMAND), file=sys.stderr)
        return 2
    folder = Path(folders[0])
    changed = stale(folder) if check else write(folder)
    for name in changed:
        print(folder / name)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
