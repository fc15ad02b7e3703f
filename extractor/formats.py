"""The output format of ``extract``: ``--format`` when given, else the output's name
(``.csv``, ``.json``, ``.jsonl``, ``.xlsx``, a folder); a ``--format`` that contradicts the
name is refused."""

from __future__ import annotations

from pathlib import PurePath

__all__ = ["FORMATS", "FormatError", "output_format"]

FORMATS = ("jsonl", "json", "csv", "cases-csv", "xlsx")
"""The values of ``--format`` (a folder output is one JSON file per source)."""

FOLDER = "folder"
"""What :func:`output_format` returns for a folder output."""

_BY_SUFFIX: dict[str, tuple[str, ...]] = {
    ".jsonl": ("jsonl",),
    ".ndjson": ("jsonl",),
    ".json": ("json",),
    ".csv": ("csv", "cases-csv"),
    ".xlsx": ("xlsx",),
}
"""The formats a file name allows, the first being the one it implies."""


class FormatError(ValueError):
    """``--format`` and the output name disagree, or the format cannot go there."""


def output_format(output: str | None, fmt: str | None, *, to_directory: bool) -> str:
    """The format to write: one of :data:`FORMATS`, or ``"folder"``.

    >>> output_format("facts.csv", None, to_directory=False)
    'csv'
    >>> output_format("facts.csv", "cases-csv", to_directory=False)
    'cases-csv'
    >>> output_format("out.data", None, to_directory=False), output_format(None, None, to_directory=False)
    ('jsonl', 'jsonl')
    >>> output_format("records/", None, to_directory=True)
    'folder'
    """
    if to_directory:
        if fmt not in (None, "json"):
            raise FormatError(
                f"a folder output holds one JSON file per source; drop --format {fmt}"
            )
        return FOLDER
    suffix = PurePath(output).suffix.lower() if output else ""
    allowed = _BY_SUFFIX.get(suffix)
    if fmt is None:
        chosen = allowed[0] if allowed else "jsonl"
    elif allowed and fmt not in allowed:
        raise FormatError(
            f"--format {fmt} does not match the output name {output} (a {suffix} file is "
            f"{' or '.join(allowed)}); change one of them"
        )
    else:
        chosen = fmt
    if chosen == "xlsx" and output is None:
        raise FormatError("--format xlsx writes a file: give -o OUT.xlsx")
    return chosen
