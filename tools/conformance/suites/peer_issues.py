"""peer-issues: inputs from bug reports filed against other extractors, labelled under SPEC.

Mapping: none needed — the labels are SPEC facts. A case passes when the extractor finds
exactly the listed facts (span, kind, value, high, unit, qualifier), no more, no fewer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..results import CaseResult
from .common import facts_of, jsonl, same_fact


def run(root: Path) -> Iterator[CaseResult]:
    for case in jsonl(root / "cases.jsonl"):
        found = facts_of(case["input"])
        want = case["facts"]
        matched = [any(same_fact(f, w) for f in found) for w in want]
        if all(matched) and len(found) == len(want):
            yield CaseResult(case["id"], "passed")
            continue
        got = [(f.kind, f.text, str(f.value), f.unit, f.qualifier) for f in found]
        exp = [(w["kind"], w["text"], w["value"], w.get("unit"), w.get("qualifier")) for w in want]
        yield CaseResult(case["id"], "failed", f"expected {exp}; found {got}")
