"""`frontwatch extract` as a user runs it: formats, one jsonl line per input line, storing, errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from frontwatch.cli import main
from frontwatch.store import open_store

REPORT = (
    "Russian artillery shelled Nikopol on Friday, killing a woman, the regional governor said.\n\n"
    "Air defences intercepted 18 drones over the Kyiv region overnight."
)


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def _run(capsys, *args):
    code = main(["extract", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_default(capsys, report):
    code, out, _ = _run(capsys, report, "--published", "2023-09-08")
    doc = json.loads(out)
    assert code == 0 and doc["doc_id"] == "report" and len(doc["events"]) == 2


def test_jsonl_one_line_per_input_line_in_order(capsys, tmp_path):
    p = tmp_path / "in.jsonl"
    lines = [
        {"doc_id": "1", "text": "Russian artillery shelled Nikopol.", "published": "2023-09-08"},
        {"doc_id": "2", "text": "Nothing to report."},
        "broken",
        {"doc_id": "4", "text": "Police arrested five protesters."},
    ]
    p.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, p, "--input", "jsonl", "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [r["doc_id"] for r in rows] == ["1", "2", f"{p}:3", "4"]
    assert rows[0]["events"] and rows[1]["events"] == [] and "error" not in rows[1]
    assert rows[2]["events"] == [] and "not valid JSON" in rows[2]["error"] and "not valid JSON" in err


def test_csv_acled_geojson(capsys, report):
    _, out, _ = _run(capsys, report, "--published", "2023-09-08", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and {r["sub_event_type"] for r in rows} == {
        "Shelling/artillery/missile attack",
        "Disrupted weapons use",
    }
    _, out, _ = _run(capsys, report, "--published", "2023-09-08", "--format", "acled")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["event_date"] and "event_id_cnty" in rows[0] and rows[0]["latitude"]
    _, out, _ = _run(capsys, report, "--published", "2023-09-08", "--format", "geojson")
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and all(f["geometry"]["type"] == "Point" for f in fc["features"])


def test_store_with_the_article(capsys, report, tmp_path):
    db = tmp_path / "x.duckdb"
    code, _, _ = _run(capsys, report, "--published", "2023-09-08", "--db", db)
    assert code == 0
    with open_store(db) as store:
        row = store.get_article("report")
        assert row["text"] == REPORT and len(row["events"]) == 2


def test_bad_format_is_a_usage_error(capsys, report):
    code, _, _ = _run(capsys, report, "--format", "xml")
    assert code == 2


def test_stdin_and_a_missing_file_in_one_run(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "frontwatch", "extract", "-", str(tmp_path / "gone.txt"), "--format", "jsonl"],
        input="Russian artillery shelled Nikopol.",
        capture_output=True,
        text=True,
    )
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 0 and len(rows) == 2 and rows[0]["events"] and "no such file" in rows[1]["error"]
