"""A record's facts set against gold, fact by fact, for a review page.

The pairing is SPEC §6's, the one ``extractor evaluate`` scores: kind by kind, greedily by
largest overlap, date facts whose value is null left out on both sides. A predicted fact is
``ok`` (strictly right, subject right), ``subject`` (strictly right, subject wrong by SPEC's
rule; dates have none), ``wrong`` (matched, but span, value, high, unit or qualifier differ:
``differs`` names them) or ``spurious`` (no gold fact); a gold fact nobody found is
``missed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..evaluation.matching import greedy_match
from ..evaluation.scoring import (
    ATTRIBUTE_KINDS,
    KINDS,
    STRICT_FIELDS,
    Evaluation,
    evaluate,
    same_value,
    subject_right,
)
from ..models import Document, Fact

__all__ = ["Comparison", "Mark", "Status", "compare", "marks_of"]

Status = Literal["ok", "subject", "wrong", "spurious", "missed"]
"""How a highlighted fact stands against gold (see the module's docstring)."""

DIFFERENCES: tuple[Status, ...] = ("missed", "spurious", "wrong", "subject")
"""The statuses listed as differences, in the order of the page's legend."""


@dataclass(frozen=True)
class Mark:
    """One highlighted fact: a fact of the record (``id`` ``p<n>``, its place among the
    record's facts in order) or a gold fact nobody found (``g<n>``, its place in gold).
    ``status`` is None without gold and for date facts with a null value (not scored)."""

    id: str
    article: int
    fact: Fact
    status: Status | None = None
    gold: Fact | None = None
    differs: tuple[str, ...] = ()

    @property
    def predicted(self) -> bool:
        return self.id.startswith("p")


@dataclass(frozen=True)
class Comparison:
    """The marks of one document (the record's facts in order, then the missed gold facts)
    and, with gold, the scores of the file as ``extractor evaluate`` computes them."""

    marks: tuple[Mark, ...]
    scores: Evaluation | None

    @property
    def differences(self) -> tuple[Mark, ...]:
        """Marks that are not right, in text order (for the list and the keyboard)."""
        wrong = [m for m in self.marks if m.status in DIFFERENCES]
        return tuple(sorted(wrong, key=lambda m: (m.fact.span, not m.predicted)))


def _indexed(document: Document | None, prefix: str) -> list[tuple[str, int, Fact]]:
    if document is None:
        return []
    found = []
    for a, article in enumerate(document.articles):
        for fact in article.facts:
            found.append((f"{prefix}{len(found)}", a, fact))
    return found


def marks_of(document: Document) -> tuple[Mark, ...]:
    """The record's facts as marks with no status (no gold)."""
    return tuple(Mark(i, a, f) for i, a, f in _indexed(document, "p"))


def _differs(p: Fact, g: Fact) -> tuple[str, ...]:
    """The fields that keep a matched pair from being strictly right (SPEC §6)."""
    wrong = ["span"] if p.span != g.span else []
    wrong += [n for n in STRICT_FIELDS if not same_value(getattr(p, n), getattr(g, n))]
    return tuple(wrong)


def compare(predicted: Document, gold: Document | None) -> Comparison:
    """Mark every fact of ``predicted`` against ``gold`` (no statuses when gold is None).

    >>> from decimal import Decimal
    >>> def money(span, value, subject):
    ...     return {"kind": "money", "text": "x", "span": span, "value": value, "subject": subject}
    >>> def doc(*facts):
    ...     return Document.model_validate(
    ...         {"source": "a.txt", "articles": [{"title": None, "span": [0, 99], "facts": facts}]}
    ...     )
    >>> p = doc(money([0, 2], 5, "赃款"), money([10, 12], 7, "x"), money([20, 22], 1, "x"))
    >>> g = doc(money([0, 2], 5, "诈骗"), money([10, 13], 7, "x"), money([30, 32], 1, "x"))
    >>> [(m.id, m.status, m.differs) for m in compare(p, g).marks]
    [('p0', 'subject', ()), ('p1', 'wrong', ('span',)), ('p2', 'spurious', ()), ('g2', 'missed', ())]
    """
    predicted_facts = _indexed(predicted, "p")
    if gold is None:
        return Comparison(marks_of(predicted), None)
    gold_facts = _indexed(gold, "g")
    marks: dict[str, Mark] = {}
    missed: list[Mark] = []
    for kind in KINDS:
        p_list = [x for x in predicted_facts if x[2].kind == kind and x[2].value is not None]
        g_list = [x for x in gold_facts if x[2].kind == kind and x[2].value is not None]
        pairs = greedy_match([x[2].span for x in p_list], [x[2].span for x in g_list])
        matched_g = set()
        for i, j in pairs:
            (pid, article, p), g = p_list[i], g_list[j][2]
            matched_g.add(j)
            differs = _differs(p, g)
            if differs:
                status: Status = "wrong"
            elif kind in ATTRIBUTE_KINDS and not subject_right(p.subject, g.subject):
                status = "subject"
            else:
                status = "ok"
            marks[pid] = Mark(pid, article, p, status, g, differs)
        matched_p = {i for i, _ in pairs}
        for i, (pid, article, p) in enumerate(p_list):
            if i not in matched_p:
                marks[pid] = Mark(pid, article, p, "spurious")
        for j, (gid, article, g) in enumerate(g_list):
            if j not in matched_g:
                missed.append(Mark(gid, article, g, "missed", g))
    ordered = [marks.get(pid) or Mark(pid, a, f) for pid, a, f in predicted_facts]
    missed.sort(key=lambda m: int(m.id[1:]))
    return Comparison((*ordered, *missed), evaluate([predicted], [gold]))
