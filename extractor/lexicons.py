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


def _table(data: dict[str, Any], key: str, name: str, value_type: type) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{name}: table [{key}] is missing or empty")
    for k, v in value.items():
        if not isinstance(v, value_type):
            raise LexiconError(f"{name}: [{key}] {k!r} must be {value_type.__name__}, not {v!r}")
    return value


def _words(data: dict[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{name}: key {key!r} must be a non-empty list of strings")
    if len(set(value)) != len(value):
        dupes = sorted({v for v in value if value.count(v) > 1})
        raise LexiconError(f"{name}: key {key!r} has duplicate entries {dupes}")
    return tuple(value)


def _longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Numbers:
    """Numeral characters and number marks (``data/numbers.toml``)."""

    digits: dict[str, int]
    small_units: dict[str, int]
    big_units: dict[str, int]
    contractions: dict[str, str]
    negative: frozenset[str]
    decimal_point: frozenset[str]
    over_after: tuple[str, ...]
    vague_after: tuple[str, ...]
    vague_before: tuple[str, ...]
    range_pairs: tuple[str, ...]

    @property
    def numeral_chars(self) -> str:
        return "".join([*self.digits, *self.small_units, *self.big_units])


@cache
def numbers() -> Numbers:
    name = "numbers.toml"
    data = _load_toml(name)
    marks = _table(data, "marks", name, object)
    return Numbers(
        digits=_table(data, "digits", name, int),
        small_units=_table(data, "small_units", name, int),
        big_units=_table(data, "big_units", name, int),
        contractions=_table(data, "contractions", name, str),
        negative=frozenset(_str(marks, "negative", name)),
        decimal_point=frozenset(_str(marks, "decimal_point", name)),
        over_after=_words(marks, "over_after", name),
        vague_after=_words(marks, "vague_after", name),
        vague_before=_longest_first(_words(marks, "vague_before", name)),
        range_pairs=_words(marks, "range_pairs", name),
    )


@dataclass(frozen=True)
class Units:
    """Units that decide a number's kind (``data/units.toml``); word lists longest first."""

    currency_after: dict[str, str]
    currency_before: dict[str, str]
    currency_subunits: dict[str, str]
    money_after_unit: tuple[str, ...]
    money_fraction: dict[str, str]
    yuan_with_fraction: tuple[str, ...]
    ge_yi: tuple[str, ...]
    thousand_letters: tuple[str, ...]
    money_words: tuple[str, ...]
    hong_kong: tuple[str, ...]
    taiwan: tuple[str, ...]
    percent_signs: tuple[str, ...]
    percent_points: tuple[str, ...]
    time: dict[str, str]
    age: tuple[str, ...]
    measure: dict[str, str]
    classifiers: tuple[str, ...]
    count_nouns: tuple[str, ...]


_ISO = re.compile(r"local|[A-Z]{3}")  # "local" or an ISO 4217 code
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
MEASURE_UNITS = frozenset(
    "t kg g mg jin km m cm mm nmi m2 km2 ha mu m3 L mL kWh kW MW GW °C km/h".split()
)
"""The measure unit symbols of SPEC §3 (Measures)."""


@cache
def units() -> Units:
    name = "units.toml"
    data = _load_toml(name)
    after = _table(data, "currency_after", name, str)
    before = _table(data, "currency_before", name, str)
    for table in (after, before):
        bad = {v for v in table.values() if not _ISO.fullmatch(v)}
        if bad:
            raise LexiconError(f"{name}: currency codes must be ISO 4217, not {sorted(bad)}")
    time = _table(data, "time", name, str)
    if set(time.values()) - TIME_UNITS:
        raise LexiconError(f"{name}: [time] units must be among {sorted(TIME_UNITS)}")
    measure = _table(data, "measure", name, str)
    if set(measure.values()) - MEASURE_UNITS:
        bad = sorted(set(measure.values()) - MEASURE_UNITS)
        raise LexiconError(f"{name}: [measure] symbols must be SPEC's, not {bad}")
    money = _table(data, "money", name, object)
    percent = _table(data, "percent", name, object)
    count = _table(data, "count", name, object)
    return Units(
        currency_after=after,
        currency_before=before,
        currency_subunits=_table(data, "currency_subunits", name, str),
        money_after_unit=_longest_first(_words(money, "after_unit", name)),
        money_fraction=_table(data, "money_fraction", name, str),
        yuan_with_fraction=_words(money, "yuan_with_fraction", name),
        ge_yi=_words(money, "ge_yi", name),
        thousand_letters=_words(money, "thousand_letters", name),
        money_words=_longest_first(_words(money, "words", name)),
        hong_kong=_words(money, "hong_kong", name),
        taiwan=_words(money, "taiwan", name),
        percent_signs=_words(percent, "signs", name),
        percent_points=_longest_first(_words(percent, "points", name)),
        time=time,
        age=_longest_first(_words(_table(data, "age", name, object), "units", name)),
        measure=measure,
        classifiers=_longest_first(_words(count, "classifiers", name)),
        count_nouns=_longest_first(_words(count, "nouns", name)),
    )


@dataclass(frozen=True)
class Qualifiers:
    """Qualifier words (``data/qualifiers.toml``), each table longest first."""

    before: tuple[tuple[str, str], ...]
    before_with_verb: tuple[tuple[str, str], ...]
    after: tuple[tuple[str, str], ...]
    range_connectors: tuple[str, ...]
    inclusive: tuple[str, ...]


_QUALIFIERS = {"over", "at_least", "nearly", "about", "under", "at_most"}


@cache
def qualifiers() -> Qualifiers:
    name = "qualifiers.toml"
    data = _load_toml(name)

    def table(key: str) -> tuple[tuple[str, str], ...]:
        found = _table(data, key, name, str)
        bad = set(found.values()) - _QUALIFIERS
        if bad:
            raise LexiconError(f"{name}: [{key}] has unknown qualifiers {sorted(bad)}")
        return tuple(sorted(found.items(), key=lambda kv: len(kv[0]), reverse=True))

    return Qualifiers(
        before=table("before"),
        before_with_verb=table("before_with_verb"),
        after=table("after"),
        range_connectors=_longest_first(
            _words(_table(data, "range", name, object), "connectors", name)
        ),
        inclusive=_longest_first(_words(_table(data, "range", name, object), "inclusive", name)),
    )


@dataclass(frozen=True)
class Dates:
    """Date and time words (``data/dates.toml``)."""

    part_of_day: dict[str, str]
    pm: tuple[str, ...]
    before_clock: tuple[str, ...]
    hour: tuple[str, ...]
    minute: tuple[str, ...]
    half: tuple[str, ...]
    clock_about: tuple[str, ...]
    clock_over: tuple[str, ...]
    midnight_twelve: frozenset[str]
    date_about: tuple[str, ...]
    year_before_month: tuple[str, ...]
    day_before_time: tuple[str, ...]
    relative: tuple[str, ...]
    month_after: tuple[str, ...]
    day: tuple[str, ...]
    half_year: dict[str, str]
    quarter_words: tuple[str, ...]
    bare_clock_before: tuple[str, ...]
    bare_clock_not_before: tuple[str, ...]
    day_hao_not_before: tuple[str, ...]
    day_alone_not_after: tuple[str, ...]
    day_alone_not_before: tuple[str, ...]
    day_unmarked_before: tuple[str, ...]
    short_year_not_after: tuple[str, ...]
    short_year_not_before: tuple[str, ...]


@cache
def dates() -> Dates:
    name = "dates.toml"
    data = _load_toml(name)
    parts = _table(data, "part_of_day", name, str)
    if set(parts.values()) - {"TMO", "TAF", "TEV", "TNI"}:
        raise LexiconError(f"{name}: [part_of_day] values must be TMO, TAF, TEV or TNI")
    clock = _table(data, "clock", name, object)
    words = _table(data, "words", name, object)
    half_year = words.get("half_year")
    if not isinstance(half_year, dict) or set(half_year.values()) - {"H1", "H2"}:
        raise LexiconError(f"{name}: words.half_year must map words to H1/H2")
    return Dates(
        part_of_day=parts,
        pm=_words(clock, "pm", name),
        before_clock=_words(clock, "before_clock", name),
        hour=_words(clock, "hour", name),
        minute=_words(clock, "minute", name),
        half=_words(clock, "half", name),
        clock_about=_words(clock, "about", name),
        clock_over=_words(clock, "over", name),
        midnight_twelve=frozenset(_words(clock, "midnight_twelve", name)),
        date_about=_longest_first(_words(clock, "date_about", name)),
        year_before_month=_longest_first(_words(words, "year_before_month", name)),
        day_before_time=_longest_first(_words(words, "day_before_time", name)),
        relative=_longest_first(_words(words, "relative", name)),
        month_after=_longest_first(_words(words, "month_after", name)),
        day=_words(words, "day", name),
        half_year=half_year,
        quarter_words=_words(words, "quarter_words", name),
        bare_clock_before=_words(words, "bare_clock_before", name),
        bare_clock_not_before=_words(words, "bare_clock_not_before", name),
        day_hao_not_before=_words(words, "day_hao_not_before", name),
        day_alone_not_after=_words(words, "day_alone_not_after", name),
        day_alone_not_before=_words(words, "day_alone_not_before", name),
        day_unmarked_before=_words(words, "day_unmarked_before", name),
        short_year_not_after=_longest_first(_words(words, "short_year_not_after", name)),
        short_year_not_before=_longest_first(_words(words, "short_year_not_before", name)),
    )


@dataclass(frozen=True)
class Exclusions:
    """Stop-patterns (``data/exclusions.toml``); ``{N}`` in a pattern stands for the number."""

    patterns: tuple[str, ...]
    indefinite: tuple[str, ...]
    masked: tuple[re.Pattern[str], ...]
    capital_alone: frozenset[str]


@cache
def exclusions() -> Exclusions:
    name = "exclusions.toml"
    data = _load_toml(name)
    patterns = _words(data, "patterns", name)
    for pattern in patterns:
        if "{N}" not in pattern:
            raise LexiconError(f"{name}: pattern {pattern!r} has no {{N}}")
        _pattern(pattern.replace("{N}", "X"), "patterns", name)
    return Exclusions(
        patterns=patterns,
        indefinite=_words(data, "indefinite", name),
        masked=_patterns(data, "masked", name),
        capital_alone=frozenset(_words(data, "capital_alone", name)),
    )


@dataclass(frozen=True)
class Attach:
    """Words for subject, action, change and basis (``data/attach.toml``), longest first."""

    verbs: tuple[str, ...]
    weak_verbs: tuple[str, ...]
    emphasis: tuple[str, ...]
    up: tuple[str, ...]
    down: tuple[str, ...]
    level_after: tuple[str, ...]
    yoy: tuple[str, ...]
    mom: tuple[str, ...]
    share: tuple[str, ...]
    strip_start: tuple[str, ...]
    strip_end: tuple[str, ...]
    noun_stops: tuple[str, ...]
    list_joiners: tuple[str, ...]
    person_units: tuple[str, ...]
    group_markers: tuple[str, ...]


@cache
def attach() -> Attach:
    name = "attach.toml"
    data = _load_toml(name)
    keys = (
        "verbs",
        "weak_verbs",
        "emphasis",
        "up",
        "down",
        "level_after",
        "yoy",
        "mom",
        "share",
        "strip_start",
        "strip_end",
        "noun_stops",
        "list_joiners",
        "person_units",
        "group_markers",
    )
    return Attach(**{key: _longest_first(_words(data, key, name)) for key in keys})


@dataclass(frozen=True)
class Cases:
    """Case words (``data/cases.toml``)."""

    short_article_chars: int
    opener_chars: int
    case_verbs: tuple[str, ...]
    time_openers: tuple[str, ...]
    not_incident: tuple[str, ...]
    announcement: tuple[str, ...]
    incident_signals: tuple[str, ...]
    statistics_signals: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    org_not_alone: tuple[str, ...]
    org_boundaries: tuple[str, ...]
    victim_honorifics: tuple[str, ...]
    victim_after: tuple[str, ...]
    aid_words: tuple[str, ...]
    suspect_markers: tuple[str, ...]
    arrest_verbs: tuple[str, ...]
    surnames: frozenset[str]
    determiner_nouns: tuple[str, ...]
    mixed_categories: int
    outcome: tuple[tuple[str, tuple[str, ...]], ...]
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    roles: dict[str, tuple[str, ...]]


_OUTCOMES = ("solved", "aid", "prevented", "loss")
_ROLE_KEYS = (
    "recovered",
    "frozen",
    "returned",
    "loss",
    "attempted",
    "aid_nouns",
    "profit",
    "involved_nouns",
    "cost_nouns",
)


@cache
def cases() -> Cases:
    name = "cases.toml"
    data = _load_toml(name)

    def number(key: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or value <= 0:
            raise LexiconError(f"{name}: key {key!r} must be a positive integer")
        return value

    outcome = _table(data, "outcome", name, list)
    if tuple(outcome) != _OUTCOMES:
        raise LexiconError(f"{name}: [outcome] must list {_OUTCOMES} in that order")
    categories = data.get("category")
    if not isinstance(categories, list) or not categories:
        raise LexiconError(f"{name}: [[category]] tables are missing")
    from typing import get_args

    from .models import Category

    known = set(get_args(Category))
    codes = []
    for entry in categories:
        code = entry.get("code")
        if code not in known:
            raise LexiconError(f"{name}: unknown category code {code!r}")
        codes.append((code, _words(entry, "cues", name)))
    if len({c for c, _ in codes}) != len(codes):
        raise LexiconError(f"{name}: a category code is listed twice")
    roles = _table(data, "roles", name, list)
    if set(roles) != set(_ROLE_KEYS):
        raise LexiconError(f"{name}: [roles] must have exactly {_ROLE_KEYS}")
    return Cases(
        short_article_chars=number("short_article_chars"),
        opener_chars=number("opener_chars"),
        case_verbs=_words(data, "case_verbs", name),
        time_openers=_longest_first(_words(data, "time_openers", name)),
        not_incident=_words(data, "not_incident", name),
        announcement=_words(data, "announcement", name),
        incident_signals=_words(data, "incident_signals", name),
        statistics_signals=_words(data, "statistics_signals", name),
        org_suffixes=_longest_first(_words(data, "org_suffixes", name)),
        org_not_alone=_words(data, "org_not_alone", name),
        org_boundaries=_longest_first(_words(data, "org_boundaries", name)),
        victim_honorifics=_words(data, "victim_honorifics", name),
        victim_after=_longest_first(_words(data, "victim_after", name)),
        aid_words=_words(data, "aid_words", name),
        suspect_markers=_longest_first(_words(data, "suspect_markers", name)),
        arrest_verbs=_words(data, "arrest_verbs", name),
        surnames=frozenset(_str(data, "surnames", name)),
        determiner_nouns=_longest_first(_words(data, "determiner_nouns", name)),
        mixed_categories=number("mixed_categories"),
        outcome=tuple((key, _words(outcome, key, name)) for key in _OUTCOMES),
        categories=tuple(codes),
        roles={key: _longest_first(_words(roles, key, name)) for key in _ROLE_KEYS},
    )


@cache
def simplified() -> dict[int, int]:
    """Traditional → simplified characters (``data/traditional.txt``, from OpenCC), as a
    ``str.translate`` table: one character for one, so offsets hold."""
    name = "traditional.txt"
    return char_pairs(resources.files("extractor.data").joinpath(name).read_text("utf-8"), name)


def char_pairs(text: str, name: str) -> dict[int, int]:
    """A ``str.translate`` table from lines of two single characters and a tab (``#`` lines
    are comments); raises :class:`LexiconError` on any other line or a character listed
    twice."""
    table: dict[int, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        pair = line.split("\t")
        if len(pair) != 2 or len(pair[0]) != 1 or len(pair[1]) != 1:
            raise LexiconError(f"{name}:{number}: expected two single characters and a tab")
        if ord(pair[0]) in table:
            raise LexiconError(f"{name}:{number}: {pair[0]!r} is listed twice")
        table[ord(pair[0])] = ord(pair[1])
    return table


def clear_caches() -> None:
    """Forget every loaded lexicon (for tests that change data files)."""
    loaders = (layout, numbers, units, qualifiers, dates, exclusions, attach, cases, simplified)
    for loader in loaders:
        loader.cache_clear()
