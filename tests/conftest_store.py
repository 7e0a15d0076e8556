"""Fixtures for the store tests: hand-built article quads and a real Oxigraph server.

Imported by the tests/test_store_*.py modules (``from conftest_store import ...``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import ID, KG

EX = "https://example.org/test#"


def article(article_id: str, *, version: int = 1, facts: int = 5, bnode: bool = True) -> list[tuple]:
    """Quads of one article's graph, as kg.rdf.mapping would write them (built by hand)."""
    graph = graph_iri(article_id)
    subject = article_iri(article_id)
    quads: list[tuple] = [
        (subject, RDF.type, URIRef(KG.Article), graph),
        (subject, URIRef(KG.contentHash), Literal(f"hash-{article_id}-v{version}"), graph),
    ]
    for i in range(facts):
        entity = ID[f"person/someone-{i}"]
        quads.append((entity, SKOS.prefLabel, Literal(f"Someone {i} v{version}", lang="en"), graph))
        quads.append((entity, URIRef(EX + "mentionedIn"), subject, graph))
        quads.append((entity, URIRef(EX + "rank"), Literal(i, datatype=XSD.integer), graph))
    if bnode:
        amount = BNode(f"amount{article_id.replace('-', '')}")
        quads.append((subject, URIRef(EX + "exportValue"), amount, graph))
        quads.append((amount, URIRef(EX + "amount"), Literal("2.5", datatype=XSD.decimal), graph))
        quads.append((amount, URIRef(EX + "note"), Literal('quoted "text"\nand a second line'), graph))
    return quads


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.exists():
        return str(beside)
    return shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of an Oxigraph server on loopback, on a free port, stopped at the end."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is absent (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None:
                    error = process.stderr.read().decode() if process.stderr else ""
                    pytest.fail(f"oxigraph serve exited with {process.returncode}: {error}")
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not answer within 20 s")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
