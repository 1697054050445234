"""Promise: what a hostile client sends cannot run script in the dashboard, learn the token or the server
software, and the CLI's --json errors stay JSON.

Issue 15, item 6: an article ``url`` of ``javascript:...`` was stored and rendered as the article's link, and
no Content-Security-Policy was sent. Item 11: the token given as ``--setting api_token=...`` showed in
``ps``; ``--json`` errors were printed as plain text.
"""

# ruff: noqa: F811 - the fixtures imported from api_fixtures are, by pytest's design, arguments of the same name
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from frontwatch.api import create_app
from frontwatch.config import Settings
from frontwatch.errors import ConfigError, InputError
from frontwatch.models import Article
from frontwatch.store import open_store
from tests.conftest import REPO
from tests.reliability.api_fixtures import TestClient, api, sample_path  # noqa: F401 - fixtures

TOKEN = "reliability-token-7c1e"
HOSTILE_URLS = ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "java\tscript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
                "//evil.example/x", "https://", "http:/no-host"]


@pytest.fixture
def writable(sample_path, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copyfile(sample_path, path)
    app = create_app(path, settings=Settings.load({"api_token": TOKEN}, environ={}))
    with TestClient(app) as client:
        yield client


def article(url: str, doc_id: str = "hostile-1") -> dict[str, str]:
    return {"doc_id": doc_id, "text": "Russian shelling hit Kharkiv on Friday, the governor said.",
            "published": "2024-05-17", "url": url}


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_post_articles_refuses_a_non_web_address_and_stores_nothing(writable, url):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/articles", json=article(url), headers=headers)
    assert r.status_code == 422, r.text
    assert "not a web address" in r.json()["message"]
    assert writable.get("/articles/hostile-1").status_code == 404


def test_post_articles_keeps_a_web_address(writable):
    r = writable.post("/articles", json=article("https://example.org/news/1?x=1"),
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert writable.get("/articles/hostile-1").json()["url"] == "https://example.org/news/1?x=1"


@pytest.mark.parametrize("url", HOSTILE_URLS[:4])
def test_the_store_refuses_a_non_web_address_whoever_writes(tmp_path, url):
    from datetime import date

    with open_store(tmp_path / "s.duckdb") as store, pytest.raises(InputError, match="not a web address"):
        store.add_article(Article("x", "Some text.", date(2024, 5, 17), url, None, None), [])


@pytest.mark.parametrize("path", ["/", "/article/wire-b", "/docs", "/openapi.json", "/territory/info",
                                  "/events?limit=1", "/no-such-page", "/static/js/article.js"])
def test_every_answer_carries_the_security_headers(api, path):
    r = api.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "server" not in r.headers


def test_the_docs_page_may_run_only_its_own_inline_script(api):
    from frontwatch.api.headers import inline_scripts

    r = api.get("/docs")
    [script] = inline_scripts(r.text)
    assert "'sha256-" in r.headers["content-security-policy"] and script.strip()
    assert "'sha256-" not in api.get("/").headers["content-security-policy"]


def test_a_401_says_where_the_token_belongs(api, writable):
    r = api.post("/articles", json=article("https://example.org/1"))
    assert r.status_code == 401
    assert "FRONTWATCH_API_TOKEN" in r.json()["message"] and "api_token_file" in r.json()["message"]
    wrong = writable.post("/articles", json=article("https://example.org/1"), headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and "FRONTWATCH_API_TOKEN" in wrong.json()["message"]


def test_the_token_can_come_from_a_file(tmp_path):
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    assert Settings.load({"api_token_file": str(path)}, environ={}).api_token == TOKEN
    with pytest.raises(ConfigError, match="both api_token and api_token_file"):
        Settings.load({"api_token_file": str(path)}, environ={"FRONTWATCH_API_TOKEN": "x"})
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(ConfigError, match="is empty"):
        Settings.load({"api_token_file": str(tmp_path / "empty")}, environ={})
    with pytest.raises(ConfigError, match="cannot be read"):
        Settings.load({"api_token_file": str(tmp_path / "absent")}, environ={})
    public = Settings.load({"api_token_file": str(path)}, environ={}).public()
    assert public["api_token"] is True and TOKEN not in json.dumps(public)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_served_token_from_a_file_is_not_in_ps_and_the_server_is_not_named(sample_path, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copyfile(sample_path, db)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTWATCH_")}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "serve", "--db", str(db), "--port", str(port),
                             "--setting", f"api_token_file={token_file}"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                r = httpx.get(f"{base}/settings", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.3)
        assert "server" not in r.headers and r.headers["x-content-type-options"] == "nosniff"
        assert r.json()["settings"]["api_token"] is True
        assert TOKEN not in Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode()
        stored = httpx.post(f"{base}/articles", json=article("https://example.org/2", "served-1"),
                            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert stored.status_code == 201, stored.text
    finally:
        proc.terminate()
        proc.wait(30)
        if proc.stderr:
            proc.stderr.close()


def test_a_token_on_the_command_line_is_warned_about(sample_path):
    done = subprocess.run([sys.executable, "-m", "frontwatch", "serve", "--db", str(sample_path), "--port", "1",
                           "--setting", "api_token=x", "--setting", "nope=1"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert "visible to every user in `ps`" in done.stderr and "FRONTWATCH_API_TOKEN" in done.stderr


@pytest.mark.parametrize("args", [["territory", "change", "--period", "2024-13"],
                                  ["territory", "change", "--from", "2024-05-01", "--to", "9999-12-31"],
                                  ["check", "/no/such/article.txt"]])
def test_json_errors_are_json_on_stdout_and_one_line_on_stderr(sample_path, args):
    done = subprocess.run([sys.executable, "-m", "frontwatch", *args, "--db", str(sample_path), "--json"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 1, done.stderr
    body = json.loads(done.stdout)
    assert {"error", "message", "status"} <= set(body) and body["message"]
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
