"""Money, counts, percents, durations and ages in a string (SPEC §3).

``find_quantities(text, taken)`` scans ``text`` for numbers (Arabic, Chinese, mixed) that
are not inside a ``taken`` span (dates are found first), reads each one's qualifier,
range, unit and kind from the lexicons, and drops what SPEC says is not a fact (bare
numbers, the indefinite 一 with a classifier, ordinals, codes, descriptors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..affixes import skip_spaces, spaces_before, word_at, word_ending_at, words_at
from ..lexicons import exclusions, kinds, numbers, per_lexicons, qualifiers, units
from .numerals import parse_numeral, parse_range_pair

__all__ = ["Quantity", "find_quantities"]

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
class Quantity:
    """One quantity found: ``[start, end)`` in the scanned string; ``number`` is where the
    number itself starts (after any qualifier or currency word). ``unit`` for money is an
    ISO code, or ``"local"`` for 元 whose currency depends on the article's place."""

    kind: str
    start: int
    end: int
    value: Decimal
    high: Decimal | None
    unit: str
    qualifier: str
    number: int


@dataclass(frozen=True)
class _Patterns:
    core: re.Pattern[str]
    mult: re.Pattern[str]
    fraction: re.Pattern[str]
    per: re.Pattern[str]
    half: re.Pattern[str]
    stops: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]


@per_lexicons()
def _patterns() -> _Patterns:
    lex = numbers()
    cn = re.escape(lex.numeral_chars)
    point = re.escape("".join(lex.decimal_point))
    arabic = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
    core = re.compile(rf"{arabic}|[{cn}]+(?:[{point}][{cn}]+)?")
    big_small = re.escape("".join([*lex.small_units, *lex.big_units]))
    mult = re.compile(rf"[{big_small}]+")
    digits = "0-9０-９"
    fraction = re.compile(
        rf"(?P<dneg>[负負])?(?P<den>[{cn}{digits}]+)分之(?P<nneg>[负負])?"
        rf"(?P<num>[{cn}{digits}.．,，]*[{cn}{digits}](?:[{point}][{cn}]+)?)"
    )
    per = re.compile(
        rf"(?P<base>百分之|千分之|万分之|萬分之)(?P<num>[{cn}{digits}.．,，]*[{cn}{digits}](?:[{point}][{cn}]+)?)"
    )
    units_lex = units()
    time_units = "|".join(re.escape(u) for u in sorted(units_lex.time, key=len, reverse=True))
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
    return _Patterns(core, mult, fraction, per, half, tuple(stops))


@per_lexicons()
def _over_or_vague_after() -> tuple[str, ...]:
    """余/多 (over) and 几 (vague) marks after a number, in that order."""
    return numbers().over_after + numbers().vague_after


@per_lexicons()
def _unit_words(table: str) -> tuple[str, ...]:
    """The words of a ``data/units.toml`` table (``currency_after``, ``currency_before``,
    ``time``), longest first."""
    words: dict[str, str] = getattr(units(), table)
    return tuple(sorted(words, key=len, reverse=True))


def _stopped(text: str, start: int, end: int) -> bool:
    """A stop-pattern of ``data/exclusions.toml`` holds around ``text[start:end]``."""
    before = text[max(0, start - 12) : start]
    for left, right in _patterns().stops:
        if right is not None and not right.match(text, end):
            continue
        if left is not None and not left.search(before):
            continue
        return True
    return False


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


