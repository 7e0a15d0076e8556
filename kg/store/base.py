"""The Store protocol every backend implements (the result of a query: ``kg.store.result``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from rdflib import URIRef

from kg.rdf.statements import SortedDump, sorted_dump_of
from kg.store.result import QueryResult
from kg.store.terms import Quad, nt
from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import KG

ArticleQuads = tuple[str, Iterable[Any]]


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
