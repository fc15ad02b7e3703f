"""CLI: gold export --format label-studio and gold import (a Label Studio export simulated
by submitting the pre-annotations unchanged; tests/test_labelstudio_live.py uses a real one)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from extractor.cli import cli

GOLD = ROOT / "gold"
NAMES = ("d01", "police/po01", "traditional/tr01")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name in NAMES:
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f"{name}.txt", tmp_path / "corpus" / f"{name}.txt")
    return tmp_path / "corpus"


def submitted(tasks_file: Path, export: Path) -> None:
    tasks = json.loads(tasks_file.read_text("utf-8"))
    for n, t in enumerate(tasks, 1):
        t["id"] = n
        t["annotations"] = [{"id": n, "result": t["predictions"][0]["result"]}]
    export.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")


def test_gold_round_trip_through_the_cli(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    tasks = tmp_path / "tasks.json"
    result = runner.invoke(
        cli,
        ["gold", "export", "--format", "label-studio", str(corpus), "--gold", str(GOLD),
         "-o", str(tasks)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "3 tasks" in result.output
    assert (tmp_path / "tasks.xml").read_text("utf-8").startswith("<View>")
    sources = [t["data"]["source"] for t in json.loads(tasks.read_text("utf-8"))]
    assert sources == ["d01.txt", "police/po01.txt", "traditional/tr01.txt"]
    submitted(tasks, tmp_path / "export.json")
    out = tmp_path / "gold"
    result = runner.invoke(cli, ["gold", "import", str(tmp_path / "export.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert (out / f"{name}.json").read_text("utf-8") == (GOLD / f"{name}.json").read_text(
            "utf-8"
        )
    check = runner.invoke(cli, ["gold", "check", str(out), "--corpus", str(corpus)])
    assert check.exit_code == 0, check.output


def test_export_of_the_extractor_s_output_imports_back(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    tasks = tmp_path / "t.json"
    config = tmp_path / "config.xml"
    result = runner.invoke(
        cli,
        ["gold", "export", "--format", "label-studio", str(corpus / "d01.txt"), "-o", str(tasks),
         "--config", str(config)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert config.is_file()
    extracted = json.loads(runner.invoke(cli, ["extract", "-q", str(corpus / "d01.txt")]).output)
    submitted(tasks, tmp_path / "export.json")
    out = tmp_path / "gold"
    assert (
        runner.invoke(
            cli, ["gold", "import", str(tmp_path / "export.json"), "-o", str(out)]
        ).exit_code
        == 0
    )
    imported = json.loads((out / "d01.json").read_text("utf-8"))
    assert [[f["span"] for f in a["facts"]] for a in imported["articles"]] == [
        [f["span"] for f in a["facts"]] for a in extracted["articles"]
    ]


def test_import_reports_each_problem_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    tasks = tmp_path / "tasks.json"
    runner.invoke(cli, ["gold", "export", "--format", "label-studio", str(corpus / "d01.txt"),
                        "--gold", str(GOLD), "-o", str(tasks)])  # fmt: skip
    submitted(tasks, tmp_path / "export.json")
    export = json.loads((tmp_path / "export.json").read_text("utf-8"))
    result = export[0]["annotations"][0]["result"]
    value = next(r for r in result if r["id"] == "a0f1" and r["from_name"] == "value")
    value["value"]["text"] = ["四亿三千万"]
    (tmp_path / "export.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    out = tmp_path / "gold"
    got = runner.invoke(cli, ["gold", "import", str(tmp_path / "export.json"), "-o", str(out)])
    assert got.exit_code == 1
    assert (
        "export.json:task 1 (d01.txt): region a0f1 money [19, 24) '4.3亿元': "
        "value '四亿三千万' is not a number" in got.output
    )
    assert "1 problem(s); nothing written" in got.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [("{", "malformed JSON"), ('{"a": 1}', "not a Label Studio JSON export")],
    ids=["malformed", "not tasks"],
)
def test_import_refuses_other_files(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "x.json").write_text(content, "utf-8")
    got = CliRunner().invoke(
        cli, ["gold", "import", str(tmp_path / "x.json"), "-o", str(tmp_path / "g")]
    )
    assert got.exit_code == 1 and message in got.output


def test_export_usage_errors(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(cli, ["gold", "export", "--format", "label-studio", str(corpus), "--gold",
                               str(GOLD), "--pred", str(GOLD / "d01.json"), "-o", str(tmp_path / "t.json")])  # fmt: skip
    assert both.exit_code == 2 and "give one" in both.output
    no_gold = runner.invoke(cli, ["gold", "export", "--format", "label-studio", str(corpus),
                                  "--gold", str(tmp_path), "-o", str(tmp_path / "t.json")])  # fmt: skip
    assert no_gold.exit_code == 1 and "no gold file" in no_gold.output
