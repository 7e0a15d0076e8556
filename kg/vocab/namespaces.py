"""Namespaces as ``DefinedNamespace`` classes: a misspelt term fails at import, not in output."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

from kg.vocab.iris import BASE, NAMESPACES
from kg.vocab.iris import ID as _ID

ID = Namespace(_ID)
GRAPH = Namespace(NAMESPACES["graph"])
WD = Namespace(NAMESPACES["wd"])

# schema.org under the name the ontology uses; rdflib's SDO already lists every term.
SCHEMA = SDO


class KG(DefinedNamespace):
    """kg's own ontology terms (declared in ontology/kg.ttl)."""

    _NS = Namespace(NAMESPACES["kg"])
    _fail = True

    # Classes
    Article: str  # a news article read by kg
    Official: str  # a person who holds or speaks for a public office
    Agency: str  # a government body
    Mention: str  # one place where an article names an entity
    Fact: str  # one relation read from one sentence, with provenance
    PostHolding: str  # a fact: a person holds a post in an organization or place
    ExportFlow: str  # a fact: goods (or their value) exported by a country or organization
    ImportFlow: str  # a fact: goods (or their value) imported by a country or organization
    Statement: str  # a fact: reported speech

    # Article
    contentHash: str
    mentions: str
    # What an article yielded, counted when its graph is written (listings read them
    # instead of counting every article's nodes at query time)
    entityCount: str
    mentionCount: str
    factCount: str

    # Mention
    refersTo: str
    anchorText: str

    # Provenance shared by mentions and facts
    sentence: str
    startOffset: str
    endOffset: str
    extractor: str
    modelVersion: str
    confidence: str
    # The fact's article's identifier on the fact itself: a short sort key held inline
    articleId: str

    # Relations between entities (direct shortcut triples)
    holdsPostIn: str
    basedIn: str
    locatedIn: str
    nationality: str
    exports: str
    exportValue: str
    imports: str
    importValue: str
    said: str

    # Parts of reified facts
    post: str
    jurisdiction: str
    exporter: str
    importer: str
    product: str
    quantity: str
    value: str
    speaker: str
    quote: str

    # Trade qualifiers: the other side of a flow, the dates of its period, a forecast
    partner: str
    periodStart: str
    periodEnd: str
    forecast: str
    reportedBy: str

    # Cross-article entity resolution (why an entity is an existing node)
    Resolution: str
    resolvedTo: str
    unresolvedIri: str
    matchedName: str
    matchedKey: str


# rdflib's namespaces are the plain table's (kg.vocab.iris), which the reading path uses.
_RDFLIB = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV,
           "org": ORG, "schema": SCHEMA, "kg": KG, "wd": WD, "graph": GRAPH}
assert {p: str(ns) for p, ns in _RDFLIB.items()} == NAMESPACES, "kg.vocab.iris and rdflib disagree"

__all__ = [
    "BASE",
    "DCTERMS",
    "GRAPH",
    "ID",
    "KG",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SDO",
    "SH",
    "SKOS",
    "WD",
    "XSD",
]
