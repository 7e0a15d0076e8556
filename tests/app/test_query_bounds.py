"""kg query within a time and a memory bound (kg.query over kg.bounded)."""

from __future__ import annotations

import pytest

import kg.build
from kg.build import build
from kg.errors import QueryError
from kg.query import run_query
from test_build import fake_extract, write_corpus


@pytest.fixture
def graph(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build, "extract_stream", fake_extract)
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", {f"b{i}": f"Agency: Office {i}\nPerson: Official Number{i}\n"
                                          for i in range(3)})], output=out)
    return out


JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def test_a_runaway_query_is_stopped_at_its_deadline(graph):
    with pytest.raises(QueryError, match=r"longer than 0.5 s.*--timeout"):
        run_query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {JOIN[17:-1]} }}", output=graph, timeout=0.5)


def test_a_runaway_query_is_stopped_at_its_memory_bound(graph):
    with pytest.raises(QueryError, match=r"more than 1536 MiB.*--max-memory"):
        run_query(JOIN + " ORDER BY ?c ?f ?i ?l ?o", output=graph, timeout=120, max_memory=1536)


def test_a_bounded_query_gives_what_an_unbounded_one_gives(graph):
    query = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?s"
    assert run_query(query, output=graph, timeout=60, max_memory=2048) == run_query(query, output=graph)
