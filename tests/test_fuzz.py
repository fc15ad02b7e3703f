"""Property-based fuzzing (issue 16): the API over arbitrary Unicode, mutated corpus articles and
generated number expressions; gold check and evaluate's readers over mutated gold files; and
the inputs fuzzing has found, kept as rows.

The properties run under the ``fuzz-ci`` profile (tests/fuzzing.py: 40 examples each, the same
every run, a few seconds in all); ``EXTRACTOR_FUZZ_PROFILE=fuzz-long`` runs them long, as
``benchmarks/fuzz.py`` does with figures.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from conftest import CORPUS
from fuzzing import STRATEGIES, mutated_gold, record_problems
from hypothesis import given, settings

import extractor
from extractor.evaluation.loading import load_predictions
from extractor.gold.check import check_gold

PROFILE = settings.get_profile(os.environ.get("EXTRACTOR_FUZZ_PROFILE", "fuzz-ci"))


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    """Load the shared pipeline (and jieba) before the first example, outside its deadline."""
    extractor.extract_text("收缴赃款1500余万元。")


def _holds(text: str) -> None:
    document = extractor.extract_text(text, source="fuzz.txt")
    assert record_problems(text, document) == []


@settings(PROFILE)
@given(STRATEGIES["unicode"])
def test_any_unicode_text(text: str) -> None:
    _holds(text)


@settings(PROFILE)
@given(STRATEGIES["numbers"])
def test_generated_number_expressions(text: str) -> None:
    _holds(text)


@settings(PROFILE)
@given(STRATEGIES["articles"])
def test_mutated_corpus_articles(text: str) -> None:
    _holds(text)


def _one_line_each(lines: list[str], name: str) -> None:
    for line in lines:
        assert "\n" not in line and line.startswith(name), line


@settings(PROFILE)
@given(mutated_gold())
def test_gold_check_reads_any_mutated_gold_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        gold, corpus = Path(folder, "gold"), Path(folder, "corpus")
        gold.mkdir()
        corpus.mkdir()
        (gold / "d05.json").write_text(text, encoding="utf-8")
        (corpus / "d05.txt").write_bytes((CORPUS / "d05.txt").read_bytes())
        problems, _ = check_gold(gold, corpus)
        _one_line_each([str(p) for p in problems], "d05.json:")


@settings(PROFILE)
@given(mutated_gold())
def test_evaluate_reads_any_mutated_prediction_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "pred.jsonl")
        path.write_text(text.replace("\n", " "), encoding="utf-8")
        loaded = load_predictions(path)
        if isinstance(loaded, str):
            _one_line_each([loaded], str(path))


# Inputs that broke an invariant, found by fuzzing or by the issue; each row must hold.
# fmt: off
ROWS = [
    # found by fuzzing (tests/fuzzing.py), holding now
    pytest.param("", id="empty"),
    pytest.param("\x00\x01\x7f", id="control-characters"),
    pytest.param("\r\n\r\n\u3000\u3000", id="only-breaks-and-spaces"),
    pytest.param("\u202e1500\u202c万元", id="bidi-controls-in-number"),
    pytest.param("1\u0301万元", id="combining-accent-after-digit"),
    pytest.param("１２３４５６７８９０万元", id="fullwidth-digits"),
    pytest.param("约1.5万余元至2万元", id="qualified-range"),
    pytest.param("百分之三十", id="percent-in-words"),
    pytest.param("三分之一亿亿", id="fraction-two-multipliers"),
    pytest.param("1亿亿亿亿亿元", id="five-multipliers-money"),
    pytest.param("1" + "万" * 10, id="ten-wan"),
    pytest.param("💰1500余万元🚓", id="emoji-around-money"),
    pytest.param("\u2028收缴赃款\u20291500万元\x85", id="unicode-line-separators"),
    # the issue's, and fuzzing's, crashers: the value ceiling, the recursion and the decimal
    # context (extractor/numbers/ceiling.py)
    pytest.param("1" + "万" * 1000, id="1-then-1000-wan"),
    pytest.param("三分之一亿亿亿", id="fraction-three-yi"),
    pytest.param("０共一余００一分之１０００００００亿亿", id="fuzz-fraction-over-28-digits"),
    pytest.param("1" + "亿" * 538 + "元", id="1-then-538-yi"),
    pytest.param("1" * 4400 + "元", id="4400-digit-money"),
    # not Unicode text: a lone surrogate cannot be hashed by spaCy nor written as UTF-8 JSON;
    # no file decodes to one (reading is strict); the API reads it as U+FFFD, offsets kept
    pytest.param("\ud800", id="lone-surrogate"),
    pytest.param("损失\udc805万元", id="lone-surrogate-in-text"),
]
# fmt: on


@pytest.mark.parametrize("text", ROWS)
def test_fuzzing_rows(text: str) -> None:
    _holds(text)
