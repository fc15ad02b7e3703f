"""Reading: bytes on disk → the decoded source text that every offset points into (SPEC §1).

UTF-8 (a BOM is dropped) or, failing that, GB18030; ``\\r\\n`` and ``\\r`` become ``\\n``.
A file is refused as binary when it holds a NUL byte, decodes neither way, or is more than
10% control characters.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ReadError", "Source", "decode", "read_source"]

MAX_CONTROL_SHARE = 0.10
"""Above this share of control characters (other than tab and line breaks) a file is binary."""

_ALLOWED_CONTROLS = frozenset("\n\t\f\v")


class ReadError(Exception):
    """A file that cannot be read as text; ``str(error)`` is a one-line reason."""


@dataclass(frozen=True)
class Source:
    """A decoded source file: ``name`` is its ``source`` field, ``text`` what offsets index."""

    name: str
    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` read as ``\\n``.

    >>> normalise_newlines("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` or raise :class:`ReadError`.

    >>> decode("\\ufeff案件\\r\\n".encode("utf-8"))
    ('案件\\n', 'utf-8-sig')
    >>> decode("萬元".encode("gb18030"))
    ('萬元', 'gb18030')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError("UTF-16/UTF-32 text (only UTF-8 and GB18030 are read; convert it to UTF-8)")
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
    else:
        encoding, body = "utf-8", data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise ReadError("binary file (not valid UTF-8 or GB18030)") from None
    text = normalise_newlines(text)
    if text:
        controls = sum(
            1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
        )
        share = controls / len(text)
        if share > MAX_CONTROL_SHARE:
            raise ReadError(f"binary file ({share:.0%} control characters)")
    return text, encoding


def read_source(path: str | Path, name: str | None = None, max_bytes: int | None = None) -> Source:
    """Read and decode one file; ``name`` defaults to the file name.

    Raises :class:`ReadError` with a one-line reason (missing, a folder, unreadable, binary,
    larger than ``max_bytes``).
    """
    path = Path(path)
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise ReadError(f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory, not a file") from None
    except OSError as err:
        raise ReadError(f"cannot read file ({err.strerror or err})") from None
    text, encoding = decode(data)
    return Source(name=name if name is not None else path.name, text=text, encoding=encoding)
