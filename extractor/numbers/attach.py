"""Subject, action, change and basis of each number, read from its clause (SPEC §3).

Pure functions over a string and the spans of the facts found in it: no tagging of the
whole text. The clause is the text between the punctuation marks around the number. Rules,
in order (each names the SPEC example it follows):

- the governing verb is the first verb of ``data/attach.toml`` before the number in its
  clause segment (``发放救助金4.3亿元`` → ``发放``, not the ``救助`` inside the noun);
- a change: the noun before ``同比``/``增长``…, the change verb is the action
  (``立案同比下降43.9%`` → ``立案``, ``下降``, ``down``, ``yoy``); ``下降至`` is a level;
- a count reads the noun after its classifier first (``10名电诈受害人代表`` → ``电诈受害人代表``,
  ``…的Goip窝点`` → ``Goip窝点``); a noun unit is its own subject (``3 地`` → ``地``);
- else the noun between the verb and the number (``破获电信网络诈骗案件1718起``), without its
  的-clause and trailing names; else ``…的价值`` after it; else, for a percent, the subject of
  the number before it in the sentence (``出口541.5亿美元,增长22.3%``); else the verb
  (``追赃100余万元`` → ``追赃``);
- numbers listed with 、/和 after another share its reading (``751户1053人``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate

from ..affixes import alternation, by_identity, is_han, word_at, word_ending_at
from ..lexicons import attach, cases, kind, numbers, per_lexicons, simplified, units
from .tagging import PHRASE_NOUN_TAGS, first_tag, tagged

__all__ = ["Attachment", "Item", "attach_all", "without_per_unit"]

CLAUSE_END = frozenset("，,；;。！？!?：:\n")
SENTENCE_END = frozenset("。！？!?；;\n")
_CLAUSE = re.compile("[，,；;。！？!?：:\n]")
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff])")
"""A space between two Han characters, which the text keeps only in a headline
(:func:`extractor.facts.inner_spaces`): it parts the headline's clauses (``侦破特大诈骗案
涉案金额近千万``: 侦破 does not govern the amount)."""
_SHORT_BRACKET = re.compile(r"[(（][^()（）]{1,2}[)）]")
# the other end of a range written as two amounts (50元以上200元以下): skipped to the noun
_RANGE_END = re.compile(
    r"[0-9.,，万萬亿億千百十零一二三四五六七八九两兩]*[元圆圓]?(?:以下|以上|以內|以内)?"
)
_QUOTED_END = re.compile(r"[“「]([^“”「」]{2,10})[”」]?$")  # a phrase ending in a quoted term
_UNIT_NOTE = re.compile(r"[(（][\u4e00-\u9fff、]{1,6}[)）]")  # 市(自治州), 省(区、市)
_TRIM = " \t\u3000“”\"'‘’「」『』（）()《》【】·、#"
_LONE_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9]|[^\W\d万亿萬億元千百])")
"""A number standing alone in a phrase (``5000亿元+300亿美元``: no word between the numbers),
or an amount's (``602.51亿元``); not one inside a word or before one (``3D打印设备``,
``3年期票面利率``, ``100强``)."""
_NAMES = re.compile(r"(?:[\u4e00-\u9fff]某[\u4e00-\u9fff]?[、，,和及与]?)+$")


@dataclass(frozen=True)
class Item:
    kind: str
    start: int
    end: int
    unit: str | None = None
    relative: bool = False  # a date with no number (今年, 上月): not cut out of noun phrases


@dataclass(frozen=True)
class Attachment:
    subject: str | None = None
    action: str | None = None
    change: str | None = None
    basis: str | None = None
    standard: bool = False  # the number is what a change is measured against: no verb


CLAUSE_REACH = 200
"""Characters a clause reaches on each side of its number at most (the corpus's longest
clause has 115): text without punctuation is read in a bounded window, in linear time."""
SENTENCE_REACH = 400
"""… and a sentence (the corpus's longest has 216)."""


def bounds(text: str, start: int, end: int, stops: frozenset[str], reach: int) -> tuple[int, int]:
    """The clause (or sentence) around ``text[start:end]``: from after the last stop
    character before ``start`` to the first one at or after ``end``, at most ``reach``
    characters on each side.

    >>> bounds("甲,乙乙12丙。", 3, 5, CLAUSE_END, 200), bounds("甲乙乙12丙丙丙", 3, 5, CLAUSE_END, 2)
    ((2, 7), (1, 7))
    """
    positions = _stop_positions(text, stops)
    k = bisect_left(positions, start)
    left = positions[k - 1] + 1 if k else 0
    k = bisect_left(positions, end)
    right = positions[k] if k < len(positions) else len(text)
    return max(left, start - reach), min(right, end + reach)


@lru_cache(maxsize=4)  # one article at a time: its clause and sentence stops
def _stop_positions(text: str, stops: frozenset[str]) -> list[int]:
    pattern = re.compile("[" + re.escape("".join(sorted(stops))) + "]")
    if stops is CLAUSE_END:  # a space left between two Han characters parts a headline's clauses
        pattern = re.compile(pattern.pattern + "|" + _HAN_GAP.pattern)
    return [m.start() for m in pattern.finditer(text)]


@cache
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(alternation(words))


_BY_IDENTITY: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a word list, found by the list's identity first: the lists are the
    lexicons' own (or :func:`_joined` ones), and hashing a tuple of hundreds of words on
    every look-up cost more than the search. The entry holds the list, so its id stays its
    own."""
    return by_identity(_BY_IDENTITY, words, _compiled)


@per_lexicons(16)
def _joined(*names: str) -> tuple[str, ...]:
    """Word lists of ``attach.toml`` joined, made once per lexicons (``up`` + ``down``)."""
    lex = attach()
    return tuple(word for name in names for word in getattr(lex, name))


def _find(text: str, words: tuple[str, ...], *, last: bool) -> tuple[int, str] | None:
    """The first (or last) occurrence of any word; the longest where they overlap.

    >>> _find("相比上月减少", ("比上月", "相比上月"), last=True)
    (0, '相比上月')
    """
    pattern = _alternation(words)
    if not last:
        match = pattern.search(text)
        return (match.start(), match.group()) if match else None
    best: tuple[int, str] | None = None
    for match in pattern.finditer(text):
        best = (match.start(), match.group())
    return best


def _governing_verb(segment: str) -> tuple[int, str] | None:
    """The verb that governs the noun before the number: the first strong verb, at its last
    occurrence when it repeats (拨打预警提示电话、外呼拨打预警劝阻电话), skipping a verb that is the
    head of a one-character noun after it (发放救助金: 救助 is inside 救助金)."""
    lex = attach()
    start = 0
    while True:
        found = _find(segment[start:], lex.verbs, last=False)
        if found is None:
            return None
        at = segment.rfind(found[1])
        tail = _strip(segment[at + len(found[1]) :])
        if len(tail) != 1:
            return (at, found[1])
        start = start + found[0] + len(found[1])  # 注册率: the verb heads a one-character noun


def _strip(phrase: str) -> str:
    """Drop adverbs, particles and quantifier words from both ends (``共破获`` → …); a
    one-character word inside the tagger's last word stays (``主力合约``).

    >>> _strip("共破获"), _strip("涉案金额约"), _strip("主力合约")
    ('破获', '涉案金额', '主力合约')
    """
    lex = attach()
    previous = None
    while phrase != previous:
        previous = phrase
        phrase = phrase.strip(_TRIM)
        if (word := word_at(phrase, 0, lex.strip_start)) and not (
            len(word) == 1 and len(phrase) > 1 and tagged(phrase)[0][0] != word
        ):  # 对方: 对 inside the tagger's first word is no preposition
            phrase = phrase[len(word) :]
        if (word := word_ending_at(phrase, len(phrase), lex.strip_end)) and not (
            len(word) == 1 and len(phrase) > 1 and tagged(phrase)[-1][0] != word
        ):  # 主力合约: 约 inside the tagger's word is no qualifier
            phrase = phrase[: -len(word)]
    return phrase.strip(_TRIM)


_LAST_YEARS = re.compile(r"^近\s*[0-9一二三四五六七八九十两兩]+\s*(?:个|個)?\s*年?多?")
"""A window of the last years opening a phrase (``近3年``, ``近十年``, ``近五年多``): no
fact of its own where it opens a clause (``exclusions.toml``), and no part of a subject."""

_TICKER = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*(?:\.[A-Z]{2,6}|[A-Z]{1,6}\.[A-Z]{0,2}|[(（][A-Z]{1,6}\.[A-Z]{1,2}[)）])$"
)
"""A stock or index code after a Han name (``道琼工业指数.DJI``, ``苹果AAPL.``,
``亚马逊(AMZN.O)``): always with a dot, so ``GDP`` and ``CPI`` stay."""


def _last_particle_de(phrase: str) -> int | None:
    """Where the last 的 of ``phrase`` that is a word of its own stands: not the 的 of a
    word such as 的士 (a taxi), 目的 or 的确.

    >>> _last_particle_de("新界的士"), _last_particle_de("被盗的汽车")
    (None, 2)
    """
    at = phrase.rfind("的")
    if at < 0:
        return None
    end = 0
    for word, _ in tagged(phrase):
        end += len(word)
        if end > at:
            if word == "的":
                return at
            return _last_particle_de(phrase[: end - len(word)])
    return None


def _clean(phrase: str, *, names: bool = False) -> str | None:
    """A noun phrase without its 的-clause, trailing names (unless ``names``: an age's
    person) and edge words; None if empty."""
    if (de := _last_particle_de(phrase)) is not None:
        phrase = phrase[de + 1 :]
    if (owner := _owner().search(phrase)) and owner.end() < len(phrase):
        phrase = phrase[owner.end() :]  # 归属于上市公司股东净利润: 净利润, as after 的
    if (bound := _time_bound_at(phrase)) is not None:
        phrase = phrase[:bound]  # 登革熱境外移入個案截至昨天共: the time bound is no part of it
    phrase = _strip(_TICKER.sub("", phrase))  # 苹果AAPL.收高: the company, not its code
    phrase = _strip(_LAST_YEARS.sub("", phrase))  # 近十年整體勞動基金: the window is no part
    without_names = None if names else _strip(_NAMES.sub("", phrase))
    phrase = without_names or phrase  # 犯罪嫌疑人郭某、章某 → 犯罪嫌疑人; 刘某 stays
    if not phrase or _LONE_NUMBER.search(phrase) or not any(ch.isalpha() for ch in phrase):
        return None  # 5000亿元+300亿美元: no word between the numbers
    return _close_bracket(phrase)


def without_per_unit(subject: str) -> str:
    """``subject`` without the unit a price is written per at its end (``遠東到美西運價每FEU
    (40呎櫃)`` → ``遠東到美西運價``): the unit is no part of what is measured; a subject that is
    only the unit stays as it is."""
    if (per := _per_unit().search(subject)) and per.start() > 0:
        return _strip(subject[: per.start()]) or subject
    return subject


@per_lexicons()
def _per_unit() -> re.Pattern[str]:
    """The units a price is written per, ending a phrase: 每 and a classifier, a physical or a
    time unit or a Latin abbreviation, once or more, with a note in brackets (``每TEU(20呎櫃)``,
    ``每公斤``, ``每人每年``)."""
    lex = units()
    words = sorted({*lex.classifiers, *lex.measure, *lex.time}, key=len, reverse=True)
    unit = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:每(?:{unit}|[A-Z]{{2,5}}))+(?:[(（][^()（）]{{1,12}}[)）])?$")


@per_lexicons()
def _owner() -> re.Pattern[str]:
    """An owner that opens a noun phrase with no 的 after it: 归属(于), at most ten
    characters, 股东 (``data/attach.toml`` ``owner_openers``, ``owner_heads``)."""
    lex = attach()
    openers = "|".join(re.escape(w) for w in lex.owner_openers)
    heads = "|".join(re.escape(w) for w in lex.owner_heads)
    return re.compile(f"(?:{openers})[\u4e00-\u9fff]{{0,10}}?(?:{heads})")


def _time_bound_at(phrase: str) -> int | None:
    """Where a bound of time written after a noun inside ``phrase`` starts (``个案截至昨天``,
    ``余额截止6月末``: ``data/attach.toml`` ``time_bounds``); None at the start or when absent."""
    for i in range(1, len(phrase)):
        if word_at(phrase, i, attach().time_bounds) and _has_noun(phrase[:i]):
            return i
    return None


def _close_bracket(phrase: str) -> str:
    """Give back the closing bracket the trimming took from a phrase that opens one
    (``市(州)``, ``县(市、区)``)."""
    for opener, closer in (("(", ")"), ("（", "）")):
        if phrase.count(opener) > phrase.count(closer):
            return phrase + closer
    return phrase


def _duration_subject(left: str, right: str) -> str | None:
    """The event a length of time measures: the verb right before it (監禁2年, 居住最多10年),
    else the first verb after it (10多年来一直…打工, 21天內歸還), else the last verb before it."""
    lex = attach()
    tail = left.rstrip(_TRIM)
    changed = True
    while changed:
        changed = False
        for word in attach().duration_strip:
            if tail.endswith(word):
                tail, changed = tail[: -len(word)], True
    before = tagged(tail[-8:]) if tail else ()
    if before and before[-1][1] in ("v", "vn") and len(before[-1][0]) > 1:
        return before[-1][0]  # 監禁2年, 以监禁2年为量刑起点
    if len(before) > 1 and len(before[-1][0]) == 1 and before[-2][1] == "v":
        return before[-2][0] + before[-1][0]  # 获刑15年: a verb and its one-character object
    words = list(tagged(right[:14]))
    while words and words[0][0] in attach().duration_after_number:
        words.pop(0)  # 10多年来, 3秒后: the word after the number belongs to it
    for i, (word, tag) in enumerate(words):
        if tag in ("v", "vn") and (len(word) > 1 or i == 0) and word not in lex.strip_start:
            return word  # not 累计, 截至: a word of summing or of scope names no event
        if tag == "i" and i > 0:
            return word  # 8小时后,张某到派出所投案自首: an idiom after the time is its event
    for word, tag in reversed(before):
        if tag == "v" and len(word) > 1:
            return word
    return None


_CLAUSE_OPENINGS = frozenset({"v", "p", "d", "c"})
_ADJECTIVE_TAGS = frozenset({"a", "ad", "an", "z", "b"})


def _opens_modifier(text: str, *, modifiers: bool = False) -> bool:
    """Does ``text`` open a modifier of the noun after its 的, not the counted noun itself: a
    verb, preposition, adverb or conjunction (a clause: ``为…的Goip窝点``, ``陷入…的被害人``), an
    adjective or state (``较新的渔网``, ``被困的村民``) or a pronoun-led possessor
    (``该化工厂的伤者``)? A noun before the 的 is what is counted (``起案件的犯罪嫌疑人``).
    The short modifiers (at most four characters before the 的, opening with a pronoun or
    ending in an adjective or state, and a noun after the 的) only with ``modifiers``: after
    a classifier of things, not after 人, which is the noun itself (``三人轻伤的严重后果``: the
    clause the people are the subject of)."""
    if first_tag(text) in _CLAUSE_OPENINGS:
        return True
    if not modifiers or not 0 < (de := text.find("的")) <= 4:
        return False
    before, after = tagged(text[:de]), tagged(text[de + 1 :])
    return (
        (before[0][1] == "r" or before[-1][1] in _ADJECTIVE_TAGS)
        and bool(after)
        and after[0][1].startswith("n")
    )


def _opens_with_function_word(text: str) -> bool:
    """``为研究生学历``, ``也被牵扯``: no noun right after the classifier."""
    return first_tag(text) in ("p", "d", "c")


def _time_word_at(region: str) -> int | None:
    """Where a time word (``前三季度``, ``今年``) starts after the first word of a region."""
    at = 0
    for i, (word, tag) in enumerate(tagged(region[:20])):
        if i > 0 and (tag in ("t", "mq") or (tag == "f" and len(word) == 1)):
            return at
        at += len(word)
    return None


def _negated_modifier(text: str) -> int | None:
    """Where the noun starts after a negated verb that modifies it (``未完稅香煙`` → 3): a
    negation (``attach.toml`` ``negated_modifiers``), a verb, then a noun; None otherwise."""
    words = tagged(text)
    if (
        len(words) > 2
        and words[0][0] in attach().negated_modifiers
        and words[1][1] in _VERB_TAGS
        and words[2][1] in _COUNTED_NOUN_TAGS
    ):
        return len(words[0][0]) + len(words[1][0])
    return None


def _opens_with_adverbial_verb(text: str) -> bool:
    """``紧急转移安置``, ``早前承認控罪``: an adjective used as an adverb, or a time word,
    before a verb; no noun."""
    words = tagged(text)
    return len(words) > 1 and words[0][1] in ("a", "ad", "t", "s") and words[1][1] == "v"


def _noun_after(
    text: str, *, after_de: bool = False, names: bool = False, modifiers: bool = False
) -> str | None:
    """The noun right after a classifier (``名犯罪嫌疑人``, ``个为…的Goip窝点``,
    ``个上学的孩子``, ``起案件的犯罪嫌疑人`` → ``案件``).

    ``None`` when the text opens with a stop word, or when the noun runs straight into the
    next number (``7辆、作案手机17台``: 作案手机 belongs to 17台)."""
    lex = attach()
    if text.startswith("“") and "”" in text[:20]:
        return _clean(text[1 : text.index("”")])  # 十个“凡是”
    if (m := _SHORT_BRACKET.match(text)) is not None:
        text = text[m.end() :]  # 5500件(床)衣被: another classifier in brackets, then the noun
    elif text[:1] in ("(", "（"):
        return None  # 载客13人(含船长和船员): a note in brackets, not the counted noun
    separated = text[:1] in _TRIM  # 7辆、作案手机17台: the noun after 、 is the next number's
    text = text.lstrip(_TRIM)
    if not text:
        return None
    digit_at = next((i for i, ch in enumerate(text) if ch.isdigit()), len(text))
    region = text[:digit_at]
    opened = max(region.rfind("("), region.rfind("（"))
    if opened > 0 and ")" not in region[opened:] and "）" not in region[opened:]:
        region = region[:opened]  # 11名乘客(其中7名…): a note the next number interrupts
    runs_into_number = digit_at < len(text)
    if "的" in region:
        at = region.find("的")
        opens = _opens_modifier(region[:12], modifiers=modifiers)
        region = region[at + 1 :] if opens else region[:at]
        runs_into_number = False
    elif (negated := _negated_modifier(region[:12])) is not None:
        region = region[negated:]  # 約200萬支未完稅香煙: the noun the negated verb modifies
    elif _opens_with_function_word(region[:12]) or _opens_with_adverbial_verb(region[:12]):
        return None
    # after a 的 the phrase is a noun already (的打击整治养老诈骗专项行动): only a strong verb later
    # in it ends it
    verb: tuple[int, str] | None
    if after_de:
        verb, at = None, 0
        for i, (word, tag) in enumerate(tagged(region[:20])):
            if tag in ("v", "p") and i > 0 and word not in lex.name_marks:
                verb = (at, word)  # 的刘某来自四川省, 的妇女因…: a predicate after the noun ends it
                break
            at += len(word)
    else:
        verb = _find(
            _without_modifier_verbs(region), _joined("verbs", "weak_verbs", "emphasis"), last=False
        )
        if (predicate := _predicate_after_noun(region)) is not None and (
            verb is None or predicate[0] < verb[0]
        ):
            verb = predicate  # 13名矿工开始出井, 3.7万间房屋倒塌: the noun ends at its predicate
    rest = region[verb[0] + len(verb[1]) :] if verb is not None else ""
    if len(rest) == 1 and rest not in CLAUSE_END and rest not in _TRIM:
        verb = None  # 救助金: the verb heads a one-character noun (not 增长。: a stop ends it)
    if verb is not None:
        if verb[0] == 0:
            return None
        through = region[: verb[0] + len(verb[1])]  # 企业营业收入超过: 收入 read as a verb
        region = cut if (cut := _without_measure_noun(through)) != through else region[: verb[0]]
        region = _without_measure_noun(region)
        runs_into_number = False
    starts = _word_starts(region[:24])
    nouns_at = _noun_words_at(region[:24])
    for i in range(1, len(region)):
        if region.startswith(lex.noun_stops, i) and (i in starts or i >= 24):
            if i in nouns_at:
                continue  # 363个重点中药材品种: 中 opens a noun of the tagger's, no stop
            if _coordinated_noun(region, i):
                continue  # 90个国家和地区, 4家中小板及创业板公司: one counted noun
            region = region[:i]  # not inside a word: 棉被, 衣被
            runs_into_number = False
            break
    at = 0
    for i, (word, _) in enumerate(tagged(region[:24])):
        if i > 0 and word in lex.noun_stop_prepositions:  # as its own word, whatever its tag
            region, runs_into_number = region[:at], False  # 3名被告人经公安机关通知: a
            break  # preposition opens the predicate's adverbial, the noun ends before it
        at += len(word)
    if (time_at := _time_word_at(region)) is not None:
        region, runs_into_number = region[:time_at], False  # 13个城市前三季度…: a time ends it
    if not any(ch.isalpha() for ch in region):
        return None  # 10000亿元+1000亿美元: no word between the numbers
    if runs_into_number and separated and not region.rstrip(" \t\u3000").endswith(lex.list_joiners):
        return None
    return _clean(_noun_phrase(region), names=names)


def _measure_passing(subject: str, verb: str) -> str | None:
    """A subject read up to ``verb``, a verb of passing a mark, without the verb and the
    adverbs before it (``石油和化工行业总产值有望突破`` → ``石油和化工行业总产值``); none when
    no noun is left (``盘中冲破``)."""
    lex = attach()
    words = list(tagged(subject[: -len(verb)]))
    while words and (
        (words[-1][1] not in _PHRASE_NOUN_TAGS and words[-1][0] not in lex.verbal_nouns)
        or words[-1][0] in lex.adverbs_tagged_as_nouns
    ):
        words.pop()  # 营业收入力争突破: 收入 a measure the tagger calls a verb
    phrase = _clean("".join(w for w, _ in words))
    return _head_phrase(phrase) if phrase and _has_noun(phrase) else None


def _landmark_owner(segment: str, landmark: str) -> str | None:
    """The measure a threshold word belongs to: tied by a 的 (``在其高考成绩总分的基础上`` →
    ``高考成绩总分``), or the noun before the verb that reaches it (``资产总额首次迈上`` →
    ``资产总额``); else none (the caller's fall-backs name the measure)."""
    at = segment.rfind("的" + landmark)
    if at > 0:
        before = _clean(_split_at_last_preposition(segment[:at]))
        if before and tagged(before)[-1][1] == "v":
            return None  # 在去年增长8%的基础上: a change, no measure
    elif (
        verb := _find(segment, attach().reach_verbs, last=True) or _governing_verb(segment)
    ) is not None:
        before = _clean(segment[: verb[0]])  # 资产总额首次迈上5万亿元新台阶: the verb's subject
    else:
        return None
    return _head_phrase(before) if before and _has_noun(before) else None


def _split_at_last_preposition(text: str) -> str:
    """``text`` after the last preposition or pronoun that opens the phrase (在其, 从, 以)."""
    at = 0
    cut = 0
    for word, tag in tagged(text):
        at += len(word)
        if tag in ("p", "r"):
            cut = at
    return text[cut:]


def _without_modifier_verbs(region: str) -> str:
    """``region`` with the verbs that modify a noun after them blanked out, where a noun
    follows, no noun for people before them, and at the region's start a noun for people
    after them (``电信诈骗嫌疑人``, ``诈骗嫌疑人``: 诈骗 is inside the counted noun, no predicate
    ending it; not ``公职人员涉嫌违纪``, ``5人涉嫌利用``; ``attach.toml`` ``modifier_verbs``)."""
    lex = attach()
    out, i = [], 0
    while i < len(region):
        word = word_at(region, i, lex.modifier_verbs)
        after = tagged(region[i + len(word) : i + len(word) + 6]) if word else ()
        if (
            word is not None
            and after
            and after[0][1] in (_COUNTED_NOUN_TAGS | {"vn"})
            and not region[:i].endswith(lex.person_ends)  # 公职人员涉嫌违纪: a predicate
            and (i > 0 or after[0][0].endswith(lex.person_ends))  # 98名诈骗嫌疑人
        ):
            out.append("\x00" * len(word))
            i += len(word)
        else:
            out.append(region[i])
            i += 1
    return "".join(out)


def _counts_noun_after(item: Item, right: str) -> bool:
    """Does a classifier name the noun it counts right after it (``其中有14家公司``,
    ``其中1名船员``)? Not 人, which is the noun itself (``其中10人情況危殆``), nor a
    predicate (``其中56家预告``, ``16项基本符合``), nor a measure of what is counted
    (``有464家营收环比增长``)."""
    if item.unit in attach().bare_person_units or right[:1] in _TRIM:
        return False
    words = tagged(right[:12])
    return (
        bool(words)
        and words[0][1] in _COUNTED_NOUN_TAGS
        and (noun := _noun_after(right)) is not None
        and not _names_measure(noun)  # 公司中,有464家营收环比增长: the companies' measure
    )


def _noun_phrase(region: str) -> str:
    """The noun phrase a region after a classifier opens with: it ends, once a noun has been
    read, at the first word no noun phrase goes on with (``data/attach.toml``
    ``noun_phrase_ends``: a preposition, adverb, conjunction, pronoun, numeral, adjective or
    idiom: ``男子強押上車`` → ``男子``, ``犯罪嫌疑人对各自…`` → ``犯罪嫌疑人``). A word of one
    character ends it only as a function word (``对``, ``因``, ``各``; not ``大类``, not a
    name's ``某``), an adjective only when no noun follows it (``大类``), and nothing ends it
    right after a joiner (``机构、高等院校``).

    >>> _noun_phrase("犯罪嫌疑人对犯罪事实供认不讳"), _noun_phrase("男子各持有一把刀")
    ('犯罪嫌疑人', '男子')
    >>> _noun_phrase("工业行业大类"), _noun_phrase("男孩胡某"), _noun_phrase("电影机构、高等院校")
    ('工业行业大类', '男孩胡某', '电影机构、高等院校')
    """
    lex = attach()
    words = tagged(region[:24])
    at, noun = 0, False
    for i, (word, tag) in enumerate(words):
        if (
            noun
            and tag in lex.noun_phrase_ends
            and (len(word) > 1 or tag in lex.noun_phrase_ends_one_char)
            and word not in lex.name_marks
            and words[i - 1][0] not in _CHUNK_JOINERS
            and not (tag == "a" and i + 1 < len(words) and words[i + 1][1] in _PHRASE_NOUN_TAGS)
            and not _coordinated_noun(region, at)  # 国家和地区: one noun
        ) or (noun and word in lex.totality):  # 八名船员全部失踪: a scope word (tagged n)
            return region[:at]
        noun = noun or (tag in _PHRASE_NOUN_TAGS and tag != "l")
        at += len(word)
    return region


def _coordinated_noun(region: str, at: int) -> bool:
    """Does a conjunction at ``at`` (``data/attach.toml`` ``noun_conjunctions``: 和, 及) join
    a second noun to the counted one, rather than open another item: a short noun follows it
    (the words the tagger reads as nouns), with no number, list or named place
    (``国家和地区``; not ``嫌疑人和涉案车辆5辆``, ``城市和雄安新区、…``)."""
    lex = attach()
    conjunction = word_at(region, at, lex.noun_conjunctions)
    if conjunction is None:
        return False
    rest = region[at + len(conjunction) :]
    words = tagged(rest[:10])
    if not words or words[0][1] in ("nr", "nrt", "ns") or words[0][0] in lex.scope_words:
        return False  # 县(市、区)和嘉峪关市, 手机卡及大量电子设备: another thing named
    size = 0
    for word, tag in words:
        if tag not in _PHRASE_NOUN_TAGS:
            break
        size += len(word)
    after = rest[size : size + 1]
    return 2 <= size <= 5 and not after.isdigit() and not _is_numeral(after) and after != "、"


def _is_numeral(ch: str) -> bool:
    """Whether ``ch`` is a Chinese numeral or unit of one (``data/numbers.toml``)."""
    lex = numbers()
    return bool(ch) and (ch in lex.digits or ch in lex.small_units or ch in lex.big_units)


def _noun_words_at(text: str) -> set[int]:
    """Where the tagger's nouns of two characters or more start in ``text``."""
    at, found = 0, set()
    for word, tag in tagged(text):
        if len(word) > 1 and tag.startswith("n"):
            found.add(at)
        at += len(word)
    return found


def _word_starts(text: str) -> set[int]:
    """Where the tagger's words of ``text`` start."""
    starts, at = set(), 0
    for word, _ in tagged(text):
        starts.add(at)
        at += len(word)
    return starts


def _without_measure_noun(noun: str) -> str:
    """A counted noun before its predicate, without a noun that ends it and names a measure
    of it (``data/attach.toml`` ``measure_nouns``, the money words of ``units.toml``): that
    noun is what the predicate's number measures (``公司净利润超过1亿元`` → ``公司``,
    ``展品投保金额为41万元`` → ``展品投保``).

    >>> _without_measure_noun("公司净利润"), _without_measure_noun("省份GDP")
    ('公司', '省份')
    >>> _without_measure_noun("藏品成交率"), _without_measure_noun("行业增加值")
    ('藏品', '行业')
    >>> _without_measure_noun("资金"), _without_measure_noun("投资项目")
    ('资金', '投资项目')
    """
    lex = attach()
    measure = word_ending_at(noun, len(noun), lex.measure_nouns) or word_ending_at(
        noun, len(noun), units().money_words
    )
    if not measure and (words := tagged(noun)) and len(words) > 1:
        last, tag = words[-1]
        if (
            len(last) >= 2
            and tag in ("n", "vn")
            and last.endswith(lex.measure_suffixes)
            and not noun[: -len(last)].endswith(lex.measure_suffixes)  # 净值增长率: one measure
        ):
            measure = last  # 成交率, 增加值, 成交额: a noun formed as a measure of something
    if not measure or len(measure) < 2:
        return noun
    cut, at = len(noun) - len(measure), 0
    for word, _ in tagged(noun):
        if at <= cut < at + len(word):
            cut = at  # 经济总量: the word that holds the measure goes with it
            break
        at += len(word)
    head = noun[:cut]
    return head if len(head) >= 2 and _has_noun(head) else noun


def _opens_with_predicate(region: str) -> bool:
    """Does the text after a classifier open with a predicate, not a noun: a degree word
    (``不同程度损坏``), or a verb that no noun follows (``倒塌。``, ``受伤,``)?"""
    lex = attach()
    if word_at(region, 0, lex.degree_words):
        return True
    clause = re.split("[，,。；;！？!?、]", region, maxsplit=1)[0]
    if "的" in clause:
        return False  # 4个买来的对公账户: a clause before 的 describes the noun
    words = tagged(clause[:12])
    if not words or words[0][1] not in _VERB_TAGS or words[0][0] in lex.modifier_verbs:
        return False
    following = words[1][1] if len(words) > 1 else "x"
    return following not in _PHRASE_NOUN_TAGS and following != "f"  # 信封里: a place noun


_NAME_TAGS = frozenset({"ns", "nr", "nt"})


def _inside_compound_noun(
    words: Sequence[tuple[str, str]], i: int, people: tuple[str, ...]
) -> bool:
    """Is the verb ``words[i]``, between two nouns, inside one compound noun: the second
    noun is followed by 的 or by another verb, the phrase's predicate (``文物|收藏|单位|的``,
    ``中药材|种植|基地|获得``, ``地方|扑火|人员|死亡``)? Not after a noun for people, whose
    verb is its predicate (``男子|手持|砍刀|冲进``), nor before a place (``赶赴|温岭``).
    Over the 1,409 files: 7 subjects mended, 2 made.

    >>> w = [("文物", "n"), ("收藏", "v"), ("单位", "n"), ("的", "uj")]
    >>> _inside_compound_noun(w, 1, ("人",))
    True
    >>> _inside_compound_noun([("男子", "n"), ("手持", "v"), ("砍刀", "n"), ("冲进", "v")], 1, ("子",))
    False
    """
    if (
        i + 2 >= len(words)
        or words[i + 1][1] not in _PHRASE_NOUN_TAGS
        or words[i + 1][1] in _NAME_TAGS
    ):
        return False  # 专家赶赴温岭开展: a place after the verb is where it goes
    after = words[i + 2]
    return (
        words[i - 1][1] in _PHRASE_NOUN_TAGS
        and not words[i - 1][0].endswith(people)
        and (after[0] == "的" or after[1] == "v")
    )


def _predicate_after_noun(region: str) -> tuple[int, str] | None:
    """A verb after the noun a region opens with that is its predicate, not a modifier:
    tagged as a verb, not a modifying verb (``诈骗犯罪嫌疑人``), and followed by no noun
    (``矿工开始出井``, ``房屋倒塌``)."""
    lex = attach()
    words = tagged(region[:20])
    starts = [0]
    for word, _ in words:
        starts.append(starts[-1] + len(word))
    changes = _joined("up", "down")
    for i, (word, tag) in enumerate(words):
        if tag == "i" and word_ending_at(word, len(word), changes):
            tag = "v"  # 稳步增长, 大幅下降: an idiom of change is a predicate
        if i > 0 and tag == "v" and word not in lex.modifier_verbs:
            following = words[i + 1][1] if i + 1 < len(words) else "x"
            if _inside_compound_noun(words, i, lex.person_ends):
                continue  # 38个文物收藏单位的, 8处中药材种植基地获得: a verb inside the noun
            after_noun = (
                words[i - 1][1] in _PHRASE_NOUN_TAGS
                and len(words[i - 1][0]) >= 2
                and len(word) >= 2
                and word not in lex.verbal_nouns
                and (
                    (i + 2 < len(words) and words[i + 2][1] != "x")
                    or words[i - 1][0].endswith(lex.person_ends)
                )
            )  # 1021家企业入列东莞…名单: a verb with an object of several words after the
            # noun, or any object after a noun for people (两位中国选手登上领奖台); else one noun
            # ending the phrase is the head it modifies (协同倍增企业)
            if following not in _PHRASE_NOUN_TAGS or after_noun:
                k = i  # 房屋不同程度损坏, 村民要緊急疏散: the adverbs before it go with it
                while k > 1 and (
                    words[k - 1][1] in ("d", "a", "ad")
                    or words[k - 1][0] in lex.degree_words
                    or words[k - 1][0] in lex.auxiliaries
                ):
                    k -= 1
                return (starts[k], region[starts[k] : starts[i] + len(word)])
    return None


def _change(segment: str) -> tuple[str | None, str | None, int | None]:
    """(change, change word, its position) when the number is the size of a change."""
    lex = attach()
    found = _find(segment, _joined("up", "down"), last=True)
    if found is None:
        return None, None, None
    at, word = found
    after = segment[at + len(word) :]
    if len(word) == 1 and (joined := tagged(segment[max(0, at - 3) : at + 1])[-1][0]) != word:
        if len(joined) != 2 or joined[0] not in lex.change_adverbs:
            return None, None, None  # 新增: one character of a longer word, not a change word
        at -= 1  # 大增, 暴跌: an adverb joined to it; the change word stays the character
    else:
        first = tagged(segment[at : at + len(word) + 2])[0]
        if len(first[0]) > len(word) and first[1] in ("n", "nz"):
            return None, None, None  # 增加值, 增长率: the head of a noun, not a change word
        if (
            len(word) == 1
            and at > 0
            and segment[at - 1] in lex.change_adverbs
            and tagged(segment[max(0, at - 3) : at])[-1][0] == segment[at - 1]
        ):
            at -= 1  # 微降: the adverb the tagger keeps apart is no part of the noun before
    if after.strip(_TRIM).startswith(lex.level_after):
        return "level", word, at  # 下降至95.4%: a level reached, not a change
    if _clean(after) is not None:
        return None, None, None  # other words between: the change word governs something else
    if word in lex.change_with_object and after.strip(_TRIM):
        return None, None, None  # 扩大总需求…的25个: a verb taking an object; a change only
        # right before its number (降幅扩大0.7个百分点)
    return ("up" if word in lex.up else "down"), word, at


def _split_comparison(region: str) -> tuple[str, str]:
    """A region cut at the comparison that ends it: (``服务业生产指数``, ``上月``) for
    ``服务业生产指数比上月``, (``````, ``1月至8月``) for ``较1月至8月``; 比/较 as a
    preposition, found by the tagger, or opening the region. No comparison: (region, ````)."""
    if "比" not in region and "较" not in region and "較" not in region:
        return region, ""
    at, cut = 0, None
    words = tagged(region)
    for k, (word, tag) in enumerate(words):
        if word in ("比", "较", "較") and (
            tag == "p"
            or at == 0  # 较上半年: 较 read as adverb
            or (
                word != "比"
                and k + 1 < len(words)
                and words[k + 1][1] in ("t", "m", "f", "n", "nz", "ns", "mq")
            )  # 增速较上半年: 较 before the standard compared, not 较快 (a degree)
        ):
            cut = at
        at += len(word)
    return (region, "") if cut is None else (region[:cut], region[cut + 1 :])


def _has_noun(phrase: str) -> bool:
    """Does the phrase hold a noun, not only time words, periods, numbers and adverbs
    (``上月``, ``上季度``)?"""
    lex = attach()
    return any(
        (tag in _PHRASE_NOUN_TAGS or word in lex.verbal_nouns) and word not in lex.period_words
        for word, tag in tagged(phrase)
    )


def _noun_before(region: str) -> str | None:
    """The noun of a region ending at a change or share word: after its governing verb."""
    verb = _governing_verb(region)
    if verb is not None:
        after = _clean(region[verb[0] + len(verb[1]) :])
        if after:
            return _head_phrase(after)
    phrase = _clean(region)
    return _head_phrase(phrase) if phrase else None


_CHUNK_BREAKS = frozenset({"t", "d", "p", "r", "m", "q", "y", "mq", "u", "uj", "ul", "c", "x"})
_CHUNK_JOINERS = frozenset("、和及与與或()（）《》“”「」")
_PHRASE_NOUN_TAGS = PHRASE_NOUN_TAGS


def _head_phrase(phrase: str, governed: bool = False) -> str:
    """SPEC's subject is the head noun with its modifiers, without the clause around it:
    a phrase that ends in a noun is cut after the last time word, adverb, preposition,
    pronoun, numeral or predicate verb in it (``去年全国接报火灾`` → ``火灾``,
    ``公司上半年营业收入`` → ``营业收入``, ``该公司利息净收入`` → ``公司利息净收入``).
    Coordinated nouns stay together (``工业、投资、消费``, ``退役军人及军属``), and so do
    verbs that modify the noun (``电信网络诈骗案件``, ``预警劝阻电话``: ``data/attach.toml``
    ``modifier_verbs``). An open bracket's note and function words at the end go first
    (``利息净收入（以两融业务为主`` → ``利息净收入``). A phrase that does not end in a noun,
    or would keep less than two characters, is kept whole. ``governed``: the phrase is the
    object of a verb before it, so a verb inside it with nouns before it modifies the noun
    after it (``下达`` | ``困难群众救助补助资金``), it is no predicate."""
    if len(phrase) <= 2:
        return phrase  # nothing to cut
    if (quoted := _QUOTED_END.search(phrase)) is not None and not any(
        ch.isdigit() for ch in quoted.group(1)
    ):
        return quoted.group(1)  # 恶意“刷单”, 失踪“驴友”: the term the article quotes names it
    if phrase.endswith((")", "）")) and (at := max(phrase.rfind("("), phrase.rfind("（"))) > 0:
        if phrase[at + 1 : -1].isascii():
            phrase = phrase[:at]  # 云南省生产总值(GDP): a gloss in brackets
    opened = max(phrase.rfind("（"), phrase.rfind("("))
    if opened > 0 and (
        (phrase.rfind("）") < opened and phrase.rfind(")") < opened)
        or first_tag(phrase[opened + 1 :]) in ("p", "v", "d", "c")
    ):
        phrase = _strip(phrase[:opened]) or phrase  # a note in brackets: （以两融业务为主）
    words = list(tagged(phrase))
    lex = attach()
    while words and (
        (words[-1][1] in _CHUNK_BREAKS and words[-1][0] not in ("）", ")"))
        or words[-1][0] in lex.linking_verbs
        or words[-1][0] == "每"
    ):
        words.pop()  # 人员密度为每平方公里: the linking verb and the unit of the rate
    if not words or not (words[-1][1] in _PHRASE_NOUN_TAGS or words[-1][0] in lex.verbal_nouns):
        return phrase
    chunk: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word, tag = words[i]
        if word in _CHUNK_JOINERS and i > 0 and words[i - 1][1] not in _CHUNK_BREAKS - {"x"}:
            chunk.append(word)  # 电力、热力、燃气及水生产和供应业, 《美人鱼》票房
            continue
        if (
            word.startswith("每")
            and len(word) == 2
            and chunk
            and i > 0
            and (words[i - 1][1] in _PHRASE_NOUN_TAGS or words[i - 1][1] == "a")
        ):
            chunk.append(word)  # 平均每股收益, 综合每亩单产: "per share" inside the noun
            continue
        if word in ("类", "類") and chunk:
            chunk.append(word)  # 关注类贷款: a kind, inside the noun
            continue
        if (
            word in lex.kind_quantifiers
            and chunk
            and i > 0
            and words[i - 1][1] in _PHRASE_NOUN_TAGS
        ):
            chunk.append(word)  # 人民币各项贷款余额: every kind of the noun before, inside it
            continue
        if word == "被" and chunk and i + 1 < len(words) and words[i + 1][1] == "v":
            chunk.append(word)  # 受害人被骗资金: a passive verb modifies the noun
            continue
        predicate = (
            (len(word) > 1 and word in lex.verbs and word not in lex.modifier_verbs)
            or word in lex.linking_verbs  # 船原有船员, 人员密度为: a linking verb ends the subject
            or (word in lex.support_verbs and len(chunk) == 1 and words[i + 1][1] == "vn")
            # 对多地事主实施诈骗: a support verb and the verbal noun it governs
        )
        place_word = tag == "f" and len(word) == 1  # 前, 上, 内: not 北上, 以上
        if (
            predicate
            and governed
            and chunk
            and i > 0
            and word not in lex.linking_verbs
            and all(t in _PHRASE_NOUN_TAGS for _, t in words[:i])
        ):
            chunk.append(word)  # 下达困难群众救助补助资金: a verb inside the object
            continue
        if tag in _CHUNK_BREAKS or predicate or place_word:
            break
        chunk.append(word)
    head = "".join(reversed(chunk)).lstrip("、和及与與或)）》”」")
    return head if len(head) >= 2 else phrase


def _segment(
    text: str, start: int, end: int, holes: list[tuple[int, int]], hole_ends: list[int]
) -> str:
    """``text[start:end]`` without the dates inside it (规模以上工业增加值比2019年同期增长);
    ``holes`` are sorted and do not overlap, ``hole_ends`` their ends (found by bisection)."""
    pieces, pos = [], start
    for h_start, h_end in holes[bisect_right(hole_ends, start) :]:
        if h_start >= end:
            break
        pieces.append(text[pos : max(pos, h_start)])
        pos = max(pos, h_end)
    pieces.append(text[pos:end])
    return "".join(pieces)


@dataclass
class _Context:
    """What the reading of earlier numbers leaves for later ones."""

    dates: list[tuple[int, int]]
    previous: Item | None = None  # the last non-date fact
    previous_result: Attachment | None = None
    list_subjects: list[str] | None = None  # the items of the last 分别 list
    list_since: int = -1  # … of an unmarked list: the start of its sentence
    list_at: int = -1  # the start of the sentence of the last 分别 list
    date_ends: list[int] = field(default_factory=list)  # the ends of ``dates``, for bisection
    people: list[tuple[int, str]] = field(default_factory=list)  # (end, subject) of counts
    people_ends: list[int] = field(default_factory=list)  # … of people so far, and their ends
    counted: list[tuple[int, str, str]] = field(default_factory=list)  # (end, unit, subject)
    nouns: list[tuple[int, str]] = field(default_factory=list)  # (end, subject) of numbers
    last_count: tuple[Item, Attachment] | None = None  # the last count read, and its reading
    noun_ends: list[int] = field(default_factory=list)  # … whose subject is a noun, not a verb


def _distribute(
    segment: str,
    group_size: int,
    context: _Context,
    earlier: str = "",
    since: int = 0,
    text: str = "",
) -> list[str] | None:
    """``汽车、电气、电子和电力累计增速分别为…``: one subject per listed item; the list may
    stand in an earlier clause of the sentence (``西藏、钢铁和电力涨幅居前,分别上涨…``,
    ``涨幅居前的是金地集团、长江电力和国电电力,幅度分别为…``)."""
    attach()
    at = next((k for word in attach().respectively if (k := segment.find(word)) != -1), -1)
    if at == -1:
        return _distribute_unmarked(segment, group_size, context, since)
    region = _past_governing_verb(segment[:at])
    parts = _list_items(region, group_size)
    if len(parts) <= 1 and len(whole := _list_items(segment[:at], group_size)) == group_size:
        parts = whole  # 香港、新加坡…澳门地区实际投入金额: the verb is inside the last item
    cleaned = [_clean(p) for p in parts]
    if len(cleaned) > 1 and all(cleaned):
        alike = _alike_items(cleaned)  # type: ignore[arg-type]
        longest = max(len(c) for c in cleaned[:-1] if c)
        last = cleaned[-1]
        if alike != cleaned:
            cleaned = alike  # type: ignore[assignment]
        elif last and len(last) >= longest + 2:
            cleaned[-1] = _without_shared_head(last, longest)  # 电力累计增速: the head noun is
            # shared by every item
    if len(parts) == group_size and all(cleaned):
        context.list_subjects, context.list_at = [c for c in cleaned if c], since
        return context.list_subjects
    if len(parts) <= 1 and (listed := _list_before(earlier, group_size)) is not None:
        context.list_subjects, context.list_at = listed, since
        return listed
    if len(parts) <= 1 and (listed := _subjects_before(region, group_size, context, since)):
        context.list_subjects, context.list_at = listed, since
        return listed
    if (
        context.list_subjects is not None
        and len(context.list_subjects) == group_size
        and "\n" not in text[max(context.list_at, 0) : since]
    ):
        return context.list_subjects  # 两年平均增速分别为…: the same list as before, in the
        # same paragraph (not 粮食、化肥 of a paragraph before)
    return None


_ITEM_MODIFIER_TAGS = frozenset(
    {"n", "nz", "ng", "vn", "j", "l", "eng", "a", "b", "an", "nr", "nrt", "nrfg"}
)


def _alike_items(items: list[str]) -> list[str]:
    """The items of a 分别 list are alike: where every item after the first is one word (the
    last one without the head noun the items share: ``鈷產量`` → ``鈷``), a first item written
    after words that are no noun modifying it (an agent and its verb, a preposition, a place:
    ``期內集團於剛果(金)銅``, ``中國區實現鉬``, ``出口至美国``) keeps its last word; a
    compound of nouns (``新能源汽车``) stays whole."""
    last = tagged(items[-1])
    if (
        len(last) != 2
        or last[1][1] not in _COUNTED_NOUN_TAGS
        or last[0][1] not in _PHRASE_NOUN_TAGS
    ):
        return items
    middle = items[1:-1]
    if any(len(tagged(m)) != 1 for m in middle):
        return items
    first = tagged(items[0])
    if len(first) < 2 or first[-1][1] not in _PHRASE_NOUN_TAGS:
        return items
    if items[0][-2:] == items[-1][-2:]:
        return items  # 屯門醫院、伊利沙伯醫院: each item names its head, nothing is shared
    if all(tag in _ITEM_MODIFIER_TAGS for _, tag in first[:-1]):
        return items
    return [first[-1][0], *middle, last[0][0]]


def _past_governing_verb(region: str) -> str:
    """The region after its governing verb (the whole region when it has none)."""
    verb = _governing_verb(region)
    return region[verb[0] + len(verb[1]) :] if verb is not None else region


def _leading_nouns(text: str) -> str:
    """The nouns ``text`` opens with, as the tagger reads them (``""`` when it opens with
    another word)."""
    nouns = ""
    for word, tag in tagged(text):
        if tag not in _PHRASE_NOUN_TAGS:
            break
        nouns += word
    return nouns


def _distribute_unmarked(
    segment: str, size: int, context: _Context, since: int
) -> list[str] | None:
    """``武汉、襄阳由一季度的7.9%、8.5%回升至8.1%、9.3%``: a 、 list of as many items as the
    numbers listed after it gives one subject each with no 分别 written; the next list of
    numbers in the same sentence takes the same items."""
    region = _past_governing_verb(segment)
    if "、" in region:
        parts = [p for p in region.split("、") if p.strip(_TRIM)]
        if parts:  # 襄阳由一季度的: the last item is the nouns it opens with
            parts[-1] = _leading_nouns(parts[-1].strip(_TRIM))
        cleaned = [_clean(p) for p in parts]
        if len(parts) == size and all(cleaned) and all(_has_noun(c) for c in cleaned if c):
            items = [c for c in cleaned if c]
            context.list_subjects, context.list_since = items, since
            context.list_at = since
            return items
        return None
    if (
        context.list_subjects is not None
        and len(context.list_subjects) == size
        and context.list_since == since
    ):
        return context.list_subjects  # …回升至8.1%、9.3%: the same items, the same sentence
    return None


def _subjects_before(region: str, size: int, context: _Context, since: int) -> list[str] | None:
    """``营业收入668.9亿元,净利润72.5亿元,同比分别增长31.1%和23.8%``: a 分别 with no noun of
    its own before it takes, in order, the subjects of the last ``size`` numbers of its
    sentence (from ``since``), when they are as many and all different."""
    lex = attach()
    for word in (*lex.yoy, *lex.mom):
        region = region.replace(word, "")  # 同比 is no noun of the list's own
    own = _clean(region)
    if own is not None and _has_noun(own):
        return None
    k = bisect_right(context.noun_ends, since)
    subjects = [subject for _, subject in context.nouns[k:]][-size:]
    if len(subjects) != size or len(set(subjects)) != size:
        return None
    return subjects


def _list_items(region: str, size: int) -> list[str]:
    """The items of a list of ``size``: split at 、/和/及/与; when that gives another count,
    at 、 alone, since an item may hold a 和 of its own (``化学原料和化学制品制造业、
    农副食品加工业、电气机械和器材制造业``)."""
    parts = [p for p in re.split("[、和及与與]", region) if p.strip(_TRIM)]
    if len(parts) != size and "、" in region:
        by_mark = [p for p in region.split("、") if p.strip(_TRIM)]
        if len(by_mark) == size:
            return by_mark
    return parts


def _list_before(earlier: str, size: int) -> list[str] | None:
    """The last list of ``size`` items joined by 、/和/及/与 in the clauses before a 分别 in
    its sentence: the items as written, the last cut to the length of the others (its head
    noun is shared: ``电力涨幅居前`` → ``电力``), or to its first word when that is a name
    (``河南粮食生产`` → ``河南``)."""
    clause = re.split("[，,；;：:]", earlier.rstrip("，,；;：: "))[-1] if earlier else ""
    joiner = "、" if "、" in clause else "和" if size == 2 and "和" in clause else ""
    if not joiner and size == 2:
        words = {w for w, _ in tagged(clause)}  # 廢紙及廢塑膠，分別佔: 及 a word of its own
        joiner = next((j for j in attach().pair_joiners if j in words), "")  # (not 涉及, 以及)
    if not joiner:
        return None  # 总资产和总负债…,分别为: two items may be joined by 和 or 及 alone
    first = clause.find(joiner)
    start = max(clause.rfind(mark, 0, first) for mark in ("是", "為", "为", "有", "的")) + 1
    parts = [p.strip(_TRIM) for p in _list_items(clause[start:], size)]
    if len(parts) != size or not all(parts):
        return None
    longest = max(len(p) for p in parts[:-1])
    last = parts[-1]
    if len(last) > longest:
        parts[-1] = _without_shared_head(last, longest, name_first=True)
    items = [_clean(p) for p in parts]
    return [i for i in items if i] if all(items) else None


def _without_shared_head(last: str, longest: int, *, name_first: bool = False) -> str:
    """The last item of a list whose head noun the items share, without that noun: cut to
    the length of the longest item before it (``电力累计增速`` → ``电力``), or, where that
    cut falls inside a word, to its first word when that is a name (``黑龙江、河南粮食总产量``
    → ``河南``, not ``河南粮``); ``name_first``: the name wherever the cut falls."""
    words = tagged(last)
    ends = set(accumulate(len(w) for w, _ in words))
    name = words[0][0] if words and words[0][1] in ("ns", "nr", "nt") else ""
    if name_first:
        return name if 1 < len(name) < len(last) else last[:longest]
    if longest in ends or words[0][1] == "nr" or not 1 < len(name) < len(last):
        return last[:longest]  # (城镇、农村居民: the tagger calls 农村居民 a person's name)
    return name


@dataclass(frozen=True)
class _Clause:
    """Where a number stands: its clause around it (``left``, ``right``), the text from the
    previous fact in the clause (or the clause start) to the number without dates
    (``segment``), and whether the previous fact is in the same clause or sentence."""

    left: str
    right: str
    segment: str
    sentence_start: int
    in_clause: bool
    in_sentence: bool
    frame: str = ""  # the clause before, when it is a comparison frame (与上年同期相比,)
    before: str = ""  # the sentence before the clause


_FRAME = re.compile(r"^[与與同和跟][^，,。；;]{1,12}(?:相比|相较|相較|比较|比較)$")
_INLINE_FRAME = re.compile(r"[与與同和跟][^，,。；;]{0,12}?(?:相比|相较|相較|比较|比較)")
_BASIS_FRAME = re.compile(r"^(?:从|從)?(?:同比|环比|環比|按年|按月)(?:来看|來看|看|方面)$")
_LIST_AFTER_LABEL = re.compile(r"[:：]([^:：，,。；;]*)$")


def _clause(text: str, item: Item, context: _Context) -> _Clause:
    c_start, c_end = bounds(text, item.start, item.end, CLAUSE_END, CLAUSE_REACH)
    s_start, _ = bounds(text, item.start, item.end, SENTENCE_END, SENTENCE_REACH)
    previous = context.previous
    in_clause = previous is not None and previous.end > c_start
    in_sentence = previous is not None and previous.end > s_start
    start = previous.end if in_clause and previous else c_start
    segment = _segment(text, start, item.start, context.dates, context.date_ends)
    if in_clause and "、" in segment:
        segment = segment[segment.rfind("、") + 1 :]  # 64万元为现金、250万元: after the list mark
    left, right = text[c_start : item.start], text[item.end : c_end]
    before = text[s_start:c_start].rstrip("，, \t\u3000")
    last = re.split("[，,。；;]", before)[-1].strip() if before else ""
    frame = last if _FRAME.match(last) or _BASIS_FRAME.match(last) else ""
    if not frame and _INLINE_FRAME.match(text, start, item.start) is not None:
        # ,与2022年同期相比增长11.4%: the frame opens the clause and names no measure (its
        # dates left out, as in the segment: 与同期相比)
        inline = _INLINE_FRAME.match(segment)
        frame = inline.group() if inline else ""
        segment = segment[inline.end() :] if inline else segment
    if not frame and (listed := _LIST_AFTER_LABEL.search(text, s_start, item.start)):
        frame = text[s_start : listed.start()]  # 同比涨幅较大的城市主要包括:海口16.7%、…
    return _Clause(left, right, segment, s_start, in_clause, in_sentence, frame, before)


def _event_subject(text: str, item: Item, clause: _Clause) -> str | None:
    """A length of time's subject: the noun after 的 (为期半年的专项行动), the phrase before a
    cue (为期, 历时 …), else the event it times (:func:`_duration_subject`), looked for in
    the rest of the sentence when its own clause has no verb."""
    right, segment = clause.right, clause.segment.rstrip(_TRIM)
    if (penalty := _penalty(segment, right)) is not None:
        return penalty
    if right.startswith("的"):
        if noun := _noun_after(right[1:], after_de=True):
            return noun
        event = re.split("[、，,。；;：:的]", right[1:], maxsplit=1)[0]
        return _clean(event) if len(event) <= 10 else None  # 一周的缜密侦查、: the event
    if _is_period(segment, right):  # 过去五年,检察机关发放…; 五年来盈利: the clause's event
        return _duration_subject(clause.left, _event_clause(text, item, right))
    point = attach().point_after
    if (
        (
            word_at(right, 0, point)  # 两个月后,郭某又…撞伤
            or text[item.start : item.end].endswith(point)  # 30小时内锁定
            or word_ending_at(segment, len(segment), point)  # 案發後九小時火速逮獲
        )
        and (event := _duration_subject("", _event_clause(text, item, right)))
    ):
        return event  # the time ends at the event told after it
    lasting = word_ending_at(segment, len(segment), attach().continuity)
    if (
        lasting
        and (noun := _clean(_after_last_verb(segment[: -len(lasting)])))
        and (noun in attach().measure_nouns or _without_measure_noun(noun) != noun)
    ):
        return noun  # 增速连续11个月超过20%: the measure that stayed so that long; not an
        # agent (财政部连续2年开展: the event, 开展, is the subject)
    if (noun := _noun_timed(right)) is not None:
        return noun
    for cue in attach().duration_cues:
        if segment.endswith(cue):
            before = segment[: -len(cue)]
            words = tagged(_past_manner(right)[:8])
            if (
                _ends_with_agent(before)
                and words
                and words[0][1] == "v"
                and len(words[0][0]) > 1
                and words[0][0] not in attach().linking_verbs
            ):
                return words[0][0]  # 公安局历时三个多月成功破获: the act timed, not its agent
            return _clean(before)  # 此次庙会历时21天,: the event named before the cue
    if (noun := word_ending_at(segment, len(segment), attach().duration_nouns)) is not None:
        return noun  # 用时2小时13分07秒: the noun of the time itself
    if (noun := _time_span_noun(segment)) is not None:
        return noun  # 恢复预售期20天, 平均发行期限12.2年: the span named before the time
    if "秒" in text[item.start : item.end] and (event := _setting_event(text, item, clause)):
        return event  # 在男子50米蛙泳预赛中以26秒25打破: a performance time, its event
    if (verb := _verb_timed(right)) is not None and _ends_with_agent(segment):
        return verb  # 警方两小时追回, 女店员16个月盗走: the act the time adverbial times,
        # not the agent before it
    if (noun := _noun_measured(segment)) is not None:
        return noun
    return _duration_subject(clause.left, _event_clause(text, item, right))


def _past_manner(right: str) -> str:
    """``right`` past the adverbs of manner that open it (``成功破获`` → ``破获``:
    ``attach.toml`` ``manner_adverbs``)."""
    while word := word_at(right, 0, attach().manner_adverbs):
        right = right[len(word) :]
    return right


def _ends_with_agent(segment: str) -> bool:
    """Does the segment end in a noun that no verb right before it takes as its object (the
    noun is the clause's agent or topic: ``警方``, ``天津老旧住房``; not ``每服现役``)?"""
    words = tagged(segment[-_WINDOW:])
    return (
        bool(words)
        and words[-1][1] in _AGENT_NOUN_TAGS
        and (len(words) < 2 or words[-2][1] not in _VERB_TAGS)
    )


def _verb_timed(right: str) -> str | None:
    """The verb written right after a length of time, which times it as an adverbial
    (``两小时追回``, ``一天飙升``); None when the time is followed by anything else or when the
    verb governs a number later in the clause (``一天飙升360亿美元``: the amount's verb, whose
    subject is read through the time)."""
    clause = _CLAUSE.split(right, maxsplit=1)[0]
    if any(ch.isdigit() or (ch != "一" and _is_numeral(ch)) for ch in clause):
        return None
    words = tagged(right[:8])
    if not words:
        return None
    word, tag = words[0]
    lex = attach()
    if (
        tag == "v"
        and len(word) > 1
        and word not in lex.strip_start
        and word not in lex.linking_verbs
        and word not in lex.duration_after_number
    ):
        return word
    return None


_SPAN_MODIFIER_TAGS = frozenset({"n", "nz", "vn", "a", "j", "l", "b"})


def _time_span_noun(segment: str) -> str | None:
    """The noun of a span of time a length is written right after, past a linking or
    emphasis word and adverbs (``预售期20天``, ``开放的时间已达11天``, ``工期为862日历天``;
    ``attach.toml`` ``time_spans``), with its modifiers: nouns, adjectives and verbal nouns,
    and a verb right before the span's own word (``平均发行期限``, ``配合时间``), not a verb
    before those (``恢复预售期``: 恢复 governs the period)."""
    lex = attach()
    words = [w for w in tagged(segment.rstrip(_TRIM)[-_WINDOW:]) if w[0].strip(_TRIM)]
    while words and (
        words[-1][0] in lex.linking_verbs
        or words[-1][0] in lex.emphasis
        or words[-1][1] in ("d", "p")
    ):
        words.pop()  # 的时间已达, 工期为, 配合时间仅有
    tail = "".join(w for w, _ in words)
    span = word_ending_at(tail, len(tail), lex.time_spans)
    if span is None:
        return None
    if words[-1][1] in _VERB_TAGS:
        return None  # 奥运会延期一年: a verb ending in 期 (延期) is the event, no span
    start, length = len(words), 0
    while start > 0 and length < len(span):
        start -= 1
        length += len(words[start][0])  # the words that write the span's own word (预售|期)
    if start > 0 and words[start - 1][1] in _VERB_TAGS and len(words[start - 1][0]) > 1:
        start -= 1  # 发行期限, 配合时间: the verb the span is of
    while start > 0 and words[start - 1][1] in _SPAN_MODIFIER_TAGS:
        start -= 1
    return _clean("".join(w for w, _ in words[start:]))


def _penalty(segment: str, right: str) -> str | None:
    """The penalty a length of time is written right after or before, past the rest of a
    range and its bounds (``判处有期徒刑十五年至十年不等的刑罚``, ``三年以上七年以下有期徒刑``):
    ``data/attach.toml`` ``penalty_nouns``."""
    lex = attach()
    tail = _strip(segment)
    if (noun := word_ending_at(tail, len(tail), lex.penalty_nouns)) is not None:
        return noun
    m = _penalty_after().match(right)
    return m["penalty"] if m else None


@per_lexicons()
def _penalty_after() -> re.Pattern[str]:
    """A penalty after a length of time, past what may stand between them: another length,
    bounds, a range's joint (三年以上七年以下有期徒刑, 一年零三个月的有期徒刑)."""
    return re.compile(
        r"[\d〇零一二两兩三四五六七八九十百个個年月日天周半以上下内內至到的不等多余餘]{0,12}?"
        f"(?P<penalty>{alternation(attach().penalty_nouns)})"
    )


def _after_last_verb(phrase: str) -> str:
    """A phrase from after its last verb of two characters or more but its final word (the
    tagger calls 增速 a verb): ``从累计开始全市…增速`` → ``全市…增速``."""
    words = tagged(phrase)
    cut = max((i + 1 for i, (w, t) in enumerate(words[:-1]) if t == "v" and len(w) > 1), default=0)
    return "".join(word for word, _ in words[cut:])


def _is_period(segment: str, right: str) -> bool:
    """Is a length of time the period an event happened in, written as a time adverbial
    (``五年来``, ``5年间``, ``一个月内``, ``过去五年,``)? Its subject is then the event the
    clause tells, never the noun written after it (``过去五年检察机关发放…``)."""
    lex = attach()
    return right.startswith(lex.period_after) or _strip(segment).endswith(lex.period_before)


def _event_clause(text: str, item: Item, right: str) -> str:
    """The text after a length of time in which to look for the event it times: its clause,
    or the rest of its sentence when the clause has no verb (``过去五年,检察机关共对…提供``)."""
    after = list(tagged(right[:14]))
    while after and after[0][0] in attach().duration_after_number:
        after.pop(0)  # 三年来,林州法院…审结: 来 belongs to the number, it is no verb
    if all(tag not in ("v", "vn") for _, tag in after):
        _, s_end = bounds(text, item.start, item.end, SENTENCE_END, SENTENCE_REACH)
        return text[item.end : s_end]
    return right


_SETTING = re.compile(
    r"(?:在|於|于)?(?P<event>[^，,。；;！？!?在於于]{2,30}?)中[，,]?"
    r"|(?:在|於|于)(?P<stage>[^，,。；;！？!?在於于]{2,30}?)上[，,]?"  # 在…决赛上: 上 after 在 only
)


def _setting_event(text: str, item: Item, clause: _Clause, *, stage: bool = False) -> str | None:
    """The event a time in seconds or a score was made in: the noun of the last ``在…中`` (or
    ``在…上``) before it in its sentence (``在当天上午的男子50米蛙泳预赛中以26秒25``,
    ``…决赛中,赵梁州游出2分05秒35``, ``在女子单人技术自选决赛上,…以272.9917分夺冠``)."""
    found = None
    for m in _SETTING.finditer(text, clause.sentence_start, item.start):
        if m["event"] or stage:  # 在…上 names a score's stage only (not a time's)
            found = m
    if found is None:
        return None
    phrase = found["event"] or found["stage"]
    event = _strip(phrase.rsplit("的", 1)[-1])  # 当天上午的男子50米蛙泳预赛
    if re.search(r"\d分", event):
        return None  # 均在237分以上: a score's bound, no event
    return event if len(event) >= 2 and _has_noun(event) else None


_NOUN_TAGS = frozenset({"n", "nz", "ng", "l", "b"})


def _noun_timed(right: str) -> str | None:
    """A noun written right after a length of time is what it measures (``判处五年有期徒刑``,
    ``扣減半年刑期``, ``1个月至5年不等的有期徒刑``), unless it names a period (``一年时间``)."""
    for joint in ("不等的", "不等", "的"):
        if right.startswith(joint):
            right = right[len(joint) :]
            break
    words = tagged(right[:10])
    if not words:
        return None
    word, tag = words[0]
    if tag in ("n", "nz", "l", "b") and len(word) >= 2 and word not in attach().period_words:
        return word
    return None


def _noun_measured(segment: str) -> str | None:
    """The noun a length of time is written right after (SPEC: a duration's subject is the
    noun it measures): ``有期徒刑十年``, ``平均发行期限12.2年``, ``其中一般债券8.6年``; the phrase
    from after the last verb before it. None when a verb or a one-character word stands
    right before the number (``获刑15年``, ``監禁2年``: the verb is the event)."""
    words = list(tagged(segment[-_WINDOW:]))
    if len(words) > 1 and words[-1][0] in attach().linking_verbs:
        words.pop()  # 成绩为6分53秒989: the noun before the linking verb
        while len(words) > 1 and words[-1][1] == "d":
            words.pop()  # 成绩都是6秒68: and the adverbs before it
    if not words or words[-1][1] not in _NOUN_TAGS or len(words[-1][0]) < 2:
        return None
    start = len(words)
    while start > 0 and not (words[start - 1][1] in _VERB_TAGS and len(words[start - 1][0]) > 1):
        start -= 1
        word, tag = words[start]
        if start < len(words) - 1 and (
            tag.startswith("nr") or tag == "r" or "某" in word or word.endswith("人")
        ):
            start = len(words) - 1  # 判处被告人周金根有期徒刑一年: the person sentenced (a
            break  # name the tagger may split) is no part of it; the head noun is
    return _clean("".join(word for word, _ in words[start:]))


def _person_subject(text: str, item: Item, clause: _Clause) -> str | None:
    """An age's subject: the person described (``周阿银,男,81岁``, ``胡某(8岁)``), else the
    person after it (``43岁的刘某``), else the phrase before it."""
    if (described := _described_person(text[max(0, item.start - 24) : item.start])) is not None:
        return described
    after = clause.right[1:] if clause.right.startswith("的") else clause.right
    if after is not clause.right and (name := _leading_name(after)) is not None:
        return name  # 20岁的陆品鑫已是, 20岁的海军选手宁泽涛表现出色: the name
    before = _without_time_word(clause.segment)
    if after is clause.right and first_tag(after) in _CLAUSE_OPENINGS and _names_person(before):
        return _clean(before)  # 郝婷7岁开始练习艺术体操: a predicate after the age, whose
        # subject, the person named right before it, is the age's
    noun = _noun_after(after, after_de=after is not clause.right, names=True)
    if noun is not None:  # 17岁的江苏选手石雨豪, 8岁男孩胡某: the name
        return _given_name(noun, after) or _name_in(noun) or noun
    if _only_time_word(before) and (person := _person_of_clause_before(text, item, clause)):
        return person  # 一名龙岩人,今年29岁: a time word names no one; the person before it
    return _clean(before)


def _only_time_word(segment: str) -> bool:
    """Is the segment one time word of the tagger's alone (``今年``, ``現年``)?"""
    words = [w for w in tagged(segment.strip(_TRIM)) if w[0].strip()]
    return len(words) == 1 and words[0][1] == "t"


def _person_of_clause_before(text: str, item: Item, clause: _Clause) -> str | None:
    """The person the clause before an age names (``一名龙岩人,今年29岁`` → ``龙岩人``): its
    noun phrase, past a numeral and classifier that open it, when it ends in a noun."""
    before = _clause_before(text, item, clause).strip(_TRIM)
    words = [w for w in tagged(before) if w[0].strip()]
    while words and (
        words[0][1] in ("m", "q", "mq", "r") or words[0][0] in attach().person_count_openers
    ):
        words.pop(0)  # 一名, 另一名: the count of the people, not who they are
    phrase = "".join(w for w, _ in words)
    if not words or not words[-1][1].startswith("n") or len(phrase) > 8:
        return None
    return _clean(phrase)


def _age_continues(item: Item, context: _Context, c: _Clause) -> bool:
    """Is this age one more of a run told of the same person, a clause each (``郝婷7岁开始
    练习…,8岁入选…``): nothing written before it in its clause, a predicate after it, and
    the sentence's previous number an age read with a person?"""
    previous, result = context.previous, context.previous_result
    return (
        c.in_sentence
        and not c.in_clause
        and previous is not None
        and previous.kind == item.kind
        and result is not None
        and result.subject is not None
        and not c.segment.strip(_TRIM)
        and first_tag(c.right) in _CLAUSE_OPENINGS
        and not c.right.startswith(tuple(attach().name_marks))  # 40歲姓甄父親: another person
    )


def _names_person(segment: str) -> bool:
    """Is the segment a person's name or a personal pronoun (``郝婷``, ``张伟``, ``他``): a
    word the tagger calls a name or pronoun, or a name it cuts as a surname and single
    characters (郝/婷, 张/伟: :func:`_leading_name`)?"""
    phrase = segment.strip(_TRIM)
    words = tagged(phrase)
    if len(words) == 1 and (words[0][1].startswith("nr") or words[0][1] == "r"):
        return True
    return bool(phrase) and _leading_name(phrase) == phrase


def _without_time_word(segment: str) -> str:
    """The segment without the time word that ends it (``张伟今年`` → ``张伟``)."""
    words = tagged(segment)
    if len(words) > 1 and words[-1][1] == "t":
        return segment[: -len(words[-1][0])]
    return segment


def _leading_name(after: str) -> str | None:
    """A name a phrase opens with, after at most two nouns for the person (``海军选手``): a
    surname and one or two single characters the dictionary does not join into a word
    (``陆|品|鑫`` → ``陆品鑫``; ``李|晓|国|于`` → ``李晓国``, 于 a preposition), the way the
    tagger cuts names it does not know.

    >>> _leading_name("陆品鑫已是"), _leading_name("海军选手宁泽涛表现出色"), _leading_name("女儿")
    ('陆品鑫', '宁泽涛', None)
    """
    words = tagged(after[:14])
    i = 0
    while i < min(2, len(words)) and len(words[i][0]) >= 2 and words[i][1] in ("n", "nz"):
        i += 1  # 海军选手: nouns for the person before the name
    if i >= len(words):
        return None
    surname, tag = words[i]
    if (
        len(surname) != 1
        or tag in _FUNCTION_TAGS  # 男子向吴某走去: 向 a preposition here
        or surname.translate(simplified()) not in cases().surnames
    ):
        return None
    given = _given_characters(words[i + 1 :], stop_tags=_FUNCTION_TAGS)
    return surname + given if given else None


def _given_characters(
    words: Sequence[tuple[str, str]], stop_tags: frozenset[str] = frozenset()
) -> str:
    """The one or two single Han characters a name's surname is followed by, as the tagger
    cuts a name it does not know (``若|宇``), up to a word of more characters or of
    ``stop_tags`` (``于`` after ``李|晓|国``)."""
    given = ""
    for word, tag in words:
        if len(word) != 1 or not is_han(word) or tag in stop_tags or len(given) == 2:
            break
        given += word
    return given


def _given_name(noun: str, after: str) -> str | None:
    """A name the noun phrase was cut inside of: a noun for the person, then a surname and
    the one or two single characters after it that the tagger read as other words
    (``小姑娘王`` + ``若宇技压群芳`` → ``王若宇``)."""
    if len(noun) < 3 or noun[-1].translate(simplified()) not in cases().surnames:
        return None
    if not (words := tagged(noun[:-1])) or not words[-1][1].startswith("n"):
        return None
    at = after.find(noun)
    if at < 0:
        return None
    given = _given_characters(tagged(after[at + len(noun) : at + len(noun) + 6]))
    return noun[-1] + given if given else None


# a person described before an age: 周阿银,男,81岁 (name, sex, age), 胡某（8岁 (age in brackets
# after the person), 受害人年齡介乎69歲 (the person whose age it is)
_SEX_BEFORE_AGE = re.compile(r"(?P<who>[^，,、；;。（()）：:\s]{2,12})[，,、]\s*[男女][，,、]\s*$")
_BRACKET_BEFORE_AGE = re.compile(
    r"(?P<who>[^，,、；;。（()）：:\s]{2,12})[（(]\s*(?:[^，,、；;。（()）：:]{1,8}[，,、]\s*){0,2}$"
)  # 胡某（8岁, 张某某(男,43岁, 刘某(男,重庆人,17岁: the person before the bracket, the sex
# and home written inside it before the age
_NAME_COMMA_BEFORE_AGE = re.compile(r"(?P<who>[^，,、；;。（()）：:\s]{2,12})[，,]\s*$")
_AGE_WORD_BEFORE_AGE = re.compile(
    r"(?P<who>[^，,、；;。（()）：:\s]{2,12}?)(?:的)?(?:年龄|年齡)[^，,、；;。（()）：:\s]{0,3}$"
)


def _described_person(before: str) -> str | None:
    """The person an age describes by the press's conventions, from the text right before
    it; the name when the phrase ends with one (``户主周阿银`` → ``周阿银``, ``男孩胡某`` →
    ``胡某``), else the phrase.

    >>> _described_person("(户主周阿银,男,"), _described_person("男孩胡某（")
    ('周阿银', '胡某')
    >>> _described_person("受害人年齡介乎"), _described_person("他今年")
    ('受害人', None)
    >>> _described_person("嫌疑人张某某(男,"), _described_person("夏某,"), _described_person("今年,")
    ('张某某', '夏某', None)
    """
    m = _NAME_COMMA_BEFORE_AGE.search(before)
    if m is not None and (name := _NAME_END.search(m.group("who"))) is not None:
        who = m.group("who")  # 夏某,29岁, 电工”(梁某,58岁: an X某 name and a comma before it
        if name.start() > 0 and (found := _name_in(who)) is not None:
            return found
    for pattern in (_SEX_BEFORE_AGE, _BRACKET_BEFORE_AGE, _AGE_WORD_BEFORE_AGE):
        m = pattern.search(before)
        if m is not None:
            who = m.group("who")
            return _name_in(who) or _clean(who)
    return None


def _name_in(phrase: str) -> str | None:
    """The person's name a phrase ends with: an ``X某`` name, the tagger's name word with
    what follows it (``户主周阿银``: 周 read as a name), or a surname and one or two characters
    that are no word of their own after a noun for the person (``江苏选手石雨豪``: the
    dictionary knows no such name).

    >>> _name_in("户主周阿银"), _name_in("江苏选手石雨豪"), _name_in("居民高楼"), _name_in("许姓女子")
    ('周阿银', '石雨豪', None, None)
    """
    if (m := _NAME_END.search(phrase)) is not None and m.start() > 0:
        return phrase[m.start() - 1 :]
    words = tagged(phrase)
    at, previous = 0, ""
    for word, tag in words:
        if tag.startswith("nr") and at > 0:
            if len(previous) == 1 and previous in cases().surnames:
                at -= 1  # 黄丽蕴: the tagger reads the surname apart (黄 as an adjective)
            if 2 <= len(phrase) - at <= 4:
                return phrase[at:]
        at, previous = at + len(word), word
    at = 0
    for i, (word, tag) in enumerate(words[:-1]):
        at += len(word)
        tail = phrase[at:]
        if (
            tag in ("n", "nr", "nz")
            and len(word) >= 2
            and 2 <= len(tail) <= 3
            and tail[0].translate(simplified()) in cases().surnames
            and len(words) - i - 1 > 1  # 高楼: a word of the dictionary is no name
        ):
            return tail
    return None


@dataclass(frozen=True)
class _Verbs:
    """The words that govern a number in its segment: a change (its word and where it is),
    the basis of the change, a share word, the governing verb, an emphasis word, and the
    action that follows from them."""

    change: str | None
    change_at: int | None
    basis: str | None
    share: tuple[int, str] | None
    verb: tuple[int, str] | None
    tagged_verb: tuple[int, str] | None
    emphasis: tuple[int, str] | None
    action: str | None
    result: tuple[int, str] | None  # the verb of 控制在, right before the number
    change_word: str | None = None


def _basis_in(text: str) -> str | None:
    """``yoy`` or ``mom`` by the last basis word of ``text`` (yoy first), else None."""
    lex = attach()
    if _find(text, lex.yoy, last=True):
        return "yoy"
    return "mom" if _find(text, lex.mom, last=True) else None


def _compact_basis(segment: str, change_at: int | None) -> str | None:
    """The basis a period written right before a change word gives (Taiwan's reports:
    ``營收年增30.3%`` yoy, ``季增約6%``, ``月減1.4%`` mom; ``attach.toml`` ``compact_basis``):
    the period a word of its own, not part of a time word (``今年增长``, ``全年增加``,
    ``逐年增加``) nor a date's (``12月增加``)."""
    lex = attach()
    if not change_at or word_at(segment, change_at, lex.verbal_nouns) is not None:
        return None  # 产值月增幅超过30%: the rate's noun, no change of this number's
    words = [w for w in tagged(segment[max(0, change_at - 6) : change_at]) if w[0].strip()]
    if not words or (basis := lex.compact_basis.get(words[-1][0])) is None:
        return None
    if len(words) > 1 and (
        words[-2][1] in ("m", "mq", "q")
        or words[-2][0][-1:].isdigit()
        or words[-2][0].endswith(("均", "每"))
    ):
        return None  # 12月增加, 第三季增: a date or a period named; 人均月提高: per month
    return basis


_COMPARED_YEAR = re.compile(
    r"(?:比|较|較|与|與)((?:19|20)\d\d)年(?:同期)?(?![底末初中内內前後后的同0-9一二三四五六七八九十上下])"
)


def _year_before(clause: _Clause) -> str | None:
    """``yoy`` for a change against the year before the one the sentence names
    (``2023年…出口量为280万吨,比2022年减少5%``: a year against the year before, gold/README),
    else None; never against a year's end or part (``较2022年底``) or an earlier year."""
    matches = list(_COMPARED_YEAR.finditer(clause.left))
    if not matches:
        return None
    found = matches[-1]
    named = clause.before + clause.left[: found.start()]
    return "yoy" if f"{int(found.group(1)) + 1}年" in named else None


def _verbs(clause: _Clause, kind_of: str) -> _Verbs:
    lex, segment, left = attach(), clause.segment, clause.left
    change, change_word, change_at = _change(segment)
    if change == "level":
        change = None
    elif (
        change is None
        and (word := _comparative(segment)) in lex.comparative_moves
        and not segment.rstrip(_TRIM + "了")[: -len(word)].endswith(tuple(lex.deviation_marks))
    ):  # 收入比去年少了2到3成, 較目前多46%: more or less than before is the size of a change;
        # not 较多年平均偏多23.2%, a deviation from a norm
        change, change_word = lex.comparative_moves[word], word
        change_at = segment.rstrip(_TRIM + "了").rfind(word)
    basis = None
    if (
        change is None
        and change_word is None
        and (bare := _bare_basis(segment))
        and not (kind_of != "percent" and _compared_with_period(segment))
    ):  # (较去年同期18亿元同比增11%: an amount right after a period compared with is the
        # standard, the same measure then, no change)
        change, basis = "up", bare  # 同比-4%: a signed change after its basis, no change word
    elif change is not None:  # in the clause, else in a frame clause before it (与上年同期相比,)
        basis = (
            _basis_in(left)
            or _compact_basis(segment, change_at)
            or _basis_in(clause.frame)
            or _year_before(clause)
        )
    elif kind_of == "percent" and clause.frame and not _basis_in(left):
        basis = _basis_in(clause.frame)  # 环比看,平顶山涨幅1.6%; 同比涨幅较大的城市包括:海口16.7%
    share = _find(segment, lex.share, last=True)
    verb = _governing_verb(segment)
    tagged_verb = None if verb else _tagged_verb(segment)
    emphasis = _find(segment, lex.emphasis, last=True)
    action = change_word  # a change's own word first, then a share word, the verb
    if change_word in lex.verbal_nouns:
        # 增幅7.8%: a noun naming the change; the number is its level, with no verb (gold)
        action, change = None, None
    result = _verb_before_result(segment)  # 控制在4%以内: the verb the number completes
    if action is None and result is not None:
        action = result[1]
    share_noun = share is not None and segment[share[0] + len(share[1]) :].startswith("比")
    for found in (share, verb, tagged_verb):  # emphasis is never an action (SPEC §3)
        if share_noun and found is not None and share is not None and found[0] <= share[0]:
            continue  # 外资占比超三分之一: 占比 is the share's noun; no verb before it governs
        if action is None and found is not None and found[1] not in lex.not_actions:
            action = found[1]
    if action is None:  # else a verb anywhere before it in the clause
        weak = _governing_verb(left) or _last_verb_word(left, lex.weak_verbs)
        if weak is not None and weak[1] not in lex.not_actions:
            action = weak[1]
        elif (word := _weak_verb_before(segment)) is not None:
            action = word  # 屏東縣損失3,685萬元: the word right before the amount governs it
    elif change is None and (adjacent := _adjacent_weak_verb(segment)) and adjacent != action:
        action = adjacent  # 老旧小区改造共涉及3069个片区: the verb right before it governs
    elif (
        change is None
        and share is None
        and result is None
        and (adjacent := _adjacent_verb(segment)) is not None
        and adjacent != action
    ):
        action = adjacent  # …工作室一次分别给予500万元: the verb right before it governs
    if (
        change is None
        and share is None
        and result is None
        and kind_of in _LISTED_KINDS
        and (listed := _listed_verb_before(segment)) is not None
    ):
        action = listed  # 恒大净流入近6亿元: a verb the tagger calls a noun, right before it
    nouns = lex.counted_value_nouns if kind_of == "count" else lex.value_nouns
    if (
        action is not None
        and change is None
        and share is None
        and _inside_value_noun(segment, action, nouns)
    ):
        action = None  # 破获一起涉案金额6000余万元: the amount is the noun's value
    return _Verbs(
        change, change_at, basis, share, verb, tagged_verb, emphasis, action, result, change_word
    )


_NUMERAL_TAGS = frozenset({"m", "q", "mq", "eng"})


def _inside_value_noun(segment: str, action: str, nouns: tuple[str, ...]) -> bool:
    """Does the number give the value of a noun naming a size (``data/attach.toml``
    ``value_nouns``: 金额, 面积, 比例; ``nouns``, those of the number's kind) that ``action``
    does not take as its object? So when the
    action is a verb right before the bare noun, inside it (``涉案金额``, ``持股比例``,
    ``募集总额``), or when a numeral or another verb stands between the action and the noun
    (``破获一起涉案金额``, ``支付结算金额``, ``实现…通宽带比例``). Not when the action takes the noun
    phrase whole (``实现进出口总额``, ``占用林地面积``, ``准备了总额``, ``涉及總金額``).

    >>> nouns = attach().value_nouns
    >>> _inside_value_noun("基金募集金额不少于", "募集", nouns)
    True
    >>> _inside_value_noun("破获一起涉案金额", "破获", nouns)
    True
    >>> _inside_value_noun("全年累计实现进出口总额", "实现", nouns)
    False
    >>> _inside_value_noun("实现利润总额", "实现", nouns)
    False
    """
    tail = _strip(segment)
    if not tail.endswith(nouns):
        return False
    at = tail.rfind(action)
    if at < 0:
        return False
    words = [w for w in tagged(tail[at + len(action) :]) if w[0].strip()]
    if not words:
        return False
    between, (noun, _) = words[:-1], words[-1]
    if not between:
        return noun in nouns  # 募集总额: the verb and the bare noun are one noun
    return any(tag in _NUMERAL_TAGS for _, tag in between)


_VERB_TAGS = frozenset({"v", "vd", "vi"})


def _word_before_number(
    segment: str, words: tuple[str, ...]
) -> tuple[str, list[tuple[str, str]]] | None:
    """A word of ``words`` that ends the segment past adverbs, particles and qualifier words,
    as a word of its own by the tagger, with no linking or emphasis word between it and the
    number; with the tagged words that end the segment (the word last)."""
    lex = attach()
    tail = _strip(segment)
    word = word_ending_at(tail, len(tail), words)
    if word is None:
        return None
    between = segment[segment.rfind(word) + len(word) :]
    if any(w in between for w in lex.emphasis) or any(w in between for w in lex.linking_verbs):
        return None  # 损失高达10余万元, 作案高达56起: a linking word gives the noun a value
    tagged_words = [w for w in tagged(tail[-12:]) if w[0].strip()]
    if not tagged_words or tagged_words[-1][0] != word:
        return None  # 经济损失, 工作案: inside a longer word
    return word, tagged_words


def _weak_verb_before(segment: str) -> str | None:
    """A weak verb (``损失``, ``诈骗``) the tagger keeps as a word of its own right before the
    number, past emphasis and qualifier words, and not after an adverb or adjective that
    makes it a noun (``直接损失``): it governs the amount though the tagger calls it a noun
    (``屏東縣損失3,685萬元``, ``估計損失787萬元``)."""
    found = _word_before_number(segment, attach().weak_verbs)
    if found is None:
        return None
    word, words = found
    if len(words) > 1 and words[-2][1] in ("a", "ad", "d", "b"):
        return None  # 直接损失: a noun with its modifier
    return word


_LISTED_KINDS = frozenset({"count", "money", "measure"})
"""Kinds of the items of a list a verb governs whole (扣押车13辆,电脑24台,现金70万元): a sum
joins the list only bare or as cash (``attach.toml`` ``cash_nouns``); one with a noun of its
own (涉案金额, 直接经济损失) is that noun's value."""

_LEVEL_KINDS = frozenset({"count", "money", "measure", "percent"})
"""Kinds whose values a level moved from one value to another can hold (``_level_moved``)."""


def _after_causative(segment: str) -> bool:
    """Does the number come right after a causative verb (``造成``, ``导致``, ``致使``:
    ``data/attach.toml`` ``causatives``), past 了? The count then opens the clause of what
    was caused (``造成3人被困``)."""
    tail = segment.rstrip(_TRIM)
    tail = tail[:-1] if tail.endswith("了") else tail
    word = word_ending_at(tail, len(tail), attach().causatives)
    return word is not None and len(word) > 1


def _after_existential(segment: str) -> bool:
    """Does the number come right after an existential 有 (``确定有``, ``另有``, ``仍有``):
    the count opens a clause of its own, whatever verb stands before 有."""
    tail = segment.rstrip(_TRIM)
    return tail.endswith("有") and tagged(tail[-4:])[-1][0] in attach().existentials


def _adjacent_weak_verb(segment: str) -> str | None:
    """A weak verb (``data/attach.toml`` ``weak_verbs``) that ends the segment, but for
    adverbs and particles (``共涉及``), and that the tagger reads as a verb word of its own:
    nothing stands between it and the number, so it governs the number, not a verb before it
    (``改造共涉及3069个片区``)."""
    lex = attach()
    if not _alternation(lex.weak_verbs).search(segment, max(0, len(segment) - 10)):
        return None  # no weak verb near the end: most segments (the cheap test first)
    tail = _strip(segment)
    word = word_ending_at(tail, len(tail), lex.weak_verbs)
    if word is None or len(word) < 2:
        return None
    words = tagged(tail[-8:])
    return word if words and words[-1] == (word, "v") else None


def _listed_verb_before(segment: str) -> str | None:
    """A verb of ``data/attach.toml`` ``verbs_before_amount`` (``净流入``, ``作案``, ``收报``)
    that ends the segment past adverbs, particles and qualifier words, as a word of its own:
    it governs the amount after it though the tagger reads it as a noun or adjective.

    >>> _listed_verb_before("恒大净流入近"), _listed_verb_before("二人先后作案")
    ('净流入', '作案')
    >>> _listed_verb_before("工作案")  # inside another word
    """
    found = _word_before_number(segment, attach().verbs_before_amount)
    return found[0] if found else None


def _adjacent_verb(segment: str) -> str | None:
    """A verb of two characters or more that ends the segment, past adverbs (``分别给予``,
    ``提前预拨``, ``共骗得``): nothing stands between it and the number, so it governs the
    number rather than a verb earlier in the clause. Not a linking, emphasis, modal or speech
    verb, nor one the tagger joins to what comes before it."""
    lex = attach()
    words = [w for w in tagged(segment.rstrip(_TRIM)[-12:]) if w[0].strip()]
    while words and words[-1][1] in ("d", "ul") and len(words) > 1:
        words.pop()  # 了, 都: nothing between the verb and the number but these
    if not words:
        return None
    word, tag = words[-1]
    if tag != "v" or len(word) < 2:
        return None
    if len(words) > 1 and words[-2][1] not in ("d", "c", "x", "ad"):
        return None  # 新增就业, 营业收入, 净买入: the word ends a compound or has an object before
    if word in lex.not_actions or word in lex.linking_verbs or word in _value_words():
        return None
    return word


def _verb_before_result(segment: str) -> tuple[int, str] | None:
    """The verb of ``控制在``, ``稳定在``, ``扩充至`` right before the number: a word of two
    characters or more that the tagger reads as a verb (or an adjective used as one:
    ``data/attach.toml`` ``result_adjectives``), followed by a result marker
    (``result_markers``) that ends the segment. The number completes that verb, so it
    governs the number.

    >>> _verb_before_result("城镇登记失业率控制在"), _verb_before_result("占全球比重稳定在")
    ((7, '控制'), (5, '稳定'))
    >>> _verb_before_result("年龄集中在"), _verb_before_result("位于")
    ((2, '集中'), None)
    """
    lex = attach()
    tail = segment.rstrip(_TRIM)
    if not tail or tail[-1] not in lex.result_markers:
        return None  # the markers are one character each: most segments end otherwise
    words = tagged(tail[-12:])
    if len(words) < 2 or words[-1][0] not in lex.result_markers:
        return None
    word, tag = words[-2]
    at = len(tail) - len(words[-1][0]) - len(word)
    if tag == "a" and word in lex.result_adjectives:
        return (at, word)
    one_before_level = len(word) == 1 and tag == "v" and words[-1][0] == "至"  # not 分到, 抓到
    if (len(word) < 2 and not one_before_level) or tag not in _VERB_TAGS:
        return None  # 调至10元: a verb of one character before 至 governs the level too
    if word in lex.not_actions or word in lex.linking_verbs or word in lex.emphasis:
        return None
    return (at, word)


_MEASURE_OWNER_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "l"})
"""Tags of a noun whose measure a verbal noun after it names (项目投资, 水利投资); not a person's
name (陈某军出资: the person's act)."""


