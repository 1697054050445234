"""Walk snapshot files in plain files, folders and archives (.tar, .tar.gz, .tar.xz, .tar.bz2, .zip), streaming.

Archives are read member by member in memory, never extracted to disk, so a 700 MB archive of JSON costs one
member's worth of memory at a time. Files that are not snapshots (an ``INDEX.csv``, a README, a shapefile's
.dbf) are reported as ignored, not as failures.

Decompression is bounded: every compressed thing (a ``.gz`` file or member, a tar or zip member) is read in
pieces of ``READ_STEP`` and refused as soon as it passes ``MAX_MEMBER_BYTES``, whatever its header claims.
A 2 MB gzip of zeros (2 GB inflated) thus costs at most ``MAX_MEMBER_BYTES`` of memory, not 2 GB. The
largest real snapshot (DeepState, 2025) is 0.6 MB, so the cap leaves a margin of 400x.

>>> import io, tarfile, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with tarfile.open(folder / "a.tar.gz", "w:gz") as tf:
...     info = tarfile.TarInfo("1715817600.geojson"); body = b'{"type": "FeatureCollection", "features": []}'
...     info.size = len(body); tf.addfile(info, io.BytesIO(body))
>>> _ = (folder / "INDEX.csv").write_text("id")
>>> [(e.kind, e.name.split("/")[-1]) for e in iter_entries([folder])]
[('ignored', 'INDEX.csv'), ('file', 'a.tar.gz!1715817600.geojson')]
"""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import FrontwatchError, NotFound, UnreadableFile
from .sources import SNAPSHOT_SUFFIXES

TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2")
ZIP_SUFFIXES = (".zip",)
#: A decompressed file or member larger than this is refused: no control-map snapshot is near it, a bomb is.
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: Decompression proceeds in pieces of this size, so the cap is checked before memory runs away.
READ_STEP = 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One thing found under the paths: a snapshot file's bytes, a file ignored, or a problem (``error``)."""

    kind: str  # "file" | "ignored" | "error"
    name: str  # a path, or "ARCHIVE!MEMBER" for a member of an archive
    data: bytes | None = None
    path: Path | None = None  # a file on disk (readers that need siblings, e.g. a shapefile)
    error: FrontwatchError | None = None


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TAR_SUFFIXES) or name.endswith(ZIP_SUFFIXES)


def is_snapshot_name(name: str) -> bool:
    """True for file names a snapshot can have (``.geojson``, ``.json``, ``.gpkg``, ..., or those gzipped)."""
    lower = name.lower()
    lower = lower[:-3] if lower.endswith(".gz") else lower
    return lower.endswith(SNAPSHOT_SUFFIXES)


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The paths as given; NotFound naming the first one that does not exist (before anything is imported)."""
    out = [Path(p) for p in paths]
    for path in out:
        if not path.exists():
            raise NotFound(f"no such file or folder: {path} (check the path; nothing was imported)")
    return out


def iter_entries(paths: Iterable[Path]) -> Iterator[Entry]:
    """Every snapshot file under ``paths``, in order (folders sorted by name)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _folder(path)
        elif is_archive(path):
            yield from _archive(path)
        else:
            yield _plain(path)


def _folder(folder: Path) -> Iterator[Entry]:
    found = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if is_archive(path):
            for entry in _archive(path):
                found += entry.kind != "ignored"
                yield entry
        elif is_snapshot_name(path.name):
            found += 1
            yield _plain(path)
        else:
            yield Entry("ignored", str(path))
    if not found:
        yield Entry("error", str(folder), error=NotFound(
            f"folder holds no snapshot files ({', '.join(SNAPSHOT_SUFFIXES)} or archives of them): check the path"))


def _plain(path: Path) -> Entry:
    try:
        if path.suffix.lower() == ".shp":
            return Entry("file", str(path), path=path)
        data = path.read_bytes()
    except OSError as exc:
        return Entry("error", str(path),
                     error=UnreadableFile(f"cannot read the file ({exc.strerror}): check its permissions"))
    return _maybe_gunzip(str(path), data, path=path)


