"""A Label Studio JSON export → SPEC gold documents, one per task.

Each task's latest submitted annotation (not cancelled) is read: regions labelled
``article`` become articles, regions with a fact kind become facts, ``case`` regions
cases, each with the per-region fields that share its id (:mod:`.config`). Offsets come
back from UTF-16 units to Python indices, and each region's text must be the source's
characters there; a fact's ``text`` is then the source under SPEC's text rule. Facts and
cases go to the article holding them, in text order. Anything that cannot be mapped is one
:class:`ImportProblem` naming the task, the region, its span and its text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..lexicons import package_kinds
from ..models import FACT_KINDS, Amount, Article, Case, Document, Fact
from ..repair import surface
from .config import ARTICLE_LABELS, CASE_LABELS, CONTROLS, FACT_LABELS, TEXT, Control
from .offsets import Utf16Offsets

__all__ = ["ImportProblem", "import_export", "read_export"]

_TIMEX_KINDS = frozenset(k.name for k in package_kinds().kind if k.value == "timex")
_CONTROLS = {c.name: c for c in CONTROLS}
_LABELS = {FACT_LABELS: "fact", CASE_LABELS: "case", ARTICLE_LABELS: "article"}


@dataclass(frozen=True)
class ImportProblem:
    """One thing that could not be mapped: ``where`` names the task (and region)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class _Unmappable(ValueError):
    pass


@dataclass
class _Region:
    id: str
    span: tuple[int, int]
    text: str
    owner: str
    label: str
    fields: dict[str, Any]


def read_export(path: Path) -> list[dict[str, Any]] | ImportProblem:
    """The tasks of a Label Studio JSON export (the ``JSON`` format: a list of tasks)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as err:
        return ImportProblem(str(path), f"cannot read ({err})")
    except json.JSONDecodeError as err:
        return ImportProblem(f"{path}:{err.lineno}:{err.colno}", f"malformed JSON ({err.msg})")
    if not isinstance(data, list) or not all(isinstance(t, dict) and "data" in t for t in data):
        return ImportProblem(str(path), "not a Label Studio JSON export (a list of tasks)")
    return data


def _annotation(task: dict[str, Any]) -> dict[str, Any] | None:
    """The latest submitted annotation of a task (by ``updated_at``, then list order)."""
    submitted = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not submitted:
        return None
    order = sorted(enumerate(submitted), key=lambda p: (str(p[1].get("updated_at") or ""), p[0]))
    return order[-1][1]


def _span(value: dict[str, Any], offsets: Utf16Offsets) -> tuple[int, int]:
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise _Unmappable("no character offsets (start, end): is it a text region?")
    span = offsets.to_python(start), offsets.to_python(end)
    if span[0] is None or span[1] is None or span[0] >= span[1]:
        raise _Unmappable(f"offsets [{start}, {end}) do not fit the text")
    return span[0], span[1]


def _field(control: Control, result: dict[str, Any]) -> str:
    value = result.get("value") or {}
    items = value.get("choices") if control.shape == "choice" else value.get("text")
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], str):
        raise _Unmappable(f"{control.name}: expected one value, got {items!r}")
    return items[0]


def _regions(result: list[dict[str, Any]], text: str) -> tuple[list[_Region], list[str]]:
    """The labelled regions of an annotation's result, and the problems, each a line."""
    offsets = Utf16Offsets(text)
    regions: dict[str, _Region] = {}
    fields: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    failed: set[str] = set()
    for item in result:
        rid = str(item.get("id"))
        name = item.get("from_name")
        value = item.get("value") or {}
        try:
            if name in _LABELS:
                labels = value.get("labels") or []
                if len(labels) != 1:
                    raise _Unmappable(f"needs exactly one label, has {labels}")
                if rid in regions:
                    raise _Unmappable("two labels on one region")
                span = _span(value, offsets)
                shown = value.get("text")
                if shown is not None and shown != text[span[0] : span[1]]:
                    raise _Unmappable(
                        f"its text {shown!r} is not the source's {text[span[0] : span[1]]!r}"
                    )
                owner = _LABELS[name]
                label = labels[0]
                if owner == "fact" and label not in FACT_KINDS:
                    raise _Unmappable(f"unknown fact kind {label!r}")
                regions[rid] = _Region(rid, span, text[span[0] : span[1]], owner, label, {})
            elif name in _CONTROLS:
                control = _CONTROLS[name]
                fields.setdefault(rid, {})[name] = _field(control, item)
            elif item.get("type") == "relation":
                raise _Unmappable("relations are not part of SPEC gold")
            else:
                raise _Unmappable(f"unknown control {name!r} (not in extractor's config)")
        except _Unmappable as err:
            problems.append(f"region {rid}{_where(value)}: {err}")
            failed.add(rid)
    for rid, values in fields.items():
        region = regions.get(rid)
        if region is None and rid in failed:
            continue  # its region is reported already
        if region is None:
            problems.append(f"region {rid}: fields {sorted(values)} belong to no labelled region")
            continue
        for name, shown in values.items():
            control = _CONTROLS[name]
            if control.owner != region.owner:
                problems.append(
                    f"region {rid} {_describe(region)}: {name} is a {control.owner} field"
                )
                continue
            region.fields[name] = shown
    return sorted(regions.values(), key=lambda r: r.span), problems


