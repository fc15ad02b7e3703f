"""Dates and times in a string → TIMEX3 values (SPEC §4).

``find_dates`` returns every date expression with its span in the string it was given,
in order; ranges and lists give one item per end (``7月6日至8日`` → ``7月6日``, ``8日`` with
``XXXX-07-08``). Patterns are compiled once from ``data/dates.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..affixes import alternation as _alt
from ..affixes import skip_spaces, spaces_before, word_at, word_ending_at
from ..lexicons import dates as date_words
from ..lexicons import numbers, per_lexicons
from .grammar import Found, Scan, rule, run, stage_pass
from .numerals import parse_numeral
from .tagging import tagged

__all__ = ["find_dates", "timex"]

_SP = r"[ \t\u3000]*"
# the end of a clock time's minutes: no digit after, unless the digits open a date of the text
# the portal glued to its timestamp (发布时间 08:113月30日晚 → 08:11)
_GLUED_END = r"(?:(?!\d)|(?=\d{1,4}[年月日号號]))"


@dataclass(frozen=True)
class _Patterns:
    stamp: re.Pattern[str]
    spaced_stamp: re.Pattern[str]
    time_first_stamp: re.Pattern[str]
    day_first_stamp: re.Pattern[str]
    colon_clock: re.Pattern[str]
    dotted: re.Pattern[str]
    month_day_clock: re.Pattern[str]
    week: re.Pattern[str]
    composite: re.Pattern[str]
    year_range: re.Pattern[str]
    month_range: re.Pattern[str]
    day_range: re.Pattern[str]
    half: re.Pattern[str]
    quarter: re.Pattern[str]
    range_start_hour: re.Pattern[str]
    listed_day: re.Pattern[str]
    relative: re.Pattern[str]
    year_month_dotted: re.Pattern[str]
    roc_year: re.Pattern[str]
    slash_day: re.Pattern[str]
    event_day: re.Pattern[str]
    event_name: re.Pattern[str]
    fiscal_years: re.Pattern[str]
    bracketed_day: re.Pattern[str]
    bracketed_year: re.Pattern[str]
    fiscal_year: re.Pattern[str]


@dataclass(frozen=True)
class _Fragments:
    """Regex pieces shared by the date patterns (built from ``data/dates.toml``)."""

    cn_digit: str
    year_zero: str
    year: str
    month: str
    day: str
    hour: str
    minute: str
    cn_yy: str
    cn_year: str
    rel: str
    rday: str
    pod: str
    hours: str
    days: str
    month_after: str
    about: str
    numeral: str
    connector: str
    weekday: str
    about_before: str


@per_lexicons()
def _fragments() -> _Fragments:
    lex = date_words()
    cn_digit = "".join(k for k in numbers().digits)
    # 二O一五: a letter typed for the zero, after a Chinese digit
    oh = re.escape("".join(sorted(lex.year_zero_letters)))
    year = (
        rf"(?:\d{{4}}|[{cn_digit}]{{4}}|[{cn_digit}](?=[{cn_digit}]*[{oh}])[{cn_digit}{oh}]{{3}})"
    )
    month = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
    day = (
        r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九]"
        r"|廿[一二三四五六七八九]?|卅一?)"  # 廿六日 (26), 卅日 (30)
    )
    hour = r"(?:2[0-4]|1\d|0?\d|二十[一二三四]?|十[一二三四五六七八九]?|[一二三四五六七八九零两])"
    minute = r"(?:[0-5]?\d|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    # 零七年八月, 九七年一季度: a year written digit by digit in Chinese, two digits, is a year
    # only before a month or a quarter (三三年 alone is a length of time)
    cn_yy = rf"[{cn_digit}]{{2}}(?={_SP}年{_SP}(?:{month}{_SP}月|第?[一二三四首1-4]{_SP}季度))"
    # 两千零四年八月十五, 三六七年一月一日: a year written with 千 or three digits by digit,
    # only before a month (两千年前 is a length of time)
    cn_year = (
        rf"(?:[两二一]千(?:零[一二三四五六七八九]|零?[一二]?十[一二三四五六七八九]?"
        rf"|[一二三四五六七八九]百(?:零?[一二三四五六七八九]?十?[一二三四五六七八九]?))?"
        rf"|[{cn_digit}]{{3}})(?={_SP}年{_SP}{month}{_SP}月)"
    )
    hours = "".join(lex.hour)
    pod = _alt(lex.part_of_day)
    pod = rf"(?:{pod}|(?:{_alt(lex.before_clock)})(?={_SP}{hour}{_SP}[{hours}]))"
    return _Fragments(
        cn_digit=cn_digit,
        year_zero=oh,
        year=year,
        month=month,
        day=day,
        hour=hour,
        minute=minute,
        cn_yy=cn_yy,
        cn_year=cn_year,
        rel=_alt(lex.year_before_month),
        rday=_alt(lex.day_before_time),
        pod=pod,
        hours=hours,
        days="".join(lex.day),
        month_after=_alt(lex.month_after),
        about=_alt([*lex.clock_about, *lex.clock_over]),
        # each pattern opens with a lookahead of the characters it can start with, which
        # keeps the regex engine from trying its optional groups at every other position
        numeral=f"0-9{cn_digit}十廿卅",
        connector=r"(?:——|--|[-~～—－–至到])",
        weekday=rf"(?:{_alt(lex.weekday_prefix)})?(?:{_alt(lex.weekday_words)})"
        rf"[{''.join(lex.weekday_days)}]",
        about_before=_alt(lex.clock_about_before),
    )


def _composite_pattern(f: _Fragments) -> re.Pattern[str]:
    """Year, month, day, part of day and clock time, each optional (2020年7月6日,
    12月18日上午, 5月21日凌晨3时许, 下午3点半)."""
    lex = date_words()
    # a date starts with a digit, a Chinese numeral or one of the date words
    starts = "".join(
        sorted(
            {
                w[0]
                for w in [
                    *lex.year_before_month,
                    *lex.month_before_day,
                    *lex.day_before_time,
                    *lex.part_of_day,
                    *lex.weekday_prefix,
                    *lex.weekday_words,
                ]
            }
        )
    )
    year_after = rf"(?:(?:{_alt(lex.year_after)})(?!{_alt(lex.year_after_not_before)}))?"
    words = [
        *lex.year_before_month,
        *lex.month_before_day,
        *lex.day_before_time,
        *lex.part_of_day,
        *lex.before_clock,
    ]
    return re.compile(
        rf"(?=[{f.numeral}{re.escape(starts)}])"
        # a date word, not any word opening with its character (同年, not 同时; 本月, not 本地);
        # a numeral only where a date's unit or a day's end follows its run (2020年, 5月, 6日,
        # 3时, 9:30, 6，): a number of anything else is no start (the scan's empty matches)
        rf"(?=[{f.numeral}{f.year_zero}百千]+{_SP}(?:[年月{f.days}{f.hours}许許:：]"
        rf"|{_alt(lex.day_unmarked_before)}|$)|{_alt(words)}|{f.weekday})"
        rf"(?:(?P<rel>{f.rel}){_SP}(?=\d|[{f.cn_digit}十]))?"
        rf"(?:(?P<y>{f.year}|(?<![\d.{f.cn_digit}十百千])(?P<cy>{f.cn_year})"
        rf"|(?<![\d.])(?P<yy>\d{{2}}(?={_SP}年)|{f.cn_yy})){_SP}年{year_after}{_SP})?"
        rf"(?:(?P<mrel>{_alt(lex.month_before_day)}){_SP}(?=\d|[{f.cn_digit}十]))?"
        rf"(?:(?P<m>{f.month}){_SP}月(?P<ma>{f.month_after})?{_SP})?"
        # a day in brackets after a day word joins the time after its bracket: 今日（24日）早上8時
        rf"(?:(?P<ob>(?<=[(（]))?(?<!\d\.)(?P<d>{f.day}){_SP}(?:(?P<dm>[{f.days}])"
        rf"|(?={_alt(lex.day_unmarked_before)}|$)|(?(m)(?={f.pod})|(?!)))"
        rf"(?(ob)[)）]{_SP}(?=(?:{f.pod})|(?:{f.about_before})?{_SP}{f.hour}{_SP}[{f.hours}])){_SP})?"
        # a weekday before a part of day or a clock time stays in the text (周三上午8时)
        rf"(?:(?P<wd>{f.weekday}){_SP}(?=(?:{f.pod})|{f.hour}{_SP}[{f.hours}]))?"
        rf"(?:(?P<rday>{f.rday}){_SP}(?=(?:{f.pod})|(?:{f.about_before})|\d|[{f.cn_digit}十]))?"
        rf"(?:(?P<pod>{f.pod}){_SP})?"
        rf"(?:(?P<yue>{f.about_before}){_SP}(?={f.hour}{_SP}[{f.hours}]))?"
        rf"(?:(?P<h>{f.hour}){_SP}(?:(?P<hx>许|許)?(?P<hm>[{f.hours}])(?![间間候期代刻段尚常装裝])"
        rf"(?:(?<=[点點])(?:钟|鐘)(?![声聲头頭表]))?"
        rf"(?:(?<=[点點时時])整(?![\u4e00-\u9fff]))?"  # 下午15点整,: o'clock sharp (not 15时整村村民)
        rf"(?:{_SP}(?P<half>半)|{_SP}(?P<ke>[一二三123]){_SP}刻(?!钟|鐘)"
        rf"|(?P<min2>[0-5]\d)(?=[，,。；;、)）\s的]|$)"  # 16点30: two digits, no 分, at a stop
        rf"|{_SP}(?P<min>{f.minute}){_SP}分(?!钟|鐘|之)"
        rf"(?:{_SP}(?P<sec>{f.minute}){_SP}秒(?!钟|鐘))?)?"
        rf"|[:：](?P<cmin>[0-5]\d)(?:[:：](?P<csec>[0-5]\d))?{_GLUED_END}(?:时|時)?)(?P<q>{f.about})?"
        rf"(?:(?<=多)(?:钟|鐘))?)?"
    )


_ROC_CN = "[一二三四五六七八九十百○〇零]{1,5}"
"""A year of the Republic in Chinese numerals: positional (九十九, 一百) or digit by digit
(一○二, with ○, 〇 or 零 for nought)."""


def _range_patterns(f: _Fragments) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Ranges and lists of years, months and days (2017年至2021年, 5、6月份, 7月6日至8日)."""
    lex = date_words()
    year_range = re.compile(
        rf"(?=[{f.numeral}])(?P<y1>{f.year}){_SP}(?P<c>{f.connector}|、){_SP}"
        rf"(?:(?P<y2>{f.year})|(?<!\d)(?P<yy2>\d{{2}})(?!\d)){_SP}(?:{_alt(lex.fiscal_year_words)}|年)"
    )  # 2015至2016财年: a company's fiscal years, as 2022财年
    rel_starts = re.escape("".join(sorted({w[0] for w in lex.year_before_month})))
    month_range = re.compile(
        rf"(?=[{f.numeral}{rel_starts}])(?:(?P<rel>{f.rel}){_SP})?(?:(?P<y>{f.year}){_SP}年{_SP})?(?<![\d月])(?P<m1>{f.month}){_SP}(?:{f.connector}|、|(?<=[一二三四五六七八])(?=[二三四五六七八九]月)){_SP}"
        rf"(?P<m2>{f.month}){_SP}月(?P<ma>{f.month_after})?"
    )
    day_range = re.compile(
        rf"(?=[{f.numeral}])(?:(?P<y>{f.year}){_SP}年{_SP})?(?P<m>{f.month}){_SP}月{_SP}(?P<d1>{f.day}){_SP}(?:{f.connector}|、){_SP}"
        rf"(?P<d2>{f.day}){_SP}[{f.days}]"
    )
    return year_range, month_range, day_range


