"""The Store API, run against every backend: embedded Oxigraph, rdflib memory, Oxigraph server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest_store import EX, article, oxigraph_server  # noqa: F401  (fixture)
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.errors import QueryError, StoreError
from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import KG
from kg.store import MemoryStore, OxigraphStore, RemoteStore, Store, open_store


@pytest.fixture(params=["oxigraph", "memory", "remote"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    if request.param == "remote":
        url = request.getfixturevalue("oxigraph_server")
        opened = open_store(url)
        opened.update("DROP ALL")  # the server is shared by the session's tests
    else:
        opened = open_store(request.param, path=tmp_path / "store")
    with opened:
        yield opened


def dataset_of(quads) -> Dataset:
    dataset = Dataset()
    for s, p, o, g in quads:
        dataset.add((s, p, o, g))
    return dataset


def same_quads(store: Store, expected: list[tuple]) -> bool:
    """Quads equal up to blank node labels, graph by graph."""
    got = dataset_of(store.quads())
    want = dataset_of(expected)
    names = {g.identifier for g in got.graphs()} | {g.identifier for g in want.graphs()}
    return all(isomorphic(got.graph(n), want.graph(n)) for n in names)


def test_open_store_picks_backend_by_name(store: Store) -> None:
    assert isinstance(store, (OxigraphStore, MemoryStore, RemoteStore))
    assert isinstance(store, Store)
    assert len(store) == 0
    assert store.article_ids() == []


def test_replace_is_idempotent(store: Store) -> None:
    quads = article("a-1")
    store.replace_article("a-1", quads)
    first = len(store)
    store.replace_article("a-1", quads)
    assert len(store) == first == len(quads)
    assert same_quads(store, quads)
    assert store.article_ids() == ["a-1"]


def test_changed_article_replaces_its_graph(store: Store) -> None:
    store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
    changed = article("a-1", version=2, facts=2)
    store.replace_article("a-1", changed)
    assert store.article_hash("a-1") == "hash-a-1-v2"
    assert store.article_hash("a-2") == "hash-a-2-v1"
    assert same_quads(store, changed + article("a-2"))
    labels = store.query(
        f"SELECT ?label WHERE {{ GRAPH <{graph_iri('a-1')}> {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }} }}"
    )
    assert sorted(str(row[0]) for row in labels) == ["Someone 0 v2", "Someone 1 v2"]


def test_remove_takes_one_article_out(store: Store) -> None:
    store.replace_articles([(f"a-{i}", article(f"a-{i}")) for i in range(3)])
    assert store.remove_article("a-1") is True
    assert store.remove_article("a-1") is False
    assert store.remove_article("never-there") is False
    assert store.article_ids() == ["a-0", "a-2"]
    assert store.article_hash("a-1") is None
    assert same_quads(store, article("a-0") + article("a-2"))


def test_hashes_read_back(store: Store) -> None:
    ids = ["plain", "with space/and?odd#chars", "ünïcode-id"]
    store.replace_articles([(i, article(i, bnode=False)) for i in ids])
    assert {i: store.article_hash(i) for i in ids} == {i: f"hash-{i}-v1" for i in ids}
    assert store.article_hash("unknown") is None
    assert store.article_ids() == sorted(ids)


def test_select_returns_the_right_rows(store: Store) -> None:
    store.replace_articles([("a-1", article("a-1", facts=3)), ("a-2", article("a-2", facts=2))])
    # No GRAPH clause: the default graph is the union of the article graphs.
    result = store.query(
        f"SELECT ?article (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{EX}mentionedIn> ?article }} "
        "GROUP BY ?article ORDER BY ?article"
    )
    assert result.kind == "select"
    assert result.vars == ["article", "n"]
    assert [(row[0], int(row[1])) for row in result.rows] == [
        (article_iri("a-1"), 3),
        (article_iri("a-2"), 2),
    ]
    assert result.bindings()[0]["article"] == article_iri("a-1")


def test_select_keeps_term_kinds_and_unbound(store: Store) -> None:
    store.replace_article("a-1", article("a-1", facts=1))
    result = store.query(
        f"SELECT ?label ?rank ?missing WHERE {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label ; "
        f"<{EX}rank> ?rank OPTIONAL {{ ?e <{EX}nothing> ?missing }} }}"
    )
    (label, rank, missing), = result.rows
    assert label == Literal("Someone 0 v1", lang="en")
    assert rank.toPython() == 0 and isinstance(rank, Literal)
    assert missing is None


def test_ask_and_construct(store: Store) -> None:
    store.replace_article("a-1", article("a-1"))
    assert bool(store.query(f"ASK {{ <{article_iri('a-1')}> a <{KG.Article}> }}")) is True
    assert bool(store.query(f"ASK {{ <{article_iri('zzz')}> a <{KG.Article}> }}")) is False
    built = store.query(f"CONSTRUCT {{ ?a <{EX}hash> ?h }} WHERE {{ ?a <{KG.contentHash}> ?h }}")
    assert built.kind == "graph"
    assert set(built.graph()) == {(article_iri("a-1"), URIRef(EX + "hash"), Literal("hash-a-1-v1"))}


def test_bad_sparql_raises_query_error(store: Store) -> None:
    with pytest.raises(QueryError) as error:
        store.query("SELECT ?x WHERE { ?x ?y }")
    assert str(error.value)


def test_quad_outside_the_article_graph_is_refused(store: Store) -> None:
    stray = (article_iri("a-1"), RDF.type, URIRef(KG.Article), graph_iri("other"))
    with pytest.raises(StoreError, match="a-1"):
        store.replace_article("a-1", [stray])
    assert len(store) == 0


def test_triples_go_to_the_article_graph(store: Store) -> None:
    store.replace_article("a-1", [(s, p, o) for s, p, o, _ in article("a-1")])
    assert store.article_hash("a-1") == "hash-a-1-v1"
    assert {g for *_, g in store.quads()} == {graph_iri("a-1")}


def test_batch_mixing_new_and_present_articles(store: Store) -> None:
    store.replace_articles([("a-1", article("a-1"))])
    store.replace_articles([("a-1", article("a-1", version=3)), ("a-2", article("a-2"))])
    assert store.article_hash("a-1") == "hash-a-1-v3"
    assert same_quads(store, article("a-1", version=3) + article("a-2"))


def count(store: Store, pattern: str) -> int:
    return int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows[0][0])


def test_default_graph_is_the_merge_of_article_graphs(store: Store) -> None:
    # Both articles state the same five people; the default graph holds each triple once.
    pattern = "?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label"
    store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
    assert count(store, pattern) == 5
    assert count(store, f"GRAPH ?g {{ {pattern} }}") == 10
    store.remove_article("a-1")
    assert count(store, pattern) == 5  # still stated by a-2
    assert count(store, f"?a a <{KG.Article}>") == 1
    store.replace_article("a-2", article("a-2", version=2, facts=2))
    labels = store.query(f"SELECT ?label WHERE {{ {pattern} }} ORDER BY ?label")
    assert [str(row[0]) for row in labels] == ["Someone 0 v2", "Someone 1 v2"]
    store.remove_article("a-2")
    assert count(store, "?s ?p ?o") == 0
    assert len(store) == 0
