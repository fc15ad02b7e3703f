"""The Label Studio labelling config: which regions and per-region fields a task has.

A region is labelled with a fact kind (the ``kind`` labels), ``case`` or ``article``; each
region's fields are per-region controls (``perRegion``): a ``Choices`` where SPEC has an
enum, else a ``TextArea`` holding one value (lists one item per line). Control names are
SPEC's field names, except the two titles (``article_title``, ``case_title``). Everything
here is derived from the record models, so a new kind or enum value reaches the config.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from xml.sax.saxutils import quoteattr

from ..models import Basis, Category, Change, FactKind, Outcome, Qualifier, Role
from ..review.page import PALETTE

__all__ = [
    "ARTICLE_LABELS",
    "CASE_LABELS",
    "CONTROLS",
    "FACT_LABELS",
    "TEXT",
    "Control",
    "label_config",
]

TEXT = "text"
"""The ``Text`` tag (and the task's data key) holding the source text."""
FACT_LABELS = "kind"
CASE_LABELS = "case"
ARTICLE_LABELS = "article"
Owner = Literal["fact", "case", "article"]
Shape = Literal["text", "number", "integer", "lines", "amounts", "choice"]


@dataclass(frozen=True)
class Control:
    """A per-region field: its control's ``name``, the model ``field`` it fills, the region
    type that has it, and how its text is read (``shape``)."""

    name: str
    field: str
    owner: Owner
    shape: Shape
    choices: tuple[str, ...] = ()
    hint: str = ""


CONTROLS: tuple[Control, ...] = (
    Control("value", "value", "fact", "text", hint="number, or TIMEX3 for a date"),
    Control("high", "high", "fact", "number", hint="upper end of a range"),
    Control("unit", "unit", "fact", "text"),
    Control("qualifier", "qualifier", "fact", "choice", get_args(Qualifier)),
    Control("subject", "subject", "fact", "text"),
    Control("action", "action", "fact", "text"),
    Control("change", "change", "fact", "choice", get_args(Change)),
    Control("basis", "basis", "fact", "choice", get_args(Basis)),
    Control("case_title", "title", "case", "text"),
    Control("date", "date", "case", "text", hint="TIMEX3"),
    Control("agency", "agency", "case", "text"),
    Control("victims", "victims", "case", "lines", hint="one per line"),
    Control("suspects", "suspects", "case", "lines", hint="one per line"),
    Control("suspect_count", "suspect_count", "case", "integer"),
    Control("category", "category", "case", "choice", get_args(Category)),
    Control("outcome", "outcome", "case", "choice", get_args(Outcome)),
    Control(
        "amounts",
        "amounts",
        "case",
        "amounts",
        hint="one per line, role:value:qualifier; roles " + " ".join(get_args(Role)),
    ),
    Control("article_title", "title", "article", "text"),
)
"""Every per-region field, in the order the config shows them."""

_OWNER_LABELS = {"fact": FACT_LABELS, "case": CASE_LABELS, "article": ARTICLE_LABELS}


def _control(control: Control) -> str:
    common = f'name={quoteattr(control.name)} toName={quoteattr(TEXT)} perRegion="true"'
    if control.shape == "choice":
        options = "".join(f"<Choice value={quoteattr(c)}/>" for c in control.choices)
        return f'    <Choices {common} choice="single" showInline="true">{options}</Choices>'
    placeholder = control.name + (f" ({control.hint})" if control.hint else "")
    rows = "3" if control.shape in ("lines", "amounts") else "1"
    return (
        f'    <TextArea {common} editable="true" maxSubmissions="1" rows="{rows}" '
        f"placeholder={quoteattr(placeholder)}/>"
    )


def label_config() -> str:
    """The labelling config XML for tasks written by :func:`~.tasks.tasks`."""
    kinds = "".join(
        f"<Label value={quoteattr(k)} background={quoteattr(PALETTE[i % len(PALETTE)])}/>"
        for i, k in enumerate(get_args(FactKind))
    )
    lines = [
        "<View>",
        '  <Header value="$source"/>',
        f'  <Labels name="{FACT_LABELS}" toName="{TEXT}" choice="single">{kinds}</Labels>',
        f'  <Labels name="{CASE_LABELS}" toName="{TEXT}">'
        '<Label value="case" background="#5470c6"/></Labels>',
        f'  <Labels name="{ARTICLE_LABELS}" toName="{TEXT}">'
        '<Label value="article" background="#adb5bd"/></Labels>',
        f'  <Text name="{TEXT}" value="${TEXT}"/>',
    ]
    for owner in ("fact", "case", "article"):
        lines.append(f'  <View visibleWhen="region-selected" whenTagName="{_OWNER_LABELS[owner]}">')
        lines.append(f'    <Header value="{owner} fields"/>')
        lines += [_control(c) for c in CONTROLS if c.owner == owner]
        lines.append("  </View>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"
