"""Which thresholds a brief crosses, and that an alert is sent once even across runs."""

from __future__ import annotations

import io
import json

from frontwatch.watch.alerts import STATE_FILE, AlertLog, crossed


def doc(net=160.9, since="2022-10-23", taken=("Strilecha", "Lukiantsi")):
    section = {
        "source": "deepstate", "source_name": "DeepState", "layer": "occupied", "net_km2": net,
        "method": "DeepState map, layer occupied: ...",
        "summary": [f"{net:+.1f} km²: ...", "It is the largest 7-day gain since October 2022: ..."],
        "record": {"largest_since": since}, "settlements": [{"name": n, "change": "taken"} for n in taken],
    }
    return {"period": {"from": "2024-05-08", "to": "2024-05-15", "label": "9–15 May 2024"}, "ground": [section]}


def test_each_threshold_is_its_own_alert():
    alerts = crossed(doc(), {"net_km2": 100, "record_days": 365, "settlements": 2})
    assert [a["alert"] for a in alerts] == ["net_gain", "record", "settlements"]
    assert alerts[1]["message"].startswith("It is the largest 7-day gain since October 2022")
    assert alerts[2]["taken"] == ["Strilecha", "Lukiantsi"]


def test_below_the_thresholds_nothing_is_sent():
    assert crossed(doc(net=20, since="2024-04-01", taken=()), {"net_km2": 100, "record_days": 365,
                                                                "settlements": 1}) == []
    assert crossed(doc(net=-50), {"record_days": 1}) == []  # a loss sets no record of gains
    unmeasured = doc()
    unmeasured["ground"][0]["net_km2"] = None
    assert crossed(unmeasured, {"net_km2": 0}) == []


def test_an_alert_is_sent_once_across_runs_and_a_broken_state_file_is_survived(tmp_path, caplog):
    alerts = crossed(doc(), {"net_km2": 100})
    out = io.StringIO()
    assert AlertLog(tmp_path, out).send(alerts) == alerts
    assert json.loads(out.getvalue())["alert"] == "net_gain"
    again = io.StringIO()
    assert AlertLog(tmp_path, again).send(alerts) == [] and again.getvalue() == ""
    (tmp_path / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert AlertLog(tmp_path, io.StringIO()).send(alerts) == alerts  # repeated once, said in the log
    assert "unreadable" in caplog.text


def test_an_unreachable_webhook_is_logged_not_fatal(tmp_path, caplog):
    import httpx

    with httpx.Client(timeout=2) as client:
        log = AlertLog(tmp_path, io.StringIO(), webhook="http://127.0.0.1:9/hook", client=client)
        assert len(log.send(crossed(doc(), {"net_km2": 1}))) == 1
    assert "webhook http://127.0.0.1:9/hook unreachable" in caplog.text
