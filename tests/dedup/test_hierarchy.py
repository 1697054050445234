"""The place hierarchy dedup blocks on: P-codes by prefix, GeoNames ids and regions, never mixed blindly."""

from __future__ import annotations

from frontwatch.dedup.hierarchy import compatible_places, place_keys


def test_pcodes_nest_settlement_hromada_raion_oblast():
    village = place_keys({"pcode": "UA1402003001", "precision": 1})
    assert village is not None and village.keys == ("p:UA1402003001", "p:UA1402003", "p:UA1402", "p:UA14")
    raion = place_keys({"pcode": "UA1402", "precision": 3})
    assert raion is not None and raion.settlement is None and "p:UA1402" in raion.units
    assert compatible_places(village, raion)
    assert not compatible_places(village, place_keys({"pcode": "UA1404", "precision": 3}))  # another raion
    assert not compatible_places(village, place_keys({"pcode": "UA1402003002", "precision": 1}))


def test_geonames_settlements_and_regions():
    kupiansk = place_keys({"geonameid": 704422, "admin1": "Kharkiv", "precision": 1, "lat": 49.71, "lon": 37.61})
    near = place_keys({"geonameid": 704422, "admin1": "Kharkiv", "precision": 2})
    region = place_keys({"name": "Kharkiv Oblast", "admin1": "Kharkiv", "precision": 3})
    other_region = place_keys({"name": "Donetsk Oblast", "admin1": "Donetsk", "precision": 3})
    assert compatible_places(kupiansk, near) and compatible_places(kupiansk, region)
    assert not compatible_places(kupiansk, other_region)
    assert place_keys({"geonameid": 704422, "admin1": "Kharkiv", "precision": 3}).settlement is None
    assert place_keys(None) is None and place_keys({}) is None


def test_settlements_of_two_schemes_are_compared_by_distance():
    geonames = place_keys({"geonameid": 704422, "precision": 1, "lat": 49.71, "lon": 37.61})
    same_town = place_keys({"pcode": "UA6312001001", "precision": 1, "lat": 49.72, "lon": 37.60})
    far = place_keys({"pcode": "UA1412001001", "precision": 1, "lat": 48.28, "lon": 37.18})
    assert compatible_places(geonames, same_town) and not compatible_places(geonames, far)
