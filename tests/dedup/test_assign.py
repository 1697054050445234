"""Deduplication applied when storing events, and the merged incident as the dashboard reads it."""

from __future__ import annotations

from datetime import date

from frontwatch.dedup import assign_clusters
from frontwatch.models import Article, Event, Evidence, Fatalities, Place

TUAPSE = Place("Tuapse", 44.1053, 39.0802, geonameid=480716, admin1="Krasnodar", country="RU", precision=1)
SOCHI = Place("Sochi", 43.6028, 39.7342, geonameid=491422, admin1="Krasnodar", country="RU", precision=1)


def _event(text: str, place: Place, claimant: str, killed: int | None) -> Event:
    return Event("Explosions/Remote violence", "Air/drone strike", Evidence(text, 0, len(text)),
                 actor1="Military Forces of Ukraine", date_start=date(2024, 5, 17), date_end=date(2024, 5, 17),
                 location=place, fatalities=Fatalities(killed, killed, killed), claimant=claimant)


def _store_article(store, doc_id: str, outlet: str, events: list[Event]) -> int:
    text = " ".join(e.evidence.text for e in events)
    article_id = store.add_article(Article(doc_id, text, date(2024, 5, 17), outlet=outlet), events)
    assign_clusters(store, article_id)
    return article_id


def test_reports_of_one_strike_share_a_cluster_with_every_source(store):
    _store_article(store, "a1", "Outlet A", [_event("Ukrainian drones hit the oil refinery in Tuapse, killing two",
                                                    TUAPSE, "the regional governor", 2)])
    _store_article(store, "b1", "Outlet B", [_event("A drone strike on the Tuapse refinery killed three people",
                                                    TUAPSE, "Russia's Defence Ministry", 3)])
    _store_article(store, "c1", "Outlet C", [_event("Ukrainian drones hit the oil depot in Sochi", SOCHI,
                                                    "the mayor", None)])
    clusters = {r["doc_id"]: r["cluster_id"] for r in store.query(
        "SELECT a.doc_id, e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id")}
    assert clusters["a1"] == clusters["b1"] != clusters["c1"]
    merged = store.cluster_members(clusters["a1"])
    assert merged["articles"] == ["a1", "b1"] and merged["outlets"] == ["Outlet A", "Outlet B"]
    assert merged["claimants"] == ["Russia's Defence Ministry", "the regional governor"]
    # contradicting figures side by side, and their range, never an average
    assert merged["fatalities_best"] == {"min": 2, "max": 3} and merged["contradicting"]
    assert sorted(r["fatalities"]["best"] for r in merged["reports"]) == [2, 3]


def test_reports_placed_only_at_a_country_meet_stored_ones(store):
    """A place without a first-level region (a country) is a blocking key of its own: the second report is
    compared with the stored first one (such events had no candidates at all, and stayed apart)."""
    russia = Place("Russia", 60.0, 100.0, geonameid=2017370, country="RU", precision=3)
    _store_article(store, "r1", "Outlet A", [_event("Ukrainian drones struck targets in Russia", russia, "x", None)])
    _store_article(store, "r2", "Outlet B", [_event("Ukrainian drones struck targets in Russia", russia, "y", None),
                                             _event("Drones hit the oil depot in Sochi", SOCHI, "y", None)])
    clusters = {(r["doc_id"], r["ordinal"]): r["cluster_id"] for r in store.query(
        "SELECT a.doc_id, e.ordinal, e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id")}
    assert clusters["r1", 0] == clusters["r2", 0] != clusters["r2", 1]


def test_event_alone_is_its_own_cluster(store):
    article_id = _store_article(store, "solo", "Outlet A", [_event("Drones hit Sochi", SOCHI, "the mayor", None)])
    event_id = store.scalar("SELECT id FROM events WHERE article_id = ?", (article_id,))
    view = store.event_cluster(int(event_id))
    assert view["events"] == 1 and view["articles"] == ["solo"]


def test_article_without_events_assigns_nothing(store):
    article_id = store.add_article(Article("empty", "Nothing happened.", date(2024, 5, 17)), [])
    assert assign_clusters(store, article_id) == {}


def test_a_large_article_is_stored_and_clustered_in_batches(store):
    """More events than one INSERT or UPDATE batch (500 rows): every event stored in order and clustered."""
    events = [_event(f"Drone strike number {i} hit Sochi", SOCHI, "the mayor", i % 3) for i in range(1203)]
    article_id = store.add_article(Article("big", "Many strikes.", date(2024, 5, 17)), events)
    assigned = assign_clusters(store, article_id)
    rows = store.query("SELECT ordinal, evidence_text, cluster_id FROM events WHERE article_id = ? ORDER BY ordinal",
                       (article_id,))
    assert [r["ordinal"] for r in rows] == list(range(1203))
    assert rows[1202]["evidence_text"] == "Drone strike number 1202 hit Sochi"
    assert len(assigned) == 1203 and all(r["cluster_id"] for r in rows)


def test_cached_reports_cluster_as_fresh_ones(store):
    """The store's report cache changes how fast a new article is clustered, not the clusters."""
    from frontwatch.dedup.assign import report_cache

    texts = ["Ukrainian drones hit the oil refinery in Tuapse, killing two",
             "A drone strike on the Tuapse refinery killed three people", "Ukrainian drones hit the oil depot in Sochi"]
    for i, text in enumerate(texts):
        _store_article(store, f"d{i}", f"Outlet {i}", [_event(text, TUAPSE if "Tuapse" in text else SOCHI, "x", i)])
    def partition() -> set[frozenset[int]]:
        groups: dict[str, set[int]] = {}
        for r in store.query("SELECT id, cluster_id FROM events"):
            groups.setdefault(r["cluster_id"], set()).add(int(r["id"]))
        return {frozenset(g) for g in groups.values()}

    cached = partition()
    assert sorted(map(len, cached)) == [1, 2] and len(report_cache(store)._items) == 3
    store._dedup_report_cache = None  # cluster once more with fresh reports: the same incidents
    store.execute("UPDATE events SET cluster_id = NULL")
    for article_id in [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]:
        assign_clusters(store, int(article_id))
    assert partition() == cached
