"""Query workers: answers in the format asked, errors by kind, a runaway query stopped."""

from __future__ import annotations

import time

import pytest
from graph_sample import build_sample

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.serve.workers import Job, NotAcceptableError, WorkerPool


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    output = build_sample(tmp_path_factory.mktemp("workers"))
    with WorkerPool(output / "store", size=1, timeout=2) as pool:
        yield pool


def test_answers_in_the_negotiated_format(pool):
    answer = pool.run(Job("SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#Post> }", accept="text/csv"))
    assert answer.content_type == "text/csv; charset=utf-8"
    assert answer.body.decode().splitlines()[0] == "s" and len(answer.body.decode().splitlines()) == 2
    graph = pool.run(Job("CONSTRUCT WHERE { ?s a <http://www.w3.org/ns/org#Post> }"))
    assert graph.content_type.startswith("text/turtle")


def test_errors_by_kind(pool):
    with pytest.raises(QueryError, match="syntax"):
        pool.run(Job("SELEKT"))
    with pytest.raises(NotAcceptableError):
        pool.run(Job("ASK {}", accept="image/png"))


def test_a_runaway_query_is_stopped_and_a_fresh_worker_takes_over(pool):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 2 s"):
        pool.run(Job("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"))
    assert time.monotonic() - started < 20
    answer = pool.run(Job("ASK { ?s ?p ?o }", accept="application/sparql-results+json"))
    assert b'"boolean":true' in answer.body.replace(b" ", b"")


def test_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="read-only"):
        WorkerPool(tmp_path / "nothing", size=1, timeout=1)
