"""kg's prefixes in queries and tables, and short syntax errors."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.vocab.prefixes import added_lines, declared, shorten, short_syntax_error, with_prefixes


@pytest.mark.parametrize(("iri", "short"), [
    ("https://w3id.org/kg-news/id/person/ana-ruiz", "person:ana-ruiz"),
    ("https://w3id.org/kg-news/id/place/Q114", "place:Q114"),
    ("https://w3id.org/kg-news/ontology#Official", "kg:Official"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"),
    ("http://www.w3.org/2004/02/skos/core#prefLabel", "skos:prefLabel"),
    ("https://w3id.org/kg-news/id/person/a.", "https://w3id.org/kg-news/id/person/a."),  # trailing dot
    ("https://w3id.org/kg-news/id/person/a%20b", "https://w3id.org/kg-news/id/person/a%20b"),
    ("http://example.org/x", "http://example.org/x"),
])
def test_shorten(iri, short):
    assert shorten(iri) == short


def test_every_short_name_parses_back_to_its_iri():
    store = ox.Store()
    for iri in ("https://w3id.org/kg-news/id/person/ana-ruiz", "https://w3id.org/kg-news/id/organization/Q458",
                "https://w3id.org/kg-news/id/product/crude-oil_2"):
        short = shorten(iri)
        result = store.query(with_prefixes(f"SELECT ?x WHERE {{ BIND({short} AS ?x) }}"))
        assert [row[0].value for row in result] == [iri]


def test_declared_prefixes_are_left_to_the_query():
    text = "PREFIX kg: <http://example.org/mine#>\nSELECT * WHERE { ?s a kg:Thing }"
    prefixed = with_prefixes(text)
    assert "kg" in declared(text) and "<http://example.org/mine#>" in prefixed
    assert "PREFIX kg: <https" not in prefixed and "PREFIX skos:" in prefixed
    assert added_lines(text, prefixed) == 1 and prefixed.endswith(text)


def test_an_undeclared_prefix_is_named_with_its_line_and_column():
    text = "SELECT ?s WHERE {\n  ?s foo:bar ?o }"
    try:
        ox.Store().query(with_prefixes(text))
    except SyntaxError as error:
        message = short_syntax_error(str(error), text, line_offset=added_lines(text, with_prefixes(text)))
    assert message is not None and message.startswith("SPARQL syntax error at line 2, column")
    assert "foo:" in message and "not declared" in message and "u{" not in message


def test_a_long_list_of_expectations_is_cut():
    message = short_syntax_error("error at 3:11: expected one of " + ", ".join(f"T{i}" for i in range(40)),
                                 "a\nb\n FILTER( }", line_offset=0)
    assert "T7" in message and "T8" not in message and "(and 32 more)" in message
    assert message.splitlines()[1:] == ["   FILTER( }", "  " + " " * 10 + "^"]
    assert short_syntax_error("no position here", "x") is None
