"""One source's review page: its text as in the original, every fact highlighted by kind,
cases as cards beside their spans, a summary per article and, with gold, the differences.

The page is one self-contained HTML file: the style sheet and the script (``review.css``,
``review.js``, next to this module) are written into it, and it names no other file but the
index it links back to. Everything that is not source text (article headers, case cards) is
marked ``data-nosrc``, so the text nodes outside those elements are exactly the source
text and each fact's element covers exactly ``text[start:end]`` of its record.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from ..evaluation.scoring import ATTRIBUTES, KINDS, Evaluation, prf
from ..models import Article, Case, Document, Fact
from ..repair import surface_view
from .compare import DIFFERENCES, Comparison, Mark
from .layers import Layer, nest

__all__ = [
    "FIELDS",
    "PALETTE",
    "asset",
    "document_page",
    "kind_style",
    "page_shell",
    "scores_table",
]

FIELDS = ("value", "high", "unit", "qualifier", "subject", "action", "change", "basis", "resolved")
"""The fields a fact's tooltip shows, in order."""

PALETTE = ("#f6c453", "#7cc6f2", "#9be08f", "#f29bc4", "#c3a6f5", "#f5a36c", "#6fd6c9", "#d9d97a")
"""Background colours of the fact kinds, in :data:`KINDS` order (then round again)."""

STATUS_NAMES = {
    "missed": "missed (gold only)",
    "spurious": "spurious (no gold)",
    "wrong": "wrong span or value",
    "subject": "wrong subject",
}

RANK_ARTICLE, RANK_CASE, RANK_LAYOUT, RANK_FACT, RANK_MISSED = range(5)


@cache
def asset(name: str) -> str:
    """The text of ``review.css`` or ``review.js``."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def kind_style() -> str:
    """One CSS rule per fact kind: its colour."""
    rules = [f".k-{kind}{{--kind:{PALETTE[i % len(PALETTE)]}}}" for i, kind in enumerate(KINDS)]
    return "\n".join(rules)


def page_shell(title: str, body: str, data: dict[str, Any] | None = None) -> str:
    """A whole HTML page: the style sheet, ``body``, the page's data as JSON and the script."""
    script = ""
    if data is not None:
        payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        script = (
            f'<script type="application/json" id="review-data">{payload}</script>\n'
            f"<script>\n{asset('review.js')}</script>\n"
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{asset('review.css')}{kind_style()}\n</style>\n</head>\n<body>\n"
        f"{body}\n{script}</body>\n</html>\n"
    )


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def _fields(fact: Fact) -> dict[str, Any]:
    data = fact.model_dump(mode="json")
    return {name: data.get(name) for name in ("kind", "text", "span", *FIELDS)}


def _article_of(articles: Sequence[Article], start: int) -> int:
    for a, article in enumerate(articles):
        if article.span[0] <= start < article.span[1]:
            return a
    return -1


def _legend(with_gold: bool) -> str:
    kinds = "".join(f'<span class="chip fact k-{k}">{escape(k)}</span>' for k in KINDS)
    statuses = ""
    if with_gold:
        statuses = "".join(
            f'<span class="chip fact s-{s}">{escape(STATUS_NAMES[s])}</span>' for s in DIFFERENCES
        )
        statuses = f'<span class="legend-part">against gold: {statuses}</span>'
    return (
        f'<div class="legend"><span class="legend-part">kinds: {kinds}'
        f'<span class="chip case-chip">case</span></span>{statuses}</div>'
    )


def _pct(value: float) -> str:
    return f"{value:.3f}"


def scores_table(result: Evaluation) -> str:
    """The scores ``extractor evaluate`` gives these documents, as a small table."""
    total = result.facts["all"]
    rows = []
    for name, tp in (("strict", total.strict), ("exact", total.exact), ("partial", total.partial)):
        s = prf(tp, total.pred, total.gold)
        rows.append(
            f"<tr><th>facts {name}</th><td>{_pct(s['precision'])}</td>"
            f"<td>{_pct(s['recall'])}</td><td>{_pct(s['f1'])}</td></tr>"
        )
    cases = result.cases.to_dict()
    for name, s in (("cases detected", cases["detection"]), ("case amounts", cases["amounts"])):
        rows.append(
            f"<tr><th>{name}</th><td>{_pct(s['precision'])}</td><td>{_pct(s['recall'])}</td>"
            f"<td>{_pct(s['f1'])}</td></tr>"
        )
    titles = result.articles.to_dict()["titles"]
    rows.append(
        f"<tr><th>article titles</th><td>{_pct(titles['precision'])}</td>"
        f"<td>{_pct(titles['recall'])}</td><td>{_pct(titles['f1'])}</td></tr>"
    )
    accuracy = " ".join(
        f"{name} {_pct(a)}" if (a := total.accuracy(name)) is not None else f"{name} -"
        for name in ATTRIBUTES
    )
    return (
        '<table class="scores"><caption>scores against gold (SPEC §6, as <code>extractor '
        f"evaluate</code>): {total.pred} facts predicted, {total.gold} in gold (dates without a "
        "value are not scored)</caption>"
        "<tr><th></th><th>P</th><th>R</th><th>F1</th></tr>"
        + "".join(rows)
        + f'<tr><th>on strict matches</th><td colspan="3">{escape(accuracy)}</td></tr></table>'
    )


