"""Layers over a text: every character once, each layer around exactly its characters."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.review.layers import Layer, nest

B = (("class", "b"),)


# fmt: off
NESTED = [
    # (text, layers as (start, end, rank, tag), expected HTML)
    ("abc", [], "abc"),
    ("a<b&c", [], "a&lt;b&amp;c"),
    ("abcdef", [(1, 3, 0, "b")], "a<b>bc</b>def"),
    # the same span: the lower rank outside
    ("abc", [(0, 3, 1, "i"), (0, 3, 0, "b")], "<b><i>abc</i></b>"),
    # one inside another
    ("abcdef", [(0, 6, 0, "b"), (2, 4, 1, "i")], "<b>ab<i>cd</i>ef</b>"),
    # same start: the longer outside whatever the rank
    ("abcdef", [(0, 2, 0, "b"), (0, 6, 1, "i")], "<i><b>ab</b>cdef</i>"),
    # crossing: the inner one written in two fragments, the second marked data-cont
    ("abcdef", [(0, 4, 0, "b"), (2, 6, 1, "i")], '<b>ab<i>cd</i></b><i data-cont="">ef</i>'),
    ("abcdef", [(2, 6, 0, "b"), (0, 4, 1, "i")], '<i>ab<b>cd</b></i><b data-cont="">ef</b>'),
    # touching spans
    ("abcd", [(0, 2, 0, "b"), (2, 4, 0, "i")], "<b>ab</b><i>cd</i>"),
]
# fmt: on


@pytest.mark.parametrize(("text", "spans", "expected"), NESTED, ids=[e for *_, e in NESTED])
def test_nest(text: str, spans: list[tuple[int, int, int, str]], expected: str) -> None:
    assert nest(text, [Layer(s, e, r, t) for s, e, r, t in spans]) == expected


def test_first_attributes_and_prefix_only_on_the_first_fragment() -> None:
    layers = [
        Layer(0, 4, 0, "b"),
        Layer(2, 6, 1, "i", B, (("id", "x"),), "<aside data-nosrc>card</aside>"),
    ]
    assert nest("abcdef", layers) == (
        '<b>ab<i id="x" class="b"><aside data-nosrc>card</aside>cd</i></b>'
        '<i class="b" data-cont="">ef</i>'
    )


def test_attribute_values_are_escaped() -> None:
    assert nest("ab", [Layer(0, 1, 0, "b", (("title", '"<x>'),))]) == (
        '<b title="&quot;&lt;x&gt;">a</b>b'
    )


@pytest.mark.parametrize("span", [(2, 2), (3, 1), (-1, 2), (0, 9)], ids=str)
def test_empty_or_outside_layers_are_refused(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="empty or outside"):
        nest("abcd", [Layer(*span, 0)])


TAG = re.compile(r"<(/?)([a-z]+)([^>]*)>")


@st.composite
def texts_and_layers(draw: st.DrawFn) -> tuple[str, list[Layer]]:
    text = draw(st.text(alphabet="ab<&\n元", min_size=1, max_size=30))
    spans = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(text) - 1), st.integers(1, len(text)), st.integers(0, 3)
            ).filter(lambda t: t[0] < t[1]),
            max_size=8,
        )
    )
    layers = [
        Layer(s, e, r, "span", (("data-n", str(n)),), order=n) for n, (s, e, r) in enumerate(spans)
    ]
    return text, layers


@given(texts_and_layers())
def test_every_character_once_and_each_layer_around_exactly_its_span(
    case: tuple[str, list[Layer]],
) -> None:
    text, layers = case
    written = nest(text, layers)
    covered: dict[str, list[int]] = {str(n): [] for n in range(len(layers))}
    stack: list[str] = []
    plain: list[str] = []
    position = 0
    for piece in re.split(r"(<[^>]*>)", written):
        match = TAG.fullmatch(piece)
        if match:
            if match.group(1):
                stack.pop()
            else:
                stack.append(re.search(r'data-n="(\d+)"', match.group(3)).group(1))
            continue
        chars = html.unescape(piece)
        plain.append(chars)
        for n in stack:
            covered[n].extend(range(position, position + len(chars)))
        position += len(chars)
    assert not stack
    assert "".join(plain) == text
    for n, layer in enumerate(layers):
        assert covered[str(n)] == list(range(layer.start, layer.end))
