"""Graph stores chosen by name, as rdflib chooses plugins.

>>> with open_store("memory") as store:  # doctest: +SKIP
...     store.replace_article("a1", quads)
...     store.query("SELECT ?s WHERE { ?s ?p ?o }").rows

``None`` or ``"oxigraph"`` opens the embedded on-disk store at ``path`` (default
``output/store``); ``"oxigraph:DIR"`` names the directory in the spec itself; ``"memory"`` an
rdflib in-memory Dataset; an ``http(s)://`` URL a remote SPARQL 1.1 endpoint.

Every store keeps one named graph per article (``kg.vocab.iri.graph_iri``), replaced whole and
atomically, and keeps its default graph as the merge of those graphs: a query without
``GRAPH`` reads every article, a triple stated by many articles is counted once, and
``GRAPH ?g { ... }`` still tells which article said what. ``quads()`` and ``len()`` cover the
article graphs only (the merge is derived from them).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import StoreError
from kg.store.result import QueryResult
from kg.workspace import DEFAULT_OUTPUT, store_path

if TYPE_CHECKING:
    from kg.store.base import Store
    from kg.store.memory import MemoryStore
    from kg.store.oxigraph import DEFAULT_PATH, OxigraphStore
    from kg.store.remote import RemoteStore

# Backends load when first opened: each pulls in rdflib, and `kg query` on the embedded
# store needs none of it (see ``query_native``).
_LAZY = {
    "Store": "kg.store.base",
    "MemoryStore": "kg.store.memory",
    "DEFAULT_PATH": "kg.store.oxigraph",
    "OxigraphStore": "kg.store.oxigraph",
    "RemoteStore": "kg.store.remote",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg.store' has no attribute {name!r}")

__all__ = [
    "BACKENDS",
    "DEFAULT_PATH",
    "MemoryStore",
    "OxigraphStore",
    "QueryResult",
    "RemoteStore",
    "Store",
    "open_store",
    "query_native",
    "register_store",
]

Factory = Callable[..., "Store"]


def _oxigraph(spec: str, *, path: str | Path | None = None, read_only: bool = False, **options: Any) -> Store:
    from kg.store.oxigraph import OxigraphStore

    _, _, location = spec.partition(":")
    return OxigraphStore(location or path, read_only=read_only, **options)


# A memory store lives in its process and a remote endpoint guards its own data: reading
# needs no other mode from them.
def _memory(spec: str, *, path: str | Path | None = None, read_only: bool = False, **options: Any) -> Store:
    from kg.store.memory import MemoryStore

    return MemoryStore(**options)


def _remote(spec: str, *, path: str | Path | None = None, read_only: bool = False, **options: Any) -> Store:
    from kg.store.remote import RemoteStore

    return RemoteStore(spec, **options)


BACKENDS: dict[str, Factory] = {
    "oxigraph": _oxigraph,
    "memory": _memory,
    "http": _remote,
    "https": _remote,
}


def register_store(name: str, factory: Factory) -> None:
    """Make ``open_store(name)`` (or ``name:...``) build a store with ``factory(spec, path=...)``."""
    BACKENDS[name] = factory


def open_store(spec: str | None = None, *, path: str | Path | None = None, read_only: bool = False,
               **options: Any) -> Store:
    """Open the store named by ``spec``; ``options`` go to the backend (e.g. ``update_url=``).

    ``read_only=True`` is for commands that only read: they read the last finished state of
    an on-disk store, beside a build and beside each other, and need no write access.
    """
    spec = (spec or "oxigraph").strip()
    name = spec.split(":", 1)[0].lower()
    factory = BACKENDS.get(name)
    if factory is None:
        raise StoreError(
            f"unknown store {spec!r}; use one of: oxigraph (default, on disk), oxigraph:DIR, "
            f"memory, or an http(s):// SPARQL endpoint URL."
        )
    try:
        if read_only:
            return factory(spec, path=path, read_only=True, **options)
        return factory(spec, path=path, **options)
    except TypeError as error:
        raise StoreError(f"store {spec!r}: {error}") from error


def query_native(spec: str | None, sparql: str, *, path: str | Path | None = None) -> QueryResult:
    """``query(sparql)`` on the store opened read-only, with the rows in the store's own terms
    where it has them: pyoxigraph's for the embedded store, which ``kg.results`` prints as it
    prints rdflib's, unconverted. Other stores give rdflib terms.

    The embedded store is read without loading its backend (``kg.store.oxigraph_read``): no
    rdflib, unless the query is a CONSTRUCT or DESCRIBE.
    """
    spec = (spec or "oxigraph").strip()
    name, _, location = spec.partition(":")
    if BACKENDS.get(name.lower()) is _oxigraph:
        from kg.store import oxigraph_read

        where = location or path
        return oxigraph_read.query_native(where, sparql, publish=lambda: _publish(where))
    with open_store(spec, path=path, read_only=True) as store:
        native = getattr(store, "query_native", None)
        return native(sparql) if native is not None else store.query(sparql)


def _publish(path: str | Path | None) -> None:
    """A writing session on the store at ``path`` that publishes its state as it closes."""
    from kg.store.oxigraph import OxigraphStore

    OxigraphStore(path).close()
