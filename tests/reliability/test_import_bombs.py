"""Promise: no input makes the import's memory run away (issue 15, item 3: a 2 MB .gz reached 4.3 GB RSS,
a 367 kB .tar.xz of 24 members of 100 MiB reached 8.8 GB). The bombs are made here, small on disk, and each
import runs in a fresh process whose peak RSS (``getrusage``; workers counted apart) is compared with its start.
"""

from __future__ import annotations

import gzip
import io
import json
import lzma
import os
import subprocess
import sys
import tarfile
import zipfile
import zlib

import pytest

from frontwatch.territory.archive import MAX_MEMBER_BYTES
from tests.conftest import REPO

from ._import_snapshots import T0, day_map

MiB = 1024 * 1024
#: Peak RSS growth allowed for one import: a cap of MAX_MEMBER_BYTES (256 MiB) in flight, plus slack.
BOUND_MB = 450

PROBE = """
import json, resource, sys
from frontwatch.store import open_store
from frontwatch.territory.importer import import_paths
store = open_store(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = import_paths(store, sys.argv[3:], workers=int(sys.argv[2]))
store.close()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"growth_mb": (after - before) / 1024, "children_mb": children / 1024, **report.to_dict()}))
"""


def probe(tmp_path, *paths, workers: int = 1) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + str(REPO)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "t.duckdb"), str(workers), *map(str, paths)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def gzip_of_zeros(total: int) -> bytes:
    """A gzip file inflating to ``total`` zero bytes, as concatenated members of 1 MiB (RFC 1952 allows it)."""
    return gzip.compress(bytes(MiB), 9) * (total // MiB)


def test_a_gzip_bomb_is_refused_with_bounded_memory(tmp_path):
    bomb = tmp_path / f"{T0}.geojson.gz"
    bomb.write_bytes(gzip_of_zeros(2048 * MiB))  # 2 GiB inflated
    assert bomb.stat().st_size < 3 * MiB
    result = probe(tmp_path, bomb)
    assert result["imported"] == 0
    [failed] = result["failed"]
    assert failed["path"] == str(bomb) and "decompression bomb" in failed["error"]
    assert result["growth_mb"] < BOUND_MB, result


def test_a_single_stream_gzip_bomb_is_stopped_at_the_cap(tmp_path):
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)  # one gzip member of MAX_MEMBER_BYTES + 64 MiB
    body = b"".join(squeeze.compress(bytes(4 * MiB)) for _ in range((MAX_MEMBER_BYTES + 64 * MiB) // (4 * MiB)))
    bomb = tmp_path / f"{T0}.json.gz"
    bomb.write_bytes(body + squeeze.flush())
    result = probe(tmp_path, bomb)
    assert "over the limit" in result["failed"][0]["error"] and result["growth_mb"] < BOUND_MB, result


def tar_of_zero_members(path, count: int, size: int, compress) -> None:
    """A compressed tar of ``count`` members of ``size`` zero bytes, built from concatenated compressed streams
    (tarfile reads multi-member gzip and multi-stream xz), so the zeros are compressed once."""
    zeros = compress(bytes(size))
    with open(path, "wb") as out:
        for k in range(count):
            info = tarfile.TarInfo(f"{T0 + k}.geojson")
            info.size = size
            out.write(compress(info.tobuf(format=tarfile.GNU_FORMAT)))
            out.write(zeros)
        out.write(compress(bytes(1024)))


@pytest.mark.slow  # 10-30 s: 512 MiB of zeros go through the readers and the workers
@pytest.mark.parametrize(("suffix", "compress"), [
    (".tar.xz", lambda b: lzma.compress(b, preset=0)),
    (".tar.gz", lambda b: gzip.compress(b, 1)),
])
def test_a_tar_of_large_members_keeps_memory_bounded_with_workers(tmp_path, suffix, compress):
    bomb = tmp_path / f"zeros{suffix}"
    tar_of_zero_members(bomb, 8, 64 * MiB, compress)  # 512 MiB inflated
    assert bomb.stat().st_size < 4 * MiB
    result = probe(tmp_path, bomb, workers=2)
    assert result["imported"] == 0 and len(result["failed"]) == 8, result
    assert all("not valid JSON" in f["error"] or "not JSON" in f["error"] for f in result["failed"]), result
    assert result["growth_mb"] < BOUND_MB and result["children_mb"] < BOUND_MB + 200, result


def test_a_zip_member_over_the_cap_is_refused_and_the_others_imported(tmp_path):
    archive = tmp_path / "maps.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{T0}.geojson", day_map(0))
        with zf.open(f"{T0 + 86400}.geojson", "w", force_zip64=True) as member:
            for _ in range((MAX_MEMBER_BYTES + 16 * MiB) // (4 * MiB)):
                member.write(bytes(4 * MiB))
        zf.writestr(f"{T0 + 2 * 86400}.geojson", day_map(2))
    result = probe(tmp_path, archive)
    assert result["imported"] == 2
    [failed] = result["failed"]
    assert failed["path"].endswith(f"!{T0 + 86400}.geojson") and "over the limit" in failed["error"]
    assert result["growth_mb"] < BOUND_MB, result


def test_a_gzipped_member_inside_a_tar_is_bounded_too(tmp_path):
    archive = tmp_path / "nested.tar"
    bomb = gzip_of_zeros(1024 * MiB)
    with tarfile.open(archive, "w") as tar:
        for name, body in [(f"{T0}.geojson", day_map(0)), (f"{T0 + 86400}.geojson.gz", bomb)]:
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    result = probe(tmp_path, archive)
    assert result["imported"] == 1 and "decompression bomb" in result["failed"][0]["error"], result
    assert result["growth_mb"] < BOUND_MB, result
