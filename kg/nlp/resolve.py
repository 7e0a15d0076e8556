"""Within one article, group mentions into entities: ``resolve_mentions(doc, article)``.

Mentions of one entity are joined by identity (a country and its demonym, the kinds of
goods of ``products.tsv``), by name (short forms "Zhang" of "Zhang Qi"; acronyms "MOC",
"NMPA", "MOFCOM" of the long name, or defined in parentheses), and by reference: definite
descriptions ("the ministry") and pronouns ("she said") point to the most recent compatible
named entity.

This module orders the steps; each kind of entity is resolved in a module of its own:
``kg.nlp.cluster_book`` (the clusters found so far), ``named_clusters`` (a named mention by
its label), ``org_clusters`` (bodies), ``product_clusters`` (goods), ``short_names``
(parenthesised names and acronyms), ``person_clusters`` (persons), ``latent_countries``
(countries named only inside other words); ``kg.nlp.references`` then adds the references.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import Article, EntityType
from kg.nlp.cluster_book import ClusterBook
from kg.nlp.clusters import mention_table
from kg.nlp.entities import kg_label
from kg.nlp.latent_communities import community_in_commission_name
from kg.nlp.latent_countries import (countries_in_body_names, countries_in_currencies, demonyms_inside_other_spans,
                                     seats_of_known_acronyms)
from kg.nlp.mentions import MentionTable
from kg.nlp.named_clusters import add_named
from kg.nlp.names import is_acronym, is_bare_head, is_owned_unit, is_portfolio_of_title, national_prefix, with_lower_head
from kg.nlp.org_clusters import (
    add_unnamed_bodies, descriptions_in_apposition, merge_inverted, national_bodies_in_lower_case,
)
from kg.nlp.person_clusters import add_persons
from kg.nlp.person_tags import persons_named_as_others
from kg.nlp.product_clusters import label_products, merge_product_heads, merge_product_tails
from kg.nlp.references import ReferenceFinder, acronyms, forward_titles, refer, surnames
from kg.nlp.short_names import add_acronyms, parenthesised_names, same_short_name
from kg.nlp.title_fields import in_portfolio_list
from kg.nlp.trader_bodies import add_trader_bodies

_PERSONS = frozenset({EntityType.PERSON, EntityType.OFFICIAL})


def resolve_mentions(doc: Doc, article: Article, *, references: ReferenceFinder) -> MentionTable:
    """Entities of ``doc`` with every token that refers to them; ``references`` finds the
    definite descriptions and pronouns (``kg.nlp.references.ReferenceFinder``)."""
    book = ClusterBook(doc, article)
    ents: list[Span] = []
    for e in doc.ents:  # each entity asked once whether it is a post's portfolio
        if is_portfolio_of_title(e):
            if k := national_prefix(e):  # "(Ecuadorean) Energy Minister": the demonym stays
                ents.append(Span(doc, e.start, e.start + k, label="NORP"))
        elif (kg_label(e) or e.label_ == "NORP") and not in_portfolio_list(e):
            ents.append(with_lower_head(e))
    ents.sort(key=lambda e: e.start)
    # twice: a full name found to be a person's ("Phillips Idowu") settles its short forms
    ents = persons_named_as_others(doc, persons_named_as_others(doc, ents))
    owned = [e for e in ents if is_owned_unit(e)]
    named = [e for e in ents if e.label_ not in _PERSONS and not is_acronym(e)
             and e not in owned]
    # one-word organization names last, so that "the Commission" finds "European Commission"
    for span in sorted(named, key=lambda e: (is_bare_head(e), e.start)):
        add_named(book, span)
    parenthesised_names(book)
    add_acronyms(book, [e for e in ents if is_acronym(e) and kg_label(e)])
    for span in owned:  # after acronyms, so that "MOC's ..." finds the ministry
        add_named(book, span)
    add_persons(book, [e for e in ents if e.label_ in _PERSONS])
    national_bodies_in_lower_case(book)
    add_unnamed_bodies(book)
    add_trader_bodies(book)
    descriptions_in_apposition(book)
    for cluster, short in book.shorts:
        same_short_name(book, cluster, short)
    merge_inverted(book)
    merge_product_tails(book)
    merge_product_heads(book)
    label_products(book)
    demonyms_inside_other_spans(book)
    countries_in_currencies(book)
    countries_in_body_names(book)
    seats_of_known_acronyms(book)
    community_in_commission_name(book)
    table = mention_table(doc, article, book.clusters)
    # a surname or acronym written alone is a mention like any other: the pronouns and
    # descriptions after it refer to the latest one ("Yulo said ... He said": Yulo, not the
    # person named in full before him)
    surnames(doc, table)
    acronyms(doc, table)
    refer(doc, table, finder=references)
    forward_titles(doc, table)
    return table
