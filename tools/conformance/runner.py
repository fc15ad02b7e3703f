"""Running the conformance suites and totalling their results."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .results import CaseResult

__all__ = ["CaseResult", "Counts", "GroupCount", "SuiteReport", "group_of", "run_suites"]


@dataclass(kw_only=True)
class Counts:
    """Case counts and the rates derived from them, for a suite or a group of its cases."""

    cases: int = 0
    out_of_scope: int = 0
    passed: int = 0
    expected: int = 0  # failed, and listed in the expected-differences file with a reason

    @property
    def failure_count(self) -> int:
        raise NotImplementedError

    @property
    def in_scope(self) -> int:
        return self.cases - self.out_of_scope

    @property
    def pass_rate(self) -> float:
        return self.passed / self.in_scope if self.in_scope else 0.0

    @property
    def settled_rate(self) -> float:
        """Pass rate over the in-scope cases that are not listed expected differences: the
        cases where SPEC and the other project agree on the answer (issue 7's targets)."""
        settled = self.in_scope - self.expected
        return self.passed / settled if settled else 0.0

    def counts(self) -> dict:
        return {
            "cases": self.cases,
            "in_scope": self.in_scope,
            "passed": self.passed,
            "expected_differences": self.expected,
            "failures": self.failure_count,
            "pass_rate": round(self.pass_rate, 4),
            "pass_rate_excluding_expected": round(self.settled_rate, 4),
        }


@dataclass
class GroupCount(Counts):
    """Counts for one group of a suite (the part of a case id before ``:``, e.g. the
    Recognizers-Text model ``PercentModel`` or JioNLP's ``money_cases``)."""

    failures: int = 0

    @property
    def failure_count(self) -> int:
        return self.failures


def group_of(case_id: str) -> str:
    """``PercentModel:12`` → ``PercentModel``; an id with no ``:`` is in the group ``all``."""
    return case_id.split(":", 1)[0] if ":" in case_id else "all"


@dataclass
class SuiteReport(Counts):
    name: str
    failures: list[CaseResult] = field(default_factory=list)  # failed and not listed
    stale: list[str] = field(
        default_factory=list
    )  # listed but passing (or gone): the list is out of date
    out_of_scope_reasons: dict[str, int] = field(default_factory=dict)
    groups: dict[str, GroupCount] = field(default_factory=dict)

    @property
    def failure_count(self) -> int:
        return len(self.failures)

    def to_dict(self) -> dict:
        return {
            **self.counts(),
            "out_of_scope": self.out_of_scope_reasons,
            "stale_expected_differences": self.stale,
            "groups": {name: g.counts() for name, g in self.groups.items()},
        }


Suite = Callable[[Path], Iterator[CaseResult]]


def _suites() -> dict[str, Suite]:
    from .suites import SUITES

    return SUITES


def run_suites(root: Path, names: list[str] | None = None) -> list[SuiteReport]:
    """Run the suites whose data is under ``root`` (tests/conformance); ``names`` picks some.
    Each suite's known differences are in ``root/<suite>/expected_differences.json``:
    ``{case id: reason}``."""
    reports = []
    for name, suite in _suites().items():
        if names and name not in names:
            continue
        report = SuiteReport(name)
        expected_file = root / name / "expected_differences.json"
        listed: dict[str, str] = (
            json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else {}
        )
        seen = set()
        for result in suite(root / name):
            report.cases += 1
            group = report.groups.setdefault(group_of(result.case_id), GroupCount())
            group.cases += 1
            seen.add(result.case_id)
            if result.status == "out_of_scope":
                report.out_of_scope += 1
                group.out_of_scope += 1
                report.out_of_scope_reasons[result.detail] = (
                    report.out_of_scope_reasons.get(result.detail, 0) + 1
                )
            elif result.status == "passed":
                report.passed += 1
                group.passed += 1
                if result.case_id in listed:
                    report.stale.append(result.case_id)
            elif result.case_id in listed:
                report.expected += 1
                group.expected += 1
            else:
                report.failures.append(result)
                group.failures += 1
        report.stale += sorted(case_id for case_id in listed if case_id not in seen)
        reports.append(report)
    return reports
