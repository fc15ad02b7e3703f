"""Part-of-speech look-ups (extractor.numbers.tagging) and the traditional-character table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.lexicons import LexiconError, char_pairs, simplified
from extractor.numbers.tagging import first_tag, jieba_cut, tagged

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


# the cut in tagging.py is jieba's own dictionary cut, computed in one loop: it must give
# jieba's words and tags on any text (news characters, Latin runs, digits, blanks, marks)
_NEWS_CHARS = (
    "诈骗案件共起人元万亿同比增长下降百分点年月日时分秒公司收入利润警方抓获嫌疑人涉案金额"
    "被判处有期徒刑罚金的了和在是有为不一二三四五六七八九十两半多余约近超过"
    "0123456789.,，。、；：%abcXYZ+#&_ \t\n\u3000（）“”"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_NEWS_CHARS), max_size=40))
def test_the_cut_is_jiebas_own_dictionary_cut(text: str) -> None:
    import jieba.posseg

    expected = [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text, HMM=False)]
    assert jieba_cut(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "警方抓获犯罪嫌疑人12名",
        "GDP同比增长5.2%",
        "A股 3000点",
        "2024年1月",
        "中华人民共和国刑法",
    ],
)
def test_the_cut_of_news_phrases_is_jiebas(text: str) -> None:
    import jieba.posseg

    assert jieba_cut(text) == [(p.word, p.flag) for p in jieba.posseg.lcut(text, HMM=False)]
