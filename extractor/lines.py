"""Line classification: what one line of a page is (heading, byline, dateline, list item,
short line, body), from the layout lexicon. Pure functions on one line's characters; used
by :mod:`extractor.repair` (is this break a column break?) and :mod:`extractor.segment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .lexicons import layout, per_lexicons

__all__ = ["SPACE", "LineInfo", "LineKind", "classify", "ends_paragraph", "visible_len"]

SPACE = " \t\u3000\xa0"
"""Whitespace inside a line: space, tab, ideographic space (U+3000), no-break space (U+00A0)."""


class LineKind(str, Enum):
    HEADING = "heading"  # a markdown heading: "## 综合治理——…"
    BYLINE = "byline"  # a whole line naming reporter, source or time: "□牡丹晚报全媒体记者 武 露"
    DATELINE = "dateline"  # a body paragraph opening with a dateline: "本报讯(记者 …)6月10日,…"
    LIST = "list"  # a list item: "1、凡是网上兼职刷单的一律都是诈骗;"
    SHORT = "short"  # a short line that does not end a sentence: a headline or heading
    BODY = "body"  # body text


@dataclass(frozen=True)
class LineInfo:
    """What a line is. ``lead`` is the dateline's ``(start, end)`` within the line;
    ``level`` the number of ``#``; ``headline_ok`` marks a short body line that may still be
    a headline line (it ends with ！？!?, as "…骗子的1.96万元!" does)."""

    kind: LineKind
    level: int = 0
    lead: tuple[int, int] | None = None
    headline_ok: bool = False


def visible_len(line: str) -> int:
    """Characters that are not spaces.

    >>> visible_len("武 露")
    2
    """
    return len(line) - sum(line.count(ch) for ch in " \t\u3000\n")


def _strip_closing(line: str) -> str:
    closing = layout().closing
    end = len(line)
    while end and line[end - 1] in closing:
        end -= 1
    return line[:end] if end else line


def ends_paragraph(line: str) -> bool:
    """Does the line end a sentence or paragraph (closing quotes aside)?

    >>> ends_paragraph("…96110是守护百姓资金安全的最后一道防线。”")
    True
    >>> ends_paragraph("如何预防电信网络诈骗?要牢记“十个凡是”")
    False
    """
    lex = layout()
    core = _strip_closing(line.rstrip(SPACE))
    return bool(core) and (core[-1] in lex.paragraph_end or core.endswith(lex.ellipsis))


def _ends_sentence_inside(line: str) -> bool:
    """A sentence ends inside the line (。 or …… before its last character): it is body
    text, not a heading ("社区里、广场上、校园间……一场场因地制宜…,增强了群众参"). ？ and ?
    do not count: "如何预防电信网络诈骗?要牢记“十个凡是”" is a heading."""
    lex = layout()
    body = line[:-1]
    return "。" in body or lex.ellipsis in body


def heading_level(line: str) -> int:
    """Number of ``#`` of a markdown heading, else 0."""
    match = layout().heading_marker.match(line)
    return len(match.group(1)) if match else 0


def strip_marker(line: str) -> str:
    """The heading text without its marker and surrounding whitespace."""
    return layout().heading_marker.sub("", line, count=1).strip(SPACE)


def is_byline(line: str) -> bool:
    return any(p.search(line) for p in layout().byline_lines)


def dateline_lead(line: str) -> re.Match[str] | None:
    for pattern in layout().dateline_leads:
        match = pattern.match(line)
        if match:
            return match
    return None


def is_list_item(line: str) -> bool:
    return layout().list_item.match(line) is not None


def is_indented(raw_line: str) -> bool:
    """A line opening with a fullwidth space, a tab or two spaces (a new paragraph)."""
    return raw_line.startswith(("\u3000", "\t", "  "))


@per_lexicons(2048)  # repair and segmentation ask about each line up to three times
def classify(line: str) -> LineInfo:
    """Classify one line (leading/trailing whitespace allowed).

    >>> classify("### 影响个人征信作饵").kind.value, classify("### 影响个人征信作饵").level
    ('heading', 3)
    >>> classify("□牡丹晚报全媒体记者 武 露").kind.value
    'byline'
    >>> classify("被骗10万元以上,公安局长分包案件督办").kind.value
    'short'
    >>> classify("2、凡是贷款、代办信用卡提高额度要求先汇款的一律").kind.value
    'list'
    """
    level = heading_level(line)
    if level:
        return LineInfo(LineKind.HEADING, level=level)
    if is_byline(line):
        return LineInfo(LineKind.BYLINE)
    lead = dateline_lead(line)
    if lead:
        return LineInfo(LineKind.DATELINE, lead=(lead.start(), lead.end()))
    if is_list_item(line):
        return LineInfo(LineKind.LIST)
    lex = layout()
    stripped = line.strip(SPACE)
    short = visible_len(stripped) <= lex.max_heading_chars
    if short and not ends_paragraph(stripped) and not _ends_sentence_inside(stripped):
        return LineInfo(LineKind.SHORT)
    core = _strip_closing(stripped)
    headline_ok = short and bool(core) and core[-1] in lex.headline_end_ok
    return LineInfo(LineKind.BODY, headline_ok=headline_ok)
