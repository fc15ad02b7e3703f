"""The analyst's workflow (issue 15): tables that sum in pandas and spreadsheets, the format
from the output name, standard input, sources that share relative names, the Python API, and
the data folders of evaluate, gold check and conformance. Driven with click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

import extractor
from extractor.cli import cli
from extractor.extras import MissingExtraError
from extractor.inputs import collect_inputs
from extractor.models import Amount, Article, Case, Document, Fact
from extractor.tables import CASE_COLUMNS, FACT_COLUMNS, ROLES, case_records, fact_records

# A page written for these tests. By hand: a date at [13, 22), 10万元 at [29, 33), 5万元 at
# [38, 41) in the lead; 10万元 again at [52, 56) in the body, the same subject and value
# (restated). Money: 100000 + 50000 + 100000 = 250000.
PAGE = "警方破获诈骗案\n\n本报讯 2020年7月6日，警方追回赃款10万元，冻结资金5万元。\n\n据介绍，追回赃款10万元已返还。\n"
MONEY_SUM = 250000


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The 菏泽 seed page, whose first case SPEC and the README give by hand."""
    root = tmp_path / "seed"
    root.mkdir()
    shutil.copy(CORPUS / "000_cf4c8eff55ad11d1.txt", root / "a.txt")
    return root


def _documents(jsonl: str) -> list[Document]:
    return [Document.model_validate_json(line) for line in jsonl.splitlines() if line.strip()]


# --- 1. tables -------------------------------------------------------------------------------


