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


def _facts(doc) -> list[tuple]:
    return [
        (f.kind, f.text, f.span, f.value, f.subject, f.resolved) for fs in doc._.facts for f in fs
    ]


def test_to_disk_then_spacy_load_gives_the_same_output(nlp, tmp_path) -> None:
    import spacy

    from extractor.records import to_document

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == "extractor.CharTokenizer.v1"
    assert (tmp_path / "pipeline" / "extractor_facts" / "units.toml").is_file()
    for name in ("000_cf4c8eff55ad11d1.txt", "d11.txt", "economy/ec05.txt"):
        text = read_corpus(name)
        assert to_document(loaded(text), name) == to_document(nlp(text), name), name


def test_the_facts_are_the_record_models_with_resolved_years(nlp) -> None:
    from datetime import date

    from extractor import load
    from extractor.models import Fact

    text = "12月18日上午,市政府召开发布会。"  # no dateline: the year comes from ref_date only
    plain = nlp(text)
    assert all(isinstance(f, Fact) for fs in plain._.facts for f in fs)
    assert _facts(plain)[0][-1] is None
    configured = load(ref_date=date(2021, 3, 1))
    assert configured.get_pipe("extractor_facts").ref_date == date(2021, 3, 1)
    assert _facts(configured(text))[0][-1] == "2020-12-18TMO"  # a month after March: 2020
    override = {"extractor_facts": {"ref_date": date(2023, 12, 31)}}
    assert _facts(nlp(text, component_cfg=override))[0][-1] == "2023-12-18TMO"


def test_spans_carry_their_record_and_its_fields(nlp) -> None:
    doc = nlp("收缴赃款1500余万元,抓获犯罪嫌疑人9名。")
    money, count = doc.spans["facts"]
    assert (money.label_, money._.record.kind, str(money._.value), money._.unit) == (
        "MONEY",
        "money",
        "15000000",
        "CNY",
    )
    assert (money._.qualifier, money._.subject, count._.unit) == ("over", "赃款", "名")
    assert count._.agency is None  # a case field: None on a fact


def test_each_pipeline_owns_its_lexicons(tmp_path) -> None:
    import shutil
    from importlib import resources

    from extractor import load

    folder = tmp_path / "data"
    shutil.copytree(str(resources.files("extractor.data")), folder)
    units = folder / "units.toml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "classifiers = [\n", 'classifiers = [\n    "樽",\n'
        ),
        encoding="utf-8",
    )
    own, package = load(lexicons=folder), load()
    text = "订购红酒30樽。"
    assert [f[1] for f in _facts(own(text))] == ["30樽"]
    assert _facts(package(text)) == []  # the other pipeline, same process: its own data
    assert [f[1] for f in _facts(own(text))] == ["30樽"]


def test_a_saved_pipeline_loads_in_a_fresh_interpreter(nlp, tmp_path) -> None:
    """spacy.load finds the tokenizer and the factories through their entry points."""
    nlp.to_disk(tmp_path / "pipeline")
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('收缴赃款1500余万元')\n"
        "print([(s.text, str(s._.value)) for s in doc.spans['facts']])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('1500余万元', '15000000')]"
