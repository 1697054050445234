"""fetch_source against a local HTTP server that serves the shared snapshots in the APIs' shapes (no internet)."""

from __future__ import annotations

import json
import tarfile
import time
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from frontwatch.errors import ConfigError, FetchError
from frontwatch.territory import fetch
from frontwatch.territory.fetch import fetch_source
from tests.conftest import shared_path
from tests.httpserver import local_server


@pytest.fixture(scope="module")
def snapshots() -> dict[int, bytes]:
    """The first three raw snapshots of 2025, extracted at test time."""
    out: dict[int, bytes] = {}
    with tarfile.open(shared_path("data", "territory", "deepstate", "deepstate-2025.tar.xz"), "r|xz") as tar:
        for member in tar:
            out[int(member.name.split(".")[0])] = tar.extractfile(member).read()
            if len(out) == 3:
                break
    return out


def isw_layers_from(raw: bytes) -> dict[str, list[dict]]:
    """ISW-shaped layers made of a real DeepState snapshot's polygons (control, claimed, pre-2022)."""
    doc = json.loads(raw)
    by_fill = {"#a52714": "control", "#bcaaa4": "claimed", "#880e4f": "pre2022"}
    layers: dict[str, list[dict]] = {name: [] for name in fetch.ISW_LAYERS}
    for n, feature in enumerate(doc["features"]):
        name = by_fill.get(feature["properties"].get("fill"))
        if name:
            layers[name].append({"type": "Feature", "id": n, "properties": {"OBJECTID": n},
                                 "geometry": feature["geometry"]})
    return layers


class Api:
    """Routes of the fake DeepStateMap and ArcGIS services, with a request log."""

    def __init__(self, snapshots: dict[int, bytes]) -> None:
        self.snapshots = dict(snapshots)
        self.isw = isw_layers_from(next(iter(snapshots.values())))
        self.requests: list[str] = []
        self.broken: set[str] = set()
        self.delay = 0.0

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes]:
        if path in self.broken:
            return 500, b"oops"
        if path == "/api/history/public":
            listing = [{"id": i, "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(i)),
                        "status": True} for i in sorted(self.snapshots)]
            return 200, json.dumps(listing).encode()
        parts = path.strip("/").split("/")
        if parts[:2] == ["api", "history"] and len(parts) == 4 and parts[3] == "geojson":
            body = self.snapshots.get(int(parts[2]))
            return (200, body) if body is not None else (404, b"not found")
        if parts[0] == "arcgis":
            return self.arcgis(parts, query)
        return 404, b"no route"

    def arcgis(self, parts: list[str], query: dict[str, list[str]]) -> tuple[int, bytes]:
        layer_path = "/".join(parts[1:4])
        name = next(k for k, v in fetch.ISW_LAYERS.items() if v == layer_path)
        if parts[-1] != "query":
            return 200, json.dumps({"name": name, "editingInfo": {"lastEditDate": 1735689600000}}).encode()
        offset, count = int(query["resultOffset"][0]), int(query["resultRecordCount"][0])
        page = self.isw[name][offset:offset + count]
        more = offset + count < len(self.isw[name])
        return 200, json.dumps({"type": "FeatureCollection", "features": page,
                                "properties": {"exceededTransferLimit": more}}).encode()


@pytest.fixture
def api(snapshots):
    state = Api(snapshots)

    def answer(method: str, target: str, body: bytes) -> tuple[int, bytes]:
        url = urlparse(target)
        state.requests.append(url.path)
        time.sleep(state.delay)
        return state.answer(url.path, parse_qs(url.query))

    with local_server(answer) as base:
        state.base = base
        yield state


