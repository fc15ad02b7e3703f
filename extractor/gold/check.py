"""``extractor gold check``: validate gold files against the models and their source texts.

Every problem is reported as ``file:article:field: message`` (``file:document:…`` for the
whole file); malformed JSON gets the file, line and column, never a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..evaluation.jsontext import JsonProblem, parse_json, printable, validation_problems
from ..evaluation.matching import overlap
from ..evaluation.scoring import TOLERANCE
from ..lexicons import numbers, package_kinds, units
from ..models import Document, Fact
from ..reading import ReadError, read_source
from ..repair import surface

__all__ = [
    "Problem",
    "check_document",
    "check_gold",
    "expected_value",
    "load_model",
    "spans_outside_text",
    "unit_problem",
]

M = TypeVar("M", bound=BaseModel)

# TIMEX3 values SPEC §4 uses: 2020-07-06, XXXX-12-18TMO, XXXX-XX-XXT15:30, 2019-01-29T11:09:50,
# XXXX-Q2, 2021-H1, 2019-W02, 2017, XXXX-05.
TIMEX = re.compile(
    r"^(?:XXXX|\d{4})"
    r"(?:-(?:Q[1-4]|H[12]|W\d{2}|(?:XX|\d{2})(?:-(?:XX|\d{2})(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}(?::\d{2})?))?)?))?$"
)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A sign (numbers.toml's marks, the dash some papers typeset for minus among them), the
# number, 余/多 and the multipliers after it.
_SIGNS = re.escape("".join(sorted(numbers().negative)))
_SCALED = re.compile(rf"([{_SIGNS}]?)(\d+(?:\.\d+)?)\s*[余多餘]?\s*([十百千万亿萬億]*)")
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}
_UNCHECKED = ("半", "分之", "成", "倍")


@dataclass(frozen=True)
class Problem:
    """One problem in one gold file."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.where}: {self.message}")


def load_model(path: Path, model: type[M], name: str | None = None) -> M | list[Problem]:
    """Parse a JSON file into ``model``, or return its problems (malformed JSON, integers
    too long, ``NaN``, nesting too deep, invalid fields), each located."""
    name = name or path.name
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return [Problem(name, "document:-", f"cannot read file ({err})")]
    try:
        data = parse_json(raw)
    except JsonProblem as err:
        return [Problem(name, f"line {err.line}:column {err.column}", err.message)]
    try:
        return model.model_validate(data)
    except ValidationError as err:
        return [
            Problem(name, where, message) for where, message in validation_problems(err.errors())
        ]


def expected_value(fact: Fact) -> Decimal | None:
    """The value a fact's text states, where it can be read off simply: one Arabic number
    and the 万/亿 multipliers after it (``1500余万元`` → 15000000, ``43.9%`` → 43.9).
    ``None`` where the text is not that simple (ranges, Chinese numerals, 半, 成, 分之).

    >>> expected_value(Fact(kind="money", text="2085.7万余元", span=(0, 1), value=0))
    Decimal('20857000.0')
    >>> expected_value(Fact(kind="count", text="十个", span=(0, 1), value=10)) is None
    True
    >>> expected_value(Fact(kind="measure", text="1.2亿千瓦时", span=(0, 1), value=0, unit="kWh"))
    Decimal('120000000.0')
    >>> expected_value(Fact(kind="measure", text="2399万千升", span=(0, 1), value=0, unit="L"))
    Decimal('23990000000')
    >>> expected_value(Fact(kind="money", text="1 个亿", span=(0, 1), value=0))
    Decimal('100000000')
    >>> expected_value(Fact(kind="age", text="年約7旬", span=(0, 1), value=0, unit="year"))
    Decimal('70')
    >>> expected_value(Fact(kind="money", text="35.5美分", span=(0, 1), value=0, unit="USD"))
    Decimal('0.355')
    >>> expected_value(Fact(kind="percent", text="—2.48%", span=(0, 1), value=0, unit="%"))
    Decimal('-2.48')
    """
    if package_kinds()[fact.kind].value == "timex":
        return None
    text = unicodedata.normalize("NFKC", fact.text)
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", text)
    text = re.sub(r"[个個]\s*(?=[亿億])", "", text)  # 1 个亿 is 1亿 (colloquial)
    multiple = (
        next((Decimal(n) for w, n in units().measure_multiples.items() if w in text), Decimal(1))
        if fact.kind == "measure"
        else Decimal(1)
    )  # 2399万千升: kilolitres, in litres
    for word in _units_with_scale(fact.kind):
        text = text.replace(word, "")  # 5千克 is 5 kg, not 5000
    if any(word in text for word in _UNCHECKED) or len(_NUMBER.findall(text)) != 1:
        return None
    match = _SCALED.search(text)
    if match is None:
        return None
    value = Decimal(match.group(2)) * multiple
    for ch in match.group(3):
        value *= _SCALE[ch]
    if fact.kind == "age" and "旬" in text:
        value *= 10  # 年約7旬: seven decades
    if any(sign in text for sign in units().per_mille_signs):
        value *= Decimal("0.1")  # 6‰ is 0.6 percent
    elif fact.kind == "money" and any(word in text for word in units().currency_subunits):
        value *= Decimal("0.01")  # 35.5美分 is 0.355 USD
    below_zero = any(text.startswith(word) for word in numbers().below_zero)  # 零下30摄氏度
    return -value if match.group(1) or below_zero else value


