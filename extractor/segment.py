"""Segmentation: a page → articles, each with its headline, dateline, section headings,
paragraphs and sentences (SPEC §2). Works on the repaired view (:mod:`extractor.repair`) and
reports every span in original offsets.

The page is read as *units*: the non-empty lines of the repaired text, each classified by
:func:`extractor.lines.classify`. An article starts at a headline block (a run of short lines)
directly before a byline or dateline; a file without one is a single article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import layout, per_lexicons
from .lines import SPACE, LineInfo, LineKind, classify, strip_marker, visible_len
from .repair import RepairedText, repair, surface

__all__ = [
    "ArticleLayout",
    "DatelineLayout",
    "HeadingLayout",
    "PageLayout",
    "Unit",
    "segment",
    "split_sentences",
    "units",
]

Span = tuple[int, int]


@dataclass(frozen=True)
class Unit:
    """A non-empty line of the repaired text: ``[start, end)`` without surrounding spaces."""

    start: int
    end: int
    text: str
    info: LineInfo

    @property
    def kind(self) -> LineKind:
        return self.info.kind

    @property
    def headline_ok(self) -> bool:
        return self.kind in (LineKind.SHORT, LineKind.HEADING) or self.info.headline_ok


@dataclass(frozen=True)
class HeadingLayout:
    span: Span
    text: str
    level: int


@dataclass(frozen=True)
class DatelineLayout:
    span: Span
    text: str
    date: str | None


@dataclass(frozen=True)
class ArticleLayout:
    """One article; every span is in original offsets."""

    span: Span
    title: str | None
    title_span: Span | None
    headline: tuple[Span, ...]
    dateline: DatelineLayout | None
    headings: tuple[HeadingLayout, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]


@dataclass(frozen=True)
class PageLayout:
    repaired: RepairedText
    articles: tuple[ArticleLayout, ...]


def _split_inline_dateline(unit: Unit) -> list[Unit]:
    """Split "headline dateline(…)body" (a scraped page that lost its line breaks)."""
    lex = layout()
    match = lex.inline_dateline.search(unit.text)
    if not match:
        return [unit]
    prefix = unit.text[: match.start()].rstrip(SPACE)
    if not prefix or visible_len(prefix) > 2 * lex.max_heading_chars:
        return [unit]
    if any(ch in lex.sentence_end for ch in prefix):
        return [unit]
    rest_start = match.start(1)
    lead_len = match.end(1) - match.start(1)
    head = Unit(unit.start, unit.start + len(prefix), prefix, LineInfo(LineKind.SHORT))
    rest = unit.text[rest_start:]
    body = Unit(
        unit.start + rest_start,
        unit.end,
        rest,
        LineInfo(LineKind.DATELINE, lead=(0, lead_len)),
    )
    return [head, body]


def units(text: str) -> list[Unit]:
    """The classified non-empty lines of ``text`` (a repaired view)."""
    found: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(SPACE)
        if stripped:
            start = pos + (len(line) - len(line.lstrip(SPACE)))
            unit = Unit(start, start + len(stripped), stripped, classify(stripped))
            if unit.kind is LineKind.BODY:
                found.extend(_split_inline_dateline(unit))
            else:
                found.append(unit)
        pos += len(line) + 1
    return found


@per_lexicons()
def _sentence_stop() -> re.Pattern[str]:
    """The ellipsis or one sentence-ending character (the ellipsis first, as it is longer)."""
    lex = layout()
    ends = "".join(sorted(lex.sentence_end))
    return re.compile(f"{re.escape(lex.ellipsis)}|[{re.escape(ends)}]")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of ``text[start:end]``: split after 。！？!?；; and …… with their closing
    quotes; ASCII ``;!?`` between two digits do not split.

    >>> t = "他说:“好。”然后走了……再见!"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['他说:“好。”', '然后走了……', '再见!']
    """
    lex = layout()
    stop = _sentence_stop()
    spans: list[Span] = []
    sentence_start = i = start
    while (m := stop.search(text, i, end)) is not None:
        i = m.end()
        if (
            m.group() in "!?;"
            and 0 < m.start() < end - 1
            and text[m.start() - 1].isdigit()
            and text[i].isdigit()
        ):
            continue
        while i < end and (text[i] in lex.closing or text[i] in lex.sentence_end):
            i += 1
        spans.append((sentence_start, i))
        sentence_start = i
    if sentence_start < end:
        spans.append((sentence_start, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _dateline_date(text: str) -> str | None:
    """The date a byline or dateline states, as TIMEX3 (``XXXX`` when it has no year).

    >>> _dateline_date("北京青年报客户端 2022-09-06 12:57")
    '2022-09-06'
    >>> _dateline_date("每日甘肃网1月5日讯(奔流新闻·兰州晨报记者 张秀芸)")
    'XXXX-01-05'
    """
    for pattern in layout().dateline_dates:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month, day = int(parts["m"]), int(parts["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            year = parts.get("y")
            return f"{year if year else 'XXXX'}-{month:02d}-{day:02d}"
    return None


def _verse_lines(body: list[Unit]) -> set[int]:
    """The short lines of a body written one clause to a line, as WeChat reposts are
    (``官渡区高先生`` / ``接到一个微信好友申请`` / …): runs of at least
    ``layout.verse_run`` short lines in a row are body text, not headings (gold/README)."""
    run = layout().verse_run
    found: set[int] = set()
    k = 0
    while k < len(body):
        end = k
        while end < len(body) and body[end].kind is LineKind.SHORT:
            end += 1
        if end - k >= run:
            found.update(range(k, end))
        k = max(end, k + 1)
    return found


def _heading_text(unit: Unit) -> tuple[str, Span]:
    """A heading line's text without its marker, and its repaired span."""
    text = strip_marker(unit.text) if unit.kind is LineKind.HEADING else unit.text
    offset = unit.text.index(text) if text else 0
    return text, (unit.start + offset, unit.start + offset + len(text))


def _title(block: list[Unit]) -> tuple[str, Span] | None:
    """SPEC §2's title: the marked line with the fewest ``#``; else the longest line with no
    comma; else the first line. Returns the title text and its repaired span."""
    if not block:
        return None
    marked = [u for u in block if u.kind is LineKind.HEADING]
    if marked:
        return _heading_text(min(marked, key=lambda u: u.info.level))
    no_comma = [u for u in block if not any(c in u.text for c in ",，、")]
    unit = max(no_comma, key=lambda u: visible_len(u.text)) if no_comma else block[0]
    return unit.text, (unit.start, unit.end)


def _article_starts(page: list[Unit]) -> list[tuple[int, int | None]]:
    """``(first unit, anchor unit)`` of every article: the anchor is the byline or dateline
    its headline block stands before (``None`` for an article without one)."""
    starts: list[tuple[int, int | None]] = []
    floor = 0
    for i, unit in enumerate(page):
        if unit.kind not in (LineKind.BYLINE, LineKind.DATELINE):
            continue
        if i and page[i - 1].kind is LineKind.BYLINE:
            continue  # a byline run is anchored at its first line
        j = i
        while j > floor and page[j - 1].headline_ok:
            j -= 1
        if j and j < i and _awaits_value(page[j - 1]):
            continue  # 来源:\n新华网\n2009年…: the line after a bare label is its value
        if j < i or (not starts and j == 0):
            starts.append((j, i))
            floor = i + 1
    if not starts:
        return [(0, None)] if page else []
    first = starts[0][0]
    if first > 0 and any(
        u.kind in (LineKind.BODY, LineKind.LIST, LineKind.DATELINE) for u in page[:first]
    ):
        starts.insert(0, (0, None))
    return starts


def _awaits_value(unit: Unit) -> bool:
    """A byline that is a bare label (``来源:``), its value written on the next line."""
    return unit.kind is LineKind.BYLINE and unit.text.rstrip(SPACE).endswith((":", "："))


def _leading_block(page: list[Unit], start: int, stop: int) -> int:
    """End of the run of headline lines opening ``page[start:stop]`` (for articles with no
    byline: the headline block is the short lines before the first body paragraph)."""
    i = start
    while i < stop and page[i].kind in (LineKind.SHORT, LineKind.HEADING):
        i += 1
    return i if i < stop else start


def _build_article(
    rep: RepairedText, page: list[Unit], first: int, anchor: int | None, stop: int
) -> ArticleLayout:
    to_orig = rep.map.span_to_original
    if anchor is None:
        block_end = _leading_block(page, first, stop)
        anchor = (
            block_end
            if block_end < stop and page[block_end].kind in (LineKind.BYLINE, LineKind.DATELINE)
            else None
        )
    else:
        block_end = anchor
    block = page[first:block_end]
    titled = _title(block)

    dateline = None
    body_from = block_end
    if anchor is not None:
        run_end = anchor
        while run_end < stop and page[run_end].kind is LineKind.BYLINE:
            run_end += 1
        if run_end == anchor:  # a dateline paragraph
            lead_start, lead_end = page[anchor].info.lead or (0, 0)
            d_start, d_end = page[anchor].start + lead_start, page[anchor].start + lead_end
            body_from = anchor
        else:
            d_start, d_end = page[anchor].start, page[run_end - 1].end
            body_from = run_end
        d_span = to_orig(d_start, d_end)
        d_text = surface(rep.original[d_span[0] : d_span[1]]).strip(SPACE)
        dateline = DatelineLayout(d_span, d_text, _dateline_date(d_text))

    headings: list[HeadingLayout] = []
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    body = page[body_from:stop]
    verse = _verse_lines(body)
    for k, unit in enumerate(body):
        kind = unit.kind
        if kind is LineKind.BYLINE:
            continue
        if kind is LineKind.HEADING or (kind is LineKind.SHORT and k not in verse):
            text, (start, end) = _heading_text(unit)
            headings.append(HeadingLayout(to_orig(start, end), surface(text), unit.info.level))
            continue
        start = unit.start
        if kind is LineKind.DATELINE and unit.info.lead:
            start += unit.info.lead[1]
            while start < unit.end and rep.text[start] in SPACE:
                start += 1
        if start >= unit.end:
            continue
        paragraphs.append(to_orig(start, unit.end))
        sentences.extend(to_orig(s, e) for s, e in split_sentences(rep.text, start, unit.end))

    title, title_span = (None, None)
    if titled:
        title_text, (t_start, t_end) = titled
        title_span = to_orig(t_start, t_end)
        title = surface(title_text)
    span = to_orig(page[first].start, page[stop - 1].end)
    return ArticleLayout(
        span=span,
        title=title,
        title_span=title_span,
        headline=tuple(to_orig(u.start, u.end) for u in block),
        dateline=dateline,
        headings=tuple(headings),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
    )


def segment(text: str, repaired: RepairedText | None = None) -> PageLayout:
    """Segment a decoded source text into articles (SPEC §2).

    >>> page = segment("标题一\\n\\n本报讯 正文。\\n\\n标题二\\n\\n本报讯 正文二。")
    >>> [a.title for a in page.articles]
    ['标题一', '标题二']
    """
    rep = repaired if repaired is not None else repair(text)
    page = units(rep.text)
    starts = _article_starts(page)
    articles = []
    for n, (first, anchor) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(page)
        articles.append(_build_article(rep, page, first, anchor, stop))
    return PageLayout(repaired=rep, articles=tuple(articles))
