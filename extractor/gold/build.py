"""``extractor gold build``: a labelling draft + its source → a gold file with spans.

Every item of the draft is searched in the source with line breaks removed (SPEC's ``text``
rule), so a draft can quote ``1500余万元`` where the page has ``1500余\\n\\n万元``. Anything
not found, or found where the draft does not say which occurrence, is an error naming the
item; nothing is written unless every item is found.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Article, Case, Document, Fact
from ..repair import RepairedText, surface, surface_view
from .draft import Draft, DraftArticle, DraftCase, DraftFact

__all__ = ["BuildError", "build_gold", "occurrences"]


@dataclass(frozen=True)
class BuildError:
    """One item the build could not place: ``where`` is like ``article 2:facts[3]``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def occurrences(haystack: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every start of ``needle`` in ``haystack[start:end]``, overlapping ones included.

    >>> occurrences("6.2万元…2万元", "2万元")
    [2, 6]
    """
    end = len(haystack) if end is None else end
    found = []
    pos = haystack.find(needle, start, end)
    while pos != -1:
        found.append(pos)
        pos = haystack.find(needle, pos + 1, end)
    return found


def _article_bounds(
    view: RepairedText, draft: Draft
) -> tuple[list[tuple[int, int]], list[BuildError]]:
    """Each article's ``[start, end)`` in the view: from its ``first`` words (searched after the
    previous article) to just before the next article."""
    starts: list[int] = []
    errors: list[BuildError] = []
    pos = 0
    for n, article in enumerate(draft.articles, 1):
        found = view.text.find(article.first, pos)
        if found == -1:
            errors.append(BuildError(f"article {n}:first", f"{article.first!r} not found"))
            starts.append(pos)
            continue
        starts.append(found)
        pos = found + 1
    bounds = [
        (s, starts[i + 1] if i + 1 < len(starts) else len(view.text)) for i, s in enumerate(starts)
    ]
    return bounds, errors


def _fact(
    view: RepairedText, fact: DraftFact, bounds: tuple[int, int], where: str
) -> Fact | BuildError:
    found = occurrences(view.text, fact.text, *bounds)
    if not found:
        return BuildError(where, f"text {fact.text!r} not found in the article")
    if fact.occurrence is None and len(found) > 1:
        return BuildError(
            where, f"text {fact.text!r} found {len(found)} times; give its occurrence"
        )
    n = fact.occurrence or 1
    if n > len(found):
        return BuildError(where, f"text {fact.text!r} occurs {len(found)} times, not {n}")
    start = found[n - 1]
    span = view.original_span(start, start + len(fact.text))
    fields = fact.model_dump(exclude={"occurrence"})
    fields.update(span=span, text=surface(view.original[span[0] : span[1]]))
    return Fact(**fields)


def _unique(
    view: RepairedText, needle: str, start: int, end: int, where: str, what: str
) -> int | BuildError:
    found = occurrences(view.text, needle, start, end)
    if len(found) != 1:
        problem = "not found" if not found else f"found {len(found)} times"
        return BuildError(where, f"{what} {needle!r} {problem} in the article")
    return found[0]


def _case(
    view: RepairedText, case: DraftCase, bounds: tuple[int, int], where: str
) -> Case | BuildError:
    first = _unique(view, case.first, *bounds, where, "first words")
    if isinstance(first, BuildError):
        return first
    last = _unique(view, case.last, first, bounds[1], where, "last words")
    if isinstance(last, BuildError):
        return last
    span = view.original_span(first, last + len(case.last))
    return Case(span=span, **case.model_dump(exclude={"first", "last"}))


def _trimmed_span(view: RepairedText, start: int, end: int) -> tuple[int, int]:
    while end > start and view.text[end - 1].isspace():
        end -= 1
    return view.original_span(start, end)


def _article(
    view: RepairedText, draft: DraftArticle, n: int, bounds: tuple[int, int]
) -> tuple[Article, list[BuildError]]:
    errors: list[BuildError] = []
    facts: list[Fact] = []
    cases: list[Case] = []
    for i, fact in enumerate(draft.facts):
        built = _fact(view, fact, bounds, f"article {n}:facts[{i}]")
        (errors if isinstance(built, BuildError) else facts).append(built)  # type: ignore[arg-type]
    for i, case in enumerate(draft.cases):
        built_case = _case(view, case, bounds, f"article {n}:cases[{i}]")
        (errors if isinstance(built_case, BuildError) else cases).append(built_case)  # type: ignore[arg-type]
    facts.sort(key=lambda f: (f.span, f.kind))
    article = Article(
        title=draft.title, span=_trimmed_span(view, *bounds), facts=facts, cases=cases
    )
    return article, errors


def build_gold(text: str, draft: Draft) -> tuple[Document | None, list[BuildError]]:
    """Place every item of ``draft`` in the decoded source ``text``.

    Returns the gold document, or ``None`` and the list of errors.
    """
    view = surface_view(text)
    bounds, errors = _article_bounds(view, draft)
    articles = []
    for n, (article, span) in enumerate(zip(draft.articles, bounds, strict=True), 1):
        built, problems = _article(view, article, n, span)
        articles.append(built)
        errors.extend(problems)
    if errors:
        return None, errors
    return Document(source=draft.source, articles=articles), []
