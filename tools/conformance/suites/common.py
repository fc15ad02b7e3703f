"""Helpers shared by the suites: reading case files, running the extractor on one input,
comparing facts under SPEC's rules."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor.evaluation.scoring import same_value
from extractor.models import Fact

__all__ = ["facts_of", "jsonl", "number", "same_fact"]


def jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def number(value: Any) -> Decimal | str | None:
    """A case's value as ours: numbers as Decimal, strings (TIMEX3) as they are."""
    if value is None or isinstance(value, str):
        return value
    return Decimal(str(value))


def facts_of(text: str) -> list[Fact]:
    """Every fact the extractor finds in ``text`` (one source), dates with no value left out."""
    from extractor import extract_text

    return [
        f
        for a in extract_text(text, source="case.txt").articles
        for f in a.facts
        if not (f.kind == "date" and f.value is None)
    ]


def same_fact(found: Fact, want: dict[str, Any], *, span: bool = True) -> bool:
    """``found`` equals ``want`` on kind, value, high, unit, qualifier (and span)."""
    if span and (found.span[0], found.span[1]) != (want["start"], want["end"]):
        return False
    return (
        found.kind == want["kind"]
        and same_value(found.value, number(want["value"]))
        and same_value(found.high, number(want.get("high")))
        and found.unit == want.get("unit")
        and found.qualifier == want.get("qualifier", "exact")
    )
