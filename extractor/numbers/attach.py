"""Subject, action, change and basis of each number, read from its clause (SPEC §3).

Pure functions over a string and the spans of the facts found in it: no tagging of the
whole text. The clause is the text between the punctuation marks around the number; the
governing verb is the rightmost verb of ``data/attach.toml`` before it; the subject is the
noun between that verb and the number (``破获电信网络诈骗案件1718起`` → ``电信网络诈骗案件``),
else the noun after the classifier (``抓获 9 名犯罪嫌疑人``, ``…的Goip窝点`` → ``Goip窝点``),
else the verb (``追赃100余万元`` → ``追赃``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicons import attach

__all__ = ["Attachment", "Item", "attach_all"]

CLAUSE_END = frozenset("，,；;。！？!?：:\n")
_TRIM = " \t\u3000“”\"'‘’「」『』（）()《》【】·、"


@dataclass(frozen=True)
class Item:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Attachment:
    subject: str | None = None
    action: str | None = None
    change: str | None = None
    basis: str | None = None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_END:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_END:
        right += 1
    return left, right


def _rightmost(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The rightmost occurrence of any word (longest at a position)."""
    best: tuple[int, str] | None = None
    for word in words:
        at = text.rfind(word)
        if at == -1:
            continue
        if best is None or at > best[0] or (at == best[0] and len(word) > len(best[1])):
            best = (at, word)
    return best


def _leftmost(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for word in words:
        at = text.find(word)
        if at == -1:
            continue
        if best is None or at < best[0] or (at == best[0] and len(word) > len(best[1])):
            best = (at, word)
    return best


def _strip(phrase: str) -> str:
    """Drop adverbs, particles and quantifier words from both ends (``共破获`` → …)."""
    lex = attach()
    previous = None
    while phrase != previous:
        previous = phrase
        phrase = phrase.strip(_TRIM)
        for word in lex.strip:
            if phrase.startswith(word) and len(phrase) > len(word):
                phrase = phrase[len(word) :]
                break
        for word in lex.strip:
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase = phrase[: -len(word)]
                break
        if phrase.endswith("中") and len(phrase) > 2:
            phrase = phrase[:-1]  # 5 名技术骨干中
    return phrase.strip(_TRIM)


def _clean(phrase: str) -> str | None:
    phrase = _strip(phrase)
    if not phrase or phrase in attach().strip or any(ch.isdigit() for ch in phrase):
        return None
    return phrase


def _noun_after(text: str) -> str | None:
    """The noun right after a classifier: up to the first verb or number; after a 的-clause."""
    lex = attach()
    cut = len(text)
    for i, ch in enumerate(text):
        if ch.isdigit():
            cut = i
            break
    found = _leftmost(text[:cut], lex.verbs + lex.weak_verbs + lex.emphasis)
    if found is not None:
        head = text[: found[0]]
        if "的" in head or found[0] > 0:
            cut = found[0]
    region = text[:cut]
    if "的" in region:
        region = region[region.rfind("的") + 1 :]
    return _clean(region)


def _change(segment: str) -> tuple[str | None, str | None, int | None]:
    """(change, change word, its position) when the number is the size of a change."""
    lex = attach()
    found = _rightmost(segment, lex.up + lex.down)
    if found is None:
        return None, None, None
    at, word = found
    after = segment[at + len(word) :]
    if after.strip(_TRIM).startswith(lex.level_after):
        return None, word, at  # 下降至95.4%: a level, not a change
    if _clean(after) is not None:
        return None, None, None  # other words between: the change word governs something else
    return ("up" if word in lex.up else "down"), word, at


def _attach_one(
    text: str, item: Item, previous: Item | None, previous_result: Attachment | None
) -> Attachment:
    lex = attach()
    if item.kind == "date":
        return Attachment()
    c_start, c_end = _clause(text, item.start, item.end)
    left = text[c_start : item.start]
    right = text[item.end : c_end]
    same_clause = previous is not None and previous.end >= c_start and previous.kind == item.kind
    segment_start = previous.end if same_clause and previous is not None else c_start
    segment = text[segment_start : item.start]

    if item.kind == "duration":
        found = _leftmost(right, lex.verbs + lex.weak_verbs)
        if found is not None:
            return Attachment(subject=found[1])
        found = _rightmost(left, lex.verbs) or _rightmost(left, lex.weak_verbs)
        return Attachment(subject=found[1] if found else None)
    if item.kind == "age":
        if right.startswith("的"):
            return Attachment(subject=_noun_after(right[1:]))
        return Attachment(subject=_noun_after(right) or _clean(left))

    # a number listed after another with nothing but a joiner between shares its reading
    if (
        same_clause
        and previous_result is not None
        and segment.strip(_TRIM) in ("", *lex.list_joiners)
    ):
        return previous_result

    change, change_word, change_at = _change(left)
    basis = None
    if change is not None:
        if _rightmost(left, lex.yoy):
            basis = "yoy"
        elif _rightmost(left, lex.mom):
            basis = "mom"

    share = _rightmost(left, lex.share)
    verb = _rightmost(left, lex.verbs) or _rightmost(left, lex.weak_verbs)
    emphasis = _rightmost(left, lex.emphasis)
    action = None
    if change_word is not None and change_at is not None:
        action = change_word
    elif share is not None and (verb is None or share[0] >= verb[0]):
        action = share[1]
    elif verb is not None:
        action = verb[1]
    elif emphasis is not None:
        action = emphasis[1]

    subject = None
    if change_at is not None:
        region_end = change_at
        basis_at = _rightmost(left[:change_at], lex.yoy + lex.mom)
        if basis_at is not None:
            region_end = basis_at[0]
        region = left[:region_end]
        before = _rightmost(region, lex.verbs)
        subject = (_clean(region[before[0] + len(before[1]) :]) if before else None) or _clean(
            region
        )
    elif share is not None and action == share[1]:
        region = left[: share[0]]
        before = _rightmost(region, lex.verbs)
        subject = _clean(region[before[0] + len(before[1]) :] if before else region)
    else:
        region = segment
        if verb is not None and verb[0] + c_start >= segment_start:
            region = left[verb[0] + len(verb[1]) :]
        subject = _clean(region)
        if subject is None:
            subject = _noun_after(right)
        if subject is None and verb is not None:
            subject = verb[1]
    return Attachment(subject=subject, action=action, change=change, basis=basis)


def attach_all(text: str, items: list[Item]) -> list[Attachment]:
    """The attachment of each item (sorted by start) found in ``text``.

    >>> text = "今年以来,全市共破获电信网络诈骗案件1718起,追赃100余万元,立案同比下降43.9%"
    >>> items = [Item("count", 18, 23), Item("money", 26, 32), Item("percent", 39, 44)]
    >>> [(a.subject, a.action, a.change, a.basis) for a in attach_all(text, items)]
    [('电信网络诈骗案件', '破获', None, None), ('追赃', '追赃', None, None), ('立案', '下降', 'down', 'yoy')]
    """
    results: list[Attachment] = []
    previous: Item | None = None
    previous_result: Attachment | None = None
    for item in items:
        result = _attach_one(text, item, previous, previous_result)
        results.append(result)
        if item.kind != "date":
            previous, previous_result = item, result
    return results
