"""SHACL validation of kg graphs against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg import verdicts as stored
from kg.errors import InputError
from kg.rdf.shapes_sparql import Screen, Unsupported, compile_shapes
from kg.store import Store, open_store
from kg.store.graph_texts import GraphTexts
from kg.store.terms import from_ox
from kg.vocab.namespaces import RDF, SH
from kg.workspace import existing_store_path

ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class ValidationResult:
    """What SHACL said: ``conforms``, the number of violations and pySHACL's text report."""

    conforms: bool
    violations: int
    text: str
    report: Graph
    focus_nodes: int = 0  # nodes the shapes' targets selected, summed over graphs

    def __bool__(self) -> bool:
        return self.conforms


@lru_cache(maxsize=None)
def _load(path: Path) -> Graph:
    if not path.is_file():
        raise InputError(f"{path} is missing: reinstall kg, the package ships its ontology")
    return Graph().parse(path, format="turtle")


def ontology_graph() -> Graph:
    """The kg ontology (a fresh copy: callers may add to it)."""
    graph = Graph()
    for triple in _load(ONTOLOGY_PATH):
        graph.add(triple)
    return graph


def shapes_graph() -> Graph:
    graph = Graph()
    for triple in _load(SHAPES_PATH):
        graph.add(triple)
    return graph


def _graphs(
    source: Graph | Dataset | Iterable[tuple[Node, ...]], *, per_graph: bool
) -> list[tuple[str, Graph]]:
    """(name, graph) for each graph of the source, or the union as one graph."""
    if isinstance(source, Graph) and not hasattr(source, "contexts"):
        return [("", source)]
    rows = source.quads((None, None, None, None)) if isinstance(source, Graph) else source
    graphs: dict[str, Graph] = {}
    for row in rows:
        g = row[3] if len(row) > 3 else None  # type: ignore[misc]
        named = per_graph and g is not None and g != DATASET_DEFAULT_GRAPH_ID
        name = str(getattr(g, "identifier", g)) if named else ""
        graphs.setdefault(name, Graph()).add(row[:3])  # type: ignore[arg-type]
    return sorted(graphs.items())


def validate(
    source: Graph | Dataset | Iterable[tuple[Node, ...]],
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
    per_graph: bool = True,
) -> ValidationResult:
    """Validate a graph, or each named graph of a dataset or of quads on its own.

    Each article graph must be complete in itself (it repeats the types and labels of the
    entities it mentions), so named graphs are checked apart. ``per_graph=False`` checks
    their union in one pass instead: much faster on many articles, but it cannot see a
    graph that borrows a type or label from another.

    >>> validate(extraction_to_quads(extraction)).conforms
    True
    """
    shapes = shapes if shapes is not None else _load(SHAPES_PATH)
    ontology = ontology if ontology is not None else _load(ONTOLOGY_PATH)
    graphs = _graphs(source, per_graph=per_graph)
    checked = [_check(name, data, shapes, ontology) for name, data in graphs]
    return _result(checked, len(graphs))


@dataclass(frozen=True)
class _Checked:
    name: str
    conforms: bool
    violations: int
    text: str
    report: Graph
    focus: int


def _check(name: str, data: Graph, shapes: Graph, ontology: Graph) -> _Checked:
    """pySHACL on one graph."""
    from pyshacl import validate as shacl_validate  # 0.3 s to import: only for a graph to check

    ok, results, text = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    # Top-level results only: sh:detail nodes repeat the cause of a failed sh:node.
    found = sum(
        1 for result in set(results.objects(None, SH.result))
        if (result, SH.resultSeverity, SH.Violation) in results
    )
    return _Checked(name, bool(ok), found, str(text), results, _count_focus_nodes(data, shapes))


def _result(checked: list[_Checked], graphs: int) -> ValidationResult:
    conforms, violations, texts, report, focus = True, 0, [], Graph(), 0
    for one in checked:
        focus += one.focus
        conforms = conforms and one.conforms
        violations += one.violations
        report += one.report
        if not one.conforms:
            texts.append(f"Graph {one.name or '(default)'}:\n{one.text}" if graphs > 1 else one.text)
    text = "\n".join(texts) if texts else "Validation Report\nConforms: True\n"
    return ValidationResult(conforms=conforms, violations=violations, text=text, report=report,
                            focus_nodes=focus)