def _last_verb_word(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The last of ``words`` in ``text`` that the tagger reads as a verb there, not as part of
    a noun (``造成…经济损失``: 损失 is inside the noun 经济损失, 造成 is the verb)."""
    for match in reversed(list(_alternation(words).finditer(text))):
        at, word = match.start(), match.group()
        lead, end = max(0, at - 4), at + len(word)
        pos, bounds, verb = lead, {lead}, False
        for token, tag in tagged(text[lead : end + 4]):
            verb = verb or (at <= pos < end and tag in _VERB_TAGS)
            pos += len(token)
            bounds.add(pos)
        if at in bounds and end in bounds and verb:
            return (at, word)  # the tagger's words start and end with it (被/骗), a verb among them
    return None


_WINDOW = 40  # characters of a segment the tagger reads: a verb further away governs nothing


def _tagged_verb(segment: str) -> tuple[int, str] | None:
    """The verb heading the phrase that ends at the number, by the tagger: the first word
    tagged as a verb in the segment that is not a linking, emphasis, modal or speech verb
    (``data/attach.toml`` ``not_actions``), nor a weak verb that usually sits inside a noun
    (``诈骗案件``) nor one before 的 (``批准的额度``: it describes the noun); a verbal noun
    right before the number is its verb (``出资2000万元``); a one-character verb only right
    before the number (``涨3%``, ``签10多张``), joined to a one-character word after it
    (``获批``), and 净 before a verb is part of it (``净买入``).

    >>> _tagged_verb("套取征收补偿款")
    (0, '套取')
    >>> _tagged_verb("陈某军出资"), _tagged_verb("累计批准的")
    ((3, '出资'), None)
    """
    lex = attach()
    offset = max(0, len(segment) - _WINDOW)
    window = segment[offset:]
    words = tagged(window)
    if (predicate := _adverb_predicate_at(words)) is not None and predicate > 0:
        found = _tagged_verb(window[predicate:])  # 楼体坍塌事故现场已搜救出受困人员49人: the
        if found is not None:  # verb after 已 is the predicate, 坍塌 is inside its subject
            return (offset + predicate + found[0], found[1])
    at = 0
    for k, (word, tag) in enumerate(words):
        start = at
        at += len(word)
        rest = window[at:]
        if word in lex.not_actions or word in lex.weak_verbs or word in lex.verbal_nouns:
            continue
        if (
            tag == "vn"
            and (k == 0 or words[k - 1][1] in ("d", "x"))
            and k + 1 < len(words)
            and words[k + 1][1] in ("n", "nz")
            and all(t in _PHRASE_NOUN_TAGS for _, t in words[k + 1 :])
            and not window.endswith(lex.measure_suffixes)  # 综合能源消费量: a noun compound
        ):
            tag = "v"  # 共生产原煤5.07亿吨, 建设优质油菜生产基地70万亩: a verbal noun opening
            # verb + object + number
        if (
            tag in ("n", "vn")
            and k > 0
            and words[k - 1][0] in lex.predicate_adverbs
            and len(word) == 2
            and not (k + 1 < len(words) and words[k + 1][1] in _VERB_TAGS)  # 将全面建成
            and word not in lex.measure_nouns
            and not word.endswith(lex.measure_suffixes)
        ):
            tag = "v"  # 共收治4名, 已核实…60余起: after an adverb a word the tagger calls a
            # noun is the predicate (adverbs modify verbs, not nouns)
        if tag == "vn" and not _strip(rest):
            if (
                k > 0
                and words[k - 1][1] in _MEASURE_OWNER_TAGS
                and word not in lex.verbs
                and word not in lex.verbs_after_noun
                and not _NAME_END.search(window[:start])
                and not _agent(window[:start])  # 福利彩票机构销售: an agent's act
                and not (  # 净利润亏损: a measure's own change (not 总收入预计, a modal, nor
                    _names_measure(window[:start])  # a note in brackets, 含公允价值变动)
                    and word not in lex.strip_end
                    and not any(b in rest for b in ")）")
                )
            ):
                continue  # 民生水利项目投资619亿元: after a noun it names the measure
            tag = "v"  # 陈某军出资2000万元: a verbal noun right before the number is its verb
        if tag not in _VERB_TAGS:
            continue
        if k + 1 < len(words) and words[k + 1][1] == "uj":
            continue  # 累计批准的额度: a verb before 的 describes the noun
        if (
            k + 2 < len(words)
            and words[k + 1][0] in lex.verb_conjunctions
            and words[k + 2][1] in _VERB_TAGS
        ):
            continue  # 已核定並撥款十三億元: of two joined verbs the one nearer governs
        if (
            k + 1 < len(words)
            and (tail := _strip(rest))
            and tail.endswith(_measure_ends())  # before tagging: most rests end otherwise
            and all(t in _PHRASE_NOUN_TAGS for _, t in tagged(tail))
        ):
            continue  # 托管余额125.5万亿元, 存续规模: the verb names the measure's kind
        if (
            len(word) > 1
            and k + 1 < len(words)
            and words[k + 1][0] in lex.result_complements
            and words[k + 1][1] == "v"
        ):
            word = word + words[k + 1][0]  # 搜救出15名: the result is part of the verb
            rest = window[at + 1 :]
        if (
            len(word) == 1
            and len(rest.strip(_TRIM)) == 1
            and rest.strip(_TRIM) not in _TRIM
            and first_tag(rest.strip(_TRIM)) not in ("d", "c", "p")  # 支付率都超过: 都 no part
        ):
            word, rest = word + rest.strip(_TRIM), ""  # 获批48.5亿美元: 获 + 批, one verb
        if len(word) == 1 and rest.strip(_TRIM):
            continue
        if len(_strip(rest)) == 1 and len(tagged(rest.strip(_TRIM))[0][0]) == 1:
            continue  # 注册率: the verb heads a one-character noun (not 收受对方: 对方 a word)
        if k > 0 and words[k - 1][0] in lex.verb_prefixes:
            start, word = start - len(words[k - 1][0]), words[k - 1][0] + word  # 净买入
        return (offset + start, word)
    return None


def _adverb_predicate_at(words: Sequence[tuple[str, str]]) -> int | None:
    """Where the last verb right after a predicate adverb (``已搜救``, ``共破获``) starts in
    the text of ``words``, when a verb stands before that adverb too: adverbs open the
    predicate, so the verb before them is inside its subject. None otherwise."""
    lex = attach()
    at, seen_verb, found = 0, False, None
    for k, (word, tag) in enumerate(words):
        if (
            k > 0
            and seen_verb
            and words[k - 1][0] in lex.predicate_adverbs
            and tag in _VERB_TAGS
            and word not in lex.not_actions
        ):
            found = at
        if tag in _VERB_TAGS and word not in lex.not_actions:
            seen_verb = True
        at += len(word)
    return found


@per_lexicons(1)
def _measure_ends() -> tuple[str, ...]:
    """How a noun naming a measure ends: a balance (余额), a measure noun (规模, 人数) or a
    measure's last morpheme (率, 量, 额)."""
    lex = attach()
    return tuple(dict.fromkeys((*lex.balances, *lex.measure_nouns, *lex.measure_suffixes)))


_SAME_AS_PREVIOUS = "\x00same"
""":func:`_noun_subject`'s answer for a number listed right after one of its kind (751户1053人)."""


def _ends_with_people(segment: str) -> bool:
    """Does the segment end with a noun for people (``拖欠37名农民工``): they are whom the
    money is owed or paid to, not what it measures, so a noun of money after the amount
    names it (``10万多元工资``)."""
    words = [w for w in tagged(_strip(segment)[-8:]) if w[0] not in _TRIM]
    return (
        bool(words) and words[-1][1] in ("n", "nr") and words[-1][0].endswith(attach().person_ends)
    )


def _names_money(noun: str) -> bool:
    """Does the noun end with a word of money (``units.toml`` money ``words``: 工资, 手续费)?"""
    return any(noun.endswith(word) for word in units().money_words)


def _ends_with_noun(segment: str) -> bool:
    """Does a segment end with a noun right before its number (``引进总投资超``: the noun
    before measures it), past qualifier and emphasis words?"""
    words = [w for w in tagged(_strip(segment)[-12:]) if w[0] not in _TRIM]
    return bool(words) and (
        words[-1][1] in _PHRASE_NOUN_TAGS or words[-1][0] in attach().verbal_nouns
    )


def _names_measure(phrase: str) -> bool:
    """Does the phrase end with a noun naming a measure (``measure_nouns``, or a noun ending
    in ``measure_suffixes``: ``增加值``, ``营业收入``)? Then an amount after the verb that
    follows it is that measure's, not an agent's act (``轻工业增加值完成809亿元``)."""
    lex = attach()
    tail = _strip(phrase)
    words = tagged(tail[-8:]) if tail else ()
    if not words:
        return False
    if word_ending_at(tail, len(tail), lex.measure_nouns) is not None:
        return True  # 餐饮收入, 营收: whatever the tagger calls 收入, or however it splits 营|收
    return (
        words[-1][1] in _PHRASE_NOUN_TAGS
        and len(words[-1][0]) > 1
        and words[-1][0].endswith(lex.measure_suffixes)
    )


_AGENT_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "r"})
_TIME_TAGS = frozenset({"t", "f", "m", "mq"})


