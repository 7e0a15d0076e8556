"""``kg.stats``: totals, counts by kind, rankings, components, communities, pairs."""

from __future__ import annotations

import json

import pytest

from kg.rdf.mapping import extraction_to_quads
from kg.stats import graph_stats, graph_totals, stats
from kg.store import open_store
from rdf_sample import sample_extraction, second_extraction


@pytest.fixture
def store():
    with open_store("memory") as graph_store:
        for extraction in (sample_extraction(), second_extraction()):
            graph_store.replace_article(extraction.article.id, extraction_to_quads(extraction))
        yield graph_store


def test_totals(store):
    totals = graph_totals(store)
    assert totals["articles"] == 2 and totals["entities"] == 6 and totals["facts"] == 10
    assert totals["triples"] == len(store) > 0


def test_counts_by_type_and_predicate(store):
    figures = graph_stats(store)
    assert figures["entities_by_type"] == {"Agency": 2, "Country": 1, "Official": 1, "Place": 1, "Product": 1}
    assert figures["facts_by_predicate"]["kg:exports"] == 2
    assert figures["facts_by_predicate"]["kg:said"] == 2
    assert list(figures["facts_by_predicate"])[:2] == ["kg:exports", "kg:said"]  # most first, then by name


def test_rankings_components_communities_and_pairs(store):
    figures = graph_stats(store, top=2)
    assert [row["label"] for row in figures["central"]["countries"]] == ["Freedonia"]
    assert [row["label"] for row in figures["central"]["officials"]] == ["Ana Ruiz"]
    agencies = figures["central"]["agencies"]
    assert len(agencies) == 2 and {row["type"] for row in agencies} == {"Agency"}
    assert figures["network"] | {"communities": 0} == {
        "nodes": 6, "edges": 15, "fact_edges": 6, "co_mention_edges": 15, "isolated": 0, "components": 1,
        "largest_component": 6, "communities": 0,
    }
    assert sum(c["size"] for c in figures["communities"]) == 6
    assert figures["appear_together"][0] == {"a": "Freedonia", "b": "ventilators", "articles": 2, "relations": "kg:exports"}
    json.dumps(figures)  # plain data throughout


def test_same_graph_same_figures(store):
    assert graph_stats(store) == graph_stats(store)


def test_stats_needs_a_built_graph(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="no graph at"):
        stats(output=tmp_path / "never")