def _count_focus_nodes(data: Graph, shapes: Graph) -> int:
    """How many nodes of ``data`` the shapes target (by class or by subject of a property)."""
    nodes: set[Node] = set()
    for cls in set(shapes.objects(None, SH.targetClass)):
        nodes.update(data.subjects(RDF.type, cls))
    for prop in set(shapes.objects(None, SH.targetSubjectsOf)):
        nodes.update(data.subjects(prop, None))
    return len(nodes)


def validate_store(
    *, output: str | Path = "output", store: str | None = None, per_graph: bool = True
) -> ValidationResult:
    """Validate every article graph of the store that ``kg build`` wrote under ``output``.

    On the embedded store, each graph's verdict is kept with a fingerprint of the graph
    (``kg.verdicts``): only graphs changed since their verdict are checked again, by SPARQL
    that names the graphs which may not conform (``kg.rdf.shapes_sparql``) and pySHACL on
    those alone. The result is pySHACL's on every graph, at a small part of its cost.
    """
    with open_store(store, path=existing_store_path(output, store), read_only=True) as graph_store:
        current = refresh_verdicts(graph_store) if per_graph else None
        if current is not None:
            return from_verdicts(current)
        return validate(list(graph_store.quads()), per_graph=per_graph)


@lru_cache(maxsize=1)
def _screen() -> Screen | None:
    try:
        return compile_shapes(_load(SHAPES_PATH), _load(ONTOLOGY_PATH))
    except Unsupported:
        return None


def refresh_verdicts(graph_store: Store, *, save: bool = True, changed: list[str] | None = None,
                     since: str | None = None,
                     known: dict[str, stored.Verdict] | None = None) -> dict[str, stored.Verdict] | None:
    """A current verdict for every article graph of an embedded Oxigraph store: the stored
    one where the graph is unchanged, a new one (stored too, with ``save``) where not; None
    for a store that keeps no verdicts, or shapes the screen does not compile.

    A read-only handle reads one published state: verdicts stamped with its token are
    current as they stand. A writing session that started on state ``since`` and wrote the
    graphs ``changed`` fingerprints only those, if the verdicts covered ``since``. Otherwise
    each graph's fingerprint decides. ``known``: verdicts already made on graphs as this
    session wrote them (``judge_texts``), taken as they are, without reading those graphs.
    """
    if getattr(graph_store, "name", "") != "oxigraph":
        return None
    path = graph_store.path  # type: ignore[attr-defined]
    kept, token = stored.load(path)
    state = graph_store.state_token if graph_store.read_only else None  # type: ignore[attr-defined]
    if state is not None and token == state:
        return kept
    prints: dict[str, str | None] = {}
    if changed is not None and since is not None and token == since:
        # A writing session that began on the state the verdicts cover: only what it wrote changed.
        rewritten = set(changed)
        prints.update((name, verdict.fingerprint) for name, verdict in kept.items() if name not in rewritten)
        graphs: list[str] | None = changed
    else:
        graphs = None
    current = {name: verdict for name, verdict in kept.items() if name in prints}
    if known:
        prints.update((name, verdict.fingerprint or None) for name, verdict in known.items())
        current.update(known)
        if graphs is None:
            graphs = sorted(g.value for g in graph_store.ox.named_graphs()  # type: ignore[attr-defined]
                            if isinstance(g, ox.NamedNode))
        graphs = [name for name in graphs if name not in known]
    judged = False
    for batch in stored.dumps(graph_store.ox, graphs):  # type: ignore[attr-defined]
        # Each graph is read once: its fingerprint and, when its verdict is stale, its copy
        # for the screen come from the same N-Triples.
        stale: dict[str, bytes] = {}
        for name, data in batch.items():
            prints[name] = digest = stored.fingerprint(data)
            verdict = kept.get(name)
            if digest is not None and verdict is not None and verdict.fingerprint == digest:
                current[name] = verdict
            else:
                stale[name] = data
        if stale:
            screen = _screen()
            if screen is None:
                return None
            current.update(_judge(graph_store, screen, stale, prints))
            judged = True
    whole = all(digest is not None for digest in prints.values())
    if save and (judged or len(current) != len(kept) or (state is not None and whole)):
        stored.save(path, {name: verdict for name, verdict in current.items() if prints[name] is not None},
                    token=state if whole else None)
    return current


def stamp_verdicts(store_path: Path, verdicts: dict[str, stored.Verdict], token: str | None) -> None:
    """Store verdicts made in a writing session, stamped with the state it published."""
    stored.save(store_path, {name: v for name, v in verdicts.items() if v.fingerprint}, token=token)


