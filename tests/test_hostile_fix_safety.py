"""Hostile inputs for the safe/unsafe split of fixes: citations stuffed with numbers, codes and
organisations, and thousands of unsafe fixes at once. Each run finishes in under 2 s and
300 MB through the real entry point, exit 0/1/2, and `fix` changes nothing a safe fix may not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from budget import measure, within

pytestmark = pytest.mark.slow

HEAD = ("roadmap: {id: t, title: T, date: 2021-09-09, ruleset: cis-frameworks}\n"
        "items:\n")
ITEM = '  - id: "{n}"\n    title: Item {n}\n    responsible: [Belarus]\n    deadline: 2023\n' \
       "    cites: [{cites}]\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_thousands_of_unsafe_fixes_are_listed_not_applied(tmp_path: Path) -> None:
    cites = '"HL7 FHIR R4", "ICD-10", "ITU-T F.780.2", "CIS InfoSec Strategy 2030"'
    text = HEAD + "".join(ITEM.format(n=n, cites=cites) for n in range(1500))
    path = _write(tmp_path, text)
    run = measure("fix", "--diff", path.name, cwd=tmp_path, seconds=2)
    within(run)
    assert run.code == 1 and path.read_text(encoding="utf-8") == text
    assert run.stderr.count("unsafe fix not applied") == 3 * 1500
    done = measure("fix", path.name, cwd=tmp_path, seconds=2)
    within(done)
    cited = [c for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
             for c in item["cites"]]
    assert cited.count("HL7 FHIR R4") == cited.count("ICD-10") == 1500


def test_a_citation_stuffed_with_numbers_and_organisations(tmp_path: Path) -> None:
    """A long citation of codes, years and organisations that resolves loosely: compared in
    linear time, its fix unsafe (the canonical title drops what it says)."""
    stuffed = "HL7 FHIR R4 " + " ".join(f"ICD-{n} WHO ITU-T ISO 20{n % 90:02d} F.780.{n}"
                                        for n in range(300))
    text = HEAD + ITEM.format(n=1, cites=json.dumps(stuffed))
    path = _write(tmp_path, text)
    run = measure("check", path.name, "--format", "json", "--fail-on", "never", cwd=tmp_path,
                  seconds=2)
    within(run)
    fixes = [f["fix"] for f in json.loads(run.stdout)["findings"] if f["fix"]]
    assert all(fix["safe"] is False for fix in fixes)
    done = measure("fix", path.name, cwd=tmp_path, seconds=2)
    within(done)
    assert path.read_text(encoding="utf-8") == text
