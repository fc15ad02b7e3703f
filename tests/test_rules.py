"""The number grammar's index: every rule, pass and unit rule has an example that holds,
and every rule and unit rule reads at least one row of the hand-made fact table."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.numbers.dates import find_dates
from extractor.numbers.grammar import Found
from extractor.numbers.quantities import find_quantities
from extractor.numbers.rule_index import index

RULES, PASSES, UNIT_RULES = index()
CASES = Path(__file__).parent / "cases" / "facts.jsonl"


def _found(text: str) -> list[Found]:
    """Both stages as the facts of an article run them: dates, then quantities outside."""
    dates = find_dates(text)
    taken = bytearray(len(text))
    for d in dates:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    return [*dates, *find_quantities(text, taken)]


def _expected(example: str) -> tuple[str, list[tuple[str, str]]]:
    """``input → text = value; text = value`` → the input and (text, value) pairs."""
    given, _, items = example.partition(" → ")
    pairs = [item.split(" = ", 1) for item in items.split("; ")]
    return given, [(text, value) for text, value in pairs]


def _shown(item: Found) -> str:
    """A found item as the examples write it: value (or low–high), then unit."""
    if item.kind == "date":
        return "null" if item.value is None else str(item.value)
    value = f"{Decimal(item.value).normalize():f}"
    if item.high is not None:
        value += f"–{item.high.normalize():f}"
    unit = "CNY" if item.unit == "local" else item.unit
    return f"{value} {unit}"


def _check(name: str, example: str, by_rule: bool) -> None:
    text, wanted = _expected(example)
    found = {(text[f.start : f.end], _shown(f)): f for f in _found(text)}
    for pair in wanted:
        assert pair in found, f"{name}: {pair} not in {sorted(found)}"
    if by_rule:
        assert any(found[pair].rule == name for pair in wanted), f"{name} read none of them"


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.name != "quantity.number"], ids=lambda r: r.name
)
def test_each_rule_reads_its_example(rule) -> None:
    _check(rule.name, rule.example, by_rule=True)


def test_the_number_rule_reads_its_example() -> None:
    (number_rule,) = [r for r in RULES if r.name == "quantity.number"]
    _check(number_rule.name, number_rule.example, by_rule=False)


@pytest.mark.parametrize("unit_rule", UNIT_RULES, ids=lambda u: u.name)
def test_each_unit_rule_reads_its_example(unit_rule) -> None:
    _check(unit_rule.name, unit_rule.example, by_rule=True)


@pytest.mark.parametrize("stage_pass", PASSES, ids=lambda p: p.name)
def test_each_pass_gives_its_example(stage_pass) -> None:
    _check(stage_pass.name, stage_pass.example, by_rule=False)


def test_every_rule_has_rows_in_the_fact_table() -> None:
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    read = {f.rule for row in rows for f in _found(row["input"])}
    names = {r.name for r in RULES if r.name != "quantity.number"} | {u.name for u in UNIT_RULES}
    assert names - read == set(), "rules no row of tests/cases/facts.jsonl exercises"


def test_names_are_unique_and_priorities_order_each_stage() -> None:
    names = [r.name for r in RULES] + [p.name for p in PASSES] + [u.name for u in UNIT_RULES]
    assert len(names) == len(set(names))
    for stage in ("date", "quantity"):
        priorities = [r.priority for r in RULES if r.stage == stage]
        assert priorities == sorted(priorities)


def test_rules_command_lists_them_in_order() -> None:
    result = CliRunner().invoke(cli, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [r["name"] for r in listed] == (
        [r.name for r in RULES] + [p.name for p in PASSES] + [u.name for u in UNIT_RULES]
    )
    assert listed[0] == {
        "type": "rule",
        "stage": "date",
        "priority": 10,
        "name": "date.stamp",
        "matches": "a numeric date with - / or . and an optional clock time",
        "example": "2019-01-29 11:09:50 → 2019-01-29 11:09:50 = 2019-01-29T11:09:50",
    }
    text = CliRunner().invoke(cli, ["rules"]).stdout
    assert "measure.unit" in text and "e.g. 查获冰毒3.5公斤 → 3.5公斤 = 3.5 kg" in text