def _judge(graph_store: Store, screen: Screen, graphs: dict[str, bytes],
           prints: dict[str, str | None]) -> dict[str, stored.Verdict]:
    """Verdicts on ``graphs`` (names and N-Triples): the screen run on them, pySHACL on those it names.

    A graph the screen does not name conforms; pySHACL's report of it holds nothing but
    ``[] a sh:ValidationReport ; sh:conforms true`` (see ``from_verdicts``).
    """
    # The screen reads each graph alone, so it can run on a copy of just these graphs in
    # memory: a third less CPU than on the store on disk, where every step of a pattern
    # is a RocksDB seek (and VALUES ?g, to pick the graphs there, costs more again).
    return _verdicts(_in_memory(graphs), screen, sorted(graphs), prints,
                     lambda name: _graph_of(graph_store, URIRef(name)))


def judge_texts(graphs: dict[str, bytes],
                keep: Callable[[str, bytes], None] | None = None) -> dict[str, stored.Verdict] | None:
    """Verdicts on article graphs from their statements as they were written to the store
    (names and N-Triples); None for shapes the screen does not compile.

    The same verdicts ``refresh_verdicts`` makes by reading the graphs back: the copy in
    memory encodes the terms as the store on disk does, so it dumps the same N-Triples, and
    the fingerprints, the screen and pySHACL read that copy instead of the disk. ``keep`` is
    given each graph's N-Triples as dumped.
    """
    screen = _screen()
    if screen is None:
        return None
    scratch = ox.Store()
    for name, data in graphs.items():
        graph = ox.NamedNode(name)
        if b"_:" in data:  # blank nodes keep their labels only as terms: a load gives them new ones
            scratch.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
                           for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        else:
            # Lenient: the text was checked term by term as it was made (``StatementTexts``)
            # or written by Oxigraph, so its IRIs need no second validation (a fifth of the load).
            scratch.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
    prints: dict[str, str | None] = {}
    for name in graphs:
        data = scratch.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        if data:  # as on disk, a graph with no statements is no graph
            prints[name] = stored.fingerprint(data)
            if keep is not None:
                keep(name, data)
    return _verdicts(scratch, screen, sorted(prints), prints, lambda name: _graph_in(scratch, name))


# Graphs judged together during a build: about one build batch, so the work keeps pace with
# the writing instead of coming in bursts of 500 graphs.
WRITTEN_BATCH = 64


class WrittenGraphs:
    """Verdicts on the article graphs a build writes, made from their statements as written
    (``judge_texts``), a batch of graphs at a time, so that none is read back from the store.

    ``submit`` runs each batch's judging in a worker process (``Workers.submit``) and returns
    its future: with ``--jobs N`` the driver, which links and writes for every process, only
    hands the statements over; the verdicts and dumps come back by :meth:`verdicts`."""

    def __init__(self, texts: GraphTexts | None = None, submit: Callable[..., Future] | None = None) -> None:
        self.texts = texts  # where each graph's N-Triples go, for the graph files
        self._pending: dict[str, bytes] = {}
        self._verdicts: dict[str, stored.Verdict] | None = {}
        self._submit = submit
        self._judging: list[Future] = []

    def add(self, graph: str, ntriples: bytes) -> None:
        """One article graph's statements as written (``OxigraphStore.on_written``)."""
        self._pending[graph] = ntriples
        if len(self._pending) >= WRITTEN_BATCH:
            self._judge()

    def flush(self) -> None:
        """Judge (or hand to the worker) the graphs added since the last batch."""
        self._judge()

    def verdicts(self) -> dict[str, stored.Verdict] | None:
        """A verdict on every graph added (None where the screen does not compile)."""
        self._judge()
        for future in self._judging:
            self._take(*future.result())
        self._judging = []
        return self._verdicts

    def _judge(self) -> None:
        if self._pending and self._verdicts is not None:
            if self._submit is not None:
                # Results taken as they come back, so a long build holds only the few in flight.
                while self._judging and self._judging[0].done():
                    self._take(*self._judging.pop(0).result())
                self._judging.append(self._submit(judge_and_keep, self._pending))
            else:
                self._take(judge_texts(self._pending, self.texts.add if self.texts is not None else None), [])
        self._pending = {}

    def _take(self, judged: dict[str, stored.Verdict] | None, dumps: list[tuple[str, bytes]]) -> None:
        if self.texts is not None:
            for name, data in dumps:
                self.texts.add(name, data)
        if self._verdicts is not None:
            self._verdicts = None if judged is None else {**self._verdicts, **judged}


