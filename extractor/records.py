"""Records: a processed spaCy Doc → the pydantic :class:`~extractor.models.Document`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article, Dateline, Document, Heading
from .segment import ArticleLayout

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["to_document"]


def _article(layout: ArticleLayout, *, segments: bool) -> Article:
    dateline = None
    if layout.dateline is not None:
        d = layout.dateline
        dateline = Dateline(text=d.text, span=d.span, date=d.date)
    return Article(
        title=layout.title,
        span=layout.span,
        facts=[],
        cases=[],
        dateline=dateline,
        headings=[Heading(text=h.text, span=h.span, level=h.level) for h in layout.headings],
        paragraphs=list(layout.paragraphs) if segments else None,
        sentences=list(layout.sentences) if segments else None,
    )


def to_document(doc: Doc, source: str, *, segments: bool = False) -> Document:
    """The record of one processed Doc. ``segments`` adds paragraph and sentence spans."""
    articles = [_article(a, segments=segments) for a in doc._.articles]
    return Document(source=source, articles=articles)
