"""Progress lines and the summary (times are given to ``update``, so every figure is exact)."""

from __future__ import annotations

import io
import re

import pytest

from extractor.models import Article, Document, Fact
from extractor.progress import Progress, fact_counts


def _document(source: str, facts: int, error: str | None = None, relative: int = 0) -> Document:
    fact = Fact(kind="count", text="3人", span=(0, 2), value=3, unit="人")
    today = Fact(kind="date", text="今年", span=(3, 5), value=None)
    dated = Fact(kind="date", text="5月", span=(6, 8), value="XXXX-05")
    listed = [fact] * facts + [today] * relative + ([dated] if relative else [])
    articles = [] if error else [Article(title=None, span=(0, 10), facts=listed)]
    return Document(source=source, articles=articles, error=error)


@pytest.mark.parametrize(
    ("facts", "relative", "expected"),
    [(0, 0, (0, 0)), (2, 0, (2, 0)), (1, 2, (2, 2)), (0, 1, (1, 1))],
    ids=["empty", "no dates", "two relative, one dated", "one relative, one dated"],
)
def test_relative_dates_are_counted_apart(facts: int, relative: int, expected) -> None:
    assert fact_counts(_document("a", facts, relative=relative)) == expected


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
        r"extractor: 3 files \(2 ok, 1 failed\), 2 articles, 3 facts \(\+0 relative dates\), "
        r"0 cases, [\d.]+ s \(start-up [\d.]+ s\), [\d,]+ chars/s",
        lines[3],
    )
    assert (progress.chars, progress.facts) == (20, 3)


def test_the_speed_is_counted_after_the_first_document() -> None:
    progress = Progress(3, stream=io.StringIO(), quiet=True)
    start = progress.started
    # the first document comes 2 s in (loading the pipeline), then one a second
    progress.update(_document("a", 1, relative=1), 10, now=start + 2.0)
    progress.update(_document("b", 1), 30, now=start + 3.0)
    progress.update(_document("c", 1), 50, now=start + 4.0)
    assert progress.startup() == pytest.approx(2.0)
    assert progress.rate(start + 4.0) == pytest.approx(40.0)  # (30 + 50) chars / 2 s
    assert progress.summary(start + 4.0) == (
        "3 files (3 ok, 0 failed), 3 articles, 4 facts (+1 relative dates), 0 cases, "
        "4.0 s (start-up 2.0 s), 40 chars/s"
    )


def test_one_document_is_timed_from_the_start() -> None:
    progress = Progress(1, stream=io.StringIO(), quiet=True)
    progress.update(_document("a", 1), 100, now=progress.started + 4.0)
    assert progress.rate(progress.started + 4.0) == pytest.approx(25.0)


def test_the_bar_postfix_is_in_a_fixed_order_with_thousands_separators() -> None:
    progress = Progress(2, stream=io.StringIO(), quiet=True)
    progress.update(_document("a", 1200), 1000, now=progress.started + 1.0)
    progress.update(_document("b", 0), 12345, now=progress.started + 2.0)
    assert progress._postfix(progress.started + 2.0) == (
        "2 articles, 1,200 facts, 0 cases, 12,345 chars/s"
    )


def test_quiet_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(1, stream=stream, quiet=True, interval=0)
    progress.update(_document("a", 1), 10)
    progress.close()
    assert stream.getvalue() == ""
    assert progress.summary().startswith("1 files (1 ok, 0 failed), 1 articles, 1 facts")
