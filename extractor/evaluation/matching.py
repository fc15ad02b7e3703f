"""Greedy one-to-one matching by overlap (SPEC §6)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["greedy_match", "overlap"]

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters two half-open spans share.

    >>> overlap((0, 5), (3, 9)), overlap((0, 3), (3, 6))
    (2, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_match(
    predicted: Sequence[Span],
    gold: Sequence[Span],
    accept: Callable[[Span, Span], bool] | None = None,
) -> list[tuple[int, int]]:
    """Pairs ``(predicted index, gold index)``, taken greedily in order of largest overlap,
    each item used once. Ties go to the earlier gold span, then the earlier prediction.
    ``accept`` may refuse a candidate pair (cases need half of the shorter span).

    >>> greedy_match([(0, 4), (5, 9)], [(1, 4), (0, 9)])
    [(0, 1)]
    """
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = overlap(p, g)
            if shared and (accept is None or accept(p, g)):
                candidates.append((-shared, g[0], p[0], j, i))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, _, j, i in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def half_of_shorter(p: Span, g: Span) -> bool:
    """Cases match when they share at least half of the shorter span."""
    return 2 * overlap(p, g) >= min(p[1] - p[0], g[1] - g[0])
