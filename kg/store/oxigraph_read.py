"""Reading the embedded Oxigraph store: the published snapshot opened read-only, and a query
answered in pyoxigraph's own terms.

A module of its own so that `kg query` reads the store without rdflib (a third of that
command's start-up): ``kg.store.query_native`` calls :func:`query_native` directly, and
``OxigraphStore`` opens its read-only handles and answers its queries through the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.faults import StoreInUse, cannot_write_here, is_damage, store_fault
from kg.store.result import QueryResult
from kg.store.snapshots import SnapshotLease, lease_current, read_state

DEFAULT_PATH = Path("output/store")


def open_published(path: Path, *, publish: Callable[[], None]) -> tuple[ox.Store, SnapshotLease | None, str | None]:
    """The last published snapshot of the store at ``path``, opened read-only; its lease
    (None where the store itself was opened) and the token of the state it holds.

    A store no writer has published yet (made by an older kg) gets its first snapshot from
    ``publish()`` (a writing session that closes); in a folder this process cannot write, no
    writer can be at work either, so the store itself is opened read-only.
    """
    if not path.is_dir():
        raise StoreError(f"no graph at {path}: build one first with "
                         f"`kg build ARTICLES --output {path.parent}`.")
    lease = lease_current(path)
    if lease is None:
        try:
            publish()
        except StoreInUse as error:
            raise StoreInUse(
                f"the store at {path} is being written by another process and has no finished "
                f"state to read yet (its first build?); run the command again when that build ends."
            ) from error
        except StoreError as error:
            if not cannot_write_here(error.__cause__ or error):
                raise
        lease = lease_current(path)
    where = lease.path if lease is not None else path
    try:
        store = ox.Store.read_only(str(where))
    except (OSError, RuntimeError) as error:
        if lease is not None:
            lease.release()
        raise store_fault(path, error, doing="open") from error
    return store, lease, lease.token if lease is not None else read_state(path)


def answer(store: ox.Store, path: Path, sparql: str, convert: Callable[[Any], QueryResult]) -> QueryResult:
    """``convert`` of the result of ``sparql`` on ``store``; the store's faults as kg's errors."""
    try:
        return convert(store.query(sparql))
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    except OSError as error:
        if is_damage(error):
            raise store_fault(path, error, doing="query") from error.with_traceback(None)
        raise QueryError(f"the query failed on {path}: {error}") from error.with_traceback(None)
    except RuntimeError as error:
        if is_damage(error):  # RocksDB's "Corruption: ..."
            raise store_fault(path, error, doing="query") from error.with_traceback(None)
        # pyoxigraph's evaluation errors, e.g. a SERVICE endpoint that answered badly. The
        # traceback goes: its frames hold the half-read result, which holds the store
        # open (and locked) for as long as a caller keeps the error.
        raise QueryError(f"the query failed: {error}") from error.with_traceback(None)


def native(result: Any) -> QueryResult:
    """A pyoxigraph result as a ``QueryResult``; rows left in pyoxigraph's terms (``kg.results``
    prints them as it prints rdflib's), triples (rare) converted to rdflib's."""
    if isinstance(result, ox.QuerySolutions):
        return QueryResult("select", variables=tuple(v.value for v in result.variables),
                           rows=tuple(tuple(solution) for solution in result))
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    from kg.store.terms import from_ox  # rdflib, for CONSTRUCT and DESCRIBE only

    return QueryResult("graph", triples=tuple((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                                              for t in result))


def query_native(path: str | Path | None, sparql: str, *, publish: Callable[[], None]) -> QueryResult:
    """``sparql`` on the published state of the store at ``path``, in pyoxigraph's terms."""
    where = Path(path) if path is not None else DEFAULT_PATH
    store, lease, _ = open_published(where, publish=publish)
    try:
        return answer(store, where, sparql, native)
    finally:
        del store  # RocksDB lets the snapshot go with the last reference
        if lease is not None:
            lease.release()
