"""Invariants of fact finding on any text (hypothesis), and the spaCy/CLI side of facts."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import CORPUS, read_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract_text
from extractor.cli import cli
from extractor.repair import surface

FRAGMENTS = [
    "收缴赃款",
    "1500",
    "余",
    "万元",
    "近",
    "6",
    "亿元",
    "，",
    "。",
    "\n\n",
    "\n",
    " ",
    "\u3000",
    "抓获",
    "犯罪嫌疑人",
    "9",
    "名",
    "同比下降",
    "43.9",
    "%",
    "2020年",
    "7月",
    "6日",
    "上午",
    "3时许",
    "至",
    "8日",
    "10多年",
    "来",
    "43岁",
    "的",
    "一个",
    "第一",
    "96110",
    "云剑2020",
    "十个",
    "两千",
    "三分之一",
    "七成",
    "百分之三十",
    "3至5",
    "人",
    "以上",
    "左右",
    "港幣",
    "零下",
    "摄氏度",
    "元",
    "萬",
    "角",
    "分",
    "半年",
    "四年零六个月",
    "一两千",
    "上千万",
    "数十",
    "几",
    "、",
    "和",
    "分别",
    "为",
    "其中",
    "中",
    "下降至",
    "；",
    "“",
    "”",
    "# ",
    "本报讯",
    "□记者 武 露",
    "今年",
    "去年",
    "12月18日",
    "2019-01-29 11:09:50",
    "18:00",
    "十一点",
    " ",
    "\u3000",
    "http://a.cn/?q=3%20",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_facts_hold_their_invariants_on_any_text(text: str) -> None:
    document = extract_text(text, source="x.txt")
    for article in document.articles:
        kinds: dict[str, list[tuple[int, int]]] = {}
        for fact in article.facts:
            start, end = fact.span
            assert 0 <= start < end <= len(text)
            assert article.span[0] <= start and end <= article.span[1]
            assert fact.text == surface(text[start:end])
            if fact.high is not None:
                assert isinstance(fact.value, Decimal) and fact.value <= fact.high
            if fact.kind != "date":
                assert isinstance(fact.value, Decimal)
            assert fact.subject is None or any(ch.isalpha() for ch in fact.subject), (
                f"subject {fact.subject!r} names nothing"
            )
            for other in kinds.get(fact.kind, []):
                assert end <= other[0] or start >= other[1], f"{fact.kind} facts overlap"
            kinds.setdefault(fact.kind, []).append(fact.span)


def test_facts_component_sets_doc_extension_and_spans(nlp) -> None:
    text = read_corpus("000_cf4c8eff55ad11d1.txt")
    doc = nlp(text)
    assert len(doc._.facts) == len(doc._.articles) == 2
    first = doc._.facts[0][0]
    assert (first.kind, first.text, first.value, first.unit) == (
        "count",
        "1718起",
        Decimal(1718),
        "起",
    )
    labels = {span.label_ for span in doc.spans["facts"]}
    assert {"MONEY", "COUNT", "DATE"} <= labels
    assert doc.spans["facts"][0].text == "1718起"


def test_facts_factory_found_through_the_entry_point() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('extractor_layout')\n"
        "nlp.add_pipe('extractor_facts')\n"
        "doc = nlp('收缴赃款1500余万元。')\n"
        "f = doc._.facts[0][0]\n"
        "print(f.text, f.value, f.unit, f.qualifier)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1500余万元 15000000 CNY over"


def test_facts_component_needs_layout_first() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('extractor_facts')\n"
        "nlp('收缴赃款1500余万元。')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "extractor_facts needs extractor_layout before it" in result.stderr


def test_ref_date_fills_resolved(tmp_path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("12月18日上午,市政府召开发布会。今年5月,警方破获案件3起。", encoding="utf-8")
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["extract", str(page)]).stdout)
    dates = [f for f in plain["articles"][0]["facts"] if f["kind"] == "date" and f["value"]]
    assert [d.get("resolved") for d in dates] == [None, None]
    result = runner.invoke(cli, ["extract", str(page), "--ref-date", "2021-06-15"])
    resolved = [
        f.get("resolved")
        for f in json.loads(result.stdout)["articles"][0]["facts"]
        if f["kind"] == "date" and f["value"]
    ]
    # December is later than June: the year before; May is not
    assert resolved == ["2020-12-18TMO", "2021-05"]
    bad = runner.invoke(cli, ["extract", str(page), "--ref-date", "2021/06/15"])
    assert bad.exit_code == 2
    assert "2021/06/15" in bad.output


def test_dateline_year_resolves_before_ref_date() -> None:
    text = read_corpus("d02.txt")  # dateline 2022-09-06
    document = extract_text(text, source="d02.txt")
    nine_six = next(f for f in document.articles[0].facts if f.text == "9月6日")
    assert (nine_six.value, nine_six.resolved) == ("XXXX-09-06", "2022-09-06")


def test_relative_dates_are_listed_with_null_value() -> None:
    document = extract_text("今年以来,全市共破获电信网络诈骗案件1718起。", source="x.txt")
    dates = [f for f in document.articles[0].facts if f.kind == "date"]
    assert [(f.text, f.value) for f in dates] == [("今年以来", None)]


def test_every_corpus_fact_is_valid_and_inside_its_article() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        name = path.relative_to(CORPUS).as_posix()
        text = read_corpus(name)
        for article in extract_text(text, source=name).articles:
            for fact in article.facts:
                assert fact.text == surface(text[fact.span[0] : fact.span[1]]), name
                assert article.span[0] <= fact.span[0] <= fact.span[1] <= article.span[1], name


# Inputs that once broke an invariant (found by the property test above); each must now hold.
PAST_CRASHERS = [
    "收缴赃款1500余万元至1万元",  # a "range" with its low end above its high end
    "收缴赃款1500余万元至万元",  # 万 alone as the second end
    "抓获5至3人",
    "分别10多年10多年",  # a 分别 group of durations read as one
    "分别进出口4588.6亿元、1286和1187.9亿元",  # a number left without its unit as a subject
]


@pytest.mark.parametrize("text", PAST_CRASHERS)
def test_past_crashers(text: str) -> None:
    test_facts_hold_their_invariants_on_any_text.hypothesis.inner_test(text)
    facts = [f for a in extract_text(text, source="x.txt").articles for f in a.facts]
    assert all(f.high is None or f.value <= f.high for f in facts)
    assert all(f.text != "万元" for f in facts)
