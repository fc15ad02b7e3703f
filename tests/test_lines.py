"""Line classification table (what one line of a page is)."""

from __future__ import annotations

import pytest

from extractor.lines import LineKind, classify, ends_paragraph

# fmt: off
CASES = [
    # headings with markers
    ("# 为群众追赃挽损两千余万元",                       LineKind.HEADING),
    ("### 影响个人征信作饵",                            LineKind.HEADING),
    # bylines and credits
    ("□牡丹晚报全媒体记者 武 露",                        LineKind.BYLINE),
    ("澎湃新闻记者 庄岸",                               LineKind.BYLINE),
    ("\u3000\u3000澎湃新闻记者 巩汉语",                 LineKind.BYLINE),
    ("2018-09-20 09:31",                              LineKind.BYLINE),
    ("北京青年报客户端 2022-09-06 12:57",                LineKind.BYLINE),
    (" 2022-08-31 15:07  来源:昭通新闻网",              LineKind.BYLINE),
    ("2022年03月02日 23:13  |  来源:中新网",            LineKind.BYLINE),
    ("2022-04-27 16:21:24来源:资本邦",                  LineKind.BYLINE),
    ("时间:2012-07-22 23:52 来源:人民网 作者:记者余荣华", LineKind.BYLINE),
    ("来源:澎湃新闻",                                  LineKind.BYLINE),
    ("文/北京青年报记者 孟亚旭",                          LineKind.BYLINE),
    ("    责任编辑:卫佳铭",                             LineKind.BYLINE),
    ("通讯员:龙喜学",                                  LineKind.BYLINE),
    ("(肖运博 舒镜霖)",                                LineKind.BYLINE),
    # label lines (SPEC §2): never a headline
    ("稿件来源:南都晨报*南阳网",                         LineKind.BYLINE),
    ("原标题 [长三角经济持续趋暖16城市GDP均增9.8%]",        LineKind.BYLINE),
    ("发布时间：2011-09-02 发布人：-",                   LineKind.BYLINE),
    ("通讯员 王辉",                                   LineKind.BYLINE),
    ("2023-09-16 10:11:19 钱奕男 责编:陈晰",            LineKind.BYLINE),
    # a publication time and its publisher after blanks (never a headline)
    ("2023-07-18 18:22:01    人民日报海外版",            LineKind.BYLINE),
    # publication times written with 年月日, a site's address with its time
    ("2009年12月09日19:40",                            LineKind.BYLINE),
    ("http://www.example.com.cn   2011-05-03 09:12:41", LineKind.BYLINE),
    ("http://news.example.com.cn 2007年03月22日10:04 中国广播网", LineKind.BYLINE),
    ("http://www.example.com 2009年11月04日 14:34 某某晚报", LineKind.BYLINE),
    ("www.example.com 是一家网站,2010-09-03上线。",       LineKind.BODY),
    # datelines opening a paragraph
    ("本报讯(记者 杨沫 通讯员 杨宇雨)6月10日,市政府新闻办举行新闻发布会。", LineKind.DATELINE),
    ("据新华社电 据海关总署14日发布的最新统计,今年2月我国外贸出口增势趋缓。", LineKind.DATELINE),
    ("广西新闻网-广西日报凌云讯 凌云县对“民族资产解冻”电信诈骗犯罪始终保持高压态势。", LineKind.DATELINE),
    ("本报北京4月16日电 第五届北京国际电影节16日开幕。",        LineKind.DATELINE),
    # a wire's dateline: agency, place and day before 电, a byline in brackets, a slash
    ("新华网昆明5月9日电(记者李明)近日,警方破获一起贩毒案。",     LineKind.DATELINE),
    ("中新社福州三月十八日电 (王芳)福建连江发生一起海难。",       LineKind.DATELINE),
    ("中評社北京9月3日電/新華社報道,山體滑坡已致15死。",          LineKind.DATELINE),
    ("(中央社記者王明新北26日電)新北市三重區24日發生擄人事件。",   LineKind.DATELINE),
    # list items
    ("1、凡是网上兼职刷单的一律都是诈骗;",                  LineKind.LIST),
    ("10、凡是陌生网站(链接)要登记个人信息和银行卡信息的一律都是诈骗。", LineKind.LIST),
    ("(1)开展宣传", LineKind.LIST),
    ("①开展宣传", LineKind.LIST),
    # short lines: headlines and unmarked headings
    ("全市破获电信网络诈骗案件1718起",                    LineKind.SHORT),
    ("被骗10万元以上,公安局长分包案件督办",                  LineKind.SHORT),
    ("如何预防电信网络诈骗?要牢记“十个凡是”",                LineKind.SHORT),
    ("对于被骗10万元以上的",                             LineKind.SHORT),
    # body
    ("张。该案涉案资金高达500余万元,带破全国案件20起。",        LineKind.BODY),
    ("社区里、广场上、校园间……一场场因地制宜、形式多样的宣讲活动,增强了群众参", LineKind.BODY),
    ("正是这通电话避免了她的损失。",                         LineKind.BODY),
    ("1.5亿元的资金,在" + "很长的句子" * 10,                LineKind.BODY),
]
# fmt: on


@pytest.mark.parametrize(("line", "kind"), CASES, ids=[c[0][:16] for c in CASES])
def test_classify(line: str, kind: LineKind) -> None:
    assert classify(line).kind is kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("都是诈骗;", True),
        ("“…最后一道防线。”", True),
        ("还牵扯了 5 个学生……", True),
        ("要牢记“十个凡是”", False),
        ("骗子的1.96万元!", True),
        ("来提醒广大群众:", True),
        ("银行卡91", False),
    ],
)
def test_ends_paragraph(line: str, expected: bool) -> None:
    assert ends_paragraph(line) is expected


def test_headline_ending_with_exclamation_may_be_a_headline() -> None:
    info = classify("40分钟,他拦下了“飞向”骗子的1.96万元!")
    assert info.kind is LineKind.BODY and info.headline_ok