def _agent(phrase: str) -> bool:
    """Is the phrase a person, place or organisation (by the tagger, or its last characters:
    ``agent_ends``), the one who acts rather than a thing measured?"""
    words = [w for w in tagged(phrase) if w[0].strip(_TRIM)]
    return bool(words) and (words[-1][1] in _AGENT_TAGS or phrase.endswith(attach().agent_ends))


def _names_thing(phrase: str) -> bool:
    """Does the phrase before a verb end with a noun naming a thing (``国债``, ``技改投资``,
    ``体育彩票``), not an agent (a person, place or organisation by its tag or its last
    characters, ``agent_ends``: ``中央财政``, ``姚先生``) and not the object of a preposition
    (``向指定账户``, ``通过银行卡``)? Then an amount right after the verb measures that
    thing: ``国债发行6430亿元`` → 国债, while ``中央财政安排30.4亿元`` → 安排 (SPEC: the verb
    phrase when no noun names the money)."""
    lex = attach()
    tail = _strip(phrase)
    if not tail or _agent(tail):
        return False
    if (before := phrase[: phrase.rfind(tail)].rstrip(_TRIM)) and before.endswith(
        lex.agent_blockers
    ):
        return False  # 向獎學基金注資, 为群众追赃挽损: the noun is the verb's object
    if "的" in tail[:-1]:
        tail = tail[tail.rfind("的") + 1 :]  # 七个产业的产值: the head after its modifier
    words = tagged(tail[-16:])
    at = len(words)
    while at > 0 and (
        (words[at - 1][1] in _PHRASE_NOUN_TAGS and words[at - 1][1] not in _AGENT_TAGS)
        or (words[at - 1][1] == "b" and at < len(words))  # 总票房: a distinguishing word
    ):
        at -= 1
    # the nouns open the phrase, or only time words stand before them (今年前三季度)
    return at < len(words) and all(
        w[1] in _TIME_TAGS and (w[1] != "f" or len(w[0]) == 1) for w in words[:at]
    )  # not 南方基金: a two-character place word names a fund company


