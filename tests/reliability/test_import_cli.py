"""Promises of ``frontwatch territory import`` as a command (issue 15, item 11): exit 1 when every input failed,
``--json`` errors as JSON on stdout, each path named once per line, the right count before a corrupt archive,
and no worker process left behind when the import is killed with ``kill -9``."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time

import pytest

from frontwatch.cli import main
from tests.conftest import REPO

from ._import_snapshots import DAY, T0, day_map


def test_exit_1_when_every_input_failed_and_0_when_some_did_not(tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    (tmp_path / "bad.geojson").write_bytes(b"{")
    (tmp_path / f"{T0}.geojson").write_bytes(day_map(0))
    assert main(["territory", "import", str(tmp_path / "bad.geojson"), "--db", db, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["failed"][0]["path"] == str(tmp_path / "bad.geojson")
    assert main(["territory", "import", str(tmp_path / "bad.geojson"), str(tmp_path / f"{T0}.geojson"),
                 "--db", db]) == 0


def test_json_errors_are_json_on_stdout(tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    assert main(["territory", "import", str(tmp_path / "missing.geojson"), "--db", db, "--json"]) == 1
    captured = capsys.readouterr()
    body = json.loads(captured.out)
    assert body["error"] == "not_found" and "missing.geojson" in body["message"]
    assert captured.err.count("\n") == 1  # and one line on stderr
    assert main(["territory", "change", "--period", "2024-13", "--db", db, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == 400


def test_each_failure_is_one_line_naming_its_path_once(tmp_path, capsys):
    bad = {"x.gpkg": b"garbage", "y.geojson.gz": b"garbage", "z.zip": b"garbage", "w.kml": b"garbage",
           "v.tar.gz": b"garbage"}
    for name, body in bad.items():
        (tmp_path / name).write_bytes(body)
    assert main(["territory", "import", *(str(tmp_path / n) for n in bad), "--db", str(tmp_path / "t.duckdb")]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("  failed: ")]
    assert len(lines) == len(bad), lines
    for line in lines:
        assert line.count(str(tmp_path)) == 1, line


def test_a_truncated_archive_reports_how_many_files_came_before(tmp_path):
    whole = tmp_path / "whole.tar.xz"
    with tarfile.open(whole, "w:xz", preset=0) as tar:
        for k in range(40):
            body = os.urandom(30_000).hex().encode()  # incompressible, so a cut lands inside a member
            info = tarfile.TarInfo(f"{T0 + k}.geojson")
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    cut = tmp_path / "cut.tar.xz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    from frontwatch.territory.archive import iter_entries

    entries = list(iter_entries([cut]))
    files = [e for e in entries if e.kind == "file"]
    [error] = [e for e in entries if e.kind == "error"]
    assert f"after {len(files)} snapshot file(s)" in error.error.message


@pytest.mark.slow  # about 10 s: writes 120 maps, starts an import with workers and kills it
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc (Linux)")
def test_killing_the_import_leaves_no_worker_behind(tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    for k in range(120):  # enough work to be killed in the middle: many small squares to dissolve per file
        squares = ",".join(_square(36 + (i % 40) * 0.02, 48 + (i // 40) * 0.02 + k * 1e-5) for i in range(1200))
        (folder / f"{T0 + k * DAY}.geojson").write_text(f'{{"type":"FeatureCollection","features":[{squares}]}}')
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "territory", "import", str(folder), "--db",
                             str(tmp_path / "t.duckdb"), "--json"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert len(workers) >= 2 and proc.poll() is None, "the import ended before its workers could be seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _running(pid)], "workers still running after kill -9 of the import"
    finally:
        if proc.poll() is None:
            proc.kill()


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state, ppid, ...); None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and (_stat(int(p)) or ["", ""])[1] == str(pid)]


def _running(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"  # a zombie has exited; only its exit status waits to be read

def _square(lon: float, lat: float, side: float = 0.015) -> str:
    ring = [[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]
    return json.dumps({"type": "Feature", "properties": {"fill": "#a52714"},
                       "geometry": {"type": "Polygon", "coordinates": [ring]}}, separators=(",", ":"))
