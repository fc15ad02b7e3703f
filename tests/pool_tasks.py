"""Tasks for tests/test_workers.py, run in spawned worker processes (importable by name).

An item is ``(number, action, marker)``: the task returns ``number * number`` unless the
action says otherwise; ``marker`` is a file that tells a retry from the first try."""

from __future__ import annotations

import os
import time
from pathlib import Path

from extractor.workers import report

Item = tuple[int, str, str]


def square(item: Item) -> object:
    number, action, marker = item
    if action == "die":  # as if killed, every time
        os._exit(1)
    if action == "die once":  # killed on the first try only
        if not Path(marker).exists():
            Path(marker).write_text("tried")
            os._exit(1)
    if action == "hang":  # stuck where no signal reaches (the parent must kill it)
        time.sleep(600)
    if action == "report":  # told in the first second: not passed on; after it: passed on
        report(1, 10)
        time.sleep(1.1)
        report(3, 10)
    if action == "slow":
        time.sleep(0.05 * (number % 4))
    if action == "raise":
        raise ValueError("a bug")
    return number * number


def failed(item: Item, reason: str) -> object:
    return f"failed: {reason}"
