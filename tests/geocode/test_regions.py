"""Region phrasings and the precision their wording implies (ACLED geo_precision)."""

from __future__ import annotations

import pytest

from frontwatch.geocode.regions import parse


@pytest.mark.parametrize(
    ("phrase", "core", "wants_region", "precision"),
    [
        ("Kharkiv region", "Kharkiv", True, 3),
        ("Bryansk oblast", "Bryansk", True, 3),
        ("Krasnodar Krai", "Krasnodar", True, 3),
        ("the annexed Crimean peninsula", "Crimean peninsula", False, 1),
        ("near Bakhmut", "Bakhmut", False, 2),
        ("the outskirts of Avdiivka", "Avdiivka", False, 2),
        ("north of Kharkiv", "Kharkiv", False, 2),
        ("Pokrovsk direction", "Pokrovsk", False, 2),
        ("Kyiv", "Kyiv", False, 1),
    ],
)
def test_parse(phrase: str, core: str, wants_region: bool, precision: int) -> None:
    p = parse(phrase)
    assert (p.core, p.wants_region, p.precision) == (core, wants_region, precision)


def test_adjectival_region_names_have_stems() -> None:
    assert parse("Donetska oblast").stems[0] == "Donetsk"
    assert parse("Kharkivska oblast").stems[-1] == "Kharkiv"
    assert parse("Bryansk oblast").stems == ()  # -sk is not an adjectival ending


def test_counties_are_flagged() -> None:
    assert parse("Laurel County").county
    assert parse("Rapides Parish").county
