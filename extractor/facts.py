"""Facts: every numeric fact of an article (SPEC §3–§4), with spans into the original text.

The finders run on the article's part of the repaired view (column breaks removed), so
``1500余\\n\\n万元`` is read whole; each span is mapped back to the original and its ``text``
taken from there under SPEC's text rule. Dates are found first, then quantities outside
them; the attachment (subject, action, change, basis) reads each number's clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicons import exclusions, units
from .numbers.attach import Item, attach_all
from .numbers.dates import find_dates
from .numbers.quantities import find_quantities
from .repair import OffsetMap, RepairedText, surface
from .segment import ArticleLayout

__all__ = ["FoundFact", "article_currency", "find_facts", "masked"]


@dataclass(frozen=True)
class FoundFact:
    """One fact of an article; ``span`` is in original offsets."""

    kind: str
    span: tuple[int, int]
    text: str
    value: Decimal | str | None
    high: Decimal | None
    unit: str | None
    qualifier: str
    subject: str | None
    action: str | None
    change: str | None
    basis: str | None


def article_currency(text: str) -> str:
    """The currency of a bare 元/萬 in this article (SPEC §3): HKD in an article about Hong
    Kong, TWD in one about Taiwan, else CNY.

    >>> article_currency("向滙豐發放按揭貸款390萬港元"), article_currency("收缴赃款1500余万元")
    ('HKD', 'CNY')
    """
    lex = units()
    if any(word in text for word in lex.hong_kong):
        return "HKD"
    if any(word in text for word in lex.taiwan):
        return "TWD"
    return "CNY"


def masked(text: str) -> str:
    """``text`` with web and e-mail addresses blanked (same length, so offsets hold): their
    digits and %20 escapes are not numbers of the article.

    >>> masked("见http://a.cn/q?x=30%25 共30%")
    '见                      共30%'
    """
    for pattern in exclusions().masked:
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return text


def inner_spaces(text: str) -> list[tuple[int, int]]:
    """Runs of spaces inside an expression, which the finders read past: between two Chinese
    characters or a Chinese character and a digit (``百 分 之 2``, ``六 个 百 分点``, OCR's
    ``1500 万元``), not between two digits (``2022 11 23`` stays three numbers).

    >>> inner_spaces("百 分 之 2, 共 3 人, 2022 11")
    [(1, 2), (3, 4), (5, 6), (10, 11), (12, 13)]
    """
    return [m.span() for m in _INNER_SPACE.finditer(text)]


_HAN = "\u3400-\u9fff"
_INNER_SPACE = re.compile(
    rf"(?<=[{_HAN}])[ \t\u3000]+(?=[{_HAN}0-9０-９])|(?<=[0-9０-９%％])[ \t\u3000]+(?=[{_HAN}])"
)


def find_facts(repaired: RepairedText, article: ArticleLayout) -> list[FoundFact]:
    """Every fact of ``article``, in text order."""
    r_start, r_end = repaired.map.span_to_repaired(*article.span)
    spaced = repaired.text[r_start:r_end]
    inner = OffsetMap.from_gaps(len(spaced), inner_spaces(spaced))
    text = inner.kept(spaced)
    readable = masked(text)
    taken = bytearray(len(text))
    dates = find_dates(readable)
    for d in dates:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    quantities = find_quantities(readable, taken)
    currency = article_currency(text)

    rows: list[tuple[int, int, str, Decimal | str | None, Decimal | None, str | None, str]] = []
    rows += [(d.start, d.end, "date", d.value, None, None, d.qualifier) for d in dates]
    for q in quantities:
        unit = currency if q.unit == "local" else q.unit
        rows.append((q.start, q.end, q.kind, q.value, q.high, unit, q.qualifier))
    rows.sort(key=lambda r: r[0])
    items = [
        Item(kind, start, end, unit, relative=kind == "date" and value is None)
        for start, end, kind, value, _, unit, _ in rows
    ]
    attachments = attach_all(text, items)
    facts = []
    for (start, end, kind, value, high, unit, qualifier), att in zip(
        rows, attachments, strict=True
    ):
        start, end = inner.span_to_original(start, end)
        span = repaired.map.span_to_original(r_start + start, r_start + end)
        facts.append(
            FoundFact(
                kind=kind,
                span=span,
                text=surface(repaired.original[span[0] : span[1]]),
                value=value,
                high=high,
                unit=unit,
                qualifier=qualifier,
                subject=att.subject,
                action=att.action,
                change=att.change,
                basis=att.basis,
            )
        )
    return facts
