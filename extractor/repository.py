"""Where ``evaluate`` and ``gold check`` find the corpus and the gold when they are not
given: the repository holding them, searched from the working folder upwards, then the
source tree the package was installed from (an editable install); else an error saying
which folder is needed and how to give it."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_FOLDERS", "DataNotFoundError", "find_data", "repository_root"]

DATA_FOLDERS = {
    "corpus": "the source texts, *.txt",
    "gold": "the hand-labelled gold files, one JSON per source",
}
"""The repository's data folders, with what each holds (for the error message)."""


class DataNotFoundError(LookupError):
    """A data folder was not given and no repository holding it was found."""


def _holds_data(folder: Path) -> bool:
    return all((folder / name).is_dir() for name in DATA_FOLDERS)


def _package_tree() -> Path:
    """The folder above the package: the repository root for an editable install."""
    return Path(__file__).resolve().parent.parent


def repository_root(start: Path | None = None) -> Path | None:
    """The nearest folder holding both ``corpus/`` and ``gold/``: ``start`` (default the
    working folder) or one above it, else the package's source tree; None if none does."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents, _package_tree()):
        if _holds_data(folder):
            return folder
    return None


def find_data(name: str, command: str, start: Path | None = None) -> Path:
    """The data folder ``name`` (``corpus`` or ``gold``) of the repository, or
    :class:`DataNotFoundError` naming the folder ``command`` needs and how to give it."""
    root = repository_root(start)
    if root is not None:
        return root / name
    here = (start or Path.cwd()).resolve()
    raise DataNotFoundError(
        f"{command} needs the {name} folder ({DATA_FOLDERS[name]}); no folder holding "
        f"corpus/ and gold/ was found in {here}, the folders above it, or {_package_tree()}. "
        f"Run it from the repository root, or give the folder (see {command} --help)."
    )