@per_lexicons()
def _patterns() -> _Patterns:
    lex = date_words()
    not_place = re.escape("".join(sorted(lex.not_event_place)))  # 7.21亿元: no event
    f = _fragments()
    stamp = re.compile(
        r"(?=\d)(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)"
        r"(?P<d>\d{1,2}(?![\d.])|\d{2}(?=\d{2}:\d{2}))"  # 2018-12-1209:03: glued to its time
        # 2025-04-02 HKT 12:58: a time zone may stand between the date and its time
        # 2025/08/12/ 08:48: a portal may close the date with its separator before the time
        r"(?:(?P=sep)?[ T\u3000]*(?:(?:HKT|CST|BJT)[ \u3000]*)?(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2}))?)?"
    )
    # 2022 12/27 20:33:35: a portal's year, month/day and time, each after a space
    spaced_stamp = re.compile(
        r"(?=\d)(?<![\d./:-])(?P<y>(?:19|20)\d\d)[ \u3000]+(?P<m>1[0-2]|0[1-9])/(?P<d>3[01]|[12]\d|0[1-9])"
        r"[ \u3000]+(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
    )
    # 00:54 2026-02-06: a timestamp that writes the time before the date
    time_first_stamp = re.compile(
        r"(?=\d)(?<!\d)(?<!\d:)(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?[ \u3000]+"
        r"(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\d-])"
    )
    # 14.05.2015  13:35: a day-first date with a four-digit year (European style, as some
    # portals print their timestamps), an optional clock time after spaces; with slashes
    # (30/06/2025 18:05, a Hong Kong wire's) only where the day is over 12
    day_first_stamp = re.compile(
        r"(?=\d)(?<![\d./])(?P<d>3[01]|[12]\d|0?[1-9])(?P<sep>[./])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<y>(?:19|20)\d\d)"
        rf"(?![\d.])(?:[ \u3000]{{1,3}}(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?{_GLUED_END})?"
    )
    month_day_clock = re.compile(
        r"(?=\d)(?<![\d\-/.])(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])"
        r"[ T\u3000]+(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
    )
    # 8.26的飞机: month.day before 的 (peer-issues call 13); 10.1元 and 4.5小时 are not dates
    dotted = re.compile(r"(?=\d)(?<![\d.])(?P<m>1[0-2]|[1-9])\.(?P<d>0[1-9]|[12]\d|3[01])(?=的)")
    week = re.compile(
        rf"(?=[{f.numeral}])(?P<y>{f.year}){_SP}年?{_SP}第{_SP}(?P<w>[1-9]|[1-4]\d|5[0-3]){_SP}周"
    )
    colon_clock = re.compile(
        # 13:13分时: a minute mark may follow the colon's minutes (part of the text)
        r"(?=\d)(?<![\d:])(?P<h>[01]?\d|2[0-4]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
        r"(?:时|時|分(?![钟鐘之别別两兩批成为為发發配享析布组組开開期段]))?"
        rf"(?P<q>{f.about})?"
    )
    year_range, month_range, day_range = _range_patterns(f)
    # 2021年上半年, 2022上半年 (年 left out before 上半年), 2022年上半年度
    half = re.compile(rf"(?=[{f.numeral}])(?P<y>{f.year}){_SP}年?{_SP}(?P<h>{_alt(lex.half_year)})")
    quarter = re.compile(
        rf"(?=[{f.numeral}第首{re.escape(''.join({w[0] for w in lex.year_before_month}))}])"
        rf"(?=[{f.numeral}第首]|{f.rel})"
        rf"(?:(?P<rel>{f.rel}){_SP}(?=[{f.numeral}第首]))?"
        rf"(?:(?P<y>{f.year}|(?<![\d.])(?P<yy>\d{{2}}|{f.cn_yy})){_SP}年{_SP})?"
        rf"(?P<di>第)?(?P<q>[一二三四首1-4]){_SP}(?:{_alt(lex.quarter_words)}"
        # 第三季 without 度 is a quarter too (not after a title: 《…》第三季 is a season), and
        # 首季 after a year (2020年首季)
        rf"|(?(di)(?<![》」]第.)季(?![度节節])|(?(y)(?<=首)季(?![度节節])|(?!))))"
    )
    # a further day in a list after a dated day: 9月10号，11号
    listed_day = re.compile(
        rf"{_SP}[，,、和及]{_SP}(?P<d>3[01]|[12]\d|0?[1-9])[{f.days}](?![\d{f.days}])"
        rf"(?!{_alt(lex.day_hao_not_before)})"
    )
    # the bare first hour of a clock range, just before the connector: 9~12点半, 下午3至5点
    range_start_hour = re.compile(
        rf"(?<![\d.{f.cn_digit}十第])(?:(?P<pod>{f.pod}){_SP})?(?P<h>{f.hour}){_SP}[-~～—－–至到]{_SP}$"
    )
    return _Patterns(
        stamp,
        spaced_stamp,
        time_first_stamp,
        day_first_stamp,
        colon_clock,
        dotted,
        month_day_clock,
        week,
        _composite_pattern(f),
        year_range,
        month_range,
        day_range,
        half,
        quarter,
        range_start_hour,
        listed_day,
        re.compile(_alt(lex.relative)),
        # 1999.08: a year 1900–2099 and a two-digit month, no unit, % or digit after it
        re.compile(
            r"(?=[12])(?<![\d.])(?P<y>19\d\d|20\d\d)\.(?P<m>0[1-9]|1[0-2])"
            r"(?![\d.%％万亿萬億元米吨噸克斤升度个個人名倍亩畝户戶家台件次条條辆輛])"
        ),
        # 民國114年10月份: a year of the Republic of China (Taiwan), 1911 + N, in digits or
        # in Chinese numerals (民國一○二年一至三月, 民國九十九、一百年, 自民國一○一後)
        re.compile(
            rf"(?:民國|民国){_SP}(?:(?P<y>\d{{1,3}})|(?P<yc>{_ROC_CN}))"
            rf"(?:{_SP}年(?:{_SP}(?P<m1>{f.month}){_SP}{f.connector}{_SP}(?P<m2>{f.month}){_SP}月"
            rf"|(?:{_SP}(?P<m>{f.month}){_SP}月(?:{f.month_after})?"
            rf"(?:{_SP}(?P<d>{f.day}){_SP}[{f.days}])?)?)"
            rf"|(?=、|[後后起]))"
            rf"(?:、{_SP}(?P<y2>\d{{1,3}}|{_ROC_CN}){_SP}年)?"
        ),
        # 11/3号早上: a slash month/day only with 日/号/號 after it
        re.compile(
            rf"(?=\d)(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])[日号號]"
            rf"(?:{_SP}(?P<pod>{_alt(lex.part_of_day)}))?"
        ),
        # “7·23”事故, 6·30专案: a month·day naming an event or a case
        re.compile(
            r"(?=\d)(?<![\d.·•・])(?:(?P<y>(?:19|20)\d\d)[·•・])?"
            r"(?P<m>1[0-2]|[1-9])[·•・．.](?P<d>3[01]|[12]\d|0[1-9]|[1-9])"
            rf"(?=[”\"’」]|{_alt(lex.event_after)}"
            # … or with the place it struck between (7.21北京特大暴雨), not a unit (7.21亿元案件)
            rf"|(?![{not_place}])[\u4e00-\u9fff]{{2,3}}(?:特大|重大|大)?(?:{_alt(lex.event_after)})"
            # … or a quoted name it opens (“7·23陈村袭警”系列案), which _event_day checks; not
            # an amount or a holiday (“12·5亿元的项目…”, “5·1假期…”)
            rf"|(?![{not_place}假节節])[^“”\"‘’「」。，,；;：:\n]{{1,30}}[”\"’」])"
        ),
        # … and what makes a dotted one (7.21, no quotes) name an event: an event's noun after
        # it, or after its place (7.21北京特大暴雨; not 1.5特大城市)
        re.compile(
            rf"(?:(?![{not_place}])[\u4e00-\u9fff]{{2,3}})?(?:特大|重大|大)?"
            rf"(?:{_alt([w for w in lex.event_after if w not in ('特大', '大案')])})"
        ),
        # 2025/2026年度, 16/17年度, 2017/18學年: a fiscal or school year written by its two
        # calendar years; each is a date (gold/README, issue 14); two years in a row written
        # whole need no word after them (以2008/2009为基期), which _fiscal_years checks
        re.compile(
            r"(?<![\d/.])(?P<y1>(?:19|20)\d\d|\d\d)/(?P<y2>(?:19|20)\d\d|\d\d)(?![\d/])"
            rf"(?:(?P<fy>)(?=(?:{_SP}[至到~～－-]{_SP}(?:19|20)?\d\d/(?:19|20)?\d\d)?{_SP}"
            rf"(?:{_alt(lex.fiscal_year_words)})))?"
        ),
        # 今(4)日, 昨（3）日: Taiwan's press gives the day of the month in brackets
        re.compile(
            r"[今昨明前当當本]\s*[(（]\s*(?P<d>[0-9]{1,2})\s*[)）]\s*日"
            rf"(?:{_SP}(?P<pod>{_alt(lex.part_of_day)})(?!{_SP}(?:\d|[{f.cn_digit}十])))?"
        ),
        # 去 (2016) 年, 今（2025）年9月4日: … and the year
        re.compile(
            rf"[今去明前]{_SP}[(（]{_SP}(?P<y>(?:19|20)\d\d){_SP}[)）]{_SP}年"
            rf"(?:{_SP}(?P<m>{f.month}){_SP}月(?:{_SP}(?P<d>{f.day}){_SP}[{f.days}])?)?"
        ),
        # 2022财年: a company's fiscal year, named by the calendar year written before 财年
        re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)[ \t\u3000]*(?:财年|財年|财政年度|財政年度)"),
    )


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    value = parse_numeral(text.translate(_letter_zero()))  # 二O一五: the year's letter O
    return int(value) if value is not None and value == int(value) else None


