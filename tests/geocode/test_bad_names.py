"""Bad input: empty and huge names, Cyrillic, mixed scripts, a missing or corrupt gazetteer table."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from frontwatch.cli import main
from frontwatch.errors import DataUnavailable
from frontwatch.geocode import Geocoder
from frontwatch.geocode.gazetteer import TABLE, read


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


@pytest.mark.parametrize("name", ["", "   ", "x" * 10_000, "Kharkiv " * 500, "!!!", "12345"])
def test_empty_or_huge_names_resolve_to_nothing(geo: Geocoder, name: str) -> None:
    assert geo.resolve(name) is None
    text = f"Shelling near {name} and Kharkiv."
    start = text.index(name) if name else 14
    out = geo.resolve_spans(text, [(start, start + len(name) or start + 1), (text.index("Kharkiv", start + len(name)),
                                                                             len(text) - 1)])
    assert out[1] is not None and out[1].name == "Kharkiv"  # the rest of the batch goes on


@pytest.mark.parametrize(("name", "expected"), [("Харків", "Kharkiv"), ("Вовчанськ", "Vovchansk"),
                                                ("Харkiv", "Kharkiv"), ("Kharkів", "Kharkiv")])
def test_cyrillic_and_mixed_scripts(geo: Geocoder, name: str, expected: str) -> None:
    place = geo.resolve(name)
    assert place is not None and place.name == expected


def test_missing_table_is_one_clear_error(tmp_path) -> None:
    with pytest.raises(DataUnavailable, match=r"missing: reinstall frontwatch or run tools/build_gazetteer\.py"):
        read(tmp_path / "nope.bin")


def _bundled_start() -> bytes:
    with resources.files("frontwatch.data").joinpath(TABLE).open("rb") as fh:
        return fh.read(5000)  # the format's header, then a cut section


@pytest.mark.parametrize("content", [b"not gzip at all", gzip.compress(b"kind\tname\nno sections here\n"),
                                     _bundled_start()])
def test_corrupt_table_is_one_clear_error(tmp_path, content: bytes) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(DataUnavailable, match="corrupt"):
        read(path)


def test_a_batch_with_bad_names_goes_on(tmp_path, capsys) -> None:
    docs = [{"doc_id": "a", "text": "", "toponyms": []},
            {"doc_id": "b", "text": "Fooberivka, Narnia. Kharkiv.", "toponyms": [{"start": 0, "end": 10},
                                                                              {"start": 12, "end": 18},
                                                                              {"start": 20, "end": 27}]},
            {"doc_id": "c", "text": "Гуляйполе", "toponyms": [{"start": 0, "end": 9}]}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    assert main(["geocode", str(path), "--spans"]) in (0, None)
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["doc_id"] for d in out] == ["a", "b", "c"]
    assert out[1]["toponyms"][2]["pred"]["name"] == "Kharkiv"
    assert out[2]["toponyms"][0]["pred"]["name"] == "Huliaipole"
