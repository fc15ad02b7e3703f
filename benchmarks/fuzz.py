"""The fuzz properties of tests/test_fuzz.py run long (issue 16), with figures.

    python benchmarks/fuzz.py [--examples 2000] [--only unicode,numbers,articles,gold,pred]
                              [--seed N] [--json]

Each property runs under the ``fuzz-long`` profile of ``tests/fuzzing.py`` (random examples,
a 30 s deadline per example) for ``--examples`` examples: the API on arbitrary Unicode, on
generated number expressions and on mutated corpus articles (never raises, spans give their
text, ``value <= high``, the JSON written parses and reads back), and gold check and
evaluate's ``--pred`` reader on mutated gold files (never raises, one line per problem).
Prints, per property, the examples run, the time, the examples per second, the longest
input, and the first failure hypothesis found, shrunk (a failure is a row to add to
``ROWS`` in tests/test_fuzz.py). Exits 1 if any property failed.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import test_fuzz  # noqa: E402  (tests/: the properties themselves)
from fuzzing import STRATEGIES, mutated_gold  # noqa: E402
from hypothesis import given, seed, settings  # noqa: E402

PROPERTIES = {
    "unicode": (STRATEGIES["unicode"], test_fuzz._holds),
    "numbers": (STRATEGIES["numbers"], test_fuzz._holds),
    "articles": (STRATEGIES["articles"], test_fuzz._holds),
    "gold": (mutated_gold(), test_fuzz.test_gold_check_reads_any_mutated_gold_file.hypothesis.inner_test),
    "pred": (mutated_gold(), test_fuzz.test_evaluate_reads_any_mutated_prediction_file.hypothesis.inner_test),
}  # fmt: skip


def run(name: str, examples: int, chosen_seed: int | None) -> dict[str, object]:
    strategy, check = PROPERTIES[name]
    seen = {"examples": 0, "longest": 0}

    def counted(text: str) -> None:
        seen["examples"] += 1
        seen["longest"] = max(seen["longest"], len(text))
        check(text)

    test = settings(settings.get_profile("fuzz-long"), max_examples=examples)(
        given(strategy)(counted)
    )
    if chosen_seed is not None:
        test = seed(chosen_seed)(test)
    failure = None
    start = time.perf_counter()
    try:
        test()
    except Exception as err:  # hypothesis re-raises the shrunk example's error
        lines = traceback.format_exception_only(type(err), err)
        failure = " ".join(line.strip() for line in lines)[:500]
    seconds = time.perf_counter() - start
    return {
        "property": name,
        "examples": seen["examples"],
        "seconds": round(seconds, 1),
        "examples_per_s": round(seen["examples"] / seconds, 1) if seconds else 0,
        "longest_chars": seen["longest"],
        "failure": failure,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--only", default=",".join(PROPERTIES), help="properties to run")
    parser.add_argument("--seed", type=int, help="hypothesis seed (default: random)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    test_fuzz.extractor.extract_text("收缴赃款1500余万元。")  # load before timing
    rows = [run(name, args.examples, args.seed) for name in args.only.split(",")]
    if args.json:
        print(json.dumps({"python": platform.python_version(), "rows": rows}, indent=2))
    else:
        print(f"{'property':<10}{'examples':>10}{'seconds':>10}{'ex/s':>8}{'longest':>9}  failure")
        for r in rows:
            print(
                f"{r['property']:<10}{r['examples']:>10,}{r['seconds']:>10}"
                f"{r['examples_per_s']:>8}{r['longest_chars']:>9,}  {r['failure'] or '-'}"
            )
    return 1 if any(r["failure"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
