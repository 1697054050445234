"""The seed's 278 km² claim checked on the map it credits (ISW's weekly archive) first, then on DeepState.

ISW's figures are issue 16's (occupied+contested, maps of 5 -> 12 May: +149.4 km²; the maps enclosing 9..15 May,
5 -> 19 May: +264.9 = 149.4 + 115.5 km²); DeepState's are issue 2's (8 -> 15 May: occupied 160.9, with the grey
zone 232 km²).
"""

from __future__ import annotations

import csv
import io
import tarfile
from datetime import date

import pytest

from frontwatch.claims import check_text
from frontwatch.claims.check import agrees
from frontwatch.claims.credited import bracket_verdict, order_sources
from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
from tests.conftest import shared_path

ISW_WEEKS = ("2024-05-05", "2024-05-12", "2024-05-19")
DEEPSTATE_DAYS = ("2024-05-08", "2024-05-09", "2024-05-15", "2024-05-16", "2024-05-19")


def _isw_weeks(out):
    path = out / "isw.tar"
    with tarfile.open(shared_path("data", "territory", "isw", "isw-weekly.tar.xz"), "r|xz") as tar, \
            tarfile.open(path, "w") as small:
        for member in tar:
            if member.isfile() and member.name.split("/")[1] in ISW_WEEKS:
                body = tar.extractfile(member).read()
                small.addfile(member, io.BytesIO(body))
    return path


def _deepstate_days(out):
    folder = shared_path("data", "territory", "deepstate")
    with open(folder / "INDEX.csv", encoding="utf-8") as handle:
        names = {r["file"] for r in csv.DictReader(handle)
                 if r["archive"] == "deepstate-2024.tar.xz" and r["utc"][:10] in DEEPSTATE_DAYS}
    with tarfile.open(folder / "deepstate-2024.tar.xz") as tar:
        members = [m for m in tar.getmembers() if m.name.rsplit("/", 1)[-1] in names]
        tar.extractall(out / "deepstate", members=members, filter="data")
    return out / "deepstate"


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    out = tmp_path_factory.mktemp("credited")
    store = open_store(out / "both.duckdb")
    assert import_paths(store, [_isw_weeks(out)]).imported == 3
    import_paths(store, [_deepstate_days(out)], source="deepstate")
    yield store
    store.close()


def test_the_credited_map_comes_first_with_its_states_and_offsets(both):
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    area = next(c for c in check_text(both, text, published=date(2024, 5, 17)).claims if c.claim.kind == "area_gained")
    computed = area.to_dict()["computed"]  # the JSON form CONTRACTS fixes, keyed "source:layer"
    keys = list(computed)
    assert keys[0].startswith("isw:") and any(k.startswith("deepstate:") for k in keys)
    isw = computed["isw:occupied+contested"]
    assert isw["value_km2"] == pytest.approx(149.4, rel=0.01)
    assert (isw["from"]["snapshot_date"], isw["from"]["offset_days"]) == ("2024-05-05", -3)
    assert (isw["to"]["snapshot_date"], isw["to"]["offset_days"]) == ("2024-05-12", -3)
    outer = isw["enclosing"]
    assert outer["value_km2"] == pytest.approx(264.9, rel=0.01)
    assert (outer["to"]["snapshot_date"], outer["to"]["offset_days"]) == ("2024-05-19", 4)
    assert isw["cadence_days"] == 7.0
    ds = computed["deepstate:occupied"]
    assert ds["value_km2"] == pytest.approx(160.9, rel=0.01) and "enclosing" not in ds
    assert ds["from"]["offset_days"] == 0 and ds["to"]["offset_days"] == 0
    assert area.figure("deepstate", "occupied+contested").value_km2 == pytest.approx(232, rel=0.01)
    # 278 lies within ±28 km² of the enclosing maps' 264.9: consistent with ISW at its weekly cadence
    assert area.verdict == "consistent"
    line = area.explanation
    assert line.index("ISW (credited)") < line.index("DeepState (other map)")
    assert "2024-05-19 (+4 d)" in line and "weekly" in line and "grey zone" in line


def test_order_and_bracket():
    assert order_sources(["deepstate", "cyterat", "isw"], "isw") == ["isw", "deepstate", "cyterat"]
    assert order_sources(["deepstate"], "isw") == ["deepstate"]
    assert bracket_verdict(149.4, 264.9, 278, agrees, "exact")  # within ±28 of the enclosing figure
    assert bracket_verdict(149.4, 264.9, 200, agrees, "exact")  # between the two
    assert not bracket_verdict(149.4, 264.9, 400, agrees, "exact")
    assert not bracket_verdict(10.0, 20.0, 100, agrees, "exact")


def test_a_weekly_map_does_not_decide_a_rolling_record_whose_ends_fall_between_its_maps(both):
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    record = next(c for c in check_text(both, text, published=date(2024, 5, 17)).claims if c.claim.kind == "record")
    isw = record.figure("isw", "occupied+contested")
    assert isw.verdict == "unverifiable" and "coarser than daily" in (isw.reason or "")
    assert "ISW maps are coarser than daily" in record.explanation
    # DeepState here holds only a few May days, so it cannot rank the window either: nothing decides
    assert record.verdict == "unverifiable"
