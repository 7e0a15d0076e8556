"""Check a graph folder end to end (``kg verify``) and put its derived state right (``kg repair``).

RocksDB checks a block's checksum only when the block is read, and a query reads only the
indexes its plan needs: bytes zeroed inside one index went unnoticed by queries using the
others. ``verify`` reads every quad through each of Oxigraph's nine indexes (subject,
predicate and object first, per named graph and in the default graph), decodes every term,
and compares what each index holds; then it checks the article graphs, the published
snapshot and the graph files against their stamp. Time and memory grow with the store,
once per index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import StoreError
from kg.graph_files import check_files, refresh_graph_files
from kg.store import OxigraphStore
from kg.store.faults import StoreDamaged, StoreInUse, cannot_write_here, is_damage, store_fault
from kg.store.terms import nt
from kg.vocab.iri import article_id_of
from kg.vocab.namespaces import KG
from kg.workspace import DEFAULT_OUTPUT, existing_store_path

_MASK = (1 << 64) - 1


@dataclass(frozen=True)
class IndexSum:
    """What one index holds: its number of quads and an order-free checksum of them."""
    quads: int = 0
    checksum: int = 0

    def plus(self, other: IndexSum) -> IndexSum:
        return IndexSum(self.quads + other.quads, (self.checksum + other.checksum) & _MASK)


@dataclass
class VerifyReport:
    """What ``verify`` read and what it found wrong; ``ok`` when nothing."""
    store: Path
    read: str = "the store"
    quads: int = 0
    graphs: int = 0
    articles: int = 0
    problems: list[str] = field(default_factory=list)
    files_fresh: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(*, output: str | Path = DEFAULT_OUTPUT, store: str | None = None) -> VerifyReport:
    """Read the whole store through every index, then check the snapshot and the graph files.

    The store itself is read when no process writes it; during a build, the state readers
    see (the last published snapshot) is read instead, and the report says so.

    >>> verify(output="output").ok  # doctest: +SKIP
    True
    """
    output = Path(output)
    path = _store_dir(output, store)
    report = VerifyReport(store=path)
    state = None
    try:
        with OxigraphStore(path) as primary:
            own = _read_everything(primary.ox, report)
            if report.problems:
                return report
            report.articles = len(primary.article_ids())
            _check_articles(primary, report)
        with OxigraphStore(path, read_only=True) as snapshot:
            state = snapshot.state_token
            if _scan_all(snapshot.ox) != own:
                report.problems.append(f"the published snapshot of {path} does not hold what the store "
                                       f"holds; `kg repair --output {output}` publishes it again")
    except StoreError as error:
        cause = error.__cause__
        if not isinstance(error, StoreInUse) and not (cause is not None and cannot_write_here(cause)):
            report.problems.append(str(error))
            return report
        report.read = ("the last published state (a build holds the store)" if isinstance(error, StoreInUse)
                       else "the store, read-only (this folder cannot be written)")
        try:
            with OxigraphStore(path, read_only=True) as snapshot:
                state = snapshot.state_token
                _read_everything(snapshot.ox, report)
                report.articles = len(snapshot.article_ids())
                _check_articles(snapshot, report)
        except StoreError as inner:
            report.problems.append(str(inner))
            return report
    files = check_files(output, state, hashes=True)
    report.files_fresh = files.fresh
    report.problems.extend(f"{problem}; `kg repair --output {output}` rewrites the graph files"
                           for problem in files.problems)
    return report


@dataclass(frozen=True)
class RepairReport:
    """What ``repair`` did."""
    published: bool
    files_written: tuple[Path, ...]


def repair(*, output: str | Path = DEFAULT_OUTPUT, store: str | None = None) -> RepairReport:
    """Put the derived state right: publish the store's state again, rewrite stale graph files.

    A damaged store cannot be repaired in place: the error says how to rebuild or restore it.

    >>> repair(output="output")  # doctest: +SKIP
    RepairReport(published=False, files_written=())
    """
    output = Path(output)
    path = _store_dir(output, store)
    with OxigraphStore(path) as primary:
        # Derived state is only worth rewriting from a sound store.
        check = VerifyReport(store=path)
        own = _read_everything(primary.ox, check)
        if check.problems:
            raise StoreDamaged(check.problems[0])
        if _snapshot_differs(path, own):
            primary.republish()
            published = True
        else:
            published = False
    with OxigraphStore(path, read_only=True) as snapshot:
        stale = not check_files(output, snapshot.state_token, hashes=True).fresh
    written = refresh_graph_files(output, store=store, force=stale)
    return RepairReport(published=published, files_written=tuple(written))


def _store_dir(output: Path, store: str | None) -> Path:
    name, _, location = (store or "oxigraph").partition(":")
    if name.lower() != "oxigraph":
        raise StoreError(f"kg verify and kg repair work on the on-disk store, not on {store!r}; "
                         f"leave out --store, or give oxigraph:DIR.")
    path = Path(location) if location else existing_store_path(output, None)
    if not path.is_dir():
        raise StoreError(f"no store at {path}: build one first with `kg build ARTICLES`.")
    return path


def _snapshot_differs(path: Path, own: IndexSum) -> bool:

    try:
        with OxigraphStore(path, read_only=True) as snapshot:
            return _scan_all(snapshot.ox) != own
    except StoreError:
        return True


def _read_everything(ox_store: Any, report: VerifyReport) -> IndexSum:
    """Read every index of ``ox_store``, adding what disagrees to ``report``; returns the full scan."""
    try:
        everything, predicates, objects, per_graph = _scan_all(ox_store, collect=True)
        graphs = set(ox_store.named_graphs())
        report.quads, report.graphs = everything.quads, len(graphs)
        unlisted = set(per_graph) - graphs - {ox.DefaultGraph()}
        if unlisted:
            report.problems.append(f"{len(unlisted)} graphs hold quads but are not listed as named graphs")
        indexes: dict[str, IndexSum] = {
            "predicate-first": _sum_of(ox_store, ((None, p, None, None) for p in predicates)),
            "object-first": _sum_of(ox_store, ((None, None, o, None) for o in objects)),
        }
        by_graph = IndexSum()
        by_graph_predicate = IndexSum()
        by_graph_object = IndexSum()
        for graph, (graph_predicates, graph_objects) in sorted(per_graph.items(), key=lambda item: str(item[0])):
            by_graph = by_graph.plus(_sum_of(ox_store, [(None, None, None, graph)]))
            by_graph_predicate = by_graph_predicate.plus(
                _sum_of(ox_store, ((None, p, None, graph) for p in graph_predicates)))
            by_graph_object = by_graph_object.plus(_sum_of(ox_store, ((None, None, o, graph) for o in graph_objects)))
        indexes.update({"graph-first": by_graph, "graph-predicate": by_graph_predicate,
                        "graph-object": by_graph_object})
        for name, index in indexes.items():
            if index != everything:
                report.problems.append(
                    f"the {name} indexes of {report.store} hold {index.quads} quads, the subject-first "
                    f"ones {everything.quads} (or the same number of different quads): the store is damaged; "
                    f"rebuild it from the articles (move {report.store} aside, then `kg build ARTICLES`) "
                    f"or restore it from a backup")
        return everything
    except (OSError, RuntimeError) as error:
        if is_damage(error):
            report.problems.append(str(store_fault(report.store, error, doing="read")))
            return IndexSum()
        raise


def _scan_all(ox_store: Any, *, collect: bool = False) -> Any:
    """The full subject-first scan; with ``collect``, also the predicates, objects and graphs seen."""
    quads = 0
    checksum = 0
    predicates: set[Any] = set()
    objects: set[Any] = set()
    per_graph: dict[Any, tuple[set[Any], set[Any]]] = {}
    for quad in ox_store.quads_for_pattern(None, None, None, None):
        quads += 1
        # str() decodes every term, reading the strings' own column family too.
        checksum = (checksum + hash(str(quad))) & _MASK
        if collect:
            predicates.add(quad.predicate)
            objects.add(quad.object)
            graph_predicates, graph_objects = per_graph.setdefault(quad.graph_name, (set(), set()))
            graph_predicates.add(quad.predicate)
            graph_objects.add(quad.object)
    everything = IndexSum(quads, checksum)
    return (everything, predicates, objects, per_graph) if collect else everything


def _sum_of(ox_store: Any, patterns: Iterable[tuple[Any, Any, Any, Any]]) -> IndexSum:
    quads = 0
    checksum = 0
    for pattern in patterns:
        for quad in ox_store.quads_for_pattern(*pattern):
            # pyoxigraph 0.5 scans one key too far when a term's key ends in 0xFF (an object
            # 767 also returns the quads of 768): only what the pattern asked for is counted.
            if _matches(quad, pattern):
                quads += 1
                checksum = (checksum + hash(str(quad))) & _MASK
    return IndexSum(quads, checksum)


def _matches(quad: Any, pattern: tuple[Any, Any, Any, Any]) -> bool:
    subject, predicate, object_, graph = pattern
    return ((subject is None or quad.subject == subject) and (predicate is None or quad.predicate == predicate)
            and (object_ is None or quad.object == object_) and (graph is None or quad.graph_name == graph))


def _check_articles(graph_store: Any, report: VerifyReport) -> None:
    """Every article graph carries exactly one content hash (what incremental builds compare)."""
    rows = graph_store.query(
        f"SELECT ?g (COUNT(?h) AS ?n) WHERE {{ GRAPH ?g {{ ?a {nt(URIRef(KG.contentHash))} ?h }} }} GROUP BY ?g").rows
    counts = {article_id_of(str(g)): int(n) for g, n in rows}
    for article_id in graph_store.article_ids():
        if counts.get(article_id, 0) != 1:
            report.problems.append(
                f"article {article_id!r} has {counts.get(article_id, 0)} content hashes, not 1; "
                f"`kg build` with that article reads it again (or `kg remove {article_id}`)")

