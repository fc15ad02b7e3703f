"""Scoring maths on small hand-made predicted/gold pairs (SPEC §6).

Every expected number below was computed by hand from the rules, not from the program.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.evaluation.matching import greedy_match, half_of_shorter
from extractor.evaluation.scoring import (
    evaluate,
    evaluate_by_folder,
    folder_of,
    prf,
    same_value,
    subject_right,
)
from extractor.models import Amount, Article, Case, Document, Fact


def fact(kind="money", span=(0, 5), value=100, **fields) -> Fact:
    fields.setdefault("text", "x" * (span[1] - span[0]))
    if kind == "date" and isinstance(value, int):
        value = str(value)
    return Fact(kind=kind, span=span, value=value, **fields)


def doc(source="a.txt", facts=(), cases=(), title="T", error=None, articles=None) -> Document:
    if articles is None:
        articles = [Article(title=title, span=(0, 1000), facts=list(facts), cases=list(cases))]
    return Document(source=source, articles=articles, error=error)


def scores(pred: list[Document], gold: list[Document]) -> dict:
    return evaluate(pred, gold).to_dict()


def test_prf_by_hand() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(3, 4, 6) == {"precision": 0.75, "recall": 0.5, "f1": 0.6}


# (id, predicted facts, gold facts, expected {measure: (P, R, F1)} for kind money)
# fmt: off
FACT_SCENARIOS = [
    ("identical",
     [fact()], [fact()],
     {"exact": (1, 1, 1), "partial": (1, 1, 1), "strict": (1, 1, 1)}),
    ("span-short-by-one",            # overlap only: partial right, exact and strict wrong
     [fact(span=(0, 4))], [fact(span=(0, 5))],
     {"exact": (0, 0, 0), "partial": (1, 1, 1), "strict": (0, 0, 0)}),
    ("value-wrong",                  # same span, wrong value: exact right, strict wrong
     [fact(value=200)], [fact(value=100)],
     {"exact": (1, 1, 1), "partial": (1, 1, 1), "strict": (0, 0, 0)}),
    ("qualifier-wrong",
     [fact(qualifier="over")], [fact(qualifier="nearly")],
     {"exact": (1, 1, 1), "strict": (0, 0, 0)}),
    ("high-wrong",
     [fact(high=300)], [fact(high=None)],
     {"strict": (0, 0, 0)}),
    ("unit-wrong",
     [fact(unit="HKD")], [fact(unit="CNY")],
     {"strict": (0, 0, 0)}),
    ("within-tolerance",             # |33.333 - 33.3333| = 0.0003 <= 0.0005
     [fact(value=Decimal("33.333"))], [fact(value=Decimal("33.3333"))],
     {"strict": (1, 1, 1)}),
    ("outside-tolerance",            # |33.333 - 33.334| = 0.001 > 0.0005
     [fact(value=Decimal("33.333"))], [fact(value=Decimal("33.334"))],
     {"strict": (0, 0, 0)}),
    ("one-spurious",                 # 1 right of 2 predicted, 1 gold: P=.5 R=1 F1=.6667
     [fact(), fact(span=(10, 15))], [fact()],
     {"exact": (0.5, 1, 0.6667), "strict": (0.5, 1, 0.6667)}),
    ("one-missed",                   # 1 predicted, right; 2 gold: P=1 R=.5 F1=.6667
     [fact()], [fact(), fact(span=(10, 15))],
     {"strict": (1, 0.5, 0.6667)}),
    ("one-to-one",                   # two predictions on one gold: only one can match
     [fact(span=(0, 5)), fact(span=(0, 4))], [fact(span=(0, 5))],
     {"exact": (0.5, 1, 0.6667), "partial": (0.5, 1, 0.6667)}),
    ("greedy-by-overlap",            # P1 (0,9) overlaps G1 (0,10) by 9, G2 (8,12) by 1 -> P1-G1;
                                     # P2 (9,12) overlaps G1 by 1, G2 by 3 -> P2-G2; spans differ
     [fact(span=(0, 9)), fact(span=(9, 12))], [fact(span=(0, 10)), fact(span=(8, 12))],
     {"exact": (0, 0, 0), "partial": (1, 1, 1)}),
    ("nothing-predicted",
     [], [fact()],
     {"exact": (0, 0, 0), "partial": (0, 0, 0), "strict": (0, 0, 0)}),
    ("nothing-to-find",
     [fact()], [],
     {"exact": (0, 0, 0), "strict": (0, 0, 0)}),
]
# fmt: on


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [s[1:] for s in FACT_SCENARIOS],
    ids=[s[0] for s in FACT_SCENARIOS],
)
def test_fact_scenarios(pred, gold, expected) -> None:
    money = scores([doc(facts=pred)], [doc(facts=gold)])["facts"]["money"]
    for measure, (p, r, f1) in expected.items():
        assert money[measure] == {"precision": p, "recall": r, "f1": f1}, measure


def test_kinds_are_kept_apart() -> None:
    result = scores([doc(facts=[fact(kind="count", unit="人")])], [doc(facts=[fact(kind="money")])])
    assert result["facts"]["money"]["partial"]["recall"] == 0
    assert result["facts"]["count"]["partial"]["precision"] == 0
    assert result["facts"]["all"]["pred"] == 1 and result["facts"]["all"]["gold"] == 1
    assert result["facts"]["all"]["partial"]["f1"] == 0


def test_micro_average_over_kinds() -> None:
    # money: 2 pred, 2 gold, 1 strict; date: 1 pred, 2 gold, 1 strict -> all: 2 of 3 pred, 2 of 4 gold
    pred = [fact(), fact(span=(10, 15), value=1), fact(kind="date", span=(20, 25), value="2020")]
    gold = [
        fact(),
        fact(span=(10, 15), value=2),
        fact(kind="date", span=(20, 25), value="2020"),
        fact(kind="date", span=(30, 35), value="2021"),
    ]
    total = scores([doc(facts=pred)], [doc(facts=gold)])["facts"]["all"]
    assert total["strict"] == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714}


def test_date_facts_with_null_value_are_ignored() -> None:
    pred = [
        fact(kind="date", span=(0, 2), value=None, text="今年"),
        fact(kind="date", span=(5, 10), value="2020"),
    ]
    gold = [fact(kind="date", span=(5, 10), value="2020")]
    date = scores([doc(facts=pred)], [doc(facts=gold)])["facts"]["date"]
    assert date["pred"] == 1 and date["strict"]["f1"] == 1


def test_matching_is_across_articles_of_a_document() -> None:
    pred = doc(articles=[Article(title=None, span=(0, 100), facts=[fact(span=(50, 55))])])
    gold = doc(
        articles=[
            Article(title=None, span=(0, 40), facts=[]),
            Article(title=None, span=(40, 100), facts=[fact(span=(50, 55))]),
        ]
    )
    assert scores([pred], [gold])["facts"]["money"]["strict"]["f1"] == 1


@pytest.mark.parametrize(
    ("pred", "gold", "right"),
    [
        ("电信网络诈骗案件", "电信网络诈骗案件", True),
        ("诈骗案件", "电信网络诈骗案件", True),  # common 4, longer 8: 4 >= 8/2
        ("案件", "电信网络诈骗案件", False),  # common 2 < 4
        ("赃款", "收缴赃款", True),  # common 2 >= 4/2
        (None, None, True),
        (None, "赃款", False),
        ("赃款", None, False),
    ],
)
def test_subject_rule(pred, gold, right) -> None:
    assert subject_right(pred, gold) is right


def test_subject_accuracy_counts_strict_non_date_matches_only() -> None:
    pred = [
        fact(subject="赃款"),
        fact(span=(10, 15), subject="案件"),
        fact(span=(20, 25), value=9, subject="赃款"),  # not strict: not counted
        fact(kind="date", span=(30, 35), value="2020"),  # date: not counted
    ]
    gold = [
        fact(subject="收缴赃款"),
        fact(span=(10, 15), subject="电信网络诈骗案件"),
        fact(span=(20, 25), value=8, subject="赃款"),
        fact(kind="date", span=(30, 35), value="2020"),
    ]
    subject = scores([doc(facts=pred)], [doc(facts=gold)])["facts"]["all"]["subject"]
    assert subject == {"right": 1, "total": 2, "accuracy": 0.5}


# (id, predicted fields, gold fields, expected rights for action, change, basis)
# fmt: off
ATTRIBUTE_SCENARIOS = [
    ("all-equal", {"action": "破获", "change": "up", "basis": "yoy"},
     {"action": "破获", "change": "up", "basis": "yoy"}, (1, 1, 1)),
    ("both-null", {}, {}, (1, 1, 1)),
    ("action-differs", {"action": "破获"}, {"action": "抓获"}, (0, 1, 1)),
    ("null-vs-verb", {"action": None}, {"action": "冻结"}, (0, 1, 1)),
    ("action-no-substring-rule", {"action": "下降"}, {"action": "同比下降"}, (0, 1, 1)),
    ("change-differs", {"change": "up"}, {"change": "down"}, (1, 0, 1)),
    ("basis-missing", {"basis": None}, {"basis": "mom"}, (1, 1, 0)),
]
# fmt: on


@pytest.mark.parametrize(
    ("pred", "gold", "rights"),
    [pytest.param(p, g, r, id=i) for i, p, g, r in ATTRIBUTE_SCENARIOS],
)
def test_action_change_basis_are_equal_strings_or_both_null(pred, gold, rights) -> None:
    all_ = scores([doc(facts=[fact(**pred)])], [doc(facts=[fact(**gold)])])["facts"]["all"]
    got = tuple(all_[name]["right"] for name in ("action", "change", "basis"))
    assert got == rights
    assert {all_[name]["total"] for name in ("subject", "action", "change", "basis")} == {1}


def test_attribute_accuracy_counts_strict_non_date_matches_only() -> None:
    # 4 pairs: 2 strict non-date (both right on action; one wrong on change), 1 not strict
    # (value differs), 1 date. action 2/2 = 1.0, change 1/2 = 0.5, basis 2/2 = 1.0.
    pred = [
        fact(action="增长", change="up"),
        fact(span=(10, 15), action="下降", change="up"),
        fact(span=(20, 25), value=9, action="x"),
        fact(kind="date", span=(30, 35), value="2020"),
    ]
    gold = [
        fact(action="增长", change="up"),
        fact(span=(10, 15), action="下降", change="down"),
        fact(span=(20, 25), value=8, action="y"),
        fact(kind="date", span=(30, 35), value="2020"),
    ]
    all_ = scores([doc(facts=pred)], [doc(facts=gold)])["facts"]["all"]
    assert all_["action"] == {"right": 2, "total": 2, "accuracy": 1.0}
    assert all_["change"] == {"right": 1, "total": 2, "accuracy": 0.5}
    assert all_["basis"] == {"right": 2, "total": 2, "accuracy": 1.0}


def test_measure_is_a_kind_of_its_own() -> None:
    # a measure never matches a count on the same span: 1 missed measure, 1 spurious count
    result = scores(
        [doc(facts=[fact(kind="count", unit="吨")])], [doc(facts=[fact(kind="measure", unit="t")])]
    )
    assert result["facts"]["measure"]["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert (result["facts"]["measure"]["gold"], result["facts"]["count"]["pred"]) == (1, 1)
    assert result["facts"]["all"]["strict"]["f1"] == 0.0


@pytest.mark.parametrize(
    ("source", "folder"),
    [("d01.txt", "(top level)"), ("police/po01.txt", "police"), ("a/b/c.txt", "a")],
)
def test_folder_of(source, folder) -> None:
    assert folder_of(source) == folder


def test_evaluate_by_folder_scores_each_folder_alone() -> None:
    # police: 1 of 2 gold facts found (P 1, R .5, F1 .6667); economy: both right (F1 1);
    # top level: a document with gold only (F1 0). Together: 3 of 5 gold, 3 predicted:
    # P 1, R .6, F1 .75.
    gold = [
        doc("police/a.txt", facts=[fact(), fact(span=(10, 15))]),
        doc("economy/b.txt", facts=[fact(), fact(span=(10, 15))]),
        doc("c.txt", facts=[fact()]),
    ]
    pred = [
        doc("police/a.txt", facts=[fact()]),
        doc("economy/b.txt", facts=[fact(), fact(span=(10, 15))]),
    ]
    folders = evaluate_by_folder(pred, gold)
    assert list(folders) == ["(top level)", "economy", "police"]
    f1 = {name: r.to_dict()["facts"]["all"]["strict"]["f1"] for name, r in folders.items()}
    assert f1 == {"(top level)": 0.0, "economy": 1.0, "police": 0.6667}
    assert folders["(top level)"].missing_pred == ["c.txt"]
    assert evaluate(pred, gold).to_dict()["facts"]["all"]["strict"]["f1"] == 0.75


def test_error_document_scores_as_empty() -> None:
    result = scores([Document(source="a.txt", error="binary file")], [doc(facts=[fact()])])
    assert result["facts"]["all"]["pred"] == 0 and result["facts"]["all"]["gold"] == 1
    assert result["articles"]["count_right"] == 0


def test_documents_on_one_side_only_are_reported_and_empty() -> None:
    result = evaluate([doc("b.txt", facts=[fact()])], [doc("a.txt", facts=[fact()])])
    assert result.missing_pred == ["a.txt"] and result.missing_gold == ["b.txt"]
    total = result.to_dict()["facts"]["all"]
    assert (total["pred"], total["gold"], total["strict"]["f1"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("pred", "gold", "match"),
    [
        ((40, 100), (0, 100), True),  # overlap 60 >= 60/2
        ((0, 20), (10, 100), True),  # overlap 10 >= 20/2
        ((0, 20), (15, 100), False),  # overlap 5 < 20/2
        ((0, 10), (10, 20), False),  # touching, no overlap
    ],
)
def test_case_half_overlap(pred, gold, match) -> None:
    assert half_of_shorter(pred, gold) is match
    pairs = greedy_match([pred], [gold], half_of_shorter)
    assert (pairs == [(0, 0)]) is match


def test_case_detection_fields_and_amounts() -> None:
    gold_cases = [
        Case(
            span=(0, 100),
            date="2020-07-06",
            agency="单县公安局",
            victims=["张某某"],
            suspects=["郭某", "章某"],
            suspect_count=26,
            category="investment",
            outcome="solved",
            amounts=[
                Amount(role="recovered", value=1000000, qualifier="over"),
                Amount(role="frozen", value=2000000),
            ],
        ),
        Case(span=(200, 300), category="sextortion", outcome="prevented"),
    ]
    pred_cases = [
        Case(
            span=(10, 100),
            date="2020-07-06",
            agency="单县公安局",
            victims=["张某某"],
            suspects=["章某", "郭某"],  # same set, other order
            suspect_count=20,
            category="other_fraud",
            outcome="solved",
            amounts=[Amount(role="recovered", value=Decimal("1000000.4"))],  # rounds to 1000000
        ),
        Case(span=(500, 600)),
    ]
    cases = scores([doc(cases=pred_cases)], [doc(cases=gold_cases)])["cases"]
    assert (cases["pred"], cases["gold"], cases["matched"]) == (2, 2, 1)
    assert cases["detection"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert cases["fields"] == {
        "date": 1.0,
        "agency": 1.0,
        "victims": 1.0,
        "suspects": 1.0,
        "suspect_count": 0.0,
        "category": 0.0,
        "outcome": 1.0,
    }
    # amounts over the matched case: pred {recovered 1000000}, gold {recovered 1000000, frozen 2000000}
    assert cases["amounts"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_articles_count_and_titles() -> None:
    gold = [
        doc("a.txt", articles=[Article(title="甲", span=(0, 5)), Article(title="乙", span=(5, 9))]),
        doc("b.txt", articles=[Article(title=None, span=(0, 5))]),
    ]
    pred = [
        doc("a.txt", articles=[Article(title="甲", span=(0, 9))]),
        doc("b.txt", articles=[Article(title="丙", span=(0, 5))]),
    ]
    articles = scores(pred, gold)["articles"]
    assert (articles["documents"], articles["count_right"]) == (2, 1)
    # titles: pred {甲, 丙}, gold {甲, 乙}: 1 right of 2 each
    assert articles["titles"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (Decimal("1"), Decimal("1.0005"), True),
        (Decimal("1"), Decimal("1.0006"), False),
        ("2020-07-06", "2020-07-06", True),
        ("XXXX-07-06", "2020-07-06", False),
        (None, None, True),
        (None, Decimal("0"), False),
        (Decimal("2020"), "2020", False),
    ],
)
def test_same_value(a, b, equal) -> None:
    assert same_value(a, b) is equal
