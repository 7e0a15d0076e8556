"""Extraction -> RDF quads, all in the article's named graph.

Entities are typed with the standard classes (materialized, so SPARQL needs no reasoner);
every fact is a node with its provenance (rdf:subject/predicate/object, sentence, offsets,
extractor, model version, confidence) plus the direct triple that queries want. Every node
IRI is minted from content, so the same extraction gives the same quads in every run.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from typing import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.model import Article, Entity, EntityType, Extraction, Fact, Predicate
from kg.vocab.iri import (
    article_iri,
    entity_iri,
    fact_iri,
    graph_iri,
    mention_iri,
    minted_iri,
    post_iri,
)
from kg.vocab.namespaces import DCTERMS, KG, ORG, OWL, PROV, RDF, SCHEMA, SKOS, XSD

Quad = tuple[Node, Node, Node, Node]

log = logging.getLogger(__name__)

# Superclasses are stated too: queries and shapes then work on a store without inference.
ENTITY_CLASSES: dict[EntityType, tuple[URIRef, ...]] = {
    EntityType.OFFICIAL: (KG.Official, SCHEMA.Person),
    EntityType.PERSON: (SCHEMA.Person,),
    EntityType.AGENCY: (KG.Agency, SCHEMA.GovernmentOrganization, SCHEMA.Organization, ORG.Organization),
    EntityType.ORGANIZATION: (SCHEMA.Organization, ORG.Organization),
    EntityType.COUNTRY: (SCHEMA.Country, SCHEMA.Place),
    EntityType.PLACE: (SCHEMA.Place,),
    EntityType.PRODUCT: (SCHEMA.Product,),
    EntityType.DISEASE: (SCHEMA.MedicalCondition,),
    EntityType.EVENT: (SCHEMA.Event,),
    EntityType.OTHER: (SCHEMA.Thing,),
}

# The direct triple of each predicate (rdf:predicate of the fact node).
PREDICATE_PROPERTIES: dict[Predicate, URIRef] = {
    Predicate.HOLDS_POST: KG.holdsPostIn,
    Predicate.SUB_ORGANIZATION_OF: ORG.subOrganizationOf,
    Predicate.BASED_IN: KG.basedIn,
    Predicate.LOCATED_IN: KG.locatedIn,
    Predicate.NATIONALITY: KG.nationality,
    Predicate.EXPORTS: KG.exports,
    Predicate.EXPORT_VALUE: KG.exportValue,
    Predicate.SAID: KG.said,
}

_PEOPLE = frozenset({EntityType.OFFICIAL, EntityType.PERSON})
_ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})
_PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE})
_TRADERS = _ORGS | {EntityType.COUNTRY}

# Subject and object types each predicate admits (the ontology's domains and ranges);
# None: the predicate takes no object.
SIGNATURES: dict[Predicate, tuple[frozenset[EntityType], frozenset[EntityType] | None]] = {
    Predicate.HOLDS_POST: (_PEOPLE, _ORGS | _PLACES),
    Predicate.SUB_ORGANIZATION_OF: (_ORGS, _ORGS),
    Predicate.BASED_IN: (_ORGS, _PLACES),
    Predicate.LOCATED_IN: (_PLACES, _PLACES),
    Predicate.NATIONALITY: (_PEOPLE, frozenset({EntityType.COUNTRY})),
    Predicate.EXPORTS: (_TRADERS, frozenset({EntityType.PRODUCT})),
    Predicate.EXPORT_VALUE: (_TRADERS, None),
    Predicate.SAID: (_PEOPLE | _ORGS, None),
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def decimal_literal(value: float) -> Literal:
    """A canonical xsd:decimal (``0.9``, ``3860000000.0``): same number, same bytes."""
    text = format(Decimal(repr(float(value))), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    """xsd:date or xsd:dateTime when the text is ISO 8601, else a plain string."""
    value = value.strip()
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def _integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def article_quads(article: Article) -> list[Quad]:
    g = graph_iri(article.id)
    a = article_iri(article.id)
    quads: list[Quad] = [
        (a, RDF.type, KG.Article, g),
        (a, DCTERMS.identifier, Literal(article.id), g),
        (a, KG.contentHash, Literal(article.content_hash), g),
    ]
    if article.title:
        quads.append((a, DCTERMS.title, Literal(article.title), g))
    if article.published:
        quads.append((a, DCTERMS.date, date_literal(article.published), g))
    if article.url:
        url = article.url.strip()
        source: Node = URIRef(url) if re.match(r"^https?://\S+$", url) else Literal(url)
        quads.append((a, DCTERMS.source, source, g))
    return quads


def entity_quads(entity: Entity, article: Article) -> list[Quad]:
    g = graph_iri(article.id)
    a = article_iri(article.id)
    e = entity_iri(entity)
    quads: list[Quad] = [(e, RDF.type, cls, g) for cls in ENTITY_CLASSES[entity.type]]
    quads.append((e, SKOS.prefLabel, Literal(entity.label), g))
    for name in entity.all_names[1:]:
        quads.append((e, SKOS.altLabel, Literal(name), g))
    for link in entity.same_as:
        quads.append((e, OWL.sameAs, URIRef(link), g))
    quads.append((a, KG.mentions, e, g))
    for mention in entity.mentions:
        m = mention_iri(article.id, mention.start, mention.end, e)
        quads += [
            (m, RDF.type, KG.Mention, g),
            (m, KG.refersTo, e, g),
            (m, KG.anchorText, Literal(mention.text), g),
            (m, KG.sentence, Literal(mention.sentence), g),
            (m, KG.startOffset, _integer(mention.start), g),
            (m, KG.endOffset, _integer(mention.end), g),
            (m, PROV.wasDerivedFrom, a, g),
        ]
    return quads


def fact_quads(fact: Fact, extraction: Extraction) -> list[Quad]:
    """The quads of one fact; [] when it names an unknown entity or breaks its signature."""
    article = extraction.article
    try:
        subject = extraction.entity(fact.subject)
        obj = extraction.entity(fact.object) if fact.object is not None else None
    except KeyError as err:
        log.warning("article %s: fact %s names unknown entity %s; skipped", article.id, fact.predicate, err)
        return []
    subject_types, object_types = SIGNATURES[fact.predicate]
    if subject.type not in subject_types or (
        object_types is not None and (obj is None or obj.type not in object_types)
    ):
        log.debug("article %s: %s fact does not fit its signature; skipped", article.id, fact.predicate)
        return []
    if fact.predicate is Predicate.EXPORT_VALUE and fact.amount is None:
        log.debug("article %s: exportValue fact without amount; skipped", article.id)
        return []

    g = graph_iri(article.id)
    s = entity_iri(subject)
    o = entity_iri(obj) if obj is not None else None
    prop = PREDICATE_PROPERTIES[fact.predicate]
    f = fact_iri(
        article.id, fact.predicate.value, str(s), str(o or ""), fact.role, fact.quantity,
        fact.unit, fact.amount, fact.currency, fact.quote, fact.start, fact.end,
    )
    quads: list[Quad] = [
        (f, RDF.type, KG.Fact, g),
        (f, RDF.subject, s, g),
        (f, RDF.predicate, prop, g),
        (f, KG.sentence, Literal(fact.sentence), g),
        (f, KG.startOffset, _integer(fact.start), g),
        (f, KG.endOffset, _integer(fact.end), g),
        (f, KG.confidence, decimal_literal(min(max(fact.confidence, 0.0), 1.0)), g),
        (f, PROV.wasDerivedFrom, article_iri(article.id), g),
    ]
    if fact.extractor:
        quads.append((f, KG.extractor, Literal(fact.extractor), g))
    if extraction.model:
        quads.append((f, KG.modelVersion, Literal(extraction.model), g))
    if fact.date:
        quads.append((f, DCTERMS.date, date_literal(fact.date), g))
    if o is not None:
        quads += [(f, RDF.object, o, g), (s, prop, o, g)]

    if fact.predicate is Predicate.HOLDS_POST:
        assert o is not None and obj is not None
        post = post_iri(s, o, fact.role)
        where = ORG.postIn if obj.type in _ORGS else KG.jurisdiction
        quads += [
            (f, RDF.type, KG.PostHolding, g),
            (f, KG.post, post, g),
            (post, RDF.type, ORG.Post, g),
            (post, where, o, g),
            (s, ORG.holds, post, g),
        ]
        if fact.role:
            quads.append((post, SKOS.prefLabel, Literal(fact.role), g))
    elif fact.predicate is Predicate.EXPORTS:
        quads += [
            (f, RDF.type, KG.ExportFlow, g),
            (f, KG.exporter, s, g),
            (f, KG.product, o, g),
        ]
        if fact.quantity is not None:
            q = minted_iri("quantity", str(f))
            quads += [
                (f, KG.quantity, q, g),
                (q, RDF.type, SCHEMA.QuantitativeValue, g),
                (q, SCHEMA.value, decimal_literal(fact.quantity), g),
            ]
            if fact.unit:
                quads.append((q, SCHEMA.unitText, Literal(fact.unit), g))
    elif fact.predicate is Predicate.EXPORT_VALUE:
        v = minted_iri("amount", str(f))
        quads += [
            (f, RDF.type, KG.ExportFlow, g),
            (f, KG.exporter, s, g),
            (f, KG.value, v, g),
            (f, RDF.object, v, g),
            (v, RDF.type, SCHEMA.MonetaryAmount, g),
            (v, SCHEMA.value, decimal_literal(fact.amount), g),  # type: ignore[arg-type]
            (s, KG.exportValue, v, g),
        ]
        if fact.currency:
            quads.append((v, SCHEMA.currency, Literal(fact.currency), g))
    elif fact.predicate is Predicate.SAID:
        quads += [
            (f, RDF.type, KG.Statement, g),
            (f, KG.speaker, s, g),
            (f, RDF.object, f, g),
            (s, KG.said, f, g),
        ]
        if fact.quote:
            quads.append((f, KG.quote, Literal(fact.quote), g))
    return quads


def extraction_to_quads(extraction: Extraction) -> list[Quad]:
    """Every quad for one article, in the article's graph, without duplicates."""
    article = extraction.article
    quads = article_quads(article)
    for entity in extraction.entities:
        quads += entity_quads(entity, article)
    for fact in extraction.facts:
        quads += fact_quads(fact, extraction)
    return list(dict.fromkeys(quads))


def extractions_to_quads(extractions: Iterable[Extraction]) -> list[Quad]:
    quads: list[Quad] = []
    for extraction in extractions:
        quads += extraction_to_quads(extraction)
    return quads
