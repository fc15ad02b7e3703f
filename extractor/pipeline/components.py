"""spaCy components of the extractor, registered as factories.

``extractor_layout`` repairs OCR column breaks and segments the page (articles, headlines,
datelines, headings, paragraphs, sentences). It sets ``doc._.layout`` (a
:class:`extractor.segment.PageLayout`), the convenience getters ``doc._.articles`` and
``doc._.repaired``, and span groups in ``doc.spans``: ``articles``, ``titles``, ``datelines``,
``headings``, ``paragraphs``, ``sentences``. All spans point into ``doc.text``, the original.

The factories are also exposed through the ``spacy_factories`` entry point, so
``nlp.add_pipe("extractor_layout")`` works in any pipeline once the package is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..cases import FoundCase, find_cases
from ..facts import FoundFact, find_facts
from ..segment import ArticleLayout, PageLayout, segment

__all__ = [
    "CasesComponent",
    "FactsComponent",
    "LayoutComponent",
    "make_cases",
    "make_facts",
    "make_layout",
]

SPAN_GROUPS = ("articles", "titles", "datelines", "headings", "paragraphs", "sentences")


def _register_extensions() -> None:
    if not Doc.has_extension("layout"):
        Doc.set_extension("layout", default=None)
    if not Doc.has_extension("articles"):
        Doc.set_extension("articles", getter=_articles)
    if not Doc.has_extension("repaired"):
        Doc.set_extension("repaired", getter=_repaired)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", default=None)
    if not Doc.has_extension("cases"):
        Doc.set_extension("cases", default=None)


def _articles(doc: Doc) -> tuple[ArticleLayout, ...]:
    layout: PageLayout | None = doc._.layout
    return layout.articles if layout is not None else ()


def _repaired(doc: Doc) -> str | None:
    layout: PageLayout | None = doc._.layout
    return layout.repaired.text if layout is not None else None


_register_extensions()


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _spans(
    doc: Doc,
    per_article: tuple[tuple[FoundFact, ...], ...] | tuple[tuple[FoundCase, ...], ...],
    label: Callable[[Any], str],
) -> list[Span]:
    """One span per found item (a fact or a case) of every article, labelled by ``label``."""
    spans = (_span(doc, *item.span, label(item)) for found in per_article for item in found)
    return [span for span in spans if span is not None]


TEXT_KEY = "extractor_text"
"""``doc.user_data`` key under which :class:`CharTokenizer` keeps the text a Doc was made from."""


class CharTokenizer:
    """One token per character, whitespace included, so any span of the text is a span of
    the Doc; the input text is kept on the Doc, since ``doc.text`` rebuilds it from every
    token.

    spaCy's own ``char`` segmenter gives the same tokens but for whitespace, and first aligns
    the characters with the text again in Python (``get_words_and_spaces``): with that and
    ``doc.text`` it took about a quarter of the whole run; building the Doc directly takes
    a twentieth."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.user_data[TEXT_KEY] = text
        return doc


def doc_text(doc: Doc) -> str:
    """The text of ``doc``: the kept input when :class:`CharTokenizer` made it, else
    ``doc.text``."""
    kept = doc.user_data.get(TEXT_KEY)
    return kept if isinstance(kept, str) else doc.text


class LayoutComponent:
    """Repair and segment the page; see the module docstring for what it sets."""

    def __call__(self, doc: Doc) -> Doc:
        layout = segment(doc_text(doc))
        doc._.layout = layout
        groups: dict[str, list[Span]] = {name: [] for name in SPAN_GROUPS}

        def add(group: str, start: int, end: int, label: str) -> None:
            span = _span(doc, start, end, label)
            if span is not None:
                groups[group].append(span)

        for article in layout.articles:
            add("articles", *article.span, "ARTICLE")
            if article.title_span:
                add("titles", *article.title_span, "TITLE")
            if article.dateline:
                add("datelines", *article.dateline.span, "DATELINE")
            for heading in article.headings:
                add("headings", *heading.span, f"H{heading.level}")
            for start, end in article.paragraphs:
                add("paragraphs", start, end, "PARAGRAPH")
            for start, end in article.sentences:
                add("sentences", start, end, "SENTENCE")
        for name, spans in groups.items():
            doc.spans[name] = spans
        return doc


@Language.factory(
    "extractor_layout",
    assigns=["doc._.layout", "doc.spans"],
)
def make_layout(nlp: Language, name: str) -> LayoutComponent:
    """Factory of the ``extractor_layout`` component (no settings)."""
    return LayoutComponent()


class FactsComponent:
    """Find every numeric fact of each article (``extractor.facts``). Sets ``doc._.facts``
    (one tuple of :class:`extractor.facts.FoundFact` per article, parallel to
    ``doc._.articles``) and the span group ``doc.spans["facts"]`` labelled by kind."""

    def __call__(self, doc: Doc) -> Doc:
        layout: PageLayout | None = doc._.layout
        if layout is None:
            raise ValueError("extractor_facts needs extractor_layout before it in the pipeline")
        per_article = tuple(tuple(find_facts(layout.repaired, a)) for a in layout.articles)
        doc._.facts = per_article
        doc.spans["facts"] = _spans(doc, per_article, lambda fact: fact.kind.upper())
        return doc


@Language.factory(
    "extractor_facts",
    assigns=["doc._.facts", "doc.spans"],
    requires=["doc._.layout"],
)
def make_facts(nlp: Language, name: str) -> FactsComponent:
    """Factory of the ``extractor_facts`` component (no settings)."""
    return FactsComponent()


class CasesComponent:
    """Find the cases of each article (``extractor.cases``) from its segmentation and facts.
    Sets ``doc._.cases`` (one tuple of :class:`extractor.cases.FoundCase` per article) and
    the span group ``doc.spans["cases"]``."""

    def __call__(self, doc: Doc) -> Doc:
        layout: PageLayout | None = doc._.layout
        facts = doc._.facts
        if layout is None or facts is None:
            raise ValueError("extractor_cases needs extractor_layout and extractor_facts before it")
        per_article = tuple(
            tuple(find_cases(layout.repaired, article, list(article_facts)))
            for article, article_facts in zip(layout.articles, facts, strict=True)
        )
        doc._.cases = per_article
        doc.spans["cases"] = _spans(doc, per_article, lambda case: "CASE")
        return doc


@Language.factory(
    "extractor_cases",
    assigns=["doc._.cases", "doc.spans"],
    requires=["doc._.layout", "doc._.facts"],
)
def make_cases(nlp: Language, name: str) -> CasesComponent:
    """Factory of the ``extractor_cases`` component (no settings)."""
    return CasesComponent()
