"""Output: where documents go (JSONL, a JSON array or CSV rows on a stream, or one JSON file
each)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TextIO

from .models import Document
from .tables import CASE_COLUMNS, FACT_COLUMNS, case_rows, fact_rows

__all__ = [
    "CsvWriter",
    "DirectoryWriter",
    "JsonArrayWriter",
    "JsonlWriter",
    "Writer",
    "output_path",
    "review_json",
]


class Writer(Protocol):
    """Where documents go. ``text`` is the document's decoded source, passed to writers whose
    ``wants_text`` is true (the facts table's ``position`` and ``sentence``)."""

    wants_text: bool

    def write(self, document: Document, text: str | None = None) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object per line, flushed per document."""

    wants_text = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, document: Document, text: str | None = None) -> None:
        self.stream.write(document.to_json() + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """One JSON array of documents (pretty-printed, one document per element)."""

    wants_text = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, document: Document, text: str | None = None) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(document.to_json(indent=2))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter:
    """One CSV row per fact (``--format csv``) or per case (``--format cases-csv``), with a
    header row; ``excel`` starts the stream with a UTF-8 BOM so spreadsheets read Chinese."""

    def __init__(
        self,
        stream: TextIO,
        columns: Sequence[str],
        rows: Callable[[Document, str | None], Iterator[list[str]]],
        *,
        excel: bool = False,
        wants_text: bool = False,
    ) -> None:
        self.stream = stream
        self.rows = rows
        self.wants_text = wants_text
        if excel:
            stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(columns)

    @classmethod
    def facts(cls, stream: TextIO, *, excel: bool = False) -> CsvWriter:
        return cls(stream, FACT_COLUMNS, fact_rows, excel=excel, wants_text=True)

    @classmethod
    def cases(cls, stream: TextIO, *, excel: bool = False) -> CsvWriter:
        return cls(stream, CASE_COLUMNS, case_rows, excel=excel)

    def write(self, document: Document, text: str | None = None) -> None:
        self.writer.writerows(self.rows(document, text))
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


def output_path(root: Path, source: str) -> Path:
    """``a/x.txt`` → ``root/a/x.json`` (the source's layout mirrored under ``root``).

    >>> output_path(Path("out"), "a/x.txt").as_posix()
    'out/a/x.json'
    """
    relative = source[:-4] if source.lower().endswith(".txt") else source
    return root / f"{relative}.json"


class DirectoryWriter:
    """One pretty JSON file per source under ``root``."""

    wants_text = False

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, document: Document, text: str | None = None) -> None:
        path = output_path(self.root, document.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document.to_json(indent=2) + "\n", encoding="utf-8")

    def close(self) -> None:
        return None


def review_json(document: Document) -> str:
    """JSON laid out for reading and diffs: one line per fact and per case.

    Used for gold files; the content is the same as :meth:`Document.to_json`.
    """
    import json

    data = json.loads(document.to_json())
    dump = json.dumps
    lines = ["{", f'  "source": {dump(data["source"], ensure_ascii=False)},', '  "articles": [']
    for a, article in enumerate(data["articles"]):
        lines.append("    {")
        head = {k: v for k, v in article.items() if k not in ("facts", "cases")}
        for key, value in head.items():
            lines.append(f"      {dump(key)}: {dump(value, ensure_ascii=False)},")
        for name in ("facts", "cases"):
            items = article.get(name, [])
            end = "," if name == "facts" else ""
            if not items:
                lines.append(f'      "{name}": []{end}')
                continue
            lines.append(f'      "{name}": [')
            for i, item in enumerate(items):
                comma = "," if i + 1 < len(items) else ""
                lines.append(f"        {dump(item, ensure_ascii=False)}{comma}")
            lines.append(f"      ]{end}")
        lines.append("    }," if a + 1 < len(data["articles"]) else "    }")
    lines.append("  ]")
    if "error" in data:
        lines[-1] += ","
        lines.append(f'  "error": {dump(data["error"], ensure_ascii=False)}')
    lines.append("}")
    return "\n".join(lines) + "\n"
