"""An Oxigraph store's sorted dump: the bytes of sorting in memory, in bounded memory, on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.formats import RDF_FORMATS
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import serialize, write_sorted
from kg.rdf.statements import to_oxigraph
from kg.store import open_store
from kg.store import oxigraph_dump
from kg.store.oxigraph_dump import sorted_dump
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


def _files(source: ox.Store, folder: Path, *, run_size: int | None, streamed: bool = True,
           formats: tuple[str, ...] = STREAMED) -> dict[str, bytes]:
    targets = {folder / f"graph.{fmt}": fmt for fmt in formats}
    options = {"run_size": run_size} if run_size else {}
    with sorted_dump(source, scratch=folder, **options) as dump:
        # Files on disk, not bytes sorted in memory, unless blank nodes made that necessary.
        assert all(isinstance(part, Path) for part in [*dump.triples, *(dump.quads or ())]) == streamed
        paths = write_sorted(dump, targets)
    assert paths == list(targets)
    return {fmt: path.read_bytes() for path, fmt in targets.items()}


@pytest.mark.parametrize("run_size", [1, 3, 50, None])
def test_store_files_are_the_bytes_of_serialize_whatever_the_run_size(store, tmp_path, run_size):
    files = _files(store, tmp_path, run_size=run_size)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
        assert files[fmt].startswith(b"@prefix rdf: ") == (fmt in ("ttl", "trig"))
    assert sorted(os.listdir(tmp_path)) == sorted(f"graph.{fmt}" for fmt in STREAMED)  # no scratch left


@pytest.mark.parametrize("check_max", [0, oxigraph_dump.MERGE_CHECK_MAX])
def test_the_merge_taken_from_the_named_graphs_or_from_the_default_graphs_dump_gives_the_same_bytes(
        store, tmp_path, monkeypatch, check_max):
    # Bound 0: the default graph is dumped, as for a graph too large to check in memory.
    monkeypatch.setattr(oxigraph_dump, "MERGE_CHECK_MAX", check_max)
    files = _files(store, tmp_path, run_size=3)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt


def test_a_default_graph_statement_no_named_graph_holds_is_found(store):
    assert not oxigraph_dump._default_has_own(store)
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    store.add(ox.Quad(s, p, ox.Literal("1"), ox.NamedNode(EX + "g")))
    assert not oxigraph_dump._default_has_own(store)  # named only: the merge may lag, not lead
    store.add(ox.Quad(s, p, ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    assert oxigraph_dump._default_has_own(store)  # another term, though it reads as the same number


def test_default_only_named_only_and_odd_graph_names_keep_their_places(store, tmp_path):
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
def test_stores_not_shaped_like_kgs_give_the_same_bytes_too(tmp_path, run_size, graphs):
    quads = to_oxigraph(extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction()))
    store = ox.Store()
    store.extend(quads if graphs == "named only" else [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
    files = _files(store, tmp_path, run_size=run_size)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt


def test_blank_nodes_and_look_alike_literals_fall_back_to_the_same_bytes(store, tmp_path):
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    store.add(ox.Quad(s, p, ox.Literal("not a blank node: _:b0")))
    files = _files(store, tmp_path, run_size=2, streamed=False)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
    store.add(ox.Quad(ox.BlankNode("b1"), p, ox.Literal("1"), ox.NamedNode(EX + "g")))
    files = _files(store, tmp_path, run_size=2, streamed=False)
    for fmt in STREAMED:
        assert files[fmt] == serialize(store, format=fmt), fmt
    assert b"_:" in files["trig"]


def test_an_empty_store_gives_empty_files(tmp_path):
    files = _files(ox.Store(), tmp_path, run_size=2)
    assert files == {fmt: serialize(ox.Store(), format=fmt) for fmt in STREAMED}


def test_jsonld_reads_the_streamed_statements_with_the_same_bytes(store, tmp_path):
    files = _files(store, tmp_path, run_size=2, formats=("jsonld", "ttl"))
    assert files == {"jsonld": serialize(store, format="jsonld"), "ttl": serialize(store, format="ttl")}
    assert set(RDF_FORMATS) - set(STREAMED) == {"jsonld", "jsonld-dataset"}


def test_a_failed_write_leaves_the_old_file_and_no_scratch(store, tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ox, "serialize", broken)
    with pytest.raises(OSError), sorted_dump(store, scratch=tmp_path) as dump:
        write_sorted(dump, {target: None})
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.trig"]


# The triple formats of a kg store, whose default graph is the merge: its dump, sorted in memory.

@pytest.fixture()
def kg_store(tmp_path: Path):
    with open_store("oxigraph", path=tmp_path / "store") as kg_store:
        kg_store.replace_articles([
            ("port-safety", extraction_to_quads(sample_extraction())),
            ("freedonia-aid", extraction_to_quads(second_extraction())),
        ])
        yield kg_store


def test_the_merged_default_graph_is_sorted_in_memory_with_the_same_bytes(kg_store):
    with kg_store.sorted_dump(graphs=False) as dump:
        assert dump.quads is None and [type(part) for part in dump.triples] == [bytes]
        lines = dump.triples[0].decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines)) and len(lines) > 50
    default = {q.triple for q in kg_store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert {q.triple for q in ox.parse(dump.triples[0], format=ox.RdfFormat.N_TRIPLES)} == default
    for fmt in ("ttl", "nt"):
        with kg_store.sorted_dump(graphs=False) as dump:
            fast = write_sorted(dump, {kg_store.path.parent / f"fast.{fmt}": None})[0].read_bytes()
        assert fast == serialize(list(kg_store.quads()), format=fmt)


def test_an_empty_default_graph_or_blank_nodes_take_the_general_path(tmp_path):
    with sorted_dump(ox.Store(), graphs=False, merged_default=True, scratch=tmp_path) as dump:
        assert all(isinstance(part, Path) for part in dump.triples)
    blank = ox.Store()
    blank.add(ox.Quad(ox.BlankNode("b"), ox.NamedNode("https://example.org/p"), ox.Literal("x")))
    with sorted_dump(blank, graphs=False, merged_default=True, scratch=tmp_path) as dump:
        assert dump.triples[0] == serialize(blank, format="nt")
    with pytest.raises(ValueError, match="graphs=True"):
        list(dump.statements(graphs=True))


def test_only_oxigraphs_own_dumps_are_read_back_without_checking_their_iris(store, tmp_path):
    from kg.rdf.statements import SortedDump, sorted_dump_of

    for graphs in (True, False):
        with sorted_dump(store, graphs=graphs, scratch=tmp_path, merged_default=True) as dump:
            assert dump.checked
            assert list(dump.statements(graphs=False)) == list(sorted_dump_of(store).statements(graphs=False))
    assert not sorted_dump_of(store).checked
    # Text from anywhere else is checked as it is read: a bad IRI is refused, not written.
    with pytest.raises(SyntaxError):
        list(SortedDump((b"<urn:kg:a> <urn:kg:b> <not an iri> .\n",)).statements(graphs=False))
