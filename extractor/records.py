"""Records: a processed spaCy Doc → the pydantic :class:`~extractor.models.Document`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .cases import FoundCase
from .facts import FoundFact
from .models import Amount, Article, Case, Dateline, Document, Fact, Heading
from .numbers.resolve import reference_from, resolve
from .segment import ArticleLayout

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["to_document"]


def _fact(found: FoundFact, reference) -> Fact:
    return Fact(
        kind=found.kind,
        text=found.text,
        span=found.span,
        value=found.value,
        high=found.high,
        unit=found.unit,
        qualifier=found.qualifier,
        subject=found.subject,
        action=found.action,
        change=found.change,
        basis=found.basis,
        resolved=resolve(found.value, reference) if found.kind == "date" else None,
    )


def _case(found: FoundCase) -> Case:
    return Case(
        span=found.span,
        title=found.title,
        date=found.date,
        agency=found.agency,
        victims=list(found.victims),
        suspects=list(found.suspects),
        suspect_count=found.suspect_count,
        category=found.category,
        outcome=found.outcome,
        amounts=[Amount(role=a.role, value=a.value, qualifier=a.qualifier) for a in found.amounts],
    )


def _article(
    layout: ArticleLayout,
    facts: tuple[FoundFact, ...],
    cases: tuple[FoundCase, ...],
    *,
    segments: bool,
    ref_date: date | None,
) -> Article:
    reference = reference_from(layout.dateline.date if layout.dateline else None, ref_date)
    dateline = None
    if layout.dateline is not None:
        d = layout.dateline
        dateline = Dateline(text=d.text, span=d.span, date=d.date)
    return Article(
        title=layout.title,
        span=layout.span,
        facts=[_fact(f, reference) for f in facts],
        cases=[_case(c) for c in cases],
        dateline=dateline,
        headings=[Heading(text=h.text, span=h.span, level=h.level) for h in layout.headings],
        paragraphs=list(layout.paragraphs) if segments else None,
        sentences=list(layout.sentences) if segments else None,
    )


def to_document(
    doc: Doc, source: str, *, segments: bool = False, ref_date: date | None = None
) -> Document:
    """The record of one processed Doc. ``segments`` adds paragraph and sentence spans;
    ``ref_date`` resolves the years of dates in articles without a dated dateline."""
    count = len(doc._.articles)
    facts = doc._.facts if doc.has_extension("facts") and doc._.facts is not None else ((),) * count
    cases = doc._.cases if doc.has_extension("cases") and doc._.cases is not None else ((),) * count
    articles = [
        _article(a, f, c, segments=segments, ref_date=ref_date)
        for a, f, c in zip(doc._.articles, facts, cases, strict=True)
    ]
    return Document(source=source, articles=articles)
