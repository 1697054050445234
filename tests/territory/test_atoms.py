"""Atoms (territory/atoms.py): changes summed from precomputed atoms equal the exact overlay of the same maps.

The reference is the overlay of the layers with their edges cut to ``SEG_DEG`` (the atoms' own convention,
see atoms.py); the real-data test also bounds the distance to the overlay of the uncut maps.
"""

from __future__ import annotations

import itertools
import json
import tarfile
from datetime import date

import pytest
import shapely
from shapely.geometry import Polygon, box

from frontwatch.geodesy import area_km2
from frontwatch.store import open_store
from frontwatch.territory.atom_refresh import (
    REBUILD_AFTER,
    atom_index_for,
    atoms_complete,
    refresh_atoms,
    start_build,
)
from frontwatch.territory.atoms import SEG_DEG
from frontwatch.territory.changes import Pairs, change
from frontwatch.territory.layers import parse_layers
from frontwatch.territory.overlay import Shape, diff
from frontwatch.territory.steps import ensure_derived, incomplete
from frontwatch.territory.timeline import Timeline
from tests.conftest import shared_path
from tests.territory.conftest import fill

EXPRESSIONS = ["occupied", "contested", "contested+occupied", "liberated", "liberated+occupied"]


def cut(geom):
    return shapely.segmentize(geom, SEG_DEG) if not geom.is_empty else geom


def reference(store, source: str, expr: str, a: int, b: int) -> tuple[float, float]:
    """The exact overlay of the two snapshots' layers, edges cut as the atoms cut them."""
    tl = Timeline(store, source, expr)
    shapes = [Shape(parts=[cut(p) for p in tl.shape(sid).parts]) for sid in (a, b)]
    d = diff(*shapes)
    return d.gained_km2, d.lost_km2


def moving_front() -> list[dict]:
    """Ten days of a front that advances, retreats, splits and leaves a hole, over several cells."""
    states = []
    for k in range(10):
        occupied = box(36.0, 47.0, 36.37 + 0.03 * (k % 4), 47.33)
        if k >= 3:
            occupied = occupied.difference(box(36.12, 47.1, 36.18 + 0.01 * k, 47.2))  # a hole that grows
        contested = box(36.37 + 0.03 * (k % 4), 47.0, 36.45 + 0.02 * k, 47.33)
        liberated = Polygon([(36.5, 47.4), (36.9 - 0.02 * k, 47.42), (36.7, 47.8 + 0.01 * k)])
        states.append({"occupied": occupied, "contested": contested, "liberated": liberated})
    states[6]["liberated"] = Polygon()  # a layer that vanishes for a day
    states[7] = dict(states[2])  # and a whole state that comes back
    return states


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "atoms.duckdb") as st:
        fill(st, date(2024, 1, 1), moving_front())
        assert atom_index_for(st, "test") is None  # an index the user asks for: none until then
        assert refresh_atoms(st, "test", build=True) > 0
        yield st


def test_every_pair_and_expression_equals_the_exact_overlay(store):
    index = atom_index_for(store, "test")
    assert index is not None
    ids = [sid for sid, _ in store.snapshot_times("test")]
    for expr in EXPRESSIONS:
        for a, b in itertools.permutations(ids, 2):
            got = index.pair(parse_layers(expr), a, b)
            assert got is not None, (expr, a, b)
            want = reference(store, "test", expr, a, b)
            assert got == pytest.approx(want, rel=1e-6, abs=1e-4), (expr, a, b)


def test_properties_of_the_sums(store):
    index = atom_index_for(store, "test")
    ids = [sid for sid, _ in store.snapshot_times("test")]
    for expr in EXPRESSIONS:
        names = parse_layers(expr)
        tl = Timeline(store, "test", expr)
        for a, b in itertools.combinations(ids, 2):
            gained, lost = index.pair(names, a, b)
            assert (lost, gained) == index.pair(names, b, a)
            assert min(gained, lost) >= 0.0
            net = area_km2(cut(tl.shape(b).geometry)) - area_km2(cut(tl.shape(a).geometry))
            assert gained - lost == pytest.approx(net, rel=1e-6, abs=1e-4)
        assert index.pair(names, ids[2], ids[7]) == (0.0, 0.0)  # the same state again


def test_a_request_is_answered_from_the_atoms_without_an_overlay(store):
    tl = Timeline(store, "test", "occupied+contested")
    pairs = Pairs(tl)
    assert (tl.ids[1], tl.ids[8]) not in pairs.known  # not precomputed: neither a step nor a calendar window
    assert pairs.get(1, 8) == pytest.approx(reference(store, "test", "contested+occupied", tl.ids[1], tl.ids[8]))
    assert pairs.computed == 0


