"""Formatting an :class:`~extractor.evaluation.scoring.Evaluation` for a terminal."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Fact
from .scoring import KINDS, Evaluation, FactCounts, Miss, prf

__all__ = ["format_misses", "format_table"]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join(
            [first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))]
        )

    rule = "  ".join("-" * w for w in widths)
    return [line(header), rule, *(line(r) for r in rows)]


def _f(value: float) -> str:
    return f"{value:.3f}"


def _fact_row(name: str, c: FactCounts) -> list[str]:
    exact = prf(c.exact, c.pred, c.gold)
    partial = prf(c.partial, c.pred, c.gold)
    strict = prf(c.strict, c.pred, c.gold)
    subject = f"{c.subject_right / c.subject_total:.3f}" if c.subject_total else "-"
    return [
        name,
        str(c.pred),
        str(c.gold),
        _f(exact["f1"]),
        _f(partial["f1"]),
        _f(strict["precision"]),
        _f(strict["recall"]),
        _f(strict["f1"]),
        subject,
    ]


def format_table(result: Evaluation) -> str:
    """The evaluation as aligned text tables: facts per kind with a total row, cases,
    articles, and per file."""
    out: list[str] = [
        "Facts (F1 per measure; strict also P and R; subject = accuracy on strict matches)",
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
        "subject",
    ]
    rows = [_fact_row(kind, result.facts[kind]) for kind in KINDS]
    rows.append(_fact_row("all (micro)", result.facts["all"]))
    out += _table(header, rows)

    cases = result.cases.to_dict()
    d = cases["detection"]
    out += ["", "Cases", ""]
    out += _table(
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
    out += ["", *_table(["field (accuracy over matched)", "score"], field_rows)]

    art = result.articles.to_dict()
    titles = art["titles"]
    out += ["", "Articles", ""]
    out += _table(
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

    out += ["", "Per file", ""]
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
    out += _table(["file", "facts pred", "facts gold", "strict F1", "articles", "cases"], file_rows)
    if result.missing_pred:
        out += ["", f"no prediction for (scored as empty): {', '.join(result.missing_pred)}"]
    if result.missing_gold:
        out += ["", f"no gold for (scored as empty): {', '.join(result.missing_gold)}"]
    return "\n".join(out) + "\n"


def _describe(fact: Fact) -> str:
    parts = [f"{fact.text!r} {list(fact.span)}", f"value={fact.value}"]
    if fact.high is not None:
        parts.append(f"high={fact.high}")
    parts += [f"unit={fact.unit}", f"qualifier={fact.qualifier}"]
    return " ".join(parts)


def format_misses(
    result: Evaluation, sentence_of: Callable[[str, tuple[int, int]], str | None]
) -> str:
    """Missed, spurious and wrong facts, each with the sentence it stands in."""
    out: list[str] = []
    order = {"missed": 0, "spurious": 1, "wrong": 2}
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
        if miss.category == "wrong":
            head += f" ({', '.join(miss.differs)})"
        out.append(head)
        if miss.gold is not None:
            out.append(f"    gold: {_describe(miss.gold)}")
        if miss.predicted is not None:
            out.append(f"    pred: {_describe(miss.predicted)}")
        sentence = sentence_of(miss.source, fact.span)
        if sentence:
            out.append(f"    in:   {sentence}")
    return "\n".join(out) + ("\n" if out else "")
