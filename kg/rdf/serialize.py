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
from kg.vocab.namespaces import BASE, DCTERMS, GRAPH, ID, KG, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD

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

OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
}

Source = Any  # rdflib Graph/Dataset, pyoxigraph Store, or an iterable of quads or triples

_XSD_STRING = str(XSD.string)
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BAD_IRI_CHARS = frozenset('<>"{}|^`\\ ') | {chr(i) for i in range(0x20)}


class BlankNodesInGraph(Exception):
    """The input has blank nodes: their labels must be made canonical first."""


def _iri_nt(iri: str) -> str:
    if _BAD_IRI_CHARS.isdisjoint(iri):
        return f"<{iri}>"
    return "<" + "".join(f"\\u{ord(c):04X}" if c in _BAD_IRI_CHARS else c for c in iri) + ">"


class _Writer:
    """rdflib terms -> N-Triples text, caching IRIs (a graph repeats few of them)."""

    def __init__(self, *, blank_nodes: bool = False) -> None:
        self._iris: dict[str, str] = {}
        self._blank_nodes = blank_nodes

    def term(self, term: Node) -> str:
        kind = type(term)
        if kind is URIRef or (kind is not Literal and isinstance(term, URIRef)):
            key = str(term)
            text = self._iris.get(key)
            if text is None:
                text = self._iris[key] = _iri_nt(key)
            return text
        if kind is Literal or isinstance(term, Literal):
            lexical = str(term)
            if '"' in lexical or "\\" in lexical or "\n" in lexical or "\r" in lexical:
                lexical = lexical.translate(_LITERAL_ESCAPES)
            if term.language:  # type: ignore[attr-defined]
                return f'"{lexical}"@{term.language}'  # type: ignore[attr-defined]
            datatype = term.datatype  # type: ignore[attr-defined]
            if datatype is None or datatype == _XSD_STRING:
                return f'"{lexical}"'
            return f'"{lexical}"^^{self.term(datatype)}'
        if isinstance(term, BNode):
            if not self._blank_nodes:
                raise BlankNodesInGraph
            return f"_:{term}"
        raise InputError(f"cannot write RDF term {term!r}: only IRIs, literals and blank nodes")

    def graph(self, graph: Any) -> str:
        graph = getattr(graph, "identifier", graph)
        if graph is None or graph == DATASET_DEFAULT_GRAPH_ID:
            return ""
        return self.term(graph)


def rows_of(source: Source) -> Iterator[Any]:
    """The statements of any source: rdflib quads or triples, or Oxigraph quads."""
    if isinstance(source, ox.Store):
        yield from source
    elif isinstance(source, Graph) and hasattr(source, "contexts"):
        yield from source.quads((None, None, None, None))
    else:
        yield from source


def _canonical_blank_nodes(rows: list[Any]) -> list[tuple[Node, ...]]:
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
            g.add(row[:3])
        out += [(s, p, o, graph) for s, p, o in to_canonical_graph(g)]  # type: ignore[misc]
    return out


def _statements_from_rdflib(rows: list[Any], *, blank_nodes: bool) -> set[tuple[str, str]]:
    write = _Writer(blank_nodes=blank_nodes)
    term = write.term
    out: set[tuple[str, str]] = set()
    for row in rows:
        graph = write.graph(row[3]) if len(row) > 3 else ""
        out.add((graph, f"{term(row[0])} {term(row[1])} {term(row[2])}"))
    return out


