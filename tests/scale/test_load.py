"""``frontwatch scale load`` on bad runs: one clear error per shard, nothing lost, a re-run after kill -9 completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from frontwatch.scale import extract_corpus, load_outputs
from frontwatch.scale.manifest import MANIFEST
from frontwatch.scale.synth import write_corpus
from frontwatch.store import open_store
from frontwatch.store.base import migration_files
from frontwatch.store.duckdb import DuckDBStore

from .standin import keyword_factory


def _extracted(tmp_path: Path, shards: int = 4, n: int = 12) -> Path:
    write_corpus(tmp_path / "in", n=n, shards=shards, seed=7, words=120)
    out = tmp_path / "out"
    extract_corpus([str(tmp_path / "in")], out, progress=False, extractor_factory=keyword_factory)
    return out


def _contents(db: str) -> tuple[int, int, int, dict[str, str]]:
    """Articles, events, distinct (doc_id, ordinal) pairs, and every event's cluster."""
    with open_store(db) as store:
        rows = store.query("SELECT a.doc_id, e.ordinal, e.cluster_id FROM events e JOIN articles a "
                           "ON a.id = e.article_id")
        return (int(store.scalar("SELECT count(*) FROM articles")), len(rows),
                len({(r["doc_id"], r["ordinal"]) for r in rows}),
                {f"{r['doc_id']}#{r['ordinal']}": r["cluster_id"] for r in rows})


def test_missing_corrupt_and_disagreeing_shards_fail_alone_with_one_line(tmp_path):
    out = _extracted(tmp_path)
    results = sorted(out.glob("*.events.jsonl"))
    results[0].unlink()  # missing results
    results[1].write_text(results[1].read_text() + "{not json\n")  # corrupt results
    manifest = [json.loads(x) for x in (out / MANIFEST).read_text().splitlines()]
    manifest[2]["events"] += 1  # the manifest disagrees with the shard's results
    (out / MANIFEST).write_text("".join(json.dumps(e) + "\n" for e in manifest))
    Path(manifest[3]["input"]).unlink()  # the input shard (the articles' text) is gone
    report = load_outputs(out, str(tmp_path / "fw.duckdb"))
    errors = {f["shard"]: f["error"] for f in report.failed}
    assert len(errors) == 4 and report.articles == 0
    assert "missing" in errors["news-00000"] and "corrupt" in errors["news-00001"]
    assert "manifest records" in errors["news-00002"] and "\n" not in "".join(errors.values())
    assert "news-00003" in errors


def test_a_good_shard_loads_beside_a_bad_one(tmp_path):
    out = _extracted(tmp_path, shards=2, n=6)
    sorted(out.glob("*.events.jsonl"))[0].unlink()
    report = load_outputs(out, str(tmp_path / "fw.duckdb"))
    assert [f["shard"] for f in report.failed] == ["news-00000"] and report.articles == 3


_KILLER = """
import os, signal, sys
import frontwatch.scale.load as load
original = load._load_shard
calls = []
def dying(store, out_dir, entry):
    calls.append(entry)
    if len(calls) == 3:  # in the middle of the third shard's transaction: articles written, not committed
        store.add_articles = lambda items, add=store.add_articles: (add(items), os.kill(os.getpid(), signal.SIGKILL))
    return original(store, out_dir, entry)
load._load_shard = dying
load.load_outputs(sys.argv[1], sys.argv[2])
"""


