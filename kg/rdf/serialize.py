"""Deterministic RDF writers: the same graph gives byte-identical ttl, trig, nt, nq and jsonld.

Statements are sorted and the prefixes are fixed, so outputs diff cleanly. Turtle, TriG,
N-Triples and N-Quads are written by Oxigraph's serializer (much faster than rdflib's);
JSON-LD by rdflib, then its JSON is put in canonical order. Files are written atomically.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import InputError
from kg.rdf.namespaces import BASE, DCTERMS, GRAPH, ID, KG, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD

FORMATS = ("ttl", "trig", "nt", "nq", "jsonld")
QUAD_FORMATS = frozenset({"trig", "nq", "jsonld"})
SUFFIXES = {".ttl": "ttl", ".turtle": "ttl", ".trig": "trig", ".nt": "nt", ".nq": "nq",
            ".jsonld": "jsonld", ".json-ld": "jsonld"}

# The canonical prefixes, always in this order; one per family of minted IRIs.
PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "kg": BASE + "ontology#",
    "wd": str(WD),
    "graph": str(GRAPH),
    **{family: f"{ID}{family}/" for family in (
        "article", "person", "organization", "place", "product", "disease", "event", "thing",
        "fact", "post", "mention", "quantity", "amount", "resolution",
    )},
}
assert PREFIXES["kg"] == str(KG._NS)

_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
}

Source = Any  # rdflib Graph/Dataset, pyoxigraph Store, or an iterable of quads or triples


class _Converter:
    """rdflib terms -> Oxigraph terms, caching IRIs (a graph repeats few of them)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._iris.get(value)
        if node is None:
            node = self._iris[value] = ox.NamedNode(value)
        return node

    def term(self, term: Node) -> Any:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None and str(term.datatype) != str(XSD.string):
                return ox.Literal(str(term), datatype=self.iri(str(term.datatype)))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise InputError(f"cannot write RDF term {term!r}: only IRIs, literals and blank nodes")

    def graph(self, graph: Any) -> Any:
        graph = getattr(graph, "identifier", graph)
        if graph is None or graph == DATASET_DEFAULT_GRAPH_ID or isinstance(graph, ox.DefaultGraph):
            return ox.DefaultGraph()
        return self.term(graph)


def _rows(source: Source) -> Iterator[tuple[Any, ...]]:
    if isinstance(source, ox.Store):
        yield from source
    elif isinstance(source, Graph) and hasattr(source, "contexts"):
        yield from source.quads((None, None, None, None))
    elif isinstance(source, Graph):
        yield from source
    else:
        yield from source


def _canonical_blank_nodes(rows: list[tuple[Node, ...]]) -> list[tuple[Node, ...]]:
    """Relabel blank nodes by graph content (rdflib's canonical labelling), graph by graph."""
    from rdflib.compare import to_canonical_graph

    by_graph: dict[Any, list[tuple[Node, ...]]] = {}
    for row in rows:
        graph = getattr(row[3], "identifier", row[3]) if len(row) > 3 else None
        by_graph.setdefault(graph, []).append(row)
    out: list[tuple[Node, ...]] = []
    for graph, members in by_graph.items():
        if not any(isinstance(t, BNode) for row in members for t in row[:3]):
            out += members
            continue
        g = Graph()
        for row in members:
            g.add(row[:3])  # type: ignore[arg-type]
        out += [(s, p, o, graph) for s, p, o in to_canonical_graph(g)]  # type: ignore[misc]
    return out


