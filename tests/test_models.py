"""Records: SPEC field names, enums, JSON numbers, validation."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from extractor.models import Amount, Article, Case, Document, Fact


def _fact(**fields):
    base = {"kind": "money", "text": "1500余万元", "span": (0, 8), "value": 15000000}
    base.update(fields)
    return Fact(**base)


@pytest.mark.parametrize(
    ("value", "json_value"),
    [
        (Decimal("15000000"), 15000000),
        (Decimal("43.9"), 43.9),
        (Decimal("33.333"), 33.333),
        (Decimal("1.5E+7"), 15000000),
        (0.5, 0.5),
    ],
)
def test_numbers_serialise_as_json_numbers(value, json_value) -> None:
    dumped = json.loads(_fact(value=value).model_dump_json())
    assert dumped["value"] == json_value
    assert type(dumped["value"]) is type(json_value)


def test_spec_fields_always_present_extras_only_when_set() -> None:
    dumped = json.loads(_fact().model_dump_json())
    assert set(dumped) == {
        "kind",
        "text",
        "span",
        "value",
        "high",
        "unit",
        "qualifier",
        "subject",
        "action",
        "change",
        "basis",
    }
    assert (
        json.loads(_fact(kind="date", value="2020-07-06", resolved="2020-07-06").model_dump_json())[
            "resolved"
        ]
        == "2020-07-06"
    )
    assert "error" not in json.loads(Document(source="a.txt").to_json())
    assert json.loads(Document(source="a.txt", error="binary").to_json())["error"] == "binary"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "size"}, "kind"),
        ({"qualifier": "roughly"}, "qualifier"),
        ({"change": "sideways"}, "change"),
        ({"basis": "qoq"}, "basis"),
        ({"value": "2020"}, "must be a number"),
        ({"kind": "date", "value": 2020}, "TIMEX3"),
        ({"value": 5, "high": 3}, "above high"),
        ({"span": (5, 3)}, "start <= end"),
        ({"span": (-1, 3)}, "start <= end"),
        ({"extra_field": 1}, "Extra inputs"),
    ],
)
def test_invalid_facts_are_refused(fields, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _fact(**fields)


def test_date_value_may_be_null() -> None:
    assert _fact(kind="date", value=None, text="今年").value is None


def test_case_and_amount_enums() -> None:
    case = Case(
        span=(0, 10),
        category="credit_record",
        outcome="prevented",
        amounts=[Amount(role="attempted", value=62000)],
    )
    assert json.loads(case.model_dump_json())["amounts"] == [
        {"role": "attempted", "value": 62000, "qualifier": "exact"}
    ]
    with pytest.raises(ValidationError):
        Case(span=(0, 1), category="phishing")
    with pytest.raises(ValidationError):
        Amount(role="stolen", value=1)


def test_document_round_trip() -> None:
    document = Document(
        source="a/b.txt", articles=[Article(title=None, span=(0, 5), facts=[_fact()])]
    )
    assert Document.model_validate_json(document.to_json()) == document


@pytest.mark.parametrize(
    ("json_value", "python_value"),
    [('"2017"', "2017"), ('"2020-07-06"', "2020-07-06"), ("null", None)],
)
def test_date_values_stay_strings_when_read_from_json(json_value: str, python_value) -> None:
    raw = f'{{"kind": "date", "text": "2017年", "span": [0, 5], "value": {json_value}}}'
    assert Fact.model_validate_json(raw).value == python_value
    assert Fact.model_validate(json.loads(raw)).value == python_value


@pytest.mark.parametrize(
    ("json_value", "number"), [("43.9", Decimal("43.9")), ("15000000", Decimal(15000000))]
)
def test_numeric_values_are_decimals_from_json_and_python(json_value: str, number: Decimal) -> None:
    raw = f'{{"kind": "percent", "text": "x", "span": [0, 1], "value": {json_value}}}'
    assert Fact.model_validate_json(raw).value == number
    assert isinstance(Fact.model_validate(json.loads(raw)).value, Decimal)


def test_documents_pickle_through_their_json() -> None:
    import pickle

    from extractor import extract_text

    documents = [
        extract_text("共破获案件1718起，收缴赃款1500余万元，占比43.9%。", source="a.txt"),
        Document(source="b.txt", error="file too large (12 MB; the limit is 10 MB)"),
        Document(source="c.txt", articles=[Article(title="标题", span=(0, 9), facts=[_fact()])]),
    ]
    for document in documents:
        again = pickle.loads(pickle.dumps(document))
        assert again == document
        assert again.to_json() == document.to_json()
    assert documents[0].articles[0].facts  # the pipeline found facts to carry
