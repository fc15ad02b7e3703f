"""OCR repair: column breaks removed, paragraph structure kept, offsets mapped both ways."""

from __future__ import annotations

import itertools

import pytest
from conftest import read_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.repair import OffsetMap, is_column_break, repair, surface

# fmt: off
REPAIR_CASES = [
    # (id, original, repaired)
    ("word-split",      "该院考虑到刘某诉讼能力欠缺,在为刘某提供法律帮助、指导协助收集、固定证据的同时,维\n\n权困难,便积极协调",
                        "该院考虑到刘某诉讼能力欠缺,在为刘某提供法律帮助、指导协助收集、固定证据的同时,维权困难,便积极协调"),
    ("short-line-kept", "维\n\n权困难,便积极协调",          "维\n\n权困难,便积极协调"),
    ("number-split",    "扣押手机27部,银行卡91\n\n张。",      "扣押手机27部,银行卡91张。"),
    ("unit-then-smaller", "扣押现金100元\n\n5角。",            "扣押现金100元5角。"),
    ("unit-ends-number", "全市演出票房突破17亿元\n\n年轻观众渐成消费主力",
                        "全市演出票房突破17亿元\n\n年轻观众渐成消费主力"),
    ("de-clause",       "对于被骗10万元以上的\n\n电信网络诈骗案件,市局一律将其列为督办。",
                        "对于被骗10万元以上的电信网络诈骗案件,市局一律将其列为督办。"),
    ("heading-kept",    "被骗10万元以上,公安局长分包案件督办\n\n据介绍,为强化打击。",
                        "被骗10万元以上,公安局长分包案件督办\n\n据介绍,为强化打击。"),
    ("sentence-end",    "带破全国案件20起。\n\n曹县公安局侦破刘某被诈骗案。",
                        "带破全国案件20起。\n\n曹县公安局侦破刘某被诈骗案。"),
    ("comma-end",       "这次我就放你一马，\n\n把你的事都抖露出去你就废了。",
                        "这次我就放你一马，把你的事都抖露出去你就废了。"),
    ("open-sentence",   "当然王某也没跑了，\n\n他这个小舅子\n\n本来就是给姐夫洗钱的。",
                        "当然王某也没跑了，他这个小舅子本来就是给姐夫洗钱的。"),
    ("list-item",       "2、凡是贷款、代办信用卡提高额度要求先汇款的一律\n\n都是诈骗;\n\n3、凡是自称公检法的一律都是诈骗;",
                        "2、凡是贷款、代办信用卡提高额度要求先汇款的一律都是诈骗;\n\n3、凡是自称公检法的一律都是诈骗;"),
    ("next-list-kept",  "公安部门现场发布十个“凡是”来提醒广大群众:\n\n1、凡是网上兼职刷单的一律都是诈骗;",
                        "公安部门现场发布十个“凡是”来提醒广大群众:\n\n1、凡是网上兼职刷单的一律都是诈骗;"),
    ("byline-kept",     "全市破获电信网络诈骗案件1718起\n\n□牡丹晚报全媒体记者 武 露\n\n权威发布",
                        "全市破获电信网络诈骗案件1718起\n\n□牡丹晚报全媒体记者 武 露\n\n权威发布"),
    ("marker-kept",     "# 为群众追赃挽损两千余万元\n\n本报讯(记者 杨沫)6月10日,举行发布会。",
                        "# 为群众追赃挽损两千余万元\n\n本报讯(记者 杨沫)6月10日,举行发布会。"),
    ("kicker-kept",     "一人参保,全家共用\n\n菏泽医保个人账户实现家庭共济\n\n本报讯 正文。",
                        "一人参保,全家共用\n\n菏泽医保个人账户实现家庭共济\n\n本报讯 正文。"),
    ("long-line",       "刘某父母无劳动能力且患有慢性疾病,作为家庭主要劳动力的刘某受伤致下半身瘫痪,一方面高额医疗\n\n费让本不富裕的家庭雪上加霜。",
                        "刘某父母无劳动能力且患有慢性疾病,作为家庭主要劳动力的刘某受伤致下半身瘫痪,一方面高额医疗费让本不富裕的家庭雪上加霜。"),
    ("indent-kept",     "\u3000\u3000" + "很长的一段话没有句号" * 5 + "\n\u3000\u3000潇潇的噩梦从此开始。",
                        "\u3000\u3000" + "很长的一段话没有句号" * 5 + "\n\u3000\u3000潇潇的噩梦从此开始。"),
    ("spaces-touching", "银行卡91  \n\n \u3000张。",            "银行卡91张。"),
    ("single-newline",  "付部分本人账户余额不足时,可以直接调用共济账户支付,在定点医疗机构和定点零售药店就医购\n药结算。",
                        "付部分本人账户余额不足时,可以直接调用共济账户支付,在定点医疗机构和定点零售药店就医购药结算。"),
    ("number-short",    "收缴赃款1500余\n\n万元,劝阻",       "收缴赃款1500余万元,劝阻"),
    ("no-breaks",       "今年 2 月,广州警方打掉一个团伙。",   "今年 2 月,广州警方打掉一个团伙。"),
    ("empty",           "",                                  ""),
]
# fmt: on


