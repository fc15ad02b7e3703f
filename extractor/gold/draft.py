"""Labelling drafts: hand labels without offsets (format: ``gold/drafts/README.md``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..models import (
    Amount,
    Basis,
    Category,
    Change,
    FactKind,
    Number,
    Outcome,
    Qualifier,
    TimexOrNumber,
)

__all__ = ["Draft", "DraftArticle", "DraftCase", "DraftFact"]


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftFact(_Draft):
    """A fact by its text (line breaks removed) and, when the text repeats in the article,
    which occurrence it is (1-based, counting every appearance of the string)."""

    kind: FactKind
    text: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    value: TimexOrNumber
    high: Number | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    subject: str | None = None
    action: str | None = None
    change: Change | None = None
    basis: Basis | None = None


class DraftCase(_Draft):
    """A case by its first and last words (each occurring once in the article)."""

    first: str = Field(min_length=1)
    last: str = Field(min_length=1)
    title: str | None = None
    date: str | None = None
    agency: str | None = None
    victims: list[str] = Field(default_factory=list)
    suspects: list[str] = Field(default_factory=list)
    suspect_count: int | None = None
    category: Category = "other_fraud"
    outcome: Outcome = "other"
    amounts: list[Amount] = Field(default_factory=list)


class DraftArticle(_Draft):
    title: str | None
    first: str = Field(min_length=1)
    facts: list[DraftFact] = Field(default_factory=list)
    cases: list[DraftCase] = Field(default_factory=list)


class Draft(_Draft):
    source: str
    articles: list[DraftArticle] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
