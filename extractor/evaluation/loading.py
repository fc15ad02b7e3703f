"""Loading gold and predicted documents for evaluation, with one-line errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from ..models import Document
from ..reading import ReadError, read_source
from ..repair import surface
from ..segment import segment
from .jsontext import JsonProblem, parse_json, printable, validation_problems

__all__ = ["load_gold_dir", "load_predictions", "sentence_finder"]


def load_gold_dir(
    gold_dir: Path, corpus_dir: Path | None = None
) -> tuple[list[Document], list[str]]:
    """Every gold file under ``gold_dir`` (``drafts/`` excluded), and the problems found: files
    that are not records, two files labelling one source, and, given ``corpus_dir``, spans
    that end after their source text (a source that cannot be read is left to the scoring,
    which reports it as missing)."""
    from ..gold.check import load_model, spans_outside_text

    documents: list[Document] = []
    problems: list[str] = []
    first: dict[str, str] = {}
    for path in sorted(gold_dir.rglob("*.json")):
        relative = path.relative_to(gold_dir)
        if "drafts" in relative.parts:
            continue
        name = relative.as_posix()
        loaded = load_model(path, Document, name)
        if isinstance(loaded, list):
            problems.extend(str(p) for p in loaded)
            continue
        if loaded.source in first:
            problems.append(
                f"{printable(name)}:document:source: {loaded.source!r} is also labelled by "
                f"{printable(first[loaded.source])}"
            )
            continue
        first[loaded.source] = name
        documents.append(loaded)
        if corpus_dir is not None:
            try:
                text = read_source(corpus_dir / loaded.source, loaded.source).text
            except ReadError:
                continue
            problems.extend(str(p) for p in spans_outside_text(loaded, len(text), name))
    return documents, problems


class _Invalid(ValueError):
    pass


def _validated(data: object, where: str) -> Document:
    """``data`` as a Document, or :class:`_Invalid` naming the first field that is wrong."""
    try:
        return Document.model_validate(data)
    except ValidationError as err:
        field, message = validation_problems(err.errors())[0]
        raise _Invalid(f"{where}:{field}: {message}") from None


def _documents(text: str) -> Iterator[tuple[str, Document]]:
    """``(where, document)`` for each document of a JSONL text or a JSON array."""
    if text.lstrip().startswith("["):
        try:
            data = parse_json(text)
        except JsonProblem as err:
            raise _Invalid(str(err)) from None
        for number, item in enumerate(data, 1):
            where = f"document {number}"
            yield where, _validated(item, where)
        return
    # split on "\n" only: a JSON string may hold U+2028 or other line breaks of str.splitlines
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data = parse_json(line)
        except JsonProblem as err:
            raise _Invalid(f"line {number}:column {err.column}: {err.message}") from None
        where = f"line {number}"
        yield where, _validated(data, where)


def load_predictions(path: Path) -> list[Document] | str:
    """Documents from a JSONL file or a JSON array; else a one-line message naming the file
    and where in it: malformed JSON, a document that is not a record, a second document for
    one source, or no document at all."""
    name = printable(str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return f"{name}: cannot read ({err})"
    documents: list[Document] = []
    first: dict[str, str] = {}
    try:
        for where, document in _documents(text):
            if document.source in first:
                return (
                    f"{name}:{where}: a second document for source {document.source!r} "
                    f"(first at {first[document.source]})"
                )
            first[document.source] = where
            documents.append(document)
    except _Invalid as err:
        return f"{name}:{err}"
    if not documents:
        return f"{name}: no document in the file (an empty prediction would score 0)"
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
