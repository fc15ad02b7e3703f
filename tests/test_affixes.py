"""The affix index answers exactly as a scan of the word list in order would."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.affixes import word_at, word_ending_at, words_at

chars = st.sampled_from("万元亿余多以上下起人")
words = st.lists(st.text(chars, min_size=1, max_size=3), max_size=8, unique=True).map(tuple)
texts = st.text(chars, max_size=12)


@given(texts, st.integers(-2, 14), words)
def test_word_at_is_the_first_listed_word_at_the_position(text: str, i: int, ws) -> None:
    expected = [w for w in ws if 0 <= i < len(text) and text.startswith(w, i)]
    assert list(words_at(text, i, ws)) == expected
    assert word_at(text, i, ws) == (expected[0] if expected else None)


@given(texts, st.integers(-2, 14), words)
def test_word_ending_at_is_the_first_listed_word_ending_there(text: str, end: int, ws) -> None:
    end_ = min(end, len(text))
    expected = next((w for w in ws if end_ > 0 and text.endswith(w, 0, end_)), None)
    assert word_ending_at(text, end, ws) == expected


@pytest.mark.parametrize(
    ("text", "i", "words", "expected"),
    [
        ("1500余万元", 4, ("余万", "余"), "余万"),  # list order decides: longest first here
        ("1500余万元", 4, ("余", "余万"), "余"),
        ("1500余万元", 5, ("余",), None),
        ("", 0, ("余",), None),
    ],
)
def test_word_at_table(text: str, i: int, words: tuple[str, ...], expected: str | None) -> None:
    assert word_at(text, i, words) == expected


@given(texts, st.integers(-2, 14), words)
def test_a_set_of_words_answers_its_longest_word(text: str, end: int, ws) -> None:
    """A set has no order of its own (its iteration order changes with the hash seed), so
    its words are tried longest first: the answer is the same in every process."""
    bound = min(end, len(text))
    ending = [w for w in ws if bound > 0 and text.endswith(w, 0, bound)]
    expected = max(ending, key=lambda w: (len(w), [-ord(c) for c in w]), default=None)
    assert word_ending_at(text, end, frozenset(ws)) == expected
