"""SHACL validation of kg graphs against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph
from rdflib.term import Node

from kg.errors import InputError
from kg.rdf.namespaces import SH

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


def _as_graph(source: Graph | Dataset | Iterable[tuple[Node, ...]]) -> Graph | Dataset:
    if isinstance(source, Graph):  # Dataset is a Graph too
        return source
    dataset = Dataset()
    for row in source:
        dataset.add(row)  # type: ignore[arg-type]  # a triple goes to the default graph
    return dataset


def validate(
    source: Graph | Dataset | Iterable[tuple[Node, ...]],
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
) -> ValidationResult:
    """Validate a graph, a dataset (each named graph on its own) or quads against the shapes.

    >>> validate(extraction_to_quads(extraction)).conforms
    True
    """
    from pyshacl import validate as shacl_validate

    data = _as_graph(source)
    conforms, report, text = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else _load(SHAPES_PATH),
        ont_graph=ontology if ontology is not None else _load(ONTOLOGY_PATH),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    # Top-level results only: sh:detail nodes repeat the cause of a failed sh:node.
    violations = sum(
        1 for result in set(report.objects(None, SH.result))
        if (result, SH.resultSeverity, SH.Violation) in report
    )
    return ValidationResult(conforms=bool(conforms), violations=violations, text=str(text), report=report)
