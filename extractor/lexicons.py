"""Lexicons: the data files under ``extractor/data/``, each with one declared schema.

Every Chinese word or pattern the code relies on lives in a data file; this module is the
only place that reads them. Each TOML file has a pydantic model below (its schema: the keys
it must have, their types, and what is checked on load), and one generic loader reads any
of them (:meth:`Lexicons.get`). A :class:`Lexicons` is one folder of data files, loaded file
by file on first use; a spaCy pipeline owns one (``extractor.load(lexicons=FOLDER)``) and
makes it the *active* lexicons while it runs, so two pipelines with different data keep
apart in one process. Outside a pipeline the active lexicons are the package's own.

The accessor functions (:func:`numbers`, :func:`units`, …) return the active lexicons' file;
:func:`per_lexicons` caches what code derives from them (compiled patterns, numeral values)
per lexicons, never across them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    AliasPath,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PositiveInt,
    ValidationError,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "Attach",
    "Cases",
    "Dates",
    "Exclusions",
    "Kind",
    "Kinds",
    "Layout",
    "LexiconError",
    "Lexicons",
    "Numbers",
    "Qualifiers",
    "Units",
    "active",
    "attach",
    "cases",
    "char_pairs",
    "dates",
    "exclusions",
    "kind",
    "kinds",
    "layout",
    "numbers",
    "per_lexicons",
    "qualifiers",
    "simplified",
    "units",
    "using",
]


class LexiconError(ValueError):
    """A data file is missing, lacks a key, has the wrong type, or holds a bad pattern."""


# -- field types shared by the schemas ---------------------------------------------------


def _words(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value or not all(value):
        raise ValueError("must be a non-empty list of non-empty strings")
    dupes = sorted({w for w in value if value.count(w) > 1})
    if dupes:
        raise ValueError(f"has duplicate entries {dupes}")
    return value


def _longest_first(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(value, key=len, reverse=True))


def _chars(value: Any) -> frozenset[str]:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a non-empty string")
    return frozenset(value)


def _compile(value: Any) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a non-empty string")
    try:
        return re.compile(value)
    except re.error as err:
        raise ValueError(f"is not a valid regex: {err}") from err


def _non_empty(value: dict[str, Any]) -> dict[str, Any]:
    if not value:
        raise ValueError("is missing or empty")
    return value


Words = Annotated[tuple[str, ...], AfterValidator(_words)]
"""A non-empty list of distinct, non-empty words, in the file's order."""
LongestFirst = Annotated[Words, AfterValidator(_longest_first)]
""":data:`Words`, longest first (for look-ups where the longest word wins)."""
WordSet = Annotated[frozenset[str], BeforeValidator(lambda v: frozenset(_words(tuple(v))))]
Chars = Annotated[frozenset[str], BeforeValidator(_chars)]
"""The characters of a non-empty string."""
Regex = Annotated[re.Pattern[str], BeforeValidator(_compile)]
Regexes = Annotated[
    tuple[Regex, ...],
    BeforeValidator(lambda v: _words(tuple(v)) if isinstance(v, list) else v),
]
"""A non-empty list of distinct regular expressions."""
NonEmpty = Annotated[str, Field(min_length=1)]
TimeUnit = Literal["year", "month", "week", "day", "hour", "minute", "second"]
QualifierWord = Literal["over", "at_least", "nearly", "about", "under", "at_most"]


def _table_of(value_type: Any) -> Any:
    """A non-empty TOML table of ``value_type`` values."""
    return Annotated[dict[str, value_type], AfterValidator(_non_empty)]


def _pairs_longest_first(value: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_non_empty(value).items(), key=lambda kv: len(kv[0]), reverse=True))


QualifierTable = Annotated[
    tuple[tuple[str, str], ...],
    BeforeValidator(lambda v: _pairs_longest_first(v) if isinstance(v, dict) else v),
]
"""A table word → qualifier, as (word, qualifier) pairs longest word first."""


