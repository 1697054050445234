"""``fetch_source``: download snapshots from DeepStateMap's public API or ISW's ArcGIS layers, then import them.

DeepStateMap (https://deepstatemap.live/api):

* ``GET /api/history/public``: the list of published snapshots, ``[{"id": 1715817600, "createdAt": "...Z", ...}]``
  (``id`` is the snapshot time in Unix seconds);
* ``GET /api/history/{id}/geojson``: one snapshot's raw FeatureCollection, the files of the shared archive.

ISW (the FeatureServer layers behind ISW/CTP's interactive map, on services5.arcgis.com): each layer's
metadata (``?f=json``, whose ``editingInfo.lastEditDate`` dates the data) and its features through
``/query?where=1=1&outFields=*&f=geojson``, paged with ``resultOffset``/``resultRecordCount`` while the server
says ``exceededTransferLimit``. ISW publishes only the current state, so one fetch is one snapshot, dated by
the newest edit of its layers. Its layers become the same CONTRACTS layers as the weekly archive's (``isw.py``:
assessed control -> ``occupied``, advances -> ``contested``, ``claimed`` where the service has it): assessed
control and advances are required; a layer the service no longer has (claimed, pre-2022, counteroffensives) is
left out with a warning. An answer that is not the layer's JSON (an HTML error page, ArcGIS's ``{"error": ...}``)
is a :class:`FetchError` naming the URL and what came back, and nothing is stored.

Every request has a timeout and a size cap; a failure to reach the service is a :class:`FetchError` naming the
URL, while one snapshot that cannot be downloaded is recorded in the report and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from ..errors import ConfigError, FetchError
from .archive import Entry
from .importer import ImportReport, import_entries, read_options
from .sources import time_from_value

if TYPE_CHECKING:
    from ..store import Store

DEEPSTATE_URL = "https://deepstatemap.live/api"
ISW_URL = "https://services5.arcgis.com/SaBe5HMtmnbqSWlu/arcgis/rest/services"
#: ISW layer -> FeatureServer layer path (as used by ISW/CTP's ArcGIS map, 2023-2025). ``isw.ISW_TO_LAYER`` maps
#: these short names to CONTRACTS layers.
ISW_REQUIRED = ("control", "advances")
ISW_LAYERS = {
    "control": "VIEW_RussiaCoTinUkraine_V3/FeatureServer/49",
    "advances": "MDS_AssessedRussianAdvanceInUkraine_view/FeatureServer/49",
    "claimed": "VIEW_ClaimedRussianTerritoryinUkraine_V2/FeatureServer/49",
    "pre2022": "VIEW_Russian_controlled_Ukrainian_Territory_before_February_24_2022/FeatureServer/36",
    "counteroffensives": "VIEW_ClaimedUkrainianCounteroffensives_V2/FeatureServer/51",
}
TIMEOUT = httpx.Timeout(60.0, connect=15.0)
MAX_BYTES = 128 * 1024 * 1024  # one response; DeepState snapshots are under 1 MB, ISW layers a few MB
PAGE_SIZE = 2000
MAX_PAGES = 500
USER_AGENT = "frontwatch (https://example.invalid/frontwatch; research use)"


def fetch_source(
    store: Store,
    provider: str,
    *,
    url: str | None = None,
    since: str | None = None,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
    progress: bool = False,
) -> ImportReport:
    """Download ``provider``'s snapshots not yet stored (``deepstate``: since ``since``; ``isw``: the current map)
    and import them; returns the import report."""
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        if provider == "deepstate":
            opts = read_options("deepstate", None, None)
            entries = deepstate_entries(client, (url or DEEPSTATE_URL).rstrip("/"), store, since, max_bytes)
        elif provider == "isw":
            opts = read_options("isw", None, None)
            left_out: list[str] = []
            entries = iter([isw_entry(client, (url or ISW_URL).rstrip("/"), max_bytes, left_out=left_out)])
        else:
            raise ConfigError(f"unknown provider {provider!r}: expected deepstate or isw")
        report = import_entries(store, entries, opts, progress=progress, workers=1)
        if provider == "isw":
            report.warnings.extend(left_out)
        return report
    finally:
        if own:
            client.close()


def get_bytes(client: httpx.Client, url: str, *, params: dict[str, Any] | None = None,
              max_bytes: int = MAX_BYTES) -> bytes:
    """The body of a GET, streamed with a size cap; FetchError on a network error, HTTP error or oversize."""
    try:
        with client.stream("GET", url, params=params) as response:
            if response.status_code >= 400:
                raise FetchError(
                    f"{url} answered HTTP {response.status_code}: check the address (--url) or try later"
                )
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FetchError(_too_big(url, declared, max_bytes))
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_big(url, size, max_bytes))
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise FetchError(
            f"cannot fetch {url} ({type(exc).__name__}: {exc}): check the address or the connection"
        ) from exc
    return b"".join(chunks)


def _too_big(url: str, size: int, cap: int) -> str:
    return f"{url} sent more than {cap:,} bytes ({size:,}): not a snapshot; check the address"


def get_json(client: httpx.Client, url: str, *, params: dict[str, Any] | None = None,
             max_bytes: int = MAX_BYTES) -> Any:
    """A GET's JSON body (FetchError when it is not JSON)."""
    body = get_bytes(client, url, params=params, max_bytes=max_bytes)
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        start = body.lstrip()[:60].decode("utf-8", "replace").replace("\n", " ")
        kind = "an HTML page" if start.lower().startswith(("<!doctype", "<html")) else f"{start!r}"
        raise FetchError(f"{url} did not answer JSON but {kind} ({exc}): check the address (--url) or try later"
                         ) from exc


