"""The entity network read back from a store: nodes, weighted edges, statements, measures."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.rdf.network import annotated, entity_network, measure, network_graphml, pagerank_of
from kg.rdf.mapping import extraction_to_quads
from kg.store import open_store
from rdf_sample import sample_extraction, second_extraction

ID = "https://w3id.org/kg-news/id/"
RUIZ, BUREAU, MINISTRY = ID + "person/ana-ruiz", ID + "organization/bureau-of-port-safety", ID + "organization/ministry-of-transport"
FREEDONIA, VENTILATORS, PORT_ROYAL = ID + "place/Q999001", ID + "product/ventilators", ID + "place/port-royal"


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    spec = request.param
    with open_store(spec, path=tmp_path / "store") as graph_store:
        for extraction in (sample_extraction(), second_extraction()):
            graph_store.replace_article(extraction.article.id, extraction_to_quads(extraction))
        yield graph_store


def test_entities_are_nodes_with_label_type_and_articles(store):
    network = entity_network(store)
    assert sorted(network) == sorted([RUIZ, BUREAU, MINISTRY, FREEDONIA, VENTILATORS, PORT_ROYAL])
    assert network.nodes[RUIZ] == {"label": "Ana Ruiz", "type": "Official", "articles": 1, "statements": 1}
    assert network.nodes[FREEDONIA]["articles"] == 2 and network.nodes[FREEDONIA]["type"] == "Country"


def test_edges_join_co_mentioned_entities_weighted_by_articles_and_facts(store):
    network = entity_network(store)
    assert network.number_of_edges() == 15  # the six entities share the first article
    exports = network.edges[FREEDONIA, VENTILATORS]
    assert (exports["articles"], exports["facts"], exports["relations"], exports["weight"]) == (2, 2, "kg:exports", 4.0)
    post = network.edges[RUIZ, BUREAU]
    assert post["relations"] == "kg:holdsPostIn" and post["weight"] == 2.0
    assert network.edges[BUREAU, MINISTRY]["relations"] == "org:subOrganizationOf"
    plain = network.edges[RUIZ, VENTILATORS]
    assert (plain["facts"], plain["relations"], plain["weight"]) == (0, "", 1.0)


def test_statements_are_an_option(store):
    network = entity_network(store, statements=True)
    statements = [n for n, d in network.nodes(data=True) if d["type"] == "Statement"]
    assert len(statements) == 2
    quotes = {network.nodes[n]["label"] for n in statements}
    assert "Freedonia shipped 1.2 million ventilators last month" in quotes
    assert any(network.has_edge(RUIZ, n) and network.edges[RUIZ, n]["relations"] == "kg:said" for n in statements)
    assert set(measure(network)) == set(entity_network(store))  # statements are not measured


def test_measures_and_graphml(store):
    figures = measure(entity_network(store))
    assert {f["component"] for f in figures.values()} == {0}
    assert figures[FREEDONIA]["degree"] == 5
    assert max(figures, key=lambda n: figures[n]["pagerank"]) == FREEDONIA  # the heaviest edges
    graph = annotated(entity_network(store))
    back = nx.read_graphml(__import__("io").BytesIO(network_graphml(graph)))
    assert back.nodes[FREEDONIA]["label"] == "Freedonia" and "pagerank" in back.nodes[FREEDONIA]
    assert network_graphml(graph) == network_graphml(annotated(entity_network(store)))


def test_pagerank_is_the_fixed_point_of_weighted_pagerank():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=1.0)
    graph.add_edge("b", "c", weight=3.0)
    graph.add_edge("c", "a", weight=0.5)
    graph.add_node("d")  # no edges: spreads its rank evenly
    rank, n, d = pagerank_of(graph), 4, 0.85
    assert sum(rank.values()) == pytest.approx(1.0)
    strength = {v: graph.degree(v, weight="weight") for v in graph}
    for v in graph:
        inflow = sum(rank[u] * graph.edges[u, v]["weight"] / strength[u] for u in graph.neighbors(v))
        assert rank[v] == pytest.approx((1 - d) / n + d * rank["d"] / n + d * inflow, rel=1e-6)
    assert rank["b"] > rank["c"] > rank["a"] > rank["d"]  # by weighted degree here


def test_an_empty_store_has_an_empty_network(tmp_path):
    with open_store("memory") as empty:
        network = entity_network(empty)
        assert network.number_of_nodes() == 0 and measure(network) == {}


def test_betweenness_is_exact_on_small_graphs_and_sampled_on_large_ones(monkeypatch):
    import kg.rdf.network

    small = nx.path_graph(20)
    assert kg.rdf.network.betweenness_sources(small) is None
    monkeypatch.setattr(kg.rdf.network, "BETWEENNESS_BUDGET", 100)
    monkeypatch.setattr(kg.rdf.network, "BETWEENNESS_MIN_SOURCES", 4)
    assert kg.rdf.network.betweenness_sources(small) == 5  # 100 steps // 19 edges
    assert kg.rdf.network.betweenness_sources(nx.complete_graph(30)) == 4
    sampled = measure(nx.relabel_nodes(small, str))
    assert sampled == measure(nx.relabel_nodes(small, str))  # seeded: the same every run


def test_the_graphml_format_reads_quads_as_the_store_is_read(store):
    from kg.rdf.formats import get_format

    quads = extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
    assert get_format("graphml").to_bytes(quads) == network_graphml(annotated(entity_network(store)))
    with_statements = nx.read_graphml(__import__("io").BytesIO(get_format("graphml-statements").to_bytes(quads)))
    assert [d["type"] for _, d in with_statements.nodes(data=True)].count("Statement") == 2