def at(*path: str) -> Any:
    """A field read from a nested table of the file (``at("marks", "negative")``)."""
    return Field(validation_alias=AliasPath(*path))


class LexiconFile(BaseModel):
    """A data file's schema: the file name, and its keys as fields (validated on load)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE: ClassVar[str]

    def check(self, lexicons: Lexicons) -> None:
        """Checks across files (a unit symbol against the kinds); raises ``ValueError``."""


# -- the schemas, one per data file -------------------------------------------------------


class Kind(BaseModel):
    """One fact kind of ``data/kinds.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: NonEmpty
    value: Literal["number", "timex"]
    subject: Literal["noun", "event", "person", "none"]
    units: Literal["iso4217", "written", "none", "symbols"]
    symbols: tuple[NonEmpty, ...] = ()
    table: str | None = None
    qualifiers_after: tuple[NonEmpty, ...] = ()


class Kinds(LexiconFile):
    """Fact kinds (``data/kinds.toml``), in their order."""

    FILE: ClassVar[str] = "kinds.toml"
    kind: tuple[Kind, ...]

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.kind)

    def __getitem__(self, name: str) -> Kind:
        for kind in self.kind:
            if kind.name == name:
                return kind
        raise KeyError(name)

    @cached_property
    def restricted_after(self) -> dict[str, frozenset[str]]:
        """Qualifier word → the kinds it alone qualifies after their unit (``内`` → duration)."""
        found: dict[str, set[str]] = {}
        for kind in self.kind:
            for word in kind.qualifiers_after:
                found.setdefault(word, set()).add(kind.name)
        return {word: frozenset(names) for word, names in found.items()}

    def check(self, lexicons: Lexicons) -> None:
        if len(set(self.names)) != len(self.names):
            raise ValueError("a kind is declared twice")
        for kind in self.kind:
            if (kind.units == "symbols") != bool(kind.symbols):
                raise ValueError(f"{kind.name}: symbols are given exactly when units is symbols")


class Layout(LexiconFile):
    """Characters and patterns that segment a page (``data/layout.toml``)."""

    FILE: ClassVar[str] = "layout.toml"
    max_heading_chars: PositiveInt
    verse_run: PositiveInt
    sentence_end: Chars
    ellipsis: NonEmpty
    closing: Chars
    paragraph_end: Chars
    headline_end_ok: Chars
    continues_after: Chars
    continues_before: Chars
    number_end: Chars
    number_units: Chars
    unit_ends: dict[str, str]
    heading_marker: Regex
    list_item: Regex
    date_opener: Regex
    byline_lines: Regexes
    dateline_leads: Regexes
    inline_dateline: Regex
    dateline_dates: Regexes


class Numbers(LexiconFile):
    """Numeral characters and number marks (``data/numbers.toml``)."""

    FILE: ClassVar[str] = "numbers.toml"
    digits: _table_of(int)
    small_units: _table_of(int)
    big_units: _table_of(int)
    contractions: _table_of(str)
    negative: Chars = at("marks", "negative")
    minus_signs: Chars = at("marks", "minus_signs")
    plus_signs: Chars = at("marks", "plus_signs")
    below_zero: LongestFirst = at("marks", "below_zero")
    decimal_point: Chars = at("marks", "decimal_point")
    over_after: Words = at("marks", "over_after")
    vague_after: Words = at("marks", "vague_after")
    vague_before: LongestFirst = at("marks", "vague_before")
    vague_shu_not_after: Chars = at("marks", "vague_shu_not_after")
    half_not_after: LongestFirst = at("marks", "half_not_after")
    trillion: NonEmpty = at("marks", "trillion")
    range_pairs: Words = at("marks", "range_pairs")
    spaced_number_words: Words = at("marks", "spaced_number_words")
    numeral_words: LongestFirst = at("marks", "numeral_words")

    @cached_property
    def numeral_chars(self) -> str:
        return "".join([*self.digits, *self.small_units, *self.big_units, *self.contractions])