def _statements_from_oxigraph(rows: list[Any]) -> set[tuple[str, str]]:
    """Oxigraph's own N-Triples writer does the term encoding, graph by graph."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for row in rows:
        if isinstance(row, ox.Triple):
            by_graph.setdefault("", []).append(row)
        else:
            name = row.graph_name
            key = "" if isinstance(name, ox.DefaultGraph) else str(name)
            by_graph.setdefault(key, []).append(row.triple)
    out: set[tuple[str, str]] = set()
    for graph, triples in by_graph.items():
        text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        out.update((graph, line[:-2]) for line in text.split("\n") if line)
    return out


def _statements_from_store(store: ox.Store) -> set[tuple[str, str]]:
    """Oxigraph dumps each graph itself: no statement crosses into Python as an object.

    kg's store keeps its default graph as the merge of the article graphs, so a default-graph
    statement that some named graph holds is not repeated; one found only there is kept.
    """
    out: set[tuple[str, str]] = set()
    for graph in store.named_graphs():
        key = str(graph)
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
        out.update((key, line[:-2]) for line in text.split("\n") if line)
    named = {t for _, t in out}
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    out.update(("", line[:-2]) for line in text.split("\n") if line and line[:-2] not in named)
    return out


def _statements(source: Source) -> set[tuple[str, str]]:
    """(graph, "s p o") in N-Triples syntax for every statement; graph "" is the default."""
    if isinstance(source, ox.Store):
        statements = _statements_from_store(source)
        if not any("_:" in t for _, t in statements):
            return statements
    rows = list(rows_of(source))
    if rows and isinstance(rows[0], (ox.Quad, ox.Triple)):
        statements = _statements_from_oxigraph(rows)
        if not any("_:" in t for _, t in statements):
            return statements
        rows = from_oxigraph(
            r if isinstance(r, ox.Quad) else ox.Quad(r.subject, r.predicate, r.object) for r in rows
        )
    try:
        return _statements_from_rdflib(rows, blank_nodes=False)
    except BlankNodesInGraph:
        return _statements_from_rdflib(_canonical_blank_nodes(rows), blank_nodes=True)


def _nquads(source: Source, *, merge_graphs: bool) -> bytes:
    """Sorted, duplicate-free N-Quads of ``source`` (N-Triples of all graphs merged).

    Sorted by graph, then by the statement's text: each graph's, subject's and predicate's
    statements stay together, which is what the Turtle and TriG writers group by.
    """
    statements = _statements(source)
    if merge_graphs:
        return "".join(f"{t} .\n" for t in sorted({t for _, t in statements})).encode("utf-8")
    return "".join(f"{t} {g} .\n" if g else f"{t} .\n" for g, t in sorted(statements)).encode("utf-8")


def _nquads_both(source: Source) -> tuple[bytes, bytes]:
    """``_nquads`` merged and per graph from one sort of the statement texts.

    Each graph's statements come out of the sorted texts in order, so sorting the (graph,
    text) pairs again is not needed; the bytes are those of the two separate calls.
    """
    graphs_of: dict[str, list[str]] = {}
    for graph, text in _statements(source):
        graphs_of.setdefault(text, []).append(graph)
    texts = sorted(graphs_of)
    per_graph: dict[str, list[str]] = {graph: [] for graph in sorted({g for gs in graphs_of.values() for g in gs})}
    for text in texts:
        for graph in graphs_of[text]:
            per_graph[graph].append(text)
    merged = "".join(f"{t} .\n" for t in texts).encode("utf-8")
    quads = "".join(
        "".join(f"{t} {graph} .\n" for t in members) if graph else "".join(f"{t} .\n" for t in members)
        for graph, members in per_graph.items()
    ).encode("utf-8")
    return merged, quads


def to_oxigraph(source: Source) -> list[ox.Quad]:
    """Every statement of ``source`` as Oxigraph quads, duplicates removed, sorted canonically."""
    return list(ox.parse(_nquads(source, merge_graphs=False), format=ox.RdfFormat.N_QUADS))


def sorted_prefix_header(data: bytes) -> bytes:
    """Prefix lines in PREFIXES order, whatever order the serializer chose."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    order = {name: i for i, name in enumerate(PREFIXES)}
    head = sorted(lines[:n], key=lambda line: order.get(line[8:].split(b":", 1)[0].decode(), 99))
    return b"\n".join(head + lines[n:])


def _jsonld(quads: Iterable[ox.Quad]) -> bytes:
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
    _check_format(format)
    return _from_nquads(_nquads(source, merge_graphs=format not in QUAD_FORMATS), format)


def serialize_many(source: Source, formats: Iterable[str]) -> dict[str, bytes]:
    """The graph in several formats, its statements read and sorted once for all of them."""
    wanted = list(dict.fromkeys(formats))
    for format in wanted:
        _check_format(format)
    merged, quads = _nquads_both(source)
    return {f: _from_nquads(quads if f in QUAD_FORMATS else merged, f) for f in wanted}


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise InputError(f"unknown RDF format {format!r}: use one of {', '.join(FORMATS)}")


def _from_nquads(data: bytes, format: str) -> bytes:
    """Sorted N-Quads (or N-Triples for the triple formats) -> bytes in ``format``."""
    merge = format not in QUAD_FORMATS
    syntax = ox.RdfFormat.N_TRIPLES if merge else ox.RdfFormat.N_QUADS
    if format == "jsonld":
        return _jsonld(ox.parse(data, format=syntax))
    prefixes = PREFIXES if format in ("ttl", "trig") else None
    out = ox.serialize(ox.parse(data, format=syntax), format=OX_FORMATS[format], prefixes=prefixes)
    return sorted_prefix_header(out) if prefixes else out


def format_for(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"cannot tell the RDF format of {path}: give format= or use one of {', '.join(SUFFIXES)}")
    return SUFFIXES[suffix]


def current_umask() -> int:
    """The process umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private; an export gets the permissions of any new file.
        os.chmod(tmp, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write(source: Source, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Serialize ``source`` to ``path`` atomically; the format defaults to the file suffix."""
    return write_many(source, {path: format})[0]


def write_many(source: Source, paths: dict[str | os.PathLike[str], str | None], *,
               run_size: int | None = None) -> list[Path]:
    """Write ``source`` to every path (format or None for the suffix's), sorting it only once.

    An Oxigraph store is written in bounded memory (sorted runs of ``run_size`` statements
    spilled beside the first path, then merged), with the same bytes as :func:`serialize`.
    """
    formats = {Path(path): fmt or format_for(path) for path, fmt in paths.items()}
    for fmt in formats.values():
        _check_format(fmt)
    if isinstance(source, ox.Store) and formats:
        from kg.rdf.streaming import STREAM_FORMATS, write_store_files

        if STREAM_FORMATS.issuperset(formats.values()):
            try:
                return write_store_files(source, formats, **({"run_size": run_size} if run_size else {}))
            except BlankNodesInGraph:
                pass  # blank node labels are made canonical in memory, below
    data = serialize_many(source, formats.values())
    return [write_atomic(path, data[fmt]) for path, fmt in formats.items()]


def write_quads(source: Source, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Same as :func:`write` (the name calling code reads best with)."""
    return write(source, path, format=format)


def triples_to_text(triples: Iterable[tuple[Node, Node, Node]], *, format: str = "ttl") -> str:
    """Triples (a CONSTRUCT result, say) as deterministic Turtle text."""
    return serialize([(s, p, o) for s, p, o in triples], format=format).decode("utf-8")
