"""Output: where documents go (JSONL or a JSON array on a stream, or one JSON file each)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TextIO

from .models import Document

__all__ = ["DirectoryWriter", "JsonArrayWriter", "JsonlWriter", "Writer", "output_path"]


class Writer(Protocol):
    def write(self, document: Document) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object per line, flushed per document."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, document: Document) -> None:
        self.stream.write(document.to_json() + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """One JSON array of documents (pretty-printed, one document per element)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, document: Document) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(document.to_json(indent=2))
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
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

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, document: Document) -> None:
        path = output_path(self.root, document.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document.to_json(indent=2) + "\n", encoding="utf-8")

    def close(self) -> None:
        return None
