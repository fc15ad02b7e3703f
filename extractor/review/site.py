"""Review pages written to disk: one page for one source, or a folder with an index page
linking one page per source (``extractor render``)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..batch import Input
from ..evaluation.scoring import evaluate, prf
from ..gold.check import load_model
from ..models import Document
from ..output import output_path
from ..reading import ReadError, read_source
from .compare import DIFFERENCES, compare
from .page import document_page, page_shell, scores_table

__all__ = [
    "Reviewed",
    "collect_reviewed",
    "gold_for",
    "index_page",
    "page_path",
    "render_page",
    "write_folder",
]


@dataclass(frozen=True)
class Reviewed:
    """One source to draw: its text (None when unreadable), its record, and its gold
    document (None without ``--gold``, or when ``gold_note`` says why there is none)."""

    source: str
    text: str | None
    document: Document
    gold: Document | None = None
    gold_note: str | None = None


def gold_for(
    gold_dir: Path, source: str, file: Path | None = None
) -> tuple[Document | None, str | None, list[str]]:
    """The gold document of ``source`` in ``gold_dir`` (``a/x.txt`` → ``a/x.json``), a note
    when there is none, and the problems of an invalid gold file. When that file does not
    exist, the longest tail of the source file's own path that has one is taken
    (``render corpus/police/po01.txt --gold gold/`` finds ``gold/police/po01.json``)."""
    path = output_path(gold_dir, source)
    if not path.is_file() and file is not None:
        parts = file.resolve().parts
        for k in range(len(parts) - 1, 0, -1):
            candidate = output_path(gold_dir, Path(*parts[-k:]).as_posix())
            if candidate.is_file():
                path = candidate
                break
    if not path.is_file():
        return None, f"no gold file {output_path(gold_dir, source)}", []
    loaded = load_model(path, Document, path.as_posix())
    if isinstance(loaded, list):
        return None, None, [str(p) for p in loaded]
    return loaded.model_copy(update={"source": source}), None, []  # scored as this source


def collect_reviewed(
    inputs: Sequence[Input], documents: dict[str, Document], gold_dir: Path | None
) -> tuple[list[Reviewed], list[str]]:
    """Each input with its text, its record (an error record when ``documents`` has none)
    and its gold; and the problems of invalid gold files (nothing should be drawn then)."""
    items: list[Reviewed] = []
    problems: list[str] = []
    for item in inputs:
        try:
            text: str | None = read_source(item.path, item.source).text
        except ReadError:
            text = None
        document = documents.get(item.source) or Document(
            source=item.source, error="no record of this source in the predictions"
        )
        gold, note = None, None
        if gold_dir is not None:
            gold, note, invalid = gold_for(gold_dir, item.source, item.path)
            problems += invalid
        items.append(Reviewed(item.source, text, document, gold, note))
    return items, problems


def page_path(root: Path, source: str) -> Path:
    """``a/x.txt`` → ``root/a/x.html``.

    >>> page_path(Path("review"), "police/po01.txt").as_posix()
    'review/police/po01.html'
    """
    return output_path(root, source).with_suffix(".html")


def render_page(item: Reviewed, *, index: str | None = None) -> str:
    """The page of one source, compared with its gold when it has one."""
    comparison = compare(item.document, item.gold)
    return document_page(
        item.text, item.document, comparison, index=index, gold_note=item.gold_note
    )


def _counts(item: Reviewed) -> Counter[str]:
    if item.gold is None:
        return Counter()
    return Counter(m.status for m in compare(item.document, item.gold).marks)


def index_page(items: Sequence[Reviewed], root: Path, with_gold: bool) -> str:
    """A table of every source with a link to its page; with gold, each file's strict F1
    and differences, and the scores of all the files together."""
    header = ["file", "articles", "facts", "cases"]
    if with_gold:
        header += ["gold facts", "strict F1", *DIFFERENCES]
    rows = []
    for item in items:
        href = page_path(Path("."), item.source).as_posix()
        doc = item.document
        cells = [
            f'<a href="{escape(href)}">{escape(item.source)}</a>'
            + (f' <span class="error">{escape(doc.error)}</span>' if doc.error else ""),
            str(len(doc.articles)),
            str(sum(len(a.facts) for a in doc.articles)),
            str(sum(len(a.cases) for a in doc.articles)),
        ]
        if with_gold:
            if item.gold is None:
                cells += [escape(item.gold_note or "no gold"), "", *("" for _ in DIFFERENCES)]
            else:
                total = evaluate([doc], [item.gold]).facts["all"]
                counts = _counts(item)
                cells += [
                    str(total.gold),
                    f"{prf(total.strict, total.pred, total.gold)['f1']:.3f}",
                    *(str(counts[s]) for s in DIFFERENCES),
                ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    parts = [f"<h1>extractor review: {len(items)} files</h1>"]
    if with_gold:
        paired = [i for i in items if i.gold is not None]
        result = evaluate([i.document for i in paired], [i.gold for i in paired if i.gold])
        parts.append(scores_table(result))
    parts.append(f'<table class="index"><tr>{head}</tr>{"".join(rows)}</table>')
    return page_shell(f"extractor review · {root.name}", "\n".join(parts))


def write_folder(items: Sequence[Reviewed], root: Path, *, with_gold: bool) -> list[Path]:
    """``root/index.html`` and one page per source, mirroring the sources' layout; returns
    the paths written, the index first."""
    root.mkdir(parents=True, exist_ok=True)
    index = root / "index.html"
    index.write_text(index_page(items, root, with_gold), encoding="utf-8")
    written = [index]
    for item in items:
        path = page_path(root, item.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        back = Path(os.path.relpath(index, path.parent)).as_posix()
        path.write_text(render_page(item, index=back), encoding="utf-8")
        written.append(path)
    return written
