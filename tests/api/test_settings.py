"""Settings are declared once: the docs table, the CLI help and the API all follow the rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.cli import main
from frontwatch.config import SETTINGS, Settings, settings_markdown
from frontwatch.errors import ConfigError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "serving.md"


def test_docs_table_is_generated_from_the_rows():
    assert settings_markdown() in DOCS.read_text(encoding="utf-8")


def test_serve_help_lists_every_setting(capsys):
    assert main(["serve", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for setting in SETTINGS:
        assert setting.name in out


def test_api_reports_settings_without_the_secret(writable):
    client, _ = writable
    shown = client.get("/settings").json()
    assert shown["settings"]["api_token"] is True and shown["read_only"] is False
    assert "test-token" not in client.get("/settings").text


def test_environment_then_explicit_values():
    s = Settings.load({"page_limit_max": "70"}, environ={"FRONTWATCH_PAGE_LIMIT_MAX": "50",
                                                        "FRONTWATCH_PAGE_LIMIT_DEFAULT": "20"})
    assert (s.page_limit_max, s.page_limit_default) == (70, 20)


@pytest.mark.parametrize("values", [{"page_limit_max": "lots"}, {"max_body_bytes": "-1"},
                                    {"page_limit_default": "5000"}, {"colour": "red"}])
def test_bad_settings_are_config_errors(values):
    with pytest.raises(ConfigError):
        Settings.load(values, environ={})


def test_serve_refuses_a_bad_setting_in_one_line(capsys):
    assert main(["serve", "--setting", "page_limit_max"]) == 1
    assert main(["serve", "--setting", "nope=1"]) == 1
