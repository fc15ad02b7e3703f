"""A learned subject for a fact the rules gave none, or a verb phrase.

Among every run of up to ``MAX_WORDS`` of jieba's words before the number in its sentence
(or starting within ``RIGHT_STARTS`` words after it), and the rules' subject when there is
one, the candidate the model scores highest. The features are what a reader looks at: the
words, tags and characters at the run's two ends and just outside them, its length and
whether it holds a verb, 的 or a digit, how far it sits from the number and across how
many commas, the last words and the last verb between it and the number, the fact's kind
and unit, and how the run stands to the rules' subject (the same, inside it, ending it,
holding it, apart from it) and what that subject looks like (:func:`shape`). A run that
names nothing (no letter or Han character: ``1500``) or holds an amount (``5000亿元+``)
is never one.

The model is asked (:func:`asks`) where the rules give no subject, or one that is a verb
or ends in one: SPEC §3 takes the verb phrase only when no noun names what is counted, so
the model weighs the rules' verb phrase against the nouns around the number. A plain noun
phrase of the rules' is kept. Trained towards the closest right candidate
(``tools/train_learned.py``) without batches 56–68 and scored on their 208 files (2,817
facts), the subject is right for 0.758 of them (0.60 exactly the gold's), against 0.711
from the rules alone (ARCHITECTURE, "Learned subjects and verbs").

>>> text = "警方依法传唤涉嫌赌博人员30余名,行政拘留12人。"
>>> best_run(Reading(text, 23, 26, "count", "人", "拘留", "拘留"))
'涉嫌赌博人员'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..lexicons import attach
from .learned import Reading, Words, bucket, score_of, weights, words_around
from .tagging import tagged

__all__ = [
    "LONG",
    "MAX_WORDS",
    "WEIGHTS",
    "asks",
    "best_of",
    "best_run",
    "candidates",
    "features",
    "shape",
]

WEIGHTS = "subject_weights.tsv"
MAX_WORDS = 10
"""The longest run considered, in jieba's words (``90号汽油(Ⅱ)最高零售价格`` is 9)."""
LEFT_REACH = 60
RIGHT_REACH = 20
END_BEAM = 6
"""Runs are scored whole only where they end at one of the six best-scored ends of a side
(or at the end of the rules' subject): the same choice as scoring every run on all but one
of 3,588 held-out facts, at a fraction of the cost."""
RIGHT_STARTS = 5
"""A run after the number starts within its first five words (``10名电诈受害人代表``)."""

LONG = 8
"""A rules' subject this long or longer is ``long`` (``国家知识产权局累计授权发明专利``)."""

_BREAK = re.compile(r"^[\s，,、。！？!?；;：:—…·]+$")
_AMOUNT = re.compile(r"[0-9０-９][0-9０-９.,]*\s*[万亿萬億元%％]")
"""An amount inside a run (``5000亿元+``): no gold subject holds one (53 hold a digit:
``90号汽油``, ``5G基站``), so such a run is never a subject."""


def _runs(words: Words, left: bool, ends: set[int] | None = None) -> list[tuple[int, int]]:
    """(first word, one past the last) of every run of whole words with no break in it
    (only those whose last word is in ``ends``, when given)."""
    runs = []
    n = len(words)
    if left:
        last = range(n, 0, -1) if ends is None else sorted((k + 1 for k in ends), reverse=True)
        for j in last:
            if _BREAK.match(words[j - 1][0]):
                continue
            for i in range(j - 1, max(-1, j - 1 - MAX_WORDS), -1):
                if _BREAK.match(words[i][0]):
                    break
                runs.append((i, j))
    else:
        for i in range(min(n, RIGHT_STARTS)):
            if _BREAK.match(words[i][0]):
                break
            for j in range(i + 1, min(n, i + MAX_WORDS) + 1):
                if _BREAK.match(words[j - 1][0]):
                    break
                if ends is None or j - 1 in ends:
                    runs.append((i, j))
    return runs


