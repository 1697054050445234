"""The gazetteer's file format: named sections, each compressed on its own, behind a one-line JSON header.

A section is either bytes (newline-terminated strings) or a numpy integer array. An array is written byte
plane by byte plane (every value's lowest byte, then every value's next byte, ...), so the runs of zero high
bytes of small numbers reach the compressor as long runs; reading it back is one transpose. Sections are
zlib-compressed, or LZMA-compressed where the writer asks (a sixth smaller for the two big string blobs,
decompressed at 50-60 MB/s instead of zlib's 200). The output depends only on the content, so a rebuild from
the same inputs gives the same bytes.

>>> import numpy as np
>>> sections = {"names": b"Kyiv\\nLviv\\n", "ids": np.array([3, 70000], dtype="<u4")}
>>> back = unpack(pack(sections, lzma_sections=frozenset({"names"})))
>>> back["names"], back["ids"].tolist()
(b'Kyiv\\nLviv\\n', [3, 70000])
"""

from __future__ import annotations

import json
import lzma
import zlib

import numpy as np

MAGIC = b"frontwatch-gazetteer 2\n"
Section = bytes | np.ndarray
#: Raw LZMA2 with an 8 MiB window (the decoder's memory; no section is larger than that).
_LZMA = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 8 << 20}]


def _compress(raw: bytes, codec: str) -> bytes:
    if codec == "lzma":
        return lzma.compress(raw, format=lzma.FORMAT_RAW, filters=_LZMA)
    return zlib.compress(raw, 9)


def _decompress(data: bytes, codec: str) -> bytes:
    if codec == "lzma":
        return lzma.decompress(data, format=lzma.FORMAT_RAW, filters=_LZMA)
    if codec == "zlib":
        return zlib.decompress(data)
    raise ValueError(f"unknown codec {codec!r}")


def pack(sections: dict[str, Section], lzma_sections: frozenset[str] = frozenset()) -> bytes:
    """The file's bytes for named sections (order kept); ``lzma_sections`` are LZMA-compressed, the rest
    zlib-compressed."""
    header: list[list[object]] = []
    payload: list[bytes] = []
    for name, value in sections.items():
        if isinstance(value, np.ndarray):
            dtype = value.dtype.newbyteorder("<")
            planes = np.ascontiguousarray(value, dtype=dtype).view(np.uint8).reshape(-1, dtype.itemsize).T
            kind, raw = dtype.str, planes.tobytes()
        else:
            kind, raw = "bytes", bytes(value)
        codec = "lzma" if name in lzma_sections else "zlib"
        data = _compress(raw, codec)
        header.append([name, kind, codec, len(data)])
        payload.append(data)
    return MAGIC + json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + b"".join(payload)


def unpack(data: bytes) -> dict[str, Section]:
    """The sections of a packed file; ValueError (or zlib.error, lzma.LZMAError) when it is not one or is
    damaged."""
    if not data.startswith(MAGIC):
        raise ValueError("not a packed gazetteer (its first line is not the format's name)")
    end = data.index(b"\n", len(MAGIC))
    pos = end + 1
    out: dict[str, Section] = {}
    for name, kind, codec, size in json.loads(data[len(MAGIC):end]):
        raw = _decompress(data[pos:pos + size], codec)
        pos += size
        if kind == "bytes":
            out[name] = raw
        else:
            dtype = np.dtype(kind)
            planes = np.frombuffer(raw, dtype=np.uint8).reshape(dtype.itemsize, -1)
            out[name] = planes.T.copy().view(dtype).ravel()
    if pos != len(data):
        raise ValueError(f"{len(data) - pos} bytes after the last section")
    return out
