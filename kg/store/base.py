"""The Store protocol every backend implements, and the result of a query."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Protocol, runtime_checkable

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.rdf.statements import SortedDump, sorted_dump_of
from kg.store.terms import Quad, nt
from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import KG

ArticleQuads = tuple[str, Iterable[Any]]


@dataclass(frozen=True)
class QueryResult:
    """What a SPARQL query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    Iterating gives the rows, or the triples; ``bool()`` of an ASK result is its answer.
    Unbound values are ``None``.
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


@runtime_checkable
class Store(Protocol):
    """A quad store holding one named graph per article (see ``kg.store.open_store``)."""

    def article_hash(self, article_id: str) -> str | None: ...

    def replace_article(self, article_id: str, quads: Iterable[Any]) -> None: ...

    def replace_articles(self, batch: Sequence[ArticleQuads]) -> None: ...

    def remove_article(self, article_id: str) -> bool: ...

    def article_ids(self) -> list[str]: ...

    def query(self, sparql: str) -> QueryResult: ...

    def update(self, sparql: str) -> None: ...

    def quads(self) -> Iterator[Quad]: ...

    def sorted_dump(self, *, graphs: bool = True, scratch: Path | None = None) -> AbstractContextManager[SortedDump]:
        """The article graphs' statements sorted for the writers (``kg.rdf.serialize``):
        all merged, and graph by graph when ``graphs``; spilled under ``scratch`` if the
        store sorts on disk."""
        ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


class StoreBase:
    """Behaviour shared by every backend: context management and article naming."""

    def replace_article(self, article_id: str, quads: Iterable[Any]) -> None:
        self.replace_articles([(article_id, quads)])

    def replace_articles(self, batch: Sequence[ArticleQuads]) -> None:  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def quads(self) -> Iterator[Quad]:  # pragma: no cover
        raise NotImplementedError

    @contextmanager
    def sorted_dump(self, *, graphs: bool = True, scratch: Path | None = None) -> Iterator[SortedDump]:
        # Stores that cannot sort for themselves hand their quads over and are sorted in memory.
        yield sorted_dump_of(self.quads(), graphs=graphs)

    def __enter__(self) -> Any:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def hash_query(article_id: str) -> str:
    return (
        f"SELECT ?h WHERE {{ GRAPH {nt(graph_iri(article_id))} "
        f"{{ {nt(article_iri(article_id))} {nt(URIRef(KG.contentHash))} ?h }} }} LIMIT 1"
    )


def _unmerge(graph: URIRef) -> str:
    # Take the graph's triples out of the merged default graph unless another graph has them.
    g = nt(graph)
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g}"
    )


def remove_update(graph: URIRef) -> str:
    """One SPARQL update that removes a graph and its share of the merged default graph."""
    return _unmerge(graph)


def replace_update(batch: Sequence[tuple[URIRef, Sequence[Quad]]]) -> str:
    """One SPARQL update that replaces each graph and keeps the merged default graph right.

    The default graph holds the set union of the article graphs (see ``kg.store``). A SPARQL
    update request runs as one transaction on Oxigraph (and on stores that make requests
    atomic), so a reader never sees half an article.
    """
    parts = [_unmerge(graph) for graph, _ in batch]
    blocks = []
    merged = []
    for graph, quads in batch:
        if quads:
            body = " ".join(f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o, _ in quads)
            blocks.append(f"GRAPH {nt(graph)} {{ {body} }}")
            merged.append(body)
    if blocks:
        # One INSERT DATA: a blank node label names the same node in both copies.
        parts.append("INSERT DATA { " + "\n".join(blocks) + "\n" + "\n".join(merged) + " }")
    return " ;\n".join(parts)