_ISO = re.compile(
    r"local|dollar|[a-z]+|[A-Z]{3}"
)  # "local", "dollar" ($), a [by_country] key or ISO 4217


class ByCountry(BaseModel):
    """A currency word whose money is the country's the article names (``units.toml``
    ``[by_country.<key>]``: 比索, 先令)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    default: NonEmpty
    countries: dict[str, str]


class Units(LexiconFile):
    """Units that decide a number's kind (``data/units.toml``); word lists longest first."""

    FILE: ClassVar[str] = "units.toml"
    currency_after: _table_of(str)
    currency_before: _table_of(str)
    currency_subunits: _table_of(str)
    by_country: dict[str, ByCountry]
    money_after_unit: LongestFirst = at("money", "after_unit")
    money_after_unit_not_before: Words = at("money", "after_unit_not_before")
    money_fraction: _table_of(str)
    yuan_with_fraction: Words = at("money", "yuan_with_fraction")
    ge_yi: Words = at("money", "ge_yi")
    thousand_letters: Words = at("money", "thousand_letters")
    money_words: LongestFirst = at("money", "words")
    hong_kong: Words = at("money", "hong_kong")
    traditional_share: float = at("money", "traditional_share")
    locale_opening_chars: PositiveInt = at("money", "locale_opening_chars")
    declared: LongestFirst = at("money", "declared")
    taiwan: Words = at("money", "taiwan")
    taiwan_units: Words = at("money", "taiwan_units")
    mainland: Words = at("money", "mainland")
    macau: Words = at("money", "macau")
    hong_kong_money: Words = at("money", "hong_kong_money")
    script_locale_chars: PositiveInt = at("money", "script_locale_chars")
    percent_signs: Words = at("percent", "signs")
    per_mille_signs: Words = at("percent", "per_mille_signs")
    percent_points: LongestFirst = at("percent", "points")
    percent_li: Words = at("percent", "li")
    percent_li_not_before: Words = at("percent", "li_not_before")
    rate_words: LongestFirst = at("percent", "rate_words")
    monthly_rate_words: LongestFirst = at("percent", "monthly_rate_words")
    daily_rate_words: LongestFirst = at("percent", "daily_rate_words")
    time: _table_of(str)
    time_nouns: Words = at("time_words", "nouns")
    time_nouns_not_before: Words = at("time_words", "nouns_not_before")
    nights: Words = at("time_words", "nights")
    day_within: NonEmpty = at("days_within", "unit")
    days_within: LongestFirst = at("days_within", "within")
    age: LongestFirst = at("age", "units")
    decade: NonEmpty = at("age", "decade")
    decade_leads: LongestFirst = at("age", "decade_leads")
    measure: _table_of(str)
    measure_multiples: dict[str, PositiveInt]
    classifiers: LongestFirst = at("count", "classifiers")
    count_nouns: LongestFirst = at("count", "nouns")
    people_after_big: Words = at("count", "people_after_big")
    classifier_opens: LongestFirst = at("count", "classifier_opens")
    kept_after_ge: LongestFirst = at("count", "kept_after_ge")
    basis_points: Words = at("count", "basis_points")
    lots_not_before: Words = at("count", "lots_not_before")
    rounds_not_before: Words = at("count", "rounds_not_before")
    bets_not_before: Words = at("count", "bets_not_before")
    count_after_digits: _table_of(tuple[str, ...])
    casualties: Words = at("count", "casualties")
    medals: Words = at("count", "medals")
    rate_periods: LongestFirst = at("money", "rate_periods")
    height_before: LongestFirst = at("height", "before")
    height_after: LongestFirst = at("height", "after")

    def check(self, lexicons: Lexicons) -> None:
        for table in (self.currency_after, self.currency_before):
            bad = {
                v
                for v in table.values()
                if not _ISO.fullmatch(v)
                or (v.islower() and v not in ("local", "dollar", *self.by_country))
            }
            if bad:
                raise ValueError(f"currency codes must be ISO 4217, not {sorted(bad)}")
        for kind in lexicons.get(Kinds).kind:
            if kind.table is None:
                continue
            words: dict[str, str] = getattr(self, kind.table)
            bad = set(words.values()) - set(kind.symbols)
            if bad:
                raise ValueError(f"[{kind.table}] units must be among {kind.name}'s {kind.symbols}")


