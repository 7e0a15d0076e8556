"""The entity network: entities joined by the facts between them and by co-mention.

Built from a store with SPARQL on terms that stay put whatever shape a fact node takes:
entity classes (``rdf:type``), ``skos:prefLabel``, an article's ``kg:mentions`` and the direct
triples between two entities (``kg:holdsPostIn``, ``org:subOrganizationOf``, ``kg:basedIn``,
...). It is the graph ``kg stats`` measures and the GraphML ``kg export`` writes for Gephi and
Cytoscape: one node per entity, one weighted undirected edge per pair of entities that an
article relates or names together. Statements (``kg:said``) can be added as nodes of their
own; they are left out by default so that quotes do not make up the bulk of the network.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.linking import SparqlReader
from kg.rdf.facts import TYPE_ORDER
from kg.rdf.statements import to_oxigraph
from kg.vocab.prefixes import shorten

# (An edge's weight counts the articles that name both ends, plus the articles stating each
# fact between them: a stated relation is stronger evidence than sitting in the same text.)

# Exact betweenness walks the graph once from every node, O(nodes x edges): seconds on a
# thousand articles, hours on a whole corpus. Above this many node-edge steps it is
# estimated from a fixed sample of sources (seeded, so the same every run), at least
# BETWEENNESS_MIN_SOURCES of them.
BETWEENNESS_BUDGET = 20_000_000
BETWEENNESS_MIN_SOURCES = 32
# The seed of the community search and of betweenness sampling: the same figures every run.
COMMUNITY_SEED = 0


def _entity_classes() -> tuple[tuple[str, str], ...]:
    return tuple((str(cls), name) for cls, name in TYPE_ORDER)


_PROLOGUE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
"""


def _types_query() -> str:
    values = " ".join(f"<{cls}>" for cls, _ in _entity_classes())
    return _PROLOGUE + f"SELECT DISTINCT ?e ?class WHERE {{ VALUES ?class {{ {values} }} ?e a ?class }}"


LABELS_QUERY = _PROLOGUE + """SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n)
WHERE { GRAPH ?g { ?e skos:prefLabel ?label } } GROUP BY ?e ?label"""
MENTIONS_QUERY = _PROLOGUE + "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?article kg:mentions ?e } }"
# Every triple from one IRI to another, with the number of articles stating it; only those
# joining two entities are kept. Predicates that never join two entities are left out here
# only to keep the result small.
LINKS_QUERY = _PROLOGUE + """SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(isIRI(?o) && ?s != ?o
         && ?p NOT IN (rdf:type, kg:mentions, kg:refersTo, prov:wasDerivedFrom, owl:sameAs,
                       rdf:subject, rdf:object, rdf:predicate))
} GROUP BY ?s ?p ?o"""
SAID_QUERY = _PROLOGUE + "SELECT DISTINCT ?speaker ?statement ?quote WHERE { ?speaker kg:said ?statement OPTIONAL { ?statement kg:quote ?quote } }"


def _rows(graph_store: SparqlReader, sparql: str) -> list[tuple[Any, ...]]:
    return list(graph_store.query(sparql).rows)


def _entities(graph_store: SparqlReader) -> dict[str, dict[str, Any]]:
    rank = {cls: i for i, (cls, _) in enumerate(_entity_classes())}
    names = dict(_entity_classes())
    best: dict[str, str] = {}
    for entity, cls in _rows(graph_store, _types_query()):
        iri, cls = str(entity), str(cls)
        if iri not in best or rank[cls] < rank[best[iri]]:
            best[iri] = cls
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for entity, label, count in _rows(graph_store, LABELS_QUERY):
        if str(entity) in best:
            labels[str(entity)][str(label)] += int(count.toPython())
    entities = {}
    for iri in sorted(best):
        counts = labels.get(iri)
        # The label most articles agree on; ties to the shorter, then the first in order.
        label = min(counts, key=lambda t: (-counts[t], len(t), t)) if counts else iri
        entities[iri] = {"label": label, "type": names[best[iri]]}
    return entities


