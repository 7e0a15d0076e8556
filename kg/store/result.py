"""What a SPARQL query gave, in a module of its own: reading commands import it without rdflib."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


@dataclass(frozen=True)
class QueryResult:
    """What a SPARQL query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    Iterating gives the rows, or the triples; ``bool()`` of an ASK result is its answer.
    Unbound values are ``None``. Rows hold rdflib terms, except where a caller asked a store
    for its own terms (``kg.store.query_native``), which ``kg.results`` renders the same way.
    """

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()

    @property
    def vars(self) -> list[str]:
        return list(self.variables)

    def bindings(self) -> list[dict[str, Node]]:
        """Each row as ``{variable: term}``, unbound variables left out."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def graph(self) -> Graph:
        """The triples of a CONSTRUCT/DESCRIBE result as an rdflib Graph."""
        from rdflib import Graph  # only this method needs rdflib: `kg query` starts without it

        graph = Graph()
        for triple in self.triples:
            graph.add(triple)
        return graph

    def __iter__(self) -> Iterator[Any]:
        return iter(self.triples if self.kind == "graph" else self.rows)

    def __len__(self) -> int:
        return len(self.triples if self.kind == "graph" else self.rows)

    def __bool__(self) -> bool:
        if self.kind == "ask":
            return bool(self.boolean)
        return len(self) > 0
