"""The regression run: the extractor's output on every corpus file and every input of the
table tests and the conformance suites, one JSON line each.

``tests/test_regression.py`` compares a fresh run with ``expected.jsonl`` line by line, so a
refactoring that changes any output fails. When a change is meant to change the output,
regenerate the stored run on purpose, read the diff, and commit it with the change::

    python tests/regression/run.py --update
    git diff --stat tests/regression/expected.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).with_name("expected.jsonl")


def inputs() -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every input, in a fixed order: corpus files by path, then the
    ``input``/``Input`` of every row of ``tests/cases`` and ``tests/conformance``."""
    from extractor.reading import read_source

    corpus = ROOT / "corpus"
    for path in sorted(corpus.rglob("*.txt")):
        name = path.relative_to(corpus).as_posix()
        yield f"corpus/{name}", read_source(path, name).text
    tables = sorted((ROOT / "tests" / "cases").glob("*.jsonl"))
    tables += sorted((ROOT / "tests" / "conformance").rglob("*.jsonl"))
    for table in tables:
        label = table.relative_to(ROOT).as_posix()
        for number, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)  # a row's own id when it has one: stable under edits
                yield f"{label}:{row.get('id', number)}", str(row["input"])
    for spec in sorted((ROOT / "tests" / "conformance").rglob("Specs/**/*.json")):
        label = spec.relative_to(ROOT).as_posix()
        for number, case in enumerate(json.loads(spec.read_text(encoding="utf-8")), 1):
            yield f"{label}:{number}", str(case["Input"])


def run() -> Iterator[str]:
    """One JSON line per input: its id and the record the extractor gives it."""
    from extractor import extract_text

    for case_id, text in inputs():
        document = extract_text(text, source=case_id.rsplit("/", 1)[-1], segments=True)
        record = json.loads(document.to_json())
        yield json.dumps({"id": case_id, "record": record}, ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help=f"rewrite {EXPECTED.name}")
    args = parser.parse_args(argv)
    lines = list(run())
    if args.update:
        EXPECTED.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} lines to {EXPECTED}")
        return 0
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
