"""jionlp: JioNLP's money and time test tables, compared under a written mapping.

The four case files (``tests/conformance/jionlp/``) mirror four JioNLP calls. Each case is fed
to :func:`extractor.extract_text` as a one-line source; the README there ("Mapping") says how
their expected output is turned into ours. In short:

- ``money_cases``: one money fact; ``num`` → ``value`` (compared at their precision, 0.01);
  ``[lo, hi]`` → ``value`` lo, ``high`` hi, ``range`` for a written range, or ``value`` lo and
  ``over`` (no ``high``) for a vague amount (多, 余, 几, 数); ``definition`` → ``qualifier``
  (``blur`` → ``about``, ``blur-`` → ``nearly``/``under`` by the word, ``blur+`` → ``at_least``);
  ``case`` → ISO 4217.
- ``money_extract_cases``: the spans of our money facts equal their offsets.
- ``time_extract_cases``: our date and duration facts against their entities: a point or a
  single span is one fact with their offsets; a written range or list is one fact per item
  (SPEC §4), the first starting at their start and the last ending at their end.
- ``time_cases``: our date values read as intervals, the fields SPEC leaves as ``X`` taken
  from their answer (their reference-time resolution is not compared), against their
  ``[start, end]``.

Cases outside the issue's scope (lunar dates, weekdays, sets, relative dates, durations) and
cases SPEC settles differently are ``out_of_scope`` with a short reason; nothing is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor import parse_numeral
from extractor.models import Fact

from ..results import CaseResult
from .common import facts_of, jsonl

__all__ = ["run"]

Interval = tuple[datetime, datetime]


def run(root: Path) -> Iterator[CaseResult]:
    """Every case of the four files, in file order."""
    yield from _money_parse(root / "money_cases.jsonl")
    yield from _money_extract(root / "money_extract_cases.jsonl")
    yield from _time_extract(root / "time_extract_cases.jsonl")
    yield from _time_parse(root / "time_cases.jsonl")


def _cases(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(case id, case)``; the id is ``<file stem>:<line index>``."""
    for index, case in enumerate(jsonl(path)):
        yield f"{path.stem}:{index}", case


def _extract(text: str) -> list[Fact] | str:
    """Our facts for ``text``, or a one-line description of the exception the extractor raised."""
    try:
        return facts_of(text)
    except Exception as error:  # a crash is a failed case, not a stopped suite
        return f"extractor raised {type(error).__name__}: {str(error).splitlines()[0][:160]}"


def _show(facts: list[Fact]) -> str:
    """Our facts, short, for a failure's detail."""
    return str(
        [(f.kind, f.text, list(f.span), str(f.value), f.high, f.unit, f.qualifier) for f in facts]
    )


# --------------------------------------------------------------------------------------------
# money: jio.parse_money
# --------------------------------------------------------------------------------------------

CURRENCY = {
    "元": "CNY",
    "港元": "HKD",
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "新台币": "TWD",
    "英镑": "GBP",
    "澳元": "AUD",
    "韩元": "KRW",
    "泰铢": "THB",
    "卢布": "RUB",
}
"""Their ``case`` → our ``unit``, the ISO 4217 code (SPEC §3)."""

MONEY_WORD = re.compile(r"[元圆圓块塊钱錢毛角]|币|幣|镑|铢|卢布")
"""A written money word. Without one, their ``case`` is their default 元 and SPEC labels no kind
(`三百万`, `15k左右`): a bare amount is money only when a money word governs it."""

VAGUE = re.compile(r"[余餘多几幾数數]")
"""Their ``[lo, hi]`` for a vague amount (3000多, 几十万, 数十亿, 十几): SPEC's ``over``."""

NEARLY = re.compile(r"近|接近")
UNDER = re.compile(r"不到|不足|以下|以内|内")
CENT = Decimal("0.01")


def _money_parse(path: Path) -> Iterator[CaseResult]:
    for case_id, case in _cases(path):
        want = _money_want(case)
        if isinstance(want, str):
            yield CaseResult(case_id, "out_of_scope", want)
            continue
        found = _extract(case["input"])
        if isinstance(found, str):
            yield CaseResult(case_id, "failed", found)
        elif len(found) == 1 and _same_money(found[0], want):
            yield CaseResult(case_id, "passed")
        else:
            yield CaseResult(case_id, "failed", f"expected one money {want}; found {_show(found)}")


