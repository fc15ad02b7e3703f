"""Records: a processed spaCy Doc → the pydantic :class:`~extractor.models.Document`.

The pipeline's components already hold the record's own models (``doc._.facts``,
``doc._.cases``); this puts them into articles with their layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article, Case, Dateline, Document, Fact, Heading
from .segment import ArticleLayout

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["article_record", "to_document"]


def article_record(
    layout: ArticleLayout, facts: tuple[Fact, ...], cases: tuple[Case, ...], *, segments: bool
) -> Article:
    """The record of one article from its layout, facts and cases."""
    dateline = None
    if layout.dateline is not None:
        d = layout.dateline
        dateline = Dateline(text=d.text, span=d.span, date=d.date)
    return Article(
        title=layout.title,
        span=layout.span,
        facts=list(facts),
        cases=list(cases),
        dateline=dateline,
        headings=[Heading(text=h.text, span=h.span, level=h.level) for h in layout.headings],
        paragraphs=list(layout.paragraphs) if segments else None,
        sentences=list(layout.sentences) if segments else None,
    )


def to_document(doc: Doc, source: str, *, segments: bool = False) -> Document:
    """The record of one processed Doc; ``segments`` adds paragraph and sentence spans."""
    count = len(doc._.articles)
    facts = doc._.facts if doc.has_extension("facts") and doc._.facts is not None else ((),) * count
    cases = doc._.cases if doc.has_extension("cases") and doc._.cases is not None else ((),) * count
    articles = [
        article_record(a, f, c, segments=segments)
        for a, f, c in zip(doc._.articles, facts, cases, strict=True)
    ]
    return Document(source=source, articles=articles)
