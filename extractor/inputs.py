"""Inputs: the files and folders named on the command line → sorted ``Input(path, source)``.

A source is named by its path relative to the folder given (the file name for a file given
directly). When two different files would share that name (``2023/page1.txt`` and
``2024/page1.txt`` given as ``2023/ 2024/``), every source of the run is named by its path as
given instead; ``source_root`` names every source by its path relative to one folder.

Folders are walked by hand, so that nothing is skipped in silence: ``*.txt`` is matched
without regard to case (``A.TXT``), symbolic links to folders are followed once (a loop is
reported, not walked), and :func:`scan_inputs` returns a :class:`Skipped` note for every
folder it cannot read, every loop, every alias (a link to a file the run already reads) and
every ``*.txt`` that is not a regular file (a FIFO or a device would block or never end). A
file name that is not valid UTF-8 (``b\\xff.txt``) is kept: its ``source`` writes each
undecodable byte as ``\\xNN`` (``b\\xff.txt``), which any JSON, CSV or terminal can carry.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DuplicateSourceError",
    "Input",
    "Scan",
    "Skipped",
    "SourceRootError",
    "collect_inputs",
    "escape_name",
    "scan_inputs",
]


class DuplicateSourceError(ValueError):
    """Two inputs would get the same ``source`` name."""


class SourceRootError(ValueError):
    """An input is not inside the ``--source-root`` folder."""


@dataclass(frozen=True)
class Input:
    """A file to process and the ``source`` name its record carries."""

    path: Path
    source: str


@dataclass(frozen=True)
class _Found:
    path: Path
    relative: str  # to the folder given, or the file name
    as_given: str  # the folder as given joined with ``relative``, or the file as given


@dataclass(frozen=True)
class Skipped:
    """A path the walk did not read, and why; ``failed`` when files may have been lost (an
    unreadable folder), which makes the run's exit status 1."""

    path: str
    reason: str
    failed: bool = False


@dataclass(frozen=True)
class Scan:
    """What :func:`scan_inputs` found: the inputs, and a note for each path it passed over."""

    inputs: list[Input]
    skipped: list[Skipped] = field(default_factory=list)


