"""Throughput on hostile input against ordinary news, on the same run (issue 16).

    python benchmarks/pathological.py [--sizes 10000,100000,1000000] [--probes ones,yi,...]
                                      [--cap 120] [--json]

Every probe is a text of about N bytes of UTF-8 (10 KB, 100 KB, 1 MB by default) built by
repeating a pattern the issue names (a run of ``1``, of ``一``, ``1万`` × n, fullwidth
digits, an ASCII run under the e-mail mask, ``1`` + ``万`` × n, clause-less lines …), and
``news`` is corpus/*.txt concatenated to the same size. Each (probe, size) runs in a fresh
process: the record of the whole text is made (the pipeline, ``to_document``, the JSON of
the record), with spaCy's ``nlp.max_length`` raised *in this benchmark only* so that the
1 MB texts are read whole (the CLI's limit is not this benchmark's subject). A run that
takes longer than ``--cap`` seconds is stopped and reported as ``> cap``.

The table gives chars/s per probe and size, and the ratio ``news chars/s / probe chars/s``
at that size (``≤ 3`` is the issue's bar: no probe more than 3× slower than news).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _news(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    out: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            out.append(text + "\n\n")
            total += len((text + "\n\n").encode("utf-8"))
            if total >= size:
                break
    return "".join(out)


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return unit * max(1, size // len(unit.encode("utf-8")))

    return make


def _clauseless_line(size: int) -> str:
    """One long line: news with every clause and sentence mark taken out."""
    text = _news(size)
    for ch in "，,。；;！？!?：:\n、":
        text = text.replace(ch, "")
    return text


def _short_lines(size: int) -> str:
    """A page of short lines: news cut every 12 characters, no punctuation."""
    flat = _clauseless_line(size)
    return "\n".join(flat[i : i + 12] for i in range(0, len(flat), 12))


PROBES: dict[str, tuple[str, Callable[[int], str]]] = {
    "news": ("corpus/*.txt concatenated (the yardstick)", _news),
    "ones": ("a run of 1", _repeat("1")),
    "yi": ("a run of 一", _repeat("一")),
    "yi_wan": ("1万 × n", _repeat("1万")),
    "fullwidth": ("a run of fullwidth １", _repeat("１")),
    "ascii": ("a run of ASCII letters (e-mail mask)", _repeat("a")),
    "dotted_ascii": ("a.b.c… (e-mail mask)", _repeat("a.")),
    "at_ascii": ("a@b a@b … (e-mail mask)", _repeat("a@b")),
    "wan": ("1 then 万 × n (the numeral's recursion)", lambda n: "1" + _repeat("万")(n)),
    "fraction": ("三分之一 × n", _repeat("三分之一")),
    "fraction_chain": ("一分之 × n", _repeat("一分之")),
    "percent_words": ("百分之 × n", _repeat("百分之")),
    "thousands": ("1,000,… × n", lambda n: "1" + _repeat(",000")(n)),
    "digits_spaced": ("1 2 3 … (spaces inside numbers)", _repeat("1 ")),
    "money_run": ("100万元 × n", _repeat("100万元")),
    "clauseless_line": ("one long line: news without punctuation", _clauseless_line),
    "short_lines": ("a page of 12-character lines without punctuation", _short_lines),
    "names": ("张某 × n (case names)", _repeat("张某")),
    "orgs": ("市公安局 × n (authorities)", _repeat("市公安局")),
    "newlines": ("empty lines", _repeat("\n")),
}

RUNNER = """
import json, sys, time
import extractor
from extractor.batch import extract_text
sys.path.insert(0, {bench!r})
from pathological import PROBES
name, size = sys.argv[1], int(sys.argv[2])
text = PROBES[name][1](size)
nlp = extractor.load()
nlp.max_length = max(nlp.max_length, len(text) + 1)  # this benchmark only
extract_text(nlp, "预热：收入100万元，增长3%。", "warm-up")
start = time.perf_counter()
document = extract_text(nlp, text, name)
out = document.model_dump_json(exclude_none=True)
json.loads(out)
seconds = time.perf_counter() - start
print(json.dumps({{"chars": len(text), "seconds": seconds}}))
"""


def measure(name: str, size: int, cap: float) -> dict[str, float | None]:
    """chars and seconds of one probe at one size, in a fresh process (None past ``cap``)."""
    code = RUNNER.format(bench=str(Path(__file__).resolve().parent))
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, name, str(size)],
            capture_output=True,
            text=True,
            timeout=cap + 30,  # start-up and the warm-up are outside the measured time
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"chars": None, "seconds": None}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"chars": None, "seconds": None, "error": last}  # type: ignore[dict-item]
    result: dict[str, float | None] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--probes", default=",".join(PROBES))
    parser.add_argument("--cap", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--json", action="store_true", help="the results as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = ["news", *[n for n in args.probes.split(",") if n != "news"]]
    results: dict[str, dict[int, dict[str, float | None]]] = {}
    started = time.perf_counter()
    for name in names:
        results[name] = {}
        for size in sizes:
            results[name][size] = measure(name, size, args.cap)
            if not args.json:
                print(_row(name, results, sizes), end="\r", file=sys.stderr, flush=True)
        if not args.json:
            print(" " * 100, end="\r", file=sys.stderr)
    if args.json:
        print(json.dumps({n: {str(s): r for s, r in v.items()} for n, v in results.items()}))
        return
    head = " | ".join(f"{s // 1000:,} KB chars/s (×news)" for s in sizes)
    print(f"| probe | {head} |")
    print("|---|" + "---:|" * len(sizes))
    for name in names:
        print(_row(name, results, sizes))
    print(f"\n{time.perf_counter() - started:.0f} s in all; cap {args.cap:.0f} s per run")


def _speed(r: dict[str, float | None]) -> float | None:
    chars, seconds = r.get("chars"), r.get("seconds")
    if chars is None or seconds is None:
        return None
    return chars / max(seconds, 1e-6)


def _row(
    name: str, results: dict[str, dict[int, dict[str, float | None]]], sizes: list[int]
) -> str:
    cells = []
    for size in sizes:
        r = results[name].get(size)
        if r is None:
            cells.append("")
            continue
        speed, news = _speed(r), _speed(results["news"].get(size, {}))
        if speed is None:
            cells.append(str(r.get("error") or "> cap"))
        elif name == "news" or news is None:
            cells.append(f"{speed:,.0f}")
        else:
            cells.append(f"{speed:,.0f} ({news / speed:.1f})")
    return f"| `{name}` | " + " | ".join(cells) + " |"


if __name__ == "__main__":
    main()
