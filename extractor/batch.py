"""Batch: files and folders → one :class:`~extractor.models.Document` per source file.

A file that fails (missing, unreadable, binary, too long) becomes an error document
(SPEC §1) and the run goes on; the caller learns of it from ``document.error``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING

from .inputs import DuplicateSourceError, Input, SourceRootError, collect_inputs
from .models import Document
from .reading import ReadError, read_source
from .records import to_document

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


def extract_text(
    nlp: Language, text: str, source: str, *, segments: bool = False, ref_date: date | None = None
) -> Document:
    """Process one decoded text into its record; ``ref_date`` resolves years (SPEC §4)."""
    if len(text) > nlp.max_length:
        raise ReadError(
            f"text too long ({len(text):,} characters; the limit is {nlp.max_length:,})"
        )
    overrides = {"extractor_facts": {"ref_date": ref_date}} if ref_date is not None else {}
    return to_document(nlp(text, component_cfg=overrides), source, segments=segments)


def process(
    nlp: Language,
    inputs: Iterable[Input],
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
) -> Iterator[Document]:
    """Yield one document per input, in order; failures become error documents."""
    for document, _ in process_counted(
        nlp, inputs, segments=segments, ref_date=ref_date, max_bytes=max_bytes
    ):
        yield document


def process_counted(
    nlp: Language,
    inputs: Iterable[Input],
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
) -> Iterator[tuple[Document, int]]:
    """:func:`process`, with the number of characters each source had (0 when unread)."""
    for item in inputs:
        try:
            source = read_source(item.path, item.source, max_bytes=max_bytes)
            document = extract_text(
                nlp, source.text, item.source, segments=segments, ref_date=ref_date
            )
            document.encoding = source.encoding
            yield document, len(source.text)
        except Exception as err:  # a bug must not stop a batch; it is reported per file
            yield error_document(item.source, err), 0


def error_document(source: str, err: Exception) -> Document:
    """The error document (SPEC §1) of a source that failed: the one-line reason of a
    :class:`ReadError`, or ``internal error (…)`` for a bug, which is also logged."""
    if isinstance(err, ReadError):
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


def _init_worker(segments: bool, ref_date: date | None, max_bytes: int | None) -> None:
    from . import load

    _worker.update(nlp=load(), segments=segments, ref_date=ref_date, max_bytes=max_bytes)


def _process_one(item: Input) -> tuple[Document, int]:
    nlp = _worker["nlp"]
    segments, ref_date, max_bytes = (
        bool(_worker["segments"]),
        _worker["ref_date"],
        _worker["max_bytes"],
    )
    assert ref_date is None or isinstance(ref_date, date)
    assert max_bytes is None or isinstance(max_bytes, int)
    return next(
        process_counted(nlp, [item], segments=segments, ref_date=ref_date, max_bytes=max_bytes)  # type: ignore[arg-type]
    )


def process_parallel(
    inputs: Sequence[Input],
    jobs: int,
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
    window: int = 64,
    task: Callable[[Input], tuple[Document, int]] | None = None,
) -> Iterator[tuple[Document, int]]:
    """:func:`process_counted` over ``jobs`` worker processes, each loading the pipeline once; the
    documents come back in input order, so the output is the same as with one process.
    Workers read their files themselves; the parent only writes, with at most ``window``
    files in flight. A worker that dies (killed, out of memory) does not hang the run: its
    file and the ones still queued become error documents. ``task`` replaces the per-file
    work (for tests)."""
    context = multiprocessing.get_context("spawn")  # no state inherited: same on every OS
    workers = max(1, min(jobs, len(inputs)))
    options = (segments, ref_date, max_bytes)
    work = task or _process_one
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=options
    ) as pool:
        pending: deque[tuple[Input, Future[tuple[Document, int]] | None]] = deque()
        for item in inputs:
            try:
                pending.append((item, pool.submit(work, item)))
            except BrokenProcessPool:
                pending.append((item, None))
            while len(pending) > window:
                yield _outcome(*pending.popleft())
        while pending:
            yield _outcome(*pending.popleft())


def _outcome(item: Input, future: Future[tuple[Document, int]] | None) -> tuple[Document, int]:
    try:
        if future is None:
            raise BrokenProcessPool
        return future.result()
    except BrokenProcessPool:
        error = "worker process died (killed or out of memory); run again with --resume"
        return Document(source=item.source, error=error), 0
