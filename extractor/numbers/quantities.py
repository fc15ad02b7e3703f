"""Money, counts, percents, durations, ages and measures in a string (SPEC §3).

The ``quantity`` stage of the grammar (``extractor.numbers.grammar``). Its rules:

- priority 10, competing by position: numbers written in words or a special shape
  (百分之三十, 三分之一, 一半, 半成, 半年, a table header's 亿, 10k元);
- priority 20, ``quantity.number``: every other number (Arabic, Chinese, mixed) outside
  what is taken, read with its qualifier, range and the unit after it; the **unit rules**
  (by priority: percent signs, percentage points, 成, 个亿, 块, currencies, ages, lengths of
  time, classifiers, counted nouns, physical units) decide the kind. What SPEC says is not a
  fact is dropped (bare numbers, the indefinite 一 with a classifier, ordinals, codes,
  descriptors: ``data/exclusions.toml``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from ..affixes import (
    alternation,
    is_han,
    skip_spaces,
    spaces_before,
    word_at,
    word_ending_at,
    words_at,
)
from ..lexicons import (
    attach,
    dates,
    exclusions,
    kind,
    kinds,
    numbers,
    per_lexicons,
    qualifiers,
    units,
)
from .attach import CLAUSE_END, bounds
from .grammar import (
    Found,
    Scan,
    UnitRule,
    rule,
    run,
    stage_pass,
    unit_rule,
    unit_rules_by_first_char,
)
from .numerals import parse_numeral, parse_range_pair
from .tagging import tagged, word_across

__all__ = ["find_quantities"]

_CLAUSE_END = frozenset("，,。；;！？!?、：:）)”\n")
_TRAILING_MULT = re.compile(
    r"[百佰千万亿萬億仟]+$"
)  # 3至5千元: 3 takes 千; 两到三百元: 两 takes 百
_TRAILING_BIG = re.compile(r"[万亿萬億]+$")  # 一千到两千万元: 一千 takes 万 only
_HEADER = re.compile(
    r"[（(](?P<mult>亿元|万元|億元|萬元|千元|亿|万|億|萬|元)[）)][ \t\u3000]*(?P<num>[0-9]+(?:\.[0-9]+)?)"
)
_PERCENT_PLACES = Decimal("0.001")


@dataclass(frozen=True)
class _Patterns:
    core: re.Pattern[str]
    mult: re.Pattern[str]
    fraction: re.Pattern[str]
    per: re.Pattern[str]
    half: re.Pattern[str]
    stops: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]
    any_right: re.Pattern[str]  # every stop's right side as one pattern: a quick "none holds"


@per_lexicons()
def _patterns() -> _Patterns:
    lex = numbers()
    cn = re.escape(lex.numeral_chars)
    point = re.escape("".join(lex.decimal_point))
    arabic = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
    # digits grouped by thin or plain spaces, as typeset judgments write them (109 544元): a
    # first group of one to three digits, then groups of three
    spaced = r"[0-9]{1,3}(?:[ \u2009\u202f][0-9]{3}(?![0-9]))+(?:\.[0-9]+)?"
    # a full stop between Chinese digits is a decimal point (三．一八％, 二○六.四公斤: the Taiwan press)
    core = re.compile(rf"(?<![0-9]){spaced}|{arabic}|[{cn}]+(?:[{point}．.][{cn}]+)?")
    big_small = re.escape("".join([*lex.small_units, *lex.big_units]))
    mult = re.compile(rf"[{big_small}]+")
    digits = "0-9０-９"
    # the denominator starts where its run of numerals starts: a match inside the run could
    # start earlier, so trying there again is wasted (and quadratic on a run of 一 or 1)
    fraction = re.compile(
        rf"(?P<dneg>[负負])?(?<![{cn}{digits}])(?P<den>[{cn}{digits}]+)分之(?P<nneg>[负負])?"
        rf"(?P<num>[{cn}{digits}.．,，]*[{cn}{digits}](?:[{point}][{cn}]+)?)"
    )
    per = re.compile(
        rf"(?P<base>百分之|千分之|万分之|萬分之)(?P<num>[{cn}{digits}.．,，]*[{cn}{digits}](?:[{point}][{cn}]+)?)"
    )
    units_lex = units()
    time_units = alternation(units_lex.time)
    half = re.compile(rf"半(?:个|個)?(?P<unit>{time_units})")
    stops = []
    for pattern in exclusions().patterns:
        left, _, right = pattern.partition("{N}")
        stops.append(
            (
                re.compile(f"(?:{left})\\Z") if left else None,
                re.compile(right) if right else None,
            )
        )
    rights = [pattern.partition("{N}")[2] for pattern in exclusions().patterns]
    any_right = re.compile("|".join(f"(?:{r})" for r in rights if r) or "(?!)")
    return _Patterns(core, mult, fraction, per, half, tuple(stops), any_right)


@per_lexicons()
def _over_or_vague_after() -> tuple[str, ...]:
    """余/多 (over) and 几 (vague) marks after a number, in that order."""
    return numbers().over_after + numbers().vague_after


@per_lexicons()
def _unit_words(table: str) -> tuple[str, ...]:
    """The words of a ``data/units.toml`` table (``currency_after``, ``currency_before``,
    ``time``, ``measure``), longest first."""
    words: dict[str, str] = getattr(units(), table)
    return tuple(sorted(words, key=len, reverse=True))


@per_lexicons()
def _scaled_unit_words() -> tuple[str, ...]:
    """Physical units that open with a multiplier character (千米, 千克, 千瓦时), longest
    first: ``5千米`` is 5 km, so the 千 belongs to the unit, not the number."""
    mults = numbers().small_units | numbers().big_units
    return tuple(w for w in _unit_words("measure") if w[0] in mults)


def _stopped(text: str, start: int, end: int) -> bool:
    """A stop-pattern of ``data/exclusions.toml`` holds around ``text[start:end]``."""
    before = text[max(0, start - 12) : start]
    patterns = _patterns()
    any_right = patterns.any_right.match(text, end) is not None
    for left, right in patterns.stops:
        if right is not None and not (any_right and right.match(text, end)):
            continue
        if left is not None and not left.search(before):
            continue
        return True
    return False


# -- reading a number ------------------------------------------------------------------------


@dataclass
class _Number:
    start: int  # where the number's text starts (a vague prefix such as 上/数 included)
    end: int
    value: Decimal
    high: Decimal | None
    over: bool
    has_digit: bool
    big: bool  # written with 万/亿 (or a vague multiple): can be bare money
    core: str
    vague: bool = False  # 上千万, 数十, 几十万, 十几: no exact digit value


def _vague_prefix(text: str, start: int, core: str) -> str | bool | None:
    """A vague word before the number that makes it a vague multiple (上千万, 数十): the
    word; False when it takes away the value (几 before a digit); else None."""
    lex = numbers()
    vague = word_ending_at(text, start, lex.vague_before)
    if vague in ("上",) and core[0] not in "百千万亿萬億佰仟":
        return None  # 以上十年以下: 上 makes a vague multiple only of 百/千/万/亿 (上千万)
    if vague in ("数", "數") and text[start - 2 : start - 1] in lex.vague_shu_not_after:
        return None  # 倒数百日, 恒生指数十年来: 数 ends a word there
    if vague and (core[0] in lex.small_units or core[0] in lex.big_units):
        return vague
    if vague and vague in ("几", "幾"):
        return False  # 几 before a digit: no value
    return None


_MORE_DIGITS = re.compile(
    r"(?:[0-9０-９]{1,4}[千百十仟佰拾]){1,3}(?:[0-9０-９]{1,4}(?![0-9０-９.]))?[万萬]?"
    # 4萬8000元, 6萬240元, 60億4400.2萬元, 22萬6,299元: digits after a big unit (Taiwan and
    # Hong Kong), maybe with a thousands separator
    r"|[0-9０-９]{1,4}(?:[,，][0-9０-９]{3}(?![0-9０-９]))?(?:\.[0-9]+)?[万萬]?"
    r"(?![0-9０-９.年月日号號时時点點%％])"
)


@per_lexicons()
def _trillion() -> re.Pattern[str]:
    """兆 (``numbers.toml`` ``trillion``) and the 亿 (and 万) after it: ``兆9142亿``,
    ``兆5,585.00億``, ``兆7629億6400萬``; or 兆 right before 元 (``新臺幣1兆元``, ``3.5兆元``)."""
    section = r"[0-9]{1,4}(?:,[0-9]{3})?(?:\.[0-9]+)?"
    return re.compile(
        rf"{re.escape(numbers().trillion)}"
        rf"(?:(?P<rest>{section}[亿億](?:{section}[万萬])?)|(?=[元圓圆]))"
    )


def _multiplier(text: str, j: int, core: str) -> tuple[str, int]:
    """万/亿/千 written after an Arabic core (1.2万, 3万5千); ``("", j)`` when none. A 千
    that opens a physical unit stays with the unit (5千米, 1.2亿千瓦时)."""
    if core[-1:].isdigit() and (t := _trillion().match(text, j)):
        if t["rest"] is None:
            return "万亿", t.end()  # 1兆元 = 1万亿元
        return "万" + t["rest"], t.end()  # 3兆9142亿 = 3万9142亿 = 39142亿
    m = _patterns().mult.match(text, j)
    if not (m and core[-1:].isdigit()):
        return "", j
    mult, i = m.group(), m.end()
    if mult.endswith("千") and word_at(text, i - 1, _scaled_unit_words()):
        mult, i = mult[:-1], i - 1
        if not mult:
            return "", j
    # 3万5千, 1万2千, 1億8千5百萬: further Arabic numbers with smaller units
    more = _MORE_DIGITS.match(text, i)
    if more and mult[-1] in numbers().big_units:
        mult, i = mult + more.group(), more.end()
    return mult, i


def _read_number(text: str, match: re.Match[str]) -> _Number | None:
    """The number at ``match``: core, 余/多/几, multipliers (1500余万, 9.3万余, 十几万)."""
    lex = numbers()
    start, i = match.start(), match.end()
    core = match.group()
    over = is_vague = False
    vague = _vague_prefix(text, start, core)
    if vague is False:
        return None
    if vague:
        start -= len(vague)
        over = is_vague = True
    j = skip_spaces(text, i)
    word = word_at(text, j, _over_or_vague_after())
    mult = ""
    if word:
        k = skip_spaces(text, j + len(word))
        m = _patterns().mult.match(text, k)
        is_vague = is_vague or word in lex.vague_after
        if m:
            over, mult, i = True, m.group(), m.end()  # 1500余万, 两千余万, 十几万
        else:
            over, i = True, j + len(word)  # 10多年, 十几个
    else:
        mult, i = _multiplier(text, j, core)
        i = i if mult else match.end()
    if not over:
        j = skip_spaces(text, i)
        word = word_at(text, j, lex.over_after)
        if word and (mult or any(ch in lex.big_units for ch in core)):
            over, i = True, j + len(word)  # 9.3万余人
    number_text = core + mult
    pair = parse_range_pair(number_text)
    if pair is not None:
        value, high = pair
    else:
        parsed = parse_numeral(number_text)
        if parsed is None:
            return None
        value, high = parsed, None
    has_digit = any(ch.isdigit() or ch in lex.digits for ch in core)
    big = (
        bool(mult)
        or any(ch in lex.big_units for ch in core)
        or (over and core[0] in lex.small_units)
    )
    return _Number(start, i, value, high, over, has_digit, big, core, is_vague)


# -- the unit rules: what follows a number decides its kind ---------------------------------


@dataclass
class _Unit:
    """What a unit rule read after a number (made fresh for each reading, so the reading
    may set its rule name and currency on it)."""

    kind: str
    unit: str
    end: int
    scale: Decimal = Decimal(1)
    extra: Decimal = Decimal(0)
    over: bool = False  # 两个多月
    rule: str = ""


def _read_unit(text: str, i: int, number: _Number) -> _Unit | None:
    """The unit after a number: the answer of the first unit rule (by priority) that
    reads one at ``i`` (after any blanks)."""
    i = skip_spaces(text, i)
    for unit_rule_ in _unit_rules_at().get(text[i : i + 1], ()):
        found = unit_rule_.read(text, i, number)
        if found is _NO_UNIT:
            return None
        if found is not None:
            assert isinstance(found, _Unit)
            if not found.rule:
                found.rule = unit_rule_.name
            return found
    return None


@per_lexicons()
def _unit_rules_at() -> dict[str, tuple[UnitRule, ...]]:
    return unit_rules_by_first_char()


@unit_rule(
    "percent.sign",
    priority=10,
    matches="% ％",
    example="增长43.9% → 43.9% = 43.9 %",
    words=lambda: units().percent_signs,
)
def _percent_sign(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().percent_signs):
        return _Unit("percent", "%", i + len(word))
    return None


@unit_rule(
    "percent.per_mille",
    priority=15,
    matches="‰ (per mille: tenths of a percent, as 千分之五 → 0.5)",
    example="人口自然增长率控制在6‰以内 → 6‰以内 = 0.6 %",
    words=lambda: units().per_mille_signs,
)
def _per_mille_sign(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().per_mille_signs):
        return _Unit("percent", "%", i + len(word), scale=Decimal("0.1"))
    return None


@unit_rule(
    "percent.points",
    priority=20,
    matches="个百分点 (percentage points)",
    example="提高3.2个百分点 → 3.2个百分点 = 3.2 pp",
    words=lambda: units().percent_points,
)
def _percent_points(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().percent_points):
        return _Unit("percent", "pp", i + len(word))
    return None


@unit_rule(
    "percent.points_listed",
    priority=21,
    matches="个 before a list whose last item names 个百分点 (the points written once)",
    example="分别提高0.1个、0.2个百分点 → 0.1个 = 0.1 pp",
    words=lambda: ("个", "個"),
)
def _percent_points_listed(text: str, i: int, number: _Number) -> _Unit | None:
    if text[i : i + 1] in ("个", "個") and _LISTED_POINTS.match(text, i + 1):
        return _Unit("percent", "pp", i + 1)
    return None


@unit_rule(
    "percent.listed_bare",
    priority=22,
    matches="a bare number before a 和/、 list whose last item names 个百分点 or % (the unit written once)",
    example="分别回落6.2和6.9个百分点 → 6.2 = 6.2 pp",
    words=lambda: ("和", "、", "及", "与", "與"),
)
def _percent_listed_bare(text: str, i: int, number: _Number) -> _Unit | None:
    if not number.has_digit or number.big:
        return None
    m = _LISTED_BARE.match(text, i)
    if m is None:
        return None
    return _Unit("percent", "%" if m["unit"] in ("%", "％") else "pp", i)


@unit_rule(
    "percent.li",
    priority=25,
    matches="厘 after a rate word in its clause (a percent: 減息0.25厘, 年息5.375厘; 月息 tenths)",
    example="決定減息0.25厘 → 0.25厘 = 0.25 %",
    words=lambda: units().percent_li,
)
def _percent_li(text: str, i: int, number: _Number) -> _Unit | None:
    lex = units()
    word = word_at(text, i, lex.percent_li)
    if word is None or word_at(text, i + len(word), lex.percent_li_not_before):
        return None  # 4厘米: a length
    clause = text[bounds(text, number.start, number.start, CLAUSE_END, 30)[0] : number.start]
    if not any(rate in clause for rate in lex.rate_words):
        return None
    if any(rate in clause for rate in lex.daily_rate_words):
        return None  # 日息1厘: a daily rate's 厘 is not a percent of the year
    monthly = any(rate in clause for rate in lex.monthly_rate_words)
    return _Unit("percent", "%", i + len(word), scale=Decimal("0.1") if monthly else Decimal(1))


# one more item of a list of numbers: a joiner, then digits (、0.2, 和6.9)
_LIST_ITEM = r"[ \t\u3000]*[、和及与與][ \t\u3000]*[0-9０-９][0-9０-９.]*"
_POINTS = r"(?:个百分点|個百分點|个百分點)"
_LISTED_BARE = re.compile(rf"(?:{_LIST_ITEM})*{_LIST_ITEM}[ \t\u3000]*(?P<unit>{_POINTS}|%|％)")


_LISTED_POINTS = re.compile(
    rf"(?:{_LIST_ITEM}[ \t\u3000]*[个個])*{_LIST_ITEM}[ \t\u3000]*{_POINTS}"
)


@unit_rule(
    "percent.cheng",
    priority=30,
    matches="成 after a number up to ten (tenths: 七成, 三成半, 七成六)",
    example="超三成 → 超三成 = 30 %",
    words=lambda: ("成",),
)
def _percent_cheng(text: str, i: int, number: _Number) -> _Unit | None:
    if not (text.startswith("成", i) and number.value <= 10 and not number.big):
        return None
    if text.startswith("成半", i):
        return _Unit("percent", "%", i + 2, scale=Decimal(10), extra=Decimal(5))  # 三成半 = 35
    after = text[i + 1 : i + 2]
    arabic = number.core.isascii()  # 4成3 in digits, 七成六 in words: never mixed (一成 3月份)
    digit = (after if "0" <= after <= "9" else None) if arabic else numbers().digits.get(after)
    rest = text[i + 2 : i + 3]
    if digit and not (rest and (rest in numbers().numeral_chars or rest in "成个個.0123456789")):
        # 七成六, 4成3 = 76, 43 (a single digit after 成, not the start of another number)
        return _Unit("percent", "%", i + 2, scale=Decimal(10), extra=Decimal(int(digit)))
    return _Unit("percent", "%", i + 1, scale=Decimal(10))


@unit_rule(
    "money.ge_yi",
    priority=40,
    matches="个亿 after a small number (两个亿 = 2亿), with any currency after it, "
    "or bare where a money word governs it",
    example="损失两个亿元 → 两个亿元 = 200000000 CNY",
    words=lambda: units().ge_yi,
)
def _money_ge_yi(text: str, i: int, number: _Number) -> _Unit | None:
    if not (word := word_at(text, i, units().ge_yi)) or number.big:
        return None
    inner = _read_unit(text, i + len(word), number)
    if inner is not None and inner.kind == "money":  # 两个亿卢布 = 2亿 RUB
        scale = Decimal(100_000_000) * inner.scale
        return _Unit("money", inner.unit, inner.end, scale=scale, extra=inner.extra)
    if _money_context(text, number.start, i + len(word)):  # 诈骗 1 个亿: a bare 亿 amount
        return _Unit("money", "local", i + len(word), scale=Decimal(100_000_000))
    return _NO_UNIT  # 两个亿的项目: not a count of 个


_NO_UNIT = _Unit("none", "", 0, rule="none")
"""A unit rule's answer that the number has no unit (no later rule is asked)."""


