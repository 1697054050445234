"""The run manifest: which shards are finished, with their counts, errors and input fingerprint.

It is an append-only JSON Lines log, ``OUT/manifest.jsonl``: one line per finished (or failed)
shard, fsynced after each append, so a run killed at any moment loses at most the shard it was
writing. The latest line for a shard wins. A torn last line (a kill or a full disk mid-append) is
dropped on the next open, which also compacts the log atomically to one line per shard. A lock
file keeps two runs from writing into one output folder at once.

Why a log rather than one JSON file replaced each time: appending is O(1) per shard, so a corpus
of tens of thousands of shards does not rewrite megabytes of JSON after every one.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any

from ..errors import ConfigError, NotFound, StoreError
from .output import ShardWriter, fsync_dir, is_disk_full, output_paths
from .shards import ShardInput, fingerprint, stat_of

MANIFEST = "manifest.jsonl"
LOCK = ".frontwatch-scale.lock"


class Manifest:
    """The manifest of one output folder, held under an exclusive lock while open."""

    def __init__(self, out_dir: Path, writer: ShardWriter | None = None) -> None:
        self.out_dir = out_dir
        self.path = out_dir / MANIFEST
        self.writer = writer or ShardWriter()
        self._lock_fd: int | None = _acquire_lock(out_dir / LOCK)
        try:
            self.entries: dict[str, dict[str, Any]] = self._load_and_compact()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Release the lock (the log itself is always consistent on disk)."""
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load_and_compact(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        entries: dict[str, dict[str, Any]] = {}
        raw = self.path.read_bytes()
        lines = raw.split(b"\n")
        dirty = not raw.endswith(b"\n") and raw != b""
        for line in lines:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                entries[entry["shard"]] = entry
            except (json.JSONDecodeError, KeyError, TypeError):
                dirty = True  # a torn line from a killed run: the shard it described is simply redone
        if dirty or len(entries) < sum(1 for ln in lines if ln.strip()):
            self._rewrite(entries)
        return entries

    def _rewrite(self, entries: dict[str, dict[str, Any]]) -> None:
        payload = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries.values()).encode()
        try:
            self.writer.write_bytes(self.path, payload)
        except OSError as exc:
            raise _write_error(self.path, exc) from exc

    def record(self, entry: dict[str, Any]) -> None:
        """Append one shard's outcome durably; on failure the log is cut back to its last whole line."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode()
        before = self.path.stat().st_size if self.path.exists() else 0
        try:
            with self.writer.open_append(self.path) as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            if self.path.exists():
                os.truncate(self.path, before)
            raise _write_error(self.path, exc) from exc
        if before == 0:
            fsync_dir(self.out_dir)
        self.entries[entry["shard"]] = entry

    def pending_reason(self, shard: ShardInput, formats: tuple[str, ...], extractor: str) -> str | None:
        """Why ``shard`` must be (re)processed, or None when a finished, matching result is on disk."""
        entry = self.entries.get(shard.name)
        if entry is None:
            return "new"
        if entry.get("status") != "done":
            return "failed before"
        if entry.get("input") != shard.path:
            return "another input had this output name"
        if entry.get("extractor") != extractor:
            return "extractor changed"
        if any(not p.exists() for p in output_paths(self.out_dir, shard.name, formats).values()):
            return "output missing"
        try:
            size, mtime_ns = stat_of(shard.path)
        except NotFound:
            return "input missing"
        if (size, mtime_ns) == (entry.get("size"), entry.get("mtime_ns")):
            return None
        # Touched but maybe not changed (a copy, a restore from backup): the hash decides.
        return None if fingerprint(shard.path).sha256 == entry.get("sha256") else "input changed"

    def done(self) -> list[dict[str, Any]]:
        """The latest entry of every finished shard."""
        return [e for e in self.entries.values() if e.get("status") == "done"]


def _acquire_lock(path: Path) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
        os.close(fd)
        raise ConfigError(
            f"another run (pid {holder}) is writing to {path.parent}: wait for it or use another --out"
        ) from exc
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _write_error(path: Path, exc: OSError) -> StoreError:
    if is_disk_full(exc):
        return StoreError(f"no space left on the device writing {path}: free some space and re-run; "
                          "finished shards are kept and will be skipped")
    return StoreError(f"cannot write {path}: {exc.strerror or exc}")