def _people_before(segment: str, v: _Verbs) -> str | None:
    """The noun naming people right before a count of them (``游客``, ``母子``: a noun
    ending in ``person_ends``), after the verb or causative before it, else None."""
    lex = attach()
    tail = _strip(segment)
    words = tagged(tail[-12:]) if tail else ()
    if not words or words[-1][1] not in _PHRASE_NOUN_TAGS or words[-1][1] in _AGENT_TAGS:
        return None
    if not words[-1][0].endswith(tuple(lex.person_ends)) or len(words[-1][0]) < 2:
        return None
    after = _after_governing_word(segment, v)
    if (cause := _find(after, lex.causatives, last=True)) is not None:
        after = after[cause[0] + len(cause[1]) :]
    phrase = _clean(after)
    return _head_phrase(phrase) if phrase else None


def _ends_with_value_word(segment: str) -> bool:
    """Does the segment end, past adverbs and particles, with a word that gives a value to
    the noun before it: a linking verb, an emphasis word, or 在 (``购车价格在``, ``面額達``)?"""
    lex = attach()
    tail = _strip(segment)
    return bool(
        word_ending_at(tail, len(tail), lex.linking_verbs)
        or word_ending_at(tail, len(tail), lex.emphasis)
        or word_ending_at(tail, len(tail), lex.value_locatives)
    )


