"""The command line, driven with click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extractor.cli import cli
from extractor.models import Document


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A small corpus: two seed pages, one nested dev file, one non-.txt file."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "000_cf4c8eff55ad11d1.txt", root / "a.txt")
    shutil.copy(CORPUS / "002_da3bf681ae66fdcd.txt", root / "b.txt")
    shutil.copy(CORPUS / "d05.txt", root / "sub" / "c.txt")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def _documents(jsonl: str) -> list[Document]:
    return [Document.model_validate_json(line) for line in jsonl.splitlines() if line.strip()]


def test_extract_folder_to_stdout(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(cli, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    documents = _documents(result.stdout)
    assert [d.source for d in documents] == ["a.txt", "b.txt", "sub/c.txt"]
    assert [len(d.articles) for d in documents] == [2, 3, 1]
    assert all(d.error is None for d in documents)


def test_whole_corpus_gives_one_valid_document_per_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    documents = _documents(out.read_text(encoding="utf-8"))
    expected = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt"))
    assert [d.source for d in documents] == expected
    assert "police/po01.txt" in expected  # the genre folders are searched too
    text = (CORPUS / "000_cf4c8eff55ad11d1.txt").read_text(encoding="utf-8")
    for article in documents[0].articles:
        start, end = article.span
        assert 0 <= start < end <= len(text)


def test_file_given_directly_is_named_by_its_file_name(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(cli, ["extract", str(folder / "sub" / "c.txt")])
    assert result.exit_code == 0
    assert [d.source for d in _documents(result.stdout)] == ["c.txt"]


def test_output_folder_mirrors_the_input_layout(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records"
    result = runner.invoke(cli, ["extract", str(folder), "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert files == ["a.json", "b.json", "sub/c.json"]
    record = json.loads((out / "sub" / "c.json").read_text(encoding="utf-8"))
    assert record["source"] == "sub/c.txt"
    assert (out / "a.json").read_text(encoding="utf-8").startswith("{\n  ")


def test_existing_folder_is_an_output_folder(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "existing"
    out.mkdir()
    result = runner.invoke(cli, ["extract", str(folder / "a.txt"), "-o", str(out)])
    assert result.exit_code == 0
    assert (out / "a.json").exists()


def test_json_format_is_one_array(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    result = runner.invoke(cli, ["extract", str(folder), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["source"] for r in records] == ["a.txt", "b.txt", "sub/c.txt"]


def test_a_folder_with_no_text_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    """Issue 16: an empty input exited 0 (an empty array, nothing said)."""
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["extract", str(tmp_path / "empty"), "--format", "json"])
    assert result.exit_code == 2
    assert "no *.txt file found in" in result.output


def test_binary_file_becomes_an_error_document(runner: CliRunner, folder: Path) -> None:
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(cli, ["extract", str(folder)])
    assert result.exit_code == 1
    documents = _documents(result.stdout)
    assert [d.source for d in documents] == ["a.txt", "b.txt", "broken.txt", "sub/c.txt"]
    broken = documents[2]
    assert broken.articles == [] and broken.error == "binary file (contains NUL bytes)"
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "extractor: broken.txt: binary file (contains NUL bytes)"
    # stderr is not a terminal here: no bar, one summary line at the end
    assert len(lines) == 2 and lines[1].startswith("extractor: 4 files (3 ok, 1 failed), ")
    quiet = runner.invoke(cli, ["extract", str(folder), "--quiet"])
    assert quiet.stderr.strip() == "extractor: broken.txt: binary file (contains NUL bytes)"
    assert all(d.error is None for d in documents if d.source != "broken.txt")


def test_empty_file_gives_a_document_with_no_articles(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(cli, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"source": "empty.txt", "encoding": "utf-8", "articles": []}


def test_gb18030_crlf_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "gb.txt").write_bytes("标题\r\n\r\n本报讯 正文。".encode("gb18030"))
    result = runner.invoke(cli, ["extract", str(tmp_path / "gb.txt")])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"][0]["title"] == "标题"


def test_segments_option_adds_paragraphs_and_sentences(runner: CliRunner, folder: Path) -> None:
    plain = json.loads(runner.invoke(cli, ["extract", str(folder / "a.txt")]).stdout)
    assert "sentences" not in plain["articles"][0]
    rich = json.loads(runner.invoke(cli, ["extract", str(folder / "a.txt"), "--segments"]).stdout)
    assert rich["articles"][0]["sentences"] and rich["articles"][0]["paragraphs"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/path"], "does not exist"),
        (["extract"], "Missing argument"),
        (["extract", "{in}", "-o", "{tmp}/missing/out.jsonl"], "does not exist"),
        (["extract", "{in}", "-o", "{tmp}/dir/", "--format", "jsonl"], "folder output"),
        (["extract", "{in}", "--format", "xml"], "Invalid value"),
        (["extract", "{in}", "-o", "{tmp}/dir/", "--format", "csv"], "folder output"),
        (["extract", "{in}", "--excel"], "--excel goes with"),
        (["extract", "{in}", "--jobs", "-1"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, folder: Path, tmp_path: Path, args, message: str
) -> None:
    args = [a.format(**{"in": folder, "tmp": tmp_path}) for a in args]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


def test_two_folders_sharing_relative_names_are_named_by_the_path_as_given(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("正文。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["extract", "x", "y/"])
    assert result.exit_code == 0, result.output
    assert [d.source for d in _documents(result.stdout)] == ["x/a.txt", "y/a.txt"]


def test_same_file_twice_is_processed_once(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(cli, ["extract", str(folder / "a.txt"), str(folder / "a.txt")])
    assert result.exit_code == 0
    assert len(_documents(result.stdout)) == 1


def test_schema_is_json_schema_of_a_document(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document"
    assert {"source", "articles", "error"} <= set(schema["properties"])
    fact = schema["$defs"]["Fact"]["properties"]
    assert {
        "kind",
        "text",
        "span",
        "value",
        "high",
        "unit",
        "qualifier",
        "subject",
        "action",
        "change",
        "basis",
    } <= set(fact)


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["--version"]).output.startswith("extractor, version ")
    for args in (["--help"], ["extract", "--help"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0
        assert "Examples:" in result.output
        assert "extractor extract corpus/ -o out.jsonl" in result.output


def _csv(text: str) -> list[dict[str, str]]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_fact_with_the_listed_columns(runner: CliRunner, folder: Path) -> None:
    from extractor.tables import FACT_COLUMNS

    documents = _documents(runner.invoke(cli, ["extract", str(folder)]).stdout)
    result = runner.invoke(cli, ["extract", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split(",") == list(FACT_COLUMNS)
    rows = _csv(result.stdout)
    assert len(rows) == sum(len(a.facts) for d in documents for a in d.articles)
    # the first fact of the 菏泽 page, read by hand: 破获电信网络诈骗案件1718起 at [14, 19)
    first = rows[0]
    assert first["source"] == "a.txt"
    assert first["article_title"] == "全市破获电信网络诈骗案件1718起"
    assert (first["kind"], first["text"], first["start"], first["end"]) == (
        "count",
        "1718起",
        "14",
        "19",
    )
    assert (first["value"], first["high"], first["unit"], first["qualifier"]) == (
        "1718",
        "",
        "起",
        "exact",
    )
    # 1500余万元: a plain decimal, never 1.5E+7
    money = next(r for r in rows if r["text"] == "1500余万元")
    assert (money["value"], money["unit"], money["qualifier"]) == ("15000000", "CNY", "over")


def test_cases_csv_has_one_row_per_case(runner: CliRunner, folder: Path) -> None:
    from extractor.tables import CASE_COLUMNS

    documents = _documents(runner.invoke(cli, ["extract", str(folder)]).stdout)
    result = runner.invoke(cli, ["extract", str(folder), "--format", "cases-csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split(",") == list(CASE_COLUMNS)
    rows = _csv(result.stdout)
    cases = [c for d in documents for a in d.articles for c in a.cases]
    assert len(rows) == len(cases) > 0
    for row, case in zip(rows, cases, strict=True):
        assert (row["start"], row["end"]) == (str(case.span[0]), str(case.span[1]))
        assert row["category"] == case.category and row["outcome"] == case.outcome
        assert row["amounts"].count(":") == 2 * len(case.amounts)


def test_excel_csv_starts_with_a_bom_and_error_documents_keep_a_row(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "facts.csv"
    result = runner.invoke(
        cli, ["extract", str(folder), "-o", str(out), "--format", "csv", "--excel"]
    )
    assert result.exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsource,")
    rows = _csv(raw.decode("utf-8-sig"))
    broken = [r for r in rows if r["source"] == "broken.txt"]
    assert len(broken) == 1 and broken[0]["error"] == "binary file (contains NUL bytes)"
    assert broken[0]["kind"] == "" and all(
        r["error"] == "" for r in rows if r["source"] != "broken.txt"
    )
    plain = runner.invoke(cli, ["extract", str(folder), "--format", "csv"]).stdout
    assert plain.startswith("source,")


def test_jobs_give_the_same_output_in_the_same_order(runner: CliRunner, folder: Path) -> None:
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    one = runner.invoke(cli, ["extract", str(folder), "--jobs", "1", "-q"])
    two = runner.invoke(cli, ["extract", str(folder), "--jobs", "2", "-q"])
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    assert [d.source for d in _documents(two.stdout)] == [
        "a.txt",
        "b.txt",
        "broken.txt",
        "sub/c.txt",
    ]
    assert two.stderr == one.stderr


def test_jobs_zero_means_every_core() -> None:
    import os

    from extractor.batch import resolve_jobs

    assert resolve_jobs(0) == len(os.sched_getaffinity(0))
    assert resolve_jobs(3) == 3
    with pytest.raises(ValueError):
        resolve_jobs(-1)


def test_a_file_over_max_bytes_becomes_an_error_document(runner: CliRunner, folder: Path) -> None:
    size = (folder / "a.txt").stat().st_size
    for jobs in ("1", "2"):
        result = runner.invoke(
            cli, ["extract", str(folder), "--max-bytes", str(size - 1), "-j", jobs, "-q"]
        )
        assert result.exit_code == 1
        documents = {d.source: d for d in _documents(result.stdout)}
        assert (
            documents["a.txt"].error
            == f"file too large ({size:,} bytes; the limit is {size - 1:,})"
        )
        assert documents["a.txt"].articles == []
        assert documents["sub/c.txt"].error is None  # smaller files are read


def test_a_dying_worker_gives_error_documents_not_a_hang(folder: Path) -> None:
    from dying_worker import die_on_b

    from extractor.batch import collect_inputs, process_parallel

    inputs = collect_inputs([folder])
    results = list(process_parallel(inputs, 2, task=die_on_b))
    assert [d.source for d, _ in results] == ["a.txt", "b.txt", "sub/c.txt"]
    b = results[1][0]
    assert b.error is not None and b.error.startswith("worker process died")