_ISO_4217 = re.compile(r"[A-Z]{3}")


def _units_with_scale(kind_name: str) -> tuple[str, ...]:
    """The unit words of a kind that open with a multiplier character (千克, 千瓦时)."""
    table = package_kinds()[kind_name].table
    if table is None:
        return ()
    words: dict[str, str] = getattr(units(), table)
    return tuple(sorted((w for w in words if w[0] in _SCALE), key=len, reverse=True))


def unit_problem(fact: Fact) -> str | None:
    """What is wrong with a fact's ``unit`` for its kind (``data/kinds.toml``), or None.

    >>> unit_problem(Fact(kind="measure", text="5万吨", span=(0, 3), value=50000, unit="吨"))
    "measure unit '吨' is not one of SPEC's symbols ('t', 'kg', 'g', …)"
    >>> unit_problem(Fact(kind="percent", text="3.2个百分点", span=(0, 7), value=3.2, unit="pp"))
    """
    unit, kind = fact.unit, package_kinds()[fact.kind]
    if kind.units == "none":
        return None if unit is None else f"a {kind.name} has no unit, not {unit!r}"
    if kind.units == "iso4217":
        if unit is None or _ISO_4217.fullmatch(unit):
            return None
        return f"{kind.name} unit {unit!r} is not an ISO 4217 code (CNY, HKD, …) or null"
    if kind.units == "written":
        return None if unit else f"a {kind.name} needs its classifier or counted noun as unit"
    if unit in kind.symbols:
        return None
    if len(kind.symbols) > 3:
        shown = ", ".join(repr(s) for s in kind.symbols[:3])
        return f"{kind.name} unit {unit!r} is not one of SPEC's symbols ({shown}, …)"
    return f"{kind.name} unit {unit!r} is not one of {list(kind.symbols)}"


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def check_document(
    document: Document, text: str, file: str, source: str | None = None
) -> list[Problem]:
    """Every problem of one gold document against its decoded source ``text``."""
    problems: list[Problem] = []

    def add(where: str, message: str) -> None:
        problems.append(Problem(file, where, message))

    if source is not None and document.source != source:
        add("document:source", f"{document.source!r} but the corpus file is {source!r}")
    previous_end = 0
    for a, article in enumerate(document.articles, 1):
        art = f"article {a}"
        span = article.span
        if span[1] > len(text):
            add(f"{art}:span", f"{list(span)} ends after the text ({len(text)} characters)")
            continue
        if span[0] < previous_end:
            add(f"{art}:span", f"{list(span)} overlaps the article before it")
        previous_end = span[1]
        body = surface(text[span[0] : span[1]])
        if article.title is not None and article.title not in body:
            add(f"{art}:title", f"{article.title!r} is not in the article's text")
        for i, fact in enumerate(article.facts):
            problems.extend(_check_fact(fact, text, span, file, f"{art}:facts[{i}]"))
        by_kind: dict[str, list[tuple[int, tuple[int, int]]]] = {}
        for i, fact in enumerate(article.facts):
            for j, other in by_kind.get(fact.kind, []):
                if overlap(fact.span, other):
                    add(
                        f"{art}:facts[{i}].span",
                        f"overlaps facts[{j}] of the same kind ({fact.kind})",
                    )
            by_kind.setdefault(fact.kind, []).append((i, fact.span))
        money = [f for f in article.facts if f.kind == "money" and isinstance(f.value, Decimal)]
        for i, case in enumerate(article.cases):
            where = f"{art}:cases[{i}]"
            if not _inside(case.span, span):
                add(f"{where}.span", f"{list(case.span)} is outside the article {list(span)}")
            if case.date is not None and not TIMEX.match(case.date):
                add(f"{where}.date", f"{case.date!r} is not a TIMEX3 value")
            in_case = [f.value for f in money if _inside(f.span, case.span)]
            for k, amount in enumerate(case.amounts):
                if not any(abs(amount.value - v) <= TOLERANCE for v in in_case):  # type: ignore[operator]
                    add(
                        f"{where}.amounts[{k}]",
                        f"value {amount.value} is not a money fact in the case",
                    )
    return problems


