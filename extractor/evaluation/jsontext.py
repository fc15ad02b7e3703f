"""JSON text → data for ``gold check`` and ``evaluate``, or one problem with its line and column.

Python's ``json`` raises on three inputs without saying where they are, or with a traceback:
an integer of more than 4,300 digits (``ValueError``), arrays or objects nested a thousand
levels deep (``RecursionError``) and the non-JSON constants ``NaN``/``Infinity`` (accepted
silently). :func:`parse_json` refuses all three with a :class:`JsonProblem` that locates
them, as it does malformed JSON.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MAX_INT_DIGITS",
    "NESTING_SHOWN",
    "JsonProblem",
    "parse_json",
    "printable",
    "validation_problems",
]

MAX_INT_DIGITS = 4300
"""The longest integer read (Python's own limit since 3.10.7, ``sys.get_int_max_str_digits``,
kept on every version): a longer one is a problem, not a traceback."""

NESTING_SHOWN = 100
"""Where a file nested too deeply for the parser is located: the first place past this depth
(a record nests 5 levels: document, articles, article, facts, fact, span)."""

# A JSON string (skipped whole: what is inside it is text) or one token we look for.
_STRING = r'"(?:[^"\\]|\\.)*"'
_BRACKETS = re.compile(_STRING + r"|[\[{]|[\]}]")
_CONSTANTS = re.compile(_STRING + r"|-?(?:NaN|Infinity)")
_LONG_INT = re.compile(_STRING + r"|-?\d{" + str(MAX_INT_DIGITS + 1) + r",}")


@dataclass(frozen=True)
class JsonProblem(Exception):
    """Why a JSON text cannot be read, and where (1-based line and column)."""

    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}:column {self.column}: {self.message}"


class _Constant(ValueError):
    pass


class _LongInteger(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Constant(name)


def _read_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _LongInteger(digits)
    return int(digits)


def _position(text: str, offset: int) -> tuple[int, int]:
    """``offset`` → (line, column), both from 1."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _first_outside_strings(pattern: re.Pattern[str], text: str) -> int:
    for match in pattern.finditer(text):
        if not match.group().startswith('"'):
            return match.start()
    return 0


def _too_deep(text: str) -> int:
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > NESTING_SHOWN:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def parse_json(text: str) -> Any:
    """The data of a JSON text; :class:`JsonProblem` if it is not JSON a record can be read
    from. Integers stay ``int``, fractions ``float`` (pydantic reads both into ``Decimal``).

    >>> parse_json('{"value": 1.5, "span": [0, 3]}')
    {'value': 1.5, 'span': [0, 3]}
    >>> parse_json('{"value": NaN}')
    Traceback (most recent call last):
    extractor.evaluation.jsontext.JsonProblem: line 1:column 11: NaN is not a JSON number
    >>> parse_json('{"a": 1,\\n "b": }')
    Traceback (most recent call last):
    extractor.evaluation.jsontext.JsonProblem: line 2:column 7: malformed JSON (Expecting value)
    """
    try:
        return json.loads(text, parse_int=_read_int, parse_constant=_refuse_constant)
    except json.JSONDecodeError as err:
        raise JsonProblem(err.lineno, err.colno, f"malformed JSON ({err.msg})") from None
    except _Constant as err:
        at = _position(text, _first_outside_strings(_CONSTANTS, text))
        raise JsonProblem(*at, f"{err} is not a JSON number") from None
    except _LongInteger as err:
        digits = len(str(err).lstrip("-"))
        at = _position(text, _first_outside_strings(_LONG_INT, text))
        message = f"an integer of {digits:,} digits (at most {MAX_INT_DIGITS:,} are read)"
        raise JsonProblem(*at, message) from None
    except RecursionError:
        at = _position(text, _too_deep(text))
        message = f"nested too deeply to read (more than {NESTING_SHOWN} levels here)"
        raise JsonProblem(*at, message) from None


# pydantic names the member of a union that failed after the field (``value.str``,
# ``value.decimal``); these tags are not fields of any record.
_UNION_TAGS = frozenset({"str", "decimal", "int", "float", "none", "bool"})


def _where(loc: tuple[int | str, ...]) -> str:
    """Pydantic's error location → ``article 2:facts[3].value`` (``document:…`` outside an
    article)."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "articles" and isinstance(parts[1], int):
        head, rest = f"article {parts[1] + 1}", parts[2:]
    else:
        head, rest = "document", parts
    field = ""
    for part in rest:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return f"{head}:{field or '-'}"


def validation_problems(errors: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """``(where, message)`` for each field of a pydantic ``ValidationError.errors()``; the
    members of a union that all failed are one problem, their messages joined; control
    characters in either (a key of the file, ``"ki\\nd"``) escaped, so that each is one line.

    >>> for where, message in validation_problems([
    ...     {"loc": ("articles", 0, "facts", 1, "value", "str"), "msg": "Input should be a valid string"},
    ...     {"loc": ("articles", 0, "facts", 1, "value", "decimal"), "msg": "Input should be a finite number"},
    ...     {"loc": ("source",), "msg": "Field required"},
    ... ]):
    ...     print(f"{where}: {message}")
    article 1:facts[1].value: Input should be a valid string; or Input should be a finite number
    document:source: Field required
    >>> validation_problems([{"loc": ("articles", 0, "facts", 8, "ki\\nd"), "msg": "Extra inputs"}])
    [('article 1:facts[8].ki\\\\nd', 'Extra inputs')]
    """
    merged: dict[str, list[str]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if loc and loc[-1] in _UNION_TAGS:
            loc = loc[:-1]
        merged.setdefault(_where(loc), []).append(str(error["msg"]))
    return [
        (_escaped(where), _escaped("; or ".join(messages))) for where, messages in merged.items()
    ]


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\x80-\x9f\u2028\u2029]")


def _escaped(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def printable(name: str) -> str:
    """A file name as one printable line: bytes that are not UTF-8 (kept by Python as
    surrogates) and control characters written as escapes.

    >>> printable(os.fsdecode(b"b\\xff.json")), printable("a\\nb.json")
    ('b\\\\xff.json', 'a\\\\nb.json')
    """
    try:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name decoding makes
        shown = name.encode("utf-8", "backslashreplace").decode("ascii")
    return _escaped(shown)
