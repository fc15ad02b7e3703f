"""Batch: files and folders → one :class:`~extractor.models.Document` per source file.

A file that fails (missing, unreadable, binary, too large, over its time) becomes an error document
(SPEC §1) and the run goes on; the caller learns of it from ``document.error``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .budget import BudgetExceeded, budget_message, time_budget
from .by_article import extract_by_article
from .inputs import DuplicateSourceError, Input, SourceRootError, collect_inputs
from .models import Document
from .reading import ReadError, read_source

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DuplicateSourceError",
    "Input",
    "SourceRootError",
    "collect_inputs",
    "error_document",
    "extract_text",
    "process",
    "process_counted",
    "process_parallel",
    "resolve_jobs",
]

log = logging.getLogger(__name__)

OnProgress = Callable[[str, int, int], None]
"""Told ``(source, characters done, characters in all)`` while a file is processed."""

KILL_GRACE = 10.0
"""Seconds past ``timeout`` after which the parent kills a ``--jobs`` worker still busy on a
file (the worker's own timer did not stop it)."""


def extract_text(
    nlp: Language,
    text: str,
    source: str,
    *,
    segments: bool = False,
    ref_date: date | None = None,
    report: Callable[[int, int], None] | None = None,
) -> Document:
    """Process one decoded text into its record, article by article (any length;
    :mod:`extractor.by_article`); ``ref_date`` resolves years (SPEC §4); ``report`` is told
    ``(characters done, characters in all)`` after the layout and after each article.

    A lone surrogate (not Unicode text; no decoded file holds one) is read as U+FFFD, one
    character for one, so every offset still points into ``text``."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return extract_by_article(
        nlp, text, source, segments=segments, ref_date=ref_date, report=report
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def process(
    nlp: Language,
    inputs: Iterable[Input],
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """Yield one document per input, in order; failures become error documents."""
    for document, _ in process_counted(
        nlp, inputs, segments=segments, ref_date=ref_date, max_bytes=max_bytes, timeout=timeout
    ):
        yield document


def process_counted(
    nlp: Language,
    inputs: Iterable[Input],
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    on_progress: OnProgress | None = None,
) -> Iterator[tuple[Document, int]]:
    """:func:`process`, with the number of characters each source had (0 when unread).

    A file still running after ``timeout`` seconds becomes an error document
    (:mod:`extractor.budget`: in the main thread on POSIX; None or 0, no budget)."""
    for item in inputs:
        try:
            with time_budget(timeout):
                result = _one(nlp, item, segments, ref_date, max_bytes, on_progress)
        except BudgetExceeded as err:
            result = Document(source=item.source, error=str(err)), 0
        yield result


def _one(
    nlp: Language,
    item: Input,
    segments: bool,
    ref_date: date | None,
    max_bytes: int | None,
    on_progress: OnProgress | None,
) -> tuple[Document, int]:
    """One input's document and length; any failure but the budget is an error document."""
    report = None
    if on_progress is not None:

        def report(done: int, total: int) -> None:
            on_progress(item.source, done, total)

    try:
        source = read_source(item.path, item.source, max_bytes=max_bytes)
        document = extract_text(
            nlp, source.text, item.source, segments=segments, ref_date=ref_date, report=report
        )
        document.encoding = source.encoding
        return document, len(source.text)
    except Exception as err:  # a bug must not stop a batch; it is reported per file
        return error_document(item.source, err), 0


def error_document(source: str, err: BaseException) -> Document:
    """The error document (SPEC §1) of a source that failed: the one-line reason of a
    :class:`ReadError` or a spent time budget, or ``internal error (…)`` for a bug, which is
    also logged."""
    if isinstance(err, ReadError | BudgetExceeded):
        return Document(source=source, error=str(err))
    log.error("internal error on %s", source, exc_info=err)
    return Document(source=source, error=f"internal error ({type(err).__name__}: {err})")


def resolve_jobs(jobs: int) -> int:
    """``--jobs``: a positive count as given; 0 means every core this process may use."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or a positive number")
    if jobs == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not on Linux
            return os.cpu_count() or 1
    return jobs


# One pipeline per worker process, loaded once by the pool's initializer.
_worker: dict[str, object] = {}


def _init_worker(
    segments: bool, ref_date: date | None, max_bytes: int | None, timeout: float | None = None
) -> None:
    from . import load

    _worker.update(
        nlp=load(), segments=segments, ref_date=ref_date, max_bytes=max_bytes, timeout=timeout
    )


def _process_one(item: Input) -> tuple[Document, int]:
    from .workers import report

    nlp = _worker["nlp"]
    segments, ref_date, max_bytes, timeout = (
        bool(_worker["segments"]),
        _worker["ref_date"],
        _worker["max_bytes"],
        _worker.get("timeout"),
    )
    assert ref_date is None or isinstance(ref_date, date)
    assert max_bytes is None or isinstance(max_bytes, int)
    assert timeout is None or isinstance(timeout, float | int)
    return next(
        process_counted(
            nlp,  # type: ignore[arg-type]
            [item],
            segments=segments,
            ref_date=ref_date,
            max_bytes=max_bytes,
            timeout=timeout,
            on_progress=lambda _source, done, total: report(done, total),
        )
    )


def _failed(item: Input, reason: str) -> tuple[Document, int]:
    return Document(source=item.source, error=reason), 0


def process_parallel(
    inputs: Sequence[Input],
    jobs: int,
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    window: int = 64,
    task: Callable[[Input], tuple[Document, int]] | None = None,
    on_progress: OnProgress | None = None,
    kill_grace: float = KILL_GRACE,
) -> Iterator[tuple[Document, int]]:
    """:func:`process_counted` over ``jobs`` worker processes (:mod:`extractor.workers`),
    each loading the pipeline once; the documents come back in input order, so the output is
    the same as with one process. Workers read their files themselves; the parent only
    writes, with at most ``window`` files in flight. A worker that dies (killed, out of
    memory) costs only its own file, which is tried once more in a fresh worker; a worker
    still busy ``kill_grace`` seconds past ``timeout`` is killed and its file becomes an
    error document. ``task`` replaces the per-file work (for tests)."""
    from .workers import run_in_order

    def progress(item: Input, done: int, total: int) -> None:
        if on_progress is not None:
            on_progress(item.source, done, total)

    yield from run_in_order(
        inputs,
        task or _process_one,
        jobs,
        on_failure=_failed,
        initializer=_init_worker,
        initargs=(segments, ref_date, max_bytes, timeout),
        window=window,
        kill_after=timeout + kill_grace if timeout else None,
        kill_message=budget_message(timeout) if timeout else "",
        on_progress=progress,
    )