def _maybe_gunzip(name: str, data: bytes, *, path: Path | None = None) -> Entry:
    if not name.lower().endswith(".gz"):
        return Entry("file", name, data=data, path=path)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            return Entry("file", name[:-3], data=read_bounded(handle))
    except TooLarge as exc:
        return Entry("error", name, error=exc)
    except (OSError, EOFError, zlib.error) as exc:
        return Entry("error", name, error=UnreadableFile(f"not a readable gzip file ({exc}): download it again"))


class TooLarge(UnreadableFile):
    """A file or member that decompresses to more than ``MAX_MEMBER_BYTES``."""


def read_bounded(handle: IO[bytes] | io.BufferedIOBase, limit: int | None = None) -> bytes:
    """All of ``handle`` (a decompressing stream), read piecewise; TooLarge once it passes ``limit`` bytes."""
    limit = MAX_MEMBER_BYTES if limit is None else limit
    out = bytearray()
    while piece := handle.read(READ_STEP):
        out += piece
        if len(out) > limit:
            raise TooLarge(_too_large(f"more than {limit:,}", limit))
    return bytes(out)


def _too_large(size: str, limit: int = MAX_MEMBER_BYTES) -> str:
    return (f"decompresses to {size} bytes, over the limit of {limit:,} (no map snapshot is near that; "
            "a decompression bomb is): refused; unpack it and check what it is")


def _archive(path: Path) -> Iterator[Entry]:
    found = 0
    reader = _zip_members(path) if path.name.lower().endswith(ZIP_SUFFIXES) else _tar_members(path)
    for entry in reader:
        found += entry.kind != "ignored"  # a file, or an error already said
        yield entry
    if not found:
        yield Entry("error", str(path), error=UnreadableFile(
            f"archive holds no snapshot files ({', '.join(SNAPSHOT_SUFFIXES)}): check that it is the right archive"))


def _tar_members(path: Path) -> Iterator[Entry]:
    count = 0  # snapshot files read whole before a corruption: the number the error message reports
    try:
        with tarfile.open(path, "r:*") as tar:  # not "r|*": a truncated stream would end silently
            for member in tar:
                if not member.isfile():
                    continue
                name = f"{path}!{member.name}"
                if not is_snapshot_name(member.name):
                    yield Entry("ignored", name)
                    continue
                if member.size > MAX_MEMBER_BYTES:
                    yield Entry("error", name, error=TooLarge(_too_large(f"{member.size:,}")))
                    continue
                if member.name.lower().endswith(".shp"):
                    yield Entry("error", name, error=UnreadableFile(
                        "a shapefile inside a tar cannot be read in place: put it in a .zip or unpack it"))
                    continue
                handle = tar.extractfile(member)
                data = read_bounded(handle) if handle else b""
                count += 1
                yield _maybe_gunzip(name, data)
    except (tarfile.TarError, EOFError, lzma.LZMAError, zlib.error, OSError) as exc:
        yield Entry("error", str(path), error=UnreadableFile(
            f"archive is truncated or corrupt after {count} snapshot file(s) ({_one_line(exc)}): download it again"))


def _one_line(exc: BaseException) -> str:
    """An exception's text on one line (tarfile lists every method it tried on separate lines)."""
    return " ".join(str(exc).split()).replace(": -", ":").replace(" - ", "; ")


def _zip_members(path: Path) -> Iterator[Entry]:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                name = f"{path}!{info.filename}"
                if not is_snapshot_name(info.filename):
                    yield Entry("ignored", name)
                elif info.file_size > MAX_MEMBER_BYTES:
                    yield Entry("error", name, error=TooLarge(_too_large(f"{info.file_size:,}")))
                elif info.filename.lower().endswith(".shp"):
                    yield Entry("file", name, path=path)  # read through GDAL's /vsizip/ with its .dbf and .shx
                else:
                    yield _zip_member(archive, info, name)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        yield Entry("error", str(path), error=UnreadableFile(
            f"not a readable zip archive ({_one_line(exc)}): download it again"))


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Entry:
    try:
        with archive.open(info) as handle:  # zipfile stops at the declared size; read piecewise all the same
            return _maybe_gunzip(name, read_bounded(handle))
    except TooLarge as exc:
        return Entry("error", name, error=exc)
