"""Messages in English and Russian: the catalogue, plural forms, and the language of a run.

Every text the tool says is a key of ``messages.yaml`` with one template per language. A finding
keeps its key and arguments (``Msg``), so it can be said again in another language once the
run's language is known. An argument that itself depends on the language (a framework title, a
field name) is given as a ``Local``, one rendering per language; it is stored as ``name`` (the
English rendering) plus ``name:ru`` where the Russian one differs.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, cast

from roadmap_check.findings import Args, Msg
from roadmap_check.langs import DEFAULT, LANGS

__all__ = ["DEFAULT", "LANGS", "Args", "Msg", "msg", "plural", "say", "t"]

# The tool's own choice, then the POSIX order: the first set one wins.
LOCALE_VARIABLES = ("ROADMAP_CHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

Local = Mapping[str, str]         # one rendering per language
Value = str | int | Local


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, Any]]:
    """``messages.yaml``: key -> {en: template, ru: template} (plural keys: lists of forms);
    read from its JSON twin while the twin matches it (``twins.py``)."""
    from roadmap_check import twins

    data: dict[str, dict[str, Any]] = twins.load("messages.yaml", parse_catalog)
    return data


def parse_catalog(data: bytes, display: str) -> Any:
    """The catalogue's YAML as data (as it is written: keys, languages, templates)."""
    from roadmap_check.yaml_io import load_data

    return load_data(data.decode("utf-8"))


# The languages other than the default, each with the suffix of its variants ("title:ru"), per
# argument name: worked out once per name, not once per finding.
_OTHER_LANGS = tuple(lang for lang in LANGS if lang != DEFAULT)
_VARIANT_NAMES: dict[str, tuple[tuple[str, str], ...]] = {}


def pack(**values: Value) -> Args:
    """Arguments as stored in a finding: strings, with a language's variant where it differs."""
    plain = tuple(values.items())
    for _, value in plain:
        if type(value) is not str:
            break
    else:  # the common case, made fast
        return cast(Args, plain)
    out: list[tuple[str, str]] = []
    for name, value in plain:
        if isinstance(value, str):
            out.append((name, value))
        elif isinstance(value, int):
            out.append((name, str(value)))
        else:
            base = value[DEFAULT]
            out.append((name, base))
            variants = _VARIANT_NAMES.get(name)
            if variants is None:
                variants = _VARIANT_NAMES[name] = tuple((lang, f"{name}:{lang}")
                                                        for lang in _OTHER_LANGS)
            for lang, variant in variants:
                said = value[lang]
                if said != base:
                    out.append((variant, said))
    return tuple(out)


def msg(key: str, /, **values: Value) -> Msg:
    return key, pack(**values)


@lru_cache(maxsize=len(LANGS))
def _templates(lang: str) -> dict[str, str]:
    """key -> template in ``lang`` (plural entries left out)."""
    return {key: entry[lang] for key, entry in catalog().items() if isinstance(entry[lang], str)}


def render(lang: str, key: str, args: Args) -> str:
    """The template of ``key`` in ``lang``, filled with ``args`` (their ``lang`` variants)."""
    template = _templates(lang)[key]
    values = dict(args)  # a variant ("title:ru") is a name no template uses, unless ...
    if lang != DEFAULT:
        own = f":{lang}"
        for name, value in args:
            if name.endswith(own):  # ... it is this language's: then it replaces the plain one
                values[name[: -len(own)]] = value
    return template.format_map(values)


@lru_cache(maxsize=65536)
def say(lang: str, message: Msg) -> str:
    """A message in ``lang``: the late rendering of a finding's message or hint. A draft
    repeats its findings' messages; each distinct one is said once."""
    return render(lang, message[0], message[1])


def t(lang: str, key: str, /, **values: Value) -> str:
    return render(lang, key, pack(**values))


def plural_index(lang: str, n: int) -> int:
    """Which form: English one/other; Russian one (21), few (22-24), many (25, 11-14)."""
    n = abs(n)
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


def plural(lang: str, key: str, n: int) -> str:
    """``n`` and the noun of ``key`` in the form the number needs: "3 замечания"."""
    entry = catalog()[key]
    forms: list[str] = entry.get(lang) or entry[DEFAULT]
    return f"{n} {forms[plural_index(lang, n)]}"


def counted(key: str, n: int) -> dict[str, str]:
    """``n`` and the noun of the plural key ``key``, in every language, the number grouped:
    {"en": "85,000 repeats", "ru": "85\u00a0000 повторов"}."""
    entry = catalog()[key]
    grouped = number(n)
    return {lang: f"{grouped[lang]} {(entry.get(lang) or entry[DEFAULT])[plural_index(lang, n)]}"
            for lang in LANGS}


def per_lang(render_in: Callable[[str], str]) -> dict[str, str]:
    return {lang: render_in(lang) for lang in LANGS}


def local(key: str, /, **values: Value) -> Mapping[str, str]:
    """A message rendered in every language, to be an argument of another."""
    if not values:
        return _word(key)
    args = pack(**values)
    return {lang: render(lang, key, args) for lang in LANGS}


@lru_cache(maxsize=512)
def _word(key: str) -> Mapping[str, str]:
    """A message without arguments in every language (a field name, a kind of node), once."""
    return {lang: render(lang, key, ()) for lang in LANGS}


def rendered(message: Msg) -> dict[str, str]:
    """A message (key and packed arguments) in every language, to be an argument of another."""
    return {lang: render(lang, *message) for lang in LANGS}


def number(n: int) -> dict[str, str]:
    """A large number with its thousands grouped as each language writes them."""
    return {"en": f"{n:,}", "ru": f"{n:,}".replace(",", "\u00a0")}


def percent(share: float) -> dict[str, str]:
    """A share as a percentage as each language writes it: "86%", in Russian "86 %" (a
    non-breaking space before the sign, as Russian typography has it)."""
    return {"en": f"{share:.0%}", "ru": f"{share * 100:.0f}\u00a0%"}


def foreign(group: str, text: str) -> dict[str, str]:
    """A text from another library (PyYAML, datetime), in English; translated where the
    catalogue knows it (``group.text``), else quoted as it is."""
    key = f"{group}.{text}"
    known = key in catalog()
    return {lang: text if lang == DEFAULT else (render(lang, key, ()) if known else f"«{text}»")
            for lang in LANGS}


def quoted(text: str) -> dict[str, str]:
    """The drafter's text inside a message: in English as Python writes a string ('...'), in
    Russian in «ёлочки», its own «...» turned into „...“ so the quotes do not mix."""
    inner = text.replace("«", "„").replace("»", "“")
    return {"en": repr(text), "ru": f"«{inner}»"}


def bare(text: str) -> dict[str, str]:
    """A number of an item or a requirement after its noun ("пункт 1.2"): quoted in English,
    bare in Russian."""
    return {"en": repr(text), "ru": text}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# -- the language of a run ------------------------------------------------------------------


def locale_environ(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The locale variables of an environment (all that ``choose_lang`` reads)."""
    return tuple((name, environ[name]) for name in LOCALE_VARIABLES if environ.get(name))


def env_lang(environ: Mapping[str, str]) -> str | None:
    """The language of the locale (``ru_RU.UTF-8`` -> ru), if it is one we speak."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGS else None
    return None


def choose_lang(cli: str | None, roadmap_language: str | None,
                environ: Mapping[str, str]) -> str:
    """--lang (or the config's language), else the road map's, else the locale's, else en."""
    for choice in (cli, roadmap_language):
        if choice is not None and choice in LANGS:
            return choice
    return env_lang(environ) or DEFAULT
