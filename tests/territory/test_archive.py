"""Walking files, folders and archives without extracting them."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile

import pytest

from frontwatch.errors import NotFound
from frontwatch.territory.archive import check_paths, iter_entries

BODY = b'{"type":"FeatureCollection","features":[]}'


def tar_with(path, names, mode):
    with tarfile.open(path, mode) as tar:
        for name in names:
            info = tarfile.TarInfo(name)
            info.size = len(BODY)
            tar.addfile(info, io.BytesIO(BODY))
    return path


@pytest.mark.parametrize(("suffix", "mode"), [(".tar", "w"), (".tar.gz", "w:gz"), (".tar.xz", "w:xz"),
                                              (".tar.bz2", "w:bz2")])
def test_tar_members_are_read_in_memory(tmp_path, suffix, mode):
    archive = tar_with(tmp_path / f"a{suffix}", ["1.geojson", "README.md", "sub/2.json"], mode)
    entries = list(iter_entries([archive]))
    assert [(e.kind, e.name.rsplit("!", 1)[-1]) for e in entries] == [
        ("file", "1.geojson"), ("ignored", "README.md"), ("file", "sub/2.json")]
    assert entries[0].data == BODY
    assert sorted(p.name for p in tmp_path.iterdir()) == [archive.name]  # nothing extracted


def test_zip_and_gzipped_members(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x/1.geojson", BODY)
        zf.writestr("2.geojson.gz", gzip.compress(BODY))
        zf.writestr("notes.txt", "hi")
    got = [(e.kind, e.name.rsplit("!", 1)[-1], e.data) for e in iter_entries([archive])]
    assert got == [("file", "x/1.geojson", BODY), ("file", "2.geojson", BODY), ("ignored", "notes.txt", None)]


def test_empty_and_corrupt_archives_and_empty_folders_are_errors(tmp_path):
    empty = tar_with(tmp_path / "empty.tar.xz", [], "w:xz")
    corrupt = tmp_path / "bad.tar.xz"
    whole = tar_with(tmp_path / "ok.tar.xz", [f"{i}.geojson" for i in range(50)], "w:xz").read_bytes()
    corrupt.write_bytes(whole[: len(whole) // 2])
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"PK nonsense")
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "INDEX.csv").write_text("x")
    for path, words in [(empty, "no snapshot files"), (corrupt, "truncated or corrupt"),
                        (not_zip, "not a readable zip"), (folder, "no snapshot files")]:
        errors = [e for e in iter_entries([path]) if e.kind == "error"]
        assert len(errors) == 1 and words in errors[0].error.message, (path, errors)


def test_folders_recurse_in_order_and_include_archives(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.geojson").write_bytes(BODY)
    (tmp_path / "1.geojson").write_bytes(BODY)
    tar_with(tmp_path / "c.tar", ["3.geojson"], "w")
    names = [e.name.replace(str(tmp_path), "") for e in iter_entries([tmp_path]) if e.kind == "file"]
    assert names == ["/1.geojson", "/b/2.geojson", "/c.tar!3.geojson"]


def test_a_missing_path_is_not_found_naming_it(tmp_path):
    with pytest.raises(NotFound, match=r"missing\.tar\.xz"):
        check_paths([tmp_path, tmp_path / "missing.tar.xz"])
