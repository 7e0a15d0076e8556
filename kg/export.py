"""Export the graph for other tools: RDF formats, GraphML, and the neutral facts document."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from kg.workspace import DEFAULT_OUTPUT, existing_store_path
from kg.errors import InputError

RDF_FORMATS = ("ttl", "trig", "nt", "nq", "jsonld")
FORMATS = (*RDF_FORMATS, "graphml", "facts")
_SUFFIX_FORMATS = {".ttl": "ttl", ".trig": "trig", ".nt": "nt", ".nq": "nq", ".jsonld": "jsonld",
                   ".graphml": "graphml", ".json": "facts"}


def guess_format(path: str | Path | None) -> str:
    if path is None:
        return "ttl"
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower(), "ttl")


def write_text_atomically(text: str, path: Path) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _store_triples(store: object, format: str) -> bytes | None:
    """Turtle or N-Triples straight from an Oxigraph store's merged default graph, if it can be."""
    from kg.rdf.store_dump import TRIPLE_FORMATS, store_triples

    if format not in TRIPLE_FORMATS:
        return None
    import pyoxigraph as ox

    return store_triples(store, format=format) if isinstance(store, ox.Store) else None


def export(
    format: str | None = None,
    destination: str | Path | None = None,
    *,
    output: str | Path = DEFAULT_OUTPUT,
    store: str | None = None,
) -> Path | None:
    """Write the whole graph as ``format`` to ``destination`` (stdout when None).

    >>> export("graphml", "output/graph.graphml")  # doctest: +SKIP
    PosixPath('output/graph.graphml')
    """
    from kg.store import open_store

    format = format or guess_format(destination)
    if format not in FORMATS:
        raise InputError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}.")
    target = Path(destination) if destination is not None and str(destination) != "-" else None
    with open_store(store, path=existing_store_path(output, store)) as graph_store:
        if format in RDF_FORMATS:
            from kg.rdf.serialize import write_atomic, write_quads

            # The embedded store hands over its own quads: no round trip through rdflib terms.
            source = getattr(graph_store, "ox", None)
            data = _store_triples(source, format) if source is not None else None
            if data is not None:
                if target is None:
                    sys.stdout.write(data.decode("utf-8"))
                    return None
                write_atomic(target, data)
                return target
            source = source if source is not None else graph_store.quads()
            if target is None:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / f"graph.{format}"
                    write_quads(source, path, format=format)
                    sys.stdout.write(path.read_text(encoding="utf-8"))
                return None
            write_quads(source, target, format=format)
            return target
        if format == "graphml":
            from kg.rdf.graphml import to_networkx, write_graphml

            graph = to_networkx(graph_store.quads())
            if target is None:
                import networkx as nx

                sys.stdout.write("\n".join(nx.generate_graphml(graph)) + "\n")
                return None
            write_graphml(graph, target)
            return target
        from kg.rdf.facts import facts_document

        text = json.dumps(facts_document(graph_store.quads()), indent=2, ensure_ascii=False) + "\n"
    if target is None:
        sys.stdout.write(text)
        return None
    write_text_atomically(text, target)
    return target
