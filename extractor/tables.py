"""Flat rows for CSV: one row per fact, or one row per case, with the document and article
they come from. Numbers are written in plain decimal notation (``15000000``, never ``1.5E+7``);
lists (victims, suspects, amounts) are joined with ``"; "``."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .models import Case, Document, Fact

__all__ = ["CASE_COLUMNS", "FACT_COLUMNS", "case_rows", "cell", "fact_rows"]

FACT_COLUMNS = (
    "source",
    "article_title",
    "kind",
    "text",
    "start",
    "end",
    "value",
    "high",
    "unit",
    "qualifier",
    "subject",
    "action",
    "change",
    "basis",
    "resolved",
    "error",
)
"""Columns of ``--format csv``; ``error`` is filled only on the one row an error document gets."""

CASE_COLUMNS = (
    "source",
    "article_title",
    "start",
    "end",
    "title",
    "date",
    "agency",
    "victims",
    "suspects",
    "suspect_count",
    "category",
    "outcome",
    "amounts",
    "error",
)
"""Columns of ``--format cases-csv``; ``amounts`` is ``role:value:qualifier`` items."""


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


def _fact_row(source: str, title: str | None, fact: Fact) -> list[str]:
    return [
        source,
        cell(title),
        fact.kind,
        fact.text,
        cell(fact.span[0]),
        cell(fact.span[1]),
        cell(fact.value),
        cell(fact.high),
        cell(fact.unit),
        fact.qualifier,
        cell(fact.subject),
        cell(fact.action),
        cell(fact.change),
        cell(fact.basis),
        cell(fact.resolved),
        "",
    ]


def _case_row(source: str, title: str | None, case: Case) -> list[str]:
    amounts = "; ".join(f"{a.role}:{cell(a.value)}:{a.qualifier}" for a in case.amounts)
    return [
        source,
        cell(title),
        cell(case.span[0]),
        cell(case.span[1]),
        cell(case.title),
        cell(case.date),
        cell(case.agency),
        "; ".join(case.victims),
        "; ".join(case.suspects),
        cell(case.suspect_count),
        case.category,
        case.outcome,
        amounts,
        "",
    ]


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
            yield _fact_row(document.source, article.title, fact)


def case_rows(document: Document) -> Iterator[list[str]]:
    """One row per case of ``document``; an error document gives one row with its ``error``."""
    if document.error:
        yield _error_row(document, len(CASE_COLUMNS))
        return
    for article in document.articles:
        for case in article.cases:
            yield _case_row(document.source, article.title, case)
