"""The extractor's whole output against a stored run (``tests/regression/expected.jsonl``).

Every corpus file and every input of the table tests and the conformance suites is run
again and compared with the stored record, so a refactoring that changes any output fails
here, naming the inputs that changed. A change meant to change output regenerates the
stored run on purpose (``python tests/regression/run.py --update``) and commits the diff.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "regression_run", Path(__file__).parent / "regression" / "run.py"
)
assert _spec is not None and _spec.loader is not None
regression = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regression)


def _facts(record: dict) -> list[tuple]:
    return [
        (f["kind"], f["text"], f["span"][0], f.get("value"), f.get("subject"))
        for a in record["articles"]
        for f in a["facts"]
    ]


def test_output_is_the_stored_run() -> None:
    expected = {
        row["id"]: row["record"]
        for row in map(json.loads, regression.EXPECTED.read_text(encoding="utf-8").splitlines())
    }
    got = {row["id"]: row["record"] for row in map(json.loads, regression.run())}
    assert sorted(got) == sorted(expected), "the inputs changed: regenerate on purpose"
    changed = [case_id for case_id in expected if got[case_id] != expected[case_id]]
    report = []
    for case_id in changed[:5]:
        before, after = set(_facts(expected[case_id])), set(_facts(got[case_id]))
        report.append(f"{case_id}: -{sorted(before - after)} +{sorted(after - before)}")
    assert not changed, f"{len(changed)} inputs give other output:\n" + "\n".join(report)
