"""The store's side of deduplication on every backend: which events a candidate query reads, and how cluster ids
are written (only changed rows; DuckDB's Arrow path for large batches gives the same rows as the VALUES path)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from frontwatch.models import Article, Event, Evidence, Place

DAY0 = date(2024, 5, 1)
#: (geonameid, admin1, precision) of the test events: a town, a region-level place, a region alone, nothing.
PLACES = [(101, "Donetsk", 1), (102, "Donetsk", 3), (None, "Kharkiv", 3), (103, "Kharkiv", 2), (None, None, 1)]


def _events() -> list[Event]:
    """Events over 40 days in every place, some with a range (up to 20 days), some open-ended or undated."""
    events = []
    for k, (day, span, place) in enumerate(itertools.product(range(0, 40, 3), (None, 0, 6, 20), PLACES)):
        geonameid, admin1, precision = place
        start = DAY0 + timedelta(days=day) if k % 17 else None
        end = start + timedelta(days=span) if start is not None and span is not None else None
        where = Place("p", 48.0, 37.0, geonameid, admin1, "UA", precision) if geonameid or admin1 else None
        events.append(Event("Battles", "Armed clash", Evidence(f"e{k}", 0, 3), date_start=start, date_end=end,
                            location=where))
    return events


def _wanted(row: dict, first: date, last: date, span_from: date | None, geonameids: list[int],
            admin1s: list[str], loose: list[str], unplaced: bool) -> bool:
    """The candidate set as dedup_candidates' docstring defines it, written out in Python."""
    start, end = row["date_start"], row["date_end"]
    if start is None:
        return False
    in_time = first <= start <= last or (span_from is not None and span_from <= start < first
                                         and end is not None and end >= first)
    gid, admin1, precision = row["geonameid"], row["admin1"], row["geo_precision"]
    places = [gid in geonameids, admin1 in admin1s,
              admin1 in loose and (gid is None or (precision or 0) > 2), unplaced and admin1 is None and gid is None]
    return in_time and (any(places) if (geonameids or admin1s or loose or unplaced) else True)


@pytest.mark.parametrize(("first", "last", "span_from"), [
    (DAY0 + timedelta(days=9), DAY0 + timedelta(days=14), DAY0 - timedelta(days=22)),
    (DAY0 + timedelta(days=20), DAY0 + timedelta(days=20), DAY0 + timedelta(days=5)),
    (DAY0 + timedelta(days=3), DAY0 + timedelta(days=30), None),
    (DAY0 + timedelta(days=12), DAY0 + timedelta(days=15), DAY0 + timedelta(days=13)),  # span_from inside: ignored
])
@pytest.mark.parametrize(("geonameids", "admin1s", "loose", "unplaced"), [
    ([101], [], ["Donetsk"], False), ([], ["Kharkiv"], [], True), ([101, 103], [], ["Kharkiv"], True),
    ([], [], [], False),
])
def test_candidates_are_exactly_the_defined_set(store, first, last, span_from, geonameids, admin1s, loose, unplaced):
    store.add_articles([(Article("a", "text", DAY0), _events())])
    everything = store.query("SELECT id, date_start, date_end, geonameid, admin1, geo_precision FROM events")
    got = store.dedup_candidates(first, last, geonameids=geonameids, admin1s=admin1s, loose_admin1s=loose,
                                 unplaced=unplaced, span_from=span_from)
    wanted = sorted((r for r in everything if _wanted(r, first, last, span_from, geonameids, admin1s, loose, unplaced)),
                    key=lambda r: (r["date_start"], r["id"]))
    assert [r["id"] for r in got] == [r["id"] for r in wanted]
    assert len(wanted) > 0 or not (geonameids or admin1s or loose or unplaced)  # the case selects something


@pytest.mark.parametrize("n", [7, 1203])  # one VALUES statement; more than a batch (DuckDB: the Arrow table)
def test_cluster_ids_written_are_what_was_assigned_changed_or_not(store, n):
    evs = [Event("Battles", "Armed clash", Evidence(f"e{k}", 0, 3), date_start=DAY0) for k in range(n)]
    store.add_articles([(Article("a", "text", DAY0), evs)])
    ids = [int(r["id"]) for r in store.query("SELECT id FROM events ORDER BY id")]
    store.set_event_clusters({i: f"c{i % 5}" for i in ids}, components={i: f"k{i % 3}" for i in ids})
    # again: a third unchanged, a third with a new cluster, a third with a new component; every fourth has none
    again = {i: f"c{i % 5}" if i % 3 != 1 else f"new{i}" for i in ids}
    components = {i: (f"k{i % 3}" if i % 3 != 2 else f"knew{i}") for i in ids if i % 4}
    store.set_event_clusters(again, components=components)
    stored = {int(r["id"]): (r["cluster_id"], r["dedup_component"])
              for r in store.query("SELECT id, cluster_id, dedup_component FROM events")}
    assert stored == {i: (again[i], components.get(i, f"k{i % 3}")) for i in ids}
    assert store.query("SELECT count(*) AS n FROM events WHERE cluster_id LIKE 'new%'")[0]["n"] == sum(
        1 for i in ids if i % 3 == 1)
