"""Issue 16, files: hostile names, outputs, folders, encodings, stops and write errors.

Each test names the defect it was written against; each failed on main at da125d4.
"""

from __future__ import annotations

import errno
import json
import os
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
from extractor.destination import Destination
from extractor.inputs import scan_inputs

COMMAND = [sys.executable, "-c", "from extractor.cli import cli; cli()", "extract"]
D05 = CORPUS / "d05.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _page(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(D05, path)
    return path


# --- names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "read"),
    [
        ("out.jsonl", lambda p: [json.loads(line) for line in p.read_text().splitlines()]),
        ("out.json", lambda p: json.loads(p.read_text())),
        ("out.csv", lambda p: p.read_text()),
        ("rec/", lambda p: sorted(x.name for x in p.iterdir())),
    ],
    ids=["jsonl", "json", "csv", "folder"],
)
def test_a_name_that_is_not_utf8_is_kept_escaped(
    runner: CliRunner, tmp_path: Path, output: str, read
) -> None:
    """A file named b'b\\xff.txt' crashed the run (UnicodeEncodeError), losing later files."""
    folder = tmp_path / "in"
    _page(folder / "a.txt")
    _page(Path(os.fsdecode(bytes(folder) + b"/b\xff.txt")))
    _page(folder / "c.txt")
    target = tmp_path / output
    result = runner.invoke(
        cli, ["extract", str(folder), "-o", f"{target}{'/' * output.endswith('/')}", "-q"]
    )
    assert result.exit_code == 0, result.output
    written = read(target)
    if output == "rec/":
        assert written == ["a.json", "b\\xff.json", "c.json"]
    elif output == "out.csv":
        assert "b\\xff.txt" in written and "c.txt" in written
    else:
        assert [d["source"] for d in written] == ["a.txt", "b\\xff.txt", "c.txt"]


def test_a_long_name_in_folder_output_is_cut_not_fatal(runner: CliRunner, tmp_path: Path) -> None:
    """A 255-byte file name crashed folder output (ENAMETOOLONG), losing every later file."""
    long = "长" * 83 + "xx.txt"  # 249 + 6 = 255 bytes; .json would make it 256
    assert len(long.encode()) == 255
    _page(tmp_path / "in" / long)
    _page(tmp_path / "in" / "z.txt")
    result = runner.invoke(cli, ["extract", str(tmp_path / "in"), "-o", f"{tmp_path}/rec/", "-q"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "rec").iterdir())
    assert names[0] == "z.json" and len(names) == 2
    assert names[1].startswith("长" * 70) and names[1].endswith(".json")
    assert len(names[1].encode()) <= 255 and "~" in names[1]
    record = json.loads((tmp_path / "rec" / names[1]).read_text())
    assert record["source"] == long


