"""Resuming a run: what an earlier (maybe killed) run already wrote.

A JSONL run killed midway leaves complete lines, one document each, and perhaps a trailing
partial line. :func:`prepare_resume` drops that partial line and the error documents (they
are tried again), and returns the sources already done, so the run can skip them and append
the rest. A folder run leaves one whole JSON file per source done (each is written through a
temporary file): :func:`folder_done` lists them.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from .inputs import Input
from .output import output_path

__all__ = ["ResumeState", "folder_done", "prepare_resume"]


class ResumeState:
    """Sources already written, and what was dropped from the file to get there."""

    def __init__(self, done: set[str], dropped_partial: bool, retried: list[str]) -> None:
        self.done = done
        self.dropped_partial = dropped_partial
        self.retried = retried


def prepare_resume(path: Path) -> ResumeState:
    """Rewrite ``path`` to hold only complete documents without an error; return their sources.

    A missing file is an empty start. A line that is not a JSON document with a ``source``
    (the partial line a kill leaves, usually the last one) is dropped.
    """
    if not path.exists():
        return ResumeState(set(), False, [])
    data = path.read_bytes()
    dropped_partial = bool(data) and not data.endswith(b"\n")
    kept: list[bytes] = []
    done: set[str] = set()
    retried: list[str] = []
    for line in data.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            continue  # the partial last line of a killed run
        try:
            record = json.loads(line)
            source = record["source"]
        except (ValueError, KeyError, TypeError):
            dropped_partial = True
            continue
        if record.get("error"):
            retried.append(source)
            continue
        if source not in done:
            done.add(source)
            kept.append(line)
    if dropped_partial or retried or len(kept) != len(data.splitlines()):
        temporary = path.with_name(path.name + ".resume-tmp")
        try:
            temporary.write_bytes(b"".join(kept))
            os.replace(temporary, path)
        except BaseException:  # a full disk or a stop: no 0-byte temporary left behind
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
    return ResumeState(done, dropped_partial, retried)


def folder_done(root: Path, inputs: Sequence[Input]) -> ResumeState:
    """The sources of ``inputs`` whose JSON file under ``root`` is a document without an
    error (the others, missing or error documents, are done again)."""
    done: set[str] = set()
    retried: list[str] = []
    for item in inputs:
        path = output_path(root, item.source)
        try:
            record = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if not isinstance(record, dict) or record.get("source") != item.source:
            continue
        if record.get("error"):
            retried.append(item.source)
        else:
            done.add(item.source)
    return ResumeState(done, False, retried)
