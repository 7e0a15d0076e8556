"""Term conversion between rdflib and pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.store.terms import from_ox, from_sparql_json, nt, to_ox

TERMS = [
    URIRef("https://w3id.org/kg-news/id/person/jane-doe"),
    BNode("b0"),
    Literal("plain"),
    Literal("Ministère", lang="fr"),
    Literal("42", datatype=XSD.integer),
    Literal("2024-03-01", datatype=XSD.date),
    Literal('a "quote"\nnew line \\ backslash'),
]


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_round_trip(term) -> None:
    back = from_ox(to_ox(term))
    assert back == term and type(back) is type(term)


def test_xsd_string_reads_back_as_plain_literal() -> None:
    assert from_ox(ox.Literal("x", datatype=ox.NamedNode(str(XSD.string)))) == Literal("x")
    assert from_sparql_json({"type": "literal", "value": "x", "datatype": str(XSD.string)}) == Literal("x")


def test_nt_syntax_escapes() -> None:
    assert nt(URIRef("http://e/x")) == "<http://e/x>"
    assert nt(Literal('a "b"\n', lang="en")) == '"a \\"b\\"\\n"@en'


def test_sparql_json_terms() -> None:
    assert from_sparql_json({"type": "uri", "value": "http://e/x"}) == URIRef("http://e/x")
    assert from_sparql_json({"type": "literal", "value": "x", "xml:lang": "en"}) == Literal("x", lang="en")
    assert from_sparql_json({"type": "typed-literal", "value": "1", "datatype": str(XSD.integer)}) == Literal(1)
    assert isinstance(from_sparql_json({"type": "bnode", "value": "b1"}), BNode)


def test_to_ox_quads_converts_like_to_ox_with_its_iri_cache():
    import pyoxigraph as ox
    from rdflib import Literal as Lit, URIRef as IRI
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.errors import StoreError
    from kg.store.terms import to_ox, to_ox_graph, to_ox_quads

    g, s, p = IRI("https://example.org/g"), IRI("https://example.org/s"), IRI("https://example.org/p")
    quads = [(s, p, Lit("x"), g), (s, p, Lit("1", datatype=IRI("http://www.w3.org/2001/XMLSchema#integer")), g),
             (s, p, s, DATASET_DEFAULT_GRAPH_ID), (s, p, Lit("y", lang="fr"), IRI(str(g)))]
    expected = [ox.Quad(to_ox(a), to_ox(b), to_ox(c), to_ox_graph(d)) for a, b, c, d in quads]
    assert to_ox_quads("a", quads) == expected
    assert to_ox_quads("a", quads) == expected  # the second time from the cache
    both = to_ox_quads("a", quads, also_default=True)  # each quad, then its triple in the default graph
    assert both[0::2] == expected
    assert both[1::2] == [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in expected]
    with pytest.raises(StoreError, match="'bad'"):
        to_ox_quads("bad", [(s, p, IRI("not an iri"), g)])


ODD_TERMS = [
    Literal('quote " backslash \\ newline \n return \r tab \t nul \x00 delete \x7f é 𝄞'),
    Literal("Ministère", lang="FR-be"),
    Literal("1.50", datatype=XSD.decimal),
    Literal("x", datatype=XSD.string),
    Literal("not a number", datatype=XSD.integer),
    URIRef("https://w3id.org/kg-news/id/place/são-paulo"),
]


@pytest.mark.parametrize("obj", ODD_TERMS, ids=repr)
def test_statement_texts_load_as_the_terms_to_ox_makes(obj) -> None:
    from kg.store.terms import StatementTexts

    s, p, g = URIRef("https://example.org/s"), URIRef("https://example.org/p"), URIRef("https://example.org/g")
    [line] = StatementTexts().lines("a", [(s, p, obj, g)])
    loaded = ox.Store()
    loaded.bulk_load(f"{line} <{g}> .\n{line} .\n".encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    made = ox.Store()
    made.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(obj), to_ox(g)), ox.Quad(to_ox(s), to_ox(p), to_ox(obj))])
    assert set(loaded) == set(made)
    assert loaded.dump(format=ox.RdfFormat.N_QUADS) == made.dump(format=ox.RdfFormat.N_QUADS)


def test_statement_texts_leave_blank_nodes_and_what_the_parser_refuses_to_terms() -> None:
    from rdflib.namespace import RDF

    from kg.errors import StoreError
    from kg.store.terms import NeedsTerms, StatementTexts

    s, p, g = URIRef("https://example.org/s"), URIRef("https://example.org/p"), URIRef("https://example.org/g")
    texts = StatementTexts()
    for obj in (BNode("b0"), Literal("x", datatype=RDF.langString)):
        with pytest.raises(NeedsTerms):
            texts.lines("a", [(s, p, obj, g)])
    with pytest.raises(StoreError, match="'bad'"):
        texts.lines("bad", [(s, p, URIRef("not an iri"), g)])
