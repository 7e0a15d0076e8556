"""The whole-corpus run's ``kg validate`` step, on a store small enough for a test."""

from __future__ import annotations

from bench.speed.scale_run import run_validate
from kg.store import open_store
from kg.vocab.iri import graph_iri
from kg.vocab.namespaces import KG
from kg.workspace import store_path


def test_validate_runs_as_a_user_runs_it_and_reports_what_does_not_conform(tmp_path):
    out = tmp_path / "out"
    with open_store("oxigraph", path=store_path(out)) as store:  # an article with nothing said of it
        store.update(f"INSERT DATA {{ GRAPH {graph_iri('bare').n3()} {{ <https://example.org/bare> a {KG.Article.n3()} }} }}")
    result = run_validate(out, runs=2)
    assert result["runs"] == 2 and result["seconds"] > 0 and result["cpu_seconds"] > 0
    assert not result["conforms"] and result["violations"] >= 1
