"""A graph's statements sorted once, for every writer: :class:`SortedDump`, and the way to
make one in memory from any source.

Every writer reads the same thing: the statements in N-Triples syntax, sorted by their
text and without duplicates, either all graphs merged (what ttl and nt show) or graph by
graph (trig, nq, jsonld). Sorting by the text keeps each subject's and predicate's
statements together, which is what the Turtle and TriG writers group by, and makes the
output byte-identical whatever order the statements came in. A store may make the dump
its own way (Oxigraph spills sorted runs to disk); :func:`sorted_dump_of` makes it in
memory from rdflib terms or Oxigraph terms, for every other source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import InputError
from kg.vocab.namespaces import XSD

Source = Any  # rdflib Graph/Dataset, pyoxigraph Store, or an iterable of quads or triples
Part = bytes | Path  # sorted statement lines, in memory or in a file

_XSD_STRING = str(XSD.string)
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BAD_IRI_CHARS = frozenset('<>"{}|^`\\ ') | {chr(i) for i in range(0x20)}


def escaped_lexical(lexical: str) -> str:
    """A literal's lexical form as N-Triples writes it between its quotes; most texts hold
    nothing to escape, so the translation runs only on those that do."""
    if '"' in lexical or "\\" in lexical or "\n" in lexical or "\r" in lexical:
        return lexical.translate(_LITERAL_ESCAPES)
    return lexical


class BlankNodesInGraph(Exception):
    """The input has blank nodes: their labels must be made canonical first."""


@dataclass(frozen=True)
class SortedDump:
    """A graph's statements, sorted and without duplicates, as N-Triples / N-Quads lines.

    ``triples``: every graph merged. ``quads``: the default graph's own statements, then each
    named graph's, graphs in order of their N-Triples form; None when it was not asked for.
    Each is a sequence of parts read in turn: bytes in memory or files on disk. ``checked``:
    every line is Oxigraph's own writing (its dumps), so reading it back skips the validation
    of IRIs and language tags that Oxigraph already did (a third of the parse).
    """

    triples: Sequence[Part]
    quads: Sequence[Part] | None = None
    checked: bool = False

    def statements(self, *, graphs: bool) -> Iterator[Any]:
        """Oxigraph triples of the merge, or quads graph by graph, in the sorted order."""
        if graphs and self.quads is None:
            raise ValueError("this dump holds the merged triples only; ask for one with graphs=True")
        parts = self.quads if graphs else self.triples
        syntax = ox.RdfFormat.N_QUADS if graphs else ox.RdfFormat.N_TRIPLES
        # The parsers chained in C: a generator of ours between them and the writer cost a
        # Python step per statement.
        return chain.from_iterable(
            ox.parse(path=str(part), format=syntax, lenient=self.checked) if isinstance(part, Path)
            else ox.parse(part, format=syntax, lenient=self.checked)
            for part in parts or ())


class InMemory:
    """Any source (rdflib graph or dataset, quads, triples, an Oxigraph store) seen as a graph
    to write: its quads, and its statements sorted in memory."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def quads(self) -> Iterator[Any]:
        return rows_of(self.source)

    @contextmanager
    def sorted_dump(self, *, graphs: bool = True, scratch: Path | None = None) -> Iterator[SortedDump]:
        yield sorted_dump_of(self.source, graphs=graphs)


def sorted_dump_of(source: Source, *, graphs: bool = True) -> SortedDump:
    """The statements of ``source`` sorted in memory (see :class:`SortedDump`)."""
    statements = _statements(source)
    if not graphs:
        return SortedDump(("".join(f"{t} .\n" for t in sorted({t for _, t in statements})).encode("utf-8"),))
    # One sort of the texts serves both: each graph's statements come out of it in order.
    graphs_of: dict[str, list[str]] = {}
    for graph, text in statements:
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
    return SortedDump((merged,), (quads,))


def rows_of(source: Source) -> Iterator[Any]:
    """The statements of any source: rdflib quads or triples, or Oxigraph quads."""
    if isinstance(source, ox.Store):
        yield from source
    elif isinstance(source, Graph) and hasattr(source, "contexts"):
        yield from source.quads((None, None, None, None))
    else:
        yield from source


def to_oxigraph(source: Source) -> list[ox.Quad]:
    """Every statement of ``source`` as Oxigraph quads, duplicates removed, sorted canonically."""
    return list(sorted_dump_of(source).statements(graphs=True))


def from_oxigraph(quads: Iterable[ox.Quad]) -> list[tuple[Node, Node, Node, Node]]:
    """Oxigraph quads -> rdflib quads (default graph as rdflib's DATASET_DEFAULT_GRAPH_ID)."""
    return [_from_oxigraph(q) for q in quads]


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
            lexical = escaped_lexical(str(term))
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


def _canonical_blank_nodes(rows: list[Any]) -> list[tuple[Node, ...]]:
    """Relabel blank nodes by graph content (rdflib's canonical labelling), graph by graph."""
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
    """(graph, "s p o") in N-Triples syntax for every statement; graph "" is the default.

    Oxigraph terms are written by Oxigraph, rdflib terms by :class:`_Writer`; blank nodes
    send the statements through rdflib's canonical labelling, so their labels are stable.
    """
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


def _from_oxigraph_term(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"cannot convert RDF term {term!r}")


def _from_oxigraph(quad: ox.Quad) -> tuple[Node, Node, Node, Node]:
    graph = quad.graph_name
    g: Node = DATASET_DEFAULT_GRAPH_ID if isinstance(graph, ox.DefaultGraph) else _from_oxigraph_term(graph)
    return (_from_oxigraph_term(quad.subject), _from_oxigraph_term(quad.predicate),
            _from_oxigraph_term(quad.object), g)