def _read_number(text: str, match: re.Match[str]) -> _Number | None:
    """The number at ``match``: core, 余/多/几, multipliers (1500余万, 9.3万余, 十几万)."""
    lex = numbers()
    p = _patterns()
    start, i = match.start(), match.end()
    core = match.group()
    over = False
    is_vague = False
    vague = word_ending_at(text, start, lex.vague_before)
    if vague in ("上",) and core[0] not in "百千万亿萬億佰仟":
        vague = None  # 以上十年以下: 上 makes a vague multiple only of 百/千/万/亿 (上千万)
    if (vague and core[0] in lex.small_units) or (vague and core[0] in lex.big_units):
        start -= len(vague)
        over = is_vague = True
    elif vague and vague in ("几", "幾"):
        return None  # 几 before a digit: no value
    j = skip_spaces(text, i)
    word = word_at(text, j, _over_or_vague_after())
    mult = ""
    if word:
        k = skip_spaces(text, j + len(word))
        m = p.mult.match(text, k)
        is_vague = is_vague or word in lex.vague_after
        if m:
            over, mult, i = True, m.group(), m.end()  # 1500余万, 两千余万, 十几万
        else:
            over, i = True, j + len(word)  # 10多年, 十几个
    else:
        m = p.mult.match(text, j)
        if m and core[-1:].isdigit():
            mult, i = m.group(), m.end()
            # 3万5千, 1万2千: a further Arabic number with a smaller unit
            more = re.compile(r"[0-9０-９]+[千百十仟佰拾]").match(text, i)
            if more and mult[-1] in lex.big_units:
                mult, i = mult + more.group(), more.end()
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


@dataclass(frozen=True)
class _Unit:
    kind: str
    unit: str
    end: int
    scale: Decimal = Decimal(1)
    extra: Decimal = Decimal(0)
    over: bool = False  # 两个多月


def _read_unit(text: str, i: int, number: _Number) -> _Unit | None:
    """The unit after a number: percent, currency, age, duration, classifier or noun."""
    lex = units()
    i = skip_spaces(text, i)
    if word := word_at(text, i, lex.percent_signs):
        return _Unit("percent", "%", i + len(word))
    if word := word_at(text, i, lex.percent_points):
        return _Unit("percent", "pp", i + len(word))
    if text.startswith("成", i) and number.value <= 10 and not number.big:
        if text.startswith("成半", i):
            return _Unit("percent", "%", i + 2, scale=Decimal(10), extra=Decimal(5))  # 三成半 = 35
        digit = numbers().digits.get(text[i + 1 : i + 2])
        rest = text[i + 2 : i + 3]
        if digit and not (rest and (rest in numbers().numeral_chars or rest in "成个個")):
            # 七成六 = 76 (a single digit after 成, not the start of another number)
            return _Unit("percent", "%", i + 2, scale=Decimal(10), extra=Decimal(int(digit)))
        return _Unit("percent", "%", i + 1, scale=Decimal(10))
    if (word := word_at(text, i, lex.ge_yi)) and not number.big:
        inner = _read_unit(text, i + len(word), number)
        if inner is not None and inner.kind == "money":  # 两个亿卢布 = 2亿 RUB
            scale = Decimal(100_000_000) * inner.scale
            return _Unit("money", inner.unit, inner.end, scale=scale, extra=inner.extra)
        return None  # 两个亿的项目: not a count of 个
    if word := word_at(text, i, lex.yuan_with_fraction):
        extra, end = _money_fraction(text, i + len(word))
        if extra:  # 十块三毛: 块 with 角/毛 after it is the local currency
            more = word_at(text, end, lex.money_after_unit)
            return _Unit("money", "local", end + (len(more) if more else 0), extra=extra)
        after = text[end : end + 1]
        if (not after or after in _CLAUSE_END) and _money_context(text, number.start, end):
            return _Unit("money", "local", end)  # 花费我三块
    if word := word_at(text, i, _unit_words("currency_after")):
        end = i + len(word)
        extra = Decimal(0)
        if word in ("元", "圆", "圓", "块钱", "塊錢"):
            extra, end = _money_fraction(text, end)
        else:
            extra, end = _money_subunit(text, end, lex.currency_after[word])
        more = word_at(text, end, lex.money_after_unit)
        return _Unit(
            "money", lex.currency_after[word], end + (len(more) if more else 0), extra=extra
        )
    if word := word_at(text, i, lex.age):
        return _Unit("age", "year", i + len(word))
    if text.startswith(("个半月", "個半月"), i):
        return _Unit("duration", "month", i + 3, extra=Decimal("0.5"))
    if text.startswith(("个半", "個半"), i):
        after = word_at(text, i + 2, _unit_words("time"))
        if after:
            return _Unit("duration", lex.time[after], i + 2 + len(after), extra=Decimal("0.5"))
    if word := word_at(text, i, _unit_words("time")):
        return _Unit("duration", lex.time[word], i + len(word), over="多" in word)
    if word := word_at(text, i, lex.classifiers):
        return _Unit("count", word, i + len(word))
    if word := word_at(text, i, lex.count_nouns):
        return _Unit("count", word, i + len(word))
    return None


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
    """A money verb written right before the number (獲利百萬; 千万不要 has none)."""
    return word_ending_at(text, start, units().money_words) is not None


