"""Graph -> the neutral "facts document" that ``kg eval`` scores and ``kg export`` writes.

It reads the RDF back (never the Python objects), so what is scored is what was stored.
An entity met in several article graphs is one entity with its names and mentions merged.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any, Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.vocab.namespaces import DCTERMS, KG, ORG, OWL, PROV, RDF, SCHEMA, SKOS
from kg.vocab.predicates import BY_PROPERTY, QUALIFIERS, Qualifier
from kg.rdf.statements import from_oxigraph, rows_of

# Most specific first: an entity typed kg:Official and schema:Person is an Official.
TYPE_ORDER: tuple[tuple[URIRef, str], ...] = (
    (KG.Official, "Official"),
    (KG.Agency, "Agency"),
    (SCHEMA.GovernmentOrganization, "Agency"),
    (SCHEMA.Country, "Country"),
    (SCHEMA.Person, "Person"),
    (SCHEMA.Organization, "Organization"),
    (ORG.Organization, "Organization"),
    (SCHEMA.Place, "Place"),
    (SCHEMA.Product, "Product"),
    (SCHEMA.MedicalCondition, "Disease"),
    (SCHEMA.Event, "Event"),
    (SCHEMA.Thing, "Other"),
)
_ENTITY_CLASSES = {cls for cls, _ in TYPE_ORDER}

Index = dict[Node, dict[Node, list[Node]]]


def _index(source: Any) -> Index:
    """subject -> predicate -> objects, one entry per graph a triple occurs in."""
    rows = rows_of(source)
    seen: set[tuple[Node, ...]] = set()
    index: Index = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if isinstance(row, (ox.Quad, ox.Triple)):  # an Oxigraph store or its quads
            row = from_oxigraph([row if isinstance(row, ox.Quad) else ox.Quad(*row)])[0]
        s, p, o = row[0], row[1], row[2]
        g = row[3] if len(row) > 3 else None
        key = (s, p, o, getattr(g, "identifier", g))
        if key in seen:
            continue
        seen.add(key)
        index[s][p].append(o)
    return index


def _one(index: Index, s: Node, p: Node) -> Node | None:
    values = index.get(s, {}).get(p)
    return min(values) if values else None  # min: the same answer whatever the input order


def _text(node: Node | None) -> str | None:
    return str(node) if node is not None else None


def _int(node: Node | None) -> int | None:
    return int(node.toPython()) if isinstance(node, Literal) else None


def _number(node: Node | None) -> float | None:
    return float(node.toPython()) if isinstance(node, Literal) else None


def _entity_type(classes: Iterable[Node]) -> str | None:
    present = set(classes)
    for cls, name in TYPE_ORDER:
        if cls in present:
            return name
    return None


def _articles(index: Index) -> tuple[list[dict[str, Any]], dict[Node, str]]:
    articles: list[dict[str, Any]] = []
    ids: dict[Node, str] = {}
    for node, props in index.items():
        if KG.Article not in props.get(RDF.type, ()):
            continue
        article_id = _text(_one(index, node, DCTERMS.identifier)) or str(node)
        ids[node] = article_id
        articles.append({
            "id": article_id,
            "title": _text(_one(index, node, DCTERMS.title)),
            "published": _text(_one(index, node, DCTERMS.date)),
        })
    articles.sort(key=lambda a: a["id"])
    return articles, ids


def _entities(index: Index, article_ids: dict[Node, str]) -> list[dict[str, Any]]:
    mentions: dict[Node, list[dict[str, Any]]] = defaultdict(list)
    for node, props in index.items():
        if KG.Mention not in props.get(RDF.type, ()):
            continue
        entity = _one(index, node, KG.refersTo)
        article = _one(index, node, PROV.wasDerivedFrom)
        if entity is None:
            continue
        mentions[entity].append({
            "article": article_ids.get(article, _text(article)) if article is not None else None,
            "start": _int(_one(index, node, KG.startOffset)),
            "end": _int(_one(index, node, KG.endOffset)),
            "text": _text(_one(index, node, KG.anchorText)),
            "sentence": _text(_one(index, node, KG.sentence)),
        })

    entities: list[dict[str, Any]] = []
    for node, props in index.items():
        if not isinstance(node, URIRef) or not _ENTITY_CLASSES.intersection(props.get(RDF.type, ())):
            continue
        kind = _entity_type(props[RDF.type])
        labels = Counter(str(label) for label in props.get(SKOS.prefLabel, ()))
        # The label most graphs agree on; ties go to the shorter, then the first in order.
        label = min(labels, key=lambda t: (-labels[t], len(t), t)) if labels else str(node)
        others = set(labels) | {str(name) for name in props.get(SKOS.altLabel, ())}
        others.discard(label)
        entities.append({
            "iri": str(node),
            "type": kind,
            "label": label,
            "names": [label, *sorted(others)],
            "same_as": sorted({str(link) for link in props.get(OWL.sameAs, ())}),
            "mentions": sorted(
                mentions.get(node, []),
                key=lambda m: (m["article"] or "", m["start"] or 0, m["end"] or 0, m["text"] or ""),
            ),
        })
    entities.sort(key=lambda e: e["iri"])
    return entities


def _fact(index: Index, node: Node, article_ids: dict[Node, str]) -> dict[str, Any] | None:
    shape = BY_PROPERTY.get(_one(index, node, RDF.predicate))  # type: ignore[arg-type]
    subject = _one(index, node, RDF.subject)
    if shape is None or subject is None:
        return None
    fact: dict[str, Any] = {"s": str(subject), "p": shape.predicate.value}
    if shape.objects is not None:
        # The object entity: the fact's own role for it where it has one (a value fact's
        # rdf:object is its amount), else what it reifies.
        obj = _one(index, node, shape.object_role or RDF.object)
        if obj is None and shape.object_required:
            return None
        if obj is not None:
            fact["o"] = str(obj)
    for name in shape.qualifiers:
        qualifier = QUALIFIERS[name]
        holder = node if qualifier.node is None else _one(index, node, qualifier.node.link)
        value = _one(index, holder, qualifier.term) if holder is not None else None
        if value is not None:
            fact[name] = _value(qualifier, value)
        elif qualifier.kind == "flag":
            fact[name] = False  # written only when it holds: absent is false
    article = _one(index, node, PROV.wasDerivedFrom)
    fact["article"] = article_ids.get(article, _text(article)) if article is not None else None
    fact["sentence"] = _text(_one(index, node, KG.sentence))
    fact["start"] = _int(_one(index, node, KG.startOffset))
    fact["end"] = _int(_one(index, node, KG.endOffset))
    fact["confidence"] = _number(_one(index, node, KG.confidence))
    return fact


def _value(qualifier: Qualifier, node: Node) -> Any:
    """A qualifier's value in the facts document: numbers as JSON numbers, flags as booleans."""
    if qualifier.kind == "number":
        return _number(node)
    if qualifier.kind == "flag":
        return bool(node.toPython()) if isinstance(node, Literal) else None
    return str(node)


