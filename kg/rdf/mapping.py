"""Extraction -> RDF quads, all in the article's named graph.

Entities are typed with the standard classes (materialized, so SPARQL needs no reasoner);
every fact is a node with its provenance (rdf:subject/predicate/object, sentence, offsets,
extractor, model version, confidence) plus the direct triple that queries want. What a
predicate writes is its row of ``kg.vocab.predicates``. Every node IRI is minted from content, so
the same extraction gives the same quads in every run.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.model import Article, Entity, EntityType, Extraction, Fact
from kg.vocab.iri import (
    article_iri,
    entity_iri,
    fact_iri,
    graph_iri,
    mention_iri,
    minted_iri,
    post_iri,
    slug,
    source_iri,
)
from kg.vocab import namespaces
from kg.vocab.predicates import AMOUNT, ORGS, POST, PREDICATES, QUALIFIERS, PredicateSpec, Qualifier, ValueNode, decimal_text

Quad = tuple[Node, Node, Node, Node]

log = logging.getLogger(__name__)


class _Terms:
    """A namespace's terms, each looked up once and then kept as a plain attribute.

    Every attribute of a ``DefinedNamespace`` goes through its metaclass (~2 µs) and makes a
    new URIRef; mapping reads some 300 an article. A misspelt term fails as it did.
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DCTERMS, KG, ORG, OWL, PROV, RDF, SCHEMA, SKOS, XSD = (
    _Terms(namespace) for namespace in (namespaces.DCTERMS, namespaces.KG, namespaces.ORG, namespaces.OWL,
                                        namespaces.PROV, namespaces.RDF, namespaces.SCHEMA, namespaces.SKOS,
                                        namespaces.XSD))

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

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What the shapes take as a currency: an ISO 4217 code. Anything else an extractor may read
# ("\u00a5", "US$") says too little to keep, and is left out.
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def decimal_literal(value: float | Decimal) -> Literal:
    """A canonical xsd:decimal (``0.9``, ``3860000000.0``): same number, same bytes.

    A float is read as the decimal it stands for (15 significant digits), so "1.07 billion"
    is 1070000000.0 and not the float's 1070000000.0000001. NaN and the infinities are no
    decimal: they raise ``ValueError``.
    """
    if not _finite(value):
        raise ValueError(f"{value!r} is no xsd:decimal")
    return Literal(decimal_text(value), datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    """xsd:date or xsd:dateTime when the text is an ISO 8601 date that exists, else a plain string.

    "2020-02-30" has the form of a date but names none: typed, it would be an ill-typed literal.
    """
    value = value.strip()
    if _DATE.match(value) and _exists(value, date.fromisoformat):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value) and _exists(value, datetime.fromisoformat):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def _exists(value: str, parse: Any) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _finite(value: float | Decimal) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def _usable(name: str, value: object) -> bool:
    """Whether a qualifier's value can be written as the shapes want it.

    Numbers (quantities, amounts) must be finite and 0 or more; a currency, an ISO 4217
    code. A value that is not is treated as absent: left out, or the fact skipped when the
    predicate requires it.
    """
    if value is None:
        return False
    if QUALIFIERS[name].kind == "number":
        return _finite(value) and value >= 0  # type: ignore[arg-type, operator]
    if name == "currency":
        return bool(_CURRENCY.match(str(value)))
    return True


@lru_cache(maxsize=4_096, typed=True)
def _text(value: str) -> Literal:
    # A plain literal: a sentence is written for each of its mentions and facts, an article's
    # id for each fact, and rdflib takes ~5 µs to make one (Literals are immutable).
    return Literal(value)


@lru_cache(maxsize=65_536)
def _integer(value: int) -> Literal:
    # Offsets and counts repeat across mentions and articles; rdflib parses the lexical form
    # of each new Literal, so each is made once (Literals are immutable).
    return Literal(str(int(value)), datatype=XSD.integer)


def article_quads(article: Article) -> list[Quad]:
    g = graph_iri(article.id)
    a = article_iri(article.id)
    quads: list[Quad] = [
        (a, RDF.type, KG.Article, g),
        (a, DCTERMS.identifier, _text(article.id), g),
        (a, KG.contentHash, Literal(article.content_hash), g),
    ]
    if article.title:
        quads.append((a, DCTERMS.title, Literal(article.title), g))
    if article.published:
        quads.append((a, DCTERMS.date, date_literal(article.published), g))
    if article.url:
        url = article.url.strip()
        source: Node = source_iri(url) or Literal(url)
        quads.append((a, DCTERMS.source, source, g))
    return quads


def entity_quads(entity: Entity, article: Article) -> list[Quad]:
    g = graph_iri(article.id)
    a = article_iri(article.id)
    e = entity_iri(entity)
    quads: list[Quad] = [(e, RDF.type, cls, g) for cls in ENTITY_CLASSES[entity.type]]
    quads.append((e, SKOS.prefLabel, _text(entity.label), g))
    for name in entity.all_names[1:]:
        quads.append((e, SKOS.altLabel, _text(name), g))
    for link in entity.same_as:
        quads.append((e, OWL.sameAs, URIRef(link), g))
    quads.append((a, KG.mentions, e, g))
    for mention in entity.mentions:
        m = mention_iri(article.id, mention.start, mention.end, e)
        quads += [
            (m, RDF.type, KG.Mention, g),
            (m, KG.refersTo, e, g),
            (m, KG.anchorText, _text(mention.text), g),
            (m, KG.sentence, _text(mention.sentence), g),
            (m, KG.startOffset, _integer(mention.start), g),
            (m, KG.endOffset, _integer(mention.end), g),
            (m, PROV.wasDerivedFrom, a, g),
        ]
    return quads