def _money_context(text: str, start: int, end: int) -> bool:
    """A money word governs a bare 万/亿 amount (诈骗50万): in its clause, close by."""
    words = units().money_words
    left = re.split(r"[，,。；;！？!?：:]", text[max(0, start - 12) : start])[-1]
    right = re.split(r"[，,。；;！？!?：:]", text[end : end + 8])[0]
    return any(w in left or w in right for w in words)


def _compound_duration(text: str, unit: _Unit, value: Decimal) -> tuple[Decimal, int] | None:
    """四年零六个月 → 4.5 year; 1年半 → 1.5 year: more of a smaller unit after a duration."""
    i = unit.end
    if text.startswith("半", i) and unit.unit in ("year", "day", "hour"):
        return value + Decimal("0.5"), i + 1
    if unit.unit != "year":
        return None
    j = i + 1 if text.startswith("零", i) else i
    m = _patterns().core.match(text, j)
    if not m:
        return None
    months = parse_numeral(m.group())
    rest = word_at(text, m.end(), ("个月", "個月"))
    if months is None or not rest:
        return None
    return value + months / 12, m.end() + len(rest)


def _qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """A qualifier written before the number: (qualifier, start of the text)."""
    i = spaces_before(text, start)
    with_verb = _qualifier_table("before_with_verb")
    if word := word_ending_at(text, i, with_verb.words):
        return with_verb.qualifier[word], start
    before = _qualifier_table("before")
    if word := word_ending_at(text, i, before.words):
        return before.qualifier[word], i - len(word)
    return None


@dataclass(frozen=True)
class _QualifierTable:
    words: tuple[str, ...]  # in the table's order, longest first
    qualifier: dict[str, str]


@per_lexicons()
def _qualifier_table(name: str) -> _QualifierTable:
    """A table of ``data/qualifiers.toml`` (``before``, ``before_with_verb``, ``after``)."""
    pairs: tuple[tuple[str, str], ...] = getattr(qualifiers(), name)
    return _QualifierTable(tuple(word for word, _ in pairs), dict(pairs))


def _skip_inclusive(text: str, i: int) -> int:
    """Past an "inclusive" mark at ``i`` (1万(含)-5万元, 50万元（含）以上), else ``i``."""
    mark = word_at(text, i, qualifiers().inclusive)
    return i + len(mark) if mark else i


@per_lexicons()
def _restricted_after() -> dict[str, frozenset[str]]:
    return kinds().restricted_after


def _qualifier_after(text: str, i: int, kind: str) -> tuple[str, int] | None:
    i = _skip_inclusive(text, i)
    after = _qualifier_table("after")
    for word in words_at(text, i, after.words):
        qualifier = after.qualifier[word]
        only = _restricted_after().get(word)
        if only is not None and kind not in only:
            continue  # 内 qualifies a length of time only, 多 after a unit a duration or age
        end = i + len(word)
        if word == "上下" and end < len(text) and "\u4e00" <= text[end] <= "\u9fff":
            continue  # 上下班
        return qualifier, end
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    i = spaces_before(text, start)
    if word := word_ending_at(text, i, _unit_words("currency_before")):
        return units().currency_before[word], i - len(word)
    return None


