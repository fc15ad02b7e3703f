"""Fact finding on hand-computed tables (tests/cases/*.jsonl, written from SPEC's rules).

facts.jsonl: every fact an input holds (kind, text, value, high, unit, qualifier), compared
as a whole list, so a spurious fact fails its row as much as a missed one. attach.jsonl:
subject (SPEC's subject rule), action, change and basis of one fact. resolve.jsonl: years
filled from a dateline or a reference date. Known differences are listed, with a reason, in
tests/cases/known_differences.json and run as strict xfails.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import extract_text
from extractor.evaluation.scoring import same_value, subject_right
from extractor.numbers.resolve import Reference, resolve

CASES = Path(__file__).parent / "cases"


def _rows(name: str) -> list[dict]:
    return [
        json.loads(line)
        for line in (CASES / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


KNOWN = json.loads((CASES / "known_differences.json").read_text(encoding="utf-8"))


def _params(name: str) -> list:
    params = []
    for row in _rows(name):
        reason = KNOWN.get(name, {}).get(row["id"])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


def _number(value):
    return Decimal(str(value)) if isinstance(value, int | float) else value


def _found(text: str) -> list[dict]:
    document = extract_text(text, source="row.txt")
    return [
        {
            "kind": f.kind,
            "text": f.text,
            "value": f.value,
            "high": f.high,
            "unit": f.unit,
            "qualifier": f.qualifier,
        }
        for a in document.articles
        for f in a.facts
        if not (f.kind == "date" and f.value is None)
    ]


def _same(found: dict, expected: dict) -> bool:
    return all(
        same_value(found[k], _number(expected.get(k)))
        if k in ("value", "high")
        else found[k] == expected.get(k)
        for k in ("kind", "text", "value", "high", "unit", "qualifier")
    )


@pytest.mark.parametrize("row", _params("facts.jsonl"))
def test_facts_table(row: dict) -> None:
    found = _found(row["input"])
    expected = row["facts"]
    assert len(found) == len(expected) and all(
        _same(f, e) for f, e in zip(found, expected, strict=True)
    ), f"\n  input:    {row['input']!r}\n  expected: {expected}\n  found:    {found}"


@pytest.mark.parametrize("row", _params("attach.jsonl"))
def test_attach_table(row: dict) -> None:
    document = extract_text(row["input"], source="row.txt")
    facts = [f for a in document.articles for f in a.facts if f.text == row["text"]]
    assert facts, f"no fact {row['text']!r} found in {row['input']!r}"
    fact = facts[row.get("occurrence", 1) - 1]
    got = {
        "subject": fact.subject,
        "action": fact.action,
        "change": fact.change,
        "basis": fact.basis,
    }
    want = {k: row[k] for k in ("subject", "action", "change", "basis")}
    assert (
        subject_right(fact.subject, row["subject"])
        and (got["change"], got["basis"])
        == (
            want["change"],
            want["basis"],
        )
        and got["action"] == want["action"]
    ), f"\n  input: {row['input']!r}\n  want: {want}\n  got:  {got}"


@pytest.mark.parametrize("row", _params("resolve.jsonl"))
def test_resolve_table(row: dict) -> None:
    reference = None
    if row.get("dateline_year"):
        reference = Reference(row["dateline_year"])
    elif row.get("ref_date"):
        ref = date.fromisoformat(row["ref_date"])
        reference = Reference(ref.year, ref.month)
    assert resolve(row["value"], reference) == row["resolved"]
