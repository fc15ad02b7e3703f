"""Encoding detection (extractor/encoding.py): does it tell GB18030 from Big5 on real text,
and what does it cost?

Run:  python benchmarks/encodings.py [--repeat 20]

Every corpus/ article is saved again in the encoding a newsroom of its region would use —
traditional/ in Big5, the others in GB18030, whole and cut to its first line — and whole in
UTF-16-LE without a mark; each must decode to its own text with that encoding. Then the time
:func:`extractor.reading.decode` takes per file and per MB, UTF-8 (no detection) against
GB18030/Big5 (charset-normalizer asked), over the corpus and over a 1 MB file.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extractor.reading import ReadError, decode

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _cost(label: str, blobs: list[bytes], repeat: int) -> None:
    size = sum(len(b) for b in blobs)
    decode(blobs[0])
    start = time.perf_counter()
    for _ in range(repeat):
        for blob in blobs:
            decode(blob)
    took = (time.perf_counter() - start) / repeat
    print(
        f"| {label} | {len(blobs)} | {size / 1e3:,.0f} KB | {took / len(blobs) * 1e3:.2f} ms "
        f"| {size / took / 1e6:.1f} MB/s |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [(p, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*.txt"))]
    tried = wrong = 0
    for path, text in texts:
        regional = "big5" if path.parent.name == "traditional" else "gb18030"
        first = next(line for line in text.splitlines() if line.strip())
        for encoding, sample in ((regional, text), (regional, first), ("utf-16-le", text)):
            tried += 1
            try:
                right = decode(sample.encode(encoding)) == (sample, encoding)
            except ReadError:
                right = False
            if not right:
                wrong += 1
                print(f"wrong: {path.relative_to(CORPUS)} {encoding} {sample[:20]!r}")
    print(f"{tried - wrong} of {tried} decodings right (whole articles and first lines)\n")
    print("| bytes | files | size | per file | speed |\n|---|---:|---:|---:|---:|")
    _cost("UTF-8 (corpus)", [t.encode("utf-8") for _, t in texts], args.repeat)
    regional = [t.encode("big5" if p.parent.name == "traditional" else "gb18030") for p, t in texts]
    _cost("GB18030 / Big5 (corpus)", regional, args.repeat)
    big = texts[0][1] * 250
    _cost("UTF-8, one 1 MB file", [big.encode("utf-8")], max(1, args.repeat // 5))
    _cost("GB18030, one 1 MB file", [big.encode("gb18030")], max(1, args.repeat // 5))


if __name__ == "__main__":
    main()