def _describe(mark: Mark) -> str:
    """One line saying what is wrong with a mark."""
    fact = mark.fact
    if mark.status == "missed":
        return f"gold {fact.value} {fact.unit or ''} subject {fact.subject}"
    if mark.status == "spurious":
        return f"{fact.value} {fact.unit or ''}, not in gold"
    gold = mark.gold
    assert gold is not None
    if mark.status == "subject":
        return f"subject {fact.subject} (gold {gold.subject})"
    parts = [f"{name} {getattr(fact, name)} (gold {getattr(gold, name)})" for name in mark.differs]
    return "; ".join(parts)


def _differences(comparison: Comparison) -> str:
    items = []
    for n, mark in enumerate(comparison.differences):
        fact = mark.fact
        items.append(
            f'<li><a href="#{mark.id}" data-target="{mark.id}" data-diff="{n}">'
            f'<span class="badge s-{mark.status}">{escape(str(mark.status))}</span> '
            f"{escape(fact.kind)} 「{escape(fact.text)}」 [{fact.span[0]}, {fact.span[1]}) "
            f"{escape(_describe(mark))}</a></li>"
        )
    counts = Counter(m.status for m in comparison.differences)
    summary = ", ".join(f"{counts[s]} {s}" for s in DIFFERENCES)
    return (
        f'<section class="differences"><h2>Differences ({len(items)}: {summary})</h2>'
        '<p class="keys">Keys: <kbd>n</kbd>/<kbd>j</kbd> next difference, <kbd>p</kbd>/'
        "<kbd>k</kbd> previous, <kbd>Esc</kbd> hide the fields. "
        '<span id="diff-position"></span></p>'
        f'<ol class="diffs">{"".join(items)}</ol></section>'
    )


def _summary(document: Document, marks: Iterable[Mark], with_gold: bool) -> str:
    per_article: dict[int, Counter[str]] = {}
    for mark in marks:
        a = _article_of(document.articles, mark.fact.span[0])
        counter = per_article.setdefault(a, Counter())
        if mark.predicted:
            counter[mark.fact.kind] += 1
        if mark.status is not None:
            counter[f"status:{mark.status}"] += 1
    header = ["#", "title", "span", *KINDS, "facts", "cases", "amounts"]
    if with_gold:
        header += list(DIFFERENCES)
    rows = []
    for a, article in enumerate(document.articles):
        c = per_article.get(a, Counter())
        cells = [
            f'<a href="#a{a}">{a + 1}</a>',
            escape(article.title or "(no title)"),
            f"[{article.span[0]}, {article.span[1]})",
            *(str(c[k]) if c[k] else "" for k in KINDS),
            str(len(article.facts)),
            str(len(article.cases)),
            str(sum(len(case.amounts) for case in article.cases)),
        ]
        if with_gold:
            cells += [str(c[f"status:{s}"]) if c[f"status:{s}"] else "" for s in DIFFERENCES]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    return (
        f'<table class="summary"><caption>articles</caption><tr>{head}</tr>{"".join(rows)}</table>'
    )


def _case_card(n: int, case: Case) -> str:
    rows = []
    for name in ("title", "date", "agency", "victims", "suspects", "suspect_count"):
        value = getattr(case, name)
        shown = "、".join(value) if isinstance(value, list) else _number(value)
        rows.append(f"<tr><th>{name}</th><td>{escape(shown)}</td></tr>")
    rows.append(f"<tr><th>category</th><td>{escape(case.category)}</td></tr>")
    rows.append(f"<tr><th>outcome</th><td>{escape(case.outcome)}</td></tr>")
    amounts = "".join(
        f"<li>{escape(a.role)}: {_number(a.model_dump(mode='json')['value'])}"
        f"{'' if a.qualifier == 'exact' else ' (' + escape(a.qualifier) + ')'}</li>"
        for a in case.amounts
    )
    rows.append(f'<tr><th>amounts</th><td><ul class="amounts">{amounts}</ul></td></tr>')
    return (
        f'<aside class="case-card" data-nosrc=""><b>case {n + 1}</b> '
        f"[{case.span[0]}, {case.span[1]})<table>{''.join(rows)}</table></aside>"
    )


def _article_head(a: int, article: Article) -> str:
    return (
        f'<header class="article-head" data-nosrc="">article {a + 1}: '
        f"<b>{escape(article.title or '(no title)')}</b> [{article.span[0]}, {article.span[1]}) "
        f"· {len(article.facts)} facts · {len(article.cases)} cases</header>"
    )