def entity_network(graph_store: SparqlReader, *, statements: bool = False) -> nx.Graph:
    """The weighted entity network of a store (nodes: entity IRIs; see the module's notes).

    Node attributes: ``label``, ``type``, ``articles`` (articles naming it), ``statements``
    (what it said). Edge attributes: ``weight``, ``articles`` (articles naming both),
    ``facts`` (fact statements joining them, counted per article) and ``relations`` (their
    predicates, e.g. ``kg:holdsPostIn``). With ``statements``, each statement is a node of
    type ``Statement`` (its quote as label) joined to its speaker by a ``kg:said`` edge.

    >>> network = entity_network(store)  # doctest: +SKIP
    >>> network.nodes["https://w3id.org/kg-news/id/place/Q114"]["label"]  # doctest: +SKIP
    'Kenya'
    """
    entities = _entities(graph_store)
    mentioned: dict[str, list[str]] = defaultdict(list)
    for graph, entity in _rows(graph_store, MENTIONS_QUERY):
        if str(entity) in entities:
            mentioned[str(graph)].append(str(entity))
    articles_of: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for members in mentioned.values():
        members = sorted(set(members))
        articles_of.update(members)
        pairs.update(combinations(members, 2))
    said: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for speaker, statement, quote in _rows(graph_store, SAID_QUERY):
        if str(speaker) in entities:
            said[str(speaker)].append((str(statement), str(quote) if quote is not None else ""))

    network = nx.Graph()
    for iri, entity in entities.items():
        network.add_node(iri, label=entity["label"], type=entity["type"], articles=articles_of[iri],
                         statements=len(said.get(iri, ())))
    for (a, b), count in sorted(pairs.items()):
        network.add_edge(a, b, articles=count, facts=0, relations="")
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, p, o, count in sorted(_rows(graph_store, LINKS_QUERY), key=lambda row: tuple(map(str, row[:3]))):
        s, o = str(s), str(o)
        if s not in entities or o not in entities:
            continue
        a, b = sorted((s, o))
        if not network.has_edge(a, b):
            network.add_edge(a, b, articles=0, facts=0, relations="")
        network.edges[a, b]["facts"] += int(count.toPython())
        relations[(a, b)].add(shorten(str(p)))
    for (a, b), names in relations.items():
        network.edges[a, b]["relations"] = " ".join(sorted(names))
    for _, _, data in network.edges(data=True):
        data["weight"] = float(data["articles"] + data["facts"])
    if statements:
        for speaker in sorted(said):
            for statement, quote in sorted(said[speaker]):
                network.add_node(statement, label=quote, type="Statement", articles=1, statements=0)
                network.add_edge(speaker, statement, articles=1, facts=1, relations="kg:said", weight=1.0)
    return network


def entities_only(network: nx.Graph) -> nx.Graph:
    """The network without statement nodes (what the measures are taken on)."""
    keep = [n for n, d in network.nodes(data=True) if d.get("type") != "Statement"]
    return network.subgraph(keep).copy()  # a copy: algorithms on a subgraph view run many times slower