def _money_after_unit(text: str, end: int) -> str | None:
    """A word kept inside a money text after its unit (``data/units.toml`` ``[money]``
    ``after_unit``: 十块钱, 伍仟元整), unless it opens a word of its own there (``4元整数关口``)."""
    lex = units()
    word = word_at(text, end, lex.money_after_unit)
    if word and text[end + len(word) : end + len(word) + 1] in lex.money_after_unit_not_before:
        return None
    return word


@unit_rule(
    "money.kuai",
    priority=50,
    matches="块 (money) with 角/毛 after it, or at the end of a clause under a money word",
    example="花费我三块 → 三块 = 3 CNY",
    words=lambda: units().yuan_with_fraction,
)
def _money_kuai(text: str, i: int, number: _Number) -> _Unit | None:
    lex = units()
    if not (word := word_at(text, i, lex.yuan_with_fraction)):
        return None
    extra, end = _money_fraction(text, i + len(word))
    if extra:  # 十块三毛: 块 with 角/毛 after it is the local currency
        more = _money_after_unit(text, end)
        return _Unit("money", "local", end + (len(more) if more else 0), extra=extra)
    after = text[end : end + 1]
    if (not after or after in _CLAUSE_END) and _money_context(text, number.start, end):
        return _Unit("money", "local", end)  # 花费我三块
    return None


@unit_rule(
    "money.currency_after",
    priority=60,
    matches="a currency word after the amount (元, 美元, 港幣 …; 角/分 and 整 after 元)",
    example="收缴赃款1500余万元 → 1500余万元 = 15000000 CNY",
    words=lambda: units().currency_after,
)
def _money_currency_after(text: str, i: int, number: _Number) -> _Unit | None:
    lex = units()
    if not (word := word_at(text, i, _unit_words("currency_after"))):
        return None
    end = i + len(word)
    if word in ("元", "圆", "圓", "块钱", "塊錢"):
        extra, end = _money_fraction(text, end)
    else:
        extra, end = _money_subunit(text, end, lex.currency_after[word])
    more = _money_after_unit(text, end)
    return _Unit("money", lex.currency_after[word], end + (len(more) if more else 0), extra=extra)


@unit_rule(
    "money.subunit",
    priority=61,
    matches="a hundredth of a currency alone after an amount (美分, 港仙, 便士)",
    example="价格上涨35.5美分 → 35.5美分 = 0.355 USD",
    words=lambda: units().currency_subunits,
)
def _money_subunit_alone(text: str, i: int, number: _Number) -> _Unit | None:
    """``35.5美分``: money in whole currency units (SPEC §3), a hundredth of the currency."""
    if word := word_at(text, i, _unit_words("currency_subunits")):
        currency = units().currency_subunits[word]
        return _Unit("money", currency, i + len(word), scale=Decimal("0.01"))
    return None


@unit_rule(
    "age.sui",
    priority=70,
    matches="岁 歲 周岁",
    example="43岁的刘某 → 43岁 = 43 year",
    words=lambda: units().age,
)
def _age(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().age):
        return _Unit("age", "year", i + len(word))
    return None


