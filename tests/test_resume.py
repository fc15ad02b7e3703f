"""--resume: partial-line recovery, error documents retried, and a run killed for real."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extractor.cli import cli
from extractor.resume import prepare_resume


def _line(source: str, error: str | None = None) -> str:
    record: dict = {"source": source, "articles": []}
    if error:
        record["error"] = error
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("content", "kept", "done", "partial", "retried"),
    [
        ("", "", set(), False, []),
        (_line("a") + _line("b"), _line("a") + _line("b"), {"a", "b"}, False, []),
        # a kill mid-line leaves a partial last line: dropped
        (_line("a") + '{"source": "b", "arti', _line("a"), {"a"}, True, []),
        # error documents are tried again
        (
            _line("a") + _line("b", "binary file") + _line("c"),
            _line("a") + _line("c"),
            {"a", "c"},
            False,
            ["b"],
        ),
        # a line that is not a document (no source) is dropped too
        (_line("a") + "garbage\n" + _line("c"), _line("a") + _line("c"), {"a", "c"}, True, []),
    ],
)
def test_prepare_resume(
    tmp_path: Path, content: str, kept: str, done: set, partial: bool, retried: list
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    state = prepare_resume(path)
    assert path.read_text(encoding="utf-8") == kept
    assert (state.done, state.dropped_partial, state.retried) == (done, partial, retried)


def test_missing_file_is_an_empty_start(tmp_path: Path) -> None:
    state = prepare_resume(tmp_path / "none.jsonl")
    assert state.done == set() and not (tmp_path / "none.jsonl").exists()


def test_resume_retries_error_documents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "d05.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    first = runner.invoke(cli, ["extract", str(folder), "-o", str(out), "-q"])
    assert first.exit_code == 1
    (folder / "b.txt").write_text("标题\n\n本报讯 共抓获3人。", encoding="utf-8")  # fixed
    again = runner.invoke(cli, ["extract", str(folder), "-o", str(out), "--resume"])
    assert again.exit_code == 0, again.output
    assert "resuming: 1 done, 1 to do, 1 error document(s) retried" in again.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt"]
    assert all("error" not in r for r in records)


def test_resume_needs_a_jsonl_file(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["--resume"], ["--resume", "-o", f"{tmp_path}/o.json", "--format", "json"]):
        result = runner.invoke(cli, ["extract", str(CORPUS / "d05.txt"), *args])
        assert result.exit_code == 2 and "--resume needs" in result.output


def test_a_run_killed_midway_and_resumed_gives_the_same_documents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (CORPUS / "000_cf4c8eff55ad11d1.txt").read_text(encoding="utf-8")
    for i in range(60):
        (folder / f"f{i:03d}.txt").write_text(f"{text}\n\n第{i}份。", encoding="utf-8")
    command = [
        sys.executable,
        "-c",
        "from extractor.cli import cli; cli()",
        "extract",
        str(folder),
        "-q",
    ]
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command, "-o", str(whole)], check=True)

    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([*command, "-o", str(out)])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    written = out.read_bytes().count(b"\n")
    assert 3 <= written < 60, "the run was not killed midway"
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"source": "f0')  # as if killed in the middle of a line
    subprocess.run([*command, "-o", str(out), "--resume"], check=True)
    assert out.read_bytes() == whole.read_bytes()
