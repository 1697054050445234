"""The gazetteer's file format: named sections, each compressed on its own, behind a one-line JSON header.

A section is either bytes (newline-terminated strings) or a numpy integer array. An array is written byte
plane by byte plane (every value's lowest byte, then every value's next byte, ...), so the runs of zero high
bytes of small numbers reach zlib as long runs; reading it back is one transpose. The output depends only
on the content, so a rebuild from the same inputs gives the same bytes.

>>> import numpy as np
>>> back = unpack(pack({"names": b"Kyiv\\nLviv\\n", "ids": np.array([3, 70000], dtype="<u4")}))
>>> back["names"], back["ids"].tolist()
(b'Kyiv\\nLviv\\n', [3, 70000])
"""

from __future__ import annotations

import json
import zlib

import numpy as np

MAGIC = b"frontwatch-gazetteer 2\n"
Section = bytes | np.ndarray


def pack(sections: dict[str, Section]) -> bytes:
    """The file's bytes for named sections (order kept)."""
    header: list[list[object]] = []
    payload: list[bytes] = []
    for name, value in sections.items():
        if isinstance(value, np.ndarray):
            dtype = value.dtype.newbyteorder("<")
            planes = np.ascontiguousarray(value, dtype=dtype).view(np.uint8).reshape(-1, dtype.itemsize).T
            kind, raw = dtype.str, planes.tobytes()
        else:
            kind, raw = "bytes", bytes(value)
        data = zlib.compress(raw, 9)
        header.append([name, kind, len(data)])
        payload.append(data)
    return MAGIC + json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + b"".join(payload)


def unpack(data: bytes) -> dict[str, Section]:
    """The sections of a packed file; ValueError (or zlib.error) when it is not one or is damaged."""
    if not data.startswith(MAGIC):
        raise ValueError("not a packed gazetteer (its first line is not the format's name)")
    end = data.index(b"\n", len(MAGIC))
    pos = end + 1
    out: dict[str, Section] = {}
    for name, kind, size in json.loads(data[len(MAGIC):end]):
        raw = zlib.decompress(data[pos:pos + size])
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