def _start_words(first: tuple[str, str], prev: tuple[str, str], opens: bool) -> list[str]:
    """A run's first word's own features: it, the word before it, whether it opens a clause."""
    f = [
        "fw=" + first[0],
        "fp=" + first[1],
        "pw=" + prev[0],
        "pp=" + prev[1],
        f"pp_fp={prev[1]}_{first[1]}",
        "fc=" + first[0][0],
        "pc=" + prev[0][-1],
    ]
    if opens:
        f.append("sclause")
    return f


def _end_words(last: tuple[str, str], nxt: tuple[str, str], kind: str, unit: str) -> list[str]:
    """A run's last word's own features: it, the word after it, with the fact's kind and unit."""
    tail = last[0]
    return [
        "lw=" + tail,
        "lp=" + last[1],
        "nw=" + nxt[0],
        "np=" + nxt[1],
        f"lp_np={last[1]}_{nxt[1]}",
        f"k_lp={kind}_{last[1]}",
        f"k_lw={kind}_{tail}",
        f"u_lw={unit}_{tail}",
        "lc=" + tail[-1],
        "lc2=" + tail[-2:],
        f"k_lc={kind}_{tail[-1]}",
        f"u_lc={unit}_{tail[-1]}",
    ]


def _place_words(
    d: str,
    dist: str,
    commas: int,
    kind: str,
    last_tag: str,
    verb: str,
    tail: tuple[str, ...],
    near: bool,
    acted: bool,
) -> list[str]:
    """A run's last word's place: how far from the number, across how many commas, the
    last verb and the last (up to three) words and tags between (``tail``: words, then
    tags), whether it is the noun nearest the number, whether the rules' verb lies between."""
    half = len(tail) // 2
    f = [
        f"dist={d}{dist}",
        f"commas={d}{commas}",
        f"k_d_dist={kind}_{d}_{dist}",
        f"d_lp_dist={d}_{last_tag}_{dist}",
        "bv=" + verb,
        f"k_bv={kind}_{'v' if verb != '-' else '-'}",
        *("btw=" + w for w in tail[:half]),
        "btwp=" + "_".join(tail[half:]),
    ]
    if near:
        f.append("endnear")
    if acted:
        f.append("act_btw")
    return f


def _scored(features: Callable[..., list[str]], size: int = 1 << 14) -> Callable[..., float]:
    """The summed weights of what ``features`` gives for a key, cached by the key: a word's
    or a run's part of the features, the same wherever it stands."""

    @lru_cache(maxsize=size)
    def score(*key: object) -> float:
        return score_of(weights(WEIGHTS), features(*key))

    return score


_place_score = _scored(_place_words)
_start_score = _scored(_start_words)
_end_score = _scored(_end_words)


