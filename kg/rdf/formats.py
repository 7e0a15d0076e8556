"""The output formats, by name, as rdflib keeps its plugins: ``get_format("ttl").write(...)``.

Each :class:`Format` says what it reads and how it writes that to a binary file:

- ``triples``: the sorted statements of all graphs merged (ttl, nt, jsonld);
- ``graphs``: the sorted statements graph by graph (trig, nq, jsonld-dataset);
- ``quads``: the quads as rdflib terms, in any order (graphml, facts: they read the graph back).

Turtle, TriG, N-Triples and N-Quads are written by Oxigraph's serializer from the sorted
statements, with the prefixes fixed, so the same graph gives the same bytes. JSON-LD is
written by rdflib, then its JSON put in canonical order. ``register_format`` adds a format.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import InputError
from kg.rdf.facts import facts_document
from kg.rdf.network import write_graphml
from kg.rdf.statements import from_oxigraph
from kg.vocab.prefixes import PREFIXES

Reads = Literal["triples", "graphs", "quads"]



@dataclass(frozen=True)
class Format:
    """One output format: its name, file suffixes, what it reads, and its writer.

    ``write(data, out)`` writes to a binary file open for writing and reading (the Turtle
    writers put their prefix lines in order in place); ``data`` is an iterator of Oxigraph
    triples or quads for ``triples`` and ``graphs``, a list of rdflib quads for ``quads``.
    """

    name: str
    suffixes: tuple[str, ...]
    reads: Reads
    write: Callable[[Any, IO[bytes]], None]
    description: str = ""

    def to_bytes(self, data: Any) -> bytes:
        buffer = io.BytesIO()
        self.write(data, buffer)
        return buffer.getvalue()


FORMATS: dict[str, Format] = {}


def register_format(format: Format) -> None:
    """Make ``format`` available by its name (and its suffixes) to export and to the build."""
    FORMATS[format.name] = format


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}.") from None


def format_for(path: str | os.PathLike[str], *, rdf_only: bool = False) -> str:
    """The format a file name asks for by its suffix."""
    suffix = Path(path).suffix.lower()
    for format in FORMATS.values():
        if suffix in format.suffixes and (format.reads != "quads" or not rdf_only):
            return format.name
    known = [s for f in FORMATS.values() if f.reads != "quads" or not rdf_only for s in f.suffixes]
    raise InputError(f"cannot tell the format of {path}: give the format or use one of {', '.join(known)}")


def sorted_prefix_header(data: bytes) -> bytes:
    """Prefix lines in PREFIXES order, whatever order the serializer chose."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    order = {name: i for i, name in enumerate(PREFIXES)}
    head = sorted(lines[:n], key=lambda line: order.get(line[8:].split(b":", 1)[0].decode(), 99))
    return b"\n".join(head + lines[n:])


def _oxigraph_writer(syntax: ox.RdfFormat, *, prefixes: bool) -> Callable[[Any, IO[bytes]], None]:
    def write(statements: Iterable[Any], out: IO[bytes]) -> None:
        start = out.tell()
        ox.serialize(statements, out, syntax, prefixes=PREFIXES if prefixes else None)
        if prefixes:
            _sort_prefix_lines(out, start)

    return write


def _sort_prefix_lines(out: IO[bytes], start: int) -> None:
    """Put the prefix lines in PREFIXES order in place: the same lines, so the same length."""
    end = out.tell()
    out.seek(start)
    head = []
    while (line := out.readline()).startswith(b"@prefix "):
        head.append(line)
    data = b"".join(head)
    ordered = sorted_prefix_header(data)
    if ordered != data:
        out.seek(start)
        out.write(ordered)
    out.seek(end)


def _write_jsonld(quads: Iterable[ox.Quad], out: IO[bytes]) -> None:
    dataset = Dataset()
    for quad in from_oxigraph(quads):
        dataset.add(quad)
    text = dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    out.write((json.dumps(_canonical_json(json.loads(text)), ensure_ascii=False, indent=2, sort_keys=True)
               + "\n").encode("utf-8"))


def _canonical_json(value: Any) -> Any:
    # Arrays in our JSON-LD are sets (no @list), so sorting them keeps the meaning.
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _write_graphml_statements(quads: list[Any], out: IO[bytes]) -> None:
    write_graphml(quads, out, statements=True)


def _write_facts(quads: list[Any], out: IO[bytes]) -> None:
    out.write((json.dumps(facts_document(quads), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


for _format in (
    Format("ttl", (".ttl", ".turtle"), "triples", _oxigraph_writer(ox.RdfFormat.TURTLE, prefixes=True), "Turtle"),
    Format("trig", (".trig",), "graphs", _oxigraph_writer(ox.RdfFormat.TRIG, prefixes=True), "TriG"),
    Format("nt", (".nt",), "triples", _oxigraph_writer(ox.RdfFormat.N_TRIPLES, prefixes=False), "N-Triples"),
    Format("nq", (".nq",), "graphs", _oxigraph_writer(ox.RdfFormat.N_QUADS, prefixes=False), "N-Quads"),
    # JSON-LD readers load a plain graph (rdflib's Graph().parse() reads 0 triples of a
    # dataset): the merged graph by default, the dataset of article graphs on request.
    Format("jsonld", (".jsonld", ".json-ld"), "triples", _write_jsonld, "JSON-LD, the merged graph"),
    Format("jsonld-dataset", (), "graphs", _write_jsonld, "JSON-LD, one named graph per article"),
    Format("graphml", (".graphml",), "quads", write_graphml, "GraphML of the entity network, for Gephi, Cytoscape"),
    Format("graphml-statements", (), "quads", _write_graphml_statements, "GraphML, statements as nodes too"),
    Format("facts", (".json",), "quads", _write_facts, "the facts document kg eval scores"),
):
    register_format(_format)

RDF_FORMATS = tuple(name for name, format in FORMATS.items() if format.reads != "quads")
