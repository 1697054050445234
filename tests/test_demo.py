"""`frontwatch demo` end to end: the main job on the bundled example data, offline."""

from __future__ import annotations

import json

from frontwatch.cli import main
from frontwatch.demo import DEMO_DATA, run_demo
from frontwatch.store import open_store


def test_demo_runs_the_main_job(tmp_path):
    report = run_demo(tmp_path / "demo")
    assert report.snapshots_imported == len(list((DEMO_DATA / "snapshots").glob("*.geojson")))
    week = report.week
    assert week["gained_km2"] > 0 and abs(week["gained_km2"] - week["lost_km2"] - week["net_km2"]) < 1e-6
    assert {r["name"] for r in week["regions"]} == {"Demo North Region", "Demo South Region"}
    assert abs(sum(r["net_km2"] for r in week["regions"]) - week["net_km2"]) < 0.5
    assert report.events >= 5
    assert report.clusters < report.events  # the two reports of the Kostiantynivka shelling merge
    assert any(c["kind"].startswith("area") and c["verdict"] == "consistent" for c in report.claims)
    for path in report.files:
        assert path.exists() and path.stat().st_size > 0
    with open_store(report.db, read_only=True) as store:
        assert store.count_events() == report.events


def test_demo_twice_starts_from_a_fresh_store(tmp_path):
    first = run_demo(tmp_path / "demo")
    second = run_demo(tmp_path / "demo")
    assert second.snapshots_imported == first.snapshots_imported
    assert second.events == first.events


def test_demo_cli_json(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path / "d"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["snapshots_imported"] > 0 and payload["files"]
