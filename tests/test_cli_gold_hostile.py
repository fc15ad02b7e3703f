"""gold check and evaluate on hostile input (issue 16): each malformed file is one line naming
the file and the place in it, never a traceback, and evaluate scores nothing it cannot trust.

Lines and columns are counted by hand from the texts written below."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT, read_corpus

from extractor.cli import cli
from extractor.models import Document

GOLD = ROOT / "gold"
D05 = (GOLD / "d05.json").read_text(encoding="utf-8")
D05_CHARS = len(read_corpus("d05.txt"))

# The head of a gold file for d05.txt whose one fact's value is written on the next line.
HEAD = (
    '{"source": "d05.txt", "articles": [{"title": null, "span": [0, 1], "facts": '
    '[{"kind": "count", "text": "7辆", "span": [0, 2], "value":\n'
)


def _with_fact(**changes: object) -> str:
    data = json.loads(D05)
    data["articles"][0]["facts"][0].update(changes)
    return json.dumps(data, ensure_ascii=False)


# (id, gold files written over a copy of d05.json, the one line gold check prints)
# fmt: off
GOLD_CHECK = [
    ("4400-digit-value", {"d05.json": HEAD + "7" * 4400 + "}]}]}"},
     "d05.json:line 2:column 1: an integer of 4,400 digits (at most 4,300 are read)"),
    ("nested-100000", {"d05.json": '{"source": "d05.txt",\n"articles": ' + "[" * 100_000 + "]" * 100_000 + "}"},
     # line 2 opens with '"articles": ' (12 characters); "{" on line 1 is level 1, the 100th "[" level 101
     "d05.json:line 2:column 112: nested too deeply to read (more than 100 levels here)"),
    ("nan-value", {"d05.json": HEAD + "NaN}]}]}"},
     "d05.json:line 2:column 1: NaN is not a JSON number"),
    ("infinity-value", {"d05.json": HEAD.replace('"value":\n', '\n"value": Infinity}]}]}')},
     "d05.json:line 2:column 10: Infinity is not a JSON number"),
    ("float-overflow", {"d05.json": HEAD + "1e999}]}]}"},  # a float Python reads as inf
     "d05.json:article 1:facts[0].value: Input should be a valid string; or Input should be a finite number"),
    ("name-with-newline", {"c\nd.json": "{"},
     "c\\nd.json:line 1:column 2: malformed JSON (Expecting property name enclosed in double quotes)"),
    # found by benchmarks/fuzz.py: a key of the file is part of the location
    ("key-with-newline", {"d05.json": D05.replace('"unit": "名"', '"u\\nnit": "名"', 1)},
     "d05.json:article 1:facts[0].u\\nnit: Extra inputs are not permitted"),
    ("span-after-text", {"d05.json": _with_fact(span=[100_000, 100_003])},
     "d05.json:article 1:facts[0].span: [100000, 100003] ends after the text"),
]
# fmt: on


def _folders(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    shutil.copy(CORPUS / "d05.txt", corpus / "d05.txt")
    (gold / "d05.json").write_text(D05, encoding="utf-8")
    for name, text in files.items():
        (gold / name).write_text(text, encoding="utf-8")
    return corpus, gold


@pytest.mark.parametrize(
    ("files", "line"), [row[1:] for row in GOLD_CHECK], ids=[row[0] for row in GOLD_CHECK]
)
def test_gold_check_prints_one_located_line(tmp_path: Path, files: dict, line: str) -> None:
    corpus, gold = _folders(tmp_path, files)
    result = CliRunner().invoke(cli, ["gold", "check", str(gold), "--corpus", str(corpus)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, line + "\n", "1 problem(s)\n")


# (id, gold files written over a copy of d05.json, predictions, the message, after "Error: ")
# fmt: off
EVALUATE = [
    ("gold-4400-digits", {"d05.json": HEAD + "7" * 4400 + "}]}]}"}, None,
     "holds invalid gold files (run extractor gold check)"),
    ("gold-nested", {"d05.json": "[" * 100_000 + "]" * 100_000}, None,
     "holds invalid gold files (run extractor gold check)"),
    ("gold-span-after-text", {"d05.json": _with_fact(span=[100_000, 100_003])}, None,
     "holds invalid gold files (run extractor gold check)"),
    ("gold-two-files-one-source", {"e.json": D05}, None,
     "holds invalid gold files (run extractor gold check)"),
    ("pred-nan", {}, D05.replace('"value": 21,', '"value": NaN,', 1).replace("\n", " ") + "\n",
     "pred.jsonl:line 1:column {nan}: NaN is not a JSON number"),
    ("pred-duplicate", {}, json.dumps(json.loads(D05)) + "\n\n" + json.dumps(json.loads(D05)) + "\n",
     "pred.jsonl:line 3: a second document for source 'd05.txt' (first at line 1)"),
    ("pred-duplicate-array", {}, "[" + json.dumps(json.loads(D05)) + ", " + json.dumps(json.loads(D05)) + "]",
     "pred.jsonl:document 2: a second document for source 'd05.txt' (first at document 1)"),
    ("pred-empty", {}, "",
     "pred.jsonl: no document in the file (an empty prediction would score 0)"),
    ("pred-blank-lines", {}, "\n  \n\n",
     "pred.jsonl: no document in the file (an empty prediction would score 0)"),
    ("pred-empty-array", {}, "[]",
     "pred.jsonl: no document in the file (an empty prediction would score 0)"),
    ("pred-4400-digits", {}, '{"source": "d05.txt", "articles": []}\n{"source": "x", "n": ' + "5" * 4400 + "}\n",
     # line 2 opens with '{"source": "x", "n": ' (21 characters)
     "pred.jsonl:line 2:column 22: an integer of 4,400 digits (at most 4,300 are read)"),
    ("pred-nested", {}, "[" * 100_000 + "]" * 100_000,
     "pred.jsonl:line 1:column 101: nested too deeply to read (more than 100 levels here)"),
    ("pred-not-a-record", {}, '{"source": "d05.txt", "articles": [{"span": [0, 1]}]}\n',
     "pred.jsonl:line 1:article 1:title: Field required"),
]
# fmt: on


@pytest.mark.parametrize(
    ("files", "pred", "message"),
    [row[1:] for row in EVALUATE],
    ids=[row[0] for row in EVALUATE],
)
def test_evaluate_refuses_with_one_located_line(
    tmp_path: Path, files: dict, pred: str | None, message: str
) -> None:
    corpus, gold = _folders(tmp_path, files)
    args = ["evaluate", str(corpus), str(gold)]
    if pred is not None:
        (tmp_path / "pred.jsonl").write_text(pred, encoding="utf-8")
        args += ["--pred", str(tmp_path / "pred.jsonl")]
        # the column of NaN: where '"value": 21,' was, plus the 9 characters of '"value": '
        nan = D05.replace("\n", " ").index('"value": 21,') + 10
        message = str(tmp_path / message.format(nan=nan))
    else:
        message = f"{gold} {message}"
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"d05.json": HEAD + "7" * 4400 + "}]}]}"},
         "d05.json:line 2:column 1: an integer of 4,400 digits (at most 4,300 are read)"),
        ({"d05.json": _with_fact(span=[100_000, 100_003])},
         f"d05.json:article 1:facts[0].span: [100000, 100003] ends after the text ({D05_CHARS:,} characters)"),
        ({"e.json": D05}, "e.json:document:source: 'd05.txt' is also labelled by d05.json"),
    ],
    ids=["4400-digits", "span-after-text", "two-files-one-source"],
)  # fmt: skip
def test_evaluate_prints_the_gold_problem_before_refusing(
    tmp_path: Path, files: dict, problem: str
) -> None:
    corpus, gold = _folders(tmp_path, files)
    result = CliRunner().invoke(cli, ["evaluate", str(corpus), str(gold), "--json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == problem


def test_evaluate_reads_a_line_separator_inside_a_string(tmp_path: Path) -> None:
    """U+2028 is a line break to str.splitlines but not to JSONL: a title holding it (as
    extract writes it, unescaped) must not cut its record in two."""
    corpus, gold = _folders(tmp_path, {})
    document = Document.model_validate_json(D05)
    assert document.articles[0].title is not None
    document.articles[0].title += "\u2028"
    assert "\u2028" in document.to_json()
    pred = tmp_path / "pred.jsonl"
    pred.write_text(document.to_json() + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["evaluate", str(corpus), str(gold), "--pred", str(pred), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["facts"]["all"]["strict"]["f1"] == 1.0
    assert scores["articles"]["titles"]["f1"] == 0.0  # the title differs by its U+2028
