"""A named mention's cluster by its label (``kg.nlp.resolve``): a demonym or a country's name
is its country, goods go to their product (``kg.nlp.product_clusters``), a body to its
organization (``kg.nlp.org_clusters``), any other name to the cluster of its type and name."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp.cluster_book import ORGS, ClusterBook
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.nlp.lexicon import norm
from kg.nlp.names import clean
from kg.nlp.org_clusters import add_organization
from kg.nlp.product_clusters import add_product


def add_named(book: ClusterBook, span: Span) -> None:
    """Attach the named mention ``span`` to its cluster, opened if the article has none yet."""
    label = span.label_
    if label == "NORP":
        country = country_of_demonym(span.text) or country_of(span.text)
        if country is not None:
            book.attach(book.country(country), span, None)
        return
    entity_type = EntityType(label)
    text = clean(span.text)
    if entity_type is EntityType.COUNTRY:
        country = country_of(text)
        if country is not None:
            book.attach(book.country(country), span, text)
            return
        entity_type = EntityType.PLACE
    if entity_type is EntityType.PRODUCT:
        add_product(book, span, text)
        return
    if entity_type in ORGS:
        add_organization(book, span, entity_type, text)
        return
    identity = f"{entity_type.family}:{norm(text)}"
    book.attach(book.cluster(identity, entity_type), span, text)
