"""Part-of-speech tags of the few characters around a number, by jieba's dictionary.

The attachment asks small questions of the words next to a number: does the phrase after
a classifier open with a verb or a preposition, which verb is the event a length of time
measures. jieba answers them from its dictionary, which is in simplified characters, so a
traditional text is looked up through its simplified form (``data/traditional.txt``, one
character for one); the words handed back are the text's own.

jieba's part-of-speech HMM (for words not in the dictionary) is not used: it cost about
2 ms a look-up, several times the rest of the pipeline on text it had not seen, and with
traditional text read through the dictionary it changed no subject of the gold files.
jieba is loaded on the first look-up, and results are cached per text.

>>> tagged("須於21天內歸還款項")
(('須', 'd'), ('於', 'p'), ('21', 'eng'), ('天', 'q'), ('內', 'n'), ('歸還', 'v'), ('款項', 'n'))
"""

from __future__ import annotations

from functools import cache

from ..lexicons import per_lexicons, simplified

__all__ = ["first_tag", "tagged"]


@per_lexicons(4096)  # bounded: the windows around numbers are mostly new text
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of a short text; the words are slices of ``text`` itself."""
    posseg = _posseg()
    pairs = []
    at = 0
    for pair in posseg.lcut(text.translate(simplified()), HMM=False):
        pairs.append((text[at : at + len(pair.word)], pair.flag))
        at += len(pair.word)
    return tuple(pairs)


@cache
def _posseg():  # type: ignore[no-untyped-def]
    """jieba's tagger, imported on the first look-up, its log quietened once."""
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)
    return posseg


def first_tag(text: str) -> str:
    """The tag of the first word of ``text``; ``""`` for an empty text."""
    words = tagged(text)
    return words[0][1] if words else ""
