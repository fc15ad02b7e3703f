"""Long and slow files: no hidden character limit (article by article), a time budget per
file that gives an error document, progress inside a long file."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from conftest import read_corpus

from extractor import load
from extractor.batch import Input, process_counted
from extractor.budget import BudgetExceeded, budget_message, time_budget
from extractor.by_article import extract_by_article
from extractor.progress import Progress
from extractor.records import to_document


@pytest.fixture(scope="module")
def pipeline():
    return load()


@pytest.mark.parametrize(
    "name", ["000_cf4c8eff55ad11d1.txt", "002_da3bf681ae66fdcd.txt", "d05.txt"]
)
def test_article_by_article_gives_the_record_of_the_whole_doc(pipeline, name: str) -> None:
    text = read_corpus(name)
    assert extract_by_article(pipeline, text, name) == to_document(pipeline(text), name)


def test_a_text_longer_than_max_length_is_processed(pipeline) -> None:
    """The 2,000,000-character limit was spaCy's nlp.max_length, applied to every file."""
    text = read_corpus("002_da3bf681ae66fdcd.txt")
    whole = extract_by_article(pipeline, text, "a.txt")
    limit = pipeline.max_length
    pipeline.max_length = 100  # far below the text: no Doc of the page is built
    try:
        document = extract_by_article(pipeline, text, "a.txt")
    finally:
        pipeline.max_length = limit
    assert document.error is None and document == whole and len(document.articles) == 3


def test_each_article_is_reported(pipeline) -> None:
    text = read_corpus("002_da3bf681ae66fdcd.txt")  # three articles
    heard: list[tuple[int, int]] = []
    document = extract_by_article(pipeline, text, "a.txt", report=lambda d, t: heard.append((d, t)))
    ends = [a.span[1] for a in document.articles]
    assert heard == [(0, len(text)), *[(end, len(text)) for end in ends]]


def test_the_budget_stops_a_slow_block() -> None:
    started = time.monotonic()
    with pytest.raises(BudgetExceeded) as caught, time_budget(0.2):
        while True:
            pass
    assert time.monotonic() - started < 2.0
    assert str(caught.value) == (
        "time budget exceeded (more than 0.2 s on this file; raise it with --timeout)"
    )


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_budget_stops_nothing(seconds) -> None:
    with time_budget(seconds):
        time.sleep(0.05)


def test_a_file_over_its_budget_becomes_an_error_document(
    pipeline, tmp_path: Path, monkeypatch
) -> None:
    import extractor.batch as batch

    for name in ("a.txt", "slow.txt", "c.txt"):
        (tmp_path / name).write_text("标题\n\n本报讯 共抓获3人。", encoding="utf-8")
    real = batch.extract_text

    def slow_on_one(nlp, text, source, **options):
        while source == "slow.txt":
            pass
        return real(nlp, text, source, **options)

    monkeypatch.setattr(batch, "extract_text", slow_on_one)
    inputs = [Input(tmp_path / n, n) for n in ("a.txt", "slow.txt", "c.txt")]
    documents = [d for d, _ in process_counted(pipeline, inputs, timeout=0.3)]
    assert [d.error for d in documents] == [None, budget_message(0.3), None]
    assert [len(d.articles) for d in documents] == [1, 0, 1]


# fmt: off
INSIDE = [
    # (files written, source, done, total) → the plain line
    (0, "big.txt", 1_200_000, 5_000_000,
     "extractor: 0/2 files, inside big.txt: 1,200,000 of 5,000,000 characters (24%), "),
    (1, "huge.txt", 10, 10,
     "extractor: 1/2 files, inside huge.txt: 10 of 10 characters (100%), "),
]
# fmt: on


@pytest.mark.parametrize(("files", "source", "done", "total", "line"), INSIDE)
def test_progress_inside_a_long_file(files, source, done, total, line) -> None:
    stream = io.StringIO()
    progress = Progress(2, stream=stream, interval=0)
    progress.files = files
    progress.within(source, done, total)
    assert stream.getvalue().startswith(line) and stream.getvalue().endswith(" s\n")


def test_progress_inside_a_file_respects_quiet() -> None:
    stream = io.StringIO()
    Progress(2, stream=stream, quiet=True, interval=0).within("big.txt", 1, 2)
    assert stream.getvalue() == ""
