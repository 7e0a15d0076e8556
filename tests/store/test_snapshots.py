"""The store's state token and its published snapshots (kg.store.snapshots)."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Literal, URIRef

from kg.store import OxigraphStore, open_store
from kg.store.snapshots import (STATE_FILE, current_token, is_published, lease_current, mark_dirty, read_state,
                                remove_unused, snapshots_dir)

S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")


def write(path: Path, article_id: str, value: str) -> None:
    with open_store(None, path=path) as store:
        store.replace_article(article_id, [(S, P, Literal(value))])


def test_a_write_session_publishes_its_state_when_it_closes(tmp_path):
    path = tmp_path / "store"
    write(path, "a1", "one")
    first = read_state(path)
    assert first is not None and current_token(path) == first and is_published(path)
    with open_store(None, path=path) as store:
        store.replace_article("a2", [(S, P, Literal("two"))])
        assert read_state(path) is None and store.state_token is None  # dirty while writing
    assert read_state(path) not in (None, first)
    with open_store(None, path=path):
        pass
    assert is_published(path)
    with open_store(None, path=path, read_only=True) as reader:
        assert reader.article_ids() == ["a1", "a2"]


def test_a_session_killed_after_marking_the_store_dirty_is_published_again(tmp_path):
    path = tmp_path / "store"
    write(path, "a1", "one")
    old = current_token(path)
    mark_dirty(path)  # what a writer killed after its first write leaves
    assert read_state(path) is None and not is_published(path)
    with open_store(None, path=path, read_only=True) as reader:  # readers still read the old state
        assert reader.state_token == old
    with OxigraphStore(path):
        pass
    assert is_published(path) and current_token(path) != old


def test_a_store_without_snapshots_gets_one_from_its_first_reader(tmp_path):
    path = tmp_path / "store"
    write(path, "a1", "one")
    (path / STATE_FILE).unlink()
    for child in snapshots_dir(path).iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    with open_store(None, path=path, read_only=True) as reader:
        assert reader.article_ids() == ["a1"] and reader.state_token == current_token(path) is not None


def test_a_leased_snapshot_survives_cleanup_until_released(tmp_path):
    path = tmp_path / "store"
    write(path, "a1", "one")
    lease = lease_current(path)
    assert lease is not None
    write(path, "a2", "two")
    assert lease.path.is_dir() and remove_unused(path) == []
    lease.release()
    assert remove_unused(path) == [lease.path]
    assert sorted(p.name for p in snapshots_dir(path).iterdir()) == sorted(["CURRENT", current_token(path)])


def test_half_made_snapshots_and_small_temporary_files_are_removed(tmp_path):
    path = tmp_path / "store"
    write(path, "a1", "one")
    (snapshots_dir(path) / ".partial-dead").mkdir()
    # RocksDB's own scratch folder of a checkpoint cut short by a kill: a folder named .tmp
    (snapshots_dir(path) / ".partial-cut.tmp").mkdir()
    (snapshots_dir(path) / ".partial-cut.tmp" / "000001.sst").write_bytes(b"x")
    (path / f".{STATE_FILE}.dead.tmp").write_text("clean x")
    removed = remove_unused(path)
    assert snapshots_dir(path) / ".partial-dead" in removed
    assert not (snapshots_dir(path) / ".partial-cut.tmp").exists()
    assert not (path / f".{STATE_FILE}.dead.tmp").exists()