def _money_want(case: dict[str, Any]) -> dict[str, Any] | str:
    """Their expected parse as our fields, or why the case is out of scope."""
    text, expected = case["input"], case["expected"]
    if not MONEY_WORD.search(text):
        return "bare amount, no money word: SPEC labels no kind"
    unit = CURRENCY.get(expected["case"])
    if unit is None:
        return "currency with no ISO 4217 code in our map"
    num = expected["num"]
    lo, hi = (num[0], num[1]) if isinstance(num, list) else (num, None)
    qualifier = _money_qualifier(text, expected["definition"], ranged=hi is not None)
    if qualifier is None:
        return "qualifier word SPEC does not list"
    if qualifier != "range":
        hi = None
    return {
        "value": Decimal(lo),
        "high": None if hi is None else Decimal(hi),
        "unit": unit,
        "qualifier": qualifier,
    }


def _money_qualifier(text: str, definition: str, *, ranged: bool) -> str | None:
    """Their ``definition`` (and the word that caused it) → our qualifier."""
    if definition == "accurate":
        return "exact"
    if definition == "blur+":
        return "at_least"
    if definition == "blur-":
        return "nearly" if NEARLY.search(text) else "under" if UNDER.search(text) else None
    if ranged:
        return "over" if VAGUE.search(text) else "range"
    return "about"


def _same_money(found: Fact, want: dict[str, Any]) -> bool:
    """Kind, unit and qualifier equal; value and high equal at their precision (0.01)."""

    def cents(value: Decimal | str | None) -> Decimal | None:
        return value.quantize(CENT) if isinstance(value, Decimal) else None

    return (
        found.kind == "money"
        and cents(found.value) == want["value"]
        and cents(found.high) == want["high"]
        and found.unit == want["unit"]
        and found.qualifier == want["qualifier"]
    )


# --------------------------------------------------------------------------------------------
# money: jio.ner.extract_money (spans only: with_parsing=False)
# --------------------------------------------------------------------------------------------


def _money_extract(path: Path) -> Iterator[CaseResult]:
    for case_id, case in _cases(path):
        found = _extract(case["input"])
        if isinstance(found, str):
            yield CaseResult(case_id, "failed", found)
            continue
        ours = sorted((f.span[0], f.span[1]) for f in found if f.kind == "money")
        theirs = sorted((e["offset"][0], e["offset"][1]) for e in case["expected"])
        if ours == theirs:
            yield CaseResult(case_id, "passed")
        else:
            want = [(e["text"], e["offset"]) for e in case["expected"]]
            got = [(f.text, list(f.span)) for f in found if f.kind == "money"]
            yield CaseResult(case_id, "failed", f"expected money spans {want}; found {got}")


# --------------------------------------------------------------------------------------------
# time: what is in scope
# --------------------------------------------------------------------------------------------

OUT_OF_SCOPE: list[tuple[str, re.Pattern[str]]] = [
    (
        "lunar date",
        re.compile(r"农历|阴历|廿|卅|腊月|正月|闰|除夕|大年|元宵|初[一二三四五六七八九十]"),
    ),
    (
        "holiday or solar term: SPEC labels no holiday name",
        re.compile(r"节|元旦|端午|中秋|国庆|冬至|夏至|大寒|小寒|芒种|清明|七夕|^十一$"),
    ),
    ("season", re.compile(r"[春夏秋]|冬(?!至)")),
    ("week or weekday", re.compile(r"周|星期|礼拜")),
    (
        "relative date",
        re.compile(
            r"今|明|昨|前天|后天|去年|前年|后年|上个|下个|上一|这一|下下|上上|上月|下月|上周|下周|"
            r"上年|上季|上世纪|本|这|当|同月|次日|次年|现在|未来|过去的|过去\d|最近|近|再过|^过|"
            r"以来|全天|白天|午后|黎明|午夜|半夜|^第|^年底|^前"
            # an offset from now: 3年后, 两个半月前, 十三秒钟以后, 17天内
            r"|(?<![0-9〇○零一二三四五六七八九十])(?:[0-9]{1,3}|[一二两三四五六七八九十几半]+)个?半?多?"
            r"(?:天|年|月|小时|钟头|分钟|分|秒钟|秒|季度|刻钟)半?钟?"
            r"(?:以后|之后|后|以前|之前|前|以内|内)(?![0-9一二两三四五六七八九十])"
            # minutes:seconds of the current hour (35:37)
            r"|^(?:2[5-9]|[3-5][0-9]):[0-5][0-9]$"
        ),
    ),
    (
        "first/last N periods (前两个季度, 前4天): no single TIMEX",
        re.compile(r"(?<=[年月])[前后](?:[0-9]+|[一二两三四五六七八九十]+)个?(?:季度|月|天|年)"),
    ),
    (
        "part of a year or quarter (年底, 季度末): SPEC settles only parts of a month",
        re.compile(r"年底|年初|年末|伊始|季度[初末]"),
    ),
    (
        "ordinal period (第8个月, 首月, 第一天): SPEC has no rule",
        re.compile(r"第(?:[0-9]+|[一二三四五六七八九十]+)个?(?:天|月)|首月"),
    ),
    ("century or decade: SPEC shows no value", re.compile(r"世纪|年代")),
    ("within a period (2024年内): SPEC's 内 is a duration qualifier", re.compile(r"[年月]内$")),
    ("bare number: SPEC labels no kind", re.compile(r"^\d{1,4}$")),
]
"""Reason categories, tried in order on the expression (their entity text, or their input)."""

