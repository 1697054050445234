"""``/events`` and ``/events/{id}`` on the sample store: every filter narrows, pages tile, clusters keep all sources."""

from __future__ import annotations

import pytest

KRAMATORSK_BBOX = "37.4,48.6,37.7,48.8"


def _ids(client, **params) -> list[int]:
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["events"]]


def test_all_events_latest_first_with_contract_keys(client, sample_module):
    body = client.get("/events").json()
    events = body["events"]
    assert len(events) == sum(len(ev) for _, ev in sample_module.articles())
    dates = [e["date_start"] for e in events]
    assert dates == sorted(dates, reverse=True)
    contract = {"event_type", "sub_event_type", "actor1", "actor2", "date_start", "date_end", "date_precision",
                "location", "fatalities", "claimant", "quantities", "evidence", "confidence"}
    assert all(contract <= set(e) for e in events)
    assert body["next_offset"] is None


@pytest.mark.parametrize(
    ("params", "expect"),
    [
        ({"bbox": KRAMATORSK_BBOX}, lambda e: e["location"]["name"] == "Kramatorsk"),
        ({"start": "2024-05-17", "end": "2024-05-17"}, lambda e: e["date_start"] == "2024-05-17"),
        ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"sub_event_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
        ({"actor": "ukraine"}, lambda e: "Ukraine" in (e["actor1"] or "") + (e["actor2"] or "")),
        ({"claimant": "GOVERNOR"}, lambda e: "governor" in e["claimant"]),
        ({"q": "artillery"}, lambda e: "artillery" in e["evidence"]["text"]),
        ({"doc_id": "wire-c"}, lambda e: e["doc_id"] == "wire-c"),
    ],
)
def test_each_filter_keeps_exactly_the_matching_events(client, params, expect):
    everything = client.get("/events").json()["events"]
    wanted = sorted(e["id"] for e in everything if expect(e))
    assert wanted, "the sample must contain a match for each filter"
    assert len(wanted) < len(everything), "and a non-match"
    assert sorted(_ids(client, **params)) == wanted


def test_filters_combine(client):
    assert _ids(client, bbox=KRAMATORSK_BBOX, claimant="police") == _ids(client, doc_id="wire-b", bbox=KRAMATORSK_BBOX)
    assert _ids(client, bbox=KRAMATORSK_BBOX, event_type="Protests") == []


def test_pages_tile_the_result_without_overlap(client):
    seen: list[int] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/events", params={"limit": 2, "offset": offset}).json()
        assert len(body["events"]) <= 2
        seen += [e["id"] for e in body["events"]]
        offset = body["next_offset"]
    assert seen == _ids(client)
    assert client.get("/events", params={"limit": 2, "total": "true"}).json()["total"] == len(seen)


def test_geojson_points_are_lon_lat(client):
    r = client.get("/events", params={"format": "geojson", "doc_id": "wire-a"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    kharkiv = next(f for f in fc["features"] if f["properties"]["location"]["name"] == "Kharkiv")
    assert kharkiv["geometry"]["coordinates"] == [36.2527, 49.9808]


def test_event_detail_lists_every_source_and_claimant_of_its_incident(client):
    kramatorsk = client.get("/events", params={"bbox": KRAMATORSK_BBOX, "doc_id": "wire-a"}).json()["events"][0]
    detail = client.get(f"/events/{kramatorsk['id']}").json()
    assert detail["evidence"]["text"].startswith("Russian shelling killed two")
    assert sorted(s["doc_id"] for s in detail["sources"]) == ["wire-a", "wire-b"]
    assert detail["claimants"] == ["governor Vadym Filashkin", "the regional police"]
    assert sorted(s["fatalities"]["best"] for s in detail["sources"]) == [2, 3]  # side by side, not averaged
    assert detail["incident"]["fatalities_best"] == {"min": 2, "max": 3} and detail["incident"]["contradicting"]


def test_unclustered_event_is_its_own_only_source(client):
    protest = client.get("/events", params={"doc_id": "wire-c"}).json()["events"][0]
    detail = client.get(f"/events/{protest['id']}").json()
    assert [s["event_id"] for s in detail["sources"]] == [protest["id"]]


def test_facets_count_types(client):
    facets = client.get("/events/facets").json()
    counts = {t["event_type"]: t["count"] for t in facets["event_types"]}
    assert counts["Explosions/Remote violence"] == 3 and counts["Battles"] == 1
    assert (facets["first_date"], facets["last_date"]) == ("2024-05-16", "2024-05-17")


def test_article_view_spans_point_at_the_evidence(client, sample_module):
    body = client.get("/articles/wire-b").json()
    assert body["text"] == sample_module.TEXT_B
    assert len(body["events"]) == 2
    for event in body["events"]:
        ev = event["evidence"]
        assert body["text"][ev["start"]:ev["end"]] == ev["text"]
