"""Cases: the incidents an article tells (SPEC §5), built from its segmentation and facts.

A case starts at a sentence that opens with a time or an authority, names an authority or
a person, and holds a case verb (``2020年7月6日,单县公安局侦办的…``, ``近日,晋源分局…``; under a
subheading the verb may be missing); it runs to the sentence before the next start, the
next heading, or the end of the article. A short article that tells an incident is one
case from its first body sentence. Reports, statistics, meetings and warnings start none.
Every field is read from the case's own text and the facts inside its span; the words are
in ``data/cases.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .affixes import alternation, is_han, word_at, word_ending_at
from .lexicons import attach, layout, numbers, per_lexicons, units
from .lexicons import cases as case_words
from .models import Amount, Case, Fact
from .numbers.attach import CLAUSE_REACH
from .numbers.tagging import keeps_words, tagged, word_across
from .repair import RepairedText, surface
from .segment import ArticleLayout

__all__ = ["find_cases", "find_orgs"]

Span = tuple[int, int]

_SURNAME_HONORIFIC = "(?P<name>[{surnames}A-Z])(?:{hon})"  # 刘女士; 香港: B小姐 (not 七旬老人)
_MOU = re.compile(r"[\u4e00-\u9fff]某{1,2}(?![某])")
_NAME_TAIL = frozenset(
    "有是在说的等和与及被将对向从也都就称为因已又还才便这那讲所以后前去来到把给让要会能可于於时時、，,。"
    # a copula (袁某系四川人), 除…外 (除王某外), a person's place (在李某处)
    "系係外处處"
)
# after a three-character name (卓某志说, 沈某芬四人, 颜某敏为首, 杨某华负责, 郑某莎(女), 农某华涉嫌,
# 王某军供述) comes punctuation, 说, 等, a numeral, a bracket, a verb that opens a predicate …
_AFTER_NAME = frozenset(
    "、，,。；;：:（()）”」说說等和与與及就两兩二三四五六七八九十为為负負系係因被在于於是涉伙夥持驾駕供承"
)


@dataclass(frozen=True)
class _Unit:
    """A heading or a sentence of the article, in order (original spans, surface text)."""

    kind: str  # "heading" or "sentence"
    span: Span
    text: str


_PREFIX_REACH = 24
"""Characters an authority's place prefix runs back at most (云南省普洱市孟连傣族拉祜族佤族自治县
公安局: 19)."""


@per_lexicons(1024)  # a sentence is asked about in start, actor and field checks
def find_orgs(text: str) -> tuple[tuple[int, str], ...]:
    """Authority names in ``text`` with their place prefix, as ``(start, name)`` in order.

    >>> [n for _, n in find_orgs("5月11日,反诈民警在市公安局接待室接待来访群众")]
    ['市公安局']
    >>> [n for _, n in find_orgs("对于云南永善县公安局溪洛渡派出所的民警李欣")]
    ['云南永善县公安局溪洛渡派出所']
    """
    lex = case_words()
    if not _org_suffix().search(text):
        return ()  # most sentences name no authority: one search instead of one per suffix
    found: list[tuple[int, int]] = []
    for suffix in lex.org_suffixes:
        pos = text.find(suffix)
        while pos != -1:
            end = pos + len(suffix)
            start = pos
            while start > 0 and pos - start < _PREFIX_REACH:
                if not is_han(text[start - 1]):
                    break
                if word_ending_at(text, start, lex.org_boundaries) and (
                    word_across(text, start, 6, 4) is None  # 呼和浩特: no 和 inside a word
                ):
                    break
                start -= 1
            start = _without_lead(text, start, pos)
            if _cuts_word(text, end):
                pass  # 公安部门: a department, not 公安部
            elif start < pos or suffix not in lex.org_not_alone:
                found.append((start, end))
            pos = text.find(suffix, end)
    found.sort(key=lambda se: (se[0], -se[1]))
    names: list[tuple[int, int]] = []
    for start, end in found:
        if names and start <= names[-1][1] and start >= names[-1][0]:
            if end > names[-1][1]:
                names[-1] = (names[-1][0], end)  # 公安局 + 溪洛渡派出所: one chain
            continue
        names.append((start, end))
    whole: list[tuple[int, str]] = []
    reach = -1
    for start, end in names:
        if start < reach:
            continue  # 燕山公安局向阳派出所: the office found again on its own
        reach = _subunit_end(text, end)
        whole.append((start, text[start:reach]))
    return tuple(whole)


def _cuts_word(text: str, end: int) -> bool:
    """Does ``end`` fall inside a word that makes what is before it no authority's name or
    unit (``data/cases.toml`` ``org_not_in_words``: ``公安部|门``, ``交警大队|长``)?

    >>> _cuts_word("四川省公安部门", 6), _cuts_word("公安部门户网站", 3)
    (True, False)
    """
    words = case_words().org_not_in_words
    if not any(text.startswith(w, end - k) for w in words for k in range(1, len(w))):
        return False  # most names: no such word at all
    across = word_across(text, end, 6, 3)  # the word the tagger reads across the end
    return across is not None and any(w in across for w in words)  # 公安部门, 大队长


def _without_lead(text: str, start: int, pos: int) -> int:
    """The start of an authority's name without what leads into it: a date's last
    character (``28日台中地檢署``, ``今（29）日台中地檢署``) and the verbs of two characters or more the tagger reads
    before its first noun (``移交最高人民法院``, ``接受事故调查组``).

    >>> t = "案件移交最高人民法院"
    >>> t[_without_lead(t, 2, 4) :]
    '最高人民法院'
    """
    before = text[max(0, start - 2) : start]
    if text[start : start + 1] in _DATE_ENDS and (
        before[-1:].isdigit() or (before[-1:] in (")", "）") and before[:1].isdigit())
    ):
        start += 1  # 28日, 今（29）日: the date before the name
    elif (
        start > 0
        and (text[start - 1].isdigit() or text[start - 1] in numbers().numeral_chars)
        and text[start] in units().classifiers
    ):
        start += 1  # 出动1个消防中队: the classifier of a count, no place
    at = start
    for word, tag in tagged(text[start:pos]):
        if tag not in ("v", "vd") or len(word) < 2:
            break
        at += len(word)
    # the name starts after the last word inside its prefix that cannot be part of a name: a
    # pronoun, adverb, conjunction or idiom (全省各级应急管理部, 5人拒不执行法院, 批复同意事故
    # 调查组), or a verb with more of the prefix after it (当地出动森林防火指挥部), each of two
    # characters at least; a verb right before the suffix names the office's work (海上搜救
    # 中心, 森林防火指挥部)
    words = tagged(text[at:pos])
    offset, cut = at, at
    for k, (word, tag) in enumerate(words):
        offset += len(word)
        more = k + 1 < len(words)  # more of the prefix after it
        after_noun = k > 0 and words[k - 1][1] in _NAME_WORD_TAGS  # 煤矿透水事故: inside a name
        if (
            len(word) > 1
            and not word.startswith("某")
            and (  # 某市: a name kept anonymous
                tag in _NOT_IN_NAME_TAGS
                or tag == "t"  # 近期烟台市公安局: a time word
                or (tag in ("d", "v", "vd") and more and not after_noun)  # 高新公安分局 stays
            )
        ) or (tag == "p" and more):
            cut = offset  # two characters at least: one may be a place name's (沙依巴克, 盖家沟);
            # a preposition of one before more of the prefix (自新疆…民政局)
    return cut


_NOT_IN_NAME_TAGS = frozenset({"p", "r", "c", "i", "uj", "ul", "uz", "ug", "ud", "uv", "y"})
_NAME_WORD_TAGS = frozenset({"n", "ns", "nz", "nt", "nr", "ng", "j"})


_DATE_ENDS = frozenset("日号號月年時时")


def _subunit_end(text: str, end: int) -> int:
    """Where an authority's name ends with the sub-units written right after it: each kinds
    of work, an ordinal and a unit word (``公安局刑侦大队``, ``重案組第二隊``, ``警區刑事部``,
    ``警區刑事調查隊第四隊``), two characters at least.

    >>> _subunit_end("茶陵县公安局刑侦大队表示", 6), _subunit_end("茶陵县公安局部署工作", 6)
    (10, 6)
    >>> _subunit_end("油尖警區刑事調查隊第四隊正跟進", 4)
    12
    """
    lex = case_words()
    at = end
    while True:
        k = at
        while kind := word_at(text, k, lex.org_subunit_kinds):
            k += len(kind)  # 刑事調查隊: two kinds of work
        ordinal = _ORDINAL.match(text, k)
        k = ordinal.end() if ordinal else k
        unit = word_at(text, k, lex.org_subunits)
        if (
            unit is not None
            and k == at
            and text.endswith(unit, 0, at)
            and _cuts_word(text, k + len(unit))
        ):
            unit = None  # 交警大队大队长: the unit again, as a title (not 偵三隊長: 偵三隊's)
        if unit is None or k + len(unit) - at < 2:
            office = _office_end(text, at)
            if office is None:
                return at
            at = office
            continue
        at = k + len(unit)


_OFFICE_REACH = 14  # characters of a named office after an authority's name, at most
_OFFICE_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "j", "vn", "l", "zg"})


def _office_end(text: str, at: int) -> int | None:
    """The end of a named office written right after an authority's name (``data/cases.toml``
    ``org_offices``: ``向阳派出所``, ``龙虎山人民法庭``, ``反电信网络诈骗大队``), if the words
    before its last word are nouns only (not ``抽调刑侦支队``: a verb).

    >>> t = "燕山公安局向阳派出所民警"
    >>> _office_end(t, 5), _office_end("市公安局迅速抽调刑侦支队", 4)
    (10, None)
    """
    lex = case_words()
    window = text[at : at + _OFFICE_REACH]
    best = None
    for office in lex.org_offices:
        pos = window.find(office)
        if (pos > 0 or (pos == 0 and len(office) > 2)) and (
            best is None or pos + len(office) < best
        ):
            best = pos + len(office)
    if best is None:
        return None
    name = window[:best]
    if not all(is_han(ch) for ch in name):
        return None
    words = tagged(name)
    body = name[: best - len(words[-1][0])] if words else ""
    if (not body and len(name) < 3) or not all(
        tag in _OFFICE_TAGS or word in lex.org_subunit_kinds or _ORDINAL.fullmatch(word)
        for word, tag in tagged(body)
    ):  # 长江流域环境资源第二法庭: an ordinal may number the office
        return None
    return at + best


_ORDINAL = re.compile(r"第?[一二三四五六七八九十\d]{1,3}")


def _units(repaired: RepairedText, article: ArticleLayout) -> list[_Unit]:
    original = repaired.original
    items = [_Unit("heading", h.span, h.text) for h in article.headings]
    items += [_Unit("sentence", s, surface(original[s[0] : s[1]])) for s in article.sentences]
    return sorted(items, key=lambda u: u.span[0])


def _mou_names(text: str) -> list[tuple[int, str]]:
    """X某 (and X某Y) names: X a surname, 某 not "a certain" before a noun (某平台)."""
    lex = case_words()
    names: list[tuple[int, str]] = []
    for m in _MOU.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()]
        listed = (
            bool(names)
            and before.endswith("、")
            and names[-1][0] + len(names[-1][1]) == m.start() - 1
        )
        if m.group()[0] not in lex.surnames and not (
            before.endswith(lex.suspect_markers) or before.endswith(lex.victim_before) or listed
        ):
            continue  # a rarer surname counts where a role names it (犯罪嫌疑人角某、多某)
        rest = text[m.end() :]
        if rest.startswith(lex.determiner_nouns):
            continue
        if word_across(text, m.start(), 4, 2) is not None:
            continue  # 用于某平台, 晋江某皮革: the "surname" ends a word, and 某 is "a certain"
        name = m.group()
        if (
            len(rest) >= 2
            and is_han(rest[0])
            and rest[0] not in _NAME_TAIL
            and rest[1] in _AFTER_NAME
            and _name_char(rest[:2])
        ):
            name += rest[0]  # 卓某志说
        names.append((m.start(), name))
    return names


def _name_char(pair: str) -> bool:
    """Can the first character of ``pair`` end an X某Y name: not an adverb (周某曾在), and
    not the start of a word with the next (刘某属于, 徐某作为)?"""
    words = tagged(pair)
    return len(words) == 2 and words[0][1] != "d"


_SENTENCE_END = re.compile(r"[。！？!?；;]")
_DATED_OPENING = re.compile(
    r"\d{1,4}\s*[年月日时時点點]|[一二三四五六七八九十廿卅]+日|[昨今前][天日晚早夜]|近日|日前|当天|當天|当晚|當晚"
)
_DATED_REACH = 16  # characters of a sentence's opening that may hold its time


def _is_incident_article(text: str, facts: Sequence[Fact] = ()) -> bool:
    """Does a short article tell an incident rather than statistics: more signals of one
    (``incident_signals``, X某 names, dated events, counts of people harmed among ``facts``)
    than words of statistics, and two at least?"""
    lex = case_words()
    chars = set(text)  # a word whose first character the text lacks is not counted
    incident = sum(text.count(w) for w in lex.incident_signals if w[0] in chars)
    incident += len(_mou_names(text))
    incident += sum(  # 5月23日凌晨,郧县遭遇强风冰雹袭击: a dated accident or disaster
        _tells_event(sentence) and _DATED_OPENING.search(sentence[:_DATED_REACH]) is not None
        for sentence in _SENTENCE_END.split(text)
    )
    people = attach().person_units
    incident += sum(  # 造成一家三口不幸丧生, 800人死亡: people harmed, counted
        f.kind == "count" and f.unit in people and f.action in lex.harm_verbs for f in facts
    )
    statistics = sum(text.count(w) for w in lex.statistics_signals if w[0] in chars)
    return incident >= 2 and incident > statistics


def _opens(unit: _Unit, date_starts: list[int]) -> bool:
    """Does the sentence open with a time (2020年7月6日, 近日), or with an authority followed
    by a time (市公安局反诈中心近日…)? ``date_starts``: where the article's dated facts
    start, sorted."""
    lex = case_words()
    head = unit.text[: lex.opener_chars]
    if any(w in head for w in lex.time_openers):
        return True
    k = bisect_left(date_starts, unit.span[0])
    if k < len(date_starts) and date_starts[k] < min(unit.span[1], unit.span[0] + lex.opener_chars):
        return True  # a date of its own, not the next sentence's
    orgs = [(s, n) for s, n in find_orgs(unit.text) if s < lex.opener_chars]
    return bool(orgs) and any(
        w in unit.text[: orgs[0][0] + len(orgs[0][1]) + 4] for w in lex.time_openers
    )


def _has_actor(text: str) -> bool:
    lex = case_words()
    return (
        bool(find_orgs(text))
        or bool(_mou_names(text))
        or any(h in text for h in lex.victim_honorifics)
        or any(w in text for w in lex.actor_words)
    )


def _is_start(
    unit: _Unit, date_starts: list[int], after_heading: bool, facts: Sequence[Fact] = ()
) -> bool:
    lex = case_words()
    text = unit.text
    if blocked := [w for w in lex.not_incident if w in text]:
        if any(w not in lex.announcement for w in blocked):
            return False
        # 记者从…指挥部获悉,22日上午…遭遇极端天气,已发现16人遇难: an incident told after the
        # words of its report (SPEC §5: the report is no case, what it tells is)
        at = max(text.rfind(w) + len(w) for w in blocked)
        told = _Unit(unit.kind, (unit.span[0] + at, unit.span[1]), text[at:])
        return _opens(told, date_starts) and _tells_harm(told, facts)
    if not _opens(unit, date_starts):
        return False
    if _tells_harm(unit, facts):
        return True  # an event happens (发生…火灾), or people are harmed (800人死亡)
    if not _has_actor(text):
        return False
    return after_heading or any(v in text for v in lex.case_verbs)


def _tells_event(text: str) -> bool:
    """``…仓库发生一起重大火灾``: an accident or disaster happens in the sentence (a verb of
    happening before the event's name), an incident that needs no named actor."""
    lex = case_words()
    for verb in lex.happening_verbs:
        at = text.find(verb)
        if at != -1 and any(event in text[at:] for event in lex.events):
            return True
    return False


def _first_date(units: list[_Unit], facts: list[Fact]) -> str | None:
    """The first date of the case's sentences, skipping the dates that stand before an
    announcement word in their sentence (``6月9日,晋源区检察院消息``, ``记者15日从…了解到,今年
    1月…``: the report's date, not the incident's; a date after the word is the incident's)."""
    lex = case_words()
    for unit in units:
        marks = [unit.text.find(w) for w in lex.announcement if w in unit.text]
        after = unit.span[0] + max(marks) if marks else unit.span[0]
        for fact in facts:
            if fact.kind == "date" and fact.value and after <= fact.span[0] < unit.span[1]:
                return str(fact.value)
    return None


@per_lexicons()
def _honorific_pattern() -> re.Pattern[str]:
    """A surname (or a Latin initial) with an honorific: 刘女士, 张先生, B小姐."""
    lex = case_words()
    surnames = re.escape("".join(sorted(lex.surnames)))
    return re.compile(
        _SURNAME_HONORIFIC.format(surnames=surnames, hon="|".join(lex.victim_honorifics))
    )


def _victims(text: str, harmed: tuple[str, ...] = ()) -> list[str]:
    """The victims of a case: people named as victims (honorifics, pseudonyms, X某 before a
    victim's verb or after a victim's role word, a familiar name 小张 in a clause of a
    victim's verb); else the person who reports harm to
    themselves; else the role nouns the text calls them by; else the people a count says
    were harmed (``harmed``)."""
    lex = case_words()
    found: list[tuple[int, str]] = []
    honorific = _honorific_pattern()
    for m in honorific.finditer(text):
        if keeps_words(text, m.start(), m.end()):  # not 说明|老人
            found.append((m.start(), m.group()))
    for mark in lex.pseudonym_marks:  # 李丽(化名)
        at = text.find(mark)
        while at != -1:
            if name := _pseudonym(text, at):
                found.append((at - len(name), name))
            at = text.find(mark, at + len(mark))
    listed_end = -1  # where the last name a victim word names before ends
    for start, name in _mou_names(text):
        rest = text[start + len(name) :]
        if text[:start].endswith(lex.victim_before) or (
            listed_end != -1 and text[listed_end:start] in attach().list_joiners
        ):
            found.append((start, name))  # 被害人刘某; 拖欠朱某、汪某: each name of the list
            listed_end = start + len(name)
        elif rest.startswith(lex.victim_after):
            found.append((start, name))  # 姜某报警
        elif text[max(0, start - 1) : start] == "为" and any(w in rest[:20] for w in lex.aid_words):
            found.append((start, name))  # 为刘某发放…救助金
        elif _threatened(text, start):
            found.append((start, name))  # 要挟煤矿老板张某
    for m in _familiar_name().finditer(text):
        clause = re.split("[，,。；;！!？?]", text[m.end() : m.end() + 24], maxsplit=1)[0]
        if keeps_words(text, m.start(), m.end()) and any(w in clause for w in lex.victim_after):
            found.append((m.start(), m.group()))  # 小张一路小跑到东安派出所报警
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names or _reporters(text) or _victim_nouns(text) or list(harmed)


@per_lexicons()
def _threat_before() -> re.Pattern[str]:
    verbs = _alternation(case_words().threat_verbs)
    return re.compile(f"(?:{verbs})[\u4e00-\u9fff]{{0,6}}$")


def _threatened(text: str, start: int) -> bool:
    """Is the name at ``start`` the one a threat or extortion is made against: a threat verb
    and at most six characters of its role before it in the clause (``要挟煤矿老板张某``)?"""
    found = _threat_before().search(text, max(0, start - 10), start)
    if found is None:
        return False
    # not 以敲诈勒索罪判处被告人宋某: the charge, and the name after it a defendant's
    role = text[found.start() : start]
    return "罪" not in role and not any(m in role for m in case_words().suspect_markers)


@per_lexicons()
def _familiar_name() -> re.Pattern[str]:
    """A familiar name: 小, 老 or 阿 and a surname (小张, 老李, 阿陈)."""
    lex = case_words()
    surnames = re.escape("".join(sorted(lex.surnames)))
    prefixes = re.escape("".join(sorted(lex.familiar_prefixes)))
    return re.compile(f"[{prefixes}][{surnames}]")


def _pseudonym(text: str, at: int) -> str | None:
    """The name written before a pseudonym mark at ``at``: three or two characters led by a
    surname (``的李丽(化名)`` → 李丽, ``职工钱某(化名)`` → 钱某, ``张晓明(化名)``), or a
    familiar name of 小/老/阿 and a surname (``小李(化名)``).

    >>> _pseudonym("职工钱某(化名)", 4), _pseudonym("网友小李(化名)", 4)
    ('钱某', '小李')
    """
    lex = case_words()
    for size in (3, 2):
        name = text[max(0, at - size) : at]
        if len(name) < size or not all(is_han(ch) for ch in name):
            continue
        if size == 3 and name[0] in _NAME_TAIL:
            continue  # 向李丽(化名): 向 opens the clause, not the name
        if name[0] in lex.surnames or (
            name[0] in lex.familiar_prefixes and name[1] in lex.surnames
        ):
            return name
    return None


def _harmed(facts: list[Fact]) -> tuple[str, ...]:
    """The people counts say were harmed (``15名乘客受伤``, ``3名落水人员被救起``): the noun
    subject of a count of people whose verb is a harm verb (``data/cases.toml``
    ``harm_verbs``) or that such a verb modifies, in order, a noun inside a longer one left
    out."""
    lex = case_words()
    nouns: list[str] = []
    for fact in facts:
        subject = fact.subject
        if (
            fact.kind != "count"
            or fact.unit not in attach().person_units
            or not subject
            or (
                fact.action not in lex.harm_verbs
                and not ((verb := word_at(subject, 0, lex.harm_verbs)) and len(subject) > len(verb))
            )  # 3名落水人员被救起: harmed by the noun's own modifier
            or len(subject) < 2
            or subject in lex.people_words  # 八名人员失踪: no noun for who they are
            or subject.endswith(tuple(attach().measure_suffixes))  # 受灾人数: a measure, no one
            or not tagged(subject)[-1][1].startswith("n")  # 因灾死亡: a verb, no noun
        ):
            continue
        if subject not in nouns and not any(subject in other for other in nouns):
            nouns.append(subject)
    return tuple(nouns)


def _reporters(text: str) -> list[str]:
    """With no victim named: the person who reports harm to themselves, as described
    (``接到大路综合市场一摊主报警称,他放在摊位上的背包不见了`` → 摊主): the last noun between a
    word of receiving and a word of reporting, when the report speaks of its teller (称 and a
    pronoun: 其, 自己, 他 …). A neighbour reporting a brawl (``接到一家饭店报警:两名男子…``)
    or a tip-off (``接到群众报警后,即出警``) names no victim."""
    lex = case_words()
    pattern = _report_pattern()
    nouns: list[str] = []
    for m in pattern.finditer(text):
        words = tagged(m.group("who"))
        if words and words[-1][1].startswith("n") and len(words[-1][0]) >= 2:
            noun = words[-1][0]
            if noun not in nouns and noun not in lex.org_suffixes:
                nouns.append(noun)
    return nouns


@per_lexicons()
def _report_pattern() -> re.Pattern[str]:
    lex = case_words()
    return re.compile(
        f"(?:{_alternation(lex.report_receipt)})(?P<who>[^，,。；;：:、\\s]{{1,20}}?)"
        f"(?:{_alternation(lex.report_verbs)})(?:{_alternation(lex.report_says)})"
        f"[：:，,\\s]?(?:{_alternation(lex.self_pronouns)})"
    )


def _victim_nouns(text: str) -> list[str]:
    """With no victim named: the role nouns the text uses for them (被害人, 傷者), in order of
    first mention, a noun inside a longer one found (傷者 in 死傷者) left out, and of the
    words that all mean "the victim" (``victim_synonyms``: 受害人, 被害人, 事主) the first
    only: one victim called two ways is listed once (SPEC §5).

    >>> _victim_nouns("受害人报警称被骗5万元,民警为被害人追回损失。")
    ['受害人']
    >>> _victim_nouns("事故造成1名死者、2名伤者。")
    ['死者', '伤者']
    """
    lex = case_words()
    found = sorted(
        (m.start(), m.group()) for m in re.finditer(_alternation(lex.victim_nouns), text)
    )
    nouns: list[str] = []
    for _, noun in found:
        if noun in nouns or any(noun in other for other in nouns):
            continue
        if noun in lex.victim_synonyms and any(n in lex.victim_synonyms for n in nouns):
            continue
        nouns.append(noun)
    return nouns


@per_lexicons()
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)  # LongestFirst: the longest wins