class Qualifiers(LexiconFile):
    """Qualifier words (``data/qualifiers.toml``), each table longest first."""

    FILE: ClassVar[str] = "qualifiers.toml"
    before: QualifierTable
    before_with_verb: QualifierTable
    before_bound: QualifierTable
    after: QualifierTable
    before_change: Words = at("change", "across")
    aspect_after_verb: Words = at("aspect", "after_verb")
    share_verbs: LongestFirst = at("share", "verbs")
    standard_nouns: LongestFirst = at("standard", "nouns")
    range_connectors: LongestFirst = at("range", "connectors")
    inclusive: LongestFirst = at("range", "inclusive")
    exclusive: LongestFirst = at("range", "exclusive")

    def check(self, lexicons: Lexicons) -> None:
        for name in ("before", "before_with_verb", "before_bound", "after"):
            bad = {q for _, q in getattr(self, name)} - set(QualifierWord.__args__)
            if bad:
                raise ValueError(f"[{name}] has unknown qualifiers {sorted(bad)}")


class Dates(LexiconFile):
    """Date and time words (``data/dates.toml``)."""

    FILE: ClassVar[str] = "dates.toml"
    part_of_day: Annotated[
        dict[str, Literal["TMO", "TAF", "TEV", "TNI", ""]], AfterValidator(_non_empty)
    ]  # "": a part of day kept in the text with no code (中午: day precision)
    pm: Words = at("clock", "pm")
    noon: WordSet = at("clock", "noon")
    late_night: WordSet = at("clock", "late_night")
    small_hours_twelve: WordSet = at("clock", "small_hours_twelve")
    clock_about_before: LongestFirst = at("clock", "clock_about_before")
    before_clock: Words = at("clock", "before_clock")
    hour: Words = at("clock", "hour")
    minute: Words = at("clock", "minute")
    half: Words = at("clock", "half")
    clock_about: Words = at("clock", "about")
    clock_over: Words = at("clock", "over")
    midnight_twelve: WordSet = at("clock", "midnight_twelve")
    date_about: LongestFirst = at("clock", "date_about")
    year_before_month: LongestFirst = at("words", "year_before_month")
    month_before_day: LongestFirst = at("words", "month_before_day")
    year_after: LongestFirst = at("words", "year_after")
    year_after_not_before: Words = at("words", "year_after_not_before")
    day_before_time: LongestFirst = at("words", "day_before_time")
    weekday_prefix: Words = at("words", "weekday_prefix")
    weekday_words: LongestFirst = at("words", "weekday_words")
    weekday_days: Words = at("words", "weekday_days")
    relative: LongestFirst = at("words", "relative")
    month_after: LongestFirst = at("words", "month_after")
    event_after: LongestFirst = at("words", "event_after")
    not_event_place: Chars = at("words", "not_event_place")
    year_zero_letters: Chars = at("words", "year_zero_letters")
    day: Words = at("words", "day")
    half_year: dict[str, Literal["H1", "H2"]] = at("words", "half_year")
    quarter_words: Words = at("words", "quarter_words")
    quarter_neighbour: Words = at("words", "quarter_neighbour")
    fiscal_year_words: LongestFirst = at("words", "fiscal_year_words")
    fiscal_year_in_text: LongestFirst = at("words", "fiscal_year_in_text")
    bare_clock_before: Words = at("words", "bare_clock_before")
    bare_clock_not_before: Words = at("words", "bare_clock_not_before")
    bare_clock_not_after: Words = at("words", "bare_clock_not_after")
    score_results: Words = at("words", "score_results")
    document_nouns: Words = at("words", "document_nouns")
    headline_marks: LongestFirst = at("words", "headline_marks")
    day_hao_not_before: Words = at("words", "day_hao_not_before")
    day_alone_not_after: Words = at("words", "day_alone_not_after")
    day_alone_not_before: Words = at("words", "day_alone_not_before")
    day_unmarked_before: Words = at("words", "day_unmarked_before")
    short_year_not_after: LongestFirst = at("words", "short_year_not_after")
    short_year_not_before: LongestFirst = at("words", "short_year_not_before")
    point_verbs: WordSet = at("words", "point_verbs")
    first_months: Words = at("words", "first_months")
    day_length_after: Words = at("words", "day_length_after")