def test_an_interrupted_build_falls_back_to_the_overlay_and_is_rebuilt(store):
    """A kill during a build leaves its "pending" marker (written first; the new rows commit with the marker)."""
    start_build(store, "test")
    assert atom_index_for(store, "test") is None
    assert ("test", "atoms") in incomplete(store)
    tl = Timeline(store, "test", "occupied")
    pairs = Pairs(tl)
    gained, lost = pairs.get(1, 8)
    assert pairs.computed == 1  # the exact overlay answered
    whole = diff(tl.shape(tl.ids[1]), tl.shape(tl.ids[8]))
    assert (gained, lost) == (whole.gained_km2, whole.lost_km2)
    ensure_derived(store)
    assert atoms_complete(store, "test") and ("test", "atoms") not in incomplete(store)
    assert atom_index_for(store, "test").pair(("occupied",), tl.ids[1], tl.ids[8]) == pytest.approx(
        reference(store, "test", "occupied", tl.ids[1], tl.ids[8]))


def test_lost_rows_make_the_atoms_unused_until_rebuilt(store):
    store.execute("DELETE FROM territory_atom_cells WHERE cell_x = (SELECT min(cell_x) FROM territory_atom_cells)")
    assert not atoms_complete(store, "test") and atom_index_for(store, "test") is None
    assert ("test", "atoms") in incomplete(store)
    assert refresh_atoms(store, "test") > 0 and atoms_complete(store, "test")


def test_new_snapshots_go_to_the_overlay_until_enough_call_for_a_rebuild(store):
    ids = [sid for sid, _ in store.snapshot_times("test")]
    new = fill(store, date(2024, 1, 11), [{"occupied": box(36.0, 47.0, 36.6, 47.5)}], refresh=False)[0]
    assert atoms_complete(store, "test")  # one new map: no rebuild yet
    index = atom_index_for(store, "test")
    assert index.pair(("occupied",), ids[-1], new) is None  # never a figure for a snapshot it lacks
    assert index.pair(("occupied",), ids[1], ids[8]) == pytest.approx(
        reference(store, "test", "occupied", ids[1], ids[8]))  # the covered pairs still answered
    tl = Timeline(store, "test", "occupied")
    pairs = Pairs(tl)
    pairs.get(tl.ids.index(ids[-1]), tl.ids.index(new))
    assert pairs.computed == 1
    fill(store, date(2024, 1, 12), [{"occupied": box(36.0, 47.0, 36.6 - 0.001 * k, 47.5)}
                                    for k in range(REBUILD_AFTER)], refresh=False)
    assert not atoms_complete(store, "test")
    ensure_derived(store)
    assert atom_index_for(store, "test").pair(("occupied",), ids[3], new) == pytest.approx(
        reference(store, "test", "occupied", ids[3], new))


def test_a_source_that_changes_everywhere_is_declined_once(tmp_path):
    """Maps re-drawn everywhere at every snapshot (ISW's weekly quantisation) are not worth atoms."""
    # a 10 x 1 degree box shifted a little every day: ~220 cells change at every snapshot
    states = [{"occupied": box(30 + 1e-4 * k, 47 + 1e-4 * k, 40 + 1e-4 * k, 48 + 1e-4 * k)} for k in range(14)]
    with open_store(tmp_path / "noisy.duckdb") as st:
        fill(st, date(2024, 1, 1), states, refresh=False)
        assert refresh_atoms(st, "test", build=True) == 0
        assert atoms_complete(st, "test") and st.atoms_marker("test")[0] == ""
        assert atom_index_for(st, "test") is None
        got = change(st, layer="occupied", start=date(2024, 1, 2), end=date(2024, 1, 13), source="test")
        assert got.gained_km2 > 0  # answered by the overlay


@pytest.fixture(scope="module")
def deepstate_sample(tmp_path_factory):
    """The first 40 DeepState snapshots of 2025, imported, then indexed."""
    from frontwatch.territory.importer import import_paths

    folder = tmp_path_factory.mktemp("sample")
    with tarfile.open(shared_path("data", "territory", "deepstate", "deepstate-2025.tar.xz"), "r|xz") as tar:
        for n, member in enumerate(tar):
            (folder / member.name.split("/")[-1]).write_bytes(tar.extractfile(member).read())
            if n == 39:
                break
    path = folder / "sample.duckdb"
    with open_store(path) as st:
        assert import_paths(st, [folder], source="deepstate", progress=False).imported == 40
        assert st.atoms_marker("deepstate") is None  # the import builds none unless asked
        assert refresh_atoms(st, "deepstate", build=True) > 0
    st = open_store(path, read_only=True)
    yield st
    st.close()


