"""The conflict profile: the bundled default, a profile of one's own from a file, and the errors a bad one gets."""

from __future__ import annotations

import json
from datetime import date

import pytest

from frontwatch.cli import main
from frontwatch.conflict import DEFAULT, ENVIRONMENT, active_profile, bundled, load_profile, profile_from_dict
from frontwatch.errors import ConfigError

#: A made-up war: two invented states, their own start date and map publisher (nothing here is Russia/Ukraine).
MADE_UP = {
    "name": "ostland-westria",
    "start": "2031-03-05",
    "sides": [
        {"name": "Ostland", "iso": "XO", "adjective": "Ostlandic", "nouns": ["Ostland", "Ostburg"],
         "adjectives": ["Ostlandic"], "forces": ["OAF"], "leaders": ["Grimsby"]},
        {"name": "Westria", "iso": "XW", "adjective": "Westrian", "nouns": ["Westria", "Westhaven"],
         "adjectives": ["Westrian"], "forces": ["WDF"], "leaders": ["Halloran"]},
    ],
    "complete_gazetteer": ["XW"],
    "map_sources": [{"key": "atlas", "display": "Frontline Atlas", "credited_as": ["frontline atlas"],
                     "counts": "the Atlas marks ground either side holds"}],
}


@pytest.fixture
def made_up(tmp_path):
    path = tmp_path / "made-up.json"
    path.write_text(json.dumps(MADE_UP), encoding="utf-8")
    return path


def test_the_bundled_default_is_the_war_in_ukraine(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    profile = active_profile()
    assert DEFAULT in bundled() and profile.name == DEFAULT
    assert (profile.start, profile.occupier.name, profile.defender.name) == (date(2022, 2, 24), "Russia", "Ukraine")
    assert profile.opponents == {"Russia": "Ukraine", "Ukraine": "Russia"}
    assert profile.display("isw") == "ISW" and profile.map_source("deepstate") is not None


def test_a_profile_file_is_read_and_selected_by_the_setting(made_up, monkeypatch):
    profile = load_profile(str(made_up))
    assert profile.start == date(2031, 3, 5) and profile.opponent("Ostland") == "Westria"
    assert profile.opponent("Russia") is None and profile.complete_where() == "Westria"
    assert profile.display("atlas") == "Frontline Atlas" and profile.display("other") == "other"
    monkeypatch.setenv(ENVIRONMENT, str(made_up))
    assert active_profile() == profile


@pytest.mark.parametrize("broken", [
    {**MADE_UP, "sides": MADE_UP["sides"][:1]},  # one side
    {**MADE_UP, "start": "the spring"},  # not a date
    {k: v for k, v in MADE_UP.items() if k != "name"},
])
def test_a_malformed_profile_is_one_config_error_naming_it(broken):
    with pytest.raises(ConfigError, match="conflict profile"):
        profile_from_dict(broken, origin="broken.json")


def test_the_cli_refuses_an_unknown_profile_in_one_line(capsys, tmp_path):
    assert main(["--conflict", str(tmp_path / "none.json"), "check", "-"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "none.json" in err and "russia-ukraine" in err


def test_the_server_setting_validates_the_profile(made_up):
    from frontwatch.config import Settings

    assert Settings.load({"conflict": str(made_up)}, environ={}).conflict == str(made_up)
    with pytest.raises(ConfigError, match="neither a bundled profile"):
        Settings.load({"conflict": "atlantis"}, environ={})
