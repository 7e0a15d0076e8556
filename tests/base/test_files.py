from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.files import atomic_path, write_atomic


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_written_file_gets_the_permissions_of_any_new_file(tmp_path, mask):
    old = os.umask(mask)
    try:
        written = write_atomic(tmp_path / "a.txt", "text é")
        (tmp_path / "plain.txt").write_text("x")
    finally:
        os.umask(old)
    assert written.stat().st_mode & 0o777 == (tmp_path / "plain.txt").stat().st_mode & 0o777 == 0o666 & ~mask


def test_text_is_written_as_utf8_and_bytes_as_they_are(tmp_path):
    assert write_atomic(tmp_path / "t", "é\n").read_bytes() == "é\n".encode("utf-8")
    assert write_atomic(tmp_path / "sub" / "b", b"\x00\xff").read_bytes() == b"\x00\xff"


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("killed")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_the_target_changes_only_when_the_block_ends(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_bytes(b"new")
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"new" and isinstance(tmp, Path) and not tmp.exists()