def _stop_pattern(pattern: str) -> str:
    if "{N}" not in pattern:
        raise ValueError(f"pattern {pattern!r} has no {{N}}")
    _compile(pattern.replace("{N}", "X"))
    return pattern


def _with_opening(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    for pattern in patterns:
        if pattern.groups < 1:
            raise ValueError(f"pattern {pattern.pattern!r} has no group for the name's opening")
    return patterns


class Exclusions(LexiconFile):
    """Stop-patterns (``data/exclusions.toml``); ``{N}`` in a pattern stands for the number."""

    FILE: ClassVar[str] = "exclusions.toml"
    patterns: Annotated[Words, AfterValidator(lambda v: tuple(_stop_pattern(p) for p in v))]
    indefinite: Words
    indefinite_after: LongestFirst
    masked: Regexes
    name_openings: Annotated[Regexes, AfterValidator(_with_opening)]
    capital_alone: WordSet
    number_words: LongestFirst


class Attach(LexiconFile):
    """Words for subject, action, change and basis (``data/attach.toml``), longest first."""

    FILE: ClassVar[str] = "attach.toml"
    verbs: LongestFirst
    weak_verbs: LongestFirst
    verbs_before_amount: LongestFirst
    emphasis: LongestFirst
    not_actions: WordSet
    verbs_after_noun: Words
    verbal_nouns: WordSet
    verb_prefixes: WordSet
    predicate_adverbs: WordSet
    verb_conjunctions: WordSet
    modifier_verbs: WordSet
    period_words: WordSet
    rate_adverbials: WordSet
    respectively: Words
    pair_joiners: Words
    auxiliaries: WordSet
    degree_words: WordSet
    comparatives: LongestFirst
    linking_verbs: WordSet
    complements: WordSet
    disposing: LongestFirst
    totality: LongestFirst
    sums: LongestFirst
    value_words: Words
    owner_openers: LongestFirst
    owner_heads: LongestFirst
    level_verbs: LongestFirst
    up: LongestFirst
    down: LongestFirst
    change_with_object: WordSet
    change_adverbs: Chars
    rate_moves: LongestFirst
    manner_adverbs: LongestFirst
    comparative_moves: dict[str, Literal["up", "down"]]
    deviation_marks: Words
    quote_words: LongestFirst
    quote_times: LongestFirst
    agent_ends: Words
    agent_blockers: LongestFirst
    level_after: LongestFirst
    result_markers: LongestFirst
    result_adjectives: WordSet
    measure_nouns: WordSet
    measure_suffixes: Words
    counted_heads: Words
    noun_phrase_ends: Words
    noun_phrase_ends_one_char: Words
    name_marks: WordSet
    nouns_tagged_as_verbs: WordSet
    nouns_tagged_as_adverbs: WordSet
    adverbs_tagged_otherwise: WordSet
    person_count_openers: WordSet
    compact_basis: dict[str, str]
    not_measured_after: LongestFirst
    dimensions: WordSet
    distance_verbs: LongestFirst
    object_prepositions: LongestFirst
    light_verbs: WordSet
    aspect_marks: Chars
    locatives: LongestFirst
    value_locatives: LongestFirst
    existentials: WordSet
    causatives: LongestFirst
    support_verbs: LongestFirst
    uses: LongestFirst
    balances: Words
    value_nouns: Words
    list_links: LongestFirst
    period_standards: Words
    cash_nouns: Words
    time_spans: LongestFirst
    rate_openers: LongestFirst
    rate_standards: LongestFirst
    counted_value_nouns: Words
    means_markers: Words
    price_nouns: LongestFirst
    trade_verbs: LongestFirst
    trade_partners: LongestFirst
    contribution_verbs: LongestFirst
    condition_opens: LongestFirst
    condition_closes: LongestFirst
    comparison_verbs: LongestFirst
    result_complements: WordSet
    yoy: LongestFirst
    mom: LongestFirst
    share: LongestFirst
    holding_verbs: LongestFirst
    strip_start: LongestFirst
    strip_end: LongestFirst
    noun_stops: LongestFirst
    noun_stop_prepositions: WordSet
    landmark_nouns: WordSet
    countable_landmarks: WordSet
    reach_noun_classifiers: WordSet
    reach_verbs: LongestFirst
    adverbs_tagged_as_nouns: WordSet
    list_joiners: LongestFirst
    noun_conjunctions: LongestFirst
    scope_words: LongestFirst
    person_ends: Words
    people_heads: Words
    window_openers: Words
    time_bounds: Words
    not_windows: Words
    window_after: Words
    person_units: LongestFirst
    bare_person_units: LongestFirst
    restating_words: LongestFirst
    value_links: LongestFirst
    kind_quantifiers: LongestFirst
    money_morphemes: LongestFirst
    amount_links: LongestFirst
    fines: WordSet
    fine_verbs: WordSet
    negated_modifiers: WordSet
    trade_goods: WordSet
    score_units: WordSet
    comitatives: WordSet
    causes: WordSet
    level_change_verbs: LongestFirst
    disposal_markers: LongestFirst
    group_markers: LongestFirst
    duration_strip: Words
    duration_after_number: WordSet
    point_after: LongestFirst
    period_after: LongestFirst
    period_before: LongestFirst
    continuity: LongestFirst
    duration_cues: Words
    penalty_nouns: LongestFirst
    duration_nouns: LongestFirst


class CategoryCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    cues: Words


_OUTCOMES = ("solved", "aid", "prevented", "loss")


class Roles(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    recovered: LongestFirst
    frozen: LongestFirst
    returned: LongestFirst
    loss: LongestFirst
    attempted: LongestFirst
    aid_nouns: LongestFirst
    profit: LongestFirst
    involved_nouns: LongestFirst
    involved_prefixes: LongestFirst
    cost_nouns: LongestFirst
    transfers: LongestFirst
    taken: LongestFirst
    paid_in_fraud: LongestFirst
    transfer_not_loss: Words


class Cases(LexiconFile):
    """Case words (``data/cases.toml``)."""

    FILE: ClassVar[str] = "cases.toml"
    short_article_chars: PositiveInt
    line_clauses: PositiveInt
    opener_chars: PositiveInt
    case_verbs: Words
    time_openers: LongestFirst
    not_incident: Words
    warning_openers: Words
    roundup_openers: LongestFirst
    announcement: Words
    incident_signals: Words
    statistics_signals: Words
    org_suffixes: LongestFirst
    org_subunit_kinds: LongestFirst
    org_subunits: LongestFirst
    org_offices: LongestFirst
    org_not_alone: Words
    org_boundaries: LongestFirst
    org_not_in_words: Words
    victim_honorifics: Words
    actor_words: Words
    happening_verbs: Words
    events: Words
    victim_after: LongestFirst
    victim_before: LongestFirst
    report_receipt: LongestFirst
    report_verbs: LongestFirst
    report_says: LongestFirst
    self_pronouns: LongestFirst
    taking_words: Words
    pseudonym_marks: Words
    surname_marks: Words
    familiar_prefixes: Chars
    suspect_after_surname: str
    victim_nouns: LongestFirst
    victim_synonyms: WordSet
    harm_verbs: LongestFirst
    people_words: WordSet
    surname_person: LongestFirst
    aid_words: Words
    threat_verbs: Words
    suspect_markers: LongestFirst
    suspect_after_name: LongestFirst
    arrest_verbs: Words
    case_units: Words
    surnames: Chars
    determiner_nouns: LongestFirst
    mixed_categories: PositiveInt
    pretext_before: Words
    pretext_after: Words
    fraud_free_codes: Words
    fraud_signals: Words
    outcome_table: dict[str, Words] = Field(validation_alias="outcome")
    category: tuple[CategoryCues, ...]
    role_table: Roles = Field(validation_alias="roles")
    role_verb_prefixes: LongestFirst

    @cached_property
    def outcome(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(outcome, cue words) in SPEC's order."""
        return tuple(self.outcome_table.items())

    @cached_property
    def categories(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(category code, cue words) in priority order."""
        return tuple((c.code, c.cues) for c in self.category)

    @cached_property
    def roles(self) -> dict[str, tuple[str, ...]]:
        return dict(self.role_table)

    def check(self, lexicons: Lexicons) -> None:
        if tuple(self.outcome_table) != _OUTCOMES:
            raise ValueError(f"[outcome] must list {_OUTCOMES} in that order")
        if not self.category:
            raise ValueError("[[category]] tables are missing")
        if len({c.code for c in self.category}) != len(self.category):
            raise ValueError("a category code is listed twice")
        # that every code is one of SPEC's (models.Category) is tests/test_lexicons.py's


L = TypeVar("L", bound=LexiconFile)

SCHEMAS: tuple[type[LexiconFile], ...] = (
    Kinds,
    Layout,
    Numbers,
    Units,
    Qualifiers,
    Dates,
    Exclusions,
    Attach,
    Cases,
)
"""Every TOML data file's schema."""

TRADITIONAL = "traditional.txt"
"""The traditional → simplified character table (OpenCC), the one data file not in TOML."""


# -- one folder of data files --------------------------------------------------------------


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "-"


@dataclass(eq=False)
class Lexicons:
    """The data files of one folder, each read and validated on first use.

    ``folder`` is a directory (or the package's ``extractor/data``); a file that is not in
    it is an error when first asked for."""

    folder: Path | Traversable
    _files: dict[type[LexiconFile], LexiconFile] = field(default_factory=dict, repr=False)
    memo: dict[Callable[..., Any], Callable[..., Any]] = field(default_factory=dict, repr=False)

    @classmethod
    def package(cls) -> Lexicons:
        """The package's own data files."""
        return cls(resources.files("extractor.data"))

    def get(self, schema: type[L]) -> L:
        """The file of ``schema``, loaded and validated on first use (the generic loader)."""
        loaded = self._files.get(schema)
        if loaded is None:
            loaded = self._load(schema)
            self._files[schema] = loaded
        return loaded  # type: ignore[return-value]

    def _load(self, schema: type[L]) -> L:
        name = schema.FILE
        try:
            with self.folder.joinpath(name).open("rb") as handle:
                data = tomllib.load(handle)
        except OSError as err:
            raise LexiconError(f"{name}: cannot read ({err})") from err
        except tomllib.TOMLDecodeError as err:
            raise LexiconError(f"{name}: not valid TOML ({err})") from err
        try:
            loaded = schema.model_validate(data)
        except ValidationError as err:
            first = err.errors()[0]
            raise LexiconError(f"{name}: {_where(first['loc'])}: {first['msg']}") from err
        try:
            loaded.check(self)
        except ValueError as err:
            raise LexiconError(f"{name}: {err}") from err
        return loaded

    def text(self, name: str) -> str:
        """A data file that is not TOML, as text."""
        try:
            return self.folder.joinpath(name).read_text("utf-8")
        except OSError as err:
            raise LexiconError(f"{name}: cannot read ({err})") from err

    def file_names(self) -> tuple[str, ...]:
        """Every data file of the folder this code knows how to read."""
        return (*(schema.FILE for schema in SCHEMAS), TRADITIONAL)

    def load_all(self) -> Lexicons:
        """Read and validate every file now (a pipeline checks its data when it is made)."""
        for schema in SCHEMAS:
            self.get(schema)
        simplified_table(self)
        return self


_DEFAULT: Lexicons | None = None
_ACTIVE: ContextVar[Lexicons | None] = ContextVar("extractor_lexicons", default=None)


def active() -> Lexicons:
    """The lexicons in use: the running pipeline's, else the package's."""
    return _ACTIVE.get() or _package_default()


def _package_default() -> Lexicons:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Lexicons.package()
    return _DEFAULT


@contextmanager
def using(lexicons: Lexicons) -> Iterator[Lexicons]:
    """Make ``lexicons`` the active ones inside the ``with`` block."""
    token = _ACTIVE.set(lexicons)
    try:
        yield lexicons
    finally:
        _ACTIVE.reset(token)


F = TypeVar("F", bound=Callable[..., Any])


def per_lexicons(maxsize: int | None = None) -> Callable[[F], F]:
    """Cache a function of the active lexicons (and its arguments) per :class:`Lexicons`:
    ``functools.lru_cache(maxsize)`` kept on the lexicons, so data derived from one folder
    is never served to a pipeline with another."""

    def decorate(function: F) -> F:
        # the lexicons last served and their cached function, as one pair (replaced whole, so
        # a thread never sees one lexicons' object with another's function)
        last: list[tuple[Any, Any]] = [(None, None)]

        @wraps(function)
        def cached(*args: Any) -> Any:
            lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
            served, inner = last[0]
            if served is lexicons:
                return inner(*args)  # the common case: the same lexicons as the last call
            memo = lexicons.memo
            inner = memo.get(function)
            if inner is None:
                inner = memo[function] = lru_cache(maxsize)(function)
            last[0] = (lexicons, inner)
            return inner(*args)

        return cached  # type: ignore[return-value]

    return decorate


# The accessors below each read the active lexicons' file in one dict look-up, written out in
# each rather than through a shared helper: they are called some 400,000 times on a corpus of
# 250 articles, and one call level less is a few percent of the extraction's time.


def kinds() -> Kinds:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Kinds) or lexicons.get(Kinds)  # type: ignore[return-value]


@per_lexicons(64)
def kind(name: str) -> Kind:
    """The declaration of the fact kind ``name`` in the active lexicons."""
    return kinds()[name]


def layout() -> Layout:
    """The layout lexicon (``data/layout.toml``)."""
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Layout) or lexicons.get(Layout)  # type: ignore[return-value]


def numbers() -> Numbers:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Numbers) or lexicons.get(Numbers)  # type: ignore[return-value]


def units() -> Units:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Units) or lexicons.get(Units)  # type: ignore[return-value]


def qualifiers() -> Qualifiers:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Qualifiers) or lexicons.get(Qualifiers)  # type: ignore[return-value]


def dates() -> Dates:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Dates) or lexicons.get(Dates)  # type: ignore[return-value]


def exclusions() -> Exclusions:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Exclusions) or lexicons.get(Exclusions)  # type: ignore[return-value]


def attach() -> Attach:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Attach) or lexicons.get(Attach)  # type: ignore[return-value]


def cases() -> Cases:
    lexicons = _ACTIVE.get() or _DEFAULT or _package_default()
    return lexicons._files.get(Cases) or lexicons.get(Cases)  # type: ignore[return-value]


def package_kinds() -> Kinds:
    """The package's kinds, whatever lexicons are active: the record models' kind type is
    fixed when they are imported."""
    return _package_default().get(Kinds)


@per_lexicons()
def simplified() -> dict[int, int]:
    """Traditional → simplified characters (``data/traditional.txt``, from OpenCC), as a
    ``str.translate`` table: one character for one, so offsets hold."""
    return simplified_table(active())


def simplified_table(lexicons: Lexicons) -> dict[int, int]:
    return char_pairs(lexicons.text(TRADITIONAL), TRADITIONAL)


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