def fact_quads(fact: Fact, extraction: Extraction) -> list[Quad]:
    """The quads of one fact, as its row of ``kg.vocab.predicates`` declares them.

    [] when the fact names an unknown entity, breaks its signature or lacks a required
    qualifier (logged, the rest of the article is kept).
    """
    article = extraction.article
    shape = PREDICATES[fact.predicate]
    try:
        subject = extraction.entity(fact.subject)
        obj = extraction.entity(fact.object) if fact.object is not None and shape.objects is not None else None
    except KeyError as err:
        log.warning("article %s: fact %s names unknown entity %s; skipped", article.id, fact.predicate, err)
        return []
    if subject.type not in shape.subjects or (
        shape.objects is not None
        and (obj.type not in shape.objects if obj is not None else shape.object_required)
    ):
        log.debug("article %s: %s fact does not fit its signature; skipped", article.id, fact.predicate)
        return []
    missing = [q for q in shape.required if not _usable(q, getattr(fact, q))]
    if missing:
        log.debug("article %s: %s fact without %s; skipped", article.id, fact.predicate, ", ".join(missing))
        return []

    g = graph_iri(article.id)
    s = entity_iri(subject)
    o = entity_iri(obj) if obj is not None else None
    prop = shape.property
    f = fact_iri(
        article.id, fact.predicate.value, str(s), str(o or ""), fact.role, _number_key(fact.quantity),
        fact.unit, _number_key(fact.amount), fact.currency, fact.quote, fact.start, fact.end,
        *_trade_key(fact, extraction),
    )  # fmt: skip
    quads: list[Quad] = [
        (f, RDF.type, KG.Fact, g),
        (f, RDF.subject, s, g),
        (f, RDF.predicate, prop, g),
        (f, KG.sentence, _text(fact.sentence), g),
        (f, KG.startOffset, _integer(fact.start), g),
        (f, KG.endOffset, _integer(fact.end), g),
        # NaN compares false both ways and would pass a min/max clamp: it counts as 0.
        (f, KG.confidence, decimal_literal(min(max(fact.confidence, 0.0), 1.0) if _finite(fact.confidence) else 0.0), g),
        (f, PROV.wasDerivedFrom, article_iri(article.id), g),
        # The article's identifier again, on the fact: listings sort and cut facts by it
        # with one scan, instead of following every fact to its article.
        (f, KG.articleId, _text(article.id), g),
    ]
    if fact.extractor:
        quads.append((f, KG.extractor, _text(fact.extractor), g))
    if extraction.model:
        quads.append((f, KG.modelVersion, _text(extraction.model), g))
    if fact.date:
        quads.append((f, DCTERMS.date, date_literal(fact.date), g))
    if shape.node_class is not None:
        quads.append((f, RDF.type, shape.node_class, g))
    if shape.subject_role is not None:
        quads.append((f, shape.subject_role, s, g))
    if o is not None and shape.object_role is not None:
        quads.append((f, shape.object_role, o, g))

    nodes = _value_nodes(fact, shape, f, s, obj, g)
    quads += nodes.quads
    for name in shape.qualifiers:
        value = getattr(fact, name)
        qualifier = QUALIFIERS[name]
        holder = f if qualifier.node is None else nodes.iris.get(qualifier.node)
        term = _qualifier_term(qualifier, value, extraction) if holder is not None else None
        if term is not None:
            quads.append((holder, qualifier.term, term, g))  # type: ignore[arg-type]

    # The direct triple that queries want, and what the fact node reifies. A statement is
    # the object of its own direct triple (s kg:said statement), so it is not also its own
    # rdf:object: it reifies nothing but the speaker's act.
    target = {"object": o, "value": nodes.iris.get(AMOUNT), "fact": f}[shape.direct]
    if target is not None:
        quads.append((s, prop, target, g))
        if shape.direct != "fact":
            quads.append((f, RDF.object, target, g))
    return quads


class _Nodes:
    __slots__ = ("iris", "quads")

    def __init__(self) -> None:
        self.iris: dict[ValueNode, URIRef] = {}
        self.quads: list[Quad] = []


