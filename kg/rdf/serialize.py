"""Write a graph in any registered format: the same graph gives byte-identical files.

Whatever the source, writing goes one way: the source's statements are sorted once (see
:class:`~kg.rdf.statements.SortedDump`) and each format's writer (see
:mod:`kg.rdf.formats`) reads them; files are written atomically. A store is a source that
sorts its own statements (Oxigraph in bounded memory, on disk); anything else, an rdflib
graph or a list of quads, is sorted in memory.

>>> serialize(extraction_to_quads(extraction), format="trig")[:8]  # doctest: +SKIP
b'@prefix '
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any, Protocol

from rdflib.term import Node

from kg.files import atomic_path
from kg.rdf.formats import Format, format_for, get_format
from kg.rdf.statements import InMemory, SortedDump, Source


class GraphSource(Protocol):
    """What writing needs of a graph; every kg store is one, and ``InMemory`` makes one of
    anything else."""

    def quads(self) -> Iterator[Any]: ...

    def sorted_dump(self, *, graphs: bool = True,
                    scratch: Path | None = None) -> AbstractContextManager[SortedDump]: ...


def write_graph(source: GraphSource, targets: Mapping[str | os.PathLike[str], str | None]) -> list[Path]:
    """Write ``source`` to each path in its format (None: the one its suffix names).

    The statements are sorted once for every RDF format asked for; a store that sorts on
    disk does so beside the first file.
    """
    formats = {Path(path): get_format(fmt or format_for(path)) for path, fmt in targets.items()}
    _write(source, [(format, path) for path, format in formats.items()], scratch=_scratch(formats))
    return list(formats)


def write_stream(source: GraphSource, format: str, out: IO[bytes]) -> None:
    """Write ``source`` in ``format`` to a binary file object that can seek (a BytesIO)."""
    _write(source, [(get_format(format), out)], scratch=None)


def serialize(source: Source, *, format: str = "ttl") -> bytes:
    """The graph as bytes in ``format``; ttl and nt merge all graphs into one."""
    buffer = io.BytesIO()
    write_stream(InMemory(source), format, buffer)
    return buffer.getvalue()


def serialize_many(source: Source, formats: Iterable[str]) -> dict[str, bytes]:
    """The graph in several formats, its statements read and sorted once for all of them."""
    wanted = {name: io.BytesIO() for name in dict.fromkeys(formats)}
    _write(InMemory(source), [(get_format(name), buffer) for name, buffer in wanted.items()], scratch=None)
    return {name: buffer.getvalue() for name, buffer in wanted.items()}


def write(source: Source, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``source`` to ``path``, atomically, in ``format`` or the one of the file suffix."""
    return write_graph(InMemory(source), {path: format})[0]


def write_many(source: Source, paths: Mapping[str | os.PathLike[str], str | None]) -> list[Path]:
    """Write ``source`` to every path (format or None for the suffix's), sorting it only once."""
    return write_graph(InMemory(source), paths)


def triples_to_text(triples: Iterable[tuple[Node, Node, Node]], *, format: str = "ttl") -> str:
    """Triples (a CONSTRUCT result, say) as deterministic Turtle text."""
    return serialize([(s, p, o) for s, p, o in triples], format=format).decode("utf-8")


def write_sorted(dump: SortedDump, targets: Mapping[str | os.PathLike[str], str | None]) -> list[Path]:
    """Write a dump already sorted to each path (RDF formats only: they read the sorted statements)."""
    jobs = [(get_format(fmt or format_for(path, rdf_only=True)), Path(path)) for path, fmt in targets.items()]
    for format, target in jobs:
        if format.reads == "quads":
            raise ValueError(f"{format.name} reads quads, not a sorted dump")
        _emit(format, dump.statements(graphs=format.reads == "graphs"), target)
    return [target for _, target in jobs]


Target = Path | IO[bytes]


def _write(source: GraphSource, jobs: list[tuple[Format, Target]], *, scratch: Path | None) -> None:
    sorted_jobs = [(f, t) for f, t in jobs if f.reads != "quads"]
    if sorted_jobs:
        graphs = any(f.reads == "graphs" for f, _ in sorted_jobs)
        with source.sorted_dump(graphs=graphs, scratch=scratch) as dump:
            for format, target in sorted_jobs:
                _emit(format, dump.statements(graphs=format.reads == "graphs"), target)
    quad_jobs = [(f, t) for f, t in jobs if f.reads == "quads"]
    if quad_jobs:
        quads = list(source.quads())
        for format, target in quad_jobs:
            _emit(format, quads, target)


def _emit(format: Format, data: Any, target: Target) -> None:
    if not isinstance(target, Path):
        format.write(data, target)
        return
    with atomic_path(target) as tmp, open(tmp, "w+b") as out:
        format.write(data, out)


def _scratch(formats: Mapping[Path, Format]) -> Path | None:
    # Sorted runs spill beside the first file: the same disk, and space the user chose.
    if not formats:
        return None
    folder = next(iter(formats)).parent
    folder.mkdir(parents=True, exist_ok=True)
    return folder