def _opens_with_noun(right: str) -> bool:
    """Does the text right after an amount open with the noun it measures, written with no
    stop between (``现金``, ``被骗资金``, ``QDII额度``), not a place word, verb or particle?"""
    return _leading_noun(right) is not None


def _leading_noun(right: str) -> str | None:
    """The noun the text right after an amount opens with: an optional passive verb
    (``被骗资金``), then nouns (``QDII额度``), the first of two characters or more and no
    scope word (``全部``); None when the text opens otherwise.

    >>> _leading_noun("现金来银行汇款"), _leading_noun("被骗资金。"), _leading_noun("全部充值")
    ('现金', '被骗资金', None)
    """
    if not right or right[0] in _TRIM or right[0] in CLAUSE_END:
        return None
    words = list(tagged(right[:12]))
    lead = ""
    if len(words) > 1 and words[0][0] in ("被", "被骗", "被騙"):
        lead, words = words[0][0], words[1:]  # 被骗资金: a passive verb before the noun
        if words[0][1] in _VERB_TAGS and len(words) > 1 and lead == "被":
            lead, words = lead + words[0][0], words[1:]
    if (
        not words
        or (
            words[0][1] not in _COUNTED_NOUN_TAGS
            and not _money_noun_tagged_vn(words)
            and not _opens_compound_noun(words)
        )
        or len(words[0][0]) < 2
        or words[0][0] in attach().totality  # 1.96万元全部充值: a scope word, no noun
    ):
        return None
    noun = ""
    if words[0][1] not in _PHRASE_NOUN_TAGS:
        noun, words = words[0][0], words[1:]  # 补助 | 资金, 賄款: a verb inside the noun
    for word, tag in words:
        if tag not in _PHRASE_NOUN_TAGS:
            break
        noun += word
    return lead + noun


def _fine_imposed(c: _Clause) -> tuple[str, str] | None:
    """The one-character verb right before an amount that imposes the fine named right after
    it, or after the range's other end, and the fine (``处1000元罚款``, ``處新台幣30萬元罰鍰``,
    ``处50元以上200元以下罚款``: ``attach.toml`` ``fine_verbs``, ``fines``); not a place
    (``此处``)."""
    lex = attach()
    tail = _strip(c.segment)
    verb = word_ending_at(tail, len(tail), lex.fine_verbs)
    if verb is None or tagged(tail[-4:])[-1][0] != verb:
        return None
    other_end = _RANGE_END.match(c.right)
    after = c.right[other_end.end() :] if other_end else c.right
    fine = word_at(_past_amount_link(after), 0, lex.fines)
    return (verb, fine) if fine is not None else None


@per_lexicons(1)
def _rate_frame() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words opening a rate (``attach.toml`` ``rate_openers``: 按照, 按) and the end of
    its frame after the amount (``…的标准``, ``的补助标准``: ``rate_standards``)."""
    lex = attach()
    opener = re.compile(alternation(lex.rate_openers))
    standard = re.compile(
        r"[^，,。；;！？!?]{0,24}?的(?:" + alternation(lex.rate_standards) + r")[，,]?"
    )
    return opener, standard


def _verb_after_standard(text: str, item: Item, c: _Clause, action: str | None) -> str | None:
    """The verb after ``…的标准`` that closes a rate opened by 按照/按 around an amount
    (``按照每生每年6000元的标准补助公用经费`` → 补助, ``按照每平方米800元的标准,支持…`` →
    支持, ``按照户均1.6万元的标准,将…资金分配`` → 分配): the rate's amount is governed by the
    act it is the standard of, not by a verb before 按照 (``随班就读残疾学生按照…``). None
    when no such frame holds the amount, or a verb inside the frame governs it
    (``按照每人每月补贴60元的标准``)."""
    opener, standard = _rate_frame()
    by = None
    for found in opener.finditer(c.left):
        if any(w == found.group() for w, _ in tagged(c.left[found.start() : found.start() + 4])):
            by = found
    right = text[item.end : item.end + 80]
    if by is None or (frame := standard.match(right)) is None:
        return None
    if action is not None and c.left.rfind(action) > by.start():
        return None  # 按照每人每月补贴60元的标准: the verb inside the rate governs it
    rest = right[frame.end() :]
    words = [w for w in tagged(_CLAUSE.split(rest, maxsplit=1)[0][:20]) if w[0].strip()]
    while words and words[0][1] in ("d", "ad"):
        words.pop(0)
    if not words:
        return None
    if words[0][0] in ("将", "將", "把"):
        return _last_verb_of_clause(rest)  # 将…补助资金分配至各县市: the verb of the moved object
    word, tag = words[0]
    return word if tag in _VERB_TAGS and word not in attach().not_actions else None


_LABEL = re.compile(r"(?:^|(?<=[\n/，,；;。]))\s*([^\n/，,；;。：:]{2,10})[：:]\s*$")


def _label_before(text: str, item: Item) -> str | None:
    """The label of a ``label: value`` item the number opens (``发行价格:5.43元/股``,
    ``申购上限:80万股``): a phrase ending with a noun, opening its line or following a
    stop, of nouns only unless it is short; not a place or person (``河北:``)."""
    found = _LABEL.search(text, max(0, item.start - 14), item.start)
    if found is None:
        return None
    label = found.group(1).strip(_TRIM)
    words = [w for w in tagged(label) if w[0].strip()]
    if not words or _agent(label) or words[-1][1] not in _PHRASE_NOUN_TAGS:
        return None
    if len(label) > 6 and not all(t in _PHRASE_NOUN_TAGS for _, t in words):
        return None  # 重庆公布年度民生支出账: a sentence, not a label (发行价格: a short one)
    return label


def _fine_sentence(c: _Clause) -> str | None:
    """The verb a fine named right before its amount is the object of (``被判罰款5000元``,
    ``判處被告罰款1000元``, ``繳交罰款約3.7萬元``): the last verb before the fine's word, with
    at most the person fined between; None when an adverb or conjunction stands right before
    the fine (``合计罚款``, ``以及罰款``: then 罚款 is itself the verb)."""
    lex = attach()
    tail = _strip(c.segment)
    fine = word_ending_at(tail, len(tail), lex.fines)
    if fine is None:
        return None
    words = [w for w in tagged(tail[: len(tail) - len(fine)][-10:]) if w[0].strip(_TRIM)]
    between = 0
    while words and words[-1][1] in ("n", "nr", "nt", "r") and between < 1:
        words.pop()  # 判處被告罰款: the person fined
        between += 1
    if not words or words[-1][1] not in _VERB_TAGS or words[-1][0] in lex.not_actions:
        return None
    verb = words[-1][0]
    return verb[1:] if verb.startswith(("被", "遭")) and len(verb) > 1 else verb  # 被判: 判


def _past_amount_link(right: str) -> str:
    """The text after an amount past the word that joins it to its noun (``的``, ``之``,
    ``不等``: ``attach.toml`` ``amount_links``), or the text itself when none opens it."""
    link = word_at(right, 0, attach().amount_links)
    return right[len(link) :] if link else right


def _opens_compound_noun(words: list[tuple[str, str]]) -> bool:
    """Do the words open with a Latin word or a verb, then a noun that makes one noun with
    it: a Latin abbreviation before a noun (``QDII额度``), a verb before a noun of money
    (``补助资金``, ``拆迁款``: ``attach.toml`` ``money_morphemes``)?"""
    if len(words) < 2 or words[1][1] not in _COUNTED_NOUN_TAGS:
        return False
    tag = words[0][1]
    return tag == "eng" or (tag in _VERB_TAGS and words[1][0].endswith(attach().money_morphemes))


def _money_noun_tagged_vn(words: list[tuple[str, str]]) -> bool:
    """Do the words open with a noun of money the tagger calls a verbal noun: one before a
    noun (``救助资金``) or one ending in a money morpheme (``經費``; ``attach.toml``
    ``money_morphemes``)?"""
    word, tag = words[0]
    return (
        tag == "vn"
        and (
            (len(words) > 1 and words[1][1] in _COUNTED_NOUN_TAGS)
            or word.endswith(attach().money_morphemes)
        )
    ) or (
        tag in _VERB_TAGS and len(word) > 1 and word.endswith(attach().money_morphemes)
    )  # 賄款: the tagger calls it a verb


def _noun_subject(text: str, item: Item, context: _Context, c: _Clause, v: _Verbs) -> str | None:
    """The noun a number measures (SPEC's subject rule), by the first reading that applies:
    the noun before a change or share word, a counted noun, the group a count of people is
    taken from, 钱, the noun after a classifier, the noun between the verb and the number,
    the person after a money verb."""
    lex, segment, right = attach(), c.segment, c.right
    if _standard(segment) or (
        c.in_clause
        and (word := _comparative(c.left)) is not None
        and segment.strip(_TRIM + "了") == word
    ):
        return None  # 比2021年的83.71亿斤高0.21亿斤: both the measure named before
    if (
        (item.kind in ("percent", "money", "measure") or item.unit in attach().score_units)
        and right.startswith("的")
        and not right[1:].startswith(_joined("up", "down"))  # 实现38.6%的增长
        and text[item.end - 1 : item.end] not in ("钱", "錢")
        and (
            _clean(_after_governing_word(segment, v)) is None
            or segment.rstrip(_TRIM).endswith(tuple(lex.means_markers))  # 选手…以12.86米的成绩
        )
    ):
        if noun := _noun_after(right[1:], after_de=True):
            return noun  # 低于6%以上的预期目标, 持股5%的股东: the noun the number modifies
    if (
        item.kind == "percent"
        and v.change is None
        and _find(segment, lex.holding_verbs, last=True) is None
        and (part := _leading_noun(right)) is not None
    ):
        return part  # 转让华融消费金融70%股权, 近四成公司: the part is the noun after the share;
        # not 持有天风期货44.05%股权, whose holder is the part (gold)
    if v.change_at is not None and v.share is not None and v.share[0] < v.change_at:
        return _noun_before(segment[: v.share[0]])  # 非化石能源占…比重提高至17.5%: the part
    if v.change_at is not None and (move := word_at(segment, v.change_at, lex.rate_moves)):
        return move  # 聯儲局決定減息0.25厘: the rate's move is what is measured, not its agent
    if v.change_at is not None:
        before, compared = _split_comparison(_before_basis(segment, v))
        if _clean(before) is None and _has_noun(compared):
            return _noun_before(compared)  # 比上半年两年平均增速回落: the measure compared
        noun = _noun_before(before)
        if (
            noun is not None
            and len(w := tagged(noun)) == 1
            and w[0][1] in _VERB_TAGS
            and noun not in lex.verbal_nouns  # 增速: a measure the tagger calls a verb
            and noun not in lex.measure_nouns
        ):
            noun = None  # 由下降5.0%转为增长21.5%: a verb before the change word names nothing
        if noun is None and (word := word_at(segment, v.change_at, lex.verbal_nouns)):
            phrase = _clean(segment[: v.change_at + len(word)])
            return _head_phrase(phrase) if phrase else word  # 年均增幅21.82%: the noun itself
        return noun
    if v.share is not None:
        if (
            (part := _noun_before(segment[: v.share[0]])) is None
            and not _strip(segment[: v.share[0]])
            and not c.in_sentence  # else the number before in the sentence names it
        ):
            return _clause_topic(text, item, c)  # 北京是…地区,占总滑雪人群的23%: the topic
        return part
    lex_units = units()
    points = item.kind == "count" and item.unit in lex_units.basis_points
    if item.kind == "percent" or points or _comparative(segment):
        before, compared = _split_comparison(segment)
        if compared and _clean(before) is None:
            return None  # 比全省平均水平高0.9个百分点: the measure of the number before
        if compared and item.kind != "percent" and (noun := _noun_before(before)):
            return noun  # 金牌总数比上届多出8枚: the measure compared, not the standard
    if item.kind == "count" and item.unit and item.unit not in lex_units.classifiers and not points:
        if item.unit in lex_units.count_nouns or len(item.unit) > 1:
            # a noun counted with no classifier (五地, 四大工程) is its subject, with the note
            # in brackets that widens it (8市(自治州), 10省(区、市))
            note = _UNIT_NOTE.match(right) or _UNIT_NOTE.search(text, item.start, item.end)
            return item.unit + note.group() if note else item.unit
    if (
        item.kind == "count"
        and not _counts_noun_after(item, right)
        and (noun := _group_subject(text, item, c.sentence_start, context))
    ):
        return noun  # 其中4人死亡: the group the count is taken from; not 其中有14家公司
    if item.kind == "money" and text[item.end - 1 : item.end] in ("钱", "錢"):
        return text[item.end - 1]
    if (
        item.kind == "count"
        and item.unit in lex.person_units
        and right[:1] not in _TRIM
        and _opens_with_predicate(right)
        and (people := _people_before(segment, v))
    ):
        return people  # 致游客2人死亡: the people counted, named right before the count
    subject = None
    if item.kind == "count" and not (
        item.unit not in lex.person_units
        and item.unit not in ("户", "戶", "人次", "次", "回", "遍", "趟")
        and _opens_with_predicate(right)
    ):  # 700间倒塌: things with no noun; for people and times the verb stands (5人死亡, 三次试举)
        subject = _noun_after(right, modifiers=item.unit not in lex.bare_person_units)
    if (
        item.kind == "measure"
        and right[:1] not in _TRIM
        and right[:1] not in CLAUSE_END
        and not _opens_with_predicate(right)
        and not _ends_with_noun(segment)  # 能源消费量187.41万吨标准煤: the noun before
        and first_tag(right) not in ("t", "f")  # 20公里外: a place, not a noun measured
        and word_at(right, 0, lex.not_measured_after) is None  # 跑过8公里时
        and (noun := _noun_after(_CLAUSE.split(right, maxsplit=1)[0])) is not None
        and not _no_noun(noun)  # 122公斤全部成功: a scope word names nothing
    ):  # 7500余公顷农作物受灾, 检获约25公斤怀疑可卡因: a unit counts the noun after it as a
        subject = noun  # classifier does
    if (
        item.kind == "measure"
        and (place := tagged(right[:8]))
        and len(place) > 1
        and (place[0][1] == "f" or place[0][0] in lex.dimensions)
        and place[1][0] == "的"
    ):  # 20公里外的民房: the distance of the thing there; 25公里长的慢上坡: the thing that long
        subject = _noun_after(right[len(place[0][0]) + 1 :], after_de=True) or subject
    people = item.kind == "money" and _ends_with_people(segment)
    if item.kind == "money" and (not _ends_with_noun(segment) or people):
        # 拿着50万余元现金来银行, 带来了272亿元的现金红利: the amount of the noun after it
        after = right
        if not _ends_with_value_word(segment):
            after = _past_amount_link(right)  # not 购车价格在10万元以下的车辆: the value of the
            # noun before; 收取…之賄款, 并处二千元至四千五百元不等罚金
        noun = _leading_noun(after)
        if people and noun is not None and not _names_money(noun):
            noun = None  # 诈骗陈先生31500元的犯罪行为: after people, only a noun of money
        subject = noun or subject
    if subject is None and item.kind in ("money", "count") and not _strip(segment):
        subject = _equated_noun(right)  # 其中64万元为现金
    previous = context.previous
    if subject is None and c.in_clause and segment.strip(_TRIM) in ("", *lex.list_joiners):
        if (
            context.previous_result is not None
            and previous is not None
            and previous.kind == item.kind
        ):
            return _SAME_AS_PREVIOUS
    if (
        subject is None
        and item.kind == "money"
        and v.tagged_verb is not None
        and v.verb is None
        and v.change is None
        and not _strip(segment[v.tagged_verb[0] + len(v.tagged_verb[1]) :])
        and _has_noun(segment[: v.tagged_verb[0]])
        and (
            first_tag(v.tagged_verb[1]) == "v"  # 行业能力建设: a verbal noun ends a noun,
            or _agent(_strip(segment[: v.tagged_verb[0]]))  # but 彩票机构销售: an agent's act
        )
        and not v.tagged_verb[1].startswith("净")  # 北上资金净买入: a net flow of the fund
        and not (
            len(v.tagged_verb[1]) > 1 and _names_thing(segment[: v.tagged_verb[0]])
        )  # 国债发行6430亿元: the bonds
    ):
        return v.tagged_verb[1]  # 中央财政安排30.4亿元: the noun before the verb is its agent,
        # not what is measured; no noun names the money, so the verb does (SPEC)
    if subject is None:
        after = _after_governing_word(segment, v)
        subject = _clean(after)
        governed = after != segment and segment.endswith(after)  # the verb's object
        subject = _head_phrase(subject, governed=governed) if subject else subject
        verb = v.verb or v.tagged_verb
        if (
            verb is not None
            and not _strip(segment[verb[0] + len(verb[1]) :])
            and (
                (subject is None and _names_measure(segment[: verb[0]]))
                or (
                    item.kind in ("money", "measure")
                    and len(verb[1]) > 1  # 营收: one character is often part of a noun
                    and (
                        first_tag(verb[1]) == "v"  # 亩产: a verbal noun ends the noun,
                        or _after_adverb(segment[: verb[0]])  # but 已冲破: a verb after 已
                    )
                    and (subject is None or subject.endswith(verb[1]))
                    and _names_thing(segment[: verb[0]])
                )
            )
            and (before := _clean(segment[: verb[0]]))
        ):
            subject = _head_phrase(before)  # 轻工业增加值完成809亿元: the measure named before;
            # 国债发行6430亿元: the thing the verb right before the amount is done with
        if subject and subject.startswith("每") and len(subject) <= 4:
            subject = None  # 收于每盎司15.517美元: the unit of a rate, not what is measured
    if (
        subject is None
        and item.kind == "money"
        and len(right) <= 8
        and v.tagged_verb is None
        and word_at(right, 0, lex.uses) is None  # 32.6亿元用于救助: a use, not a person
    ):
        subject = _person_after_verb(right)
    return subject


def _after_adverb(before: str) -> bool:
    """Does ``before`` end with an adverb (``总票房已``, ``总体规模首次``), so that a verbal
    noun after it is used as a verb?"""
    words = [w for w in tagged(before[-8:]) if w[0].strip(_TRIM)]
    return bool(words) and words[-1][1] in ("d", "ad")


def _bare_basis(segment: str) -> str | None:
    """``yoy``/``mom`` when the segment ends with its basis word, the number right after
    it with no change word between (``同比-4%``, ``环比+2.1%``)."""
    tail = segment.rstrip(" ,，+＋")
    if tail.endswith(tuple(attach().yoy)):
        return "yoy"
    if tail.endswith(tuple(attach().mom)):
        return "mom"
    return None


def _compared_with_period(segment: str) -> bool:
    """Does the segment end with a comparison's preposition and the period it names (较去年同期,
    比上年), not with a basis adverb (同比, 环比, 按年)?"""
    tail = segment.rstrip(" ,，+＋")
    word = next((w for w in attach().yoy + attach().mom if tail.endswith(w)), "")
    return word.startswith(("比", "较", "較", "与", "與", "同上", "相比"))


def _before_basis(segment: str, v: _Verbs) -> str:
    """The segment before its change word and the basis word before that (同比, 比上年)."""
    assert v.change_at is not None
    region = segment[: v.change_at]
    basis_at = _find(region, _joined("yoy", "mom"), last=True)
    if basis_at is None and _compact_basis(segment, v.change_at):
        return region.rstrip()[:-1]  # 營收年增: the period word is the basis
    return region[: basis_at[0]] if basis_at else region


def _noun_result(result: Attachment) -> bool:
    """Does the result name a noun, not a verb taken for want of one (追赃, 增长)?"""
    return (
        bool(result.subject)
        and result.subject != result.action
        and result.subject not in _change_words()
    )


@per_lexicons()
def _change_words() -> frozenset[str]:
    return frozenset(attach().up) | frozenset(attach().down)


def _after_governing_word(segment: str, v: _Verbs) -> str:
    """The segment after its governing verb (or weak verb), or before an emphasis word; the
    segment before the verb of ``控制在`` is the noun it is done to."""
    if v.result is not None and v.change is None:
        return _head_phrase(segment[: v.result[0]])
    if v.verb is not None:
        return segment[v.verb[0] + len(v.verb[1]) :]
    if v.tagged_verb is not None and _heads_clause(segment, v.tagged_verb[0]):
        return segment[v.tagged_verb[0] + len(v.tagged_verb[1]) :]
    if (weak := _last_verb_word(segment, attach().weak_verbs)) is not None:
        return segment[weak[0] + len(weak[1]) :]
    if v.emphasis is not None:
        return segment[: v.emphasis[0]]
    return segment


def _heads_clause(segment: str, at: int) -> bool:
    """Does the verb at ``at`` open its predicate, so the noun after it is the object: at the
    clause's start, or after an adverb, pronoun, name, time word, preposition, conjunction or
    a distinguishing word used as an adverb (``非法收受``), not after a noun whose compound
    it may end (the tagger reads nouns as verbs)?"""
    before = _strip(segment[:at])
    if not before or _NAME_END.search(before):
        return True  # 刘某海共套取: a name is the clause's subject
    words = tagged(before[-8:])
    return bool(words) and words[-1][1] in ("d", "r", "nr", "t", "p", "c", "m", "b")


_NAME_END = re.compile(r"某[\u4e00-\u9fff]?$")


def _person_after_verb(right: str) -> str | None:
    """15万余元转给对方: the person after a verb right after the amount; else the noun after."""
    after_verb = _find(right[:4], attach().verbs, last=False)
    if (
        after_verb is not None
        and after_verb[0] == 0
        and len(_strip(right[len(after_verb[1]) :])) >= 2
    ):
        return _clean(right[len(after_verb[1]) :])
    return _noun_after(right)


_LEVEL_REACHED = frozenset({"至", "到"})


def _level_reached(text: str, item: Item, context: _Context) -> Attachment | None:
    """A level written right after a change and 至/到 (``净利润同比增11.15%至11428亿元``,
    ``上升10个百分点至27%``): the level the changed measure reached, so the change's subject
    and verb, with no change or basis of its own."""
    previous, result = context.previous, context.previous_result
    if previous is None or result is None or result.change is None:
        return None
    if text[previous.end : item.start].strip(_TRIM) not in _LEVEL_REACHED:
        return None
    return Attachment(result.subject, result.action, None, None)


_PER_HEAD = re.compile(r"(?:每[人户戶生月年日天位名]){1,3}$|(?:人均|户均|戶均)$")
_PER_HEAD_START = re.compile(r"^(?:每[人户戶生月年日天位名]){1,3}|^[年月]?(?:生均|人均|户均|戶均)")


_MOVE_START = (
    r"^(?P<topic>[^，,。；;：:由从從]{2,30}?)(?:也|将|將|都|均|分别|分別)?(?:由|从|從)"
    r"(?:原来的|原來的|原)?"
)
_MOVE_PER = r"(?:每[^，,。；;\d]{1,5}|人均|户均|戶均)?"
_MOVE_TO = r"了?(?:到|至|为|為)"


@per_lexicons(1)
def _level_moves() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A level moved from one value to another: the clause before its first value
    (``…标准每人每月由``), the text after it (``提高到``) and the clause before its second
    value (``…由622元提高到``); the level's noun is ``topic``, the moving verb ``verb``."""
    verb = "(?P<verb>" + "|".join(map(re.escape, attach().level_change_verbs)) + ")"
    low = re.compile(_MOVE_START + _MOVE_PER + "$")
    after = re.compile(r"^(?:、[^，,。；;]{1,12})?(?:分别|分別|统一|統一)?" + verb + _MOVE_TO)
    high = re.compile(
        _MOVE_START
        + r"[^，,。；;]*?\d[^，,。；;]*?(?:分别|分別|统一|統一)?"
        + verb
        + _MOVE_TO
        + "了?"
        + _MOVE_PER
        + "$"
    )
    return low, after, high


