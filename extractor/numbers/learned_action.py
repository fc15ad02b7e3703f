"""The learned verb: the rules' verb, another word near the number, or none.

SPEC's ``action`` is the verb that governs the number, null for linking verbs and emphasis;
gold leaves it null for dates, durations and ages (gold/README), so only money, counts,
percents and measures are asked. The candidates are "no verb" and every verb near the number
(:func:`_verbs`): a word jieba tags as a verb or that the gold used as an action at least
twice (``data/action_words.txt``), a word Baidu's LAC reads as a verb in the corpus texts
where jieba's dictionary does not (``data/verb_words.txt``: ``动员``, ``反对``), the beginning
or end of a word that is such an action (``挪用`` of ``挪用公款``), two or three words that are
one (``收跌``, ``被骗``, cut in two by jieba); never a linking verb or emphasis
(``attach.toml``). They are looked for before the number back to the second clause mark
(``，`` ``：``; the list mark ``、`` is counted, not a stop: ``查获A 5只、B 3只``) within
``LEFT_REACH`` characters, and after it up to the first clause mark within ``RIGHT_REACH``.
The features: the word, its tag (``S`` for a part of a word, ``J`` for words joined), its
side and distance from the number, the clause and list marks, verbs and 的 between them, the
words next to it and next to the number, the fact's kind and unit; "no verb" has the words
next to the number and the kind. The rules' verb (or their "no verb") is one of the
candidates, marked as the rules' (with its word and the fact's kind), and added when it is
none of the words (``检获`` where jieba cuts ``检`` ``获``): the model weighs the rules' answer
against the others rather than filling only where the rules are silent.

Trained without batches 56–68 and scored on their 208 files (2,817 facts), the verb is
right for 0.819 of them, against 0.732 from the rules alone and 0.807 as shipped before
(one word a candidate, the list mark a stop); over three training orders the list mark
counted gave 0.813 against 0.807, joined words 0.820, parts of words 0.821 (ARCHITECTURE,
"Learned subjects and verbs").

>>> best_verb(Reading("决赛中,中国选手夺得其中的7项冠军。", 13, 15, "count", "项", "冠军", None))
'夺得'
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import attach, per_lexicons
from .learned import Reading, Words, bucket, score_of, weights, word_list, words_around

__all__ = ["ACTING_KINDS", "WEIGHTS", "WORDS", "best_verb", "features"]

WEIGHTS = "action_weights.tsv"
WORDS = "action_words.txt"
VERB_WORDS = "verb_words.txt"  # words LAC reads as verbs that jieba's dictionary does not
ACTING_KINDS = frozenset({"money", "count", "percent", "measure"})
LEFT_REACH = 40
RIGHT_REACH = 30
_CLAUSE_MARKS = frozenset("，,：:、")
_LIST_MARKS = frozenset("、")


@per_lexicons(1)
def _never() -> frozenset[str]:
    """Linking verbs and emphasis, never an action (SPEC §3; ``attach.toml``
    ``linking_verbs``, ``emphasis``)."""
    lex = attach()
    return frozenset((*lex.linking_verbs, *lex.emphasis))


Key = tuple[str, str, str, str]
"""A candidate's word, tag, the fact's kind and unit: what its word's own features
(:func:`_common`) read, so their score is cached."""
Candidate = tuple[str | None, Key | None, list[str]]
"""A verb (None: no verb), the key of its word's own features, its other features."""


def features(
    r: Reading, listed: frozenset[str] | None = None
) -> list[tuple[str | None, list[str]]]:
    """ "No verb" and every candidate verb with its features; ``listed`` the action words
    (the package's by default; the training script gives its own)."""
    if listed is None:
        listed = word_list(WORDS)
    return [
        (verb, [*_common(*key, listed), *rest] if key else rest)
        for verb, key, rest in _candidates(r, listed)
    ]


