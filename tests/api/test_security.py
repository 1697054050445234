"""Bad input and security: every bad request gets a 4xx with the JSON error body, and the store does not change.

These run against a server that CAN write (a token is configured, the DuckDB file is open read-write),
so "nothing changed" is a real check rather than a consequence of a read-only connection.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn

from frontwatch.api import create_app
from frontwatch.config import Settings

TOKEN = "test-token-3f9a"  # the token of the ``writable`` fixture
SQL_METACHARACTERS = ["'", "\"", "' OR '1'='1", "'; DROP TABLE events; --", "%", "_", "\\", "a%' --",
                      "1) UNION SELECT * FROM articles --", "\x00", "é'\u2019"]
TEXT_PARAMS = ["event_type", "sub_event_type", "actor", "claimant", "q", "doc_id"]


def fingerprint(store) -> tuple:  # type: ignore[no-untyped-def]
    """Row counts and id sums of every table the API could touch (read through the app's own connection,
    since DuckDB lets one process open a file in one mode only)."""
    tables = [tuple(store.query_one(f"SELECT count(*) AS n, sum(id) AS s FROM {t}").values())  # our own names
              for t in ("articles", "events", "territory_snapshots")]
    return (*tables, store.scalar("SELECT count(*) FROM territory_layers"))


@pytest.fixture
def guarded(writable):
    """(client, assert_unchanged): the writable app and a check that its store is as it was."""
    client, path = writable
    store = client.app.state.pool.get()
    before = fingerprint(store)
    yield client, path
    assert fingerprint(store) == before


FIELDS = {  # how each text parameter matches, computed here in Python to compare with the SQL
    "event_type": lambda e, v: e["event_type"] == v,
    "sub_event_type": lambda e, v: e["sub_event_type"] == v,
    "actor": lambda e, v: any(v.lower() in (a or "").lower() for a in (e["actor1"], e["actor2"])),
    "claimant": lambda e, v: v.lower() in (e["claimant"] or "").lower(),
    "q": lambda e, v: v.lower() in e["evidence"]["text"].lower() or v.lower() in e["location"]["name"].lower(),
    "doc_id": lambda e, v: e["doc_id"] == v,
}


@pytest.mark.parametrize("value", SQL_METACHARACTERS)
def test_sql_metacharacters_in_every_text_parameter_are_data(guarded, value):
    client, _ = guarded
    everything = client.get("/events").json()["events"]
    for name, matches in FIELDS.items():
        r = client.get("/events", params={name: value})
        if value == "\x00":  # a NUL may be refused by the database driver: an empty answer or a 4xx is right
            assert r.status_code in (200, 400, 422), r.text
        else:
            assert r.status_code == 200, (name, r.text)
        if r.status_code == 200:
            expected = sorted(e["id"] for e in everything if matches(e, value))
            assert sorted(e["id"] for e in r.json()["events"]) == expected, (name, value)
    if value not in ("\\", "\x00"):
        assert client.get(f"/articles/{value}x").status_code in (404, 422)


def test_a_like_wildcard_does_not_match_everything(guarded):
    client, _ = guarded
    assert client.get("/events", params={"q": "%"}).json()["events"] == []
    assert client.get("/events", params={"claimant": "_"}).json()["events"] == []


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc", "limit=0", "limit=-5", "limit=1000000000", "limit=99999999999999999999999", "offset=-1",
        "offset=1e3", "start=2024-13-45", "start=yesterday", "end=2024-02-30",
        "start=2024-05-20&end=2024-05-01",  # inverted
        "bbox=1,2,3", "bbox=a,b,c,d", "bbox=200,0,210,10", "bbox=0,-95,10,10", "bbox=10,10,0,0",
        "bbox=nan,0,1,1", "bbox=inf,0,1,1", "bbox=" + "1," * 300, "format=xml", "total=maybe",
        "q=" + "x" * 5000,
    ],
)
def test_malformed_event_queries_get_a_json_4xx(guarded, check_error, query):
    client, _ = guarded
    check_error(client.get("/events?" + query))


@pytest.mark.parametrize("path", ["/events/0", "/events/abc", "/events/99999999999999999999999", "/events/123456",
                                  "/articles/nope", "/nowhere"])
def test_unknown_things_get_a_json_4xx(guarded, check_error, path):
    client, _ = guarded
    check_error(client.get(path))


def test_method_not_allowed_has_the_shape(guarded, check_error):
    client, _ = guarded
    check_error(client.delete("/events"), 405)


ARTICLE = {"doc_id": "new-doc", "text": "Shelling hit Kharkiv on Friday, the governor said.", "published": "2024-05-17"}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer "}, {"Authorization": TOKEN},
     {"Authorization": "Basic " + TOKEN}, {"X-Frontwatch-Token": "wrong"},
     {"Authorization": "Bearer " + TOKEN[:-1]}],
)
def test_missing_or_wrong_token_is_refused(guarded, check_error, headers):
    client, _ = guarded
    body = check_error(client.post("/articles", json=ARTICLE, headers=headers), 401)
    assert body["error"] == "unauthorized"


def test_read_only_server_refuses_writes(client, check_error):
    check_error(client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer " + TOKEN}), 401)


@pytest.mark.parametrize("body", [b"{", b"[]", b'{"doc_id": "x"}', b'{"doc_id": "", "text": "t"}',
                                  b'{"doc_id": "x", "text": "t", "published": "2024-99-01"}', b"\xff\xfe"])
def test_malformed_article_bodies_are_refused(guarded, check_error, body):
    client, _ = guarded
    r = client.post("/articles", content=body,
                    headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    check_error(r, 422)


def test_a_body_over_the_limit_is_refused_by_the_app(guarded, check_error):
    client, _ = guarded  # max_body_bytes is 200,000 in the fixture
    big = {**ARTICLE, "text": "x" * 300_000}
    body = check_error(client.post("/articles", json=big, headers={"Authorization": "Bearer " + TOKEN}), 413)
    assert body["error"] == "body_too_large"


def test_claims_body_over_the_limit_is_refused(guarded, check_error):
    client, _ = guarded
    check_error(client.post("/claims", content=b"x" * 250_000, headers={"Content-Type": "application/json"}), 413)


@pytest.fixture
def live_server(backend, new_target, sample_module):
    """A real uvicorn server on loopback (the body limit is checked before any body byte is read)."""
    app = create_app(sample_module.fill(new_target(backend)), settings=Settings.load({"api_token": TOKEN}, environ={}))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield sock.getsockname()[1], app
    server.should_exit = True
    thread.join(10)


def test_a_100_mb_body_is_refused_before_it_is_sent(live_server):
    port, app = live_server
    before = fingerprint(app.state.pool.get())
    hundred_mb = 100 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall((f"POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {hundred_mb}\r\n\r\n").encode())
        conn.sendall(b"{" + b"x" * 65536)  # a first chunk only: the answer must not wait for the rest
        answer = _read_answer(conn)
    head, _, body = answer.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 413"), head
    assert '"error":"body_too_large"' in body.replace(" ", "") and '"status":413' in body.replace(" ", "")
    assert fingerprint(app.state.pool.get()) == before


def _read_answer(conn: socket.socket) -> str:
    """An HTTP answer read up to its Content-Length."""
    data = b""
    while b"\r\n\r\n" not in data or len(data.partition(b"\r\n\r\n")[2]) < _length(data):
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1")


def _length(data: bytes) -> int:
    for line in data.partition(b"\r\n\r\n")[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def test_the_right_token_stores_an_extracted_article(writable):
    client, _ = writable
    r = client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer " + TOKEN})
    assert r.status_code == 201, r.text
    stored = r.json()
    assert stored["doc_id"] == "new-doc" and stored["events"] >= 1
    view = client.get("/articles/new-doc").json()
    assert view["text"] == ARTICLE["text"] and len(view["events"]) == stored["events"]
    assert client.get("/events", params={"doc_id": "new-doc"}).json()["events"]
