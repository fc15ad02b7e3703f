"""pandas DataFrames of documents (the ``frames`` extra): the rows of :mod:`extractor.tables`
with numbers as ``float64``, whole numbers as nullable ``Int64`` and flags as ``boolean``, so
``value`` sums and groups without converting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from .extras import require
from .models import Document
from .tables import (
    ARTICLE_COLUMNS,
    CASE_COLUMNS,
    FACT_COLUMNS,
    ROLES,
    Row,
    article_records,
    case_records,
    fact_records,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["articles_frame", "cases_frame", "facts_frame"]

_FLOATS = frozenset({"value", "high", *ROLES})
_INTEGERS = frozenset(
    {"article", "start", "end", "case", "suspect_count", "headings", "facts", "cases"}
)
_FLAGS = frozenset({"restated"})


def _frame(columns: Sequence[str], rows: Iterator[Row], what: str) -> pandas.DataFrame:
    pd = require("pandas", "frames", what)
    data = [
        [float(v) if isinstance(v, Decimal) else v for v in (r[c] for c in columns)] for r in rows
    ]
    frame = pd.DataFrame(data, columns=list(columns))
    for column in columns:
        if column in _FLOATS:
            frame[column] = frame[column].astype("float64")
        elif column in _INTEGERS:
            frame[column] = frame[column].astype("Int64")
        elif column in _FLAGS:
            frame[column] = frame[column].astype("boolean")
    return frame


def _all(
    documents: Iterable[Document], records: Callable[[Document], Iterator[Row]]
) -> Iterator[Row]:
    for document in documents:
        yield from records(document)


def facts_frame(
    documents: Iterable[Document], texts: Mapping[str, str] | None = None
) -> pandas.DataFrame:
    """One row per fact (columns :data:`~extractor.tables.FACT_COLUMNS`); ``texts`` maps a
    ``source`` to its decoded text (:func:`extractor.read_texts`), which gives ``position``
    and ``sentence`` (empty without it)."""
    known = texts or {}
    return _frame(
        FACT_COLUMNS,
        _all(documents, lambda d: fact_records(d, known.get(d.source))),
        "facts_frame",
    )


def cases_frame(documents: Iterable[Document]) -> pandas.DataFrame:
    """One row per case (columns :data:`~extractor.tables.CASE_COLUMNS`), with one
    ``float64`` column per amount role."""
    return _frame(CASE_COLUMNS, _all(documents, case_records), "cases_frame")


def articles_frame(documents: Iterable[Document]) -> pandas.DataFrame:
    """One row per article (columns :data:`~extractor.tables.ARTICLE_COLUMNS`)."""
    return _frame(ARTICLE_COLUMNS, _all(documents, article_records), "articles_frame")
