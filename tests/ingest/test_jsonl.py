"""JSONL corpora: streamed line by line, nothing dropped, every line a document or an error naming it."""

from __future__ import annotations

import json

from frontwatch.ingest import read_sources
from frontwatch.ingest.jsonl import documents_from_stream, jsonl_lines
from frontwatch.ingest.text import MAX_INPUT_BYTES, MAX_TEXT_CHARS

NOTE = "On 5 February 2023, Russian forces shelled near Kupiansk, Kharkiv. Casualties unknown."
PROSE = "The regional governor said that the shelling of the village had damaged two of the houses there. "


def _corpus(path, n, *, pad=0):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"doc_id": f"n{i}", "text": NOTE + " " + "x" * pad, "published": "2023-02-06"}) + "\n")


def test_multi_megabyte_corpus_gives_every_document(tmp_path):
    """More text than one document's cap (300,000 characters) in all: every line is still read."""
    p = tmp_path / "big.jsonl"
    _corpus(p, 3000, pad=1000)  # about 3.3 MB
    assert p.stat().st_size > 10 * MAX_TEXT_CHARS
    docs = list(read_sources([str(p)], input_format="jsonl"))
    assert [d.doc_id for d in docs] == [f"n{i}" for i in range(3000)]
    assert all(d.ok for d in docs)


def test_corpus_over_max_input_bytes_is_read_to_the_end(tmp_path):
    p = tmp_path / "huge.jsonl"
    _corpus(p, (MAX_INPUT_BYTES // 20_000) + 50, pad=20_000)
    assert p.stat().st_size > MAX_INPUT_BYTES
    docs = list(read_sources([str(p)]))  # auto: by suffix
    assert len(docs) == MAX_INPUT_BYTES // 20_000 + 50 and all(d.ok for d in docs)


def test_one_document_over_the_cap_is_truncated_alone(tmp_path):
    p = tmp_path / "c.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc_id": "long", "text": (PROSE + "\n") * 4000}) + "\n")
        fh.write(json.dumps({"doc_id": "after", "text": NOTE}) + "\n")
    long, after = read_sources([str(p)])
    assert len(long.article.text) <= MAX_TEXT_CHARS and "truncated" in long.notes[0]
    assert after.ok and after.article.text == NOTE


def test_overlong_line_is_named_and_the_rest_is_read():
    lines = [b'{"doc_id": "a", "text": "' + b"y" * 5000 + b'"}', b'{"doc_id": "b", "text": "short"}']
    docs = list(documents_from_stream(iter([b"\n".join(lines)]), name="s.jsonl", max_line_bytes=1000))
    assert docs[0].doc_id == "s.jsonl:1" and "longer than 1,000 bytes" in docs[0].error
    assert docs[1].doc_id == "b" and docs[1].ok


def test_line_separators_inside_json_strings_do_not_split_documents():
    """Raw U+2028, U+2029 and U+0085 are valid inside JSON strings; str.splitlines would cut there."""
    rows = [{"doc_id": f"d{i}", "text": f"one{sep}two"} for i, sep in enumerate(("\u2028", "\u0085", "\u2029", "\x1c"))]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8")
    docs = list(documents_from_stream(iter([data]), name="x"))
    assert [d.doc_id for d in docs] == ["d0", "d1", "d2", "d3"] and all(d.ok for d in docs)
    assert docs[1].article.text == "one\u0085two"


def test_lines_split_across_chunks_and_crlf():
    data = b'{"doc_id": "a", "text": "alpha"}\r\n\n{"doc_id": "b", "text": "beta"}'
    chunks = [data[i : i + 7] for i in range(0, len(data), 7)]
    assert [n for n, _ in jsonl_lines(iter(chunks))] == [1, 2, 3]
    docs = list(documents_from_stream(iter(chunks), name="x"))
    assert [d.article.text for d in docs] == ["alpha", "beta"]


def test_bad_lines_each_give_one_error_and_the_batch_goes_on():
    data = b"\n".join(
        [
            b'{"doc_id": "ok1", "text": "fine"}',
            b"caf\xe9 {broken",
            b"[1, 2]",
            b'{"doc_id": "nodate", "text": "t", "published": "someday"}',
            b'{"doc_id": "ok2", "text": "fine too"}',
        ]
    )
    docs = list(documents_from_stream(iter([data]), name="c.jsonl"))
    assert [d.doc_id for d in docs] == ["ok1", "c.jsonl:2", "c.jsonl:3", "nodate", "ok2"]
    assert "not valid UTF-8" in docs[1].error and "not a JSON object" in docs[2].error
    assert "publication date" in docs[3].error and docs[4].ok


def test_empty_corpus_is_one_error():
    (doc,) = documents_from_stream(iter([b"\n \n"]), name="e.jsonl")
    assert doc.doc_id == "e.jsonl" and "empty" in doc.error


def test_stdin_jsonl_streams(tmp_path):
    text = "\n".join(json.dumps({"doc_id": f"s{i}", "text": NOTE}) for i in range(500))
    docs = list(read_sources(["-"], stdin_text=text, input_format="auto"))
    assert len(docs) == 500 and all(d.ok for d in docs)
