"""Numerals: the characters of one number → its value (``Decimal``).

Arabic (``1,234.5``, fullwidth ``１２３``, spaces), Chinese (``一百零五``, ``两千``, ``十二``,
``三万五千``, ``二〇二〇``, 大写 ``壹佰``, traditional ``萬`` ``億`` ``兩``), mixed (``1.2万``,
``3千``, ``3万5千``, ``2.5亿``, ``万亿``) and Chinese decimals (``十五点八万``).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, localcontext

from ..lexicons import numbers, per_lexicons
from .ceiling import ARITHMETIC, MAX_NUMERAL_CHARS, ROUNDED, within

__all__ = ["parse_numeral", "parse_range_pair"]

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _THOUSANDS.sub("", text)
    return re.sub(r"\s+", "", text)


def _tokens(text: str) -> list[tuple[str, Decimal]] | None:
    """Split into ("n", value) for numbers/digits and ("u", unit) for 十百千万亿."""
    lex = numbers()
    out: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(text):
        match = _ARABIC.match(text, i)
        if match:
            out.append(("a", Decimal(match.group())))
            i = match.end()
            continue
        ch = text[i]
        if ch in lex.digits:
            out.append(("d", Decimal(lex.digits[ch])))
        elif ch in lex.small_units:
            out.append(("s", Decimal(lex.small_units[ch])))
        elif ch in lex.big_units:
            out.append(("b", Decimal(lex.big_units[ch])))
        else:
            return None
        i += 1
    return out


def _section(tokens: list[tuple[str, Decimal]]) -> Decimal | None:
    """A part below 万: digits and 十百千 (一百零五, 两千三 = 2300, 十二, 5千)."""
    if not tokens:
        return Decimal(0)
    if tokens[0][0] == "s" and tokens[0][1] >= 100 and len(tokens) > 1:
        if len(tokens) == 2 and tokens[1][0] == "d" and tokens[1][1] != 0:
            return tokens[0][1] + tokens[1][1] * tokens[0][1] / 10  # 百三 = 130, 千三 = 1300
        return None  # 百十一: only 十 opens a numeral without its digit (百万, 千万 are read at 万)
    total = Decimal(0)
    number: Decimal | None = None
    last_unit: Decimal | None = None
    last_kind = ""
    for kind, value in tokens:
        if kind in ("a", "d"):
            if number is not None and kind == "d" and value != 0:
                return None  # two digits in a row inside a unit numeral
            number = value if value != 0 or number is None else number
            if value == 0:
                number = None
                last_unit = None
        elif kind == "s":
            if last_unit is not None and value >= last_unit:
                return None  # 十一十二: units inside a section must fall
            total += (number if number is not None else Decimal(1)) * value
            number = None
            last_unit = value
        else:
            return None
        last_kind = kind
    if number is not None:
        # 两千三 = 2300: a trailing Chinese digit after a unit counts in the next unit down
        # (1百01 = 101: an Arabic number after the unit is read as written)
        colloquial = last_kind == "d" and last_unit is not None and last_unit >= 100
        total += number * (last_unit / 10) if colloquial and last_unit else number
    return total


def _value(tokens: list[tuple[str, Decimal]]) -> Decimal | None:
    """Split at the largest 亿, then 万; sections in between."""
    for unit in (Decimal(100_000_000), Decimal(10_000)):
        positions = [i for i, (k, v) in enumerate(tokens) if k == "b" and v == unit]
        if positions:
            at = positions[-1]
            left, right = tokens[:at], tokens[at + 1 :]
            left_value = (
                (_positional(left, before_unit=True) or _value(left)) if left else Decimal(1)
            )
            if left_value is None:
                return None
            if right and left_value != left_value.to_integral_value():
                return None  # 10.1万零100: a decimal before 万 leaves nothing to add
            # 三万五 = 35000: a lone digit after 万 counts in thousands
            if len(right) == 1 and right[0][0] == "d" and unit == 10_000:
                return left_value * unit + right[0][1] * 1000
            # 二萬九五〇〇 = 29500: four digits written one by one are the part below 万
            positional = _positional(right) if len(right) == 4 and unit == 10_000 else None
            right_value = (
                positional if positional is not None else _value(right) if right else Decimal(0)
            )
            if right_value is None:
                return None
            return left_value * unit + right_value
    return _section(tokens)


def _positional(tokens: list[tuple[str, Decimal]], *, before_unit: bool = False) -> Decimal | None:
    """Two or more Chinese digits written one by one, as a number (``二〇八`` → 208, the
    Taiwan press's way: ``二〇八萬``); None for anything else. ``before_unit``: before 万 or
    亿, only a run a nought or three digits or more tell from a range of two (``一二万`` is one
    or two 万, ``二四七萬`` 247 万).

    >>> parse_numeral("二四七萬"), parse_numeral("一二万"), parse_numeral("二萬九五〇〇")
    (Decimal('2470000'), None, Decimal('29500'))
    """
    if len(tokens) < 2 or any(k != "d" for k, _ in tokens):
        return None
    if before_unit and len(tokens) < 3 and all(v != 0 for _, v in tokens):
        return None
    return Decimal("".join(str(int(v)) for _, v in tokens))


@per_lexicons(8192)  # a page repeats its numbers; the value of a text never changes
def parse_numeral(text: str) -> Decimal | None:
    """The value of a numeral, or ``None`` when ``text`` is not one.

    >>> [str(parse_numeral(t)) for t in ["一百零五", "两千", "十二", "三万五千", "1.2万", "3万5千"]]
    ['105', '2000', '12', '35000', '12000.0', '35000']
    >>> [str(parse_numeral(t)) for t in ["二〇二〇", "壹佰", "1,234.5", "１２３", "万亿", "十五点八万"]]
    ['2020', '100', '1234.5', '123', '1000000000000', '158000.0']
    >>> parse_numeral("元") is None
    True

    A numeral beyond the ceiling (``extractor.numbers.ceiling``: more than 10**24, more
    than 28 digits, more than 100 characters) is not read either:

    >>> parse_numeral("1" + "万" * 1000) is None, parse_numeral("一亿亿亿"), parse_numeral("十亿亿亿")
    (True, Decimal('1000000000000000000000000'), None)
    """
    text = _normalise(text)
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None
    with localcontext(ARITHMETIC):
        value = _parse(text)
    return value if within(value) else None


def _parse(text: str) -> Decimal | None:
    """:func:`parse_numeral` of a normalised text, in any length's arithmetic."""
    lex = numbers()
    if text[0] in lex.negative and len(text) > 1:
        value = parse_numeral(text[1:])
        return -value if value is not None else None
    for short, full in lex.contractions.items():
        text = text.replace(short, full)
    whole, joiner, part = text.partition("又")
    if joiner and "分之" in part:  # 十一又十四分之一: a mixed number
        den, _, num = part.partition("分之")
        w, d, n = parse_numeral(whole), parse_numeral(den), parse_numeral(num)
        if w is None or not d or n is None:
            return None
        return ROUNDED.add(w, ROUNDED.divide(n, d))  # a quotient that may not end
    point = next((p for p in lex.decimal_point if p in text), None)
    if point is None and "." in text and not any(ch.isdigit() for ch in text):
        point = "."  # 三．一八: a full stop between Chinese digits (the Taiwan press)
    if point is not None:
        whole, _, rest = text.partition(point)
        if not whole:
            return None  # 点一: no whole part
        digits = ""
        i = 0
        while i < len(rest) and (rest[i] in lex.digits or rest[i].isdigit()):
            digits += rest[i] if rest[i].isdigit() else str(lex.digits[rest[i]])
            i += 1  # 十五点八, 一百点123
        base = parse_numeral(whole) if whole else Decimal(0)
        if base is None or not digits:
            return None
        value = base + Decimal(f"0.{digits}")
        for ch in rest[i:]:
            if ch not in lex.big_units and ch not in lex.small_units:
                return None
            value *= lex.big_units.get(ch) or lex.small_units[ch]
        return value
    tokens = _tokens(text)
    if not tokens:
        return None
    positional = _positional(tokens)  # 二〇二〇: digit by digit
    return positional if positional is not None else _value(tokens)


@per_lexicons(8192)
def parse_range_pair(text: str) -> tuple[Decimal, Decimal] | None:
    """Adjacent digits that write an approximate range, with the unit after them:
    ``一两千`` → (1000, 2000), ``四五`` → (4, 5), ``三四十`` → (30, 40).

    >>> parse_range_pair("一两千"), parse_range_pair("四五")
    ((Decimal('1000'), Decimal('2000')), (Decimal('4'), Decimal('5')))
    """
    lex = numbers()
    text = _normalise(text)
    for pair in lex.range_pairs:
        if text.startswith(pair):
            rest = text[len(pair) :]
            low = parse_numeral(pair[0] + rest)
            high = parse_numeral(pair[1] + rest)
            if low is None or high is None:
                return None
            return low, high
    return None
