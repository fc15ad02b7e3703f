"""Files, folders and standard input → Documents: the one path the command line and the
Python API share (``extractor.extract_paths`` yields what ``extractor extract`` writes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import (
    OnProgress,
    error_document,
    extract_text,
    process_counted,
    process_parallel,
)
from .inputs import Input, collect_inputs
from .models import Document
from .reading import ReadError, decode, read_source, too_large

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "MAX_BYTES",
    "SourceTexts",
    "documents_counted",
    "extract_file",
    "extract_paths",
    "read_texts",
    "stdin_document",
]

MAX_BYTES = 10_000_000
"""A larger file becomes an error document instead of being read (``--max-bytes``)."""


def documents_counted(
    inputs: Sequence[Input],
    *,
    jobs: int = 1,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = MAX_BYTES,
    backend: str = "local",
    scheduler: str | None = None,
    nlp: Callable[[], Language] | None = None,
    timeout: float | None = None,
    on_progress: OnProgress | None = None,
) -> Iterator[tuple[Document, int]]:
    """The documents of ``inputs`` in order with their sources' lengths: in this process
    (with the pipeline ``nlp()`` gives, else a new one), in ``jobs`` worker processes, or on
    a Dask cluster. A file still running after ``timeout`` seconds becomes an error document
    (not on Dask); ``on_progress`` hears how far into its file each long file is."""
    if backend == "dask":
        from .cluster import process_dask

        yield from process_dask(
            inputs,
            scheduler=scheduler,
            workers=jobs,
            segments=segments,
            ref_date=ref_date,
            max_bytes=max_bytes,
        )
        return
    if jobs > 1 and len(inputs) > 1:
        yield from process_parallel(
            inputs,
            jobs,
            segments=segments,
            ref_date=ref_date,
            max_bytes=max_bytes,
            timeout=timeout,
            on_progress=on_progress,
        )
        return
    from . import load

    pipeline = nlp() if nlp is not None else load()
    yield from process_counted(
        pipeline,
        inputs,
        segments=segments,
        ref_date=ref_date,
        max_bytes=max_bytes,
        timeout=timeout,
        on_progress=on_progress,
    )


def _shared() -> Language:
    from . import _shared_nlp

    return _shared_nlp()


def extract_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = MAX_BYTES,
    source_root: str | Path | None = None,
) -> Iterator[Document]:
    """One Document per source file under ``paths`` (files, or folders searched recursively
    for ``*.txt``), in the order and with the ``source`` names of ``extractor extract``; a
    file that fails gives an error document. ``jobs`` worker processes (0: every core)."""
    from .batch import resolve_jobs

    root = Path(source_root) if source_root is not None else None
    inputs = collect_inputs([Path(p) for p in paths], source_root=root)
    for document, _ in documents_counted(
        inputs,
        jobs=resolve_jobs(jobs),
        segments=segments,
        ref_date=ref_date,
        max_bytes=max_bytes,
        nlp=_shared,
    ):
        yield document


def extract_file(
    path: str | Path,
    *,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Document:
    """The Document of one file, named by its file name (an error document if it fails)."""
    file = Path(path)
    item = Input(file, file.name)
    documents = documents_counted(
        [item], segments=segments, ref_date=ref_date, max_bytes=max_bytes, nlp=_shared
    )
    return next(documents)[0]


def read_texts(
    paths: Iterable[str | Path], *, source_root: str | Path | None = None
) -> dict[str, str]:
    """``source`` → decoded text of every readable source under ``paths`` (named as
    :func:`extract_paths` names them): what the tables' ``position`` and ``sentence`` need."""
    root = Path(source_root) if source_root is not None else None
    texts = SourceTexts(collect_inputs([Path(p) for p in paths], source_root=root))
    return {source: text for source in texts.sources() if (text := texts.get(source)) is not None}


class SourceTexts:
    """The decoded text of a run's sources, read again on demand (for the tables); text
    given directly (standard input) is held."""

    def __init__(self, inputs: Sequence[Input] = (), held: dict[str, str] | None = None) -> None:
        self._paths = {item.source: item.path for item in inputs}
        self._held = dict(held or {})

    def hold(self, source: str, text: str) -> None:
        """Keep ``text`` as the text of ``source`` (read from standard input)."""
        self._held[source] = text

    def sources(self) -> list[str]:
        return [*self._paths, *self._held]

    def get(self, source: str) -> str | None:
        """The text of ``source``, or None when it is unknown or cannot be read."""
        if source in self._held:
            return self._held[source]
        path = self._paths.get(source)
        if path is None:
            return None
        try:
            return read_source(path, source).text
        except (OSError, ReadError):
            return None


def stdin_document(
    data: bytes,
    source: str,
    *,
    nlp: Language,
    segments: bool = False,
    ref_date: date | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> tuple[Document, str | None]:
    """The document of text read from standard input (``extract -``), and the decoded text
    (None when it could not be decoded)."""
    try:
        if max_bytes is not None and len(data) > max_bytes:
            raise too_large(max_bytes)
        text, encoding = decode(data)
        document = extract_text(nlp, text, source, segments=segments, ref_date=ref_date)
        document.encoding = encoding
    except Exception as err:  # reported as an error document, as for a file
        return error_document(source, err), None
    return document, text
