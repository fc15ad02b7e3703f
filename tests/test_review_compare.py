"""A record's facts against gold, for the review page: each fact's status worked out by hand
from SPEC §6, and the same counts ``extractor evaluate`` gives on the whole corpus."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from conftest import ROOT

from extractor.evaluation.scoring import evaluate
from extractor.models import Document
from extractor.review.compare import compare


def fact(span: tuple[int, int], value: Any = 5, **fields: Any) -> dict[str, Any]:
    return {
        "kind": "money",
        "text": "x",
        "span": list(span),
        "value": value,
        "unit": "CNY",
        **fields,
    }


def doc(*facts: dict[str, Any]) -> Document:
    article = {"title": None, "span": [0, 100], "facts": list(facts)}
    return Document.model_validate({"source": "a.txt", "articles": [article]})


# fmt: off
SCENARIOS = [
    # (id, predicted facts, gold facts, [(mark id, status, differing fields)])
    ("equal", [fact((0, 2), subject="赃款")], [fact((0, 2), subject="赃款")],
     [("p0", "ok", ())]),
    # SPEC's subject rule: a common substring of at least half the longer subject
    ("subject within the rule", [fact((0, 2), subject="赃款")], [fact((0, 2), subject="涉案赃款")],
     [("p0", "ok", ())]),
    ("wrong subject", [fact((0, 2), subject="手机")], [fact((0, 2), subject="银行卡")],
     [("p0", "subject", ())]),
    ("subject null on one side", [fact((0, 2), subject=None)], [fact((0, 2), subject="赃款")],
     [("p0", "subject", ())]),
    ("action is not marked", [fact((0, 2), action="冻结")], [fact((0, 2), action="追赃")],
     [("p0", "ok", ())]),
    ("span differs", [fact((0, 2))], [fact((0, 3))], [("p0", "wrong", ("span",))]),
    ("value differs", [fact((0, 2), 5)], [fact((0, 2), 6)], [("p0", "wrong", ("value",))]),
    ("within the tolerance", [fact((0, 2), 5.0004)], [fact((0, 2), 5)], [("p0", "ok", ())]),
    ("unit and qualifier", [fact((0, 2), unit="USD", qualifier="over")], [fact((0, 2))],
     [("p0", "wrong", ("unit", "qualifier"))]),
    ("a wrong value hides a wrong subject", [fact((0, 2), 1, subject="甲")],
     [fact((0, 2), 2, subject="乙乙乙")], [("p0", "wrong", ("value",))]),
    ("spurious and missed", [fact((0, 2))], [fact((5, 7))],
     [("p0", "spurious", ()), ("g0", "missed", ())]),
    ("kinds kept apart", [fact((0, 2))], [{**fact((0, 2)), "kind": "count", "unit": "人"}],
     [("p0", "spurious", ()), ("g0", "missed", ())]),
    # greedy by overlap: p0 and p1 both share 4 characters with g1; the earlier prediction wins
    ("greedy", [fact((0, 4)), fact((5, 9))], [fact((1, 4)), fact((0, 9))],
     [("p0", "wrong", ("span",)), ("p1", "spurious", ()), ("g0", "missed", ())]),
    # dates: no subject scored; a null value is not scored on either side
    ("date subject not scored",
     [{"kind": "date", "text": "x", "span": [0, 2], "value": "2020", "subject": "甲"}],
     [{"kind": "date", "text": "x", "span": [0, 2], "value": "2020", "subject": None}],
     [("p0", "ok", ())]),
    ("null dates not scored",
     [{"kind": "date", "text": "x", "span": [0, 2], "value": None}],
     [{"kind": "date", "text": "x", "span": [5, 7], "value": None}],
     [("p0", None, ())]),
]
# fmt: on


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"), [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS]
)
def test_statuses(predicted: list, gold: list, expected: list) -> None:
    marks = compare(doc(*predicted), doc(*gold)).marks
    assert [(m.id, m.status, m.differs) for m in marks] == expected


def test_without_gold_no_status_and_no_scores() -> None:
    comparison = compare(doc(fact((0, 2)), fact((3, 4))), None)
    assert [(m.id, m.status) for m in comparison.marks] == [("p0", None), ("p1", None)]
    assert comparison.scores is None
    assert comparison.differences == ()


def test_differences_in_text_order() -> None:
    predicted = doc(fact((20, 22)), fact((0, 2), 9))
    gold = doc(fact((0, 2)), fact((10, 12)))
    assert [m.id for m in compare(predicted, gold).differences] == ["p1", "g1", "p0"]


def test_missed_marks_carry_the_gold_fact() -> None:
    gold = doc(fact((5, 7), 8, subject="赃款"))
    (mark,) = compare(doc(), gold).marks
    assert (mark.id, mark.predicted, mark.fact.value, mark.gold) == ("g0", False, 8, mark.fact)


def stored_records() -> list[tuple[Document, Document]]:
    """The stored run of every corpus file with its gold file."""
    pairs = []
    for line in (ROOT / "tests" / "regression" / "expected.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if not row["id"].startswith("corpus/"):
            continue
        source = row["id"].removeprefix("corpus/")
        predicted = Document.model_validate({**row["record"], "source": source})
        name = source.removesuffix(".txt") + ".json"
        gold = Document.model_validate_json((ROOT / "gold" / name).read_text("utf-8"))
        pairs.append((predicted, gold))
    return pairs


def test_corpus_statuses_are_evaluate_s_counts() -> None:
    pairs = stored_records()
    assert len(pairs) == len(list((ROOT / "corpus").rglob("*.txt")))  # every corpus file
    statuses: Counter[str | None] = Counter()
    for predicted, gold in pairs:
        statuses.update(m.status for m in compare(predicted, gold).marks)
    result = evaluate([p for p, _ in pairs], [g for _, g in pairs])
    misses = Counter(m.category for m in result.misses)
    total = result.facts["all"]
    assert statuses["missed"] == misses["missed"]
    assert statuses["spurious"] == misses["spurious"]
    assert statuses["wrong"] == misses["wrong"]
    assert statuses["ok"] + statuses["subject"] == total.strict
    assert total.attributes_total - total.attributes_right["subject"] == statuses["subject"]


def test_gold_against_itself_has_no_difference() -> None:
    for _, gold in stored_records()[:10]:
        assert compare(gold, gold).differences == ()