def to_oxigraph(source: Source) -> list[ox.Quad]:
    """Every statement of ``source`` as Oxigraph quads, duplicates removed, sorted canonically."""
    convert = _Converter()
    rows = list(_rows(source))
    if any(isinstance(t, BNode) for row in rows if isinstance(row, tuple) for t in row[:3]):
        rows = _canonical_blank_nodes(rows)  # type: ignore[arg-type]
    quads: dict[str, ox.Quad] = {}
    for row in rows:
        if isinstance(row, ox.Quad):
            quad = row
        elif isinstance(row, ox.Triple):
            quad = ox.Quad(row.subject, row.predicate, row.object, ox.DefaultGraph())
        else:
            g = convert.graph(row[3]) if len(row) > 3 else ox.DefaultGraph()
            quad = ox.Quad(convert.term(row[0]), convert.term(row[1]), convert.term(row[2]), g)
        quads.setdefault(f"{quad.graph_name}\x00{quad.triple}", quad)
    # String order of N-Triples keeps each subject's (and predicate's) statements together.
    return [quads[key] for key in sorted(quads)]


def _triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    triples = {str(q.triple): q.triple for q in quads}
    return [triples[key] for key in sorted(triples)]


def _sorted_prefix_header(data: bytes) -> bytes:
    """Prefix lines in PREFIXES order, whatever order the serializer chose."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    order = {name: i for i, name in enumerate(PREFIXES)}
    head = sorted(lines[:n], key=lambda line: order.get(line[8:].split(b":", 1)[0].decode(), 99))
    return b"\n".join(head + lines[n:])


def _jsonld(quads: list[ox.Quad]) -> bytes:
    dataset = Dataset()
    for quad in quads:
        dataset.add(_from_oxigraph(quad))
    text = dataset.serialize(format="json-ld", context={k: v for k, v in PREFIXES.items()}, auto_compact=True)
    return (json.dumps(_canonical_json(json.loads(text)), ensure_ascii=False, indent=2, sort_keys=True)
            + "\n").encode("utf-8")


def _canonical_json(value: Any) -> Any:
    # Arrays in our JSON-LD are sets (no @list), so sorting them keeps the meaning.
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _from_oxigraph_term(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"cannot convert RDF term {term!r}")


def _from_oxigraph(quad: ox.Quad) -> tuple[Node, Node, Node, Node]:
    graph = quad.graph_name
    g: Node = DATASET_DEFAULT_GRAPH_ID if isinstance(graph, ox.DefaultGraph) else _from_oxigraph_term(graph)
    return (_from_oxigraph_term(quad.subject), _from_oxigraph_term(quad.predicate),
            _from_oxigraph_term(quad.object), g)


def from_oxigraph(quads: Iterable[ox.Quad]) -> list[tuple[Node, Node, Node, Node]]:
    """Oxigraph quads -> rdflib quads (default graph as rdflib's DATASET_DEFAULT_GRAPH_ID)."""
    return [_from_oxigraph(q) for q in quads]


def serialize(source: Source, *, format: str = "ttl") -> bytes:
    """The graph as bytes in ``format`` (ttl, trig, nt, nq, jsonld); ttl and nt merge all graphs.

    >>> serialize(extraction_to_quads(extraction), format="trig")[:8]
    b'@prefix '
    """
    if format not in FORMATS:
        raise InputError(f"unknown RDF format {format!r}: use one of {', '.join(FORMATS)}")
    quads = to_oxigraph(source)
    if format == "jsonld":
        return _jsonld(quads)
    statements: list[Any] = quads if format in QUAD_FORMATS else _triples(quads)
    prefixes = PREFIXES if format in ("ttl", "trig") else None
    data = ox.serialize(statements, format=_OX_FORMATS[format], prefixes=prefixes)
    return _sorted_prefix_header(data) if prefixes else data


def format_for(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"cannot tell the RDF format of {path}: give format= or use one of {', '.join(SUFFIXES)}")
    return SUFFIXES[suffix]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write(source: Source, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Serialize ``source`` to ``path`` atomically; the format defaults to the file suffix."""
    return write_atomic(path, serialize(source, format=format or format_for(path)))


def write_quads(source: Source, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Same as :func:`write` (the name calling code reads best with)."""
    return write(source, path, format=format)


def triples_to_text(triples: Iterable[tuple[Node, Node, Node]], *, format: str = "ttl") -> str:
    """Triples (a CONSTRUCT result, say) as deterministic Turtle text."""
    return serialize([(s, p, o) for s, p, o in triples], format=format).decode("utf-8")
