"""spaCy integration: load(), the registered factory, Doc extensions and span groups."""

from __future__ import annotations

import subprocess
import sys

from conftest import read_corpus

from extractor import extract_text
from extractor.models import Document


def test_load_gives_a_chinese_pipeline(nlp) -> None:
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["extractor_layout", "extractor_facts", "extractor_cases"]


def test_doc_extensions_and_span_groups(nlp) -> None:
    text = read_corpus("002_da3bf681ae66fdcd.txt")
    doc = nlp(text)
    assert doc.text == text
    assert [a.title for a in doc._.articles] == [
        "为群众追赃挽损两千余万元",
        "发布反诈典型案例 增强全民反诈意识",
        "受伤瘫痪农民工收到司法救助金",
    ]
    assert [s.text for s in doc.spans["titles"]] == [a.title for a in doc._.articles]
    assert len(doc.spans["articles"]) == 3
    assert "维\n\n权困难" in doc.text and "维权困难" in doc._.repaired
    sentences = [s.text for s in doc.spans["sentences"]]
    assert any("维\n\n权困难" in s for s in sentences)
    for group in ("headings", "paragraphs", "datelines"):
        assert len(doc.spans[group]) > 0


def test_factory_is_found_through_the_entry_point() -> None:
    """Someone else's pipeline: spaCy finds the factory without importing extractor."""
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('extractor_layout')\n"
        "doc = nlp('标题\\n\\n本报讯 正文。')\n"
        "print(doc._.articles[0].title)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "标题"


def test_extract_text_gives_a_valid_document() -> None:
    document = extract_text("标题\n\n本报讯 正文。", source="x.txt", segments=True)
    assert isinstance(document, Document)
    again = Document.model_validate_json(document.to_json())
    assert again == document
    assert document.articles[0].sentences == [(8, 11)]


def test_empty_text_gives_no_articles() -> None:
    assert extract_text("", source="empty.txt").articles == []


def test_the_pipeline_keeps_its_input_text_and_falls_back_to_doc_text() -> None:
    import spacy

    from extractor import load
    from extractor.pipeline.components import TEXT_KEY, doc_text

    text = "标题\n\n本报讯 共抓获3人。\r\n　全角空格"
    doc = load()(text)
    assert doc.user_data[TEXT_KEY] == text == doc.text
    assert [token.text for token in doc] == list(text)  # one token per character
    assert doc_text(doc) == text
    plain = spacy.blank("zh")(text)  # another pipeline's Doc: no kept text
    assert TEXT_KEY not in plain.user_data and doc_text(plain) == plain.text == text