def test_deepstate_fetches_what_the_store_lacks_and_nothing_twice(store, api, snapshots):
    report = fetch_source(store, "deepstate", url=f"{api.base}/api")
    assert report.to_dict() == {"imported": 3, "skipped": 0, "failed": []}
    assert {s.key for s in store.list_snapshots("deepstate")} == {str(i) for i in snapshots}
    api.requests.clear()
    again = fetch_source(store, "deepstate", url=f"{api.base}/api")
    assert again.to_dict() == {"imported": 0, "skipped": 0, "failed": []}
    assert api.requests == ["/api/history/public"]  # no snapshot downloaded again


def test_since_limits_the_download(store, api, snapshots):
    last = max(snapshots)
    day = time.strftime("%Y-%m-%d", time.gmtime(last))
    report = fetch_source(store, "deepstate", url=f"{api.base}/api", since=day)
    assert report.imported == sum(1 for i in snapshots if time.strftime("%Y-%m-%d", time.gmtime(i)) >= day)
    with pytest.raises(ConfigError, match="--since"):
        fetch_source(store, "deepstate", url=f"{api.base}/api", since="last week")


def test_one_missing_snapshot_fails_alone(store, api, snapshots):
    gone = min(snapshots)
    api.broken.add(f"/api/history/{gone}/geojson")
    report = fetch_source(store, "deepstate", url=f"{api.base}/api")
    assert report.imported == 2
    [failure] = report.failed
    assert str(gone) in failure.path and "HTTP 500" in failure.error


def test_service_errors_are_fetch_errors(store, api):
    api.broken.add("/api/history/public")
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_source(store, "deepstate", url=f"{api.base}/api")
    with pytest.raises(FetchError, match=r"did not answer JSON|HTTP 404"):
        fetch_source(store, "deepstate", url=f"{api.base}/nowhere")
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch_source(store, "deepstate", url="http://127.0.0.1:9/api")  # nothing listens on the discard port
    with pytest.raises(ConfigError, match="provider"):
        fetch_source(store, "liveuamap")


def test_size_cap_and_timeout(store, api):
    with pytest.raises(FetchError, match="more than 100 bytes"):
        fetch_source(store, "deepstate", url=f"{api.base}/api", max_bytes=100)
    api.delay = 1.0
    with httpx.Client(timeout=0.2) as impatient, pytest.raises(FetchError, match="Timeout"):
        fetch_source(store, "deepstate", url=f"{api.base}/api", client=impatient)


def test_isw_layers_are_paged_and_make_one_snapshot(store, api, monkeypatch):
    monkeypatch.setattr(fetch, "PAGE_SIZE", 2)  # the real page is 2,000 features: force several pages
    report = fetch_source(store, "isw", url=f"{api.base}/arcgis")
    assert report.to_dict() == {"imported": 1, "skipped": 0, "failed": []}
    pages = [p for p in api.requests if p.endswith("/query")]
    assert len(pages) > len(fetch.ISW_LAYERS)
    [snap] = store.list_snapshots("isw")
    assert snap.time.isoformat() == "2025-01-01T00:00:00+00:00"  # the layers' last edit
    areas = {layer.layer: layer.area_km2 for layer in store.load_layers(snap.id)}
    assert set(areas) == {"occupied", "claimed", "occupied_pre2022"}
    assert 60_000 < areas["occupied"] < 80_000 and 40_000 < areas["occupied_pre2022"] < 46_000
    again = fetch_source(store, "isw", url=f"{api.base}/arcgis")
    assert again.to_dict() == {"imported": 0, "skipped": 1, "failed": []}


def test_the_command_exits_1_when_every_download_failed(tmp_path, api, snapshots, capsys):
    from frontwatch.cli import main

    for key in snapshots:
        api.broken.add(f"/api/history/{key}/geojson")
    db = str(tmp_path / "f.duckdb")
    assert main(["territory", "fetch", "deepstate", "--url", f"{api.base}/api", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "imported 0, skipped 0, failed 3" in err and err.count("HTTP 500") == 3
    api.broken.clear()
    assert main(["territory", "fetch", "deepstate", "--url", f"{api.base}/api", "--db", db]) == 0
