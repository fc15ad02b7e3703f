"""recognizers-text: Microsoft Recognizers-Text's Chinese spec cases, compared under SPEC.

Groups: the Number, Percent, Currency and Age models and the Date and DateTime extractors.
Their ``Start``/``End`` are inclusive (the extractor files give ``Start``/``Length``); ours is
``[Start, End + 1)``. How each group is fed to our API and how their output maps to ours is
written down in tests/conformance/recognizers-text/README.md ("Mapping"); in short:

- Number: each number they find is read with ``parse_numeral`` and must equal their value;
  a number with 余/多/几 is fed as ``<number>元`` and must give that value with qualifier
  ``over``; a ``X分之Y`` fraction must be a percent fact of 100 × their value. Every count,
  duration, age or date fact we find must cover one of their numbers.
- Percent, Currency, Age: the facts of that kind we find must be exactly theirs (span,
  value, unit, qualifier ``exact``).
- Date, DateTime: the dated facts we find must have exactly their spans; a ``datetime`` has
  a clock time in its TIMEX3 value, a ``date`` none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor import parse_numeral
from extractor.models import Fact

from ..results import CaseResult
from .common import facts_of

Case = dict[str, Any]
Result = dict[str, Any]
Span = tuple[int, int]

TOLERANCE = Decimal("0.0005")  # SPEC §6: numbers equal within 0.0005
RELATIVE = Decimal("1e-13")  # their values are doubles printed with 15 significant digits


# ---- reading their cases ----------------------------------------------------------------


def _cases(path: Path) -> list[Case]:
    """A spec file: a JSON array of cases (some files start with a BOM)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _span(result: Result) -> Span:
    """Their inclusive ``End`` (or ``Length``) as our exclusive end."""
    start = result["Start"]
    end = result["End"] + 1 if "End" in result else start + result["Length"]
    return start, end


def _their_value(result: Result) -> Decimal | None:
    """``Resolution.value`` as a number: ``"5E-06"``, ``"2.4%"`` → Decimal; ``None`` stays."""
    value = (result.get("Resolution") or {}).get("value")
    return None if value is None else Decimal(value.rstrip("%"))


def _close(found: Decimal | str | None, want: Decimal | None) -> bool:
    """Equal within SPEC's 0.0005, or (for huge values) within their print precision."""
    if not isinstance(found, Decimal) or want is None:
        return found is None and want is None
    diff = abs(found - want)
    return diff <= TOLERANCE or diff <= RELATIVE * max(abs(found), abs(want))


def _show(facts: list[Fact]) -> str:
    return str(
        [
            (f.kind, f.text, f"{f.span[0]}-{f.span[1]}", str(f.value), f.unit, f.qualifier)
            for f in facts
        ]
    )


# ---- facts: exactly the wanted ones -----------------------------------------------------


@dataclass(frozen=True)
class Want:
    """One fact their output maps to, in our terms."""

    kind: str
    span: Span
    value: Decimal | None
    unit: str | None
    qualifier: str = "exact"

    def matches(self, fact: Fact) -> bool:
        return (
            fact.kind == self.kind
            and tuple(fact.span) == self.span
            and _close(fact.value, self.value)
            and fact.high is None
            and fact.unit == self.unit
            and fact.qualifier == self.qualifier
        )

    def __str__(self) -> str:
        return (
            f"({self.kind} {self.span[0]}-{self.span[1]} {self.value} {self.unit} {self.qualifier})"
        )


def _exactly(found: list[Fact], wants: list[Want]) -> str | None:
    """``None`` when ``found`` is exactly ``wants`` (one to one); else what differed."""
    if len(found) == len(wants) and all(any(w.matches(f) for f in found) for w in wants):
        return None
    return f"want {[str(w) for w in wants]}; found {_show(found)}"


def _of_kind(text: str, kind: str) -> list[Fact]:
    return [f for f in facts_of(text) if f.kind == kind]