@per_lexicons()
def _letter_zero() -> dict[int, str]:
    """The letters a year in Chinese digits may hold for its zero (二O一五), each as 〇."""
    return {ord(c): "〇" for c in date_words().year_zero_letters}


def _year(text: str | None, short: str | None = None, chinese: str | None = None) -> int | None:
    """A written year; ``short`` is two digits (21, 零七) in this century or the last;
    ``chinese`` a numeral (两千零四) or digits read one by one (三六七). parse_numeral reads
    digit sequences digit by digit, so all of them go through it."""
    if chinese is not None:
        return _int(chinese)
    if short is not None:
        yy = _int(short)
        return None if yy is None else 2000 + yy if yy <= 30 else 1900 + yy
    return _int(text)


def timex(
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    hour: int | None = None,
    minute: int | None = None,
    second: int | None = None,
    part: str | None = None,
) -> str:
    """A TIMEX3 value from the parts written; unwritten parts are ``X``.

    >>> timex(month=12, day=18, part="TMO"), timex(hour=15, minute=30), timex(2017)
    ('XXXX-12-18TMO', 'XXXX-XX-XXT15:30', '2017')
    """
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None and day is None and hour is None and part is None:
        return y
    value = f"{y}-{month:02d}" if month is not None else f"{y}-XX"
    if day is None and hour is None and part is None:
        return value
    value += f"-{day:02d}" if day is not None else "-XX"
    if hour is not None:
        value += f"T{hour:02d}:{minute or 0:02d}"
        if second is not None:
            value += f":{second:02d}"
    elif part is not None:
        value += part
    return value


