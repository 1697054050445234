"""Checking claims on a small store of synthetic control maps: two sources, several layers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from shapely.geometry import box

from frontwatch.claims import check_text
from frontwatch.claims.check import layer_sets
from frontwatch.cli import main
from frontwatch.geodesy import area_km2
from frontwatch.models import LayerGeometry, Snapshot
from frontwatch.store import open_store

PUB = date(2023, 9, 22)
# Occupied strip width (degrees of longitude) per day of September 2023; the grey zone is a fixed strip east of it.
WIDTHS = {1: 0.10, 8: 0.10, 15: 0.20, 20: 0.22}


def _layers(width: float, extra: dict[str, float]) -> list[LayerGeometry]:
    shapes = {"occupied": box(37.0, 48.0, 37.0 + width, 48.1)}
    left = 37.0 + width
    for name, w in extra.items():
        shapes[name] = box(left, 48.0, left + w, 48.1)
        left += w
    return [LayerGeometry(name, geom, area_km2(geom)) for name, geom in shapes.items()]


def _fill(store, source: str, extra: dict[str, float]) -> None:
    for day, width in WIDTHS.items():
        snap = Snapshot(source, f"{source}-{day}", datetime(2023, 9, day, 20, tzinfo=UTC))
        store.add_snapshot(snap, _layers(width, extra))


@pytest.fixture
def maps(tmp_path):
    store = open_store(tmp_path / "maps.duckdb")
    _fill(store, "deepstate", {"contested": 0.05})
    _fill(store, "isw", {"claimed": 0.08})
    yield store
    store.close()


def _net(store, source: str, layer: str, start: date, end: date) -> float:
    from frontwatch.territory.changes import change

    return change(store, layer=layer, start=start, end=end, source=source).net_km2


def test_layer_sets_follow_the_stored_layers(maps):
    assert layer_sets(maps, "deepstate") == ["occupied", "occupied+contested"]
    assert layer_sets(maps, "isw") == ["occupied", "occupied+claimed"]


def test_figure_matching_the_occupied_layer_is_consistent(maps):
    net = _net(maps, "deepstate", "occupied", date(2023, 9, 8), date(2023, 9, 15))
    text = f"Russian forces took {net:.0f} square kilometres between September 9 and 15."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "consistent"
    assert claim.figure("deepstate", "occupied").value_km2 == pytest.approx(net, abs=0.1)
    assert {"deepstate:occupied+contested", "isw:occupied"} <= {f.key for f in claim.computed}
    assert "agrees with" in claim.explanation


def test_figure_far_from_every_layer_is_inconsistent_and_lists_them(maps):
    net = _net(maps, "deepstate", "occupied", date(2023, 9, 8), date(2023, 9, 15))
    text = f"Russian forces took {3 * net:.0f} km2 between September 9 and 15."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "inconsistent"
    assert all(f.verdict == "inconsistent" for f in claim.computed)
    assert "matches no layer" in claim.explanation and "DeepState occupied" in claim.explanation


def test_credited_source_in_the_store_decides(maps):
    net = _net(maps, "deepstate", "occupied", date(2023, 9, 8), date(2023, 9, 15))
    text = f"Russian forces took {net:.0f} km2 between September 9 and 15, according to ISW."
    (claim,) = check_text(maps, text, published=PUB).claims
    # both sources grew the same here, so ISW's own layers agree and decide
    assert claim.verdict == "consistent" and "credits ISW" in claim.explanation


def test_credited_source_missing_from_store_is_named(maps):
    text = "Russian forces took 900 km2 between September 9 and 15, as AFP calculated from cyterat data."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "inconsistent"
    assert "cyterat" in claim.explanation and "not in this store" in claim.explanation


def test_period_outside_the_data_is_unverifiable_with_the_reason(maps):
    text = "Russian forces took 50 km2 between March 1 and 7, 2021."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "unverifiable"
    assert "2021" in claim.explanation


def test_contradictory_units_are_inconsistent(maps):
    net = _net(maps, "deepstate", "occupied", date(2023, 9, 8), date(2023, 9, 15))
    text = f"Russian forces took {net:.0f} square kilometers ({net:.0f} square miles) between September 9 and 15."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "inconsistent" and "contradicts itself" in claim.explanation


def test_empty_store_is_unverifiable(store):
    (claim,) = check_text(store, "Russia took 50 km2 between September 9 and 15.", published=PUB).claims
    assert claim.verdict == "unverifiable" and "import" in claim.explanation


def test_cli_article_without_claims_exits_zero(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Drones struck a depot overnight, the governor said.", encoding="utf-8")
    code = main(["check", str(article), "--published", "2023-09-22", "--json", "--db", str(tmp_path / "x.duckdb")])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["claims"] == [] and "no checkable claim" in out["note"]


def test_cli_missing_article_is_one_line(tmp_path, capsys):
    code = main(["check", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert code == 1 and "does not exist" in capsys.readouterr().err


@pytest.fixture
def history(tmp_path):
    """A year in which the largest week came in January, and a smaller but notable one in September."""
    store = open_store(tmp_path / "history.duckdb")
    widths = {date(2023, 1, 1): 0.01, date(2023, 1, 8): 0.30, date(2023, 6, 1): 0.30, date(2023, 6, 8): 0.33,
              date(2023, 9, 8): 0.33, date(2023, 9, 15): 0.43}
    for day, width in widths.items():
        snap = Snapshot("deepstate", day.isoformat(), datetime(day.year, day.month, day.day, 20, tzinfo=UTC))
        store.add_snapshot(snap, _layers(width, {}))
    yield store
    store.close()


def _record(store, text: str):
    (record,) = [c for c in check_text(store, text, published=PUB).claims if c.claim.kind == "record"]
    return record


def test_record_holds_within_a_short_lookback(history):
    c = _record(history, "Russian forces took 700 km2 between September 9 and 15, their biggest gains in four months.")
    assert c.verdict == "consistent" and c.figure("deepstate", "occupied").largest_since.startswith("2023-01")


def test_record_fails_when_a_larger_week_lies_inside_the_lookback(history):
    c = _record(history, "Russian forces took 700 km2 between September 9 and 15, their biggest gains in a year.")
    assert c.verdict == "inconsistent" and "does not hold" in c.explanation


def test_record_reaching_before_the_data_is_unverifiable(history):
    c = _record(history, "Russian forces took 700 km2 between January 2 and 8, their biggest gains in two years.")
    assert c.verdict == "unverifiable" and "data begin" in c.explanation


def test_settlement_counts_off_the_claim_contradict_it_in_ukraine_where_the_gazetteer_is_complete(tmp_path):
    store = open_store(tmp_path / "towns.duckdb")
    before, after = box(37.0, 48.0, 37.05, 48.05), box(37.0, 48.0, 38.2, 48.5)  # the second covers many towns
    for day, geom in ((1, before), (20, after)):
        snap = Snapshot("deepstate", str(day), datetime(2023, 9, day, 20, tzinfo=UTC))
        store.add_snapshot(snap, [LayerGeometry("occupied", geom, area_km2(geom))])
    few = check_text(store, "Russia's Defence Ministry said its troops captured one village in the Donetsk region "
                     "between September 2 and 20.", published=PUB).claims[0]
    assert few.verdict == "inconsistent" and few.figure("deepstate", "occupied").value > 3
    many = check_text(store, "Russia's Defence Ministry said its troops captured 900 villages in the Donetsk region "
                      "between September 2 and 20.", published=PUB).claims[0]
    assert many.verdict == "inconsistent" and many.figure("deepstate", "occupied").value < 900
    store.close()


def test_settlement_counts_below_the_claim_are_a_lower_bound_outside_ukraine(tmp_path):
    store = open_store(tmp_path / "kursk.duckdb")
    before, after = box(35.0, 51.0, 35.05, 51.05), box(35.0, 51.0, 36.5, 51.8)  # Kursk oblast's towns
    for day, geom in ((1, before), (20, after)):
        snap = Snapshot("deepstate", str(day), datetime(2023, 9, day, 20, tzinfo=UTC))
        store.add_snapshot(snap, [LayerGeometry("occupied", geom, area_km2(geom))])
    many = check_text(store, "Ukraine's General Staff said its troops captured 900 villages in the Kursk region "
                      "between September 2 and 20.", published=PUB).claims[0]
    assert many.verdict == "unverifiable" and "lower bound" in many.explanation
    store.close()


def test_a_lower_bound_agrees_with_any_larger_change(maps):
    net = _net(maps, "deepstate", "occupied", date(2023, 9, 8), date(2023, 9, 15))
    text = f"Russian forces took more than {net / 3:.0f} km2 between September 9 and 15."
    (claim,) = check_text(maps, text, published=PUB).claims
    assert claim.verdict == "consistent" and claim.explanation.startswith("more than")
