"""graph.ttl and graph.trig: state derived from the store, with a stamp of the state they show.

The stamp (``graph-files.json``) names the store state the files were written from (the
token of ``kg.store.snapshots``) and each file's size and SHA-256. Files whose stamp does
not name the store's current state, or whose size differs, are rewritten by the next build,
``kg export`` or ``kg repair``: after a kill while writing, a failed write, or another
process (``--store memory``) writing into the same folder. ``kg verify`` also checks the
hashes.

Every writer of the graph files holds ``.graph-files.lock`` in the folder, so the scratch
it finds there (sort folders, temporary files of a killed run) is nobody's: it is removed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import OutputError
from kg.files import write_atomic
from kg.rdf.serialize import write_graph
from kg.store import Store, open_store
from kg.store.faults import is_damage, store_fault
from kg.workspace import GRAPH_FILES, store_path

STAMP = "graph-files.json"
LOCK = ".graph-files.lock"
# Sorted runs spill beside the files they are for (kg.store.oxigraph_dump); an export into
# this folder holds the lock too, so what is found here under the lock is left over.
SORT_SCRATCH = ".kg-sort."
_STAMP_VERSION = 1


@dataclass(frozen=True)
class FilesCheck:
    """Whether the graph files show the store's state; ``problems`` says why not."""

    state: str | None
    problems: tuple[str, ...]

    @property
    def fresh(self) -> bool:
        return not self.problems


def read_stamp(output: Path) -> dict[str, Any] | None:
    try:
        stamp = json.loads((output / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and stamp.get("version") == _STAMP_VERSION else None


def check_files(output: str | Path, state: str | None, *, hashes: bool = False) -> FilesCheck:
    """Compare the graph files with the stamp and the store's ``state`` (sizes; ``hashes`` too)."""
    output = Path(output)
    stamp = read_stamp(output)
    problems = []
    if stamp is None:
        problems.append(f"{output / STAMP} is missing or unreadable: the files' state is unknown")
    elif state is None:
        problems.append("the store has no finished state to compare with (never built, or being written)")
    elif stamp.get("state") != state:
        problems.append(f"the files were written from another state of the store ({stamp.get('state')}, "
                        f"the store is at {state})")
    recorded = (stamp or {}).get("files", {})
    for name in GRAPH_FILES:
        path = output / name
        entry = recorded.get(name) if isinstance(recorded, dict) else None
        if not path.is_file():
            problems.append(f"{path} is missing")
        elif entry is not None and path.stat().st_size != entry.get("bytes"):
            problems.append(f"{path} has {path.stat().st_size} bytes, {entry.get('bytes')} were written")
        elif entry is not None and hashes and _sha256(path) != entry.get("sha256"):
            problems.append(f"{path} was changed after it was written (its SHA-256 differs)")
    return FilesCheck(state, tuple(problems))


def write_graph_files(graph_store: Store, output: str | Path, *, state: str | None = None) -> list[Path]:
    """Write the whole graph as deterministic Turtle and TriG, then the stamp naming ``state``."""
    output = Path(output)
    with files_lock(output):
        return _write_locked(graph_store, output, state)


def read_published(store: str | None, path: Path, graph_store: Store | None = None) -> AbstractContextManager[Store]:
    """``graph_store`` if given (left open), else a read-only handle on the last published
    state of the store at ``path``."""
    return nullcontext(graph_store) if graph_store is not None else open_store(store, path=path, read_only=True)


def refresh_graph_files(output: str | Path, *, store: str | None = None, force: bool = False,
                        before_writing: Callable[[], None] | None = None,
                        known: tuple[str, Callable[[str], bytes | None]] | None = None,
                        graph_store: Store | None = None) -> list[Path]:
    """Rewrite the graph files from the store's last finished state unless they already show it.

    Returns the files written (none when they were up to date). Scratch left by killed
    writers is removed either way. ``known``: a state token and the N-Triples of graphs as
    they are in that state (``kg.store.graph_texts``), used if the store is still there.
    ``graph_store``: a read-only handle on that state, already open (left open).

    >>> refresh_graph_files("output")  # doctest: +SKIP
    []
    """
    output = Path(output)
    with files_lock(output), read_published(store, store_path(output), graph_store) as graph_store:
        state = getattr(graph_store, "state_token", None)
        if not force and check_files(output, state).fresh:
            return []
        if before_writing is not None:
            before_writing()
        if known is not None and state == known[0]:
            graph_store.graph_texts = known[1]  # type: ignore[attr-defined]
        return _write_locked(graph_store, output, state)


def _write_locked(graph_store: Store, output: Path, state: str | None) -> list[Path]:
    (output / STAMP).unlink(missing_ok=True)  # while the files change, they show no state
    try:
        # The store sorts its statements once for both files (the embedded one in runs
        # spilled beside them, so in bounded memory however large the graph is).
        written = write_graph(graph_store, {output / name: fmt for name, fmt in GRAPH_FILES.items()})
        _write_stamp(output, state)
    except (OSError, RuntimeError) as error:
        raise _write_error(output, error) from error
    return written


def clean_scratch(output: Path) -> list[Path]:
    """Remove what killed writers of the graph files left (call with the lock held)."""
    removed = []
    patterns = [f".{name}.*" for name in (*GRAPH_FILES, STAMP)] + [f"{SORT_SCRATCH}*"]
    for pattern in patterns:
        for path in sorted(output.glob(pattern)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


@contextmanager
def files_lock(output: Path) -> Iterator[None]:
    """Hold the folder's graph-files lock (waiting for another writer), cleaning scratch first.

    Not reentrant: ``flock`` locks belong to an open file, so a second one would wait forever.
    """
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd = os.open(output / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise _write_error(output, error) from error
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        clean_scratch(output)
        yield
    finally:
        os.close(fd)


def _write_stamp(output: Path, state: str | None) -> None:
    files = {name: {"bytes": (output / name).stat().st_size, "sha256": _sha256(output / name)}
             for name in sorted(GRAPH_FILES)}
    stamp = {"version": _STAMP_VERSION, "state": state, "files": files}
    write_atomic(output / STAMP, (json.dumps(stamp, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _write_error(output: Path, error: BaseException) -> OutputError:
    if is_damage(error):
        return OutputError(str(store_fault(output / "store", error, doing="read")))
    return OutputError(
        f"cannot write the graph files in {output} ({error}); the store is up to date. Make the "
        f"folder writable (or free some space) and run `kg repair --output {output}` to write them."
    )
