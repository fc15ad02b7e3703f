"""Scores of predicted documents against gold documents, exactly as SPEC §6 says.

Facts: per document, kind by kind, matched one to one greedily by overlap; counted under
``exact`` (same span), ``partial`` (overlap) and ``strict`` (same span, and value, high, unit,
qualifier equal; numbers within 0.0005); ``subject``, ``action``, ``change`` and ``basis``
accuracy over strict matches of kinds other than date (subject by SPEC's common-substring
rule, the other three as equal strings or both null). Date facts whose value is null are
ignored on both sides. Cases: matched when they share half of the shorter span; detection
P/R/F1, per-field accuracy over matched cases, amounts F1 over (role, value rounded to a
whole unit) pairs of matched cases.
Articles: count per document, and title F1 (non-null titles, as multisets).
:func:`evaluate_by_folder` gives the same scores for each top-level folder of the sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, get_args

from ..lexicons import package_kinds
from ..models import Case, Document, Fact, FactKind, scored_fields
from .matching import greedy_match, half_of_shorter

__all__ = [
    "CaseScore",
    "Evaluation",
    "FactCounts",
    "Miss",
    "attribute_right",
    "evaluate",
    "evaluate_by_folder",
    "folder_of",
    "longest_common_substring",
    "prf",
    "same_value",
    "subject_right",
]

KINDS: tuple[str, ...] = get_args(FactKind)
"""Every fact kind of SPEC §3, in the model's order (scored kind by kind)."""
ATTRIBUTE_KINDS = frozenset(k.name for k in package_kinds().kind if k.subject != "none")
"""The kinds whose strict matches are scored on their attributes (all but dates)."""
STRICT_FIELDS = scored_fields(Fact, "strict")
"""The fields that must be equal for a fact to be strictly right (with its span; SPEC §6)."""
ATTRIBUTES = scored_fields(Fact, "attribute")
"""The fields scored as accuracy over strict non-date matches (SPEC §6)."""
CASE_FIELDS = scored_fields(Case, "field")
"""The case fields scored as accuracy over matched cases (SPEC §6)."""
TOLERANCE = Decimal("0.0005")


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1; 0 where undefined (nothing predicted or nothing to find).

    >>> prf(2, 4, 2)
    {'precision': 0.5, 'recall': 1.0, 'f1': 0.6667}
    """
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def same_value(a: Decimal | str | None, b: Decimal | str | None) -> bool:
    """Numbers equal within 0.0005; strings (TIMEX3, units) exactly; ``None`` only with ``None``."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return abs(a - b) <= TOLERANCE
    return a == b


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest common substring.

    >>> longest_common_substring("电信网络诈骗案件", "诈骗案件")
    4
    """
    best = 0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def subject_right(predicted: str | None, gold: str | None) -> bool:
    """SPEC's subject rule: both null, or a common substring at least half the longer one."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    longer = max(len(predicted), len(gold))
    return 2 * longest_common_substring(predicted, gold) >= longer


def attribute_right(name: str, predicted: Fact, gold: Fact) -> bool:
    """One of :data:`ATTRIBUTES` scored as SPEC §6 says: the subject by
    :func:`subject_right`, action, change and basis as equal strings or both null."""
    if name == "subject":
        return subject_right(predicted.subject, gold.subject)
    return bool(getattr(predicted, name) == getattr(gold, name))


def _strict(p: Fact, g: Fact) -> list[str]:
    """What differs between two facts under ``strict`` (empty when strictly right)."""
    wrong = []
    if p.span != g.span:
        wrong.append("span")
    for name in STRICT_FIELDS:
        if not same_value(getattr(p, name), getattr(g, name)):
            wrong.append(name)
    return wrong


