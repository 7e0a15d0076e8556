"""The embedded Oxigraph store: persistence, locking, interruption, the rdflib view, open_store specs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest_store import article
from rdflib import URIRef

from kg.errors import StoreError
from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import KG
from kg.store import BACKENDS, MemoryStore, OxigraphStore, RemoteStore, open_store, register_store

TESTS = Path(__file__).resolve().parents[1]


def test_data_persists_across_reopen(tmp_path: Path) -> None:
    with open_store(None, path=tmp_path / "s") as store:
        store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
        count = len(store)
    with open_store("oxigraph", path=tmp_path / "s") as store:
        assert len(store) == count
        assert store.article_ids() == ["a-1", "a-2"]
        assert store.article_hash("a-2") == "hash-a-2-v1"


def test_spec_can_name_the_directory(tmp_path: Path) -> None:
    with open_store(f"oxigraph:{tmp_path / 'named'}") as store:
        assert isinstance(store, OxigraphStore)
        assert store.path == tmp_path / "named"
    assert (tmp_path / "named").is_dir()


def test_open_store_specs(tmp_path: Path) -> None:
    assert isinstance(open_store("memory"), MemoryStore)
    remote = open_store("http://127.0.0.1:1/ds/query")
    assert isinstance(remote, RemoteStore)
    with pytest.raises(StoreError, match="unknown store 'sqlite'"):
        open_store("sqlite")


def test_register_store_adds_a_backend() -> None:
    register_store("scratch", lambda spec, *, path=None: MemoryStore())
    try:
        assert isinstance(open_store("scratch"), MemoryStore)
    finally:
        del BACKENDS["scratch"]


def test_rdflib_view_shares_the_data(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        store.replace_article("a-1", article("a-1"))
        dataset = store.dataset()
        graph = dataset.graph(graph_iri("a-1"))
        assert str(graph.value(article_iri("a-1"), URIRef(KG.contentHash))) == "hash-a-1-v1"
        assert len(graph) == len(article("a-1"))


def test_store_held_by_another_process_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "held"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from kg.store import open_store
            store = open_store("oxigraph", path={str(path)!r})
            print("open", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store("oxigraph", path=path)
    finally:
        holder.kill()
        holder.wait()
    # The lock goes with the process that held it.
    with open_store("oxigraph", path=path) as store:
        assert len(store) == 0


WRITER = """
import sys
sys.path.insert(0, {tests!r})
from conftest_store import article
from kg.store import open_store

store = open_store("oxigraph", path={path!r})
version = 0
while True:
    version += 1
    # Each version has a different size, so that half a batch would show in the counts.
    batch = [(f"a-{{i}}", article(f"a-{{i}}", version=version, facts=5 + version % 7)) for i in range(200)]
    store.replace_articles(batch)
    print(version, flush=True)