class _Side:
    """The words on one side of the number and the features of each word as a run's start
    and as its end. Each is the word's own part (the words and tags at that edge, the
    fact's kind and unit: the same wherever it stands, so its score is cached) and its
    place's part (distance, commas and verbs between it and the number)."""

    def __init__(
        self, words: Words, left: bool, kind: str, unit: str, action: str | None, edge: str
    ):
        self.words = words
        self.left = left
        self.kind, self.unit = kind, unit
        self.edge = edge  # what stands before the first word: <S>, <CUT> (the window's
        # reach ended it) or <NUM> (the number, on the right)
        self.side = "L" if left else "R"
        n = len(words)
        self.offsets = [0] * (n + 1)
        for k, (w, _) in enumerate(words):
            self.offsets[k + 1] = self.offsets[k] + len(w)
        self.verbs = [0] * (n + 1)
        self.des = [0] * (n + 1)
        self.digits = [0] * (n + 1)
        for k, (w, t) in enumerate(words):
            self.verbs[k + 1] = self.verbs[k] + t.startswith("v")
            self.des[k + 1] = self.des[k] + (w == "的")
            self.digits[k + 1] = self.digits[k] + any(ch.isdigit() for ch in w)
        self.near = None
        if left:
            self.near = next(
                (
                    k
                    for k in range(n - 1, -1, -1)
                    if words[k][1][:1] in ("n", "e") or words[k][1] == "vn"
                ),
                None,
            )
        self._between(action)

    def _start_key(self, i: int) -> tuple[tuple[str, str], tuple[str, str], bool]:
        words = self.words
        prev = words[i - 1] if i > 0 else (self.edge, self.edge)
        opens = (i == 0 and self.edge == "<S>") or (i > 0 and bool(_BREAK.match(prev[0])))
        return words[i], prev, opens

    def start(self, i: int) -> list[str]:
        """The features of word ``i`` as a run's first word."""
        return _start_words(*self._start_key(i))

    def start_score(self, i: int) -> float:
        return _start_score(*self._start_key(i))

    def _end_key(self, j: int) -> tuple[tuple[str, str], tuple[str, str], str, str]:
        words = self.words
        nxt = words[j] if j < len(words) else ("<E>", "<E>")
        return words[j - 1], nxt, self.kind, self.unit

    def end(self, j: int) -> list[str]:
        """The features of word ``j - 1`` as a run's last word."""
        return [*_end_words(*self._end_key(j)), *_place_words(*self._place_key(j))]

    def end_score(self, j: int) -> float:
        return _end_score(*self._end_key(j)) + _place_score(*self._place_key(j))

    def _place_key(
        self, j: int
    ) -> tuple[str, str, int, str, str, str, tuple[str, ...], bool, bool]:
        """What lies between word ``j - 1`` and the number (the left side only:
        ``words[j:]``), read from the suffix tables that ``_between`` builds once: the
        distance and commas, the last verb, the last three words, whether the word is the
        noun nearest the number and whether the rules' verb lies between."""
        words = self.words
        n = len(words)
        if not self.left:
            return ("R", "0", 0, self.kind, words[j - 1][1], "-", (), False, False)
        verb = words[self._last_verb][0] if self._last_verb >= j else "-"
        return (
            "L",
            bucket(n - j),
            min(self._commas[j], 2),
            self.kind,
            words[j - 1][1],
            verb,
            self._tail(max(j, n - 3)),
            self.near is not None and j == self.near + 1,
            self._action_at >= j,
        )

    def _tail(self, k: int) -> tuple[str, ...]:
        """The words from ``k`` to the number, then their tags (``k`` at least ``n - 3``:
        four of them, kept once built)."""
        tail = self._tails.get(k)
        if tail is None:
            tail = self._tails[k] = tuple(w for w, _ in self.words[k:]) + tuple(
                t for _, t in self.words[k:]
            )
        return tail

    def _between(self, action: str | None) -> None:
        """What the left side's places read: the clause commas from each word to the number
        (a suffix table), the place of the last verb and of the rules' verb (-1: none)."""
        words = self.words
        n = len(words)
        self._tails: dict[int, tuple[str, ...]] = {}
        self._commas = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            self._commas[k] = self._commas[k + 1] + (words[k][0] in "，,")
        self._last_verb = next((k for k in range(n - 1, -1, -1) if words[k][1].startswith("v")), -1)
        self._action_at = -1
        if action:
            self._action_at = next((k for k in range(n - 1, -1, -1) if words[k][0] == action), -1)

    def _pair_key(
        self, i: int, j: int, action: str | None
    ) -> tuple[str, str, int, int, int, bool, bool, int, bool]:
        """What a run's two ends read together: their tags, its length in words and
        characters, its verbs, whether it holds 的, a digit or the rules' verb, and its
        length when it ends at the noun nearest the number (-1: it does not)."""
        words = self.words
        near = self.left and self.near is not None and j == self.near + 1
        return (
            words[i][1],
            words[j - 1][1],
            j - i,
            (self.offsets[j] - self.offsets[i]) // 2,
            min(self.verbs[j] - self.verbs[i], 2),
            self.des[j] > self.des[i],
            self.digits[j] > self.digits[i],
            j - i if near else -1,
            bool(action) and any(w == action for w, _ in words[i:j]),
        )

    def pair(self, i: int, j: int, action: str | None) -> list[str]:
        """The features of the run ``words[i:j]`` as a whole."""
        return _pair_words(*self._pair_key(i, j, action))

    def pair_score(self, i: int, j: int, action: str | None) -> float:
        return _pair_score(*self._pair_key(i, j, action))