@dataclass
class FactCounts:
    """Counts for one kind (or all kinds) over some documents."""

    pred: int = 0
    gold: int = 0
    exact: int = 0
    partial: int = 0
    strict: int = 0
    attributes_total: int = 0
    """Strict matches of kinds other than date: the denominator of every attribute's accuracy."""
    attributes_right: Counter[str] = field(default_factory=Counter)

    def add(self, other: FactCounts) -> None:
        for name in ("pred", "gold", "exact", "partial", "strict", "attributes_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.attributes_right.update(other.attributes_right)

    def accuracy(self, attribute: str) -> float | None:
        """Right / strict non-date matches for one of :data:`ATTRIBUTES`; None with no match."""
        if not self.attributes_total:
            return None
        return self.attributes_right[attribute] / self.attributes_total

    def to_dict(self) -> dict[str, Any]:
        scores: dict[str, Any] = {
            "pred": self.pred,
            "gold": self.gold,
            "exact": prf(self.exact, self.pred, self.gold),
            "partial": prf(self.partial, self.pred, self.gold),
            "strict": prf(self.strict, self.pred, self.gold),
        }
        for name in ATTRIBUTES:
            accuracy = self.accuracy(name)
            scores[name] = {
                "right": self.attributes_right[name],
                "total": self.attributes_total,
                "accuracy": round(accuracy, 4) if accuracy is not None else 0.0,
            }
        return scores


@dataclass(frozen=True)
class Miss:
    """One fact error, kept for ``--misses``: missed (gold only), spurious (prediction only),
    wrong (matched, not strictly right: ``differs`` names the fields) or attribute (strictly
    right, but ``differs`` names the attributes of SPEC §6 that are not: subject, action …)."""

    source: str
    kind: str
    category: str
    predicted: Fact | None
    gold: Fact | None
    differs: tuple[str, ...] = ()


@dataclass
class CaseScore:
    pred: int = 0
    gold: int = 0
    matched: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    amounts_tp: int = 0
    amounts_pred: int = 0
    amounts_gold: int = 0

    def add(self, other: CaseScore) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.matched += other.matched
        self.fields.update(other.fields)
        self.amounts_tp += other.amounts_tp
        self.amounts_pred += other.amounts_pred
        self.amounts_gold += other.amounts_gold

    def to_dict(self) -> dict[str, Any]:
        fields = {
            name: round(self.fields[name] / self.matched, 4) if self.matched else 0.0
            for name in CASE_FIELDS
        }
        return {
            "pred": self.pred,
            "gold": self.gold,
            "matched": self.matched,
            "detection": prf(self.matched, self.pred, self.gold),
            "fields": fields,
            "amounts": prf(self.amounts_tp, self.amounts_pred, self.amounts_gold),
        }


@dataclass
class ArticleScore:
    documents: int = 0
    count_right: int = 0
    pred: int = 0
    gold: int = 0
    titles_tp: int = 0
    titles_pred: int = 0
    titles_gold: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "count_right": self.count_right,
            "count_accuracy": round(self.count_right / self.documents, 4)
            if self.documents
            else 0.0,
            "pred": self.pred,
            "gold": self.gold,
            "titles": prf(self.titles_tp, self.titles_pred, self.titles_gold),
        }


@dataclass
class FileScore:
    source: str
    facts: FactCounts
    articles_pred: int
    articles_gold: int
    cases_pred: int
    cases_gold: int


@dataclass
class Evaluation:
    """All scores of one run; :meth:`to_dict` is what ``evaluate --json`` prints."""

    facts: dict[str, FactCounts]
    cases: CaseScore
    articles: ArticleScore
    files: list[FileScore]
    misses: list[Miss]
    missing_pred: list[str]
    missing_gold: list[str]

    @property
    def strict_f1(self) -> float:
        total = self.facts["all"]
        return prf(total.strict, total.pred, total.gold)["f1"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "facts": {kind: counts.to_dict() for kind, counts in self.facts.items()},
            "cases": self.cases.to_dict(),
            "articles": self.articles.to_dict(),
            "files": {
                f.source: {
                    "facts": f.facts.to_dict(),
                    "articles": {"pred": f.articles_pred, "gold": f.articles_gold},
                    "cases": {"pred": f.cases_pred, "gold": f.cases_gold},
                }
                for f in self.files
            },
            "documents": {
                "missing_predictions": self.missing_pred,
                "missing_gold": self.missing_gold,
            },
        }


def _facts(document: Document | None) -> list[Fact]:
    if document is None:
        return []
    return [f for a in document.articles for f in a.facts if f.value is not None]


def _cases(document: Document | None) -> list[Case]:
    return [] if document is None else [c for a in document.articles for c in a.cases]


