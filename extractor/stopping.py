"""Stopping: how ``extract`` ends when it is told to stop or cannot go on.

Ctrl-C (SIGINT) and SIGTERM stop the run with exit status 130 and 143 (128 + the signal, as
shells report a process killed by it); a closed standard output (``extractor … | head``)
ends the run quietly with 141 (128 + SIGPIPE); an internal error is logged as one line
(``EXTRACTOR_DEBUG=1`` for the whole traceback).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from collections.abc import Iterator

__all__ = [
    "BROKEN_PIPE",
    "OneLineFormatter",
    "Stopped",
    "one_line_logging",
    "silence_stdout",
    "stop_on_signals",
]

BROKEN_PIPE = 128 + 13
"""The exit status of a run whose standard output was closed (SIGPIPE is 13)."""


class Stopped(BaseException):
    """The run was told to stop (a BaseException, like KeyboardInterrupt: no ``except
    Exception`` may swallow it); ``code`` is its exit status."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.code = 128 + signum
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGTERM and Ctrl-C raise :class:`Stopped` (143, 130). Outside the main
    thread, where handlers cannot be set, Ctrl-C still arrives as KeyboardInterrupt."""

    def handler(signum: int, frame: object) -> None:
        raise Stopped(signum)

    previous = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    except KeyboardInterrupt:
        raise Stopped(signal.SIGINT) from None
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def silence_stdout() -> None:
    """Point standard output at ``/dev/null``, so that the flush at exit of a closed pipe
    (or a full device) writes nothing and prints no second error."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a test runner's buffer
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


class OneLineFormatter(logging.Formatter):
    """``extractor: message (Type: reason, at file.py:line)``: the exception's last frame
    stands in for its traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"extractor: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            err = record.exc_info[1]
            frames = traceback.extract_tb(err.__traceback__)
            where = (
                f", at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}"
                if frames
                else ""
            )
            reason = str(err).splitlines()[0] if str(err) else ""
            line += f" ({type(err).__name__}: {reason}{where}; EXTRACTOR_DEBUG=1 for the traceback)"
        return line


@contextlib.contextmanager
def one_line_logging() -> Iterator[None]:
    """Within: the ``extractor`` logger writes one line per record to standard error (the
    full traceback with ``EXTRACTOR_DEBUG=1``)."""
    logger = logging.getLogger("extractor")
    handler = logging.StreamHandler(sys.stderr)
    if not os.environ.get("EXTRACTOR_DEBUG"):
        handler.setFormatter(OneLineFormatter())
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
