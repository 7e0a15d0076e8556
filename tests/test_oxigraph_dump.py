from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import FORMATS, serialize, to_oxigraph, write, write_many
from rdf_sample import sample_extraction, second_extraction

STREAMED = ("ttl", "trig", "nt", "nq")
EX = "http://example.org/"


@pytest.fixture()
def store() -> ox.Store:
    """A store shaped like kg's: article graphs plus their merge in the default graph."""
    quads = to_oxigraph(extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction()))
    store = ox.Store()
    store.extend(quads)
    store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in quads])
    return store


@pytest.fixture()
def no_fallback(monkeypatch):
    """Fail if the files were made by sorting in memory rather than by streaming."""
    import kg.rdf.serialize

    def in_memory(*args, **kwargs):
        raise AssertionError("sorted in memory")

    monkeypatch.setattr(kg.rdf.serialize, "serialize_many", in_memory)


def _files(source, folder, *, run_size: int | None) -> dict[str, bytes]:
    targets = {folder / f"graph.{fmt}": fmt for fmt in STREAMED}
    paths = write_many(source, targets, run_size=run_size)
    assert paths == list(targets)
    return {fmt: path.read_bytes() for path, fmt in targets.items()}


@pytest.mark.parametrize("run_size", [1, 3, 50, None])
def test_store_files_are_the_bytes_of_serialize_whatever_the_run_size(store, tmp_path, run_size, no_fallback):
    files = _files(store, tmp_path, run_size=run_size)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
        assert files[fmt].startswith(b"@prefix rdf: ") == (fmt in ("ttl", "trig"))
    assert sorted(os.listdir(tmp_path)) == sorted(f"graph.{fmt}" for fmt in STREAMED)  # no scratch left


def test_default_only_named_only_and_odd_graph_names_keep_their_places(store, tmp_path, no_fallback):
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    store.add(ox.Quad(s, p, ox.Literal("only in the default graph")))
    store.add(ox.Quad(s, p, ox.Literal("only in a named graph"), ox.NamedNode(EX + "g")))
    # "<…/g-x>" sorts before "<…/g>" although the IRI "…/g" sorts first: the order is by N-Triples text.
    store.add(ox.Quad(s, p, ox.Literal('quote " and\ttab\nnewline é'), ox.NamedNode(EX + "g-x")))
    store.add(ox.Quad(s, p, ox.Literal("x", language="en"), ox.NamedNode(EX + "g-x")))
    files = _files(store, tmp_path, run_size=2)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
    trig = files["trig"].decode()
    assert trig.index("only in the default graph") < trig.index("g-x>") < trig.index("only in a named graph")


@pytest.mark.parametrize("run_size", [2, None])
@pytest.mark.parametrize("graphs", ["named only", "default only"])
def test_stores_not_shaped_like_kgs_give_the_same_bytes_too(tmp_path, run_size, graphs, no_fallback):
    quads = to_oxigraph(extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction()))
    store = ox.Store()
    store.extend(quads if graphs == "named only" else [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
    files = _files(store, tmp_path, run_size=run_size)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt


def test_blank_nodes_and_look_alike_literals_fall_back_to_the_same_bytes(store, tmp_path):
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    store.add(ox.Quad(s, p, ox.Literal("not a blank node: _:b0")))
    for fmt in STREAMED:
        assert write(store, tmp_path / f"a.{fmt}").read_bytes() == serialize(store, format=fmt), fmt
    store.add(ox.Quad(ox.BlankNode("b1"), p, ox.Literal("1"), ox.NamedNode(EX + "g")))
    files = _files(store, tmp_path, run_size=2)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
    assert b"_:" in files["trig"]


def test_an_empty_store_gives_empty_files(tmp_path, no_fallback):
    files = _files(ox.Store(), tmp_path, run_size=2)
    assert files == {fmt: serialize(ox.Store(), format=fmt) for fmt in STREAMED}


def test_jsonld_with_a_streamed_format_is_written_in_memory_with_the_same_bytes(store, tmp_path):
    paths = write_many(store, {tmp_path / "g.jsonld": None, tmp_path / "g.ttl": None}, run_size=2)
    assert [p.read_bytes() for p in paths] == [serialize(store, format="jsonld"), serialize(store, format="ttl")]
    assert set(FORMATS) - set(STREAMED) == {"jsonld"}


def test_streamed_files_are_atomic_and_get_ordinary_permissions(store, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    mask = os.umask(0o022)
    try:
        write(store, target)
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_bytes() == serialize(store, format="ttl")


def test_a_failed_write_leaves_the_old_file_and_no_scratch(store, tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ox, "serialize", broken)
    with pytest.raises(OSError):
        write(store, target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.trig"]
