"""Content negotiation of kg serve: which format each client gets."""

from __future__ import annotations

import pytest

from kg.serve.formats import NotAcceptable, choose


@pytest.mark.parametrize("kind, accept, fmt, expected", [
    ("select", None, None, "application/sparql-results+json"),
    ("select", "*/*", None, "application/sparql-results+json"),
    ("select", "text/csv;q=0.5, text/tab-separated-values", None, "text/tab-separated-values"),
    ("select", "application/sparql-results+json,application/json,text/javascript", None, "application/sparql-results+json"),
    ("select", "text/*", None, "text/csv"),
    ("select", "text/html, */*;q=0.1", None, "application/sparql-results+json"),
    ("graph", None, None, "text/turtle"),
    ("graph", "application/sparql-results+xml, application/rdf+xml", None, "application/rdf+xml"),
    ("graph", "application/n-triples;q=0.9, text/turtle;q=0.8", None, "application/n-triples"),
    # SPARQLWrapper's format parameter names the results format for every query form.
    ("graph", "*/*", "xml", "application/rdf+xml"),
    ("graph", "*/*", "json", "application/ld+json"),
    ("select", "text/turtle", "csv", "text/csv"),
])
def test_choose(kind, accept, fmt, expected):
    assert choose(kind, accept, format=fmt) == expected


@pytest.mark.parametrize("kind, accept, fmt", [
    ("select", "text/turtle", None),
    ("graph", "text/csv", None),
    ("select", "*/*;q=0", None),
    ("select", None, "turtle"),
])
def test_nothing_acceptable(kind, accept, fmt):
    with pytest.raises(NotAcceptable):
        choose(kind, accept, format=fmt)
