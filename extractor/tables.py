"""Flat rows for CSV: one row per fact, or one row per case, with the document and article
they come from. Numbers are written in plain decimal notation (``15000000``, never ``1.5E+7``);
lists (victims, suspects, amounts) are joined with ``"; "``."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel

from .models import Case, Document, Fact

__all__ = ["CASE_COLUMNS", "FACT_COLUMNS", "case_rows", "cell", "fact_rows"]


def _columns(model: type[BaseModel]) -> tuple[str, ...]:
    """A record's fields as CSV columns (its ``span`` as ``start``, ``end``)."""
    columns: list[str] = []
    for name in model.model_fields:
        columns += ["start", "end"] if name == "span" else [name]
    return tuple(columns)


FACT_COLUMNS = ("source", "article_title", *_columns(Fact), "error")
"""Columns of ``--format csv`` (the fields of :class:`~extractor.models.Fact`); ``error`` is
filled only on the one row an error document gets."""

CASE_COLUMNS = ("source", "article_title", *_columns(Case), "error")
"""Columns of ``--format cases-csv`` (the fields of :class:`~extractor.models.Case`);
``amounts`` is ``role:value:qualifier`` items."""


def cell(value: object) -> str:
    """One CSV cell: empty for None, plain decimals for numbers.

    >>> [cell(None), cell(Decimal("1.5E+7")), cell(Decimal("33.333")), cell(3), cell("XXXX-07-06")]
    ['', '15000000', '33.333', '3', 'XXXX-07-06']
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, float):
        return cell(Decimal(str(value)))
    return str(value)


def _cells(record: BaseModel) -> list[str]:
    """One cell per column of the record's model: a span as two cells, a list joined with
    ``"; "`` (a list of records as their fields joined with ``:``)."""
    cells: list[str] = []
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name == "span":
            cells += [cell(value[0]), cell(value[1])]
        elif isinstance(value, list):
            items = (
                ":".join(cell(getattr(v, f)) for f in type(v).model_fields)
                if isinstance(v, BaseModel)
                else cell(v)
                for v in value
            )
            cells.append("; ".join(items))
        else:
            cells.append(cell(value))
    return cells


def _record_row(source: str, title: str | None, record: Fact | Case) -> list[str]:
    """A fact's or a case's row: its document, its article's title, its fields, no error."""
    return [source, cell(title), *_cells(record), ""]


def _error_row(document: Document, width: int) -> list[str]:
    return [document.source, *([""] * (width - 2)), document.error or ""]


def fact_rows(document: Document) -> Iterator[list[str]]:
    """One row per fact of ``document``, in article and text order; an error document gives one
    row with its ``error`` so that nothing is lost."""
    if document.error:
        yield _error_row(document, len(FACT_COLUMNS))
        return
    for article in document.articles:
        for fact in article.facts:
            yield _record_row(document.source, article.title, fact)


def case_rows(document: Document) -> Iterator[list[str]]:
    """One row per case of ``document``; an error document gives one row with its ``error``."""
    if document.error:
        yield _error_row(document, len(CASE_COLUMNS))
        return
    for article in document.articles:
        for case in article.cases:
            yield _record_row(document.source, article.title, case)
