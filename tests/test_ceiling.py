"""The ceiling on values (issue 16): a number beyond it is no fact, every value within it is
exact, and no record holds a JSON number that a standard parser refuses."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.models import Fact
from extractor.numbers.ceiling import MAX_MAGNITUDE, plain_digits, within
from extractor.numbers.numerals import parse_numeral
from extractor.numbers.quantities import find_quantities

# fmt: off
NUMERALS = [
    # text, value (None: not read); worked out by hand
    ("1" + "万" * 1000, None),                      # issue 16: RecursionError before
    ("1" + "万" * 6, Decimal(10) ** 24),            # 万^6 = 10**24, the ceiling itself
    ("1" + "万" * 7, None),                          # 10**28
    ("一亿亿亿", Decimal(10) ** 24),
    ("十亿亿亿", None),                              # 10**25
    ("1" * 4400, None),                              # 4,400 digits (issue 16)
    ("9" * 24, Decimal("9" * 24)),                   # 24 digits: under 10**24, exact
    ("9" * 25, None),
    ("1234567890123.456789012345", Decimal("1234567890123.456789012345")),  # 25 digits, exact
    ("1." + "1" * 27, Decimal("1." + "1" * 27)),     # 28 digits
    ("1." + "1" * 28, None),                         # 29 digits
    ("一" * 101, None),                              # longer than any numeral within it
]
QUANTITIES = [
    # text, (text of the fact, value) of every quantity found
    ("三分之一亿亿亿", []),                           # issue 16: InvalidOperation before; 3.3e25 %
    ("三分之一", [("三分之一", Decimal("33.333"))]),
    ("1" + "亿" * 538 + "元", []),                   # issue 16: a 4,300-digit integer before
    ("1" + "万" * 1000 + "元", []),
    ("每秒10亿亿次", [("10亿亿次", Decimal(10) ** 17)]),
    ("收入" + "9" * 30 + "元", []),
    ("收入1234567890123456789012345元", []),         # 25 digits: 1.2 × 10**24, above the ceiling
    ("收入1234567890123.45678901234元", [("1234567890123.45678901234元", Decimal("1234567890123.45678901234"))]),
    ("十亿亿亿年零6个月", [("6个月", Decimal(6))]),  # the 10**25 years are no fact
]
# fmt: on


@pytest.mark.parametrize(("text", "value"), NUMERALS, ids=lambda v: str(v)[:24])
def test_parse_numeral_ceiling(text: str, value: Decimal | None) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(("text", "expected"), QUANTITIES, ids=lambda v: str(v)[:24])
def test_quantities_ceiling(text: str, expected: list[tuple[str, Decimal]]) -> None:
    found = [(text[q.start : q.end], q.value) for q in find_quantities(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("value", "json_text"),
    [
        (Decimal("15000000"), "15000000"),
        (Decimal("43.9"), "43.9"),
        (Decimal(10) ** 24, "1000000000000000000000000"),  # integers exactly, all 25 digits
        (Decimal("999999999999999999999999"), "999999999999999999999999"),
        (Decimal("1.5E+3"), "1500"),
    ],
    ids=str,
)
def test_value_json(value: Decimal, json_text: str) -> None:
    fact = Fact(kind="money", text="x", span=(0, 1), value=value, unit="CNY")
    assert json.loads(fact.model_dump_json())["value"] == json.loads(json_text)
    assert f'"value":{json_text}' in fact.model_dump_json()


@pytest.mark.parametrize(
    "text",
    ["1" + "万" * 1000, "三分之一亿亿亿", "1" + "亿" * 538 + "元", "收入" + "1" * 4400 + "元"],
    ids=lambda t: t[:12],
)
def test_records_parse(text: str) -> None:
    """The whole record of a hostile number is made, parses with ``json.loads`` and reads
    back into the model (a ``--jobs`` worker sends it so)."""
    document = extractor.extract_text(text)
    assert extractor.Document.model_validate_json(document.to_json()) == document
    assert json.loads(document.to_json())["source"] == "<text>"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_within_means_exact(value: Decimal) -> None:
    """A value inside the ceiling has at most 28 digits, so it survives ``decimal``'s default
    precision unrounded (``+value`` rounds to the context)."""
    if within(value):
        assert value.copy_abs() <= MAX_MAGNITUDE
        assert plain_digits(value) <= 28
        assert +value == value
