"""The Label Studio round trip against a real Label Studio: start it (SQLite, a fresh data
folder, an API token), create a project with the labelling config through its REST API,
import the tasks ``gold export`` wrote, submit each task's pre-annotations as its annotation
(one with a correction, as an annotator would), export the project as JSON and ``gold
import`` the export: the gold files come back identical, the correction included.

Label Studio pins many dependencies, so it lives in its own virtual environment, and the
test runs only when ``LABEL_STUDIO`` names its ``label-studio`` executable (``.ci/run``
builds one); otherwise it is skipped, saying so, or fails when ``REQUIRE_LABEL_STUDIO`` is set.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from extractor.cli import cli

GOLD = ROOT / "gold"
NAMES = ("000_cf4c8eff55ad11d1", "d01", "traditional/tr01")
TOKEN = "extractor0ci0token0000000000000000000000"
STARTUP_SECONDS = 300


class Server:
    def __init__(self, url: str) -> None:
        self.url = url

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as err:
            raise AssertionError(f"{method} {path}: {err.code} {err.read()[:2000]!r}") from None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    executable = os.environ.get("LABEL_STUDIO")
    if not executable:
        reason = "LABEL_STUDIO is not set (the label-studio executable of its own venv)"
        if os.environ.get("REQUIRE_LABEL_STUDIO"):
            pytest.fail(reason)
        pytest.skip(reason)
    data = tmp_path_factory.mktemp("label-studio")
    port = free_port()
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data),
        "LATEST_VERSION_CHECK": "false",  # no call to PyPI
        "COLLECT_ANALYTICS": "false",
    }
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [executable, "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port),
         "--data-dir", str(data), "--username", "ci@example.com", "--password", "ci-password",
         "--user-token", TOKEN, "--enable-legacy-api-token"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    server = Server(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                server.call("GET", "/api/projects")
                break
            except (OSError, AssertionError) as err:
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = (data / "server.log").read_text(errors="replace")[-3000:]
                    raise AssertionError(f"Label Studio did not start ({err}):\n{tail}") from None
                time.sleep(2)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):  # it may have died at start-up
            os.killpg(process.pid, signal.SIGTERM)  # the session this test started
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def test_round_trip_through_label_studio(label_studio: Server, tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    for name in NAMES:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f"{name}.txt", corpus / f"{name}.txt")
    tasks_file = tmp_path / "tasks.json"
    exported = runner.invoke(
        cli,
        ["gold", "export", "--format", "label-studio", str(corpus), "--gold", str(GOLD),
         "-o", str(tasks_file)],
    )  # fmt: skip
    assert exported.exit_code == 0, exported.output
    config = (tmp_path / "tasks.xml").read_text("utf-8")
    project = label_studio.call(
        "POST", "/api/projects", {"title": "extractor gold", "label_config": config}
    )
    tasks = json.loads(tasks_file.read_text("utf-8"))
    imported = label_studio.call("POST", f"/api/projects/{project['id']}/import", tasks)
    assert (imported["task_count"], imported["prediction_count"]) == (3, 3)
    listed = label_studio.call("GET", f"/api/tasks?project={project['id']}&fields=all")["tasks"]
    corrected = None
    for item in listed:
        result = item["predictions"][0]["result"]
        if item["data"]["source"] == "d01.txt":  # the annotator corrects one subject
            region = next(r for r in result if r["from_name"] == "subject")
            region["value"]["text"] = ["司法救助资金"]
            corrected = region["id"]
        label_studio.call(
            "POST",
            f"/api/tasks/{item['id']}/annotations",
            {"result": result, "was_cancelled": False},
        )
    export = label_studio.call("GET", f"/api/projects/{project['id']}/export?exportType=JSON")
    assert len(export) == 3 and all(len(t["annotations"]) == 1 for t in export)
    export_file = tmp_path / "project-export.json"
    export_file.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    out = tmp_path / "gold"
    back = runner.invoke(cli, ["gold", "import", str(export_file), "-o", str(out)])
    assert back.exit_code == 0, back.output
    for name in NAMES:
        got = json.loads((out / f"{name}.json").read_text("utf-8"))
        expected = json.loads((GOLD / f"{name}.json").read_text("utf-8"))
        if name == "d01":
            article, fact = (int(x) for x in corrected[1:].split("f"))
            assert got["articles"][article]["facts"][fact]["subject"] == "司法救助资金"
            expected["articles"][article]["facts"][fact]["subject"] = "司法救助资金"
        assert got == expected, name
    untouched = (out / "000_cf4c8eff55ad11d1.json").read_text("utf-8")
    assert untouched == (GOLD / "000_cf4c8eff55ad11d1.json").read_text("utf-8")
