"""A shipment named as made by a country: "the shipment of 2.2 mln barrels will be made by
the Saudis", "Saudi Arabia will make the first shipment of 500,000 barrels". The verb
"make" says nothing of its own: who makes the shipment ships the goods."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.trader_keys import trader_key


def shipment_maker(ctx: Context, noun: Token) -> str | None:
    """The country that makes the shipment ``noun`` names: the subject of "make" when the
    noun is its object, the agent ("by ...") when the noun is its passive subject; None
    for anything else or anyone but a country ("made by sea", "made by the company")."""
    if noun.lower_ not in flow_words("cargo_nouns") | flow_words("export_nouns") or noun.pos_ != "NOUN":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in flow_words("shipment_making_verbs") or verb.pos_ != "VERB":
        return None
    if noun.dep_ == "dobj":
        makers = [c for c in verb.children if c.dep_ == "nsubj"]
    elif noun.dep_ == "nsubjpass":
        makers = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    else:
        return None
    key = trader_key(ctx, makers[0]) if makers else None
    return key if key is not None and ctx.type(key) is EntityType.COUNTRY else None


__all__ = ["shipment_maker"]
