"""Records: the pydantic models of docs/SPEC.md, shared by output, gold and evaluation.

Field names and enums are SPEC's. Output may carry the extra fields marked *extra*
(SPEC §1 allows them); gold carries at most SPEC's. Numbers are held as ``Decimal`` and
written as JSON numbers (integers where whole), never strings.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator, model_validator

from .lexicons import package_kinds

__all__ = [
    "Amount",
    "Article",
    "Case",
    "Dateline",
    "Document",
    "Fact",
    "Heading",
    "Number",
    "Span",
    "TimexOrNumber",
    "scored_fields",
    "spec_fields",
]


def _as_json_number(value: Decimal) -> int | float:
    """``Decimal('15000000')`` → ``15000000``; ``Decimal('43.9')`` → ``43.9``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Number = Annotated[
    Decimal,
    PlainSerializer(_as_json_number, return_type=int | float, when_used="json"),
]
"""A decimal number, serialised as a JSON number."""

TimexOrNumber = Annotated[str | Number | None, Field(union_mode="left_to_right")]
"""A fact's value: a TIMEX3 string for dates (kept a string even when it looks like a number,
``"2017"``), else a number."""

Span = tuple[int, int]
"""``[start, end)``: Python ``str`` indices into the decoded source text (SPEC §1)."""

