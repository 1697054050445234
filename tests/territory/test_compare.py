"""Two sources side by side (``--source all``) and week by week (``territory compare``), on boxes whose changes
are known: a daily source and a weekly one (Sundays, 00:00 UTC, as ISW's archive is dated)."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import pytest
from shapely.geometry import box

from frontwatch.cli import main
from frontwatch.errors import DataUnavailable, InputError, UnknownLayer
from frontwatch.geodesy import area_km2
from frontwatch.store import open_store
from frontwatch.territory.changes import change
from frontwatch.territory.compare import compare, pearson, write_compare_chart, write_rows_csv
from frontwatch.territory.side_by_side import change_all, record_all, series_all
from frontwatch.territory.steps import refresh_steps

from .conftest import add_day, fill

FIRST = date(2024, 4, 28)  # a Sunday
DAYS = 36


def occupied(k: int) -> box:
    """The state on day k: a strip growing east by 0.01° a day, faster (0.03°) in the third week."""
    east = 37.0 + 0.01 * k + 0.02 * max(0, min(k, 21) - 14)
    return box(36.5, 48.0, east, 48.5)


def build(store) -> None:
    fill(store, FIRST, [{"occupied": occupied(k), "contested": box(40, 48, 40.1, 48.1)} for k in range(DAYS)],
         source="deepstate")
    for k in range(0, DAYS, 7):  # ISW: Sundays at 00:00, a little ahead of DeepState (k + 1)
        add_day(store, FIRST + timedelta(days=k), {"occupied": occupied(k + 1)}, hour=0, source="isw")
    refresh_steps(store, "isw")


@pytest.fixture
def two(store):
    build(store)
    return store


def test_change_all_gives_each_source_its_states_and_gaps(two):
    got = change_all(two, layer="occupied", start=date(2024, 5, 9), end=date(2024, 5, 15))
    rows = {r["source"]: r for r in got["sources"]}
    assert set(rows) == {"deepstate", "isw"} and not got["failed"]
    ds, isw = rows["deepstate"], rows["isw"]
    assert (ds["from"]["gap_days"], ds["to"]["gap_days"], ds["cadence"], ds["note"]) == (0, 0, "daily", None)
    assert (isw["from"]["snapshot_date"], isw["from"]["gap_days"]) == ("2024-05-05", 4)
    assert (isw["to"]["snapshot_date"], isw["to"]["gap_days"]) == ("2024-05-12", 3)
    assert isw["cadence"] == "weekly" and "4 d earlier" in isw["note"] and "Crimea" in isw["layer_description"]
    exact = change(two, layer="occupied", start=date(2024, 5, 9), end=date(2024, 5, 15), source="isw")
    assert isw["net_km2"] == pytest.approx(exact.net_km2, abs=1e-3)
    expected = area_km2(occupied(15)) - area_km2(occupied(8))  # ISW's maps of 5 and 12 May hold days 8 and 15
    assert isw["net_km2"] == pytest.approx(expected, abs=0.1)  # stored steps keep 0.1 km²


def test_a_layer_no_source_has_is_one_clear_error(two):
    with pytest.raises(UnknownLayer, match=r"no source .* has layer 'claimed'"):
        change_all(two, layer="claimed", start=date(2024, 5, 9), end=date(2024, 5, 15))
    only = change_all(two, layer="occupied+contested", start=date(2024, 5, 9), end=date(2024, 5, 15))
    assert [r["source"] for r in only["sources"]] == ["deepstate"]  # ISW has no contested layer here


def test_daily_series_of_a_weekly_source_has_no_figure_between_its_maps(two):
    rows = series_all(two, freq="day", start=date(2024, 5, 6), end=date(2024, 5, 19))
    isw = [r for r in rows if r["source"] == "isw"]
    ds = [r for r in rows if r["source"] == "deepstate"]
    assert len(isw) == len(ds) == 14
    assert all(r["net_km2"] is not None for r in ds)
    with_figure = [r for r in isw if r["net_km2"] is not None]
    assert [r["end"] for r in with_figure] == ["2024-05-12", "2024-05-19"]  # one figure per new weekly map
    assert all("no new isw state" in r["note"] for r in isw if r["net_km2"] is None)
    assert with_figure[0]["from"]["snapshot_date"] == "2024-05-05"


def test_record_all_ranks_each_source(two):
    got = record_all(two, window=7, at=date(2024, 5, 26))
    rows = {r["source"]: r for r in got["sources"]}
    assert rows["isw"]["to"]["snapshot_date"] == "2024-05-26" and rows["isw"]["to"]["gap_days"] == 0
    assert rows["deepstate"]["net_km2"] > 0 and rows["isw"]["net_km2"] > 0


def test_compare_weekly_nets_correlation_and_divergences(two, tmp_path):
    result = compare(two, source_a="deepstate", source_b="isw", layer="occupied")
    weeks = result.weeks
    assert [w.end for w in weeks][:2] == [date(2024, 5, 5), date(2024, 5, 12)]
    for w in weeks:
        k = (w.end - FIRST).days
        assert w.net_a == pytest.approx(area_km2(occupied(k)) - area_km2(occupied(k - 7)), rel=1e-6)
        assert w.net_b == pytest.approx(area_km2(occupied(k + 1)) - area_km2(occupied(k - 6)), rel=1e-6)
    stats = result.stats()
    assert stats["weeks_compared"] == len(weeks) == 5
    assert stats["pearson_r"] == pytest.approx(pearson([w.net_a for w in weeks], [w.net_b for w in weeks]), abs=1e-3)
    top = result.divergences(1)[0]
    assert abs(top.diff) == max(abs(w.diff) for w in weeks)
    write_rows_csv([w.to_dict() for w in weeks], tmp_path / "c.csv")
    rows = list(csv.DictReader((tmp_path / "c.csv").read_text().splitlines()))
    assert len(rows) == 5 and {"net_km2_a", "net_km2_b", "to_b_snapshot_date", "to_b_gap_days"} <= set(rows[0])
    assert write_compare_chart(result, tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"


def test_compare_refuses_what_cannot_be_compared(two, tmp_path):
    with pytest.raises(InputError, match="two different sources"):
        compare(two, source_a="isw", source_b="isw", layer="occupied")
    with pytest.raises(DataUnavailable, match="share no whole Sunday-to-Sunday week"):
        compare(two, source_a="deepstate", source_b="isw", layer="occupied", start=date(2024, 5, 30))


def test_cli_source_all_and_compare(tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as st:
        build(st)
    assert main(["territory", "change", "--source", "all", "--from", "2024-05-09", "--to", "2024-05-15",
                 "--db", db, "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert {r["source"] for r in got["sources"]} == {"deepstate", "isw"}
    assert main(["territory", "series", "--source", "all", "--freq", "week", "--db", db, "--json"]) == 0
    assert {r["source"] for r in json.loads(capsys.readouterr().out)} == {"deepstate", "isw"}
    assert main(["territory", "record", "--source", "all", "--at", "2024-05-26", "--db", db]) == 0
    assert "isw layers: occupied: ISW assessed Russian control" in capsys.readouterr().out.replace("\n", " ")
    assert main(["territory", "compare", "--layer", "occupied", "--db", db, "--csv", str(tmp_path / "w.csv"),
                 "--chart", str(tmp_path / "w.png"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["weeks_compared"] == 5
    assert (tmp_path / "w.png").stat().st_size > 1000
    assert main(["territory", "compare", "--a", "deepstate", "--b", "cyterat", "--db", db]) == 1
    assert "no snapshots of source 'cyterat'" in capsys.readouterr().err


def test_cli_source_all_refuses_single_source_files(tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as st:
        build(st)
    assert main(["territory", "change", "--source", "all", "--from", "2024-05-09", "--to", "2024-05-15",
                 "--geojson", str(tmp_path / "g.geojson"), "--db", db]) == 1
    assert main(["territory", "series", "--source", "all", "--chart", str(tmp_path / "s.png"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "--geojson writes one source" in err and "territory compare" in err
    assert not (tmp_path / "g.geojson").exists() and not (tmp_path / "s.png").exists()
