"""The review page in a real browser (headless Chromium driven by Playwright): it loads with
no console error and no request beyond its own file, shows one highlight per fact of the
record at the record's offsets, shows a fact's fields on hover and focus, and steps through
the differences with the keyboard. A screenshot is kept as a test artefact.

The browser is the system's Chromium (Debian's ``chromium``; ``CHROMIUM`` names another
binary). Outside CI the test is skipped, saying why, when there is none; in CI (``CI`` set)
it fails instead: ``.ci/run`` installs Chromium when it is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, read_corpus

from extractor.batch import extract_text
from extractor.models import Document
from extractor.review.site import Reviewed, index_page, render_page

SOURCE = "000_cf4c8eff55ad11d1.txt"
ARTEFACTS = Path(os.environ.get("EXTRACTOR_ARTEFACTS", ROOT / "build" / "test-artefacts"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    return None


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs the browser test: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium; Playwright's ``launch`` gives it a fresh temporary profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install '.[test]')")
    executable = find_chromium()
    if executable is None:
        unavailable("no Chromium found (apt-get install chromium, or set CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


class Opened:
    """A page opened in the browser, with the console errors and requests it made."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")


@pytest.fixture(scope="module")
def record(nlp: Any) -> Document:
    return extract_text(nlp, read_corpus(SOURCE), SOURCE)


def gold_of(source: str) -> Document:
    path = ROOT / "gold" / (source.removesuffix(".txt") + ".json")
    return Document.model_validate_json(path.read_text("utf-8"))


def write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


SHOWN_SPANS = """() => {
  // walk the source's text nodes (outside data-nosrc) and note each fact's characters
  const spans = {};
  let offset = 0;
  const walker = document.createTreeWalker(document.getElementById("source"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("[data-nosrc]")) continue;
    let el = node.parentElement.closest("[data-fact]");
    while (el) {
      const id = el.dataset.fact;
      (spans[id] = spans[id] || []).push([offset, offset + node.data.length]);
      el = el.parentElement.closest("[data-fact]");
    }
    offset += node.data.length;
  }
  return spans;
}"""


def merged(pieces: list[list[int]]) -> list[int]:
    start, end = pieces[0]
    for s, e in pieces[1:]:
        assert s == end, pieces
        end = e
    return [start, end]


def test_page_loads_clean_and_highlights_every_fact_at_its_span(
    browser: Any, record: Document, tmp_path: Path
) -> None:
    html = render_page(Reviewed(SOURCE, read_corpus(SOURCE), record, gold_of(SOURCE)))
    opened = Opened(browser, write(tmp_path, "review.html", html))
    assert opened.errors == []
    assert opened.requests == [(tmp_path / "review.html").as_uri()]  # nothing fetched
    facts = [f for a in record.articles for f in a.facts]
    page = opened.page
    highlighted = page.evaluate(
        "new Set([...document.querySelectorAll('[data-fact]')].map(e => e.dataset.fact)).size"
    )
    assert highlighted == len(facts) > 0
    text = page.evaluate(
        "[...document.getElementById('source').querySelectorAll('[data-nosrc]')]"
        ".forEach(e => e.remove()) || document.getElementById('source').textContent"
    )
    assert text == read_corpus(SOURCE)
    page.reload()
    spans = page.evaluate(SHOWN_SPANS)
    assert {k: merged(v) for k, v in spans.items()} == {
        f"p{n}": list(f.span) for n, f in enumerate(facts)
    }
    cases = sum(len(a.cases) for a in record.articles)
    assert page.locator(".case-card").count() == cases > 0


def test_hover_and_focus_show_the_fields(browser: Any, record: Document, tmp_path: Path) -> None:
    html = render_page(Reviewed(SOURCE, read_corpus(SOURCE), record, gold_of(SOURCE)))
    opened = Opened(browser, write(tmp_path, "review.html", html))
    page = opened.page
    facts = [f for a in record.articles for f in a.facts]
    case = next(c for a in record.articles for c in a.cases)
    n, fact = next(
        (n, f)
        for n, f in enumerate(facts)
        if f.kind == "money" and f.subject and case.span[0] <= f.span[0] < case.span[1]
    )
    page.locator(f"#p{n}").evaluate("e => e.scrollIntoView({block: 'center'})")
    tip = page.locator("#tip")
    assert not tip.is_visible()
    page.hover(f"#p{n}")
    tip.wait_for(state="visible")
    shown = tip.inner_text()
    for name in ("value", "high", "unit", "qualifier", "subject", "action", "change", "basis",
                 "resolved"):  # fmt: skip
        assert page.locator(f'#tip tr[data-field="{name}"]').count() == 1, name
    value = fact.model_dump(mode="json")["value"]
    assert fact.text in shown and str(value) in shown
    assert str(fact.unit) in shown and str(fact.subject) in shown
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "review.png"))
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    date = next(n for n, f in enumerate(facts) if f.kind == "date")
    page.focus(f"#p{date}")
    tip.wait_for(state="visible")
    assert facts[date].text in tip.inner_text()
    assert opened.errors == []


def test_keyboard_steps_through_the_differences(
    browser: Any, record: Document, tmp_path: Path
) -> None:
    # gold made from the record by hand: the first fact dropped (spurious), the second's
    # value changed (wrong), the third's subject changed (wrong subject), and a fact added
    # at the end of the first article (missed)
    gold = record.model_copy(deep=True)
    facts = gold.articles[0].facts
    changed = [f for f in facts if f.kind == "money"]
    first, second, third = changed[:3]
    second.value = second.value + 1
    third.subject = "完全不同的东西"
    end = gold.articles[0].span[1]
    facts.remove(first)
    facts.append(first.model_copy(update={"span": (end - 2, end), "kind": "count"}))
    html = render_page(Reviewed(SOURCE, read_corpus(SOURCE), record, gold))
    opened = Opened(browser, write(tmp_path, "diff.html", html))
    page = opened.page
    ids = page.evaluate(
        "JSON.parse(document.getElementById('review-data').textContent).differences"
    )
    assert len(ids) == 4
    statuses = []
    for _ in ids:
        page.keyboard.press("n")
        active = page.evaluate("document.activeElement.id")
        statuses.append(page.evaluate(f"document.getElementById('{active}').className"))
        assert page.locator(f"#{active}").evaluate("e => e.classList.contains('current')")
    status = [next(c for c in s.split() if c.startswith("s-")) for s in statuses]
    assert status == ["s-spurious", "s-wrong", "s-subject", "s-missed"]
    page.keyboard.press("n")  # round to the first
    assert page.evaluate("document.activeElement.id") == ids[0]
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == ids[-1]
    assert "difference 4 of 4" in page.inner_text("#diff-position")
    page.click('[data-diff="1"]')
    assert page.evaluate("document.activeElement.id") == ids[1]
    assert opened.errors == []


def test_index_page_loads_clean(browser: Any, record: Document, tmp_path: Path) -> None:
    item = Reviewed(SOURCE, read_corpus(SOURCE), record, gold_of(SOURCE))
    opened = Opened(browser, write(tmp_path, "index.html", index_page([item], tmp_path, True)))
    assert opened.errors == []
    assert opened.page.locator(f'a[href="{SOURCE.removesuffix(".txt")}.html"]').count() == 1