def _candidates(r: Reading, listed: frozenset[str]) -> list[Candidate]:
    around = words_around(r.text, r.start, r.end, LEFT_REACH, RIGHT_REACH)
    left, right = around.left, around.right
    kind, unit = r.kind, r.unit or ""
    prev = left[-1] if left else ("<S>", "<S>")
    prev2 = left[-2] if len(left) > 1 else ("<S>", "<S>")
    nxt = right[0] if right else ("<E>", "<E>")
    out: list[Candidate] = [
        (
            None,
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


def _beside_rule(candidates: list[Candidate], rule: str | None, kind: str) -> list[Candidate]:
    """Each candidate told whether it is the rules' verb ("no verb" when the rules gave
    none), and the rules' verb added when it is none of them."""
    seen = False
    gave = "rule_gave=" + ("none" if rule is None else "v")
    for verb, _, f in candidates:
        if verb == rule:
            seen = True
            f += ["is_rule", "is_rule_k=" + kind, "is_rule_w=" + (verb or "-")]
        else:
            f.append(gave)
    if rule is not None and not seen:
        candidates.append(
            (rule, None, ["is_rule", "rule_extra", "is_rule_k=" + kind, "is_rule_w=" + rule])
        )
    return candidates


def _common(word: str, tag: str, kind: str, unit: str, listed: frozenset[str]) -> list[str]:
    """A candidate word's own features: the same wherever it stands."""
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


def _verbs(words: Words, listed: frozenset[str]) -> list[tuple[str, str, int, int]]:
    """Every verb among ``words``, as (verb, tag, first word, one past the last): a word
    jieba tags as a verb or the gold uses as one (``listed``), or that Baidu's LAC reads as
    a verb in the corpus texts (``data/verb_words.txt``, tagged ``v``: ``动员``, ``反对``);
    the beginning or end, two characters or more, of a word that the gold uses as a verb,
    tagged ``S`` (``挪用`` of ``挪用公款``; never one character: ``占`` of ``所占``); two or
    three words the gold uses as one verb, tagged ``J`` (``收跌``, ``汇给``, ``被骗``, which
    jieba cuts in two). Never a linking verb or emphasis."""
    never = _never()
    opens = _openings(listed)
    read_as_verbs = word_list(VERB_WORDS)
    names = [w for w, _ in words]
    n = len(names)
    out = []
    for k, (word, tag) in enumerate(words):
        if (tag.startswith("v") or word in listed) and word not in never:
            out.append((word, tag, k, k + 1))
        elif word in read_as_verbs and word not in never:
            out.append((word, "v", k, k + 1))  # 动员 (jieba: n), 反对 (d): tagged as a verb
        if len(word) > 1:
            out += [(part, "S", k, k + 1) for part in _parts(word, listed, never)]
        if word in opens:
            for j in (k + 2, k + 3):
                joined = "".join(names[k:j])
                if j <= n and joined in listed and joined not in never:
                    out.append((joined, "J", k, j))
    return out


@lru_cache(maxsize=4)
def _openings(listed: frozenset[str]) -> frozenset[str]:
    """Every beginning of a listed verb shorter than it: the words a join can start with."""
    return frozenset(verb[:n] for verb in listed for n in range(1, len(verb)))


@lru_cache(maxsize=1 << 16)
def _parts(word: str, listed: frozenset[str], never: frozenset[str]) -> list[str]:
    return [
        part
        for n in range(1, len(word))
        for part in (word[:n], word[n:])
        if len(part) > 1 and part in listed and part not in never
    ]


@lru_cache(maxsize=1 << 14)
def _common_score(word: str, tag: str, kind: str, unit: str) -> float:
    """The summed weights of :func:`_common` with the package's action words."""
    return score_of(weights(WEIGHTS), _common(word, tag, kind, unit, word_list(WORDS)))


def _before(
    left: Words, kind: str, unit: str, prev: tuple[str, str], listed: frozenset[str]
) -> list[Candidate]:
    out: list[Candidate] = []
    ending: dict[int, list[tuple[str, str, int]]] = {}
    for verb, tag, i, j in _verbs(left, listed):
        ending.setdefault(j - 1, []).append((verb, tag, i))
    marks = lists = 0
    for k in range(len(left) - 1, -1, -1):
        word = left[k][0]
        if word in _LIST_MARKS:
            lists += 1
        else:
            marks += word in _CLAUSE_MARKS
        if marks > 1:
            break
        for verb, tag, i in ending.get(k, ()):
            dist = len(left) - 1 - k
            f = [
                "d=L",
                "dist=L" + bucket(dist),
                f"commas=L{marks}",
                f"lists=L{min(lists, 3)}",
                f"k_dist={kind}_L{bucket(dist)}",
                "nxtw=" + (left[k + 1][0] if k + 1 < len(left) else "<NUM>"),
                "prvw=" + (left[i - 1][0] if i > 0 else "<S>"),
                *_between(left[k + 1 :]),
                "pw=" + prev[0],
                f"w_pw={verb}_{prev[0]}",
            ]
            out.append((verb, (verb, tag, kind, unit), f))
    return out


def _after(
    right: Words, kind: str, unit: str, nxt: tuple[str, str], listed: frozenset[str]
) -> list[Candidate]:
    out: list[Candidate] = []
    starting: dict[int, list[tuple[str, str, int]]] = {}
    for verb, tag, i, j in _verbs(right, listed):
        starting.setdefault(i, []).append((verb, tag, j))
    for k, (word, _) in enumerate(right):
        if word in _CLAUSE_MARKS:
            break
        for verb, tag, j in starting.get(k, ()):
            f = [
                "d=R",
                "dist=R" + bucket(k),
                f"k_dist={kind}_R{bucket(k)}",
                "prvw=" + (right[k - 1][0] if k > 0 else "<NUM>"),
                "nxtw=" + (right[j][0] if j < len(right) else "<E>"),
                *_between(right[:k]),
                "nw=" + nxt[0],
                f"w_nw={verb}_{nxt[0]}",
            ]
            out.append((verb, (verb, tag, kind, unit), f))
    return out


def best_verb(r: Reading) -> str | None:
    """The candidate the model scores highest: a verb, or None for "no verb"."""
    w = weights(WEIGHTS)
    best: tuple[float, str | None] | None = None
    for verb, key, names in _candidates(r, word_list(WORDS)):
        score = score_of(w, names)
        if key is not None:
            score += _common_score(*key)
        if best is None or score > best[0]:
            best = (score, verb)
    return best[1] if best is not None else None
