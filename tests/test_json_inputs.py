"""Reading JSON for gold check and evaluate (issue 16): every input Python's json refuses with
a traceback, or accepts though it is not JSON, is one problem with its line and column.

Columns are counted by hand from the texts below (1-based, as editors count them)."""

from __future__ import annotations

import pytest

from extractor.evaluation.jsontext import JsonProblem, parse_json, printable

DIGITS_4400 = "1" * 4400
DEEP = "[" * 100_000 + "]" * 100_000

# fmt: off
PROBLEMS = [
    # (text, line, column, message)
    pytest.param('{"a": 1,\n "b": }', 2, 7, "malformed JSON (Expecting value)", id="malformed"),
    pytest.param('{"value":\n' + DIGITS_4400 + "}", 2, 1,
                 "an integer of 4,400 digits (at most 4,300 are read)", id="4400-digit-int"),
    pytest.param('{"v": -' + "9" * 4301 + "}", 1, 7,
                 "an integer of 4,301 digits (at most 4,300 are read)", id="4301-digit-negative"),
    # a string of 4,400 digits is text, not a number: the integer after it is located
    pytest.param('{"t": "' + DIGITS_4400 + '", "v": ' + "2" * 4301 + "}", 1, 7 + 4400 + 8 + 1,
                 "an integer of 4,301 digits (at most 4,300 are read)", id="long-int-after-digit-string"),
    pytest.param('{"source": "d05.txt",\n "x": NaN}', 2, 7, "NaN is not a JSON number", id="nan"),
    pytest.param('{"t": "NaN", "v": NaN}', 1, 19, "NaN is not a JSON number", id="nan-after-nan-string"),
    pytest.param('[1,\n  -Infinity]', 2, 3, "-Infinity is not a JSON number", id="minus-infinity"),
    pytest.param('{"a":\n' + DEEP + "}", 2, 100,
                 "nested too deeply to read (more than 100 levels here)", id="nested-100000"),
    pytest.param('{"s": "[[[[", "a":\n' + DEEP + "}", 2, 100,
                 "nested too deeply to read (more than 100 levels here)", id="nested-brackets-in-string"),
]
# fmt: on


@pytest.mark.parametrize(("text", "line", "column", "message"), PROBLEMS)
def test_json_problem_is_located(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(JsonProblem) as caught:
        parse_json(text)
    assert (caught.value.line, caught.value.column, caught.value.message) == (
        line,
        column,
        message,
    )


def _nested(levels: int) -> list:
    data: list = []
    for _ in range(levels - 1):
        data = [data]
    return data


# fmt: off
READ = [
    ('{"value": ' + "1" * 4300 + "}", {"value": int("1" * 4300)}),  # the limit itself is read
    ('{"t": "NaN Infinity"}', {"t": "NaN Infinity"}),
    ('{"t": "\u2028"}', {"t": "\u2028"}),
    ("[" * 90 + "]" * 90, _nested(90)),  # deep, but the parser reads it: the models judge it
    ("1.5", 1.5),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "data"), READ, ids=["4300-digits", "words-in-string", "u2028", "nested-90", "float"]
)
def test_json_that_is_read(text: str, data: object) -> None:
    assert parse_json(text) == data


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("d05.json", "d05.json"),
        ("police/po01.json", "police/po01.json"),
        ("b\udcff.json", "b\\xff.json"),  # the byte 0xff of a name that is not UTF-8
        ("c\nd.json", "c\\nd.json"),
        ("e\x1bf.json", "e\\x1bf.json"),
        ("g\ud800.json", "g\\ud800.json"),  # a surrogate no file name decodes to
        ("中文.json", "中文.json"),
    ],
)
def test_printable_file_names(name: str, shown: str) -> None:
    assert printable(name) == shown
