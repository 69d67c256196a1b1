"""The language of ``--help``, and the parser's own labels said in it.

The help texts of the commands and options are catalogue keys (``help.*``), said in the
language of the command line's ``--lang``, else of the locale (``ROADMAP_CHECK_LANG``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``), as everything else the tool says. The labels that typer
and click write themselves ("Usage:", "Options", "Arguments", "Commands", the help option's
own help, "default:", "required") are said through the catalogue too: typer asks gettext for
them, click (vendored in recent typer, or the click package) writes some as they are, so the
few places that write them are given the catalogue's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from roadmap_check.i18n import LANGS, env_lang, t
from roadmap_check.langs import DEFAULT

# typer's gettext message ids -> catalogue keys
_LABELS = {
    "Arguments": "help.section.arguments", "Options": "help.section.options",
    "Commands": "help.section.commands", "default: {default}": "help.default",
    "required": "help.required", "env var: {var}": "help.env_var",
    "(dynamic)": "help.dynamic", "Aborted!": "help.aborted",
    "Missing command.": "help.missing_command",
}


def help_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """``--lang X`` (or ``--lang=X``) of the command line, else the locale's, else en."""
    for n, arg in enumerate(argv):
        value = argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else \
            arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in LANGS:
            return value
    return env_lang(environ) or DEFAULT


def _gettext(lang: str) -> Callable[[str], str]:
    def said(message: str) -> str:
        key = _LABELS.get(message)
        if key is None:
            return message
        if "{" in message:  # the caller formats it: keep the placeholder
            return t(lang, key, **{name: "{" + name + "}" for name in ("default", "var")})
        return t(lang, key)

    return said


def _click() -> Any:
    import typer

    vendored = getattr(typer, "_click", None)
    if vendored is not None:
        return vendored
    from importlib import import_module

    return import_module("click")  # older typer uses the click package


def localise(lang: str) -> None:
    """Say the parser's labels in ``lang`` from now on (this process only)."""
    if lang == DEFAULT:
        return
    import typer.core

    said = _gettext(lang)
    setattr(typer.core, "_", said)  # noqa: B010 - its gettext, replaced
    click = _click()
    for module in ("core", "formatting", "decorators"):
        found = getattr(click, module, None)
        if found is not None and hasattr(found, "_"):
            found._ = said
    formatter = click.formatting.HelpFormatter
    write_usage = formatter.write_usage
    usage = t(lang, "help.usage")

    def localised_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, usage if prefix is None else prefix)

    formatter.write_usage = localised_usage
    command = click.core.Command
    get_help_option = command.get_help_option
    text = t(lang, "help.help_option")

    def localised_help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = text
        return option

    command.get_help_option = localised_help_option


# The parser's own error sentences (the vendored click writes them in English, with no
# gettext): recognised by their form and said again through the catalogue.
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean (?P<like>.*)\?)?", re.S),
     "help.error.no_such_command"),
    (re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)", re.S),
     "help.error.extra_arguments"),
    (re.compile(r"Option '(?P<option>.*?)' requires (?:an argument|\d+ arguments)\.", re.S),
     "help.error.needs_value"),
    (re.compile(r"(?P<value>'.*') is not a valid (?P<kind>int|integer|float|boolean)\b.*", re.S),
     "help.error.not_a_number"),
    (re.compile(r"Missing command\.", re.S), "help.missing_command"),
)


def _sentence(lang: str, message: str) -> str:
    for pattern, key in _SENTENCES:
        found = pattern.fullmatch(message)
        if found is not None:
            said = {k: v or "" for k, v in found.groupdict().items()}
            text = t(lang, key, **said)
            if said.get("like"):
                text += " " + t(lang, "help.error.did_you_mean", like=said["like"])
            return text
    return message


def usage_error(exc: Any, lang: str) -> list[str]:
    """What the parser's usage error says, in ``lang``: the usage line, where to find help,
    and the error. Kinds it does not know keep the parser's words."""
    ctx = getattr(exc, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t(lang, "help.error.try", command=ctx.command_path,
                           option=ctx.help_option_names[0]))
        lines.append("")
    kind = type(exc).__name__
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        hint = param.get_error_hint(ctx)
    hint = " / ".join(f"'{h}'" for h in hint) if isinstance(hint, (list, tuple)) else hint
    message = str(getattr(exc, "message", "") or "")
    if kind == "NoSuchOption":
        text = t(lang, "help.error.no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += " " + t(lang, "help.error.possible",
                            options=", ".join(sorted(exc.possibilities)))
    elif kind == "MissingParameter":
        missing = getattr(exc, "param_type", None) or getattr(param, "param_type_name", "")
        text = t(lang, "help.error.missing_option" if missing == "option"
                 else "help.error.missing_argument", name=hint or "")
    elif kind == "BadParameter" and hint:
        text = t(lang, "help.error.bad_value", name=hint, reason=_sentence(lang, message))
    else:
        text = _sentence(lang, message if kind != "BadParameter" else exc.format_message())
    lines.append(t(lang, "help.error.said", message=text))
    return lines