def _title_span(text: str, article: Article) -> tuple[int, int] | None:
    """Where the article's title stands in its text (through line breaks), if it does."""
    if not article.title:
        return None
    start, end = article.span
    view = surface_view(text[start:end])
    at = view.text.find(article.title)
    if at < 0:
        return None
    s, e = view.original_span(at, at + len(article.title))
    return start + s, start + e


def layers(text: str, document: Document, marks: Sequence[Mark]) -> list[Layer]:
    """Every element drawn over the text: articles, titles, datelines, headings, cases and
    facts (missed gold facts last, innermost)."""
    drawn: list[Layer] = []
    case_number = 0
    for a, article in enumerate(document.articles):
        start, end = article.span
        if start < end:
            drawn.append(
                Layer(
                    start,
                    end,
                    RANK_ARTICLE,
                    "section",
                    (("class", "article"),),
                    (("id", f"a{a}"),),
                    _article_head(a, article),
                )
            )
        title = _title_span(text, article)
        if title and title[0] < title[1]:
            drawn.append(Layer(*title, RANK_LAYOUT, "span", (("class", "title"),)))
        if article.dateline is not None and article.dateline.span[0] < article.dateline.span[1]:
            drawn.append(
                Layer(*article.dateline.span, RANK_LAYOUT, "span", (("class", "dateline"),))
            )
        for heading in article.headings or []:
            if heading.span[0] < heading.span[1]:
                drawn.append(Layer(*heading.span, RANK_LAYOUT, "span", (("class", "heading"),)))
        for case in article.cases:
            if case.span[0] < case.span[1]:
                drawn.append(
                    Layer(
                        *case.span,
                        RANK_CASE,
                        "span",
                        (("class", "case"), ("data-case", f"c{case_number}")),
                        (("id", f"c{case_number}"),),
                        _case_card(case_number, case),
                    )
                )
            case_number += 1
    for order, mark in enumerate(marks):
        status = f" s-{mark.status}" if mark.status else ""
        attrs: tuple[tuple[str, str], ...] = (
            ("class", f"fact k-{mark.fact.kind}{status}"),
            ("data-mark", mark.id),
        )
        if mark.predicted:
            attrs += (("data-fact", mark.id),)
        rank = RANK_FACT if mark.predicted else RANK_MISSED
        drawn.append(
            Layer(
                *mark.fact.span,
                rank,
                "mark",
                attrs,
                (("id", mark.id), ("tabindex", "0")),
                order=order,
            )
        )
    return drawn


def page_data(document: Document, comparison: Comparison) -> dict[str, Any]:
    """What the script reads: every mark's fields (and its gold fact's) and the differences."""
    marks = {}
    for mark in comparison.marks:
        marks[mark.id] = {
            "fields": _fields(mark.fact),
            "status": mark.status,
            "differs": list(mark.differs),
            "gold": _fields(mark.gold) if mark.gold is not None and mark.predicted else None,
        }
    return {
        "source": document.source,
        "facts": sum(1 for m in comparison.marks if m.predicted),
        "fields": list(FIELDS),
        "marks": marks,
        "differences": [m.id for m in comparison.differences],
    }


def document_page(
    text: str | None,
    document: Document,
    comparison: Comparison,
    *,
    index: str | None = None,
    gold_note: str | None = None,
) -> str:
    """The review page of one source; ``index`` is the relative link to the index page;
    ``gold_note`` says why a page rendered with ``--gold`` has no comparison."""
    with_gold = comparison.scores is not None
    facts = sum(len(a.facts) for a in document.articles)
    cases = sum(len(a.cases) for a in document.articles)
    parts = []
    if index is not None:
        parts.append(f'<nav><a href="{escape(index)}">← all files</a></nav>')
    parts.append(f"<h1>{escape(document.source)}</h1>")
    parts.append(
        f'<p class="meta">{len(document.articles)} articles, {facts} facts, {cases} cases'
        + (f"; {escape(gold_note)}" if gold_note else "")
        + "</p>"
    )
    if document.error:
        parts.append(f'<p class="error">error: {escape(document.error)}</p>')
    parts.append(_legend(with_gold))
    if comparison.scores is not None:
        parts.append(scores_table(comparison.scores))
        parts.append(_differences(comparison))
    parts.append(_summary(document, comparison.marks, with_gold))
    if text is None:
        source = '<p class="error">the source text could not be read</p>'
    else:
        drawn = layers(text, document, comparison.marks)
        fitting = [x for x in drawn if x.end <= len(text)]
        if len(fitting) < len(drawn):
            parts.append(
                f'<p class="error">{len(drawn) - len(fitting)} spans run past the end of the '
                "text and are not drawn: is the record of another version of this file?</p>"
            )
        body = nest(text, fitting)
        source = f'<main class="source" id="source">{body}</main>'
    head = '<div class="head">' + "".join(parts) + "</div>"
    tip = '<div id="tip" role="tooltip" hidden></div>'
    return page_shell(
        f"{document.source} · extractor review",
        f"{head}\n{source}\n{tip}",
        page_data(document, comparison),
    )
