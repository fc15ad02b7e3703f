"""The number grammar: named rules, run in priority order by one runner.

A **rule** finds expressions of one shape in a text and interprets each one (its value,
unit and qualifier) as a :class:`Found`. Rules belong to a **stage**: ``date`` runs first,
then ``quantity`` outside the dates found. :func:`run` takes a stage's rules by priority
(lowest first) and is the one place that decides which match wins: a match is kept unless
it overlaps one kept before, and rules of the same priority compete by position (the
earliest, then the longest, first). A stage's **passes** then rewrite what was kept (a day
written right before a time of day joins it; the end of a range takes its neighbour's
month).

The quantity stage's ``quantity.number`` rule reads a number and asks the **unit rules**,
also by priority, what follows it (a percent sign, a currency, a classifier, a physical
unit …); the first that answers decides the fact's kind.

Every rule, pass and unit rule has a name, what it matches and an example
(``input → text = value``); ``extractor.numbers.rule_index`` collects them in the order they
run (``extractor rules`` prints them), and ``tests/test_rules.py`` checks every example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from typing import Literal

from .ceiling import ARITHMETIC, ROUNDED, within

__all__ = [
    "PASSES",
    "RULES",
    "UNIT_RULES",
    "Found",
    "Pass",
    "Rule",
    "Scan",
    "Stage",
    "UnitRule",
    "rule",
    "run",
    "stage_pass",
    "unit_rule",
    "unit_rules_by_first_char",
]

Stage = Literal["date", "quantity"]


@dataclass(frozen=True)
class Found:
    """One expression a rule found: ``[start, end)`` in the scanned text, its kind and
    value, and the name of the rule that read it. ``unit`` of money is an ISO code or
    ``"local"`` (元, whose currency is the article's)."""

    kind: str
    start: int
    end: int
    value: Decimal | str | None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str = "exact"
    rule: str = ""


@dataclass
class Scan:
    """What a rule sees: the text, which characters are taken by matches kept so far, and
    those matches in the order they were kept."""

    text: str
    taken: bytearray
    found: list[Found] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        """No kept match covers any character of ``[start, end)``."""
        return not any(self.taken[start:end])

    def keep(self, item: Found) -> bool:
        """Keep ``item`` unless it is empty or overlaps a kept match; True if kept."""
        if item.end <= item.start or not self.free(item.start, item.end):
            return False
        self.found.append(item)
        self.taken[item.start : item.end] = b"\x01" * (item.end - item.start)
        return True


@dataclass(frozen=True)
class Rule:
    """A named rule of one stage; ``find`` yields what it reads in ``scan.text``."""

    name: str
    stage: Stage
    priority: int
    matches: str
    example: str
    find: Callable[[Scan], Iterable[Found]]


@dataclass(frozen=True)
class Pass:
    """A named rewrite of a stage's kept matches, run after its rules in ``order``."""

    name: str
    stage: Stage
    order: int
    matches: str
    example: str
    apply: Callable[[str, list[Found]], list[Found]]


@dataclass(frozen=True)
class UnitRule:
    """A named reading of what follows a number (the ``quantity.number`` rule's units);
    ``read(text, i, number)`` answers with a unit or None. ``words()`` gives the words it
    can read at ``i`` (only their first characters matter: a rule is asked only where the
    text has one)."""

    name: str
    priority: int
    matches: str
    example: str
    read: Callable[..., object]
    words: Callable[[], Iterable[str]]


RULES: list[Rule] = []
"""Every rule, as registered by :func:`rule` (``extractor.numbers.dates`` and
``quantities``); :func:`run` orders them."""
PASSES: list[Pass] = []
UNIT_RULES: list[UnitRule] = []


def rule(
    name: str, *, stage: Stage, priority: int, matches: str, example: str
) -> Callable[[Callable[[Scan], Iterable[Found]]], Callable[[Scan], Iterable[Found]]]:
    """Register a function ``find(scan) -> matches`` as the rule ``name``."""

    def register(find: Callable[[Scan], Iterable[Found]]) -> Callable[[Scan], Iterable[Found]]:
        RULES.append(Rule(name, stage, priority, matches, example, find))
        return find

    return register


def stage_pass(
    name: str, *, stage: Stage, order: int, matches: str, example: str
) -> Callable[
    [Callable[[str, list[Found]], list[Found]]], Callable[[str, list[Found]], list[Found]]
]:
    """Register a function ``apply(text, kept) -> kept`` as the pass ``name``."""

    def register(
        apply: Callable[[str, list[Found]], list[Found]],
    ) -> Callable[[str, list[Found]], list[Found]]:
        PASSES.append(Pass(name, stage, order, matches, example, apply))
        return apply

    return register


def unit_rule(
    name: str, *, priority: int, matches: str, example: str, words: Callable[[], Iterable[str]]
) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Register a function ``read(text, i, number) -> unit | None`` as the unit rule ``name``;
    ``words`` gives the words it reads (for :func:`unit_rules_by_first_char`)."""

    def register(read: Callable[..., object]) -> Callable[..., object]:
        UNIT_RULES.append(UnitRule(name, priority, matches, example, read, words))
        return read

    return register


def ordered_unit_rules() -> list[UnitRule]:
    """The unit rules in the order they are asked (priority, then registration)."""
    if len(_ORDERED_UNITS) != len(UNIT_RULES):
        _ORDERED_UNITS[:] = sorted(UNIT_RULES, key=lambda u: u.priority)
    return _ORDERED_UNITS


_ORDERED_UNITS: list[UnitRule] = []


def unit_rules_by_first_char() -> dict[str, tuple[UnitRule, ...]]:
    """The unit rules worth asking after a number, by the character that follows it, each
    tuple in priority order (computed from the active lexicons' words; cache it per
    lexicons)."""
    table: dict[str, list[UnitRule]] = {}
    for unit in ordered_unit_rules():
        for first in sorted({w[0] for w in unit.words() if w}):
            table.setdefault(first, []).append(unit)
    return {char: tuple(rules) for char, rules in table.items()}


def _plan(stage: Stage) -> tuple[tuple[tuple[Rule, ...], ...], tuple[Pass, ...]]:
    """The stage's rules grouped by priority (lowest first, each group in registration
    order) and its passes in order; worked out once, again only when a rule is registered."""
    key = (stage, len(RULES), len(PASSES))
    plan = _PLANS.get(key)
    if plan is None:
        rules = sorted((r for r in RULES if r.stage == stage), key=lambda r: r.priority)
        tiers: list[list[Rule]] = []
        for r in rules:
            if tiers and r.priority == tiers[-1][0].priority:
                tiers[-1].append(r)
            else:
                tiers.append([r])
        passes = sorted((p for p in PASSES if p.stage == stage), key=lambda p: p.order)
        plan = _PLANS[key] = (tuple(tuple(t) for t in tiers), tuple(passes))
    return plan


_PLANS: dict[tuple[str, int, int], tuple[tuple[tuple[Rule, ...], ...], tuple[Pass, ...]]] = {}


def run(text: str, stage: Stage, taken: bytearray | None = None) -> list[Found]:
    """Every match the stage's rules keep in ``text`` (outside ``taken``), after its passes,
    in text order. ``taken`` is updated with the matches kept. The rules' arithmetic runs
    in the ceiling's context, and a match whose value is beyond the ceiling is no fact:
    it is left out (its characters stay taken, so no part of it is read as a number)."""
    with localcontext(ARITHMETIC):
        found = _run(text, stage, taken)
    rounded = (_rounded(f) for f in found)
    return [f for f in rounded if within(_number(f.value)) and within(f.high)]


def _number(value: Decimal | str | None) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _rounded(found: Found) -> Found:
    """``found`` with its numbers rounded to 28 significant digits (a quotient that does
    not end: ten days in weeks); a written number has no more than that already."""
    value, high = _number(found.value), found.high
    if value is None and high is None:
        return found
    return replace(
        found,
        value=ROUNDED.plus(value) if value is not None else found.value,
        high=ROUNDED.plus(high) if high is not None else None,
    )


def _run(text: str, stage: Stage, taken: bytearray | None) -> list[Found]:
    scan = Scan(text, taken if taken is not None else bytearray(len(text)))
    tiers, passes = _plan(stage)
    for tier in tiers:
        if len(tier) == 1:
            for item in tier[0].find(scan):  # one rule: kept as it reads, it sees what it kept
                scan.keep(item)
            continue
        candidates = [item for r in tier for item in r.find(scan)]
        for item in sorted(candidates, key=lambda f: (f.start, -f.end)):
            scan.keep(item)  # rules of one priority compete by position
    found = sorted(scan.found, key=lambda f: f.start)
    for p in passes:
        found = p.apply(text, found)
    return found
