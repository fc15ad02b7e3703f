"""Progress lines and the summary (no timing assertions: only counts and shapes)."""

from __future__ import annotations

import io
import re

from extractor.models import Article, Document, Fact
from extractor.progress import Progress


def _document(source: str, facts: int, error: str | None = None) -> Document:
    fact = Fact(kind="count", text="3人", span=(0, 2), value=3, unit="人")
    articles = [] if error else [Article(title=None, span=(0, 10), facts=[fact] * facts)]
    return Document(source=source, articles=articles, error=error)


def test_plain_lines_when_not_a_terminal_and_a_summary() -> None:
    stream = io.StringIO()  # not a terminal: no bar
    progress = Progress(3, stream=stream, interval=0)
    for document in (_document("a", 2), _document("b", 0, error="binary file"), _document("c", 1)):
        progress.update(document, 0 if document.error else 10)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines[:3]] == [
        "extractor: 1/3 files",
        "extractor: 2/3 files",
        "extractor: 3/3 files",
    ]
    assert re.fullmatch(
        r"extractor: 3 files \(2 ok, 1 failed\), 2 articles, 3 facts, 0 cases, "
        r"[\d.]+ s, [\d,]+ chars/s",
        lines[3],
    )
    assert (progress.chars, progress.facts) == (20, 3)


def test_quiet_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(1, stream=stream, quiet=True, interval=0)
    progress.update(_document("a", 1), 10)
    progress.close()
    assert stream.getvalue() == ""
    assert progress.summary().startswith("1 files (1 ok, 0 failed), 1 articles, 1 facts")
