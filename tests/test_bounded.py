"""A function run in a child process within a time and a memory bound (kg.bounded), and kg query's use of it."""

from __future__ import annotations

import time

import pytest

import kg.build
from kg.bounded import Bounds, OverMemory, OverTime, run_bounded
from kg.build import build
from kg.errors import QueryError
from kg.query import run_query
from test_build import fake_extract, write_corpus

GIB = 1 << 30


def sleep_then(value: int) -> int:
    time.sleep(60)
    return value


def allocate(gib: int) -> int:
    return len(bytearray(gib * GIB))


def fail() -> None:
    raise QueryError("no such thing")


def test_a_result_comes_back():
    assert run_bounded(divmod, 7, 2, bounds=Bounds(seconds=60, memory_mib=2048)) == (3, 1)


def test_past_the_deadline_the_child_is_stopped():
    started = time.monotonic()
    with pytest.raises(OverTime):
        run_bounded(sleep_then, 1, bounds=Bounds(seconds=0.5))
    assert time.monotonic() - started < 50  # stopped long before the function's own end


def test_past_the_memory_bound_the_child_is_stopped():
    with pytest.raises(OverMemory):
        run_bounded(allocate, 4, bounds=Bounds(seconds=60, memory_mib=2048))


def test_the_childs_errors_pass_through():
    with pytest.raises(QueryError, match="no such thing"):
        run_bounded(fail, bounds=Bounds(seconds=60))


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
