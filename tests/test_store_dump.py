"""Turtle and N-Triples straight from the store's merged default graph, as the serializer writes them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import serialize
from kg.rdf.store_dump import store_triples
from kg.store import open_store
from rdf_sample import sample_extraction, second_extraction


@pytest.fixture()
def store(tmp_path: Path):
    with open_store("oxigraph", path=tmp_path / "store") as kg_store:
        kg_store.replace_articles([
            ("port-safety", extraction_to_quads(sample_extraction())),
            ("freedonia-aid", extraction_to_quads(second_extraction())),
        ])
        yield kg_store.ox


@pytest.mark.parametrize("format", ["ttl", "nt"])
def test_same_bytes_as_the_serializer(store, format):
    fast = store_triples(store, format=format)
    assert fast is not None and fast == serialize(store, format=format)
    assert fast.count(b"\n") > 50


def test_sorted_lines_parse_back_to_the_default_graph(store):
    lines = store_triples(store, format="nt").decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    parsed = {q.triple for q in ox.parse(store_triples(store, format="ttl"), format=ox.RdfFormat.TURTLE)}
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert parsed == default


def test_empty_default_graph_or_blank_nodes_take_the_general_path(tmp_path):
    empty = ox.Store()
    assert store_triples(empty, format="ttl") is None
    blank = ox.Store()
    blank.add(ox.Quad(ox.BlankNode("b"), ox.NamedNode("https://example.org/p"), ox.Literal("x")))
    assert store_triples(blank, format="nt") is None
    with pytest.raises(ValueError, match="trig"):
        store_triples(blank, format="trig")