@per_lexicons()
def _org_suffix() -> re.Pattern[str]:
    return re.compile(_alternation(case_words().org_suffixes))


@per_lexicons()
def _surname_person() -> re.Pattern[str]:
    lex = case_words()
    surnames = re.escape("".join(sorted(lex.surnames)))
    return re.compile(f"[{surnames}]姓(?:{_alternation(lex.surname_person)})")


@per_lexicons()
def _paired_surnames() -> re.Pattern[str]:
    lex = case_words()
    surnames = re.escape("".join(sorted(lex.surnames)))
    return re.compile(
        f"([{surnames}])姓(?:與|与|和|及|、)(?=[{surnames}]姓({_alternation(lex.surname_person)}))"
    )


@per_lexicons()
def _surname_suspect() -> re.Pattern[str]:
    """張嫌, 朱嫌 (Taiwan reports): a surname and 嫌, not 涉嫌 or 嫌犯/嫌疑 (the character before
    the surname is no letter of a word: start, punctuation, or a verb of catching)."""
    lex = case_words()
    surnames = re.escape("".join(sorted(lex.surnames)))
    mark = re.escape(lex.suspect_after_surname)
    return re.compile(
        f"(?<![\u4e00-\u9fff])[{surnames}]{mark}(?![犯疑隙])|"
        f"(?<=[拘提捕獲获押將将、與与及和])[{surnames}]{mark}(?![犯疑隙])"
    )


