"""A per-file task for tests/test_cli.py that kills its worker process on one file."""

from __future__ import annotations

import os

from extractor.batch import Input, _process_one
from extractor.models import Document


def die_on_b(item: Input) -> tuple[Document, int]:
    if item.source == "b.txt":
        os._exit(1)  # as if the worker were killed
    return _process_one(item)
