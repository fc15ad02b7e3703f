"""The ceiling on a fact's value: how large, and how many digits, a number may be.

A number beyond it is not a fact (it is not read at all): a value must be at most
``10**24`` in magnitude (一亿亿亿; 每秒10亿亿次 = 10**17 is a fact) and have at most 28 digits
written out in plain decimals (integer digits plus decimal places: ``33.333`` has 5,
``0.001`` has 3). Within it every value is exact: 28 digits is ``decimal``'s default
precision, and the grammar's arithmetic runs in :data:`ARITHMETIC` (64 digits), so no
product or quotient on the way is rounded. Integers are written to JSON exactly; the JSON
of a value is never a number a standard parser refuses (Python's ``json`` refuses integers
of more than 4,300 digits).

A numeral of more than :data:`MAX_NUMERAL_CHARS` characters (after thousands separators
and spaces are taken out) is longer than any number within the ceiling can be written, and
is not read: ``1`` followed by 1,000 ``万`` or a megabyte of ``一`` costs no work.
"""

from __future__ import annotations

from decimal import Context, Decimal

__all__ = [
    "ARITHMETIC",
    "MAX_DIGITS",
    "MAX_MAGNITUDE",
    "MAX_NUMERAL_CHARS",
    "ROUNDED",
    "plain_digits",
    "within",
]

MAX_MAGNITUDE = Decimal(10) ** 24
"""The largest magnitude of a fact's value (一亿亿亿)."""
MAX_DIGITS = 28
"""The most digits a fact's value has written out in plain decimals."""
MAX_NUMERAL_CHARS = 100
"""The longest numeral that is read, in characters."""
ARITHMETIC = Context(prec=64)
"""The decimal context of the grammar's arithmetic: exact for every value within the
ceiling, times any unit and percent scale (10**24 × 10**8 × 100, six decimal places)."""
ROUNDED = Context(prec=MAX_DIGITS)
"""A quotient that does not end (``三又三分之一``, 10 days in weeks) is rounded to 28
significant digits, as ``decimal``'s default context does."""


def plain_digits(value: Decimal) -> int:
    """The digits of ``value`` written in plain decimals, trailing zeros after the point
    left out: integer digits (none for ``0.5``) plus decimal places.

    >>> [plain_digits(Decimal(v)) for v in ("15000000", "43.9", "0.001", "1E+3", "33.3330")]
    [8, 3, 3, 4, 5]
    """
    _, digits, exponent = value.normalize(ARITHMETIC).as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return len(digits) + exponent
    return max(len(digits) + exponent, 0) - exponent


def within(value: Decimal | None) -> bool:
    """Is ``value`` a finite number inside the ceiling (``None`` is: no number)?

    >>> within(Decimal("1E+24")), within(Decimal("1E+25")), within(Decimal("NaN"))
    (True, False, False)
    >>> within(Decimal("0." + "0" * 28 + "1")), within(Decimal("1." + "1" * 27))
    (False, True)
    """
    if value is None:
        return True
    if not value.is_finite():
        return False
    return value.copy_abs() <= MAX_MAGNITUDE and plain_digits(value) <= MAX_DIGITS
