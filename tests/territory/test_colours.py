"""DeepState's colour legend, versioned by date, checked against the real snapshots."""

from __future__ import annotations

import collections
import json
import tarfile
from datetime import UTC, datetime

import pytest

from frontwatch.territory import colours
from frontwatch.territory.colours import layer_for_colour, normalise_colour, scheme_at, unmapped_layer
from tests.conftest import shared_path

SWITCH = datetime(2022, 5, 29, 17, 35, 22, tzinfo=UTC)


@pytest.mark.parametrize(("colour", "before", "after"), [
    ("#880e4f", "foreign_satirical", "occupied_pre2022"),
    ("#000000", "occupied_pre2022", "occupied_pre2022"),
    ("#a52714", "occupied", "occupied"),
    ("#ff5252", "foreign_satirical", "foreign_satirical"),
])
def test_the_legend_changed_on_29_may_2022(colour, before, after):
    assert layer_for_colour(colour, SWITCH.replace(second=21)) == before
    assert layer_for_colour(colour, SWITCH) == after


def test_ukrainian_held_ground_in_russia_exists_from_the_kursk_incursion():
    assert layer_for_colour("#01579b", datetime(2024, 8, 1, tzinfo=UTC)) is None
    assert layer_for_colour("#01579b", datetime(2024, 8, 8, tzinfo=UTC)) == "ukraine_held_in_russia"


def test_satirical_polygons_are_never_a_contract_layer():
    for scheme in colours.DEEPSTATE_SCHEMES:
        assert scheme.colours["#ff5252"] not in colours.CONTRACT_LAYERS  # so no total ever adds them
    assert scheme_at(datetime(2010, 1, 1, tzinfo=UTC)) is colours.DEEPSTATE_SCHEMES[0]


def test_colour_spellings_and_unmapped_names():
    assert normalise_colour("#FF5252") == normalise_colour("ff5252ff") == "#ff5252"
    assert normalise_colour(None) is None and normalise_colour("#12345") is None
    assert unmapped_layer("#CE93D8") == "unmapped_ce93d8" and unmapped_layer("") == "unmapped_none"


def test_every_colour_of_the_first_snapshots_of_each_year_is_mapped():
    """The legend knows every fill in real snapshots (only the first few of each archive: speed)."""
    seen: collections.Counter[str] = collections.Counter()
    for year in (2022, 2023, 2024, 2025):
        archive = shared_path("data", "territory", "deepstate", f"deepstate-{year}.tar.xz")
        with tarfile.open(archive, "r|xz") as tar:
            for n, member in enumerate(tar):
                doc = json.load(tar.extractfile(member))
                moment = datetime.fromtimestamp(int(member.name.split(".")[0]), UTC)
                for feature in doc["features"]:
                    if feature["geometry"]["type"] != "Point":
                        fill = feature["properties"].get("fill")
                        seen[fill] += 1
                        assert layer_for_colour(fill, moment) is not None, (member.name, fill)
                if n == 2:
                    break
    assert seen["#a52714"] > 0 and seen["#880e4f"] > 0
