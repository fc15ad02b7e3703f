"""Destination: the one place ``extract`` writes, checked, locked and written whole.

Before any work, :func:`open_destination` refuses an output that is one of the inputs, that
cannot be written, or that another run is writing (exit 2), and takes the lock: an exclusive
``flock`` on ``OUT.lock`` beside a file output (``DIR/.extractor.lock`` in a folder output),
removed when the run ends. JSONL is written in place, one flushed line per document, so a
stopped run can be resumed; JSON, CSV and xlsx are written to ``OUT.partial`` and renamed
over ``OUT`` only when the run is complete, so ``OUT`` is never half a file. A device or FIFO
(``/dev/stdout``, ``/dev/full``) is written directly, unlocked.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from .inputs import Input

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock
    fcntl = None  # type: ignore[assignment]

__all__ = ["Destination", "DestinationError", "open_destination"]

LOCK_SUFFIX = ".lock"
PARTIAL_SUFFIX = ".partial"
FOLDER_LOCK = ".extractor.lock"


class DestinationError(Exception):
    """The output cannot be used (an input, unwritable, locked); a one-line reason."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _probe_folder(folder: Path) -> None:
    """Create and remove a file in ``folder``: the only test of "writable" that holds for
    root and for read-only file systems alike."""
    try:
        fd, name = _mkstemp(folder)
    except OSError as err:
        raise DestinationError(f"cannot write in folder {folder} ({err.strerror})") from None
    os.close(fd)
    os.unlink(name)


def _mkstemp(folder: Path) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=".extractor-probe-", dir=folder)


def refuse_inputs(output: Path, inputs: Sequence[Input]) -> None:
    """:class:`DestinationError` when ``output`` is one of ``inputs`` (it would be truncated
    before it is read, and its records read back as an article)."""
    if not output.exists():
        return
    for item in inputs:
        if _same_file(item.path, output):
            raise DestinationError(
                f"-o {output} is one of the inputs ({item.source}); write somewhere else"
            )


class Destination:
    """An output file or folder, locked for the run; see the module's docstring."""

    def __init__(self, target: Path, *, folder: bool, whole: bool) -> None:
        self.target = target
        self.folder = folder
        self.special = target.exists() and not folder and not stat.S_ISREG(target.stat().st_mode)
        self.whole = whole and not self.special
        self._lock: IO[bytes] | None = None
        self._lock_path: Path | None = None

    @property
    def write_path(self) -> Path:
        """Where the writer writes: the partial file of a whole-or-nothing format."""
        if self.whole:
            return self.target.with_name(self.target.name + PARTIAL_SUFFIX)
        return self.target

    def check(self) -> None:
        """:class:`DestinationError` unless the output can be written."""
        if self.folder:
            if self.target.exists() and not self.target.is_dir():
                raise DestinationError(f"cannot write folder {self.target}: a file has that name")
            existing = _nearest_existing(self.target)
            if not existing.is_dir():
                raise DestinationError(f"cannot write folder {self.target}: {existing} is a file")
            _probe_folder(existing)
            return
        if self.target.is_dir():
            raise DestinationError(f"cannot write {self.target}: it is a folder")
        if self.special:
            if not os.access(self.target, os.W_OK):
                raise DestinationError(f"cannot write {self.target} (permission denied)")
            return
        _probe_folder(self.target.parent)
        if self.target.exists():
            try:
                with open(self.target, "ab"):
                    pass
            except OSError as err:
                raise DestinationError(f"cannot write {self.target} ({err.strerror})") from None

    def lock(self) -> None:
        """Take the run's lock, or :class:`DestinationError` when another run holds it."""
        if self.special or fcntl is None:
            return
        if self.folder:
            self.target.mkdir(parents=True, exist_ok=True)
            path = self.target / FOLDER_LOCK
        else:
            path = self.target.with_name(self.target.name + LOCK_SUFFIX)
        while True:
            handle = open(path, "ab")
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                raise DestinationError(
                    f"another extractor run is writing {self.target} (it holds {path}); "
                    "wait for it to end"
                ) from None
            # the file may have been removed by the run that held it: lock the one on disk
            try:
                same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self._lock, self._lock_path = handle, path
                return
            handle.close()

    def commit(self) -> None:
        """The run is complete: the partial file becomes the output."""
        if self.whole and self.write_path.exists():
            os.replace(self.write_path, self.target)

    def discard(self) -> None:
        """The run stopped: remove the partial file (the output is left as it was)."""
        if self.whole:
            with contextlib.suppress(OSError):
                self.write_path.unlink()

    def release(self) -> None:
        """Remove the lock file and let go of the lock."""
        if self._lock is None:
            return
        with contextlib.suppress(OSError):
            assert self._lock_path is not None
            self._lock_path.unlink()
        self._lock.close()
        self._lock = None


def open_destination(
    output: Path, inputs: Sequence[Input], *, folder: bool, whole: bool
) -> Destination:
    """Check ``output`` against the inputs and for writing, and lock it (see the module)."""
    refuse_inputs(output, inputs)
    destination = Destination(output, folder=folder, whole=whole)
    destination.check()
    destination.lock()
    return destination