def _check_fact(
    fact: Fact, text: str, article: tuple[int, int], file: str, where: str
) -> list[Problem]:
    problems: list[Problem] = []
    start, end = fact.span
    if end > len(text):
        return [Problem(file, f"{where}.span", f"{[start, end]} ends after the text")]
    if not _inside(fact.span, article):
        problems.append(
            Problem(file, f"{where}.span", f"{[start, end]} is outside its article {list(article)}")
        )
    written = surface(text[start:end])
    if fact.text != written:
        problems.append(
            Problem(file, f"{where}.text", f"{fact.text!r} but the source has {written!r}")
        )
    wrong_unit = unit_problem(fact)
    if wrong_unit:
        problems.append(Problem(file, f"{where}.unit", wrong_unit))
    if isinstance(fact.value, str) and not TIMEX.match(fact.value):
        problems.append(Problem(file, f"{where}.value", f"{fact.value!r} is not a TIMEX3 value"))
    expected = expected_value(fact)
    if (
        expected is not None
        and isinstance(fact.value, Decimal)
        and abs(fact.value - expected) > TOLERANCE
    ):
        problems.append(
            Problem(
                file,
                f"{where}.value",
                f"{fact.value} but {fact.text!r} says {expected.normalize():f}",
            )
        )
    return problems


def spans_outside_text(document: Document, length: int, file: str) -> list[Problem]:
    """A problem for each span of ``document`` (articles, facts, cases) that ends after a
    text of ``length`` characters.

    >>> doc = Document.model_validate({"source": "a.txt", "articles": [{"title": None,
    ...     "span": [0, 9], "facts": [{"kind": "count", "text": "3起", "span": [7, 9], "value": 3}]}]})
    >>> for problem in spans_outside_text(doc, 8, "a.json"):
    ...     print(problem)
    a.json:article 1:span: [0, 9] ends after the text (8 characters)
    a.json:article 1:facts[0].span: [7, 9] ends after the text (8 characters)
    """
    problems: list[Problem] = []
    for a, article in enumerate(document.articles, 1):
        spans = [("span", article.span)]
        spans += [(f"facts[{i}].span", fact.span) for i, fact in enumerate(article.facts)]
        spans += [(f"cases[{i}].span", case.span) for i, case in enumerate(article.cases)]
        for field, span in spans:
            if span[1] > length:
                message = f"{list(span)} ends after the text ({length:,} characters)"
                problems.append(Problem(file, f"article {a}:{field}", message))
    return problems


def check_gold(gold_dir: Path, corpus_dir: Path) -> tuple[list[Problem], list[Document]]:
    """Check every gold file under ``gold_dir`` (``drafts/`` excluded) against ``corpus_dir``;
    also report corpus files without a gold file."""
    problems: list[Problem] = []
    documents: list[Document] = []
    gold_files = sorted(
        p for p in gold_dir.rglob("*.json") if "drafts" not in p.relative_to(gold_dir).parts
    )
    covered = set()
    for path in gold_files:
        relative = path.relative_to(gold_dir).with_suffix(".txt").as_posix()
        name = path.relative_to(gold_dir).as_posix()
        covered.add(relative)
        loaded = load_model(path, Document, name)
        if isinstance(loaded, list):
            problems.extend(loaded)
            continue
        try:
            source = read_source(corpus_dir / relative, relative)
        except ReadError as err:
            problems.append(Problem(name, "document:source", f"corpus file {relative}: {err}"))
            continue
        documents.append(loaded)
        problems.extend(check_document(loaded, source.text, name, relative))
    for path in sorted(corpus_dir.rglob("*.txt")):
        relative = path.relative_to(corpus_dir).as_posix()
        if relative not in covered:
            gold_name = Path(relative).with_suffix(".json").as_posix()
            problems.append(
                Problem(gold_name, "document:-", f"missing: corpus/{relative} has no gold file")
            )
    return problems, documents