def test_a_load_killed_mid_shard_completes_on_rerun_without_duplicates(tmp_path):
    out = _extracted(tmp_path, shards=4, n=16)
    clean = str(tmp_path / "clean.duckdb")
    load_outputs(out, clean)
    expected = _contents(clean)
    db = str(tmp_path / "killed.duckdb")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run([sys.executable, "-c", _KILLER, str(out), db], env=env, capture_output=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    assert 0 < _contents(db)[0] < expected[0]  # two shards committed, the third rolled back
    report = load_outputs(out, db)
    assert not report.failed
    assert _contents(db) == expected  # no duplicate article or event, the same clusters
    assert expected[1] == expected[2]


_KILL_WHILE_CLUSTERING = """
import os, signal, sys
import frontwatch.dedup.assign as assign
import frontwatch.scale.load as load
original = assign.assign_articles
calls = []
def dying(store, ids, *args, **kwargs):
    calls.append(ids)
    if len(calls) == 2:  # the first batch is clustered and committed, the second is killed before it ends
        os.kill(os.getpid(), signal.SIGKILL)
    return original(store, ids, *args, **kwargs)
assign.assign_articles = dying
load.load_outputs(sys.argv[1], sys.argv[2], cluster_batch=5)
"""

_KILL_BEFORE_CLUSTERING = """
import os, signal, sys
import frontwatch.scale.load as load
load._cluster = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
load.load_outputs(sys.argv[1], sys.argv[2])
"""


def _killed(script: str, out: Path, db: str) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run([sys.executable, "-c", script, str(out), db], env=env, capture_output=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]


def _stale_marks(db: str) -> int:
    with open_store(db) as store:
        return int(store.scalar("SELECT count(*) FROM events WHERE dedup_component LIKE 'stale:%'"))


def _repeated(tmp_path: Path, shards: int = 4, days: int = 6) -> Path:
    """A run whose every shard reports the same incidents (one a day): reports merge across shards."""
    (tmp_path / "in").mkdir()
    for k in range(shards):
        lines = [json.dumps({"doc_id": f"rep-{k}-{d}", "published": f"2024-05-{d + 1:02d}",
                             "text": f"Artillery shelled the city on day {d}. Outlet {k} reported it."})
                 for d in range(days)]
        (tmp_path / "in" / f"news-{k:05d}.jsonl").write_text("\n".join(lines) + "\n")
    extract_corpus([str(tmp_path / "in")], tmp_path / "out", progress=False, extractor_factory=keyword_factory)
    return tmp_path / "out"


def test_a_load_killed_while_clustering_completes_on_rerun(tmp_path):
    out = _repeated(tmp_path)
    clean = str(tmp_path / "clean.duckdb")
    load_outputs(out, clean, cluster_batch=5)
    expected = _contents(clean)
    assert len(set(expected[3].values())) == 6 < expected[1]  # one incident a day, reported by every shard
    db = str(tmp_path / "killed.duckdb")
    _killed(_KILL_WHILE_CLUSTERING, out, db)
    assert _contents(db)[0] == expected[0] and None in _contents(db)[3].values()  # stored, half clustered
    report = load_outputs(out, db, cluster_batch=5)
    assert not report.failed and not report.unclustered
    assert _contents(db) == expected


def test_components_left_by_replaced_articles_survive_a_kill_between_the_steps(tmp_path):
    out = _repeated(tmp_path)
    clean = str(tmp_path / "clean.duckdb")
    load_outputs(out, clean)
    expected = _contents(clean)
    manifest = [json.loads(x) for x in (out / MANIFEST).read_text().splitlines()]
    (out / MANIFEST).write_text("".join(json.dumps(e) + "\n" for e in manifest[:2]))  # half the run again
    _killed(_KILL_BEFORE_CLUSTERING, out, clean)
    assert _stale_marks(clean) > 0  # the other half's components wait, marked, in the store
    report = load_outputs(out, clean)
    assert not report.failed and not report.unclustered and report.articles == 12
    assert _stale_marks(clean) == 0 and _contents(clean) == expected


class _OldStore(DuckDBStore):
    """A store as an older frontwatch left it: migrations before deterministic dedup (0021)."""

    def migrate(self, available=None):  # type: ignore[no-untyped-def]
        return super().migrate([m for m in migration_files() if m[0] < 21])


def test_a_store_from_an_older_migration_is_upgraded_and_keeps_its_rows(tmp_path):
    db = str(tmp_path / "old.duckdb")
    with _OldStore(db) as old:
        old.execute("INSERT INTO articles (doc_id, text) VALUES ('old-1', 'Old text')")
        old.execute("INSERT INTO events (article_id, ordinal, event_type, sub_event_type, event_json, cluster_id) "
                    "SELECT id, 0, 'Battles', 'Armed clash', '{}', 'e1' FROM articles")
        assert old.schema_version < 21
    out = _extracted(tmp_path, shards=2, n=6)
    report = load_outputs(out, db)
    assert not report.failed and report.articles == 6
    articles, _, _, clusters = _contents(db)
    assert articles == 7 and clusters["old-1#0"] == "e1"
    assert all(clusters.values())