# ---- Number model -----------------------------------------------------------------------

_OVER = re.compile(r"[余餘多几幾]")  # SPEC §3 qualifier over (几 as in 十几, 几十万)
_FRACTION = re.compile(r"分\s*之")
_MIXED = re.compile(r"又|/|／")  # N又M分之K, a/b: no SPEC reading as a share


def _number_result(text: str, result: Result, facts: list[Fact]) -> str | None:
    """One number they find, checked under the Number mapping; ``None`` when it agrees."""
    start, end = _span(result)
    piece = text[start:end]
    want = _their_value(result)
    if _FRACTION.search(piece) and not _MIXED.search(piece):
        share = Want("percent", (start, end), want * 100 if want is not None else None, "%")
        if any(share.matches(f) for f in facts):
            return None
        return f"{piece}: want {share}; found {_show(facts)}"
    if _OVER.search(piece):
        over = Want("money", (0, len(piece) + 1), want, "CNY", "over")
        problem = _exactly(_of_kind(piece + "元", "money"), [over])
        return f"{piece}元: {problem}" if problem else None
    got = parse_numeral(piece)
    if got is not None and (result.get("IgnoreResolution") or _close(got, want)):
        return None
    return f"parse_numeral({piece!r}) = {got}, want {want}"


def _uncovered(facts: list[Fact], spans: list[Span]) -> list[Fact]:
    """Count, duration, age and date facts that cover none of their numbers (every SPEC fact
    holds a number). Money and percent are left out: their Number model leaves some of those
    numbers to the Currency and Percent models (``一美元``, ``二％``)."""
    return [
        f
        for f in facts
        if f.kind not in ("money", "percent")
        and not any(f.span[0] < e and s < f.span[1] for s, e in spans)
    ]


def _number_scope(case: Case) -> str | None:
    text, results = case["Input"], case["Results"]
    if any("打" in text[slice(*_span(r))] for r in results):
        return "SPEC: count value as written, 打 (dozen) is the classifier"
    return None


def _number(case: Case) -> str | None:
    text, results = case["Input"], case["Results"]
    facts = facts_of(text)
    problems = [p for r in results if (p := _number_result(text, r, facts))]
    stray = _uncovered(facts, [_span(r) for r in results])
    if stray:
        problems.append(f"facts on no number of theirs: {_show(stray)}")
    return "; ".join(problems) or None


# ---- Percent model ----------------------------------------------------------------------

_POINTS = re.compile(r"百\s*分\s*[点點]")


def _percent_scope(case: Case) -> str | None:
    text, results = case["Input"], case["Results"]
    if re.search(r"[一二三四五六七八九][二三四五六七八九]十", text) and not results:
        return "SPEC: 二三十 is a range (value, high)"
    if re.search(r"\d\s*[-~至到]\s*\d+(\.\d+)?%", text):
        return "SPEC: a written range is one fact with high"
    if "分之" in text and not results:
        return "SPEC: X分之Y is a share (percent)"
    if "百分位" in text:
        return "SPEC: ranks are not labelled (百分位 percentile)"
    return None


def _percent(case: Case) -> str | None:
    text = case["Input"]
    wants = []
    for r in case["Results"]:
        span = _span(r)
        unit = "pp" if _POINTS.search(text[slice(*span)]) else "%"
        wants.append(Want("percent", span, _their_value(r), unit))
    return _exactly(_of_kind(text, "percent"), wants)


# ---- Currency model ---------------------------------------------------------------------

_ISO = {"Dollar": "USD"}  # their "$20" has unit "Dollar" and no ISO code; SPEC's $ is USD
_BARE_AMOUNT = re.compile(r"\d[\d.]*[万亿](?![\d万亿元圆币美日港欧英台])")


def _currency_scope(case: Case) -> str | None:
    results = case["Results"]
    if any(_their_value(r) is None for r in results):
        return "currency name with no amount: SPEC labels numbers only"
    if _BARE_AMOUNT.search(case["Input"]):
        return "SPEC: a bare 万/亿 amount a money word governs is money"
    return None


