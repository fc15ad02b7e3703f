"""spaCy components and tokenizer of the extractor, registered with spaCy.

``extractor.CharTokenizer.v1`` (tokenizer registry): one token per character, so any span of
the text is a span of the Doc.

``extractor_layout`` repairs OCR column breaks and segments the page (articles, headlines,
datelines, headings, paragraphs, sentences). It sets ``doc._.layout`` (a
:class:`extractor.segment.PageLayout`), the convenience getters ``doc._.articles`` and
``doc._.repaired``, and span groups in ``doc.spans``: ``articles``, ``titles``, ``datelines``,
``headings``, ``paragraphs``, ``sentences``. All spans point into the original text.

``extractor_facts`` sets ``doc._.facts`` (per article, a tuple of the record's
:class:`~extractor.models.Fact`, ``resolved`` filled from the article's dateline or the
``ref_date`` setting) and the span group ``facts``; ``extractor_cases`` sets ``doc._.cases``
(per article, :class:`~extractor.models.Case`) and the span group ``cases``. Each span of
these groups carries its record as ``span._.record``, and every field of Fact and Case as
``span._.<field>`` (``span._.value``, ``span._.subject``, ``span._.agency`` …).

Settings (``nlp.add_pipe(name, config={...})``, or ``extractor.load(...)``): ``lexicons``, a
folder of data files to use instead of the package's (every component); ``ref_date``
(``YYYY-MM-DD``), the reference date of years not written (``extractor_facts``; a call can
override it: ``nlp(text, component_cfg={"extractor_facts": {"ref_date": date}})``). Each
component owns its lexicons and writes them with ``nlp.to_disk``, so ``spacy.load`` of the
folder gives the same output. The factories and the tokenizer are also exposed through
``spacy_factories`` and ``spacy_tokenizers`` entry points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab

from ..cases import find_cases
from ..facts import find_facts
from ..lexicons import Lexicons, using
from ..models import Case, Fact
from ..numbers.resolve import Reference, reference_from
from ..segment import ArticleLayout, PageLayout, segment

__all__ = [
    "CasesComponent",
    "CharTokenizer",
    "FactsComponent",
    "LayoutComponent",
    "make_cases",
    "make_facts",
    "make_layout",
]

SPAN_GROUPS = ("articles", "titles", "datelines", "headings", "paragraphs", "sentences")
RECORD_FIELDS = tuple(
    dict.fromkeys(n for n in [*Fact.model_fields, *Case.model_fields] if n not in ("span", "text"))
)
"""The fields of Fact and Case given to their spans as ``span._.<field>`` (derived from the
models)."""


def _register_extensions() -> None:
    doc_extensions: dict[str, dict[str, Any]] = {
        "layout": {"default": None},
        "articles": {"getter": _articles},
        "repaired": {"getter": _repaired},
        "facts": {"default": None},
        "cases": {"default": None},
    }
    for name, how in doc_extensions.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **how)
    if not Span.has_extension("record"):
        Span.set_extension("record", default=None)
    for name in RECORD_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_field_getter(name))


def _field_getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        return getattr(span._.record, name, None)

    return get


def _articles(doc: Doc) -> tuple[ArticleLayout, ...]:
    layout: PageLayout | None = doc._.layout
    return layout.articles if layout is not None else ()


def _repaired(doc: Doc) -> str | None:
    layout: PageLayout | None = doc._.layout
    return layout.repaired.text if layout is not None else None


_register_extensions()


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _record_spans(
    doc: Doc, per_article: Iterable[Iterable[Fact | Case]], label: Callable[[Any], str]
) -> list[Span]:
    """One span per record (a fact or a case) of every article, labelled by ``label``, with
    the record on ``span._.record``."""
    spans = []
    for found in per_article:
        for record in found:
            span = _span(doc, *record.span, label(record))
            if span is not None:
                span._.record = record
                spans.append(span)
    return spans


TEXT_KEY = "extractor_text"
"""``doc.user_data`` key under which :class:`CharTokenizer` keeps the text a Doc was made from."""


class CharTokenizer:
    """One token per character, whitespace included, so any span of the text is a span of
    the Doc; the input text is kept on the Doc, since ``doc.text`` rebuilds it from every
    token.

    spaCy's own ``char`` segmenter gives the same tokens but for whitespace, and first aligns
    the characters with the text again in Python (``get_words_and_spaces``): with that and
    ``doc.text`` it took about a quarter of the whole run; building the Doc directly takes
    a twentieth. It has no settings, so it writes nothing to disk."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.user_data[TEXT_KEY] = text
        return doc

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> CharTokenizer:
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> CharTokenizer:
        return self


@registry.tokenizers("extractor.CharTokenizer.v1")
def create_char_tokenizer(segmenter: str = "char") -> Callable[[Language], CharTokenizer]:
    """The tokenizer's registered maker (``[nlp.tokenizer] @tokenizers =
    "extractor.CharTokenizer.v1"``); ``segmenter`` is accepted for the ``zh`` language's
    default settings and has no effect."""

    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