def _valid(month: int | None, day: int | None, hour: int | None, minute: int | None) -> bool:
    return (
        (month is None or 1 <= month <= 12)
        and (day is None or 1 <= day <= 31)
        and (hour is None or 0 <= hour <= 24)
        and (minute is None or 0 <= minute <= 59)
    )


def _minute(g: re.Match[str]) -> int | None:
    """The minutes written: 半 (30), 刻 (15 each), :MM, two digits after 点, or N分."""
    if g["half"]:
        return 30
    if g["ke"]:
        return 15 * (_int(g["ke"]) or 0)
    if g["cmin"] or g["min2"]:
        return _int(g["cmin"] or g["min2"])
    return _int(g["min"])


def _day_without_month_is_a_day(match: re.Match[str]) -> bool:
    """A day with 号 and no month is a day only in Chinese numerals or with a time
    (我是十号从…, 8号晚上9点), not 长城2号 or 三号线."""
    g = match
    if g["d"] is None or g["m"] is not None or g["dm"] == "日":
        return True
    chinese = not any(ch.isdigit() for ch in g["d"])
    timed = g["pod"] is not None or g["h"] is not None
    return (
        (chinese or timed)
        and g["dm"] in ("号", "號")
        and not match.string.startswith(date_words().day_hao_not_before, match.end("dm"))
    )


def _short_year_is_a_year(match: re.Match[str]) -> bool:
    """A two-digit 年 with no month is a year unless duration cues surround it (过去21年,
    10年以上); one with a leading zero is always a year (低于04年同期)."""
    g, text, lex = match, match.string, date_words()
    if g["yy"] is None or g["m"] is not None:
        return True
    after = skip_spaces(text, match.end("y"))
    after += text.startswith("年", after)
    if g["yy"].lstrip()[:1] in ("0", "０") and not text.startswith("代", after):
        return True  # 低于04年同期: a length is never written with a leading zero (00年代: a
        # decade, no date)
    return not (
        word_ending_at(text, match.start("yy"), lex.short_year_not_after)
        or word_at(text, after, lex.short_year_not_before)
        or _lasting_verb_before(text, spaces_before(text, match.start("yy")))
    )


def _lasting_verb_before(text: str, at: int) -> bool:
    """Is a verb of two characters or more written right before ``at`` (``潜逃13年``,
    ``服役16年``: the years it lasted), not one that names a point in time (``截至21年``)?"""
    words = tagged(text[max(0, at - 6) : at])
    if not words:
        return False
    word, tag = words[-1]
    return tag == "v" and len(word) > 1 and word not in date_words().point_verbs


def _clock_is_a_time(match: re.Match[str]) -> bool:
    """A clock time needs a date, a part of day, minutes or a time word (SPEC §4: a bare
    十一点 is not a date); 24点5度 is a decimal, 一时冲动 and 大一点 are words."""
    g, text, lex = match, match.string, date_words()
    if g["h"] is None:
        return True
    before = text[max(0, match.start("h") - 1) : match.start("h")]
    if before and (before.isdigit() or before in ".．"):
        return False  # 2850.71点 (index points): the end of a longer number, not a clock
    if g["cmin"] is not None and not (g["d"] or g["m"] or g["pod"] or g["rday"]):
        return False  # a bare 18:00 is read by the colon-clock pattern
    next_char = text[match.end() : match.end() + 1]
    if g["hm"] and g["hm"] in "点點" and next_char.isdigit() and g["min"] is None:
        return False  # 24点5度 is a decimal, not a clock time
    names = ("d", "m", "pod", "min", "min2", "ke")
    bare = all(g[n] is None for n in names) and not g["half"]
    if not bare or g["q"] or (g["rday"] and g["h"] not in ("一", "壹")):
        return True  # 今早8時, 当晚十九时: a day word before an hour times it (一时: a word)
    if g["hm"] and g["hm"] in "时時" and not g["h"].isdigit() and len(g["h"]) < 2:
        return False  # 一时冲动 (but 截至二十时: two numerals, an hour)
    if g["h"] in ("一", "壹"):
        return False  # 大一点的男子: 一点 is "a bit", not one o'clock
    if word_at(text, match.end(), lex.bare_clock_not_before):
        return False  # 提出5点要求: points, not a time
    at = match.start("h")
    at -= 1 if text.endswith("了", 0, at) else 0  # 上涨了22点
    if word_ending_at(text, at, lex.bare_clock_not_after):
        return False  # 上涨22点, 跌8點: an index's points, not a time
    return not next_char or word_at(text, match.end(), lex.bare_clock_before) is not None


def _day_alone_is_a_date(match: re.Match[str]) -> bool:
    """A day alone is a date unless it counts days (近30日, 每日, 30日内)."""
    g, text, lex = match, match.string, date_words()
    if not (g["d"] is not None and g["m"] is None and g["y"] is None and g["h"] is None):
        return True
    before = spaces_before(text, match.start("d"))
    if before and (
        text[before - 1] in "一二三四五六七八九十两兩〇○零百千" or text[before - 1].isdigit()
    ):
        return False  # 产假六十日, 满120日: the end of a longer number, not a day of the month
    if word_ending_at(text, before, lex.month_before_day):
        return True  # 上个月25日: the month before, unknown, and its day (not 四个月十五日)
    return not (
        word_ending_at(text, before, lex.day_alone_not_after)
        or word_ending_at(text, before, lex.day_length_after)  # 苦守三日: a length of days
        or word_at(text, match.end("dm"), lex.day_alone_not_before)
    )


def _month_is_a_month(match: re.Match[str]) -> bool:
    """A month alone is a month of the calendar unless 前 or 首 counts the months before it
    (``去年前 11 月``, ``首九月``: the first eleven months, a length of time)."""
    g = match
    if g["m"] is None or g["y"] is not None or g["d"] is not None or g["h"] is not None:
        return True
    if g["rel"] or g["ma"]:
        return True  # 今年3月, 3月份: the month itself
    before = match.string[: match.start("m")].rstrip(" \t\u3000")
    return not before.endswith(date_words().first_months)


