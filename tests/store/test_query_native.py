"""`kg query` reads the embedded store in pyoxigraph's own terms (kg.store.query_native) and
prints them with kg.results: the text must be what rdflib's terms give, byte for byte."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.query import run_query
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.queries import named_queries
from kg.results import FORMATS, render, table_text, term_text
from kg.store import open_store, query_native
from kg.store.terms import from_ox, to_ox
from rdf_sample import sample_extraction, second_extraction

TERMS = [
    URIRef("https://example.org/a"),
    BNode("b1"),
    Literal("plain"),
    Literal('quote " and\nnew line'),
    Literal("colour", lang="en-gb"),
    Literal("2020-01-02", datatype=XSD.date),
    Literal("0.9", datatype=XSD.decimal),
    Literal("-0", datatype=XSD.decimal),
    Literal("1e3", datatype=XSD.decimal),  # not a decimal: rdflib rewrites it, Oxigraph keeps it
    Literal("007", datatype=XSD.integer),
    Literal("-0", datatype=XSD.integer),
    Literal("12", datatype=XSD.integer),
    Literal("0.5E0", datatype=XSD.double),
    Literal("true", datatype=XSD.boolean),
    Literal("x", datatype=URIRef("https://example.org/type")),
    URIRef("https://w3id.org/kg-news/id/person/someone"),
]


def _through_oxigraph(term):
    """The term as a query on an Oxigraph store gives it back (stored values are canonical)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"), to_ox(term)))
    return next(iter(store.query("SELECT ?o WHERE { ?s ?p ?o }")))[0]


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_a_pyoxigraph_term_prints_as_its_rdflib_term(term):
    native = _through_oxigraph(term)
    converted = from_ox(native)
    assert term_text(native) == term_text(converted)
    assert table_text(native) == table_text(converted)
    for format in FORMATS[1:]:  # csv, tsv, json
        assert render(["o"], [(native, None)], format=format) == render(["o"], [(converted, None)], format=format)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("native") / "store"
    extractions = [sample_extraction(), second_extraction()]
    with open_store("oxigraph", path=path) as store:
        store.replace_articles([(e.article.id, extraction_to_quads(e)) for e in extractions])
    return path


@pytest.mark.parametrize("name", sorted(named_queries()))
@pytest.mark.parametrize("format", [f for f in FORMATS if f != "table"])
def test_every_named_query_renders_the_same_from_native_rows(name, format, store_path):
    output = store_path.parent
    native = run_query(name, output=output, native=True)
    converted = run_query(name, output=output)
    assert native.vars == converted.vars and len(native) == len(converted)
    assert render(native.vars, native.rows, format=format) == render(converted.vars, converted.rows, format=format)


def test_ask_construct_and_errors_through_query_native(store_path):
    assert query_native(None, "ASK { ?s ?p ?o }", path=store_path).boolean is True
    graph = query_native(None, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", path=store_path)
    assert graph.kind == "graph" and len(graph) == 3 and all(isinstance(t[0], (URIRef, BNode)) for t in graph)
    with pytest.raises(Exception, match="syntax"):
        query_native(None, "SELECT nonsense", path=store_path)
    # The failed query let the store go: it opens again at once.
    with open_store("oxigraph", path=store_path) as store:
        assert len(store) > 0


@pytest.mark.parametrize("format", ["csv", "tsv", "json"])
def test_kg_query_to_text_imports_neither_rich_nor_rdflib(format, store_path):
    # The query runs in a forked child (kg.bounded): -X importtime shows both processes' imports.
    code = (
        "import sys\nfrom kg.cli import main\n"
        f"sys.argv = ['kg', 'query', 'entities', '--format', {format!r}, '--limit', '0', '-o', {str(store_path.parent)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith({"csv": "entity,label", "tsv": "?entity\t?label", "json": "{"}[format])
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "kg.store.oxigraph_read" in imported  # the child's imports are shown too
    # pydantic: typer 0.29 imports it for its options (pyproject.toml pins typer below it).
    unwanted = {m for m in imported if m.split(".")[0] in ("spacy", "rich", "rdflib", "oxrdflib", "pyshacl", "pydantic")}
    assert unwanted == set()
