"""Records → Label Studio tasks, each with the record as pre-annotations (``predictions``).

A task is one source: ``data`` holds its text and name; every fact, case and article is a
region over ``text[start:end]`` (offsets in UTF-16 units, as Label Studio counts) labelled
with its kind, ``case`` or ``article``; each field that is set is a per-region result with
the region's id (see :mod:`.config`). Only SPEC's fields go out: what comes back is gold.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .. import __version__
from ..models import Amount, Article, Case, Document, Fact
from .config import ARTICLE_LABELS, CASE_LABELS, CONTROLS, FACT_LABELS, TEXT, Control
from .offsets import Utf16Offsets

__all__ = ["amount_line", "field_text", "task"]


def _plain(value: Decimal) -> str:
    """A number without exponent or trailing zeros: ``Decimal('1.5E+7')`` → ``15000000``.

    >>> _plain(Decimal("1.5E+7")), _plain(Decimal("43.90")), _plain(Decimal("0.0005"))
    ('15000000', '43.9', '0.0005')
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def amount_line(amount: Amount) -> str:
    """``role:value:qualifier``, as ``--format cases-csv`` writes an amount."""
    return f"{amount.role}:{_plain(amount.value)}:{amount.qualifier}"


def field_text(control: Control, record: Fact | Case | Article) -> str | None:
    """The text a per-region field holds for ``record``; None when the field is unset."""
    value = getattr(record, control.field)
    if value is None or value == []:
        return None
    if control.shape == "lines":
        return "\n".join(value)
    if control.shape == "amounts":
        return "\n".join(amount_line(a) for a in value)
    if isinstance(value, Decimal):
        return _plain(value)
    return str(value)


class _Regions:
    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = Utf16Offsets(text)
        self.result: list[dict[str, Any]] = []

    def add(self, region: str, span: tuple[int, int], labels: str, label: str, record: Any) -> None:
        start, end = span
        value = {
            "start": self.offsets.to_utf16(start),
            "end": self.offsets.to_utf16(end),
            "text": self.text[start:end],
        }
        common = {"id": region, "to_name": TEXT, "origin": "prediction"}
        self.result.append(
            {**common, "from_name": labels, "type": "labels", "value": {**value, "labels": [label]}}
        )
        owner = {FACT_LABELS: "fact", CASE_LABELS: "case", ARTICLE_LABELS: "article"}[labels]
        for control in CONTROLS:
            if control.owner != owner:
                continue
            shown = field_text(control, record)
            if shown is None:
                continue
            if control.shape == "choice":
                field = {"choices": [shown]}
                kind = "choices"
            else:
                field = {"text": [shown]}
                kind = "textarea"
            self.result.append(
                {**common, "from_name": control.name, "type": kind, "value": {**value, **field}}
            )


def task(document: Document, text: str) -> dict[str, Any]:
    """The Label Studio task of one source: its text, and its record as one prediction."""
    regions = _Regions(text)
    for a, article in enumerate(document.articles):
        regions.add(f"a{a}", article.span, ARTICLE_LABELS, "article", article)
        for n, fact in enumerate(article.facts):
            regions.add(f"a{a}f{n}", fact.span, FACT_LABELS, fact.kind, fact)
        for n, case in enumerate(article.cases):
            regions.add(f"a{a}c{n}", case.span, CASE_LABELS, "case", case)
    return {
        "data": {TEXT: text, "source": document.source},
        "predictions": [{"model_version": f"extractor {__version__}", "result": regions.result}],
    }