def pagerank_of(graph: nx.Graph, *, damping: float = 0.85, tolerance: float = 1e-10,
                rounds: int = 200) -> dict[Any, float]:
    """Weighted PageRank by power iteration, in node order.

    networkx's own ``pagerank`` needs SciPy, a large dependency for this one measure; on an
    undirected graph the iteration is short, and a node without edges spreads its rank evenly
    as networkx does.
    """
    nodes = sorted(graph)
    n = len(nodes)
    if not n:
        return {}
    strength = {v: sum(d.get("weight", 1.0) for _, _, d in graph.edges(v, data=True)) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(rounds):
        dangling = damping * sum(rank[v] for v in nodes if not strength[v]) / n
        new = dict.fromkeys(nodes, (1.0 - damping) / n + dangling)
        for v in nodes:
            if strength[v]:
                share = damping * rank[v] / strength[v]
                for _, u, d in graph.edges(v, data=True):
                    new[u] += share * d.get("weight", 1.0)
        change = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if change < n * tolerance:
            break
    return rank


def betweenness_sources(graph: nx.Graph) -> int | None:
    """How many sources betweenness is estimated from (None: all of them, exact)."""
    nodes, edges = graph.number_of_nodes(), max(graph.number_of_edges(), 1)
    if nodes * edges <= BETWEENNESS_BUDGET:
        return None
    return min(nodes, max(BETWEENNESS_MIN_SOURCES, BETWEENNESS_BUDGET // edges))


def measure(network: nx.Graph) -> dict[str, dict[str, Any]]:
    """Degree, PageRank, betweenness, component and community of every entity node.

    Statement nodes are not measured. PageRank and communities follow edge weights;
    betweenness counts hops, estimated from a fixed sample of sources on large graphs
    (:func:`betweenness_sources`).
    Results are rounded so that the same graph prints the same figures on every machine.
    """
    graph = entities_only(network)
    nodes = sorted(graph)
    if not nodes:
        return {}
    pagerank = pagerank_of(graph)
    betweenness = nx.betweenness_centrality(graph, k=betweenness_sources(graph), seed=COMMUNITY_SEED, normalized=True)
    component_of = {}
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(components):
        for node in members:
            component_of[node] = index
    community_of = {}
    communities = nx.community.louvain_communities(graph, weight="weight", seed=COMMUNITY_SEED)
    for index, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))):
        for node in members:
            community_of[node] = index
    return {
        node: {
            "degree": graph.degree(node),
            "pagerank": round(pagerank[node], 6),
            "betweenness": round(betweenness[node], 6),
            "component": component_of[node],
            "community": community_of[node],
        }
        for node in nodes
    }


def annotated(network: nx.Graph) -> nx.Graph:
    """The network with :func:`measure`'s figures as node attributes (for Gephi and Cytoscape)."""
    graph = network.copy()
    for node, figures in measure(network).items():
        graph.nodes[node].update(figures)
    return graph


def network_graphml(network: nx.Graph) -> bytes:
    """GraphML of a network, nodes and edges in sorted order so the bytes are reproducible."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(network.nodes(data=True), key=lambda item: item[0]))
    ordered.add_edges_from(sorted(((min(a, b), max(a, b), d) for a, b, d in network.edges(data=True)),
                                  key=lambda e: (e[0], e[1])))
    buffer = io.BytesIO()
    nx.write_graphml(ordered, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


class QuadsReader:
    """SPARQL over a list of quads (the default graph their merge), as a store answers it.

    Lets the GraphML writer, which is handed quads, read them as ``entity_network`` reads a
    store; an in-memory Oxigraph store answers in milliseconds where rdflib takes seconds.
    """

    def __init__(self, quads: Iterable[Any]) -> None:
        self._store = ox.Store()
        self._store.extend(to_oxigraph(list(quads)))

    def query(self, sparql: str) -> Any:
        solutions = self._store.query(sparql, use_default_graph_as_union=True)
        return _Rows([tuple(_term(value) for value in solution) for solution in solutions])


class _Rows:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows


def _term(value: Any) -> Any:
    if value is None or isinstance(value, ox.NamedNode):
        return None if value is None else URIRef(value.value)
    if isinstance(value, ox.Literal):
        return Literal(value.value, lang=value.language) if value.language else \
            Literal(value.value, datatype=URIRef(value.datatype.value))
    return URIRef(str(value))  # a blank node: kg mints none; keep it a distinct term


def write_graphml(quads: list[Any], out: Any, *, statements: bool = False) -> None:
    """The annotated entity network of ``quads`` as GraphML (the ``graphml`` export format)."""
    out.write(network_graphml(annotated(entity_network(QuadsReader(quads), statements=statements))))