def _level_moved(c: _Clause) -> Attachment | None:
    """A value of a level moved from one value to another (``城市低保标准每人每月由622元提高
    到665元``, ``最高支付额由原来的20万元提高到了25万元``): both values are the level's, so
    the noun before 由/从 is their subject and the moving verb their action, with no change
    (the values are levels, not the change)."""
    low, after, high = _level_moves()
    left = c.left.lstrip(_TRIM)
    verb = None
    if (found := low.search(left)) is not None:
        verb = moved.group("verb") if (moved := after.match(c.right)) else None
    elif (found := high.search(left)) is not None:
        verb = found.group("verb")
    if found is None or verb is None or re.search("分别|分別|、", left[found.end("topic") :]):
        return None  # 门票价格分别由190元、60元下降至: a list, each value its own item's
    topic = found.group("topic")
    if _find(topic, attach().share, last=False) is not None:
        return None  # 占采购总规模的比例由60.2%提高到69.7%: a share's subject is its part
    if (mover := _find(topic, attach().disposal_markers, last=True)) is not None:
        topic = topic[mover[0] + len(mover[1]) :].removeprefix("其")  # 摩根士丹利将其股价目标
    topic = _PER_HEAD.sub("", _PER_HEAD_START.sub("", topic))
    subject = _clean(topic)
    if subject is None or not _has_noun(subject):
        return None
    return Attachment(subject, verb, None, None)


def _attach_one(
    text: str, item: Item, context: _Context, group: list[Item], *, marked: bool = True
) -> list[Attachment]:
    """The attachment of ``item`` and of the items listed after it in ``group``; a list not
    marked by 分别 is read as one only when its subjects are listed too (else ``item``
    alone)."""
    c = _clause(text, item, context)
    subject_of = kind(item.kind).subject
    if subject_of == "event":
        return [Attachment(subject=_event_subject(text, item, c))] * len(group)
    if subject_of == "person":
        if _age_continues(item, context, c):
            return [context.previous_result] * len(group)  # type: ignore[list-item]
        return [Attachment(subject=_person_subject(text, item, c))] * len(group)
    v = _verbs(c, item.kind)
    earlier = text[c.sentence_start : item.start - len(c.left)]  # the sentence's clauses before
    if (
        len(group) > 1
        and (
            subjects := _distribute(c.segment, len(group), context, earlier, c.sentence_start, text)
        )
        is not None
    ):
        action = v.action
        if action is None and item.kind == "money":
            action = _trade_verb_ending(c.segment)  # 对欧盟、美国分别进出口769.6亿元、721.9亿元
        return [Attachment(s, action, v.change, v.basis) for s in subjects]
    if not marked:
        group = [item]  # 增长7.9%、8.5%: numbers listed with no list of subjects, each its own
    if (reached := _level_reached(text, item, context)) is not None:
        return [reached] * len(group)  # 净利润同比增11.15%至11428亿元: the level reached
    if item.kind in _LEVEL_KINDS and (moved := _level_moved(c)) is not None:
        return [moved] * len(group)  # 低保标准由622元提高到665元: both values the level's
    if (
        item.unit == "pp"
        and (higher := _find(c.segment, attach().comparison_verbs, last=True)) is not None
        and (compared := _compared(context, c, higher[0])) is not None
    ):  # 增长11.3%,高于全行业8.3个百分点: the measure compared, not the standard
        return [Attachment(compared, higher[1], None, None)] * len(group)
    if item.unit == "pp" and (pulled := _contribution(c.segment, v)) is not None:
        verb, subject = pulled  # 拉动全省投资增长5.2个百分点: the growth pulled, no change
        return [Attachment(subject, verb, None, v.basis)] * len(group)
    if (
        item.kind == "percent"
        and c.segment.strip(_TRIM) in attach().restating_words
        and (restated := _restated_change(text, item, c)) is not None
    ):
        return [restated] * len(group)  # 收高21.17点，或0.26%: the change again, as a share
    if item.kind == "measure" and (far := _distance(text, item, context, c)) is not None:
        return [Attachment(far[0], far[1], None, None)] * len(group)
    if item.kind in ("money", "count") and (rated := _rated(text, item, c)) is not None:
        return [Attachment(rated, v.action, v.change, v.basis)] * len(group)
    if item.kind == "money" and (price := _price_paid(c.segment, c.right)) is not None:
        return [Attachment(price[0], price[1], None, None)] * len(group)
    if item.kind in ("money", "measure") and (trade := _trade(c.segment)) is not None:
        return [Attachment(trade[0], trade[1], v.change, v.basis)] * len(group)
    if (
        item.kind == "count"
        and item.unit in attach().score_units
        and c.segment.rstrip(_TRIM).endswith(tuple(attach().means_markers))
        and not c.right.startswith("的")  # 以28分的高分: the noun after names it
        and (event := _setting_event(text, item, c, stage=True)) is not None
    ):  # 李香凝在女子单人滑短节目中以54.72分领跑: the score is the event's, not the skater's
        return [Attachment(event, v.action, v.change, v.basis)] * len(group)
    subject = _start_of_span(c.segment) or _noun_subject(text, item, context, c, v)
    if subject in attach().landmark_nouns and not (
        item.kind == "count" and subject in attach().countable_landmarks
    ):
        subject = _landmark_owner(c.segment, subject)  # 迈上5万亿元新台阶: not the 台阶's
        # (but 登上5个台阶 counts them)
    if (
        subject
        and (reach := word_ending_at(subject, len(subject), attach().reach_verbs))
        and not (item.kind == "count" and item.unit in attach().reach_noun_classifiers)
    ):  # (关键技术突破12项: breakthroughs counted)
        passing = _measure_passing(subject, reach)  # 总产量突破2亿吨: the 总产量
        if passing is None and subject == reach and (at := c.segment.rfind(subject)) > 0:
            passing = _measure_passing(c.segment[: at + len(subject)], reach)  # 迈上: the noun
        subject = passing or subject  # before
    if subject and v.change_at is not None and _in_standard(subject, c.segment[: v.change_at]):
        subject = None  # 较上届同期增长4%: the standard compared with names no measure
    if subject and v.change_at is not None and _conditional(c.segment[: v.change_at]):
        subject = None  # 扣除留抵退税因素后增长4.1%: a condition names no measure
    if subject and (pulls := _find(subject, attach().contribution_verbs, last=True)):
        rest = _clean(subject[pulls[0] + len(pulls[1]) :])
        subject = rest if rest and _has_noun(rest) else subject  # 行业带动民间投资增长55.6%
    if subject == _SAME_AS_PREVIOUS:
        assert context.previous_result is not None
        return [context.previous_result] * len(group)
    per_period = (
        subject is not None
        and subject.lstrip("".join(attach().level_after)) in attach().rate_adverbials
    )  # (至平均每日50,505公噸: the level reached, per day)
    period_only = subject is not None and (
        subject in attach().period_standards or _strip(c.segment) in attach().period_standards
    )
    if per_period or period_only:
        subject = None  # 385萬公噸，平均每日10,510公噸: the measure named before, per day;
        # 营收为20亿元,上季度为19亿元: a period alone names no measure
    previous = context.previous
    if (
        subject is None
        and context.previous_result is not None
        and previous is not None
        and (c.in_sentence or (v.change is not None and item.start - previous.end <= _CARRY))
    ):
        own_verb = (
            item.kind == "count"
            and (verb := v.verb or v.tagged_verb) is not None
            and not c.in_clause
            and not _strip(c.segment[verb[0] + len(verb[1]) :])
        )  # 接报火灾25.2万起,死亡1183人: a count right after its own verb is the verb's
        own_verb = own_verb or (
            item.kind == "count"
            and not _noun_result(context.previous_result)
            and not _strip(c.segment)
            and _verb_after(c.right, opens=True, person=item.unit in attach().person_units)
            is not None
        )  # 1人死亡,4400余人紧急转移安置: a count that opens its clause before its own verb
        # takes no other verb's subject (but 房屋倒塌,18.7万间不同程度损坏 counts the same noun)
        bare = c.segment.strip(_TRIM)  # 稻谷总产量突破2亿吨,达到20078万吨: a level restated
        linked = c.in_sentence and (bare in attach().linking_verbs or bare in attach().emphasis)
        if (
            v.change is not None
            or v.share is not None
            or _comparative(c.segment)  # 比全国平均水平高31.4%: the measure named before
            or (c.in_clause and _comparative(c.left))  # 比2021年的83.71亿斤高0.21亿斤
            or _standard(c.segment)  # 比2021年的83.71亿斤: the standard, the same measure
            or (item.kind in ("percent", "count") and previous.kind == item.kind and not own_verb)
            or (linked and previous.kind == item.kind)
            or (per_period and previous.kind == item.kind and previous.unit == item.unit)
            or (period_only and previous.kind == item.kind)
        ):
            subject = _carried(context, c)  # 出口541.5亿美元,增长22.3%
    if (
        subject is None
        and item.kind == "money"
        and previous is not None
        and previous.kind == "money"
        and context.previous_result is not None
        and _noun_result(context.previous_result)
        and (
            word_at(c.segment.strip(_TRIM), 0, attach().group_markers) is not None
            or _marker_clause_before(text, item.start - len(c.left))  # 其中,32.6亿元
        )
        and not _strip(c.segment)
    ):  # 共下达救助资金60.25亿元。其中2019年7.16亿元: a part of the amount before, its
        part = context.previous_result  # subject and verb; …其中32.6亿元用于: its use's verb
        if (used := word_at(c.right, 0, attach().uses)) is not None:
            part = replace(part, action=used)
        return [part] * len(group)
    if subject is None and v.verb is not None and v.verb[1] in attach().level_verbs:
        before = _clean(c.segment[: v.verb[0]])  # 主力合约收于9992元: the noun before it
        subject = (_head_phrase(before) if before and _has_noun(before) else None) or _last_noun(
            context, c
        )  # 白银期货价格上涨33.8美分,收于9.69美元: the level of the measure named earlier
    if subject is None and not c.left.strip(_TRIM) and (label := _label_before(text, item)):
        subject = label  # 发行价格:5.43元/股: a line's label names the value after its colon
    if subject is None and v.change_at is not None and not _has_noun(_before_basis(c.segment, v)):
        # 规模增长较快,同比增长24.9%; else the sentence's last noun, not the change word
        subject = _subject_of_clause_before(text, item, c) or _last_noun(context, c)
    if (
        subject is None
        and not c.in_clause
        and (bare := c.segment.strip(_TRIM))
        and (bare in attach().linking_verbs or bare in attach().emphasis or not _strip(bare))
    ):
        subject = _measure_of_degree_before(text, item, c)  # 不良贷款率最高,达到1.29%
        if subject is None and _ends_clause(text, item.end):
            subject = _subject_of_clause_before(text, item, c)  # 入围门槛大幅提升,达到26.41亿元
    action = v.action
    described = _described_by_clause(c.segment) if item.kind == "count" else False
    if described:
        action = None  # 已发布业绩预告的14只券商股: the verb is inside the count's modifier
    if (
        action is None
        and item.kind == "money"
        and c.in_clause
        and (
            "的" in c.segment
            or (
                previous is not None
                and previous.kind == "count"
                and not _links_value(text[previous.end : item.start])
                and not _links_value(text[max(0, previous.start - 3) : previous.start])
                and "每" not in c.left  # 每招用1名…1000元的标准: a rate
            )
        )
    ):
        action = _verb_over_relative(c)  # 收受…20名负责人贿送的节日礼金近34万元: 收受; a
        # count inside the money's noun phrase (拖欠84名员工工资合计317232元): the verb before it
    # 比全省平均水平高0.9个百分点: the comparative governs the difference; 比6月低: the standard
    # is a date, taken out of the segment, so the clause as written is read too
    if (
        action is None
        and item.kind == "percent"
        and (word := _comparative(c.segment) or (None if c.in_clause else _comparative(c.left)))
    ):
        action = word
    if action is None and item.kind == "money" and (used := word_at(c.right, 0, attach().uses)):
        action = used  # 32.6亿元用于受灾群众救助: the money's use, the amount its subject
    if item.kind == "money" and (done := _done_to(text, item.end)) is not None:
        action = done  # 违法所得2104万元予以追缴, …1171万元,予以没收: the verb done to the money
    if item.kind == "money" and (by_rate := _verb_after_standard(text, item, c, action)):
        action = by_rate  # 按照每生每年6000元的标准补助公用经费: the act the rate is for
    if item.kind == "money" and (fine := _fine_imposed(c)) is not None:
        action, subject = fine  # 处1000元罚款: 处 imposes the fine
    elif item.kind == "money" and action in attach().fines and (verb := _fine_sentence(c)):
        subject = subject or action  # 被判罰款5000元, 繳交罰款約3.7萬元: the fine is the object
        action = verb  # of the verb, which governs the amount
    if item.kind == "money" and _disposal(c.segment) and (after := _disposed_by(c.right)):
        action = after  # 将15万余元转给对方: 将/把 moves the object before its verb
    if item.kind == "count" and (
        described
        or (
            (
                v.verb is None
                or v.verb[1] in attach().not_actions  # 还有6只亏损: existential
                or _after_existential(c.segment)  # 初步确定有十一名施工人员被埋
            )
            and v.change is None
            and v.share is None
        )
    ):
        # a count in subject position: the verb after it (17人受审, 造成3人死亡, 有8家预告)
        opens = (
            not (w := tagged(c.segment.strip(_TRIM)))
            or (w[-1][1] not in _VERB_TAGS and w[-1][1] not in _PHRASE_NOUN_TAGS)
            or w[-1][0] in attach().linking_verbs
            or _after_existential(c.segment)
            or _after_causative(c.segment)  # 造成3人被困: the count is the caused one's subject
        )
        # 仍有5名矿工被困, 其中4人: the count opens its clause; not after a verb (分两次) or
        # a noun it restates (出动民警、联防队员300余人设卡盘查)
        person = item.unit in attach().person_units
        after = _verb_after(c.right, opens=opens, person=person)
        if after is None and opens and not _strip(c.segment):
            after = _predicate_across(c.right, person=person)
        action = after or action
        if (
            after
            and subject
            and subject != after
            and after in subject[1:]
            and subject in c.right
            and not _modifies_head(subject[subject.index(after, 1) + len(after) :])
        ):
            head = _clean(subject[: subject.index(after, 1)]) or ""  # 股票预计亏损: no modal
            subject = head if _has_noun(head) else subject  # 191家公司亏损: 公司, not 亏损;
            # 303个乡镇(街道)遭受洪涝: the noun before the predicate, not the predicate's object
    if (
        action is None
        and item.kind == "count"
        and item.unit in attach().person_units
        and (state := _state_before_people(c.segment)) is not None
    ):
        action = state  # 其中重伤12人: the state the people counted are in
    if action is None and item.kind == "count":
        after = _find(c.right, attach().verbs, last=False)
        action = after[1] if after else None  # 为10名电诈受害人代表返还…
    if (
        action is None
        and v.tagged_verb is None
        and c.in_sentence
        and previous is not None
        and (
            previous.kind == item.kind == "count"
            or (  # 扣押…电脑24台,人民币70多万元,港币60多万元: seized things and sums listed
                previous.kind in _LISTED_KINDS
                and item.kind in _LISTED_KINDS
                and _ends_clause(text, item.end)
                and v.verb is None
                and c.segment.strip(_TRIM) in ("", *attach().cash_nouns)
            )
        )
        and not c.in_clause
        and text[previous.end : item.start].count("，") + text[previous.end : item.start].count(",")
        == 1
        and _ends_clause(text, previous.end)
        and word_at(c.segment.strip(_TRIM), 0, attach().sums) is None  # ,共8块奖牌: a total
        and not _lists_parts(c.segment)  # ,分別為新北市: the parts of a total
        and context.previous_result is not None
    ):
        action = context.previous_result.action  # 扣押电脑15台,手机83部: the list's verb
    if (
        action is None
        and item.kind == "count"
        and v.tagged_verb is None
        and v.verb is None
        and c.in_sentence
        and context.last_count is not None
        and not _lists_parts(c.segment)
        and (parallel := _parallel_count(text, item, c, context.last_count[0]))
    ):  # 判处10年以上有期徒刑93人,5至10年有期徒刑211人: the clauses' shared verb
        action = context.last_count[1].action if parallel else None
    if (
        action is None
        and (
            (item.kind == "count" and previous is not None and previous.kind == "count")
            or (
                item.kind == "money"  # 缴获银行卡161张、…现金3万余元: the list's verb
                and previous is not None
                and previous.kind in ("count", "money", "measure")
                and v.tagged_verb is None
                and not _states_value(text[previous.end : item.start])  # 共計96萬8000元
            )
        )
        and previous is not None
        and context.previous_result is not None
        and _listed_with(text[previous.end : item.start], item)
    ):
        action = context.previous_result.action
    if (
        item.kind == "count"
        and action is not None
        and (later := _verb_after_object(c.segment, action, c.right)) is not None
    ):
        action = later  # 集中对6件30名被告人…进行公开宣判: the verb after the 对-phrase
    if item.kind in ("count", "money") and (support := _support_verb(c.segment)) is not None:
        action = support  # 对多地事主实施诈骗百余起: the support verb of the act right before
    if action in attach().light_verbs and (done := _light_verb_object(c.right, action)):
        action = done  # 对30名被告人进行公开宣判: the act is the verbal noun 进行 carries
    if action is not None and len(action) == 2 and action.endswith("至") and action != "截至":
        action = action[0]  # 升至5.24亿元: 至 marks the level reached, the verb is 升
    if action is not None and (basis_word := word_at(action, 0, _joined("yoy", "mom"))):
        action = action[len(basis_word) :] or None  # 按年升2.45%: the basis is no part of the verb
    if action is not None and action.endswith(("到", "至")) and action[:-1] in _change_words():
        action = action[:-1]  # 降到8.99亿, 提高到: the level the change reached (not 找到)
    if action is not None and len(action) > 1 and action[-1] in attach().aspect_marks:
        action = action[:-1]  # 支付了600元, 背着50余万元: the aspect mark is no part of the verb
    if action is not None and action.startswith("被") and len(action) > 2:
        if len(tagged(action)) > 1:
            action = action[
                1:
            ]  # 被抓获, 被判处: the verb; 被骗, 被困, 被判 stay words of their own
    if (
        (subject is None or subject == action)
        and c.in_clause
        and previous is not None
        and previous.kind == item.kind
        and context.previous_result is not None
        and c.segment.rstrip(_TRIM).endswith(("至", "到", "为", "為"))
        and any(
            w in text[max(c.sentence_start, previous.start - 12) : previous.start] for w in "从從由"
        )
    ):
        subject = _carried(context, c)  # 注册资本从3.14亿元升至5.24亿元, 岗位补贴由每人每月
        # 1620元调整为1810元: the level reached is of the same measure as the level it left
    if subject is not None and (head := _before_comparison(subject)) is not None:
        subject = head  # 降幅较1-9月扩大, 增速较全国高: the measure, not its standard
    if subject is not None and _no_noun(subject) and f"“{subject}”" not in text:
        subject = None  # 船上4人全部落水, 他们两人: a scope word or pronoun names nothing
    if subject is not None and not any(ch.isalpha() for ch in subject):
        subject = None  # 1286和1187.9亿元: a number whose unit was left out names nothing
    if (
        action is not None
        and v.change is None
        and v.share is None
        and (noun_at := _valued_noun_at(c.segment)) is not None
        and c.segment.rfind(action, 0, noun_at + 1) != -1
        and action not in c.segment[noun_at:]
    ):
        action = None  # 活动参与人次达到690亿次: the noun's value; the verb is inside its name
    if item.kind == "count" and subject and (counted := _counted_before_measure(subject, c.right)):
        subject = counted  # 54家上市公司净利润: the companies are counted, the profit is measured
    if item.kind == "count" and item.unit in attach().person_units and subject:
        subject = _counted_people(subject)  # 163名运动员齐聚深圳: the people, not their act
    if subject is None and action is not None:
        subject = action
    elif (
        item.kind == "money"
        and subject is not None
        and action in attach().weak_verbs
        and subject != action
        and subject.endswith(action)
        and _agent(subject[: -len(action)])
    ):
        subject = action  # 屏東縣損失3,685萬元: who lost is no name of the money, the verb is
    return [Attachment(subject, action, v.change, v.basis)] * len(group)


_FUNCTION_TAGS = frozenset({"r", "d", "c", "p", "m", "f", "u", "uj", "ul", "t"})


@per_lexicons(1)
def _value_words() -> tuple[str, ...]:
    """The words that give a noun before them its value: the emphasis words (``达到``,
    ``高达``) and ``value_links`` (``为``), longest first."""
    lex = attach()
    return tuple(sorted({*lex.emphasis, *lex.value_links}, key=lambda w: (-len(w), w)))


def _valued_noun_at(segment: str) -> int | None:
    """Where the noun starts that a value word right before the number gives its value
    (``净利润为``, ``總閱讀播放量达``, ``取暖率基本达到``; a qualifier is in the number's
    span); ``None`` when no value word ends the segment or no noun stands before it."""
    tail = segment.rstrip(_TRIM)
    link = word_ending_at(tail, len(tail), _value_words())
    if link is None:
        return None
    words = tagged(tail[max(0, len(tail) - 16) :])
    at = len(tail)
    k = len(words) - 1
    if k < 0 or words[k][0] != link:
        return None  # 高达 inside a longer word
    at -= len(words[k][0])
    k -= 1
    while k >= 0 and words[k][1] == "d":  # 基本达到: an adverb before the link
        at -= len(words[k][0])
        k -= 1
    if k < 0 or words[k][1] not in _PHRASE_NOUN_TAGS or words[k][1] == "eng":
        return None
    return at - len(words[k][0])


def _verb_after_object(segment: str, action: str, right: str) -> str | None:
    """The verb a count is the object of when a preposition that fronts the object (对, 向)
    stands between the verb found before it and the count (``集中对…30名被告人…进行公开宣判``,
    ``对30名被告人判处``): the clause's last verb after the count, past 进行/予以."""
    lex = attach()
    at = segment.rfind(action)
    if at < 0 or _find(segment[at + len(action) :], lex.object_prepositions, last=False) is None:
        return None  # no 对/向 after the verb: no tagging
    between = tagged(segment[at + len(action) :])
    if not any(tag == "p" and word in lex.object_prepositions for word, tag in between):
        return None
    words = tagged(_CLAUSE.split(right, maxsplit=1)[0][:40])
    verbs = [
        word
        for i, (word, tag) in enumerate(words)
        if (tag == "v" or (tag == "vn" and i == len(words) - 1))  # 进行公开宣判: a verbal noun
        and len(word) >= 2  # ending the clause is its predicate
        and word not in lex.not_actions
    ]
    return verbs[-1] if verbs else None


def _counted_before_measure(subject: str, right: str) -> str | None:
    """The subject of a count cut after the counted noun when the phrase after the count goes
    on to a measure of those things (``54家上市公司净利润`` → ``上市公司``, ``150家期货公司
    客户权益`` → ``期货公司``): the subject opens the text after the count, ends with a measure
    (``measure_nouns``, ``measure_suffixes``) and holds one of ``counted_heads`` before it.
    None when nothing is cut."""
    lex = attach()
    if not right.lstrip(_TRIM).startswith(subject) or not subject.endswith(_measure_ends()):
        return None
    best = max((subject.rfind(h) + len(h) for h in lex.counted_heads if h in subject), default=-1)
    if best <= 0 or best >= len(subject) or not subject[best:].endswith(_measure_ends()):
        return None
    return subject[:best]


