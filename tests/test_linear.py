"""Linear time on hostile input (issue 16): each row times a finder on a text of n and of 10n
characters; a linear finder takes about 10 times as long, a quadratic one about 100 times.
The sizes are small (the 10n text takes milliseconds once linear); benchmarks/pathological.py
measures the megabytes."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from extractor.facts import masked
from extractor.numbers.attach import Item, attach_all
from extractor.numbers.quantities import find_quantities

RATIO = 30  # linear: ~10; quadratic: ~100 (before issue 16, 60 to 120 on these rows)


def _best(fn: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def _clauseless_attach(text: str) -> object:
    """The attachment of every number of a text without clause punctuation."""
    items = [Item("money", i, i + 5, "CNY") for i in range(text.find("100万元"), len(text), 12)]
    return attach_all(text, [it for it in items if text[it.start : it.end] == "100万元"])


# fmt: off
ROWS = [
    # name, finder, the repeated unit of the text, n (characters)
    ("fraction_ones",      find_quantities,    "1",            4_000),  # [numerals]+分之 on 1111…
    ("fraction_yi",        find_quantities,    "一",           4_000),
    ("fraction_fullwidth", find_quantities,    "１",           4_000),
    ("fraction_yi_wan",    find_quantities,    "1万",          4_000),
    ("email_ascii",        masked,             "a",            4_000),  # the e-mail mask on aaa…
    ("email_dotted",       masked,             "a.",           4_000),
    ("attach_clauseless",  _clauseless_attach, "他说收入100万元", 3_000),  # one clause, no stops
]
# fmt: on


@pytest.mark.parametrize(("name", "finder", "unit", "n"), ROWS, ids=[r[0] for r in ROWS])
def test_linear(name: str, finder: Callable[[str], object], unit: str, n: int) -> None:
    small = unit * (n // len(unit))
    big = unit * (10 * n // len(unit))
    finder(small)  # warm the caches and the lexicons
    ratio = _best(finder, big) / max(_best(finder, small), 1e-5)
    assert ratio < RATIO, f"{name}: 10× the text took {ratio:.0f}× the time"
