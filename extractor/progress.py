"""Progress of a batch on standard error: a bar (tqdm) on a terminal, a plain line every
``interval`` seconds otherwise, and one summary line at the end."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .models import Document

__all__ = ["Progress"]


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
        self.started = self.last = time.perf_counter()
        self.bar = None
        if not quiet and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=self.stream, dynamic_ncols=True)

    def update(self, document: Document, chars: int) -> None:
        """Count ``document`` (whose source had ``chars`` characters) and show progress."""
        self.files += 1
        self.failed += document.error is not None
        self.articles += len(document.articles)
        self.facts += sum(len(a.facts) for a in document.articles)
        self.cases += sum(len(a.cases) for a in document.articles)
        self.chars += chars
        if self.quiet:
            return
        now = time.perf_counter()
        if self.bar is not None:
            self.bar.set_postfix(
                articles=self.articles, facts=self.facts, chars_s=f"{self.rate(now):,.0f}"
            )
            self.bar.update(1)
        elif now - self.last >= self.interval:
            self.last = now
            self.stream.write(f"extractor: {self.files}/{self.total} files, {self._counts(now)}\n")
            self.stream.flush()

    def rate(self, now: float | None = None) -> float:
        elapsed = (now if now is not None else time.perf_counter()) - self.started
        return self.chars / elapsed if elapsed > 0 else 0.0

    def _counts(self, now: float) -> str:
        return (
            f"{self.articles:,} articles, {self.facts:,} facts, {self.cases:,} cases, "
            f"{now - self.started:.1f} s, {self.rate(now):,.0f} chars/s"
        )

    def summary(self) -> str:
        """``280 files (279 ok, 1 failed), 302 articles, … , 6.8 s, 235,112 chars/s``."""
        now = time.perf_counter()
        ok = self.files - self.failed
        return f"{self.files} files ({ok} ok, {self.failed} failed), {self._counts(now)}"

    def close(self) -> None:
        """End the bar and write the summary line (nothing with ``quiet``)."""
        if self.bar is not None:
            self.bar.close()
        if not self.quiet:
            self.stream.write(f"extractor: {self.summary()}\n")
            self.stream.flush()
