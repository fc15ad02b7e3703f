"""The Dask backend: the same work as :func:`extractor.batch.process_counted` on a Dask
distributed cluster.

The client reads each file and ships its text, so workers need no shared filesystem; each
worker process loads the pipeline once (on its first task) and keeps it. Documents come
back in input order; at most ``window`` texts are in flight, so memory stays flat however
many files there are.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from .batch import Input, error_document, extract_text
from .models import Document
from .reading import read_source

__all__ = ["process_dask"]

_pipeline: dict[str, Any] = {}


def _extract_on_worker(
    text: str, source: str, segments: bool, ref_date: date | None, encoding: str | None = None
) -> tuple[Document, int]:
    """Runs on a worker: the pipeline is loaded on the first call in that process."""
    if "nlp" not in _pipeline:
        from . import load

        _pipeline["nlp"] = load()
    try:
        document = extract_text(
            _pipeline["nlp"], text, source, segments=segments, ref_date=ref_date
        )
    except Exception as err:  # a bug must not stop a batch; it is reported per file
        return error_document(source, err), 0
    document.encoding = encoding
    return document, len(text)


def process_dask(
    inputs: Sequence[Input],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = None,
    window: int = 64,
) -> Iterator[tuple[Document, int]]:
    """Documents of ``inputs`` in order, computed on the cluster at ``scheduler`` (a
    ``tcp://host:port`` address), or on a new LocalCluster of ``workers`` single-threaded
    worker processes when ``scheduler`` is None."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        pending: deque[tuple[tuple[Any, Document | None], str]] = deque()
        for item in inputs:
            try:
                source = read_source(item.path, item.source, max_bytes=max_bytes)
            except Exception as err:  # unreadable here: the worker never sees it
                pending.append(((None, error_document(item.source, err)), item.source))
            else:
                future = client.submit(
                    _extract_on_worker,
                    source.text,
                    item.source,
                    segments,
                    ref_date,
                    source.encoding,
                    pure=False,
                )
                pending.append(((future, None), item.source))
            while len(pending) > window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result(entry: tuple[Any, Document | None], source: str) -> tuple[Document, int]:
    """The outcome of one file; a task that failed on the cluster fails only its file."""
    future, document = entry
    if future is None:
        assert document is not None
        return document, 0
    try:
        return future.result()
    except Exception as err:
        return Document(source=source, error=_cluster_error(err)), 0


def _cluster_error(err: Exception) -> str:
    """One line for a task the cluster could not finish: its workers died on it as many
    times as the scheduler allows (``distributed.scheduler.allowed-failures``), or its
    result could not be brought back."""
    if type(err).__name__ == "KilledWorker":
        return "worker process died on this file (killed or out of memory), on every retry"
    return f"internal error (the cluster's result cannot be read: {type(err).__name__})"
