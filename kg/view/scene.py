"""What a graph view shows: entities as nodes, facts between them as edges, and per entity
its facts with their source sentences; read from a store, then cut down to a part.

The store's default graph (the merge of the article graphs) is read with a few SPARQL
queries; entity kinds come from the classes ``kg.rdf.mapping`` types them with, so a new
kind needs no change here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Literal, URIRef

from kg.model import EntityType
from kg.rdf.mapping import ENTITY_CLASSES
from kg.vocab.namespaces import RDF

PREFIXES = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
"""
ENTITIES = PREFIXES + """SELECT ?e ?type ?label ?article WHERE {
  ?a kg:mentions ?e ; dcterms:identifier ?article .
  ?e a ?type ; skos:prefLabel ?label .
}"""
ALT_LABELS = PREFIXES + "SELECT ?e ?alt WHERE { ?a kg:mentions ?e . ?e skos:altLabel ?alt }"
FACTS = PREFIXES + """SELECT ?fact ?s ?p ?o ?sentence ?article ?confidence ?role ?quote ?amount ?currency ?quantity ?unit WHERE {
  ?fact a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; kg:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?fact rdf:object ?o }
  OPTIONAL { ?fact kg:confidence ?confidence }
  OPTIONAL { ?fact kg:post ?post . ?post skos:prefLabel ?role }
  OPTIONAL { ?fact kg:quote ?quote }
  OPTIONAL { ?fact kg:value ?v . ?v schema:value ?amount . OPTIONAL { ?v schema:currency ?currency } }
  OPTIONAL { ?fact kg:quantity ?q . ?q schema:value ?quantity . OPTIONAL { ?q schema:unitText ?unit } }
}"""
MENTIONS = PREFIXES + """SELECT ?e ?sentence ?article WHERE {
  ?m a kg:Mention ; kg:refersTo ?e ; kg:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?article .
}"""
# Sentences that only mention an entity (besides its facts' sentences) kept per entity.
MENTIONS_SHOWN = 3


@dataclass
class Node:
    """An entity (or, in a CONSTRUCT view, any resource) with what the side panel shows."""

    id: str
    label: str
    type: str
    names: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    facts: list[dict[str, Any]] = field(default_factory=list)
    mentions: set[tuple[str, str]] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        facts = sorted(self.facts, key=lambda f: (f["predicate"], f.get("other", ""), f.get("article", ""), f.get("sentence", "")))
        said = {f.get("sentence") for f in facts}
        mentions = sorted((a, s) for a, s in self.mentions if s not in said)[:MENTIONS_SHOWN]
        return {
            "id": self.id, "label": self.label, "type": self.type,
            "names": sorted(self.names - {self.label}), "articles": sorted(self.articles),
            "facts": facts, "mentions": [{"article": a, "sentence": s} for a, s in mentions],
        }


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


@dataclass
class Scene:
    """Nodes by id and edges with the number of facts behind each."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[Edge, set[str]] = field(default_factory=dict)  # edge -> articles stating it

    def neighbours(self) -> dict[str, set[str]]:
        near: dict[str, set[str]] = defaultdict(set)
        for edge in self.edges:
            near[edge.source].add(edge.target)
            near[edge.target].add(edge.source)
        return near

    def keep(self, ids: Iterable[str]) -> Scene:
        """The scene cut to the nodes ``ids`` and the edges between them."""
        kept = {i: self.nodes[i] for i in sorted(set(ids)) if i in self.nodes}
        edges = {e: a for e, a in self.edges.items() if e.source in kept and e.target in kept}
        return Scene(kept, edges)


def kind_of(types: Iterable[str]) -> str:
    """The most specific entity kind among an entity's classes (``Official`` before ``Person``)."""
    present = set(types)
    for kind, classes in ENTITY_CLASSES.items():
        if str(classes[0]) in present:
            return kind.value
    return EntityType.OTHER.value


def local_name(iri: str) -> str:
    for mark in ("#", "/"):
        if mark in iri.rstrip(mark):
            return iri.rstrip(mark).rsplit(mark, 1)[1]
    return iri


def _text(term: Any) -> str:
    return "" if term is None else str(term)


