"""The engine on a real ``dask.distributed.LocalCluster`` of 2 worker processes, with the real events pipeline.

One cluster serves the module (each worker loads the pipeline once and keeps it). Checked: the output
equals the in-process output byte for byte; a run killed halfway (SIGKILL of the driver) resumes with
nothing duplicated or lost; a poisoned document is reported and does not stop its shard; a worker that
dies is replaced and its shard retried; an unreachable scheduler is a clear error within seconds.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import cloudpickle
import pyarrow.parquet as pq
import pytest

from frontwatch.errors import ConfigError, FetchError
from frontwatch.scale import extract_corpus
from frontwatch.scale.engine import start_local_cluster
from frontwatch.scale.manifest import MANIFEST
from frontwatch.scale.synth import write_corpus
from frontwatch.scale.worker import default_factory

from . import standin

pytestmark = pytest.mark.dask
REPO = Path(__file__).resolve().parents[2]
# Workers unpickle the stand-ins by value: they need not import the tests package.
cloudpickle.register_pickle_by_value(standin)


@pytest.fixture(scope="module")
def scheduler():
    with start_local_cluster(2) as cluster:  # the cluster `--engine dask --workers 2` starts
        yield cluster.scheduler_address


def _worker_settings() -> tuple[str | None, bool]:
    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled")


def test_local_cluster_workers_keep_glibc_malloc_thresholds_and_no_profiler(scheduler):
    """Dask's default MALLOC_TRIM_THRESHOLD_ made workers spend 28 % more CPU a document (page faults)."""
    from distributed import Client

    with Client(scheduler) as client:
        assert list(client.run(_worker_settings).values()) == [(None, False), (None, False)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, n=12, shards=6, seed=3, words=120)  # short reports keep the test quick
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.events.jsonl"))}


def _doc_ids(out: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for data in _files(out).values() for line in data.decode().splitlines()]


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    summary = extract_corpus([str(corpus)], out, progress=False)
    assert summary.document_errors == 0 and summary.events > 0
    return out


@pytest.mark.slow
def test_dask_output_equals_in_process_output(corpus, in_process, scheduler, tmp_path):
    summary = extract_corpus([str(corpus)], tmp_path, engine="dask", scheduler=scheduler, progress=False)
    assert summary.shards_done == 6 and summary.workers == 2
    assert len({w.split(":")[1] for w in summary.worker_peak_rss_mb}) == 2  # both workers took shards
    assert _files(tmp_path) == _files(in_process)
    for name in _files(in_process):
        parquet = name.replace(".jsonl", ".parquet")
        assert pq.read_table(tmp_path / parquet).equals(pq.read_table(in_process / parquet))


#: The driver of the run that gets killed: extract_corpus in a process of its own, on the module's cluster,
#: with the real pipeline slowed down so that the kill lands halfway whatever the machine's speed.
_DRIVER = """
import sys, cloudpickle
sys.path.insert(0, {repo!r})
from pathlib import Path
from tests.scale import standin
cloudpickle.register_pickle_by_value(standin)
from frontwatch.scale import extract_corpus
extract_corpus([{corpus!r}], Path({out!r}), engine="dask", scheduler={scheduler!r}, progress=False,
               extractor_factory=standin.slow_pipeline)
"""


@pytest.mark.slow
def test_killed_run_resumes_with_nothing_duplicated_or_lost(corpus, in_process, scheduler, tmp_path):
    code = _DRIVER.format(repo=str(REPO), corpus=str(corpus), out=str(tmp_path), scheduler=scheduler)
    with (tmp_path / "driver.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _done_shards(tmp_path) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and anything it started: no clean-up runs
    finally:
        proc.wait()
    before = _done_shards(tmp_path)
    assert 2 <= before < 6, f"the kill should land halfway; {before} shards were done: {_tail(tmp_path)}"
    summary = extract_corpus([str(corpus)], tmp_path, engine="dask", scheduler=scheduler, progress=False,
                             extractor_factory=standin.slow_pipeline)
    assert summary.shards_skipped == before and summary.shards_done == 6 - before
    assert _files(tmp_path) == _files(in_process)  # the slowed pipeline writes what the real one writes
    ids = _doc_ids(tmp_path)
    assert len(ids) == len(set(ids)) == 12


def _tail(out: Path) -> str:
    return (out / "driver.log").read_text(errors="replace")[-2000:]


def _done_shards(out: Path) -> int:
    """Shards the manifest calls done, read as a resumed run reads it (a torn last line does not count)."""
    try:
        lines = (out / MANIFEST).read_text().splitlines()
    except FileNotFoundError:
        return 0
    done = set()
    for line in lines:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if entry.get("status") == "done":
            done.add(entry["shard"])
    return len(done)


def test_poisoned_document_is_reported_and_its_shard_goes_on(scheduler, tmp_path):
    rows = [
        {"doc_id": "a", "published": "2024-05-17", "text": "Russian shelling killed two people in Kharkiv on Friday."},
        {"doc_id": "poison", "text": f"{standin.POISON} and shelling in Kharkiv."},
        {"doc_id": "c", "published": "2024-05-17", "text": "Shelling hit Sumy on Thursday, the governor said."},
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = extract_corpus([str(tmp_path / "in")], tmp_path / "out", engine="dask", scheduler=scheduler,
                             progress=False, extractor_factory=standin.poisoned_pipeline)
    assert summary.shards_done == 1 and summary.document_errors == 1
    lines = [json.loads(x) for x in (tmp_path / "out" / "p.events.jsonl").read_text().splitlines()]
    assert [x["doc_id"] for x in lines] == ["a", "poison", "c"]
    assert "poisoned document" in lines[1]["error"] and lines[0]["events"] and lines[2]["events"]


def test_worker_that_dies_is_replaced_and_its_shard_retried(scheduler, tmp_path):
    write_corpus(tmp_path / "in", n=6, shards=3, seed=5)
    shard = tmp_path / "in" / "news-00001.jsonl"
    shard.write_text(shard.read_text() + json.dumps({"doc_id": "killer", "text": standin.POISON}) + "\n")
    marker = tmp_path / "died"
    factory = _partial(standin.dying_factory, str(marker))
    summary = extract_corpus([str(tmp_path / "in")], tmp_path / "out", engine="dask", scheduler=scheduler,
                             progress=False, extractor_factory=factory)
    assert marker.exists(), "the worker should have killed itself once"
    assert summary.shards_done == 3 and summary.shards_failed == 0
    lines = [json.loads(x) for x in (tmp_path / "out" / "news-00001.events.jsonl").read_text().splitlines()]
    assert lines[-1]["doc_id"] == "killer" and "poisoned document" in lines[-1]["error"]
    assert len(_doc_ids(tmp_path / "out")) == 7


def _partial(func, *args):
    import functools

    return functools.partial(func, *args)


def test_unreachable_scheduler_is_a_clear_error_within_seconds(corpus, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(FetchError, match="cannot reach the Dask scheduler"):
        extract_corpus([str(corpus)], tmp_path, engine="dask", scheduler=f"tcp://127.0.0.1:{port}", progress=False)
    assert time.monotonic() - started < 15
    with pytest.raises(ConfigError, match="not a scheduler address"):
        extract_corpus([str(corpus)], tmp_path, engine="dask", scheduler="localhost:8786", progress=False)


def test_default_factory_is_the_events_pipeline():
    assert type(default_factory()).__module__ == "frontwatch.events.extractor"
