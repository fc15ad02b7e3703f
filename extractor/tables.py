"""Flat rows for CSV, spreadsheets and DataFrames: one row per fact, per case or per article,
with the document and article they come from.

Rows are first typed records (numbers as ``Decimal``, flags as ``bool``, missing as ``None``),
which the xlsx writer and the DataFrames take as they are; :func:`cell` turns them into CSV
text: numbers in plain decimal notation (``15000000``, never ``1.5E+7``), lists (victims,
suspects) joined with ``"; "``, amounts packed as ``role:value:qualifier``.

``value`` and ``high`` are numbers for every kind; a date's TIMEX3 value is in ``timex``
(so a ``value`` column sums). Each case row also has one column per amount role holding the
sum of the case's amounts of that role.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import get_args

from pydantic import BaseModel

from .fact_context import article_contexts, layouts
from .models import Article, Case, Document, Fact, Role

__all__ = [
    "ARTICLE_COLUMNS",
    "CASE_COLUMNS",
    "FACT_COLUMNS",
    "ROLES",
    "Row",
    "article_records",
    "case_records",
    "case_rows",
    "cell",
    "fact_records",
    "fact_rows",
]

Row = dict[str, object]
"""One typed row: column → ``str``, ``int``, ``Decimal``, ``bool`` or ``None``."""

ROLES: tuple[str, ...] = get_args(Role)
"""The amount roles of SPEC §5, in order: one column each in the cases table."""

_SPLIT = {"span": ("start", "end"), "value": ("value", "timex")}
"""Fields written as two columns: a span as its ends, a fact's value as number or TIMEX3."""


def _columns(model: type[BaseModel]) -> tuple[str, ...]:
    """A record's fields as columns (``span`` as ``start``, ``end``; ``value`` as ``value``,
    ``timex``)."""
    columns: list[str] = []
    for name in model.model_fields:
        columns += _SPLIT.get(name, (name,))
    return tuple(columns)


FACT_COLUMNS = (
    "source",
    "article",
    "article_title",
    *_columns(Fact),
    "position",
    "sentence",
    "case",
    "restated",
    "error",
)
"""Columns of ``--format csv`` and the Facts sheet: the fields of :class:`~extractor.models.Fact`,
then where the fact stands (:mod:`extractor.fact_context`); ``error`` is filled only on the
one row an error document gets."""

CASE_COLUMNS = ("source", "article", "article_title", "case", *_columns(Case), *ROLES, "error")
"""Columns of ``--format cases-csv`` and the Cases sheet: the fields of
:class:`~extractor.models.Case` (``amounts`` packed as ``role:value:qualifier; …``), then
the sum of the amounts of each role."""

ARTICLE_COLUMNS = (
    "source",
    "article",
    "title",
    "start",
    "end",
    "dateline",
    "dateline_date",
    "headings",
    "facts",
    "cases",
    "error",
)
"""Columns of the Articles sheet: one row per article (counts of headings, facts, cases)."""


def cell(value: object) -> str:
    """One CSV cell: empty for None, plain decimals for numbers, ``true``/``false``.

    >>> [cell(None), cell(Decimal("1.5E+7")), cell(Decimal("33.333")), cell(3), cell(True)]
    ['', '15000000', '33.333', '3', 'true']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, float):
        return cell(Decimal(str(value)))
    return str(value)


def _packed(item: BaseModel) -> str:
    return ":".join(cell(getattr(item, name)) for name in type(item).model_fields)


def _fields(record: BaseModel) -> Row:
    """The record's fields as typed columns (see :data:`_SPLIT`); lists joined with ``"; "``."""
    row: Row = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name == "span":
            row["start"], row["end"] = value
        elif name == "value" and isinstance(record, Fact):
            is_timex = isinstance(value, str)
            row["value"], row["timex"] = (None, value) if is_timex else (value, None)
        elif isinstance(value, list):
            items = (_packed(v) if isinstance(v, BaseModel) else cell(v) for v in value)
            row[name] = "; ".join(items)
        else:
            row[name] = value
    return row


def _error_row(document: Document, columns: Sequence[str]) -> Row:
    row: Row = dict.fromkeys(columns)
    row["source"], row["error"] = document.source, document.error
    return row


def fact_records(document: Document, text: str | None = None) -> Iterator[Row]:
    """One typed row per fact of ``document``, in article and text order; ``text`` (the decoded
    source) gives ``position`` and ``sentence``, empty without it. An error document gives one
    row with its ``error`` so that nothing is lost."""
    if document.error:
        yield _error_row(document, FACT_COLUMNS)
        return
    for index, (article, layout) in enumerate(
        zip(document.articles, layouts(document.articles, text), strict=True)
    ):
        contexts = article_contexts(article, layout, text)
        for fact, context in zip(article.facts, contexts, strict=True):
            yield {
                "source": document.source,
                "article": index,
                "article_title": article.title,
                **_fields(fact),
                "position": context.position,
                "sentence": context.sentence,
                "case": context.case,
                "restated": context.restated,
                "error": None,
            }


def _role_sums(case: Case) -> Row:
    sums: Row = dict.fromkeys(ROLES)
    for amount in case.amounts:
        total = sums[amount.role]
        sums[amount.role] = amount.value + (total if isinstance(total, Decimal) else 0)
    return sums


def case_records(document: Document) -> Iterator[Row]:
    """One typed row per case of ``document``; an error document gives one row with its
    ``error``."""
    if document.error:
        yield _error_row(document, CASE_COLUMNS)
        return
    for index, article in enumerate(document.articles):
        for number, case in enumerate(article.cases):
            yield {
                "source": document.source,
                "article": index,
                "article_title": article.title,
                "case": number,
                **_fields(case),
                **_role_sums(case),
                "error": None,
            }


def _article_row(source: str, index: int, article: Article) -> Row:
    dateline = article.dateline
    return {
        "source": source,
        "article": index,
        "title": article.title,
        "start": article.span[0],
        "end": article.span[1],
        "dateline": dateline.text if dateline else None,
        "dateline_date": dateline.date if dateline else None,
        "headings": len(article.headings or []),
        "facts": len(article.facts),
        "cases": len(article.cases),
        "error": None,
    }


def article_records(document: Document) -> Iterator[Row]:
    """One typed row per article of ``document``; an error document gives one row with its
    ``error``."""
    if document.error:
        yield _error_row(document, ARTICLE_COLUMNS)
        return
    for index, article in enumerate(document.articles):
        yield _article_row(document.source, index, article)


def fact_rows(document: Document, text: str | None = None) -> Iterator[list[str]]:
    """:func:`fact_records` as CSV cells, in :data:`FACT_COLUMNS` order."""
    for row in fact_records(document, text):
        yield [cell(row[c]) for c in FACT_COLUMNS]


def case_rows(document: Document, text: str | None = None) -> Iterator[list[str]]:
    """:func:`case_records` as CSV cells, in :data:`CASE_COLUMNS` order (``text`` unused)."""
    for row in case_records(document):
        yield [cell(row[c]) for c in CASE_COLUMNS]
