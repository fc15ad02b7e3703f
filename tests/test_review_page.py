"""Review pages: the source text shown as it is, each fact's highlight exactly its record's
span, cases as cards, differences from gold, and nothing fetched from anywhere."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from review_html import read_page
from test_review_compare import fact, stored_records

from extractor.models import Document
from extractor.reading import read_source
from extractor.review.compare import compare
from extractor.review.page import FIELDS, document_page
from extractor.review.site import Reviewed, index_page, render_page

PAIRS = stored_records()
IDS = [p.source for p, _ in PAIRS]


def page_of(predicted: Document, gold: Document | None, text: str) -> str:
    return document_page(text, predicted, compare(predicted, gold))


def corpus_text(source: str) -> str:
    return read_source(ROOT / "corpus" / source, source).text


def self_contained(html: str) -> bool:
    """No element loads anything: no src, no stylesheet link, no remote href, no url()."""
    return not re.search(r"<link\b|\bsrc=|href=\"(https?:)?//|url\(|@import", html)


@pytest.mark.parametrize(("predicted", "gold"), PAIRS, ids=IDS)
def test_corpus_page_shows_the_text_and_each_fact_at_its_span(
    predicted: Document, gold: Document
) -> None:
    text = corpus_text(predicted.source)
    shown = read_page(page_of(predicted, gold, text))
    assert shown.text == text
    facts = [f for a in predicted.articles for f in a.facts]
    assert len(shown.facts) == len(facts)
    for n, f in enumerate(facts):
        assert shown.marks[f"p{n}"] == list(range(*f.span)), f
    gold_facts = [f for a in gold.articles for f in a.facts]
    for mark in shown.missed:
        assert shown.marks[mark] == list(range(*gold_facts[int(mark[1:])].span))
    cases = sum(len(a.cases) for a in predicted.articles)
    assert (len(shown.cases), shown.case_cards) == (cases, cases)


@pytest.mark.parametrize(("predicted", "gold"), PAIRS[:3], ids=IDS[:3])
def test_corpus_page_without_gold_has_no_statuses(predicted: Document, gold: Document) -> None:
    html = page_of(predicted, None, corpus_text(predicted.source))
    shown = read_page(html)
    assert not shown.missed
    assert not any(" s-" in c for c in shown.classes.values())
    assert "Differences" not in html
    assert self_contained(html)


TEXT = "追赃100万元,冻结200万元。<b>&3人"


def doc(*facts: dict, length: int = len(TEXT)) -> Document:
    article = {"title": None, "span": [0, length], "facts": list(facts)}
    return Document.model_validate({"source": "a.txt", "articles": [article]})


def test_marks_statuses_and_data() -> None:
    predicted = doc(
        fact((2, 7), 1000000, subject="追赃"),  # ok
        fact((10, 15), 2000000, subject="手机"),  # wrong subject
        {"kind": "count", "text": "3人", "span": [20, 22], "value": 3, "unit": "人"},  # spurious
    )
    gold = doc(fact((2, 7), 1000000, subject="追赃"), fact((10, 15), 2000000, subject="资金"))
    gold.articles[0].facts.append(
        gold.articles[0].facts[0].model_copy(update={"span": (0, 2), "kind": "count"})
    )
    html = page_of(predicted, gold, TEXT)
    shown = read_page(html)
    assert shown.text == TEXT
    assert shown.facts == {"p0", "p1", "p2"}
    assert shown.missed == {"g2"}
    assert shown.marks["g2"] == [0, 1]
    assert "s-subject" in shown.classes["p1"] and "s-spurious" in shown.classes["p2"]
    assert "s-missed" in shown.classes["g2"] and "s-ok" in shown.classes["p0"]
    data = json.loads(re.search(r'id="review-data">(.*?)</script>', html).group(1))
    assert data["facts"] == 3
    assert data["differences"] == ["g2", "p1", "p2"]
    assert data["fields"] == list(FIELDS)
    assert data["marks"]["p1"]["fields"]["subject"] == "手机"
    assert data["marks"]["p1"]["gold"]["subject"] == "资金"
    assert "Differences (3: 1 missed, 1 spurious, 0 wrong, 1 subject)" in html
    assert html.count('<li><a href="#') == 3
    assert "&lt;b&gt;&amp;" in html  # the text's markup is escaped
    assert self_contained(html)


def test_the_data_cannot_close_its_script() -> None:
    text = "</script><script>alert(1)</script> 5元"
    predicted = doc({**fact((36, 38)), "text": "5元"}, length=len(text))
    html = page_of(predicted, None, text)
    assert html.count("</script>") == 2  # the data's and the script's own
    assert read_page(html).text == text


def test_case_card_shows_fields_and_amounts() -> None:
    case = {
        "span": [0, 12], "date": "2020-07-06", "agency": "单县公安局", "victims": ["张某某"],
        "suspects": ["郭某", "李某"], "suspect_count": 26, "category": "investment",
        "outcome": "solved", "amounts": [{"role": "recovered", "value": 1000000, "qualifier": "over"}],
    }  # fmt: skip
    article = {"title": None, "span": [0, 20], "facts": [], "cases": [case]}
    predicted = Document.model_validate({"source": "a.txt", "articles": [article]})
    html = page_of(predicted, None, TEXT)
    card = re.search(r'<aside class="case-card".*?</aside>', html).group(0)
    for shown in ("2020-07-06", "单县公安局", "张某某", "郭某、李某", "26", "investment", "solved",
                  "recovered: 1000000 (over)", "[0, 12)"):  # fmt: skip
        assert shown in card
    assert read_page(html).text == TEXT


def test_error_document_page() -> None:
    html = render_page(Reviewed("bad.txt", None, Document(source="bad.txt", error="binary file")))
    assert "error: binary file" in html
    assert "could not be read" in html


def test_index_links_every_page_and_scores() -> None:
    items = [
        Reviewed(p.source, corpus_text(p.source), p, g)
        for p, g in PAIRS
        if p.source.startswith(("police/", "d0"))
    ]
    html = index_page(items, ROOT / "review", with_gold=True)
    links = re.findall(r'<a href="([^"]+)">', html)
    assert links == [i.source.removesuffix(".txt") + ".html" for i in items]
    assert "scores against gold" in html
    assert self_contained(html)


def test_spans_past_the_text_are_not_drawn_and_said() -> None:
    html = page_of(doc(fact((2, 7)), fact((30, 40)), length=40), None, TEXT)
    assert "2 spans run past the end of the text" in html  # the article's and one fact's
    shown = read_page(html)
    assert (shown.text, shown.facts) == (TEXT, {"p0"})


def test_gold_found_by_the_tail_of_the_file_path(tmp_path) -> None:
    """``render corpus/police/x.txt --gold gold/``: the source is ``x.txt``, its gold is
    ``gold/police/x.json`` (the longest tail of the file's path with a gold file), scored as
    the same source."""
    from pathlib import Path

    from extractor.review.site import gold_for

    (tmp_path / "corpus" / "police").mkdir(parents=True)
    (tmp_path / "gold" / "police").mkdir(parents=True)
    text_file = tmp_path / "corpus" / "police" / "x.txt"
    text_file.write_text("破获案件3起。\n", encoding="utf-8")
    gold = {"source": "police/x.txt", "articles": [], "error": None}
    (tmp_path / "gold" / "police" / "x.json").write_text(
        __import__("json").dumps(gold), encoding="utf-8"
    )
    found, note, problems = gold_for(tmp_path / "gold", "x.txt", text_file)
    assert (found is not None, note, problems) == (True, None, [])
    assert found.source == "x.txt"
    missing, note, _ = gold_for(tmp_path / "gold", "y.txt", Path(tmp_path / "corpus" / "y.txt"))
    assert missing is None and note is not None and "y.json" in note
