"""What the fuzz tests feed the extractor and what they demand of its record (issue 16).

Shared by ``tests/test_fuzz.py`` (the ``fuzz-ci`` profile: a few seconds, the same examples
every run) and ``benchmarks/fuzz.py`` (the ``fuzz-long`` profile: random, as long as asked).

The invariants (:func:`record_problems`) hold for any text given to
:func:`extractor.extract_text`: it returns (never raises) a record without ``error``; every
article, fact and case span lies in the text; a fact's ``text`` is its span's characters
under SPEC's text rule; ``value <= high``; the JSON written parses with ``json.loads``
(no ``NaN``, no integer it refuses) and reads back as a record the way ``evaluate`` reads
``--pred``.

Sizes are kept small: runs of more than two multipliers (``亿亿亿``), numbers of more than
12 digits, and fractions or percents over 10**16 belong to the LINEAR part of issue 16
(value ceiling, recursion, ``decimal.InvalidOperation``), whose known crashers are rows of
``tests/test_fuzz.py`` instead.
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from extractor.evaluation.jsontext import JsonProblem, parse_json
from extractor.models import Document
from extractor.repair import surface

__all__ = [
    "STRATEGIES",
    "mutated_articles",
    "number_texts",
    "record_problems",
    "unicode_texts",
]

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

settings.register_profile(
    "fuzz-ci",
    max_examples=40,
    deadline=timedelta(seconds=5),  # ordinary examples take milliseconds; 5 s is a hang
    derandomize=True,  # CI runs the same examples every time; benchmarks/fuzz.py explores
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-long",
    max_examples=2000,
    deadline=timedelta(seconds=30),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def record_problems(text: str, document: Document) -> list[str]:
    """What is wrong with the record of ``text``: one line per broken invariant, [] if none.

    >>> doc = Document.model_validate({"source": "x", "articles": [{"title": None,
    ...     "span": [0, 3], "facts": [{"kind": "count", "text": "3人", "span": [1, 3],
    ...     "value": 3}]}]})
    >>> record_problems("3人。", doc)
    ["fact [1, 3] has text '3人' but its span holds '人。'"]
    """
    problems: list[str] = []
    if document.error is not None:
        problems.append(f"error document: {document.error}")
    for article in document.articles:
        if not 0 <= article.span[0] <= article.span[1] <= len(text):
            problems.append(f"article span {list(article.span)} outside the text")
        for fact in article.facts:
            start, end = fact.span
            where = f"fact {list(fact.span)}"
            if not article.span[0] <= start < end <= article.span[1]:
                problems.append(f"{where} outside its article {list(article.span)}")
            elif fact.text != surface(text[start:end]):
                problems.append(
                    f"{where} has text {fact.text!r} but its span holds {text[start:end]!r}"
                )
            if fact.high is not None and not (
                isinstance(fact.value, Decimal) and fact.value <= fact.high
            ):
                problems.append(f"{where} value {fact.value} is not <= high {fact.high}")
        for case in article.cases:
            if not article.span[0] <= case.span[0] <= case.span[1] <= article.span[1]:
                problems.append(f"case {list(case.span)} outside its article")
    written = document.to_json()
    try:
        json.loads(written)
        Document.model_validate(parse_json(written))
    except (ValueError, JsonProblem) as err:  # ValueError: json's, and pydantic's
        problems.append(f"the JSON written does not read back: {str(err)[:200]}")
    return problems


# --- arbitrary Unicode ------------------------------------------------------------------

# characters the extractor reacts to, so that arbitrary text meets its rules often
NUMBER_CHARS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億0123456789０１２３４５６７８９.．"
CONTEXT_CHARS = "点分之%％成倍余多近约逾元美港币人名起个岁年月日时吨万亿至到-～—，。、；：\n \u3000"

_any_char = st.characters(exclude_categories=["Cs"])  # no lone surrogates: not Unicode text

unicode_texts = st.text(
    alphabet=st.one_of(_any_char, st.sampled_from(NUMBER_CHARS + CONTEXT_CHARS)),
    max_size=200,
)
"""Any Unicode text (surrogates aside: no decoded file holds them), half of its characters
from the numerals, units and punctuation the rules read."""


# --- generated number expressions --------------------------------------------------------

_DIGITS = "0123456789"
_FULLWIDTH = str.maketrans(_DIGITS, "０１２３４５６７８９")


@st.composite
def _arabic(draw: st.DrawFn, digits: int) -> str:
    whole = draw(st.text(_DIGITS, min_size=1, max_size=digits))
    if draw(st.booleans()):
        whole += "." + draw(st.text(_DIGITS, min_size=1, max_size=4))
    if draw(st.integers(0, 4)) == 0:
        whole = whole.translate(_FULLWIDTH)
    return whole


def _number(digits: int = 12, multipliers: int = 2) -> st.SearchStrategy[str]:
    """A numeral: Arabic (ASCII or fullwidth, up to ``digits`` digits and 4 decimals) or
    Chinese (up to 8 characters), then up to ``multipliers`` of 十百千万亿."""
    chinese = st.text("零一二三四五六七八九十百千两半几数", min_size=1, max_size=min(8, digits))
    after = st.text("十百千万亿萬億", max_size=multipliers)
    return st.tuples(st.one_of(_arabic(digits), chinese), after).map("".join)


@st.composite
def number_expression(draw: st.DrawFn) -> str:
    """One number as news writes it: qualifiers, ranges, fractions, units (``约1.5万余元``)."""
    before = draw(st.sampled_from(["", "约", "近", "逾", "超过", "不到", "共", "累计", "第"]))
    shape = draw(st.sampled_from(["plain", "range", "fraction", "percent-words"]))
    if shape == "plain":
        first = draw(_number())
    elif shape == "range":
        first = draw(_number()) + draw(st.sampled_from(["至", "到", "-", "～", "—"]))
        first += draw(_number())
    else:
        # a percent of more than 26 digits is the LINEAR part's (decimal.InvalidOperation,
        # 三分之一亿亿亿): these stay below it
        first = draw(_number(digits=4, multipliers=1))
        if shape == "fraction":
            first = draw(_number(digits=4, multipliers=1)) + "分之" + first
        else:
            first = "百分之" + first
    after = draw(st.sampled_from(["", "余", "多", "左右", "以上", "以下"]))
    unit = draw(
        st.sampled_from(
            ["", "元", "万元", "亿元", "美元", "港元", "人", "名", "起", "个", "%", "％",
             "个百分点", "吨", "公斤", "平方米", "岁", "年", "个月", "天", "倍", "成",
             "年", "月", "日", "时", "分"]
        )
    )  # fmt: skip
    return before + first + after + unit


number_texts = st.lists(
    st.tuples(
        st.sampled_from(["", "抓获", "涉案金额", "同比增长", "下降", "共计", "今年", "，", "。"]),
        number_expression(),
        st.sampled_from(["", "，", "。", "、", "\n", "和", "其中"]),
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(a + b + c for a, b, c in parts))
"""Sentences of generated number expressions in news words."""


# --- mutated real articles ---------------------------------------------------------------


@cache
def corpus_texts() -> tuple[str, ...]:
    from extractor.reading import read_source

    return tuple(read_source(p).text for p in sorted(CORPUS.rglob("*.txt")))


_MUTATIONS = ("delete", "duplicate", "insert", "replace", "swap", "join-lines", "break-line")


@st.composite
def mutated_articles(draw: st.DrawFn, window: int = 1500) -> str:
    """A window of up to ``window`` characters of a corpus file, changed up to six times:
    a range deleted or doubled, text inserted (any, or a number expression), a character
    replaced, two swapped, a line break removed or added."""
    texts = corpus_texts()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    start = draw(st.integers(0, max(0, len(text) - 1)))
    text = text[start : start + window]
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        kind = draw(st.sampled_from(_MUTATIONS))
        at = draw(st.integers(0, len(text) - 1))
        size = draw(st.integers(1, 40))
        if kind == "delete":
            text = text[:at] + text[at + size :]
        elif kind == "duplicate":
            text = text[:at] + text[at : at + size] * 2 + text[at + size :]
        elif kind == "insert":
            inserted = draw(st.one_of(st.text(_any_char, max_size=20), number_expression()))
            text = text[:at] + inserted + text[at:]
        elif kind == "replace":
            char = draw(st.one_of(_any_char, st.sampled_from(NUMBER_CHARS + CONTEXT_CHARS)))
            text = text[:at] + char + text[at + 1 :]
        elif kind == "swap" and at + 1 < len(text):
            text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
        elif kind == "join-lines":
            text = text[:at] + text[at:].replace("\n", "", 1)
        elif kind == "break-line":
            text = text[:at] + "\n" + text[at:]
    return text


STRATEGIES = {
    "unicode": unicode_texts,
    "numbers": number_texts,
    "articles": mutated_articles(),
}
"""The three kinds of input the issue names, by the name the tests and benchmark use."""


# --- mutated gold files and predictions ---------------------------------------------------

GOLD = CORPUS.parent / "gold"

# what breaks JSON, or a record, in the ways the issue found: long integers, NaN, nesting,
# strings cut open, numbers where text belongs
_JSON_PIECES = (
    "[", "]", "{", "}", '"', "\\", ",", ":", "null", "true", "-", "NaN", "-Infinity",
    "1e999", "0.5", "-3", "1" * 4301, "[" * 2000, "\u2028", "\n", '"span": [9, 1]',
)  # fmt: skip


@cache
def gold_texts() -> tuple[str, ...]:
    return tuple(
        p.read_text(encoding="utf-8")
        for p in sorted(GOLD.rglob("*.json"))
        if "drafts" not in p.relative_to(GOLD).parts
    )


@st.composite
def mutated_gold(draw: st.DrawFn) -> str:
    """A gold file's JSON changed up to four times: a range deleted, or a piece of JSON (or
    any text) put in or over it."""
    texts = gold_texts()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 30))
        piece = draw(st.one_of(st.sampled_from(_JSON_PIECES), st.text(_any_char, max_size=10)))
        text = text[:at] + piece + text[at + draw(st.sampled_from([0, size])) :]
    return text