@per_lexicons()
def _k_pattern() -> re.Pattern[str]:
    k = "[" + re.escape("".join(units().thousand_letters)) + "]"
    num = r"\d+(?:\.\d+)?"
    return re.compile(
        rf"(?<![A-Za-z\d.])(?P<lo>{num})(?P<lok>{k})?"
        rf"(?:[ ]*(?:[~～—－-]+|至|到)[ ]*(?P<hi>{num}){k}|(?<={k}))"
        rf"(?P<yuan>元)?(?![A-Za-z\d])"
    )


def _thousands_shorthand(text: str) -> list[Quantity]:
    """``10k元``, ``薪酬10k~15k``: k for thousands, money before 元 or under a money word."""
    found = []
    for m in _k_pattern().finditer(text):
        if not (m["yuan"] or _money_context(text, m.start(), m.end())):
            continue
        low, high = Decimal(m["lo"]) * 1000, Decimal(m["hi"]) * 1000 if m["hi"] else None
        if high is not None and low > high:
            continue
        qualifier = "range" if high is not None else "exact"
        found.append(
            Quantity("money", m.start(), m.end(), low, high, "local", qualifier, m.start())
        )
    return found


def _special(text: str, taken: bytearray) -> list[Quantity]:
    """Percents written as fractions (三分之一, 百分之三十, 千分之五), 一半 and 半 durations."""
    p = _patterns()
    found = []
    for m in p.per.finditer(text):
        num = parse_numeral(m["num"])
        if num is None:
            continue
        scale = {"百分之": 1, "千分之": Decimal("0.1")}.get(m["base"], Decimal("0.01"))
        found.append(
            Quantity("percent", m.start(), m.end(), num * scale, None, "%", "exact", m.start())
        )
    for m in p.fraction.finditer(text):
        if text.endswith(("百", "千", "万", "萬"), 0, m.start() + 1) and m["den"] in (
            "百",
            "千",
            "万",
            "萬",
        ):
            continue
        den, num_text = parse_numeral(m["den"]), m["num"]
        num = parse_numeral(num_text)
        digits_only = all(ch in numbers().digits for ch in num_text)
        if den and len(num_text) > 1 and digits_only:
            num_text = num_text[:1]  # 十分之一二手房: digit by digit, the numerator is 一
            num = parse_numeral(num_text)
        while den and num_text and num is None:
            num_text = num_text[:-1]
            num = parse_numeral(num_text) if num_text else None
        if not den or num is None:
            continue
        m_end = m.start("num") + len(num_text)
        if bool(m["dneg"]) != bool(m["nneg"]):
            num = -num  # 负3分之157: a negative share
        value = (num / den * 100).quantize(_PERCENT_PLACES)
        found.append(Quantity("percent", m.start(), m_end, value, None, "%", "exact", m.start()))
    for m in _HEADER.finditer(text):
        # 发行总额（亿）10.00: a multiplier in a table header (peer-issues call 4); the text is
        # the number only
        label = text[max(0, m.start() - 8) : m.start()]
        if "元" not in m["mult"] and not any(w in label for w in units().money_words):
            continue
        scale = (
            parse_numeral("1" + m["mult"].rstrip("元")) if m["mult"].rstrip("元") else Decimal(1)
        )
        num = parse_numeral(m["num"])
        if num is None or scale is None:
            continue
        found.append(
            Quantity(
                "money",
                m.start("num"),
                m.end("num"),
                num * scale,
                None,
                "local",
                "exact",
                m.start("num"),
            )
        )
    found += _thousands_shorthand(text)
    for m in re.finditer("(?<![一二三四五六七八九十两])半成", text):
        found.append(
            Quantity("percent", m.start(), m.end(), Decimal(5), None, "%", "exact", m.start())
        )
    for m in re.finditer("一半", text):
        found.append(
            Quantity("percent", m.start(), m.end(), Decimal(50), None, "%", "exact", m.start())
        )
    for m in p.half.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before and (
            before.isdigit() or before in numbers().numeral_chars or before in "上下前后後"
        ):
            continue  # 1年半 is read with its number; 上半年 is a relative date
        unit = units().time[m["unit"]]
        found.append(
            Quantity("duration", m.start(), m.end(), Decimal("0.5"), None, unit, "exact", m.start())
        )
    kept = []
    for item in sorted(found, key=lambda q: (q.start, -q.end)):
        before = _qualifier_before(text, item.start)
        if before:
            item = Quantity(
                item.kind,
                before[1],
                item.end,
                item.value,
                item.high,
                item.unit,
                before[0],
                item.number,
            )
        if not any(taken[item.start : item.end]):
            kept.append(item)
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)
    return kept


