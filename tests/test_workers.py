"""--jobs workers (extractor/workers.py): a dead worker fails only its own file, retried
once; results in input order; a worker past its time is killed; workers end with their
parent. The pool is tried with small tasks (tests/pool_tasks.py) and through the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS
from pool_tasks import failed, square

from extractor.workers import DIED, run_in_order


def _run(actions: list[str], tmp_path: Path, **options) -> list[object]:
    items = [(n, action, str(tmp_path / f"marker{n}")) for n, action in enumerate(actions, 1)]
    options.setdefault("kill_after", 3.0)
    options.setdefault("kill_message", "over its time")
    return list(run_in_order(items, square, 2, on_failure=failed, **options))


# fmt: off
FAULTS = [
    # actions of items 1, 2, 3, 4                 → results, worked out by hand
    (["ok", "ok", "ok", "ok"],                     [1, 4, 9, 16]),
    (["ok", "die once", "ok", "ok"],               [1, 4, 9, 16]),              # retried once
    (["ok", "die", "ok", "ok"],                    [1, f"failed: {DIED}", 9, 16]),
    (["die", "die", "ok", "ok"],                   [f"failed: {DIED}", f"failed: {DIED}", 9, 16]),
    (["ok", "hang", "ok", "ok"],                   [1, "failed: over its time", 9, 16]),
    (["ok", "raise", "ok", "ok"],                  [1, "failed: internal error (ValueError: a bug)", 9, 16]),
]
# fmt: on


@pytest.mark.parametrize(
    ("actions", "expected"),
    FAULTS,
    ids=["fine", "dies once", "dies twice", "two die", "hangs", "raises"],
)
def test_a_fault_costs_only_its_own_item(actions, expected, tmp_path: Path) -> None:
    assert _run(actions, tmp_path) == expected


def test_results_come_in_input_order_whatever_finishes_first(tmp_path: Path) -> None:
    results = _run(["slow"] * 12, tmp_path, window=3)
    assert results == [n * n for n in range(1, 13)]


def test_a_worker_reports_progress_inside_an_item(tmp_path: Path) -> None:
    heard: list[tuple[int, int, int]] = []
    results = _run(
        ["report"], tmp_path, on_progress=lambda item, d, t: heard.append((item[0], d, t))
    )
    assert results == [1] and heard == [(1, 3, 10)]


def test_no_items_start_no_worker() -> None:
    assert list(run_in_order([], square, 2, on_failure=failed)) == []


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (CORPUS / "000_cf4c8eff55ad11d1.txt").read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"f{i:03d}.txt").write_text(f"{text}\n\n第{i}份。", encoding="utf-8")
    return folder


def _workers_of(pid: int) -> list[int]:
    """The spawned worker processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(folder: Path, out: Path, lines: int) -> tuple[subprocess.Popen, list[int]]:
    command = [sys.executable, "-c", "from extractor.cli import cli; cli()"]
    run = subprocess.Popen([*command, "extract", str(folder), "-q", "-j", "2", "-o", str(out)])
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and run.poll() is None:
        workers = _workers_of(run.pid)
        if len(workers) == 2 and out.exists() and out.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.02)
    assert len(workers) == 2 and run.poll() is None, "the run was not caught midway"
    return run, workers


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


@needs_proc
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    run, workers = _start(_folder(tmp_path, 40), tmp_path / "out.jsonl", 1)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]


def _uninterrupted(folder: Path, tmp_path: Path) -> Path:
    """The output of a whole run over ``folder`` with one job, to compare others with."""
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*_CLI, "extract", str(folder), "-q", "-o", str(whole)], check=True)
    return whole


_CLI = [sys.executable, "-c", "from extractor.cli import cli; cli()"]


# enough files that a run lasts seconds: a kill sent after the first lines must land before the
# last (with 40 the whole run can end between the check for lines and the kill on a fast spell)
_MANY = 160


@needs_proc
def test_a_killed_worker_loses_no_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, _MANY)
    whole = _uninterrupted(folder, tmp_path)
    out = tmp_path / "out.jsonl"
    run, workers = _start(folder, out, 2)
    os.kill(workers[0], signal.SIGKILL)
    assert run.wait(timeout=300) == 0
    assert out.read_bytes() == whole.read_bytes()


@needs_proc
def test_a_run_with_jobs_killed_and_resumed_is_byte_identical(tmp_path: Path) -> None:
    folder = _folder(tmp_path, _MANY)
    whole = _uninterrupted(folder, tmp_path)
    out = tmp_path / "out.jsonl"
    run, _ = _start(folder, out, 3)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert 3 <= out.read_bytes().count(b"\n") < _MANY, "the run was not killed midway"
    subprocess.run(
        [*_CLI, "extract", str(folder), "-q", "-j", "2", "-o", str(out), "--resume"],
        check=True,
    )
    assert out.read_bytes() == whole.read_bytes()
