"""Stable identities of findings, for SARIF, Code Quality reports and baselines.

A fingerprint is made of the check code, the item id, the framework and the normalised text
the finding is about (a citation, a party, a key), never of line numbers: moving items around
or editing unrelated ones leaves every other fingerprint as it was. Nor of the language: a
finding without a subject is identified by its message said in English (as fingerprints always
were, so baselines written before stay valid), never by the text of the run's language.
"""

from __future__ import annotations

import re

from roadmap_check.findings import Finding
from roadmap_check.i18n import say
from roadmap_check.langs import DEFAULT
from roadmap_check.normalize import light

_LINE_REFS = re.compile(r"\b(?:line|lines) \d+")


def identity(finding: Finding) -> str:
    """The readable identity: code, item, framework, normalised subject."""
    if finding.subject is not None:
        subject = finding.subject
    else:
        subject = _LINE_REFS.sub("line", say(DEFAULT, finding.message))
    return "|".join((finding.code, finding.item or "", finding.framework or "", light(subject)))


def fingerprint(finding: Finding) -> str:
    import hashlib

    return hashlib.sha256(identity(finding).encode("utf-8")).hexdigest()[:32]
