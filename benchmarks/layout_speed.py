"""Speed of the pipeline (repair → segmentation → facts → cases) in one process, and why
the Doc is one token per character rather than jieba's words.

Run:  python benchmarks/layout_speed.py [--repeat 20]

Prints a Markdown table: chars/s of (a) spaCy blank zh with its ``char`` segmenter alone,
(b) the extractor's CharTokenizer alone, (c) spaCy with jieba as segmenter, (d) jieba.lcut
alone, (e) CharTokenizer + extractor_layout, (f) extractor.load() (layout, facts, cases),
all over corpus/ repeated; (g) extractor.load() over corpus/ once, on text it has not seen
(warmed up on the Recognizers-Text spec inputs instead, so no per-text cache holds corpus/
phrases); and the start-up wall time of ``extractor extract`` on an empty file (new
process, median of 5).
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


def _rate(fn, texts: list[str], warm_up: bool = True) -> float:
    if warm_up:
        fn(texts[0])  # dictionary loads happen here, not in the timing
    chars = sum(map(len, texts))
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return chars / (time.perf_counter() - start)


def _layout_only():
    import spacy

    from extractor.pipeline import components

    nlp = spacy.blank("zh")
    nlp.tokenizer = components.CharTokenizer(nlp.vocab)
    nlp.add_pipe("extractor_layout")
    return nlp


def _unseen_rate(nlp) -> float:
    """chars/s over corpus/ once, after a warm-up on unrelated text (the Recognizers-Text
    spec inputs): jieba's dictionary and the lexicon patterns are loaded, but no cache
    holds a phrase of corpus/."""
    import json

    specs = ROOT / "tests" / "conformance" / "recognizers-text" / "Specs"
    warm = [
        case["Input"] for path in specs.rglob("*.json") for case in json.loads(path.read_text())
    ]
    for i in range(0, len(warm), 20):
        nlp("\n".join(warm[i : i + 20]))
    return _rate(lambda text: nlp(text), _texts(1), warm_up=False)


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
    from extractor.pipeline.components import CharTokenizer

    rows = [
        ("extractor.load(), text not seen before (corpus/ once)", _unseen_rate(extractor.load())),
        ("spaCy blank zh, char segmenter", _rate(spacy.blank("zh"), texts)),
        ("extractor CharTokenizer alone", _rate(CharTokenizer(spacy.blank("zh").vocab), texts)),
        (
            "spaCy blank zh, jieba segmenter",
            _rate(spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}), texts),
        ),
        ("jieba.lcut alone", _rate(jieba.lcut, texts)),
        ("CharTokenizer + extractor_layout", _rate(_layout_only(), texts)),
        ("extractor.load() (layout + facts + cases)", _rate(extractor.load(), texts)),
    ]
    rows.append(rows.pop(0))  # measured first, while no cache holds corpus/; printed last
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"machine: {platform.machine()}, {python}")
    print(f"input: corpus/ x {args.repeat} = {sum(map(len, texts)):,} chars\n")
    print("| pipeline | chars/s |\n|---|---:|")
    for name, rate in rows:
        print(f"| {name} | {rate:,.0f} |")
    print(f"\nstart-up (`extractor extract empty.txt`, median of 5): {_startup():.2f} s")


if __name__ == "__main__":
    main()
