"""Markdown and HTML say what the JSON says; the HTML needs nothing from outside; the command's outputs."""

from __future__ import annotations

import json
import re

import pytest

from frontwatch.brief import brief_period, build_brief, render_html, render_markdown, write_brief
from frontwatch.cli import main

WEEK = brief_period(week_ending="2024-05-19")


@pytest.fixture(scope="module")
def brief(sample_path):
    from frontwatch.store import open_store

    with open_store(sample_path, read_only=True) as store:
        return build_brief(store, WEEK)


def test_markdown_carries_every_summary_sentence_and_links_the_images(brief):
    doc = brief.to_dict()
    md = render_markdown(doc)
    for s in doc["ground"]:
        for sentence in s["summary"]:
            assert sentence in md
        assert s["method"] in md
    assert "![Map of the period's gains and losses](map-deepstate.png)" in md
    assert doc["events"]["summary"][0] in md


def test_html_is_self_contained(brief):
    page = render_html(brief.to_dict(), brief.images)
    addresses = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert addresses and all(a.startswith("data:") for a in addresses)
    assert page.count('src="data:image/png;base64,') == len(brief.images)
    assert "<script" not in page and "http://" not in page and "https://" not in page.replace(
        "https://example.invalid", "")  # the sample's article addresses appear only as text
    assert "default-src 'none'" in page


def test_html_escapes_what_the_store_holds(brief):
    doc = brief.to_dict()
    doc["events"]["summary"] = ["<script>alert(1)</script>"]
    assert "<script>alert" not in render_html(doc, brief.images)


def test_write_brief_writes_the_three_documents_and_the_images(brief, tmp_path):
    written = {p.name for p in write_brief(brief, tmp_path / "out")}
    assert {"brief.md", "brief.html", "brief.json", "map-deepstate.png", "weekly-isw.png"} <= written
    assert json.loads((tmp_path / "out" / "brief.json").read_text())["period"]["to"] == "2024-05-19"
    assert (tmp_path / "out" / "map-deepstate.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_cli_json_prints_the_document_and_nothing_else(sample_path, capsys):
    assert main(["brief", "--week-ending", "2024-05-19", "--db", str(sample_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ground"][0]["source"] == "deepstate" and doc["period"]["label"] == "13–19 May 2024"


def test_cli_out_writes_the_files(sample_path, tmp_path, capsys):
    assert main(["brief", "--week-ending", "2024-05-19", "--from", "2024-05-12", "--db", str(sample_path),
                 "--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "brief.html").exists()
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--week-ending", "2024-02-30"], "not a date"),
    (["--period", "2024-05", "--week-ending", "2024-05-19"], "not several"),
    (["--week-ending", "2024-05-19", "--tz", "Mars/Olympus"], "unknown time zone"),
])
def test_cli_bad_input_is_one_line_and_exit_1(sample_path, capsys, args, message):
    assert main(["brief", *args, "--db", str(sample_path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_pdf_is_printed_by_chromium_when_asked(sample_path, tmp_path):
    from frontwatch.brief.pdf import find_chromium

    try:
        find_chromium()
    except Exception as exc:  # noqa: BLE001 - skip with the library's own reason
        pytest.skip(str(exc))
    assert main(["brief", "--week-ending", "2024-05-19", "--db", str(sample_path), "--out", str(tmp_path),
                 "--pdf", "--no-claims"]) == 0
    assert (tmp_path / "brief.pdf").read_bytes()[:5] == b"%PDF-"


def test_pdf_without_out_or_chromium_is_one_line(sample_path, tmp_path, capsys, monkeypatch):
    assert main(["brief", "--week-ending", "2024-05-19", "--db", str(sample_path), "--pdf"]) == 1
    assert "give --out DIR" in capsys.readouterr().err
    monkeypatch.setenv("FRONTWATCH_CHROMIUM", "no-such-browser")
    assert main(["brief", "--week-ending", "2024-05-19", "--db", str(sample_path), "--out", str(tmp_path),
                 "--pdf"]) == 1
    err = capsys.readouterr().err
    assert "a PDF needs Chromium" in err and err.count("\n") == 1
    assert (tmp_path / "brief.html").exists()  # the other files were written first


def test_event_tables_list_regions_and_the_deadliest_with_claimants(brief):
    md = render_markdown(brief.to_dict())
    assert "| Region | Incidents | Reports |" in md
    assert ("| 2024-05-16 | Kramatorsk, Donetsk | Shelling/artillery/missile attack | 3 (2–3) | 2 | "
            "governor Vadym Filashkin; the regional police | Wire A, Wire B |") in md
