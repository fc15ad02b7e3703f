"""Segmentation: articles and titles (SPEC §2), headings, paragraphs, sentences, datelines."""

from __future__ import annotations

import pytest
from conftest import CORPUS, read_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.repair import surface
from extractor.segment import _dateline_date, segment, split_sentences

# SPEC §2 lists these articles and titles for the seed pages.
SEED_TITLES = {
    "000_cf4c8eff55ad11d1.txt": ["全市破获电信网络诈骗案件1718起", "菏泽医保个人账户实现家庭共济"],
    "002_da3bf681ae66fdcd.txt": [
        "为群众追赃挽损两千余万元",
        "发布反诈典型案例 增强全民反诈意识",
        "受伤瘫痪农民工收到司法救助金",
    ],
}

# Titles of the single-article dev files, read off each file by hand.
# fmt: off
DEV_TITLES = {
    "d01.txt": "最高检:过去五年检察机关发放司法救助金4.3亿元",
    "d02.txt": "2017年至2021年,全国法院一审审结电信网络诈骗犯罪案件10.3万件",
    "d03.txt": "2022至2023年 我省检察机关共发放国家司法救助金2582万余元",
    "d04.txt": "40分钟,他拦下了“飞向”骗子的1.96万元!",
    "d05.txt": "凌云破获一起电信诈骗案",
    "d06.txt": None,
    "d07.txt": "暴富诱惑下电诈及网赌案现高学历犯罪，缅北占境外案件的 68.5%",
    "d08.txt": "一句气话牵出涉 5700 万电信诈骗案！还牵扯了 5 个学生……",
    "d09.txt": "00后男子假扮医生与6名女子恋爱，半年骗20万元被刑拘",
    "d10.txt": "1-2月广东经济数据出炉：工业、投资、消费同比增长均超三成",
    "d11.txt": "【警司呃房貸】官指被告已獲「相當優待」借錢買樓又住宿舍\u3000獲利百萬犯案明顯因貪心\u3000斥執法者知法犯法囚1年半",
    "d12.txt": "雙層九巴大埔公路翻側\u300018人死62人受傷司機被捕",
}
# fmt: on


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_seed_pages_articles_and_titles(name: str) -> None:
    page = segment(read_corpus(name))
    assert [a.title for a in page.articles] == SEED_TITLES[name]


@pytest.mark.parametrize("name", sorted(DEV_TITLES))
def test_single_article_files(name: str) -> None:
    text = read_corpus(name)
    page = segment(text)
    assert [a.title for a in page.articles] == [DEV_TITLES[name]]
    first_line = next(i for i, ch in enumerate(text) if not ch.isspace())
    assert page.articles[0].span[0] == first_line


def test_seed_article_blocks() -> None:
    text = read_corpus("000_cf4c8eff55ad11d1.txt")
    first, second = segment(text).articles
    assert [surface(text[s:e]) for s, e in first.headline] == [
        "全市破获电信网络诈骗案件1718起",
        "收缴赃款1500余万元,劝阻疑似被骗群众9.3万余人,避免群众损失近6亿元",
    ]
    assert first.dateline is not None and first.dateline.text == "□牡丹晚报全媒体记者 武 露"
    assert [surface(text[s:e]) for s, e in second.headline] == [
        "一人参保,全家共用",
        "菏泽医保个人账户实现家庭共济",
    ]
    assert text[second.span[0] : second.span[0] + 9] == "一人参保,全家共用"
    assert first.span[1] <= second.span[0]


def test_seed_headings() -> None:
    text = read_corpus("002_da3bf681ae66fdcd.txt")
    articles = segment(text).articles
    assert [(h.text, h.level) for h in articles[1].headings] == [
        ("影响个人征信作饵", 3),
        ("冒充购物客服诈骗", 3),
        ("冒充公检法人员诈骗", 3),
        ("浑水摸鱼催贷诈骗", 3),
        ("设置裸聊陷阱敲诈", 3),
    ]
    assert [h.text for h in articles[0].headings] == [
        "综合治理——构建全社会反诈“新格局”",
        "精准防范——筑牢全民反诈“护城墙”",
        "重拳出击——打响全警动员“集群战”",
    ]
    # a column-broken sentence is not a heading
    assert all("群众参" not in h.text for h in articles[0].headings)


