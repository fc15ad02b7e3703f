"""OCR repair: the text with newspaper column breaks removed, and the offset map both ways.

On OCR'd pages a column break looks just like a paragraph break (``\\n\\n``):
``"维\\n\\n权困难"``, ``"银行卡91\\n\\n张。"``, ``"对于被骗10万元以上的\\n\\n电信网络诈骗案件"``.
:func:`repair` removes each break judged to be a column break, with the whitespace that
touches it, and keeps every other character, so the repaired text is the original with some
gaps deleted. :class:`OffsetMap` maps positions across those gaps; everything found in the
repaired view is reported with spans into the original text (SPEC §1).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicons import layout, numbers
from .lines import SPACE, LineKind, classify, ends_paragraph, is_indented

__all__ = ["OffsetMap", "RepairedText", "is_column_break", "repair", "surface", "surface_view"]

_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000\n]*")
_LINE = re.compile(r"[^\n]+")


def surface(raw: str) -> str:
    """SPEC's ``text`` rule: drop line breaks and the whitespace touching them.

    >>> surface("1500余\\n\\n万元")
    '1500余万元'
    >>> surface("今年 2 月")
    '今年 2 月'
    """
    return _BREAK.sub("", raw)


@dataclass(frozen=True)
class OffsetMap:
    """Positions between an original text and a copy with some gaps deleted.

    The copy is made of kept segments; segment ``k`` is ``original[o[k]:o[k]+n[k]]`` and
    starts at ``r[k]`` in the copy. ``to_repaired(j)`` counts the kept characters before
    original position ``j``; ``to_original(i)`` is the original index of copy character ``i``.
    Both are monotonic; ``to_repaired(to_original(i)) == i``.
    """

    r_starts: tuple[int, ...]
    o_starts: tuple[int, ...]
    lengths: tuple[int, ...]
    original_length: int

    @classmethod
    def from_gaps(cls, original_length: int, gaps: list[tuple[int, int]]) -> OffsetMap:
        """Build the map for ``original`` minus the sorted, disjoint ``gaps`` ``[start, end)``."""
        r_starts, o_starts, lengths = [], [], []
        pos = kept = 0
        for start, end in [*gaps, (original_length, original_length)]:
            if start < pos or end < start:
                raise ValueError(f"gaps must be sorted and disjoint, got {start}-{end} at {pos}")
            if start > pos:
                r_starts.append(kept)
                o_starts.append(pos)
                lengths.append(start - pos)
                kept += start - pos
            pos = end
        return cls(tuple(r_starts), tuple(o_starts), tuple(lengths), original_length)

    @property
    def repaired_length(self) -> int:
        return self.r_starts[-1] + self.lengths[-1] if self.lengths else 0

    def to_original(self, i: int) -> int:
        """Original index of repaired character ``i``; ``repaired_length`` maps to
        ``original_length``."""
        if not 0 <= i <= self.repaired_length:
            raise IndexError(f"repaired position {i} outside 0..{self.repaired_length}")
        if i == self.repaired_length:
            return self.original_length
        k = bisect_right(self.r_starts, i) - 1
        return self.o_starts[k] + (i - self.r_starts[k])

    def to_repaired(self, j: int) -> int:
        """Number of kept characters before original position ``j``."""
        if not 0 <= j <= self.original_length:
            raise IndexError(f"original position {j} outside 0..{self.original_length}")
        k = bisect_right(self.o_starts, j) - 1
        if k < 0:
            return 0
        return self.r_starts[k] + min(j - self.o_starts[k], self.lengths[k])

    def kept(self, original: str) -> str:
        """The copy: ``original`` with the gaps deleted."""
        return "".join(
            original[o : o + n] for o, n in zip(self.o_starts, self.lengths, strict=True)
        )

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """A repaired ``[start, end)`` as an original span: from its first character to just
        after its last, so a span across a deleted break covers the break."""
        if end <= start:
            point = self.to_original(start)
            return point, point
        return self.to_original(start), self.to_original(end - 1) + 1

    def span_to_repaired(self, start: int, end: int) -> tuple[int, int]:
        """An original ``[start, end)`` as a repaired span (deleted characters drop out)."""
        return self.to_repaired(start), self.to_repaired(max(start, end))


@dataclass(frozen=True)
class RepairedText:
    """The original text, its repaired view and the map between them."""

    original: str
    text: str
    map: OffsetMap

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.map.span_to_original(start, end)


def surface_view(original: str) -> RepairedText:
    """The whole text under SPEC's ``text`` rule (every line break removed), with its map:
    what gold labels and ``text`` fields are searched in.

    >>> view = surface_view("1500余\\n\\n万元")
    >>> view.text, view.original_span(0, 7)
    ('1500余万元', (0, 9))
    """
    gaps = [(m.start(), m.end()) for m in _BREAK.finditer(original)]
    offset_map = OffsetMap.from_gaps(len(original), gaps)
    return RepairedText(original=original, text=offset_map.kept(original), map=offset_map)


def is_column_break(before: str, after: str, *, before_continues: bool = False) -> bool:
    """Is the break between line ``before`` and line ``after`` a column break?

    ``before_continues`` says that ``before`` itself continues a sentence cut at the break
    above it (so, although short, it is not a heading). Lines are raw (with indentation).

    >>> is_column_break("扣押手机27部,银行卡91", "张。该案涉案资金高达500余万元")
    True
    >>> is_column_break("被骗10万元以上,公安局长分包案件督办", "据介绍,为强化打击,持续…")
    False
    >>> is_column_break("对于被骗10万元以上的", "电信网络诈骗案件,市局一律将其列为…")
    True
    """
    lex = layout()
    a, b = before.strip(SPACE), after.strip(SPACE)
    if not a or not b:
        return False
    a_kind, b_kind = classify(a).kind, classify(b).kind
    if a_kind in (LineKind.HEADING, LineKind.BYLINE):
        return False
    if b_kind in (LineKind.HEADING, LineKind.BYLINE, LineKind.DATELINE, LineKind.LIST):
        return False
    if ends_paragraph(a):
        return False
    if b[0] in lex.continues_before:
        return True
    if a[-1] in lex.unit_ends and b[0] not in lex.unit_ends[a[-1]] and not b[0].isdigit():
        pass  # 突破17亿元 / 年轻观众…: the unit ends the number, the next line is no part of it
    elif a[-1] in lex.number_end and (b[0].isdigit() or b[0] in lex.number_units):
        return True  # a number cut by the break, even before an indented line
    if a[-1] in lex.number_end and not a[-1].isdigit() and b[0] in numbers().digits:
        return True  # 十五点\n八万元: a Chinese numeral cut by the break
    if is_indented(after):
        return False
    if a[-1] in lex.continues_after:
        return True
    if lex.date_opener.match(b):
        return False
    return before_continues or a_kind in (LineKind.LIST, LineKind.BODY)


def repair(original: str) -> RepairedText:
    """Remove the column breaks of ``original``; keep paragraph breaks, headline blocks,
    headings, bylines and list items.

    >>> repair("扣押手机27部,银行卡91\\n\\n张。").text
    '扣押手机27部,银行卡91张。'
    >>> repair("被骗10万元以上,公安局长分包案件督办\\n\\n据介绍,…").text
    '被骗10万元以上,公安局长分包案件督办\\n\\n据介绍,…'
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(original) if m.group().strip(SPACE)]
    gaps: list[tuple[int, int]] = []
    continues = False
    for (a_start, a_end), (b_start, b_end) in itertools.pairwise(lines):
        before, after = original[a_start:a_end], original[b_start:b_end]
        continues = is_column_break(before, after, before_continues=continues)
        if continues:
            gap_start = a_start + len(before.rstrip(SPACE))
            gap_end = b_start + (len(after) - len(after.lstrip(SPACE)))
            gaps.append((gap_start, gap_end))
    offset_map = OffsetMap.from_gaps(len(original), gaps)
    text = offset_map.kept(original)
    return RepairedText(original=original, text=text, map=offset_map)
