"""``python -m tools.conformance``: run other projects' test cases through the extractor.

A development tool of this repository, not part of the installed package: the suites'
data live in ``tests/conformance/`` and the mapping of each suite to SPEC is written in its
README there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .runner import Counts, run_suites

SUITES = Path(__file__).resolve().parents[2] / "tests" / "conformance"
"""The suites' data in this repository (found from the tool's own place, not the working
folder, so the tool runs from anywhere: ``PYTHONPATH=REPO python -m tools.conformance``)."""


@click.command()
@click.argument(
    "root",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--suite", "suites", multiple=True, help="Run only this suite (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--failures", is_flag=True, help="Also list every unexpected failure with what differed."
)
@click.option(
    "--groups",
    is_flag=True,
    help="Also one row per group of cases (a Recognizers-Text model, a JioNLP case file).",
)
def conformance(
    root: Path | None, suites: tuple[str, ...], as_json: bool, failures: bool, groups: bool
) -> None:
    """Run other projects' test cases (ROOT, default this repository's tests/conformance,
    wherever the tool is run from) through the extractor.

    Per suite: cases, in scope, passed, expected differences (listed with a reason in
    ROOT/<suite>/expected_differences.json), unexpected failures, pass rate (passed / in
    scope) and pass rate excluding the expected differences (passed / (in scope - expected
    differences)). Exits 1 on any unexpected failure or on a listed difference that now
    passes.

    \b
    Examples:
      python -m tools.conformance
      python -m tools.conformance --suite cn2an --failures
      python -m tools.conformance --groups
    """
    if root is None:
        if not SUITES.is_dir():
            raise click.UsageError(
                f"the conformance suites are not at {SUITES} (the tests/conformance folder of "
                "the repository this tool belongs to); give their folder as ROOT"
            )
        root = SUITES
    reports = run_suites(root, list(suites) or None)
    if as_json:
        click.echo(json.dumps({r.name: r.to_dict() for r in reports}, ensure_ascii=False, indent=2))
    else:
        header = [
            "suite",
            "cases",
            "in scope",
            "passed",
            "expected diff",
            "failures",
            "pass rate",
            "excl. diff",
        ]
        rows = [_counts_row(r.name, r) for r in reports]
        if groups:
            rows += [
                _counts_row(f"{r.name}/{name}", g)
                for r in reports
                if len(r.groups) > 1
                for name, g in r.groups.items()
                if g.in_scope
            ]
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
        for i, row in enumerate([header, *rows]):
            cells = [
                str(c).ljust(w) if j == 0 else str(c).rjust(w)
                for j, (c, w) in enumerate(zip(row, widths, strict=True))
            ]
            click.echo("  ".join(cells))
            if i == 0:
                click.echo("  ".join("-" * w for w in widths))
        for r in reports:
            if r.out_of_scope_reasons:
                reasons = "; ".join(
                    f"{n} {why}" for why, n in sorted(r.out_of_scope_reasons.items())
                )
                click.echo(f"{r.name} out of scope: {reasons}")
    bad = False
    for r in reports:
        for stale in r.stale:
            bad = True
            click.echo(
                f"{r.name}: {stale}: listed as an expected difference but passes (or is gone)",
                err=True,
            )
        for failure in r.failures:
            bad = True
            if failures:
                click.echo(f"{r.name}: {failure.case_id}: {failure.detail}", err=True)
        if r.failures and not failures:
            click.echo(
                f"{r.name}: {len(r.failures)} unexpected failure(s) (see --failures)", err=True
            )
    if bad:
        sys.exit(1)


def _counts_row(name: str, counts: Counts) -> list[object]:
    """One row of the conformance table."""
    return [
        name,
        counts.cases,
        counts.in_scope,
        counts.passed,
        counts.expected,
        counts.failure_count,
        f"{counts.pass_rate:.1%}",
        f"{counts.settled_rate:.1%}",
    ]


if __name__ == "__main__":  # pragma: no cover
    conformance()