def read_scene(store: Any) -> Scene:
    """Every entity of the store, the facts between entities as edges, facts and sentences per entity."""
    scene = Scene()
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[str]] = defaultdict(set)
    for e, cls, label, article in store.query(ENTITIES).rows:
        key = str(e)
        types[key].add(str(cls))
        labels[key].add(str(label))
        articles[key].add(str(article))
    for key in types:
        # One label per node, the same in every run: the shortest, then the first in order.
        label = min(labels[key], key=lambda t: (len(t), t))
        scene.nodes[key] = Node(key, label, kind_of(types[key]), names=set(labels[key]), articles=articles[key])
    for e, alt in store.query(ALT_LABELS).rows:
        if str(e) in scene.nodes:
            scene.nodes[str(e)].names.add(str(alt))
    for row in store.query(FACTS).bindings():
        _add_fact(scene, row)
    for e, sentence, article in store.query(MENTIONS).rows:
        if str(e) in scene.nodes:
            scene.nodes[str(e)].mentions.add((str(article), str(sentence)))
    return scene


def _value(row: dict[str, Any]) -> str:
    if "quote" in row:
        return f"“{row['quote']}”"
    if "amount" in row:
        return f"{row['amount']} {_text(row.get('currency'))}".strip()
    return ""


def _add_fact(scene: Scene, row: dict[str, Any]) -> None:
    subject, obj = str(row["s"]), _text(row.get("o"))
    if subject not in scene.nodes:
        return
    predicate = local_name(str(row["p"]))
    label = str(row["role"]) if "role" in row else predicate
    detail = _value(row)
    if "quantity" in row:
        detail = f"{row['quantity']} {_text(row.get('unit'))}".strip()
    fact = {
        "predicate": predicate, "role": _text(row.get("role")), "value": detail,
        "sentence": str(row["sentence"]), "article": str(row["article"]),
        "confidence": _text(row.get("confidence")),
    }
    target = scene.nodes.get(obj)
    if target is not None:
        scene.nodes[subject].facts.append({**fact, "other": target.label, "otherId": obj, "direction": "out"})
        target.facts.append({**fact, "other": scene.nodes[subject].label, "otherId": subject, "direction": "in"})
        scene.edges.setdefault(Edge(subject, obj, label), set()).add(str(row["article"]))
    else:
        scene.nodes[subject].facts.append({**fact, "other": "", "otherId": "", "direction": "out"})


def scene_from_triples(triples: Iterable[tuple[Any, Any, Any]], known: Scene) -> Scene:
    """The scene of a CONSTRUCT result: its resources as nodes, resource-to-resource triples as edges.

    Resources the store knows as entities keep their label, kind, facts and sentences;
    literal-valued triples show in the side panel.
    """
    scene = Scene()
    classes: dict[str, set[str]] = defaultdict(set)
    literals: list[tuple[str, str, str]] = []
    links: list[tuple[str, str, str]] = []
    for s, p, o in triples:
        if not isinstance(s, (URIRef, BNode)):
            continue
        if p == RDF.type and isinstance(o, URIRef):
            classes[str(s)].add(str(o))
            _ensure(scene, known, str(s))
        elif isinstance(o, Literal):
            literals.append((str(s), local_name(str(p)), str(o)))
            _ensure(scene, known, str(s))
        else:
            links.append((str(s), local_name(str(p)), str(o)))
            _ensure(scene, known, str(s))
            _ensure(scene, known, str(o))
    for key, found in classes.items():
        if key not in known.nodes:
            scene.nodes[key].type = kind_of(found)
    for s, p, value in literals:
        scene.nodes[s].facts.append({"predicate": p, "role": "", "value": value, "sentence": "",
                                     "article": "", "confidence": "", "other": "", "otherId": "", "direction": "out"})
    for s, p, o in links:
        scene.edges.setdefault(Edge(s, o, p), set())
    return scene


def _ensure(scene: Scene, known: Scene, key: str) -> None:
    if key in scene.nodes:
        return
    if key in known.nodes:
        source = known.nodes[key]
        scene.nodes[key] = Node(key, source.label, source.type, set(source.names), set(source.articles),
                                list(source.facts), set(source.mentions))
    else:
        scene.nodes[key] = Node(key, local_name(key), EntityType.OTHER.value)
