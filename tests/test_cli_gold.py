"""CLI: gold build, gold check and evaluate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from extractor.cli import cli
from extractor.models import Document

GOLD = ROOT / "gold"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_gold_build_writes_what_check_accepts(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "gold" / "d05.json"
    result = runner.invoke(
        cli,
        [
            "gold",
            "build",
            str(CORPUS / "d05.txt"),
            str(GOLD / "drafts" / "d05.draft.json"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (GOLD / "d05.json").read_text(encoding="utf-8")


def test_gold_build_reports_items_it_cannot_place(runner: CliRunner, tmp_path: Path) -> None:
    draft = json.loads((GOLD / "drafts" / "d05.draft.json").read_text(encoding="utf-8"))
    draft["articles"][0]["facts"][0]["text"] = "99名"
    path = tmp_path / "d05.draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "d05.json"
    result = runner.invoke(
        cli, ["gold", "build", str(CORPUS / "d05.txt"), str(path), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert f"{path}:article 1:facts[0]: text '99名' not found in the article" in result.stderr
    assert not out.exists()


def test_gold_build_malformed_draft(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.draft.json"
    path.write_text('{"source": "d05.txt",\n "articles": [}', encoding="utf-8")
    result = runner.invoke(cli, ["gold", "build", str(CORPUS / "d05.txt"), str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:line 2:column 15: malformed JSON")
    assert "Traceback" not in result.output


def test_gold_check_passes_on_gold(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["gold", "check", str(GOLD), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    files = len(list(CORPUS.rglob("*.txt")))
    assert result.stdout.startswith(f"ok: {files} gold files, "), result.stdout


def test_gold_check_fails_on_a_broken_copy(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "gold"
    shutil.copytree(GOLD, copy)
    data = json.loads((copy / "d05.json").read_text(encoding="utf-8"))
    data["articles"][0]["facts"][0]["span"] = [0, 3]
    (copy / "d05.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(cli, ["gold", "check", str(copy), "--corpus", str(CORPUS)])
    assert result.exit_code == 1
    assert "d05.json:article 1:facts[0].text: '21名' but the source has '凌云破'" in result.stdout


def _gold_as_predictions(tmp_path: Path) -> Path:
    lines = [
        Document.model_validate_json(p.read_text(encoding="utf-8")).to_json()
        for p in sorted(GOLD.rglob("*.json"))
        if "drafts" not in p.relative_to(GOLD).parts
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_gold_against_itself_is_perfect(runner: CliRunner, tmp_path: Path) -> None:
    pred = _gold_as_predictions(tmp_path)
    result = runner.invoke(
        cli,
        ["evaluate", str(CORPUS), str(GOLD), "--pred", str(pred), "--json", "--fail-under", "1"],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["facts"]["all"]["strict"]["f1"] == 1.0
    assert scores["facts"]["all"]["subject"]["accuracy"] == 1.0
    assert scores["cases"]["detection"]["f1"] == 1.0
    assert set(scores["cases"]["fields"].values()) == {1.0}
    assert scores["articles"]["titles"]["f1"] == 1.0


def test_evaluate_table_misses_and_floor(runner: CliRunner, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    gold_d05 = Document.model_validate_json((GOLD / "d05.json").read_text(encoding="utf-8"))
    gold_d05.articles[0].facts = gold_d05.articles[0].facts[1:]  # miss the first fact
    pred.write_text(gold_d05.to_json() + "\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "evaluate",
            str(CORPUS),
            str(GOLD),
            "--pred",
            str(pred),
            "--misses",
            "--fail-under",
            "0.5",
        ],
    )
    assert result.exit_code == 1  # only d05 predicted: far below 0.5
    out = result.stdout
    assert "all (micro)" in out and "Per file" in out
    assert "no prediction for (scored as empty): 000_cf4c8eff55ad11d1.txt" in out
    assert "d05.txt count MISSED" in out
    assert "    in:   抓获犯罪嫌疑人21名,涉案金额493万元\n" in out  # a headline line
    assert "is below 0.5" in result.stderr


def test_evaluate_runs_the_extractor_by_default(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["evaluate", str(CORPUS), str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"]["documents"] == len(list(CORPUS.rglob("*.txt")))
    assert scores["documents"] == {"missing_predictions": [], "missing_gold": []}


def _two_folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A corpus of d05 at the top and d04 in ``police/``, its gold, and predictions that
    leave out d05's first fact (d05: 13 of 14 facts; police: all 13)."""
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    (corpus / "police").mkdir(parents=True)
    (gold / "police").mkdir(parents=True)
    (corpus / "d05.txt").write_bytes((CORPUS / "d05.txt").read_bytes())
    (corpus / "police" / "d04.txt").write_bytes((CORPUS / "d04.txt").read_bytes())
    d05 = Document.model_validate_json((GOLD / "d05.json").read_text(encoding="utf-8"))
    d04 = Document.model_validate_json((GOLD / "d04.json").read_text(encoding="utf-8"))
    d04.source = "police/d04.txt"
    (gold / "d05.json").write_text(d05.to_json(), encoding="utf-8")
    (gold / "police" / "d04.json").write_text(d04.to_json(), encoding="utf-8")
    d05.articles[0].facts = d05.articles[0].facts[1:]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(d05.to_json() + "\n" + d04.to_json() + "\n", encoding="utf-8")
    return corpus, gold, pred


