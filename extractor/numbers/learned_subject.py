"""A learned subject for a fact the rules gave none.

Among every run of up to ``MAX_WORDS`` of jieba's words before the number in its sentence
(or starting within ``RIGHT_STARTS`` words after it), the run the model scores highest.
The features are what a reader looks at: the words, tags and characters at the run's two
ends and just outside them, its length and whether it holds a verb, 的 or a digit, how far
it sits from the number and across how many commas, the last words and the last verb
between it and the number, the fact's kind and unit. A run that names nothing (no letter
or Han character: ``1500``) or holds an amount (``5000亿元+``) is never one.

Trained on the gold before the first-sight batches 56–64 and scored on those 144 files, it
gave a right subject to about half the facts the rules left without one (ARCHITECTURE,
"Learned subjects and verbs").

>>> text = "今年以来,全市共破获电信网络诈骗案件1718起"
>>> best_run(Reading(text, 18, 23, "count", "起", None, "破获"))
'电信网络诈骗案件'
"""

from __future__ import annotations

import re

from .learned import Reading, Words, bucket, weights, words_around

__all__ = ["MAX_WORDS", "WEIGHTS", "best_run", "candidates", "features"]

WEIGHTS = "subject_weights.tsv"
MAX_WORDS = 10
"""The longest run considered, in jieba's words (``90号汽油(Ⅱ)最高零售价格`` is 9)."""
LEFT_REACH = 60
RIGHT_REACH = 20
RIGHT_STARTS = 5
"""A run after the number starts within its first five words (``10名电诈受害人代表``)."""

_BREAK = re.compile(r"^[\s，,、。！？!?；;：:—…·]+$")
_AMOUNT = re.compile(r"[0-9０-９][0-9０-９.,]*\s*[万亿萬億元%％]")
"""An amount inside a run (``5000亿元+``): no gold subject holds one (53 hold a digit:
``90号汽油``, ``5G基站``), so such a run is never a subject."""


def _runs(words: Words, left: bool) -> list[tuple[int, int]]:
    """(first word, one past the last) of every run of whole words with no break in it."""
    runs = []
    n = len(words)
    if left:
        for j in range(n, 0, -1):
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
                runs.append((i, j))
    return runs