def _fact_key(fact: dict[str, Any]) -> tuple[Any, ...]:
    return (
        fact["article"] or "", fact["start"] or 0, fact["end"] or 0, fact["p"], fact["s"],
        fact.get("o", ""), fact.get("role") or "", fact.get("quote") or "",
        fact.get("quantity") or 0.0, fact.get("amount") or 0.0,
        # Facts equal so far (one figure for two periods or partners): all of it breaks the tie.
        json.dumps(fact, sort_keys=True, default=str),
    )


def facts_document(
    source: Graph | Iterable[tuple[Node, ...]] | ox.Store, *, with_iris: bool = False
) -> dict[str, Any]:
    """The facts document of a graph, a dataset, an Oxigraph store or quads.

    Its shape is the eval README's "facts document".

    ``with_iris`` adds each fact node's IRI as ``"iri"`` (for graph exports; not scored).

    >>> facts_document(extraction_to_quads(extraction))["facts"][0]["p"]
    'holdsPost'
    """
    index = _index(source)
    articles, article_ids = _articles(index)
    facts = []
    for node, props in index.items():
        if KG.Fact in props.get(RDF.type, ()):
            fact = _fact(index, node, article_ids)
            if fact is not None:
                if with_iris:
                    fact["iri"] = str(node)
                facts.append(fact)
    facts.sort(key=_fact_key)
    return {"articles": articles, "entities": _entities(index, article_ids), "facts": facts}
