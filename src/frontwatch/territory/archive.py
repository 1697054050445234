"""Walk snapshot files in plain files, folders and archives (.tar, .tar.gz, .tar.xz, .tar.bz2, .zip), streaming.

Archives are read member by member in memory, never extracted to disk; a tar is read as a stream
(``r|*``), so a 700 MB archive of JSON costs one member's worth of memory at a time. Files that are not
snapshots (an ``INDEX.csv``, a README, a shapefile's .dbf) are reported as ignored, not as failures.

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
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import FrontwatchError, NotFound, UnreadableFile
from .sources import SNAPSHOT_SUFFIXES

TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2")
ZIP_SUFFIXES = (".zip",)
#: One member larger than this is refused: no control-map snapshot is near it, a zip bomb is.
MAX_MEMBER_BYTES = 512 * 1024 * 1024


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


def check_paths(paths: Iterable[Path]) -> list[Path]:
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
        return Entry("file", name[:-3], data=gzip.decompress(data))
    except (OSError, EOFError, zlib.error) as exc:
        return Entry("error", name, error=UnreadableFile(f"not a readable gzip file ({exc}): download it again"))


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
    count = 0
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
                    yield Entry("error", name, error=UnreadableFile(f"member of {member.size:,} bytes is too large"))
                    continue
                handle = tar.extractfile(member)
                if member.name.lower().endswith(".shp"):
                    yield Entry("error", name, error=UnreadableFile(
                        "a shapefile inside a tar cannot be read in place: put it in a .zip or unpack it"))
                    continue
                count += 1
                yield _maybe_gunzip(name, handle.read() if handle else b"")
    except (tarfile.TarError, EOFError, lzma.LZMAError, zlib.error, OSError) as exc:
        yield Entry("error", str(path), error=UnreadableFile(
            f"archive is truncated or corrupt after {count} snapshot file(s) ({exc}): download it again"))


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
                    yield Entry("error", name, error=UnreadableFile(f"member of {info.file_size:,} bytes is too large"))
                elif info.filename.lower().endswith(".shp"):
                    yield Entry("file", name, path=path)  # read through GDAL's /vsizip/ with its .dbf and .shx
                else:
                    yield _maybe_gunzip(name, archive.read(info))
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        yield Entry("error", str(path), error=UnreadableFile(f"not a readable zip archive ({exc}): download it again"))
