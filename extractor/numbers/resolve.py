"""Filling in the year of a date value (SPEC §4 ``resolved``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Reference", "reference_from", "resolve"]

_YMD = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass(frozen=True)
class Reference:
    """The date that years are filled from: the article's dateline, or ``--ref-date``."""

    year: int
    month: int | None = None


def reference_from(dateline: str | None, ref_date: date | None) -> Reference | None:
    """The dateline's year (and month) when it has one, else ``ref_date``'s.

    >>> reference_from("2022-09-06", None), reference_from("XXXX-01-05", date(2024, 3, 1))
    (Reference(year=2022, month=9), Reference(year=2024, month=3))
    """
    if dateline:
        match = _YMD.match(dateline)
        if match:
            return Reference(int(match.group(1)), int(match.group(2)))
    if ref_date is not None:
        return Reference(ref_date.year, ref_date.month)
    return None


def resolve(value: str | None, reference: Reference | None) -> str | None:
    """``value`` with ``XXXX`` filled in; a month later than the reference month takes the
    year before. ``None`` when there is nothing to fill it from.

    >>> ref = Reference(2020, 12)
    >>> resolve("XXXX-12-18TMO", ref), resolve("2017", ref), resolve("XXXX-XX-28TMO", ref)
    ('2020-12-18TMO', '2017', '2020-XX-28TMO')
    >>> resolve("XXXX-12-18", Reference(2021, 1)), resolve("XXXX-05", None)
    ('2020-12-18', None)
    """
    if value is None:
        return None
    if not value.startswith("XXXX"):
        return value
    if reference is None:
        return None
    year = reference.year
    month = value[5:7] if len(value) >= 7 else ""
    if month.isdigit() and reference.month is not None and int(month) > reference.month:
        year -= 1
    return f"{year:04d}{value[4:]}"
