"""Part-of-speech look-ups (extractor.numbers.tagging) and the traditional-character table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.lexicons import LexiconError, char_pairs, simplified
from extractor.numbers.tagging import first_tag, tagged

# (traditional, simplified): the same words, so jieba must cut and tag them alike
SAME_WORDS = [
    ("隱瞞收入", "隐瞒收入"),
    ("須於21天內歸還款項", "须于21天内归还款项"),
    ("被判監禁兩年", "被判监禁两年"),
    ("警方拘捕3名男子", "警方拘捕3名男子"),
    ("詐騙案件共1718起", "诈骗案件共1718起"),
]


@pytest.mark.parametrize(("traditional", "simple"), SAME_WORDS)
def test_traditional_text_is_cut_and_tagged_as_its_simplified_form(
    traditional: str, simple: str
) -> None:
    trad, simp = tagged(traditional), tagged(simple)
    assert [len(word) for word, _ in trad] == [len(word) for word, _ in simp]
    assert [tag for _, tag in trad] == [tag for _, tag in simp]


# words and tags as jieba's dictionary (jieba/dict.txt) lists them
TAGS = [
    ("隱瞞收入", "隱瞞", "v"),  # 隐瞒 667 v
    ("歸還款項", "歸還", "v"),  # 归还 584 v
    ("監禁兩年", "監禁", "vn"),  # 监禁 444 vn
    ("於今年", "於", "p"),  # 于 106176 p
]


@pytest.mark.parametrize(("text", "word", "tag"), TAGS)
def test_first_word_and_tag_come_from_the_dictionary(text: str, word: str, tag: str) -> None:
    assert tagged(text)[0] == (word, tag)
    assert first_tag(text) == tag


def test_empty_text_has_no_words() -> None:
    assert tagged("") == ()
    assert first_tag("") == ""


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("隱瞞收入归还兩年天內的了 \t\n0123456789,。abcXYZ%"), max_size=30
    )
)
def test_words_are_slices_of_the_text_itself(text: str) -> None:
    assert "".join(word for word, _ in tagged(text)) == text


def test_the_table_maps_one_character_to_another() -> None:
    table = simplified()
    assert len(table) > 4000
    assert all(key != value for key, value in table.items())
    assert "隱瞞歸還兩個萬億".translate(table) == "隐瞒归还两个万亿"
    assert "电信网络诈骗".translate(table) == "电信网络诈骗"  # simplified text is unchanged


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("個\t个\n萬万\n", "traditional.txt:2: expected two single characters and a tab"),
        ("個\t个个\n", "traditional.txt:1: expected two single characters and a tab"),
        ("# a comment\n個\t个\n個\t个\n", "traditional.txt:3: '個' is listed twice"),
    ],
)
def test_a_broken_table_line_is_named(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        char_pairs(text, "traditional.txt")
