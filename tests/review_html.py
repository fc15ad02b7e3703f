"""Reading a review page back: the source text it shows and where each mark stands.

Written apart from the code that makes the page (``html.parser``), so the tests that use
it check the page, not the page's own bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr"})


@dataclass
class Shown:
    """What a page shows: ``text`` (the characters outside ``data-nosrc`` elements inside
    ``<main id="source">``), for every ``data-mark`` the offsets of its characters, and the
    ids of the predicted facts (``data-fact``), missed facts and cases found."""

    text: str = ""
    marks: dict[str, list[int]] = field(default_factory=dict)
    facts: set[str] = field(default_factory=set)
    missed: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)
    classes: dict[str, str] = field(default_factory=dict)
    case_cards: int = 0


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown = Shown()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.chars: list[str] = []
        self.in_source = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        if a.get("id") == "source":
            self.in_source = len(self.stack) + 1
        if self.in_source:
            mark = a.get("data-mark")
            if mark:
                self.shown.marks.setdefault(mark, [])
                self.shown.classes.setdefault(mark, a.get("class") or "")
                if "data-fact" in a:
                    self.shown.facts.add(mark)
                else:
                    self.shown.missed.add(mark)
            if a.get("data-case"):
                self.shown.cases.add(a["data-case"] or "")
            if "case-card" in (a.get("class") or ""):
                self.shown.case_cards += 1
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if self.in_source and len(self.stack) < self.in_source:
            self.in_source = 0

    def handle_data(self, data: str) -> None:
        if not self.in_source or any("data-nosrc" in a for _, a in self.stack):
            return
        for _, a in self.stack:
            mark = a.get("data-mark")
            if mark:
                start = len(self.chars)
                self.shown.marks[mark].extend(range(start, start + len(data)))
        self.chars.extend(data)


def read_page(html: str) -> Shown:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.shown.text = "".join(reader.chars)
    return reader.shown