@unit_rule(
    "duration.and_a_half",
    priority=80,
    matches="个半 + a unit of time (一个半月, 两个半小时)",
    example="一个半月 → 一个半月 = 1.5 month",
    words=lambda: ("个半", "個半"),
)
def _duration_and_a_half(text: str, i: int, number: _Number) -> _Unit | None:
    if text.startswith(("个半月", "個半月"), i):
        return _Unit("duration", "month", i + 3, extra=Decimal("0.5"))
    if text.startswith(("个半", "個半"), i):
        after = word_at(text, i + 2, _unit_words("time"))
        if after:
            return _Unit("duration", units().time[after], i + 2 + len(after), extra=Decimal("0.5"))
    return None


@unit_rule(
    "duration.first_months",
    priority=85,
    matches="月 after a number of months that 前/首 counts from the start of a year",
    example="去年前11月 → 11月 = 11 month",
    words=lambda: ("月",),
)
def _first_months(text: str, i: int, number: _Number) -> _Unit | None:
    """``去年前 11 月``, ``首九月``: the first N months, a length of time (the date stage leaves
    them); a month of the calendar after them (``前3月份``, ``首月``) is not."""
    before = text[: number.start].rstrip(" \t\u3000")
    if not (text.startswith("月", i) and before.endswith(dates().first_months)):
        return None
    if text.startswith(("月份", "月底", "月初", "月末", "月中"), i) or number.value > 12:
        return None
    return _Unit("duration", "month", i + 1)


@unit_rule(
    "duration.days_within",
    priority=88,
    matches="日 before 内 (a number of days within which a thing is done), after a word of "
    "lasting or a countdown (连续, 经过, 苦守, 拘留, 倒计时 …: dates.toml day_length_after), "
    "or after a decimal number (平均留宿1.3日)",
    example="之日起10日内 → 10日内 = 10 day",
    words=lambda: (units().day_within,),
)
def _days_within(text: str, i: int, number: _Number) -> _Unit | None:
    """``10日内``, ``2日內``: 日 is a day of the month (the date stage's) but a length of days
    before 内 (``data/units.toml`` ``days_within``) or after a word of lasting (``连续两日``,
    ``治安拘留15日``, ``倒计时一百日``: ``data/dates.toml`` ``day_length_after``, which the
    date stage reads too)."""
    day = units().day_within
    if not text.startswith(day, i):
        return None
    lead = word_ending_at(text, spaces_before(text, number.start), dates().day_length_after)
    decimal = "." in number.core  # 平均留宿1.3日: no day of a month has a decimal point
    if lead or decimal or word_at(text, i + len(day), units().days_within):
        return _Unit("duration", "day", i + len(day))  # 经过两日蹲守, 治安拘留15日
    return None


@unit_rule(
    "duration.time",
    priority=90,
    matches="a unit of time (年, 个月, 天, 小时, 分钟, 秒 …)",
    example="过去五年 → 五年 = 5 year",
    words=lambda: getattr(units(), _kind_table("duration")),
)
def _duration(text: str, i: int, number: _Number) -> _Unit | None:
    table = _kind_table("duration")
    if word := word_at(text, i, _unit_words(table)):
        if (noun := word_at(text, i, units().time_nouns)) and not word_at(
            text, i + len(noun), units().time_nouns_not_before
        ):
            return None  # 两个月份: months counted as items (a count of 个), no length
        symbol = getattr(units(), table)[word]
        return _Unit("duration", symbol, i + len(word), over="多" in word)
    return None


@unit_rule(
    "count.classifier",
    priority=100,
    matches="a classifier (起, 人, 名, 个, 张, 人次 …)",
    example="破获案件1718起 → 1718起 = 1718 起",
    words=lambda: units().classifiers,
)
def _count_classifier(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().classifiers):
        if word_at(text, i, units().classifier_opens):
            return None  # 1.5亿支持: the classifier's character opens a word of its own
        if word == "人次" and text.startswith("之", i + len(word)):
            word = "人"  # 增加1萬4,000人次之: 人, then 次之 (second)
        if word in ("个", "個") and (kept := word_at(text, i + 1, units().kept_after_ge)):
            return _Unit("count", word, i + 1 + len(kept))  # 15个基点: basis points
        return _Unit("count", *_with_alternatives(text, word, i + len(word)))
    return None


_ALTERNATIVES = re.compile(r"[(（]([\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2}){0,3})[)）]")


def _with_alternatives(text: str, word: str, end: int) -> tuple[str, int]:
    """A unit and the classifiers or nouns in brackets right after it that count the same
    things another way, as written (``201.4万头(只)`` → ``头(只)``, ``八县(市)`` → ``县(市)``,
    ``10省(区、市)``), and where the unit ends; the unit alone when no such bracket follows."""
    lex = units()
    m = _ALTERNATIVES.match(text, end)
    if m is None or not all(
        item in lex.classifiers or item in lex.count_nouns for item in m.group(1).split("、")
    ):
        return word, end
    return word + m.group(), m.end()


@per_lexicons()
def _per_unit_words() -> tuple[str, ...]:
    """What a price is written per after a slash: a classifier, a physical or a time unit."""
    lex = units()
    words = {
        *lex.classifiers,
        *getattr(lex, _kind_table("measure")),
        *lex.time,
        *lex.rate_periods,
        "人",
        "月",
        "年",
        "生",  # 元/生: per student
    }
    return tuple(sorted(words, key=len, reverse=True))


@unit_rule(
    "count.noun",
    priority=110,
    matches="a noun counted with no classifier (五地, 10余省市)",
    example="涉及五地 → 五地 = 5 地",
    words=lambda: units().count_nouns,
)
def _count_noun(text: str, i: int, number: _Number) -> _Unit | None:
    if word := word_at(text, i, units().count_nouns):
        first = tagged(text[i : i + len(word) + 3])[0][0]
        if len(first) > len(word) and first.startswith(word):
            return None  # 300金融: the noun is the start of a longer word
        return _Unit("count", *_with_alternatives(text, word, i + len(word)))
    return None


@unit_rule(
    "measure.unit",
    priority=120,
    matches="a physical unit of SPEC's Measures table (吨, 公斤, 平方米, 千瓦时, 公里/小时 …)",
    example="查获冰毒3.5公斤 → 3.5公斤 = 3.5 kg",
    words=lambda: getattr(units(), _kind_table("measure")),
)
def _measure(text: str, i: int, number: _Number) -> _Unit | None:
    table = _kind_table("measure")
    if word := word_at(text, i, _unit_words(table)):
        scale = Decimal(units().measure_multiples.get(word, 1))  # 千升: 1000 L
        return _Unit("measure", getattr(units(), table)[word], i + len(word), scale=scale)
    return None


@per_lexicons(16)
def _kind_table(name: str) -> str:
    """The ``units.toml`` table whose words give the kind's symbols (``data/kinds.toml``)."""
    table = kind(name).table
    if table is None:
        raise LookupError(f"kinds.toml: {name} names no units table")
    return table


# -- money helpers ---------------------------------------------------------------------------


def _money_subunit(text: str, i: int, code: str) -> tuple[Decimal, int]:
    """A hundredth unit of ``code`` after the amount (两美元又三美分 → 0.03); ``(amount, end)``."""
    subunits = units().currency_subunits
    j = i + 1 if text.startswith(("又", "零"), i) else i
    m = _patterns().core.match(text, j)
    if m is None:
        return Decimal(0), i
    k = m.end()
    while k > j and parse_numeral(text[j:k]) is None:
        k -= 1
    word = next((w for w in subunits if text.startswith(w, k)), None)
    value = parse_numeral(text[j:k]) if k > j else None
    if word is None or subunits[word] != code or value is None or not 0 < value < 100:
        return Decimal(0), i
    return value / 100, k + len(word)


def _money_fraction(text: str, i: int) -> tuple[Decimal, int]:
    """角 and 分 after 元 (86元5角3分 → 0.53); ``(amount, end)``."""
    fractions = units().money_fraction
    total, core = Decimal(0), _patterns().core
    while True:
        m = core.match(text, i)
        if not m or m.end() >= len(text) or text[m.end()] not in fractions:
            return total, i
        digit = parse_numeral(m.group())
        if digit is None or digit >= 10:
            return total, i
        total += digit * Decimal(fractions[text[m.end()]])
        i = m.end() + 1


def _money_unit_follows(text: str, i: int) -> bool:
    """After a one-character Chinese numeral: anything but a bare 人民币 (李四人民币 is a name
    before a currency word; 一美元, 五元 are amounts)."""
    i = skip_spaces(text, i)
    return not text.startswith(("人民币", "人民幣"), i) or text.startswith(
        ("人民币元", "人民幣元"), i
    )


def _after_money_word(text: str, start: int) -> bool:
    """A money verb written right before the number (獲利百萬; 千万不要 has none), or before
    an emphasis word right before it (損失達百萬, 涉案金额高达千万: SPEC §3, emphasis is no
    part of the amount)."""
    if (emphasis := word_ending_at(text, start, attach().emphasis)) is not None:
        start -= len(emphasis)
    return word_ending_at(text, start, units().money_words) is not None


def _sized_by_qualifier(text: str, start: int) -> bool:
    """A qualifier written right before a number with no digit (超千万, 近千万): a size, not
    the adverb 千万 ("by all means")."""
    return word_ending_at(text, start, _qualifier_words_before()) is not None


@per_lexicons()
def _qualifier_words_before() -> tuple[str, ...]:
    return tuple(word for word, _ in qualifiers().before)


def _listed_currency(text: str, end: int) -> str | None:
    """The currency of the last amount of a 、/和 list of bare 万/亿 amounts that goes on
    right after ``end`` (``、376.53亿、90.16亿美元`` → USD; 元 → ``"local"``)."""
    m = _listed_pattern().match(text, end)
    if m is None:
        return None
    return units().currency_after.get(m["currency"])


@per_lexicons()
def _listed_pattern() -> re.Pattern[str]:
    words = sorted(units().currency_after, key=len, reverse=True)
    currency = "|".join(re.escape(w) for w in words)
    item = r"[ \t\u3000]*[、和及与與][ \t\u3000]*[0-9０-９][0-9０-９.,]*[ \t\u3000]*[万亿萬億]"
    return re.compile(rf"(?:{item})+[ \t\u3000]*(?P<currency>{currency})")


def _money_context(text: str, start: int, end: int) -> bool:
    """A money word governs a bare 万/亿 amount (诈骗50万): in its clause, close by."""
    left = re.split(r"[，,。；;！？!?：:]", text[max(0, start - 12) : start])[-1]
    right = re.split(r"[，,。；;！？!?：:]", text[end : end + 8])[0]
    found = _money_word_pattern()
    return found.search(left) is not None or found.search(right) is not None


