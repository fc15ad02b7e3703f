"""Conformance: other projects' test cases, run through the extractor's public API.

Each suite module (``suites/``) reads its case files from ``tests/conformance/<suite>/``
(copied with their licence notices) and yields one :class:`CaseResult` per case; the runner
applies the expected-differences file and totals a :class:`SuiteReport` per suite. The
mapping from each project's output to ours is written down in tests/conformance/README.md.
"""