_PEOPLE_NOUN_TAGS = frozenset({"n", "nz", "ng", "j", "l"})


def _counted_people(subject: str) -> str:
    """A count of people (名, 位, 人) counts the last word in its subject that names people: a
    subject read on past it ends there (``运动员齐聚深圳`` → ``运动员``, ``犯罪嫌疑人交代``,
    ``死者身份``, ``被告人作案``). Kept whole when what follows is a measure of the people
    (``人员密度``, ``观众人数``), a noun of people with no person ending (``消费者代表``,
    ``失联人员遗体``: ``attach.toml`` ``people_heads``) or a name (``男孩胡某``)."""
    lex = attach()
    words = tagged(subject)
    last = None
    for i, (word, tag) in enumerate(words):
        if (
            len(word) > 1
            and word.endswith(tuple(lex.person_ends))
            and tag in _PEOPLE_NOUN_TAGS
            and word not in lex.modifier_verbs  # 涉嫌: a verb
        ):
            last = i
    if last is None or last == len(words) - 1:
        return subject
    rest = words[last + 1 :]
    tail = "".join(word for word, _ in rest)
    if (
        _names_measure(tail)
        or tail.endswith(tuple(lex.people_heads))
        or any(tag.startswith("nr") or any(m in word for m in lex.name_marks) for word, tag in rest)
    ):
        return subject
    return "".join(word for word, _ in words[: last + 1])


def _lists_parts(segment: str) -> bool:
    """Does the segment open with a word that lists the parts of a total (``分別為新北市``:
    ``data/attach.toml`` ``list_links``)? The parts take no verb from the clause before."""
    return word_at(segment.strip(_TRIM), 0, attach().list_links) is not None


def _conditional(before: str) -> bool:
    """Is the clause before its change word a condition (``扣除留抵退税因素后``,
    ``按自然口径计算``: ``attach.toml`` ``condition_opens`` … ``condition_closes``)?"""
    lex = attach()
    before = before.strip(_TRIM)
    return before.startswith(tuple(lex.condition_opens)) and before.endswith(
        tuple(lex.condition_closes)
    )


def _in_standard(subject: str, segment: str) -> bool:
    """Is ``subject`` read from the standard of a comparison that opens the segment, with no
    noun before it (``较上届同期增长``, ``比上一财年增长``)? The measure compared is then named
    in a clause before."""
    before, standard = _split_comparison(segment.strip(_TRIM))
    return (
        bool(standard)
        and not before.strip(_TRIM)
        and subject in standard
        and standard.strip(_TRIM) in attach().period_standards
    )


def _trade_verb_ending(segment: str) -> str | None:
    """The trade verb (``trade_verbs``) that ends the segment, past adverbs (``分别进出口``):
    it governs the amounts listed after it."""
    found = _find(segment, attach().trade_verbs, last=True)
    if found is None or _clean(segment[found[0] + len(found[1]) :]) is not None:
        return None
    return found[1]


def _trade(segment: str) -> tuple[str, str | None] | None:
    """(subject, action) of an amount of trade (``data/attach.toml`` ``trade_verbs``): the
    goods after or before the trade verb, governed by it (``进口原油``, ``机电产品进口``); the
    trade word, its own verb, after a partner (``对墨西哥进出口``); the trade word, no action, after an
    owner such as a port or a place (``宁波口岸进出口``). None when no trade verb ends the
    segment's phrase."""
    lex = attach()
    found = _find(segment, lex.trade_verbs, last=True)
    if found is None:
        return None
    at, word = found
    after = _clean(segment[at + len(word) :])
    if after is not None:
        if any(
            tag in ("v", "vn")
            and len(w) > 1
            and w not in lex.strip_start
            and w not in lex.not_actions
            for w, tag in tagged(segment[max(0, at - 12) : at])
        ):
            # 建设优质蚕豆出口基地35万亩: the trade word is inside another verb's object
            return None
        words = tagged(after)
        if (
            not words
            or words[-1][1] not in _COUNTED_NOUN_TAGS
            or after in lex.measure_nouns
            or after.endswith(lex.measure_suffixes)
            or after in lex.trade_goods
        ):
            return None  # 出口增长, 进出口总额, 进出口货物: no goods named, the word is no verb
        return _head_phrase(after), word  # 进口原油105.5亿元
    before = segment[:at]
    partner = _find(before, lex.trade_partners, last=True)
    if partner is not None and (who := _clean(before[partner[0] + len(partner[1]) :])):
        words = tagged(who)
        if len(words) == 2 and words[0][1] in ("ns", "j") and words[1][1] == "n":
            return words[1][0], word  # 对俄煤炭进口552万吨: the partner, then the goods
        return word, word  # 我市对东盟进出口835.9亿元: the trade with the partner, its verb
    goods = _clean(before)
    words = tagged(goods) if goods else ()
    if words and words[-1][1] in ("n", "nz") and len(words[-1][0]) >= 2:
        return _head_phrase(goods), word  # 机电产品进口102.6亿元 (not a place: 宁波口岸)
    return word, None  # 宁波口岸进出口1.16万亿元: the trade itself


def _rated(text: str, item: Item, c: _Clause) -> str | None:
    """The subject of a rate written ``X每人每年6840元``: X (the place or thing the rate is
    set for), not the rate's denominators; with nothing before them, the label the line
    opens with (``平潭综合实验区:每人每年3600元``). None when no 每-phrase ends the segment."""
    if "每" not in c.segment:
        return None  # the common case: no rate, no search
    m = _RATE_END.search(c.segment.rstrip(_TRIM))
    if m is None:
        return None
    who = m.group("who").strip(_TRIM + "，,：:")
    if who:  # 市辖区, 福清市、长乐市: a label of nouns, not a clause (主力合约收于每吨)
        words = tagged(who)
        nouns = all(tag in _PHRASE_NOUN_TAGS or word == "、" for word, tag in words)
        return who if nouns and len(who) <= 24 and words[-1][1] != "vn" else None
    line = text[text.rfind("\n", 0, item.start) + 1 : item.start]
    label = re.match(r"\s*(?P<label>[^：:，,。；;\s]{2,12})[：:]", line)
    return label["label"] if label else None


_RATE_END = re.compile(r"(?P<who>[^，,。；;：:]*?)(?:每[\u4e00-\u9fff]{1,2}){1,3}$")


def _price_paid(segment: str, right: str) -> tuple[str, str | None] | None:
    """(subject, action) of an amount after 以 ("at, by means of"): the verb after it
    governs it (``以10,000元保釋``, ``以300万元出售了厂房``), its subject the object of the
    verb, else the verb (SPEC's fallback). None when 以 does not stand right before it."""
    lex = attach()
    tail = segment.rstrip(_TRIM)
    if not (tail.endswith(lex.means_markers) or re.search(r"以每[\u4e00-\u9fff]{1,2}$", tail)):
        return None
    rest = right.lstrip(_TRIM)
    price = word_at(rest, 0, lex.price_nouns)
    rest = rest[len(price) :] if price else rest
    words = tagged(rest[:12])
    if not words or words[0][1] not in (*_VERB_TAGS, "vn") or len(words[0][0]) < 2:
        return None  # 出售 is tagged a verbal noun
    verb = words[0][0]
    if price:  # 以每只6500元的价格收购: the price, governed by the verb (not by a light verb)
        return price.removeprefix("的"), (None if verb in lex.light_verbs else verb)
    after = rest[len(verb) :].lstrip("了")
    noun = _noun_after(after) if after[:1] and after[:1] not in CLAUSE_END else None
    return (noun if noun and _has_noun(noun) else verb), verb


def _marker_clause_before(text: str, c_start: int) -> bool:
    """Is the clause before a number's clause only a group marker (``其中,32.6亿元``)?"""
    before = text[max(0, c_start - 6) : c_start].rstrip("，,： :")
    marker = word_ending_at(before, len(before), attach().group_markers)
    if marker is None:
        return False
    rest = before[: -len(marker)]
    return not rest or rest[-1] in CLAUSE_END or rest[-1] in SENTENCE_END


def _support_verb(segment: str) -> str | None:
    """A support verb right before the verbal noun that ends the segment (``实施诈骗``):
    the verb that governs the count of those acts."""
    lex = attach()
    if _find(segment, lex.support_verbs, last=False) is None:
        return None  # most segments hold none: no tagging
    words = [w for w in tagged(_strip(segment)[-12:]) if w[0] not in _TRIM]
    if len(words) >= 2 and words[-1][1] == "vn" and words[-2][0] in lex.support_verbs:
        return words[-2][0]
    return None


def _light_verb_object(right: str, light: str) -> str | None:
    """The verbal noun a light verb (进行, 予以) carries right after it, past adverbs
    (``进行公开宣判`` → ``宣判``)."""
    at = right.find(light)
    if at < 0:
        return None
    for word, tag in tagged(right[at + len(light) : at + len(light) + 10]):
        if tag in ("ad", "d", "a"):
            continue
        return word if tag in ("vn", "v") and len(word) >= 2 else None
    return None


def _distance(text: str, item: Item, context: _Context, c: _Clause) -> tuple[str, str] | None:
    """(subject, action) of a distance: ``A距B 22公里`` measures how far A is, governed by
    the word of distance (``data/attach.toml`` ``distance_verbs``). A is the noun before that
    word; in a list of distances (``…，距宜宾市71公里``) the subject before; else the noun the
    clause before opens with (``震中位于…，距离洱源县城约35公里`` → ``震中``). None when no
    such word stands in the clause, or a noun follows the number (``离洞口有10公里路程``)."""
    far = _find(c.segment, attach().distance_verbs, last=True)
    if far is None or (c.right[:1] and c.right[:1] not in CLAUSE_END and _opens_with_noun(c.right)):
        return None
    before = _clean(c.segment[: far[0]])
    if before and _has_noun(before):
        return _head_phrase(before), far[1]
    last = context.previous_result
    if last is not None and last.action in attach().distance_verbs and last.subject:
        return last.subject, far[1]  # 距兴文县22公里，距宜宾市71公里: the same place
    return (_clause_topic(text, item, c) or far[1]), far[1]


def _clause_topic(text: str, item: Item, c: _Clause) -> str | None:
    """The nouns the clause before a number's clause opens with, in its sentence (``震中位于
    …，距离…35公里`` → ``震中``; ``北京是…地区,占…23%`` → ``北京``); None when it opens
    otherwise."""
    clauses = _CLAUSE.split(text[c.sentence_start : item.start - len(c.left)])
    opening = next((part for part in reversed(clauses) if part.strip()), "")
    return _leading_nouns(opening.strip()[:16]) or None


def _no_noun(subject: str) -> bool:
    """A subject made only of function words (a pronoun, an adverb, a scope word such as
    ``全部``, a time word): no noun names what is counted."""
    if subject in attach().totality:
        return True
    words = tagged(subject)
    return bool(words) and all(tag in _FUNCTION_TAGS for _, tag in words)


_SPAN_START = re.compile(r"(?P<noun>[^，,。；;：:]*?)(?:从|從|由|自)(?P<rest>[^从從由自]{0,8})$")


def _compared(context: _Context, c: _Clause, at: int) -> str | None:
    """What a difference in points after ``高于``/``快于`` measures: the noun before the verb
    in its clause (``增速高于全市水平``), else the subject of the number before it in the
    sentence (``高技术制造业增加值增长11.3%,高于全行业``); never the standard after it."""
    own, _ = _split_comparison(c.segment[:at])  # 比全国指标高出: 全国指标 is the standard
    before = _clean(own)
    if before is not None and _has_noun(before):
        return _head_phrase(before)
    if before is None and c.in_sentence and context.previous_result is not None:
        return _carried(context, c)
    return None


def _parallel_count(text: str, item: Item, c: _Clause, last: Item) -> bool:
    """Is ``item`` the count of a clause parallel to the one before, which holds the last
    count of the sentence in the same unit (a length of time between them, as in
    ``…有期徒刑93人,5至10年有期徒刑211人``)?"""
    between = text[last.end : item.start]
    return (
        last.end >= c.sentence_start
        and last.unit == item.unit
        and between.count("，") + between.count(",") == 1
        and _ends_clause(text, last.end)
        and word_at(c.segment.strip(_TRIM), 0, attach().sums) is None
    )


def _verb_over_relative(c: _Clause) -> str | None:
    """The verb of a money noun that a 的-clause holding another number modifies: the
    last verb of the clause before that number (``收受下属医疗单位20名负责人贿送的节日
    礼金近34万元`` → 收受), when the segment after that number has no verb but the 的-clause's."""
    head = c.left[: len(c.left) - len(c.segment)]
    head = re.split("[，,。；;：:]", head)[-1][-_WINDOW:]
    lex = attach()
    words = tagged(head)
    verbs = [
        word
        for i, (word, tag) in enumerate(words)
        if tag == "v"
        and len(word) > 1
        and word not in lex.not_actions
        and (i == 0 or words[i - 1][1] not in _VERB_TAGS)  # 收受下属…: 下属 is its object's
    ]
    return verbs[-1] if verbs else None  # the last: a title before a name may read as a verb


def _contribution(segment: str, v: _Verbs) -> tuple[str, str] | None:
    """``拉动全省投资增长5.2个百分点``: a verb of contribution (``data/attach.toml``
    ``contribution_verbs``) before a change word makes the change its object, a noun (the
    growth of 投资): the number, in percentage points, is the size of the contribution, its
    subject the growth as written (without scope words), its action the verb, and it is no
    change of its own. (A percent after ``带动民间投资增长`` is the growth itself.)"""
    if v.change is None or v.change_at is None or v.change_word is None:
        return None
    found = _find(segment[: v.change_at], attach().contribution_verbs, last=True)
    if found is None:
        return None
    at, verb = found
    growth = _clean(segment[at + len(verb) : v.change_at + len(v.change_word)])
    if (
        growth is None
        or growth == v.change_word
        or any(w in segment for w in attach().respectively)
    ):
        return None  # 一、二、三产业分别拉动…: a list of contributors, read as a list
    return verb, growth


def _start_of_span(segment: str) -> str | None:
    """The noun a span from one level to another measures, for its first number: ``新书定价
    中位数从(2018年的)40元上涨至45元``, ``营业额自(2011年的)68.66亿元增长至…`` → the noun
    before 从/由/自, when only dates (already out of the segment), 的, 前 or a rate's unit stand
    between (``从推广前每台3000-4000元``)."""
    if _find(segment, attach().share, last=True):
        return None  # 占…的比例由58.3%提高到66.3%: a share's subject is its part
    m = _SPAN_START.search(segment)
    if m is None or _strip(m["rest"].replace("的", "").replace("前", "")).lstrip("每台吨股人户"):
        return None
    noun = _clean(m["noun"])
    return _head_phrase(noun) if noun and _has_noun(noun) else None


def _described_by_clause(segment: str) -> bool:
    """Does a 的-clause with its own object end right before the count (``已发布业绩预告的
    14只券商股``, ``批准QDII额度最多的两家公司``)? Its verb is about the counted things, not
    done to them; a clause whose verb ends it (``获得的15枚金牌``) is done to them."""
    tail = segment.rstrip(" \t\u3000")
    if not tail.endswith("的") or len(tail) < 3:
        return False
    words = tagged(tail[-12:-1])
    return bool(words) and words[-1][1] not in (*_VERB_TAGS, "p")  # 增加至(日期)的: a date


def _carried(context: _Context, c: _Clause) -> str | None:
    """The subject a bare change or a restated level takes from before: the last number's,
    unless that one had no noun (its subject a verb: ``同比2013年的8628.27亿元增长6.46%``);
    then the last noun subject of the sentence."""
    result = context.previous_result
    assert result is not None
    if _noun_result(result):
        return result.subject
    return _last_noun(context, c) or result.subject


def _last_noun(context: _Context, c: _Clause) -> str | None:
    """The last noun subject of a number before this one in its sentence, if any."""
    k = bisect_right(context.noun_ends, c.sentence_start)
    return context.nouns[-1][1] if k < len(context.nouns) else None


def _clause_before(text: str, item: Item, c: _Clause) -> str:
    """The clause before the number's own in its sentence (``""`` at the sentence's start):
    from the last clause mark before it to the mark that opens the number's clause."""
    c_start = item.start - len(c.left)
    before = text[c.sentence_start : max(c.sentence_start, c_start - 1)]
    return re.split("[，,；;：:]", before)[-1] if before else ""


def _subject_of_clause_before(text: str, item: Item, c: _Clause) -> str | None:
    """A bare change with nothing before it in the sentence measures the noun the clause
    before opens with, when that clause is the noun and its predicate
    (``网店图书零售码洋规模增长较快,同比增长24.9%`` → 网店图书零售码洋规模)."""
    clause = _clause_before(text, item, c)
    if not clause or (predicate := _predicate_after_noun(clause)) is None or predicate[0] == 0:
        return None
    return _noun_before(clause[: predicate[0]])


_LAST_NUMBER = re.compile(r"\d[\d.,]*(?=\D*$)")


def _restated_change(text: str, item: Item, c: _Clause) -> Attachment | None:
    """A share after 或 restating the change of the clause before (``纳斯达克指数收高21.17点，
    或0.26%``): that change's measure, word and direction, whatever unit the first number
    had (index points are no fact of their own)."""
    clause = _clause_before(text, item, c)
    if (number := _LAST_NUMBER.search(clause)) is None:
        return None
    segment = clause[: number.start()]
    change, word, at = _change(segment)
    if change not in ("up", "down") or word is None or at is None:
        return None
    phrase = _clean(segment[:at])
    return Attachment(_head_phrase(phrase) if phrase else None, word, change, None)


def _measure_of_degree_before(text: str, item: Item, c: _Clause) -> str | None:
    """A value given by a linking word alone (``达到``, ``为``) after a clause that is a
    measure and an adjective of degree (``齐鲁银行不良贷款率最高,达到1.29%``,
    ``净利润规模最低,为15.01亿元``): the value is that measure's."""
    clause = _clause_before(text, item, c)
    if not clause or any(ch.isdigit() for ch in clause):
        return None
    words = tagged(clause)
    if len(words) < 2 or words[-1][1] != "a":
        return None
    end = len(clause) - len(words[-1][0])
    k = len(words) - 2
    while k >= 0 and words[k][1] in ("d", "zg"):  # 最, 较, 更: degree adverbs
        end -= len(words[k][0])
        k -= 1
    phrase = _clean(clause[:end])
    return _head_phrase(phrase) if phrase and _has_noun(phrase) else None


def _comparative(segment: str) -> str | None:
    """The comparative word ending a comparison (比全省平均水平高, 较上年多): ``None`` when
    the segment holds no 比/较 before it."""
    tail = segment.rstrip(_TRIM + "了")
    word = next((w for w in attach().comparatives if tail.endswith(w)), None)
    if word is None:
        return None
    _, compared = _split_comparison(tail[: -len(word)])
    return word if compared else None


def _standard(segment: str) -> bool:
    """Is the number the standard of a comparison (``比2021年的``, ``较上年同期的``): the
    segment ends with 比/较 and nothing but a time and 的 after it?"""
    tail = segment.rstrip(_TRIM)
    if tail.endswith("的"):
        tail = tail[:-1]
    _, compared = _split_comparison(tail)
    return (
        bool(tail)
        and (
            (
                tail[-1] in ("比", "较", "較")
                and tagged(tail[-12:])[-1][0] == tail[-1]  # not 同比, 较上年
                and not tail[:-1].endswith(tuple(attach().share))  # 占比: the share's noun
            )
            or (
                bool(compared)
                and all(
                    tag in _TIME_TAGS or tag == "eng" or word in attach().period_words
                    for word, tag in tagged(compared)
                )
            )
        )
    )


def _done_to(text: str, end: int) -> str | None:
    """The verb after 予以/依法予以 right after an amount, in its clause or the next one
    (``2104万元予以追缴``, ``1171万元，予以没收``)."""
    lex = attach()
    rest = text[end : end + 12].lstrip(" \u3000，,")
    if (aux := word_at(rest, 0, lex.disposing)) is None:
        return None
    return word_at(rest, len(aux), lex.verbs)


def _disposal(segment: str) -> bool:
    """Is there a 将/把 (the disposal construction) before the number in its clause? 将
    before a verb is "will" (将达到), not a disposal."""
    if "将" not in segment and "將" not in segment and "把" not in segment:
        return False
    words = tagged(segment[-_WINDOW:])
    return any(
        word in ("将", "將", "把") and (i + 1 == len(words) or words[i + 1][1] not in _VERB_TAGS)
        for i, (word, _) in enumerate(words)
    )


def _disposed_by(right: str) -> str | None:
    """The verb after an amount moved before it by 将/把: the tagged verb right after it, or
    a listed verb past 全部/都 (``全部充值到``)."""
    if after := _verb_after(right):
        return after
    lex = attach()
    rest = right.lstrip(_TRIM)
    whole = word_at(rest, 0, lex.totality)
    return word_at(rest, len(whole) if whole else 0, lex.verbs)


def _ends_clause(text: str, end: int) -> bool:
    """Is the fact ending at ``end`` the last thing in its clause (``电脑15台,``)?"""
    return text[end : end + 1] in CLAUSE_END or text[end : end + 1] == "、"


_CARRY = 60  # characters back a bare change (二季度同比增长7.9%) takes the last subject from


def _equated_noun(right: str) -> str | None:
    """``64万元为现金``: a number in subject position equated (为/是/系) with a noun after it."""
    for word in ("为", "為", "是", "系", "係"):
        if right.startswith(word):
            rest = right[len(word) :]
            if tagged(rest[:6]) and tagged(rest[:6])[0][1] in _VERB_TAGS:
                return None  # 为征得…: a clause, not a noun
            return _noun_after(rest)
    return None


_COUNTED_NOUN_TAGS = frozenset({"n", "nz", "s", "ns", "nt", "j"})
_AGENT_NOUN_TAGS = _COUNTED_NOUN_TAGS | {"nr", "nrt", "nrfg", "l"}  # an agent before a time
# an aspect particle (了, 着, 过) after a word the dictionary tags as a noun or an idiom makes
# it the predicate (交代了, 贡献了)
_ASPECT_TAGS = frozenset({"ul", "uz", "ug"})
_ASPECT_PREDICATE_TAGS = frozenset({"n", "vn", "nr", "l", "i"})


def _modifies_person(words: list[tuple[str, str]]) -> bool:
    """Is the first word a verbal noun modifying a noun for people after it (``犯罪/嫌疑人``,
    ``涉案/人员``): part of the counted noun, not its predicate."""
    return (
        len(words) > 1
        and words[0][1] == "vn"
        and words[1][1] in _COUNTED_NOUN_TAGS
        and words[1][0].endswith(attach().person_ends)
    )


def _verb_past_adverbs(words: list[tuple[str, str]]) -> bool:
    """Do ``words`` open with a verb, past adverbs and words of totality (``全部押回``,
    ``均被``)?"""
    totality = attach().totality
    for word, tag in words:
        if tag == "d" or word in totality:
            continue
        return tag in _VERB_TAGS
    return False


