"""Loading gold and predicted documents for evaluation, with one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from ..models import Document
from ..reading import ReadError, read_source
from ..repair import surface
from ..segment import segment

__all__ = ["load_gold_dir", "load_predictions", "sentence_finder"]


def load_gold_dir(gold_dir: Path) -> tuple[list[Document], list[str]]:
    """Every gold file under ``gold_dir`` (``drafts/`` excluded), and the problems found."""
    from ..gold.check import load_model

    documents: list[Document] = []
    problems: list[str] = []
    for path in sorted(gold_dir.rglob("*.json")):
        relative = path.relative_to(gold_dir)
        if "drafts" in relative.parts:
            continue
        loaded = load_model(path, Document, relative.as_posix())
        if isinstance(loaded, list):
            problems.extend(str(p) for p in loaded)
        else:
            documents.append(loaded)
    return documents, problems


def load_predictions(path: Path) -> list[Document] | str:
    """Documents from a JSONL file or a JSON array; a one-line message when malformed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return f"{path}: cannot read ({err})"
    documents = []
    try:
        if text.lstrip().startswith("["):
            documents = [Document.model_validate(d) for d in json.loads(text)]
        else:
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        documents.append(Document.model_validate_json(line))
                    except ValidationError as err:
                        first = err.errors()[0]
                        return (
                            f"{path}:{number}: invalid document ({first['msg']} at {first['loc']})"
                        )
    except json.JSONDecodeError as err:
        return f"{path}:{err.lineno}: malformed JSON ({err.msg})"
    except ValidationError as err:
        first = err.errors()[0]
        return f"{path}: invalid document ({first['msg']} at {first['loc']})"
    return documents


def sentence_finder(corpus_dir: Path) -> Callable[[str, tuple[int, int]], str | None]:
    """A function giving the sentence (SPEC ``text`` rule) that holds a span of a source."""

    @cache
    def sentences(source: str) -> tuple[str, tuple[tuple[int, int], ...]] | None:
        try:
            text = read_source(corpus_dir / source, source).text
        except ReadError:
            return None
        spans = []
        for article in segment(text).articles:
            spans += [*article.headline, *article.sentences, *(h.span for h in article.headings)]
            if article.dateline is not None:
                spans.append(article.dateline.span)
        return text, tuple(spans)

    def find(source: str, span: tuple[int, int]) -> str | None:
        found = sentences(source)
        if found is None:
            return None
        text, spans = found
        for start, end in spans:
            if start <= span[0] < end:
                return surface(text[start:end])
        lo, hi = max(0, span[0] - 30), min(len(text), span[1] + 30)
        return surface(text[lo:hi])

    return find
