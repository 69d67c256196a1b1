"""The road map's JSON Schema in an editor: the starters point editors at it, every pattern
says in words what it wants, and a waiver's check is one of the real codes (so an editor
completes it). The last test asks the real yaml-language-server (npm), where it can be had."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from queue import Empty, Queue
from typing import Any, BinaryIO

import jsonschema
import pytest
from helpers import Run, npm_package

from roadmap_check.docs import check_docs
from roadmap_check.registry import CHECKS

Cli = Callable[..., Run]
MODELINE = "# yaml-language-server: $schema="


def _schema(name: str) -> dict[str, Any]:
    text = (resources.files("roadmap_check.schemas") / f"{name}.schema.json").read_text("utf-8")
    found: dict[str, Any] = json.loads(text)
    return found


def _walk(node: object) -> Iterator[dict[str, Any]]:
    """Every schema node a value must match (not those under ``not``: a match is refused)."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "not":
                yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_a_waiver_names_one_of_the_real_checks() -> None:
    check = _schema("roadmap")["$defs"]["waiver"]["properties"]["check"]
    codes = check["anyOf"][0]  # for completion; the other branch reads a code as the loader does
    assert codes["enum"] == sorted(CHECKS), "run: python -m roadmap_check.schemas"
    assert codes["enumDescriptions"] == [check_docs(code).summary("en")
                                         for code in sorted(CHECKS)]
    validator = jsonschema.Draft202012Validator(check)
    assert validator.is_valid("RM201") and validator.is_valid(" rm201 ")
    assert not validator.is_valid("RM999") and not validator.is_valid("RM20")


@pytest.mark.parametrize("name", ["roadmap", "ruleset"])
def test_every_pattern_says_what_it_wants(name: str) -> None:
    patterned = [node for node in _walk(_schema(name)) if "pattern" in node]
    assert patterned
    for node in patterned:
        message = node.get("patternErrorMessage")
        assert isinstance(message, str) and len(message.split()) >= 3, node
        assert node.get("errorMessage") == message


@pytest.mark.parametrize(("args", "written", "schema"), [
    ((), "roadmap.yaml", "roadmap"), (("--lang", "ru"), "roadmap.yaml", "roadmap"),
    (("--ruleset", "mine"), "mine.yaml", "ruleset")])
def test_starters_point_editors_at_the_schema(cli: Cli, tmp_path: Path, args: tuple[str, ...],
                                             written: str, schema: str) -> None:
    run = cli("init", *args)
    assert run.code == 0, run.stderr
    first = (tmp_path / written).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"{MODELINE}{schema}.schema.json"
    assert json.loads((tmp_path / f"{schema}.schema.json").read_text("utf-8")) == _schema(schema)
    # a second starter in the same folder leaves the schema file as it is
    (tmp_path / f"{schema}.schema.json").write_text("{}", encoding="utf-8")
    again = cli("init", *args, "other.yaml") if not args or args[0] == "--lang" else \
        cli("init", "other.yaml", *args)
    assert again.code == 0, again.stderr
    assert (tmp_path / f"{schema}.schema.json").read_text(encoding="utf-8") == "{}"


# ------------------------------------------------------------- the real yaml-language-server


@pytest.fixture(scope="session")
def language_server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    modules = npm_package(tmp_path_factory.mktemp("yaml-language-server"),
                          "yaml-language-server@1")
    return modules / ".bin" / "yaml-language-server"


class _Client:
    """A minimal LSP client over standard input and output."""

    def __init__(self, server: Path) -> None:
        self.process = subprocess.Popen([str(server), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: Queue[dict[str, Any]] = Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        self.next_id = 0

    def _read(self, stream: BinaryIO) -> None:
        while True:
            length = 0
            while (header := stream.readline()) not in (b"\r\n", b""):
                if header.lower().startswith(b"content-length:"):
                    length = int(header.split(b":")[1])
            if not header:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: object) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, wanted: Callable[[dict[str, Any]], bool], seconds: float = 60) -> dict[str, Any]:
        while True:
            try:
                message = self.messages.get(timeout=seconds)
            except Empty:
                pytest.fail("yaml-language-server did not answer")
            if "method" in message and "id" in message:  # the server asks: answer it
                items = message.get("params", {}).get("items", [])
                settings = {"validate": True, "completion": True, "schemaStore": {"enable": False}}
                result = [settings if item.get("section") == "yaml" else None for item in items] \
                    if message["method"] == "workspace/configuration" else None
                self.send({"id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.mark.slow
def test_yaml_language_server_says_our_messages(cli: Cli, tmp_path: Path,
                                                language_server: Path) -> None:
    assert cli("init", "draft.yaml").code == 0
    draft = tmp_path / "draft.yaml"
    text = draft.read_text(encoding="utf-8")
    deadline = next(line for line in text.splitlines() if line.strip().startswith("deadline:"))
    text = text.replace(deadline, deadline.split(":")[0] + ": soon", 1)
    assert text.rstrip().splitlines()[-4].strip().startswith("waivers:")  # the last item's
    text += "      - {check: RM999, reason: not a real check}\n"
    draft.write_text(text, encoding="utf-8")
    client = _Client(language_server)
    try:
        opened = client.request("initialize", {
            "processId": os.getpid(), "rootUri": tmp_path.as_uri(),
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"publishDiagnostics": {}}}})
        client.wait(lambda m: m.get("id") == opened)
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "workspace/didChangeConfiguration", "params": {"settings": {
            "yaml": {"validate": True, "schemaStore": {"enable": False}}}}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": draft.as_uri(), "languageId": "yaml", "version": 1, "text": text}}})
        found = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == draft.as_uri()
                            and bool(m["params"]["diagnostics"]))
        said = [d["message"] for d in found["params"]["diagnostics"]]
        date = _schema("roadmap")["$defs"]["period"]["anyOf"][0]["patternErrorMessage"]
        assert any(date in message for message in said), said
        assert any("RM999" in message or "RM201" in message for message in said), said
        rows = {d["range"]["start"]["line"] for d in found["params"]["diagnostics"]}
        assert text.splitlines().index(deadline.split(":")[0] + ": soon") in rows
    finally:
        client.close()
