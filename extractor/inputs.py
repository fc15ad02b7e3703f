"""Inputs: the files and folders named on the command line → sorted ``Input(path, source)``.

A source is named by its path relative to the folder given (the file name for a file given
directly). When two different files would share that name (``2023/page1.txt`` and
``2024/page1.txt`` given as ``2023/ 2024/``), every source of the run is named by its path as
given instead; ``source_root`` names every source by its path relative to one folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DuplicateSourceError", "Input", "SourceRootError", "collect_inputs"]


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


def _as_posix(path: str) -> str:
    """A path as given, with ``/`` separators and no ``./`` steps.

    >>> _as_posix("./2023//page1.txt"), _as_posix("/data/2024/a.txt")
    ('2023/page1.txt', '/data/2024/a.txt')
    """
    return Path(os.path.normpath(path)).as_posix()


def _find(paths: Sequence[Path]) -> list[_Found]:
    found: list[_Found] = []
    for path in paths:
        if path.is_dir():
            for file in path.rglob("*.txt"):
                if file.is_file():
                    relative = file.relative_to(path).as_posix()
                    found.append(_Found(file, relative, _as_posix(str(path / relative))))
        else:
            found.append(_Found(path, path.name, _as_posix(str(path))))
    unique: dict[Path, _Found] = {}
    for item in sorted(found, key=lambda f: f.path.as_posix()):
        unique.setdefault(item.path.resolve(), item)
    return sorted(unique.values(), key=lambda f: f.path.as_posix())


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
        inputs.append(Input(item.path, source))
    return inputs


def collect_inputs(paths: Sequence[Path], *, source_root: Path | None = None) -> list[Input]:
    """Files given directly, and ``*.txt`` found recursively in folders, sorted by path (a
    file reached twice is taken once).

    ``source`` is the path relative to the folder given (``/`` separators), or the file name
    for a file given directly; when two files share that name, every source is the path as
    given (``2023/page1.txt``). With ``source_root``, every source is the path relative to it
    (:class:`SourceRootError` for a file outside). Raises :class:`DuplicateSourceError` when
    two files still share a name.
    """
    found = _find(paths)
    if source_root is not None:
        inputs = _under_root(found, source_root)
    else:
        inputs = [Input(f.path, f.relative) for f in found]
        if _collision(inputs) is not None:
            inputs = [Input(f.path, f.as_given) for f in found]
    clash = _collision(inputs)
    if clash is not None:
        first, second = clash
        raise DuplicateSourceError(
            f"two inputs have the same source name {first.source!r}: {first.path} and {second.path}"
        )
    return inputs
