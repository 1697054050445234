"""The territory commands end to end on a small store file: JSON shapes, files written, one-line errors."""

from __future__ import annotations

import json
from datetime import date

from shapely.geometry import box

from frontwatch.cli import main
from frontwatch.store import open_store

from .conftest import fill


def _store(tmp_path):
    path = tmp_path / "t.duckdb"
    with open_store(path) as store:
        fill(store, date(2024, 5, 1), [{"occupied": box(37.0, 48.0, 37.0 + 0.01 * k + 0.5, 48.5)} for k in range(12)])
    return str(path)


def test_change_series_record_json(tmp_path, capsys):
    db = _store(tmp_path)
    assert main(["territory", "change", "--from", "2024-05-01", "--to", "2024-05-08", "--db", db, "--json",
                 "--geojson", str(tmp_path / "c.geojson")]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["from"]["date"] == "2024-05-01" and d["gained_km2"] > 0 and d["lost_km2"] == 0
    assert json.loads((tmp_path / "c.geojson").read_text())["features"][0]["properties"]["change"] == "gained"
    assert main(["territory", "series", "--freq", "day", "--db", db, "--json", "--csv", str(tmp_path / "s.csv"),
                 "--chart", str(tmp_path / "s.png")]) == 0
    points = json.loads(capsys.readouterr().out)
    assert len(points) == 11 and set(points[0]) == {"start", "end", "gained_km2", "lost_km2", "net_km2"}
    assert (tmp_path / "s.png").stat().st_size > 1000
    assert main(["territory", "record", "--window", "3", "--at", "2024-05-12", "--db", db, "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert {"net_km2", "largest_since", "rank_in_last_365_days"} <= set(r)


def test_errors_are_one_line(tmp_path, capsys):
    db = _store(tmp_path)
    assert main(["territory", "change", "--period", "2024-13", "--db", db]) == 1
    assert main(["territory", "change", "--from", "2023-01-01", "--to", "2024-05-03", "--db", db]) == 1
    assert main(["territory", "record", "--at", "", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "YYYY-MM" in err and "2024-05-01 to 2024-05-12" in err and "not a date: ''" in err
    assert "Traceback" not in err
    # no regions imported: the bundled oblasts answer (issue 10 item 5)
    assert main(["territory", "change", "--from", "2024-05-01", "--to", "2024-05-03", "--by-region", "--db", db,
                 "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)["regions"]] == ["Donetsk Oblast"]
