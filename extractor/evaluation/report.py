"""Formatting an :class:`~extractor.evaluation.scoring.Evaluation` for a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Fact
from .scoring import ATTRIBUTES, CASE_FIELDS, KINDS, Evaluation, FactCounts, Miss, prf

__all__ = ["format_folders", "format_misses", "format_table"]

Table = Callable[[list[str], list[list[Any]]], list[str]]
"""Lays out a header and rows: :func:`_table` (aligned text) or :func:`_markdown`."""


def _markdown(header: list[str], rows: list[list[Any]]) -> list[str]:
    """A Markdown table: the first column left-aligned, the others right-aligned."""

    def line(cells: list[Any]) -> str:
        return "| " + " | ".join(str(c) for c in cells) + " |"

    rule = "|" + "|".join([":---", *("---:" for _ in header[1:])]) + "|"
    return [line(header), rule, *(line(r) for r in rows)]


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join(
            [first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))]
        )

    rule = "  ".join("-" * w for w in widths)
    return [line(header), rule, *(line(r) for r in rows)]


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _fact_row(name: str, c: FactCounts) -> list[str]:
    exact = prf(c.exact, c.pred, c.gold)
    partial = prf(c.partial, c.pred, c.gold)
    strict = prf(c.strict, c.pred, c.gold)
    return [
        name,
        str(c.pred),
        str(c.gold),
        _f(exact["f1"]),
        _f(partial["f1"]),
        _f(strict["precision"]),
        _f(strict["recall"]),
        _f(strict["f1"]),
        *(_f(c.accuracy(name)) for name in ATTRIBUTES),
    ]


def format_table(result: Evaluation, *, markdown: bool = False, files: bool = True) -> str:
    """The evaluation as tables: facts per kind with a total row, cases, articles, and
    (``files``) per file; aligned text, or Markdown tables with ``markdown``."""
    table: Table = _markdown if markdown else _table
    out: list[str] = [
        "Facts (F1 per measure; strict also P and R; subject, action, change, basis = "
        "accuracy on strict matches other than dates)",
        "",
    ]
    header = [
        "kind",
        "pred",
        "gold",
        "exact",
        "partial",
        "strict P",
        "strict R",
        "strict F1",
        *ATTRIBUTES,
    ]
    rows = [_fact_row(kind, result.facts[kind]) for kind in KINDS]
    rows.append(_fact_row("all (micro)", result.facts["all"]))
    out += table(header, rows)

    cases = result.cases.to_dict()
    d = cases["detection"]
    out += ["", "Cases", ""]
    out += table(
        ["", "pred", "gold", "matched", "P", "R", "F1"],
        [
            [
                "detection",
                cases["pred"],
                cases["gold"],
                cases["matched"],
                _f(d["precision"]),
                _f(d["recall"]),
                _f(d["f1"]),
            ],
        ],
    )
    fields = cases["fields"]
    amounts = cases["amounts"]
    field_rows = [[name, _f(value)] for name, value in fields.items()]
    field_rows.append(["amounts (F1)", _f(amounts["f1"])])
    out += ["", *table(["field (accuracy over matched)", "score"], field_rows)]

    art = result.articles.to_dict()
    titles = art["titles"]
    out += ["", "Articles", ""]
    out += table(
        ["documents", "count right", "pred", "gold", "title P", "title R", "title F1"],
        [
            [
                art["documents"],
                art["count_right"],
                art["pred"],
                art["gold"],
                _f(titles["precision"]),
                _f(titles["recall"]),
                _f(titles["f1"]),
            ]
        ],
    )

    if files:
        out += ["", "Per file", "", *_file_table(result, table)]
    if result.missing_pred:
        out += ["", f"no prediction for (scored as empty): {', '.join(result.missing_pred)}"]
    if result.missing_gold:
        out += ["", f"no gold for (scored as empty): {', '.join(result.missing_gold)}"]
    return "\n".join(out) + "\n"


def _file_table(result: Evaluation, table: Table) -> list[str]:
    file_rows = []
    for f in result.files:
        strict = prf(f.facts.strict, f.facts.pred, f.facts.gold)
        file_rows.append(
            [
                f.source,
                f.facts.pred,
                f.facts.gold,
                _f(strict["f1"]),
                f"{f.articles_pred}/{f.articles_gold}",
                f"{f.cases_pred}/{f.cases_gold}",
            ]
        )
    return table(["file", "facts pred", "facts gold", "strict F1", "articles", "cases"], file_rows)


FOLDER_HEADER = [
    "folder",
    "files",
    "facts gold",
    "strict F1",
    *ATTRIBUTES,
    "cases gold",
    "case F1",
    "case fields",
    "amounts F1",
    "title F1",
]
"""The columns of :func:`format_folders`; ``case fields`` is the mean of the per-field
accuracies over matched cases."""


def _folder_row(name: str, result: Evaluation) -> list[Any]:
    total = result.facts["all"]
    cases = result.cases.to_dict()
    fields = cases["fields"]
    has_cases = cases["gold"] or cases["pred"]
    return [
        name,
        result.articles.documents,
        total.gold,
        _f(prf(total.strict, total.pred, total.gold)["f1"]),
        *(_f(total.accuracy(a)) for a in ATTRIBUTES),
        cases["gold"],
        _f(cases["detection"]["f1"]) if has_cases else "-",
        _f(sum(fields[n] for n in CASE_FIELDS) / len(CASE_FIELDS)) if cases["matched"] else "-",
        _f(cases["amounts"]["f1"])
        if cases["amounts"]["f1"] or result.cases.amounts_gold or result.cases.amounts_pred
        else "-",
        _f(result.articles.to_dict()["titles"]["f1"]),
    ]


def format_folders(
    folders: dict[str, Evaluation], whole: Evaluation, *, markdown: bool = False
) -> str:
    """One row per top-level folder (``evaluate --by-folder``) and a row for all of them:
    facts strict micro-F1 and attribute accuracies, case detection F1, the mean case-field
    accuracy, amounts F1 and title F1."""
    table: Table = _markdown if markdown else _table
    rows = [_folder_row(name, result) for name, result in folders.items()]
    rows.append(_folder_row("all", whole))
    return "\n".join(["By folder", "", *table(FOLDER_HEADER, rows)]) + "\n"


def _describe(fact: Fact) -> str:
    parts = [f"{fact.text!r} {list(fact.span)}", f"value={fact.value}"]
    if fact.high is not None:
        parts.append(f"high={fact.high}")
    parts += [f"unit={fact.unit}", f"qualifier={fact.qualifier}"]
    return " ".join(parts)


def _attributes(fact: Fact, names: tuple[str, ...]) -> str:
    values = " ".join(f"{name}={getattr(fact, name)!r}" for name in names)
    return f"{fact.text!r} {list(fact.span)} {values}"


def format_misses(
    result: Evaluation, sentence_of: Callable[[str, tuple[int, int]], str | None]
) -> str:
    """Missed, spurious and wrong facts, each with the sentence it stands in."""
    out: list[str] = []
    order = {"missed": 0, "spurious": 1, "wrong": 2, "attribute": 3}
    misses: list[Miss] = sorted(
        result.misses,
        key=lambda m: (
            m.source,
            ((m.gold or m.predicted).span if (m.gold or m.predicted) else (0, 0)),
            order[m.category],
        ),
    )
    for miss in misses:
        fact = miss.gold or miss.predicted
        assert fact is not None
        head = f"{miss.source} {miss.kind} {miss.category.upper()}"
        if miss.category in ("wrong", "attribute"):
            head += f" ({', '.join(miss.differs)})"
        out.append(head)
        if miss.category == "attribute":
            assert miss.gold is not None and miss.predicted is not None
            out.append(f"    gold: {_attributes(miss.gold, miss.differs)}")
            out.append(f"    pred: {_attributes(miss.predicted, miss.differs)}")
        else:
            if miss.gold is not None:
                out.append(f"    gold: {_describe(miss.gold)}")
            if miss.predicted is not None:
                out.append(f"    pred: {_describe(miss.predicted)}")
        sentence = sentence_of(miss.source, fact.span)
        if sentence:
            out.append(f"    in:   {sentence}")
    return "\n".join(out) + ("\n" if out else "")
