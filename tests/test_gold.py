"""Gold tools: build from drafts, check gold files, on good and on broken inputs."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from extractor.gold.build import build_gold
from extractor.gold.check import check_gold, expected_value
from extractor.gold.draft import Draft
from extractor.models import Fact

GOLD = ROOT / "gold"

SOURCE = "标题一\n\n本报讯 收缴赃款1500余\n\n万元,抓获12人。又抓获12人。\n\n标题二\n\n本报讯 冻结6.2万元和2万元。"


def draft(**changes) -> Draft:
    data = {
        "source": "x.txt",
        "articles": [
            {
                "title": "标题一",
                "first": "标题一",
                "facts": [
                    {
                        "kind": "money",
                        "text": "1500余万元",
                        "value": 15000000,
                        "unit": "CNY",
                        "qualifier": "over",
                    },
                    {"kind": "count", "text": "12人", "occurrence": 2, "value": 12, "unit": "人"},
                ],
                "cases": [
                    {
                        "first": "收缴赃款",
                        "last": "抓获12人。又",
                        "category": "other_fraud",
                        "outcome": "solved",
                    }
                ],
            },
            {
                "title": "标题二",
                "first": "标题二",
                "facts": [
                    {
                        "kind": "money",
                        "text": "2万元",
                        "occurrence": 2,
                        "value": 20000,
                        "unit": "CNY",
                    }
                ],
            },
        ],
    }
    for path, value in changes.items():
        target = data
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        target[keys[-1]] = value
    return Draft.model_validate(data)


def test_build_places_every_item() -> None:
    document, errors = build_gold(SOURCE, draft())
    assert errors == [] and document is not None
    first, second = document.articles
    money, count = first.facts
    assert SOURCE[money.span[0] : money.span[1]] == "1500余\n\n万元"
    assert money.text == "1500余万元"
    assert SOURCE[count.span[0] : count.span[1]] == "12人" and count.span[0] > SOURCE.index("12人")
    assert (
        SOURCE[first.span[0] : first.span[1]].startswith("标题一")
        and first.span[1] <= second.span[0]
    )
    assert SOURCE[first.span[1] - 1] == "。"
    (case,) = first.cases
    assert SOURCE[case.span[0] : case.span[1]] == "收缴赃款1500余\n\n万元,抓获12人。又"
    # "2万元" occurs inside "6.2万元" too: occurrence 2 is the standalone one
    assert SOURCE[second.facts[0].span[0] - 1] == "和"
    assert second.span[1] == len(SOURCE)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"articles.0.facts.0.text": "1600余万元"},
            "article 1:facts[0]: text '1600余万元' not found",
        ),
        (
            {"articles.0.facts.1.occurrence": None},
            "article 1:facts[1]: text '12人' found 2 times; give its occurrence",
        ),
        (
            {"articles.0.facts.1.occurrence": 3},
            "article 1:facts[1]: text '12人' occurs 2 times, not 3",
        ),
        ({"articles.1.first": "标题三"}, "article 2:first: '标题三' not found"),
        (
            {"articles.0.cases.0.first": "抓获12人"},
            "article 1:cases[0]: first words '抓获12人' found 2 times",
        ),
        (
            {"articles.0.cases.0.last": "不存在"},
            "article 1:cases[0]: last words '不存在' not found",
        ),
        (
            {"articles.1.facts.0.text": "1500余万元", "articles.1.facts.0.occurrence": None},
            "article 2:facts[0]: text '1500余万元' not found",
        ),
    ],
)
def test_build_errors(changes, message: str) -> None:
    document, errors = build_gold(SOURCE, draft(**changes))
    assert document is None
    assert any(message in str(e) for e in errors), errors


def test_the_gold_folder_passes_check() -> None:
    problems, documents = check_gold(GOLD, CORPUS)
    assert [str(p) for p in problems] == []
    assert len(documents) == len(list(CORPUS.rglob("*.txt")))  # genre folders included


@pytest.fixture
def gold_copy(tmp_path: Path) -> Path:
    """A copy of gold/ (genre folders included, drafts left out)."""
    target = tmp_path / "gold"
    shutil.copytree(GOLD, target, ignore=shutil.ignore_patterns("drafts", "*.md"))
    return target


def _edit(gold_dir: Path, name: str, change) -> None:
    path = gold_dir / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _fact(data: dict, article: int, text: str) -> dict:
    return next(f for f in data["articles"][article]["facts"] if f["text"] == text)


# (id, file, change, expected problem: "file:where: message" start)
# fmt: off
BROKEN = [
    ("text-differs",  "d05.json", lambda d: _fact(d, 0, "7辆").update(text="8辆"),
     "d05.json:article 1:facts[", "'8辆' but the source has '7辆'"),
    ("span-past-end", "d05.json", lambda d: _fact(d, 0, "7辆").update(span=[5000, 5002]),
     "d05.json:article 1:facts[", "ends after the text"),
    ("outside-article", "000_cf4c8eff55ad11d1.json", lambda d: d["articles"][1]["facts"].append(dict(_fact(d, 0, "912人"))),
     "000_cf4c8eff55ad11d1.json:article 2:facts[2].span", "outside its article"),
    ("same-kind-overlap", "d05.json", lambda d: d["articles"][0]["facts"].append(dict(_fact(d, 0, "7辆"))),
     "d05.json:article 1:facts[", "overlaps facts["),
    ("value-vs-text", "d05.json", lambda d: _fact(d, 0, "50万元").update(value=50),
     "d05.json:article 1:facts[", "50 but '50万元' says 500000"),
    ("percent-vs-text", "d06.json", lambda d: _fact(d, 0, "25.8%").update(value=0.258),
     "d06.json:article 1:facts[", "but '25.8%' says 25.8"),
    ("bad-timex", "d05.json", lambda d: _fact(d, 0, "7月9日").update(value="07/09"),
     "d05.json:article 1:facts[", "'07/09' is not a TIMEX3 value"),
    ("bad-enum", "d05.json", lambda d: _fact(d, 0, "7辆").update(qualifier="roughly"),
     "d05.json:article 1:facts[", "Input should be"),
    ("value-above-high", "d05.json", lambda d: _fact(d, 0, "7辆").update(high=3),
     "d05.json:article 1:facts[", "above high"),
    ("amount-not-a-fact", "d05.json", lambda d: d["articles"][0]["cases"][0]["amounts"].append({"role": "loss", "value": 123, "qualifier": "exact"}),
     "d05.json:article 1:cases[0].amounts[3]", "value 123 is not a money fact in the case"),
    ("case-outside", "d05.json", lambda d: d["articles"][0]["cases"][0].update(span=[0, 9999]),
     "d05.json:article 1:cases[0].span", "outside the article"),
    ("title-absent", "d05.json", lambda d: d["articles"][0].update(title="不存在的标题"),
     "d05.json:article 1:title", "is not in the article's text"),
    ("source-differs", "d05.json", lambda d: d.update(source="other.txt"),
     "d05.json:document:source", "'other.txt' but the corpus file is 'd05.txt'"),
    ("money-unit", "d05.json", lambda d: _fact(d, 0, "50万元").update(unit="元"),
     "d05.json:article 1:facts[", "money unit '元' is not an ISO 4217 code"),
    ("percent-unit", "d06.json", lambda d: _fact(d, 0, "25.8%").update(unit="percent"),
     "d06.json:article 1:facts[", "percent unit 'percent' is not one of ['%', 'pp']"),
    ("measure-unit", "d05.json", lambda d: _fact(d, 0, "7辆").update(kind="measure", unit="辆"),
     "d05.json:article 1:facts[", "measure unit '辆' is not one of SPEC's symbols"),
    ("date-unit", "d05.json", lambda d: _fact(d, 0, "7月9日").update(unit="day"),
     "d05.json:article 1:facts[", "a date has no unit, not 'day'"),
    ("count-unit", "d05.json", lambda d: _fact(d, 0, "7辆").update(unit=None),
     "d05.json:article 1:facts[", "a count needs its classifier"),
    ("unknown-field", "d05.json", lambda d: d["articles"][0].update(extra=1),
     "d05.json:article 1:extra", "Extra inputs are not permitted"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "change", "where", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_check_finds_each_kind_of_problem(gold_copy: Path, name, change, where, message) -> None:
    _edit(gold_copy, name, change)
    problems = [str(p) for p in check_gold(gold_copy, CORPUS)[0]]
    assert any(p.startswith(where) and message in p for p in problems), problems


def test_check_reports_malformed_json_with_its_line(gold_copy: Path) -> None:
    (gold_copy / "d05.json").write_text(
        '{\n  "source": "d05.txt",\n  "articles": [,]\n}', encoding="utf-8"
    )
    problems = [str(p) for p in check_gold(gold_copy, CORPUS)[0]]
    assert problems == ["d05.json:line 3:column 16: malformed JSON (Expecting value)"]


def test_check_reports_missing_gold_and_missing_source(gold_copy: Path) -> None:
    (gold_copy / "d05.json").rename(gold_copy / "zz.json")
    problems = [str(p) for p in check_gold(gold_copy, CORPUS)[0]]
    assert "d05.json:document:-: missing: corpus/d05.txt has no gold file" in problems
    assert "zz.json:document:source: corpus file zz.txt: no such file" in problems


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("money", "1500余万元", "15000000"),
        ("money", "近6亿元", "600000000"),
        ("money", "2085.7万余元", "20857000"),
        ("money", "1，234元", "1234"),
        ("money", "１２３元", "123"),
        ("count", "9.3万余人", "93000"),
        ("count", "5 名", "5"),
        ("percent", "43.9%", "43.9"),
        ("percent", "3.2个百分点", "3.2"),
        ("money", "两千余万元", None),
        ("money", "3至5万元", None),
        ("duration", "1年半", None),
        ("percent", "千分之5", None),
        ("percent", "7成", None),
        ("measure", "5万吨", "50000"),
        ("measure", "1.2亿千瓦时", "120000000"),
        ("measure", "3.5公斤", "3.5"),
        ("measure", "3千克", "3"),  # 千 of the unit is no multiplier
        ("measure", "15千米", "15"),
        ("measure", "2千瓦", "2"),
        ("money", "3千元", "3000"),  # …but it is one for money
        ("percent", "-4%", "-4"),  # SPEC: 同比-4% → -4
        ("percent", "－2.5%", "-2.5"),  # full-width minus (NFKC → -)
        ("percent", "−0.3%", "-0.3"),  # U+2212 minus sign
        ("percent", "6‰以内", "0.6"),  # per mille: tenths of a percent (千分之五 → 0.5)
        ("money", "35.5美分", "0.355"),  # a hundredth of the dollar, in whole dollars
        ("money", "50港仙", "0.5"),
        ("measure", "零下30摄氏度左右", "-30"),  # below zero is a sign before a measure
        ("measure", "零下26.6℃", "-26.6"),
    ],
)
def test_expected_value_table(kind: str, text: str, value: str | None) -> None:
    fact = Fact(kind=kind, text=text, span=(0, len(text)), value=0)
    got = expected_value(fact)
    expected = None if value is None else Decimal(value).normalize()
    assert (got.normalize() if got is not None else None) == expected


def test_draft_models_carry_every_record_field() -> None:
    """A draft lists the same fields as the record, less the span (given by words instead)."""
    from extractor.gold.draft import DraftCase, DraftFact
    from extractor.models import Case

    assert set(DraftFact.model_fields) == (set(Fact.model_fields) - {"span", "resolved"}) | {
        "occurrence"
    }
    assert set(DraftCase.model_fields) == (set(Case.model_fields) - {"span"}) | {"first", "last"}
