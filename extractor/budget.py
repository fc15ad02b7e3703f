"""A time budget per file: past it, the file becomes an error document instead of a hang.

In the process doing the work, :func:`time_budget` arms a timer (``SIGALRM``) that raises
:class:`BudgetExceeded` where the Python code then is (the regex engine checks for signals
too). It needs the main thread of a POSIX process: elsewhere (the Python API called from a
thread, Windows) it does nothing. The ``--jobs`` workers have a second guard that needs
neither: their parent kills a worker still busy a few seconds past the budget
(:mod:`extractor.workers`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["DEFAULT_TIMEOUT", "BudgetExceeded", "budget_message", "time_budget"]

DEFAULT_TIMEOUT = 300.0
"""Seconds one file may take (``--timeout``). The longest file ``--max-bytes`` lets
through (10 MB, up to 10 million characters) takes well under a minute on ordinary text."""


def budget_message(seconds: float) -> str:
    """The error of a file that ran out of time.

    >>> budget_message(300)
    'time budget exceeded (more than 300 s on this file; raise it with --timeout)'
    """
    return f"time budget exceeded (more than {seconds:g} s on this file; raise it with --timeout)"


class BudgetExceeded(BaseException):
    """The file's time budget ran out. A ``BaseException``, like ``KeyboardInterrupt``, so
    that no ``except Exception`` inside the pipeline swallows it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(budget_message(seconds))
        self.seconds = seconds


def _can_arm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the block after ``seconds`` (None or 0: no budget)."""
    if not seconds or not _can_arm():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
