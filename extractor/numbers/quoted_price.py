"""A price quoted after 報/报 is the price of what the clause names, not of 報.

Market reports give a share's, a contract's or a currency's level as ``X跌1%,報595.5元``,
``瑞幸股价报11.55美元/股``, ``主力合约0705开盘报1612元``: 報 says "is quoted at" and names
nothing. The subject of the price is the noun written before 報 in its clause, without the
words of the session that say when it was quoted (``开盘``, ``闭市``, ``最新``:
``attach.toml`` ``quote_times``); where the clause names nothing of its own (``,報317.8元``,
``收涨7.69%报14美元``), it is the subject of the fact before it in its paragraph (the
share's change: ``美團(03690.HK)升近4%``).

>>> quoted_price_subject("瑞幸股价报11.55美元", 5, "瑞幸股价报", None)
'瑞幸股价'
>>> quoted_price_subject("美團升近4%,報317.8元", 8, "報", "美團")
'美團'
"""

from __future__ import annotations

from ..affixes import spaces_before, word_ending_at
from ..lexicons import attach
from .tagging import PHRASE_NOUN_TAGS, tagged

__all__ = ["quoted_price_subject"]

_MARKS = "，,；;。:：()（）\n"


def quoted_price_subject(
    text: str, start: int, subject: str | None, previous: str | None
) -> str | None:
    """The subject of the price at ``start`` when 報/报 stands right before it (``previous``:
    the subject of the fact before it in its paragraph); else ``subject`` as it is."""
    lex = attach()
    at = spaces_before(text, start)
    if word_ending_at(text, at, lex.quote_words) is None:
        return subject
    own = (subject or "").strip()
    if (quote := word_ending_at(own, len(own), lex.quote_words)) is not None:
        own = own[: len(own) - len(quote)]
    while (time := word_ending_at(own, len(own), lex.quote_times)) is not None:
        own = own[: len(own) - len(time)].rstrip()
    own = own[max(own.rfind(mark) for mark in _MARKS) + 1 :].strip()
    if len(own) > 1 and any(tag in PHRASE_NOUN_TAGS for _, tag in tagged(own)):
        return own  # 瑞幸股价报: the noun before 报
    return previous  # ,報317.8元: what the clause before named
