"""The default store: embedded Oxigraph (RocksDB) on disk, driven through pyoxigraph."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError, StoreError
from kg.rdf.statements import SortedDump
from kg.store import oxigraph_dump
from kg.store.base import ArticleQuads, QueryResult, StoreBase, remove_update, replace_update
from kg.store.faults import store_fault
from kg.store.oxigraph_read import DEFAULT_PATH, answer, native, open_published
from kg.store.snapshots import SnapshotLease, is_published, mark_dirty, publish, read_state, remove_unused
from kg.store.terms import NeedsTerms, Quad, StatementTexts, article_quads, from_ox, from_ox_quad, to_ox, to_ox_quads
from kg.vocab.iri import article_id_of, article_iri, graph_iri
from kg.vocab.namespaces import KG

# RocksDB keeps written data in memtables until they are flushed to disk: without regular
# flushes a long build's memory grows with the graph (1.5 GB at 2 M quads). Flushing every
# 20,000 quads keeps a build of 1,000 news articles flat at some 0.3 GB between batches
# (every 100,000: a sawtooth up to 0.41 GB), at no cost in CPU time.
FLUSH_EVERY_QUADS = 20_000
# Those frequent flushes leave many small files that every lookup has to consult: a session
# that wrote this many quads compacts the store when it closes (under a second for a
# 1,000-article build, a third of the disk, the named queries up to twice as fast).
# Small incremental updates leave the compaction to RocksDB's own schedule.
OPTIMIZE_AFTER_QUADS = 50_000
# Articles new to the store wait in memory until this many quads (both copies) are
# pending, then go in through one bulk load: a few large sorted files instead of one small
# set per batch, each of which RocksDB would have to compact into the rest. Measured on a
# 5,000-article build: CPU per article 27.8 -> 22.0 ms, the last 250 articles' 32.3 -> 19.7 ms
# (bulk loading each batch as written saved nothing: 32.6 -> 33.3 ms, its compaction rose).
# The cost: some 90 MB held, and a kill loses the pending articles (the next build redoes them).
BULK_EVERY_QUADS = 250_000
_CONTENT_HASH = KG.contentHash


class OxigraphStore(StoreBase):
    """Quads in an on-disk Oxigraph store; one process at a time may write it.

    ``read_only=True`` reads the state the last writer published, beside a writer and
    beside other readers (see ``kg.store.snapshots``).

    The default graph is kept as the merge (set union) of the article graphs, so a query
    need not name the graphs it reads and a triple stated by many articles counts once.
    """

    name = "oxigraph"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else DEFAULT_PATH
        self.read_only = read_only
        self._store: ox.Store | None = None
        self._lease: SnapshotLease | None = None
        self._token: str | None = None
        self._dirty = False
        self._unflushed = 0
        self._written = 0
        # Statements of new articles, not in the store yet (each in its graph and in the default
        # graph, content hash included): as N-Quads text, or as terms where text cannot carry
        # them (``NeedsTerms``).
        self._bulk: list[bytes] = []
        self._bulk_terms: list[ox.Quad] = []
        self._queued = 0  # quads in those two
        self._texts = StatementTexts()
        self._pending: dict[ox.NamedNode, str | None] = {}  # their graphs -> content hash
        self._empty: list[ox.NamedNode] = []  # pending articles with no quads
        # Told each article's graph (IRI, its statements' N-Triples as loaded) once written or
        # queued for the bulk load: a build judges the graphs from them instead of reading them back.
        self.on_written: Callable[[str, bytes], None] | None = None
        # Where the graph files may take a graph's N-Triples instead of dumping it (see
        # ``kg.store.graph_texts``): set only on a handle that reads the state they describe.
        self.graph_texts: Callable[[str], bytes | None] | None = None
        self.published: str | None = None  # the token this session published as it closed
        if read_only:
            self._open_for_reading()
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as error:
            raise store_fault(self.path, error, doing="open") from error

    def _open_for_reading(self) -> None:
        """Open the last published snapshot read-only (see ``kg.store.oxigraph_read``)."""
        self._store, self._lease, self._token = open_published(
            self.path, publish=lambda: OxigraphStore(self.path).close())  # a writing session publishes when it closes

    @property
    def state_token(self) -> str | None:
        """The token of the finished state this handle reads (None: unknown, or being written)."""
        if self.read_only:
            return self._token
        return None if self._dirty else read_state(self.path)

    def _begin_write(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only; open it with "
                             f"open_store(..., read_only=False) to change it.")
        if not self._dirty:
            mark_dirty(self.path)  # before the first write: a kill after it leaves the mark
            self._dirty = True

    @property
    def ox(self) -> ox.Store:
        """The pyoxigraph store itself, for bulk work that needs speed (with every article
        written so far in it)."""
        store = self._raw
        if self._pending:
            self._settle()
        return store

    @property
    def _raw(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.path} is closed; open it again with open_store().")
        return self._store

    def dataset(self) -> rdflib.Dataset:
        """The same data as an rdflib Dataset (oxrdflib), for code that speaks rdflib."""
        # oxrdflib imports rdflib's whole SPARQL engine: only this method loads it.
        from oxrdflib import OxigraphStore as RdflibOxigraph

        return rdflib.Dataset(store=RdflibOxigraph(store=self.ox))

    def article_hash(self, article_id: str) -> str | None:
        graph = to_ox(graph_iri(article_id))
        if graph in self._pending:  # asked without writing what is pending: a build asks of every article
            return self._pending[graph]
        subject = to_ox(article_iri(article_id))
        predicate = ox.NamedNode(str(KG.contentHash))
        with self._reading():
            for quad in self._raw.quads_for_pattern(subject, predicate, None, graph):
                return quad.object.value
        return None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except (OSError, RuntimeError) as error:
            raise store_fault(self.path, error, doing="read") from error

    def replace_articles(self, batch: Sequence[ArticleQuads]) -> None:
        """Replace each article's graph.

        Articles new to the store go in through the bulk loader, each with its content hash
        (see ``_insert_new``): a kill leaves a bulk load's articles all in, each whole with its
        hash, or all out, so a build writes them again. Articles already
        present are replaced together by one SPARQL update (unmerge + drop + insert, one
        transaction): a kill leaves each either as before or as after.
        """
        if not batch:
            return
        prepared: dict[Any, tuple[str, list[Quad]]] = {}
        for article_id, quads in batch:
            graph = graph_iri(article_id)
            prepared[graph] = (article_id, list(article_quads(article_id, graph, quads)))
        store = self._raw
        if any(to_ox(g) in self._pending for g in prepared):
            self._settle()  # an article pending and written again: the update path replaces it
        self._begin_write()
        present = {g for g in prepared if store.contains_named_graph(to_ox(g))}
        converted: dict[str, bytes] = {}
        try:
            fresh = [(g, item) for g, item in prepared.items() if g not in present]
            if fresh:
                self._insert_new(fresh, converted)
            if present:
                store.update(replace_update([(g, prepared[g][1]) for g in prepared if g in present]))
                # Bulk-loaded quads skip the memtables: only these need flushing.
                self._unflushed += sum(len(prepared[g][1]) for g in present)
            self._written += sum(len(quads) for _, quads in prepared.values())
            if self._unflushed >= FLUSH_EVERY_QUADS:
                store.flush()
                self._unflushed = 0
        except RuntimeError as error:
            raise store_fault(self.path, error, doing="write to") from error
        except (OSError, SyntaxError, ValueError) as error:
            ids = ", ".join(repr(a) for a, _ in prepared.values())
            raise StoreError(f"cannot write articles {ids} to {self.path}: {error}") from error
        if self.on_written is not None:
            for graph, (article_id, quads) in prepared.items():
                named = converted.get(str(graph))
                self.on_written(str(graph), named if named is not None else self._ntriples(article_id, quads))

    def _ntriples(self, article_id: str, quads: list[Quad]) -> bytes:
        """N-Triples of an article's statements (labels of blank nodes kept)."""
        try:
            return "".join(f"{line} .\n" for line in self._texts.lines(article_id, quads)).encode("utf-8")
        except NeedsTerms:
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in to_ox_quads(article_id, quads)]
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""

    def _insert_new(self, fresh: list[tuple[Any, tuple[str, list[Quad]]]], converted: dict[str, bytes]) -> None:
        """Queue articles new to the store for the bulk loader, each with its content hash.

        The bulk loader writes sorted files straight into RocksDB, skipping the memtables and
        their flushes. Its files go in at its end in one ingestion, which RocksDB records
        atomically (pyoxigraph's loader commits once, all column families together: a kill
        leaves all of one load or none of it), so an article's content hash, the mark that it
        is whole, goes in with its statements: the next build writes again whatever a kill
        left out. Within one load, hashes written apart, through the memtables, cost a second
        file per index at every load, and RocksDB compacts the store again for each pair of
        files (its background CPU over a 2,000-article build: 4.8-5.0 s with them apart, 2.7 s
        together). ``converted`` gets each article's N-Triples.

        Every article is converted (and its terms checked) before any is queued: a batch the
        store refuses leaves nothing behind.
        """
        queued: list[tuple[Any, str | None, bytes | list[ox.Quad], int]] = []
        for graph, (article_id, quads) in fresh:
            body: list[Quad] = []
            marks: list[Quad] = []
            for quad in quads:
                (marks if quad[1] == _CONTENT_HASH else body).append(quad)
            statements: bytes | list[ox.Quad]
            try:
                lines = self._texts.lines(article_id, body)
                hashes = self._texts.lines(article_id, marks)
                in_graph = f" {self._texts.iri(str(graph))} .\n"
                # Each statement in the article's graph, then in the default graph; its hash last.
                statements = "".join(f"{line}{in_graph}{line} .\n" for line in lines + hashes).encode("utf-8")
                converted[str(graph)] = "".join(f"{line} .\n" for line in lines + hashes).encode("utf-8")
            except NeedsTerms:
                statements = to_ox_quads(article_id, body + marks, also_default=True)
                converted[str(graph)] = self._ntriples(article_id, body + marks)
            queued.append((graph, str(marks[0][2]) if marks else None, statements, 2 * len(quads)))
        for graph, content_hash, statements, count in queued:
            if isinstance(statements, bytes):
                self._bulk.append(statements)
            else:
                self._bulk_terms.extend(statements)
            self._queued += count
            self._pending[to_ox(graph)] = content_hash
            if not count:  # an article with no quads still counts as present
                self._empty.append(to_ox(graph))
        if self._queued >= BULK_EVERY_QUADS:
            self._settle()

    def _settle(self) -> None:
        """Write the pending new articles, their content hashes with them, by bulk load."""
        store = self._raw
        bulk, terms, empty = self._bulk, self._bulk_terms, self._empty
        self._bulk, self._bulk_terms, self._pending, self._empty = [], [], {}, []
        self._queued = 0
        try:
            if bulk:
                store.bulk_load(b"".join(bulk), format=ox.RdfFormat.N_QUADS)
            if terms:
                store.bulk_extend(terms)
            for graph in empty:
                store.add_graph(graph)
        except (OSError, RuntimeError) as error:
            raise store_fault(self.path, error, doing="write to") from error

    def remove_article(self, article_id: str) -> bool:
        graph = to_ox(graph_iri(article_id))
        if not self.ox.contains_named_graph(graph):
            return False
        self._begin_write()
        self.ox.update(remove_update(graph_iri(article_id)))
        return True

    def article_ids(self) -> list[str]:
        with self._reading():
            graphs = list(self.ox.named_graphs())
        ids = (article_id_of(graph.value) for graph in graphs if isinstance(graph, ox.NamedNode))
        return sorted(i for i in ids if i is not None)

    def query(self, sparql: str) -> QueryResult:
        return self._answer(sparql, _result)

    def query_native(self, sparql: str) -> QueryResult:
        """``query``, the rows left in pyoxigraph's terms (``kg.results`` prints them as it
        prints rdflib's): converting every term to rdflib costs more than many queries."""
        return self._answer(sparql, native)

    def _answer(self, sparql: str, convert: Any) -> QueryResult:
        return answer(self.ox, self.path, sparql, convert)

    def update(self, sparql: str) -> None:
        self._begin_write()
        try:
            self.ox.update(sparql)
        except SyntaxError as error:
            raise QueryError(f"SPARQL update syntax error: {error}") from error
        except (OSError, RuntimeError) as error:
            raise store_fault(self.path, error, doing="update") from error

    def quads(self) -> Iterator[Quad]:
        """Every quad of the article graphs (the merged default graph is derived, left out)."""
        with self._reading():
            for graph in self.ox.named_graphs():
                for quad in self.ox.quads_for_pattern(None, None, None, graph):
                    yield from_ox_quad(quad)

    def sorted_dump(self, *, graphs: bool = True, scratch: Path | None = None) -> AbstractContextManager[SortedDump]:
        """Sorted by Oxigraph's own dumps and an external sort, in bounded memory (see
        ``kg.store.oxigraph_dump``); the default graph is kept as the merge of the articles'."""
        return oxigraph_dump.sorted_dump(self.ox, graphs=graphs, scratch=scratch, merged_default=True,
                                         known=self.graph_texts)

    def __len__(self) -> int:
        """The number of quads in the article graphs."""
        with self._reading():
            solution = next(iter(self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))
        return int(solution[0].value)

    def republish(self) -> None:
        """Publish the store's state again when this session closes (a snapshot gone wrong)."""
        self._begin_write()

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        if self._store is None:
            return
        try:
            if not self.read_only:
                self._settle()
                self._store.flush()
                if self._written >= OPTIMIZE_AFTER_QUADS:
                    self._store.optimize()
                    self._written = 0
                if self._dirty or not is_published(self.path):
                    self.published = publish(self.path, self._store.backup)
                    self._dirty = False
                else:
                    remove_unused(self.path)  # snapshots readers have let go of since
        except (OSError, RuntimeError) as error:
            raise store_fault(self.path, error, doing="close") from error
        finally:
            # RocksDB releases its lock when the last reference goes.
            self._store = None
            if self._lease is not None:
                self._lease.release()
                self._lease = None

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.path)!r})"


def _result(result: Any) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        # Rows repeat terms (classes, predicates, entities, articles): convert each once.
        seen: dict[Any, Any] = {None: None}
        rows = []
        for solution in result:
            row = []
            for term in solution:
                value = seen.get(term, seen)
                if value is seen:
                    value = seen[term] = from_ox(term)
                row.append(value)
            rows.append(tuple(row))
        return QueryResult("select", variables=variables, rows=tuple(rows))
    triples = tuple((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result)
    return QueryResult("graph", triples=triples)
