"""Output: where documents go (JSONL, a JSON array or CSV rows on a stream, or one JSON file
each)."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
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
    "write_whole",
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


NAME_MAX = 255
"""Bytes in one file name on Linux, macOS and Windows file systems."""


def _fit(component: str, limit: int = NAME_MAX) -> str:
    """A path component cut to ``limit`` bytes (UTF-8), its end replaced by ``~`` and 8 hex
    digits of its hash so that two long names stay apart.

    >>> _fit("a.json"), len(_fit("案" * 100 + ".json").encode()) <= 255
    ('a.json', True)
    >>> _fit("案" * 100 + ".json")[-14:]
    '~dce296bd.json'
    """
    data = component.encode("utf-8", "surrogateescape")
    if len(data) <= limit:
        return component
    _, dot, suffix = component.rpartition(".")
    suffix = dot + suffix if dot and len(suffix) < 16 else ""
    digest = "~" + hashlib.sha1(data).hexdigest()[:8]
    room = limit - len((digest + suffix).encode())
    head = data[:room].decode("utf-8", "ignore")  # never half a character
    return head + digest + suffix


def output_path(root: Path, source: str) -> Path:
    """``a/x.txt`` → ``root/a/x.json`` (the source's layout mirrored under ``root``); a name
    longer than a file system allows is cut with a hash (:func:`_fit`).

    >>> output_path(Path("out"), "a/x.txt").as_posix(), output_path(Path("out"), "B.TXT").name
    ('out/a/x.json', 'B.json')
    """
    relative = source[:-4] if source.lower().endswith(".txt") else source
    parts = f"{relative}.json".split("/")
    return root.joinpath(*(_fit(part) for part in parts))


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it: ``path`` is
    either the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{hashlib.sha1(path.name.encode()).hexdigest()[:12]}.partial")
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


class DirectoryWriter:
    """One pretty JSON file per source under ``root``, each written whole."""

    wants_text = False

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, document: Document, text: str | None = None) -> None:
        write_whole(output_path(self.root, document.source), document.to_json(indent=2) + "\n")

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