def _pair_words(
    first: str,
    last: str,
    n: int,
    chars: int,
    verbs: int,
    de: bool,
    digit: bool,
    near: int,
    act: bool,
) -> list[str]:
    f = [f"fp_lp={first}_{last}", "ntok=" + bucket(n), "nch=" + bucket(chars), f"nv={verbs}"]
    if de:
        f.append("has_de")
    if digit:
        f.append("digit")
    if near >= 0:
        f.append("endnear_n" + bucket(near))
    if act:
        f.append("has_act")
    return f


_pair_score = _scored(_pair_words)


def _sides(r: Reading) -> tuple[_Side, _Side, str, str]:
    around = words_around(r.text, r.start, r.end, LEFT_REACH, RIGHT_REACH)
    kind, unit, action = r.kind, r.unit or "", r.rule_action
    return (
        _Side(around.left, True, kind, unit, action, "<CUT>" if around.cut else "<S>"),
        _Side(around.right, False, kind, unit, action, "<NUM>"),
        around.left_text,
        around.right_text,
    )


def _kept(run: str, kind: str) -> bool:
    """A subject names something: never a bare number (``1500``) nor one holding an amount,
    nor, but for a count (``登上5个台阶``), a threshold the number marks (``data/attach.toml``
    ``landmark_nouns``: ``突破3000亿元大关``)."""
    return (
        any(ch.isalpha() for ch in run)
        and not _AMOUNT.search(run)
        and (kind == "count" or run not in attach().landmark_nouns)
    )


def shape(subject: str) -> str:
    """What the rules' subject looks like, by jieba's tags of it alone: ``verb`` (one word
    tagged a verb: ``拘留``), ``lastv`` (ends in a verb: ``汽油每吨折算``), ``hasv`` (holds
    one: ``项目夺得二等奖``), ``long`` (``LONG`` characters or more), else ``plain``.

    >>> [shape(s) for s in ("拘留", "汽油每吨折算", "项目夺得二等奖", "电信网络诈骗案件", "赃款")]
    ['verb', 'lastv', 'hasv', 'long', 'plain']
    """
    words = tagged(subject)
    if len(words) == 1 and words[0][1].startswith("v"):
        return "verb"
    if words[-1][1].startswith("v") and words[-1][1] != "vn":
        return "lastv"
    if any(t.startswith("v") and t != "vn" for _, t in words):
        return "hasv"
    return "long" if len(subject) >= LONG else "plain"


def asks(r: Reading) -> bool:
    """Whether the model chooses this fact's subject: the rules gave none, or a verb phrase
    (a verb, or ending in one), which the model weighs against the runs around the number.
    Asking also where the rules' subject holds a verb inside (``hasv``) gave, over two
    training orders, 0.768 and 0.770 held out (batches 56–68) against 0.760 and 0.758, but
    on the two batches labelled next (entries 70–71) it moved 6 subjects to the gold's and
    11 away, for about a quarter more time in all: not kept. A long plain
    subject (``long``) is not asked either: a model trained on such facts changed 8 to the
    gold's and 16 away from it."""
    return r.rule_subject is None or shape(r.rule_subject) in ("verb", "lastv")


def _beside_rule(run: str, rule: str, sh: str) -> list[str]:
    """How a run stands to the rules' subject (of shape ``sh``)."""
    return _relation_words(_relation(run, rule), sh)


def _relation(run: str, rule: str) -> str:
    if run == rule:
        return "is"
    if rule.endswith(run):
        return "suffix"
    if run.endswith(rule):
        return "ext"
    return "in" if run in rule else "not"


def _relation_words(relation: str, sh: str) -> list[str]:
    if relation == "is":
        return ["is_rule", "is_rule_" + sh]
    if relation in ("suffix", "ext"):
        return [f"rule_{relation}", f"rule_{relation}_{sh}"]
    return [f"{relation}_rule_{sh}"]


