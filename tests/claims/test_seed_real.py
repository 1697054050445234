"""The seed article checked on real DeepState snapshots of May 2024 (the few the area claim needs).

The expected figures are issue 2's, computed independently on the same snapshots (net occupied change
8 -> 15 May about 160.9 km², with the grey zone about 232 km²); the claims checker must reproduce them and
say that the article's 278 km² matches neither layer.
"""

from __future__ import annotations

import csv
import tarfile
from datetime import date

import pytest

from frontwatch.claims import check_text
from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
from tests.conftest import shared_path

WANTED = ("2024-05-06", "2024-05-08", "2024-05-09", "2024-05-10", "2024-05-13", "2024-05-15", "2024-05-16")


@pytest.fixture(scope="module")
def may_2024(tmp_path_factory):
    folder = shared_path("data", "territory", "deepstate")
    with open(folder / "INDEX.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = {r["file"] for r in rows if r["archive"] == "deepstate-2024.tar.xz" and r["utc"][:10] in WANTED}
    out = tmp_path_factory.mktemp("may2024")
    with tarfile.open(folder / "deepstate-2024.tar.xz") as tar:
        members = [m for m in tar.getmembers() if m.name.rsplit("/", 1)[-1] in names]
        tar.extractall(out / "snapshots", members=members, filter="data")
    store = open_store(out / "may.duckdb")
    import_paths(store, [out / "snapshots"], source="deepstate")
    yield store
    store.close()


def test_seed_area_claim_matches_neither_deepstate_layer(may_2024):
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    claims = {c.claim.kind: c for c in check_text(may_2024, text, published=date(2024, 5, 17)).claims}
    area = claims["area_gained"]
    assert area.verdict == "inconsistent"
    assert area.figure("deepstate", "occupied").value_km2 == pytest.approx(160.9, rel=0.01)
    assert area.figure("deepstate", "occupied+contested").value_km2 == pytest.approx(232, rel=0.01)
    assert "ISW" in area.explanation and "not in this store" in area.explanation
    assert claims["area_gained"].claim.claimed()["states"] == ["2024-05-08", "2024-05-15"]
    assert {"record", "settlements_taken"} <= set(claims)
