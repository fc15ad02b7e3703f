"""Spans drawn over a text as nested HTML elements, offsets kept exact.

Every character of the text is written once, escaped, in order; each :class:`Layer` wraps
exactly the characters ``text[start:end]``. Where two layers cross (a fact running out of a
heading), the inner one is closed and opened again, so it may be written as several
fragments: all carry the layer's attributes, only the first its ``first`` attributes (an
``id``) and its ``prefix`` (HTML that is not source text, such as a case's card, marked
``data-nosrc``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

__all__ = ["Layer", "nest"]


@dataclass(frozen=True)
class Layer:
    """An element over ``text[start:end]``; ``rank`` orders layers of the same span, the
    lower outside (an article holds a case, a case holds a fact)."""

    start: int
    end: int
    rank: int
    tag: str = "span"
    attrs: tuple[tuple[str, str], ...] = ()
    first: tuple[tuple[str, str], ...] = ()
    prefix: str = ""
    order: int = field(default=0, compare=False)

    def open(self, *, again: bool) -> str:
        pairs = self.attrs if again else (*self.first, *self.attrs)
        written = "".join(f' {name}="{escape(value)}"' for name, value in pairs)
        cont = ' data-cont=""' if again else ""
        return f"<{self.tag}{written}{cont}>" + ("" if again else self.prefix)

    def close(self) -> str:
        return f"</{self.tag}>"


def nest(text: str, layers: Sequence[Layer]) -> str:
    """The text, escaped, with every layer's element around exactly its characters.

    >>> nest("1500余万元 in 2020", [Layer(0, 7, 1, "mark"), Layer(11, 15, 1, "mark")])
    '<mark>1500余万元</mark> in <mark>2020</mark>'
    >>> nest("abcdef", [Layer(0, 4, 0, "b"), Layer(2, 6, 1, "i")])
    '<b>ab<i>cd</i></b><i data-cont="">ef</i>'
    >>> nest("a<b", [])
    'a&lt;b'
    """
    starting: dict[int, list[Layer]] = defaultdict(list)
    points = {0, len(text)}
    for layer in layers:
        if not 0 <= layer.start < layer.end <= len(text):
            raise ValueError(f"layer [{layer.start}, {layer.end}) is empty or outside the text")
        starting[layer.start].append(layer)
        points.update((layer.start, layer.end))
    out: list[str] = []
    stack: list[Layer] = []
    position = 0
    for point in sorted(points):
        out.append(escape(text[position:point], quote=False))
        position = point
        ending = [i for i, layer in enumerate(stack) if layer.end <= point]
        if ending:
            cut = ending[0]
            for layer in reversed(stack[cut:]):
                out.append(layer.close())
            reopened = [layer for layer in stack[cut:] if layer.end > point]
            del stack[cut:]
            for layer in reopened:
                out.append(layer.open(again=True))
                stack.append(layer)
        for layer in sorted(starting[point], key=lambda x: (-x.end, x.rank, x.order)):
            out.append(layer.open(again=False))
            stack.append(layer)
    return "".join(out)
