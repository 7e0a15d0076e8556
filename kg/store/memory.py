"""An rdflib in-memory Dataset: nothing on disk, for tests and one-off runs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import rdflib
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import QueryError
from kg.vocab.iri import article_id_of, article_iri, graph_iri
from kg.vocab.namespaces import KG
from kg.store.base import ArticleQuads, QueryResult, StoreBase
from kg.store.terms import Quad, article_quads, graph_name


class MemoryStore(StoreBase):
    """Quads in an rdflib ``Dataset``; its default graph is the merge of the article graphs."""

    name = "memory"

    def __init__(self) -> None:
        self._dataset = rdflib.Dataset()

    def dataset(self) -> rdflib.Dataset:
        return self._dataset

    def article_hash(self, article_id: str) -> str | None:
        # A view on the graph; Dataset.graph() would create it.
        graph = rdflib.Graph(store=self.dataset().store, identifier=graph_iri(article_id))
        value = graph.value(article_iri(article_id), URIRef(KG.contentHash))
        return None if value is None else str(value)

    def replace_articles(self, batch: Sequence[ArticleQuads]) -> None:
        # Quads are checked before anything is removed, so a bad article changes nothing.
        prepared = []
        for article_id, quads in batch:
            graph = graph_iri(article_id)
            prepared.append((graph, list(article_quads(article_id, graph, quads))))
        dataset = self.dataset()
        default = dataset.default_graph
        for graph, quads in prepared:
            self._drop(graph)
            named = dataset.graph(graph)  # an article with no quads still counts as present
            for s, p, o, _ in quads:
                named.add((s, p, o))
                default.add((s, p, o))

    def _drop(self, graph: URIRef) -> None:
        dataset = self.dataset()
        named = rdflib.Graph(store=dataset.store, identifier=graph)
        default = dataset.default_graph
        for triple in list(named):
            elsewhere = any(
                c is not None and graph_name(c) not in (graph, DATASET_DEFAULT_GRAPH_ID)
                for _, _, _, c in dataset.quads(triple)
            )
            if not elsewhere:
                default.remove(triple)
        dataset.remove_graph(graph)

    def remove_article(self, article_id: str) -> bool:
        graph = graph_iri(article_id)
        if graph not in self._graph_names():
            return False
        self._drop(graph)
        return True

    def _graph_names(self) -> set[Any]:
        return {graph_name(g) for g in self.dataset().graphs()} - {DATASET_DEFAULT_GRAPH_ID}

    def article_ids(self) -> list[str]:
        ids = (article_id_of(str(g)) for g in self._graph_names() if isinstance(g, URIRef))
        return sorted(i for i in ids if i is not None)

    def query(self, sparql: str) -> QueryResult:
        try:
            result = self.dataset().query(sparql)
        except Exception as error:  # rdflib raises pyparsing and assorted errors for bad SPARQL
            raise QueryError(f"SPARQL error: {error}") from error
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            variables = tuple(str(v) for v in result.vars or ())
            rows = tuple(tuple(row) for row in result)
            return QueryResult("select", variables=variables, rows=rows)
        return QueryResult("graph", triples=tuple(result))

    def update(self, sparql: str) -> None:
        try:
            self.dataset().update(sparql)
        except Exception as error:
            raise QueryError(f"SPARQL update error: {error}") from error

    def quads(self) -> Iterator[Quad]:
        """Every quad of the article graphs (the merged default graph is derived, left out)."""
        for s, p, o, g in self.dataset().quads((None, None, None, None)):
            name = graph_name(g)
            if name is not None and name != DATASET_DEFAULT_GRAPH_ID:
                yield (s, p, o, name)

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def close(self) -> None:
        # Nothing to release; the data lives as long as this object.
        pass

    def __repr__(self) -> str:
        return "MemoryStore()"
