"""extractor: structured, checkable records from Chinese news articles.

Public API::

    import extractor
    nlp = extractor.load()                      # a spaCy Language with the extractor's components
    doc = nlp(text)                             # doc._.articles, doc.spans["sentences"], …
    record = extractor.extract_text(text, source="a.txt")   # a pydantic Document
    record = extractor.extract_file("page.txt")             # … of one file
    documents = extractor.extract_paths(["corpus/"], jobs=2)  # … of files and folders
    facts = extractor.facts_frame(documents)                 # pandas (the frames extra)

Importing this package does not import spaCy; :func:`load` does.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from .extraction import extract_file, extract_paths, read_texts
from .frames import articles_frame, cases_frame, facts_frame
from .models import Amount, Article, Case, Document, Fact
from .numbers.numerals import parse_numeral
from .reading import ReadError, Source, read_source
from .repair import RepairedText, repair
from .segment import PageLayout, segment

if TYPE_CHECKING:
    from spacy.language import Language

try:
    __version__ = version("extractor")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Amount",
    "Article",
    "Case",
    "Document",
    "Fact",
    "PageLayout",
    "ReadError",
    "RepairedText",
    "Source",
    "__version__",
    "articles_frame",
    "cases_frame",
    "extract_file",
    "extract_paths",
    "extract_text",
    "facts_frame",
    "load",
    "parse_numeral",
    "read_source",
    "read_texts",
    "repair",
    "segment",
]

PIPELINE = ("extractor_layout", "extractor_facts", "extractor_cases")
"""The extractor's components, in order."""

MAX_CHARS = 2_000_000
"""Longest text ``nlp(text)`` takes (spaCy's ``nlp.max_length``): a Doc holds one token per
character, about 200 bytes each. Only the spaCy API is bound by it: :func:`extract_text`,
``extract_paths`` and ``extractor extract`` work article by article without a Doc of the
whole page (:mod:`extractor.by_article`) and take text of any length."""


def load(*, ref_date: date | None = None, lexicons: str | Path | None = None) -> Language:
    """A new spaCy ``Language`` for Chinese with the extractor's tokenizer and components.

    Tokens are single characters (``extractor.CharTokenizer.v1``): every span can start and
    end on any character, and no word segmenter runs over the whole page. ``ref_date`` is
    the reference date of years not written (the ``extractor_facts`` setting); ``lexicons``
    a folder of data files to use instead of the package's (every component's setting).
    ``nlp.to_disk(path)`` then ``spacy.load(path)`` gives the same pipeline.
    """
    import spacy

    from .pipeline import components  # registers the tokenizer and the factories  # noqa: F401

    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.CharTokenizer.v1"}}}
    )
    nlp.max_length = MAX_CHARS
    folder = str(lexicons) if lexicons is not None else None
    settings: dict[str, dict[str, str | None]] = {
        "extractor_layout": {"lexicons": folder},
        "extractor_facts": {
            "lexicons": folder,
            "ref_date": ref_date.isoformat() if ref_date else None,
        },
        "extractor_cases": {"lexicons": folder},
    }
    for name in PIPELINE:
        nlp.add_pipe(name, config=settings[name])
    return nlp


@cache
def _shared_nlp() -> Language:
    return load()


def extract_text(
    text: str, source: str = "<text>", *, segments: bool = False, ref_date: date | None = None
) -> Document:
    """The record of one decoded text (a shared pipeline is loaded on first use);
    ``ref_date`` resolves the years of dates in articles without a dated dateline."""
    from .batch import extract_text as _extract

    return _extract(_shared_nlp(), text, source, segments=segments, ref_date=ref_date)
