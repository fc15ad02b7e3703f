"""Which word of a lexicon list a text starts or ends with at a position.

These look-ups run for every number on a page against lists of hundreds of words (units,
classifiers, qualifiers), so each list is indexed once by its first (or last) character and
a look-up tries only the few words that can match. The answer is the same as scanning the
list in order: the first word, in the list's order, that matches.

>>> word_at("共1718起案件", 5, ("起", "起案"))
'起'
>>> word_ending_at("诈骗50万", 2, ("骗", "诈骗"))
'骗'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TypeVar

__all__ = [
    "SPACES",
    "alternation",
    "by_identity",
    "is_han",
    "skip_spaces",
    "spaces_before",
    "word_at",
    "word_ending_at",
    "words_at",
]

SPACES = " \t\u3000"
"""The blanks a number's parts may be written apart by (OCR's ``1500 万元``)."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (where two start alike, the
    longer is tried first: ``相比上月`` before ``比上月``).

    >>> alternation(["上月", "比上月", "相比上月"])
    '相比上月|比上月|上月'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified ideograph (the basic block, U+4E00–U+9FFF).

    >>> is_han("某"), is_han("A"), is_han("")
    (True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff"


def skip_spaces(text: str, i: int) -> int:
    """The first position at or after ``i`` that is not a blank."""
    while i < len(text) and text[i] in SPACES:
        i += 1
    return i


def spaces_before(text: str, i: int) -> int:
    """The start of the run of blanks that ends at ``i`` (``i`` itself if there is none)."""
    while i > 0 and text[i - 1] in SPACES:
        i -= 1
    return i


_T = TypeVar("_T")
_BOUND = 4096


def by_identity(
    table: dict[int, tuple[tuple[str, ...], _T]],
    words: tuple[str, ...],
    build: Callable[[tuple[str, ...]], _T],
) -> _T:
    """What ``build`` derives from a word list, kept in ``table`` by the list's identity: the
    lists are the lexicons' own tuples, looked up hundreds of thousands of times, and hashing
    a tuple of hundreds of words for a ``functools.cache`` look-up cost more than the look-up
    itself. Each entry holds its list, so no other list can take its identity; the table is
    bounded, so lists built on the fly cannot pile up."""
    hit = table.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    if len(table) >= _BOUND:
        table.clear()
    value = build(words)
    table[id(words)] = (words, value)
    return value


_FIRST: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}
_LAST: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}


def _index(words: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their character at ``at`` (0: first, -1: last), in list order."""
    return by_identity(_FIRST if at == 0 else _LAST, words, lambda w: _grouped(w, at))


@cache
def _grouped(words: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """The index itself, shared by equal lists. A set has no order of its own: its words
    are taken longest first (then by code point), so that of two words one of which ends or
    opens the other the longer is found, the same in every process (a set's iteration order
    changes with the string hash seed)."""
    index: dict[str, list[str]] = {}
    if isinstance(words, (set, frozenset)):
        words = tuple(sorted(words, key=lambda w: (-len(w), w)))
    for word in words:
        if word:
            index.setdefault(word[at], []).append(word)
    return {char: tuple(found) for char, found in index.items()}


def word_at(text: str, i: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``text`` has at position ``i``, or None."""
    if i >= len(text) or i < 0:
        return None
    entry = _FIRST.get(id(words))  # the hot path: _index written out, no generator
    index = entry[1] if entry is not None and entry[0] is words else _index(words, 0)
    for word in index.get(text[i], ()):
        if text.startswith(word, i):
            return word
    return None


def words_at(text: str, i: int, words: tuple[str, ...]) -> Iterator[str]:
    """Every one of ``words`` that ``text`` has at position ``i``, in the list's order."""
    if i >= len(text) or i < 0:
        return
    for word in _index(words, 0).get(text[i], ()):
        if text.startswith(word, i):
            yield word


def word_ending_at(text: str, end: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``text[:end]`` ends with, or None."""
    end = min(end, len(text))
    if end <= 0:
        return None
    entry = _LAST.get(id(words))
    index = entry[1] if entry is not None and entry[0] is words else _index(words, -1)
    for word in index.get(text[end - 1], ()):
        if text.endswith(word, 0, end):
            return word
    return None