_SENTENCED = re.compile(
    r"对(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)(?:等\d*人)?以(?:涉嫌)?[^，,。；;]{1,14}罪"
)
"""A court's sentence on named defendants: 对A、B以…罪 (判处, 提起公诉 …)."""


@per_lexicons()
def _marked_name() -> re.Pattern[str]:
    """A name of two or three characters after a suspect marker (被告人张明杰)."""
    return re.compile(f"(?:{_alternation(case_words().suspect_markers)})([\u4e00-\u9fff]{{2,3}})")


@per_lexicons()
def _charged_name() -> re.Pattern[str]:
    """A name of two or three characters before the charge said of it (郭铁军因涉嫌…)."""
    return re.compile(
        f"([\u4e00-\u9fff]{{2,3}})(?:{_alternation(case_words().suspect_after_name)})"
    )


def _marked_list(text: str, victims: list[str]) -> list[str]:
    """The names a suspect marker lists with 、 (``被告人妥永山、闵福宝、赵丽验明正身``), each
    written at least twice in the case, whatever the surname (a list after a marker is the
    evidence) when one of them has a known surname and none is one word of the dictionary
    (``贩卖、运输``) without one. The last item is three characters when those make a whole name written
    twice, else two."""
    names: list[str] = []
    for m in _marked_list_pattern().finditer(text):
        items = m.group("names").split("、")
        last = items.pop()
        for size in (3, 2):
            if text.count(last[:size]) >= 2 and _whole_name(text, last[:size]):
                items.append(last[:size])
                break
        surnames = case_words().surnames
        if not any(item[0] in surnames for item in items) or any(
            len(tagged(item)) == 1 and item[0] not in surnames for item in items
        ):
            continue  # 贩卖、运输: words of the dictionary, no names
        for name in items:
            if text.count(name) >= 2 and name not in names and name not in victims:
                names.append(name)
    return names