def score_facts(
    source: str, predicted: list[Fact], gold: list[Fact]
) -> tuple[dict[str, FactCounts], list[Miss]]:
    counts: dict[str, FactCounts] = {}
    misses: list[Miss] = []
    for kind in KINDS:
        p_list = [f for f in predicted if f.kind == kind]
        g_list = [f for f in gold if f.kind == kind]
        c = FactCounts(pred=len(p_list), gold=len(g_list))
        pairs = greedy_match([f.span for f in p_list], [f.span for f in g_list])
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            p, g = p_list[i], g_list[j]
            c.partial += 1
            c.exact += p.span == g.span
            differs = _strict(p, g)
            if not differs:
                c.strict += 1
                if kind in ATTRIBUTE_KINDS:
                    c.attributes_total += 1
                    wrong = []
                    for name in ATTRIBUTES:
                        right = attribute_right(name, p, g)
                        c.attributes_right[name] += right
                        if not right:
                            wrong.append(name)
                    if wrong:
                        misses.append(Miss(source, kind, "attribute", p, g, tuple(wrong)))
            else:
                misses.append(Miss(source, kind, "wrong", p, g, tuple(differs)))
        misses.extend(
            Miss(source, kind, "missed", None, g)
            for j, g in enumerate(g_list)
            if j not in matched_g
        )
        misses.extend(
            Miss(source, kind, "spurious", p, None)
            for i, p in enumerate(p_list)
            if i not in matched_p
        )
        counts[kind] = c
    return counts, misses


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score_cases(predicted: list[Case], gold: list[Case]) -> CaseScore:
    score = CaseScore(pred=len(predicted), gold=len(gold))
    for i, j in greedy_match([c.span for c in predicted], [c.span for c in gold], half_of_shorter):
        p, g = predicted[i], gold[j]
        score.matched += 1
        for name in CASE_FIELDS:
            a, b = getattr(p, name), getattr(g, name)
            right = set(a) == set(b) if isinstance(a, list) else a == b
            score.fields[name] += right
        p_amounts = Counter((a.role, _whole(a.value)) for a in p.amounts)
        g_amounts = Counter((a.role, _whole(a.value)) for a in g.amounts)
        score.amounts_tp += sum((p_amounts & g_amounts).values())
        score.amounts_pred += sum(p_amounts.values())
        score.amounts_gold += sum(g_amounts.values())
    return score


def score_articles(predicted: Document | None, gold: Document | None, score: ArticleScore) -> None:
    p_articles = predicted.articles if predicted else []
    g_articles = gold.articles if gold else []
    score.documents += 1
    score.count_right += len(p_articles) == len(g_articles)
    score.pred += len(p_articles)
    score.gold += len(g_articles)
    p_titles = Counter(a.title for a in p_articles if a.title is not None)
    g_titles = Counter(a.title for a in g_articles if a.title is not None)
    score.titles_tp += sum((p_titles & g_titles).values())
    score.titles_pred += sum(p_titles.values())
    score.titles_gold += sum(g_titles.values())


def evaluate(predicted: Iterable[Document], gold: Iterable[Document]) -> Evaluation:
    """Score predicted documents against gold documents, paired by ``source``."""
    p_docs = {d.source: d for d in predicted}
    g_docs = {d.source: d for d in gold}
    totals = {kind: FactCounts() for kind in (*KINDS, "all")}
    cases = CaseScore()
    articles = ArticleScore()
    files: list[FileScore] = []
    misses: list[Miss] = []
    for source in sorted(set(p_docs) | set(g_docs)):
        p_doc, g_doc = p_docs.get(source), g_docs.get(source)
        counts, doc_misses = score_facts(source, _facts(p_doc), _facts(g_doc))
        misses.extend(doc_misses)
        file_total = FactCounts()
        for kind, c in counts.items():
            totals[kind].add(c)
            file_total.add(c)
        totals["all"].add(file_total)
        p_cases, g_cases = _cases(p_doc), _cases(g_doc)
        cases.add(score_cases(p_cases, g_cases))
        score_articles(p_doc, g_doc, articles)
        files.append(
            FileScore(
                source,
                file_total,
                len(p_doc.articles) if p_doc else 0,
                len(g_doc.articles) if g_doc else 0,
                len(p_cases),
                len(g_cases),
            )
        )
    return Evaluation(
        facts=totals,
        cases=cases,
        articles=articles,
        files=files,
        misses=misses,
        missing_pred=sorted(set(g_docs) - set(p_docs)),
        missing_gold=sorted(set(p_docs) - set(g_docs)),
    )


TOP_LEVEL = "(top level)"
"""The folder name :func:`folder_of` gives a source that is not in a sub-folder."""


def folder_of(source: str) -> str:
    """The top-level folder of a source path, or :data:`TOP_LEVEL`.

    >>> folder_of("police/po01.txt"), folder_of("d01.txt")
    ('police', '(top level)')
    """
    head, slash, _ = source.partition("/")
    return head if slash else TOP_LEVEL


def evaluate_by_folder(
    predicted: Iterable[Document], gold: Iterable[Document]
) -> dict[str, Evaluation]:
    """:func:`evaluate` for each top-level folder of the sources (``police/po01.txt`` is in
    ``police``), in folder order with the top level first."""
    groups: dict[str, tuple[list[Document], list[Document]]] = {}
    for side, documents in enumerate((predicted, gold)):
        for document in documents:
            groups.setdefault(folder_of(document.source), ([], []))[side].append(document)
    order = sorted(groups, key=lambda name: (name != TOP_LEVEL, name))
    return {name: evaluate(*groups[name]) for name in order}