# ---------------------------------------------------------------- DeepStateMap


def deepstate_history(client: httpx.Client, base: str, max_bytes: int = MAX_BYTES) -> list[tuple[str, datetime]]:
    """(id, time) of every published snapshot, oldest first."""
    url = f"{base}/history/public"
    listing = get_json(client, url, max_bytes=max_bytes)
    if isinstance(listing, str):  # some deployments answer a JSON string holding the JSON
        listing = orjson.loads(listing)
    if not isinstance(listing, list):
        raise FetchError(f"{url} did not answer a list of snapshots (got {type(listing).__name__}): check --url")
    out = []
    for item in listing:
        ident = str(item.get("id", "")) if isinstance(item, dict) else ""
        moment = time_from_value(int(ident)) if ident.isdigit() else None
        moment = moment or (time_from_value(item.get("createdAt")) if isinstance(item, dict) else None)
        if ident.isdigit() and moment is not None:
            out.append((ident, moment))
    return sorted(out, key=lambda pair: pair[1])


def deepstate_entries(
    client: httpx.Client, base: str, store: Store, since: str | None, max_bytes: int = MAX_BYTES
) -> Iterator[Entry]:
    """Download entries for the snapshots listed since ``since`` that the store lacks."""
    start = _since(since)
    have = {key for (source, key) in store.snapshot_digests("deepstate") if source == "deepstate"}
    for ident, moment in deepstate_history(client, base, max_bytes):
        if (start and moment < start) or ident in have:
            continue
        url = f"{base}/history/{ident}/geojson"
        name = f"{url}!{ident}.geojson"
        try:
            yield Entry("file", name, data=get_bytes(client, url, max_bytes=max_bytes))
        except FetchError as exc:
            yield Entry("error", name, error=exc)


def _since(since: str | None) -> datetime | None:
    if not since:
        return None
    moment = time_from_value(since)
    if moment is None:
        raise ConfigError(f"--since {since!r} is not a date: write e.g. 2024-05-01")
    return moment


# ---------------------------------------------------------------- ISW


def isw_layer(
    client: httpx.Client, base: str, path: str, max_bytes: int = MAX_BYTES
) -> tuple[list[Any], datetime | None]:
    """All features of one FeatureServer layer (paged) and the time of its last edit."""
    meta = get_json(client, f"{base}/{path}", params={"f": "json"}, max_bytes=max_bytes)
    if not isinstance(meta, dict) or "error" in meta:
        detail = meta.get("error") if isinstance(meta, dict) else f"a JSON {type(meta).__name__}"
        raise FetchError(f"{base}/{path} answered an error instead of the layer's description ({detail}): "
                         "check --url, or try later")
    editing = meta.get("editingInfo") or {}
    edited = time_from_value(editing.get("lastEditDate"))
    features: list[Any] = []
    for page in range(MAX_PAGES):
        params = {"where": "1=1", "outFields": "*", "f": "geojson", "orderByFields": "OBJECTID",
                  "resultOffset": page * PAGE_SIZE, "resultRecordCount": PAGE_SIZE}
        doc = get_json(client, f"{base}/{path}/query", params=params, max_bytes=max_bytes)
        if not isinstance(doc, dict) or "error" in doc or not isinstance(doc.get("features"), list):
            detail = doc.get("error") if isinstance(doc, dict) else type(doc).__name__
            raise FetchError(f"{base}/{path}/query did not answer GeoJSON features ({detail}): check --url")
        features.extend(doc["features"])
        more = doc.get("exceededTransferLimit") or (doc.get("properties") or {}).get("exceededTransferLimit")
        if not more or not doc["features"]:
            return features, edited
    raise FetchError(f"{base}/{path} kept paging past {MAX_PAGES * PAGE_SIZE:,} features: stopped")


def isw_entry(client: httpx.Client, base: str, max_bytes: int = MAX_BYTES, *,
              left_out: list[str] | None = None) -> Entry:
    """ISW's current layers as one snapshot entry (features tagged with their layer, dated by the last edit).

    A required layer that fails raises FetchError; an optional one is named in ``left_out`` and skipped.
    """
    features: list[Any] = []
    times: list[datetime] = []
    for short, path in ISW_LAYERS.items():
        try:
            layer_features, edited = isw_layer(client, base, path, max_bytes)
        except FetchError as exc:
            if short in ISW_REQUIRED:
                raise
            if left_out is not None:
                left_out.append(f"ISW layer {short!r} left out: {exc.message}")
            continue
        for feature in layer_features:
            if isinstance(feature, dict):
                feature["properties"] = {**(feature.get("properties") or {}), "layer": short}
                features.append(feature)
        if edited:
            times.append(edited)
    moment = max(times) if times else datetime.now(UTC).replace(microsecond=0)
    doc = {"type": "FeatureCollection", "snapshot_time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"), "features": features}
    return Entry("file", f"{base}!isw-{moment:%Y%m%dT%H%M%S}.geojson", data=orjson.dumps(doc))