def judge_and_keep(graphs: dict[str, bytes]) -> tuple[dict[str, stored.Verdict] | None, list[tuple[str, bytes]]]:
    """``judge_texts`` as a worker's task: the verdicts, and each graph's N-Triples as dumped."""
    dumps: list[tuple[str, bytes]] = []
    judged = judge_texts(graphs, lambda name, data: dumps.append((name, data)))
    return judged, dumps


def _verdicts(scratch: ox.Store, screen: Screen, names: list[str], prints: dict[str, str | None],
              graph_of: Callable[[str], Graph]) -> dict[str, stored.Verdict]:
    """The screen run on the graphs ``names`` of ``scratch``, pySHACL on those it names
    (read by ``graph_of``)."""
    focus: dict[str, int] = {}
    suspects: set[str] = set()
    for row in scratch.query(screen.focus_by_graph):
        focus[row[0].value] = int(row[1].value)
    for sparql in screen.queries:
        suspects.update(row[0].value for row in scratch.query(sparql))
    shapes, ontology = _load(SHAPES_PATH), _load(ONTOLOGY_PATH)
    verdicts = {}
    for name in names:
        check = None
        if name in suspects:
            one = _check(name, graph_of(name), shapes, ontology)
            check = {"conforms": one.conforms, "violations": one.violations, "text": one.text,
                     "report": _portable(one.report)}
        verdicts[name] = stored.Verdict(prints[name] or "", focus.get(name, 0), check)
    return verdicts


def _in_memory(graphs: dict[str, bytes]) -> ox.Store:
    """A pyoxigraph store in memory holding the named graphs ``graphs`` (names and N-Triples)."""
    scratch = ox.Store()
    for name, data in graphs.items():
        scratch.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    return scratch


def _graph_in(scratch: ox.Store, name: str) -> Graph:
    data = Graph()
    for quad in scratch.quads_for_pattern(None, None, None, ox.NamedNode(name)):
        data.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return data


def _graph_of(graph_store: Store, name: URIRef) -> Graph:
    data = Graph()
    for s, p, o in graph_store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}").rows:
        data.add((s, p, o))
    return data


def _portable(report: Graph) -> str:
    """The report as N-Triples, the blank nodes it shares with the shapes graph (sh:sourceShape,
    sh:resultPath) labelled by their content, so reports made in other processes share them too."""
    import warnings

    labels = _shape_labels()
    out = Graph()
    for triple in report:
        out.add(tuple(BNode(labels[t]) if isinstance(t, BNode) and t in labels else t for t in triple))  # type: ignore[arg-type]
    with warnings.catch_warnings():  # an ill-typed value the report quotes is written as it stands
        warnings.simplefilter("ignore")
        return out.serialize(format="nt")


@lru_cache(maxsize=1)
def _shape_labels() -> dict[Node, str]:
    """A label for each blank node of the shapes graph, the same in every process."""
    import hashlib

    shapes = _load(SHAPES_PATH)
    content: dict[Node, str] = {}

    def digest(node: Node) -> str:
        if node not in content:
            parts = sorted(f"{p.n3()} {digest(o) if isinstance(o, BNode) else o.n3()}" for p, o in shapes.predicate_objects(node))
            content[node] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return content[node]

    labels = {}
    for node in {t for triple in shapes for t in triple if isinstance(t, BNode)}:
        owners = sorted(f"{s.n3() if not isinstance(s, BNode) else digest(s)} {p.n3()}" for s, p in shapes.subject_predicates(node))
        labels[node] = "shape" + hashlib.sha256((digest(node) + "\n" + "\n".join(owners)).encode()).hexdigest()[:24]
    return labels


def from_verdicts(verdicts: dict[str, stored.Verdict]) -> ValidationResult:
    """The result pySHACL gives on every graph, from each graph's verdict."""
    checked = []
    labels: dict[str, Node] = {}  # one node per label across reports, as in pySHACL's union
    for name in sorted(verdicts):
        check = verdicts[name].check
        if check is not None:
            report = Graph().parse(data=check["report"], format="nt", bnode_context=labels)
            checked.append(_Checked(name, bool(check["conforms"]), int(check["violations"]), str(check["text"]),
                                    report, verdicts[name].focus))
    report = Graph()
    for _ in range(len(verdicts) - len(checked)):
        node = BNode()
        report.add((node, RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(True)))
    focus = sum(verdict.focus for verdict in verdicts.values()) - sum(one.focus for one in checked)
    checked.append(_Checked("", True, 0, "", report, focus))
    return _result(checked, len(verdicts))
