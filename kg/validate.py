"""SHACL validation of kg graphs against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pyshacl import validate as shacl_validate
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import InputError
from kg.rdf.shapes_sparql import Screen, Unsupported, compile_shapes
from kg.store import Store, open_store
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

    On the embedded store, SPARQL finds the graphs that may not conform (``kg.rdf.shapes_sparql``)
    and pySHACL checks only those: the same result as pySHACL on every graph, 20-50x sooner.
    """
    with open_store(store, path=existing_store_path(output, store), read_only=True) as graph_store:
        screen = _screen() if per_graph and getattr(graph_store, "name", "") == "oxigraph" else None
        if screen is not None:
            return screened(graph_store, screen)
        return validate(list(graph_store.quads()), per_graph=per_graph)


@lru_cache(maxsize=1)
def _screen() -> Screen | None:
    try:
        return compile_shapes(_load(SHAPES_PATH), _load(ONTOLOGY_PATH))
    except Unsupported:
        return None


def screened(graph_store: Store, screen: Screen) -> ValidationResult:
    """``validate(graph_store.quads())``, with pySHACL run only on the graphs the screen names.

    Every other graph conforms; pySHACL's report of a conforming graph holds nothing but
    ``[] a sh:ValidationReport ; sh:conforms true``, which is what it gets here.
    """
    names = [row[0] for row in graph_store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows]
    suspects: set[Node] = set()
    for sparql in screen.queries:
        suspects.update(row[0] for row in graph_store.query(sparql).rows)
    shapes, ontology = _load(SHAPES_PATH), _load(ONTOLOGY_PATH)
    checked = []
    for name in sorted(suspects & set(names), key=str):
        data = Graph()
        for s, p, o in graph_store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}").rows:
            data.add((s, p, o))
        checked.append(_check(str(name), data, shapes, ontology))
    conforming = len(names) - len(checked)
    report = Graph()
    for _ in range(conforming):
        node = BNode()
        report.add((node, RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(True)))
    focus = int(graph_store.query(screen.focus_count).rows[0][0]) - sum(one.focus for one in checked)
    checked.append(_Checked("", True, 0, "", report, focus))
    return _result(checked, len(names))
