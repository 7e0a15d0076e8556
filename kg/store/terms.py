"""Convert RDF terms between rdflib and pyoxigraph, and write them as SPARQL/N-Triples text.

The only module that knows both term models. ``xsd:string`` literals come back from Oxigraph
as plain rdflib literals: RDF 1.1 makes them the same term, and rdflib compares them as
different, so graphs read back must look like the graphs written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Union

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.errors import StoreError
from kg.rdf.statements import escaped_lexical

OxTerm = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]
Quad = tuple[Node, Node, Node, Node]

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_ox(term: Node) -> Any:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox_graph(graph: Node | None) -> Any:
    if graph is None or graph == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(graph)


def from_ox(term: Any) -> Node:
    """The rdflib term for a pyoxigraph term (named node, blank node or literal)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    raise TypeError(f"unsupported Oxigraph term: {term!r}")


def from_ox_quad(quad: ox.Quad) -> Quad:
    return (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), from_ox(quad.graph_name))


def graph_name(node: Any) -> Node | None:
    """A quad's graph as a term: rdflib yields either a term or a ``Graph`` there."""
    if type(node) is URIRef:  # the usual case, decided without isinstance's class walk
        return node
    if isinstance(node, Graph):
        return node.identifier
    return node


def article_quads(article_id: str, graph: URIRef, quads: Iterable[Any]) -> Iterator[Quad]:
    """Each quad of one article, placed in its graph; triples (3-tuples) are put there too.

    A quad in another graph would survive the next replace of this article, breaking
    idempotence, so it is refused rather than written.
    """
    for item in quads:
        if len(item) == 3:
            s, p, o = item
            g: Node | None = graph
        else:
            s, p, o, g = item
            if g is graph:  # the usual case, decided without comparing rdflib terms
                yield (s, p, o, g)
                continue
            g = graph_name(g)
            if g is None or g == DATASET_DEFAULT_GRAPH_ID:
                g = graph
        if g != graph:
            raise StoreError(
                f"article {article_id!r}: a quad is in graph <{g}>, not in the article's graph "
                f"<{graph}>; put every quad of an article in graph_iri(article_id)."
            )
        yield (s, p, o, g)


# IRIs repeat across quads and articles (predicates, classes, entities, the article's graph):
# each is converted once. Bounded so that a long build does not keep every IRI it has seen.
_IRI_CACHE: dict[str, ox.NamedNode] = {}
_IRI_CACHE_SIZE = 50_000


def _iri(key: str) -> ox.NamedNode:
    node = _IRI_CACHE.get(key)
    if node is None:
        if len(_IRI_CACHE) >= _IRI_CACHE_SIZE:
            _IRI_CACHE.clear()
        node = _IRI_CACHE[key] = ox.NamedNode(key)
    return node


def _to_ox_cached(term: Node) -> Any:
    kind = type(term)
    if kind is URIRef:
        # Keyed by the plain string: rdflib's term hash is computed in Python, str's is not.
        return _iri(str(term))
    if kind is Literal and not term.language and term.datatype is not None:
        # A typed literal's datatype is an IRI like any other: converted once.
        return ox.Literal(str(term), datatype=_iri(str(term.datatype)))
    return to_ox(term)


def to_ox_quads(article_id: str, quads: Iterable[Quad], *, also_default: bool = False) -> list[ox.Quad]:
    """The pyoxigraph quads of one article; ``also_default`` adds each triple to the default
    graph too, right after its quad (the terms are converted once for both)."""
    convert, make = _to_ox_cached, ox.Quad
    out: list[ox.Quad] = []
    last_graph: Any = object()
    ox_graph: Any = None
    last_subject: Any = object()
    subject: Any = None
    try:
        for s, p, o, g in quads:
            # An article's quads share one graph term, and runs of them one subject (a
            # mention's, a fact's): compare by identity before converting.
            if g is not last_graph:
                last_graph, ox_graph = g, to_ox_graph(g) if g is None or g == DATASET_DEFAULT_GRAPH_ID else convert(g)
            if s is not last_subject:
                last_subject, subject = s, convert(s)
            predicate, obj = convert(p), convert(o)
            out.append(make(subject, predicate, obj, ox_graph))
            if also_default:
                # Three terms make a quad in the default graph: pyoxigraph takes a
                # DefaultGraph argument only after failing to read it as an IRI and as a
                # blank node, which costs several times what making the quad does.
                out.append(make(subject, predicate, obj))
        return out
    except (TypeError, ValueError) as error:
        raise StoreError(f"article {article_id!r} has a term that is not valid RDF: {error}") from error


