"""Dates and times in a string → TIMEX3 values (SPEC §4).

``find_dates`` returns every date expression with its span in the string it was given,
in order; ranges and lists give one item per end (``7月6日至8日`` → ``7月6日``, ``8日`` with
``XXXX-07-08``). Patterns are compiled once from ``data/dates.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..affixes import skip_spaces, spaces_before, word_at, word_ending_at
from ..lexicons import dates as date_words
from ..lexicons import numbers, per_lexicons
from .numerals import parse_numeral

__all__ = ["DateFound", "find_dates", "timex"]

_SP = r"[ \t\u3000]*"


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    value: str | None  # None: a relative expression with no number (今年, 近日)
    qualifier: str = "exact"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    stamp: re.Pattern[str]
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


@per_lexicons()
def _patterns() -> _Patterns:
    lex = date_words()
    cn_digit = "".join(k for k in numbers().digits)
    year = rf"(?:\d{{4}}|[{cn_digit}]{{4}})"
    month = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
    day = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])"
    hour = r"(?:2[0-4]|1\d|0?\d|[一二]?十[一二三四]?|[一二三四五六七八九零两])"
    minute = r"(?:[0-5]?\d|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    rel = _alt(lex.year_before_month)
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
    rday = _alt(lex.day_before_time)
    pod = _alt(lex.part_of_day)
    hours = "".join(lex.hour)
    pod = rf"(?:{pod}|(?:{_alt(lex.before_clock)})(?={_SP}{hour}{_SP}[{hours}]))"
    month_after = _alt(lex.month_after)
    days = "".join(lex.day)
    hours = "".join(lex.hour)
    about = _alt([*lex.clock_about, *lex.clock_over])
    stamp = re.compile(
        r"(?=\d)(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)"
        r"(?P<d>\d{1,2}(?![\d.])|\d{2}(?=\d{2}:\d{2}))"  # 2018-12-1209:03: glued to its time
        r"(?:[ T\u3000]*(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2}))?)?"
    )
    month_day_clock = re.compile(
        r"(?=\d)(?<![\d\-/.])(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])"
        r"[ T\u3000]+(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!\d)"
    )
    # 8.26的飞机: month.day before 的 (peer-issues call 13); 10.1元 and 4.5小时 are not dates
    dotted = re.compile(r"(?=\d)(?<![\d.])(?P<m>1[0-2]|[1-9])\.(?P<d>0[1-9]|[12]\d|3[01])(?=的)")
    # each pattern below opens with a lookahead of the characters it can start with, which
    # keeps the regex engine from trying its optional groups at every other position
    numeral = f"0-9{cn_digit}十"
    week = re.compile(
        rf"(?=[{numeral}])(?P<y>{year}){_SP}年?{_SP}第{_SP}(?P<w>[1-9]|[1-4]\d|5[0-3]){_SP}周"
    )
    colon_clock = re.compile(
        r"(?=\d)(?<![\d:])(?P<h>[01]?\d|2[0-4]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])(?:时|時)?"
        rf"(?P<q>{about})?"
    )
    # a date starts with a digit, a Chinese numeral or one of the date words: the lookahead
    # keeps the regex from trying every other position
    starts = "".join(
        sorted({w[0] for w in [*lex.year_before_month, *lex.day_before_time, *lex.part_of_day]})
    )
    composite = re.compile(
        rf"(?=[{numeral}{re.escape(starts)}])"
        rf"(?:(?P<rel>{rel}){_SP}(?=\d|[{cn_digit}十]))?"
        rf"(?:(?P<y>{year}|(?<![\d.{cn_digit}十百千])(?P<cy>{cn_year})"
        rf"|(?<![\d.])(?P<yy>\d{{2}}(?={_SP}年)|{cn_yy})){_SP}年{_SP})?"
        rf"(?:(?P<m>{month}){_SP}月(?P<ma>{month_after})?{_SP})?"
        rf"(?:(?P<d>{day}){_SP}(?:(?P<dm>[{days}])|(?={_alt(lex.day_unmarked_before)}|$)){_SP})?"
        rf"(?:(?P<rday>{rday}){_SP}(?=(?:{pod})|\d|[{cn_digit}十]))?"
        rf"(?:(?P<pod>{pod}){_SP})?"
        rf"(?:(?P<h>{hour}){_SP}(?:(?P<hx>许|許)?(?P<hm>[{hours}])(?![间間候期代刻段尚常装裝])"
        rf"(?:{_SP}(?P<half>半)|{_SP}(?P<ke>[一二三123]){_SP}刻(?!钟|鐘)"
        rf"|(?P<min2>[0-5]\d)(?=[，,。；;、)）\s的]|$)"  # 16点30: two digits, no 分, at a stop
        rf"|{_SP}(?P<min>{minute}){_SP}分(?!钟|鐘|之)"
        rf"(?:{_SP}(?P<sec>{minute}){_SP}秒(?!钟|鐘))?)?"
        rf"|[:：](?P<cmin>[0-5]\d)(?:[:：](?P<csec>[0-5]\d))?(?!\d)(?:时|時)?)(?P<q>{about})?)?"
    )
    connector = r"(?:——|--|[-~～—－–至到])"
    year_range = re.compile(
        rf"(?=[{numeral}])(?P<y1>{year}){_SP}(?P<c>{connector}|、){_SP}"
        rf"(?:(?P<y2>{year})|(?<!\d)(?P<yy2>\d{{2}})(?!\d)){_SP}年"
    )
    rel_starts = re.escape("".join(sorted({w[0] for w in lex.year_before_month})))
    month_range = re.compile(
        rf"(?=[{numeral}{rel_starts}])(?:(?P<rel>{rel}){_SP})?(?:(?P<y>{year}){_SP}年{_SP})?(?<![\d月])(?P<m1>{month}){_SP}(?:{connector}|、){_SP}"
        rf"(?P<m2>{month}){_SP}月(?P<ma>{month_after})?"
    )
    day_range = re.compile(
        rf"(?=[{numeral}])(?:(?P<y>{year}){_SP}年{_SP})?(?P<m>{month}){_SP}月{_SP}(?P<d1>{day}){_SP}(?:{connector}|、){_SP}"
        rf"(?P<d2>{day}){_SP}[{days}]"
    )
    half = re.compile(rf"(?=[{numeral}])(?P<y>{year}){_SP}年{_SP}(?P<h>{_alt(lex.half_year)})")
    quarter = re.compile(
        rf"(?=[{numeral}第首])(?:(?P<y>{year}|(?<![\d.])(?P<yy>\d{{2}}|{cn_yy})){_SP}年{_SP})?"
        rf"第?(?P<q>[一二三四首1-4]){_SP}(?:{_alt(lex.quarter_words)})"
    )
    # a further day in a list after a dated day: 9月10号，11号
    listed_day = re.compile(
        rf"{_SP}[，,、和及]{_SP}(?P<d>3[01]|[12]\d|0?[1-9])[{days}](?![\d{days}])"
        rf"(?!{_alt(lex.day_hao_not_before)})"
    )
    # the bare first hour of a clock range, just before the connector: 9~12点半, 下午3至5点
    range_start_hour = re.compile(
        rf"(?<![\d.{cn_digit}十第])(?:(?P<pod>{pod}){_SP})?(?P<h>{hour}){_SP}[-~～—－–至到]{_SP}$"
    )
    return _Patterns(
        stamp,
        colon_clock,
        dotted,
        month_day_clock,
        week,
        composite,
        year_range,
        month_range,
        day_range,
        half,
        quarter,
        range_start_hour,
        listed_day,
        re.compile(_alt(lex.relative)),
    )


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    value = parse_numeral(text)
    return int(value) if value is not None and value == int(value) else None


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


def _composite(match: re.Match[str]) -> DateFound | None:
    g = match.groupdict()
    lex = date_words()
    year = _year(g["y"], g["yy"], g["cy"])
    month = _int(g["m"])
    day = _int(g["d"])
    hour = _int(g["h"])
    minute = (
        30
        if g["half"]
        else 15 * (_int(g["ke"]) or 0)
        if g["ke"]
        else _int(g["cmin"] or g["min2"])
        if g["cmin"] or g["min2"]
        else _int(g["min"])
    )
    second = int(g["csec"]) if g["csec"] else _int(g["sec"]) if g["sec"] else None
    if g["y"] is None and g["m"] is None and g["d"] is None and g["h"] is None:
        return None
    if g["rday"] and g["h"] is None and g["pod"] is None:
        return None  # 明天 alone is relative
    if g["d"] is not None and g["m"] is None and g["dm"] != "日":
        chinese = not any(ch.isdigit() for ch in g["d"])
        timed = g["pod"] is not None or g["h"] is not None  # 8号晚上9点
        if not (
            (chinese or timed)
            and g["dm"] in ("号", "號")
            and not match.string.startswith(lex.day_hao_not_before, match.end("dm"))
        ):
            return None  # 长城2号, 三号线: a name or number, not a day (我是十号从… is one)
    text = match.string
    if g["yy"] is not None and g["m"] is None:
        after = skip_spaces(text, match.end("y"))
        after += text.startswith("年", after)
        if word_ending_at(text, match.start("yy"), lex.short_year_not_after) or word_at(
            text, after, lex.short_year_not_before
        ):
            return None  # 过去21年, 10年以上: a length of time
    next_char = text[match.end() : match.end() + 1]
    if g["h"] is not None:
        if g["cmin"] is not None and not (g["d"] or g["m"] or g["pod"] or g["rday"]):
            return None  # a bare 18:00 is read by the colon-clock pattern
        if g["hm"] and g["hm"] in "点點" and next_char.isdigit() and g["min"] is None:
            return None  # 24点5度 is a decimal, not a clock time
        bare = (
            g["d"] is None
            and g["m"] is None
            and g["pod"] is None
            and g["min"] is None
            and g["min2"] is None
            and g["ke"] is None
            and not g["half"]
        )
        if bare and not g["q"]:
            if g["hm"] and g["hm"] in "时時" and not g["h"].isdigit():
                return None  # 一时冲动
            if g["h"] in ("一", "壹"):
                return None  # 大一点的男子: 一点 is "a bit", not one o'clock
            if word_at(text, match.end(), lex.bare_clock_not_before):
                return None  # 提出5点要求: points, not a time
            if not (not next_char or word_at(text, match.end(), lex.bare_clock_before)):
                return None
    if g["d"] is not None and g["m"] is None and g["y"] is None and g["h"] is None:
        before = spaces_before(text, match.start("d"))
        if word_ending_at(text, before, lex.day_alone_not_after) or word_at(
            text, match.end("dm"), lex.day_alone_not_before
        ):
            return None  # 近30日, 每日, 30日内
    if not _valid(month, day, hour, minute):
        return None
    qualifier = _clock_qualifier(g["q"])
    if g["hx"]:
        qualifier = "about"  # 凌晨2许时: a garbled 2时许 (peer-issues call 14)
    part = lex.part_of_day.get(g["pod"]) if g["pod"] else None
    if hour is not None and g["pod"] in lex.pm and hour < 12:
        hour += 12
    elif hour == 12 and g["pod"] in lex.midnight_twelve:
        hour = 24  # 晚上十二点: midnight at the end of the day
    if hour is not None:
        part = None
    start = (
        match.start("rel")
        if g["rel"] and (g["m"] is not None)
        else match.start("y")
        if g["y"]
        else None
    )
    if start is None:
        names = ("m", "d", "rday", "pod", "h")
        start = min(match.start(n) for n in names if match.group(n) is not None)
    end = match.end()
    # the part of day is in the text only when it belongs to the date (no clock time after it
    # is fine too); trailing spaces are not part of the text
    end = max(start, spaces_before(match.string, end))
    if g["pod"] and g["h"] is None and g["d"] is None and g["m"] is None:
        return None  # 上午 alone is relative
    if g["h"] is None and (about := word_at(text, match.end(), lex.date_about)):
        end, qualifier = match.end() + len(about), "about"  # 2020年3月左右
    return DateFound(
        start, end, timex(year, month, day, hour, minute, second, part=part), qualifier
    )


def _clock_qualifier(word: str | None) -> str:
    """许/左右 after a clock time → about, 多 → over."""
    if not word:
        return "exact"
    return "about" if word in date_words().clock_about else "over"


def _neighbour_fill(found: DateFound, previous: DateFound, bare_clock: bool) -> DateFound:
    """An item of a range or list that leaves out the year or month takes it from its
    neighbour (SPEC: ``7月6日至8日`` → ``8日`` = ``XXXX-07-08``); a bare clock time
    after a dated time takes the day too, and an afternoon start makes a ``bare_clock``
    end (one with no part-of-day word of its own) an afternoon time."""
    mine, theirs = found.value or "", previous.value or ""
    if len(mine) == 7 and mine.startswith("XXXX-") and theirs[:4].isdigit():
        return DateFound(
            found.start, found.end, theirs[:4] + mine[4:], found.qualifier
        )  # 8月至11月
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
    return DateFound(found.start, found.end, year + "-" + month + rest, found.qualifier)


def _listed_days(text: str, found: list[DateFound]) -> list[DateFound]:
    """Days listed after a dated day with their own 号/日: ``9月10号，11号，12号`` → the 11th and
    12th of September (a digit day with 号 alone is read only here, after a full date)."""
    p = _patterns()
    listed = []
    for item in found:
        value = item.value or ""
        if len(value) != 10 or not value[8:10].isdigit():
            continue
        end = item.end
        while (m := p.listed_day.match(text, end)) is not None:
            day = _int(m["d"])
            if not _valid(int(value[5:7]) if value[5:7].isdigit() else None, day, None, None):
                break
            listed.append(DateFound(m.start("d"), m.end(), f"{value[:8]}{day:02d}"))
            end = m.end()
    return listed


def _range_start_hours(text: str, found: list[DateFound], taken: bytearray) -> list[DateFound]:
    """The bare first hour of a clock range: ``9~12点半`` → ``9`` is ``T09:00``, ``下午3至5点``
    → ``下午3`` is ``T15:00`` (the end then takes the afternoon from it)."""
    p = _patterns()
    lex = date_words()
    starts = []
    for item in found:
        if not (item.value or "").startswith("XXXX-XX-XXT"):
            continue
        m = p.range_start_hour.search(text, max(0, item.start - 12), item.start)
        if m is None or any(taken[m.start() : m.end()]):
            continue
        hour = _int(m["h"])
        if hour is None or hour > 24:
            continue
        if m["pod"] in lex.pm and hour < 12:
            hour += 12
        starts.append(DateFound(m.start(), m.end("h"), timex(hour=hour, minute=0)))
    return starts


def _join_date_and_time(text: str, found: list[DateFound]) -> list[DateFound]:
    """A day written directly before a time of day is one date: ``2010-01-29早上七点`` →
    ``2010-01-29T07:00`` (the composite pattern already joins ``1月29日早上七点``)."""
    joined: list[DateFound] = []
    for item in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.value
            and item.value
            and len(last.value) == 10
            and last.value[8:10].isdigit()
            and item.value.startswith("XXXX-XX-XXT")
            and (gap := text[last.end : item.start].strip(" \t\u3000")) in ("", "-")
            and (not gap or text[item.start].isdigit())  # 2021-09-12-11:23
            and last.qualifier == "exact"
        ):
            value = last.value + item.value[10:]
            joined[-1] = DateFound(last.start, item.end, value, item.qualifier)
        else:
            joined.append(item)
    return joined


_BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")  # (星期一) inside a range
_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")
_HAS_FULLWIDTH = re.compile("[０-９：－／．]")


def find_dates(text: str) -> list[DateFound]:
    """Every date or time expression in ``text``, in order.

    >>> text = "7月6日至8日,2017年至2021年"
    >>> [(text[d.start : d.end], d.value) for d in find_dates(text)]
    [('7月6日', 'XXXX-07-06'), ('8日', 'XXXX-07-08'), ('2017年', '2017'), ('2021年', '2021')]
    """
    p = _patterns()
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)  # same length: offsets hold
    found: list[DateFound] = []
    taken = bytearray(len(text))

    def add(item: DateFound) -> None:
        if item.end > item.start and not any(taken[item.start : item.end]):
            found.append(item)
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)

    for m in p.stamp.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        h = int(m["h"]) if m["h"] else None
        if _valid(mo, d, h, int(m["min"]) if m["min"] else None):
            add(
                DateFound(
                    m.start(),
                    m.end(),
                    timex(
                        y,
                        mo,
                        d,
                        h,
                        int(m["min"]) if m["min"] else None,
                        int(m["s"]) if m["s"] else None,
                    ),
                )
            )
    for m in p.month_day_clock.finditer(text):
        add(
            DateFound(
                m.start(),
                m.end(),
                timex(None, int(m["m"]), int(m["d"]), int(m["h"]), int(m["min"])),
            )
        )
    for m in p.week.finditer(text):
        add(DateFound(m.start(), m.end(), f"{_year(m['y']):04d}-W{int(m['w']):02d}"))
    for m in p.dotted.finditer(text):
        add(DateFound(m.start(), m.end(), timex(None, int(m["m"]), int(m["d"]))))
    for m in p.half.finditer(text):
        add(DateFound(m.start(), m.end(), f"{_year(m['y']):04d}-{date_words().half_year[m['h']]}"))
    for m in p.quarter.finditer(text):
        year = _year(m["y"], m["yy"]) if m["y"] else None
        quarter = 1 if m["q"] == "首" else _int(m["q"])
        prefix = f"{year:04d}" if year is not None else "XXXX"
        add(DateFound(m.start(), m.end(), f"{prefix}-Q{quarter}"))
    for m in p.year_range.finditer(text):
        y1 = _year(m["y1"])
        if m["yy2"]:  # 1985到89年9月: the second end (a short year) is read on its own
            if y1 is not None and str(y1)[2:] < m["yy2"]:
                add(DateFound(m.start("y1"), m.end("y1"), f"{y1:04d}"))
            continue
        y2 = _year(m["y2"])
        add(DateFound(m.start("y1"), m.end("y1"), f"{y1:04d}"))
        add(DateFound(m.start("y2"), m.end(), f"{y2:04d}"))
    for m in p.month_range.finditer(text):
        year = _year(m["y"]) if m["y"] else None
        m1, m2 = _int(m["m1"]), _int(m["m2"])
        if not (_valid(m1, None, None, None) and _valid(m2, None, None, None)):
            continue
        first_start = m.start("rel") if m["rel"] else m.start("y") if m["y"] else m.start("m1")
        add(DateFound(first_start, m.end("m1"), timex(year, m1)))
        add(DateFound(m.start("m2"), m.end(), timex(year, m2)))
    for m in p.day_range.finditer(text):
        year = _year(m["y"]) if m["y"] else None
        month, d1, d2 = _int(m["m"]), _int(m["d1"]), _int(m["d2"])
        if not (_valid(month, d1, None, None) and _valid(month, d2, None, None)):
            continue
        add(
            DateFound(m.start("y") if m["y"] else m.start("m"), m.end("d1"), timex(year, month, d1))
        )
        add(DateFound(m.start("d2"), m.end(), timex(year, month, d2)))
    for m in p.composite.finditer(text):
        if m.end() == m.start():
            continue
        item = _composite(m)
        if item is not None:
            add(item)
    for m in p.colon_clock.finditer(text):
        add(
            DateFound(
                m.start(),
                m.end(),
                timex(
                    hour=int(m["h"]), minute=int(m["min"]), second=int(m["s"]) if m["s"] else None
                ),
                _clock_qualifier(m["q"]),
            )
        )
    for m in p.relative.finditer(text):
        add(DateFound(m.start(), m.end(), None))
    for item in _range_start_hours(text, found, taken):
        add(item)
    for item in _listed_days(text, list(found)):
        add(item)
    found.sort(key=lambda d: d.start)
    found = _join_date_and_time(text, found)
    connectors = {*"-~～—－–至到、和及", "——", "--", "－－"}
    for i in range(1, len(found)):
        gap = _BRACKETED.sub("", text[found[i - 1].end : found[i].start]).strip(" \t\u3000")
        if gap in connectors and found[i].value and found[i - 1].value:
            span = text[found[i].start : found[i].end]
            bare = not any(word in span for word in date_words().part_of_day)
            found[i] = _neighbour_fill(found[i], found[i - 1], bare)
    return found
