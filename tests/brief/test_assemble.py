"""The brief's document: every source with its snapshots, figures equal to the library's, events as incidents."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch import territory
from frontwatch.brief import brief_period, build_brief
from frontwatch.errors import InputError

WEEK = brief_period(week_ending="2024-05-19")  # from the state at 12 May (sample week 5) to 19 May (week 6)


@pytest.fixture(scope="module")
def doc(sample_path):
    from frontwatch.store import open_store

    with open_store(sample_path, read_only=True) as store:
        brief = build_brief(store, WEEK)
        return brief.to_dict() | {"_images": sorted(brief.images)}


def test_every_map_source_has_a_section_with_its_snapshots_and_method(doc):
    assert [s["source"] for s in doc["ground"]] == ["deepstate", "isw"]
    for s in doc["ground"]:
        assert s["from"]["snapshot_key"] and s["to"]["snapshot_key"] != s["from"]["snapshot_key"]
        assert "geodesic on the WGS84 ellipsoid" in s["method"] and s["from"]["snapshot_key"] in s["method"]
        assert s["summary"][0].startswith(f"{s['net_km2']:+,.1f} km²")
    assert doc["_images"] == ["map-deepstate.png", "map-isw.png", "weekly-deepstate.png", "weekly-isw.png"]


def test_figures_are_the_territory_librarys(doc, sample):
    for s in doc["ground"]:
        expected = territory.change(sample, start=WEEK.start, end=WEEK.end, source=s["source"], by_region=True)
        assert (s["gained_km2"], s["lost_km2"], s["net_km2"]) == (
            round(expected.gained_km2, 1), round(expected.lost_km2, 1), round(expected.net_km2, 1))
        assert [r["name"] for r in s["regions"]] == [r.name for r in expected.regions]
        rec = territory.record(sample, window=7, at=WEEK.end, source=s["source"])
        assert s["record"]["largest_since"] == (rec.largest_since.isoformat() if rec.largest_since else None)


def test_a_sample_week_with_a_loss_before_it_has_a_streak_of_one(doc):
    deepstate = doc["ground"][0]
    assert deepstate["net_km2"] > 0
    assert deepstate["streak"]["weeks_of_net_gain"] == 1  # the week before (week 5) moved the front back
    marked = [w for w in deepstate["weekly"] if w["in_period"]]
    assert [w["end"] for w in marked] == ["2024-05-19"]


def test_events_are_counted_once_per_merged_incident_with_their_sources(doc):
    events = doc["events"]
    assert (events["reports"], events["incidents"]) == (5, 4)  # the two Kramatorsk reports are one incident
    top = events["deadliest"][0]
    assert top["place"] == "Kramatorsk" and top["reports"] == 2
    assert top["fatalities"] == {"best": 3, "low": 2, "high": 3}
    assert top["claimants"] == ["governor Vadym Filashkin", "the regional police"]
    assert {s["outlet"] for s in top["sources"]} == {"Wire A", "Wire B"}
    assert "3 killed (2–3)" in events["summary"][-1]


def test_a_period_without_snapshots_or_events_says_so(sample):
    doc = build_brief(sample, brief_period(week_ending="2023-01-08"), images=False).to_dict()
    for s in doc["ground"]:
        assert s["net_km2"] is None and any("2023-01-01" in n or "before" in n or "start" in n for n in s["notes"])
    assert doc["events"]["reports"] == 0 and "no events stored for" in doc["events"]["note"]
    assert "events are stored for other dates" in doc["events"]["note"]


def test_a_week_with_one_map_for_both_dates_says_no_change_can_be_seen(sample):
    doc = build_brief(sample, brief_period(week_ending="2024-05-14", start="2024-05-13"), images=False).to_dict()
    deepstate = doc["ground"][0]
    assert deepstate["net_km2"] == 0 and any("no snapshot between" in n for n in deepstate["notes"])


def test_an_empty_store_gives_a_brief_that_says_what_to_import(tmp_path):
    from frontwatch.store import open_store

    with open_store(tmp_path / "empty.duckdb") as store:
        doc = build_brief(store, WEEK).to_dict()
    assert doc["ground"] == [] and "import one" in doc["summary"][0]
    assert "the store holds no events" in doc["events"]["note"]


def test_a_missing_layer_is_a_note_not_a_crash(sample):
    doc = build_brief(sample, WEEK, layer="occupied+contested", images=False).to_dict()
    isw = doc["ground"][1]
    assert isw["net_km2"] is None and "has no layer contested" in isw["notes"][0]
    assert doc["ground"][0]["net_km2"] is not None


@pytest.mark.parametrize("kwargs, message", [
    ({}, "needs a period"),
    ({"week_ending": "2024-05-19", "period": "2024-05"}, "not several"),
    ({"week_ending": "2024-05-19", "start": "2024-05-20"}, "must be before"),
    ({"start": "2024-05-19", "end": "2024-05-01"}, "inverted"),
    ({"start": "2024-05-19", "end": "2024-05-19"}, "the same day"),
    ({"week_ending": "19/05/2024"}, "not a date"),
])
def test_bad_periods_are_one_clear_error(kwargs, message):
    with pytest.raises(InputError, match=message):
        brief_period(**kwargs)


def test_a_month_runs_from_the_last_day_of_the_month_before():
    p = brief_period(period="2024-03")
    assert (p.start, p.end, p.first_day, p.label) == (date(2024, 2, 29), date(2024, 3, 31), date(2024, 3, 1),
                                                      "1–31 March 2024")


def test_a_weekly_map_drawn_days_before_the_dates_says_which_days_it_covers(sample):
    doc = build_brief(sample, brief_period(week_ending="2024-05-18", start="2024-05-11"), images=False).to_dict()
    deepstate, isw = doc["ground"]
    # sample maps are drawn on Sundays (deepstate) and Mondays (isw): the 11th and 18th are Saturdays
    assert any("were drawn on 2024-05-05 and 2024-05-12" in n for n in deepstate["notes"])
    assert any("were drawn on 2024-05-06 and 2024-05-13" in n for n in isw["notes"])
