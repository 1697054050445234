"""The shipped table: its keys follow today's normalisation, and its kinds and points are sane."""

from __future__ import annotations

import math
import pickle
from importlib import resources

from frontwatch.geocode.gazetteer import COUNTRY, REGION, SEA, SETTLEMENT, TABLE, load
from frontwatch.geocode.names import key, skeleton


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


def test_the_table_stays_small() -> None:
    """Bundled data files stay under 8 MB; this one under 7 MB (it was 12.3 MB as gzipped text)."""
    assert len(resources.files("frontwatch.data").joinpath(TABLE).read_bytes()) < 7_000_000


def test_absent_names_and_the_first_skeleton_in_sort_order() -> None:
    gaz = load()
    assert gaz.ids("qqxzq") == [] and gaz.lookup_skeleton("Qqxzq") == [] and gaz.ids("") == []
    assert skeleton("108 Mile Ranch") < skeleton("1 Decembrie")  # sorts first: the sample's first block
    assert [e.place.name for e in gaz.lookup_skeleton("108 Mile Ranch")] == ["108 Mile Ranch"]


def test_prefix_and_near_keys_agree_and_keep_the_merged_order() -> None:
    """Two ways to list keys (a regex over the key blob, a mask over key shapes) give the same keys, sorted
    as ``key<TAB>rows`` lines; a hand-table key that the table also holds comes twice."""
    gaz = load()
    listed = gaz.keys_with_prefix("zapori")
    keys = [k for k, _ in listed]
    assert keys == sorted(keys) and "zaporizhzhia" in keys and all(k.startswith("zapori") for k in keys)
    assert dict(listed)["zaporizhzhia"] == gaz.ids("zaporizhzhia")
    near = gaz.keys_near("z", len("zaporizhzhia"), 3)
    assert near == sorted(near) and all(k[0] == "z" and abs(len(k) - 12) <= 3 for k in near)
    assert [k for k in near if k.startswith("zapori")] == [k for k in keys if abs(len(k) - 12) <= 3]
    assert gaz.keys_near("u", 7, 0).count("ukraine") == 2  # the table's and the hand table's line
    assert len(gaz.keys_with_prefix("qqxzq")) == 0


def test_a_pickled_table_still_looks_up() -> None:
    gaz = load()
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.ids(key("Kharkiv")) == gaz.ids(key("Kharkiv")) != []
    assert copy.lookup_skeleton("Kharkov") == gaz.lookup_skeleton("Kharkov") != []
