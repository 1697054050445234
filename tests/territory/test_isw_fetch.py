"""The live ISW fetcher: same layers as the weekly archive; an error page is one line and stores nothing.

The service is played by an httpx transport (httpx's own interface for offline clients), answering as ArcGIS does.
"""

from __future__ import annotations

import json

import httpx
import pytest
from shapely.geometry import box, mapping

from frontwatch.errors import FetchError
from frontwatch.territory import fetch
from frontwatch.territory.fetch import fetch_source

LAYERS = {"control": box(36.0, 48.0, 36.2, 48.2), "advances": box(36.2, 48.0, 36.3, 48.1),
          "claimed": box(36.3, 48.0, 36.4, 48.1)}


def service(broken: dict[str, tuple[int, bytes]] | None = None) -> httpx.Client:
    """An ArcGIS FeatureServer with the ``LAYERS`` above; ``broken`` maps a layer name to its answer."""
    broken = broken or {}

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/arcgis/")
        layer_path = path.removesuffix("/query")
        name = next(k for k, v in fetch.ISW_LAYERS.items() if v == layer_path)
        if name in broken:
            status, body = broken[name]
            return httpx.Response(status, content=body)
        if not path.endswith("/query"):
            return httpx.Response(200, json={"name": name, "editingInfo": {"lastEditDate": 1715817600000}})
        geom = LAYERS.get(name)
        features = [{"type": "Feature", "properties": {"OBJECTID": 1}, "geometry": mapping(geom)}] if geom else []
        return httpx.Response(200, content=json.dumps({"type": "FeatureCollection", "features": features}))

    return httpx.Client(transport=httpx.MockTransport(handle))


def test_live_layers_map_as_the_weekly_archive_does(store):
    report = fetch_source(store, "isw", url="http://isw.test/arcgis", client=service())
    assert report.to_dict() == {"imported": 1, "skipped": 0, "failed": []}
    [snap] = store.list_snapshots("isw")
    assert {layer.layer for layer in store.load_layers(snap.id)} == {"occupied", "contested", "claimed"}


@pytest.mark.parametrize("answer, expected", [
    ((200, b"<!DOCTYPE html><html><body>Service unavailable</body></html>"), "did not answer JSON but an HTML page"),
    ((200, b'{"error": {"code": 499, "message": "Token Required"}}'), "answered an error"),
    ((503, b"busy"), "HTTP 503"),
])
def test_an_error_page_is_one_line_and_nothing_stored_is_lost(store, answer, expected):
    fetch_source(store, "isw", url="http://isw.test/arcgis", client=service())
    [kept] = store.list_snapshots("isw")
    with pytest.raises(FetchError, match=expected) as caught:
        fetch_source(store, "isw", url="http://isw.test/arcgis", client=service({"control": answer}))
    assert "\n" not in str(caught.value)
    assert [s.key for s in store.list_snapshots("isw")] == [kept.key]


def test_a_layer_the_service_lacks_is_left_out_with_a_warning(store):
    client = service({"claimed": (400, b'{"error": {"code": 400, "message": "Invalid URL"}}')})
    report = fetch_source(store, "isw", url="http://isw.test/arcgis", client=client)
    assert report.imported == 1
    assert any("'claimed' left out" in w for w in report.warnings)
    [snap] = store.list_snapshots("isw")
    assert {layer.layer for layer in store.load_layers(snap.id)} == {"occupied", "contested"}
