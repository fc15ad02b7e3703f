"""Where a fact stands in its article, for the tables: its position (headline, dateline,
lead, heading, body), the sentence it is in, the case whose span holds it, and whether the
same figure was already given earlier in the article (a restatement)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .models import Article, Case, Fact
from .repair import surface
from .segment import ArticleLayout, segment

__all__ = ["FactContext", "Position", "article_contexts", "layouts"]

Position = Literal["headline", "dateline", "lead", "heading", "body"]
"""``headline``: the headline block before the dateline or first paragraph; ``dateline``: the
byline/dateline; ``lead``: the first body paragraph; ``heading``: a section heading inside the
article; ``body``: any other paragraph."""

Span = tuple[int, int]


@dataclass(frozen=True)
class FactContext:
    """The table columns of one fact that come from its article, not from the fact alone."""

    position: Position | None  # None when the text is not known
    sentence: str | None  # None when the text is not known
    case: int | None  # index in ``article.cases`` of the first case holding the fact
    restated: bool


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _containing(span: Span, spans: Sequence[Span]) -> Span | None:
    return next((s for s in spans if _inside(span, s)), None)


def _case_index(fact: Fact, cases: Sequence[Case]) -> int | None:
    return next((i for i, case in enumerate(cases) if _inside(fact.span, case.span)), None)


def _key(fact: Fact) -> tuple[object, ...] | None:
    """What makes two mentions the same figure: kind, subject, value, high and unit."""
    if fact.value is None:
        return None
    value = fact.value.normalize() if isinstance(fact.value, Decimal) else fact.value
    high = fact.high.normalize() if fact.high is not None else None
    return (fact.kind, fact.subject, value, high, fact.unit)


def _clean(text: str) -> str:
    return " ".join(surface(text).split())


def _place(span: Span, layout: ArticleLayout, text: str) -> tuple[Position, str | None]:
    """The position of ``span`` in the article and the sentence (or line) around it."""
    heading = next((h for h in layout.headings if _inside(span, h.span)), None)
    if heading is not None:
        return "heading", heading.text
    if layout.dateline is not None and _inside(span, layout.dateline.span):
        return "dateline", layout.dateline.text
    paragraph = _containing(span, layout.paragraphs)
    if paragraph is not None:
        sentence = _containing(span, layout.sentences) or paragraph
        position: Position = "lead" if paragraph == layout.paragraphs[0] else "body"
        return position, _clean(text[sentence[0] : sentence[1]])
    line = _containing(span, layout.headline)
    if line is not None:
        return "headline", _clean(text[line[0] : line[1]])
    body_start = layout.paragraphs[0][0] if layout.paragraphs else layout.span[1]
    if span[0] < body_start:
        return "headline", None
    return "body", None


def article_contexts(
    article: Article, layout: ArticleLayout | None, text: str | None
) -> list[FactContext]:
    """One :class:`FactContext` per fact of ``article``, in order; ``layout`` (the article's
    segmentation) and ``text`` give the position and sentence, else they are None."""
    seen: set[tuple[object, ...]] = set()
    contexts = []
    for fact in article.facts:
        key = _key(fact)
        restated = key is not None and key in seen
        if key is not None:
            seen.add(key)
        position, sentence = (
            _place(fact.span, layout, text)
            if layout is not None and text is not None
            else (None, None)
        )
        contexts.append(FactContext(position, sentence, _case_index(fact, article.cases), restated))
    return contexts


def layouts(articles: Sequence[Article], text: str | None) -> list[ArticleLayout | None]:
    """The segmentation of each article (the pipeline's own, run again on ``text``); None for
    every article when the text is unknown or does not segment into the same articles."""
    if text is None:
        return [None] * len(articles)
    page = segment(text).articles
    if [a.span for a in page] != [tuple(a.span) for a in articles]:
        return [None] * len(articles)
    return list(page)
