"""What networkx can tell of the graph: counts, the most central entities, components, communities.

``graph_stats`` reads a store (SPARQL on entity classes, labels, mentions and the direct
triples; see ``kg.rdf.network``) and returns plain data that ``kg stats`` prints as tables or as
JSON. Every figure is rounded and every list sorted with a tie-break, so the same graph
gives the same output on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kg.linking import SparqlReader
from kg.rdf.facts import TYPE_ORDER
from kg.rdf.network import entities_only, entity_network, measure
from kg.store import open_store
from kg.vocab.prefixes import shorten
from kg.workspace import existing_store_path

# The kinds ``kg stats`` ranks by centrality, and the entity types each takes in.
CENTRAL_GROUPS: dict[str, tuple[str, ...]] = {
    "officials": ("Official", "Person"),
    "agencies": ("Agency", "Organization"),
    "countries": ("Country",),
}
DEFAULT_TOP = 10

_PROLOGUE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
"""
ARTICLES_QUERY = _PROLOGUE + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"
FACTS_QUERY = _PROLOGUE + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Fact }"
FACTS_BY_PREDICATE_QUERY = _PROLOGUE + """SELECT ?p (COUNT(DISTINCT ?f) AS ?n)
WHERE { ?f a kg:Fact ; rdf:predicate ?p } GROUP BY ?p"""


def _count(graph_store: Any, sparql: str) -> int:
    rows = graph_store.query(sparql).rows
    return int(rows[0][0].toPython()) if rows and rows[0][0] is not None else 0


def _entity_count(graph_store: Any) -> int:
    values = " ".join(f"<{cls}>" for cls, _ in TYPE_ORDER)
    return _count(graph_store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?e a ?c }}")


def graph_totals(graph_store: Any) -> dict[str, int]:
    """Articles, entities, facts and triples (quads of the article graphs) in a store.

    >>> graph_totals(store)  # doctest: +SKIP
    {'articles': 8, 'entities': 140, 'facts': 149, 'triples': 4377}
    """
    return {
        "articles": _count(graph_store, ARTICLES_QUERY),
        "entities": _entity_count(graph_store),
        "facts": _count(graph_store, FACTS_QUERY),
        "triples": len(graph_store),
    }


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _ranked(network: nx.Graph, figures: dict[str, dict[str, Any]], types: Sequence[str], top: int) -> list[dict[str, Any]]:
    nodes = [n for n in figures if network.nodes[n]["type"] in types]
    nodes.sort(key=lambda n: (-figures[n]["pagerank"], -figures[n]["degree"], network.nodes[n]["label"], n))
    return [
        {"iri": node, "label": network.nodes[node]["label"], "type": network.nodes[node]["type"],
         "articles": network.nodes[node]["articles"], **{k: figures[node][k] for k in ("degree", "pagerank", "betweenness")}}
        for node in nodes[:top]
    ]


def _pair(graph: nx.Graph, a: str, b: str, data: dict[str, Any]) -> dict[str, Any]:
    first, second = sorted((graph.nodes[a]["label"], graph.nodes[b]["label"]))
    return {"a": first, "b": second, "articles": data["articles"], "relations": data["relations"]}


def network_stats(network: nx.Graph, *, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """The measures of an entity network (see :func:`kg.rdf.network.entity_network`)."""
    graph = entities_only(network)
    figures = measure(graph)
    components: dict[int, int] = {}
    communities: dict[int, list[str]] = {}
    for node, values in figures.items():
        components[values["component"]] = components.get(values["component"], 0) + 1
        communities.setdefault(values["community"], []).append(node)
    by_pagerank = lambda n: (-figures[n]["pagerank"], graph.nodes[n]["label"], n)  # noqa: E731
    pairs = sorted(
        graph.edges(data=True),
        key=lambda e: (-e[2]["articles"], -e[2]["weight"], *sorted((graph.nodes[e[0]]["label"], graph.nodes[e[1]]["label"]))),
    )
    return {
        "network": {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "fact_edges": sum(1 for _, _, d in graph.edges(data=True) if d["facts"]),
            "co_mention_edges": sum(1 for _, _, d in graph.edges(data=True) if d["articles"]),
            "isolated": sum(1 for n in graph if graph.degree(n) == 0),
            "components": len(components),
            "largest_component": max(components.values(), default=0),
            "communities": len(communities),
        },
        "central": {group: _ranked(graph, figures, types, top) for group, types in CENTRAL_GROUPS.items()},
        "communities": [
            {"size": len(members), "members": [graph.nodes[n]["label"] for n in sorted(members, key=by_pagerank)[:5]]}
            for _, members in sorted(communities.items())[:top]
        ],
        "appear_together": [_pair(graph, a, b, data) for a, b, data in pairs[:top]],
    }


def graph_stats(graph_store: Any, *, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """Every figure ``kg stats`` shows, as plain data (what ``--format json`` prints)."""
    network = entity_network(graph_store)
    by_type: dict[str, int] = {}
    for _, data in network.nodes(data=True):
        by_type[data["type"]] = by_type.get(data["type"], 0) + 1
    by_predicate = {shorten(str(p)): int(n.toPython()) for p, n in graph_store.query(FACTS_BY_PREDICATE_QUERY).rows}
    return {
        "graph": graph_totals(graph_store),
        "entities_by_type": _by_count(by_type),
        "facts_by_predicate": _by_count(by_predicate),
        **network_stats(network, top=top),
    }


def stats(*, output: str | Path = "output", store: str | None = None, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """The figures of the graph under ``output`` (or in ``store``).

    >>> stats(output="output")["graph"]["articles"]  # doctest: +SKIP
    8
    """
    with open_store(store, path=existing_store_path(output, store), read_only=True) as graph_store:
        return graph_stats(graph_store, top=top)
