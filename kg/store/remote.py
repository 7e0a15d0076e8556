"""A remote SPARQL 1.1 endpoint: Query, Update and Graph Store Protocol over HTTP (urllib).

URL conventions, so that one URL is usually enough:

- ``http://host:7878`` or ``http://host:7878/query`` (Oxigraph server): ``/query``,
  ``/update``, GSP at ``/store``;
- ``http://host:3030/ds/query`` or ``.../sparql`` (Fuseki): update at ``.../update``, GSP at
  ``.../data``;
- anything else (GraphDB ``/repositories/REPO``, Virtuoso ``/sparql``) is used for both query
  and update; pass ``update_url=`` (GraphDB: ``.../statements``) and ``gsp_url=`` as needed.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.vocab.iri import article_id_of, graph_iri
from kg.vocab.namespaces import GRAPH
from kg.store.base import (
    ArticleQuads,
    QueryResult,
    StoreBase,
    hash_query,
    remove_update,
    replace_update,
)
from kg.store.terms import Quad, article_quads, from_ox, from_sparql_json, nt

_RESULTS_JSON = "application/sparql-results+json"
_ACCEPT = f"{_RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.5"


def endpoints(url: str) -> tuple[str, str, str | None]:
    """(query, update, graph store) URLs guessed from one endpoint URL."""
    base = url.rstrip("/")
    path = urllib.parse.urlsplit(base).path
    if path in ("", "/"):
        return f"{base}/query", f"{base}/update", f"{base}/store"
    if path == "/query":  # Oxigraph server's own query URL
        root = base[: -len(path)]
        return base, root + "/update", root + "/store"
    for suffix in ("/query", "/sparql"):
        if path.endswith(suffix) and path != suffix:  # Fuseki: /DATASET/query
            root = base[: -len(suffix)]
            return base, root + "/update", root + "/data"
    return base, base, None


class RemoteStore(StoreBase):
    """Quads on a SPARQL 1.1 server; each batch of replaced articles is one update request.

    As in every kg store, the default graph holds the merge of the article graphs, kept by
    the same update that replaces them. Configure the server to keep its default graph
    apart from the named graphs (Fuseki and Oxigraph do so by default; in GraphDB and
    Virtuoso the default graph already reads every graph, which gives the same answers).
    The Graph Store Protocol URL serves ``load_graph``; articles are written by SPARQL
    Update so that a graph and its share of the merge change in one request.
    """

    name = "sparql"

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float = 60.0,
    ) -> None:
        query, update, gsp = endpoints(url)
        self.url = url
        self.query_url = query
        self.update_url = update_url or update
        self.gsp_url = gsp_url or gsp
        self.timeout = timeout
        self._headers: dict[str, str] = {}
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            self._headers["Authorization"] = f"Basic {token}"

    # -- HTTP ------------------------------------------------------------------------------

    def _request(
        self, url: str, *, method: str, data: bytes | None, content_type: str | None, accept: str | None = None
    ) -> tuple[str, bytes]:
        headers = dict(self._headers)
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace").strip()
            if error.code == 400:
                raise QueryError(f"{url} rejected the request: {body or error.reason}") from error
            raise StoreError(f"{url} answered HTTP {error.code}: {body or error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(
                f"cannot reach the SPARQL endpoint {url}: {reason}; is the server running?"
            ) from error

    def _query(self, sparql: str) -> QueryResult:
        form = {"query": sparql}
        data = urllib.parse.urlencode(form).encode()
        content_type, body = self._request(
            self.query_url,
            method="POST",
            data=data,
            content_type="application/x-www-form-urlencoded",
            accept=_ACCEPT,
        )
        return _parse_result(content_type, body, self.query_url)

    # -- Store API -------------------------------------------------------------------------

    def query(self, sparql: str) -> QueryResult:
        return self._query(sparql)

    def update(self, sparql: str) -> None:
        self._request(
            self.update_url,
            method="POST",
            data=sparql.encode("utf-8"),
            content_type="application/sparql-update; charset=utf-8",
        )

    def article_hash(self, article_id: str) -> str | None:
        result = self._query(hash_query(article_id))
        return str(result.rows[0][0]) if result.rows and result.rows[0][0] is not None else None

    def _present(self, graphs: Sequence[Any]) -> set[str]:
        values = " ".join(nt(g) for g in graphs)
        result = self._query(f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        return {str(row[0]) for row in result.rows}

    def replace_articles(self, batch: Sequence[ArticleQuads]) -> None:
        """The whole batch in one update request: drop, unmerge, insert."""
        if not batch:
            return
        prepared = []
        for article_id, quads in batch:
            graph = graph_iri(article_id)
            prepared.append((graph, list(article_quads(article_id, graph, quads))))
        self.update(replace_update(prepared))

    def load_graph(self, graph: str, triples: Sequence[tuple[Any, Any, Any]]) -> None:
        """Put ``triples`` as the whole content of ``graph`` with the Graph Store Protocol.

        For graphs that are not articles' (an ontology, say): they take no part in the merge.
        """
        if not self.gsp_url:
            raise StoreError(f"no Graph Store Protocol URL is known for {self.url}; pass gsp_url=.")
        body = "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples).encode("utf-8")
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': str(graph)})}"
        self._request(url, method="PUT", data=body, content_type="application/n-triples")

    def remove_article(self, article_id: str) -> bool:
        graph = graph_iri(article_id)
        if not self._present([graph]):
            return False
        self.update(remove_update(graph))
        return True

    def article_ids(self) -> list[str]:
        result = self._query(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}'
        )
        ids = (article_id_of(str(row[0])) for row in result.rows)
        return sorted(i for i in ids if i is not None)

    def quads(self) -> Iterator[Quad]:
        """The quads of every named graph (kg writes nothing to the default graph)."""
        result = self._query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for s, p, o, g in result.rows:
            yield (s, p, o, g)  # type: ignore[misc]

    def __len__(self) -> int:
        result = self._query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(result.rows[0][0]) if result.rows else 0  # type: ignore[arg-type]

    def close(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"


def _parse_result(content_type: str, body: bytes, url: str) -> QueryResult:
    mime = content_type.split(";")[0].strip().lower()
    if mime in (_RESULTS_JSON, "application/json"):
        document = json.loads(body)
        if "boolean" in document:
            return QueryResult("ask", boolean=bool(document["boolean"]))
        variables = tuple(document.get("head", {}).get("vars", []))
        rows = tuple(
            tuple(from_sparql_json(b[v]) if v in b else None for v in variables)
            for b in document.get("results", {}).get("bindings", [])
        )
        return QueryResult("select", variables=variables, rows=rows)
    formats = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
               "text/plain": ox.RdfFormat.N_TRIPLES}
    if mime in formats:
        triples = tuple(
            (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
            for t in ox.parse(body, formats[mime])
        )
        return QueryResult("graph", triples=triples)
    raise StoreError(f"{url} answered with {content_type or 'no content type'}, which kg cannot read")
