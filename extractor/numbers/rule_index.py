"""The index of the number grammar: every rule, pass and unit rule, in the order they run.

Importing this module imports the two stages (``dates``, ``quantities``), whose decorators
register their rules with ``extractor.numbers.grammar``; ``extractor rules`` prints
:func:`index`.
"""

from __future__ import annotations

from . import dates, quantities  # noqa: F401  (their decorators register the rules)
from .grammar import PASSES, RULES, Pass, Rule, UnitRule, ordered_unit_rules

__all__ = ["index"]

_STAGES = {"date": 0, "quantity": 1}


def index() -> tuple[list[Rule], list[Pass], list[UnitRule]]:
    """Every rule (by stage, then priority), pass (by stage, then order) and unit rule (by
    priority)."""
    rules = sorted(RULES, key=lambda r: (_STAGES[r.stage], r.priority))
    passes = sorted(PASSES, key=lambda p: (_STAGES[p.stage], p.order))
    return rules, passes, ordered_unit_rules()
