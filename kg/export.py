"""Export the graph for other tools: RDF formats, GraphML, and the neutral facts document."""

from __future__ import annotations

import io
import sys
from contextlib import nullcontext
from pathlib import Path

from kg.errors import OutputError
from kg.graph_files import files_lock, refresh_graph_files
from kg.rdf.formats import FORMATS, get_format
from kg.rdf.serialize import write_graph, write_stream
from kg.store import open_store
from kg.workspace import DEFAULT_OUTPUT, existing_store_path


def guess_format(path: str | Path | None) -> str:
    """The format a file name's suffix names; Turtle when it names none (or for stdout)."""
    if path is None:
        return "ttl"
    suffix = Path(path).suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), "ttl")


def _refresh_graph_files(output: str | Path, store: str | None) -> None:
    """Bring graph.ttl and graph.trig up to the store's state on the way, where the folder allows."""
    if (store or "oxigraph").split(":", 1)[0].lower() != "oxigraph":
        return  # only the on-disk store keeps the state the files are stamped with
    try:
        refresh_graph_files(output, store=store)
    except OutputError:
        pass  # a read-only folder: the export itself needs no write access there


def export(
    format: str | None = None,
    destination: str | Path | None = None,
    *,
    output: str | Path = DEFAULT_OUTPUT,
    store: str | None = None,
    dataset: bool = False,
    statements: bool = False,
) -> Path | None:
    """Write the whole graph as ``format`` to ``destination`` (stdout when None).

    JSON-LD is the merged graph of all articles, which any JSON-LD reader loads as a graph;
    ``dataset`` keeps one named graph per article instead. GraphML is the entity network
    (``kg.rdf.network``), measures included; ``statements`` adds each statement as a node.

    >>> export("graphml", "output/graph.graphml")  # doctest: +SKIP
    PosixPath('output/graph.graphml')
    """
    format = get_format(format or guess_format(destination)).name
    # The options name the registry's variants of a format (see kg.rdf.formats).
    if dataset and format == "jsonld":
        format = "jsonld-dataset"
    if statements and format == "graphml":
        format = "graphml-statements"
    target = Path(destination) if destination is not None and str(destination) != "-" else None
    path = existing_store_path(output, store)
    _refresh_graph_files(output, store)
    # Into the graph's own folder, the writers of its graph files are kept off this export's
    # scratch (they remove what they find there): they hold the same lock.
    inside = target is not None and target.resolve().parent == Path(output).resolve()
    with files_lock(Path(output)) if inside else nullcontext(), \
            open_store(store, path=path, read_only=True) as graph_store:
        if target is not None:
            return write_graph(graph_store, {target: format})[0]
        buffer = io.BytesIO()
        write_stream(graph_store, format, buffer)
    sys.stdout.write(buffer.getvalue().decode("utf-8"))
    return None