OPEN_ENDED = "open-ended span (…起, …前, …以后): one end is their reference time"


def _time_scope(text: str) -> str | None:
    """Why the time expression ``text`` is out of scope, or None when it is in scope."""
    for reason, pattern in OUT_OF_SCOPE:
        if pattern.search(text):
            return reason
    return None


# --------------------------------------------------------------------------------------------
# time: jio.ner.extract_time (spans only: with_parsing=False)
# --------------------------------------------------------------------------------------------

CONNECTOR = re.compile(r"至|到|[~～]|[—–－]+|(?<=[0-9月])-(?=[0-9一二三四五六七八九十])")
"""A written range: one fact per end (SPEC §4)."""

LIST_SEPARATOR = re.compile(r"[，,、]")
"""A written list: one fact per item (SPEC §4)."""


def _items(text: str, kind: str) -> int:
    """How many date facts SPEC makes of one of their time entities."""
    if kind != "time_span":
        return 1
    if LIST_SEPARATOR.search(text):
        return len(LIST_SEPARATOR.findall(text)) + 1
    return 2 if CONNECTOR.search(text) else 1


def _time_extract(path: Path) -> Iterator[CaseResult]:
    for case_id, case in _cases(path):
        entities = case["expected"]
        reasons = [r for r in (_time_scope(e["text"]) for e in entities) if r]
        if reasons:
            yield CaseResult(case_id, "out_of_scope", reasons[0])
            continue
        found = _extract(case["input"])
        if isinstance(found, str):
            yield CaseResult(case_id, "failed", found)
            continue
        ours = sorted((f for f in found if f.kind in ("date", "duration")), key=lambda f: f.span)
        problem = _span_problem(entities, ours)
        if problem is None:
            yield CaseResult(case_id, "passed")
        else:
            want = [(e["text"], e["offset"], e["type"]) for e in entities]
            got = [(f.kind, f.text, list(f.span)) for f in ours]
            yield CaseResult(case_id, "failed", f"{problem}: expected {want}; found {got}")


def _span_problem(entities: list[dict[str, Any]], ours: list[Fact]) -> str | None:
    """What is wrong with our date/duration facts against their entities, or None."""
    used = 0
    for entity in entities:
        start, end = entity["offset"]
        inside = [f for f in ours if f.span[0] < end and f.span[1] > start]
        items = _items(entity["text"], entity["type"])
        if len(inside) != items:
            return f"{len(inside)} facts for {entity['text']!r}, want {items}"
        if inside[0].span[0] != start or inside[-1].span[1] != end:
            return f"span differs for {entity['text']!r}"
        if any(f.kind != "date" for f in inside):
            return f"not a date: {entity['text']!r}"
        used += len(inside)
    return None if used == len(ours) else "facts where they have none"


# --------------------------------------------------------------------------------------------
# time: jio.parse_time
# --------------------------------------------------------------------------------------------

YEAR_WRITTEN = re.compile(
    r"(?:\d{2}|\d{4}|[〇○零一二三四五六七八九]{2,4})\s*年|\d{4}\s*[-/.．]|\d{8}|^\d{4}(?!\d)"
)
MONTH_WRITTEN = re.compile(r"月|\d\s*[-/.．·／]\s*\d|\d{8}")
DAY_WRITTEN = re.compile(
    r"[日号號]|\d{1,2}\s*[-/.．·／]\s*\d{1,2}(?!\d)|\d{8}|月\s*[0-9一二三四五六七八九十]"
)
"""A field the input writes must be in our value: only unwritten fields may be ``X``."""

PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|月初|月底|月末")
"""SPEC §4: these stay in the text with month precision; their narrower interval is widened."""

PART_OF_DAY = {
    "上午": "MO",
    "早上": "MO",
    "清晨": "MO",
    "下午": "AF",
    "傍晚": "EV",
    "晚上": "EV",
    "夜间": "NI",
    "深夜": "NI",
    "凌晨": "NI",
}
"""SPEC §4's parts of day, for a value with no clock time (``XXXX-XX-09TMO``)."""

ABOUT = re.compile(r"约|左右|许|上下|前后")
OVER = re.compile(r"多")

TIMEX = re.compile(
    r"(?P<y>\d{4}|XXXX)(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>\d{2}|XX)"
    r"(?:-(?P<d>\d{2}|XX)(?:T(?:(?P<pod>MO|AF|EV|NI)|(?P<hh>\d{2}):(?P<mi>\d{2})"
    r"(?::(?P<ss>\d{2}))?))?)?))?"
)
SECOND = timedelta(seconds=1)


def _time_parse(path: Path) -> Iterator[CaseResult]:
    for case_id, case in _cases(path):
        reason = _parse_scope(case)
        if reason:
            yield CaseResult(case_id, "out_of_scope", reason)
            continue
        found = _extract(case["input"])
        if isinstance(found, str):
            yield CaseResult(case_id, "failed", found)
            continue
        problem = _value_problem(case, found)
        if problem is None:
            yield CaseResult(case_id, "passed")
        else:
            yield CaseResult(
                case_id,
                "failed",
                f"{problem}: expected {case['expected']['time']}; found {_show(found)}",
            )


def _parse_scope(case: dict[str, Any]) -> str | None:
    """Why a ``time_cases`` row is out of scope, or None."""
    expected, text = case["expected"], case["input"]
    if expected["type"] == "time_period":
        return "set (每…)"
    if expected["type"] == "time_delta":
        return "duration (time_delta), not a date"
    reason = _time_scope(text)
    if reason:
        return reason
    ends = expected["time"]
    if (
        "inf" in ends
        or "-inf" in ends
        or _is_reference(case, ends)
        or re.search(r"(?:起|前|以前|之前|以后|之后)$", text)
    ):
        return OPEN_ENDED
    if expected["type"] == "time_point" and _lunar_month(text, _moment(ends[0])):
        return "lunar date"
    return None


def _is_reference(case: dict[str, Any], ends: list[str]) -> bool:
    """One end of their span is the reference time itself (…起, …之前, 至今)."""
    reference = case.get("reference_time")
    if not reference or len(reference) < 19:
        return False
    moment = reference[:10] + " " + reference[11:19]
    return moment in ends


def _lunar_month(text: str, start: datetime) -> bool:
    """JioNLP reads a Chinese-numeral day (二月十五) as lunar by default: the month it answers
    differs from the month written."""
    written = re.search(r"([0-9一二三四五六七八九十]+)月", text)
    if not written:
        return False
    month = parse_numeral(written.group(1))
    return month is not None and month != start.month


def _moment(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def _value_problem(case: dict[str, Any], found: list[Fact]) -> str | None:
    """What is wrong with our facts against their ``[start, end]``, or None."""
    text, expected = case["input"], case["expected"]
    others = [f for f in found if f.kind != "date"]
    if others:
        return f"not dates: {[f.text for f in others]}"
    items = _items(text, expected["type"])
    if len(found) != items:
        return f"{len(found)} date facts, want {items}"
    problem = _unwritten_problem(text, found)
    if problem:
        return problem
    start, end = _moment(expected["time"][0]), _moment(expected["time"][1])
    if PART_OF_MONTH.search(text):
        start, end = _month_of(start)[0], _month_of(end)[1]
    found = sorted(found, key=lambda f: f.span)
    if items == 1:
        problem = _point_problem(text, found[0], (start, end))
    else:
        problem = _range_problem(found, (start, end))
    if problem:
        return problem
    want = "about" if ABOUT.search(text) else "over" if OVER.search(text) else "exact"
    wrong = [f.qualifier for f in found if f.qualifier != want]
    return f"qualifier {wrong[0]}, want {want}" if wrong else None


def _unwritten_problem(text: str, found: list[Fact]) -> str | None:
    """An ``X`` in our value where the input writes that field (SPEC: an item that leaves out
    the year or month takes it from its neighbour)."""
    for fact in found:
        value = str(fact.value)
        if value.startswith("XXXX") and YEAR_WRITTEN.search(text):
            return f"year written, value {value}"
        if value[5:7] == "XX" and MONTH_WRITTEN.search(text):
            return f"month written, value {value}"
        if value[8:10] == "XX" and DAY_WRITTEN.search(text):
            return f"day written, value {value}"
    return None


def _month_of(moment: datetime) -> Interval:
    first = moment.replace(day=1, hour=0, minute=0, second=0)
    return first, _next_month(first) - SECOND


def _next_month(first: datetime) -> datetime:
    return first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)


