"""Where a fact stands in its article (position, sentence, case, restated), on layouts and
articles written by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.fact_context import article_contexts, layouts
from extractor.models import Article, Case, Fact
from extractor.segment import ArticleLayout, DatelineLayout, HeadingLayout

# headline [0, 6), dateline 本报讯 [7, 10), lead paragraph [11, 25) of two sentences,
# heading 冻结5万元 [29, 34) after "## ", body paragraph [35, 43)
TEXT = "破获案件3起\n本报讯 警方破获案件3起。抓获5人。\n## 冻结5万元\n冻结资金5万元。"
LAYOUT = ArticleLayout(
    span=(0, len(TEXT)),
    title="破获案件3起",
    title_span=(0, 6),
    headline=((0, 6),),
    dateline=DatelineLayout((7, 10), "本报讯", None),
    headings=(HeadingLayout((29, 34), "冻结5万元", 2),),
    paragraphs=((11, 25), (35, 43)),
    sentences=((11, 20), (20, 25), (35, 43)),
)


def _fact(text: str, start: int, kind: str = "count", subject: str | None = "案件", **kw) -> Fact:
    value = kw.pop("value", Decimal(3))
    unit = kw.pop("unit", "起")
    return Fact(
        kind=kind,
        text=text,
        span=(start, start + len(text)),
        value=value,
        unit=unit,
        subject=subject,
        **kw,
    )


FACTS = [
    _fact("3起", 4),  # headline
    _fact("3起", 17),  # lead, first sentence: the headline's figure again
    _fact("5人", 22, subject="犯罪嫌疑人", value=Decimal(5), unit="人"),  # lead, second sentence
    _fact("5万元", 31, kind="money", subject="资金", value=Decimal(50000), unit="CNY"),  # heading
    _fact("5万元", 39, kind="money", subject="资金", value=Decimal(50000), unit="CNY"),  # body
]
CASES = [Case(span=(11, 25)), Case(span=(35, 43))]
ARTICLE = Article(title="破获案件3起", span=(0, len(TEXT)), facts=FACTS, cases=CASES)


def test_the_hand_made_layout_points_at_the_text_it_says() -> None:
    assert [TEXT[s:e] for s, e in LAYOUT.sentences] == [
        "警方破获案件3起。",
        "抓获5人。",
        "冻结资金5万元。",
    ]
    assert (TEXT[7:10], TEXT[29:34], TEXT[11:25], len(TEXT)) == (
        "本报讯",
        "冻结5万元",
        "警方破获案件3起。抓获5人。",
        43,
    )
    assert [TEXT[f.span[0] : f.span[1]] for f in FACTS] == [f.text for f in FACTS]


@pytest.mark.parametrize(
    ("index", "position", "sentence", "case", "restated"),
    [
        (0, "headline", "破获案件3起", None, False),
        (1, "lead", "警方破获案件3起。", 0, True),
        (2, "lead", "抓获5人。", 0, False),
        (3, "heading", "冻结5万元", None, False),
        (4, "body", "冻结资金5万元。", 1, True),
    ],
    ids=["headline", "lead restates headline", "lead", "heading", "body restates heading"],
)
def test_contexts(index: int, position: str, sentence: str, case, restated: bool) -> None:
    context = article_contexts(ARTICLE, LAYOUT, TEXT)[index]
    assert (context.position, context.sentence, context.case, context.restated) == (
        position,
        sentence,
        case,
        restated,
    )


def test_without_the_text_position_and_sentence_are_unknown() -> None:
    contexts = article_contexts(ARTICLE, None, None)
    assert [(c.position, c.sentence) for c in contexts] == [(None, None)] * 5
    assert [c.case for c in contexts] == [None, 0, 0, None, 1]
    assert [c.restated for c in contexts] == [False, True, False, False, True]


@pytest.mark.parametrize(
    ("second", "restated"),
    [
        ({}, True),
        ({"subject": "团伙"}, False),  # another subject
        ({"value": Decimal(4)}, False),  # another value
        ({"value": Decimal("3.0")}, True),  # the same number written otherwise
        ({"unit": "个"}, False),
        ({"kind": "money", "unit": "CNY"}, False),
        ({"subject": None}, False),
    ],
    ids=["same", "subject", "value", "3.0", "unit", "kind", "no subject"],
)
def test_restated_needs_the_same_kind_subject_value_and_unit(second: dict, restated: bool) -> None:
    facts = [_fact("3起", 0), _fact("3起", 10, **second)]
    article = Article(title=None, span=(0, 20), facts=facts)
    assert [c.restated for c in article_contexts(article, None, None)] == [False, restated]


def test_a_relative_date_is_never_restated() -> None:
    today = {"kind": "date", "value": None, "unit": None, "subject": None}
    facts = [_fact("今年", 0, **today), _fact("今年", 5, **today)]
    article = Article(title=None, span=(0, 10), facts=facts)
    assert [c.restated for c in article_contexts(article, None, None)] == [False, False]


def test_layouts_are_none_without_text_or_when_articles_differ() -> None:
    assert layouts([ARTICLE], None) == [None]
    moved = Article(title=None, span=(0, 3))
    assert layouts([moved], TEXT) == [None]
