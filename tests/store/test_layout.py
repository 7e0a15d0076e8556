"""Each statement stored once, in its article's graph; reads through the union; older stores
(a merged copy in the default graph) read as before and migrated by their first write."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest_store import article, oxigraph_server  # noqa: F401  (fixture)

from kg.errors import StoreError
from kg.store import OxigraphStore, open_store, query_native
from kg.store.layout import LAYOUT_FILE, MIGRATE_GRAPHS_PER_UPDATE, has_marker, names_dataset, unmerge_update
from kg.store.snapshots import current_token, snapshots_dir
from kg.store.terms import to_ox_quads
from kg.vocab.iri import graph_iri

LABELS = "SELECT ?e ?label WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label"


def default_graph(store: ox.Store) -> list[ox.Quad]:
    return list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_build_replace_and_remove_leave_the_default_graph_empty(tmp_path: Path) -> None:
    with open_store("oxigraph", path=tmp_path / "store") as store:
        assert has_marker(tmp_path / "store")
        store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])  # new articles
        assert default_graph(store.ox) == []
        store.replace_article("a-1", article("a-1", version=2, facts=2))  # replaced in place
        assert default_graph(store.ox) == []
        assert len(list(store.ox)) == len(article("a-1", facts=2)) + len(article("a-2"))
        store.remove_article("a-2")
        assert default_graph(store.ox) == [] and len(list(store.ox)) == len(article("a-1", facts=2))
        assert [str(row[1]) for row in store.query(LABELS).rows] == ["Someone 0 v2", "Someone 1 v2"]
    # The published snapshot carries the layout file, and readers read the union.
    assert (snapshots_dir(tmp_path / "store") / str(current_token(tmp_path / "store")) / LAYOUT_FILE).is_file()
    rows = query_native(None, LABELS, path=tmp_path / "store").rows
    assert [row[1].value for row in rows] == ["Someone 0 v2", "Someone 1 v2"]


def test_a_query_that_names_its_dataset_reads_that_dataset(tmp_path: Path) -> None:
    with open_store("oxigraph", path=tmp_path / "store") as store:
        store.replace_articles([("a-1", article("a-1", facts=1)), ("a-2", article("a-2", facts=3))])
        count = "SELECT (COUNT(*) AS ?n) {from_} WHERE {{ ?e <https://example.org/test#mentionedIn> ?a }}"
        assert int(store.query(count.format(from_="")).rows[0][0]) == 4
        assert int(store.query(count.format(from_=f"FROM <{graph_iri('a-2')}>")).rows[0][0]) == 3
        # FROM NAMED alone: the default graph is empty, as SPARQL says.
        assert int(store.query(count.format(from_=f"FROM NAMED <{graph_iri('a-2')}>")).rows[0][0]) == 0


@pytest.mark.parametrize("text, names", [
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("select * from named <http://g> where { graph ?g { ?s ?p ?o } }", True),
    ("PREFIX ex: <http://ex/>\nSELECT * FROM ex:g WHERE { ?s ?p ?o }", True),
    ("SELECT * WHERE { ?s ?p 'taken from <x>' }", False),
    ('SELECT * WHERE { ?s ?p """FROM\nNAMED""" }', False),
    ("SELECT ?from WHERE { ?from <http://ex/FROM> ?o } # FROM <x>", False),
    ("PREFIX from: <http://ex/>\nSELECT * WHERE { ?s from:x ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o }", False),
])
def test_names_dataset(text: str, names: bool) -> None:
    assert names_dataset(text) is names


def older_store(path: Path, articles: dict[str, list[tuple]], *, extra: list[ox.Quad] = ()) -> ox.Store:
    """A store as kg wrote it before: article graphs plus their merge in the default graph."""
    store = ox.Store(str(path))
    for article_id, quads in articles.items():
        named = to_ox_quads(article_id, quads)
        store.extend(named)
        store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in named)
    store.extend(extra)
    store.flush()
    return store


def test_an_older_store_is_read_as_before_and_migrated_by_its_first_write(tmp_path: Path) -> None:
    path = tmp_path / "store"
    note = ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                   ox.Literal("written by an update, in no article"))
    raw = older_store(path, {"a-1": article("a-1", bnode=False), "a-2": article("a-2", bnode=False)}, extra=[note])
    named_before = sorted(str(q) for q in raw if not isinstance(q.graph_name, ox.DefaultGraph))
    del raw
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    with OxigraphStore(path) as store:  # opened, not written: read as before, nothing changes
        assert not has_marker(path) and not store.reads_union
        assert int(store.query(count).rows[0][0]) == 5  # the merged copy: each label once
    assert int(query_native(None, count, path=path).rows[0][0].value) == 5  # the published snapshot too
    with OxigraphStore(path) as store:
        store.replace_article("a-3", article("a-3", bnode=False, facts=1))
        merged = {(q.subject, q.predicate, q.object) for i in ("a-1", "a-2") for q in to_ox_quads(i, article(i, bnode=False))}
        assert store.migrated == len(merged) == 24  # the merged copy, whole
        assert has_marker(path) and store.reads_union
        assert [q.object for q in default_graph(store.ox)] == [note.object]  # kept
        named = sorted(str(q) for q in store.ox if not isinstance(q.graph_name, ox.DefaultGraph)
                       and q.graph_name != ox.NamedNode(str(graph_iri("a-3"))))
        assert named == named_before  # the article graphs are untouched
        notes = store.query('SELECT ?o WHERE { <https://example.org/s> ?p ?o }').rows
        assert [str(row[0]) for row in notes] == ["written by an update, in no article"]
    rows = query_native(None, "SELECT ?a WHERE { ?a a <https://w3id.org/kg-news/ontology#Article> } ORDER BY ?a",
                        path=path).rows
    assert [row[0].value.rsplit("/", 1)[1] for row in rows] == ["a-1", "a-2", "a-3"]


def test_a_migration_cut_short_is_finished_by_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / "store"
    ids = [f"a-{i:04d}" for i in range(MIGRATE_GRAPHS_PER_UPDATE + 3)]
    raw = older_store(path, {i: article(i, bnode=False, facts=1) for i in ids})
    # Killed after the first transaction: those graphs' copies are gone, no layout file yet.
    raw.update(unmerge_update([str(graph_iri(i)) for i in ids[:MIGRATE_GRAPHS_PER_UPDATE]]))
    raw.flush()
    del raw
    with OxigraphStore(path) as store:
        assert not store.reads_union  # what is left of the copy still reads as the merge
        store.remove_article(ids[0])
        assert default_graph(store.ox) == [] and store.reads_union
        assert len(store.article_ids()) == len(ids) - 1


def test_the_remote_store_refuses_an_older_merged_copy(oxigraph_server: str) -> None:  # noqa: F811
    with open_store(oxigraph_server) as store:
        store.update("DROP ALL")
        store.replace_articles([("a-1", article("a-1", bnode=False))])
        # What an older kg kept: the same statements again in the default graph.
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    with open_store(oxigraph_server) as store, pytest.raises(StoreError, match="older kg"):
        store.replace_articles([("a-2", article("a-2", bnode=False))])
    with open_store(oxigraph_server) as store:
        assert store.article_ids() == ["a-1"]  # refused before writing
        store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        store.replace_articles([("a-2", article("a-2", bnode=False))])
        assert store.article_ids() == ["a-1", "a-2"]
        store.update("DROP ALL")