def test_evaluate_by_folder(runner: CliRunner, tmp_path: Path) -> None:
    corpus, gold, pred = _two_folders(tmp_path)
    args = ["evaluate", str(corpus), str(gold), "--pred", str(pred), "--by-folder"]
    scores = json.loads(runner.invoke(cli, [*args, "--json"]).stdout)
    # d05: 13 right of 13 predicted, 14 gold: F1 = 26/27 = 0.963; police: 1.0
    assert scores["folders"]["(top level)"]["facts"]["all"]["strict"]["f1"] == 0.963
    assert scores["folders"]["police"]["facts"]["all"]["strict"]["f1"] == 1.0
    assert "files" not in scores["folders"]["police"]
    table = runner.invoke(cli, args).stdout
    assert "By folder" in table
    assert [line.split()[0] for line in table.splitlines()[-3:]] == ["(top", "police", "all"]
    markdown = runner.invoke(cli, [*args, "--markdown"]).stdout
    assert "| police | 1 | 13 | 1.000 |" in markdown
    assert "|:---|---:|" in markdown


def test_evaluate_sources_selects_documents(runner: CliRunner, tmp_path: Path) -> None:
    corpus, gold, pred = _two_folders(tmp_path)
    args = ["evaluate", str(corpus), str(gold), "--pred", str(pred), "--json"]
    police = json.loads(runner.invoke(cli, [*args, "--sources", "police/*"]).stdout)
    assert police["articles"]["documents"] == 1
    assert police["facts"]["all"]["strict"]["f1"] == 1.0
    top = json.loads(runner.invoke(cli, [*args, "--sources", "d05.txt"]).stdout)
    assert top["facts"]["all"]["gold"] == 14
    nothing = runner.invoke(cli, [*args, "--sources", "nowhere/*"])
    assert nothing.exit_code == 2
    assert "no document matches --sources nowhere/*" in nothing.output


def test_evaluate_sources_runs_the_extractor_on_the_selection_only(
    runner: CliRunner, tmp_path: Path
) -> None:
    corpus, gold, _ = _two_folders(tmp_path)
    (corpus / "police" / "broken.txt").write_bytes(b"\x00binary")
    result = runner.invoke(
        cli, ["evaluate", str(corpus), str(gold), "--sources", "police/d04.txt", "--json"]
    )
    scores = json.loads(result.stdout)
    assert scores["articles"]["documents"] == 1
    assert scores["documents"] == {"missing_predictions": [], "missing_gold": []}


def test_evaluate_malformed_predictions(runner: CliRunner, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"source": "a.txt", "articles": [}\n', encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(CORPUS), str(GOLD), "--pred", str(pred)])
    assert result.exit_code == 2
    # the "}" that ends the array early is the 34th character of line 1
    assert f"{pred}:line 1:column 34: malformed JSON (Expecting value)" in result.output
