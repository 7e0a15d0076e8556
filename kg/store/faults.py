"""What a failing on-disk store means to the user: one message per kind of fault, with the way out.

pyoxigraph reports RocksDB's faults as ``RuntimeError("Corruption: ...")`` for damaged files,
``FileNotFoundError`` for files gone missing, and ``OSError`` for locks and permissions.
"""

from __future__ import annotations

import errno
from pathlib import Path

from kg.errors import StoreError

# Words RocksDB uses when a file of the store is damaged or missing.
_DAMAGE = ("corruption", "checksum", "no such file", "truncated", "bad magic", "size mismatch",
           "manifest", "not an sstable", "invalid data")


class StoreDamaged(StoreError):
    """The store's files are damaged: it must be rebuilt from the articles or restored."""


class StoreInUse(StoreError):
    """Another process writes the store."""


def is_damage(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, (RuntimeError, OSError)) and any(word in text for word in _DAMAGE)


def is_lock(error: BaseException) -> bool:
    return isinstance(error, OSError) and "lock" in str(error).lower()


def cannot_write_here(error: BaseException) -> bool:
    """Whether ``error`` says the folder cannot be written (permissions, read-only file system)."""
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return True
    text = str(error).lower()
    return isinstance(error, OSError) and ("permission denied" in text or "read-only file system" in text)


def damaged_message(path: Path, error: BaseException) -> str:
    detail = " ".join(str(error).split())[:300]
    return (
        f"the store at {path} is damaged ({detail}). Its contents cannot be trusted: rebuild it "
        f"from the articles (move {path} aside, then run `kg build ARTICLES --output {path.parent}`), "
        f"or put back a copy of {path} from a backup. `kg verify --output {path.parent}` checks a "
        f"store end to end."
    )


def store_fault(path: Path, error: BaseException, *, doing: str) -> StoreError:
    """The kg error for ``error``, raised by pyoxigraph while ``doing`` something to ``path``."""
    if is_lock(error):
        return StoreInUse(
            f"the store at {path} is in use by another process (a running `kg build`, `kg remove` "
            f"or `kg serve`?); wait for it to finish or stop it, or use another output directory. "
            f"Reading commands (query, export, validate) do not wait: they read the last finished build."
        )
    if is_damage(error):
        return StoreDamaged(damaged_message(path, error))
    if cannot_write_here(error):
        return StoreError(f"cannot {doing} {path}: permission denied ({error}); make the folder "
                          f"writable, or read it with `kg query`/`kg export`, which need no write access.")
    return StoreError(f"cannot {doing} the Oxigraph store at {path}: {error}")