def _value_nodes(
    fact: Fact, shape: PredicateSpec, f: URIRef, s: URIRef, obj: Entity | None, g: URIRef
) -> _Nodes:
    """The value nodes of a fact (quantity, amount, post) that its qualifiers hang on."""
    out = _Nodes()
    for node in shape.value_nodes:
        if node.anchor is not None and not _usable(node.anchor, getattr(fact, node.anchor)):
            continue
        if node is POST:
            assert obj is not None
            o = entity_iri(obj)
            iri = post_iri(s, o, fact.role)
            # A post in a body is org:postIn it; an office of a country or place with no
            # named body (a president, a mayor) is that place's jurisdiction.
            where = ORG.postIn if obj.type in ORGS else KG.jurisdiction
            out.quads += [(iri, where, o, g), (s, ORG.holds, iri, g)]
        else:
            iri = minted_iri(node.family, str(f))
        out.iris[node] = iri
        out.quads += [(f, node.link, iri, g), (iri, RDF.type, node.cls, g)]
    return out


def _qualifier_term(qualifier: Qualifier, value: object, extraction: Extraction) -> Node | None:
    """The RDF term of one qualifier's value, or None when there is nothing to write."""
    if value is None or value is False:  # a flag is written only when it holds
        return None
    if qualifier.kind in ("number", "text") and not _usable(qualifier.name, value):
        log.debug("article %s: %s %r cannot be written; left out", extraction.article.id, qualifier.name, value)
        return None
    kind = qualifier.kind
    if kind == "number":
        return decimal_literal(value)  # type: ignore[arg-type]
    if kind == "date":
        return date_literal(str(value))
    if kind == "flag":
        return Literal(True)
    if kind == "entity":
        try:
            return entity_iri(extraction.entity(str(value)))
        except KeyError:
            log.warning("article %s: %s names unknown entity %s; left out",
                        extraction.article.id, qualifier.name, value)  # fmt: skip
            return None
    return Literal(str(value))


def _number_key(value: float | Decimal | None) -> str | None:
    # Fact IRIs hash a number by its canonical text: a float and a Decimal of one value
    # give one IRI (and for floats it is the repr that IRIs always hashed).
    return None if value is None else decimal_text(value)


def _trade_key(fact: Fact, extraction: Extraction) -> tuple[object, ...]:
    # One figure for two periods, or reported and forecast, is two facts with two IRIs; a
    # fact without trade qualifiers keeps the IRI it always had.
    if fact.partner is None and fact.period is None and not fact.forecast:
        return ()
    partner = _qualifier_term(QUALIFIERS["partner"], fact.partner, extraction)
    return ("trade", str(partner) if partner is not None else None, fact.period, fact.forecast)


def one_role_per_post(facts: Iterable[Fact]) -> list[Fact]:
    """The facts, each post's role written one way: roles that slug alike ("Attorney General",
    "attorney general") are one post (``post_iri``), whose prefLabel is the first as written."""
    first: dict[tuple[str, str | None, str], str] = {}
    out = []
    for fact in facts:
        if fact.role:
            written = first.setdefault((fact.subject, fact.object, slug(fact.role)), fact.role)
            if written != fact.role:
                fact = replace(fact, role=written)
        out.append(fact)
    return out


def extraction_to_quads(extraction: Extraction) -> list[Quad]:
    """Every quad for one article, in the article's graph, without duplicates."""
    article = extraction.article
    quads = article_quads(article)
    for entity in extraction.entities:
        quads += entity_quads(entity, article)
    for fact in one_role_per_post(extraction.facts):
        quads += fact_quads(fact, extraction)
    unique = list(dict.fromkeys(quads))
    return unique + count_quads(article, unique)


def count_quads(article: Article, quads: list[Quad]) -> list[Quad]:
    """The article's entity, mention and fact counts, as its own graph's quads state them.

    Each is what SPARQL would count in that graph (distinct entities it kg:mentions,
    distinct kg:Mention and kg:Fact nodes derived from it). Only the article's own graph
    says anything of it, so these are also the counts over the union of all graphs, and an
    article's graph is always replaced whole: they never go stale. Listings read three
    inline integers per article instead of visiting every mention and fact of it.
    """
    a, g = article_iri(article.id), graph_iri(article.id)
    # Terms compared as IRIs (same kind, same text) by str's own comparison: rdflib's
    # ``==`` runs in Python, and this loop makes three comparisons a quad.
    same = str.__eq__
    mentions, rdf_type, derived_from = str(KG.mentions), str(RDF.type), str(PROV.wasDerivedFrom)
    mention, fact, article_text = str(KG.Mention), str(KG.Fact), str(a)
    entities = set()
    typed: dict[str, set[Node]] = {mention: set(), fact: set()}
    derived = set()
    for s, p, o, _ in quads:
        if type(p) is not URIRef:
            continue
        if same(p, rdf_type):
            if type(o) is URIRef and (same(o, mention) or same(o, fact)):
                typed[str(o)].add(s)
        elif same(p, derived_from):
            if type(o) is URIRef and same(o, article_text):
                derived.add(s)
        elif same(p, mentions) and type(s) is URIRef and same(s, article_text):
            entities.add(o)
    return [
        (a, KG.entityCount, _integer(len(entities)), g),
        (a, KG.mentionCount, _integer(len(typed[mention] & derived)), g),
        (a, KG.factCount, _integer(len(typed[fact] & derived)), g),
    ]


def extractions_to_quads(extractions: Iterable[Extraction]) -> list[Quad]:
    quads: list[Quad] = []
    for extraction in extractions:
        quads += extraction_to_quads(extraction)
    return quads