def _composite_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the date's text starts (its 今年/year, else its first part) and ends (trailing
    blanks left out)."""
    g = match
    if g["rel"] and g["m"] is not None:
        start = match.start("rel")
    elif g["y"]:
        start = match.start("y")
    elif g["mrel"] and g["d"] is not None:
        start = match.start("mrel")  # 本月28日
    else:
        names = ("m", "d", "wd", "rday", "pod", "h")
        start = min(match.start(n) for n in names if match.group(n) is not None)
    return start, max(start, spaces_before(match.string, match.end()))


def _composite(match: re.Match[str]) -> Found | None:
    g = match  # its groups by name (no groupdict: a dict of every group per match)
    lex = date_words()
    if g["y"] is None and g["m"] is None and g["d"] is None and g["h"] is None:
        return None
    if g["rday"] and g["h"] is None and g["pod"] is None:
        return None  # 明天 alone is relative
    if g["pod"] and g["h"] is None and g["d"] is None and g["m"] is None:
        return None  # 上午 alone is relative
    checks = (_day_without_month_is_a_day, _short_year_is_a_year, _clock_is_a_time)
    if not all(check(match) for check in (*checks, _day_alone_is_a_date, _month_is_a_month)):
        return None
    year, month, day, hour = (
        _year(g["y"], g["yy"], g["cy"]),
        _int(g["m"]),
        _int(g["d"]),
        _int(g["h"]),
    )
    minute = _minute(g)
    if not _valid(month, day, hour, minute):
        return None
    second = int(g["csec"]) if g["csec"] else _int(g["sec"]) if g["sec"] else None
    qualifier = "about" if g["hx"] else _clock_qualifier(g["q"])  # 凌晨2许时 (peer call 14)
    if g["yue"]:
        qualifier = "about"  # 当日下午约4时
    part = (lex.part_of_day.get(g["pod"]) or None) if g["pod"] else None  # 中午: no code
    evening_day = (g["rday"] or "").endswith("晚")  # 当晚8时许: an evening's day word
    if hour is not None and (g["pod"] in lex.pm or (evening_day and not g["pod"])) and hour < 12:
        hour += 12
    elif hour is not None and g["pod"] in lex.noon and 1 <= hour <= 6:
        hour += 12  # 中午1点 → 13:00; 中午11时, 中午12时 stay
    elif hour is not None and g["pod"] in lex.late_night and 8 <= hour <= 11:
        hour += 12  # 深夜11時05分 → 23:05; 深夜2点 stays
    elif hour == 12 and g["pod"] in lex.midnight_twelve:
        hour = 24  # 晚上十二点: midnight at the end of the day
    elif hour == 12 and g["pod"] in lex.small_hours_twelve:
        hour = 0  # 凌晨十二点: midnight at the start of the day
    if hour is not None:
        part = None
    start, end = _composite_span(match)
    if g["h"] is None and (about := word_at(match.string, match.end(), lex.date_about)):
        end, qualifier = match.end() + len(about), "about"  # 2020年3月左右
    if g["h"] is not None and start == min(
        match.start(n) for n in ("pod", "yue", "h") if match.group(n) is not None
    ):
        about_at = _about_before_clock(match.string, start)
        if about_at is not None:
            start, qualifier = about_at, "about"  # 大约下午1点半, 约8时23分 opening a clause
    value = timex(year, month, day, hour, minute, second, part=part)
    return _date(start, end, value, "date.composite", qualifier)


def _about_before_clock(text: str, start: int) -> int | None:
    """Where 约 or 大约 stands right before a clock time (or its part of day) that opens the
    date, as a word of its own (not the 约 of 预约, 相约, 签约: the tagger's words), else
    None."""
    at = spaces_before(text, start)
    about = date_words().clock_about_before
    word = word_ending_at(text, at, about)
    if word is None:
        return None
    words = tagged(text[max(0, at - len(word) - 2) : at])
    return at - len(word) if words and words[-1][0] in about else None


def _clock_qualifier(word: str | None) -> str:
    """许/左右 after a clock time → about, 多 → over."""
    if not word:
        return "exact"
    return "about" if word in date_words().clock_about else "over"


def _date(start: int, end: int, value: str | None, rule: str, qualifier: str = "exact") -> Found:
    return Found("date", start, end, value, qualifier=qualifier, rule=rule)


def _neighbour_fill(found: Found, previous: Found, bare_clock: bool) -> Found:
    """An item of a range or list that leaves out the year or month takes it from its
    neighbour (SPEC: ``7月6日至8日`` → ``8日`` = ``XXXX-07-08``); a bare clock time
    after a dated time takes the day too, and an afternoon start makes a ``bare_clock``
    end (one with no part-of-day word of its own) an afternoon time."""
    mine, theirs = str(found.value or ""), str(previous.value or "")
    if len(mine) == 7 and mine.startswith("XXXX-") and theirs[:4].isdigit():
        return replace(found, value=theirs[:4] + mine[4:])  # 8月至11月
    if len(mine) < 10 or len(theirs) < 7:
        return found
    year = theirs[:4] if mine.startswith("XXXX") else mine[:4]
    month = theirs[5:7] if mine[5:7] == "XX" and theirs[5:7] != "XX" else mine[5:7]
    rest = mine[7:]
    if mine[5:11] == "XX-XXT" and len(theirs) >= 10 and theirs[8:10] != "XX":
        rest = "-" + theirs[8:10] + mine[10:]  # 6月28日9:30~11:30: the end is on the same day
    if (
        bare_clock
        and len(theirs) >= 13
        and theirs[10] == "T"
        and len(mine) >= 13
        and mine[10] == "T"
    ):
        start_hour, hour = int(theirs[11:13]), int(mine[11:13])
        if start_hour >= 12 and hour < 12 and hour + 12 > start_hour:
            rest = rest[:4] + f"{hour + 12:02d}" + rest[6:]  # 下午3点至5点: 5点 is 17:00
    return replace(found, value=year + "-" + month + rest)


def _regex_rule(
    name: str, priority: int, matches: str, example: str, needs: str = ""
) -> Callable[[Callable[[re.Match[str]], Iterable[Found]]], Callable[[Scan], Iterable[Found]]]:
    """A date rule that reads each match of the pattern ``_patterns().<name>``: the
    decorated function turns one match into its dates. ``needs``: characters of which every
    match holds one; a text with none of them is not scanned (a scan of the whole text costs
    as much as reading it)."""

    def register(
        read: Callable[[re.Match[str]], Iterable[Found]],
    ) -> Callable[[Scan], Iterable[Found]]:
        pattern_name = name.removeprefix("date.")

        def find(scan: Scan) -> Iterator[Found]:
            if needs and not any(ch in scan.text for ch in needs):
                return
            for m in getattr(_patterns(), pattern_name).finditer(scan.text):
                if m.end() > m.start():  # the composite pattern's parts are all optional
                    yield from read(m)

        find.__doc__ = read.__doc__
        return rule(name, stage="date", priority=priority, matches=matches, example=example)(find)

    return register


@_regex_rule(
    "date.stamp",
    10,
    "a numeric date with - / or . and an optional clock time",
    "2019-01-29 11:09:50 → 2019-01-29 11:09:50 = 2019-01-29T11:09:50",
    needs="-/.",
)
def _stamp(m: re.Match[str]) -> Iterator[Found]:
    yield from _stamped(m, "date.stamp")


@_regex_rule(
    "date.spaced_stamp",
    10,
    "a portal's timestamp: year, month/day and time, each after a space",
    "2022 12/27 20:33:35 → 2022 12/27 20:33:35 = 2022-12-27T20:33:35",
    needs="/",
)
def _spaced_stamp(m: re.Match[str]) -> Iterator[Found]:
    yield from _stamped(m, "date.spaced_stamp")


@_regex_rule(
    "date.time_first_stamp",
    10,
    "a timestamp that writes its time before its date",
    "00:54 2026-02-06 → 00:54 2026-02-06 = 2026-02-06T00:54",
    needs=":",
)
def _time_first_stamp(m: re.Match[str]) -> Iterator[Found]:
    yield from _stamped(m, "date.time_first_stamp")


def _stamped(m: re.Match[str], rule: str) -> Iterator[Found]:
    """The date of a numeric stamp's match (groups y, m, d and optional h, min, s), whatever
    order it writes them in."""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    h = int(m["h"]) if m["h"] else None
    minute = int(m["min"]) if m["min"] else None
    if _valid(mo, d, h, minute):
        second = int(m["s"]) if m["s"] else None
        yield _date(m.start(), m.end(), timex(y, mo, d, h, minute, second), rule)


@_regex_rule(
    "date.day_first_stamp",
    10,
    "a day-first date DD.MM.YYYY (or DD/MM/YYYY with a day over 12) with an optional clock time",
    "16.07.2015  15:27 → 16.07.2015  15:27 = 2015-07-16T15:27",
    needs="./",
)
def _day_first_stamp(m: re.Match[str]) -> Iterator[Found]:
    if m["sep"] == "/" and int(m["d"]) <= 12:
        return  # 05/06/2025: day first (Hong Kong) or month first (American), not told apart
    yield from _stamped(m, "date.day_first_stamp")


@_regex_rule(
    "date.year_month_dotted",
    12,
    "a year and a two-digit month with a dot (SPEC §4), no unit or % after",
    "1999.08-2002.02 → 1999.08 = 1999-08",
    needs=".",
)
def _year_month_dotted(m: re.Match[str]) -> Iterator[Found]:
    value = timex(int(m["y"]), int(m["m"]))
    yield _date(m.start(), m.end(), value, "date.year_month_dotted")


@_regex_rule(
    "date.roc_year",
    13,
    "a year of the Republic of China (民國, Taiwan): 1911 + N",
    "民國114年10月份 → 民國114年10月份 = 2025-10",
    needs="民",
)
def _roc_year(m: re.Match[str]) -> Iterator[Found]:
    year = _int(m["y"] or m["yc"])
    if year is None or not 1 <= year < 200:
        return
    if m["m1"] is not None:  # 民國一○二年一至三月: the range's start and its end, each dated
        first, last = _int(m["m1"]), _int(m["m2"])
        if _valid(first, None, None, None) and _valid(last, None, None, None):
            yield _date(m.start(), m.end("m1"), timex(year + 1911, first), "date.roc_year")
            yield _date(m.start("m2"), m.end(), timex(year + 1911, last), "date.roc_year")
        return
    month, day = _int(m["m"]), _int(m["d"])
    if not _valid(month, day, None, None):
        return
    end = m.start("y2") - 1 if m["y2"] is not None else m.end()
    while end > m.start() and m.string[end - 1] in "、 ":
        end -= 1
    yield _date(m.start(), end, timex(year + 1911, month, day), "date.roc_year")
    if m["y2"] is not None and (second := _int(m["y2"])) is not None and 1 <= second < 200:
        yield _date(m.start("y2"), m.end(), timex(second + 1911), "date.roc_year")  # 、一百年


@_regex_rule(
    "date.slash_day",
    14,
    "M/D with 日/号/號 after it, and a part of day (SPEC §4)",
    "11/3号早上 → 11/3号早上 = XXXX-11-03TMO",
    needs="/",
)
def _slash_day(m: re.Match[str]) -> Iterator[Found]:
    part = date_words().part_of_day.get(m["pod"]) if m["pod"] else None
    if _valid(int(m["m"]), int(m["d"]), None, None):
        value = timex(None, int(m["m"]), int(m["d"]), part=part)
        yield _date(m.start(), m.end(), value, "date.slash_day")


@_regex_rule(
    "date.event_day",
    16,
    "M·D naming an event or a case, in quotes or before 事故/专案 … (SPEC §4)",
    "“7·23”事故 → 7·23 = XXXX-07-23",
    needs="·•・．.",
)
def _event_day(m: re.Match[str]) -> Iterator[Found]:
    dot = m.string[m.end("m")] in ".．"
    quoted = m.string[m.start() - 1 : m.start()] in ("“", '"', "‘", "「")
    event = _patterns().event_name.match(m.string, m.end())
    if dot and not quoted and not event:
        return  # 1.5 with a dot is a decimal unless the quotes name it (“3.03”专案组) or an
        # event's noun follows it (7.21北京特大暴雨, not 1.5特大城市)
    if not event and m.string[m.end() : m.end() + 1] not in '”"’」' and (dot or not quoted):
        return  # a quoted name it opens, written with a middle dot (“7·23陈村袭警”系列案);
        # not 5·2 unquoted, nor a decimal opening a quote (“1.5倍的增长”)
    if _valid(int(m["m"]), int(m["d"]), None, None):
        year = int(m["y"]) if m["y"] else None  # “2012·7·6”专案组: the year too
        yield _date(m.start(), m.end(), timex(year, int(m["m"]), int(m["d"])), "date.event_day")


@_regex_rule(
    "date.month_day_clock",
    20,
    "M-D followed by a clock time",
    "09-01 10:30开会 → 09-01 10:30 = XXXX-09-01T10:30",
    needs=":",
)
def _month_day_clock(m: re.Match[str]) -> Iterator[Found]:
    second = int(m["s"]) if m["s"] else None
    value = timex(None, int(m["m"]), int(m["d"]), int(m["h"]), int(m["min"]), second)
    yield _date(m.start(), m.end(), value, "date.month_day_clock")


@_regex_rule(
    "date.bracketed_day",
    20,
    "a relative day word with the day of the month in brackets (Taiwan's press)",
    "今(4)日 → 今(4)日 = XXXX-XX-04",
    needs="日",
)
def _bracketed_day(m: re.Match[str]) -> Iterator[Found]:
    """``今(4)日``, ``昨（3）日``: the bracket gives the day of the month; the month is unknown.
    A part of day after it is the date's (``昨(29)日上午`` → ``XXXX-XX-29TMO``); one before a
    clock time is left to the clock's rule (``今(5)日下午3时``)."""
    day = int(m["d"])
    part = (date_words().part_of_day.get(m["pod"]) or None) if m["pod"] else None
    if _valid(None, day, None, None):  # 中午 has no code: in the text, day precision
        yield _date(m.start(), m.end(), timex(None, None, day, part=part), "date.bracketed_day")


@_regex_rule(
    "date.bracketed_year",
    20,
    "a relative year word with the year in brackets (Taiwan's press)",
    "去 (2016) 年 → 去 (2016) 年 = 2016",
    needs="年",
)
def _bracketed_year(m: re.Match[str]) -> Iterator[Found]:
    """``去 (2016) 年``, ``今（2025）年9月4日``: the bracket gives the year."""
    month, day = _int(m["m"]), _int(m["d"])
    if _valid(month, day, None, None):
        yield _date(m.start(), m.end(), timex(int(m["y"]), month, day), "date.bracketed_year")


@_regex_rule(
    "date.fiscal_year",
    20,
    "a year written before 财年 (a fiscal year), 财年 in the text",
    "2022财年 → 2022财年 = 2022",
    needs="财財",
)
def _fiscal_year(m: re.Match[str]) -> Iterator[Found]:
    yield _date(m.start(), m.end(), m["y"], "date.fiscal_year")


@_regex_rule(
    "date.week", 30, "an ISO week: year, 第N周", "2019第2周 → 2019第2周 = 2019-W02", needs="周"
)
def _week(m: re.Match[str]) -> Iterator[Found]:
    yield _date(m.start(), m.end(), f"{_year(m['y']):04d}-W{int(m['w']):02d}", "date.week")


@_regex_rule(
    "date.dotted",
    40,
    "month.day before 的 (peer-issues call 13)",
    "8.26的飞机 → 8.26 = XXXX-08-26",
    needs=".",
)
def _dotted(m: re.Match[str]) -> Iterator[Found]:
    yield _date(m.start(), m.end(), timex(None, int(m["m"]), int(m["d"])), "date.dotted")


@_regex_rule(
    "date.half",
    50,
    "a half year with its year",
    "2021年上半年 → 2021年上半年 = 2021-H1",
    needs="半",
)
def _half(m: re.Match[str]) -> Iterator[Found]:
    value = f"{_year(m['y']):04d}-{date_words().half_year[m['h']]}"
    yield _date(m.start(), m.end(), value, "date.half")


@_regex_rule(
    "date.quarter",
    60,
    "a quarter, with or without its year",
    "二季度 → 二季度 = XXXX-Q2",
    needs="季",
)
def _quarter(m: re.Match[str]) -> Iterator[Found]:
    if m.start() > 0 and m.string[m.start() - 1] == "前" and not m["y"] and not m["rel"]:
        return  # 前三季度: a span of quarters has no TIMEX3 value (gold/README, issue 12)
    if (
        m["q"] == "一"
        and not (m["y"] or m["rel"] or m["di"])
        and m.string[max(0, m.start() - 1) : m.start()] in date_words().quarter_neighbour
    ):
        return  # 上一季度: the quarter before, named by its place, not the first quarter
    year = _year(m["y"], m["yy"]) if m["y"] else None
    quarter = 1 if m["q"] == "首" else _int(m["q"])
    prefix = f"{year:04d}" if year is not None else "XXXX"
    yield _date(m.start(), m.end(), f"{prefix}-Q{quarter}", "date.quarter")


@_regex_rule(
    "date.fiscal_years",
    15,
    "a fiscal or school year written by its two calendar years",
    "2025/2026年度 → 2026年度 = 2026",
    needs="/",
)
def _fiscal_years(m: re.Match[str]) -> Iterator[Found]:
    """Each calendar year of ``2025/2026年度`` or ``19/20年度`` (two digits: 20YY), or of
    two years in a row written whole (``以2008/2009为基期``)."""
    if m["fy"] is None and not (
        len(m["y1"]) == len(m["y2"]) == 4 and int(m["y2"]) == int(m["y1"]) + 1
    ):
        return  # 16/17 with no 年度 after it, 2008/2012: no pair of years
    for group in ("y1", "y2"):
        digits = m[group]
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        end = m.end(group)
        if group == "y2" and (word := word_at(m.string, end, date_words().fiscal_year_in_text)):
            end += len(word)  # 2027年度, 18學年: the word after the year stays in its text
        elif group == "y2" and m.string.startswith("年", end):
            end += 1  # 以1998/1999年为基期: 年 after the second year stays in its text
        yield _date(m.start(group), end, f"{year:04d}", "date.fiscal_years")


@_regex_rule(
    "date.year_range",
    70,
    "two years joined by 至/到/-/、 (one fact per end)",
    "2017至2021年 → 2017 = 2017; 2021年 = 2021",
    needs="年",
)
def _year_range(m: re.Match[str]) -> Iterator[Found]:
    y1 = _year(m["y1"])
    if m["yy2"]:  # 1985到89年9月: the second end (a short year) is read on its own
        if y1 is not None and str(y1)[2:] < m["yy2"]:
            yield _date(m.start("y1"), m.end("y1"), f"{y1:04d}", "date.year_range")
        return
    y2 = _year(m["y2"])
    yield _date(m.start("y1"), m.end("y1"), f"{y1:04d}", "date.year_range")
    yield _date(m.start("y2"), m.end(), f"{y2:04d}", "date.year_range")


@_regex_rule(
    "date.month_range",
    80,
    "two months joined by a connector or 、, or side by side (六七月: one fact per end)",
    "5、6月份 → 5 = XXXX-05; 6月份 = XXXX-06",
    needs="月",
)
def _month_range(m: re.Match[str]) -> Iterator[Found]:
    year = _year(m["y"]) if m["y"] else None
    m1, m2 = _int(m["m1"]), _int(m["m2"])
    if not (_valid(m1, None, None, None) and _valid(m2, None, None, None)):
        return
    if m.end("m1") == m.start("m2") and (m1 is None or m2 != m1 + 1):
        return  # 六七月间: two months written side by side only when they follow each other
    first_start = m.start("rel") if m["rel"] else m.start("y") if m["y"] else m.start("m1")
    yield _date(first_start, m.end("m1"), timex(year, m1), "date.month_range")
    yield _date(m.start("m2"), m.end(), timex(year, m2), "date.month_range")


@_regex_rule(
    "date.day_range",
    90,
    "a month with two days joined by a connector or 、 (one fact per end)",
    "7月6至8日 → 7月6 = XXXX-07-06; 8日 = XXXX-07-08",
    needs="日号號",
)
def _day_range(m: re.Match[str]) -> Iterator[Found]:
    year = _year(m["y"]) if m["y"] else None
    month, d1, d2 = _int(m["m"]), _int(m["d1"]), _int(m["d2"])
    if not (_valid(month, d1, None, None) and _valid(month, d2, None, None)):
        return
    first = _date(
        m.start("y") if m["y"] else m.start("m"),
        m.end("d1"),
        timex(year, month, d1),
        "date.day_range",
    )
    yield first
    yield _date(m.start("d2"), m.end(), timex(year, month, d2), "date.day_range")


@_regex_rule(
    "date.composite",
    100,
    "year, month, day, part of day and clock time, each optional",
    "5月21日凌晨3时许 → 5月21日凌晨3时许 = XXXX-05-21T03:00",
)
def _composite_rule(m: re.Match[str]) -> Iterator[Found]:
    item = _composite(m)
    if item is not None:
        yield item


def _game_score(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (``21:19``) a game's score: after 以 and before a word of
    winning or losing (``dates.toml`` ``score_results``)?"""
    return text[max(0, start - 1) : start] == "以" and (
        word_at(text, end, date_words().score_results) is not None
    )


@_regex_rule(
    "date.colon_clock",
    110,
    "a clock time with a colon",
    "18:00出发 → 18:00 = XXXX-XX-XXT18:00",
    needs=":",
)
def _colon_clock(m: re.Match[str]) -> Iterator[Found]:
    if _game_score(m.string, m.start(), m.end()):
        return  # 以21:19获胜: a game's score
    second = int(m["s"]) if m["s"] else None
    value = timex(hour=int(m["h"]), minute=int(m["min"]), second=second)
    yield _date(m.start(), m.end(), value, "date.colon_clock", _clock_qualifier(m["q"]))


@_regex_rule(
    "date.relative",
    120,
    "a relative date word with no number (listed with value null)",
    "今年以来 → 今年以来 = null",
)
def _relative(m: re.Match[str]) -> Iterator[Found]:
    yield _date(m.start(), m.end(), None, "date.relative")


@rule(
    "date.range_start_hour",
    stage="date",
    priority=130,
    matches="the bare first hour of a clock range before its connector",
    example="下午3至5点 → 下午3 = XXXX-XX-XXT15:00; 5点 = XXXX-XX-XXT17:00",
)
def _range_start_hours(scan: Scan) -> list[Found]:
    """The bare first hour of a clock range: ``9~12点半`` → ``9`` is ``T09:00``, ``下午3至5点``
    → ``下午3`` is ``T15:00`` (the end then takes the afternoon from it)."""
    p, lex, text = _patterns(), date_words(), scan.text
    starts = []
    for item in list(scan.found):
        if not str(item.value or "").startswith("XXXX-XX-XXT"):
            continue
        m = p.range_start_hour.search(text, max(0, item.start - 12), item.start)
        if m is None or not scan.free(m.start(), m.end()):
            continue
        hour = _int(m["h"])
        if hour is None or hour > 24:
            continue
        if (m["pod"] in lex.pm and hour < 12) or (m["pod"] in lex.late_night and 8 <= hour <= 11):
            hour += 12
        starts.append(
            _date(m.start(), m.end("h"), timex(hour=hour, minute=0), "date.range_start_hour")
        )
    return starts


@rule(
    "date.listed_day",
    stage="date",
    priority=140,
    matches="days listed after a dated day with their own 号/日",
    example="9月10号，11号 → 9月10号 = XXXX-09-10; 11号 = XXXX-09-11",
)
def _listed_days(scan: Scan) -> list[Found]:
    """Days listed after a dated day with their own 号/日: ``9月10号，11号，12号`` → the 11th and
    12th of September (a digit day with 号 alone is read only here, after a full date)."""
    p, text = _patterns(), scan.text
    listed = []
    for item in list(scan.found):
        value = str(item.value or "")
        if len(value) != 10 or not value[8:10].isdigit():
            continue
        end = item.end
        while (m := p.listed_day.match(text, end)) is not None:
            day = _int(m["d"])
            if not _valid(int(value[5:7]) if value[5:7].isdigit() else None, day, None, None):
                break
            listed.append(_date(m.start("d"), m.end(), f"{value[:8]}{day:02d}", "date.listed_day"))
            end = m.end()
    return listed


_LENGTH_IN_YEARS = re.compile(
    r"(?<![0-9０-９])(?:[0-9０-９]{1,2}|[一二三四五六七八九十两兩]{1,3})年(?:零)?$"
)


@stage_pass(
    "date.months_of_a_length",
    stage="date",
    order=0,
    matches="a bare month after a number of years that is no year: the months of a length of time",
    example="判刑4年8月 → 4年8月 = 4.666667 year",
)
def _months_of_a_length(text: str, found: list[Found]) -> list[Found]:
    """``判刑4年8月``: 8月 after 4年 (not a year) counts months of a prison term, not a date."""
    return [
        f
        for f in found
        if not (
            isinstance(f.value, str)
            and re.fullmatch(r"XXXX-\d\d", f.value)
            and _LENGTH_IN_YEARS.search(text[max(0, f.start - 4) : f.start])
        )
    ]


@stage_pass(
    "date.join_day_and_time",
    stage="date",
    order=1,
    matches="a day written directly before a time of day",
    example="2010-01-29早上七点 → 2010-01-29早上七点 = 2010-01-29T07:00",
)
def _join_date_and_time(text: str, found: list[Found]) -> list[Found]:
    """A day written directly before a time of day is one date: ``2010-01-29早上七点`` →
    ``2010-01-29T07:00`` (the composite pattern already joins ``1月29日早上七点``)."""
    joined: list[Found] = []
    for item in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and isinstance(last.value, str)
            and isinstance(item.value, str)
            and len(last.value) == 10
            and last.value[8:10].isdigit()
            and item.value.startswith("XXXX-XX-XXT")
            and (gap := text[last.end : item.start].strip(" \t\u3000")) in ("", "-")
            and (not gap or text[item.start].isdigit())  # 2021-09-12-11:23
            and last.qualifier == "exact"
        ):
            value = last.value + item.value[10:]
            joined[-1] = replace(last, end=item.end, value=value, qualifier=item.qualifier)
        else:
            joined.append(item)
    return joined


_BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")  # (星期一) inside a range
_CONNECTORS = frozenset({*"-~～—－–至到、和及", "——", "--", "－－"})


@stage_pass(
    "date.neighbour_fill",
    stage="date",
    order=2,
    matches="the end of a range or list that leaves out its year, month or day",
    example="7月6日至8日 → 7月6日 = XXXX-07-06; 8日 = XXXX-07-08",
)
def _fill_from_neighbours(text: str, found: list[Found]) -> list[Found]:
    """Each item right after another, joined by a connector, takes what it leaves out from
    that neighbour (:func:`_neighbour_fill`); an item that opens with its own year word
    (``从2020年9月至今年5月``, ``至前年5月19日``) says its year itself (SPEC §4: XXXX)."""
    found = list(found)
    year_words = date_words().year_before_month
    for i in range(1, len(found)):
        gap = _BRACKETED.sub("", text[found[i - 1].end : found[i].start]).strip(" \t\u3000")
        if text.startswith(year_words, found[i].start):
            continue
        if gap in _CONNECTORS and found[i].value and found[i - 1].value:
            span = text[found[i].start : found[i].end]
            bare = not any(word in span for word in date_words().part_of_day)
            found[i] = _neighbour_fill(found[i], found[i - 1], bare)
    return found


_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")
_HAS_FULLWIDTH = re.compile("[０-９：－／．]")


_TITLE = re.compile(r"《[^《》\n]{1,60}》")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,60})[”\"]")


def outside_titles(text: str, dates: list[Found]) -> list[Found]:
    """``dates`` (or any facts: the quantities pass through it too, ``《经济半小时》``) without
    those inside a 《…》 title, or a document's name in quotes (ending in ``dates.toml``
    ``document_nouns``), that names more than the date
    (``《2023年最低工资条例(修订附表3)公告》``, ``《2022年倍增计划政策》``,
    ``“1至5月全国国有及国有控股企业经济运行情况”``): part of a
    document's name, not a date of the article. The caller keeps their characters taken, so
    no other reading takes ``2023年`` for a length of time.

    >>> t = "刊登《2023年最低工资条例》,2023年起实施"
    >>> [t[d.start : d.end] for d in outside_titles(t, find_dates(t))]
    ['2023年']
    """
    marks = date_words().headline_marks
    titles = (
        [
            (m.start(), m.end())
            for m in _TITLE.finditer(text)
            if not text[max(0, m.start() - 8) : m.start()].rstrip(" :：").endswith(marks)
        ]  # not 原题为《…》: the article's own headline, its numbers its facts
        if "《" in text
        else []
    )
    titles += [  # “2011年度人力资源和社会保障事业发展统计公报”: a document named in quotes
        (m.start(), m.end())
        for m in _QUOTED.finditer(text)
        if m[1].endswith(tuple(date_words().document_nouns))
    ]
    if not titles:
        return dates
    return [
        d
        for d in dates
        if not any(a < d.start and d.end < b and b - a - 2 > d.end - d.start for a, b in titles)
    ]


def find_dates(text: str) -> list[Found]:
    """Every date or time expression in ``text``, in order (the ``date`` stage's rules and
    passes; full-width digits and marks are read as ASCII, which keeps every offset).

    >>> text = "7月6日至8日,2017年至2021年"
    >>> [(text[d.start : d.end], d.value) for d in find_dates(text)]
    [('7月6日', 'XXXX-07-06'), ('8日', 'XXXX-07-08'), ('2017年', '2017'), ('2021年', '2021')]
    """
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)  # same length: offsets hold
    return run(text, "date")


_BARE_ROC = re.compile(
    r"(?<![\d.０-９])(?P<y>1\d\d)\s*(?:[學学]年|年(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月"
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日號号]|[上中下]旬|底|初|末|份)?)?)(?P<du>度)?"
    r"(?![來来以后後前多余餘半])"
)


_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_BARE_ROC_CN = re.compile(
    r"(?<![一二三四五六七八九十百千萬万〇○零])(?P<y>一[〇○零一二三四五六七八九]{2})年"
    rf"(?:(?P<m>{_CN_MONTH})(?:、(?P<m2>{_CN_MONTH}))?月(?:(?P<d>{_CN_DAY})[日號号])?)?"
    r"(?![來来以后後前多余餘半])"
)
"""The same years written digit by digit in Chinese numerals (``一一四年二月``): nobody
writes a length of time so (``一百一十四年``), so the three digits 一〇〇–一九九 before 年
are a year."""


def bare_roc_years(text: str) -> list[Found]:
    """Years of the Republic of China written without 民國 (``103年``, ``104年1月6日``,
    ``103年度``, ``113學年``, ``一一四年二月``), for an article about Taiwan only (gold/README, issue 14):
    1911 + N, for the three-digit years 100–199 (2011–2110), never followed by
    來/以來/後/前/多/餘 (a length of time). Two months listed after the year
    (``一一四年一、二月``) are two dates, the first holding the year.

    >>> [(f.start, f.end, f.value) for f in bare_roc_years("將自104年1月6日起,103年度節省")]
    [(2, 10, '2015-01-06'), (12, 17, '2014')]
    >>> [(f.start, f.end, f.value) for f in bare_roc_years("一一三年十二月,一一四年一、二月")]
    [(0, 7, '2024-12'), (8, 13, '2025-01'), (14, 16, '2025-02')]
    """
    found = []
    for m in _BARE_ROC.finditer(text):
        month, day = _int(m["m"]), _int(m["d"])
        if _valid(month, day, None, None):
            value = timex(int(m["y"]) + 1911, month, day)
            found.append(_date(m.start(), m.end(), value, "date.roc_year_bare"))
    for m in _BARE_ROC_CN.finditer(text):
        year = _int(m["y"])
        month, day = _int(m["m"]), _int(m["d"])
        if year is None or not _valid(month, day, None, None):
            continue
        if m["m2"] is not None:
            second = _int(m["m2"])
            if _valid(second, day, None, None):
                found.append(
                    _date(m.start(), m.end("m"), timex(year + 1911, month), "date.roc_year_bare")
                )
                found.append(
                    _date(
                        m.start("m2"),
                        m.end(),
                        timex(year + 1911, second, day),
                        "date.roc_year_bare",
                    )
                )
            continue
        found.append(
            _date(m.start(), m.end(), timex(year + 1911, month, day), "date.roc_year_bare")
        )
    return sorted(found, key=lambda f: f.start)