class NeedsTerms(Exception):
    """Statements that must go to Oxigraph as terms, not text: blank nodes (its loaders give
    them new labels), literals its parser refuses though its terms take them (a literal typed
    ``rdf:langString`` without a language), and subclasses of rdflib's terms."""


# Datatypes whose literals Oxigraph's parser accepts only with a language tag.
_LANGUAGE_DATATYPES = frozenset({_LANG_STRING, "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"})


class StatementTexts:
    """rdflib quads -> N-Triples statement lines ("s p o", no graph), which Oxigraph's parser
    reads back as the very terms ``to_ox`` makes. A store loads an article's statements from
    them without a pyoxigraph term or quad made per statement in Python (making a quad whose
    object is a literal costs ~3 µs: pyoxigraph tries the other kinds of term first).

    Every term is checked as ``to_ox`` checks it (each IRI and language tag once, by making its
    pyoxigraph term), so what these lines load cannot fail to parse. Terms of the last
    ``_CACHE_SIZE`` IRIs seen are kept, as ``to_ox_quads`` keeps its own.
    """

    _CACHE_SIZE = 50_000

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}
        self._languages: dict[str, str] = {}

    def lines(self, article_id: str, quads: Iterable[Quad]) -> list[str]:
        """The statements of one article's quads, in their order (raises :class:`NeedsTerms`)."""
        term = self.term
        try:
            return [f"{term(s)} {term(p)} {term(o)}" for s, p, o, _g in quads]
        except (TypeError, ValueError) as error:
            raise StoreError(f"article {article_id!r} has a term that is not valid RDF: {error}") from error

    def term(self, term: Node) -> str:
        kind = type(term)
        if kind is URIRef:
            return self.iri(str(term))
        if kind is Literal:
            lexical = escaped_lexical(str(term))
            if term.language:  # type: ignore[attr-defined]
                return f'"{lexical}"@{self._language(term.language)}'  # type: ignore[attr-defined]
            datatype = term.datatype  # type: ignore[attr-defined]
            if datatype is None:
                return f'"{lexical}"'
            if str(datatype) in _LANGUAGE_DATATYPES:
                raise NeedsTerms
            return f'"{lexical}"^^{self.iri(str(datatype))}'
        if isinstance(term, (BNode, URIRef, Literal)):  # blank nodes, and subclasses: left to to_ox
            raise NeedsTerms
        raise TypeError(f"not an RDF term: {term!r}")

    def iri(self, iri: str) -> str:
        """``<iri>``, once the IRI is known valid (``ValueError`` if not)."""
        text = self._iris.get(iri)
        if text is None:
            if len(self._iris) >= self._CACHE_SIZE:
                self._iris.clear()
            text = self._iris[iri] = str(ox.NamedNode(iri))
        return text

    def _language(self, tag: str) -> str:
        # As pyoxigraph writes it (lower case), once known valid.
        text = self._languages.get(tag)
        if text is None:
            text = self._languages[tag] = ox.Literal("", language=tag).language
        return text


def nt(term: Any) -> str:
    """N-Triples (and SPARQL) syntax of an rdflib or pyoxigraph term."""
    if not isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        term = to_ox(term)
    return str(term)


def from_sparql_json(binding: dict[str, str]) -> Node:
    """The rdflib term of one value in application/sparql-results+json."""
    kind = binding["type"]
    value = binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return Literal(value, lang=binding["xml:lang"])
        datatype = binding.get("datatype")
        if datatype and datatype not in (_XSD_STRING, _LANG_STRING):
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise StoreError(f"unsupported term type {kind!r} in a SPARQL JSON result")
