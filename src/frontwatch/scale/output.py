"""Output shards, written atomically: a temp file in the same folder, fsync, rename, fsync the folder.

A reader (or a resumed run) therefore sees either the previous complete file or the new complete
file, never a torn one (POSIX ``rename(2)`` is atomic within a file system). Every byte goes through
a :class:`ShardWriter`, the one place a test can inject a full disk (``OSError(ENOSPC)``) without
mocking the file system.
"""

from __future__ import annotations

import errno
import io
import json
import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

#: The output formats and the file suffix of each.
FORMAT_SUFFIXES = {"jsonl": ".events.jsonl", "parquet": ".events.parquet"}
TEMP_MARK = ".tmp-"

#: Flat Parquet columns, one row per event (the store's ``events`` columns plus the lossless JSON).
PARQUET_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "string"), ("ordinal", "int32"), ("event_type", "string"), ("sub_event_type", "string"),
    ("actor1", "string"), ("actor2", "string"), ("date_start", "date32"), ("date_end", "date32"),
    ("date_precision", "string"), ("location_name", "string"), ("geonameid", "int64"), ("lat", "float64"),
    ("lon", "float64"), ("admin1", "string"), ("country", "string"), ("geo_precision", "int8"),
    ("fatalities_best", "int64"), ("fatalities_low", "int64"), ("fatalities_high", "int64"),
    ("claimant", "string"), ("evidence_text", "string"), ("evidence_start", "int32"),
    ("evidence_end", "int32"), ("confidence", "float64"), ("event_json", "string"),
]


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error means the disk (or the user's quota) is full."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


class ShardWriter:
    """Writes files atomically. Subclass :meth:`open_temp` / :meth:`open_append` to inject faults."""

    def open_temp(self, path: Path) -> BinaryIO:
        """A new, exclusive file for writing."""
        return open(path, "xb")

    def open_append(self, path: Path) -> BinaryIO:
        """A file opened for appending (the manifest log)."""
        return open(path, "ab")

    def write_atomic(self, path: Path, fill: Callable[[BinaryIO], object]) -> int:
        """Write ``path`` via ``fill(file)`` into a temp name, then rename; returns its size in bytes.

        On any error the temp file is removed and ``path`` is left as it was.
        """
        tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            with self.open_temp(tmp) as fh:
                fill(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)
        return path.stat().st_size

    def write_bytes(self, path: Path, data: bytes) -> int:
        """Write ``data`` to ``path`` atomically (:meth:`write_atomic`); returns its size in bytes."""
        return self.write_atomic(path, lambda fh: fh.write(data))


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: fsync the directory entry (a no-op where the OS does not allow it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on directories; the rename itself is still atomic
        pass
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files left by a killed run (call only while holding the output folder's lock)."""
    removed = 0
    for tmp in folder.glob(f".*{TEMP_MARK}*"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def output_paths(out_dir: Path, name: str, formats: Iterable[str]) -> dict[str, Path]:
    """The output file of each format for the shard ``name``."""
    return {fmt: out_dir / f"{name}{FORMAT_SUFFIXES[fmt]}" for fmt in formats}


def jsonl_bytes(lines: list[dict[str, Any]]) -> bytes:
    """CONTRACTS ``--format jsonl`` lines, UTF-8."""
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")


def parquet_bytes(lines: list[dict[str, Any]]) -> bytes:
    """One Parquet file (zstd) with one row per event, typed by :data:`PARQUET_COLUMNS`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS])
    rows = [_event_row(line["doc_id"], i, ev) for line in lines for i, ev in enumerate(line.get("events", []))]
    columns = {name: [row[name] for row in rows] for name, _ in PARQUET_COLUMNS}
    table = pa.table(columns, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _event_row(doc_id: str, ordinal: int, ev: dict[str, Any]) -> dict[str, Any]:
    from datetime import date

    loc = ev.get("location") or {}
    fat = ev.get("fatalities") or {}
    evidence = ev.get("evidence") or {}
    day = (lambda v: date.fromisoformat(v) if v else None)  # noqa: E731 - a two-use converter
    return {
        "doc_id": doc_id, "ordinal": ordinal, "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"), "actor1": ev.get("actor1"), "actor2": ev.get("actor2"),
        "date_start": day(ev.get("date_start")), "date_end": day(ev.get("date_end")),
        "date_precision": ev.get("date_precision"), "location_name": loc.get("name"),
        "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "admin1": loc.get("admin1"), "country": loc.get("country"), "geo_precision": loc.get("precision"),
        "fatalities_best": fat.get("best"), "fatalities_low": fat.get("low"), "fatalities_high": fat.get("high"),
        "claimant": ev.get("claimant"), "evidence_text": evidence.get("text"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "confidence": ev.get("confidence"), "event_json": json.dumps(ev, ensure_ascii=False),
    }


def write_outputs(writer: ShardWriter, out_dir: Path, name: str, formats: Iterable[str],
                  lines: list[dict[str, Any]]) -> dict[str, int]:
    """Write every requested format of one shard's results; returns bytes written per format."""
    encoders = {"jsonl": jsonl_bytes, "parquet": parquet_bytes}
    written = {}
    for fmt, path in output_paths(out_dir, name, formats).items():
        payload = encoders[fmt](lines)
        written[fmt] = writer.write_bytes(path, payload)
    return written
