"""cn2an: Chinese numeral → number cases of ``cn2an.cn2an`` (all modes).

Mapping: the input goes to ``extractor.parse_numeral``; a case expecting a number passes when
our value equals it; a case expecting ``ValueError`` passes when we return ``None``. Inputs
that are money (大写 with 元/圆/角/分/整) go to ``extractor.extract_text`` and pass when the one
money fact found has the expected value. The extractor reads numbers one way, like cn2an's
most permissive (smart) mode, because news writes every form; so an error case of the strict
or normal mode whose input cn2an itself accepts in another mode (listed in this file with a
value) is out of scope. ``an2cn`` and ``transform`` are not number parsing: out of scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from extractor import parse_numeral

from ..results import CaseResult
from .common import facts_of, jsonl

_MONEY = (*tuple("元圆圓角分"), "整", "正")


def _money_value(text: str) -> Decimal | None:
    money = [f for f in facts_of(text) if f.kind == "money"]
    return money[0].value if len(money) == 1 and isinstance(money[0].value, Decimal) else None


def run(root: Path) -> Iterator[CaseResult]:
    cases = list(jsonl(root / "cn2an_cases.jsonl"))
    accepted = {
        c["input"]
        for c in cases
        if c["function"] == "cn2an.cn2an" and not isinstance(c["expected"], dict)
    }
    for index, case in enumerate(cases):
        case_id = (
            f"{case['function']}:{case.get('mode') or case.get('method')}:{index}:{case['input']}"
        )
        if case["function"] != "cn2an.cn2an":
            yield CaseResult(case_id, "out_of_scope", "an2cn/transform: not number parsing")
            continue
        expected = case["expected"]
        if isinstance(expected, dict):
            if (
                case.get("upstream_list") in ("error_strict_datas", "error_normal_datas")
                and case["input"] in accepted
            ):
                yield CaseResult(
                    case_id,
                    "out_of_scope",
                    "strict/normal-mode refusal of a form cn2an reads in another mode",
                )
                continue
            got = parse_numeral(case["input"])
            status = "passed" if got is None else "failed"
            yield CaseResult(
                case_id, status, "" if got is None else f"expected an error, read {got}"
            )
            continue
        want = Decimal(str(expected))
        got = (
            _money_value(case["input"])
            if case["input"].endswith(_MONEY) or "角" in case["input"]
            else parse_numeral(case["input"])
        )
        if got is not None and got == want:
            yield CaseResult(case_id, "passed")
        else:
            yield CaseResult(case_id, "failed", f"expected {want}, read {got}")