def _currency(case: Case) -> str | None:
    wants = []
    for r in case["Results"]:
        resolution = r["Resolution"]
        unit = resolution.get("isoCurrency") or _ISO.get(resolution.get("unit", ""))
        wants.append(Want("money", _span(r), _their_value(r), unit))
    return _exactly(_of_kind(case["Input"], "money"), wants)


# ---- Age model --------------------------------------------------------------------------


def _age_scope(case: Case) -> str | None:
    if any(r["Resolution"].get("unit") != "Year" for r in case["Results"]):
        return "SPEC: age is in years only (十个月大, 三周大)"
    return None


def _age(case: Case) -> str | None:
    wants = [Want("age", _span(r), _their_value(r), "year") for r in case["Results"]]
    return _exactly(_of_kind(case["Input"], "age"), wants)


# ---- Date and DateTime extractors -------------------------------------------------------

_LUNAR = re.compile(r"农历|農曆|正月|腊月|臘月|大年|初[一二三四五六七八九十]|神龙|雍正")  # 年号 too
_WEEKDAY = re.compile(r"星期|礼拜|禮拜|[周週][一二三四五六日天]")
_RELATIVE = re.compile(r"今|明|昨|前天|后天|後天|最近|本月|去年|这会|這會")
_CLOCK = re.compile(r"T\d")


def _date_scope(case: Case) -> str | None:
    text = case["Input"]
    for pattern, reason in (
        (_LUNAR, "lunar date"),
        (_WEEKDAY, "weekday"),
        (_RELATIVE, "relative date"),
    ):
        if pattern.search(text):
            return reason
    return None


def _date(case: Case) -> str | None:
    """Spans as theirs; their ``datetime`` has a clock time (``T08:00``), ``date`` none."""
    found = _of_kind(case["Input"], "date")
    wants = {_span(r): r["Type"] for r in case["Results"]}
    spans = {tuple(f.span): f for f in found}
    ok = set(spans) == set(wants) and all(
        bool(_CLOCK.search(str(spans[s].value))) == (kind == "datetime")
        for s, kind in wants.items()
    )
    if ok:
        return None
    want = [f"{kind} {s}-{e}" for (s, e), kind in wants.items()]
    return f"want {want}; found {_show(found)}"


# ---- the suite --------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """One of their spec files, with its scope rule and its check."""

    name: str
    path: str
    scope: Callable[[Case], str | None]
    check: Callable[[Case], str | None]


GROUPS = (
    Group("NumberModel", "Specs/Number/Chinese/NumberModel.json", _number_scope, _number),
    Group("PercentModel", "Specs/Number/Chinese/PercentModel.json", _percent_scope, _percent),
    Group(
        "CurrencyModel",
        "Specs/NumberWithUnit/Chinese/CurrencyModel.json",
        _currency_scope,
        _currency,
    ),
    Group("AgeModel", "Specs/NumberWithUnit/Chinese/AgeModel.json", _age_scope, _age),
    Group("DateExtractor", "Specs/DateTime/Chinese/DateExtractor.json", _date_scope, _date),
    Group(
        "DateTimeExtractor",
        "Specs/DateTime/Chinese/DateTimeExtractor.json",
        _date_scope,
        _date,
    ),
)


def run(root: Path) -> Iterator[CaseResult]:
    """One result per case, ``<group>:<index in their file>``."""
    for group in GROUPS:
        for index, case in enumerate(_cases(root / group.path)):
            case_id = f"{group.name}:{index}"
            reason = group.scope(case)
            if reason:
                yield CaseResult(case_id, "out_of_scope", reason)
                continue
            problem = group.check(case)
            if problem:
                yield CaseResult(case_id, "failed", f"{case['Input'][:40]!r}: {problem}")
            else:
                yield CaseResult(case_id, "passed")