def _point_problem(text: str, fact: Fact, theirs: Interval) -> str | None:
    """One fact whose value, read with their fields for our ``X``, is their interval."""
    value = str(fact.value)
    match = TIMEX.fullmatch(value)
    if match is None:
        return f"value {value} has no interval"
    if match["pod"]:
        words = [code for word, code in PART_OF_DAY.items() if word in text]
        if not any(s <= theirs[0] and theirs[1] <= e for s, e in _intervals(value, theirs[0])):
            return f"value {value} is another day"
        return None if words[:1] == [match["pod"]] else f"part of day {match['pod']}, want {words}"
    if theirs in _intervals(value, theirs[0]):
        return None
    return f"value {value} is not their interval"


def _range_problem(found: list[Fact], theirs: Interval) -> str | None:
    """The first fact starts their span, the last ends it (or, for a clock time, starts at
    their end: JioNLP closes a span at the instant ``…至下午8点`` names); the rest lie inside."""
    start, end = theirs
    first, last = str(found[0].value), str(found[-1].value)
    if not any(s == start for s, _ in _intervals(first, start)):
        return f"first value {first} does not start at {start}"
    clock = re.search(r"T\d", last) is not None
    if not any(e == end or (clock and s == end) for s, e in _intervals(last, end)):
        return f"last value {last} does not end at {end}"
    for fact in found[1:-1]:
        value = str(fact.value)
        if not any(start <= s and e <= end for s, e in _intervals(value, start)):
            return f"value {value} is outside their span"
    return None


def _intervals(value: str, ref: datetime) -> list[Interval]:
    """The intervals a TIMEX ``value`` can mean, its ``X`` fields taken from ``ref``.

    A whole hour (``T20:00``) is that minute or that hour (JioNLP gives ``8点`` the hour); an
    unwritten day before ``T24:00`` is also the day before ``ref`` (``…到晚上十二点``). Empty
    for a value that is no date (``2021-02-30``, or an ``X`` day filled with ``ref``'s 31)."""
    match = TIMEX.fullmatch(value)
    if match is None:
        return []
    try:
        return _timex_intervals(match, ref)
    except ValueError:
        return []


def _timex_intervals(match: re.Match[str], ref: datetime) -> list[Interval]:
    """:func:`_intervals` for a parsed value; raises ValueError for a day that does not exist."""
    year = ref.year if match["y"] == "XXXX" else int(match["y"])
    if match["q"] or match["h"]:
        months = 3 if match["q"] else 6
        first = datetime(year, (int(match["q"] or match["h"]) - 1) * months + 1, 1)
        last = first
        for _ in range(months):
            last = _next_month(last)
        return [(first, last - SECOND)]
    if match["m"] is None:
        return [(datetime(year, 1, 1), datetime(year + 1, 1, 1) - SECOND)]
    month = ref.month if match["m"] == "XX" else int(match["m"])
    if match["d"] is None:
        return [_month_of(datetime(year, month, 1))]
    bases = [datetime(year, month, ref.day if match["d"] == "XX" else int(match["d"]))]
    if match["hh"] == "24" and match["d"] == "XX":
        bases.append(datetime(ref.year, ref.month, ref.day) - timedelta(days=1))
    found: list[Interval] = []
    for base in bases:
        if match["hh"] is None:
            found.append((base, base + timedelta(days=1) - SECOND))
            continue
        moment = base + timedelta(hours=int(match["hh"]), minutes=int(match["mi"]))
        if match["ss"]:
            moment += timedelta(seconds=int(match["ss"]))
            found.append((moment, moment))
            continue
        found.append((moment, moment + timedelta(seconds=59)))
        if match["mi"] == "00":
            found.append((moment, moment + timedelta(hours=1) - SECOND))
    return found
