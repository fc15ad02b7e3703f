"""Labelling drafts: hand labels without offsets (format: ``gold/drafts/README.md``).

The draft models are made from the record models, not written out again: a draft fact has
every SPEC field of :class:`~extractor.models.Fact` but its span (given by the text and its
occurrence instead), a draft case every SPEC field of :class:`~extractor.models.Case` but
its span (given by its first and last words)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..models import Case, Fact, spec_fields

__all__ = ["Draft", "DraftArticle", "DraftCase", "DraftFact"]


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _fields(model: type[BaseModel], *, leave_out: set[str]) -> dict[str, Any]:
    """The SPEC fields of ``model`` as ``create_model`` arguments, but ``leave_out``."""
    return {
        name: (model.model_fields[name].annotation, model.model_fields[name])
        for name in spec_fields(model)
        if name not in leave_out
    }


DraftFact = create_model(
    "DraftFact",
    __base__=_Draft,
    __doc__="A fact by its text (line breaks removed) and, when the text repeats in the "
    "article, which occurrence it is (1-based, counting every appearance of the string).",
    **_fields(Fact, leave_out={"span", "text"}),
    text=(str, Field(min_length=1)),
    occurrence=(int | None, Field(default=None, ge=1)),
)

DraftCase = create_model(
    "DraftCase",
    __base__=_Draft,
    __doc__="A case by its first and last words (each occurring once in the article).",
    first=(str, Field(min_length=1)),
    last=(str, Field(min_length=1)),
    **_fields(Case, leave_out={"span"}),
)


class DraftArticle(_Draft):
    title: str | None
    first: str = Field(min_length=1)
    facts: list[DraftFact] = Field(default_factory=list)  # type: ignore[valid-type]
    cases: list[DraftCase] = Field(default_factory=list)  # type: ignore[valid-type]


class Draft(_Draft):
    source: str
    articles: list[DraftArticle] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
