"""CLI: extractor render (one page, a folder with its index, --gold, --pred, usage errors)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT
from review_html import read_page

from extractor.cli import cli

GOLD = ROOT / "gold"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A small corpus: two files at the top, one in a sub-folder, and their gold."""
    corpus = tmp_path / "corpus"
    (corpus / "police").mkdir(parents=True)
    (tmp_path / "gold" / "police").mkdir(parents=True)
    for name in ("d01", "d02", "police/po01"):
        shutil.copy(CORPUS / f"{name}.txt", corpus / f"{name}.txt")
        shutil.copy(GOLD / f"{name}.json", tmp_path / "gold" / f"{name}.json")
    return tmp_path


def stored(source: str) -> dict:
    for line in (ROOT / "tests" / "regression" / "expected.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == f"corpus/{source}":
            return {**row["record"], "source": source}
    raise KeyError(source)


def test_one_file_with_gold(runner: CliRunner, pages: Path) -> None:
    out = pages / "review.html"
    result = runner.invoke(
        cli,
        [
            "render",
            str(pages / "corpus" / "d01.txt"),
            "-o",
            str(out),
            "--gold",
            str(pages / "gold"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{out}: 1 page" in result.output
    html = out.read_text("utf-8")
    shown = read_page(html)
    assert shown.text == (CORPUS / "d01.txt").read_text("utf-8")
    extracted = json.loads(runner.invoke(cli, ["extract", "-q", str(CORPUS / "d01.txt")]).output)
    assert len(shown.facts) == sum(len(a["facts"]) for a in extracted["articles"])
    assert "scores against gold" in html and "Differences (" in html


def test_folder_gives_an_index_and_a_page_per_file(runner: CliRunner, pages: Path) -> None:
    records = pages / "out.jsonl"
    records.write_text(
        "".join(json.dumps(stored(s), ensure_ascii=False) + "\n" for s in ("d01.txt", "d02.txt")),
        encoding="utf-8",
    )
    out = pages / "review"
    result = runner.invoke(
        cli,
        ["render", str(pages / "corpus"), "-o", f"{out}/", "--pred", str(records),
         "--gold", str(pages / "gold")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{out / 'index.html'}: 3 pages" in result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert written == ["d01.html", "d02.html", "index.html", "police/po01.html"]
    index = (out / "index.html").read_text("utf-8")
    for page in ("d01.html", "d02.html", "police/po01.html"):
        assert f'href="{page}"' in index
    sub = (out / "police" / "po01.html").read_text("utf-8")
    assert 'href="../index.html"' in sub
    assert "no record of this source in the predictions" in sub  # not in out.jsonl
    d01 = read_page((out / "d01.html").read_text("utf-8"))
    assert len(d01.facts) == sum(len(a["facts"]) for a in stored("d01.txt")["articles"])


def test_a_source_without_gold_file_is_drawn_with_a_note(runner: CliRunner, pages: Path) -> None:
    (pages / "gold" / "d02.json").unlink()
    out = pages / "review"
    result = runner.invoke(cli, ["render", str(pages / "corpus"), "-o", str(out), "--gold",
                                 str(pages / "gold")])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = (out / "d02.html").read_text("utf-8")
    assert "no gold file" in html and "Differences (" not in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["corpus/d01.txt", "corpus/d02.txt", "-o", "r.html"], "give -o a folder"),
        (["corpus", "-o", "r.html"], "a folder input makes a folder of pages"),
        (["corpus/d01.txt", "-o", "missing/r.html"], "missing does not exist"),
    ],
    ids=["two files, one page", "folder, one page", "missing folder"],
)
def test_usage_errors(runner: CliRunner, pages: Path, args: list[str], message: str) -> None:
    args = [str(pages / a) if a.startswith(("corpus", "missing")) else a for a in args]
    if args[-1] == "r.html":
        args[-1] = str(pages / "r.html")
    result = runner.invoke(cli, ["render", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_invalid_gold_is_refused(runner: CliRunner, pages: Path) -> None:
    (pages / "gold" / "d01.json").write_text('{"source": "d01.txt", "articles": 3}', "utf-8")
    result = runner.invoke(cli, ["render", str(pages / "corpus" / "d01.txt"), "-o",
                                 str(pages / "r.html"), "--gold", str(pages / "gold")])  # fmt: skip
    assert result.exit_code == 2
    assert "d01.json" in result.output and "invalid gold files" in result.output
    assert not (pages / "r.html").exists()