def test_unmarked_headings_of_000() -> None:
    text = read_corpus("000_cf4c8eff55ad11d1.txt")
    headings = [h.text for h in segment(text).articles[0].headings]
    assert "被骗10万元以上,公安局长分包案件督办" in headings
    assert "如何预防电信网络诈骗?要牢记“十个凡是”" in headings
    assert "对于被骗10万元以上的" not in headings


@pytest.mark.parametrize(
    ("name", "dateline", "date"),
    [
        ("d01.txt", "澎湃新闻记者 庄岸2018-09-20 09:31来源:澎湃新闻", "2018-09-20"),
        ("d02.txt", "北京青年报客户端 2022-09-06 12:57", "2022-09-06"),
        ("d03.txt", "每日甘肃网1月5日讯(奔流新闻·兰州晨报记者 张秀芸)", "XXXX-01-05"),
        ("d04.txt", "2022-08-31 15:07  来源:昭通新闻网", "2022-08-31"),
        ("d05.txt", "广西新闻网-广西日报凌云讯", None),
        ("d06.txt", "据新华社电", None),
        ("d07.txt", None, None),
        ("002_da3bf681ae66fdcd.txt", "本报讯(记者 杨沫 通讯员 杨宇雨)", None),
    ],
)
def test_datelines(name: str, dateline: str | None, date: str | None) -> None:
    article = segment(read_corpus(name)).articles[0]
    if dateline is None:
        assert article.dateline is None
    else:
        assert article.dateline is not None
        assert (article.dateline.text, article.dateline.date) == (dateline, date)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2018-09-20 09:31", "2018-09-20"),
        ("2022年9月6日 来源:新华网", "2022-09-06"),
        ("每日甘肃网1月5日讯", "XXXX-01-05"),
        ("新华社北京13月45日电", None),
        ("□牡丹晚报全媒体记者 武 露", None),
    ],
)
def test_dateline_date(text: str, date: str | None) -> None:
    assert _dateline_date(text) == date


# fmt: off
SENTENCE_CASES = [
    ("他说:“好。”然后走了。",            ["他说:“好。”", "然后走了。"]),
    ("社区里……一场场活动",                ["社区里……", "一场场活动"]),
    ("冻结资金6.6亿余元;扣押手机27部。",     ["冻结资金6.6亿余元;", "扣押手机27部。"]),
    ("为何?于是致电96110咨询!",            ["为何?", "于是致电96110咨询!"]),
    ("比分是3;2,结束",                    ["比分是3;2,结束"]),
    ("增长6.6%。下降3.3%",               ["增长6.6%。", "下降3.3%"]),
    ("真的吗?!好",                        ["真的吗?!", "好"]),
    ("没有句号",                           ["没有句号"]),
    ("",                                  []),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "sentences"), SENTENCE_CASES, ids=[c[0] or "empty" for c in SENTENCE_CASES]
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == sentences


def test_sentence_across_a_column_break_is_whole() -> None:
    text = read_corpus("000_cf4c8eff55ad11d1.txt")
    sentences = [surface(text[s:e]) for a in segment(text).articles for s, e in a.sentences]
    assert "扣押手机27部,银行卡91张。" in "".join(sentences)
    assert any(s.startswith("对于被骗10万元以上的电信网络诈骗案件") for s in sentences)


def _check_layout(text: str) -> None:
    page = segment(text)
    previous_end = 0
    for article in page.articles:
        start, end = article.span
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
        inner = [
            *article.headline,
            *article.paragraphs,
            *article.sentences,
            *(h.span for h in article.headings),
        ]
        if article.title_span:
            inner.append(article.title_span)
            assert surface(text[slice(*article.title_span)]) == article.title
        for s, e in inner:
            assert start <= s < e <= end
        for (_s1, e1), (s2, _) in zip(article.sentences, article.sentences[1:], strict=False):
            assert e1 <= s2


