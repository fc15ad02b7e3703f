"""What the learned parts share: a fact as they read it, their weights, the words around
a number.

Two small linear models speak where the attachment rules (``attach.py``) are silent: a
subject for a fact the rules gave none (``learned_subject.py``), a verb for a fact of a
kind that takes one the rules gave none (``learned_action.py``). Each scores a few
candidates by a sum of feature weights; the weights are averaged perceptrons trained on
the gold by ``tools/train_learned.py`` (docs/ARCHITECTURE.md, "Learned subjects and
verbs").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import repeat
from types import MappingProxyType

from ..lexicons import per_lexicons
from .attach import SENTENCE_END, bounds
from .tagging import tagged

__all__ = [
    "Around",
    "Reading",
    "Words",
    "bucket",
    "readings",
    "score_of",
    "weights",
    "word_list",
    "words_around",
]

SENTENCE_REACH = 200
"""The sentence cut into words reaches this far from the number at most."""

Words = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Reading:
    """A fact as the learned parts read it: the text the rules read, the number's place in
    it, the fact's kind and unit, and the rules' subject and action."""

    text: str
    start: int
    end: int
    kind: str
    unit: str | None
    rule_subject: str | None
    rule_action: str | None


readings: ContextVar[list[tuple[tuple[int, int], Reading]] | None] = ContextVar(
    "readings", default=None
)
"""When set to a list, the extractor keeps the rules' subjects and actions and appends each
fact's (span in the original text, reading) to it: how the training script reads the gold
files. A context variable: it reaches only the thread (and process) that sets it, so the
training script extracts in its own process, one file at a time."""


@cache
def weights(name: str) -> Mapping[str, float]:
    """The weights in ``data/NAME``: ``feature<TAB>weight`` lines (the feature may hold any
    character but a newline), ``#`` comments. The learned parts' data are the package's,
    whatever lexicons folder a pipeline uses: they are trained on the gold, not edited."""
    table: dict[str, float] = {}
    text = files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    for n, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        feature, tab, weight = line.rpartition("\t")
        try:
            table[feature] = float(weight)
        except ValueError:
            tab = ""
        if not tab:
            raise ValueError(f"extractor/data/{name}, line {n}: not feature<TAB>weight: {line!r}")
    return MappingProxyType(table)


@cache
def word_list(name: str) -> frozenset[str]:
    """The words in ``data/NAME``, one a line (``#`` comments)."""
    text = files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def score_of(w: Mapping[str, float], names: Sequence[str]) -> float:
    """The sum of the weights of ``names`` (an unknown feature weighs nothing)."""
    return sum(map(w.get, names, repeat(0.0)))


def bucket(n: int) -> str:
    """A count as a feature: 0–3 exactly, then 4-5, 6-8, 9+."""
    return str(n) if n < 4 else "4-5" if n < 6 else "6-8" if n < 9 else "9+"


@dataclass(frozen=True)
class Around:
    """The words before and after a number within its sentence, and the text they cover;
    ``cut`` when the window ends before the sentence starts."""

    left: Words
    right: Words
    left_text: str
    right_text: str
    cut: bool


def words_around(text: str, start: int, end: int, left_reach: int, right_reach: int) -> Around:
    """The words before and after the number ``text[start:end]`` within its sentence, at
    most ``left_reach`` and ``right_reach`` characters away. The whole sentence is cut once
    (``tagged`` is cached by text, so the facts of a sentence share the cut); a word the
    window's edge or the number cuts keeps its tag.

    >>> around = words_around("今年,破获案件12起。", 7, 10, 60, 20)
    >>> around.left, around.right, around.left_text, around.cut
    ([('今年', 't'), (',', 'x'), ('破获案件', 'n')], [], '今年,破获案件', False)
    """
    sa, sb = bounds(text, start, end, SENTENCE_END, SENTENCE_REACH)
    a, b = max(sa, start - left_reach), min(sb, end + right_reach)
    words, starts = _cut(text[sa:sb])
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for k in range(max(0, bisect_right(starts, a - sa) - 1), len(words)):
        ws = sa + starts[k]
        if ws >= b:
            break
        word, tag = words[k]
        we = ws + len(word)
        if we <= a:
            continue
        if ws < start:
            x, y = max(ws, a), min(we, start)
            if x < y:
                left.append((text[x:y], tag))
        if we > end:
            x, y = max(ws, end), min(we, b)
            if x < y:
                right.append((text[x:y], tag))
    return Around(left, right, text[a:start], text[end:b], cut=a > sa)


@per_lexicons(256)  # tagged() reads the lexicons
def _cut(sentence: str) -> tuple[tuple[tuple[str, str], ...], list[int]]:
    """A sentence's words and where each starts (the facts of a sentence share them)."""
    words = tagged(sentence)
    starts = []
    at = 0
    for word, _ in words:
        starts.append(at)
        at += len(word)
    return words, starts
