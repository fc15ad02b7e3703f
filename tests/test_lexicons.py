"""The lexicon files: one schema each, one generic loader, errors that name the file and
key, and lexicons that belong to whoever loaded them (a pipeline), not to the process."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from extractor.lexicons import SCHEMAS, LexiconError, Lexicons, numbers, units, using
from extractor.numbers.numerals import parse_numeral

DATA = Path(str(resources.files("extractor.data")))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the package's data folder, to break or change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _edit(folder: Path, name: str, change: Callable[[str], str]) -> None:
    path = folder / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_every_file_of_the_package_loads() -> None:
    lexicons = Lexicons.package().load_all()
    assert {schema.FILE for schema in SCHEMAS} <= {p.name for p in DATA.iterdir()}
    assert lexicons.get(SCHEMAS[0]) is lexicons.get(SCHEMAS[0])  # read once


# (id, file, change, the error's start)
# fmt: off
BROKEN = [
    ("missing-key", "numbers.toml", lambda t: t.replace('decimal_point = ', 'point = '),
     "numbers.toml: marks.decimal_point: Field required"),
    ("unknown-key", "attach.toml", lambda t: t + '\nextra_words = ["x"]\n',
     "attach.toml: extra_words: Extra inputs are not permitted"),
    ("duplicate-word", "attach.toml", lambda t: t.replace('verbs = [', 'verbs = ["破获", "破获", ', 1),
     "attach.toml: verbs: Value error, has duplicate entries ['破获']"),
    ("bad-regex", "layout.toml", lambda t: re.sub(r'(?m)^list_item = .*$', 'list_item = "(["', t),
     "layout.toml: list_item: Value error, is not a valid regex"),
    ("time-unit", "units.toml", lambda t: t.replace('"天" = "day"', '"天" = "days"'),
     "units.toml: [time] units must be among duration's"),
    ("measure-symbol", "units.toml", lambda t: t.replace('"吨" = "t"', '"吨" = "ton"'),
     "units.toml: [measure] units must be among measure's"),
    ("currency-code", "units.toml", lambda t: t.replace('"美元" = "USD"', '"美元" = "usd"'),
     "units.toml: currency codes must be ISO 4217"),
    ("qualifier", "qualifiers.toml", lambda t: t.replace('= "nearly"', '= "almost"', 1),
     "qualifiers.toml: [before] has unknown qualifiers ['almost']"),
    ("stop-pattern", "exclusions.toml", lambda t: t.replace("'第\\s*{N}'", "'第'"),
     "exclusions.toml: patterns: Value error, pattern"),
    ("part-of-day", "dates.toml", lambda t: t.replace('= "TMO"', '= "MORNING"', 1),
     "dates.toml: part_of_day."),
    ("kind-twice", "kinds.toml", lambda t: t + '\n[[kind]]\nname = "money"\nvalue = "number"\nsubject = "noun"\nunits = "iso4217"\n',
     "kinds.toml: a kind is declared twice"),
    ("outcome-order", "cases.toml", lambda t: t.replace("[outcome]\n", "[outcome]\nother = [\"x\"]\n"),
     "cases.toml: [outcome] must list"),
    ("not-toml", "numbers.toml", lambda t: t + "\n[digits\n",
     "numbers.toml: not valid TOML"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "change", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_a_broken_file_is_named_with_its_key(folder: Path, name, change, message) -> None:
    _edit(folder, name, change)
    with pytest.raises(LexiconError) as error:
        Lexicons(folder).load_all()
    assert str(error.value).startswith(message), str(error.value)


def test_a_missing_file_is_an_error(folder: Path) -> None:
    (folder / "dates.toml").unlink()
    with pytest.raises(LexiconError, match=r"^dates.toml: cannot read"):
        Lexicons(folder).load_all()


def test_lexicons_and_what_is_derived_from_them_stay_apart(folder: Path) -> None:
    # another folder where 㐅 is a numeral 10: its numeral values never leak to the package's
    _edit(
        folder, "numbers.toml", lambda t: t.replace("[small_units]\n", '[small_units]\n"㐅" = 10\n')
    )
    other = Lexicons(folder)
    assert parse_numeral("三㐅") is None
    with using(other):
        assert parse_numeral("三㐅") == 30
        assert "㐅" in numbers().small_units
    assert parse_numeral("三㐅") is None
    assert "〸" not in numbers().small_units
    assert (
        units() is Lexicons.package().get(type(units()))
        or units().time == other.get(type(units())).time
    )


def test_every_category_of_the_cases_lexicon_is_a_spec_code() -> None:
    from typing import get_args

    from extractor.lexicons import cases
    from extractor.models import Category

    assert {code for code, _ in cases().categories} <= set(get_args(Category))
