"""The learned verb: the rules' verb, another word near the number, or none.

SPEC's ``action`` is the verb that governs the number, null for linking verbs and emphasis;
gold leaves it null for dates, durations and ages (gold/README), so only money, counts,
percents and measures are asked. The candidates are "no verb" and each word near the
number that jieba tags as a verb or that the gold used as an action at least twice
(``data/action_words.txt``), never a linking verb or emphasis (``attach.toml``): before
the number back to the second clause mark (``，`` ``、`` ``：``) within ``LEFT_REACH``
characters, after it up to the first within ``RIGHT_REACH``. The features: the word, its
tag, its side and distance from the number, the clause marks, verbs and 的 between them,
the words next to it and next to the number, the fact's kind and unit; "no verb" has the
words next to the number and the kind. The rules' verb (or their "no verb") is one of the
candidates, marked as the rules' (with its word and the fact's kind), and added when it is
none of the words (``检获`` where jieba cuts ``检`` ``获``): the model weighs the rules'
answer against the others rather than filling only where the rules are silent.

Trained without batches 56–66 and scored on their 176 files (2,344 facts), the verb is
right for 0.811 of them, against 0.725 from the rules alone and 0.754 when the model was
asked only where the rules gave none; of the facts the rules gave a verb, it changed 173
(150 to the right verb, 23 away from it) (ARCHITECTURE, "Learned subjects and verbs").

>>> best_verb(Reading("决赛中,中国选手夺得其中的7项冠军。", 13, 15, "count", "项", "冠军", None))
'夺得'
"""

from __future__ import annotations

from ..lexicons import attach, per_lexicons
from .learned import Reading, Words, bucket, score_of, weights, word_list, words_around

__all__ = ["ACTING_KINDS", "WEIGHTS", "WORDS", "best_verb", "features"]

WEIGHTS = "action_weights.tsv"
WORDS = "action_words.txt"
ACTING_KINDS = frozenset({"money", "count", "percent", "measure"})
LEFT_REACH = 40
RIGHT_REACH = 30
_CLAUSE_MARKS = frozenset("，,：:、")


@per_lexicons(1)
def _never() -> frozenset[str]:
    """Linking verbs and emphasis, never an action (SPEC §3; ``attach.toml``
    ``linking_verbs``, ``emphasis``)."""
    lex = attach()
    return frozenset((*lex.linking_verbs, *lex.emphasis))


def _is_candidate(word: str, tag: str, listed: frozenset[str]) -> bool:
    return (tag.startswith("v") or word in listed) and word not in _never()


def features(
    r: Reading, listed: frozenset[str] | None = None
) -> list[tuple[str | None, list[str]]]:
    """ "No verb" and every candidate verb with its features; ``listed`` the action words
    (the package's by default; the training script gives its own)."""
    if listed is None:
        listed = word_list(WORDS)
    around = words_around(r.text, r.start, r.end, LEFT_REACH, RIGHT_REACH)
    left, right = around.left, around.right
    kind, unit = r.kind, r.unit or ""
    prev = left[-1] if left else ("<S>", "<S>")
    prev2 = left[-2] if len(left) > 1 else ("<S>", "<S>")
    nxt = right[0] if right else ("<E>", "<E>")
    out: list[tuple[str | None, list[str]]] = [
        (
            None,
            [
                "none",
                "none_k=" + kind,
                "none_pw=" + prev[0],
                "none_pp=" + prev[1],
                "none_nw=" + nxt[0],
                "none_np=" + nxt[1],
                f"none_k_pw={kind}_{prev[0]}",
                "none_p2=" + prev2[0],
                "none_u=" + unit,
            ],
        )
    ]
    out += _before(left, kind, unit, prev, listed)
    out += _after(right, kind, unit, nxt, listed)
    return _beside_rule(out, r.rule_action, kind)


def _beside_rule(
    candidates: list[tuple[str | None, list[str]]], rule: str | None, kind: str
) -> list[tuple[str | None, list[str]]]:
    """Each candidate told whether it is the rules' verb ("no verb" when the rules gave
    none), and the rules' verb added when it is none of them."""
    seen = False
    gave = "rule_gave=" + ("none" if rule is None else "v")
    for verb, f in candidates:
        if verb == rule:
            seen = True
            f += ["is_rule", "is_rule_k=" + kind, "is_rule_w=" + (verb or "-")]
        else:
            f.append(gave)
    if rule is not None and not seen:
        candidates.append(
            (rule, ["is_rule", "rule_extra", "is_rule_k=" + kind, "is_rule_w=" + rule])
        )
    return candidates


def _common(word: str, tag: str, kind: str, unit: str, listed: frozenset[str]) -> list[str]:
    return [
        "v",
        "w=" + word,
        "t=" + tag,
        f"lex={int(word in listed)}",
        f"k_w={kind}_{word}",
        f"u_w={unit}_{word}",
    ]


def _between(between: Words) -> list[str]:
    verbs = sum(1 for _, tag in between if tag.startswith("v"))
    return [f"nverbs_btw={min(verbs, 2)}", f"de_btw={int(any(w == '的' for w, _ in between))}"]


def _before(
    left: Words, kind: str, unit: str, prev: tuple[str, str], listed: frozenset[str]
) -> list[tuple[str | None, list[str]]]:
    out: list[tuple[str | None, list[str]]] = []
    marks = 0
    for k in range(len(left) - 1, -1, -1):
        word, tag = left[k]
        marks += word in _CLAUSE_MARKS
        if marks > 1:
            break
        if not _is_candidate(word, tag, listed):
            continue
        dist = len(left) - 1 - k
        f = [
            *_common(word, tag, kind, unit, listed),
            "d=L",
            "dist=L" + bucket(dist),
            f"commas=L{marks}",
            f"k_dist={kind}_L{bucket(dist)}",
            "nxtw=" + (left[k + 1][0] if k + 1 < len(left) else "<NUM>"),
            "prvw=" + (left[k - 1][0] if k > 0 else "<S>"),
            *_between(left[k + 1 :]),
            "pw=" + prev[0],
            f"w_pw={word}_{prev[0]}",
        ]
        out.append((word, f))
    return out


def _after(
    right: Words, kind: str, unit: str, nxt: tuple[str, str], listed: frozenset[str]
) -> list[tuple[str | None, list[str]]]:
    out: list[tuple[str | None, list[str]]] = []
    for k, (word, tag) in enumerate(right):
        if word in _CLAUSE_MARKS:
            break
        if not _is_candidate(word, tag, listed):
            continue
        f = [
            *_common(word, tag, kind, unit, listed),
            "d=R",
            "dist=R" + bucket(k),
            f"k_dist={kind}_R{bucket(k)}",
            "prvw=" + (right[k - 1][0] if k > 0 else "<NUM>"),
            "nxtw=" + (right[k + 1][0] if k + 1 < len(right) else "<E>"),
            *_between(right[:k]),
            "nw=" + nxt[0],
            f"w_nw={word}_{nxt[0]}",
        ]
        out.append((word, f))
    return out


def best_verb(r: Reading) -> str | None:
    """The candidate the model scores highest: a verb, or None for "no verb"."""
    w = weights(WEIGHTS)
    best: tuple[float, str | None] | None = None
    for verb, names in features(r):
        score = score_of(w, names)
        if best is None or score > best[0]:
            best = (score, verb)
    return best[1] if best is not None else None