class _Side:
    """The words on one side of the number and the features of each word as a run's start
    and as its end."""

    def __init__(
        self, words: Words, left: bool, kind: str, unit: str, action: str | None, edge: str
    ):
        self.words = words
        self.left = left
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
        self.starts = [self._start(i) for i in range(n)]
        self.ends = [self._end(j, kind, unit, action) for j in range(1, n + 1)]

    def _start(self, i: int) -> list[str]:
        words = self.words
        first = words[i]
        prev = words[i - 1] if i > 0 else (self.edge, self.edge)
        f = [
            "fw=" + first[0],
            "fp=" + first[1],
            "pw=" + prev[0],
            "pp=" + prev[1],
            f"pp_fp={prev[1]}_{first[1]}",
            "fc=" + first[0][0],
            "pc=" + prev[0][-1],
        ]
        if (i == 0 and self.edge == "<S>") or (i > 0 and _BREAK.match(prev[0])):
            f.append("sclause")
        return f

    def _end(self, j: int, kind: str, unit: str, action: str | None) -> list[str]:
        words, d = self.words, self.side
        last = words[j - 1]
        nxt = words[j] if j < len(words) else ("<E>", "<E>")
        between = words[j:] if self.left else []
        dist = len(between)
        commas = sum(1 for w, _ in between if w in "，,")
        tail = last[0]
        f = [
            f"dist={d}{bucket(dist)}",
            f"commas={d}{min(commas, 2)}",
            "lw=" + tail,
            "lp=" + last[1],
            "nw=" + nxt[0],
            "np=" + nxt[1],
            f"lp_np={last[1]}_{nxt[1]}",
            f"k_lp={kind}_{last[1]}",
            f"k_lw={kind}_{tail}",
            f"u_lw={unit}_{tail}",
            f"k_d_dist={kind}_{d}_{bucket(dist)}",
            "lc=" + tail[-1],
            "lc2=" + tail[-2:],
            f"k_lc={kind}_{tail[-1]}",
            f"u_lc={unit}_{tail[-1]}",
            f"d_lp_dist={d}_{last[1]}_{bucket(dist)}",
        ]
        verbs = [w for w, t in between if t.startswith("v")]
        f.append("bv=" + (verbs[-1] if verbs else "-"))
        f.append(f"k_bv={kind}_{'v' if verbs else '-'}")
        for w, _ in between[-3:]:
            f.append("btw=" + w)
        f.append("btwp=" + "_".join(t for _, t in between[-3:]))
        if self.near is not None and j == self.near + 1:
            f.append("endnear")
        if action and any(w == action for w, _ in between):
            f.append("act_btw")
        return f

    def pair(self, i: int, j: int, action: str | None) -> list[str]:
        words = self.words
        f = [f"fp_lp={words[i][1]}_{words[j - 1][1]}", "ntok=" + bucket(j - i)]
        a, b = self.offsets[i], self.offsets[j]
        f.append("nch=" + bucket((b - a) // 2))
        f.append(f"nv={min(self.verbs[j] - self.verbs[i], 2)}")
        if self.des[j] - self.des[i]:
            f.append("has_de")
        if self.digits[j] - self.digits[i]:
            f.append("digit")
        if self.left and self.near is not None and j == self.near + 1:
            f.append("endnear_n" + bucket(j - i))
        if action and any(w == action for w, _ in words[i:j]):
            f.append("has_act")
        return f


def _sides(r: Reading) -> tuple[_Side, _Side, str, str]:
    around = words_around(r.text, r.start, r.end, LEFT_REACH, RIGHT_REACH)
    kind, unit, action = r.kind, r.unit or "", r.rule_action
    return (
        _Side(around.left, True, kind, unit, action, "<CUT>" if around.cut else "<S>"),
        _Side(around.right, False, kind, unit, action, "<NUM>"),
        around.left_text,
        around.right_text,
    )


def _kept(run: str) -> bool:
    """A subject names something: never a bare number (``1500``) nor one holding an amount."""
    return any(ch.isalpha() for ch in run) and not _AMOUNT.search(run)


def features(r: Reading) -> list[tuple[str, list[str]]]:
    """Every run around the number with its features (what the training script learns from)."""
    left, right, left_text, right_text = _sides(r)
    out = []
    for side, text in ((left, left_text), (right, right_text)):
        for i, j in _runs(side.words, side.left):
            run = text[side.offsets[i] : side.offsets[j]]
            if _kept(run):
                f = ["b", "d=" + side.side, *side.starts[i], *side.ends[j - 1]]
                out.append((run, [*f, *side.pair(i, j, r.rule_action)]))
    return out


def candidates(text: str, start: int, end: int) -> list[str]:
    """The runs the model chooses among for the number at ``text[start:end]``.

    >>> candidates("冻结涉案资金6.6亿元", 6, 11)
    ['资金', '涉案资金', '冻结涉案资金', '涉案', '冻结涉案', '冻结']
    """
    return [run for run, _ in features(Reading(text, start, end, "count", None, None, None))]


def best_run(r: Reading) -> str | None:
    """The run the model scores highest (None when there is no run): the sum of
    :func:`features`' weights, each word's start and end features summed once for all the
    runs it starts or ends."""
    w = weights(WEIGHTS)
    left, right, left_text, right_text = _sides(r)
    best: tuple[float, str] | None = None
    for side, text in ((left, left_text), (right, right_text)):
        base = w.get("b", 0.0) + w.get("d=" + side.side, 0.0)
        starts = [sum(w.get(x, 0.0) for x in f) for f in side.starts]
        ends = [sum(w.get(x, 0.0) for x in f) for f in side.ends]
        for i, j in _runs(side.words, side.left):
            run = text[side.offsets[i] : side.offsets[j]]
            if not _kept(run):
                continue
            pair = sum(w.get(x, 0.0) for x in side.pair(i, j, r.rule_action))
            score = base + starts[i] + ends[j - 1] + pair
            if best is None or score > best[0]:
                best = (score, run)
    return best[1] if best is not None else None