_relation_score = _scored(_relation_words, 64)


def features(r: Reading) -> list[tuple[str, list[str]]]:
    """Every run around the number with its features (what the training script learns
    from), and the rules' subject when it is none of the runs."""
    left, right, left_text, right_text = _sides(r)
    rule = r.rule_subject
    sh = shape(rule) if rule is not None else ""
    out = []
    seen = False
    for side, text in ((left, left_text), (right, right_text)):
        for i, j in _runs(side.words, side.left):
            run = text[side.offsets[i] : side.offsets[j]]
            if _kept(run, r.kind):
                f = ["b", "d=" + side.side, *side.start(i), *side.end(j)]
                f += side.pair(i, j, r.rule_action)
                if rule is not None:
                    f += _beside_rule(run, rule, sh)
                    if run == rule:
                        seen = True
                        f.append("is_rule_k=" + r.kind)
                out.append((run, f))
    if rule is not None and not seen:
        out.append((rule, _rule_alone(rule, sh, r.kind)))
    return out


def _rule_alone(rule: str, sh: str, kind: str) -> list[str]:
    """The features of the rules' subject when no run is it."""
    return ["is_rule", "rule_extra", "is_rule_" + sh, "is_rule_k=" + kind]


def candidates(text: str, start: int, end: int) -> list[str]:
    """The runs the model chooses among for the number at ``text[start:end]``.

    >>> candidates("冻结涉案资金6.6亿元", 6, 11)
    ['资金', '涉案资金', '冻结涉案资金', '涉案', '冻结涉案', '冻结']
    """
    return [run for run, _ in features(Reading(text, start, end, "count", None, None, None))]


def best_run(r: Reading) -> str | None:
    """The candidate the model scores highest (None when there is none): the sum of
    :func:`features`' weights, each word's start and end features summed once for all the
    runs it starts or ends. Only the runs ending at the ``END_BEAM`` best-scored ends of
    each side (and at the end of the rules' subject) are scored whole, so when none of those
    is a candidate (the best ends lie past a break, or name nothing) there is none: on the
    1,121 files four facts, whose other runs are ``之后``, ``前``, ``后``."""
    return best_of(r, END_BEAM)


def best_of(r: Reading, beam: int | None) -> str | None:
    """The candidate scoring highest among the runs ending at the ``beam`` best-scored ends
    of each side (every run when ``beam`` is None)."""
    w = weights(WEIGHTS)
    left, right, left_text, right_text = _sides(r)
    rule = r.rule_subject
    sh = shape(rule) if rule is not None else ""
    seen = False
    best: tuple[float, str] | None = None
    for side, text in ((left, left_text), (right, right_text)):
        base = w.get("b", 0.0) + w.get("d=" + side.side, 0.0)
        starts: dict[int, float] = {}
        ends = [side.end_score(j) for j in range(1, len(side.words) + 1)]
        keep = None
        if beam is not None:
            keep = set(sorted(range(len(ends)), key=ends.__getitem__)[-beam:])
            if rule is not None:
                keep.update(
                    j - 1 for j in range(1, len(ends) + 1) if text[: side.offsets[j]].endswith(rule)
                )
        for i, j in _runs(side.words, side.left, keep):
            run = text[side.offsets[i] : side.offsets[j]]
            if not _kept(run, r.kind):
                continue
            pair = side.pair_score(i, j, r.rule_action)
            if i not in starts:
                starts[i] = side.start_score(i)
            score = base + starts[i] + ends[j - 1] + pair
            if rule is not None:
                score += _relation_score(_relation(run, rule), sh)
                if run == rule:
                    seen = True
                    score += w.get("is_rule_k=" + r.kind, 0.0)
            if best is None or score > best[0]:
                best = (score, run)
    if rule is not None and not seen:
        score = score_of(w, _rule_alone(rule, sh, r.kind))
        if best is None or score > best[0]:
            best = (score, rule)
    return best[1] if best is not None else None