@per_lexicons()
def _money_word_pattern() -> re.Pattern[str]:
    """Any money word (one search instead of one test per word: a page of bare 万 amounts
    asks this of every number)."""
    words = sorted(units().money_words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _compound_duration(text: str, unit: _Unit, value: Decimal) -> tuple[Decimal, int] | None:
    """四年零六个月 → 4.5 year; 1年半 → 1.5 year; 四个月十五日 → 4.5 month; 16小時35分鐘 →
    16.583333 hour: more of a smaller unit after a duration (months after years; days after
    months, a day as a thirtieth of a month, as the prison terms that write them count;
    minutes after hours)."""
    i = unit.end
    if text.startswith("半", i) and unit.unit in ("year", "day", "hour"):
        return value + Decimal("0.5"), i + 1
    if unit.unit == "day" and (nights := _nights(text, i, value)) is not None:
        return value, nights  # 5天5夜, 三天三夜: the days and their nights, one length
    parts = _SMALLER_PARTS.get(unit.unit)
    if parts is None:
        return None
    words, per = parts
    if text.startswith("零", i) and unit.unit == "hour":
        return None  # 3小时零5分: 5分 is also read as a score, which wins; keep the hours whole
    j = i + 1 if text.startswith("零", i) else i
    m = _patterns().core.match(text, j)
    if not m:
        return None
    count = parse_numeral(m.group())
    rest = word_at(text, m.end(), words)
    if count is None or not rest or not 0 < count < per:
        return None  # 4年8月 (Taiwan's prison terms) as 4年8个月
    return (value + count / per).quantize(Decimal("0.000001")).normalize(), m.end() + len(rest)


def _nights(text: str, i: int, days: Decimal) -> int | None:
    """Where ``N夜`` (``N晚``) right after ``N天`` ends, when its number is the days' own
    (``5天5夜``; not ``3天2夜``, a count of nights of its own)."""
    m = _patterns().core.match(text, i)
    if not m or parse_numeral(m.group()) != days:
        return None
    night = word_at(text, m.end(), units().nights)
    return m.end() + len(night) if night else None


_SMALLER_PARTS = {
    "year": (("个月", "個月", "月"), 12),
    "month": (("日", "天"), 30),
    "hour": (("分钟", "分鐘", "分"), 60),  # 黑雨維持16小時35分鐘 → 16.583333 hour (gold, tr127)
}
"""The smaller unit a compound length adds after each unit, and how many of it make one."""


# -- qualifiers and currency words around the number -----------------------------------------


def _qualifier_before(text: str, start: int, end: int) -> tuple[str, int] | None:
    """A qualifier written before the number ``text[start:end]``: (qualifier, start of the
    text). A comparison word (``低于``, ``大于``: ``data/qualifiers.toml`` ``before_bound``)
    bounds it, but not when a 的 after the number leads to a standard (``略低于50%的“荣枯线”``:
    the number is the standard's own value; ``低于4元的个股`` is bounded). A qualifier written
    before a share's whole is the share's (``约占全市总人口的16.79%``)."""
    i = spaces_before(text, start)
    with_verb = _qualifier_table("before_with_verb")
    if word := word_ending_at(text, i, with_verb.words):
        return with_verb.qualifier[word], start
    before = _qualifier_table("before")
    if (
        (change := word_ending_at(text, i, _change_verbs()))
        and (word := word_ending_at(text, i - len(change), before.words))
        and word in qualifiers().before_change
        and _two_words(text[max(0, i - len(change) - 3) : i], word, change)
    ):
        return before.qualifier[word], start  # 結果率約減少2成: the qualifier across the
        # change verb (SPEC: one separated from the number by a verb still applies)
    if word := word_ending_at(text, i, before.words):
        if len(word) == 1 and not _own_word(text, i, word):
            return None  # 成交合约745796手: 约 inside the tagger's word is no qualifier
        if (
            word in qualifiers().aspect_after_verb
            and text[start : start + 1] not in numbers().small_units
            and text[start : start + 1] not in numbers().big_units
            and _after_verb(text, i - len(word))
        ):
            return None  # 参加过3届: 过 marks the verb's aspect (投入过千万元: a magnitude's over)
        return before.qualifier[word], i - len(word)
    bound = _qualifier_table("before_bound")  # after [before]: 不低于 is one word there
    if (word := word_ending_at(text, i, bound.words)) and not _before_standard(text, end):
        return bound.qualifier[word], i - len(word)
    if _SHARE_END.search(text[start:end]) and (
        found := _share_whole().search(text, max(0, i - 28), i)
    ):
        word = found["q"]  # 约占全市总人口的16.79%, 不低于…标准的150%: the share's qualifier,
        if (
            (  # written before its whole; the share's text starts at its number
                len(word) > 1
                or tagged(text[max(0, found.start("q") - 2) : found.end("q")])[-1][0] == word
            )
            and not _word_runs_on(text, found.end("q"))
        ):
            return before.qualifier[word], start
    return None


def _own_word(text: str, i: int, word: str) -> bool:
    """Is the one character ``word`` ending at ``i`` a word of its own: the tagger's reading,
    or the end of a word the tagger joins to a noun of two characters or more before it
    (jieba's ``直径约``: ``直径`` and ``约``; not ``合约``, a contract)?"""
    last = tagged(text[max(0, i - 4) : i])[-1][0]
    if last == word:
        return True
    rest = last[: -len(word)]
    if not last.endswith(word) or len(rest) < 2:
        return False
    words = tagged(rest)
    return len(words) == 1 and words[0][1] in ("n", "nz")


def _two_words(text: str, first: str, second: str) -> bool:
    """Does ``text`` end with ``first`` and ``second`` as two words of the tagger's reading
    (``約|減少``; not the 约 of ``合约|跌``)?

    >>> _two_words("結果率約減少", "約", "減少"), _two_words("主力合约跌", "约", "跌")
    (True, False)
    """
    words = tagged(text)
    return len(words) >= 2 and words[-2][0] == first and words[-1][0] == second


@per_lexicons()
def _change_verbs() -> tuple[str, ...]:
    """The words of a change (``attach.toml`` ``up``, ``down``), longest first."""
    return tuple(sorted({*attach().up, *attach().down}, key=len, reverse=True))


def _word_runs_on(text: str, at: int) -> bool:
    """Does one of the tagger's words run on across ``at`` (``不满|意的32%``: 不满意,
    displeased, is no qualifier ``不满``)?"""
    return word_across(text, at, 3, 2) is not None


_SHARE_END = re.compile(r"[%％成]$|^百分之")


@per_lexicons()
def _share_whole() -> re.Pattern[str]:
    """A qualifier (``data/qualifiers.toml`` ``before``; not a comparison's bound, 低于全省的
    5.4%水平, nor one after a negation, 不得超过), a share verb (``share`` ``verbs``) or none,
    and the whole with its 的, ending where a share starts."""
    words = _qualifier_table("before").words  # not 低于, 高于: a comparison's standard
    verbs = qualifiers().share_verbs
    return re.compile(
        rf"(?<![不未没沒得])(?P<q>{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})"
        rf"(?:{'|'.join(map(re.escape, verbs))})?[^，,。；;：:\d%％、]{{1,20}}的$"
    )


def _before_standard(text: str, end: int) -> bool:
    """Does a 的 after the number lead to a noun naming a standard (``data/qualifiers.toml``
    ``[standard]``: 略低于50%的“荣枯线”, 高于6%以上的预期)? Then a comparison word before the
    number bounds nothing: the number is the standard's own value (not 低于4元的个股)."""
    if not text.startswith("的", end):
        return False
    rest = text[end + 1 : end + 12].lstrip('“”"「『‘’ ')
    return any(noun in rest[:8] for noun in qualifiers().standard_nouns)


def _after_verb(text: str, at: int) -> bool:
    """Does a word the tagger reads as a verb end right before ``at``?"""
    words = tagged(text[max(0, at - 4) : at])
    return bool(words) and words[-1][1].startswith("v")


@dataclass(frozen=True)
class _QualifierTable:
    words: tuple[str, ...]  # in the table's order, longest first
    qualifier: dict[str, str]


@per_lexicons()
def _qualifier_table(name: str) -> _QualifierTable:
    """A table of ``data/qualifiers.toml`` (``before``, ``before_with_verb``, ``before_bound``,
    ``after``)."""
    pairs: tuple[tuple[str, str], ...] = getattr(qualifiers(), name)
    return _QualifierTable(tuple(word for word, _ in pairs), dict(pairs))


def _skip_inclusive(text: str, i: int) -> int:
    """Past an "inclusive" mark at ``i`` (1万(含)-5万元, 50万元（含）以上), else ``i``."""
    mark = word_at(text, i, qualifiers().inclusive)
    return i + len(mark) if mark else i


@per_lexicons()
def _restricted_after() -> dict[str, frozenset[str]]:
    return kinds().restricted_after


_EXCLUSIVE = {"at_most": "under", "at_least": "over"}


def _qualifier_after(text: str, i: int, kind: str) -> tuple[str, int] | None:
    i = _skip_inclusive(text, i)
    if exclusive := word_at(text, i, qualifiers().exclusive):  # 5万元(不含)以下: under
        found = _qualifier_after(text, i + len(exclusive), kind)
        return (_EXCLUSIVE.get(found[0], found[0]), found[1]) if found else None
    after = _qualifier_table("after")
    for word in words_at(text, i, after.words):
        qualifier = after.qualifier[word]
        only = _restricted_after().get(word)
        if only is not None and kind not in only:
            continue  # 内 qualifies a length of time only, 多 after a unit a duration or age
        end = i + len(word)
        if word == "上下" and end < len(text) and is_han(text[end]):
            continue  # 上下班
        may_open_word = word == "多" or (word in "内內" and kind == "measure")
        if may_open_word and tagged(text[i : i + 3])[0][0] != word:
            continue  # 5%多数企业, 50米内侧: 多, 内 open a word of their own (多数, 内侧)
        return qualifier, end
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    i = spaces_before(text, start)
    if word := word_ending_at(text, i, _unit_words("currency_before")):
        return units().currency_before[word], i - len(word)
    return None


# -- the rules of priority 10: numbers in words or a special shape ---------------------------


def _qualified(text: str, items: list[Found]) -> list[Found]:
    """Each item with a qualifier written before it (约三分之一, 近一半) or after it
    (千分之四点五以内: after wins, SPEC §3) taken into its text."""
    out = []
    for item in items:
        before = _qualifier_before(text, item.start, item.end)
        if before:
            item = replace(item, start=before[1], qualifier=before[0])
        if item.high is None and (after := _qualifier_after(text, item.end, item.kind)):
            item = replace(item, end=after[1], qualifier=after[0])
        out.append(item)
    return out


def _special_rule(
    name: str, matches: str, example: str, needs: str = ""
) -> Callable[[Callable[[str], Iterable[Found]]], Callable[[Scan], Iterable[Found]]]:
    """A rule of priority 10 (they compete by position): the decorated function reads the
    whole text; its items get their rule name and the qualifier written before them.
    ``needs``: characters of which everything the rule reads holds one; a text with none of
    them is not read."""

    def register(read: Callable[[str], Iterable[Found]]) -> Callable[[Scan], Iterable[Found]]:
        def find(scan: Scan) -> list[Found]:
            if needs and not any(ch in scan.text for ch in needs):
                return []
            return _qualified(scan.text, [replace(f, rule=name) for f in read(scan.text)])

        find.__doc__ = read.__doc__
        return rule(name, stage="quantity", priority=10, matches=matches, example=example)(find)

    return register


@_special_rule(
    "percent.per_base",
    "百分之, 千分之, 万分之 + a number",
    "百分之三十 → 百分之三十 = 30 %",
    needs="之",
)
def _per_base(text: str) -> Iterator[Found]:
    """Percents written out: 百分之三十 = 30, 千分之五 = 0.5, 万分之三 = 0.03."""
    for m in _patterns().per.finditer(text):
        num = parse_numeral(m["num"])
        if num is None:
            continue
        scale = {"百分之": 1, "千分之": Decimal("0.1")}.get(m["base"], Decimal("0.01"))
        yield Found("percent", m.start(), m.end(), num * scale, None, "%")


def _fraction_numerator(m: re.Match[str]) -> tuple[Decimal | None, Decimal | None, str]:
    """Denominator, numerator and the numerator's text of a ``…分之…`` match."""
    den, num_text = parse_numeral(m["den"]), m["num"]
    num = parse_numeral(num_text)
    if den and len(num_text) > 1 and all(ch in numbers().digits for ch in num_text):
        num_text = num_text[:1]  # 十分之一二手房: digit by digit, the numerator is 一
        num = parse_numeral(num_text)
    while den and num_text and num is None:
        num_text = num_text[:-1]
        num = parse_numeral(num_text) if num_text else None
    return den, num, num_text


@_special_rule(
    "percent.fraction", "N分之M (a share)", "三分之一的案件 → 三分之一 = 33.333 %", needs="之"
)
def _fraction(text: str) -> Iterator[Found]:
    """Shares written as fractions: 三分之一 = 33.333 (negative when one sign is)."""
    big = ("百", "千", "万", "萬")
    for m in _patterns().fraction.finditer(text):
        if text.endswith(big, 0, m.start() + 1) and m["den"] in big:
            continue
        den, num, num_text = _fraction_numerator(m)
        if not den or num is None:
            continue
        if bool(m["dneg"]) != bool(m["nneg"]):
            num = -num  # 负3分之157: a negative share
        value = (num / den * 100).quantize(_PERCENT_PLACES)
        yield Found("percent", m.start(), m.start("num") + len(num_text), value, None, "%")


_DISCOUNT = re.compile(
    r"(?=[1-9１-９一二三四五六七八九两兩对對半])(?<![0-9０-９.．一二三四五六七八九十百千万亿两兩幾几点點])"
    r"(?P<num>[1-9１-９](?:[.．][0-9０-９]|[0-9０-９])?"
    r"|[一二三四五六七八九两兩](?:[点點][一二三四五六七八九]|[一二三四五六七八九])?|[对對半])"
    r"折(?![合算旧舊扣射叠疊返腾騰服磨])"
)


_HALF_PRICE = re.compile(r"半[价價](?![格值钱錢])")


@_special_rule(
    "percent.half_price",
    "half price 半价 (a discount: the percent of the price paid, as 半折)",
    "小童半價 → 半價 = 50 %",
    needs="半",
)
def _half_price(text: str) -> Iterator[Found]:
    """``半价``, ``半價``: half the price, 50 percent of it paid (SPEC §3's discounts)."""
    for m in _HALF_PRICE.finditer(text):
        yield Found("percent", m.start(), m.end(), Decimal(50), None, "%")


@_special_rule(
    "percent.discount",
    "a discount 八折, 8.5折, 七五折, 对折: the percent of the price paid",
    "全场商品打八折 → 八折 = 80 %",
    needs="折",
)
def _discount(text: str) -> Iterator[Found]:
    """SPEC §3: ``八折`` → 80, ``8.5折`` and ``八点五折`` → 85, ``七五折`` and ``75折`` → 75 (a
    second digit is the tenth), ``对折`` and ``半折`` → 50."""
    for m in _DISCOUNT.finditer(text):
        num_text = unicodedata.normalize("NFKC", m["num"])
        value: Decimal | None
        if num_text in ("对", "對") and text[m.start() - 1 : m.start()] != "打":
            continue  # 对折 alone is folding in half; 打对折 is the discount
        if num_text in ("对", "對", "半"):
            value = Decimal(50)
        elif len(num_text) == 2 and num_text.isdigit():
            value = Decimal(num_text)
        elif len(num_text) == 2 and num_text[1] in numbers().digits:
            first, second = parse_numeral(num_text[0]), parse_numeral(num_text[1])
            value = first * 10 + second if first is not None and second is not None else None
        else:
            tenths = parse_numeral(num_text)
            value = tenths * 10 if tenths is not None else None
        if value is not None and 0 < value < 100:
            yield Found("percent", m.start(), m.end(), value, None, "%")


@_special_rule(
    "money.table_header",
    "a number under a header with its multiplier (peer-issues call 4)",
    "发行总额（亿）10.00 → 10.00 = 1000000000 CNY",
)
def _table_header(text: str) -> Iterator[Found]:
    """发行总额（亿）10.00: a multiplier in a table header; the text is the number only."""
    for m in _HEADER.finditer(text):
        label = text[max(0, m.start() - 8) : m.start()]
        if "元" not in m["mult"] and not any(w in label for w in units().money_words):
            continue
        bare = m["mult"].rstrip("元")
        scale = parse_numeral("1" + bare) if bare else Decimal(1)
        num = parse_numeral(m["num"])
        if num is not None and scale is not None:
            yield Found("money", m.start("num"), m.end("num"), num * scale, None, "local")


@per_lexicons()
def _k_pattern() -> re.Pattern[str]:
    k = "[" + re.escape("".join(units().thousand_letters)) + "]"
    num = r"\d+(?:\.\d+)?"
    return re.compile(
        rf"(?<![A-Za-z\d.])(?P<lo>{num})(?P<lok>{k})?"
        rf"(?:[ ]*(?:[~～—－-]+|至|到)[ ]*(?P<hi>{num}){k}|(?<={k}))"
        rf"(?P<yuan>元)?(?![A-Za-z\d])"
    )


@_special_rule(
    "money.thousands_k",
    "k for thousands, before 元 or under a money word",
    "薪酬10k~15k元 → 10k~15k元 = 10000–15000 CNY",
    needs="kK",
)
def _thousands_shorthand(text: str) -> Iterator[Found]:
    """``10k元``, ``薪酬10k~15k``: k for thousands, money before 元 or under a money word."""
    for m in _k_pattern().finditer(text):
        if not (m["yuan"] or _money_context(text, m.start(), m.end())):
            continue
        low, high = Decimal(m["lo"]) * 1000, Decimal(m["hi"]) * 1000 if m["hi"] else None
        if high is not None and low > high:
            continue
        qualifier = "range" if high is not None else "exact"
        yield Found("money", m.start(), m.end(), low, high, "local", qualifier)


@_special_rule("percent.half_tenth", "半成 (half a tenth)", "增长半成 → 半成 = 5 %", needs="成")
def _half_tenth(text: str) -> Iterator[Found]:
    """半成 = 5%, not after a numeral (三成半 is read with its number), nor in 半成品
    (semi-finished goods)."""
    for m in re.finditer("(?<![一二三四五六七八九十两])半成(?!品)", text):
        yield Found("percent", m.start(), m.end(), Decimal(5), None, "%")


_A_HALF = re.compile("一半|半[数數]|(?<=[逾超近])半")
_NOT_HALF_OF_A_SHARE = frozenset({"m", "q", "t", "mq"})  # 半米, 半亿元, 半世纪: a unit's half


def _half_of_a_share(text: str, at: int) -> bool:
    """Is 半 at ``at``, after 逾, 超 or 近, half of those spoken of (逾半屬B類, 近半受访者,
    占…近半。)? Not where 近 ends a word (接近, 靠近, 将近), and not where the tagger reads 半
    inside another word or before a unit or a time (半成品, 半程, 半米, 半亿元, 近半世纪)."""
    if word_ending_at(text, at, numbers().half_not_after):
        return False
    words = tagged(text[at : at + 6])
    if not words or words[0][0] != "半":
        return False
    return len(words) == 1 or words[1][1] not in _NOT_HALF_OF_A_SHARE


@_special_rule("percent.half", "一半, 半数 (a half)", "近一半的家庭 → 近一半 = 50 %", needs="半")
def _a_half(text: str) -> Iterator[Found]:
    """一半 = 50%, and 半数 (half the number: 其中半数震级超过5级, 占比近半数); 半 alone after
    逾, 超 or 近 (逾半屬B類, 近半受访者), but not half a unit (近半年, 近半米, 逾半亿元) nor inside a
    word (接近半决赛, 半成品, 超半程: :func:`_half_of_a_share`). Not after 过, which after a verb
    marks its aspect (死伤过半, 时间过半: data/qualifiers.toml ``[aspect]``)."""
    for m in _A_HALF.finditer(text):
        if m.group() == "半" and not _half_of_a_share(text, m.start()):
            continue
        yield Found("percent", m.start(), m.end(), Decimal(50), None, "%")


@_special_rule("duration.half", "半 + a unit of time", "为期半年 → 半年 = 0.5 year", needs="半")
def _half_duration(text: str) -> Iterator[Found]:
    """半年, 半个月: half a unit of time (not 1年半 or 两个半小时, read with their number, nor
    上半年)."""
    for m in _patterns().half.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before and (
            before.isdigit() or before in numbers().numeral_chars or before in "上下前后後"
        ):
            continue  # 1年半 is read with its number; 上半年 is a relative date
        two = text[max(0, m.start() - 2) : m.start()]
        if (
            len(two) == 2
            and two[1] in "个個"
            and (two[0].isdigit() or two[0] in numbers().numeral_chars)
        ):
            continue  # 两个半小时 is read with its number (duration.and_a_half)
        if _stopped(text, m.start(), m.start() + 1):
            continue  # 半年报, 半年度 (data/exclusions.toml; the number is 半)
        unit = units().time[m["unit"]]
        qualifier = "over" if "多" in m["unit"] else "exact"  # 半个多月, as 两个多月
        yield Found("duration", m.start(), m.end(), Decimal("0.5"), None, unit, qualifier)


@per_lexicons()
def _decade_age_pattern() -> re.Pattern[str]:
    """年 and a lead word (年近), a numeral of one digit, the unit of a decade (``units.toml``
    ``[age]``); not 中旬, 上旬 (no numeral before 旬), not 旬日, 旬报, 旬刊."""
    lex = units()
    leads = alternation(lex.decade_leads)
    return re.compile(
        rf"(?P<year>年)?(?P<q>{leads})?(?P<num>[一二三四五六七八九1-9]){re.escape(lex.decade)}"
        r"(?![日报報刊])"
    )


@_special_rule(
    "age.decade",
    "N旬: an age in decades, 七旬 = in one's seventies (SPEC §3: 八旬 → 80, over)",
    "一名七旬老人 → 七旬 = 70 year",
    needs="旬",
)
def _decade_age(text: str) -> Iterator[Found]:
    """七旬 = 70 years and over, 年近七旬 = nearly 70 (the 年 of 年近 kept in the text),
    年約7旬 = about 70; not 中旬, 上旬 (no numeral before 旬)."""
    leads = _qualifier_table("before").qualifier
    for m in _decade_age_pattern().finditer(text):
        value = (
            Decimal(int(m["num"])) if m["num"].isdigit() else Decimal(numbers().digits[m["num"]])
        )
        qualifier = leads.get(m["q"] or "", "over")  # 年过七旬: over, as 旬 alone is
        start = m.start() if m["q"] else m.start("num")
        yield Found("age", start, m.end(), value * 10, None, "year", qualifier)


_SET_PHRASE = re.compile(
    r"(?=[二三四五六七八九十两兩2-9]大)(?<![第前一二三四五六七八九十百千万萬0-9０-９.])(?P<num>[二三四五六七八九十两兩2-9])大(?=[\u4e00-\u9fff“「])"
)
"""N大 + a noun, not after 第 (an ordinal) or 前 (a rank: 前十大流通股东, the top ten)."""
_NOUN_TAGS = ("n", "nz", "ng", "ns", "nt", "l", "q")


@_special_rule(
    "count.set_phrase",
    "N大 + a noun: a set of N things named by the noun (四大工程, 三大权重板块)",
    "实施四大工程 → 四大工程 = 4 工程",
    needs="大",
)
def _set_phrase(text: str) -> Iterator[Found]:
    """``四大工程``, ``七大类``, ``六大“金色阳光工程”``: a count of N whose unit and subject is
    the noun after 大 (gold/README: listed items are counts); the noun is the tagger's nouns
    after 大 (at most three words), a one-character classifier alone, or a quoted name."""
    for m in _SET_PHRASE.finditer(text):
        start = m.end()
        if _big_word_at(text, start - 1):
            continue  # 二大队, 八大隊: 大 opens a word of its own (a unit's name), no set
        if text.startswith(("“", "「"), start):
            close = text.find("”" if text[start] == "“" else "」", start, start + 14)
            if close == -1:
                continue
            end, unit = close + 1, text[start + 1 : close]
        else:
            words = tagged(text[start : start + 10])
            taken: list[str] = []
            last_tag = ""
            for word, tag in words:
                modifier = tag in ("b", "vn") and len(word) > 1  # 国有商业银行, 发电公司
                if not (tag.startswith(_NOUN_TAGS) or modifier) or len(taken) == 3:
                    break
                taken.append(word)
                last_tag = tag
                if tag == "q" or (len(taken) == 1 and len(word) == 1 and tag != "n"):
                    break  # 七大类, 四大洲: the classifier or bound noun alone
            while taken and not last_tag.startswith(_NOUN_TAGS):
                taken.pop()  # the modifiers alone name no set
                last_tag = tagged("".join(taken))[-1][1] if taken else ""
            if not taken:
                continue
            unit = "".join(taken)
            end = start + len(unit)
        value = parse_numeral(m["num"])
        if value is not None and unit:
            yield Found("count", m.start(), end, value, None, unit)


def _big_word_at(text: str, at: int) -> bool:
    """Does the tagger read a word of two characters or more starting with the 大 at ``at``
    (大队, 大学), not 大 alone (三大权重板块) or inside the numeral's word (四大工程)?"""
    pos = max(0, at - 3)
    for word, _ in tagged(text[pos : at + 4]):
        if pos == at:
            return len(word) > 1
        pos += len(word)
        if pos > at:
            return False
    return False


_SCORE = re.compile(
    r"(?=\d)(?<![0-9０-９.:：])(?P<num>\d{1,5}(?:\.\d{1,4})?)分"
    r"(?![钟鐘钱錢析子局行公配别別享布秒0-9]|之(?![差多])|\s*\d+\s*秒)"
)
_NOT_SCORE_BEFORE = re.compile(r"[时時点點度元角毛圆圓]\s*$")  # 10时30分, 28度02分, 5元3分


@_special_rule(
    "count.score",
    "a score in 分 (points, not minutes, an angle's minutes or cents)",
    "以466.2分获得冠军 → 466.2分 = 466.2 分",
    needs="分",
)
def _score(text: str) -> Iterator[Found]:
    """``466.2分``, ``272.9917分`` (artistic swimming), ``胡金秋得到13分``, ``以1分之差``,
    ``以12分之多的领先``: a score; a time in
    minutes is 分钟, 分…秒 or a clock's (10时30分), an angle's after 度, cents after 元 or 角,
    and 分之 a fraction."""
    for m in _SCORE.finditer(text):
        if _NOT_SCORE_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            continue
        if _stopped(text, m.start("num"), m.end("num")):
            continue  # 第219分庭: an ordinal (data/exclusions.toml)
        yield Found("count", m.start(), m.end(), Decimal(m["num"]), None, "分")


_RACE_TIME = re.compile(
    r"(?=\d)(?<![0-9０-９.])(?:"
    r"(?P<h>\d{1,2})(?:小时|小時)(?P<hm>\d{1,2})分(?:钟|鐘)?(?P<hs>\d{1,2})秒(?P<hcs>\d{2,3})?"
    r"|(?P<m>\d{1,3})分(?P<ms>\d{1,2})秒(?P<mcs>\d{2,3})?"
    r"|(?P<s>\d{1,3})秒(?P<scs>\d{2,3})"
    r")(?![0-9０-９])"
)


@_special_rule(
    "duration.clock_time",
    "a time written in hours, minutes and seconds (a race time), in its largest unit",
    "以2小时13分07秒夺冠 → 2小时13分07秒 = 2.218611 hour",
    needs="秒",
)
def _clock_time(text: str) -> Iterator[Found]:
    """2小时13分07秒 → 2.218611 hour, 1小时1分9秒50 → 1.019306 hour, 6分05秒13 → 6.0855 minute (the digits after 秒 are
    hundredths, or thousandths: 41秒935 → 41.935), 25秒10 → 25.1 second: one length of
    time, in the largest unit written."""
    places = Decimal("0.000001")
    for m in _RACE_TIME.finditer(text):
        if m["h"]:
            seconds = Decimal(m["hs"]) + (_fraction(m["hcs"]) if m["hcs"] else 0)
            hours = Decimal(m["h"]) + Decimal(m["hm"]) / 60 + seconds / 3600
            yield Found("duration", m.start(), m.end(), hours.quantize(places), None, "hour")
        elif m["m"]:
            seconds = Decimal(m["ms"]) + (_fraction(m["mcs"]) if m["mcs"] else 0)
            minutes = Decimal(m["m"]) + seconds / 60
            yield Found("duration", m.start(), m.end(), minutes.quantize(places), None, "minute")
        else:
            seconds = Decimal(m["s"]) + _fraction(m["scs"])
            yield Found("duration", m.start(), m.end(), seconds, None, "second")


def _fraction(digits: str) -> Decimal:
    """The digits after 秒: hundredths (``13``) or thousandths (``935``) of a second."""
    return Decimal(digits) / (10 ** len(digits))


_METRES_AND_CM = re.compile(
    r"(?<![0-9０-９.])(?P<m>[0-9]{1,2})米(?P<cm>[0-9]{2})(?![0-9０-９]|厘米|釐米|公分)"
)


@per_lexicons()
def _height_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words around 1米75 that make it a person's height (units.toml ``[height]``)."""
    before = "|".join(re.escape(w) for w in units().height_before)
    after = "|".join(re.escape(w) for w in units().height_after)
    return re.compile(rf"(?:{before})\s*$"), re.compile(rf"\s*的?\s*(?:{after})")


@_special_rule(
    "measure.metres_and_centimetres",
    "a length in metres with its centimetres after 米 (a jump, a throw), not a person's height",
    "以8米30获得冠军 → 8米30 = 8.3 m",
    needs="米",
)
def _metres_and_centimetres(text: str) -> Iterator[Found]:
    """``8米30`` is 8.30 m: the two digits after 米 are centimetres."""
    height_before, height_after = _height_patterns()
    for m in _METRES_AND_CM.finditer(text):
        if height_before.search(text, max(0, m.start() - 4), m.start()) or height_after.match(
            text, m.end()
        ):
            continue  # 身高1米75, 1米75的个子: a person's height
        value = Decimal(m["m"]) + Decimal(m["cm"]) / 100
        yield Found("measure", m.start(), m.end(), value, None, "m")


@per_lexicons(32)
def _digit_classifier_pattern(classifier: str, words: tuple[str, ...]) -> re.Pattern[str]:
    """Arabic digits (grouped by thousands or not: 14,762,526手), 万/亿 and ``classifier``
    (手, 发 or 注), not before one of ``words``,
    the characters that make a word of it (``units.toml`` ``lots_not_before``,
    ``rounds_not_before``, ``bets_not_before``)."""
    not_before = "|".join(re.escape(w) for w in words)
    return re.compile(
        # not the tail of a grouped number (1,234), but after a clause's comma (队,12投)
        rf"(?<![0-9０-９.])(?<![0-9],)(?P<n>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?)"
        rf"(?P<mult>[万萬亿億]?)(?P<over>(?<=[万萬亿億])[余餘多])?{classifier}"
        rf"(?!{not_before})"
    )


def _digit_classifier_counts(
    text: str, classifier: str, not_before: tuple[str, ...]
) -> Iterator[Found]:
    """The counts of ``classifier`` written after Arabic digits in ``text``, but not where a
    stop-pattern holds (``第55冠``, ``2:0胜``: ``data/exclusions.toml``)."""
    for m in _digit_classifier_pattern(classifier, not_before).finditer(text):
        if _stopped(text, m.start(), m.end("mult")):
            continue
        value = Decimal(m["n"].replace(",", "")) * (
            numbers().big_units[m["mult"]] if m["mult"] else 1
        )
        qualifier = "over" if m["over"] else "exact"  # 5万余手
        yield Found("count", m.start(), m.end(), value, None, classifier, qualifier)


@_special_rule(
    "count.lots",
    "lots of futures or shares traded, written with Arabic digits before 手 (二手车 and "
    "两手抓 are words)",
    "成交合约745796手 → 745796手 = 745796 手",
    needs="手",
)
def _lots(text: str) -> Iterator[Found]:
    """``745796手``, ``1.2万手``, ``5万余手`` (over): a count of lots traded."""
    return _digit_classifier_counts(text, "手", tuple(units().lots_not_before))


@_special_rule(
    "count.rounds",
    "rounds of ammunition, written with Arabic digits before 发 (发生, 发布 and 发表 are words)",
    "收缴子弹4828发 → 4828发 = 4828 发",
    needs="发",
)
def _rounds(text: str) -> Iterator[Found]:
    """``4828发``, ``23万发``: a count of rounds."""
    return _digit_classifier_counts(text, "发", tuple(units().rounds_not_before))


@_special_rule(
    "count.bets",
    "lottery bets, written with Arabic digits before 注 (注册 and 注意 are words)",
    "大樂透開出19注頭獎 → 19注 = 19 注",
    needs="注",
)
def _bets(text: str) -> Iterator[Found]:
    """``22注``, ``1.2注``: a count of lottery bets (a winning bet is one 注)."""
    return _digit_classifier_counts(text, "注", tuple(units().bets_not_before))


@_special_rule(
    "count.after_digits",
    "a classifier counted only after Arabic digits (units.toml count_after_digits: 期, 面, 字, "
    "票, 胜, 负 …), with which Chinese numerals make words and names (四面八方, 一期工程)",
    "发行11期债券 → 11期 = 11 期",
)
def _after_digits(text: str) -> Iterator[Found]:
    """``11期``, ``19面``, ``81.31万字``, ``7胜``: the classifiers of ``units.toml``
    ``count_after_digits``, each not before a character that makes a word of it (a text is
    read for a classifier only where its first character is written)."""
    for classifier, not_before in units().count_after_digits.items():
        if classifier[0] in text:
            yield from _digit_classifier_counts(text, classifier, not_before)


# -- the rule of priority 20: every other number ---------------------------------------------


@rule(
    "quantity.number",
    stage="quantity",
    priority=20,
    matches="a number (Arabic, Chinese, mixed) with its qualifier, range and unit",
    example="抓获9名,冻结资金3至5万元 → 9名 = 9 名; 3至5万元 = 30000–50000 CNY",
)
def _numbers(scan: Scan) -> Iterator[Found]:
    """Every number outside what is taken, in order, read by :func:`_quantity`; the scan
    goes on after each quantity kept (and after a range with both ends vague)."""
    text, connectors, pos = scan.text, qualifiers().range_connectors, 0
    core = _patterns().core
    while (match := core.search(text, pos)) is not None:
        pos = match.end()
        if not scan.free(match.start(), match.end()):
            continue
        if match.end() - match.start() > 1 and word_ending_at(
            text, match.start() + 1, numbers().numeral_words
        ):  # 唯一一家: the run's first numeral ends the word before it
            match = core.match(text, match.start() + 1) or match
        item = _quantity(text, match, connectors)
        if isinstance(item, int):
            pos = max(pos, item)
        elif item is not None and scan.free(item.start, item.end):
            yield item  # kept by the runner before the scan goes on
            pos = max(pos, item.end)


_SIGNED_KINDS = ("percent", "money", "measure")


@stage_pass(
    "quantity.minus_sign",
    stage="quantity",
    order=0,
    matches="a minus (or plus) sign right before a percent, an amount of money or a measure, "
    "with no number, letter or other mark right before it (SPEC §3); below zero before a measure",
    example="利润同比-4% → -4% = -4 %",
)
def _minus_sign(text: str, found: list[Found]) -> list[Found]:
    """``同比-4%``, ``增长—2.48%``: the sign is part of the fact and its value is negative.
    Not after a quantity, digit, letter or another dash (``3%-5%``, ``COVID-19``, ``——``).
    ``零下30摄氏度``: below zero before a measure is its sign (``numbers.toml``
    ``below_zero``). A plus sign written the same way (``环比+0.6%``) joins the text, the
    value unchanged."""
    marks, numerals = numbers().minus_signs, numbers().numeral_chars
    plus = numbers().plus_signs
    ends = {f.end for f in found}
    signed = []
    for f in found:
        at = f.start - 1
        below = word_ending_at(text, f.start, numbers().below_zero)
        if (
            f.kind == "measure"
            and below is not None
            and isinstance(f.value, Decimal)
            and f.value > 0
        ):
            value, high = (-f.value, None) if f.high is None else (-f.high, -f.value)
            f = replace(f, start=f.start - len(below), value=value, high=high)
        elif (
            f.kind in _SIGNED_KINDS
            and at >= 0
            and text[at] in marks
            and at not in ends
            and (at == 0 or _sign_may_follow(text[at - 1], marks, numerals))
            and isinstance(f.value, Decimal)
        ):
            high = -f.high if f.high is not None else None
            f = replace(f, start=at, value=-f.value, high=high)
        elif (
            f.kind in _SIGNED_KINDS
            and at >= 0
            and text[at] in plus
            and at not in ends
            and (at == 0 or _sign_may_follow(text[at - 1], marks | plus, numerals))
        ):
            f = replace(f, start=at)  # 环比+0.6%: the plus sign is written, the value as it is
        signed.append(f)
    return signed


def _sign_may_follow(before: str, marks: str, numerals: str) -> bool:
    """Whether a minus sign after ``before`` can be a sign: not after a digit, a Latin
    letter, a numeral or another dash (``3%-5%``, ``COVID-19``, ``——``)."""
    return (
        not (before.isalnum() and not is_han(before))
        and before not in marks
        and before not in numerals
    )


def find_quantities(text: str, taken: bytearray | None = None) -> list[Found]:
    """Every money, count, percent, duration, age and measure in ``text`` outside
    ``taken`` (the ``quantity`` stage).

    >>> text = "收缴赃款1500余万元,抓获9名"
    >>> [(q.kind, text[q.start : q.end], str(q.value), q.unit, q.qualifier) for q in find_quantities(text)]
    [('money', '1500余万元', '15000000', 'local', 'over'), ('count', '9名', '9', '名', 'exact')]
    """
    return run(text, "quantity", taken)


@dataclass
class _Reading:
    """A quantity being read: its number, unit, upper end, end and qualifier so far."""

    number: _Number
    unit: _Unit | None
    high: Decimal | None
    end: int
    qualifier: str


def _start_reading(text: str, match: re.Match[str]) -> _Reading | None:
    number = _read_number(text, match)
    if number is None:
        return None
    unit = _read_unit(text, number.end, number)
    over = number.over or (unit is not None and unit.over)
    qualifier = "range" if number.high is not None else ("over" if over else "exact")
    return _Reading(number, unit, number.high, unit.end if unit else number.end, qualifier)


def _read_range(text: str, r: _Reading, connectors: tuple[str, ...]) -> int | None:
    """A written range after the first end (3至5万元, 3-5万元, 3万至5万元, 3~5人, 十个月至四年;
    a compound length as the first end, 二年二个月至八个月):
    ``r`` becomes the range; an ``int`` is where to skip to when both ends are vague
    (几千到几十万元 is not a fact)."""
    number, unit = r.number, r.unit
    first_end = unit.end if unit else number.end
    compound = None
    if unit is not None and unit.kind == "duration":
        compound = _compound_duration(text, unit, number.value)  # 二年二个月至八个月
        first_end = compound[1] if compound else first_end
    j = _skip_inclusive(text, skip_spaces(text, first_end))
    connector = word_at(text, j, connectors)
    if not connector or r.high is not None:
        return None
    k = skip_spaces(text, j + len(connector))
    vague2 = word_at(text, k, numbers().vague_before)
    m2 = _patterns().core.match(text, k + (len(vague2) if vague2 else 0))
    second = _read_number(text, m2) if m2 else None
    unit2 = _read_unit(text, second.end, second) if second else None
    if second is not None and unit2 is None and unit is not None and unit.kind == "money":
        if second.big and second.has_digit:
            unit2 = replace(unit, end=second.end)  # 4萬元至60萬: the second end's 元 left out
    if (
        second is not None
        and unit is None
        and unit2 is None
        and number.big
        and second.big
        and number.has_digit
        and second.has_digit
        and (bare := _bare_unit(text, replace(number, end=second.end))) is not None
    ):
        unit, unit2 = replace(bare, end=number.end), bare  # 损失3万到5万: a bare range of money
    if second is not None and number.vague and second.vague:
        return second.end
    if (
        second is None
        or unit2 is None
        or (unit is not None and unit.kind != unit2.kind)
        or (unit is not None and unit.kind == "percent" and unit.unit != unit2.unit)
        or not (second.has_digit or second.vague or second.core in ("十", "拾"))
    ):
        return None  # 上升10个百分点至27%: points changed, then the level reached, no range
    compound2 = None
    if unit2.kind == "duration" and (compound2 := _compound_duration(text, unit2, second.value)):
        unit2 = replace(unit2, end=compound2[1])  # 1年至2年10个月: the high end is compound too
    descending = not _ordered(number, unit, second, unit2, text)
    if compound2 is not None and unit is not None and unit.unit == unit2.unit:
        descending = number.value > compound2[0]  # 五年至一年零六个月
    if descending and not _spread(text, number.start, unit2.end):
        return None
    low = compound[0] if compound else _range_low(text, number, unit, second)
    high_value, unit_name = (compound2[0] if compound2 else second.value), unit2.unit
    if unit is not None and unit.kind == "duration" and unit.unit != unit2.unit:
        low, high_value, unit_name = _to_smaller(low, unit.unit, high_value, unit2.unit)
    elif (
        unit is not None
        and unit.kind == "duration"
        and unit.unit == unit2.unit == "year"
        and "月" in text[number.start : unit2.end]
    ):
        # 2年3个月至5年 → 27至60 month: an end with months puts both in months (SPEC: a range
        # in the smaller unit)
        low, high_value, unit_name = _months(low * 12), _months(high_value * 12), "month"
    if descending:  # 十五年至十年不等: value ≤ high (gold/README)
        scale = unit2.scale
        low, high_value = high_value * scale / (unit.scale if unit else 1), low / scale
    r.unit = _Unit(unit2.kind, unit_name, unit2.end, unit2.scale, rule=unit2.rule)
    r.high, r.qualifier, r.end = high_value * unit2.scale, "range", unit2.end
    if mark := word_at(text, unit2.end, (*qualifiers().exclusive, *qualifiers().inclusive)):
        r.end += len(mark)  # 5万元(含)至10万元(不含): the high end's mark is the range's text
    number.value = low
    return None


def _bare_unit(text: str, number: _Number) -> _Unit | None:
    """The unit of a number with none written after it: money when a currency word stands
    before it (港幣2300及2500元) or a money word governs a bare 万/亿 amount (诈骗50万), or
    when it is an item of a list whose last amount names its currency (757.8亿、376.53亿、
    90.16亿美元: each in 美元)."""
    if _currency_before(text, number.start) is not None and number.has_digit:
        return _Unit("money", "local", number.end, rule="money.currency_before")
    if number.big and number.has_digit and (listed := _listed_currency(text, number.end)):
        return _Unit("money", listed, number.end, rule="money.listed")
    if not (
        number.big
        and (
            number.has_digit
            or number.over
            or _after_money_word(text, number.start)
            or _sized_by_qualifier(text, number.start)
        )
    ):
        return None
    if number.has_digit and (people := _people_after(text, number.end)) is not None:
        return _Unit("count", people, number.end + len(people), rule="count.people_after_big")
    if not _money_context(text, number.start, number.end):
        return None
    return _Unit("money", "local", number.end, rule="money.bare")


_PEOPLE_NOUN_TAGS = frozenset({"n", "nz", "vn", "v", "b", "j", "l", "nr", "ns"})


def _people_after(text: str, end: int) -> str | None:
    """The noun of people written right after a 万/亿 number with no classifier, counted by it
    (``1010万外国游客``, ``8.3万建档立卡贫困人口``, ``84.36万搬迁群众``): the tagger's nouns from
    ``end`` on, the last ending in a character of ``units.toml`` ``people_after_big``; None
    when no noun follows or the nouns name no people (``50万现金``)."""
    words = tagged(text[end : end + 16])
    noun, found = "", None
    for word, tag in words:
        if tag not in _PEOPLE_NOUN_TAGS or (tag == "v" and len(word) < 2):
            break  # 16万是老人: 是 links, no modifier
        noun += word
        if (
            len(noun) >= 2
            and tag.startswith("n")
            and tag != "nr"  # 100万崔先生: a person's name, not people counted
            and word.endswith(units().people_after_big)
        ):
            found = noun  # (搬迁群众, 中国游客: a verb or a place may modify it)
    return found


def _quantity(text: str, match: re.Match[str], connectors: tuple[str, ...]) -> Found | int | None:
    """The quantity at ``match``; ``None`` when it is not a fact; an ``int`` when it is not
    and the scan must skip to that position (the second end of a vague range)."""
    r = _start_reading(text, match)
    if r is None:
        return None
    skip = _read_range(text, r, connectors)
    if skip is not None:
        return skip
    if r.unit is None:
        r.unit = _bare_unit(text, r.number)
        if r.unit is None:
            return None
        r.end = max(r.end, r.unit.end)  # 1010万外国游客: the noun counted is in the text
    return _finish(text, match, r)


def _value_and_high(text: str, r: _Reading) -> tuple[Decimal, Decimal | None, int]:
    """Value, upper end and end of the text: the unit's scale (成, 个亿) and extra (角/分,
    个半) applied, a duration's smaller unit added (四年零六个月)."""
    number, unit = r.number, r.unit
    assert unit is not None
    extra = unit.extra if unit.kind in ("money", "percent") else Decimal(0)
    value = number.value * unit.scale + extra
    high, end = r.high, r.end
    if number.high is not None and unit.scale != 1:
        high = number.high * unit.scale + extra  # 六七成 = 60–70%, 一两个亿 = 1–2亿
    if unit.kind == "duration":
        compound = _compound_duration(text, unit, value)
        if compound:
            value, end = compound
        value += unit.extra
    elif (
        unit.kind == "age"
        and high is None
        and text.startswith("半", end)
        and not text.startswith("半数", end)
    ):
        value, end = value + Decimal("0.5"), end + 1  # 一岁半的幼儿: a year and a half
    return value, high, end


_AFTER_AMOUNT = re.compile(r"[0-9０-９][^\s0-9０-９，,。；;：:、（）()]{0,3}\Z")


def _section_number_at(text: str, start: int) -> bool:
    """Does a number with a fraction at ``start`` stand where a section number does: at the
    start of a line, or glued to the amount before it (``…3541.07万元2.3本项目``)? Elsewhere
    it is a fractional count (``每千人口拥有托位3.15个``, ``获136.5枚金牌``)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip(" \t\u3000#>*-"):
        return True
    return _AFTER_AMOUNT.search(text, max(0, start - 6), start) is not None


def _not_a_fact(text: str, match: re.Match[str], r: _Reading, value: Decimal) -> bool:
    """What SPEC says is no fact although a unit follows the number."""
    number, unit, high = r.number, r.unit, r.high
    assert unit is not None
    kind, digits = unit.kind, numbers().digits
    if kind == "money" and r.qualifier != "range" and number.core in digits:
        if not _money_unit_follows(text, number.end):
            return True  # 李四人民币: a name before a currency word, not an amount
    if (
        kind == "count"
        and value != value.to_integral_value()
        and not number.big
        and (
            _section_number_at(text, number.start)
            or len(number.core.rpartition(".")[2]) > 2  # 11.152489家: a table's figures run on
        )
    ):
        return True  # 3.1项目: a section number glued to a word, not a count
    lex = exclusions()
    if (
        kind == "count"
        and number.core in lex.indefinite
        and not number.over
        and high is None
        and not _casualty_pair(text, number.start, unit)
        and word_ending_at(text, number.start, lex.indefinite_after) is None  # 仅一只
    ):
        return True  # 一个, 一名, 一人参保
    if kind == "count" and number.core in lex.capital_alone:
        return True  # 陆地, 拾起: a capital numeral alone is a word
    if kind == "count" and _inside_number_word(text, number.start, match.end()):
        return True  # 沪深两市, 二次议价: a name or descriptor
    return _stopped(text, number.start, match.end())


_PAIRED_HARM = ("失踪", "失蹤", "失联", "失聯", "受伤", "受傷")  # the other count of the pair


def _casualty_pair(text: str, start: int, unit: _Unit) -> bool:
    """``一死一伤``, ``两死一伤``: the dead and the hurt counted side by side, where 一 is one
    person, not the indefinite 一; medals the same way (``一金一银``)."""
    for group in (units().casualties, units().medals):
        if unit.unit not in group:
            continue
        numeral = f"[0-9{re.escape(numbers().numeral_chars)}]+"  # 一死4失蹤: digits too
        harm = _PAIRED_HARM if group is units().casualties else ()
        words = "|".join(re.escape(w) for w in sorted({*group, *harm}, key=len, reverse=True))
        after = re.match(f"{numeral}(?:{words})", text[unit.end : unit.end + 6])
        before = re.search(f"{numeral}(?:{words})$", text[max(0, start - 6) : start])
        return after is not None or before is not None
    return False


def _inside_number_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a numeral) part of a word of ``exclusions.number_words``
    written around it?"""
    if not _number_word_chars().intersection(text[start:end]):
        return False  # most counts are written with digits: no such word can hold them
    for word in exclusions().number_words:
        reach = len(word)
        lo = max(0, start - reach)
        at = text.find(word, lo, end + reach)
        while at != -1 and at <= start:
            if at + len(word) >= end:
                return True
            at = text.find(word, at + 1, end + reach)
    return False


@per_lexicons()
def _number_word_chars() -> frozenset[str]:
    """The numeral characters the words of ``exclusions.number_words`` are written with."""
    numerals = numbers().numeral_chars
    return frozenset(ch for word in exclusions().number_words for ch in word if ch in numerals)


def _finish(text: str, match: re.Match[str], r: _Reading) -> Found | None:
    """The fact read: value and range, the checks of :func:`_not_a_fact`, then the currency
    word before it, the qualifier after it (which wins) and before it."""
    value, high, end = _value_and_high(text, r)
    if _not_a_fact(text, match, r, value):
        return None
    number, unit, qualifier = r.number, r.unit, r.qualifier
    assert unit is not None
    kind, start = unit.kind, number.start
    currency = _currency_before(text, start)
    if (
        currency
        and kind == "money"
        and unit.unit not in ("local", currency[0])
        and currency[0] != "dollar"  # $43,470,230港元: the sign is part of the amount's text
    ):
        currency = None  # 4人民币5美元: the word after the amount names its currency
    if currency and kind == "money":
        if currency[0] == "dollar" and (named := _currency_before(text, currency[1])):
            currency = named  # 港幣$45,454,742: the currency word before the sign names it
        if unit.unit == "local":
            unit.unit = currency[0]
        start = currency[1]
    after = _qualifier_after(text, end, kind)
    if after:
        qualifier_after, end = after
        if qualifier != "range":
            qualifier = qualifier_after
    if kind == "money" and (more := _money_after_unit(text, end)):
        end += len(more)
    if kind in ("money", "measure") and text[end : end + 1] in ("/", "／"):
        if per := word_at(text, end + 1, _per_unit_words()):
            end += 1 + len(per)  # 12元/股, 200元/平方米: a price per unit, one fact (gold/README);
            # 266.2公斤/亩: a yield per unit of land, its unit the measure's (gold)
            if text[end : end + 1] == "·" and (second := word_at(text, end + 1, _per_unit_words())):
                end += 1 + len(second)  # 750元/年·生: per year and per student
            elif text[end : end + 1] == "每" and (
                period := word_at(text, end + 1, units().rate_periods)
            ):
                end += 1 + len(period)  # 4300元/生每学年: per student and per school year
            if not after and (after := _qualifier_after(text, end, kind)):
                qualifier_after, end = after  # 165美元/吨左右: the qualifier after the rate
                if qualifier != "range":
                    qualifier = qualifier_after
    before = _qualifier_before(text, start, end)
    if before:
        qualifier_before, start = before
        if qualifier == "exact":
            qualifier = qualifier_before
    elif all(ch in numbers().big_units for ch in number.core) and not number.vague:
        return None  # 至万元: 万 alone is a unit word, not a number (近亿元 is one)
    return Found(kind, start, end, value, high, unit.unit, qualifier, unit.rule)


# -- ranges ----------------------------------------------------------------------------------

_UNIT_SIZE = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2629800,
    "year": 31557600,
}
_MONTHS = {"year": 12, "month": 1}