def test_fact_rows_split_numbers_from_timex_and_place_each_fact(
    runner: CliRunner, page: Path, tmp_path: Path
) -> None:
    out = tmp_path / "facts.csv"
    result = runner.invoke(cli, ["extract", str(page), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(FACT_COLUMNS)
    got = [
        (r["kind"], r["text"], r["start"], r["value"], r["timex"], r["position"], r["restated"])
        for r in rows
    ]
    assert got == [
        ("date", "2020年7月6日", "13", "", "2020-07-06", "lead", "false"),
        ("money", "10万元", "29", "100000", "", "lead", "false"),
        ("money", "5万元", "38", "50000", "", "lead", "false"),
        ("money", "10万元", "52", "100000", "", "body", "true"),
    ]
    assert rows[1]["sentence"] == "2020年7月6日，警方追回赃款10万元，冻结资金5万元。"
    assert rows[3]["sentence"] == "据介绍，追回赃款10万元已返还。"
    assert {r["article"] for r in rows} == {"0"}


def test_pandas_reads_the_facts_csv_with_a_numeric_value_that_sums(
    runner: CliRunner, page: Path, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "facts.csv"
    assert runner.invoke(cli, ["extract", str(page), "-o", str(out), "-q"]).exit_code == 0
    facts = pd.read_csv(out)
    assert facts["value"].dtype == "float64"
    assert facts.loc[facts["kind"] == "money", "value"].sum() == MONEY_SUM
    assert facts["restated"].tolist() == [False, False, False, True]
    assert facts["timex"].dropna().tolist() == ["2020-07-06"]


def test_cases_rows_have_one_column_per_role(runner: CliRunner, seed: Path) -> None:
    pd = pytest.importorskip("pandas")
    result = runner.invoke(cli, ["extract", str(seed), "--format", "cases-csv", "-q"])
    assert result.exit_code == 0, result.output
    cases = pd.read_csv(io.StringIO(result.stdout))
    assert list(cases.columns) == list(CASE_COLUMNS)
    # README/SPEC: the first case recovered 100余万, froze 200余万, involved 500余万
    first = cases.iloc[0]
    assert (first["recovered"], first["frozen"], first["involved"]) == (1e6, 2e6, 5e6)
    assert pd.isna(first["loss"]) and first["amounts"].startswith("recovered:1000000:over")
    # each role column sums to the page's amounts of that role
    documents = _documents(runner.invoke(cli, ["extract", str(seed), "-q"]).stdout)
    amounts = [m for d in documents for a in d.articles for c in a.cases for m in c.amounts]
    for role in ROLES:
        assert cases[role].sum() == float(sum(m.value for m in amounts if m.role == role))


def test_role_columns_sum_the_amounts_of_each_role() -> None:
    amounts = [
        Amount(role="loss", value=Decimal(100)),
        Amount(role="frozen", value=Decimal(7)),
        Amount(role="loss", value=Decimal("50.5")),
    ]
    case = Case(span=(0, 5), amounts=amounts)
    document = Document(source="x", articles=[Article(title="t", span=(0, 5), cases=[case])])
    (row,) = case_records(document)
    assert (row["loss"], row["frozen"], row["recovered"]) == (Decimal("150.5"), Decimal(7), None)
    assert (row["article"], row["case"]) == (0, 0)
    assert row["amounts"] == "loss:100:exact; frozen:7:exact; loss:50.5:exact"


def test_a_date_row_has_no_numeric_value() -> None:
    date = Fact(kind="date", text="7月6日", span=(0, 4), value="XXXX-07-06", resolved="2020-07-06")
    document = Document(source="x", articles=[Article(title=None, span=(0, 4), facts=[date])])
    (row,) = fact_records(document)
    assert (row["value"], row["timex"], row["resolved"]) == (None, "XXXX-07-06", "2020-07-06")
    assert (row["position"], row["sentence"], row["case"]) == (None, None, None)


def test_xlsx_has_three_sheets_with_numbers_as_numbers(
    runner: CliRunner, page: Path, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pd = pytest.importorskip("pandas")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "out.xlsx"
    result = runner.invoke(
        cli, ["extract", str(page), str(tmp_path / "broken.txt"), "-o", str(out)]
    )
    assert result.exit_code == 1  # the broken file; the workbook is still written
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Facts", "Cases", "Articles"]
    facts = book["Facts"]
    header = [c.value for c in facts[1]]
    assert header == list(FACT_COLUMNS)
    values = [row[header.index("value")] for row in facts.iter_rows(min_row=2, values_only=True)]
    assert values == [None, None, 100000, 50000, 100000]  # broken.txt's row, then the date
    sentences = [r[header.index("sentence")] for r in facts.iter_rows(min_row=2, values_only=True)]
    assert sentences[2] == "2020年7月6日，警方追回赃款10万元，冻结资金5万元。"
    frame = pd.read_excel(out, sheet_name="Facts")
    assert frame["value"].sum() == MONEY_SUM
    articles = pd.read_excel(out, sheet_name="Articles")
    assert articles["title"].tolist()[1] == "警方破获诈骗案"
    assert articles["error"].tolist()[0] == "binary file (contains NUL bytes)"


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from extractor.xlsx import XlsxWriter

    writer = XlsxWriter(tmp_path / "x.xlsx")
    writer.write(Document(source="=1+1\x07.txt", error="bad"))
    writer.close()
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Facts"]
    assert sheet["A2"].value == "=1+1.txt" and sheet["A2"].data_type == "s"


def test_xlsx_without_openpyxl_names_the_extra(
    runner: CliRunner, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = runner.invoke(cli, ["extract", str(page), "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 1
    assert "pip install 'extractor[xlsx]'" in result.output
    assert not (tmp_path / "out.xlsx").exists()


# --- 2. the format from the output name ----------------------------------------------------


def _kind_of(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"PK"):
        return "xlsx"
    text = data.decode("utf-8")
    if text.startswith("source,"):
        return "cases-csv" if ",category," in text.splitlines()[0] else "csv"
    if text.startswith("["):
        return "json"
    json.loads(text.splitlines()[0])
    return "jsonl"


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("out.csv", None, "csv"),
        ("out.CSV", None, "csv"),
        ("cases.csv", "cases-csv", "cases-csv"),
        ("out.json", None, "json"),
        ("out.jsonl", None, "jsonl"),
        ("out.ndjson", None, "jsonl"),
        ("out.xlsx", None, "xlsx"),
        ("out.txt", None, "jsonl"),
        ("out", None, "jsonl"),
        ("out.txt", "csv", "csv"),
    ],
)
def test_the_format_follows_the_output_name(
    runner: CliRunner, page: Path, tmp_path: Path, name: str, fmt: str | None, expected: str
) -> None:
    out = tmp_path / name
    args = ["extract", str(page), "-o", str(out), "-q", *(["--format", fmt] if fmt else [])]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert _kind_of(out) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/out.json", "--format", "csv"], "--format csv does not match"),
        (["-o", "{tmp}/out.csv", "--format", "jsonl"], "does not match"),
        (["-o", "{tmp}/out.jsonl", "--format", "json"], "does not match"),
        (["-o", "{tmp}/out.xlsx", "--format", "csv"], "does not match"),
        (["--format", "xlsx"], "give -o OUT.xlsx"),
        (["-o", "{tmp}/out.xlsx", "--excel"], "--excel goes with"),
        (["-o", "{tmp}/out.json", "--resume"], "--resume needs"),
        (["-o", "{tmp}/dir/", "--format", "xlsx"], "folder output"),
        (["--source-root", "{tmp}/elsewhere"], "is not inside --source-root"),
    ],
)
def test_contradictions_are_usage_errors(
    runner: CliRunner, page: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "elsewhere").mkdir()
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(cli, ["extract", str(page), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output


# --- 3. standard input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "options", "source", "error"),
    [
        (PAGE.encode("utf-8"), [], "-", None),
        (PAGE.encode("utf-8"), ["--source-name", "page.txt"], "page.txt", None),
        (PAGE.encode("gb18030"), [], "-", None),
        (b"\x00\x01", [], "-", "binary file (contains NUL bytes)"),
        (PAGE.encode("utf-8"), ["--max-bytes", "10"], "-", "file too large"),
    ],
    ids=["utf-8", "named", "gb18030", "binary", "too large"],
)
def test_standard_input(
    runner: CliRunner, data: bytes, options: list[str], source: str, error: str | None
) -> None:
    result = runner.invoke(cli, ["extract", "-", "-q", *options], input=data)
    assert result.exit_code == (1 if error else 0)
    (document,) = _documents(result.stdout)
    assert document.source == source
    if error:
        assert document.error is not None and document.error.startswith(error)
    else:
        facts = [f.text for a in document.articles for f in a.facts]
        assert facts == ["2020年7月6日", "10万元", "5万元", "10万元"]


def test_standard_input_to_a_csv_has_sentences(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--format", "csv", "-q"], input=PAGE)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[3]["sentence"] == "据介绍，追回赃款10万元已返还。" and rows[3]["source"] == "-"


def test_standard_input_goes_alone(runner: CliRunner, page: Path) -> None:
    result = runner.invoke(cli, ["extract", "-", str(page)], input=PAGE)
    assert result.exit_code == 2 and "cannot be given with other paths" in result.output


# --- 5. inputs that share relative names -------------------------------------------------


@pytest.fixture
def years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """data/2023/page1.txt, data/2024/page1.txt and data/2024/extra/page2.txt; cwd tmp_path."""
    for year in ("2023", "2024"):
        (tmp_path / "data" / year).mkdir(parents=True)
        (tmp_path / "data" / year / "page1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "data" / "2024" / "extra").mkdir()
    (tmp_path / "data" / "2024" / "extra" / "page2.txt").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.mark.parametrize(
    ("paths", "root", "sources"),
    [
        (["data/2023"], None, ["page1.txt"]),
        (["data/2024"], None, ["extra/page2.txt", "page1.txt"]),
        (
            ["data/2023", "./data/2024/"],
            None,
            ["data/2023/page1.txt", "data/2024/extra/page2.txt", "data/2024/page1.txt"],
        ),
        (
            ["data/2023/page1.txt", "data/2024/page1.txt"],
            None,
            ["data/2023/page1.txt", "data/2024/page1.txt"],
        ),
        (["data/2023/page1.txt", "data/2024/extra/page2.txt"], None, ["page1.txt", "page2.txt"]),
        (
            ["data/2023", "data/2024"],
            "data",
            ["2023/page1.txt", "2024/extra/page2.txt", "2024/page1.txt"],
        ),
        (["data/2024/extra"], "data", ["2024/extra/page2.txt"]),
        (["data/2023", "data/2023/page1.txt"], None, ["page1.txt"]),
    ],
    ids=[
        "one folder",
        "nested",
        "two folders",
        "two files",
        "no clash",
        "root",
        "root below",
        "same file twice",
    ],
)
def test_source_names(years: Path, paths: list[str], root: str | None, sources: list[str]) -> None:
    found = collect_inputs([Path(p) for p in paths], source_root=Path(root) if root else None)
    assert sorted(i.source for i in found) == sources


def test_extract_two_folders_with_a_source_root(runner: CliRunner, years: Path) -> None:
    result = runner.invoke(
        cli, ["extract", "data/2023", "data/2024", "--source-root", "data", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert [d.source for d in _documents(result.stdout)] == [
        "2023/page1.txt",
        "2024/extra/page2.txt",
        "2024/page1.txt",
    ]


# --- 4. the Python API ---------------------------------------------------------------------


def test_extract_paths_gives_the_documents_the_cli_writes(
    runner: CliRunner, seed: Path, page: Path
) -> None:
    cli_documents = _documents(runner.invoke(cli, ["extract", str(seed), str(page), "-q"]).stdout)
    for jobs in (1, 2):
        api_documents = list(extractor.extract_paths([seed, str(page)], jobs=jobs))
        assert [d.to_json() for d in api_documents] == [d.to_json() for d in cli_documents]
    assert [d.source for d in cli_documents] == ["page.txt", "a.txt"]  # sorted by path
    single = extractor.extract_file(page)
    assert single.source == "page.txt" and single.to_json() == cli_documents[0].to_json()
    assert Document.model_validate_json(single.to_json()) == single


def test_extract_file_of_a_missing_file_is_an_error_document(tmp_path: Path) -> None:
    document = extractor.extract_file(tmp_path / "gone.txt")
    assert document.source == "gone.txt" and document.error and document.articles == []


def test_frames_have_numbers_pandas_can_sum(page: Path, seed: Path) -> None:
    pytest.importorskip("pandas")
    documents = list(extractor.extract_paths([page, seed]))
    texts = extractor.read_texts([page, seed])
    assert sorted(texts) == ["a.txt", "page.txt"]
    facts = extractor.facts_frame(documents, texts)
    assert facts["value"].dtype == "float64" and facts["restated"].dtype == "boolean"
    mine = facts[facts["source"] == "page.txt"]
    assert mine.loc[mine["kind"] == "money", "value"].sum() == MONEY_SUM
    assert mine["position"].tolist() == ["lead", "lead", "lead", "body"]
    assert extractor.facts_frame(documents)["sentence"].isna().all()  # no texts given
    cases = extractor.cases_frame(documents)
    assert cases["recovered"].dtype == "float64"
    seed_case = cases[cases["source"] == "a.txt"].iloc[0]  # by source: whether the short
    assert seed_case["recovered"] == 1e6  # page is a case of its own is the case rules' call
    articles = extractor.articles_frame(documents)
    assert articles["facts"].sum() == len(facts)


def test_frames_without_pandas_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'extractor\[frames\]'"):
        extractor.facts_frame([])


# --- 6. data folders and the summary line ----------------------------------------------------


def test_the_summary_counts_facts_as_evaluate_does(runner: CliRunner, seed: Path) -> None:
    result = runner.invoke(cli, ["extract", str(seed)])
    (document,) = _documents(result.stdout)
    facts = [f for a in document.articles for f in a.facts]
    relative = sum(1 for f in facts if f.kind == "date" and f.value is None)
    assert relative > 0  # 今年以来 on the seed page
    summary = result.stderr.strip().splitlines()[-1]
    assert f" {len(facts) - relative:,} facts (+{relative} relative dates), " in summary
    assert "(start-up " in summary and summary.endswith(" chars/s")


@pytest.fixture
def no_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no repository above it, and no source tree to fall back on."""
    import extractor.repository as repository

    monkeypatch.setattr(repository, "_package_tree", lambda: tmp_path / "site-packages")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path / "work"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate"], "extractor evaluate needs the gold folder"),
        (["evaluate", str(CORPUS)], "extractor evaluate needs the gold folder"),
        (["gold", "check"], "extractor gold check needs the gold folder"),
        (["gold", "check", str(ROOT / "gold")], "extractor gold check needs the corpus folder"),
    ],
)
def test_outside_a_repository_the_missing_folder_is_named(
    runner: CliRunner, no_repository: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output and "Run it from the repository root" in result.output


def test_data_is_found_from_a_folder_inside_the_repository(
    runner: CliRunner, no_repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = no_repository / "repo"
    (repo / "corpus").mkdir(parents=True)
    (repo / "gold").mkdir()
    (repo / "docs" / "deep").mkdir(parents=True)
    shutil.copy(CORPUS / "d05.txt", repo / "corpus" / "d05.txt")
    shutil.copy(ROOT / "gold" / "d05.json", repo / "gold" / "d05.json")
    monkeypatch.chdir(repo / "docs" / "deep")
    gold = json.loads((repo / "gold" / "d05.json").read_text(encoding="utf-8"))
    facts = sum(len(a["facts"]) for a in gold["articles"])
    checked = runner.invoke(cli, ["gold", "check"])
    assert checked.exit_code == 0, checked.output
    assert checked.output.startswith(
        f"ok: 1 gold files, {len(gold['articles'])} articles, {facts} facts"
    )
    scored = runner.invoke(cli, ["evaluate", "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["facts"]["all"]["gold"] == facts


def test_conformance_finds_its_suites_from_anywhere(
    runner: CliRunner, no_repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tools.conformance.__main__ as tool

    result = runner.invoke(tool.conformance, ["--suite", "peer-issues", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["peer-issues"]["cases"] == 80
    monkeypatch.setattr(tool, "SUITES", no_repository / "nowhere")
    missing = runner.invoke(tool.conformance, [])
    assert missing.exit_code == 2 and "give their folder as ROOT" in missing.output