def _verb_after(right: str, *, opens: bool = False, person: bool = False) -> str | None:
    """The verb a number is the subject of, right after it past adverbs, adjectives, modal
    verbs and the noun it counts (``9人則不認罪`` → ``不認罪``, ``16人则…被判处`` → ``被判处``,
    ``3.7万间房屋倒塌`` → ``倒塌``, ``15000村民要緊急疏散`` → ``疏散``, ``15.7万人紧急转移安置``
    → ``转移安置``); None when anything else comes first.

    The predicate is read from the clause's structure, not from a list: an adjective before
    the noun modifies it (``4名被困矿工成功获救``); an adjective, idiom or verbal noun that
    ends the clause is the predicate (``2人重伤``, ``5名矿工下落不明``, ``191家公司亏损``,
    ``6只预计亏损``: a verbal noun after a modal or adverb is used as a verb), and so is an
    adjective before a place word (``5名矿工被困井下``, ``18人被困井下``); after a
    prepositional phrase the clause's last verb is (``1人因雷击死亡``, ``1人被商船救起``); a
    negation stays with its verb (``2人未受伤``).
    These need ``opens``: the number opens its clause, no verb before it takes it as object
    (``分两次给对方转账`` is 分's). An adjective alone after the classifier is a predicate
    only of people (``2人重伤``, not ``10多万份合同``)."""
    lex = attach()
    words = list(tagged(_without_aside(right)[:16]))
    passive = ""
    nouns = 0  # the counted noun's words (国内/交响乐团), at most three, before anything else
    counted = ""
    while words:
        word, tag = words[0]
        following = words[1][1] if len(words) > 1 else "x"
        if opens and (
            (tag in _PREDICATE_TAGS and following == "x" and nouns != 0)
            or (
                tag == "a"
                and (nouns >= 1 or person)
                and (
                    following in ("s", "f", "ns")
                    or (word[0] == "被" and len(words) > 1 and words[1][0] in lex.locatives)
                )
            )  # 矿工被困井下, 矿工被困在井下 (not 工人已连续在井底工作)
            or (tag == "a" and nouns == 0 and following == "x" and person)
        ):
            return passive + word  # 2人重伤, 矿工被困井下, 公司亏损, 矿工下落不明
        if opens and nouns >= 1 and tag in _ASPECT_PREDICATE_TAGS and following in _ASPECT_TAGS:
            return passive + word  # 3名嫌疑人交代了: an aspect particle makes a verb of a word
            # the dictionary tags as a noun
        if (
            opens
            and (tag in ("a", "b") or (tag == "t" and person))
            and nouns == 0
            and following in _COUNTED_NOUN_TAGS
        ):
            words.pop(0)  # 被困矿工, 成年男子: an adjective modifying the counted noun (the
            continue  # tagger calls 成年 a time word)
        if (
            opens
            and tag == "p"
            and word not in lex.comitatives
            and (word != "被" or not _verb_past_adverbs(words[1:]))
        ):
            return _last_verb_of_clause(right)  # 因雷击死亡, 被商船救起
        if (
            tag in ("d", "c", "a", "ad", "t")
            or word in ("被", "則", "则")
            or word in lex.auxiliaries
            or word in lex.totality
        ):
            passive = word if word in _KEPT_BEFORE_VERB else ""
            nouns = -1
        elif (
            tag == "v"
            and 1 <= nouns < 3
            and _inside_compound_noun([(counted, "n"), *words], 1, lex.person_ends)
        ):
            nouns += 1  # 38个文物收藏单位的, 19名地方扑火人员死亡: a verb inside the noun
            counted += word
        elif (
            not (
                0 <= nouns < 3
                and (tag in _COUNTED_NOUN_TAGS or (nouns == 0 and _modifies_person(words)))
                and len(words) > 1
            )
            and word not in lex.degree_words
        ):
            break
        else:
            nouns = nouns + 1 if nouns >= 0 else nouns
            counted += word if nouns > 0 else ""
        words.pop(0)
    if not words:
        return None
    word, tag = words[0]
    if (
        opens
        and len(word) == 1
        and tag in _SPLIT_VERB_TAGS
        and len(words) > 1
        and len(words[1][0]) == 1
        and words[1][1] in _SPLIT_VERB_TAGS
        and (len(words) == 2 or words[2][1] == "x")
    ):
        return passive + word + words[1][0]  # 收跌, 升井: a verb the dictionary lacks, split
    if tag not in _VERB_TAGS or word in lex.not_actions:
        return None
    if counted and any(_without_measure_noun(n) != n for n in (counted, counted + word)):
        return None  # 38家企业营业收入超过: the verb is the measure's (营业收入), not the count's
    if len(word) == 1 and len(words) > 1 and words[1][1] not in ("x", "ul", "uj"):
        if len(words[1][0]) == 1 and words[1][1] == "n":
            return passive + word + words[1][0]  # 17人获刑: a verb and its one-character object
        if passive and words[1][1] == "p":
            return passive + word  # 11名施工人员被埋在废墟里: a passive verb, then where
        return None  # one character before more words: the head of a compound
    if (
        len(words) > 1
        and words[1][1] == "v"
        and len(words[1][0]) > 1
        and (len(words) == 2 or words[2][1] == "x")
        and word not in lex.verbs  # 判处死缓: the listed verb governs alone
        and words[1][0] not in lex.complements  # 牵扯进来: a direction, not a second verb
    ):
        word += words[1][0]  # 转移安置, 抢救出井: two verbs of one event, ending the clause
    return passive + word


def _predicate_across(right: str, *, person: bool) -> str | None:
    """The verb a count opening its clause is the subject of, past adverbs, a time and a
    prepositional phrase (``157只基金跑赢上证指数``, ``3名民工正在工地用钢管打桩``)."""
    lex = attach()
    clause = _CLAUSE_END.split(_without_aside(right), maxsplit=1)[0]
    words = list(tagged(clause[:24]))
    nouns = 0
    counted = ""
    while (
        words
        and nouns < 3
        and (
            words[0][1] in _COUNTED_NOUN_TAGS
            or (words[0][1] == "vn" and len(words) > 1 and words[1][1] in _COUNTED_NOUN_TAGS)
        )
    ):
        nouns += 1
        counted += words.pop(0)[0]
    if nouns == 0 and not person:
        return None
    passive = ""
    in_phrase = False
    while words:
        word, tag = words[0]
        if tag in _VERB_TAGS and word not in lex.not_actions and not in_phrase:
            break
        if word in lex.linking_verbs:
            return None  # 两家公司均为续亏: what the count is, not what it does
        if word == "被":
            passive = "被"
        elif tag == "p" and word not in lex.comitatives:
            if word in lex.causes:
                return None  # 因在宁夏盗窃…被判处: a cause's clause, its verb not the predicate
            in_phrase = True
        elif in_phrase and tag in _VERB_TAGS:
            in_phrase = False
            continue
        elif not (
            tag in ("d", "t", "ad", "m", "q")
            or word in lex.auxiliaries
            or word in lex.totality
            or (in_phrase and tag in _COUNTED_NOUN_TAGS | {"r", "f", "vn"})
        ):
            return None
        words.pop(0)
    if not words:
        return None
    word, tag = words[0]
    if counted and any(_without_measure_noun(n) != n for n in (counted, counted + word)):
        return None  # 10个省份彩票销量出现: the verb is the measure's (销量), not the count's
    if any(w in ("的", "之") for w, _ in words[1:]):
        return None  # 51名在印度设下窝点的嫌疑人: a verb before 的 describes a noun after it
    if (
        len(word) == 1
        and len(words) > 1
        and len(words[1][0]) == 1
        and words[1][1] in ("v", "zg", "vg", "f")
    ):
        word += words[1][0]  # 跑赢, 冲垮
    elif len(word) == 1:
        return None
    return passive + word


_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")


_ASIDE = re.compile(r"([^\s，,。；;：:、（()）]{1,6})[（(][^（()）]{1,10}[）)]")


def _without_aside(right: str) -> str:
    """``right`` without a bracketed aside after the noun that opens it (``乡镇(街道)遭受`` →
    ``乡镇遭受``): the bracket glosses the noun; the predicate comes after it.

    >>> _without_aside("乡镇(街道)遭受洪涝"), _without_aside("人受伤(其中2人重伤)")
    ('乡镇遭受洪涝', '人受伤')
    """
    found = _ASIDE.match(right)
    return found[1] + right[found.end() :] if found else right


def _before_comparison(subject: str) -> str | None:
    """The noun phrase before a comparison inside ``subject``: a standard after 较 or 比
    (``降幅较-扩大``, ``增速较全国高``, ``药品中标价格比乡镇卫生院…``), a basis word before a
    verb (``降幅同比扩大``) or ``与…相比``; the measure compared, never its standard. Not 较 as a
    degree adverb before an adjective (``增势较好``), 比 inside a word (``比重``) or between
    two numbers (``21比14``); None when nothing is cut or no noun is left."""
    words = tagged(subject)
    for k in range(1, len(words)):
        if _compares_at(words, k):
            head = _clean("".join(w for w, _ in words[:k]))
            return head if head and _has_noun(head) else None
    return None


def _compares_at(words: Sequence[tuple[str, str]], k: int) -> bool:
    """Does the ``k``-th word open a comparison's standard or basis (see
    :func:`_before_comparison`)?"""
    lex = attach()
    word, tag = words[k]
    after = words[k + 1] if k + 1 < len(words) else ("", "x")
    if word == "较":
        return after[1] not in ("a", "d", "ad")  # not 增势较好: a degree adverb
    if word == "比":
        return tag == "p" and not after[0][:1].isdigit()  # not 21比14: a score
    if word in lex.yoy or word in lex.mom:
        return after[1] in _VERB_TAGS and after[0] not in lex.verbal_nouns  # not 同比增速
    if word in ("与", "與"):
        return any(w.startswith(("相比", "同期相比")) for w, _ in words[k:])
    return False


def _modifies_head(rest: str) -> bool:
    """Is ``rest``, what follows a verb inside a noun phrase, one noun of one character, so
    that the verb modifies it (``省直辖县``) rather than heading a predicate whose object it is
    (``企业参加申报``, ``私家車離開現場``)? A two-character noun is read as an object
    (``协同倍增企业`` is then cut wrongly: the tagger cannot tell the two apart)."""
    return len(rest) == 1 and first_tag(rest) in ("n", "nz", "ng", "zg")


def _state_before_people(segment: str) -> str | None:
    """The state a count of people is in when it comes right before them as an adjective,
    alone or after 其中 or adverbs (``其中重伤12人``, ``轻伤13人``): the predicate of the
    people counted, as in ``12人重伤`` (the tagger calls 重伤 an adjective). Not a set phrase
    (the tagger's ``l``): those are nouns as often (``受灾人口``, ``有期徒刑``)."""
    words = tagged(segment.strip(_TRIM))
    if not words:
        return None
    word, tag = words[-1]
    if tag != "a" or len(word) < 2 or word in attach().degree_words:
        return None
    before = words[:-1]
    if all(w in attach().group_markers or t == "d" for w, t in before):
        return word
    return None


def _links_value(gap: str) -> bool:
    """Does ``gap`` say what the number after it is worth or equals: a value word
    (``价值``, ``案值``), an emphasis word (``达``) or a linking verb (``为``)? (A sum word,
    ``工资合计``, only totals the money the verb before governs.)"""
    lex = attach()
    return (
        any(w in gap for w in lex.value_words)
        or any(w in gap for w in lex.emphasis)
        or any(w in gap for w in lex.linking_verbs)
    )


def _states_value(gap: str) -> bool:
    """Does the text between two amounts say what the second is worth or sums (``价值``,
    ``共計``, ``案值``: ``data/attach.toml`` ``value_words`` and ``sums``)? Then it is no item
    of the list the first one's verb governs."""
    lex = attach()
    return any(w in gap for w in lex.value_words) or any(w in gap for w in lex.sums)


def _listed_with(gap: str, item: Item) -> bool:
    """Whether a count shares the verb of the count before it, ``gap`` being the text between
    them: counts run together (收获3金2银3铜; not 8傷6失蹤, whose units are verbs) or listed
    after the first item's noun (调运100顶帐篷、5500件衣被, 包括…3家门店、位于日本的1家门店)."""
    run_together = gap.strip(" \u3000") in ("", "、") and not (
        item.unit and first_tag(item.unit) in ("v", "vg", "vd", "vi")
    )
    return run_together or _LISTED_AFTER.fullmatch(gap) is not None


_LISTED_AFTER = re.compile(
    r"[^，,。；;：:、\d]{1,8}(?:、|以及|及|和|与|與)(?:[^，,。；;：:、\d]{1,8}的)?"
    r"|(?:、|以及|及|和|与|與)[^，,。；;：:、\d]{1,8}"
)
"""Between two counts of a list: the first one's noun, 、 or a conjunction (5辆救护车及67名
警消人员), and a modifier with 的; or 、 and the next item's own noun (金山區8處、萬里區2處)."""
_SPLIT_VERB_TAGS = frozenset({"v", "zg", "vg"})
_PREDICATE_TAGS = frozenset({"vn", "l"})  # verbal nouns and set phrases, ending a clause
_KEPT_BEFORE_VERB = frozenset({"被", "不", "未", "没", "沒", "没有", "沒有"})


def _last_verb_of_clause(right: str) -> str | None:
    """The last verb of a clause's words after a preposition: its predicate, the verbs
    before it being inside the prepositional phrase (``因雷击死亡`` → ``死亡``); an idiom or
    a verbal noun counts only where it ends the clause (``对犯罪行为供认不讳``)."""
    lex = attach()
    words = tagged(right[:24])
    at = next((i for i, (_, tag) in enumerate(words) if tag == "p"), len(words))
    found = None
    for i, (word, tag) in enumerate(words[at + 1 :], at + 1):
        if tag == "x":
            break
        if word in lex.not_actions:
            found = None  # 按增速排位分别是: a linking verb after the phrase, no action
            continue
        last = i + 1 == len(words) or words[i + 1][1] == "x"
        if tag in _VERB_TAGS or (last and (tag in _PREDICATE_TAGS or tag == "a")):
            found = word  # 因雪灾被困。: an adjective ending the clause is its predicate
    else:
        if len(right) > 24:
            return None  # the clause goes on past the window: its predicate is not seen
    rest = words[at + 1 :]
    rest = rest[: next((i for i, w in enumerate(rest) if w[1] == "x"), len(rest))]
    if (
        found is None
        and at < len(words)
        and words[at][0] in ("在", "於")
        and (at == 0 or words[at - 1][1] not in _VERB_TAGS)
        and len(rest) == 2
        and len(rest[1][0]) == 2
        and rest[1][1] in _PHRASE_NOUN_TAGS
    ):
        found = rest[1][0]  # 28人在井下作业, 175家公司在A股上市: after 在 and a place the last
        # word is the predicate, whatever the tagger calls it
    if found is not None and len(found) == 1:
        return None  # a one-character verb is often the head of a word jieba split
    return found


def _group_subject(text: str, item: Item, s_start: int, context: _Context) -> str | None:
    """The noun of the group a count is taken out of after 其中: of people, the last count of
    people before the marker (其中10人 → 傷者); else the last count in the same unit
    (共上演50台参演剧目,其中境外27台 → 参演剧目)."""
    lex = attach()
    before = text[s_start : item.start]
    marker = max((before.rfind(m) for m in lex.group_markers), default=-1)
    if marker == -1:
        return None
    if _names_part(
        before[max(before.rfind(m) + len(m) for m in (*lex.group_markers, *"、，,；;")) :]
    ):
        return None  # 其中金奖10名、银奖20名: each part named before its count
    if item.unit not in lex.person_units:
        for end, unit, subject in reversed(context.counted):
            if end <= s_start:
                break
            if end <= s_start + marker and unit == item.unit:
                return subject
        return None
    k = bisect_right(context.people_ends, s_start + marker)  # the last count ending by the marker
    if k and context.people_ends[k - 1] >= s_start:
        return context.people[k - 1][1]
    return None


def _names_part(named: str) -> bool:
    """Does the text between 其中 (or a list mark) and a count name the part counted: a noun
    that ends it, with no number, not a place (``其中金奖10名``, ``其中新能源汽车3万辆``; not
    ``其中房山区80万人``, ``沪深交易所上市69家``, ``有642户2247人``)?"""
    words = [w for w in tagged(_strip(named)) if w[0].strip(_TRIM)]
    return (
        bool(words)
        and not any(ch.isdigit() for ch in named)
        and words[-1][1] in ("n", "nz", "j", "l")
    )


def _listed_after(text: str, items: list[Item], i: int) -> bool:
    """Is the number after ``items[i]`` of its kind and joined to it by 、 alone (a list of
    numbers that may share a list of subjects)?"""
    if i + 1 >= len(items) or items[i + 1].kind != items[i].kind:
        return False
    return text[items[i].end : items[i + 1].start].strip(" \t\u3000") == "、"


def _group(text: str, items: list[Item], i: int) -> list[Item]:
    """``items[i]`` and the items of its kind listed right after it with 、/和 (one clause)."""
    joiners = attach().list_joiners
    group = [items[i]]
    for nxt in items[i + 1 :]:
        gap = text[group[-1].end : nxt.start].strip(_TRIM)
        if nxt.kind != items[i].kind or gap not in ("", *joiners):
            break
        group.append(nxt)
    return group


def attach_all(text: str, items: list[Item]) -> list[Attachment]:
    """The attachment of each item (sorted by start) found in ``text``.

    >>> text = "今年以来,全市共破获电信网络诈骗案件1718起,追赃100余万元,立案同比下降43.9%"
    >>> items = [Item("count", 18, 23, "起"), Item("money", 26, 32), Item("percent", 39, 44)]
    >>> [(a.subject, a.action, a.change, a.basis) for a in attach_all(text, items)]
    [('电信网络诈骗案件', '破获', None, None), ('追赃', '追赃', None, None), ('立案', '下降', 'down', 'yoy')]
    """
    context = _Context(
        dates=[(it.start, it.end) for it in items if it.kind == "date" and not it.relative],
        date_ends=[it.end for it in items if it.kind == "date" and not it.relative],
    )
    results: dict[int, Attachment] = {}
    i = 0
    while i < len(items):
        item = items[i]
        if kind(item.kind).subject == "none":
            results[i] = Attachment()
            i += 1
            continue
        before = text[max(0, item.start - 30) : item.start]
        marked = any(word in before for word in attach().respectively)  # 分别, 分別
        group = _group(text, items, i) if marked or _listed_after(text, items, i) else [item]
        attached = _attach_one(text, item, context, group, marked=marked)
        for k, result in enumerate(attached):
            results[i + k] = result
            context.previous, context.previous_result = items[i + k], result
            if items[i + k].kind == "count":
                context.last_count = (items[i + k], result)
            if items[i + k].kind == "count" and items[i + k].unit and result.subject:
                context.counted.append((items[i + k].end, items[i + k].unit or "", result.subject))
            if result.subject and _noun_result(result):
                context.nouns.append((items[i + k].end, result.subject))
                context.noun_ends.append(items[i + k].end)
            if (
                items[i + k].kind == "count"
                and items[i + k].unit in attach().person_units
                and result.subject
            ):
                context.people.append((items[i + k].end, result.subject))
                context.people_ends.append(items[i + k].end)
        i += len(attached)
    _share_run_predicate(text, items, results)
    _origin_takes_change(text, items, results)
    _window_takes_measure(text, items, results)
    for k, item in enumerate(items):
        if item.kind in _STANDARD_KINDS and _compared_standard(text, item):
            results[k] = replace(results[k], action=None, change=None, standard=True)
    return [_without_function_end(results[k]) for k in range(len(items))]


_STANDARD_KINDS = frozenset({"money", "count", "percent", "measure"})
_COMPARED_WITH = re.compile(
    r"(?:较|較|(?<![同环環占佔])比(?![例重率])|(?<![参參给給])[与與])"
    r"(?P<period>(?:(?:19|20)?\d\d年|\d{1,2}月|[\u4e00-\u9fff])*?)(?:的)?$"
)
_STANDARD_ADVERBS = re.compile(r"^[\s]*(?:大幅|明显|明顯|显著|顯著|略有|略|稍|有所|均|已|则|則)?")


def _compared_standard(text: str, item: Item) -> bool:
    """Is the number what a change is measured against: right after 较/比/与 and the period
    it names, and right before the change word (``较去年同期三千多宗减少``, ``较2013年的89次
    上升``: gold leaves its verb and change null)? Not a change's size after its word (``较去年
    同期多2785项``)."""
    changes = _joined("up", "down")
    right = text[item.end : item.end + 12]
    right = right[_STANDARD_ADVERBS.match(right).end() :]  # type: ignore[union-attr]
    if not right.startswith(changes):
        return False  # the cheap test first: most numbers are followed by no change word
    c_start, _ = bounds(text, item.start, item.end, CLAUSE_END, CLAUSE_REACH)
    found = _COMPARED_WITH.search(text, c_start, item.start)
    if found is None or len(found.group("period")) > 12:
        return False
    period = found.group("period")
    # 较去年同期多: a change word between, the number is its size
    return not period or _find(period, changes, last=False) is None


_LINK_TAGS = frozenset({"p", "c", "d"})
"""jieba's tags of prepositions, conjunctions and adverbs."""


def _without_function_end(result: Attachment) -> Attachment:
    """The result with its subject cut before the prepositions, conjunctions and adverbs
    the tagger reads at its end, and before a distributive word after a noun (``每月``, ``每户``:
    the rate's unit), and none when nothing else is left (SPEC §3: a subject is a noun
    phrase, or else a verb phrase; ``平安银行不`` → ``平安银行``, ``原油价格升高至`` →
    ``原油价格升高``, ``标准即每月`` → ``标准``, ``即由`` → none). A one-character word after
    another one-character word stays: a name the dictionary does not know, cut into
    characters (``推特``, ``北交所``). Over the 1,393 files: 24 subjects mended, 1 made.

    >>> _without_function_end(Attachment("股息支付率更是", "达")).subject
    '股息支付率'
    >>> _without_function_end(Attachment("推特", "跌")).subject
    '推特'
    """
    subject = result.subject
    if not subject:
        return result
    words = list(tagged(subject))
    whole = len(words)
    while words and (
        words[-1][1] in _LINK_TAGS
        or (words[-1][1] == "r" and words[-1][0][0] == "每" and len(words) > 1)
    ):
        if len(words) > 1 and len(words[-1][0]) == 1 and len(words[-2][0]) == 1:
            break
        words.pop()
    if len(words) == whole:
        return result
    return replace(result, subject=_clean("".join(word for word, _ in words)))


_WINDOW_BREAK = re.compile("[。！？!?\n；;：:]")


def _window_takes_measure(text: str, items: list[Item], results: dict[int, Attachment]) -> None:
    """A window of time that opens a statistic (``前7个月中南双边贸易2261.5亿元``, ``今年前8个月,
    全国电信主营业务收入完成7690.7亿元``, ``过去12个月``) times what the statistic measures: the
    subject of the next amount, count, share or measure in its sentence (no stop, semicolon
    or colon between), whatever the window's own clause gave (SPEC §3: a duration's subject
    is what it times). ``data/attach.toml`` ``window_openers``, ``period_before``."""
    lex = attach()
    openers = (*lex.window_openers, *lex.period_before)
    for i, item in enumerate(items):
        if item.kind != "duration":
            continue
        before = text[max(0, item.start - 3) : item.start]
        opener = text.startswith(openers, item.start) or before.endswith(openers)
        if not opener or before.endswith(tuple(lex.not_windows)):
            continue  # not 提前18秒: ahead of time, no window
        at = item.start if text.startswith(openers, item.start) else item.start - 1
        lead = text[at - 1 : at] if at > 0 else ""
        if (
            is_han(lead)
            and lead not in lex.window_after
            and not before.endswith(tuple(lex.period_before))
        ):
            continue  # 收市前一小时: 前 after an event is "before" it, no window from a start
        for j in range(i + 1, len(items)):
            if _WINDOW_BREAK.search(text, item.end, items[j].start):
                break
            if items[j].kind in ("date", "duration"):
                continue
            measured = results[j].subject
            if (
                measured
                and _noun_result(results[j])
                and (items[j].kind != "count" or _names_measure(measured))
            ):  # not 前4个月,警方共侦破走私案件18起: things counted are no statistic timed
                results[i] = replace(results[i], subject=measured)
            break


_ORIGIN = re.compile(r"[由从從](?![于於事而此中来來])[^，,。；;：:、\d由从從]{0,6}$")
_LEVEL_MARKS = ("至", "到", "为", "為")


def _origin_takes_change(text: str, items: list[Item], results: dict[int, Attachment]) -> None:
    """``由150元下调至120元``, ``分别由190元、60元下降至165元、50元``: the level left (after
    由/从, with the values listed with it) is governed by the verb of the change, as the
    level reached is; the gold gives both the change verb."""
    for i, item in enumerate(items):
        if item.kind not in _ORIGIN_OPENERS or results[i].action is not None:
            continue
        if not _ORIGIN.search(text[max(0, item.start - 8) : item.start]):
            continue
        for j in range(i + 1, len(items)):
            between = text[item.end : items[j].start]
            if any(ch in between for ch in "，,。；;：:"):
                break
            verb = results[j].action
            if verb and any(verb + mark in between for mark in _LEVEL_MARKS):
                at = min(between.find(verb + m) for m in _LEVEL_MARKS if verb + m in between)
                for k in range(i, j):  # the values listed before the verb, from i on
                    if (
                        items[k].start < item.end + at
                        and items[k].kind in _ORIGIN_KINDS
                        and results[k].action is None
                    ):
                        results[k] = replace(results[k], action=verb)
                break


# the kinds the level left takes the change's verb for: not a distance band before a rate
# (由现行3—4公里1.8元/公里), though a band may open the level left (由现行的3公里8元)
_ORIGIN_KINDS = frozenset({"money", "count", "percent"})
_ORIGIN_OPENERS = frozenset({*_ORIGIN_KINDS, "measure"})


_BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")


def _share_run_predicate(text: str, items: list[Item], results: dict[int, Attachment]) -> None:
    """Counts written one after another with no verb of their own (``4市15个县(市、区)
    19.4万人受灾``) share the predicate the last of them takes: each is a subject of it."""
    run: list[int] = []
    for k, item in enumerate(items):
        between = _BRACKETED.sub("", text[items[run[-1]].end : item.start]) if run else ""
        if run and item.kind == "count" and len(between) <= 2 and not _RUN_BREAK.search(between):
            run.append(k)
            continue
        _close_run(text, items, run, results)
        run = [k] if item.kind == "count" else []
    _close_run(text, items, run, results)


_RUN_BREAK = re.compile(r"[，,。；;：:！？!?、\s]")


def _close_run(
    text: str, items: list[Item], run: list[int], results: dict[int, Attachment]
) -> None:
    if len(run) < 2 or (last := results[run[-1]]).action is None:
        return
    before = tagged(text[max(0, items[run[0]].start - 4) : items[run[0]].start])
    if before and before[-1][1] == "p":
        return  # 以11金12银6铜稳居第一: an instrument, not the subject of the verb
    first = items[run[0]].start
    lead = text[max(0, first - 6) : first]
    causatives = attach().causatives

    def leaves_predicate(action: str | None) -> bool:
        """Whether an earlier count's action leaves the run's predicate to it: none, or a
        causative before the run (造成144个县996.6万人受灾: 造成 causes, 受灾 governs)."""
        return action is None or (action in causatives and action in lead)

    if all(leaves_predicate(results[k].action) for k in run[:-1]):
        for k in run[:-1]:
            results[k] = replace(results[k], action=last.action)
