"""The conformance suites, by name (each reads ``tests/conformance/<name>/``)."""

from __future__ import annotations

from . import cn2an, jionlp, peer_issues, recognizers_text

SUITES = {
    "cn2an": cn2an.run,
    "jionlp": jionlp.run,
    "peer-issues": peer_issues.run,
    "recognizers-text": recognizers_text.run,
}
