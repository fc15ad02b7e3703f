"""Python ``str`` indices (code points) ⇄ JavaScript string indices (UTF-16 code units).

Label Studio, running in a browser, counts a character outside the Basic Multilingual
Plane (an emoji, a CJK Extension B character such as 𠀋) as two; SPEC counts it as one.
Every offset written to or read from Label Studio goes through :class:`Utf16Offsets`.
"""

from __future__ import annotations

from bisect import bisect_left

__all__ = ["Utf16Offsets"]


class Utf16Offsets:
    """The two index systems of one text.

    >>> offsets = Utf16Offsets("a𠀋b")
    >>> [offsets.to_utf16(i) for i in range(4)]
    [0, 1, 3, 4]
    >>> [offsets.to_python(j) for j in (0, 1, 3, 4)]
    [0, 1, 2, 3]
    >>> offsets.to_python(2) is None  # inside a surrogate pair
    True
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        """Python indices of the characters written as two UTF-16 units, in order."""

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self.astral, index)

    def to_python(self, index: int) -> int | None:
        """The Python index of UTF-16 index ``index``; None when it falls inside a character
        or outside the text."""
        low, high = 0, self.length
        while low < high:
            middle = (low + high) // 2
            if self.to_utf16(middle) < index:
                low = middle + 1
            else:
                high = middle
        if low > self.length or self.to_utf16(low) != index:
            return None
        return low
