"""The remote SPARQL endpoint store: URL conventions, errors, and both write paths on a real server."""

from __future__ import annotations

import pytest
from conftest_store import article, oxigraph_server  # noqa: F401  (fixture)

from kg.errors import QueryError, StoreError
from kg.store import RemoteStore, open_store
from kg.store.remote import endpoints


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h:7878", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        ("http://h:7878/", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        ("http://h:7878/query", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        ("http://h:3030/ds/query", ("http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data")),
        ("http://h:3030/ds/sparql", ("http://h:3030/ds/sparql", "http://h:3030/ds/update", "http://h:3030/ds/data")),
        ("http://h:7200/repositories/kg", ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg", None)),
    ],
)
def test_endpoint_conventions(url: str, expected: tuple) -> None:
    assert endpoints(url) == expected


def test_separate_urls_override_the_guess() -> None:
    store = RemoteStore("http://h:7200/repositories/kg", update_url="http://h:7200/repositories/kg/statements",
                        gsp_url="http://h:7200/repositories/kg/rdf-graphs/service")
    assert store.update_url.endswith("/statements")
    assert store.gsp_url is not None and store.gsp_url.endswith("/service")


def test_unreachable_server_says_so() -> None:
    with open_store("http://127.0.0.1:9/query", timeout=2) as store:
        with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
            store.article_hash("a-1")


def test_update_only_path_and_query_url(oxigraph_server: str) -> None:  # noqa: F811
    with open_store(f"{oxigraph_server}/query") as store:
        store.update("DROP ALL")
        store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
        store.replace_articles([("a-1", article("a-1", version=2))])
        assert store.article_hash("a-1") == "hash-a-1-v2"
        assert len(store) == len(article("a-1", version=2)) + len(article("a-2"))
        with pytest.raises(QueryError):
            store.update("INSERT DATA { not sparql")


def test_load_graph_puts_a_non_article_graph(oxigraph_server: str) -> None:  # noqa: F811
    from rdflib import Literal, URIRef

    graph = "https://example.org/ontology-graph"
    triples = [(URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x"))]
    with open_store(oxigraph_server) as store:
        store.update("DROP ALL")
        store.load_graph(graph, triples)
        store.load_graph(graph, triples)  # PUT replaces, never appends
        rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows
        assert rows == ((Literal("x"),),)
        assert store.article_ids() == []