@per_lexicons()
def _marked_list_pattern() -> re.Pattern[str]:
    return re.compile(
        f"(?:{_alternation(case_words().suspect_markers)})"
        "(?P<names>(?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,4})"
    )


def _whole_name(text: str, name: str) -> bool:
    """Whether ``name`` can be a whole name: it does not end in a function character
    (``吴英的``), and somewhere in the text it does not end in the head of the next word
    (``吴英集|资`` everywhere; ``周金根`` read whole before ``与``, not before ``系``)."""
    if name[-1] in _NAME_TAIL:
        return False
    at = text.find(name)
    while at != -1:
        if keeps_words(text, at, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _suspects(text: str, victims: list[str]) -> list[str]:
    lex = case_words()
    names: list[str] = []
    found = [name for _, name in _mou_names(text)]
    for name in found:
        if any(other != name and other.startswith(name) for other in found):
            continue  # 赵某 where 赵某家 is written too
        if (
            name not in victims
            and name not in names
            and not any(v.startswith(name) for v in victims)
        ):
            names.append(name)
    for m in _surname_person().finditer(text):
        if (
            m.group() not in names
            and m.group() not in victims
            and not _named_by_surname(m.group(), names)
        ):
            names.append(m.group())  # 徐姓男子, 馬姓犯嫌
    for m in _paired_surnames().finditer(text):
        name = m.group(1) + "姓" + m.group(2)  # 張姓與黃姓犯嫌: 張姓犯嫌 too
        if name not in names and name not in victims:
            names.append(name)
    for m in _surname_suspect().finditer(text):
        if m.group() not in names and not _named_by_surname(m.group(), names):
            names.append(m.group())  # 朱嫌、廖嫌
    for m in _SENTENCED.finditer(text):
        for name in m["names"].split("、"):  # 对侬锦、陈雨以集资诈骗罪判处: the defendants
            if name not in names and name not in victims and not name.endswith(("人", "者")):
                names.append(name)
    # 被告人苏士玉、谢天信: the names a marker lists, whatever else is named
    for name in _marked_list(text, victims):
        if name not in names and not _named_by_surname(name, names):
            names.append(name)
    if not names:
        # 被告龍少泉, 被告人张明杰: a surname-led name after a marker, written twice in the case
        for m in _marked_name().finditer(text):
            if m.group(1)[0] not in lex.surnames:
                continue
            for size in (3, 2):
                name = m.group(1)[:size]
                if not _whole_name(text, name):
                    continue  # 被告人吴英集资诈骗, 被告人吴英的: 吴英
                if len(name) == size and text.count(name) >= 2:
                    if name not in names and not any(n.startswith(name) for n in names):
                        names.append(name)
                    break
    if not names:
        # 郭铁军因涉嫌受贿罪…, 郭铁军的行为已构成受贿罪: a name the charge is said of
        for m in _charged_name().finditer(text):
            for size in (3, 2):
                name = m.group(1)[-size:]
                if (
                    len(name) == size
                    and name[0] in lex.surnames
                    and text.count(name) >= 2
                    and _whole_words(text, m.end(1) - size, m.end(1))  # not 九龍城區, 3000万卢布
                ):
                    if name not in names and name not in victims:
                        names.append(name)
                    break
    return names


def _whole_words(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` whole words of the tagger's reading, not a numeral nor after
    one (not ``龍城區`` of ``九龍城區``, not ``万卢布`` nor ``卢布`` of ``3000万卢布``)?

    >>> _whole_words("在九龍城區被捕", 2, 5), _whole_words("局长文强因犯受贿罪", 2, 4)
    (False, True)
    """
    left = max(0, start - 4)
    previous = text[start - 1 : start]
    if previous.isdigit() or (previous and previous in numbers().numeral_chars):
        return False
    at, opened = left, False
    for word, tag in tagged(text[left : end + 4]):
        a, b = at, at + len(word)
        if a < start < b or a < end < b:
            return False  # a word across either end
        if a == start:
            opened = tag != "m"
        at = b
    return opened


def _named_by_surname(name: str, names: list[str]) -> bool:
    """Is ``name`` (``張嫌``, ``張姓嫌犯``) another mention of a person already named by the same
    surname and a mark (``張姓男子``, ``張某``)? Reports call one suspect by several such
    forms; two suspects of one surname are told apart by name, not by these."""
    marks = case_words().surname_marks
    return any(len(n) > 1 and n[1] in marks and n[0] == name[0] for n in names)


def _suspect_count(facts: list[Fact], text: str, repaired: RepairedText) -> int | None:
    lex = case_words()
    counts = []
    for fact in facts:
        if (
            fact.kind != "count"
            or fact.unit not in attach().person_units
            or fact.action not in lex.arrest_verbs
        ):
            continue
        before = repaired.original[max(0, fact.span[0] - 12) : fact.span[0]]
        counts.append((("累计" in before or "累計" in before), int(fact.value)))  # type: ignore[arg-type]
    if not counts:
        return None
    totals = [v for running, v in counts if running]
    return totals[-1] if totals else max(v for _, v in counts)


def _category(text: str) -> str:
    lex = case_words()
    fraud = dict(lex.categories).get("other_fraud", ())
    is_fraud = any(c in text for c in fraud) or any(c in text for c in lex.fraud_signals)
    cued = [
        code
        for code, cues in lex.categories
        if code != "other_fraud"
        and (is_fraud or code in lex.fraud_free_codes)  # 公安部网上通缉 in a murder: no pretext
        and _cue_patterns()[code].search(text) is not None
    ]
    if (named := _named_pretext(text, cued)) is not None:
        return named  # 假借投资理财名义: the text names the pretext
    if len(cued) >= lex.mixed_categories:
        return "other_fraud"  # many pretexts named: a type the case does not settle
    if cued:
        return cued[0]
    return "other_fraud" if any(c in text for c in fraud) else "not_fraud"


@per_lexicons()
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    """Each category's cues as one pattern (a case's text is searched once per category,
    not once per cue)."""
    return {code: re.compile(alternation(cues) or "(?!)") for code, cues in case_words().categories}


@per_lexicons()
def _pretext_pattern() -> re.Pattern[str]:
    lex = case_words()
    before, after = alternation(lex.pretext_before), alternation(lex.pretext_after)
    return re.compile(rf"(?:{before})(?P<named>[^，,。；;！？!?]{{1,20}}?)的?(?:{after})")


def _named_pretext(text: str, cued: list[str]) -> str | None:
    """The category of the pretext the text names outright (``以相亲和定亲为由``,
    ``假借投资理财名义``, ``打着…的旗号``): the first such phrase that holds a cue of one of
    the ``cued`` categories; None when no phrase names one.

    >>> _named_pretext("钟某假借投资理财名义,在客服的指引下转账", ["impersonate_service", "investment"])
    'investment'
    >>> _named_pretext("以大额订单为诱惑", ["other_fraud"]) is None
    True
    """
    categories = dict(case_words().categories)
    for m in _pretext_pattern().finditer(text):
        named = m["named"]
        for code in cued:
            if any(c in named for c in categories[code]):
                return code
    return None


def _outcome(text: str, category: str = "other_fraud") -> str:
    """SPEC §5's outcome: the first whose cues the case holds; money or goods taken by force
    or stealth (``taking_words``) is a loss too, in any case; a loss word alone is none in a
    case that is no fraud (``直接经济损失`` of a disaster: no victim's money lost)."""
    lex = case_words()
    for outcome, cues in lex.outcome:
        if outcome == "loss":
            if any(w in text for w in lex.taking_words):
                return outcome
            if category == "not_fraud":
                continue
        if any(cue in text for cue in cues):
            return outcome
    return "other"


def _role(
    fact: Fact, clause_left: str, right: str, outcome: str, category: str = "other_fraud"
) -> str:
    roles = case_words().roles
    verb = fact.action or ""
    after = right.lstrip(" \u3000")
    after = after[1:] if after[:1] in ("被", "遭") else after
    transfer = category not in roles["transfer_not_loss"] and (
        any(w in verb for w in roles["transfers"])
        or any(w in clause_left and w + "的" not in clause_left for w in roles["transfers"])
        or word_at(after, 0, roles["transfers"]) is not None  # 1万元被转走
    )  # 转账8万元后发现被骗: the victim's money sent to the fraudsters (not 转账的25万元, a
    # description of the money)
    role_words = [w for name in ("recovered", "frozen", "returned", "loss") for w in roles[name]]
    if not any(w in verb for w in role_words):
        verb = _verb_right_after(right) or verb  # 违法所得2104万元予以追缴: the verb after it
    subject = fact.subject or ""
    role = "other"
    if any(w in verb for w in roles["profit"]):
        role = "other"  # 獲利超過100萬: the fraudster's gain, not the victim's loss
    elif any(w in verb for w in roles["recovered"]):
        role = "recovered"
    elif any(w in verb for w in roles["frozen"]):
        role = "frozen"
    elif any(w in verb for w in roles["returned"]):
        role = "returned"
    elif any(w in clause_left or w in verb for w in roles["attempted"]):
        role = "attempted"
    elif (
        any(w in verb for w in roles["loss"])
        or any(w in clause_left for w in roles["loss"])
        or transfer
        or (
            subject not in attach().fines  # 犯抢劫、强奸…罪…并处罚金二万七千元: a fine
            and any(
                w in verb or (w in clause_left and not _names_crime(clause_left, w))
                for w in roles["taken"]
            )
        )
        or (
            category not in (*roles["transfer_not_loss"], "not_fraud")
            and any(w in verb for w in roles["paid_in_fraud"])
        )
    ):
        role = "loss"
    elif any(w in subject or right.startswith(w) for w in roles["aid_nouns"]) or any(
        w in right[:8] for w in roles["aid_nouns"]
    ):
        role = "aid"
    elif (
        any(w in subject for w in roles["involved_nouns"])
        or subject.startswith(tuple(roles["involved_prefixes"]))
        or verb.startswith(tuple(roles["involved_prefixes"]))
    ):  # 涉案价值, 涉及款額為四萬元: 涉案/涉及 before any money is the sum the case involves
        role = "involved"
    elif any(w in subject for w in roles["cost_nouns"]):
        role = "cost"
    if outcome == "prevented" and role in ("loss", "other"):
        role = "attempted"  # the money the victim was about to lose
    return role


def _names_crime(text: str, word: str) -> bool:
    """Is every ``word`` in ``text`` the name of a crime or a case (``盗窃罪``, ``盗窃案值``)
    rather than the act?"""
    return re.search(re.escape(word) + "(?![罪案])", text) is None


def _verb_right_after(right: str) -> str:
    """The role verb written right after an amount that has no verb before it
    (``违法所得2104万元予以追缴``, ``其中600万元未遂``), else ````."""
    lex = case_words()
    rest = right.lstrip(" \u3000")
    aux = word_at(rest, 0, lex.role_verb_prefixes)
    at = len(aux) if aux else 0
    for name in ("recovered", "frozen", "returned", "attempted", "loss"):
        if word := word_at(rest, at, lex.roles[name]):
            return word
    return ""


def _amounts(
    units: list[_Unit], facts: list[Fact], outcome: str, repaired: RepairedText, category: str
) -> list[Amount]:
    amounts = []
    starts = [u.span[0] for u in units]  # units are in order and do not overlap
    for fact in facts:
        if fact.kind != "money" or not isinstance(fact.value, Decimal):
            continue
        k = bisect_right(starts, fact.span[0]) - 1
        unit = units[k] if k >= 0 and fact.span[0] < units[k].span[1] else None
        if unit is None:
            continue
        # a bounded window of the sentence (CLAUSE_REACH each side): linear on a text without
        # punctuation, and wider than any clause of the corpus
        left = surface(
            repaired.original[max(unit.span[0], fact.span[0] - CLAUSE_REACH) : fact.span[0]]
        )
        clause_left = re.split(r"[，,；;：:]", left)[-1]
        right = surface(
            repaired.original[fact.span[1] : min(unit.span[1], fact.span[1] + CLAUSE_REACH)]
        )
        role = _role(fact, clause_left, right, outcome, category)
        if role == "other":  # 被骗3700元…为他追回了被骗的3700元: the same money again
            role = next(
                (a.role for a in amounts if a.value == fact.value and a.role != "other"), role
            )
        amounts.append(Amount(role=role, value=fact.value, qualifier=fact.qualifier))  # type: ignore[arg-type]
    return amounts


def _build(
    units: list[_Unit], title: str | None, facts: list[Fact], repaired: RepairedText
) -> Case:
    span = (units[0].span[0], units[-1].span[1])
    inside = [f for f in facts if span[0] <= f.span[0] and f.span[1] <= span[1]]
    text = "".join(u.text for u in units)
    orgs = find_orgs(text)
    victims = _victims(text, _harmed(inside))
    suspects = _suspects(text, victims)
    category = _category(text)
    outcome = _outcome(text, category)
    return Case(
        span=span,
        title=title,
        date=_first_date(units, inside),
        agency=orgs[0][1] if orgs else None,
        # a person the case marks as its suspect (锁定嫌疑人为…郭某, 被告人叶磊) is not its victim
        victims=[v for v in victims if v not in suspects],
        suspects=list(suspects),
        suspect_count=_suspect_count(inside, text, repaired),
        category=category,
        outcome=outcome,
        amounts=_amounts(units, inside, outcome, repaired, category),
    )


def find_cases(repaired: RepairedText, article: ArticleLayout, facts: list[Fact]) -> list[Case]:
    """The cases of one article, in order."""
    lex = case_words()
    units = _units(repaired, article)
    sentences = [u for u in units if u.kind == "sentence"]
    if not sentences:
        return []
    body = "".join(u.text for u in sentences)
    told = _told_cases(units, article, facts)
    if len(told) > 2 and _summary_lead(told[0][0], facts) and _day_by_day(told[1:], facts):
        told = told[1:]  # 近日…连续破获3起…: a summary lead, then the incidents day by day
    elif len(body) <= lex.short_article_chars and not _several_incidents(told, facts):
        if _is_incident_article(body, facts):
            return [_build(sentences, None, facts, repaired)]  # a short article is one case
        return []
    return [_build(members, title, facts, repaired) for members, title in told]


def _several_incidents(told: list[tuple[list[_Unit], str | None]], facts: list[Fact]) -> bool:
    """Does a short article tell several incidents, each of another named victim (高先生 …
    无独有偶 … 李女士) or each an accident that happens on another day (``1月3日…仓库发生火灾``
    … ``1月20日…一民房发生火灾``), rather than one incident told in several steps (``1月16日晚,
    …发生一起交通事故`` … ``16日晚上7时30分左右,…``)?"""
    if len(told) < 2:
        return False
    if _day_by_day(told, facts):
        return True
    places = [_roundup_place(members[0], facts) for members, _ in told]
    if all(places) and len(set(places)) == len(places):
        return True  # a round-up: each incident at its own place, each with its harm
    nouns = case_words().victim_nouns  # 受害人, 被害人: roles, not people told apart
    named = [_victims("".join(u.text for u in members)) for members, _ in told]
    firsts = [names[0] for names in named if names and names[0] not in nouns]
    if len(set(firsts)) != len(firsts):
        return False  # the same person told of twice: one incident in steps
    # every incident names its own victim; in a round-up of three or more, one may leave its
    # victim unnamed (一位七旬老人 … 无独有偶, 吕某 … 田某)
    return len(firsts) == len(told) or (len(told) >= 3 and len(firsts) == len(told) - 1)


def _day_by_day(told: list[tuple[list[_Unit], str | None]], facts: list[Fact]) -> bool:
    """Does each told part happen on a day of its own, and is each an accident that happens
    (``1月3日…仓库发生火灾`` … ``1月20日…一民房发生火灾``) or a catch of its own people
    (``3月8日…将张某抓获`` … ``3月7日…将罗某抓获``)?"""
    days = [(_first_date(members, facts) or "")[8:10] for members, _ in told]
    if not all(day[:1].isdigit() for day in days) or len(set(days)) != len(days):
        return False
    return all(_tells_event(members[0].text) for members, _ in told) or _each_own_arrest(told)


def _summary_lead(members: list[_Unit], facts: list[Fact]) -> bool:
    """Is the part a lead that sums incidents up (``近日…连续破获3起非法捕捞水产品案``): no
    date of its own, and a count of cases in it?"""
    if _first_date(members, facts) is not None:
        return False
    start, end = members[0].span[0], members[-1].span[1]
    cases = case_words().case_units
    return any(f.kind == "count" and f.unit in cases and start <= f.span[0] < end for f in facts)


def _each_own_arrest(told: list[tuple[list[_Unit], str | None]]) -> bool:
    """Does every told part catch people of its own: an arrest verb in it, and named suspects
    (``张某``) that no other part names? Then parts on different days are incidents of their
    own, not one incident told day by day (``李某报警`` … ``抓获张某``: one part has no arrest)."""
    arrests = case_words().arrest_verbs
    named: list[set[str]] = []
    for members, _ in told:
        text = "".join(u.text for u in members)
        # 张某 (李某添 and 李某 the same person); not 季某, the victim who reported it
        names = {n[:2] for n in _suspects(text, _victims(text))}
        if not names or not any(v in text for v in arrests):
            return False
        named.append(names)
    return all(a.isdisjoint(b) for i, a in enumerate(named) for b in named[i + 1 :])


def _told_cases(
    units: list[_Unit], article: ArticleLayout, facts: list[Fact]
) -> list[tuple[list[_Unit], str | None]]:
    """The incidents an article tells, each its sentences (and subheading): a case starts at
    a sentence that opens with a time or an authority, names an actor and holds a case verb
    (SPEC §5)."""
    levels = {h.span: h.level for h in article.headings}
    date_starts = sorted(f.span[0] for f in facts if f.kind == "date" and f.value)
    done: list[tuple[list[_Unit], str | None]] = []
    current: list[_Unit] = []
    pending: list[_Unit] = []  # sentences after an unmarked subheading, not yet known to belong
    waiting = False
    title: str | None = None
    previous: _Unit | None = None
    places = _roundup_places(units, facts)

    def settle() -> None:
        """Join the pending section to the case when it tells the same incident."""
        nonlocal pending, current
        if pending and current and _same_incident(current, pending):
            current = current + pending
        pending = []

    def close() -> None:
        nonlocal current, waiting
        settle()
        if current:
            done.append((current, title))
        current, waiting = [], False

    for k, unit in enumerate(units):
        if unit.kind == "heading":
            if current and levels.get(unit.span, 0) == 0:
                settle()  # an unmarked subheading inside a story: the story may go on
                waiting = True
            else:
                close()
            previous = unit
            continue
        after_heading = previous is not None and previous.kind == "heading"
        if not any(is_han(ch) for ch in unit.text):
            starts = False  # ……, a line of dots: no incident starts there, whatever follows
        else:
            starts = _is_start(_with_lines_after(units, k), date_starts, after_heading, facts)
        if starts:
            if waiting and current and _same_incident(current, [unit]):
                settle()
                current.append(unit)  # the same incident, told on after a subheading
                waiting = False
            else:
                close()
                current = [unit]
                title = previous.text if after_heading and previous is not None else None
        elif k in places and not any(places[k] in u.text for u in current):
            close()  # 臨汾蒲縣…亦發生山泥傾瀉…4人遇難: a round-up's next incident
            current = [unit]
            title = None
        elif current and unit.text.lstrip().startswith(case_words().warning_openers):
            close()  # 警方提醒: the warning after the stories is no part of the last one
        elif current and waiting:
            pending.append(unit)
        elif current:
            current.append(unit)
        previous = unit
    close()
    return done


def _roundup_place(unit: _Unit, facts: list[Fact]) -> str | None:
    """The place a round-up's item opens with (after ``roundup_openers``: 另外, 此外), when
    the sentence tells harm (``臨汾蒲縣荊坡村一帶，周二亦發生山泥傾瀉…4人遇難`` → 臨汾), else
    None."""
    text = unit.text
    opener = word_at(text, 0, case_words().roundup_openers)
    at = len(opener) if opener else 0
    at += text[at : at + 1] in ("，", ",", "、")
    words = tagged(text[at : at + 8])
    if not words or words[0][1] != "ns" or len(words[0][0]) < 2:
        return None
    return words[0][0] if _tells_harm(unit, facts) else None


def _roundup_places(units: list[_Unit], facts: list[Fact]) -> dict[int, str]:
    """The sentences (by index) that open a round-up's items, with their places: sentences
    that open with a place and tell harm, when the article has them at two places or more."""
    people = attach().person_units
    counts = sorted(f.span[0] for f in facts if f.kind == "count" and f.unit in people)
    places = {}
    for k, unit in enumerate(units):
        if unit.kind != "sentence":
            continue
        at = bisect_left(counts, unit.span[0])
        if not (at < len(counts) and counts[at] < unit.span[1]) and not _tells_event(unit.text):
            continue  # no count of people and no event: no harm told (the cheap test first)
        if place := _roundup_place(unit, facts):
            places[k] = place
    return places if len(set(places.values())) >= 2 else {}


def _tells_harm(unit: _Unit, facts: Sequence[Fact]) -> bool:
    """An event happens in the sentence (``_tells_event``), or a count of people in it is
    harmed (``4人遇難``, ``三百多人被困``: a person unit, and a harm verb as its action or
    right after it)."""
    if _tells_event(unit.text):
        return True
    lex = case_words()
    start, end = unit.span
    for fact in facts:
        if fact.kind != "count" or not start <= fact.span[0] < end:
            continue
        if fact.unit not in attach().person_units:
            continue
        at = unit.text.find(fact.text)
        if fact.action in lex.harm_verbs or (
            at != -1 and word_at(unit.text, at + len(fact.text), lex.harm_verbs)
        ):
            return True
    return False


def _with_lines_after(units: list[_Unit], k: int) -> _Unit:
    """A sentence that is a line written one clause to a line (``2021 年 11 月`` /
    ``官渡区高先生`` / ``接到一个微信好友申请``: no sentence end) read on with the next such
    lines, up to ``cases.line_clauses`` of them, to tell whether an incident starts there."""
    unit = units[k]
    ends = layout().sentence_end
    if not unit.text or unit.text[-1] in ends:
        return unit
    text = unit.text
    for after in units[k + 1 : k + case_words().line_clauses]:
        if after.kind != "sentence" or not after.text or after.text[-1] in ends:
            break
        text += "，" + after.text
    return _Unit(unit.kind, unit.span, text)


def _same_incident(first: list[_Unit], second: list[_Unit]) -> bool:
    """Does ``second`` (after an unmarked subheading) go on telling the incident of ``first``?
    Yes when at least half of the people it names are named in ``first`` already; when it
    names nobody, when it names the same authority (本溪明山公安分局金山派出所 … 本溪金山派出所)."""
    a_text = "".join(u.text for u in first)
    b_text = "".join(u.text for u in second)
    b_names = {n for _, n in _mou_names(b_text)}
    if b_names:
        shared = b_names & {n for _, n in _mou_names(a_text)}
        return 2 * len(shared) >= len(b_names)
    for _, x in find_orgs(a_text):
        for _, y in find_orgs(b_text):
            if x[-5:] == y[-5:] or x.endswith(y) or y.endswith(x):
                return True
    return False