def escape_name(name: str) -> str:
    """A file name as text any output can carry: each byte that is not UTF-8 (held by Python
    as a lone surrogate, PEP 383) written ``\\xNN``.

    >>> escape_name(os.fsdecode(b"b\\xff.txt")), escape_name("案件.txt")
    ('b\\\\xff.txt', '案件.txt')
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return "".join(
        f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in name
    )


def _as_posix(path: str) -> str:
    """A path as given, with ``/`` separators and no ``./`` steps.

    >>> _as_posix("./2023//page1.txt"), _as_posix("/data/2024/a.txt")
    ('2023/page1.txt', '/data/2024/a.txt')
    """
    return Path(os.path.normpath(path)).as_posix()


def is_text_name(name: str) -> bool:
    """A ``*.txt`` name, without regard to case.

    >>> is_text_name("a.TXT"), is_text_name("a.Txt"), is_text_name("a.txt.bak")
    (True, True, False)
    """
    return name.lower().endswith(".txt")


def _walk(
    folder: Path, relative: str, chain: tuple[tuple[int, int], ...], skipped: list[Skipped]
) -> Iterator[tuple[Path, str]]:
    """``(path, path relative to the walk's start)`` of every ``*.txt`` entry under
    ``folder``; ``chain`` holds the folders above (device, inode) to tell a loop."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as err:
        skipped.append(Skipped(str(folder), f"cannot read folder ({err.strerror})", True))
        return
    for entry in entries:
        path = folder / entry.name
        name = f"{relative}/{entry.name}" if relative else entry.name
        try:
            is_dir = entry.is_dir()  # follows symbolic links
        except OSError:
            is_dir = False
        if is_dir:
            try:
                info = path.stat()
            except OSError as err:
                skipped.append(Skipped(str(path), f"cannot read folder ({err.strerror})", True))
                continue
            key = (info.st_dev, info.st_ino)
            if key in chain:
                skipped.append(Skipped(str(path), "symbolic link loop, not followed"))
                continue
            yield from _walk(path, name, (*chain, key), skipped)
        elif is_text_name(entry.name):
            yield path, name


def _regular(path: Path, skipped: list[Skipped]) -> bool:
    """False (and a note) for a ``*.txt`` in a folder that is a FIFO, a device or a socket;
    a broken link is kept, to become an error document (``no such file``)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    if stat.S_ISREG(mode):
        return True
    skipped.append(Skipped(str(path), "not a regular file (a FIFO, device or socket), skipped"))
    return False


def _find(paths: Sequence[Path], skipped: list[Skipped]) -> list[_Found]:
    found: list[_Found] = []
    for path in paths:
        if path.is_dir():
            try:
                info = path.stat()
                chain: tuple[tuple[int, int], ...] = ((info.st_dev, info.st_ino),)
            except OSError:  # pragma: no cover - is_dir() just read it
                chain = ()
            for file, relative in _walk(path, "", chain, skipped):
                if _regular(file, skipped):
                    found.append(_Found(file, relative, _as_posix(str(path / relative))))
        else:
            found.append(_Found(path, path.name, _as_posix(str(path))))
    return _without_aliases(found, skipped)


def _without_aliases(found: list[_Found], skipped: list[Skipped]) -> list[_Found]:
    """One path per file: the same path given twice is taken once in silence; a symbolic
    link to a file the run already reads (an alias) is skipped with a note, the file's own
    path kept whatever the order of their names."""
    groups: dict[Path, list[_Found]] = {}
    for item in sorted(found, key=lambda f: f.path.as_posix()):
        try:
            real = item.path.resolve()
        except (OSError, RuntimeError):  # a link loop on the file itself
            real = item.path.absolute()
        groups.setdefault(real, []).append(item)
    kept: list[_Found] = []
    for real, items in groups.items():
        distinct = list({os.path.abspath(i.path): i for i in items}.values())
        keep = next((i for i in distinct if Path(os.path.abspath(i.path)) == real), distinct[0])
        kept.append(keep)
        for other in distinct:
            if other is not keep:
                skipped.append(Skipped(str(other.path), f"skipped: the same file as {keep.path}"))
    return sorted(kept, key=lambda f: f.path.as_posix())


def _collision(inputs: Sequence[Input]) -> tuple[Input, Input] | None:
    seen: dict[str, Input] = {}
    for item in inputs:
        if item.source in seen:
            return seen[item.source], item
        seen[item.source] = item
    return None


def _under_root(found: Sequence[_Found], root: Path) -> list[Input]:
    base = root.resolve()
    inputs = []
    for item in found:
        try:
            source = item.path.resolve().relative_to(base).as_posix()
        except ValueError:
            raise SourceRootError(f"{item.path} is not inside --source-root {root}") from None
        inputs.append(Input(item.path, escape_name(source)))
    return inputs


def scan_inputs(paths: Sequence[Path], *, source_root: Path | None = None) -> Scan:
    """Files given directly, and ``*.txt`` (any case) found recursively in folders, sorted by
    path (a file reached twice is taken once), with a note for each path passed over.

    ``source`` is the path relative to the folder given (``/`` separators), or the file name
    for a file given directly; when two files share that name, every source is the path as
    given (``2023/page1.txt``). With ``source_root``, every source is the path relative to it
    (:class:`SourceRootError` for a file outside). Raises :class:`DuplicateSourceError` when
    two files still share a name. Bytes of a name that are not UTF-8 are written ``\\xNN``.
    """
    skipped: list[Skipped] = []
    found = _find(paths, skipped)
    if source_root is not None:
        inputs = _under_root(found, source_root)
    else:
        inputs = [Input(f.path, escape_name(f.relative)) for f in found]
        if _collision(inputs) is not None:
            inputs = [Input(f.path, escape_name(f.as_given)) for f in found]
    clash = _collision(inputs)
    if clash is not None:
        first, second = clash
        raise DuplicateSourceError(
            f"two inputs have the same source name {first.source!r}: {first.path} and {second.path}"
        )
    return Scan(inputs, skipped)


def collect_inputs(paths: Sequence[Path], *, source_root: Path | None = None) -> list[Input]:
    """The inputs of :func:`scan_inputs`, without its notes."""
    return scan_inputs(paths, source_root=source_root).inputs
