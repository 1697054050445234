"""The watch file: every key checked, a typo or a bad schedule is one clear line; the command's exits."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from frontwatch.cli import main
from frontwatch.errors import ConfigError
from frontwatch.watch import load_config, parse_config, parse_schedule


def test_defaults_and_relative_paths_from_the_files_folder(tmp_path):
    path = tmp_path / "w.toml"
    path.write_text('[[maps]]\nprovider = "deepstate"\n[alerts]\nnet_km2 = 50\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.db == str(tmp_path / "frontwatch.duckdb") and cfg.out == tmp_path / "briefs"
    assert cfg.schedule.text == "daily 07:00" and cfg.alerts == {"net_km2": 50}
    assert cfg.maps[0]["provider"] == "deepstate" and cfg.maps[0]["url"] is None


@pytest.mark.parametrize("data, message", [
    ({"shedule": "every 6h"}, "unknown key 'shedule' in the watch file; known keys: db, out, schedule"),
    ({"alerts": {"net": 5}}, "unknown key 'net' in [alerts]"),
    ({"maps": [{"provider": "deepstate", "adress": "x"}]}, "unknown key 'adress' in [[maps]]"),
    ({"maps": [{"provider": "google"}]}, "provider 'google'"),
    ({"feeds": [{"name": "no url"}]}, "has no url"),
    ({"retries": "three"}, "retries in the watch file is 'three', expected int"),
    ({"retries": True}, "expected int"),
    ({"schedule": "every often"}, "schedule 'every often' is not understood"),
    ({"schedule": "daily 25:00"}, "is not understood"),
    ({"schedule": "every 0m"}, "is not understood"),
    ({"timeout_s": 0}, "timeout_s > 0"),
])
def test_bad_settings_name_the_key_and_the_fix(data, message):
    with pytest.raises(ConfigError) as info:
        parse_config(data)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_the_example_file_is_valid(capsys, tmp_path):
    assert main(["watch", "--example"]) == 0
    path = tmp_path / "watch.toml"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    cfg = load_config(path)
    assert cfg.maps[0]["provider"] == "deepstate" and cfg.alerts["record_days"] == 365
    assert main(["watch"]) == 1 and "--example" in capsys.readouterr().err


def test_schedules():
    start = datetime(2024, 5, 16, 6, 59, tzinfo=UTC)
    assert parse_schedule("daily 07:00").next_after(start) == start + timedelta(minutes=1)
    assert parse_schedule("every 30m").next_after(start) == start + timedelta(minutes=30)
    assert parse_schedule(" Every 1D ").next_after(start) == start + timedelta(days=1)


def test_unreadable_files_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="no watch file"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("schedule = 'every 6h\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


@pytest.mark.parametrize("text, message", [
    ("colour = 'red'\n", "unknown key 'colour'"),
    ("schedule = 'hourly'\n", "schedule 'hourly' is not understood"),
])
def test_cli_bad_config_is_one_line_exit_1(tmp_path, capsys, text, message):
    path = tmp_path / "w.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["watch", str(path), "--once"]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_once_runs_a_cycle_and_prints_alerts_as_json_lines(tmp_path, capsys, service):
    path = tmp_path / "w.toml"
    path.write_text(f'retries = 0\nschedule = "every 1h"\n[[maps]]\nprovider = "deepstate"\n'
                    f'url = "{service.base}/api"\n[alerts]\nnet_km2 = 1\n', encoding="utf-8")
    assert main(["watch", str(path), "--once", "--quiet"]) == 0
    captured = capsys.readouterr()
    alerts = [json.loads(line) for line in captured.out.splitlines()]
    assert [a["alert"] for a in alerts] == ["net_gain"] and alerts[0]["net_km2"] > 1
    summary = json.loads(captured.err.strip().splitlines()[-1])
    assert summary["imported_snapshots"] == 2 and summary["errors"] == []
    assert (tmp_path / "briefs" / "2025-01-09" / "brief.md").exists()
