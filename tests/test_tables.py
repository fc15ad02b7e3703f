"""CSV cells: plain decimal notation that reads back to the same number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.tables import cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (Decimal("1.5E+7"), "15000000"),
        (Decimal("15000000"), "15000000"),
        (Decimal("33.3330"), "33.333"),
        (Decimal("0.5"), "0.5"),
        (Decimal("-2.50"), "-2.5"),
        (Decimal("100"), "100"),
        (2.03, "2.03"),
        (7, "7"),
        ("XXXX-07-06", "XXXX-07-06"),
    ],
)
def test_cell(value: object, expected: str) -> None:
    assert cell(value) == expected


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12
    )
)
def test_number_cells_read_back_to_the_same_number(value: Decimal) -> None:
    text = cell(value)
    assert "E" not in text and "e" not in text
    assert Decimal(text) == value
