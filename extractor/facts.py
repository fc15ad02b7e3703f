"""Facts: every numeric fact of an article (SPEC §3–§4), with spans into the original text.

The finders run on the article's part of the repaired view (column breaks removed), so
``1500余\\n\\n万元`` is read whole; each span is mapped back to the original and its ``text``
taken from there under SPEC's text rule. Dates are found first, then quantities outside
them (the grammar's two stages); the attachment (subject, action, change, basis) reads
each number's clause; a date's ``resolved`` fills its year from the reference. The facts
are the record's own :class:`~extractor.models.Fact` objects.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .affixes import alternation
from .lexicons import exclusions, kind, numbers, per_lexicons, simplified, units
from .models import Fact
from .numbers.attach import Item, attach_all, without_per_unit
from .numbers.dates import bare_roc_years, find_dates, outside_titles
from .numbers.grammar import Found
from .numbers.learned import Reading, readings
from .numbers.learned_action import ACTING_KINDS, best_verb
from .numbers.learned_subject import asks, best_run
from .numbers.quantities import find_quantities
from .numbers.quoted_price import quoted_price_subject
from .numbers.resolve import Reference, resolve
from .numbers.tagging import keeps_words
from .numbers.verb_object import past_own_verb
from .repair import OffsetMap, RepairedText, surface
from .segment import ArticleLayout

__all__ = ["article_currency", "find_facts", "masked"]


def article_currency(text: str) -> str:
    """The currency of a bare 元/萬 in this article (SPEC §3): HKD in an article about Hong
    Kong, TWD in one about Taiwan, else CNY.

    >>> article_currency("向滙豐發放按揭貸款390萬港元"), article_currency("收缴赃款1500余万元")
    ('HKD', 'CNY')
    """
    return _declared_currency(text) or _place_currency(text) or "CNY"


_ROC_SCHOOL_YEAR = re.compile(r"(?<![\d.])1[0-2]\d\s*[學学]年")


def _place_currency(text: str) -> str | None:
    """HKD for an article about Hong Kong (it names a place, an institution or the money of
    Hong Kong), TWD for one about Taiwan, else None: each name written as a word of its own,
    in an article written in traditional characters, or within its opening
    (``units.toml`` ``traditional_share``, ``locale_opening_chars``). An article in
    traditional characters is Macau's (MOP) when it names Macau more than the other two and
    writes no amount in Hong Kong's money (``macau``, ``hong_kong_money``); one that names
    none of them is Hong Kong's press (HKD), unless its opening names the mainland as the
    scene (``mainland``) or it is too short to be an article (``script_locale_chars``).

    >>> _place_currency("两大空港进港人数同比增长"), _place_currency("港人港税")
    (None, 'HKD')
    >>> _place_currency("到云南投资108亿元"), _place_currency("南投縣政府")
    (None, 'TWD')
    >>> _place_currency("本澳今年首季經濟損失七千六億"), _place_currency("一名澳门水客被判处罚金")
    ('MOP', None)
    >>> _place_currency("司警在路氹巡查時揭發匯兌案,扣押5萬港元")  # Macau, in Hong Kong's money
    'HKD'
    >>> ipo = "今日上市的御佳控股,昨日公布招股結果,每股發售價定為0.56元,以貼近下限定價。"
    >>> _place_currency(ipo * 2), _place_currency(ipo)  # traditional, no place; a phrase
    ('HKD', None)
    >>> _place_currency("【本報訊】內地多個省市暴雨成災,損失逾百億元。" * 4)  # the mainland its scene
    >>> _place_currency("重庆海关发布消息称,今年前三季度重庆外贸进出口总值4613.9亿元" + "," * 80
    ...                 + "对中国香港地区进出口252.6亿")
    """
    lex = units()
    hong_kong, taiwan, mainland, macau, hk_money = _place_names()
    traditional = _traditional(text, lex.traditional_share)
    opening = text[: lex.locale_opening_chars]
    if not traditional:
        text = opening  # a mainland article: its opening decides
    hk, tw = _names_count(text, hong_kong, lex.taiwan_units), _names_count(text, taiwan, ())
    if traditional:
        tw += len(_ROC_SCHOOL_YEAR.findall(text))  # 113學年: only Taiwan counts school years so
    if traditional and not _names_count(text, hk_money, ()):  # a Macau casino's 港元: HKD
        if _names_count(text, macau, ()) > max(hk, tw):
            return "MOP"  # a mainland article naming Macau (一名澳门“水客”) keeps renminbi
    if hk or tw:
        return "TWD" if tw > hk else "HKD"  # the place named more often; a tie: Hong Kong
    if (
        traditional
        and len(_HAN_CHAR.findall(text)) >= lex.script_locale_chars
        and not _names_count(opening, mainland, ())
    ):
        return "HKD"  # Hong Kong's press, naming no place (SPEC §3 as gold/README reads it)
    return None


def _traditional(text: str, share: float) -> bool:
    """Is ``text`` written in traditional characters: at least ``share`` of its Chinese
    characters are ones the simplified table (``data/traditional.txt``) maps to another?"""
    han = len(_HAN_CHAR.findall(text))
    return bool(han) and len(_traditional_chars().findall(text)) >= share * han


_HAN_CHAR = re.compile("[\u3400-\u9fff]")  # the range of _HAN below


@per_lexicons()
def _traditional_chars() -> re.Pattern[str]:
    """One character class of the characters the simplified table maps to another."""
    table = simplified()
    chars = sorted(chr(c) for c, to in table.items() if isinstance(to, int) and to != c)
    return re.compile("[" + re.escape("".join(chars)) + "]")


@per_lexicons()
def _place_names() -> tuple[re.Pattern[str], ...]:
    """The Hong Kong, Taiwan, mainland and Macau names of ``units.toml`` and Hong Kong's
    money, each list as one pattern."""
    lex = units()
    lists = (lex.hong_kong, lex.taiwan, lex.mainland, lex.macau, lex.hong_kong_money)
    return tuple(re.compile(alternation(words)) for words in lists)


def _names_count(text: str, names: re.Pattern[str], not_before: tuple[str, ...]) -> int:
    """How many of ``names`` ``text`` writes as words of their own, not right before one of
    ``not_before`` (``大埔鄉`` is no Hong Kong district)."""
    count, at = 0, 0
    while (m := names.search(text, at)) is not None:
        if keeps_words(text, m.start(), m.end()) and not text.startswith(not_before, m.end()):
            count += 1
        at = m.start() + 1
    return count


@per_lexicons()
def _declaration() -> re.Pattern[str]:
    lex = units()
    words = sorted(
        {w for table in (lex.currency_before, lex.currency_after) for w, c in table.items()}
        - {w for w, c in lex.currency_after.items() if c.islower()},  # local, dollar, by country
        key=len,
        reverse=True,
    )
    currency = "|".join(re.escape(w) for w in words if len(w) > 1 and not w.startswith("元"))
    declared = "|".join(re.escape(w) for w in lex.declared)
    # 人民币4.41亿元(单位下同); 51.06億元(人民幣,下同): the currency before the note, or in it
    return re.compile(
        f"({currency})[^。\\n]{{0,16}}?[（(](?:{declared})[)）]"
        f"|[（(]({currency})[,，、\\s]*(?:{declared})[)）]"
    )


def _declared_currency(text: str) -> str | None:
    """The currency an article declares for the amounts after it: ``人民币4.41亿元(单位下同)``,
    ``51.06億元(人民幣,下同)`` → CNY (a Hong Kong-listed company's results, in renminbi)."""
    m = _declaration().search(text)
    if m is None:
        return None
    lex = units()
    word = m[1] or m[2]
    return lex.currency_before.get(word) or lex.currency_after.get(word)


def masked(text: str) -> str:
    """``text`` with web and e-mail addresses blanked (same length, so offsets hold): their
    digits and %20 escapes are not numbers of the article; so are the openings of names that
    start with a count (:func:`_without_named_numbers`).

    >>> masked("见http://a.cn/q?x=30%25 共30%")
    '见                      共30%'
    """
    for pattern in exclusions().masked:
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return _without_named_numbers(text)


def _without_named_numbers(text: str) -> str:
    """``text`` with every opening of a name that starts with a count blanked (same length):
    a numeral and classifier before a company's legal suffix make a name (``三只松鼠股份有限公
    司``), and so do its other mentions in the article (SPEC §3: numbers inside names;
    ``data/exclusions.toml`` ``name_openings``).

    >>> _without_named_numbers("三只松鼠股份有限公司称,三只松鼠前员工2人被判刑")
    '   鼠股份有限公司称,   鼠前员工2人被判刑'
    """
    openings = {m[1] for pattern in exclusions().name_openings for m in pattern.finditer(text)}
    for opening in sorted(openings, key=len, reverse=True):
        text = text.replace(opening, " " * len(opening))
    return text


def _dot_decimals(text: str) -> str:
    """``text`` with a middle dot between digits read as a decimal point where a big unit,
    元 or a percent sign follows the digits after it (old typography: ``694·65亿元``); the
    dot of a date or an event's name (``5·2矿难``, ``2020·4·6``) stays. Same length, so
    offsets hold.

    >>> _dot_decimals("发行彩票694·65亿元,“5·2”矿难")
    '发行彩票694.65亿元,“5·2”矿难'

    The small full stop between digits is a decimal point wherever it stands (a Hong Kong
    wire's ``按月增5﹒3%``, ``0﹒13%``).

    >>> _dot_decimals("按月增5﹒3%,拖欠比率為0﹒13")
    '按月增5.3%,拖欠比率為0.13'
    """
    if "﹒" in text:
        text = _SMALL_STOP.sub(".", text)
    if "·" not in text and "・" not in text:
        return text
    return _DOT_DECIMAL.sub(".", text)


_DOT_DECIMAL = re.compile(r"(?<=\d)[·・](?=\d+(?:[万亿萬億元%％]))")
_SMALL_STOP = re.compile(r"(?<=\d)﹒(?=\d)")  # U+FE52, a decimal point in some wires' type


def inner_spaces(text: str) -> list[tuple[int, int]]:
    """Runs of spaces inside an expression, which the finders read past: between two Chinese
    characters or a Chinese character and a digit (``百 分 之 2``, ``六 个 百 分点``, OCR's
    ``1500 万元``), not between two digits (``2022 11 23`` stays three numbers).

    >>> inner_spaces("百 分 之 2, 共 3 人, 2022 11")
    [(1, 2), (3, 4), (5, 6), (10, 11), (12, 13)]
    """
    return [m.span() for m in _INNER_SPACE.finditer(text) if not _parts_headline(text, m)]


def _parts_headline(text: str, gap: re.Match[str]) -> bool:
    """Is ``gap`` a space between two Han characters on a line with no clause punctuation,
    a headline whose spaces part its clauses (``侦破特大诈骗案 涉案金额近千万``)? It stays in
    the text the rules read, where it ends a clause."""
    start, end = gap.span()
    if not _HEADLINE_GAP.fullmatch(text, start - 1, end + 1):
        return False
    if text[start - 1] in _number_word_chars() and text[end] in _number_word_chars():
        return False  # 一百 二 十 几亿, 百 分 之: a number written spaced out
    if not (_CLAUSE_EDGE.fullmatch(text, start - 2, start) and _CLAUSE_EDGE.match(text, end)):
        return False  # 七成 六: a clause has two characters at least on each side (7伤: a
        # number and its classifier count)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return not _PUNCTUATED.search(line)


_HAN = "\u3400-\u9fff"
_INNER_SPACE = re.compile(
    rf"(?<=[{_HAN}])[ \t\u3000]+(?=[{_HAN}0-9０-９])|(?<=[0-9０-９%％])[ \t\u3000]+(?=[{_HAN}])"
)


_HEADLINE_GAP = re.compile(rf"[{_HAN}][ \t\u3000]+[{_HAN}]")
_PUNCTUATED = re.compile("[。，,；;！？!?：:]")
_CLAUSE_EDGE = re.compile(rf"[{_HAN}0-9０-９][{_HAN}]|[{_HAN}][{_HAN}0-9０-９]")


@per_lexicons(1)
def _number_word_chars() -> frozenset[str]:
    """Characters of a number written in words: its numerals, sign, decimal point and
    qualifier words (``numbers.toml``) and its share and classifier words
    (``spaced_number_words``). A space between two of them is inside the number, never a
    headline's clause break (but ``大塌方 三位``, ``全国第二 海洋`` part clauses)."""
    lex = numbers()
    words = (*lex.over_after, *lex.vague_after, *lex.spaced_number_words)
    return frozenset((*lex.numeral_chars, *lex.negative, *lex.decimal_point, *"".join(words)))


def find_facts(
    repaired: RepairedText, article: ArticleLayout, reference: Reference | None = None
) -> list[Fact]:
    """Every fact of ``article``, in text order; ``reference`` resolves the years of dates."""
    r_start, r_end = repaired.map.span_to_repaired(*article.span)
    spaced = repaired.text[r_start:r_end]
    inner = OffsetMap.from_gaps(len(spaced), inner_spaces(spaced))
    text = inner.kept(spaced)
    readable = masked(text)
    taken = bytearray(len(text))
    dates = find_dates(readable)
    place = _place_currency(text)
    if place == "TWD":  # an article about Taiwan (SPEC §3's place rule): its bare ROC years
        dates = _with_bare_roc_years(dates, bare_roc_years(readable))
    for d in dates:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    currency = _declared_currency(text) or place or "CNY"  # article_currency, read once
    found = [*dates, *find_quantities(_dot_decimals(readable), taken)]
    # 《2023年…条例》, 《经济半小时》: a title's number is its name (a date's characters stay taken)
    found = outside_titles(readable, found)
    found.sort(key=lambda f: f.start)
    fact_units = [_unit(f, currency, text) for f in found]
    items = [
        Item(
            f.kind,
            f.start,
            f.end,
            _counting_unit(unit),
            relative=f.kind == "date" and f.value is None,
        )
        for f, unit in zip(found, fact_units, strict=True)
    ]
    facts = []
    previous: tuple[str | None, int] = (None, 0)  # the last fact's subject and end, for 報
    for f, unit, att in zip(found, fact_units, attach_all(text, items), strict=True):
        start, end = inner.span_to_original(f.start, f.end)
        span = repaired.map.span_to_original(r_start + start, r_start + end)
        timex = kind(f.kind).value == "timex"
        subject, action = att.subject, att.action
        if kind(f.kind).subject != "none":
            reading = Reading(text, f.start, f.end, f.kind, unit, att.subject, att.action)
            subject, action = _learned(reading, span)
            before = (
                subject is not None and text.rfind(subject, max(0, f.start - _REACH), f.start) >= 0
            )
            subject = past_own_verb(subject, action, before)  # 拨付保费补贴资金10.67亿元
            subject = subject and without_per_unit(subject)  # 運價每TEU(20呎櫃)1,820美元
            if f.kind == "money":
                before_it = previous[0] if "\n" not in text[previous[1] : f.start] else None
                subject = quoted_price_subject(text, f.start, subject, before_it)  # 報317.8元
            previous = (subject, f.end)
            if att.standard:
                action = None  # 较去年同期三千多宗减少: what the change is measured against
        facts.append(
            Fact(
                kind=f.kind,
                text=surface(repaired.original[span[0] : span[1]]),
                span=span,
                value=f.value,
                high=f.high,
                unit=unit,
                qualifier=f.qualifier,
                subject=subject,
                action=action,
                change=_signed_change(f.value, att.change, att.basis),
                basis=att.basis,
                resolved=resolve(f.value, reference) if timex else None,  # type: ignore[arg-type]
            )
        )
    return facts


_REACH = 40  # how far before its number a subject written there is looked for


def _learned(r: Reading, span: tuple[int, int]) -> tuple[str | None, str | None]:
    """The rules' subject and action; where the rules gave none, the learned parts' (a
    subject for any kind, a verb for the kinds that take one). While ``readings`` is set,
    the rules' alone, and the reading is kept under the fact's span (for training)."""
    kept = readings.get()
    if kept is not None:
        kept.append((span, r))
        return r.rule_subject, r.rule_action
    subject = best_run(r) if asks(r) else r.rule_subject
    action = best_verb(r) if r.kind in ACTING_KINDS else r.rule_action
    return subject, action


def _signed_change(value: object, change: str | None, basis: str | None) -> str | None:
    """A negative number that is the size of a change, after a change word or against a
    basis, is a fall (SPEC §3: ``同比-4%`` → down; ``增长—2.48%`` → down)."""
    negative = isinstance(value, Decimal) and value < 0
    if negative and (change == "up" or (change is None and basis is not None)):
        return "down"
    return change


def _with_bare_roc_years(dates: list[Found], roc: list[Found]) -> list[Found]:
    """The article's dates with its bare ROC years (``104年1月6日``), which win over the
    dates found inside them or on the same text (``1月6日`` read without its year,
    ``一一三年十二月`` read as the year 113) but not over a longer date that holds them
    (``民國114年10月份``)."""
    roc = [
        r
        for r in roc
        if not any(
            d.start <= r.start and r.end <= d.end and d.end - d.start > r.end - r.start
            for d in dates
        )
    ]
    if not roc:
        return dates
    kept = [d for d in dates if not any(d.start < r.end and r.start < d.end for r in roc)]
    return sorted([*kept, *roc], key=lambda f: f.start)


@per_lexicons(64)
def _country_currency(text: str, key: str) -> str:
    """The money of the first country of ``units.toml`` ``[by_country.<key>]`` the article
    names, else the table's default.

    >>> _country_currency("据墨西哥财政部统计,赤字达6376亿比索", "peso")
    'MXN'
    >>> _country_currency("筹集2000亿比索", "peso"), _country_currency("获利1816.9亿先令", "shilling")
    ('PHP', 'KES')
    """
    table = units().by_country[key]
    named = [(at, code) for name, code in table.countries.items() if (at := text.find(name)) != -1]
    return min(named)[1] if named else table.default


def _counting_unit(unit: str | None) -> str | None:
    """The classifier or noun a unit counts by, without the alternatives in brackets after it
    (``头(只)`` → ``头``, ``县(市)`` → ``县``): what the attachment reads."""
    if unit is None:
        return None
    return unit.split("(", 1)[0].split("（", 1)[0] or unit


def _unit(found: Found, currency: str, text: str = "") -> str | None:
    """The fact's unit: the article's currency for a bare 元 (``"local"``); for a bare ``$``
    (``"dollar"``) HKD in a Hong Kong article, else USD (SPEC §3); for a bare 比索 or 先令
    (``units.toml`` ``[by_country]``) the money of the country the article names."""
    if found.unit == "dollar":
        return "HKD" if currency == "HKD" else "USD"
    if found.unit is not None and found.unit in units().by_country:
        return _country_currency(text, found.unit)
    return currency if found.unit == "local" else found.unit
