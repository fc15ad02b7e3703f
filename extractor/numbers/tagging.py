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

The cut is jieba's own dictionary cut (``jieba.posseg.lcut(text, HMM=False)``: the most
probable path through the dictionary's words, runs of Latin letters and digits joined as
``eng``, each word's tag from the dictionary), computed here in one loop over jieba's own
dictionary instead of through jieba's layers of generators: the same words and tags
(``tests/test_tagging.py`` compares them), at about 2.4 times the speed, which was a fifth
of the extraction's time.

>>> tagged("須於21天內歸還款項")
(('須', 'd'), ('於', 'p'), ('21', 'eng'), ('天', 'q'), ('內', 'n'), ('歸還', 'v'), ('款項', 'n'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from math import log

from ..lexicons import attach, per_lexicons, simplified

__all__ = ["PHRASE_NOUN_TAGS", "first_tag", "jieba_cut", "keeps_words", "tagged", "word_across"]

PHRASE_NOUN_TAGS = frozenset(
    {"n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "ng", "vn", "eng", "j", "l"}
)
"""The tags of the words a noun phrase is made of (nouns, names, verbal nouns, abbreviations,
idioms, Latin words)."""

# jieba.posseg's own patterns: the blocks its dictionary cuts, the blanks between them, and
# how a character outside the blocks is tagged
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_BLANK = re.compile(r"(\r\n|\s)")
_NUMBER = re.compile(r"[\.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")
_LATIN_CHAR = re.compile("^[a-zA-Z0-9]$")


@per_lexicons(4096)  # bounded: the windows around numbers are mostly new text
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of a short text; the words are slices of ``text`` itself. A noun
    for a person that jieba's dictionary tags as a verb is tagged ``n``
    (``data/attach.toml`` ``nouns_tagged_as_verbs``: ``选手``, ``处长``), and so is one
    it tags as an adverb (``nouns_tagged_as_adverbs``: ``难度``); an adverb it tags as a
    morpheme is tagged ``d`` (``adverbs_tagged_otherwise``: ``仍``)."""
    lex = attach()
    pairs = []
    at = 0
    for word, tag in jieba_cut(text.translate(simplified())):
        if (tag == "v" and word in lex.nouns_tagged_as_verbs) or (
            tag == "d" and word in lex.nouns_tagged_as_adverbs
        ):
            tag = "n"
        elif word in lex.adverbs_tagged_otherwise:
            tag = "d"  # 7人仍失踪: 仍 (zg) is an adverb, no noun
        pairs.append((text[at : at + len(word)], tag))
        at += len(word)
    return tuple(pairs)


def jieba_cut(text: str) -> list[tuple[str, str]]:
    """``[(word, tag)]`` as ``jieba.posseg.lcut(text, HMM=False)`` gives them.

    >>> jieba_cut("诈骗案件共1718起")
    [('诈骗', 'vn'), ('案件', 'n'), ('共', 'd'), ('1718', 'eng'), ('起', 'v')]
    """
    words: list[tuple[str, str]] = []
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _BLOCK.match(block):
            _cut_block(block, words)
            continue
        for part in _BLANK.split(block):
            if _BLANK.match(part):
                words.append((part, "x"))
                continue
            latin = _LATIN.match(part) is not None
            for char in part:
                words.append((char, "m" if _NUMBER.match(char) else "eng" if latin else "x"))
    return words


def _cut_block(block: str, words: list[tuple[str, str]]) -> None:
    """jieba's ``get_DAG`` + ``calc`` + ``__cut_DAG_NO_HMM`` in one pass: from the end, the
    best-scoring word at each position (ties to the longer word, as jieba's ``max`` over
    ``(score, end)`` does), then the words from the start."""
    dictionary = _dictionary()
    freq, total = dictionary.freq, dictionary.log_total
    n = len(block)
    score = [0.0] * (n + 1)
    last = list(range(n))
    for k in range(n - 1, -1, -1):
        best = _NO_SCORE
        i = k
        count = freq.get(block[k])
        while count is not None:
            if count:
                candidate = log(count) - total + score[i + 1]
                if candidate >= best:
                    best, last[k] = candidate, i
            i += 1
            if i == n:
                break
            count = freq.get(block[k : i + 1])
        score[k] = best if best != _NO_SCORE else log(1) - total + score[k + 1]
    x, latin = 0, ""
    while x < n:
        y = last[x] + 1
        word = block[x:y]
        if _LATIN_CHAR.match(word):
            latin += word
        else:
            if latin:
                words.append((latin, "eng"))
                latin = ""
            words.append((word, dictionary.tags.get(word, "x")))
        x = y
    if latin:
        words.append((latin, "eng"))


_NO_SCORE = float("-inf")  # no word found at a place yet (every word's score is finite)


@dataclass(frozen=True)
class _Dictionary:
    freq: dict[str, int]  # jieba's prefix dictionary: word → count, prefix → 0
    log_total: float
    tags: dict[str, str]


@cache
def _dictionary() -> _Dictionary:
    """jieba's dictionary and tags, loaded on the first look-up, its log quietened once."""
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return _Dictionary(jieba.dt.FREQ, log(jieba.dt.total), posseg.dt.word_tag_tab)


def first_tag(text: str) -> str:
    """The tag of the first word of ``text``; ``""`` for an empty text."""
    words = tagged(text)
    return words[0][1] if words else ""


def word_across(text: str, at: int, before: int, after: int) -> str | None:
    """The word of the tagger's reading of ``text[at - before : at + after]`` that runs on
    across ``at`` (neither starting nor ending there), else None.

    >>> word_across("据四川省公安部门统计", 7, 6, 3), word_across("公安部门户网站", 3, 6, 3)
    ('公安部门', None)
    """
    pos = max(0, at - before)
    for word, _ in tagged(text[pos : at + after]):
        if pos < at < pos + len(word):
            return word
        pos += len(word)
    return None


def keeps_words(text: str, start: int, end: int) -> bool:
    """Whether no word of the tagger's reading of the text around ``[start, end)`` crosses
    one of its ends: the span is whole words, or inside one word (``南投縣``), but not the
    tail of one word and the head of the next (``进港|人数`` for ``港人``, ``说明|老人`` for
    ``明老人``).

    >>> keeps_words("两大空港进港人数", 5, 7), keeps_words("南投縣政府", 0, 2)
    (False, True)
    """
    left = max(0, start - 4)
    at = left
    for piece, _ in tagged(text[left : end + 4]):
        a, b = at, at + len(piece)
        if a < start < b < end or start < a < end < b:
            return False
        at = b
    return True
