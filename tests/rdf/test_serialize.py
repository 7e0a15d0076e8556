from __future__ import annotations

import os

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.formats import PREFIXES, RDF_FORMATS, format_for
from kg.rdf.serialize import serialize, serialize_many, write, write_many
from kg.rdf.statements import to_oxigraph
from rdf_sample import sample_extraction, second_extraction

RDFLIB_FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld",
                  "jsonld-dataset": "json-ld"}


@pytest.fixture(scope="module")
def quads():
    return extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())


def _dataset(quads) -> Dataset:
    ds = Dataset()
    ds.addN(quads)
    return ds


def _union(quads) -> Graph:
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_byte_identical_twice_and_whatever_the_input_order(quads, fmt):
    first = serialize(quads, format=fmt)
    assert serialize(list(quads), format=fmt) == first
    assert serialize(list(reversed(quads)), format=fmt) == first
    assert serialize(_dataset(quads), format=fmt) == first


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_triple_formats_round_trip_isomorphic(quads, fmt):
    back = Graph().parse(data=serialize(quads, format=fmt), format=RDFLIB_FORMATS[fmt])
    assert isomorphic(back, _union(quads))


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld-dataset"])
def test_quad_formats_round_trip_graph_by_graph(quads, fmt):
    back = Dataset().parse(data=serialize(quads, format=fmt), format=RDFLIB_FORMATS[fmt])
    original = _dataset(quads)
    names = {q[3] for q in quads}
    assert {g.identifier for g in back.graphs() if len(g)} == names
    for name in names:
        assert isomorphic(back.graph(name), original.graph(name)), name


def test_turtle_uses_the_canonical_prefixes(quads):
    text = serialize(quads, format="ttl").decode()
    header = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert [line.split()[1][:-1] for line in header] == list(PREFIXES)
    assert "kg:Official" in text and "person:ana-ruiz" in text


def test_blank_nodes_get_stable_labels():
    def build():
        g = Graph()
        node = BNode()
        g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), node))
        g.add((node, URIRef("http://example.org/q"), Literal("x")))
        return g

    assert serialize(build(), format="ttl") == serialize(build(), format="ttl")
    assert isomorphic(Graph().parse(data=serialize(build(), format="ttl"), format="turtle"), build())


def test_write_is_atomic_and_guesses_the_format(tmp_path, quads):
    path = write(quads, tmp_path / "out" / "graph.trig")
    assert path.read_bytes() == serialize(quads, format="trig")
    assert os.listdir(tmp_path / "out") == ["graph.trig"]  # no temporary file left behind
    write(quads[:5], path)
    assert path.read_bytes() == serialize(quads[:5], format="trig")


def test_unknown_format_is_an_input_error(tmp_path, quads):
    with pytest.raises(InputError):
        serialize(quads, format="rdfxml")
    with pytest.raises(InputError):
        format_for(tmp_path / "graph.xyz")
    assert format_for("a.jsonld") == "jsonld" and format_for("a.TTL") == "ttl"


def test_language_and_datatype_literals_survive():
    g = Graph()
    s = URIRef("http://example.org/s")
    g.add((s, URIRef("http://example.org/p"), Literal("Pékin", lang="fr")))
    g.add((s, URIRef("http://example.org/q"), Literal("line\n\"two\"")))
    g.add((s, URIRef("http://example.org/r"), Literal("5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    for fmt in ("ttl", "nt"):
        assert isomorphic(Graph().parse(data=serialize(g, format=fmt), format=RDFLIB_FORMATS[fmt]), g)


def test_an_oxigraph_store_serializes_like_its_quads(quads):
    import pyoxigraph as ox

    from kg.rdf.statements import to_oxigraph

    store = ox.Store()
    store.extend(to_oxigraph(quads))
    again = ox.Store()
    again.extend(to_oxigraph(list(reversed(quads))))
    for fmt in ("trig", "nq"):
        assert serialize(store, format=fmt) == serialize(again, format=fmt)
        back = Dataset().parse(data=serialize(store, format=fmt), format=RDFLIB_FORMATS[fmt])
        assert len(list(back.quads((None, None, None, None)))) == len(set(quads))


def test_a_store_default_graph_that_merges_the_named_graphs_is_not_repeated(quads):
    import pyoxigraph as ox

    from kg.rdf.statements import to_oxigraph

    store = ox.Store()
    named = to_oxigraph(quads)
    store.extend(named)
    plain = serialize(store, format="trig")
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in named)
    assert serialize(store, format="trig") == plain
    extra = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("only here"))
    store.add(extra)
    assert b"only here" in serialize(store, format="trig")


def test_written_files_get_ordinary_permissions(tmp_path, quads):
    mask = os.umask(0o022)
    try:
        path = write(quads, tmp_path / "graph.ttl")
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_serialize_many_gives_the_bytes_of_one_serialize_per_format(quads):
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(to_oxigraph(quads))
    # The store's merged default graph repeats the named graphs' statements, as kg's store does.
    store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in to_oxigraph(quads)])
    for source in (quads, store):
        many = serialize_many(source, RDF_FORMATS)
        assert list(many) == list(RDF_FORMATS)
        for fmt in RDF_FORMATS:
            assert many[fmt] == serialize(source, format=fmt), fmt


def test_write_many_writes_each_file_in_its_format(quads, tmp_path):
    paths = write_many(quads, {tmp_path / "g.ttl": None, tmp_path / "g.trig": None, tmp_path / "x.out": "nq"})
    assert [p.name for p in paths] == ["g.ttl", "g.trig", "x.out"]
    assert (tmp_path / "g.trig").read_bytes() == serialize(quads, format="trig")
    assert (tmp_path / "x.out").read_bytes() == serialize(quads, format="nq")
    with pytest.raises(InputError):
        write_many(quads, {tmp_path / "g.xyz": None})
