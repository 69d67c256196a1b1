"""A seeded mutator of YAML files for the fuzz test: byte, line and character noise, and the
YAML constructs drafters and tools produce (anchors, aliases, tags, flow and block switches,
quotes, control characters, Cyrillic look-alikes, repeats within limits).

Deterministic: the same seed gives the same file and the same list of what was done to it, so
a failure names what to reproduce.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# Latin letters and their Cyrillic twins: a drafter's text pasted from another keyboard.
LOOK_ALIKES = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
CHARACTERS = [
    ":", ": ", " #", "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", '"', "%", "@",
    "`", "-", "- ", "?", "\t", "\r", "\n", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\x85",
    "\u2028", "\u2029", "\ufeff", "\u200b", "\u00a0", "\\", "\\x", "\\u12", "«", "»", "–", "—",
    "ё", "Ё", "№", "😀", "\U0010ffff", "\ud800",
]
TAGS = ["!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!binary ", "!!timestamp ",
        "!!seq ", "!!map ", "!custom ", "!!python/object:os.system ", "!<tag:yaml.org,2002:str> ",
        "! "]
_VALUE = re.compile(r"^(?P<head>\s*(?:- )?[A-Za-z_]+: )(?P<value>\S.*)$")
_ENTRY = re.compile(r"^(?P<head>\s*- )(?P<value>[^\s{].*)$")

Mutation = Callable[[random.Random, list[str]], str]


def _pick(rng: random.Random, lines: list[str], pattern: re.Pattern[str]) -> int | None:
    found = [i for i, line in enumerate(lines) if pattern.match(line)]
    return rng.choice(found) if found else None


def _anchor_alias(rng: random.Random, lines: list[str]) -> str:
    first, second = _pick(rng, lines, _VALUE), _pick(rng, lines, _VALUE)
    if first is None or second is None:
        return "anchor: none"
    name = f"a{rng.randrange(1000)}"
    match = _VALUE.match(lines[first])
    assert match is not None
    lines[first] = f"{match['head']}&{name} {match['value']}"
    if second != first:
        other = _VALUE.match(lines[second])
        assert other is not None
        lines[second] = f"{other['head']}*{name}"
    return f"anchor line {first + 1}, alias line {second + 1}"


def _merge(rng: random.Random, lines: list[str]) -> str:
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id:")]
    if len(starts) < 2:
        return "merge: none"
    source, target = rng.sample(starts, 2)
    lines[source] = lines[source].replace("  - id:", "  - &m id:", 1) \
        if "&m" not in lines[source] else lines[source]
    lines.insert(target + 1, "    <<: *m")
    return f"merge of line {source + 1} into line {target + 1}"


def _tag(rng: random.Random, lines: list[str]) -> str:
    index = _pick(rng, lines, _VALUE if rng.random() < 0.7 else _ENTRY)
    if index is None:
        return "tag: none"
    match = (_VALUE.match(lines[index]) or _ENTRY.match(lines[index]))
    assert match is not None
    tag = rng.choice(TAGS)
    lines[index] = f"{match['head']}{tag}{match['value']}"
    return f"tag {tag.strip()!r} line {index + 1}"


def _to_flow(rng: random.Random, lines: list[str]) -> str:
    """A block list under a key becomes a flow list on the key's line."""
    keys = [i for i in range(len(lines) - 1)
            if lines[i].rstrip().endswith(":") and lines[i + 1].lstrip().startswith("- ")
            and not lines[i + 1].lstrip().startswith("- framework")]
    if not keys:
        return "to flow: none"
    fixable = [k for k in keys if lines[k].strip() in ("cites:", "responsible:", "participants:")]
    key = rng.choice(fixable if fixable and rng.random() < 0.7 else keys)
    indent = len(lines[key + 1]) - len(lines[key + 1].lstrip())
    end = key + 1
    while end < len(lines) and lines[end].startswith(" " * indent + "- "):
        end += 1
    entries = [line.strip()[2:].split("  #")[0].strip() for line in lines[key + 1:end]]
    plain = rng.random() < 0.5  # and the quotes dropped, as a drafter might
    if plain:
        entries = [e.strip("'\"") for e in entries]
    lines[key:end] = [f"{lines[key].rstrip()} [{', '.join(entries)}]"]
    return f"to flow{' plain' if plain else ''} line {key + 1}"


def _to_block(rng: random.Random, lines: list[str]) -> str:
    """A one-line flow list becomes a block list."""
    found = [i for i, line in enumerate(lines) if re.match(r"^\s*[a-z_]+: \[[^\[\]]*\]\s*$", line)]
    if not found:
        return "to block: none"
    index = rng.choice(found)
    head, _, rest = lines[index].partition(": [")
    indent = " " * (len(head) - len(head.lstrip()) + 2)
    entries = [e.strip() for e in rest.rsplit("]", 1)[0].split(",") if e.strip()]
    lines[index:index + 1] = [f"{head}:"] + [f"{indent}- {e}" for e in entries]
    return f"to block line {index + 1}"


