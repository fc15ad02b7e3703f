"""Lexicons: the data files under ``extractor/data/``, loaded once and validated on load.

Every Chinese word or pattern the code relies on lives in a data file; this module is the
only place that reads them. Each loader is cached (``functools.cache``); call
:func:`clear_caches` in a test that edits a lexicon.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class LexiconError(ValueError):
    """A data file is missing a key, has the wrong type, or holds a bad pattern."""


def _load_toml(name: str) -> dict[str, Any]:
    with resources.files("extractor.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def _str(data: dict[str, Any], key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise LexiconError(f"{name}: key {key!r} must be a non-empty string")
    return value


def _pattern(source: str, key: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as err:
        raise LexiconError(f"{name}: key {key!r} is not a valid regex: {err}") from err


def _patterns(data: dict[str, Any], key: str, name: str) -> tuple[re.Pattern[str], ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{name}: key {key!r} must be a non-empty list of strings")
    if len(set(value)) != len(value):
        raise LexiconError(f"{name}: key {key!r} has duplicate entries")
    return tuple(_pattern(v, key, name) for v in value)


@dataclass(frozen=True)
class Layout:
    """Characters and patterns that segment a page (see ``data/layout.toml``)."""

    max_heading_chars: int
    sentence_end: frozenset[str]
    ellipsis: str
    closing: frozenset[str]
    paragraph_end: frozenset[str]
    headline_end_ok: frozenset[str]
    continues_after: frozenset[str]
    continues_before: frozenset[str]
    number_end: frozenset[str]
    number_units: frozenset[str]
    heading_marker: re.Pattern[str]
    list_item: re.Pattern[str]
    date_opener: re.Pattern[str]
    byline_lines: tuple[re.Pattern[str], ...]
    dateline_leads: tuple[re.Pattern[str], ...]
    inline_dateline: re.Pattern[str]
    dateline_dates: tuple[re.Pattern[str], ...]


@cache
def layout() -> Layout:
    """The layout lexicon, read from ``data/layout.toml`` once."""
    name = "layout.toml"
    data = _load_toml(name)
    limit = data.get("max_heading_chars")
    if not isinstance(limit, int) or limit <= 0:
        raise LexiconError(f"{name}: key 'max_heading_chars' must be a positive integer")

    def chars(key: str) -> frozenset[str]:
        return frozenset(_str(data, key, name))

    def pattern(key: str) -> re.Pattern[str]:
        return _pattern(_str(data, key, name), key, name)

    return Layout(
        max_heading_chars=limit,
        sentence_end=chars("sentence_end"),
        ellipsis=_str(data, "ellipsis", name),
        closing=chars("closing"),
        paragraph_end=chars("paragraph_end"),
        headline_end_ok=chars("headline_end_ok"),
        continues_after=chars("continues_after"),
        continues_before=chars("continues_before"),
        number_end=chars("number_end"),
        number_units=chars("number_units"),
        heading_marker=pattern("heading_marker"),
        list_item=pattern("list_item"),
        date_opener=pattern("date_opener"),
        byline_lines=_patterns(data, "byline_lines", name),
        dateline_leads=_patterns(data, "dateline_leads", name),
        inline_dateline=pattern("inline_dateline"),
        dateline_dates=_patterns(data, "dateline_dates", name),
    )


def clear_caches() -> None:
    """Forget every loaded lexicon (for tests that change data files)."""
    layout.cache_clear()
