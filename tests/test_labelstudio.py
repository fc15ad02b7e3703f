"""Label Studio round trip: offsets in UTF-16 units, the labelling config, gold → tasks →
export → gold identical on every gold file, and a problem for each region that cannot be
mapped (messages written by hand from the module's rules)."""

from __future__ import annotations

import copy
import xml.dom.minidom
from typing import Any, get_args

import pytest
from conftest import CORPUS, ROOT
from hypothesis import given
from hypothesis import strategies as st

from extractor.labelstudio.config import CONTROLS, label_config
from extractor.labelstudio.importing import import_export
from extractor.labelstudio.offsets import Utf16Offsets
from extractor.labelstudio.tasks import task
from extractor.models import Document, FactKind
from extractor.output import review_json
from extractor.reading import read_source

GOLD_FILES = sorted(p for p in (ROOT / "gold").rglob("*.json") if "drafts" not in p.parts)


def annotated(t: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A task as Label Studio exports it once an annotator submitted the pre-annotations."""
    done = copy.deepcopy(t)
    done["annotations"] = [{"result": done.pop("predictions")[0]["result"], **extra}]
    return done


@pytest.mark.parametrize(
    ("text", "utf16"),
    [("abc", [0, 1, 2, 3]), ("a😀b", [0, 1, 3, 4]), ("𠀋𠀋", [0, 2, 4]), ("", [0])],
    ids=["plain", "emoji", "two astral", "empty"],
)
def test_offsets(text: str, utf16: list[int]) -> None:
    offsets = Utf16Offsets(text)
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == utf16
    assert [offsets.to_python(j) for j in utf16] == list(range(len(text) + 1))
    assert len(text.encode("utf-16-le")) // 2 == utf16[-1]


@given(st.text(max_size=30))
def test_offsets_agree_with_utf16_encoding(text: str) -> None:
    offsets = Utf16Offsets(text)
    for i in range(len(text) + 1):
        j = len(text[:i].encode("utf-16-le", "surrogatepass")) // 2
        assert offsets.to_utf16(i) == j
        assert offsets.to_python(j) == i


def test_config_is_xml_with_every_kind_control_and_choice() -> None:
    config = label_config()
    dom = xml.dom.minidom.parseString(config)
    labels = [e.getAttribute("value") for e in dom.getElementsByTagName("Label")]
    assert labels == [*get_args(FactKind), "case", "article"]
    names = {
        e.getAttribute("name"): e
        for tag in ("TextArea", "Choices")
        for e in dom.getElementsByTagName(tag)
    }
    assert set(names) == {c.name for c in CONTROLS}
    assert all(e.getAttribute("perRegion") == "true" for e in names.values())
    qualifiers = [
        c.getAttribute("value") for c in names["qualifier"].getElementsByTagName("Choice")
    ]
    assert qualifiers == [
        "exact",
        "over",
        "at_least",
        "nearly",
        "about",
        "under",
        "at_most",
        "range",
    ]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.relative_to(ROOT / "gold").as_posix())
def test_gold_export_import_gives_identical_gold(path) -> None:
    gold = Document.model_validate_json(path.read_text("utf-8"))
    text = read_source(CORPUS / gold.source, gold.source).text
    documents, problems = import_export([annotated(task(gold, text))])
    assert problems == []
    assert review_json(documents[0]) == path.read_text("utf-8")


TEXT = "😀追赃100万元,抓获3人。"
#       0 1 2 3 4 5 6 7 8 9 10 11 12  (Python); Label Studio counts 😀 as two


def small() -> Document:
    return Document.model_validate(
        {
            "source": "s.txt",
            "articles": [
                {
                    "title": "追赃",
                    "span": [0, 13],
                    "facts": [
                        {
                            "kind": "money",
                            "text": "100万元",
                            "span": [3, 8],
                            "value": 1000000,
                            "unit": "CNY",
                            "subject": "追赃",
                            "action": "追赃",
                        },
                        {
                            "kind": "count",
                            "text": "3人",
                            "span": [11, 13],
                            "value": 3,
                            "unit": "人",
                        },
                    ],
                    "cases": [
                        {
                            "span": [1, 13],
                            "victims": ["张某", "李某"],
                            "suspect_count": 3,
                            "category": "other_fraud",
                            "outcome": "solved",
                            "amounts": [
                                {"role": "recovered", "value": 1000000, "qualifier": "over"}
                            ],
                        }
                    ],
                }
            ],
        }
    )


def small_task() -> dict[str, Any]:
    return task(small(), TEXT)


def test_task_shape() -> None:
    t = small_task()
    assert t["data"] == {"text": TEXT, "source": "s.txt"}
    result = t["predictions"][0]["result"]
    money = [r for r in result if r["id"] == "a0f0"]
    assert money[0]["value"] == {"start": 4, "end": 9, "text": "100万元", "labels": ["money"]}
    fields = {r["from_name"]: r["value"] for r in money[1:]}
    assert fields["value"]["text"] == ["1000000"]
    assert fields["qualifier"]["choices"] == ["exact"]
    assert "high" not in fields and "change" not in fields  # unset fields are left out
    case = {r["from_name"]: r["value"] for r in result if r["id"] == "a0c0"}
    assert case["victims"]["text"] == ["张某\n李某"]
    assert case["amounts"]["text"] == ["recovered:1000000:over"]


def test_round_trip_through_astral_characters() -> None:
    documents, problems = import_export([annotated(small_task())])
    assert problems == []
    assert documents[0] == small()


def edit(t: dict[str, Any], region: str, control: str, value: Any) -> dict[str, Any]:
    """Change (or with None, drop) one result of an annotated task."""
    t = copy.deepcopy(t)
    result = t["annotations"][0]["result"]
    for n, item in enumerate(result):
        if item["id"] == region and item["from_name"] == control:
            if value is None:
                del result[n]
            else:
                item["value"] = {**item["value"], **value}
            return t
    raise KeyError((region, control))


def test_a_correction_comes_through() -> None:
    t = edit(annotated(small_task()), "a0f0", "subject", {"text": ["赃款"]})
    t = edit(t, "a0f0", "value", {"text": ["1200000"]})
    (document,), problems = import_export([t])
    assert problems == []
    fact = document.articles[0].facts[0]
    assert (fact.subject, fact.value) == ("赃款", 1200000)


W = "export:task 1 (s.txt): "


# fmt: off
PROBLEMS = [
    # (id, change to the annotated task, expected problems)
    ("value not a number", lambda t: edit(t, "a0f0", "value", {"text": ["一百万"]}),
     [W + "region a0f0 money [3, 8) '100万元': value '一百万' is not a number"]),
    ("value missing", lambda t: edit(t, "a0f1", "value", None),
     [W + "region a0f1 count [11, 13) '3人': record: a count fact's value must be a number"]),
    ("unknown kind", lambda t: edit(t, "a0f1", "kind", {"labels": ["weight"]}),
     [W + "region a0f1 [12, 14) '3人': unknown fact kind 'weight'"]),
    ("two labels", lambda t: edit(t, "a0f1", "kind", {"labels": ["count", "age"]}),
     [W + "region a0f1 [12, 14) '3人': needs exactly one label, has ['count', 'age']"]),
    ("text not the source", lambda t: edit(t, "a0f1", "kind", {"text": "4人"}),
     [W + "region a0f1 [12, 14) '4人': its text '4人' is not the source's '3人'"]),
    ("inside a surrogate pair", lambda t: edit(t, "a0", "article", {"start": 1}),
     [W + "region a0 [1, 14) '😀追赃100万元,抓获3人': offsets [1, 14) do not fit the text",
      W + "region a0c0 case [1, 13) '追赃100万元,抓获3人': in no article region",
      W + "region a0f0 money [3, 8) '100万元': in no article region",
      W + "region a0f1 count [11, 13) '3人': in no article region"]),
    ("outside every article", lambda t: edit(t, "a0", "article", {"start": 9, "text": ",抓获3人"}),
     [W + "region a0c0 case [1, 13) '追赃100万元,抓获3人': in no article region",
      W + "region a0f0 money [3, 8) '100万元': in no article region"]),
    ("bad amount", lambda t: edit(t, "a0c0", "amounts", {"text": ["recovered 1000000"]}),
     [W + "region a0c0 case [1, 13) '追赃100万元,抓获3人': amount 'recovered 1000000' is not role:value:qualifier"]),
    ("bad role", lambda t: edit(t, "a0c0", "amounts", {"text": ["stolen:5:exact"]}),
     [W + "region a0c0 case [1, 13) '追赃100万元,抓获3人': role: Input should be 'recovered', 'frozen', 'returned', 'aid', 'loss', 'attempted', 'involved', 'cost' or 'other'"]),
    ("suspect count not whole", lambda t: edit(t, "a0c0", "suspect_count", {"text": ["2.5"]}),
     [W + "region a0c0 case [1, 13) '追赃100万元,抓获3人': suspect_count '2.5' is not a whole number"]),
    ("a case field on a fact", lambda t: edit(t, "a0c0", "outcome", {}) | _move(t, "a0c0", "outcome", "a0f1"),
     [W + "region a0f1 count [11, 13) '3人': outcome is a case field"]),
]
# fmt: on


def _move(t: dict[str, Any], region: str, control: str, to: str) -> dict[str, Any]:
    t = copy.deepcopy(t)
    for item in t["annotations"][0]["result"]:
        if item["id"] == region and item["from_name"] == control:
            item["id"] = to
    return t


@pytest.mark.parametrize(
    ("change", "expected"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_problems(change: Any, expected: list[str]) -> None:
    _, problems = import_export([change(annotated(small_task()))])
    assert [str(p) for p in problems] == expected


def test_unknown_control_relation_and_orphan_fields() -> None:
    t = annotated(small_task())
    result = t["annotations"][0]["result"]
    result.append({"id": "x1", "from_name": "sentiment", "to_name": "text", "type": "choices",
                   "value": {"choices": ["good"]}})  # fmt: skip
    result.append({"type": "relation", "from_id": "a0f0", "to_id": "a0f1"})
    result.append({"id": "zz", "from_name": "subject", "to_name": "text", "type": "textarea",
                   "value": {"start": 0, "end": 1, "text": ["x"]}})  # fmt: skip
    _, problems = import_export([t])
    assert [str(p) for p in problems] == [
        W + "region x1: unknown control 'sentiment' (not in extractor's config)",
        W + "region None: relations are not part of SPEC gold",
        W + "region zz: fields ['subject'] belong to no labelled region",
    ]


def test_tasks_without_annotation_or_data_and_duplicates() -> None:
    t = small_task()
    tasks = [
        {**t, "id": 7},
        {"id": 8, "data": {"text": TEXT}},
        {**annotated(t), "id": 9},
        {**annotated(t), "id": 10},
    ]
    documents, problems = import_export(tasks, "p.json")
    assert [str(p) for p in problems] == [
        "p.json:task 7 (s.txt): no submitted annotation",
        "p.json:task 8: data needs 'source' and 'text' strings",
        "p.json:task 9 (s.txt): a second task for this source",
        "p.json:task 10 (s.txt): a second task for this source",
    ]
    assert documents == []


def test_latest_submitted_annotation_is_read() -> None:
    t = annotated(small_task(), updated_at="2026-01-02T00:00:00Z")
    older = edit(t, "a0f0", "subject", {"text": ["旧"]})["annotations"][0]
    older["updated_at"] = "2026-01-01T00:00:00Z"
    cancelled = edit(t, "a0f0", "subject", {"text": ["取消"]})["annotations"][0]
    cancelled.update(updated_at="2026-01-03T00:00:00Z", was_cancelled=True)
    t["annotations"] = [t["annotations"][0], older, cancelled]
    (document,), _ = import_export([t])
    assert document.articles[0].facts[0].subject == "追赃"
