"""Progress of a batch on standard error: a bar (tqdm) on a terminal, a plain line every
``interval`` seconds otherwise, and one summary line at the end. A long file tells how far
into it the run is (:meth:`Progress.within`), on the bar or in the same plain lines.

Facts are counted as ``extractor evaluate`` counts them: a date whose value is null (a
relative date such as ``今年``, listed by SPEC but not scored) is counted apart. The speed is
the steady one: characters per second after the first document, so that loading the pipeline
(start-up) does not weigh on it."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .models import Document

__all__ = ["Progress", "fact_counts"]


def fact_counts(document: Document) -> tuple[int, int]:
    """``(facts as scored, relative dates)``: date facts with a null value apart."""
    relative = total = 0
    for article in document.articles:
        total += len(article.facts)
        relative += sum(1 for f in article.facts if f.kind == "date" and f.value is None)
    return total - relative, relative


class Progress:
    """Counts files, articles, facts, cases and characters as documents are written."""

    def __init__(
        self,
        total: int,
        *,
        quiet: bool = False,
        stream: TextIO | None = None,
        interval: float = 10.0,
    ) -> None:
        self.total, self.quiet, self.interval = total, quiet, interval
        self.stream = stream if stream is not None else sys.stderr
        self.files = self.failed = self.articles = self.facts = self.cases = self.chars = 0
        self.relative_dates = 0
        self.started = self.last = time.perf_counter()
        self.first: float | None = None  # when the first document arrived: start-up is over
        self.first_chars = 0
        self.bar = None
        if not quiet and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=self.stream, dynamic_ncols=True)

    def update(self, document: Document, chars: int, now: float | None = None) -> None:
        """Count ``document`` (whose source had ``chars`` characters) and show progress."""
        now = time.perf_counter() if now is None else now
        if self.first is None:
            self.first, self.first_chars = now, chars
        self.files += 1
        self.failed += document.error is not None
        self.articles += len(document.articles)
        facts, relative = fact_counts(document)
        self.facts += facts
        self.relative_dates += relative
        self.cases += sum(len(a.cases) for a in document.articles)
        self.chars += chars
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.set_description_str("", refresh=False)
            self.bar.set_postfix_str(self._postfix(now), refresh=False)
            self.bar.update(1)
        elif now - self.last >= self.interval:
            self.last = now
            self.stream.write(f"extractor: {self.files}/{self.total} files, {self._counts(now)}\n")
            self.stream.flush()

    def within(self, source: str, done: int, total: int, now: float | None = None) -> None:
        """How far into ``source`` (``done`` of ``total`` characters) a long file is: shown as
        the bar's description, or a plain line when one is due (every ``interval``)."""
        now = time.perf_counter() if now is None else now
        if self.quiet or total <= 0:
            return
        share = min(done, total) / total
        if self.bar is not None:
            self.bar.set_description_str(f"{source} {share:.0%}", refresh=True)
        elif now - self.last >= self.interval:
            self.last = now
            self.stream.write(
                f"extractor: {self.files}/{self.total} files, inside {source}: "
                f"{min(done, total):,} of {total:,} characters ({share:.0%}), "
                f"{now - self.started:.1f} s\n"
            )
            self.stream.flush()

    def startup(self) -> float:
        """Seconds from the start to the first document (loading the pipeline included)."""
        return (self.first if self.first is not None else time.perf_counter()) - self.started

    def rate(self, now: float | None = None) -> float:
        """Characters per second after start-up: the documents after the first over the time
        since the first arrived (over the whole time while there is only one)."""
        now = time.perf_counter() if now is None else now
        if self.first is not None and self.files > 1 and now > self.first:
            return (self.chars - self.first_chars) / (now - self.first)
        elapsed = now - self.started
        return self.chars / elapsed if elapsed > 0 else 0.0

    def _postfix(self, now: float) -> str:
        """The bar's postfix, in a fixed order: ``340 articles, 10,240 facts, 400 cases,
        64,715 chars/s``."""
        return (
            f"{self.articles:,} articles, {self.facts:,} facts, {self.cases:,} cases, "
            f"{self.rate(now):,.0f} chars/s"
        )

    def _counts(self, now: float) -> str:
        return (
            f"{self.articles:,} articles, {self.facts:,} facts "
            f"(+{self.relative_dates:,} relative dates), {self.cases:,} cases, "
            f"{now - self.started:.1f} s (start-up {self.startup():.1f} s), "
            f"{self.rate(now):,.0f} chars/s"
        )

    def summary(self, now: float | None = None) -> str:
        """``280 files (279 ok, 1 failed), 302 articles, 1,955 facts (+52 relative dates),
        41 cases, 6.8 s (start-up 1.9 s), 235,112 chars/s``."""
        now = time.perf_counter() if now is None else now
        ok = self.files - self.failed
        return f"{self.files} files ({ok} ok, {self.failed} failed), {self._counts(now)}"

    def close(self) -> None:
        """End the bar and write the summary line (nothing with ``quiet``)."""
        if self.bar is not None:
            self.bar.close()
        if not self.quiet:
            self.stream.write(f"extractor: {self.summary()}\n")
            self.stream.flush()