# --- outputs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "victim"),
    [
        (["{d}/self.txt", "-o", "{d}/self.txt"], "self.txt"),
        (["{d}", "-o", "{d}/b.txt"], "b.txt"),
        (["{d}", "-o", "{d}/B.TXT.json", "--format", "json"], None),  # not an input: allowed
        (["{d}/self.txt", "-o", "{d}/link.jsonl"], "self.txt"),  # a link to the input
    ],
    ids=["file-is-output", "folder-holds-output", "not-an-input", "link-to-input"],
)
def test_an_output_that_is_an_input_is_refused_before_work(
    runner: CliRunner, tmp_path: Path, args: list[str], victim: str | None
) -> None:
    """`extract self.txt -o self.txt` truncated the input before reading it (exit 0)."""
    _page(tmp_path / "self.txt")
    _page(tmp_path / "b.txt")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "self.txt")
    before = D05.read_bytes()
    result = runner.invoke(cli, ["extract", *(a.format(d=tmp_path) for a in args), "-q"])
    if victim is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    assert "is one of the inputs" in result.output
    assert (tmp_path / victim).read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused_before_work(runner: CliRunner, tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = runner.invoke(cli, ["extract", str(D05), "-o", f"{locked}/out.jsonl"])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2 and "cannot write in folder" in result.output


@pytest.mark.parametrize("output", ["ro/out.jsonl", "ro/out.json", "ro/rec/"])
def test_an_unwritable_output_is_refused_before_work(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    """Writing into a read-only folder gave a raw traceback with exit 1 (root, as CI runs,
    writes anywhere: the folder's refusal is simulated where the probe creates its file)."""
    import extractor.destination as destination

    (tmp_path / "ro").mkdir()

    def refuse(folder: Path):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(destination, "_mkstemp", refuse)
    result = runner.invoke(cli, ["extract", str(D05), "-o", f"{tmp_path}/{output}"])
    assert result.exit_code == 2
    assert "cannot write in folder" in result.output and "Permission denied" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("output", ["out.jsonl", "out.json", "rec/"])
def test_a_second_run_on_a_locked_output_is_refused(
    runner: CliRunner, tmp_path: Path, output: str
) -> None:
    """Two runs writing one -o at once lost 309 of 999 records and interleaved a line."""
    target = tmp_path / output.rstrip("/")
    held = Destination(target, folder=output.endswith("/"), whole=False)
    held.lock()
    try:
        result = runner.invoke(cli, ["extract", str(D05), "-o", f"{tmp_path}/{output}"])
    finally:
        held.release()
    assert result.exit_code == 2
    assert "another extractor run is writing" in result.output
    assert not (tmp_path / "out.jsonl").exists() or not (tmp_path / "out.jsonl").read_bytes()
    after = runner.invoke(cli, ["extract", str(D05), "-o", f"{tmp_path}/{output}", "-q"])
    assert after.exit_code == 0, after.output
    assert sorted(p.name for p in tmp_path.iterdir() if "lock" in p.name) == []


def test_dev_full_is_a_one_line_error(runner: CliRunner) -> None:
    """`-o /dev/full` printed a raw traceback."""
    result = runner.invoke(cli, ["extract", str(D05), "-o", "/dev/full", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "extractor: cannot write /dev/full (No space left on device) after 0 of 1 file(s); "
        "/dev/full holds the documents written so far"
    ]


def test_an_existing_json_survives_a_failed_run(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--format json` was left invalid by a stop; now it is written whole or not at all."""
    import extractor.output as output

    out = tmp_path / "out.json"
    out.write_text("[]\n")

    def full(self, document, text=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.JsonArrayWriter, "write", full)
    result = runner.invoke(cli, ["extract", str(D05), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "was not written" in result.stderr
    assert out.read_text() == "[]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_no_resume_temporary_is_left_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk during --resume's rewrite left a .resume-tmp behind."""
    from extractor import resume

    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "a", "articles": []}\n{"source": "b", "art')

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(resume.os, "replace", full)
    with pytest.raises(OSError):
        resume.prepare_resume(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_folder_output_resumes(runner: CliRunner, tmp_path: Path) -> None:
    """--resume existed only for JSONL; a folder output is resumable per file."""
    for name in ("a", "b", "c"):
        _page(tmp_path / "in" / f"{name}.txt")
    rec = f"{tmp_path}/rec/"
    assert runner.invoke(cli, ["extract", str(tmp_path / "in"), "-o", rec, "-q"]).exit_code == 0
    first = (tmp_path / "rec" / "a.json").read_text()
    (tmp_path / "rec" / "b.json").unlink()
    (tmp_path / "rec" / "c.json").write_text('{"source": "c.txt", "articles": [], "error": "x"}')
    result = runner.invoke(cli, ["extract", str(tmp_path / "in"), "-o", rec, "--resume"])
    assert result.exit_code == 0, result.output
    assert "resuming: 1 done, 2 to do, 1 error document(s) retried" in result.stderr
    assert (tmp_path / "rec" / "a.json").read_text() == first
    assert json.loads((tmp_path / "rec" / "c.json").read_text()).get("error") is None


# --- folders -----------------------------------------------------------------------------


def _layout(root: Path) -> None:
    _page(root / "a.txt")
    _page(root / "sub" / "UPPER.TXT")
    _page(root / "sub" / "mixed.Txt")
    (root / "alias.txt").symlink_to(root / "a.txt")
    (root / "0alias.txt").symlink_to(root / "a.txt")
    (root / "sub" / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    (root / "notes.md").write_text("not an article")


def test_a_walk_reports_every_path_it_passes_over(tmp_path: Path) -> None:
    """Aliases replaced the file (alias.txt -> a.txt), loops and .TXT were skipped silently."""
    root = tmp_path / "in"
    _layout(root)
    scan = scan_inputs([root])
    assert [i.source for i in scan.inputs] == ["a.txt", "sub/UPPER.TXT", "sub/mixed.Txt"]
    notes = sorted((Path(s.path).relative_to(root).as_posix(), s.reason) for s in scan.skipped)
    assert notes == [
        ("0alias.txt", f"skipped: the same file as {root}/a.txt"),
        ("alias.txt", f"skipped: the same file as {root}/a.txt"),
        ("pipe.txt", "not a regular file (a FIFO, device or socket), skipped"),
        ("sub/loop", "symbolic link loop, not followed"),
    ]
    assert not any(s.failed for s in scan.skipped)


def test_an_unreadable_folder_is_reported_and_fails_the_run(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unreadable subfolder was skipped silently with exit 0 (chmod 000 does not stop
    root, so the refusal is simulated where the walk opens the folder)."""
    root = tmp_path / "in"
    _page(root / "a.txt")
    _page(root / "secret" / "b.txt")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "secret":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr("extractor.inputs.os.scandir", scandir)
    result = runner.invoke(cli, ["extract", str(root), "-q"])
    assert result.exit_code == 1
    assert f"extractor: {root}/secret: cannot read folder (Permission denied)" in result.stderr
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == ["a.txt"]


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("big5", "big5"), ("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8", "utf-8")],
)
def test_the_encoding_is_recorded_and_big5_is_read(
    runner: CliRunner, tmp_path: Path, encoding: str, expected: str
) -> None:
    """Big5 files were decoded as GB18030 into garbage: "ok", 0 facts, exit 0."""
    text = (CORPUS / "traditional" / "tr04.txt").read_text(encoding="utf-8")
    (tmp_path / "hk.txt").write_bytes(text.encode(encoding))
    result = runner.invoke(cli, ["extract", str(tmp_path / "hk.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["encoding"] == expected
    title = record["articles"][0]["title"]
    assert title is not None and title in text
    assert sum(len(a["facts"]) for a in record["articles"]) > 0


# --- stops, pipes and internal errors ----------------------------------------------------


def _blocked_run(tmp_path: Path, output: str) -> subprocess.Popen:
    """A run that writes a.txt, then blocks reading z.txt, a FIFO nobody writes to."""
    _page(tmp_path / "in" / "a.txt")
    os.mkfifo(tmp_path / "z.txt")
    return subprocess.Popen(
        [*COMMAND, str(tmp_path / "in" / "a.txt"), str(tmp_path / "z.txt"), "-o", output, "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("signum", "status", "output", "hint"),
    [
        (signal.SIGTERM, 143, "out.jsonl", "run the same command with --resume"),
        (signal.SIGINT, 130, "rec/", "run the same command with --resume"),
        (signal.SIGTERM, 143, "out.json", "out.json was not written"),
    ],
    ids=["sigterm-jsonl", "ctrl-c-folder", "sigterm-json"],
)
def test_a_stop_exits_128_plus_the_signal_with_the_resume_hint(
    tmp_path: Path, signum: int, status: int, output: str, hint: str
) -> None:
    """Ctrl-C exited 1 ("some file failed") with no hint; --format json was left invalid."""
    target = tmp_path / output
    run = _blocked_run(tmp_path, f"{target}{'/' if output.endswith('/') else ''}")
    if output == "out.json":
        partial = tmp_path / "out.json.partial"  # a.txt is flushed there, z.txt blocks
        _wait_for(lambda: partial.exists() and b'"source"' in partial.read_bytes())
    elif output == "rec/":
        _wait_for(lambda: (target / "a.json").exists())
    else:
        _wait_for(lambda: target.exists() and target.read_bytes().endswith(b"\n"))
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == status
    assert stderr.count("\n") == 1 and "stopped by" in stderr and hint in stderr
    assert "1 of 2 file(s)" in stderr
    leftovers = sorted(p.name for p in tmp_path.rglob("*") if p.suffix in (".lock", ".partial"))
    assert leftovers == []
    if output == "out.json":
        assert not target.exists()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`extractor extract corpus/ | head -1` printed a BrokenPipeError traceback."""
    run = subprocess.Popen(
        [*COMMAND, str(CORPUS), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert run.stdout is not None
    run.stdout.read(10)
    run.stdout.close()  # the corpus's JSONL is far more than a pipe holds
    stderr = run.stderr.read() if run.stderr else b""
    run.wait(timeout=120)
    assert run.returncode == 141
    assert stderr == b""


def test_an_internal_error_is_one_log_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Internal errors printed full tracebacks through logging."""

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("extractor.batch.extract_text", boom)
    result = runner.invoke(cli, ["extract", str(D05), "-q"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("extractor: internal error on d05.txt (RuntimeError: boom, at ")
    assert lines[0].endswith("; EXTRACTOR_DEBUG=1 for the traceback)")
    assert lines[1] == "extractor: d05.txt: internal error (RuntimeError: boom)"