def _spread(text: str, start: int, end: int) -> bool:
    """A range written high to low is a range only as a spread over several items: 不等 after
    it, or 分别 before it (分别判处…十五年至十年不等); else 1500余万元至1万元 is a fall."""
    return text[end : end + 3].lstrip(" \t\u3000").startswith(("不等", "不等。")) or (
        "分别" in text[max(0, start - 40) : start] or "分別" in text[max(0, start - 40) : start]
    )


def _range_low(text: str, number: _Number, unit: _Unit | None, second: _Number) -> Decimal:
    """The low end of a range: ``3至5万元`` → 30000 (the first end takes the second's 万 when
    it has none of its own), but ``8500到3万`` → 8500 (taking it would pass the high end)."""
    low = number.value
    if unit is None and not number.big:
        # the 万/亿 the second end closes with (一百五十万 → 万; 3千 → 千)
        closing = _TRAILING_BIG if number.core[-1:] in numbers().small_units else _TRAILING_MULT
        mult = closing.search(text[second.start : second.end].rstrip("余多餘 \t\u3000"))
        if mult:
            scaled = parse_numeral(number.core + mult.group())
            if scaled is not None and scaled <= second.value:
                low = scaled
    return low


def _ordered(number: _Number, unit: _Unit | None, second: _Number, unit2: _Unit, text: str) -> bool:
    """A written range runs from low to high (1500余万元至1万元 is not a range)."""
    low, high = _range_low(text, number, unit, second), second.value
    if unit is not None and unit.kind == "duration" and unit.unit != unit2.unit:
        low, high, _ = _to_smaller(low, unit.unit, high, unit2.unit)
    return low <= high


def _months(value: Decimal) -> Decimal:
    """A length converted between years and months, to four decimals (2.166667 × 12 = 26;
    5 × 12 = 60, not 6E+1)."""
    value = value.quantize(Decimal("0.0001")).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _to_smaller(
    low: Decimal, low_unit: str, high: Decimal, high_unit: str
) -> tuple[Decimal, Decimal, str]:
    """十个月至四年 → (10, 48, month): both ends in the smaller unit (a compound end, 二年二个月
    = 2.166667 year, comes back to whole months: 26)."""
    if low_unit in _MONTHS and high_unit in _MONTHS:
        small = low_unit if _MONTHS[low_unit] < _MONTHS[high_unit] else high_unit
        return (
            _months(low * _MONTHS[low_unit] / _MONTHS[small]),
            _months(high * _MONTHS[high_unit] / _MONTHS[small]),
            small,
        )
    small = min(low_unit, high_unit, key=lambda u: _UNIT_SIZE[u])
    return (
        low * _UNIT_SIZE[low_unit] / _UNIT_SIZE[small],
        high * _UNIT_SIZE[high_unit] / _UNIT_SIZE[small],
        small,
    )