def _quote(rng: random.Random, lines: list[str]) -> str:
    pattern = _VALUE if rng.random() < 0.5 else _ENTRY
    index = _pick(rng, lines, pattern)
    if index is None:
        return "quote: none"
    match = pattern.match(lines[index])
    assert match is not None
    value = match["value"]
    style = rng.choice(["plain", "single", "double", "open"])
    if style == "plain":
        value = value.strip("'\"")
    elif style == "single":
        value = "'" + value.strip("'\"").replace("'", "''") + "'"
    elif style == "double":
        value = '"' + value.strip("'\"") + '"'
    else:
        value = rng.choice("'\"") + value
    lines[index] = match["head"] + value
    return f"quote {style} line {index + 1}"


def _characters(rng: random.Random, lines: list[str]) -> str:
    index = rng.randrange(len(lines))
    line = lines[index]
    at = rng.randrange(len(line) + 1)
    chars = rng.choice(CHARACTERS) * rng.choice([1, 1, 1, 2, 50])
    lines[index] = line[:at] + chars + line[at:]
    return f"chars {chars[:8]!r} line {index + 1}"


def _look_alikes(rng: random.Random, lines: list[str]) -> str:
    index = _pick(rng, lines, _VALUE)
    if index is None:
        return "look-alikes: none"
    lines[index] = lines[index].translate(LOOK_ALIKES) if rng.random() < 0.3 else \
        re.sub(r"(?<=: )(.*)", lambda m: m.group(1).translate(LOOK_ALIKES), lines[index])
    return f"look-alikes line {index + 1}"


def _lines(rng: random.Random, lines: list[str]) -> str:
    index = rng.randrange(len(lines))
    action = rng.choice(["delete", "duplicate", "swap", "indent", "dedent", "move"])
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "swap":
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    elif action == "indent":
        lines[index] = "  " + lines[index]
    elif action == "dedent":
        lines[index] = lines[index][2:] if lines[index].startswith("  ") else lines[index]
    else:
        lines.insert(rng.randrange(len(lines)), lines.pop(index))
    return f"line {action} {index + 1}"


def _repeat(rng: random.Random, lines: list[str]) -> str:
    """Repeats within the limits: an item many times, a long value, a small alias fan-out."""
    kind = rng.choice(["items", "long value", "aliases"])
    if kind == "items":
        starts = [i for i, line in enumerate(lines) if line.startswith("  - id:")]
        if not starts:
            return "repeat: none"
        start = rng.choice(starts)
        end = next((i for i in range(start + 1, len(lines))
                    if lines[i].startswith("  - ") or not lines[i].startswith(" ")), len(lines))
        lines[end:end] = lines[start:end] * rng.choice([10, 200])
    elif kind == "long value":
        index = _pick(rng, lines, _VALUE)
        if index is None:
            return "repeat: none"
        lines[index] += " Kazakstan" * rng.choice([100, 20_000])
    else:
        lines.append("extra: &x [a, b, c, d, e, f, g, h]")
        lines.append("more: " + "[" + ", ".join(["*x"] * 200) + "]")
    return f"repeat {kind}"


YAML_MUTATIONS: list[Mutation] = [_anchor_alias, _anchor_alias, _merge, _tag, _to_flow,
                                  _to_flow, _to_block, _quote, _quote, _characters, _look_alikes, _lines,
                                  _repeat]


def _bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "bytes: none"
    at = rng.randrange(len(data))
    action = rng.choice(["flip", "insert", "delete", "duplicate"])
    if action == "flip":
        data = data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
    elif action == "insert":
        data = data[:at] + bytes([rng.randrange(256)]) + data[at:]
    elif action == "delete":
        data = data[:at] + data[at + rng.randrange(1, 40):]
    else:
        data = data[:at] + data[at:at + 200] * 3 + data[at:]
    return data, f"byte {action} at {at}"


def mutate(text: str, seed: int) -> tuple[bytes, list[str]]:
    """A mutated copy of ``text`` (UTF-8 bytes) and what was done to it."""
    rng = random.Random(seed)
    lines = text.split("\n")
    done = []
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        done.append(rng.choice(YAML_MUTATIONS)(rng, lines))
    newline = rng.choice(["\n"] * 6 + ["\r\n", "\r"])
    out = newline.join(lines)
    if rng.random() < 0.1:
        out = "\ufeff" + out
        done.append("bom")
    data = out.encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:
        data, what = _bytes(rng, data)
        done.append(what)
    if newline != "\n":
        done.append(f"newlines {newline!r}")
    return data, done
