"""The synthetic corpus: reproducible, about 600 words, real places, gold spans that point into the text."""

from __future__ import annotations

import gzip
import json
import statistics

from frontwatch.scale.synth import article, towns, write_corpus


def test_same_seed_same_bytes_whatever_the_sharding(tmp_path):
    a = write_corpus(tmp_path / "a", n=7, shards=3, seed=11)
    b = write_corpus(tmp_path / "b", n=7, shards=1, seed=11, gzip_=True)
    assert b"".join(p.read_bytes() for p in a) == gzip.decompress(b[0].read_bytes())
    c = write_corpus(tmp_path / "c", n=7, shards=1, seed=12)
    assert c[0].read_bytes() != gzip.decompress(b[0].read_bytes())


def test_reports_are_about_600_words_with_gold_events_in_the_text():
    docs = [article(1, i) for i in range(40)]
    words = [len(d["text"].split()) for d in docs]
    assert 550 <= statistics.mean(words) <= 650 and min(words) > 400
    assert len({d["doc_id"] for d in docs}) == 40
    ids = {t.geonameid for t in towns()}
    for d in docs:
        assert 3 <= len(d["events"]) <= 6
        for ev in d["events"]:
            span = ev["evidence"]
            assert d["text"][span["start"]:span["end"]] == span["text"]
            assert ev["location"]["geonameid"] is None or ev["location"]["geonameid"] in ids
        json.dumps(d)  # JSON-serialisable as written


def test_events_mean_sets_the_events_an_article():
    dense = [article(1, i, words=300, events_mean=14) for i in range(60)]
    counts = [len(d["events"]) for d in dense]
    assert min(counts) >= 11 and max(counts) <= 17 and 13 <= statistics.mean(counts) <= 15
    for d in dense:  # every event's evidence still points into the text
        for ev in d["events"]:
            span = ev["evidence"]
            assert d["text"][span["start"]:span["end"]] == span["text"]