def doc_text(doc: Doc) -> str:
    """The text of ``doc``: the kept input when :class:`CharTokenizer` made it, else
    ``doc.text``."""
    kept = doc.user_data.get(TEXT_KEY)
    return kept if isinstance(kept, str) else doc.text


class _OwnsLexicons:
    """A component that owns one folder of lexicons, runs under them, and writes them with
    ``nlp.to_disk`` (reading them back with ``from_disk``)."""

    def __init__(self, lexicons: str | None) -> None:
        self.lexicons = Lexicons(Path(lexicons)).load_all() if lexicons else Lexicons.package()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.lexicons.file_names():
            (folder / name).write_bytes(self.lexicons.folder.joinpath(name).read_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> _OwnsLexicons:
        self.lexicons = Lexicons(Path(path)).load_all()
        return self


class LayoutComponent(_OwnsLexicons):
    """Repair and segment the page; see the module docstring for what it sets."""

    def layout(self, text: str) -> PageLayout:
        """The page's layout: what ``__call__`` sets as ``doc._.layout``."""
        with using(self.lexicons):
            return segment(text)

    def __call__(self, doc: Doc) -> Doc:
        layout = self.layout(doc_text(doc))
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
    default_config={"lexicons": None},
)
def make_layout(nlp: Language, name: str, lexicons: str | None) -> LayoutComponent:
    """Factory of the ``extractor_layout`` component."""
    return LayoutComponent(lexicons)


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


class FactsComponent(_OwnsLexicons):
    """Find every numeric fact of each article (``extractor.facts``). Sets ``doc._.facts``
    (one tuple of :class:`~extractor.models.Fact` per article, parallel to
    ``doc._.articles``) and the span group ``doc.spans["facts"]`` labelled by kind."""

    def __init__(self, lexicons: str | None, ref_date: str | None) -> None:
        super().__init__(lexicons)
        self.ref_date = _as_date(ref_date)

    def article_facts(
        self, layout: PageLayout, article: ArticleLayout, ref_date: date | str | None = None
    ) -> tuple[Fact, ...]:
        """The facts of one article of ``layout`` (``ref_date`` overrides the setting)."""
        reference = _reference(article, _as_date(ref_date) or self.ref_date)
        with using(self.lexicons):
            return tuple(find_facts(layout.repaired, article, reference))

    def __call__(self, doc: Doc, ref_date: date | str | None = None) -> Doc:
        layout: PageLayout | None = doc._.layout
        if layout is None:
            raise ValueError("extractor_facts needs extractor_layout before it in the pipeline")
        per_article = tuple(self.article_facts(layout, a, ref_date) for a in layout.articles)
        doc._.facts = per_article
        doc.spans["facts"] = _record_spans(doc, per_article, lambda fact: fact.kind.upper())
        return doc


def _reference(article: ArticleLayout, ref_date: date | None) -> Reference | None:
    """Where the article's years come from: its dateline's date, else ``ref_date``."""
    return reference_from(article.dateline.date if article.dateline else None, ref_date)


@Language.factory(
    "extractor_facts",
    assigns=["doc._.facts", "doc.spans"],
    requires=["doc._.layout"],
    default_config={"lexicons": None, "ref_date": None},
)
def make_facts(
    nlp: Language, name: str, lexicons: str | None, ref_date: str | None
) -> FactsComponent:
    """Factory of the ``extractor_facts`` component."""
    return FactsComponent(lexicons, ref_date)


class CasesComponent(_OwnsLexicons):
    """Find the cases of each article (``extractor.cases``) from its segmentation and facts.
    Sets ``doc._.cases`` (one tuple of :class:`~extractor.models.Case` per article) and
    the span group ``doc.spans["cases"]``."""

    def article_cases(
        self, layout: PageLayout, article: ArticleLayout, facts: tuple[Fact, ...]
    ) -> tuple[Case, ...]:
        """The cases of one article of ``layout``, given its facts."""
        with using(self.lexicons):
            return tuple(find_cases(layout.repaired, article, list(facts)))

    def __call__(self, doc: Doc) -> Doc:
        layout: PageLayout | None = doc._.layout
        facts = doc._.facts
        if layout is None or facts is None:
            raise ValueError("extractor_cases needs extractor_layout and extractor_facts before it")
        per_article = tuple(
            self.article_cases(layout, article, article_facts)
            for article, article_facts in zip(layout.articles, facts, strict=True)
        )
        doc._.cases = per_article
        doc.spans["cases"] = _record_spans(doc, per_article, lambda case: "CASE")
        return doc


@Language.factory(
    "extractor_cases",
    assigns=["doc._.cases", "doc.spans"],
    requires=["doc._.layout", "doc._.facts"],
    default_config={"lexicons": None},
)
def make_cases(nlp: Language, name: str, lexicons: str | None) -> CasesComponent:
    """Factory of the ``extractor_cases`` component."""
    return CasesComponent(lexicons)