@pytest.mark.parametrize(
    "path", sorted(CORPUS.rglob("*.txt")), ids=lambda p: p.relative_to(CORPUS).as_posix()
)
def test_corpus_spans_are_inside_their_articles(path) -> None:
    _check_layout(read_corpus(path.relative_to(CORPUS).as_posix()))


PAGE_FRAGMENTS = [
    "全市破获电信网络诈骗案件1718起",
    "\n\n",
    "\n",
    "□牡丹晚报全媒体记者 武 露",
    "本报讯(记者 杨沫)",
    "6月10日,市政府新闻办举行新闻发布会。",
    "# 标题",
    "### 小标题",
    "1、凡是网上兼职刷单的一律都是诈骗;",
    "对于被骗10万元以上的",
    "电信网络诈骗案件",
    "银行卡91",
    "张。",
    " ",
    "\u3000",
    "……",
    "”",
    "据新华社电 ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PAGE_FRAGMENTS), max_size=30).map("".join))
def test_layout_invariants_hold_on_any_page(text: str) -> None:
    _check_layout(text)


def test_empty_page_has_no_articles() -> None:
    assert segment("").articles == ()
    assert segment("\n\n  \n").articles == ()


def test_no_break_space_pads_no_article_or_heading() -> None:
    """A no-break space (U+00A0) pads a line as a space does: no article span ends on one
    and no heading keeps it (pl122, pl08)."""
    text = (
        "点点滴滴民生情\xa0\n\n\xa0\xa0\u3000未来5年新疆规划投资1300余亿元兴水利\n\n喝上干净水。\n"
    )
    article = segment(text).articles[0]
    start, end = article.span
    assert not text[start].isspace() and not text[end - 1].isspace()
    assert all(not h.text[0].isspace() for h in article.headings)


def test_time_and_publisher_line_is_no_title() -> None:
    """A time and its publisher on a line of their own are a byline, never the headline
    (SPEC §2; gold, ec116)."""
    text = (
        "2022年医疗保障事业发展统计公报发布\n\n全国基本医疗保险参保率稳定在95%以上\n\n"
        "2023-07-18 18:22:01    人民日报海外版\n\n"
        "本报北京电 (王萌)日前,国家医疗保障局发布统计公报。全国基本医疗保险参保人数134592万人。\n"
    )
    assert [a.title for a in segment(text).articles] == ["2022年医疗保障事业发展统计公报发布"]


def test_bare_label_value_line_starts_no_article() -> None:
    """``来源:`` on its own line, its value on the next: one article, not a second one headed
    by the value (SPEC §2: label lines are never titles)."""
    page = (
        "江西破获特大走私案\n来源:\n人民网\n2012年03月02日08:15\n"
        "人民网南昌3月1日电(记者张华)近日,警方破获一起走私案,抓获犯罪嫌疑人9名。\n"
    )
    articles = segment(page).articles
    assert [a.title for a in articles] == ["江西破获特大走私案"]
    first = articles[0].sentences[0]
    assert page[first[0] : first[1]].startswith("近日,警方破获")


@pytest.mark.parametrize(
    ("lines", "headings"),
    [
        # one clause to a line (a WeChat repost): body text, every line a sentence of its own
        (["2021 年 11 月", "官渡区高先生", "接到一个微信好友申请", "对方自称武警某部军人"], []),
        # three short lines between paragraphs stay headings (fewer than layout.verse_run)
        (["案发经过", "警方提醒", "温馨提示"], ["案发经过", "警方提醒", "温馨提示"]),
    ],
)
def test_short_lines_in_a_run_are_body_text(lines: list[str], headings: list[str]) -> None:
    page = (
        "# 冒充军人订餐诈骗来袭\n\n"
        + "\n\n".join(["近日,官渡警方接到多起报警。", *lines, "目前,案件正在进一步侦办中。"])
        + "\n"
    )
    article = segment(page).articles[0]
    assert [h.text for h in article.headings] == headings
    sentences = [page[s:e] for s, e in article.sentences]
    assert all(line in sentences for line in lines if line not in headings)
