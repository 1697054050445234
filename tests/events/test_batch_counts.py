"""``frontwatch extract`` on whole corpora: documents in = output lines, each ok or with its error; exit codes."""

from __future__ import annotations

import json

from frontwatch.cli import main

NOTE = "On 5 February 2023, Russian forces shelled near Kupiansk, Kharkiv. Casualties unknown."
#: Not English: skipped with an error line before the parser, so a multi-megabyte corpus stays quick to run.
UKRAINIAN = "Російські війська обстріляли Куп'янськ, повідомили в обласній адміністрації. " * 20


def _write(path, rows):
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")


def test_multi_megabyte_corpus_every_document_accounted_for(tmp_path, capsys):
    rows: list = []
    for i in range(2500):
        if i % 250 == 0:
            rows.append({"doc_id": f"en{i}", "text": NOTE, "published": "2023-02-06"})
        elif i % 250 == 1:
            rows.append("{broken line")
        else:
            rows.append({"doc_id": f"uk{i}", "text": UKRAINIAN})
    rows.append({"doc_id": "sep", "text": "Russian forces shelled\u2028Kupiansk on Sunday.\u0085Casualties unknown."})
    corpus = tmp_path / "corpus.jsonl"
    _write(corpus, rows)
    assert corpus.stat().st_size > 3_000_000
    assert main(["extract", str(corpus), "--input", "jsonl", "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert len(out) == len(rows)
    ok = [o for o in out if "error" not in o]
    assert len(ok) == 11 and all(o["events"] for o in ok), [o for o in ok if not o["events"]]
    errors = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(rows) - len(ok)
    assert f"{len(rows)} documents: {len(ok)} extracted, {len(errors)} failed" in captured.err


def test_exit_1_when_every_input_failed(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    _write(bad, ["{not json", '{"doc_id": "x"}'])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(bad), str(empty), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3
    assert "every input failed" in captured.err


def test_exit_0_when_some_input_survives(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(NOTE, encoding="utf-8")
    assert main(["extract", str(good), str(tmp_path / "missing.txt"), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_an_article_the_store_refuses_is_recorded_and_the_batch_goes_on(tmp_path):
    """A store that refuses one article (here: its disk is full for that one) must not stop the run."""
    from frontwatch.errors import StoreError
    from frontwatch.events.extractor import Extractor
    from frontwatch.events.run import extract_sources
    from frontwatch.store import open_store

    corpus = tmp_path / "c.jsonl"
    _write(corpus, [{"doc_id": d, "text": NOTE, "published": "2023-02-06"} for d in ("a", "refused", "b")])
    store = open_store(tmp_path / "s.duckdb")
    real_add = store.add_article

    def add_article(article, events):
        if article.doc_id == "refused":
            raise StoreError("no space left on device; free some and re-run")
        return real_add(article, events)

    store.add_article = add_article
    try:
        results = list(extract_sources([str(corpus)], store=store, extractor=Extractor(geocoder=None)))
    finally:
        store.close()
    assert [(r.doc_id, r.error) for r in results] == [
        ("a", None),
        ("refused", "not stored: no space left on device; free some and re-run"),
        ("b", None),
    ]
