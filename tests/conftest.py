"""Shared fixtures: one spaCy pipeline per session (loading takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def read_corpus(name: str) -> str:
    from extractor.reading import read_source

    return read_source(CORPUS / name).text


@pytest.fixture(scope="session")
def nlp():
    import extractor

    return extractor.load()
