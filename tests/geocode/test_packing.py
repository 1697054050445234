"""The packed table format: sections come back exactly, the bytes depend only on the content, damage is caught."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from frontwatch.geocode.packing import MAGIC, Section, pack, unpack

SECTIONS: dict[str, Section] = {
    "kind": b"AACPPP",
    "names": "Kyiv\nХарків\n\n".encode(),
    "small": np.array([0, 1, 255], dtype="<u1"),
    "codes": np.array([3, 65535, 7], dtype="<u2"),
    "points": np.array([-(2**31), -1, 0, 2**31 - 1], dtype="<i4"),
    "population": np.array([0, 3_812_366_000, 2**40], dtype="<i8"),
    "none": np.array([], dtype="<u4"),
}


@pytest.mark.parametrize("lzma_sections", [frozenset(), frozenset({"names", "points"})])
def test_sections_come_back_exactly(lzma_sections: frozenset[str]) -> None:
    back = unpack(pack(SECTIONS, lzma_sections=lzma_sections))
    assert list(back) == list(SECTIONS)
    for name, value in SECTIONS.items():
        got = back[name]
        if isinstance(value, bytes):
            assert got == value
        else:
            assert isinstance(got, np.ndarray) and got.dtype == value.dtype and got.tolist() == value.tolist()


def test_the_bytes_depend_only_on_the_content() -> None:
    copy: dict[str, Section] = {k: (v.copy() if isinstance(v, np.ndarray) else bytes(v)) for k, v in SECTIONS.items()}
    assert pack(SECTIONS) == pack(copy)
    assert pack(SECTIONS).startswith(MAGIC)


def test_a_big_endian_array_is_stored_little_endian() -> None:
    values = np.array([1, 70000], dtype=">u4")
    back = unpack(pack({"ids": values}))["ids"]
    assert isinstance(back, np.ndarray) and back.tolist() == [1, 70000]


@pytest.mark.parametrize("damage", ["magic", "truncated", "trailing", "codec"])
def test_damage_is_an_error(damage: str) -> None:
    data = pack(SECTIONS)
    if damage == "magic":
        data = b"x" + data[1:]
    elif damage == "truncated":
        data = data[:-10]
    elif damage == "trailing":
        data = data + b"\0"
    else:
        data = data.replace(b'"zlib"', b'"zstd"', 1)
    with pytest.raises((ValueError, zlib.error)):
        unpack(data)