def _where(value: dict[str, Any]) -> str:
    if "start" in value and "end" in value:
        shown = value.get("text")
        return f" [{value['start']}, {value['end']})" + (
            f" {shown!r}" if isinstance(shown, str) else ""
        )
    return ""


def _describe(region: _Region) -> str:
    return f"{region.label} [{region.span[0]}, {region.span[1]}) {region.text!r}"


def _number(name: str, shown: str) -> Decimal:
    try:
        number = Decimal(shown.strip())
    except InvalidOperation:
        raise _Unmappable(f"{name} {shown!r} is not a number") from None
    if not number.is_finite():
        raise _Unmappable(f"{name} {shown!r} is not a number")
    return number


def _read(control: Control, shown: str, kind: str | None) -> Any:
    """A field's text as the model's value (a number, a list, amounts …)."""
    if control.shape == "number" or (control.name == "value" and kind not in _TIMEX_KINDS):
        return _number(control.name, shown)
    if control.shape == "integer":
        number = _number(control.name, shown)
        if number != number.to_integral_value():
            raise _Unmappable(f"{control.name} {shown!r} is not a whole number")
        return int(number)
    if control.shape == "lines":
        return [line.strip() for line in shown.splitlines() if line.strip()]
    if control.shape == "amounts":
        amounts = []
        for line in (x.strip() for x in shown.splitlines()):
            if not line:
                continue
            parts = line.split(":")
            if len(parts) not in (2, 3):
                raise _Unmappable(f"amount {line!r} is not role:value:qualifier")
            qualifier = parts[2] if len(parts) == 3 else "exact"
            amounts.append(
                Amount.model_validate(
                    {"role": parts[0], "value": _number("amount", parts[1]), "qualifier": qualifier}
                )
            )
        return amounts
    return shown


def _record(region: _Region, source: str) -> dict[str, Any]:
    """The model fields of a region (span, kind, text and its per-region fields)."""
    data: dict[str, Any] = {"span": region.span}
    kind = region.label if region.owner == "fact" else None
    if region.owner == "fact":
        data.update(kind=kind, text=surface(region.text), value=None)
    for name, shown in region.fields.items():
        control = _CONTROLS[name]
        data[control.field] = _read(control, shown, kind)
    if region.owner == "article":
        data.setdefault("title", None)
    return data


def _errors(err: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(x) for x in e['loc']) or 'record'}: {e['msg'].removeprefix('Value error, ')}"
        for e in err.errors()
    )


def _document(source: str, text: str, regions: list[_Region]) -> tuple[Document, list[str]]:
    problems: list[str] = []
    articles: list[tuple[_Region, Article]] = []
    members: list[tuple[_Region, Fact | Case]] = []
    for region in regions:
        try:
            data = _record(region, source)
            model = {"article": Article, "fact": Fact, "case": Case}[region.owner]
            built = model.model_validate(data)
        except _Unmappable as err:
            problems.append(f"region {region.id} {_describe(region)}: {err}")
            continue
        except ValidationError as err:
            problems.append(f"region {region.id} {_describe(region)}: {_errors(err)}")
            continue
        if isinstance(built, Article):
            articles.append((region, built))
        else:
            members.append((region, built))
    for region, built in members:
        holders = [
            a for r, a in articles if a.span[0] <= region.span[0] and region.span[1] <= a.span[1]
        ]
        if len(holders) != 1:
            where = "in no article region" if not holders else "in two article regions"
            problems.append(f"region {region.id} {_describe(region)}: {where}")
            continue
        if isinstance(built, Fact):
            holders[0].facts.append(built)
        else:
            holders[0].cases.append(built)
    return Document(source=source, articles=[a for _, a in articles]), problems


def import_export(
    tasks: list[dict[str, Any]], name: str = "export"
) -> tuple[list[Document], list[ImportProblem]]:
    """Gold documents from the tasks of a Label Studio export, and every problem found."""
    documents: list[Document] = []
    problems: list[ImportProblem] = []
    seen: set[str] = set()
    for number, task in enumerate(tasks, 1):
        data = task.get("data") or {}
        source, text = data.get("source"), data.get(TEXT)
        where = f"{name}:task {task.get('id', number)}" + (f" ({source})" if source else "")
        if not isinstance(source, str) or not isinstance(text, str):
            problems.append(ImportProblem(where, f"data needs 'source' and '{TEXT}' strings"))
            continue
        if source in seen:
            problems.append(ImportProblem(where, "a second task for this source"))
            continue
        seen.add(source)
        annotation = _annotation(task)
        if annotation is None:
            problems.append(ImportProblem(where, "no submitted annotation"))
            continue
        regions, found = _regions(annotation.get("result") or [], text)
        document, more = _document(source, text, regions)
        problems += [ImportProblem(where, line) for line in (*found, *more)]
        documents.append(document)
    return documents, problems