def find_quantities(text: str, taken: bytearray | None = None) -> list[Quantity]:
    """Every money, count, percent, duration and age in ``text`` outside ``taken``.

    >>> text = "收缴赃款1500余万元,抓获9名"
    >>> [(q.kind, text[q.start : q.end], str(q.value), q.unit, q.qualifier) for q in find_quantities(text)]
    [('money', '1500余万元', '15000000', 'local', 'over'), ('count', '9名', '9', '名', 'exact')]
    """
    taken = bytearray(len(text)) if taken is None else taken
    found = _special(text, taken)
    p = _patterns()
    q_lex = qualifiers()
    pos = 0
    while True:
        match = p.core.search(text, pos)
        if match is None:
            break
        pos = match.end()
        if any(taken[match.start() : match.end()]):
            continue
        item = _quantity(text, match, q_lex.range_connectors)
        if isinstance(item, int):
            pos = max(pos, item)
            continue
        if item is None:
            continue
        if any(taken[item.start : item.end]):
            continue
        found.append(item)
        taken[item.start : item.end] = b"\x01" * (item.end - item.start)
        pos = max(pos, item.end)
    return sorted(found, key=lambda q: q.start)


def _quantity(
    text: str, match: re.Match[str], connectors: tuple[str, ...]
) -> Quantity | int | None:
    """The quantity at ``match``; ``None`` when it is not a fact; an ``int`` when it is not
    and the scan must skip to that position (the second end of a vague range)."""
    number = _read_number(text, match)
    if number is None:
        return None
    unit = _read_unit(text, number.end, number)
    high = number.high
    end = unit.end if unit else number.end
    qualifier = (
        "range"
        if high is not None
        else ("over" if number.over or (unit and unit.over) else "exact")
    )

    # a written range: 3至5万元, 3-5万元, 3万至5万元, 3~5人, 十个月至四年
    j = _skip_inclusive(text, skip_spaces(text, unit.end if unit else number.end))
    connector = word_at(text, j, connectors)
    if connector and high is None:
        k = skip_spaces(text, j + len(connector))
        vague2 = word_at(text, k, numbers().vague_before)
        m2 = _patterns().core.match(text, k + (len(vague2) if vague2 else 0))
        second = _read_number(text, m2) if m2 else None
        unit2 = _read_unit(text, second.end, second) if second else None
        if second is not None and number.vague and second.vague:
            return second.end  # 几千到几十万元: a range with both ends vague is not a fact
        if (
            second is not None
            and unit2 is not None
            and (unit is None or unit.kind == unit2.kind)
            and (second.has_digit or second.vague)
            and _ordered(number, unit, second, unit2, text)
        ):
            low = _range_low(text, number, unit, second)
            high_value = second.value
            unit_name = unit2.unit
            if unit is not None and unit.kind == "duration" and unit.unit != unit2.unit:
                low, high_value, unit_name = _to_smaller(low, unit.unit, high_value, unit2.unit)
            unit = _Unit(unit2.kind, unit_name, unit2.end, unit2.scale)
            high, qualifier, end = high_value * unit2.scale, "range", unit2.end
            number.value = low
    if unit is None:
        if _currency_before(text, number.start) is not None and number.has_digit:
            unit = _Unit(
                "money", "local", number.end
            )  # 港幣2300及2500元: the currency word decides
        elif not (
            number.big
            and (number.has_digit or number.over or _after_money_word(text, number.start))
        ):
            return None
        elif not _money_context(text, number.start, number.end):
            return None
        else:
            unit = _Unit("money", "local", number.end)
    kind = unit.kind
    if (
        kind == "money"
        and qualifier != "range"
        and number.core in numbers().digits
        and not _money_unit_follows(text, number.end)
    ):
        return None  # 李四人民币: a name before a currency word, not an amount
    extra = unit.extra if kind in ("money", "percent") else 0
    value = number.value * unit.scale + extra
    if kind == "count" and value != value.to_integral_value() and not number.big:
        return None  # 3.1项目: a section number glued to a word, not a count
    if number.high is not None and unit.scale != 1:
        high = number.high * unit.scale + extra  # 六七成 = 60–70%, 一两个亿 = 1–2亿
    if kind == "duration":
        compound = _compound_duration(text, unit, value)
        if compound:
            value, end = compound
        value += unit.extra
    if (
        kind == "count"
        and number.core in exclusions().indefinite
        and not number.over
        and high is None
    ):
        return None  # 一个, 一名, 一人参保
    if kind == "count" and number.core in exclusions().capital_alone:
        return None  # 陆地, 拾起: a capital numeral alone is a word
    if _stopped(text, number.start, match.end()):
        return None
    start = number.start
    currency = _currency_before(text, start)
    if currency and kind == "money" and unit.unit not in ("local", currency[0]):
        currency = None  # 4人民币5美元: the word after the amount names its currency
    if (currency and kind in ("money",)) or (
        currency and unit.kind == "money" and unit.unit == "local"
    ):
        unit = _Unit("money", currency[0] if unit.unit == "local" else unit.unit, unit.end)
        start = currency[1]
    elif currency and number.big and kind == "money":
        start = currency[1]
    after = _qualifier_after(text, end, kind)
    if after:
        qualifier_after, end = after
        if qualifier != "range":
            qualifier = qualifier_after
    if kind == "money":
        more = word_at(text, end, units().money_after_unit)
        if more:
            end += len(more)
    before = _qualifier_before(text, start)
    if before:
        qualifier_before, start = before
        if qualifier == "exact":
            qualifier = qualifier_before
    elif all(ch in numbers().big_units for ch in number.core) and not number.vague:
        return None  # 至万元: 万 alone is a unit word, not a number (近亿元 is one)
    return Quantity(kind, start, end, value, high, unit.unit, qualifier, number.start)


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


def _to_smaller(
    low: Decimal, low_unit: str, high: Decimal, high_unit: str
) -> tuple[Decimal, Decimal, str]:
    """十个月至四年 → (10, 48, month): both ends in the smaller unit."""
    if low_unit in _MONTHS and high_unit in _MONTHS:
        small = low_unit if _MONTHS[low_unit] < _MONTHS[high_unit] else high_unit
        return (
            low * _MONTHS[low_unit] / _MONTHS[small],
            high * _MONTHS[high_unit] / _MONTHS[small],
            small,
        )
    small = min(low_unit, high_unit, key=lambda u: _UNIT_SIZE[u])
    return (
        low * _UNIT_SIZE[low_unit] / _UNIT_SIZE[small],
        high * _UNIT_SIZE[high_unit] / _UNIT_SIZE[small],
        small,
    )
