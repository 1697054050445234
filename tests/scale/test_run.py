"""The engine's semantics in-process: outputs, manifest, resume, and every bad input of the issue.

These use the cheap stand-in extractor (tests/scale/standin.py) so that they isolate the engine; the
Dask tests (test_dask.py) run the real events pipeline.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from frontwatch.errors import ConfigError, NotFound, StoreError
from frontwatch.scale import extract_corpus, load_outputs
from frontwatch.scale.manifest import MANIFEST, Manifest
from frontwatch.scale.output import TEMP_MARK
from frontwatch.scale.synth import write_corpus

from .standin import POISON, FullDiskWriter, keyword_factory


def _corpus(folder: Path, shards: int = 4, n: int = 8, gzip_: bool = False) -> list[Path]:
    return write_corpus(folder, n=n, shards=shards, seed=7, gzip_=gzip_)


def _run(inputs, out: Path, **kw):
    kw.setdefault("extractor_factory", keyword_factory)
    return extract_corpus([str(i) for i in inputs], out, progress=False, **kw)


def _output_docs(out: Path) -> list[str]:
    files = sorted(out.glob("*.events.jsonl"))
    return [json.loads(line)["doc_id"] for f in files for line in f.read_text().splitlines()]


def _manifest_lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]


def test_one_output_per_shard_and_rerun_skips(tmp_path):
    _corpus(tmp_path / "in")
    summary = _run([tmp_path / "in"], tmp_path / "out")
    assert summary.to_dict()["shards"] == {"total": 4, "done": 4, "skipped": 0, "failed": 0}
    assert summary.documents == 8 and summary.events > 0
    assert len(list((tmp_path / "out").glob("*.events.jsonl"))) == 4
    assert _output_docs(tmp_path / "out") == [f"synth-7-{i:07d}" for i in range(8)]
    table = pq.read_table(sorted((tmp_path / "out").glob("*.events.parquet")))
    assert table.num_rows == summary.events
    again = _run([tmp_path / "in"], tmp_path / "out")
    assert (again.shards_done, again.shards_skipped) == (0, 4)


def test_changed_input_is_redone_and_touched_input_is_not(tmp_path):
    files = _corpus(tmp_path / "in")
    _run([tmp_path / "in"], tmp_path / "out")
    files[0].touch()  # same bytes, new mtime: the hash says nothing changed
    with files[1].open("a") as fh:
        fh.write(json.dumps({"doc_id": "extra", "text": "Shelling hit the town. Nothing else."}) + "\n")
    again = _run([tmp_path / "in"], tmp_path / "out")
    assert (again.shards_done, again.shards_skipped) == (1, 3)
    assert "extra" in _output_docs(tmp_path / "out")


def test_gzip_shards_and_glob(tmp_path):
    _corpus(tmp_path / "in", gzip_=True)
    summary = _run([str(tmp_path / "in" / "*.jsonl.gz")], tmp_path / "out")
    assert summary.shards_done == 4 and summary.documents == 8


def test_poisoned_document_is_reported_and_its_shard_goes_on(tmp_path):
    files = _corpus(tmp_path / "in", shards=2)
    rows = [json.loads(line) for line in files[0].read_text().splitlines()]
    rows.insert(1, {"doc_id": "poison", "text": f"{POISON}: shelling everywhere."})
    rows.insert(2, {"doc_id": "no-text"})
    files[0].write_text("".join(json.dumps(r) + "\n" for r in rows) + "{not json\n")
    summary = _run([tmp_path / "in"], tmp_path / "out")
    assert summary.shards_done == 2 and summary.document_errors == 3
    lines = [json.loads(x) for x in (tmp_path / "out" / "news-00000.events.jsonl").read_text().splitlines()]
    assert [x["doc_id"] for x in lines] == [rows[0]["doc_id"], "poison", "no-text", *[r["doc_id"] for r in rows[3:]],
                                            "news-00000:7"]
    assert lines[1]["events"] == [] and "poisoned document" in lines[1]["error"]
    assert lines[-1]["error"] and lines[3]["events"]  # the documents after the poison were still extracted
    entry = _manifest_lines(tmp_path / "out")[0]
    assert entry["status"] == "done" and entry["document_errors"] == 3
    assert {e["doc_id"] for e in entry["errors"]} == {"poison", "no-text", "news-00000:7"}


def test_missing_shard_fails_alone_and_is_retried(tmp_path):
    files = _corpus(tmp_path / "in", shards=2)
    missing = tmp_path / "in" / "late.jsonl"
    summary = _run([*files, missing], tmp_path / "out")
    assert (summary.shards_done, summary.shards_failed) == (2, 1)
    assert "late.jsonl does not exist" in summary.failed[0]["error"]
    missing.write_text(json.dumps({"doc_id": "late-1", "text": "Shelling again."}) + "\n")
    again = _run([*files, missing], tmp_path / "out")
    assert (again.shards_done, again.shards_skipped, again.shards_failed) == (1, 2, 0)


def test_unreadable_gzip_fails_that_shard_only(tmp_path):
    files = _corpus(tmp_path / "in", shards=3, gzip_=True)
    data = files[1].read_bytes()
    files[1].write_bytes(data[: len(data) // 2])  # truncated download
    (tmp_path / "in" / "junk.jsonl.gz").write_bytes(b"this is not gzip at all")
    summary = _run([tmp_path / "in"], tmp_path / "out")
    assert (summary.shards_done, summary.shards_failed) == (2, 2)
    errors = {f["shard"]: f["error"] for f in summary.failed}
    assert "unreadable gzip" in errors["news-00001"] and "unreadable gzip" in errors["junk"]
    assert not (tmp_path / "out" / "news-00001.events.jsonl").exists()


def test_nothing_to_read_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(NotFound, match=r"holds no \.jsonl"):
        _run([tmp_path / "empty"], tmp_path / "out")
    with pytest.raises(NotFound, match="matches the pattern"):
        _run([str(tmp_path / "nowhere" / "*.jsonl")], tmp_path / "out")


def test_disk_full_is_a_clear_error_and_the_manifest_stays_consistent(tmp_path):
    _corpus(tmp_path / "in", shards=4)
    # Room for about one shard and a half of outputs: the second or third shard's write fails.
    full = FullDiskWriter(budget=50_000)
    with pytest.raises(StoreError, match="no space left on the device"):
        _run([tmp_path / "in"], tmp_path / "out", writer=full)
    out = tmp_path / "out"
    entries = [e for e in _manifest_lines(out) if e["status"] == "done"]
    assert 1 <= len(entries) < 4
    for e in entries:  # every shard the manifest calls done has its complete outputs
        assert (out / f"{e['shard']}.events.jsonl").stat().st_size == e["outputs"]["jsonl"]
    assert not list(out.glob(f".*{TEMP_MARK}*"))
    again = _run([tmp_path / "in"], out)  # space freed: the run resumes
    assert again.shards_skipped == len(entries) and again.shards_failed == 0
    assert sorted(_output_docs(out)) == [f"synth-7-{i:07d}" for i in range(8)]


def test_disk_full_while_appending_the_manifest_keeps_it_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with Manifest(out) as m:
        m.record({"shard": "a", "status": "done"})
    with Manifest(out, FullDiskWriter(budget=10)) as m, pytest.raises(StoreError, match="no space left"):
        m.record({"shard": "b", "status": "done", "padding": "x" * 100})
    assert [e["shard"] for e in _manifest_lines(out)] == ["a"]


def test_torn_manifest_line_is_dropped_and_its_shard_redone(tmp_path):
    _corpus(tmp_path / "in", shards=2)
    out = tmp_path / "out"
    _run([tmp_path / "in"], out)
    raw = (out / MANIFEST).read_bytes()
    (out / MANIFEST).write_bytes(raw[:-40])  # killed in the middle of the last append
    again = _run([tmp_path / "in"], out)
    assert (again.shards_done, again.shards_skipped) == (1, 1)
    assert len(_manifest_lines(out)) == 2


def test_two_runs_cannot_share_an_output_folder(tmp_path):
    (tmp_path / "out").mkdir()
    with Manifest(tmp_path / "out"), pytest.raises(ConfigError, match="another run"):
        Manifest(tmp_path / "out")


def test_bad_options(tmp_path):
    _corpus(tmp_path / "in", shards=1, n=1)
    with pytest.raises(ConfigError, match="need --engine dask"):
        _run([tmp_path / "in"], tmp_path / "out", workers=2)
    with pytest.raises(ConfigError, match="unknown output format"):
        _run([tmp_path / "in"], tmp_path / "out", formats=("jsonl", "csv"))
    with pytest.raises(ConfigError, match="not known"):
        _run([tmp_path / "in"], tmp_path / "out", engine="spark")


def test_load_into_the_store_is_idempotent(tmp_path, store):
    files = _corpus(tmp_path / "in", shards=2)
    with gzip.open(tmp_path / "in" / "extra.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({"doc_id": "poison", "text": f"{POISON} shelling"}) + "\n")
    summary = _run([tmp_path / "in"], tmp_path / "out")
    target = store.target
    store.close()
    first = load_outputs(tmp_path / "out", target)
    second = load_outputs(tmp_path / "out", target)
    assert first.to_dict() == second.to_dict()
    assert (first.articles, first.events, first.skipped_documents) == (8, summary.events, 1)
    from frontwatch.store import open_store

    with open_store(target) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 8
        assert s.count_events() == summary.events
        article = s.get_article("synth-7-0000000")
        ev = article["events"][0]
        assert article["text"][ev["evidence_start"]:ev["evidence_end"]] == ev["evidence_text"]
    files[0].write_text(files[0].read_text() + "\n")  # the input changed after extraction: refuse that shard
    third = load_outputs(tmp_path / "out", target)
    assert [f["shard"] for f in third.failed] == ["news-00000"] and "changed since" in third.failed[0]["error"]