"""


def expected_size(version: int) -> int:
    return len(article("a-0", version=version, facts=5 + version % 7))


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.35])
def test_kill_mid_batch_leaves_store_consistent(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "killed"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(tests=str(TESTS), path=str(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        # Let new articles go in (extend) and then be replaced (update) before the kill.
        for _ in range(2):
            assert writer.stdout.readline().strip()
        time.sleep(delay)  # a batch takes about half a second: the kill lands inside one
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()

    with open_store("oxigraph", path=path) as store:
        ids = store.article_ids()
        assert ids == sorted(f"a-{i}" for i in range(200))
        versions = {store.article_hash(i).rsplit("-v", 1)[1] for i in ids}  # type: ignore[union-attr]
        assert len(versions) == 1, f"articles from different batches: {versions}"
        version = int(versions.pop())
        assert version >= 2
        assert len(store) == 200 * expected_size(version)
        # Every label in every graph comes from that same version: no half-replaced article.
        labels = store.query(
            "SELECT DISTINCT ?l WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
        )
        assert {str(row[0]).rsplit(" v", 1)[1] for row in labels} == {str(version)}

        # Re-running resumes: nothing duplicated.
        store.replace_articles([(f"a-{i}", article(f"a-{i}", version=99, facts=3)) for i in range(200)])
        assert len(store) == 200 * len(article("a-0", version=99, facts=3))



def test_long_builds_flush_to_disk_so_memory_does_not_grow_with_the_graph(tmp_path, monkeypatch):
    from rdflib import Literal, URIRef

    from kg.vocab.iri import graph_iri
    from kg.store import oxigraph as backend
    from kg.store import open_store

    monkeypatch.setattr(backend, "FLUSH_EVERY_QUADS", 10)
    flushes: list[int] = []
    with open_store("oxigraph", path=tmp_path / "store") as store:
        real = store._store
        store._store = _FlushCounter(real, flushes)
        try:
            batch = [(f"a{i}", [(URIRef(f"https://example.org/s{i}/{j}"), URIRef("https://example.org/p"),
                                 Literal(j), graph_iri(f"a{i}")) for j in range(6)]) for i in range(2)]
            store.replace_articles(batch)
            assert flushes == [], "new articles are bulk loaded, past the memtables: nothing to flush"
            store.replace_articles(batch)
            assert flushes == [1], "12 quads replaced with a threshold of 10: one flush"
            store.replace_articles([("a2", [(URIRef("https://example.org/x"), URIRef("https://example.org/p"),
                                             Literal(1), graph_iri("a2"))])])
            store.replace_articles([("a2", [(URIRef("https://example.org/x"), URIRef("https://example.org/p"),
                                             Literal(2), graph_iri("a2"))])])
            assert flushes == [1], "one more quad does not reach the threshold again"
        finally:
            store._store = real
        assert store.article_ids() == ["a0", "a1", "a2"]


def test_a_session_that_wrote_much_compacts_the_store_when_it_closes(tmp_path, monkeypatch):
    from rdflib import Literal, URIRef

    from kg.vocab.iri import graph_iri
    from kg.store import oxigraph as backend
    from kg.store import open_store

    def batch(start: int, size: int):
        return [(f"a{i}", [(URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i),
                            graph_iri(f"a{i}"))]) for i in range(start, start + size)]

    monkeypatch.setattr(backend, "OPTIMIZE_AFTER_QUADS", 5)
    calls: list[str] = []
    for written, compacted in ((3, False), (6, True)):
        calls.clear()
        store = open_store("oxigraph", path=tmp_path / f"store{written}")
        real = store._store
        store._store = _OptimizeCounter(real, calls)
        store.replace_articles(batch(0, written))
        store.close()
        del real  # RocksDB's lock goes with the last reference
        assert (calls == ["optimize"]) is compacted, f"{written} quads written, threshold 5"
        with open_store("oxigraph", path=tmp_path / f"store{written}") as again:
            assert len(again) == written, "compaction keeps every quad"


class _OptimizeCounter:
    """The pyoxigraph store, noting compactions."""

    def __init__(self, inner, calls):
        self._inner, self._calls = inner, calls

    def optimize(self):
        self._calls.append("optimize")
        self._inner.optimize()

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _FlushCounter:
    """The pyoxigraph store, counting flushes."""

    def __init__(self, inner, flushes):
        self._inner, self._flushes = inner, flushes

    def flush(self):
        self._flushes.append(1)
        self._inner.flush()

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _Killed(BaseException):
    """Stands for a SIGKILL: nothing in the store catches it."""


class _Writes:
    """The pyoxigraph store, recording how quads were written; ``kill_at`` names the writes
    that raise instead."""

    def __init__(self, inner, calls, kill_at=()):
        self._inner, self._calls, self._kill_at = inner, calls, kill_at

    def _call(self, name, *args, **kwargs):
        if name in self._kill_at:
            raise _Killed
        self._calls.append(name)
        return getattr(self._inner, name)(*args, **kwargs)

    def bulk_load(self, *args, **kwargs):
        return self._call("bulk_load", *args, **kwargs)

    def bulk_extend(self, *args, **kwargs):
        return self._call("bulk_extend", *args, **kwargs)

    def extend(self, *args, **kwargs):
        return self._call("extend", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def test_new_articles_go_in_with_their_content_hashes_in_one_bulk_load(tmp_path, monkeypatch):
    from kg.store import oxigraph as backend

    calls: list[str] = []
    monkeypatch.setattr(backend, "BULK_EVERY_QUADS", 1)  # bulk load each batch as it comes
    with open_store("oxigraph", path=tmp_path / "store") as store:
        store._store = _Writes(store._store, calls)
        store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
        # As text (bulk_load) or, where text cannot carry a term, as terms (bulk_extend).
        assert calls in (["bulk_load"], ["bulk_extend"]), "statements and hashes in one load, no memtable"
        assert store.article_hash("a-1") == "hash-a-1-v1" and store.article_hash("a-2") == "hash-a-2-v1"
        whole = sorted(map(str, store.ox.quads_for_pattern(None, None, None, None)))
    with open_store("oxigraph", path=tmp_path / "clean") as clean:
        clean.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])  # one transaction at close
        assert whole == sorted(map(str, clean.ox.quads_for_pattern(None, None, None, None)))


def test_a_kill_during_the_bulk_load_leaves_its_articles_to_redo_not_to_duplicate(tmp_path, monkeypatch):
    """pyoxigraph's bulk loader ingests its files at its end in one step, which RocksDB records
    atomically: a kill leaves all of a load or none of it. Killed as it starts, none."""
    from kg.store import oxigraph as backend

    path = tmp_path / "store"
    with open_store("oxigraph", path=path) as store:
        store.replace_articles([("a-0", article("a-0"))])
    published = 0
    with open_store("oxigraph", path=path, read_only=True) as reader:
        published = len(reader)

    store = open_store("oxigraph", path=path)
    monkeypatch.setattr(backend, "BULK_EVERY_QUADS", 1)  # bulk load this batch now
    store._store = _Writes(store._store, [], kill_at=("bulk_load", "bulk_extend"))
    with pytest.raises(_Killed):
        store.replace_articles([("a-1", article("a-1", version=1, facts=6)), ("a-2", article("a-2"))])
    store._store = None  # the process is gone: no close, no publish
    monkeypatch.undo()

    with open_store("oxigraph", path=path, read_only=True) as reader:
        assert len(reader) == published, "readers still see the last finished state"
    with open_store("oxigraph", path=path) as store:
        assert store.article_ids() == ["a-0"], "none of the load got in"
        assert store.article_hash("a-1") is None and store.article_hash("a-2") is None
        assert store.article_hash("a-0") == "hash-a-0-v1"
        # The next build writes them again, a-1 changed meanwhile (fewer facts, new labels).
        store.replace_articles([("a-1", article("a-1", version=2, facts=3)), ("a-2", article("a-2"))])
        assert store.article_hash("a-1") == "hash-a-1-v2"
        assert store.article_hash("a-2") == "hash-a-2-v1"
        whole = len(store)
        merged = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with open_store("oxigraph", path=tmp_path / "clean") as clean:
        clean.replace_articles([("a-0", article("a-0")), ("a-1", article("a-1", version=2, facts=3)),
                                ("a-2", article("a-2"))])
        assert whole == len(clean), "nothing of the killed version is left, nothing is doubled"
        assert merged.rows == clean.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows


def test_new_articles_waiting_for_the_bulk_load_are_read_and_rewritten_like_written_ones(tmp_path):
    with open_store("oxigraph", path=tmp_path / "s") as store:
        store.replace_articles([("a-1", article("a-1")), ("a-2", article("a-2"))])
        assert store._pending, "below the threshold: not written yet"
        assert store.article_hash("a-1") == "hash-a-1-v1" and store._pending, "asked without writing"
        store.replace_articles([("a-1", article("a-1", version=2, facts=2))])
        assert store.article_hash("a-1") == "hash-a-1-v2"
        assert store.article_ids() == ["a-1", "a-2"] and not store._pending
        assert len(store) == len(article("a-1", version=2, facts=2)) + len(article("a-2"))
        store.replace_articles([("a-3", article("a-3"))])
    with open_store("oxigraph", path=tmp_path / "s") as again:
        assert again.article_hash("a-3") == "hash-a-3-v1", "closing writes what is pending"


def test_new_articles_loaded_as_text_or_as_terms_hold_the_statements_to_ox_makes(tmp_path):
    import pyoxigraph as ox
    from rdflib import Literal

    from kg.store.terms import to_ox_quads

    odd = [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal('a "quote"\n\tand é'),
            graph_iri("odd"))]
    batch = [("a-1", article("a-1")), ("odd", odd)]  # the sample article has a blank node: terms
    told: dict[str, bytes] = {}
    with open_store("oxigraph", path=tmp_path / "s") as store:
        store.on_written = told.__setitem__
        store.replace_articles(batch)
        assert store._bulk and store._bulk_terms, "one article as text, one as terms"
        expected = ox.Store()
        for article_id, quads in batch:
            expected.extend(to_ox_quads(article_id, [(s, p, o, graph_iri(article_id)) for s, p, o, *_ in quads],
                                        also_default=True))
        assert set(store.ox) == set(expected)
    for article_id, quads in batch:  # each graph's statements told as written, blank node labels kept
        graph = ox.NamedNode(str(graph_iri(article_id)))
        assert ({q.triple for q in ox.parse(told[graph.value], format=ox.RdfFormat.N_TRIPLES)}
                == {q.triple for q in expected.quads_for_pattern(None, None, None, graph)})
