"""Promise: no input the OpenAPI schema admits gives a 5xx, and the CLI gives one line, not a traceback.

Issue 15, item 8: ``tz=Europe`` (a folder of the zone database: IsADirectoryError), dates at
0001-01-01 or 9999-12-31 (OverflowError in /events, /territory/series, POST /claims) and
``period=0000-01`` gave 500s; ``frontwatch check article.txt --published 9999-12-31`` a traceback.
"""

# ruff: noqa: F811 - the fixtures imported from api_fixtures are, by pytest's design, arguments of the same name
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.reliability.api_fixtures import api, sample_path  # noqa: F401 - fixtures

EXTREME_DATES = ["0001-01-01", "0001-01-02", "1899-12-31", "1900-01-01", "2024-05-01", "2199-12-31", "2200-01-01",
                 "9999-12-30", "9999-12-31"]
ZONES = ["UTC", "Europe", "Europe/", "America", "Europe/Kyiv", "Etc/GMT+14", "Etc/GMT-14", "../../etc/passwd",
         "posixrules", "Factory", "zone.tab", "", "Pacific/Kiritimati", "America/Adak"]
PERIODS = ["0000-01", "0001-01", "1900-01", "2024-03", "9999-12", "2024-13", "2024-00"]
LAYERS = ["occupied", "contested", "occupied+contested", "occupied+liberated", "nope"]


def assert_4xx_or_ok(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, (response.request.url, response.text)
    if response.status_code >= 400:
        body = response.json()
        assert {"error", "message", "status"} <= set(body) and body["status"] == response.status_code


@pytest.mark.parametrize("day", EXTREME_DATES)
def test_extreme_dates_on_every_dated_endpoint(api, day):
    for path, params in [
        ("/events", {"start": day}), ("/events", {"end": day}), ("/events", {"start": day, "end": day}),
        ("/territory/series", {"from": day}), ("/territory/series", {"to": day}),
        ("/territory/series", {"from": day, "to": day, "freq": "week"}),
        ("/territory/series", {"to": day, "freq": "month", "window": 3660}),
        ("/territory/changes", {"from": day, "to": day}), ("/territory/changes", {"from": "2024-04-08", "to": day}),
        ("/territory/record", {"at": day}), ("/territory/record", {"at": day, "window": 366}),
        ("/territory/snapshot", {"date": day, "since_days": 366}),
    ]:
        assert_4xx_or_ok(api.get(path, params=params))
    for body in ({"text": "Russia took 40 km² last week.", "published": day},
                 {"text": "The biggest advance in a year and a half: 500 km² in May.", "published": day}):
        assert_4xx_or_ok(api.post("/claims", json=body))


def test_the_overflowing_requests_of_the_issue_are_4xx_naming_the_date(api):
    for path, params in [("/territory/series", {"from": "0001-01-01"}), ("/territory/series", {"to": "9999-12-31"}),
                         ("/events", {"start": "0001-01-01"}), ("/territory/record", {"at": "9999-12-31"})]:
        r = api.get(path, params=params)
        assert r.status_code == 400, r.text
        assert "outside the dates frontwatch handles" in r.json()["message"]
    r = api.post("/claims", json={"text": "Russia took 40 km² last week.", "published": "9999-12-31"})
    assert r.status_code == 422 and "9999-12-31" in r.json()["message"]


@pytest.mark.parametrize("tz", ZONES)
def test_any_zone_name_is_an_answer_or_a_4xx(api, tz):
    for path, params in [("/territory/changes", {"period": "2024-05"}), ("/territory/series", {"freq": "week"}),
                         ("/territory/record", {"at": "2024-05-26"})]:
        r = api.get(path, params={**params, "tz": tz})
        assert_4xx_or_ok(r)
        if tz in ("Europe", "Europe/", "America", "../../etc/passwd"):
            assert r.status_code == 400 and "unknown time zone" in r.json()["message"]


@pytest.mark.parametrize("period", PERIODS)
def test_any_period_is_an_answer_or_a_4xx(api, period):
    assert_4xx_or_ok(api.get("/territory/changes", params={"period": period}))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_territory_endpoints_with_mixed_extremes(api, data):
    """Extreme dates, zones, windows and layers combined at random on the territory endpoints."""
    day = st.sampled_from(EXTREME_DATES) | st.dates().map(str)
    path, params = data.draw(st.sampled_from([
        ("/territory/changes", {"from": day, "to": day, "tz": st.sampled_from(ZONES), "layer": st.sampled_from(LAYERS),
                                "by_region": st.booleans()}),
        ("/territory/changes", {"period": st.sampled_from(PERIODS) | st.from_regex(r"\A\d{4}-\d{2}\Z"),
                                "tz": st.sampled_from(ZONES)}),
        ("/territory/series", {"freq": st.sampled_from(["day", "week", "month"]), "from": day, "to": day,
                               "window": st.none() | st.integers(1, 3660), "layer": st.sampled_from(LAYERS),
                               "tz": st.sampled_from(ZONES)}),
        ("/territory/record", {"at": day, "window": st.integers(1, 366), "layer": st.sampled_from(LAYERS),
                               "tz": st.sampled_from(ZONES)}),
        ("/territory/snapshot", {"date": day, "since_days": st.integers(0, 366), "layer": st.sampled_from(LAYERS)}),
    ]))
    query = {k: data.draw(v) for k, v in params.items()}
    assert_4xx_or_ok(api.get(path, params={k: v for k, v in query.items() if v is not None}))


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=300, input=stdin)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_check_with_an_extreme_date_gives_one_line_and_exit_1(sample_path, tmp_path, published):
    article = tmp_path / "article.txt"
    article.write_text("Russian forces captured 40 square kilometres last week, the biggest gain in a year.")
    done = run_cli("check", str(article), "--published", published, "--db", str(sample_path))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert published in done.stderr and "outside the dates frontwatch handles" in done.stderr


@pytest.mark.parametrize("args", [["territory", "change", "--period", "0000-01"],
                                  ["territory", "change", "--from", "2024-04-08", "--to", "9999-12-31"],
                                  ["territory", "series", "--freq", "week", "--tz", "Europe"]])
def test_territory_commands_with_extremes_give_one_line(sample_path, args):
    done = run_cli(*args, "--db", str(sample_path))
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
