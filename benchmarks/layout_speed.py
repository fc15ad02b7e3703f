"""Speed of the pipeline (repair → segmentation → facts), and why the Doc is built with
spaCy's ``char`` segmenter rather than jieba.

Run:  python benchmarks/layout_speed.py [--repeat 20]

Prints a Markdown table: chars/s of (a) spaCy blank zh with the char segmenter alone,
(b) the same with jieba as segmenter, (c) jieba.lcut alone, (d) the char segmenter with
extractor_layout only, (e) extractor.load() (layout, facts, cases), over corpus/ repeated; and
the start-up wall time of
``extractor extract`` on an empty file (new process, median of 5).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(repeat: int) -> list[str]:
    from extractor.reading import read_source

    base = [read_source(p).text for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return base * repeat


def _rate(fn, texts: list[str]) -> float:
    fn(texts[0])  # warm up (dictionary loads happen here, not in the timing)
    chars = sum(map(len, texts))
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return chars / (time.perf_counter() - start)


def _layout_only():
    import spacy

    from extractor.pipeline import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("zh")
    nlp.add_pipe("extractor_layout")
    return nlp


def _startup() -> float:
    exe = Path(sys.executable).with_name("extractor")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("", encoding="utf-8")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([str(exe), "extract", str(empty)], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of corpus/ to process")
    args = parser.parse_args()
    texts = _texts(args.repeat)

    import jieba
    import spacy

    import extractor

    jieba.setLogLevel(60)
    rows = [
        ("spaCy blank zh, char segmenter", _rate(spacy.blank("zh"), texts)),
        (
            "spaCy blank zh, jieba segmenter",
            _rate(spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}), texts),
        ),
        ("jieba.lcut alone", _rate(jieba.lcut, texts)),
        ("char segmenter + extractor_layout", _rate(_layout_only(), texts)),
        ("extractor.load() (layout + facts + cases)", _rate(extractor.load(), texts)),
    ]
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"machine: {platform.machine()}, {python}")
    print(f"input: corpus/ x {args.repeat} = {sum(map(len, texts)):,} chars\n")
    print("| pipeline | chars/s |\n|---|---:|")
    for name, rate in rows:
        print(f"| {name} | {rate:,.0f} |")
    print(f"\nstart-up (`extractor extract empty.txt`, median of 5): {_startup():.2f} s")


if __name__ == "__main__":
    main()
