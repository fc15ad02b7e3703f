"""The Dask backend gives the same documents, in the same order, as the local run."""

from __future__ import annotations

import shutil
from pathlib import Path

import distributed  # in the test extra: the cluster backend is always tested
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extractor.cli import cli


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("in")
    (root / "sub").mkdir()
    shutil.copy(CORPUS / "000_cf4c8eff55ad11d1.txt", root / "a.txt")
    shutil.copy(CORPUS / "002_da3bf681ae66fdcd.txt", root / "b.txt")
    shutil.copy(CORPUS / "d05.txt", root / "sub" / "c.txt")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def _local(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["extract", str(folder), "-q"])
    return result.exit_code, result.stdout


def test_local_cluster_of_two_workers_matches_the_local_run(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(folder), "-q", "--backend", "dask", "-j", "2"])
    assert (result.exit_code, result.stdout) == _local(folder)


def test_a_running_scheduler_matches_the_local_run(folder: Path) -> None:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        args = [
            "extract",
            str(folder),
            "-q",
            "--backend",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        ]
        result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stdout) == _local(folder)


def test_scheduler_needs_the_dask_backend(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(folder), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2 and "--scheduler goes with --backend dask" in result.output
