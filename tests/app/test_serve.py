"""`kg serve` end to end: a real server process, spoken to by the SPARQL clients that exist."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from graph_sample import build_sample
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper
from trap import trap_server

from kg.query import run_query
from kg.rdf.queries import named_queries
from kg.results import render

# A query that runs for minutes on any graph: four unconstrained patterns joined.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
POSTS = "SELECT ?post ?label WHERE { ?post a <http://www.w3.org/ns/org#Post> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?post"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def server(output) -> Iterator[str]:
    """`kg serve` as a user starts it (default host), with a short query timeout."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--output", str(output), "--port", str(port), "--timeout", "3", "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if http(f"{base}/sparql?query=ASK%7B%7D")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"kg serve did not start: {process.communicate()[0] if process.poll() is not None else 'timeout'}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _plain(bindings: list[dict]) -> list[dict]:
    # Blank node labels are the server's own; the rest must match exactly.
    return [{k: ("_:" if v["type"] == "bnode" else v) for k, v in row.items()} for row in bindings]


def test_every_named_query_gives_the_rows_kg_query_gives(server, output):
    for name, (_, text) in named_queries().items():
        expected = run_query(name, output=output)
        status, _, body = http(f"{server}/sparql", data=text.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        assert status == 200, (name, body)
        got = json.loads(body)
        want = json.loads(render(expected.vars, expected.rows, format="json"))
        assert got["head"]["vars"] == want["head"]["vars"], name
        assert _plain(got["results"]["bindings"]) == _plain(want["results"]["bindings"]), name


def test_the_default_graph_is_the_merge_not_the_union_of_copies(server, output):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = int(run_query(count, output=output).rows[0][0])
    named = int(run_query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", output=output).rows[0][0])
    assert expected < named  # the two articles share triples: a union of copies would count more
    status, _, body = http(f"{server}/sparql?" + urllib.parse.urlencode({"query": count}), headers={"Accept": "text/csv"})
    assert status == 200 and body.split() == ["n", str(expected)]


@pytest.mark.parametrize("fmt, parse", [
    (JSON, lambda r: [b["label"]["value"] for b in r["results"]["bindings"]]),
    (XML, lambda r: [n.firstChild.data for n in r.getElementsByTagName("literal")]),
    (CSV, lambda r: [row[1] for row in list(csv.reader(io.StringIO(r.decode())))[1:]]),
    (TSV, lambda r: [line.split("\t")[1].strip('"') for line in r.decode().splitlines()[1:]]),
])
def test_sparqlwrapper_in_each_results_format(server, output, fmt, parse):
    expected = [str(row[1]) for row in run_query(POSTS, output=output).rows]
    assert expected
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(POSTS)
    client.setReturnFormat(fmt)
    assert parse(client.query().convert()) == expected


def test_sparqlwrapper_ask_construct_and_post(server):
    client = SPARQLWrapper(f"{server}/sparql")
    client.setMethod("POST")
    client.setReturnFormat(JSON)
    client.setQuery("ASK { ?s a <http://www.w3.org/ns/org#Post> }")
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?p a <http://www.w3.org/ns/org#Post> } WHERE { ?p a <http://www.w3.org/ns/org#Post> }")
    client.setReturnFormat("turtle")
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 1


def test_rdflib_sparqlstore_reads_and_cannot_write(server, output):
    graph = Graph(store=SPARQLStore(f"{server}/sparql"))
    rows = [(str(r[0]), str(r[1])) for r in graph.query(POSTS)]
    assert rows == [(str(a), str(b)) for a, b in run_query(POSTS, output=output).rows]
    writer = SPARQLUpdateStore(f"{server}/sparql", f"{server}/sparql")
    with pytest.raises(urllib.error.HTTPError) as refused:
        writer.update("INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }")
    assert refused.value.code == 403


@pytest.mark.parametrize("accept, marker", [
    ("application/sparql-results+json", '"bindings"'),
    ("application/sparql-results+xml", "<sparql"),
    ("text/csv", "post,label"),
    ("text/tab-separated-values", "?post\t?label"),
])
def test_plain_get_and_post_negotiate_the_format(server, accept, marker):
    url = f"{server}/sparql?" + urllib.parse.urlencode({"query": POSTS})
    status, content_type, body = http(url, headers={"Accept": accept})
    assert status == 200 and content_type.startswith(accept) and marker in body
    form = urllib.parse.urlencode({"query": POSTS}).encode()
    status, content_type, body2 = http(f"{server}/sparql", data=form, headers={
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body2 == body


def test_writes_are_refused_and_the_graph_is_unchanged(server, output):
    before = len(run_query("SELECT * WHERE { ?s ?p ?o }", output=output))
    insert = "INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }"
    attempts = [
        http(f"{server}/sparql", data=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
        http(f"{server}/sparql", data=urllib.parse.urlencode({"update": insert}).encode(),
             headers={"Content-Type": "application/x-www-form-urlencoded"}),
        http(f"{server}/sparql", data=urllib.parse.urlencode({"query": insert}).encode(),
             headers={"Content-Type": "application/x-www-form-urlencoded"}),
        http(f"{server}/sparql?" + urllib.parse.urlencode({"query": "LOAD <http://a.example/x.ttl>"})),
        http(f"{server}/store?default", data=b"<http://a.example/s> <http://a.example/p> 1 .",
             headers={"Content-Type": "application/n-triples"}, method="PUT"),
        http(f"{server}/store?graph=http://a.example/g", method="DELETE"),
    ]
    for status, _, body in attempts:
        assert status == 403, body
    assert "not allowed" in attempts[0][2]
    status, _, turtle = http(f"{server}/store?default", headers={"Accept": "text/turtle"})
    assert status == 200 and len(Graph().parse(data=turtle, format="turtle")) == before


def test_service_is_refused_before_evaluation(server):
    with trap_server() as (url, received):
        for query in (
            f"SELECT * WHERE {{ SERVICE <{url}/leak?x=secret> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ BIND(<{url}/x> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        ):
            status, _, body = http(f"{server}/sparql?" + urllib.parse.urlencode({"query": query}))
            assert status == 403 and "SERVICE" in body
        client = SPARQLWrapper(f"{server}/sparql")
        client.setQuery(f"SELECT * WHERE {{ SERVICE SILENT <{url}/> {{ ?s ?p ?o }} }}")
        with pytest.raises(Exception):
            client.query()
        assert received == []


def test_a_long_query_is_stopped_and_the_server_goes_on(server):
    started = time.monotonic()
    status, _, body = http(f"{server}/sparql?" + urllib.parse.urlencode({"query": ENDLESS}))
    assert status == 503 and "longer than 3 s" in body
    assert time.monotonic() - started < 30
    status, _, body = http(f"{server}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_bad_requests_get_clear_statuses(server):
    assert http(f"{server}/sparql?query=SELEKT")[0] == 400
    assert http(f"{server}/sparql")[0] == 400
    assert http(f"{server}/sparql?" + urllib.parse.urlencode({"query": POSTS}), headers={"Accept": "image/png"})[0] == 406
    assert http(f"{server}/sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_bound_to_loopback_only(server):
    """The listening socket's own address, as the kernel lists it, is 127.0.0.1 (not 0.0.0.0)."""
    port = int(server.rsplit(":", 1)[1])
    tables = [p for p in ("/proc/net/tcp", "/proc/net/tcp6") if os.path.exists(p)]
    if not tables:
        pytest.skip("no /proc/net/tcp on this system to read listening sockets from")
    listening = []
    for table in tables:
        for line in open(table).read().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian hex


def test_query_page_and_its_assets_are_served_locally(server):
    status, content_type, html = http(f"{server}/", headers={"Accept": "text/html"})
    assert status == 200 and content_type.startswith("text/html")
    assert "officials-and-posts" in html and "https://" not in html.split("<body>")[0]
    for name in ("yasgui.min.js", "yasgui.min.css", "page.js"):
        assert http(f"{server}/assets/{name}")[0] == 200