@pytest.mark.parametrize(
    ("original", "repaired"), [c[1:] for c in REPAIR_CASES], ids=[c[0] for c in REPAIR_CASES]
)
def test_repair(original: str, repaired: str) -> None:
    assert repair(original).text == repaired


def test_span_across_a_break_maps_to_the_original() -> None:
    original = "收缴赃款1500余\n\n万元,劝阻"
    rep = repair(original)
    start = rep.text.index("1500余万元")
    span = rep.map.span_to_original(start, start + len("1500余万元"))
    assert original[span[0] : span[1]] == "1500余\n\n万元"
    assert surface(original[span[0] : span[1]]) == "1500余万元"


@pytest.mark.parametrize(
    ("page", "before", "after"),
    [
        ("000_cf4c8eff55ad11d1.txt", "对于被骗10万元以上的", "电信网络诈骗案件,市局一律"),
        ("000_cf4c8eff55ad11d1.txt", "扣押手机27部,银行卡91", "张。该案涉案资金"),
        ("002_da3bf681ae66fdcd.txt", "诉讼能力欠缺,维", "权困难,便积极协调"),
        ("002_da3bf681ae66fdcd.txt", "增强了群众参", "与防范电信网络诈骗"),
    ],
)
def test_seed_page_column_breaks_are_joined(page: str, before: str, after: str) -> None:
    assert before + after in repair(read_corpus(page)).text


@pytest.mark.parametrize(
    ("page", "heading", "next_line"),
    [
        ("000_cf4c8eff55ad11d1.txt", "被骗10万元以上,公安局长分包案件督办", "据介绍,为强化打击"),
        (
            "000_cf4c8eff55ad11d1.txt",
            "破获电信网络诈骗案件1718起,冻结涉案资金6.6亿余元",
            "据市公安局党委委员",
        ),
        ("000_cf4c8eff55ad11d1.txt", "如何预防电信网络诈骗?要牢记“十个凡是”", "据市公安局刑警支队"),
        ("002_da3bf681ae66fdcd.txt", "支持起诉+司法救助+法律帮扶", "## 受伤瘫痪农民工"),
    ],
)
def test_seed_page_headings_stay_on_their_own_line(page: str, heading: str, next_line: str) -> None:
    assert f"\n{heading}\n\n{next_line}" in repair(read_corpus(page)).text


def test_is_column_break_never_joins_into_a_heading() -> None:
    assert not is_column_break("一段没有结束的话,", "## 小标题")
    assert not is_column_break("## 小标题", "正文继续")


# --- properties -------------------------------------------------------------------------

FRAGMENTS = [
    "维",
    "权",
    "困难",
    "。",
    "，",
    ",",
    "的",
    "1",
    "27",
    "91",
    "张",
    "万元",
    "\n",
    "\n\n",
    "\n\n\n",
    " ",
    "\u3000",
    "# ",
    "## 标题",
    "、",
    "□记者 武 露",
    "本报讯",
    "1、",
    "”",
    "“",
    "……",
    "被骗10万元以上,公安局长分包案件督办",
    "据介绍",
    "电信网络诈骗案件" * 4,
    ";",
    "\t",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_map_lands_on_the_same_characters(original: str) -> None:
    rep = repair(original)
    m = rep.map
    assert m.repaired_length == len(rep.text)
    for i, ch in enumerate(rep.text):
        assert original[m.to_original(i)] == ch
        assert m.to_repaired(m.to_original(i)) == i


@settings(max_examples=300, deadline=None)
@given(texts)
def test_map_is_monotonic(original: str) -> None:
    m = repair(original).map
    forward = [m.to_original(i) for i in range(m.repaired_length + 1)]
    assert forward == sorted(set(forward))
    backward = [m.to_repaired(j) for j in range(len(original) + 1)]
    assert all(a <= b <= a + 1 for a, b in itertools.pairwise(backward))
    assert backward[0] == 0 and backward[-1] == m.repaired_length


@settings(max_examples=300, deadline=None)
@given(texts)
def test_only_line_breaks_and_touching_whitespace_are_removed(original: str) -> None:
    rep = repair(original)
    assert surface(rep.text) == surface(original)


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_spans_round_trip(original: str, data: st.DataObject) -> None:
    rep = repair(original)
    n = len(rep.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = rep.map.span_to_original(start, end)
    assert 0 <= o_start <= o_end <= len(original)
    assert surface(original[o_start:o_end]) == surface(rep.text[start:end])
    assert rep.map.span_to_repaired(o_start, o_end) == (start, end)


@given(st.integers(0, 50), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5)), max_size=6))
def test_from_gaps_rejects_nothing_valid(length: int, raw: list[tuple[int, int]]) -> None:
    gaps, pos = [], 0
    for start, width in sorted(raw):
        start = max(start, pos)
        end = min(start + width, length)
        if start >= length:
            break
        gaps.append((start, end))
        pos = end
    m = OffsetMap.from_gaps(length, gaps)
    assert m.repaired_length == length - sum(e - s for s, e in gaps)


def test_from_gaps_rejects_overlapping_gaps() -> None:
    with pytest.raises(ValueError, match="sorted and disjoint"):
        OffsetMap.from_gaps(10, [(2, 5), (4, 6)])
