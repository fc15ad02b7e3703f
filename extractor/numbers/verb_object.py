"""A subject read on through the fact's own verb keeps only the verb's object.

SPEC §3: the subject is the noun phrase that names what is counted or measured, without
verbs; the verb that governs the number is its ``action``. Where the subject written before
the number holds an agent, that verb and its object (``全国边检机关查验出入境人员529万人次``,
``省财政厅累计拨付保费补贴资金10.67亿元``, ``集團錄得營業額約為人民幣26.86億元``), the
number measures the object: the subject is what follows the verb (``出入境人员``,
``保费补贴资金``, ``營業額``).

The cut is made only where the verb is a word of its own inside the subject (the tagger's
reading), not at its start (``受傷司機``, a verb phrase or a noun the verb modifies), where
a noun follows it, and where the subject stands before the number: a subject read after the
number is the counted agent itself (``3名台湾制毒师来到平潭``).

>>> past_own_verb("全国边检机关查验出入境人员", "查验", True)
'出入境人员'
>>> past_own_verb("受傷司機", "受傷", True), past_own_verb("台湾制毒师来到平潭", "来到", False)
('受傷司機', '台湾制毒师来到平潭')
"""

from __future__ import annotations

from ..lexicons import attach
from .tagging import tagged

__all__ = ["past_own_verb"]

_OBJECT_TAGS = frozenset({"vn", "j", "l", "eng"})  # besides the noun tags (n…)


def past_own_verb(subject: str | None, action: str | None, before: bool) -> str | None:
    """``subject`` without the agent and verb before ``action``'s object, when ``before``
    (the subject is written before the number); else ``subject`` as it is."""
    if not before or not subject or not action or (at := subject.rfind(action)) <= 0:
        return subject
    start = 0
    for word, _ in tagged(subject):
        if start == at:
            if word != action:
                return subject  # 收款 inside 黑灰产商户收款 read as 商户 + 收款: no cut at 产
            break
        start += len(word)
    else:
        return subject
    rest = subject[at + len(action) :].lstrip("".join(attach().aspect_marks) + "的")
    if not any(tag.startswith("n") or tag in _OBJECT_TAGS for _, tag in tagged(rest)):
        return subject
    return rest
