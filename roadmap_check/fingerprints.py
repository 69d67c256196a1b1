"""Stable identities of findings, for SARIF, Code Quality reports and baselines.

A fingerprint is made of the check code, the item id, the framework and the normalised text
the finding is about (a citation, a party, a key), never of line numbers: moving items around
or editing unrelated ones leaves every other fingerprint as it was. Nor of the language: a
finding without a subject is identified by its message key and arguments (said in English, as
fingerprints always were, so baselines written before stay valid), never by the message text.
"""

from __future__ import annotations

import hashlib
import re

from roadmap_check.findings import Finding
from roadmap_check.i18n import DEFAULT, render
from roadmap_check.normalize import light

_LINE_REFS = re.compile(r"\b(?:line|lines) \d+")


def identity(finding: Finding) -> str:
    """The readable identity: code, item, framework, normalised subject."""
    if finding.key is not None:
        subject = finding.key
    else:
        said = render(DEFAULT, finding.template, finding.args) if finding.template is not None \
            else finding.message
        subject = _LINE_REFS.sub("line", said)
    return "|".join((finding.code, finding.item or "", finding.framework or "", light(subject)))


def fingerprint(finding: Finding) -> str:
    return hashlib.sha256(identity(finding).encode("utf-8")).hexdigest()[:32]
