"""Article by article: a decoded text → its record without a spaCy Doc of the whole page.

``nlp(text)`` builds one token per character (about 200 bytes each), which is why spaCy
guards it with ``nlp.max_length``. The record needs none of those tokens: it is what the
pipeline's three components compute, so this runs them stage by stage on the text itself —
the page's layout once, then the facts and cases of one article at a time — and keeps only
each article's record. Memory is the text, its repaired view and layout (a few copies of
the text) plus the records, so a file of any length is processed; ``--max-bytes`` is the
one limit. The output is the same as :func:`extractor.records.to_document` of ``nlp(text)``
(``tests/test_by_article.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from .models import Article, Document
from .records import article_record, to_document

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["PIPELINE", "Report", "extract_by_article"]

PIPELINE = ("extractor_layout", "extractor_facts", "extractor_cases")
"""The components this module runs stage by stage (``extractor.load``'s pipeline)."""

Report = Callable[[int, int], None]
"""Told ``(characters done, characters in all)`` after the layout and after each article."""


def extract_by_article(
    nlp: Language,
    text: str,
    source: str,
    *,
    segments: bool = False,
    ref_date: date | None = None,
    report: Report | None = None,
) -> Document:
    """The record of ``text``: the layout of the page, then each article's facts and cases.

    A pipeline that is not exactly :data:`PIPELINE` (a component added or removed) is run as
    a whole Doc instead, under its ``max_length``.
    """
    if tuple(nlp.pipe_names) != PIPELINE:
        overrides = {"extractor_facts": {"ref_date": ref_date}} if ref_date is not None else {}
        return to_document(nlp(text, component_cfg=overrides), source, segments=segments)
    layout_step = nlp.get_pipe("extractor_layout")
    facts_step = nlp.get_pipe("extractor_facts")
    cases_step = nlp.get_pipe("extractor_cases")
    layout = layout_step.layout(text)
    if report is not None:
        report(0, len(text))
    articles: list[Article] = []
    for article in layout.articles:
        facts = facts_step.article_facts(layout, article, ref_date)
        cases = cases_step.article_cases(layout, article, facts)
        articles.append(article_record(article, facts, cases, segments=segments))
        if report is not None:
            report(article.span[1], len(text))
    return Document(source=source, articles=articles)