FACT_KINDS: tuple[str, ...] = package_kinds().names
"""Every fact kind of SPEC §3, in order, as declared in ``data/kinds.toml``."""
FactKind = Literal[FACT_KINDS]  # type: ignore[valid-type]
"""One of :data:`FACT_KINDS` (the models' kind type, read from ``data/kinds.toml``)."""
_TIMEX_KINDS = frozenset(k.name for k in package_kinds().kind if k.value == "timex")
Qualifier = Literal["exact", "over", "at_least", "nearly", "about", "under", "at_most", "range"]
Change = Literal["up", "down"]
Basis = Literal["yoy", "mom"]
Category = Literal[
    "brushing",
    "investment",
    "romance",
    "loan",
    "credit_record",
    "impersonate_service",
    "impersonate_authority",
    "impersonate_acquaintance",
    "debt_collection",
    "prize_subsidy",
    "gaming",
    "sextortion",
    "gambling",
    "money_laundering",
    "telecom_support",
    "other_fraud",
    "not_fraud",
]
Outcome = Literal["solved", "aid", "prevented", "loss", "other"]
Role = Literal[
    "recovered", "frozen", "returned", "aid", "loss", "attempted", "involved", "cost", "other"
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


def _extra(description: str) -> Any:
    """An optional extra field (SPEC §1): left out of the output while it is ``None``."""
    return Field(
        default=None,
        description=f"extra: {description}",
        exclude_if=_is_none,
        json_schema_extra={"extra": True},
    )


Scored = Literal["strict", "attribute", "field"]
"""How SPEC §6 scores a field: ``strict`` (a fact is strictly right only when it is equal),
``attribute`` (accuracy over strict matches), ``field`` (a case field's accuracy over
matched cases)."""


def _scored(how: Scored, default: Any = None) -> Any:
    """A field SPEC §6 scores, marked so that the evaluation reads its fields from here."""
    return Field(default=default, json_schema_extra={"scored": how})


def _meta(model: type[BaseModel], name: str) -> dict[str, Any]:
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def spec_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields SPEC gives a record (the extra fields of §1 left out), in order: what gold
    carries, and what drafts and CSV columns are made of."""
    return tuple(n for n in model.model_fields if not _meta(model, n).get("extra"))


def scored_fields(model: type[BaseModel], how: Scored) -> tuple[str, ...]:
    """The fields of ``model`` scored ``how`` (SPEC §6), in order.

    >>> scored_fields(Fact, "strict"), scored_fields(Fact, "attribute")
    (('value', 'high', 'unit', 'qualifier'), ('subject', 'action', 'change', 'basis'))
    """
    return tuple(n for n in model.model_fields if _meta(model, n).get("scored") == how)


def _is_none(value: object) -> bool:
    return value is None


def _check_span(span: Span) -> Span:
    start, end = span
    if start < 0 or end < start:
        raise ValueError(f"span [{start}, {end}] must satisfy 0 <= start <= end")
    return span


class Fact(_Record):
    """One mention of a number (SPEC §3)."""

    kind: FactKind
    text: str
    span: Span
    value: TimexOrNumber = Field(json_schema_extra={"scored": "strict"})
    high: Number | None = _scored("strict")
    unit: str | None = _scored("strict")
    qualifier: Qualifier = _scored("strict", "exact")
    subject: str | None = _scored("attribute")
    action: str | None = _scored("attribute")
    change: Change | None = _scored("attribute")
    basis: Basis | None = _scored("attribute")
    resolved: str | None = _extra("the date value with XXXX filled in (SPEC §4)")

    _span = field_validator("span")(_check_span)

    @model_validator(mode="after")
    def _value_matches_kind(self) -> Fact:
        if self.kind in _TIMEX_KINDS:
            if self.value is not None and not isinstance(self.value, str):
                raise ValueError(f"a {self.kind}'s value is a TIMEX3 string or null")
        elif not isinstance(self.value, Decimal):
            raise ValueError(f"a {self.kind} fact's value must be a number")
        if self.high is not None:
            if not isinstance(self.value, Decimal):
                raise ValueError("high needs a numeric value")
            if self.value > self.high:
                raise ValueError(f"value {self.value} is above high {self.high}")
        return self


class Amount(_Record):
    """One money fact of a case, with its role (SPEC §5)."""

    role: Role
    value: Number
    qualifier: Qualifier = "exact"


class Case(_Record):
    """One concrete incident told in an article (SPEC §5)."""

    span: Span
    title: str | None = None
    date: str | None = _scored("field")
    agency: str | None = _scored("field")
    victims: list[str] = Field(default_factory=list, json_schema_extra={"scored": "field"})
    suspects: list[str] = Field(default_factory=list, json_schema_extra={"scored": "field"})
    suspect_count: int | None = _scored("field")
    category: Category = _scored("field", "other_fraud")
    outcome: Outcome = _scored("field", "other")
    amounts: list[Amount] = Field(default_factory=list)

    _span = field_validator("span")(_check_span)


class Heading(_Record):
    """extra: a section heading inside an article (``level`` = number of ``#``, 0 unmarked)."""

    text: str
    span: Span
    level: int = 0


class Dateline(_Record):
    """extra: the article's byline or dateline, with the date it states, if any (TIMEX3)."""

    text: str
    span: Span
    date: str | None = None


class Article(_Record):
    """One article of a source file (SPEC §2)."""

    title: str | None
    span: Span
    facts: list[Fact] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    dateline: Dateline | None = _extra("the article's byline or dateline")
    headings: list[Heading] | None = _extra("section headings inside the article")
    paragraphs: list[Span] | None = _extra("paragraph spans (extract --segments)")
    sentences: list[Span] | None = _extra("sentence spans (extract --segments)")

    _span = field_validator("span")(_check_span)


class Document(_Record):
    """The record of one source file (SPEC §1)."""

    source: str
    encoding: str | None = _extra(
        "the encoding the source was read in, decided by evidence (utf-8, utf-8-sig, gb18030, "
        "big5, big5hkscs, utf-16, utf-16-le, utf-16-be, utf-32, utf-32-le, utf-32-be)"
    )
    articles: list[Article] = Field(default_factory=list)
    error: str | None = _extra("why the file could not be processed (SPEC §1)")

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text of the record; unset extra fields are left out."""
        return self.model_dump_json(indent=indent)

    def __reduce__(self) -> tuple[Callable[[str], Document], tuple[str]]:
        """Pickled as its JSON text, which is how ``--jobs`` workers send documents back:
        half the cost of pickling the nested models field by field, in both processes."""
        return (type(self).model_validate_json, (self.to_json(),))
