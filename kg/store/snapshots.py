"""Published, read-only views of an on-disk Oxigraph store, and the token of its state.

RocksDB lets one process write a store. Its read-only mode opens without the lock, but
opening read-only while another process writes is undefined behaviour: tried beside a
build, a reader failed on files the writer had just compacted away and once grew to 23 GB
before the kernel killed it. So readers never open the store a writer may be using:

- a writing session marks the store *dirty* (``KG-STATE``) before its first write, and when
  it closes it takes a RocksDB checkpoint (hard links, milliseconds) into
  ``snapshots/<token>/``, points ``snapshots/CURRENT`` at it and marks the store *clean*
  with that token;
- readers open the current snapshot read-only, which nothing ever writes: any number of
  them, beside a build, in a folder they cannot write to;
- a reader holds a shared ``flock`` on its snapshot's folder, and a writer deletes only the
  old snapshots it can lock exclusively, so a snapshot never goes away under a reader.

The token names one finished state of the store: graph files stamped with it were written
from exactly that state (see ``kg.graph_files``). A kill at any point leaves either the old
token or a dirty mark, never a token for a state that was not finished.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from pathlib import Path

STATE_FILE = "KG-STATE"
SNAPSHOTS = "snapshots"
CURRENT = "CURRENT"
_DIRTY = "dirty"
_CLEAN = "clean"


def snapshots_dir(store: Path) -> Path:
    return store / SNAPSHOTS


def read_state(store: Path) -> str | None:
    """The token of the store's last finished state, or None while it is (or was left) dirty."""
    try:
        kind, _, token = (store / STATE_FILE).read_text(encoding="ascii").strip().partition(" ")
    except (OSError, UnicodeDecodeError):
        return None
    return token if kind == _CLEAN and token else None


def mark_dirty(store: Path) -> None:
    """Say, before the first write of a session, that the store is no longer in its last state."""
    _write_small(store / STATE_FILE, f"{_DIRTY} {uuid.uuid4().hex}\n")


def current_token(store: Path) -> str | None:
    """The token of the published snapshot readers should open, if there is one."""
    try:
        token = (snapshots_dir(store) / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return token if token and (snapshots_dir(store) / token).is_dir() else None


def is_published(store: Path) -> bool:
    """Whether the store is clean and its state is the snapshot readers open."""
    token = read_state(store)
    return token is not None and current_token(store) == token


def publish(store: Path, checkpoint: object) -> str:
    """Checkpoint the store as a new snapshot, make it current and mark the store clean.

    ``checkpoint(path)`` writes a consistent copy of the store to ``path`` (a pyoxigraph
    ``Store.backup``). Returns the new token.
    """
    token = uuid.uuid4().hex
    folder = snapshots_dir(store)
    folder.mkdir(exist_ok=True)
    partial = folder / f".partial-{token}"
    checkpoint(str(partial))  # type: ignore[operator]
    # Readers only ever see a whole snapshot: its folder gets its name once it is complete.
    os.rename(partial, folder / token)
    _write_small(folder / CURRENT, token + "\n")
    _write_small(store / STATE_FILE, f"{_CLEAN} {token}\n")
    remove_unused(store)
    return token


def remove_unused(store: Path) -> list[Path]:
    """Delete snapshots that are neither current nor being read (and half-made ones)."""
    folder = snapshots_dir(store)
    keep = current_token(store)
    removed = []
    for leftover in (*store.glob(".*.tmp"), *folder.glob(".*.tmp")):
        if leftover.is_dir():
            # RocksDB builds a checkpoint in ``<path>.tmp`` and renames it when whole: a kill
            # in between leaves that folder behind.
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)  # a small file's write cut short by a kill
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if not path.is_dir() or path.name == keep:
            continue
        lock = _try_lock(path, fcntl.LOCK_EX)
        if lock is None:
            continue  # a reader still has it open; a later writer will take it away
        try:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        finally:
            os.close(lock)
    return removed


class SnapshotLease:
    """A shared lock on one snapshot: it stays on disk until ``release()``."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.token = path.name
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def lease_current(store: Path, *, attempts: int = 5) -> SnapshotLease | None:
    """Lock the current snapshot for reading; None when none is published.

    A writer may replace and delete the snapshot between reading ``CURRENT`` and taking the
    lock: then the next current one is tried, a bounded number of times.
    """
    for _ in range(attempts):
        token = current_token(store)
        if token is None:
            return None
        path = snapshots_dir(store) / token
        fd = _try_lock(path, fcntl.LOCK_SH, wait=True)
        if fd is None:
            continue
        if (path / "CURRENT").is_file():  # RocksDB's own CURRENT: the snapshot is still whole
            return SnapshotLease(path, fd)
        os.close(fd)
    return None


def _try_lock(path: Path, mode: int, *, wait: bool = False) -> int | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        # A writer holds its exclusive lock only while deleting, so waiting is short.
        fcntl.flock(fd, mode if wait else mode | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _write_small(path: Path, text: str) -> None:
    """Replace a small file atomically and durably: a kill leaves the old text or the new."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "w", encoding="ascii") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
