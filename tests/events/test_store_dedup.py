"""Events stored by extraction are merged with stored reports of the same incident (issue 4: applied when storing)."""

from __future__ import annotations

import json

from frontwatch.events.run import extract_sources


def test_two_reports_of_one_shelling_share_a_cluster(store, tmp_path):
    corpus = tmp_path / "reports.jsonl"
    lines = [
        {"doc_id": "a", "published": "2024-05-17",
         "text": "Russian shelling killed two civilians in Kostiantynivka in the Donetsk region on Thursday, "
                 "the regional governor said."},
        {"doc_id": "b", "published": "2024-05-17",
         "text": "Two people were killed when Russian artillery shelled Kostiantynivka on Thursday, officials said."},
        {"doc_id": "c", "published": "2024-05-17",
         "text": "Hundreds of people protested in Lviv on Wednesday to demand the return of prisoners of war."},
    ]
    corpus.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    results = list(extract_sources([str(corpus)], input_format="jsonl", store=store))
    assert all(r.error is None and r.events for r in results)
    rows = store.query("SELECT a.doc_id, e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id "
                       "WHERE e.ordinal = 0 ORDER BY a.doc_id")
    cluster = {r["doc_id"]: r["cluster_id"] for r in rows}
    assert cluster["a"] and cluster["a"] == cluster["b"]
    assert cluster["c"] != cluster["a"]
