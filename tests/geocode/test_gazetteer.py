"""The shipped table: its keys follow today's normalisation, and its kinds and points are sane."""

from __future__ import annotations

import math

from frontwatch.geocode.gazetteer import COUNTRY, REGION, SEA, SETTLEMENT, load
from frontwatch.geocode.names import key


def test_stored_keys_match_the_normalisation() -> None:
    gaz = load()
    rows = gaz.indices(SETTLEMENT)
    for i in range(rows.start, rows.stop, 997):  # a sample across the table
        entry = gaz.entry(i)
        assert i in gaz.ids(key(entry.place.name)), entry.place.name
        assert entry in gaz.lookup_skeleton(entry.place.name), entry.place.name


def test_kinds_and_points() -> None:
    gaz = load()
    assert len(gaz.indices(REGION)) > 3000 and len(gaz.indices(COUNTRY)) > 200
    for i in list(gaz.indices(REGION))[::50] + list(gaz.indices(COUNTRY))[::10]:
        p = gaz.entry(i).place
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180 and not math.isnan(p.lat)
    ukraine = gaz.country("UA")
    assert ukraine is not None and ukraine.place.geonameid == 690791
    assert any(e.kind == SEA for e in gaz.lookup("Sea of Azov"))
    assert gaz.region("UA", "07").place.name == "Kharkiv"