@pytest.mark.parametrize("expr", ["occupied", "contested", "liberated", "contested+occupied",
                                  "occupied+occupied_pre2022"])
def test_real_deepstate_pairs_equal_the_exact_overlay(deepstate_sample, expr):
    index = atom_index_for(deepstate_sample, "deepstate")
    assert index is not None
    ids = [sid for sid, _ in deepstate_sample.snapshot_times("deepstate")]
    tl = Timeline(deepstate_sample, "deepstate", expr)
    for a, b in [(ids[0], ids[39]), (ids[3], ids[17]), (ids[10], ids[11]), (ids[39], ids[5]), (ids[20], ids[33])]:
        got = index.pair(parse_layers(expr), a, b)
        want = reference(deepstate_sample, "deepstate", expr, a, b)
        assert got == pytest.approx(want, rel=1e-6, abs=1e-3), (a, b)
        uncut = diff(tl.shape(a), tl.shape(b))
        # the uncut maps' overlay differs by the bulge of long geodesic edges only (see atoms.SEG_DEG)
        assert got == pytest.approx((uncut.gained_km2, uncut.lost_km2), rel=5e-3, abs=0.5), (a, b)


def test_the_cli_indexes_a_source_and_later_imports_keep_it(tmp_path):
    import subprocess
    import sys

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "frontwatch", "territory", "index", *args, "--db", str(path)],
                              capture_output=True, text=True, timeout=600)

    path = tmp_path / "cli.duckdb"
    with open_store(path) as st:
        fill(st, date(2024, 1, 1), moving_front())
    bad = cli("--source", "nowhere")
    assert bad.returncode == 1 and "no source 'nowhere'" in bad.stderr and "Traceback" not in bad.stderr
    done = cli("--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"source": "test", "cells": done_cells(done.stdout), "indexed": True}]
    with open_store(path) as st:
        fill(st, date(2024, 1, 11), [{"occupied": box(36.0, 47.0, 36.6 - 0.001 * k, 47.5)}
                                    for k in range(REBUILD_AFTER)])  # fill refreshes, as an import does
        ids = [sid for sid, _ in st.snapshot_times("test")]
        assert atom_index_for(st, "test").pair(("occupied",), ids[0], ids[-1]) == pytest.approx(
            reference(st, "test", "occupied", ids[0], ids[-1]))


def done_cells(stdout: str) -> int:
    cells = json.loads(stdout)[0]["cells"]
    assert cells > 0
    return cells


def test_the_work_bound_counts_a_pair_of_the_index_as_a_fraction_of_an_overlay(store, tmp_path):
    """The API's overlay budget bounds the work of atom pairs too (about 1 ms each, a tenth of an overlay's
    share): a series of many unstored windows is still refused before any work, a short one answered."""
    from frontwatch.errors import InputError
    from frontwatch.territory.changes import ATOM_PAIRS_PER_OVERLAY
    from frontwatch.territory.series import series

    tl = Timeline(store, "test", "occupied")
    pairs = Pairs(tl)
    needed = set(itertools.islice(itertools.combinations(range(len(tl.ids)), 2), ATOM_PAIRS_PER_OVERLAY + 1))
    assert pairs.uncovered(needed) == set() and pairs.cost(needed) == 2  # 11 atom pairs: two overlays' work
    with open_store(tmp_path / "plain.duckdb") as plain:
        fill(plain, date(2024, 1, 1), moving_front())  # no index: every such pair is an overlay
        plain_pairs = Pairs(Timeline(plain, "test", "occupied"))
        assert plain_pairs.uncovered(needed) == needed and plain_pairs.cost(needed) == len(needed)
    with pytest.raises(InputError, match="map overlays"):
        series(store, freq="day", window=2, layer="occupied", source="test", max_overlays=0)
    points = series(store, freq="day", window=2, layer="occupied", source="test", max_overlays=1)
    assert points and pairs.computed == 0


def test_atoms_held_in_the_same_versions_are_grouped_exactly():
    import numpy as np

    from frontwatch.territory.atom_index import _same_columns

    rng = np.random.default_rng(5)
    for versions in (1, 7, 300, 5000):  # 5000: more versions than hash weights, the exact path
        base = rng.random((versions, 40)) < 0.5
        rows = base[:, rng.integers(0, 40, size=400)]  # 400 columns, at most 40 distinct
        first, inverse = _same_columns(rows)
        assert np.array_equal(rows[:, first][:, inverse], rows)
        assert len(first) == np.unique(rows, axis=1).shape[1]
