"""Graph -> networkx MultiDiGraph and GraphML for Gephi, Cytoscape and networkx.

Entities are nodes; every fact with an object is a typed edge. A statement and an export
value have no entity object, so they become nodes of their own (``Statement``,
``MonetaryAmount``) that the speaker or exporter points to; a value fact that names its
product is an edge to the product. GraphML attributes are only str, int, float and boolean
(a forecast), which every graph tool reads. Text holds no character XML 1.0 forbids (names
and quotes from articles may carry NUL, BEL or colour codes): those are dropped.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import networkx as nx

from kg.clean import xml_text
from kg.files import write_atomic
from kg.vocab.predicates import QUALIFIERS
from kg.rdf.facts import facts_document
from kg.rdf.statements import Source, rows_of

_EDGE_KEYS = (*QUALIFIERS, "article", "sentence", "start", "end", "confidence")


def _clean(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: xml_text(v) if isinstance(v, str) else v for k, v in attrs.items()
            if isinstance(v, (str, int, float, bool))}


def _amount_label(fact: dict[str, Any]) -> str:
    amount = fact.get("amount")
    text = f"{amount:,.0f}" if isinstance(amount, float) and amount.is_integer() else str(amount)
    return f"{text} {fact.get('currency') or ''}".strip()


def to_networkx(source: Source) -> nx.MultiDiGraph:
    """Entities and their relations as a MultiDiGraph (node = entity IRI, edge key = fact IRI)."""
    document = facts_document(list(rows_of(source)), with_iris=True)
    graph = nx.MultiDiGraph()
    for entity in document["entities"]:
        graph.add_node(entity["iri"], **_clean({
            "type": entity["type"] or "Other",
            "label": entity["label"],
            "names": " | ".join(entity["names"]),
            "same_as": " ".join(entity["same_as"]),
            "mentions": len(entity["mentions"]),
        }))
    for fact in document["facts"]:
        attrs = _clean({"predicate": fact["p"], "label": fact["p"], **{k: fact.get(k) for k in _EDGE_KEYS}})
        if "o" in fact:
            target = fact["o"]
        elif fact["p"] == "said":
            target = fact["iri"]
            graph.add_node(target, **_clean({"type": "Statement", "label": fact.get("quote") or fact["sentence"],
                                             "article": fact["article"]}))
        else:
            target = fact["iri"]
            graph.add_node(target, **_clean({"type": "MonetaryAmount", "label": _amount_label(fact),
                                             "amount": fact.get("amount"), "currency": fact.get("currency")}))
        for end in (fact["s"], target):
            if end not in graph:  # an endpoint no graph typed: keep the edge, say so
                graph.add_node(end, type="Unknown", label=xml_text(end))
        graph.add_edge(fact["s"], target, key=fact["iri"], **attrs)
    return graph


def graphml_bytes(source: Source | nx.Graph) -> bytes:
    """GraphML of an RDF source, or of a graph :func:`to_networkx` already made."""
    graph = source if isinstance(source, nx.Graph) else to_networkx(source)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(source: Source | nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write an RDF source (or a networkx graph) as GraphML to ``path``, atomically."""
    return write_atomic(path, graphml_bytes(source))
