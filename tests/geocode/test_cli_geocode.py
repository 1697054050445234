"""``frontwatch geocode FILE.jsonl [--spans]``: the CONTRACTS shapes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.cli import main

DOC = {"doc_id": "a", "text": "Explosions in Kharkiv and Bakhmut.", "toponyms": [{"start": 14, "end": 21}]}


def _run(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def test_spans(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(DOC) + "\n\n" + json.dumps({**DOC, "doc_id": "b"}) + "\n", encoding="utf-8")
    rc, out, _ = _run(capsys, "geocode", str(path), "--spans")
    assert rc == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["doc_id"] for d in lines] == ["a", "b"]
    pred = lines[0]["toponyms"][0]["pred"]
    assert set(pred) >= {"lat", "lon", "geonameid", "name", "country", "admin1", "feature_code"}
    assert pred["name"] == "Kharkiv" and pred["country"] == "UA"


def test_find(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": DOC["text"]}) + "\n", encoding="utf-8")
    rc, out, _ = _run(capsys, "geocode", str(path))
    assert rc == 0
    doc = json.loads(out)
    names = {DOC["text"][t["start"]:t["end"]]: t["pred"]["name"] for t in doc["pred_toponyms"]}
    assert names == {"Kharkiv": "Kharkiv", "Bakhmut": "Bakhmut"}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json\n", "not JSON"),
        (json.dumps({"doc_id": "a", "text": "x"}) + "\n", "toponyms"),
        (json.dumps({"doc_id": "a", "text": "x", "toponyms": [{"start": 0}]}) + "\n", "start"),
        (json.dumps({"doc_id": "a"}) + "\n", "text"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, capsys, content: str, needle: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    rc, _, err = _run(capsys, "geocode", str(path), "--spans")
    assert rc == 1
    assert len(err.strip().splitlines()) == 1 and needle in err and "bad.jsonl" in err


def test_missing_file_and_bad_bytes(tmp_path: Path, capsys) -> None:
    rc, _, err = _run(capsys, "geocode", str(tmp_path / "absent.jsonl"), "--spans")
    assert rc == 1 and "absent.jsonl" in err
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    rc, _, err = _run(capsys, "geocode", str(binary))
    assert rc == 1 and len(err.strip().splitlines()) == 1


def test_find_without_spacy(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": DOC["text"]}) + "\n", encoding="utf-8")
    rc, out, _ = _run(capsys, "geocode", str(path), "--no-spacy")
    assert rc == 0
    assert [t["pred"]["name"] for t in json.loads(out)["pred_toponyms"]] == ["Kharkiv", "Bakhmut"]
