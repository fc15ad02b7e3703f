"""Encoding: which encoding a file's bytes are in, decided by evidence (SPEC §1).

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); bytes holding NULs (the zero byte of
ASCII digits and line breaks, or of 一 U+4E00, in a wide encoding) are UTF-32 or UTF-16
without a mark when one byte order decodes them into plain text of Chinese news scripts,
else binary; valid UTF-8;
then GB18030 against Big5/Big5-HKSCS, by charset-normalizer's measure of how messy and how
coherent each decoding is. A tie (a line of two or three characters is valid, clean text in
both) goes to the decoding with fewer characters outside the scripts of Chinese news, then to
GB18030. Bytes that no candidate decodes into text give ``None``.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

__all__ = ["BOMS", "NARROW", "detect_encoding"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: it starts with the UTF-16-LE mark
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks and the Python codec that reads (and drops) each."""

NARROW = ("gb18030", "big5hkscs")
"""Encodings tried on bytes that are not UTF-8 and hold no NUL."""


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark names, or None.

    >>> bom_encoding(codecs.BOM_UTF32_LE + b"a\\x00\\x00\\x00"), bom_encoding(b"abc")
    ('utf-32', None)
    """
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return encoding
    return None


def _outside_share(text: str) -> float:
    """The share of characters outside the scripts of Chinese news: ASCII, CJK ideographs
    (the basic block), CJK and fullwidth punctuation, general punctuation.

    >>> _outside_share("萬元"), _outside_share("窾じ")
    (0.0, 0.5)
    """
    if not text:
        return 0.0
    outside = 0
    for ch in text:
        code = ord(ch)
        if not (
            code < 0x80
            or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF
            or 0x2000 <= code <= 0x206F
        ):
            outside += 1
    return outside / len(text)


def _big5_name(data: bytes) -> str:
    """``big5`` when plain Big5 reads the bytes, else ``big5hkscs`` (Hong Kong's extension)."""
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return "big5hkscs"
    return "big5"


def _plain(text: str) -> bool:
    """No control character but tab, line breaks and form feeds: what a decoding of text in
    a wide encoding must give (a misread one is full of them).

    >>> _plain("案件1718起\\r\\n"), _plain("\\x01扩")
    (True, False)
    """
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v" for ch in text)


MAX_OUTSIDE_SHARE = 0.1
"""Above this share of characters outside the scripts of Chinese news, a wide decoding is
not taken as text (a byte-swapped one turns ``1`` into Bopomofo ``\\u3100``)."""


def _wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a mark: of the decodings that succeed strictly into plain
    text, the one with the fewest characters outside the scripts of Chinese news (the wrong
    byte order scatters them over Hangul, Yi, private use…); None when none is text.

    >>> _wide("案件1718起".encode("utf-16-be")), _wide("案件\\n".encode("utf-32-le"))
    ('utf-16-be', 'utf-32-le')
    >>> _wide(b"\\x00\\x01binary") is None
    True
    """
    candidates: list[str] = []
    if len(data) % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    scored: list[tuple[float, str]] = []
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plain(text):
            scored.append((_outside_share(text), name))
    if not scored:
        return None
    share, name = min(scored)
    return name if share <= MAX_OUTSIDE_SHARE else None


def detect_encoding(data: bytes) -> str | None:
    """The Python codec to read ``data`` with, or None when it is not text in any of them.

    >>> detect_encoding("全市破获电信网络诈骗案件1718起".encode("gb18030"))
    'gb18030'
    >>> detect_encoding("香港警方破獲一宗電話騙案，涉款300萬港元。".encode("big5"))
    'big5'
    >>> detect_encoding("案件1718起\\n".encode("utf-16-le")), detect_encoding(b"\\x80\\xff" * 9)
    ('utf-16-le', None)
    """
    marked = bom_encoding(data)
    if marked is not None:
        return marked
    if b"\x00" in data:
        return _wide(data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(NARROW))
    if not matches:
        # a page messier than charset-normalizer's default bar (0.2) in one of its chunks:
        # a Taiwan text writing its zeros as ○ (一○○○平方公尺) is valid Big5 all the same
        matches = from_bytes(data, cp_isolation=list(NARROW), threshold=1.0)
    if not matches:
        return None
    order = {name: i for i, name in enumerate(NARROW)}

    def rank(match: CharsetMatch) -> tuple[float, float, float, int]:
        return (
            round(match.chaos, 3),
            -round(match.coherence, 3),
            _outside_share(str(match)),
            order.get(match.encoding, len(order)),
        )

    best = min(matches, key=rank)
    if best.encoding == "big5hkscs":
        return _big5_name(data)
    return best.encoding
