"""Other projects' test cases (tests/conformance): no unexpected failure, targets met.

Two suites are still being brought up to their targets (issue 7): their genuine extractor
gaps are listed in the issue's notes, not hidden as expected differences, and their checks
run as strict xfails, so a fix that makes them pass turns the xfail into a failure to update.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tools.conformance.__main__ import conformance
from tools.conformance.runner import run_suites

ROOT = Path(__file__).parent / "conformance"

# issue 7's targets: in-scope pass rate per suite, and per group of cases (a Recognizers-Text
# model, a JioNLP case file): 98% for numbers, money, percent and age, 90% for absolute dates.
# The rate leaves out the listed expected differences (cases where SPEC answers differently
# from the other project, which issue 7 puts out of scope); every one has a written reason.
TARGETS = {"cn2an": 0.98, "peer-issues": 0.98, "jionlp": 0.90, "recognizers-text": 0.90}
GROUP_TARGETS = {
    "cn2an/cn2an.cn2an": 0.98,
    "jionlp/money_cases": 0.98,
    "jionlp/money_extract_cases": 0.98,
    "jionlp/time_cases": 0.90,
    "jionlp/time_extract_cases": 0.90,
    "recognizers-text/NumberModel": 0.98,
    "recognizers-text/PercentModel": 0.98,
    "recognizers-text/CurrencyModel": 0.98,
    "recognizers-text/AgeModel": 0.98,
    "recognizers-text/DateExtractor": 0.90,
    "recognizers-text/DateTimeExtractor": 0.90,
}
# suites or groups that still have unexpected failures or miss their target, as strict xfails
# with the reason (empty: every suite and group passes)
IN_PROGRESS: dict[str, str] = {}


def _marks(name: str) -> list:
    reason = IN_PROGRESS.get(name)
    return [pytest.mark.xfail(strict=True, reason=f"issue 7: {reason}")] if reason else []


SUITES = [pytest.param(s, id=s) for s in sorted(TARGETS)]
SUITES_CLEAN = [pytest.param(s, id=s, marks=_marks(s)) for s in sorted(TARGETS)]
GROUPS = [pytest.param(g, id=g, marks=_marks(g)) for g in sorted(GROUP_TARGETS)]


@pytest.fixture(scope="module")
def reports():
    return {r.name: r for r in run_suites(ROOT)}


@pytest.mark.parametrize("suite", SUITES_CLEAN)
def test_every_in_scope_case_passes_or_is_an_expected_difference(reports, suite: str) -> None:
    report = reports[suite]
    assert [(f.case_id, f.detail) for f in report.failures] == []
    assert report.stale == [], f"expected differences that now pass: {report.stale}"


@pytest.mark.parametrize("suite", SUITES)
def test_pass_rate_targets(reports, suite: str) -> None:
    assert reports[suite].settled_rate >= TARGETS[suite]


@pytest.mark.parametrize("group", GROUPS)
def test_group_pass_rate_targets(reports, group: str) -> None:
    suite, name = group.split("/", 1)
    assert reports[suite].groups[name].settled_rate >= GROUP_TARGETS[group]


def test_group_counts_add_up_to_the_suite(reports) -> None:
    for report in reports.values():
        groups = report.groups.values()
        assert sum(g.cases for g in groups) == report.cases
        assert sum(g.passed for g in groups) == report.passed
        assert sum(g.expected for g in groups) == report.expected
        assert sum(g.failures for g in groups) == len(report.failures)
        assert sum(g.out_of_scope for g in groups) == report.out_of_scope


def test_group_of_case_ids() -> None:
    from tools.conformance.runner import group_of

    assert group_of("PercentModel:12") == "PercentModel"
    assert group_of("cn2an.cn2an:3") == "cn2an.cn2an"
    assert group_of("jionlp-74-2") == "all"


def test_conformance_command_groups() -> None:
    result = CliRunner().invoke(conformance, [str(ROOT), "--suite", "cn2an", "--groups"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    # cn2an.cn2an: 434 cases, 56 strict/normal-mode refusals out of scope; the an2cn and
    # transform groups have nothing in scope and get no row
    assert ["cn2an/cn2an.cn2an", "434", "378", "378", "0", "0", "100.0%", "100.0%"] in rows
    assert not any(row[0].startswith("cn2an/cn2an.an2cn") for row in rows)


def test_stale_expected_differences_are_reported_everywhere(reports) -> None:
    for report in reports.values():
        assert report.stale == [], f"{report.name}: {report.stale}"


def test_nothing_is_skipped_silently(reports) -> None:
    assert set(reports) == set(TARGETS)
    for report in reports.values():
        counted = report.passed + report.expected + len(report.failures) + report.out_of_scope
        assert counted == report.cases
        assert sum(report.out_of_scope_reasons.values()) == report.out_of_scope


def test_conformance_command() -> None:
    result = CliRunner().invoke(conformance, [str(ROOT), "--suite", "cn2an"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "suite",
        "cases",
        "in",
        "scope",
        "passed",
        "expected",
        "diff",
        "failures",
        "pass",
        "rate",
        "excl.",
        "diff",
    ]
    assert lines[2].split()[:4] == ["cn2an", "579", "378", "378"]
