"""Reading: bytes on disk → the decoded source text that every offset points into (SPEC §1).

The encoding is decided by evidence (:mod:`extractor.encoding`): a byte-order mark, valid
UTF-8, else GB18030, Big5/Big5-HKSCS or UTF-16/UTF-32 without a mark, whichever decodes into
text; ``\\r\\n`` and ``\\r`` become ``\\n``. A file is refused as binary when no encoding
reads it, or it is more than 10% control characters. At most ``max_bytes`` (+1) bytes are
ever read, whatever the file is (a device or a FIFO has no size to check beforehand).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .encoding import detect_encoding

__all__ = ["ReadError", "Source", "decode", "read_bounded", "read_source", "too_large"]

MAX_CONTROL_SHARE = 0.10
"""Above this share of control characters (other than tab and line breaks) a file is binary."""

_ALLOWED_CONTROLS = frozenset("\n\t\f\v")
# the control characters (Unicode category Cc: U+0000–001F, U+007F–009F) but those allowed,
# as one character class: counted by the regex engine, not one Python call per character
_CONTROLS = re.compile(
    "["
    + "".join(
        re.escape(chr(c))
        for c in (*range(0x20), *range(0x7F, 0xA0))
        if chr(c) not in _ALLOWED_CONTROLS
    )
    + "]"
)


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
    >>> decode("香港警方破獲一宗電話騙案".encode("big5"))
    ('香港警方破獲一宗電話騙案', 'big5')
    """
    encoding = detect_encoding(data)
    if encoding is None:
        if b"\x00" in data:
            raise ReadError("binary file (contains NUL bytes)")
        raise ReadError("binary file (not text in UTF-8, GB18030, Big5 or UTF-16/32)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # pragma: no cover - the detector decoded it already
        raise ReadError(f"binary file (not valid {encoding})") from None
    text = normalise_newlines(text)
    if text:
        controls = len(_CONTROLS.findall(text))
        share = controls / len(text)
        if share > MAX_CONTROL_SHARE:
            raise ReadError(f"binary file ({share:.0%} control characters)")
    return text, encoding


def too_large(max_bytes: int, size: int | None = None) -> ReadError:
    """The error of a source over ``--max-bytes`` (``size`` when known, else "more than").

    >>> str(too_large(10, 12)), str(too_large(10))
    ('file too large (12 bytes; the limit is 10)', 'file too large (more than 10 bytes; the limit is 10)')
    """
    held = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return ReadError(f"file too large ({held}; the limit is {max_bytes:,})")


def read_bounded(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """All of ``stream``, or :func:`too_large` as soon as more than ``max_bytes`` come (a
    device such as ``/dev/zero`` or a FIFO says nothing of its size beforehand)."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def read_source(path: str | Path, name: str | None = None, max_bytes: int | None = None) -> Source:
    """Read and decode one file; ``name`` defaults to the file name.

    Raises :class:`ReadError` with a one-line reason (missing, a folder, unreadable, binary,
    larger than ``max_bytes``). Never reads more than ``max_bytes`` + 1 bytes.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise too_large(max_bytes, size)
            data = read_bounded(stream, max_bytes)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory, not a file") from None
    except OSError as err:
        raise ReadError(f"cannot read file ({err.strerror or err})") from None
    text, encoding = decode(data)
    return Source(name=name if name is not None else path.name, text=text, encoding=encoding)
