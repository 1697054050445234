"""A small store filled through the store API: weekly control maps and three articles with events.

Used by the API and browser tests (loaded by path from both conftests). The maps are boxes whose
front moves west each week, with one week of lost ground, so gained and lost ground both show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from shapely.geometry import box

from frontwatch.geodesy import area_km2
from frontwatch.models import Article, Event, Evidence, Fatalities, LayerGeometry, Place, Snapshot
from frontwatch.store import open_store

FIRST = datetime(2024, 4, 7, 20, 0, tzinfo=UTC)
WEEKS = 8


def front_lon(week: int) -> float:
    """Longitude of the front in a week: 0.04 degree further west each week, back 0.02 in week 5."""
    return 37.6 - 0.04 * week + (0.06 if week == 5 else 0.0)


def layers(week: int) -> list[LayerGeometry]:
    west = front_lon(week)
    shapes = {
        "occupied": box(west, 47.8, 38.6, 49.2),
        "contested": box(west - 0.05, 47.8, west, 49.2),
        "occupied_pre2022": box(38.6, 47.6, 39.8, 49.4),
    }
    return [LayerGeometry(name, geom, area_km2(geom)) for name, geom in shapes.items()]


def _event(text: str, phrase: str, etype: str, sub: str, place: Place, day: date, claimant: str,
           killed: int | None = None, actor1: str = "Military Forces of Russia") -> Event:
    start = text.index(phrase)
    return Event(event_type=etype, sub_event_type=sub, actor1=actor1, actor2=None, date_start=day, date_end=day,
                 date_precision="day", location=place, fatalities=Fatalities(killed, killed, killed),
                 claimant=claimant, evidence=Evidence(phrase, start, start + len(phrase)), confidence=0.9)


KRAMATORSK = Place("Kramatorsk", 48.7232, 37.5563, 704508, "Donetsk", "UA", 1)
KHARKIV = Place("Kharkiv", 49.9808, 36.2527, 706483, "Kharkiv", "UA", 1)
BELGOROD = Place("Belgorod", 50.6107, 36.5802, 578072, "Belgorod", "RU", 1)

TEXT_A = ("Russian shelling killed two civilians in Kramatorsk on Thursday, governor Vadym Filashkin said. "
          "A drone strike hit Kharkiv overnight, the mayor said.")
TEXT_B = ("Three people died when Russian artillery shelled Kramatorsk on Thursday, the regional police reported. "
          "Ukrainian forces clashed with Russian troops near Belgorod, Russia's Defense Ministry said.")
TEXT_C = "Hundreds protested in Kharkiv on Friday to demand the return of prisoners of war, local media said."


def articles() -> list[tuple[Article, list[Event]]]:
    """Three articles; the Kramatorsk shelling is reported twice with different tolls (one incident)."""
    d16, d17 = date(2024, 5, 16), date(2024, 5, 17)
    a = Article("wire-a", TEXT_A, date(2024, 5, 17), "https://example.invalid/a", "Shelling in Kramatorsk", "Wire A")
    b = Article("wire-b", TEXT_B, date(2024, 5, 17), "https://example.invalid/b", "Artillery hits Kramatorsk", "Wire B")
    c = Article("wire-c", TEXT_C, date(2024, 5, 18), None, "Protest in Kharkiv", "Wire C")
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    return [
        (a, [_event(TEXT_A, "Russian shelling killed two civilians in Kramatorsk", *shelling, KRAMATORSK, d16,
                    "governor Vadym Filashkin", 2),
             _event(TEXT_A, "A drone strike hit Kharkiv overnight", "Explosions/Remote violence", "Air/drone strike",
                    KHARKIV, d17, "the mayor", 0)]),
        (b, [_event(TEXT_B, "Three people died when Russian artillery shelled Kramatorsk", *shelling, KRAMATORSK,
                    d16, "the regional police", 3),
             _event(TEXT_B, "Ukrainian forces clashed with Russian troops near Belgorod", "Battles", "Armed clash",
                    BELGOROD, d17, "Russia's Defense Ministry", None, actor1="Military Forces of Ukraine")]),
        (c, [_event(TEXT_C, "Hundreds protested in Kharkiv", "Protests", "Peaceful protest", KHARKIV,
                    date(2024, 5, 17), "local media", None, actor1="Protesters (Ukraine)")]),
    ]


def fill(path: Path | str) -> Path | str:
    """Write the sample store to ``path`` (a DuckDB file or a postgresql:// URL) and return it."""
    with open_store(path) as store:
        for week in range(WEEKS):
            moment = FIRST + timedelta(weeks=week)
            snap = Snapshot("deepstate", str(int(moment.timestamp())), moment, origin="sample")
            store.add_snapshot(snap, layers(week))
        for article, events in articles():
            store.add_article(article, events)
        store.replace_regions([("Sample North", "XX-N", box(36.0, 48.5, 40.0, 50.8)),
                               ("Sample South", "XX-S", box(36.0, 47.0, 40.0, 48.5))], "sample")
        # the two Kramatorsk reports are one incident (what dedup assigns when storing)
        store.execute("UPDATE events SET cluster_id = 'kramatorsk-0516' WHERE location_name = 'Kramatorsk'")
    return path


#: A second, weekly source: its maps are of Wednesdays (00:00 UTC), four days before the DeepState Sundays.
ISW_FIRST = datetime(2024, 4, 3, 0, 0, tzinfo=UTC)


def isw_layers(week: int) -> list[LayerGeometry]:
    """The weekly source's state: the same front drawn 0.01 degree further west (so its figures differ)."""
    west = front_lon(week) - 0.01
    shapes = {"occupied": box(west, 47.8, 38.6, 49.2), "contested": box(west - 0.03, 47.8, west, 49.2)}
    return [LayerGeometry(name, geom, area_km2(geom)) for name, geom in shapes.items()]


def add_weekly_source(path: Path | str) -> Path | str:
    """Add the weekly ``isw`` source (WEEKS + 1 Wednesdays, so it covers the sample's last Sunday) to ``path``."""
    with open_store(path) as store:
        for week in range(WEEKS + 1):
            moment = ISW_FIRST + timedelta(weeks=week)
            store.add_snapshot(Snapshot("isw", moment.strftime("%Y-%m-%d"), moment, origin="sample"), isw_layers(week))
    return path
