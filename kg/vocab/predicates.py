"""One table of predicates: what each relation relates, how it is written in RDF, which
qualifiers it carries and what makes two readings of it the same fact.

Every layer reads this table instead of restating a predicate's shape: the mapping to RDF
(``kg.rdf.mapping``), reading the graph back into the facts document (``kg.rdf.facts``),
deduplication of extracted facts (``kg.nlp.relations``), the SHACL shapes (checked against
it by ``tests/test_predicates.py``) and the scorer (``kg.eval``). Adding a predicate is one
row here plus its terms in the ontology (docs/adding-a-predicate.md).

Only ``kg.model`` and rdflib namespaces are imported, so the table loads without spaCy,
stores or writers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, Mapping

from rdflib import URIRef

from kg.model import EntityType, Fact, Predicate
from kg.vocab.namespaces import KG, ORG, SCHEMA, SKOS

# How a qualifier's value is written and compared.
#   text    a string (xsd:string)          number  an exact decimal (xsd:decimal)
#   date    an ISO date (xsd:date)          flag    a boolean, written only when true
#   entity  an entity key of the extraction, an entity IRI in RDF and in the facts document
Kind = Literal["text", "number", "date", "flag", "entity"]
# Which score checks a qualifier (eval README, rule 3): "strict" (and so "full"), "full"
# only, or None (never compared).
Score = Literal["strict", "full"] | None
# How the scorer compares an extracted value with the gold one (eval README, rule 3):
#   name    equal after name normalization (rule 1)     number  within the tolerance
#   exact   equal                                       quote   in the fact's sentence
#   entity  the same gold entity (rule 2), or absent on both sides
#   within  absent on both sides, or one text (rule 1) contains the other
#   flag    equal, absent read as false
Rule = Literal["name", "number", "exact", "quote", "entity", "within", "flag"]


@dataclass(frozen=True)
class ValueNode:
    """A node of its own that holds some qualifiers (a schema:QuantitativeValue, an org:Post).

    ``anchor`` is the qualifier without which the node is not written (None: always written
    for the predicates that use it); ``family`` names its minted IRIs.
    """

    link: URIRef  # fact node -> value node
    cls: URIRef
    family: str
    anchor: str | None


QUANTITY = ValueNode(KG.quantity, SCHEMA.QuantitativeValue, "quantity", "quantity")
AMOUNT = ValueNode(KG.value, SCHEMA.MonetaryAmount, "amount", "amount")
# The post is minted from its holder, body and role (kg.vocab.iri.post_iri) so that every
# article that reports one office shares the node; the mapping adds its org:postIn /
# kg:jurisdiction and org:holds triples.
POST = ValueNode(KG.post, ORG.Post, "post", None)


@dataclass(frozen=True)
class Qualifier:
    """One qualifier: its ``Fact`` field (also its facts-document and gold key) and its RDF.

    ``node`` is None when the value hangs on the fact node itself, else the value node that
    holds it; ``term`` is the property that carries the value.
    """

    name: str
    kind: Kind
    term: URIRef
    node: ValueNode | None = None
    score: Score = None
    rule: Rule | None = None


QUALIFIERS: Mapping[str, Qualifier] = MappingProxyType({
    q.name: q
    for q in (
        Qualifier("role", "text", SKOS.prefLabel, POST, "strict", "name"),
        Qualifier("quantity", "number", SCHEMA.value, QUANTITY, "strict", "number"),
        Qualifier("unit", "text", SCHEMA.unitText, QUANTITY),  # the gold format does not compare units
        Qualifier("amount", "number", SCHEMA.value, AMOUNT, "strict", "number"),
        Qualifier("currency", "text", SCHEMA.currency, AMOUNT, "strict", "exact"),
        Qualifier("quote", "text", KG.quote, None, "strict", "quote"),
        # Trade: the destination of exports, the origin of imports.
        Qualifier("partner", "entity", KG.partner, None, "full", "entity"),
        # The period as the text words it ("September", "1986/87"), and its dates where the
        # article's date anchors it.
        Qualifier("period", "text", SCHEMA.temporalCoverage, None, "full", "within"),
        Qualifier("period_start", "date", KG.periodStart),
        Qualifier("period_end", "date", KG.periodEnd),
        Qualifier("forecast", "flag", KG.forecast, None, "full", "flag"),
        Qualifier("source", "entity", KG.reportedBy),  # who reported the figure
    )
})

# What the direct triple (subject, property, ?) points to and the fact node reifies:
#   object  the object entity                   value  the value node (an amount)
#   fact    the fact node itself (a statement is what the speaker said)
Direct = Literal["object", "value", "fact"]


@dataclass(frozen=True)
class PredicateSpec:
    """The shape of one predicate, declared once.

    ``objects`` None: the predicate takes no object entity; ``object_required`` False: an
    object entity is optional (a value fact names the product when the text does).
    ``subject_role``/``object_role``: the fact node's own property for each end, so that a
    query can ask for an exporter without knowing the reification.
    ``identity``: the ``Fact`` fields that make two readings one fact (deduplication).
    """

    predicate: Predicate
    property: URIRef
    node_class: URIRef | None
    subjects: frozenset[EntityType]
    objects: frozenset[EntityType] | None
    object_required: bool = True
    direct: Direct = "object"
    subject_role: URIRef | None = None
    object_role: URIRef | None = None
    qualifiers: tuple[str, ...] = ()
    required: tuple[str, ...] = ()  # qualifiers without which the fact is not written
    identity: tuple[str, ...] = ("subject", "predicate", "object")

    @property
    def value_nodes(self) -> tuple[ValueNode, ...]:
        nodes = (QUALIFIERS[q].node for q in self.qualifiers)
        return tuple(dict.fromkeys(n for n in nodes if n is not None))

    def applies(self, qualifier: str) -> bool:
        return qualifier in self.qualifiers


PEOPLE = frozenset({EntityType.OFFICIAL, EntityType.PERSON})
ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})
PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE})
# Territories trade on their own account ("Taiwan's exports"), and the gold counts them.
TRADERS = ORGS | PLACES
PRODUCTS = frozenset({EntityType.PRODUCT})
COUNTRIES = frozenset({EntityType.COUNTRY})

_TRADE = ("partner", "period", "period_start", "period_end", "forecast", "source")
_GOODS = ("quantity", "unit", *_TRADE)
_MONEY = ("amount", "currency", *_TRADE)
# One figure, one fact: the same flow for two periods, or reported and forecast, is two.
_TRADE_KEY = ("partner", "period", "forecast")
_GOODS_KEY = ("subject", "predicate", "object", "quantity", "unit", *_TRADE_KEY)
_MONEY_KEY = ("subject", "predicate", "object", "amount", "currency", *_TRADE_KEY)

PREDICATES: Mapping[Predicate, PredicateSpec] = MappingProxyType({
    spec.predicate: spec
    for spec in (
        PredicateSpec(Predicate.HOLDS_POST, KG.holdsPostIn, KG.PostHolding, PEOPLE, ORGS | PLACES,
                      qualifiers=("role",), identity=("subject", "predicate", "object", "role")),
        PredicateSpec(Predicate.SUB_ORGANIZATION_OF, ORG.subOrganizationOf, None, ORGS, ORGS),
        PredicateSpec(Predicate.BASED_IN, KG.basedIn, None, ORGS, PLACES),
        PredicateSpec(Predicate.LOCATED_IN, KG.locatedIn, None, PLACES, PLACES),
        PredicateSpec(Predicate.NATIONALITY, KG.nationality, None, PEOPLE, COUNTRIES),
        PredicateSpec(Predicate.EXPORTS, KG.exports, KG.ExportFlow, TRADERS, PRODUCTS,
                      subject_role=KG.exporter, object_role=KG.product, qualifiers=_GOODS, identity=_GOODS_KEY),
        PredicateSpec(Predicate.EXPORT_VALUE, KG.exportValue, KG.ExportFlow, TRADERS, PRODUCTS,
                      object_required=False, direct="value", subject_role=KG.exporter, object_role=KG.product,
                      qualifiers=_MONEY, required=("amount",), identity=_MONEY_KEY),
        PredicateSpec(Predicate.IMPORTS, KG.imports, KG.ImportFlow, TRADERS, PRODUCTS,
                      subject_role=KG.importer, object_role=KG.product, qualifiers=_GOODS, identity=_GOODS_KEY),
        PredicateSpec(Predicate.IMPORT_VALUE, KG.importValue, KG.ImportFlow, TRADERS, PRODUCTS,
                      object_required=False, direct="value", subject_role=KG.importer, object_role=KG.product,
                      qualifiers=_MONEY, required=("amount",), identity=_MONEY_KEY),
        PredicateSpec(Predicate.SAID, KG.said, KG.Statement, PEOPLE | ORGS, None, direct="fact",
                      subject_role=KG.speaker, qualifiers=("quote",),
                      # A statement is its speaker's sentence: two quotes read from one
                      # sentence are one statement.
                      identity=("subject", "predicate", "sentence")),
    )
})

BY_NAME: Mapping[str, PredicateSpec] = MappingProxyType({p.value: s for p, s in PREDICATES.items()})
BY_PROPERTY: Mapping[URIRef, PredicateSpec] = MappingProxyType({s.property: s for s in PREDICATES.values()})


def spec(predicate: Predicate | str) -> PredicateSpec:
    """The table row of ``predicate`` (its enum member or gold name)."""
    return PREDICATES[Predicate(predicate)]


def identity(fact: Fact) -> tuple[Any, ...]:
    """What makes two readings one fact: the predicate's identity fields, numbers exact.

    >>> identity(Fact("china", Predicate.EXPORTS, "a", "s", 0, 1, object="masks", quantity=16000.0))[:4]
    ('china', <Predicate.EXPORTS: 'exports'>, 'masks', Decimal('16000'))
    """
    return tuple(_key_value(getattr(fact, name)) for name in PREDICATES[fact.predicate].identity)


def _key_value(value: Any) -> Any:
    # 16000 read as a float by one rule and as a Decimal by another is one quantity.
    if isinstance(value, (float, Decimal)) and not isinstance(value, bool):
        return exact(value)
    return value


def exact(value: float | int | Decimal) -> Decimal:
    """The exact decimal a number stands for: a float is read to 15 significant digits.

    Floats carry binary noise from arithmetic ("1.07 billion" -> 1070000000.0000001);
    figures in news never have more than 15 significant digits, so rounding there gives the
    number the text wrote.

    >>> exact(1.07 * 1e9)
    Decimal('1070000000')
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(format(float(value), ".15g"))


def decimal_text(value: float | int | Decimal) -> str:
    """The canonical xsd:decimal lexical form: ``"16000.0"``, ``"0.9"``, never an exponent."""
    text = format(exact(value), "f")
    return text if "." in text else text + ".0"


__all__ = [
    "BY_NAME",
    "BY_PROPERTY",
    "PREDICATES",
    "QUALIFIERS",
    "decimal_text",
    "PredicateSpec",
    "Qualifier",
    "ValueNode",
    "exact",
    "identity",
    "spec",
]
